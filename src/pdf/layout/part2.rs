//! Part II: movements in issued shares and treasury shares, per class; in v1.2.0 each class is
//! followed by its public float sufficiency confirmation with two drawn tick boxes.

use super::cursor::Cursor;
use super::fmt;
use super::geom::*;
use super::table::{
    Col, GridVariant, cell, class_grid, heading_row, leading, left_lines, not_applicable, num_mid,
    part_heading, remarks, shaded, text_mid,
};
use crate::calc::Derived;
use crate::model::{IssuedBlock, MonthlyReturn};
use crate::pdf::frame::{Font, Page, Rect};
use crate::pdf::metrics::{text_width, wrap};
use crate::template::{PublicFloatTexts, Texts};

const A1: f32 = 203.53;
const B1: f32 = 401.95;
const C1: f32 = 600.38;
const D1: f32 = 798.80;
const DATA_ROW: f32 = 18.29;

pub fn layout(cur: &mut Cursor, ret: &MonthlyReturn, d: &Derived, t: &Texts) {
    let vt = t.version(ret.template_version);
    let base = part_heading(cur, &vt.part2_heading);
    if ret.part2.part.not_applicable {
        let right = PART_X + text_width(&vt.part2_heading, Font::Bold, 10.0);
        not_applicable(cur, t, right, 0.0, base);
        return;
    }
    cur.y = base + 14.12;
    let pf_texts = vt.public_float.as_ref();
    let blocks = &ret.part2.part.blocks;
    for (i, b) in blocks.iter().enumerate() {
        if i > 0 {
            cur.y += 14.0;
        }
        let mut unit = Page::a4_landscape();
        let h = table(&mut unit, ret, d, t, i, b);
        if !cur.fits(h) && !cur.at_top() {
            cur.new_page();
        }
        cur.place(unit.items, h);
        if let Some(pft) = pf_texts {
            let mut unit = Page::a4_landscape();
            let h = public_float(&mut unit, b, pft);
            if !cur.fits(h) && !cur.at_top() {
                cur.new_page();
            }
            cur.place(unit.items, h);
        }
    }
    remarks(cur, t, &ret.part2.remarks);
}

/// The class grid and the balance table of block `i`; returns its height.
fn table(
    unit: &mut Page,
    ret: &MonthlyReturn,
    d: &Derived,
    t: &Texts,
    i: usize,
    b: &IssuedBlock,
) -> f32 {
    let p2 = &t.part2;
    let mut y = class_grid(
        unit,
        GridVariant::Capital,
        i + 1,
        d.class(ret, b.class),
        t,
        0.0,
    );
    let cols = [
        Col {
            x0: LEFT,
            x1: A1,
            heading: "",
        },
        Col {
            x0: A1,
            x1: B1,
            heading: &p2.excluding_treasury,
        },
        Col {
            x0: B1,
            x1: C1,
            heading: &p2.treasury,
        },
        Col {
            x0: C1,
            x1: D1,
            heading: &p2.total,
        },
    ];
    y += heading_row(unit, &cols, y, BODY);
    let f = d.part2.get(i).cloned().unwrap_or_default();
    let rows = [
        (
            &t.rows.preceding,
            fmt::opt_count(b.preceding.excluding_treasury),
            fmt::opt_count(b.preceding.treasury),
            Some(fmt::opt_count(f.preceding_total)),
        ),
        (
            &t.rows.movement,
            fmt::opt_count(b.movement.excluding_treasury),
            fmt::opt_count(b.movement.treasury),
            None,
        ),
        (
            &t.rows.close,
            fmt::opt_count(f.close_excluding_treasury),
            fmt::opt_count(f.close_treasury),
            Some(fmt::opt_count(f.close_total)),
        ),
    ];
    for (label, ex, tr, total) in rows {
        cell(unit, LEFT, y, A1, y + DATA_ROW);
        cell(unit, A1, y, B1, y + DATA_ROW);
        cell(unit, B1, y, C1, y + DATA_ROW);
        text_mid(unit, TEXT_LEFT, y, DATA_ROW, Font::Regular, BODY, label);
        num_mid(unit, B1, y, DATA_ROW, BODY, &ex);
        num_mid(unit, C1, y, DATA_ROW, BODY, &tr);
        match total {
            Some(total) => {
                cell(unit, C1, y, D1, y + DATA_ROW);
                num_mid(unit, D1, y, DATA_ROW, BODY, &total);
            }
            // The increase/decrease row has no total: the cell is shaded.
            None => shaded(unit, C1, y, D1, y + DATA_ROW),
        }
        y += DATA_ROW;
    }
    y
}

/// One tick box; `ticked` draws the tick as two strokes (the reference's ✔ glyph is not in
/// WinAnsi).
fn tick_box(unit: &mut Page, top: f32, ticked: bool) {
    unit.fill_rect(
        Rect::from_edges(26.36, top, 36.36, top + 10.0),
        1.0,
        Some(RULE),
    );
    // The reference's tick: ✔ at 7 pt (Adobe Pi there, the DejaVu Sans fallback here), its
    // origin at x 28.40, 7.53 below the box's top (box 248.80, baseline 256.33).
    if ticked {
        unit.text(28.40, top + 7.53, Font::Regular, 7.0, "\u{2714}");
    }
}

/// The v1.2.0 public float block of one class; returns its height.
fn public_float(unit: &mut Page, b: &IssuedBlock, pft: &PublicFloatTexts) -> f32 {
    let lead = leading(BODY);
    let pf = &b.public_float;
    let head_base = 19.61;
    unit.text(PART_X, head_base, Font::Bold, BODY, pft.heading.clone());
    let inner = |x0: f32, x1: f32| x1 - x0 - 2.0 * 4.26;
    let mut y = head_base + 14.40;
    let top = y;
    // Paragraph.
    let para = wrap(&pft.paragraph, Font::Regular, BODY, inner(LEFT, RIGHT));
    let h = para.len() as f32 * lead + 1.04;
    cell(unit, LEFT, y, RIGHT, y + h);
    left_lines(unit, 24.95, y + 8.53, Font::Regular, BODY, &para);
    y += h;
    // Tick boxes.
    let h = 28.34;
    cell(unit, LEFT, y, RIGHT, y + h);
    tick_box(unit, y + 2.08, pf.complied == Some(true));
    tick_box(unit, y + 16.26, pf.complied == Some(false));
    unit.text(57.69, y + 9.69, Font::Regular, BODY, pft.complied.clone());
    unit.text(
        57.69,
        y + 23.86,
        Font::Regular,
        BODY,
        pft.not_complied.clone(),
    );
    y += h;
    // Requirement sentence.
    let req = wrap(&pft.requirement, Font::Regular, BODY, inner(LEFT, RIGHT));
    let h = (req.len() as f32 * lead + 7.35).max(18.15);
    cell(unit, LEFT, y, RIGHT, y + h);
    left_lines(unit, 24.95, y + 11.68, Font::Regular, BODY, &req);
    y += h;
    // Threshold and additional information: label cell + wrapped value cell. The reference
    // sets the two labels differently: `Applicable public float threshold` at x 24.95, 8.52
    // below the row's top; `Additional information` at 23.53, 9.52 below it.
    let split = 247.47;
    for (label, value, min_h, label_x, dy) in [
        (&pft.threshold, &pf.threshold, 22.63, 24.95, 8.52),
        (
            &pft.additional_information,
            &pf.additional_information,
            34.02,
            PART_X,
            9.52,
        ),
    ] {
        let lines = wrap(
            value.trim(),
            Font::Regular,
            BODY,
            RIGHT - split - 2.0 * PAD_LABEL,
        );
        let h = (lines.len() as f32 * lead + 1.03).max(min_h);
        cell(unit, LEFT, y, split, y + h);
        cell(unit, split, y, RIGHT, y + h);
        unit.text(label_x, y + dy, Font::Regular, BODY, label.clone());
        left_lines(unit, split + PAD_LABEL, y + dy, Font::Regular, BODY, &lines);
        y += h;
    }
    let _ = top;
    y
}
