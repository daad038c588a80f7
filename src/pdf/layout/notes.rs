//! The notes page: 5 notes in v1.1.0, 6 in v1.2.0, from the template texts.

use super::cursor::Cursor;
use super::geom::*;
use super::table::{leading, left_lines};
use crate::model::MonthlyReturn;
use crate::pdf::frame::Font;
use crate::pdf::metrics::wrap;
use crate::template::Texts;

const TEXT_X: f32 = 80.23;
const BULLET_TEXT_X: f32 = 108.58;
const NOTE_GAP: f32 = 18.0;
const PARA_GAP: f32 = 14.1;
/// WinAnsi bullet in place of the reference's CJK full-width stop.
const BULLET: &str = "\u{2022}";

pub fn layout(cur: &mut Cursor, ret: &MonthlyReturn, t: &Texts) {
    let lead = leading(BODY);
    let base = cur.y + 9.23;
    cur.page().text(
        TEXT_LEFT,
        base,
        Font::Regular,
        BODY,
        t.notes_heading.clone(),
    );
    let mut y = base + 21.83;
    let width = RIGHT - TEXT_X;
    for note in &t.version(ret.template_version).notes {
        // Blocks of lines (paragraphs, bullets) each kept whole on a page.
        let mut first = true;
        let mut blocks: Vec<(f32, Vec<String>, bool)> = note
            .paragraphs
            .iter()
            .map(|p| (TEXT_X, wrap(p, Font::Regular, BODY, width), false))
            .collect();
        blocks.extend(note.bullets.iter().map(|b| {
            (
                BULLET_TEXT_X,
                wrap(b, Font::Regular, BODY, RIGHT - BULLET_TEXT_X),
                true,
            )
        }));
        for (k, (x, lines, bullet)) in blocks.iter().enumerate() {
            if k > 0 {
                y += PARA_GAP - lead + if *bullet { 3.0 } else { 0.0 };
            }
            let h = lines.len() as f32 * lead;
            if y + h - lead > CONTENT_BOTTOM {
                cur.new_page();
                y = cur.y + 9.23;
            }
            let page = cur.page();
            if first {
                page.text(TEXT_LEFT, y, Font::Regular, BODY, note.number.clone());
                first = false;
            }
            if *bullet {
                page.text(TEXT_X, y, Font::Regular, BODY, BULLET);
            }
            left_lines(page, *x, y, Font::Regular, BODY, lines);
            y += h;
        }
        y += NOTE_GAP - lead;
    }
    cur.y = y;
}
