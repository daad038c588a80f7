//! Part III: (A) share options, (B) warrants, (C) convertibles, (D) other arrangements, (E) other
//! movements, then the grand totals per class. Each sub-part starts a page; each class block is
//! a variant-III class grid, a table whose heading row repeats on continuation pages, rows that
//! are never split (a row carries its per-row fields), the XX1/XX2 summary lines and remarks.

use super::cursor::Cursor;
use super::fmt;
use super::geom::*;
use super::table::{
    Col, GridVariant, cell, class_grid, class_grid_height, heading_height, heading_lines,
    heading_row, leading, left_lines, money_line, not_applicable, part_heading, remarks,
    sub_heading, summary_line, wrap_nice,
};
use crate::calc::Derived;
use std::collections::HashMap;

use crate::model::{
    ClassId, ConvertibleType, MonthlyReturn, OptionMovement, ShareClass, TypeOfIssue,
};
use crate::pdf::frame::{Font, Item, Page};
use crate::pdf::metrics::{text_width, wrap};
use crate::template::Texts;

/// Right end of part III's number columns.
const R3: f32 = 797.93;
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
enum Cell {
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
enum Field {
    Text(String),
    Money(String, String),
}

/// A laid-out row: drawn relative to top 0.
struct RowUnit {
    items: Vec<Item>,
    height: f32,
}

fn data_row(edges: &[f32], cells: Vec<Cell>, fields: Vec<(String, Field)>) -> RowUnit {
    let mut p = Page::a4_landscape();
    let size = DATA_III;
    let lead = leading(size);
    // Height first.
    let mut h = ROW_H;
    for (c, w) in cells.iter().zip(edges.windows(2)) {
        match c {
            Cell::Desc(_, s) => {
                let n = wrap(s, Font::Regular, size, w[1] - NUM_X1 - 2.0 * PAD).len();
                h = h.max(n as f32 * lead + 4.0);
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
                Field::Text(s) => {
                    p.line(FIELD_X0, line_y, FIELD_X1, line_y, RULE);
                    if !s.is_empty() {
                        p.text(FIELD_X0 + 0.25, value_base, Font::Regular, fs, s.clone());
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
        h = base - 17.63 + 6.54;
    }
    RowUnit {
        items: p.items,
        height: h,
    }
}

/// A summary line of a block: label, value (blank when every input was blank), class text.
struct Summary {
    label: String,
    value: String,
    class_text: String,
}

/// Lays out one class block: grid, heading row, rows (heading repeated after a page break),
/// the outer box per page, summary lines, optional funds line, remarks.
#[allow(clippy::too_many_arguments)]
fn block(
    cur: &mut Cursor,
    t: &Texts,
    number: usize,
    class: Option<&ShareClass>,
    head_cols: &[Col<'_>],
    rows: Vec<RowUnit>,
    summaries: Vec<Summary>,
    funds: Option<(String, String, String)>,
    remarks_text: &str,
) {
    let grid_h = class_grid_height(GridVariant::Details, class, t);
    let head_h = heading_height(&heading_lines(head_cols, HEAD_III), HEAD_III);
    let first_h = rows.first().map_or(0.0, |r| r.height);
    if !cur.fits(grid_h + head_h + first_h + 2.84) && !cur.at_top() {
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
        if !cur.fits(row.height + 2.84) && !cur.at_top() {
            close_box(cur, seg_top);
            cur.new_page();
            seg_top = cur.y;
            let mut p = Page::a4_landscape();
            heading_row(&mut p, head_cols, 0.0, HEAD_III);
            cur.place(p.items, head_h);
        }
        cur.place(row.items, row.height);
    }
    cur.y += 2.84;
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

/// The two summary lines of (A)–(D): XX1 = Σ X1 + Σ X2, XX2 = Σ X2 (from `calc`), printed only
/// when some input of the column was filled in.
fn xx_summaries(
    t: &Texts,
    name: &str,
    letter: char,
    xx: &crate::calc::Summary,
    any_x1: bool,
    any_x2: bool,
) -> Vec<Summary> {
    let p3 = &t.part3;
    vec![
        Summary {
            label: p3.increase_line.clone(),
            value: if any_x1 || any_x2 {
                fmt::opt_count(xx.xx1)
            } else {
                String::new()
            },
            class_text: format!("{name} ({letter}{letter}1)"),
        },
        Summary {
            label: p3.decrease_treasury_line.clone(),
            value: if any_x2 {
                fmt::opt_count(xx.xx2)
            } else {
                String::new()
            },
            class_text: format!("{name} ({letter}{letter}2)"),
        },
    ]
}

const SUB_FIRST: f32 = 7.81;

/// Heading of a sub-part: on page 3 under the III heading, else at the top of a new page.
fn start_sub(
    cur: &mut Cursor,
    t: &Texts,
    heading: &str,
    not_applicable_x: f32,
    na: bool,
    first: bool,
) {
    let base = if first {
        cur.y + 21.22
    } else {
        cur.new_page();
        cur.y + SUB_FIRST
    };
    sub_heading(cur, heading, base);
    if na {
        let right = SUB_X + text_width(heading, Font::Bold, BODY);
        not_applicable(cur, t, right, not_applicable_x, base + 0.29);
    } else {
        cur.y = base + 11.03;
    }
}

pub fn layout(cur: &mut Cursor, ret: &MonthlyReturn, d: &Derived, t: &Texts) {
    let p3 = &t.part3;
    cur.new_page();
    part_heading(cur, &p3.heading);
    let date = fmt::opt_date;
    let count = fmt::opt_count;
    let amount = fmt::opt_amount;

    // (A) share options.
    let a = &p3.a;
    start_sub(cur, t, &a.heading, 304.16, ret.part3a.not_applicable, true);
    let cols_a = [
        20.69, 131.24, 216.28, 372.73, 457.77, 542.81, 627.85, 712.89, R3,
    ];
    let head_a = cols(
        &cols_a,
        &[
            &a.particulars,
            &a.preceding,
            &a.movement,
            &a.close,
            &a.new_shares,
            &a.from_treasury,
            &a.issuable,
            &a.remaining,
        ],
    );
    for (i, b) in ret.part3a.active().iter().enumerate() {
        let f = d.part3a.get(i).cloned().unwrap_or_default();
        let rows = b
            .schemes
            .iter()
            .enumerate()
            .map(|(r, s)| {
                let moves = OptionMovement::ALL
                    .into_iter()
                    .filter_map(|m| {
                        s.movement(m).map(|v| {
                            let signed =
                                v.checked_mul(m.sign()).map(fmt::count).unwrap_or_default();
                            (m.label().to_string(), signed)
                        })
                    })
                    .collect();
                data_row(
                    &cols_a,
                    vec![
                        Cell::Desc(r + 1, s.particulars.clone()),
                        Cell::Num(count(s.preceding_outstanding)),
                        Cell::Moves(moves),
                        Cell::Num(count(f.closing_outstanding.get(r).copied().flatten())),
                        Cell::Num(count(s.new_shares)),
                        Cell::Num(count(s.from_treasury)),
                        Cell::Num(count(s.shares_issuable_at_close)),
                        Cell::Num(count(s.remaining_to_be_granted)),
                    ],
                    vec![(
                        p3.gm_approval.clone(),
                        Field::Text(date(s.gm_approval_date)),
                    )],
                )
            })
            .collect();
        let name = d.class_name(ret, b.class);
        let any1 = b.schemes.iter().any(|s| s.new_shares.is_some());
        let any2 = b.schemes.iter().any(|s| s.from_treasury.is_some());
        let sums = xx_summaries(t, &name, 'A', &f.summary, any1, any2);
        let funds = Some((
            a.funds_raised.clone(),
            b.funds_raised.currency.trim().to_string(),
            amount(b.funds_raised.amount),
        ));
        block(
            cur,
            t,
            i + 1,
            d.class(ret, b.class),
            &head_a,
            rows,
            sums,
            funds,
            &b.remarks,
        );
        cur.y += 25.0;
    }

    // (B) warrants.
    let bt = &p3.b;
    start_sub(
        cur,
        t,
        &bt.heading,
        315.49,
        ret.part3b.not_applicable,
        false,
    );
    let cols_c = [
        20.69, 176.60, 216.28, 301.32, 457.77, 542.81, 627.85, 712.89, R3,
    ];
    let head_b = cols(
        &cols_c,
        &[
            &bt.description,
            &bt.currency,
            &bt.preceding,
            &bt.exercised,
            &bt.close,
            &bt.new_shares,
            &bt.from_treasury,
            &bt.issuable,
        ],
    );
    for (i, b) in ret.part3b.active().iter().enumerate() {
        let f = d.part3b.get(i).cloned().unwrap_or_default();
        let rows = b
            .warrants
            .iter()
            .enumerate()
            .map(|(r, w)| {
                let desc = match w.expiry_date {
                    Some(e) => format!("{} ({})", w.description.trim(), fmt::date_dmy(e)),
                    None => w.description.trim().to_string(),
                };
                data_row(
                    &cols_c,
                    vec![
                        Cell::Desc(r + 1, desc),
                        Cell::Text(w.currency.trim().to_string()),
                        Cell::Num(amount(w.preceding_nominal)),
                        Cell::Num(amount(w.exercised_nominal)),
                        Cell::Num(fmt::opt_derived(
                            f.closing_nominal.get(r).copied().flatten(),
                        )),
                        Cell::Num(count(w.new_shares)),
                        Cell::Num(count(w.from_treasury)),
                        Cell::Num(count(w.shares_issuable_at_close)),
                    ],
                    vec![
                        (
                            bt.stock_code.clone(),
                            Field::Text(w.stock_code.trim().to_string()),
                        ),
                        (
                            bt.subscription_price.clone(),
                            Field::Money(
                                w.subscription_price.currency.trim().to_string(),
                                amount(w.subscription_price.amount),
                            ),
                        ),
                        (
                            p3.gm_approval.clone(),
                            Field::Text(date(w.gm_approval_date)),
                        ),
                    ],
                )
            })
            .collect();
        let name = d.class_name(ret, b.class);
        let any1 = b.warrants.iter().any(|s| s.new_shares.is_some());
        let any2 = b.warrants.iter().any(|s| s.from_treasury.is_some());
        let sums = xx_summaries(t, &name, 'B', &f.summary, any1, any2);
        block(
            cur,
            t,
            i + 1,
            d.class(ret, b.class),
            &head_b,
            rows,
            sums,
            None,
            &b.remarks,
        );
        cur.y += 25.0;
    }

    // (C) convertibles.
    let ct = &p3.c;
    start_sub(cur, t, &ct.heading, 0.0, ret.part3c.not_applicable, false);
    let head_c = cols(
        &cols_c,
        &[
            &ct.description,
            &ct.currency,
            &ct.preceding,
            &ct.movement,
            &ct.close,
            &ct.new_shares,
            &ct.from_treasury,
            &ct.issuable,
        ],
    );
    for (i, b) in ret.part3c.active().iter().enumerate() {
        let f = d.part3c.get(i).cloned().unwrap_or_default();
        let rows = b
            .convertibles
            .iter()
            .enumerate()
            .map(|(r, c)| {
                let moves = c
                    .movements
                    .iter()
                    .map(|m| (m.display_label().to_string(), amount(m.amount)))
                    .collect();
                let kind = match c.kind {
                    ConvertibleType::Others if !c.kind_other.trim().is_empty() => {
                        c.kind_other.trim().to_string()
                    }
                    k => k.label().to_string(),
                };
                data_row(
                    &cols_c,
                    vec![
                        Cell::Desc(r + 1, c.description.clone()),
                        Cell::Text(c.currency.trim().to_string()),
                        Cell::Num(amount(c.preceding_amount)),
                        Cell::Moves(moves),
                        Cell::Num(fmt::opt_derived(f.closing_amount.get(r).copied().flatten())),
                        Cell::Num(count(c.new_shares)),
                        Cell::Num(count(c.from_treasury)),
                        Cell::Num(count(c.shares_issuable_at_close)),
                    ],
                    vec![
                        (ct.type_of_convertibles.clone(), Field::Text(kind)),
                        (
                            ct.stock_code.clone(),
                            Field::Text(c.stock_code.trim().to_string()),
                        ),
                        (
                            ct.conversion_price.clone(),
                            Field::Money(
                                c.conversion_price.currency.trim().to_string(),
                                amount(c.conversion_price.amount),
                            ),
                        ),
                        (
                            p3.gm_approval.clone(),
                            Field::Text(date(c.gm_approval_date)),
                        ),
                    ],
                )
            })
            .collect();
        let name = d.class_name(ret, b.class);
        let any1 = b.convertibles.iter().any(|s| s.new_shares.is_some());
        let any2 = b.convertibles.iter().any(|s| s.from_treasury.is_some());
        let sums = xx_summaries(t, &name, 'C', &f.summary, any1, any2);
        block(
            cur,
            t,
            i + 1,
            d.class(ret, b.class),
            &head_c,
            rows,
            sums,
            None,
            &b.remarks,
        );
        cur.y += 25.0;
    }

    // (D) other arrangements.
    let dt = &p3.d;
    start_sub(
        cur,
        t,
        &dt.heading,
        686.83,
        ret.part3d.not_applicable,
        false,
    );
    let cols_d = [20.69, 457.77, 542.81, 627.85, 712.89, R3];
    let head_d = cols(
        &cols_d,
        &[
            &dt.description,
            &p3.gm_approval,
            &dt.new_shares,
            &dt.from_treasury,
            &dt.issuable,
        ],
    );
    for (i, b) in ret.part3d.active().iter().enumerate() {
        let f = d.part3d.get(i).cloned().unwrap_or_default();
        let rows = b
            .arrangements
            .iter()
            .enumerate()
            .map(|(r, a)| {
                data_row(
                    &cols_d,
                    vec![
                        Cell::Desc(r + 1, a.description.clone()),
                        Cell::Text(date(a.gm_approval_date)),
                        Cell::Num(count(a.new_shares)),
                        Cell::Num(count(a.from_treasury)),
                        Cell::Num(count(a.shares_issuable_at_close)),
                    ],
                    Vec::new(),
                )
            })
            .collect();
        let name = d.class_name(ret, b.class);
        let any1 = b.arrangements.iter().any(|s| s.new_shares.is_some());
        let any2 = b.arrangements.iter().any(|s| s.from_treasury.is_some());
        let sums = xx_summaries(t, &name, 'D', &f.summary, any1, any2);
        block(
            cur,
            t,
            i + 1,
            d.class(ret, b.class),
            &head_d,
            rows,
            sums,
            None,
            &b.remarks,
        );
        cur.y += 25.0;
    }

    // (E) other movements.
    let et = &p3.e;
    start_sub(
        cur,
        t,
        &et.heading,
        353.83,
        ret.part3e.not_applicable,
        false,
    );
    let cols_e = [
        20.69, 216.28, 255.96, 372.73, 457.77, 542.81, 627.85, 712.89, R3,
    ];
    let head_e_edges = [20.69, 216.28, 372.73, 457.77, 542.81, 627.85, 712.89, R3];
    let head_e = cols(
        &head_e_edges,
        &[
            &et.type_of_issue,
            &et.price,
            &et.event_date,
            &p3.gm_approval,
            &et.change_excluding_treasury,
            &et.change_treasury,
            &et.pending_cancellation,
        ],
    );
    for (i, b) in ret.part3e.active().iter().enumerate() {
        let f = d.part3e.get(i).cloned().unwrap_or_default();
        let rows = b
            .events
            .iter()
            .enumerate()
            .map(|(r, e)| {
                let kind = match e.type_of_issue {
                    TypeOfIssue::Other if !e.other_description.trim().is_empty() => {
                        e.other_description.trim().to_string()
                    }
                    k => k.label().to_string(),
                };
                data_row(
                    &cols_e,
                    vec![
                        Cell::Desc(r + 1, kind),
                        Cell::Text(e.price.currency.trim().to_string()),
                        Cell::Num(amount(e.price.amount)),
                        Cell::Text(date(e.event_date)),
                        Cell::Text(date(e.gm_approval_date)),
                        Cell::Num(count(e.change_excluding_treasury)),
                        Cell::Num(count(e.change_treasury)),
                        Cell::Num(count(e.pending_cancellation)),
                    ],
                    Vec::new(),
                )
            })
            .collect();
        let name = d.class_name(ret, b.class);
        let any1 = b
            .events
            .iter()
            .any(|e| e.change_excluding_treasury.is_some());
        let any2 = b.events.iter().any(|e| e.change_treasury.is_some());
        let sums = vec![
            Summary {
                label: et.summary_excluding_treasury.clone(),
                value: if any1 { count(f.ee1) } else { String::new() },
                class_text: format!("{name} (EE1)"),
            },
            Summary {
                label: et.summary_treasury.clone(),
                value: if any2 { count(f.ee2) } else { String::new() },
                class_text: format!("{name} (EE2)"),
            },
        ];
        block(
            cur,
            t,
            i + 1,
            d.class(ret, b.class),
            &head_e,
            rows,
            sums,
            None,
            &b.remarks,
        );
        cur.y += 25.0;
    }
    grand_totals(cur, ret, d, t);
}

/// Columns from edges and headings.
fn cols<'a>(edges: &[f32], headings: &[&'a String]) -> Vec<Col<'a>> {
    edges
        .windows(2)
        .zip(headings)
        .map(|(w, h)| Col {
            x0: w[0],
            x1: w[1],
            heading: h.as_str(),
        })
        .collect()
}

/// Which inputs feed the grand totals of each class: a total prints when any of them was
/// filled. One pass over the blocks for all classes; a class missing from the map has none.
fn total_inputs(ret: &MonthlyReturn) -> HashMap<ClassId, (bool, bool)> {
    let mut inputs: HashMap<ClassId, (bool, bool)> = HashMap::new();
    let mut note = |class: ClassId, a: bool, b: bool| {
        let e = inputs.entry(class).or_default();
        e.0 |= a;
        e.1 |= b;
    };
    let mut rows = |class: ClassId, rows: &mut dyn Iterator<Item = (Option<i64>, Option<i64>)>| {
        for (a, b) in rows {
            note(class, a.is_some() || b.is_some(), b.is_some());
        }
    };
    for b in ret.part3a.active() {
        rows(
            b.class,
            &mut b.schemes.iter().map(|s| (s.new_shares, s.from_treasury)),
        );
    }
    for b in ret.part3b.active() {
        rows(
            b.class,
            &mut b.warrants.iter().map(|s| (s.new_shares, s.from_treasury)),
        );
    }
    for b in ret.part3c.active() {
        rows(
            b.class,
            &mut b
                .convertibles
                .iter()
                .map(|s| (s.new_shares, s.from_treasury)),
        );
    }
    for b in ret.part3d.active() {
        rows(
            b.class,
            &mut b
                .arrangements
                .iter()
                .map(|s| (s.new_shares, s.from_treasury)),
        );
    }
    for b in ret.part3e.active() {
        for e in &b.events {
            note(
                b.class,
                e.change_excluding_treasury.is_some(),
                e.change_treasury.is_some(),
            );
        }
    }
    inputs
}

/// The grand totals box per class (printed even when (E) is not applicable).
fn grand_totals(cur: &mut Cursor, ret: &MonthlyReturn, d: &Derived, t: &Texts) {
    let p3 = &t.part3;
    // 26.62 below the (E) heading when (E) is not applicable (cursor at its baseline).
    cur.y += if ret.part3e.not_applicable {
        26.62
    } else {
        0.0
    };
    let h = 50.46;
    let inputs = total_inputs(ret);
    for (k, class) in ret.classes.iter().enumerate() {
        if k > 0 {
            cur.y += 8.0;
        }
        if !cur.fits(h) {
            cur.new_page();
        }
        let top = cur.y;
        let totals = d.class_totals(class.id).cloned().unwrap_or_default();
        let (any1, any2) = inputs.get(&class.id).copied().unwrap_or_default();
        let name = class.summary_name();
        let page = cur.page();
        page.stroke_rect(
            crate::pdf::frame::Rect::from_edges(LEFT, top, 819.00, top + h),
            RULE,
        );
        for (base, label, value, any) in [
            (
                top + 14.51,
                &p3.grand_total_1,
                totals.total_excluding_treasury,
                any1,
            ),
            (top + 39.74, &p3.grand_total_2, totals.total_treasury, any2),
        ] {
            let lines = wrap(label, Font::Regular, BODY, 515.31 - TEXT_LEFT - 20.0);
            let first = base - (lines.len().saturating_sub(1)) as f32 * leading(BODY);
            for (j, l) in lines.iter().enumerate() {
                page.text_right(
                    515.31,
                    first + j as f32 * leading(BODY),
                    Font::Regular,
                    BODY,
                    l.clone(),
                );
            }
            page.line(516.51, base + 6.47, 658.74, base + 6.47, RULE);
            if any {
                page.text_right(
                    658.74 - PAD_FIELD,
                    base,
                    Font::Regular,
                    BODY,
                    fmt::opt_count(value),
                );
            }
            page.text(666.99, base, Font::Regular, BODY, name.clone());
        }
        cur.y = top + h;
    }
}
