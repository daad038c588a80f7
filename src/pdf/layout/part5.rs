//! Part V: the confirmation paragraph, items (i)–(viii) (amended text when the issuer changed
//! an item), and the signature lines.

use super::cursor::Cursor;
use super::geom::*;
use super::table::{cell, leading, left_lines, not_applicable, part_heading};
use crate::model::MonthlyReturn;
use crate::pdf::frame::Font;
use crate::pdf::metrics::{text_width, wrap};
use crate::template::Texts;

/// Where continuation lines of an item hang.
const ITEM_HANG: f32 = 39.62;
/// Where items (i)–(viii) start their text on the reference: HKEX writes each as one string,
/// the label followed by 3, 2, 2, 2, 3, 2, 1 and 1 spaces. (viii)'s continuation hangs at
/// 42.13, the others' at [`ITEM_HANG`].
const ITEM_TEXT_X: [f32; 8] = [37.61, 37.10, 39.10, 39.61, 40.11, 39.61, 39.10, 41.10];
const ITEM_HANG_VIII: f32 = 42.13;
const SIGN_VALUE_X: f32 = 121.32;
const SIGN_LINE: (f32, f32) = (119.70, 630.43);

pub fn layout(cur: &mut Cursor, ret: &MonthlyReturn, t: &Texts) {
    let p5 = &t.part5;
    let vt = t.version(ret.template_version);
    let base = part_heading(cur, &p5.heading);
    let conf = &ret.part5;
    if conf.not_applicable {
        let right = PART_X + text_width(&p5.heading, Font::Bold, 10.0);
        not_applicable(cur, t, right, 0.0, base);
        return;
    }
    let lead = leading(BODY);
    // Paragraph, then the note reference on its own line.
    let para = wrap(
        &vt.confirmation_paragraph,
        Font::Regular,
        BODY,
        RIGHT - TEXT_LEFT - 1.0,
    );
    let first = base + 22.64;
    left_lines(cur.page(), TEXT_LEFT, first, Font::Regular, BODY, &para);
    let note_base = first + para.len() as f32 * lead;
    cur.page().text(
        TEXT_LEFT,
        note_base,
        Font::Regular,
        BODY,
        vt.confirmation_note.clone(),
    );
    // Items box: an item is never split; a long list continues in a new box on the next page.
    let mut top = note_base + 14.16;
    let mut box_top = top;
    let mut y = top + 10.39;
    for (i, number) in p5.item_numbers.iter().enumerate() {
        let text = conf.item_text(i, &vt.confirmation_items);
        let x = ITEM_TEXT_X.get(i).copied().unwrap_or_else(|| {
            ITEM_HANG.max(TEXT_LEFT + text_width(number, Font::Regular, BODY) + 2.5)
        });
        let hang = if i == 7 { ITEM_HANG_VIII } else { ITEM_HANG };
        let first_w = RIGHT - PAD - x;
        let mut lines = wrap(text, Font::Regular, BODY, first_w);
        // Continuation lines hang a little further left than the first line's text.
        if lines.len() > 1 {
            let rest = lines[1..].join(" ");
            lines.truncate(1);
            lines.extend(wrap(&rest, Font::Regular, BODY, RIGHT - PAD - hang));
        }
        let h = lines.len() as f32 * lead;
        if y - 10.39 + h + 4.71 > CONTENT_BOTTOM {
            cell(
                cur.page(),
                LEFT,
                box_top,
                RIGHT,
                y - 10.39 - lead + 4.71 + 10.39 - 10.8,
            );
            cur.new_page();
            top = cur.y;
            box_top = top;
            y = top + 10.39;
        }
        let page = cur.page();
        page.text(TEXT_LEFT, y, Font::Regular, BODY, number.clone());
        if let Some((head, rest)) = lines.split_first() {
            page.text(x, y, Font::Regular, BODY, head.clone());
            left_lines(page, hang, y + lead, Font::Regular, BODY, rest);
        }
        y += h + lead;
    }
    let box_bottom = y - lead - lead + 4.71;
    cell(cur.page(), LEFT, box_top, RIGHT, box_bottom);
    cur.y = box_bottom;
    // Signature block (kept together).
    if !cur.fits(41.46 + 20.98 + 18.14 + 30.0) {
        cur.new_page();
    }
    let b = cur.y + 41.46;
    let title_lines = wrap(
        conf.title.trim(),
        Font::Regular,
        BODY,
        SIGN_LINE.1 - SIGN_VALUE_X - PAD,
    );
    let page = cur.page();
    page.text(TEXT_LEFT, b, Font::Regular, BODY, p5.submitted_by.clone());
    page.text(
        SIGN_VALUE_X,
        b + 0.25,
        Font::Regular,
        BODY,
        conf.submitted_by.trim(),
    );
    page.line(SIGN_LINE.0, b + 6.44, SIGN_LINE.1, b + 6.44, RULE);
    let b2 = b + 20.98;
    page.text(TEXT_LEFT, b2, Font::Regular, BODY, p5.title.clone());
    left_lines(
        page,
        SIGN_VALUE_X,
        b2 + 0.25,
        Font::Regular,
        BODY,
        &title_lines,
    );
    let extra = (title_lines.len().max(1) - 1) as f32 * lead;
    page.line(
        SIGN_LINE.0,
        b2 + extra + 6.46,
        SIGN_LINE.1,
        b2 + extra + 6.46,
        RULE,
    );
    let b3 = b2 + extra + 18.14;
    page.text(126.99, b3, Font::Regular, BODY, p5.officer.clone());
    let sep = b3 + 29.12;
    page.line(20.44, sep, 798.77, sep, 1.42);
    cur.y = sep;
}
