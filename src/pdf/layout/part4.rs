//! Part IV: Hong Kong Depositary Receipts (*inferred* table: no filed return with HDRs).

use super::cursor::Cursor;
use super::fmt;
use super::geom::*;
use super::table::{
    Col, cell, heading_row, leading, left_lines, not_applicable, part_heading, remarks,
};
use crate::calc::Derived;
use crate::model::MonthlyReturn;
use crate::pdf::frame::{Font, Page};
use crate::pdf::metrics::{text_width, wrap};
use crate::template::Texts;

const EDGES: [f32; 10] = [
    20.69, 176.60, 243.30, 353.70, 433.30, 513.00, 585.00, 657.00, 729.00, RIGHT,
];

pub fn layout(cur: &mut Cursor, ret: &MonthlyReturn, d: &Derived, t: &Texts) {
    let p4 = &t.part4;
    let base = part_heading(cur, &p4.heading);
    if ret.part4.part.not_applicable {
        let right = PART_X + text_width(&p4.heading, Font::Bold, 10.0);
        not_applicable(cur, t, right, 321.17, base);
        return;
    }
    let headings = [
        &p4.description,
        &p4.stock_code,
        &p4.depositary,
        &p4.ratio,
        &p4.preceding,
        &p4.movement,
        &p4.close,
        &p4.underlying,
        &t.part3.d["issuable"],
    ];
    // The last column is not used: merge it into the one before.
    let cols: Vec<Col<'_>> = EDGES
        .windows(2)
        .zip(headings)
        .take(8)
        .map(|(w, h)| Col {
            x0: w[0],
            x1: w[1],
            heading: h,
        })
        .map(|mut c| {
            if c.x1 >= 729.0 {
                c.x1 = RIGHT;
            }
            c
        })
        .collect();
    cur.y = base + 14.12;
    let mut p = Page::a4_landscape();
    let hh = heading_row(&mut p, &cols, 0.0, HEAD_III);
    cur.place(p.items, hh);
    let size = DATA_III + 1.0;
    for (i, line) in ret.part4.part.blocks.iter().enumerate() {
        let f = d.part4.get(i).cloned().unwrap_or_default();
        let texts = [
            line.description.trim().to_string(),
            line.stock_code.trim().to_string(),
            line.depositary.trim().to_string(),
        ];
        let nums = [
            fmt::opt_amount(line.hdrs_per_share),
            fmt::opt_count(line.preceding_hdrs),
            fmt::opt_count(line.movement_hdrs),
            fmt::opt_count(f.close_hdrs),
            fmt::opt_count(f.underlying_shares),
        ];
        let wrapped: Vec<Vec<String>> = texts
            .iter()
            .zip(&cols)
            .map(|(s, c)| wrap(s, Font::Regular, size, c.x1 - c.x0 - 2.0 * PAD))
            .collect();
        let n = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        let h = (n as f32 * leading(size) + 6.0).max(ROW_H);
        let mut p = Page::a4_landscape();
        for c in &cols {
            cell(&mut p, c.x0, 0.0, c.x1, h);
        }
        for (lines, c) in wrapped.iter().zip(&cols) {
            left_lines(&mut p, c.x0 + PAD, 11.0, Font::Regular, size, lines);
        }
        for (s, c) in nums.iter().zip(&cols[3..]) {
            if !s.is_empty() {
                p.text_right(c.x1 - PAD, 11.0, Font::Regular, size, s.clone());
            }
        }
        if !cur.fits(h) {
            cur.new_page();
            let mut p2 = Page::a4_landscape();
            heading_row(&mut p2, &cols, 0.0, HEAD_III);
            cur.place(p2.items, hh);
        }
        cur.place(p.items, h);
    }
    remarks(cur, t, &ret.part4.remarks);
}
