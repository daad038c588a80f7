//! The notes page: 5 notes in v1.1.0, 6 in v1.2.0, from the template texts, placed as on the
//! reference (`docs/pdf-geometry.md` §11).

use super::cursor::Cursor;
use super::geom::*;
use super::table::{leading, left_lines};
use crate::model::{MonthlyReturn, TemplateVersion};
use crate::pdf::frame::Font;
use crate::pdf::metrics::{text_width, wrap};
use crate::template::Texts;

const TEXT_X: f32 = 80.23;
const BULLET_TEXT_X: f32 = 108.58;
/// Between notes when a note has no measured row (see [`ROWS_V120`]): last line → next note.
const NOTE_GAP: f32 = 18.0;
/// Between paragraphs of a note (note 2: 97.00 → 111.10).
const PARA_GAP: f32 = 14.1;
/// A note's text → its first bullet (note 6: 256.77 → 276.22), and a bullet's last line → the
/// next bullet (276.22 → 294.06, 304.86 → 322.70).
const FIRST_BULLET_GAP: f32 = 19.45;
const BULLET_GAP: f32 = 17.84;
/// The reference's bullet: a full-width stop (Adobe Heiti there, the Noto Sans CJK SC fallback
/// here), its baseline 1.2 above the text's (275.02 against 276.22; 321.51 against 322.70).
const BULLET: &str = "\u{FF0E}";
const BULLET_RAISE: f32 = 1.2;

/// The reference's notes are rows of fixed height in HKEX's form: from a note's first baseline
/// to the next note's, v1.2.0 notes 1–5 (68.06, 86.20, 138.84, 177.97, 214.25, 256.77). They
/// are not what the text needs (note 4, two lines, takes 36.28; note 5, three lines, 42.52
/// where note 3's three take 39.13), so they are data, not a rule.
const ROWS_V120: [f32; 5] = [18.14, 52.64, 39.13, 36.28, 42.52];
/// v1.1.0's notes 1, 2, 3, 4, 5 are v1.2.0's 1, 2, 3, 5, 6 word for word: their rows
/// (*inferred*, no v1.1.0 PDF to measure).
const ROWS_V110: [f32; 4] = [18.14, 52.64, 39.13, 42.52];

/// Where each note's number starts: the reference sets 1, 2 and 6 at 23.53, 3–5 at 22.11.
const NUMBER_X_V120: [f32; 6] = [PART_X, PART_X, TEXT_LEFT, TEXT_LEFT, TEXT_LEFT, PART_X];
const NUMBER_X_V110: [f32; 5] = [PART_X, PART_X, TEXT_LEFT, TEXT_LEFT, PART_X];

/// Lines of a note's text. HKEX counts the space after a line's last word when wrapping: note
/// 5's first line ends `already` (775.98 with its space) because `already made ` would end at
/// 800.99, past the right edge, although `already made` (798.49) would fit.
fn note_lines(text: &str, x: f32) -> Vec<String> {
    let space = text_width(" ", Font::Regular, BODY);
    wrap(text, Font::Regular, BODY, RIGHT - x - space)
}

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
    let (rows, number_x): (&[f32], &[f32]) = match ret.template_version {
        TemplateVersion::V1_1_0 => (&ROWS_V110, &NUMBER_X_V110),
        TemplateVersion::V1_2_0 => (&ROWS_V120, &NUMBER_X_V120),
    };
    let mut y = base + 21.83;
    for (n, note) in t.version(ret.template_version).notes.iter().enumerate() {
        // Blocks of lines (paragraphs, then bullets), each kept whole on a page: (x, lines,
        // gap from the previous block's last line, is a bullet).
        let mut blocks: Vec<(f32, Vec<String>, f32, bool)> = note
            .paragraphs
            .iter()
            .map(|p| (TEXT_X, note_lines(p, TEXT_X), PARA_GAP, false))
            .collect();
        let mut gap = FIRST_BULLET_GAP;
        for b in &note.bullets {
            blocks.push((BULLET_TEXT_X, note_lines(b, BULLET_TEXT_X), gap, true));
            gap = BULLET_GAP;
        }
        let mut first_base = None;
        for (k, (x, lines, gap, bullet)) in blocks.iter().enumerate() {
            if k > 0 {
                y += gap - lead;
            }
            let h = lines.len() as f32 * lead;
            if y + h - lead > CONTENT_BOTTOM {
                cur.new_page();
                y = cur.y + 9.23;
                first_base = first_base.map(|_| y);
            }
            let page = cur.page();
            if first_base.is_none() {
                let x = number_x.get(n).copied().unwrap_or(TEXT_LEFT);
                page.text(x, y, Font::Regular, BODY, note.number.clone());
                first_base = Some(y);
            }
            if *bullet {
                page.text(TEXT_X, y - BULLET_RAISE, Font::Regular, BODY, BULLET);
            }
            left_lines(page, *x, y, Font::Regular, BODY, lines);
            y += h;
        }
        // The next note: the measured row below this note's first baseline, unless the text
        // (or a page break) needs more than a paragraph's gap after it (note 2's row leaves
        // 16.94, the least on the reference).
        y = match (rows.get(n), first_base) {
            (Some(row), Some(first)) => (y + PARA_GAP - lead).max(first + row),
            _ => y + NOTE_GAP - lead,
        };
    }
    cur.y = y;
}
