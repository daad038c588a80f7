//! The text of the whole return as one list of items in reading order (page, baseline, x), with
//! the page furniture (`FF301`, the draft mark, `Page X of N`, the version) set apart, and the
//! look-ups the part parsers share: a label, the runs on its baseline, the lines of a wrapped
//! cell, and the wrapped text put back together.

use std::cell::Cell;

use super::text::{PageText, Run};
use crate::pdf::Font;
use crate::pdf::metrics::text_width;

/// One run with its page (0-based).
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub page: usize,
    pub x: f32,
    pub x1: f32,
    pub y: f32,
    pub size: f32,
    pub bold: bool,
    pub text: String,
    /// Set once a parser has read the item (as a field, a label or a value).
    pub used: Cell<bool>,
}

impl Item {
    /// Notes that a parser has read this item.
    pub fn mark(&self) {
        self.used.set(true);
    }

    /// Same page and baseline (within `tol` points).
    pub fn level(&self, other: &Item, tol: f32) -> bool {
        self.page == other.page && (self.y - other.y).abs() <= tol
    }

    pub fn mid(&self) -> f32 {
        (self.x + self.x1) / 2.0
    }
}

/// Top furniture (`FF301`, draft mark) is above this baseline, the footer below [`FOOTER`].
const HEADER: f32 = 34.0;
const FOOTER: f32 = 538.0;

/// The content items of the return, and the footer texts of each page.
pub struct Doc {
    pub items: Vec<Item>,
    /// Per page: the runs above the content (`FF301`, a draft mark).
    pub tops: Vec<Vec<String>>,
    /// Per page: the footer runs left to right (`Page 1 of 10`, `v`, `1.2.0`).
    pub footers: Vec<Vec<String>>,
}

impl Doc {
    pub fn new(pages: Vec<PageText>) -> Doc {
        let mut items = Vec::new();
        let mut tops = Vec::new();
        let mut footers = Vec::new();
        for (page, p) in pages.into_iter().enumerate() {
            let mut top = Vec::new();
            let mut footer: Vec<Run> = Vec::new();
            for r in p.runs {
                if r.y < HEADER {
                    top.push(r.text);
                } else if r.y > FOOTER {
                    footer.push(r);
                } else {
                    items.push(Item {
                        page,
                        x: r.x,
                        x1: r.x1,
                        y: r.y,
                        size: r.size,
                        bold: r.bold,
                        text: r.text,
                        used: Cell::new(false),
                    });
                }
            }
            footer.sort_by(|a, b| a.x.total_cmp(&b.x));
            tops.push(top);
            footers.push(footer.into_iter().map(|r| r.text).collect());
        }
        Doc {
            items,
            tops,
            footers,
        }
    }

    pub fn pages(&self) -> usize {
        self.footers.len()
    }

    /// First item at or after `from` (and before `to`) whose text is `label`.
    pub fn find(&self, from: usize, to: usize, label: &str) -> Option<usize> {
        self.find_by(from, to, |i| i.text == label)
    }

    pub fn find_by(&self, from: usize, to: usize, f: impl Fn(&Item) -> bool) -> Option<usize> {
        let to = to.min(self.items.len());
        (from.min(to)..to).find(|&k| f(&self.items[k]))
    }

    /// Indices in `from..to` on the baseline of item `at` (within `tol`), left to right.
    pub fn on_line(&self, at: usize, from: usize, to: usize, tol: f32) -> Vec<usize> {
        let Some(anchor) = self.items.get(at) else {
            return Vec::new();
        };
        let to = to.min(self.items.len());
        // Items are in (page, baseline) order: the line is a window around `at`.
        let near = |k: usize| {
            let i = &self.items[k];
            i.page == anchor.page && (i.y - anchor.y).abs() <= tol + 0.1
        };
        let mut lo = at.min(to);
        while lo > from && near(lo - 1) {
            lo -= 1;
        }
        let mut hi = at.max(lo);
        while hi < to && (hi == at || near(hi)) {
            hi += 1;
        }
        let mut v: Vec<usize> = (lo.max(from)..hi)
            .filter(|&k| self.items[k].level(anchor, tol))
            .collect();
        v.sort_by(|&a, &b| self.items[a].x.total_cmp(&self.items[b].x));
        // A line looked up is a line read: its labels and values are accounted for.
        self.mark(&v);
        v
    }

    /// The lines of a left-aligned wrapped cell: the item at `first`, then each item in
    /// `first+1..to` that starts at the same x on the next baseline (one `leading` lower, or
    /// further down the page when blank lines were kept), within `max_gap` leadings; stops at
    /// the first baseline with no such item. Returns the indices.
    pub fn column_lines(
        &self,
        first: usize,
        to: usize,
        leading: f32,
        max_gap: usize,
    ) -> Vec<usize> {
        let mut lines = vec![first];
        let Some(head) = self.items.get(first) else {
            return Vec::new();
        };
        let mut last_y = head.y;
        let to = to.min(self.items.len());
        for k in first + 1..to {
            let it = &self.items[k];
            if it.page != head.page {
                break;
            }
            if (it.x - head.x).abs() > 0.6 || (it.size - head.size).abs() > 0.1 {
                continue;
            }
            let steps = (it.y - last_y) / leading;
            let whole = steps.round();
            if whole >= 1.0 && (steps - whole).abs() < 0.06 && whole <= max_gap as f32 {
                lines.push(k);
                last_y = it.y;
            } else if it.y > last_y + leading * (max_gap as f32 + 0.5) {
                break;
            }
        }
        self.mark(&lines);
        lines
    }

    /// Notes that the parser has read items `ks`.
    pub fn mark(&self, ks: &[usize]) {
        for &k in ks {
            if let Some(i) = self.items.get(k) {
                i.mark();
            }
        }
    }

    pub fn text(&self, k: usize) -> &str {
        self.items.get(k).map_or("", |i| i.text.as_str())
    }
}

/// Puts wrapped lines back together. `lines` are (baseline, text) in order, `width` the room
/// the text was wrapped to (per line: the first line may have less), `size` its font size.
/// A break is a wrap (joined with a space) when the next line's first word did not fit after
/// this line; a break inside a word (joined with nothing) when this line is one word that the
/// next line's first character would have overflowed; otherwise it was a new line typed in the
/// text. Baselines more than one leading apart mean blank lines in between.
pub fn join_lines(lines: &[(f32, String)], width: &dyn Fn(usize) -> f32, size: f32) -> String {
    let leading = size * 1.2;
    let w = |s: &str| text_width(s, Font::Regular, size);
    let mut out = String::new();
    for (i, (y, line)) in lines.iter().enumerate() {
        if i > 0 {
            let (prev_y, prev) = &lines[i - 1];
            let room = width(i - 1);
            let steps = ((y - prev_y) / leading).round();
            let blank = if steps.is_finite() {
                (steps.clamp(1.0, 51.0) as usize).saturating_sub(1)
            } else {
                0
            };
            let first_word = line.split(' ').next().unwrap_or("");
            let first_char: String = line.chars().take(1).collect();
            if blank > 0 {
                out.push_str(&"\n".repeat(blank + 1));
            } else if !prev.contains(' ') && w(&format!("{prev}{first_char}")) > room {
                // An over-long word broken across lines.
            } else if w(&format!("{prev} {first_word}")) > room {
                out.push(' ');
            } else {
                out.push('\n');
            }
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::metrics::wrap;

    fn round_trip(text: &str, width: f32) -> String {
        let lines: Vec<(f32, String)> = wrap(text, Font::Regular, 9.0, width)
            .into_iter()
            .enumerate()
            .map(|(i, l)| (100.0 + i as f32 * 10.8, l))
            .filter(|(_, l)| !l.is_empty())
            .collect();
        join_lines(&lines, &|_| width, 9.0)
    }

    #[test]
    fn wrapped_text_comes_back_with_its_own_line_breaks() {
        for text in [
            "Convertible Notes in the aggregate principal amount of HK$52,377,600 issued",
            "Initial Prescribed Threshold - 25% of the total\n(excluding treasury shares)",
            "first\n\nthird paragraph",
            "Averyveryveryverylongwordwithoutanyspacesthatmustbebroken and more",
        ] {
            assert_eq!(round_trip(text, 80.0), text);
        }
    }
}
