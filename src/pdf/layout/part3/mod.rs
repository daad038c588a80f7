//! Part III: (A) share options, (B) warrants, (C) convertibles, (D) other arrangements, (E) other
//! movements, then the grand totals per class. Each sub-part starts a page; each class block is
//! a variant-III class grid, a table whose heading row repeats on continuation pages, rows that
//! are never split (a row carries its per-row fields), the XX1/XX2 summary lines and remarks.
//!
//! One generic walk ([`sub_part`]) lays out every sub-part from its description
//! ([`crate::model::subpart`]): [`columns`] turns the description into the table and a row's
//! cells, [`row`] draws a row, [`block`] a class block. What differs between sub-parts beyond
//! their columns (where `Not applicable` sits, the summary lines, III(A)'s funds line) is the
//! small per-part data and hooks below.

mod block;
mod columns;
mod row;

use std::collections::HashMap;

use super::cursor::Cursor;
use super::fmt;
use super::geom::*;
use super::table::{leading, not_applicable, part_heading, sub_heading};
use crate::calc::Derived;
use crate::model::path::FormPart;
use crate::model::subpart::SubPart;
use crate::model::{
    Arrangement, ClassId, Convertible, Event, MonthlyReturn, OptionScheme, Warrant,
};
use crate::pdf::frame::Font;
use crate::pdf::metrics::{text_width, wrap};
use crate::template::Texts;

use block::{Funds, Summary};

const SUB_FIRST: f32 = 7.81;

/// Where `Not applicable` starts after a sub-part's heading, as measured on the reference
/// (0 for (C): after its heading's end, see [`not_applicable`]). Layout data, so kept here.
fn not_applicable_x(part: FormPart) -> f32 {
    match part {
        FormPart::IIIA => 304.16,
        FormPart::IIIB => 315.49,
        FormPart::IIID => 686.83,
        FormPart::IIIE => 353.83,
        _ => 0.0,
    }
}

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
    cur.new_page();
    part_heading(cur, &t.part3.heading);
    sub_part::<OptionScheme>(cur, ret, d, t);
    sub_part::<Warrant>(cur, ret, d, t);
    sub_part::<Convertible>(cur, ret, d, t);
    sub_part::<Arrangement>(cur, ret, d, t);
    sub_part::<Event>(cur, ret, d, t);
    grand_totals(cur, ret, d, t);
}

/// One sub-part: its heading (or `Not applicable`), then a class block per block.
fn sub_part<S: SubPart>(cur: &mut Cursor, ret: &MonthlyReturn, d: &Derived, t: &Texts) {
    let p3 = &t.part3;
    let part = S::part(ret);
    let heading = p3.sub(S::PART).map_or("", |s| s.heading.as_str());
    let first = S::PART == FormPart::IIIA;
    start_sub(
        cur,
        t,
        heading,
        not_applicable_x(S::PART),
        part.not_applicable,
        first,
    );
    let table = columns::table::<S>(p3);
    for (b, block) in part.active().iter().enumerate() {
        let rows = S::rows(block);
        let units = rows
            .iter()
            .enumerate()
            .map(|(r, row)| columns::row(&table, p3, r + 1, row, d.closing(S::PART, b, r)))
            .collect();
        let class = S::block_class(block);
        let (summaries, funds) = block_lines::<S>(ret, d, t, b, class, rows);
        block::block(
            cur,
            t,
            b + 1,
            d.class(ret, class),
            &table.head,
            units,
            summaries,
            funds,
            remarks::<S>(ret, b),
        );
        cur.y += 25.0;
    }
}

/// Whether a row's X2 feeds the first summary line and grand total too: (A)–(D)'s XX1 is
/// Σ X1 + Σ X2 (shares out of treasury become issued shares), (E)'s EE1 is Σ E1 alone.
fn x2_feeds_line_1(part: FormPart) -> bool {
    part != FormPart::IIIE
}

/// Which of a block's two summary lines have a typed input (a blank line prints blank).
fn typed<S: SubPart>(rows: &[S]) -> [bool; 2] {
    let any_x1 = rows.iter().any(|r| S::x1_x2(r).0.is_some());
    let any_x2 = rows.iter().any(|r| S::x1_x2(r).1.is_some());
    [any_x1 || (any_x2 && x2_feeds_line_1(S::PART)), any_x2]
}

/// The lines under block `b`'s table: XX1/XX2 from `calc` for (A)–(D), EE1/EE2 for (E) with
/// wording of their own (signed changes), and III(A)'s funds raised.
fn block_lines<S: SubPart>(
    ret: &MonthlyReturn,
    d: &Derived,
    t: &Texts,
    b: usize,
    class: ClassId,
    rows: &[S],
) -> (Vec<Summary>, Option<Funds>) {
    let p3 = &t.part3;
    let name = d.class_name(ret, class);
    let typed = typed(rows);
    let (labels, values) = match S::PART {
        FormPart::IIIE => {
            let f = d.part3e.get(b).cloned().unwrap_or_default();
            let labels = [&p3.summary_excluding_treasury, &p3.summary_treasury];
            (labels, [f.ee1, f.ee2])
        }
        _ => {
            let xx = d.summary(S::PART, b).unwrap_or_default();
            (
                [&p3.increase_line, &p3.decrease_treasury_line],
                [xx.xx1, xx.xx2],
            )
        }
    };
    let summaries = block::summaries(labels, &name, S::LETTER, values, typed);
    let funds = match S::PART {
        FormPart::IIIA => ret.part3a.active().get(b).map(|block| {
            (
                p3.funds_raised.clone(),
                block.funds_raised.currency.trim().to_string(),
                fmt::opt_amount(block.funds_raised.amount),
            )
        }),
        _ => None,
    };
    (summaries, funds)
}

/// Block `b`'s remarks. By part, because the description reaches them only mutably
/// ([`SubPart::block_remarks`] is for the editor).
fn remarks<S: SubPart>(ret: &MonthlyReturn, b: usize) -> &str {
    S::part(ret).active().get(b).map_or("", S::remarks)
}

/// Which inputs feed the grand totals of each class: a total prints when any of them was
/// filled. The same rule as a block's summary lines ([`typed`]), over every block of the class,
/// in one pass over the blocks (a class missing from the map has none).
fn total_inputs(ret: &MonthlyReturn) -> HashMap<ClassId, [bool; 2]> {
    let mut inputs = HashMap::new();
    note_typed::<OptionScheme>(ret, &mut inputs);
    note_typed::<Warrant>(ret, &mut inputs);
    note_typed::<Convertible>(ret, &mut inputs);
    note_typed::<Arrangement>(ret, &mut inputs);
    note_typed::<Event>(ret, &mut inputs);
    inputs
}

/// Adds [`typed`] of each block of sub-part `S` to its class's entry.
fn note_typed<S: SubPart>(ret: &MonthlyReturn, inputs: &mut HashMap<ClassId, [bool; 2]>) {
    for b in S::part(ret).active() {
        let t = typed(S::rows(b));
        let entry = inputs.entry(S::block_class(b)).or_insert([false; 2]);
        *entry = [entry[0] || t[0], entry[1] || t[1]];
    }
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
        let [any1, any2] = inputs.get(&class.id).copied().unwrap_or_default();
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
