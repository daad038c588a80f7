//! Part I: movements in authorised / registered share capital, per class, and the totals.

use rust_decimal::Decimal;

use super::classes::{Grid, Registry, grid, grid_number};
use super::reader::Ctx;
use super::verify::Key;
use crate::model::path::{self, FormPart};
use crate::model::{AuthorisedBlock, Money, MonthlyReturn};

// Column edges: shares end at B1; par value currency B1–C_CCY, amount to C1; capital currency
// C1–D_CCY, amount to the right edge.
const B1: f32 = 408.47;
const C_CCY: f32 = 445.32;
const C1: f32 = 603.50;
const D_CCY: f32 = 640.35;

/// Which cell of a part I row an item is in, by its middle.
fn column(mid: f32) -> usize {
    match mid {
        m if m < B1 => 0,
        m if m < C_CCY => 1,
        m if m < C1 => 2,
        m if m < D_CCY => 3,
        _ => 4,
    }
}

/// Part I's blocks and total lines in items `from..to` (`from` is the heading).
pub fn parse(
    ctx: &mut Ctx<'_>,
    (from, to): (usize, usize),
    reg: &mut Registry,
    ret: &mut MonthlyReturn,
) {
    let doc = ctx.doc;
    let t = ctx.t;
    if ctx.not_applicable(from, to) {
        ret.part1.part.not_applicable = true;
        return;
    }
    let starts: Vec<usize> = (from + 1..to)
        .filter(|&k| grid_number(doc.text(k), &t.class_header.class_of_shares).is_some())
        .collect();
    let total_label = &t.part1.total;
    let first_total = doc.find(from, to, total_label).unwrap_or(to);
    for (b, &start) in starts.iter().enumerate() {
        let end = starts.get(b + 1).copied().unwrap_or(first_total).min(to);
        let (class, after) = grid(ctx, start, end, Grid::Capital, reg.len());
        let mut block = AuthorisedBlock::new(reg.intern(class));
        let rows = [&t.rows.preceding, &t.rows.movement, &t.rows.close];
        let mut cells: [[Option<usize>; 5]; 3] = [[None; 5]; 3];
        for (r, label) in rows.iter().enumerate() {
            let Some(l) = doc.find(after, end, label) else {
                ctx.issue(
                    ctx.page_of(start),
                    &FormPart::I.block(b),
                    format!("the row \"{label}\" was not found"),
                );
                continue;
            };
            for k in doc.on_line(l, after, end, 1.0) {
                if k != l {
                    cells[r][column(doc.items[k].mid())] = Some(k);
                }
            }
        }
        block.preceding_shares = ctx.count(cells[0][0], &path::part1::preceding_shares(b));
        block.movement_shares = ctx.count(cells[1][0], &path::part1::movement_shares(b));
        let ccy = cells[0][1]
            .or(cells[0][3])
            .or(cells[2][1])
            .or(cells[1][3])
            .map(|k| doc.text(k).to_string())
            .unwrap_or_default();
        let par = ctx.amount(cells[0][2], &path::part1::par_value(b));
        block.par_value = Money {
            currency: ccy,
            amount: par,
        };
        let close_par = ctx.amount(cells[2][2], &path::part1::closing_par_value(b));
        if let Some(cp) = close_par
            && cp != par.unwrap_or_default()
        {
            block.closing_par_value = Some(cp);
        }
        // Capital: shares × par unless it was typed (`Manual input`).
        let paths = [
            path::part1::preceding_capital(b),
            path::part1::movement_capital(b),
            path::part1::close_capital(b),
        ];
        let capital: Vec<Option<Decimal>> =
            (0..3).map(|r| ctx.amount(cells[r][4], &paths[r])).collect();
        let times = |shares: Option<i64>, p: Option<Decimal>| {
            Decimal::from(shares.unwrap_or(0)).checked_mul(p.unwrap_or_default())
        };
        let close_shares = block
            .preceding_shares
            .unwrap_or(0)
            .checked_add(block.movement_shares.unwrap_or(0));
        let computed_pre = times(block.preceding_shares, par);
        let computed_close = close_shares.and_then(|s| {
            times(
                Some(s),
                Some(block.closing_par_value.or(par).unwrap_or_default()),
            )
        });
        let differs = |printed: Option<Decimal>, computed: Option<Decimal>| {
            printed.is_some() && printed != computed
        };
        if differs(capital[0], computed_pre) || differs(capital[2], computed_close) {
            block.manual_capital = true;
            block.manual_preceding_capital = capital[0];
            block.manual_movement_capital = capital[1];
        }
        for (r, p) in paths.into_iter().enumerate() {
            ctx.printed(cells[r][4], p, Key::Capital(b, r));
        }
        ctx.printed(
            cells[2][0],
            path::part1::close_shares(b),
            Key::CloseShares(b),
        );
        ret.part1.part.blocks.push(block);
    }
    // Totals: one line per currency.
    let mut k = first_total;
    while let Some(l) = doc.find(k, to, total_label) {
        let line = doc.on_line(l, l, to, 1.0);
        let ccy = line
            .iter()
            .find(|&&i| i != l && doc.items[i].x < 560.0)
            .map(|&i| doc.text(i).to_string())
            .unwrap_or_default();
        let amount = line.iter().find(|&&i| doc.items[i].x1 > 600.0).copied();
        ctx.printed(amount, path::part1::total(&ccy), Key::CapitalTotal(ccy));
        k = l + 1;
    }
    if let Some(r) = doc.find(from, to, &t.remarks) {
        ret.part1.remarks = ctx.remarks(r, to);
    }
}
