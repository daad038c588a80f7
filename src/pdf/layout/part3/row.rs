//! Drawing one Part III data row: its cells side by side, then the per-row fields under it.
//! Knows nothing of sub-parts: the columns module turns a description and a row into the
//! [`Cell`]s and [`Field`]s drawn here, so every sub-part's rows look alike by construction.

use super::super::geom::*;
use super::super::table::{cell, leading, left_lines, wrap_nice};
use crate::pdf::frame::{Font, Item, Page};
use crate::pdf::metrics::{text_width, wrap};

/// Column 1's row-number cell (`1).`).
const NUM_X1: f32 = 37.70;
/// Per-row field labels end here; values sit on an underline from FIELD_X0 to FIELD_X1.
const FIELD_X0: f32 = 152.54;
const FIELD_X1: f32 = 301.86;
const FIELD_CCY_X1: f32 = 191.31;
const FIELD_AMT_X0: f32 = 192.22;
/// Width of the label cell of a labelled movement, and of its amount cell.
const MOVE_LABEL_W: f32 = 49.09;
const MOVE_AMOUNT_W: f32 = 91.09;

/// What one cell of a III data row shows.
pub(super) enum Cell {
    /// Row number + description, wrapped, top-aligned (first column).
    Desc(usize, String),
    /// Left-aligned single value (currency, date).
    Text(String),
    /// Right-aligned number.
    Num(String),
    /// Labelled amounts stacked in sub-cells (`Granted 1,000`, `Lapsed -112,875`).
    Moves(Vec<(String, String)>),
}

/// A per-row field printed under the row.
pub(super) enum Field {
    Text(String),
    /// A date: set 1.66 into its underline (`05 September 2024` at 154.20 on the reference,
    /// where text values start 0.25 in).
    Date(String),
    /// Currency and amount, each on an underline of its own.
    Money(String, String),
}

/// A laid-out row: drawn relative to top 0.
pub(super) struct RowUnit {
    pub items: Vec<Item>,
    pub height: f32,
}

/// Draws `cells` between consecutive `edges` and the labelled `fields` under them.
pub(super) fn data_row(edges: &[f32], cells: Vec<Cell>, fields: Vec<(String, Field)>) -> RowUnit {
    let mut p = Page::a4_landscape();
    let size = DATA_III;
    let lead = leading(size);
    // Height first.
    let mut h = ROW_H;
    for (c, w) in cells.iter().zip(edges.windows(2)) {
        match c {
            Cell::Desc(_, s) => {
                let n = wrap(s, Font::Regular, size, w[1] - NUM_X1 - 2.0 * PAD).len();
                // First baseline 9.74 below the top, 1.26 under the last one: 3 lines
                // make the reference's 25.40 (143.15 → 168.55).
                h = h.max(n as f32 * lead + 3.8);
            }
            Cell::Moves(m) if !m.is_empty() => h = h.max(m.len() as f32 * ROW_H + 7.26),
            _ => {}
        }
    }
    let num_base = 10.74;
    for (c, w) in cells.iter().zip(edges.windows(2)) {
        let (x0, x1) = (w[0], w[1]);
        cell(&mut p, x0, 0.0, x1, h);
        match c {
            Cell::Desc(n, s) => {
                cell(&mut p, x0, 0.0, NUM_X1, h);
                // `100).` and up are set smaller so they stay in the narrow number cell.
                let label = format!("{n}).");
                let room = NUM_X1 - x0 - 2.0 * PAD;
                let width = text_width(&label, Font::Regular, 8.0);
                let num_size = if width > room {
                    8.0 * room / width
                } else {
                    8.0
                };
                p.text(x0 + PAD, 11.32, Font::Regular, num_size, label);
                let lines = wrap(s, Font::Regular, size, x1 - NUM_X1 - 2.0 * PAD);
                left_lines(&mut p, NUM_X1 + PAD, 9.74, Font::Regular, size, &lines);
            }
            Cell::Text(s) => {
                if !s.is_empty() {
                    p.text(x0 + PAD, num_base, Font::Regular, size, s.clone());
                }
            }
            Cell::Num(s) => {
                if !s.is_empty() {
                    p.text_right(x1 - PAD, num_base, Font::Regular, size, s.clone());
                }
            }
            Cell::Moves(moves) => {
                for (k, (label, value)) in moves.iter().enumerate() {
                    let top = k as f32 * ROW_H;
                    let lx1 = x0 + MOVE_LABEL_W;
                    let ax1 = lx1 + MOVE_AMOUNT_W;
                    cell(&mut p, x0, top, lx1, top + ROW_H);
                    cell(&mut p, lx1, top, ax1, top + ROW_H);
                    p.text(x0 + PAD, top + num_base, Font::Regular, size, label.clone());
                    if !value.is_empty() {
                        p.text_right(
                            ax1 - PAD,
                            top + num_base,
                            Font::Regular,
                            size,
                            value.clone(),
                        );
                    }
                }
            }
        }
    }
    // Fields under the row.
    if !fields.is_empty() {
        let fs = HEAD_III;
        let fl = leading(fs);
        let mut base = h + 13.93;
        for (label, value) in &fields {
            let lines = wrap_nice(label, Font::Regular, fs, FIELD_X0 - TEXT_LEFT - 2.0);
            let n = lines.len().max(1);
            left_lines(&mut p, TEXT_LEFT, base, Font::Regular, fs, &lines);
            let last = base + (n - 1) as f32 * fl;
            let (value_base, line_y) = if n == 1 {
                (base, base + 7.05)
            } else {
                (base + (n - 1) as f32 * fl / 2.0, last + 3.7)
            };
            match value {
                Field::Text(s) | Field::Date(s) => {
                    p.line(FIELD_X0, line_y, FIELD_X1, line_y, RULE);
                    let pad = if matches!(value, Field::Date(_)) {
                        1.66
                    } else {
                        0.25
                    };
                    if !s.is_empty() {
                        p.text(FIELD_X0 + pad, value_base, Font::Regular, fs, s.clone());
                    }
                }
                Field::Money(ccy, amount) => {
                    p.line(FIELD_X0, line_y, FIELD_CCY_X1, line_y, RULE);
                    p.line(FIELD_AMT_X0, line_y, FIELD_X1, line_y, RULE);
                    if !ccy.is_empty() {
                        p.text(FIELD_X0 + 0.25, value_base, Font::Regular, fs, ccy.clone());
                    }
                    if !amount.is_empty() {
                        p.text_right(
                            FIELD_X1 - PAD_FIELD,
                            value_base,
                            Font::Regular,
                            fs,
                            amount.clone(),
                        );
                    }
                }
            }
            base = last + 17.63;
        }
        // 2.84 under the last underline (last label line + 3.7): the class block's box
        // closes there (258.70 on the reference).
        h = base - 17.63 + 6.54;
    }
    RowUnit {
        items: p.items,
        height: h,
    }
}
