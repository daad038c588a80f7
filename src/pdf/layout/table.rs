//! Shared drawing helpers: cells, wrapped and centred text, headings, the share-class header
//! grid, column-heading rows, summary lines and remarks. Everything draws into a scratch
//! [`Page`] whose top is 0; the cursor shifts it into place.

use super::cursor::Cursor;
use super::geom::*;
use crate::model::ShareClass;
use crate::pdf::frame::{Font, Page, Rect};
use crate::pdf::metrics::{text_width, wrap};
use crate::template::Texts;

/// Leading for a font size.
pub fn leading(size: f32) -> f32 {
    size * LEADING
}

/// Baseline of the first of `n` lines vertically centred in a box from `top`, `height` high.
pub fn centred_first_base(top: f32, height: f32, size: f32, n: usize) -> f32 {
    top + height / 2.0 + CENTRE_TO_BASE * size - (n.saturating_sub(1) as f32) * leading(size) / 2.0
}

/// A stroked 0.5 pt cell.
pub fn cell(page: &mut Page, x0: f32, top: f32, x1: f32, bottom: f32) {
    page.stroke_rect(Rect::from_edges(x0, top, x1, bottom), RULE);
}

/// A grey shaded cell (e.g. part II's increase/decrease total).
pub fn shaded(page: &mut Page, x0: f32, top: f32, x1: f32, bottom: f32) {
    page.fill_rect(Rect::from_edges(x0, top, x1, bottom), GREY, Some(RULE));
}

/// Wraps like [`wrap`], but when the text needs two lines and a trailing parenthetical fits on
/// its own line, breaks before the parenthesis, as the reference does
/// (`Number of issued shares` / `(excluding treasury shares)`).
pub fn wrap_nice(text: &str, font: Font, size: f32, width: f32) -> Vec<String> {
    let lines = wrap(text, font, size, width);
    if lines.len() == 2 {
        // The first parenthesis that leaves both halves on one line each.
        for (pos, _) in text.match_indices(" (") {
            let (head, tail) = (text[..pos].trim_end(), text[pos..].trim_start());
            if text_width(head, font, size) <= width && text_width(tail, font, size) <= width {
                return vec![head.to_string(), tail.to_string()];
            }
        }
    }
    lines
}

/// Single line of text vertically centred in a row, left end at `x`.
pub fn text_mid(page: &mut Page, x: f32, top: f32, h: f32, font: Font, size: f32, s: &str) {
    if !s.is_empty() {
        page.text(x, centred_first_base(top, h, size, 1), font, size, s);
    }
}

/// A number (or any right-aligned value) centred vertically, ending at `x1 − PAD`.
pub fn num_mid(page: &mut Page, x1: f32, top: f32, h: f32, size: f32, s: &str) {
    if !s.is_empty() {
        page.text_right(
            x1 - PAD,
            centred_first_base(top, h, size, 1),
            Font::Regular,
            size,
            s,
        );
    }
}

/// Lines centred horizontally between `x0` and `x1` and vertically in the box.
pub fn centred_lines(
    page: &mut Page,
    x0: f32,
    x1: f32,
    top: f32,
    h: f32,
    size: f32,
    lines: &[String],
) {
    let first = centred_first_base(top, h, size, lines.len());
    for (i, line) in lines.iter().enumerate() {
        page.text_centered(
            (x0 + x1) / 2.0,
            first + i as f32 * leading(size),
            Font::Regular,
            size,
            line.clone(),
        );
    }
}

/// Lines left-aligned at `x`, first baseline `first`.
pub fn left_lines(page: &mut Page, x: f32, first: f32, font: Font, size: f32, lines: &[String]) {
    for (i, line) in lines.iter().enumerate() {
        if !line.is_empty() {
            page.text(
                x,
                first + i as f32 * leading(size),
                font,
                size,
                line.clone(),
            );
        }
    }
}

/// A column of a table: its edges and heading.
#[derive(Clone, Debug)]
pub struct Col<'a> {
    pub x0: f32,
    pub x1: f32,
    pub heading: &'a str,
}

/// Heading lines for each column, wrapped to the column width less the padding.
pub fn heading_lines(cols: &[Col<'_>], size: f32) -> Vec<Vec<String>> {
    cols.iter()
        .map(|c| {
            if c.heading.is_empty() {
                Vec::new()
            } else {
                wrap_nice(c.heading, Font::Regular, size, c.x1 - c.x0 - 2.0 * PAD)
            }
        })
        .collect()
}

/// Height of a heading row: the tallest heading plus the reference's margins (51.02 for five
/// 7 pt lines, 27.20 for two 9 pt lines), never less than a plain row.
pub fn heading_height(lines: &[Vec<String>], size: f32) -> f32 {
    let n = lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let margin = if size < 8.0 { 9.02 } else { 5.6 };
    (n as f32 * leading(size) + margin).max(ROW_H)
}

/// Draws a heading row at `top` (cells + centred headings); returns its height.
pub fn heading_row(page: &mut Page, cols: &[Col<'_>], top: f32, size: f32) -> f32 {
    let lines = heading_lines(cols, size);
    let h = heading_height(&lines, size);
    for (c, l) in cols.iter().zip(&lines) {
        cell(page, c.x0, top, c.x1, top + h);
        centred_lines(page, c.x0, c.x1, top, h, size, l);
    }
    h
}

/// Which set of column edges the share-class grid uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GridVariant {
    /// Parts I and II.
    Capital,
    /// Every part III block.
    Details,
}

/// Draws the share-class header grid for block `number` at `top`; returns its height.
pub fn class_grid(
    page: &mut Page,
    variant: GridVariant,
    number: usize,
    class: Option<&ShareClass>,
    t: &Texts,
    top: f32,
) -> f32 {
    let ch = &t.class_header;
    let (e1, e2, listed_size): (&[f32], &[f32], f32) = match variant {
        GridVariant::Capital => (
            &[LEFT, 139.75, 287.15, 372.19, 522.42, 649.98, 706.68, RIGHT],
            &[LEFT, 139.75, 287.15, 372.19, RIGHT],
            8.0,
        ),
        GridVariant::Details => (
            &[LEFT, 139.75, 264.47, 349.51, 477.07, 675.50, 732.19, RIGHT],
            &[LEFT, 139.75, 264.47, 349.51, 774.71, RIGHT],
            9.0,
        ),
    };
    let (class_label, type_label, listed, code, description) = match class {
        Some(c) => (
            c.class_of_shares.label(),
            c.type_of_shares.label(),
            if c.listed {
                ch.yes.as_str()
            } else {
                ch.no.as_str()
            },
            if c.stock_code.trim().is_empty() && !c.listed {
                ch.unlisted_code.clone()
            } else {
                c.stock_code.trim().to_string()
            },
            c.description.as_str(),
        ),
        None => ("", "", "", String::new(), ""),
    };
    // Row 1.
    let h1 = ROW_H;
    for w in e1.windows(2) {
        cell(page, w[0], top, w[1], top + h1);
    }
    let cells1: [(f32, &str, f32); 6] = [
        (
            e1[0] + PAD,
            &format!("{number}. {}", ch.class_of_shares),
            BODY,
        ),
        (e1[1] + PAD, class_label, BODY),
        (e1[2] + PAD_LABEL, &ch.type_of_shares, BODY),
        (e1[3] + PAD, type_label, BODY),
        (e1[4] + PAD_LABEL, &ch.listed, listed_size),
        (e1[5] + PAD, listed, BODY),
    ];
    for (x, s, size) in cells1 {
        text_mid(page, x, top, h1, Font::Regular, size, s);
    }
    // Row 2: the description wraps inside its cell and the row grows.
    let desc_x0 = e2[3];
    let desc_x1 = e2[4];
    let desc = wrap(
        description,
        Font::Regular,
        BODY,
        desc_x1 - desc_x0 - 2.0 * PAD,
    );
    let h2 = (desc.len() as f32 * leading(BODY) + 7.34).max(ROW_H);
    let top2 = top + h1;
    for w in e2.windows(2) {
        cell(page, w[0], top2, w[1], top2 + h2);
    }
    text_mid(
        page,
        e2[0] + PAD,
        top2,
        ROW_H,
        Font::Regular,
        BODY,
        &ch.stock_code,
    );
    text_mid(page, e2[1] + PAD, top2, ROW_H, Font::Regular, BODY, &code);
    // Part III's grid pads this label like a value (measured 265.89 = 264.47 + 1.42).
    let desc_pad = match variant {
        GridVariant::Capital => PAD_LABEL,
        GridVariant::Details => PAD,
    };
    text_mid(
        page,
        e2[2] + desc_pad,
        top2,
        ROW_H,
        Font::Regular,
        BODY,
        &ch.description,
    );
    let first = centred_first_base(top2, ROW_H, BODY, 1);
    left_lines(page, desc_x0 + PAD, first, Font::Regular, BODY, &desc);
    let mut h = h1 + h2;
    // Extra counters of a multi-counter class: one row each.
    if let Some(c) = class {
        for counter in &c.other_counters {
            let top3 = top + h;
            let x = [LEFT, 139.75, e2[2], e2[3], RIGHT];
            for w in x.windows(2) {
                cell(page, w[0], top3, w[1], top3 + ROW_H);
            }
            text_mid(
                page,
                x[0] + PAD,
                top3,
                ROW_H,
                Font::Regular,
                8.0,
                &ch.other_counter,
            );
            text_mid(
                page,
                x[1] + PAD,
                top3,
                ROW_H,
                Font::Regular,
                BODY,
                &counter.stock_code,
            );
            text_mid(
                page,
                x[2] + PAD_LABEL,
                top3,
                ROW_H,
                Font::Regular,
                BODY,
                &ch.currency,
            );
            let value = format!("{} {}", counter.currency, counter.description);
            text_mid(
                page,
                x[3] + PAD,
                top3,
                ROW_H,
                Font::Regular,
                BODY,
                value.trim(),
            );
            h += ROW_H;
        }
    }
    h
}

/// Height of the class grid without drawing it.
pub fn class_grid_height(variant: GridVariant, class: Option<&ShareClass>, t: &Texts) -> f32 {
    let mut scratch = Page::a4_landscape();
    class_grid(&mut scratch, variant, 1, class, t, 0.0)
}

/// Part heading (Bold 10) starting a page: baseline 57.60 when the page is fresh.
pub fn part_heading(cur: &mut Cursor, text: &str) -> f32 {
    let base = cur.y + 20.6;
    cur.page().text(PART_X, base, Font::Bold, 10.0, text);
    cur.y = base;
    base
}

/// Sub-part heading (Bold 9): baseline 44.81 on a fresh page.
pub fn sub_heading(cur: &mut Cursor, text: &str, base: f32) -> f32 {
    cur.page().text(SUB_X, base, Font::Bold, BODY, text);
    cur.y = base;
    base
}

/// `Not applicable` on a heading's baseline, at the reference's position or after the heading.
pub fn not_applicable(cur: &mut Cursor, t: &Texts, heading_right: f32, x: f32, base: f32) {
    let x = x.max(heading_right + 8.25);
    cur.page().text(
        x,
        base - 0.29,
        Font::Regular,
        BODY,
        t.not_applicable.clone(),
    );
}

/// Where a summary line's label ends: the reference's label run ends 441.28 with a trailing
/// space (`…shares): `), so its last visible character ends one Helvetica 9 pt space earlier.
const SUMMARY_LABEL_RIGHT: f32 = 441.28 - 2.5;

/// A summary line: label right-aligned at [`SUMMARY_LABEL_RIGHT`], the value on an underline
/// 445.64–587.87, the class text after it. `base` is the label's baseline.
pub fn summary_line(page: &mut Page, base: f32, label: &str, value: &str, class_text: &str) {
    page.text_right(SUMMARY_LABEL_RIGHT, base, Font::Regular, BODY, label);
    page.line(445.64, base + 6.46, 587.87, base + 6.46, RULE);
    if !value.is_empty() {
        page.text_right(587.87 - PAD_FIELD, base, Font::Regular, BODY, value);
    }
    page.text(596.13, base, Font::Regular, BODY, class_text);
}

/// A money summary line (funds raised): currency on its own underline, amount on another.
pub fn money_line(page: &mut Page, base: f32, label: &str, currency: &str, value: &str) {
    page.text_right(SUMMARY_LABEL_RIGHT, base, Font::Regular, BODY, label);
    page.line(445.64, base + 6.46, 482.49, base + 6.46, RULE);
    page.line(483.40, base + 6.46, 587.87, base + 6.46, RULE);
    if !currency.is_empty() {
        page.text(445.64 + PAD_FIELD, base, Font::Regular, BODY, currency);
    }
    if !value.is_empty() {
        page.text_right(587.87 - PAD_FIELD, base, Font::Regular, BODY, value);
    }
}

/// `Remarks:` and its boxed, wrapped text below the cursor; nothing when blank. The text may
/// continue on following pages, a whole line at a time.
pub fn remarks(cur: &mut Cursor, t: &Texts, text: &str) {
    if text.trim().is_empty() {
        return;
    }
    let lines = wrap(text.trim(), Font::Regular, BODY, RIGHT - LEFT - 2.0 * PAD);
    let lead = leading(BODY);
    // Label + at least the first line together.
    let label_gap = 20.98;
    if !cur.fits(label_gap + 5.0 + lead + 3.5) {
        cur.new_page();
    }
    let base = cur.y + label_gap;
    cur.page()
        .text(TEXT_LEFT, base, Font::Regular, BODY, t.remarks.clone());
    let mut top = base + 5.0;
    let mut rest: &[String] = &lines;
    while !rest.is_empty() {
        let room = ((super::geom::CONTENT_BOTTOM - top - 3.5) / lead)
            .floor()
            .max(1.0) as usize;
        let n = room.min(rest.len());
        let h = n as f32 * lead + 3.5;
        let page = cur.page();
        cell(page, LEFT, top, RIGHT, top + h);
        left_lines(page, TEXT_LEFT, top + 9.7, Font::Regular, BODY, &rest[..n]);
        rest = &rest[n..];
        cur.y = top + h;
        if !rest.is_empty() {
            cur.new_page();
            top = cur.y;
        }
    }
}
