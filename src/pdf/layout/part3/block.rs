//! One class block of a Part III sub-part: the class grid, the heading row (repeated after a
//! page break), the rows (never split), the outer box per page, the summary lines and remarks.
//! The same for every sub-part; what differs (which summary lines) is passed in.

use super::super::cursor::Cursor;
use super::super::fmt;
use super::super::geom::*;
use super::super::table::{
    Col, GridVariant, class_grid, class_grid_height, heading_height, heading_lines, heading_row,
    money_line, remarks, summary_line,
};
use super::row::RowUnit;
use crate::model::ShareClass;
use crate::pdf::frame::Page;
use crate::template::Texts;

/// A summary line of a block: label, value (blank when every input was blank), class text.
pub(super) struct Summary {
    pub label: String,
    pub value: String,
    pub class_text: String,
}

/// III(A)'s `Total funds raised …` line: label, currency, amount.
pub(super) type Funds = (String, String, String);

/// Lays out one class block: grid, heading row, rows (heading repeated after a page break),
/// the outer box per page, summary lines, optional funds line, remarks.
#[allow(clippy::too_many_arguments)]
pub(super) fn block(
    cur: &mut Cursor,
    t: &Texts,
    number: usize,
    class: Option<&ShareClass>,
    head_cols: &[Col<'_>],
    rows: Vec<RowUnit>,
    summaries: Vec<Summary>,
    funds: Option<Funds>,
    remarks_text: &str,
) {
    let grid_h = class_grid_height(GridVariant::Details, class, t);
    let head_h = heading_height(&heading_lines(head_cols, HEAD_III), HEAD_III);
    let first_h = rows.first().map_or(0.0, |r| r.height);
    if !cur.fits(grid_h + head_h + first_h) && !cur.at_top() {
        cur.new_page();
    }
    let mut seg_top = cur.y;
    let mut p = Page::a4_landscape();
    let gh = class_grid(&mut p, GridVariant::Details, number, class, t, 0.0);
    heading_row(&mut p, head_cols, gh, HEAD_III);
    cur.place(p.items, gh + head_h);
    let close_box = |cur: &mut Cursor, top: f32| {
        let bottom = cur.y;
        cur.page().stroke_rect(
            crate::pdf::frame::Rect::from_edges(LEFT, top, RIGHT, bottom),
            RULE,
        );
    };
    for row in rows {
        if !cur.fits(row.height) && !cur.at_top() {
            close_box(cur, seg_top);
            cur.new_page();
            seg_top = cur.y;
            let mut p = Page::a4_landscape();
            heading_row(&mut p, head_cols, 0.0, HEAD_III);
            cur.place(p.items, head_h);
        }
        cur.place(row.items, row.height);
    }
    // The box closes on the last row: a row with fields under it already ends 2.84 below
    // the last underline (III(C) on the reference: 255.86 → 258.70), a row without fields
    // ends on its own bottom rule (a box 2.84 lower would print as a double rule).
    close_box(cur, seg_top);
    // Summary lines stay together.
    let lines = summaries.len() + usize::from(funds.is_some());
    let need = 25.85 + (lines.saturating_sub(1)) as f32 * 20.98 + 8.0;
    if !cur.fits(need) {
        cur.new_page();
    }
    let mut base = cur.y + 25.85;
    for s in &summaries {
        summary_line(cur.page(), base, &s.label, &s.value, &s.class_text);
        base += 20.98;
    }
    if let Some((label, ccy, amount)) = funds {
        money_line(cur.page(), base, &label, &ccy, &amount);
        base += 20.98;
    }
    cur.y = base - 20.98;
    remarks(cur, t, remarks_text);
}

/// The two summary lines of a block, `{letter}{letter}1` and `{letter}{letter}2`, each printed
/// only when some input of its column was filled in (a blank block prints blank, not `0`).
pub(super) fn summaries(
    labels: [&String; 2],
    name: &str,
    letter: char,
    values: [Option<i64>; 2],
    typed: [bool; 2],
) -> Vec<Summary> {
    (0..2)
        .map(|k| Summary {
            label: labels[k].clone(),
            value: if typed[k] {
                fmt::opt_count(values[k])
            } else {
                String::new()
            },
            class_text: format!("{name} ({letter}{letter}{})", k + 1),
        })
        .collect()
}
