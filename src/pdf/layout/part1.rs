//! Part I: movements in authorised / registered share capital, per class, and the total per
//! currency under the last class.

use super::cursor::Cursor;
use super::fmt;
use super::geom::*;
use super::table::{
    GridVariant, cell, centred_lines, class_grid, not_applicable, num_mid, part_heading, remarks,
    text_mid, wrap_nice,
};
use crate::calc::Derived;
use crate::model::MonthlyReturn;
use crate::pdf::frame::{Font, Page};
use crate::pdf::metrics::text_width;
use crate::template::Texts;

// Column edges: A row labels · B shares · C1/C2 par value · D1/D2 capital.
const A1: f32 = 241.80;
const B1: f32 = 408.47;
const C_CCY: f32 = 445.32;
const C1: f32 = 603.50;
const D_CCY: f32 = 640.35;
/// Row heights: headings, preceding, movement, close (as measured).
const ROWS: [f32; 3] = [18.14, 18.15, 17.47];

pub fn layout(cur: &mut Cursor, ret: &MonthlyReturn, d: &Derived, t: &Texts) {
    let p1 = &t.part1;
    let base = part_heading(cur, &p1.heading);
    if ret.part1.part.not_applicable {
        let right = PART_X + text_width(&p1.heading, Font::Bold, 10.0);
        not_applicable(cur, t, right, 0.0, base);
        return;
    }
    cur.y = base + 14.12;
    let blocks = &ret.part1.part.blocks;
    for (i, b) in blocks.iter().enumerate() {
        let class = d.class(ret, b.class);
        let mut unit = Page::a4_landscape();
        let mut y = class_grid(&mut unit, GridVariant::Capital, i + 1, class, t, 0.0);
        // Column headings.
        let hh = ROW_H;
        cell(&mut unit, LEFT, y, A1, y + hh);
        for (x0, x1, text) in [
            (A1, B1, &p1.shares),
            (B1, C1, &p1.par_value),
            (C1, RIGHT, &p1.capital),
        ] {
            cell(&mut unit, x0, y, x1, y + hh);
            let lines = wrap_nice(text, Font::Regular, BODY, x1 - x0 - 2.0 * PAD);
            centred_lines(&mut unit, x0, x1, y, hh, BODY, &lines);
        }
        y += hh;
        let f = d.part1.get(i).cloned().unwrap_or_default();
        let ccy = b.par_value.currency.trim();
        let typed_movement = b.movement_shares.is_some()
            || (b.manual_capital && b.manual_movement_capital.is_some());
        let rows: [(&str, String, Option<String>, String); 3] = [
            (
                &t.rows.preceding,
                fmt::opt_count(b.preceding_shares),
                Some(fmt::opt_amount(b.par_value.amount)),
                fmt::opt_derived(f.preceding_capital),
            ),
            (
                &t.rows.movement,
                fmt::opt_count(b.movement_shares),
                None,
                if typed_movement {
                    fmt::opt_derived(f.movement_capital)
                } else {
                    String::new()
                },
            ),
            (
                &t.rows.close,
                fmt::opt_count(f.close_shares),
                Some(fmt::opt_amount(f.close_par_value)),
                fmt::opt_derived(f.close_capital),
            ),
        ];
        for ((label, shares, par, capital), h) in rows.iter().zip(ROWS) {
            cell(&mut unit, LEFT, y, A1, y + h);
            cell(&mut unit, A1, y, B1, y + h);
            text_mid(&mut unit, TEXT_LEFT, y, h, Font::Regular, BODY, label);
            num_mid(&mut unit, B1, y, h, BODY, shares);
            // The movement row has no par value cells (blank, no rules).
            if let Some(par) = par {
                cell(&mut unit, B1, y, C_CCY, y + h);
                cell(&mut unit, C_CCY, y, C1, y + h);
                text_mid(&mut unit, B1 + PAD, y, h, Font::Regular, BODY, ccy);
                num_mid(&mut unit, C1, y, h, BODY, par);
            }
            cell(&mut unit, C1, y, D_CCY, y + h);
            cell(&mut unit, D_CCY, y, RIGHT, y + h);
            text_mid(&mut unit, C1 + PAD, y, h, Font::Regular, BODY, ccy);
            num_mid(&mut unit, RIGHT, y, h, BODY, capital);
            y += h;
        }
        if !cur.fits(y) && !cur.at_top() {
            cur.new_page();
        }
        cur.place(unit.items, y);
        cur.y += 14.0;
    }
    cur.y -= 14.0;
    // Totals, one line per currency.
    let mut base = cur.y + 25.86;
    for (ccy, total) in &d.capital_totals {
        if base > CONTENT_BOTTOM {
            cur.new_page();
            base = cur.y + 20.0;
        }
        let page = cur.page();
        page.text_right(523.83, base, Font::Regular, BODY, p1.total.clone());
        page.line(530.68, base + 6.46, 568.03, base + 6.46, RULE);
        page.line(568.95, base + 6.46, 725.35, base + 6.46, RULE);
        page.text(530.93, base, Font::Regular, BODY, ccy.clone());
        page.text_right(
            725.35 - PAD_FIELD,
            base,
            Font::Regular,
            BODY,
            fmt::opt_derived(*total),
        );
        cur.y = base;
        base += 20.98;
    }
    remarks(cur, t, &ret.part1.remarks);
}
