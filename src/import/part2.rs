//! Part II: issued shares and treasury shares per class, and in v1.2.0 each class's public
//! float sufficiency confirmation.

use super::classes::{Grid, Registry, grid, grid_number};
use super::doc::join_lines;
use super::reader::Ctx;
use super::verify::Key;
use crate::model::path::{self, FormPart};
use crate::model::{IssuedBlock, MonthlyReturn, PublicFloat};

const A1: f32 = 203.53;
const B1: f32 = 401.95;
const C1: f32 = 600.38;
/// Left of the public float values (the label cells end at 247.47).
const SPLIT: f32 = 247.47;

fn column(mid: f32) -> Option<usize> {
    match mid {
        m if m < A1 => None,
        m if m < B1 => Some(0),
        m if m < C1 => Some(1),
        _ => Some(2),
    }
}

pub fn parse(
    ctx: &mut Ctx<'_>,
    (from, to): (usize, usize),
    reg: &mut Registry,
    ret: &mut MonthlyReturn,
) {
    let doc = ctx.doc;
    let t = ctx.t;
    if ctx.not_applicable(from, to) {
        ret.part2.part.not_applicable = true;
        return;
    }
    let remarks = doc.find_by(from, to, |i| i.text == t.remarks && i.x < 30.0);
    let body_end = remarks.unwrap_or(to);
    let starts: Vec<usize> = (from + 1..body_end)
        .filter(|&k| grid_number(doc.text(k), &t.class_header.class_of_shares).is_some())
        .collect();
    for (b, &start) in starts.iter().enumerate() {
        let end = starts.get(b + 1).copied().unwrap_or(body_end);
        let (class, after) = grid(ctx, start, end, Grid::Capital, reg.len());
        let mut block = IssuedBlock::new(reg.intern(class));
        let rows = [&t.rows.preceding, &t.rows.movement, &t.rows.close];
        let mut cells: [[Option<usize>; 3]; 3] = [[None; 3]; 3];
        let mut last_row = after;
        for (r, label) in rows.iter().enumerate() {
            let Some(l) = doc.find(after, end, label) else {
                ctx.issue(
                    ctx.page_of(start),
                    &FormPart::II.block(b),
                    format!("the row \"{label}\" was not found"),
                );
                continue;
            };
            for k in doc.on_line(l, after, end, 1.0) {
                last_row = last_row.max(k);
                if let Some(c) = column(doc.items[k].mid()) {
                    cells[r][c] = Some(k);
                }
            }
        }
        block.preceding.excluding_treasury =
            ctx.count(cells[0][0], &path::part2::preceding_excluding_treasury(b));
        block.preceding.treasury = ctx.count(cells[0][1], &path::part2::preceding_treasury(b));
        block.movement.excluding_treasury =
            ctx.count(cells[1][0], &path::part2::movement_excluding_treasury(b));
        block.movement.treasury = ctx.count(cells[1][1], &path::part2::movement_treasury(b));
        ctx.printed(
            cells[0][2],
            path::part2::preceding_total(b),
            Key::Issued(b, 0),
        );
        ctx.printed(
            cells[2][0],
            path::part2::close_excluding_treasury(b),
            Key::Issued(b, 1),
        );
        ctx.printed(
            cells[2][1],
            path::part2::close_treasury(b),
            Key::Issued(b, 2),
        );
        ctx.printed(cells[2][2], path::part2::close_total(b), Key::Issued(b, 3));
        if ctx.version.has_public_float() {
            block.public_float = public_float(ctx, b, last_row, end);
        }
        ret.part2.part.blocks.push(block);
    }
    if let Some(r) = remarks {
        ret.part2.remarks = ctx.remarks(r, to);
    }
}

fn public_float(ctx: &mut Ctx<'_>, b: usize, from: usize, to: usize) -> PublicFloat {
    let doc = ctx.doc;
    let mut pf = PublicFloat::default();
    let Some(pft) = ctx.t.version(ctx.version).public_float.as_ref() else {
        return pf;
    };
    let Some(head) = doc.find(from, to, &pft.heading) else {
        ctx.issue(
            ctx.page_of(from),
            &path::part2::public_float(b),
            format!("\"{}\" was not found", pft.heading),
        );
        return pf;
    };
    let complied = doc.find(head, to, &pft.complied);
    let not_complied = doc.find(head, to, &pft.not_complied);
    // The tick: a small mark in the tick boxes' column, on the baseline of the line it ticks.
    let ticks: Vec<usize> = (head..to)
        .filter(|&k| {
            let i = &doc.items[k];
            i.x < 40.0 && i.size < 8.5 && i.page == doc.items[head].page
        })
        .collect();
    for k in ticks {
        doc.mark(&[k]);
        let y = doc.items[k].y;
        let near = |l: Option<usize>| l.map(|l| (doc.items[l].y - y).abs() < 4.0).unwrap_or(false);
        if near(complied) {
            pf.complied = Some(true);
        } else if near(not_complied) {
            pf.complied = Some(false);
        }
    }
    let threshold = doc.find(head, to, &pft.threshold);
    let additional = doc.find(head, to, &pft.additional_information);
    let width = 798.52 - SPLIT - 2.0 * 2.83;
    let value = |label: Option<usize>, end: usize| -> String {
        let Some(l) = label else {
            return String::new();
        };
        let y = doc.items[l].y;
        let lines: Vec<(f32, String)> = (l.saturating_sub(2)..end.min(to))
            .map(|k| &doc.items[k])
            .filter(|i| {
                i.page == doc.items[l].page && i.x > SPLIT && i.x < SPLIT + 6.0 && i.y > y - 1.0
            })
            .inspect(|i| i.mark())
            .map(|i| (i.y, i.text.clone()))
            .collect();
        join_lines(&lines, &|_| width, 9.0)
    };
    pf.threshold = value(threshold, additional.unwrap_or(to));
    pf.additional_information = value(additional, to);
    pf
}
