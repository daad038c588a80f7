//! Part IV: Hong Kong Depositary Receipts, one table row per HDR line.

use super::doc::{Item, join_lines};
use super::reader::Ctx;
use super::verify::Key;
use crate::model::path;
use crate::model::{HdrLine, MonthlyReturn};
use crate::pdf::Font;
use crate::pdf::metrics::wrap;

const EDGES: [f32; 9] = [
    20.69, 176.60, 243.30, 353.70, 433.30, 513.00, 585.00, 657.00, 798.52,
];
const SIZE: f32 = 7.0;
const PAD: f32 = 1.42;

pub fn parse(ctx: &mut Ctx<'_>, (from, to): (usize, usize), ret: &mut MonthlyReturn) {
    let doc = ctx.doc;
    let t = ctx.t;
    if ctx.not_applicable(from, to) {
        ret.part4.part.not_applicable = true;
        return;
    }
    let p4 = &t.part4;
    let headings = [
        &p4.description,
        &p4.stock_code,
        &p4.depositary,
        &p4.ratio,
        &p4.preceding,
        &p4.movement,
        &p4.close,
        &p4.underlying,
    ];
    let lines = headings
        .iter()
        .zip(EDGES.windows(2))
        .map(|(h, w)| wrap(h, Font::Regular, SIZE, w[1] - w[0] - 2.0 * PAD).len())
        .max()
        .unwrap_or(1);
    let head_h = lines as f32 * SIZE * 1.2 + 9.02;
    let Some(heading) = doc.items.get(from) else {
        return;
    };
    let remarks = doc.find_by(from, to, |i| i.text == t.remarks && i.x < 30.0);
    let end = remarks.unwrap_or(to);
    let data: Vec<usize> = (from + 1..end)
        .filter(|&k| {
            let i = &doc.items[k];
            let top = if i.page == heading.page {
                heading.y + 14.12
            } else {
                37.0
            };
            (i.size - SIZE).abs() < 0.2 && i.y > top + head_h
        })
        .collect();
    doc.mark(&data);
    // A row's lines are 8.4 pt apart; the next row starts at least 14.4 pt lower.
    let mut rows: Vec<Vec<usize>> = Vec::new();
    for k in data {
        let i = &doc.items[k];
        match rows.last_mut() {
            Some(row)
                if row.last().is_some_and(|&l| {
                    let l = &doc.items[l];
                    l.page == i.page && i.y - l.y < 11.0
                }) =>
            {
                row.push(k)
            }
            _ => rows.push(vec![k]),
        }
    }
    for (n, row) in rows.iter().enumerate() {
        let cell = |c: usize| -> Vec<&Item> {
            row.iter()
                .map(|&k| &doc.items[k])
                .filter(|i| i.mid() >= EDGES[c] && i.mid() < EDGES[c + 1])
                .collect()
        };
        let text = |c: usize| -> String {
            let lines: Vec<(f32, String)> = cell(c).iter().map(|i| (i.y, i.text.clone())).collect();
            let w = EDGES[c + 1] - EDGES[c] - 2.0 * PAD;
            join_lines(&lines, &|_| w, SIZE)
        };
        let index = |c: usize| -> Option<usize> {
            row.iter().copied().find(|&k| {
                let i = &doc.items[k];
                i.mid() >= EDGES[c] && i.mid() < EDGES[c + 1]
            })
        };
        let mut line = HdrLine {
            description: text(0),
            stock_code: text(1),
            depositary: text(2),
            ..HdrLine::default()
        };
        line.hdrs_per_share = ctx.amount(index(3), &path::part4::hdrs_per_share(n));
        line.preceding_hdrs = ctx.count(index(4), &path::part4::preceding_hdrs(n));
        line.movement_hdrs = ctx.count(index(5), &path::part4::movement_hdrs(n));
        ctx.printed(index(6), path::part4::close_hdrs(n), Key::Hdr(n, 0));
        ctx.printed(index(7), path::part4::underlying_shares(n), Key::Hdr(n, 1));
        ret.part4.part.blocks.push(line);
    }
    if let Some(r) = remarks {
        ret.part4.remarks = ctx.remarks(r, to);
    }
}
