//! Part V: the eight confirmations (the standard wording or the issuer's amendment), submitted
//! by and title.

use super::doc::join_lines;
use super::reader::Ctx;
use crate::model::MonthlyReturn;
use crate::model::path;

const RIGHT: f32 = 798.52;
const PAD: f32 = 1.42;
const SIGN_VALUE_X: f32 = 121.32;
const SIGN_LINE_X1: f32 = 630.43;

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn parse(ctx: &mut Ctx<'_>, (from, to): (usize, usize), ret: &mut MonthlyReturn) {
    let doc = ctx.doc;
    let t = ctx.t;
    let p5 = &t.part5;
    if ctx.not_applicable(from, to) {
        ret.part5.not_applicable = true;
        return;
    }
    let standard = &t.version(ctx.version).confirmation_items;
    let submitted = doc.find_by(from, to, |i| i.text == p5.submitted_by && i.x < 30.0);
    let items_end = submitted.unwrap_or(to);
    // Each item: its number at the left margin, the text after it on the same baseline (or in
    // the same run, as HKEX prints it) and the continuation lines below.
    let mut starts: Vec<(usize, usize, Option<String>)> = Vec::new();
    for k in from + 1..items_end {
        let it = &doc.items[k];
        if it.x > 30.0 {
            continue;
        }
        for (n, number) in p5.item_numbers.iter().enumerate() {
            if it.text == *number {
                starts.push((n, k, None));
            } else if let Some(rest) = it.text.strip_prefix(number.as_str())
                && rest.starts_with(' ')
            {
                starts.push((n, k, Some(rest.trim().to_string())));
            }
        }
    }
    for (s, (n, k, inline)) in starts.iter().enumerate() {
        doc.mark(&[*k]);
        let end = starts.get(s + 1).map_or(items_end, |x| x.1);
        let mut lines: Vec<(f32, String)> = Vec::new();
        let mut widths: Vec<f32> = Vec::new();
        if let Some(first) = inline {
            lines.push((doc.items[*k].y, first.clone()));
            widths.push(RIGHT - PAD - 37.0);
        }
        for j in k + 1..end {
            let it = &doc.items[j];
            // Continuation lines hang at ~40 pt (ours) or start at the margin with spaces
            // (HKEX's); the signature block and the numbers are outside this range.
            if it.x > 60.0 {
                continue;
            }
            it.mark();
            widths.push(RIGHT - PAD - it.x);
            lines.push((it.y, it.text.clone()));
        }
        let text = join_lines(&lines, &|i| widths.get(i).copied().unwrap_or(750.0), 9.0);
        if let Some(slot) = ret.part5.amended_items.get_mut(*n) {
            let same = standard.get(*n).is_some_and(|s| norm(s) == norm(&text));
            *slot = (!same).then_some(text);
        }
    }
    for n in 0..8 {
        if !starts.iter().any(|s| s.0 == n) {
            ctx.issue(
                ctx.page_of(from),
                &path::part5::item(n),
                format!(
                    "confirmation {} was not found",
                    p5.item_numbers.get(n).map_or("", String::as_str)
                ),
            );
        }
    }
    let Some(sb) = submitted else {
        ctx.issue(
            ctx.page_of(from),
            &path::part5::submitted_by(),
            "\"Submitted by:\" was not found",
        );
        return;
    };
    ret.part5.submitted_by = doc
        .on_line(sb, sb, to, 1.0)
        .into_iter()
        .filter(|&i| i != sb)
        .map(|i| doc.text(i))
        .collect::<Vec<_>>()
        .join(" ");
    let Some(tl) = doc.find_by(sb, to, |i| i.text == p5.title && i.x < 30.0) else {
        ctx.issue(
            ctx.page_of(sb),
            &path::part5::title(),
            "\"Title:\" was not found",
        );
        return;
    };
    let officer = doc.find(tl, to, &p5.officer).unwrap_or(to);
    let title_y = doc.items[tl].y;
    let lines: Vec<(f32, String)> = (sb + 1..officer)
        .map(|k| &doc.items[k])
        .filter(|i| (i.x - SIGN_VALUE_X).abs() < 1.0 && i.y > title_y - 1.0)
        .inspect(|i| i.mark())
        .map(|i| (i.y, i.text.clone()))
        .collect();
    let w = SIGN_LINE_X1 - SIGN_VALUE_X - PAD;
    ret.part5.title = join_lines(&lines, &|_| w, 9.0);
}
