//! Page furniture: the page-1 header block, and on every page `FF301`, `Page X of N`, the
//! template version and the draft mark (stamped after pagination, when N is known).

use super::LayoutOptions;
use super::cursor::Cursor;
use super::fmt;
use super::geom::*;
use crate::model::{MonthlyReturn, TemplateVersion};
use crate::pdf::frame::{Font, Page};
use crate::pdf::metrics::{text_width, wrap};
use crate::template::Texts;

/// Right end of the title's justified first line: the reference's run ends at 800.16 with a
/// trailing space (Bold 11: 3.06), its last letter (`Movements in`) at 797.10. Wrapping to it
/// is HKEX's wrapping, which counts that space.
const TITLE_RIGHT: f32 = 797.10;
/// Where the header values start, and their underlines.
const VALUE_X: f32 = 136.91;
const UNDERLINE_X0: f32 = 135.25;
const SHORT_UNDERLINE_X1: f32 = 277.48;
const LONG_UNDERLINE_X1: f32 = 798.77;

/// Title and header fields on page 1 (the HKEX logo area above them stays empty), leaving the
/// cursor where part I's heading goes.
pub fn header_block(cur: &mut Cursor, ret: &MonthlyReturn, t: &Texts) {
    let page = cur.page();
    // The title is justified like the reference: every line but the last fills the width.
    let title = wrap(&t.title, Font::Bold, 11.0, TITLE_RIGHT - TEXT_LEFT);
    for (i, line) in title.iter().enumerate() {
        let base = 97.10 + i as f32 * 13.2;
        if i + 1 < title.len() {
            page.text_justified(TEXT_LEFT, TITLE_RIGHT, base, Font::Bold, 11.0, line.clone());
        } else {
            page.text(TEXT_LEFT, base, Font::Bold, 11.0, line.clone());
        }
    }
    // A longer title (it never is) pushes the block down.
    let extra = (title.len().max(2) - 2) as f32 * 13.2;
    let h = &t.header;
    let value = |page: &mut Page, base: f32, x1: f32, text: &str| {
        page.text(VALUE_X, base, Font::Regular, BODY, text);
        page.line(UNDERLINE_X0, base + 6.47, x1, base + 6.47, RULE);
    };
    let b = 137.13 + extra;
    page.text(TEXT_LEFT, b, Font::Bold, BODY, h.month_ended.clone());
    value(
        page,
        b,
        SHORT_UNDERLINE_X1,
        &fmt::opt_date(ret.header.month_end),
    );
    page.text(621.69, b, Font::Regular, BODY, h.status.clone());
    page.text(658.20, b, Font::Regular, BODY, ret.header.status.label());
    page.line(656.54, b + 6.47, LONG_UNDERLINE_X1, b + 6.47, RULE);
    page.text(TEXT_LEFT, 164.06 + extra, Font::Regular, BODY, h.to.clone());
    let b = 188.72 + extra;
    page.text(TEXT_LEFT, b, Font::Regular, BODY, h.issuer.clone());
    // A very long issuer name is shrunk to fit its line rather than run off the page.
    let name = ret.header.issuer_name.trim();
    let room = LONG_UNDERLINE_X1 - VALUE_X - PAD;
    let size = if text_width(name, Font::Regular, BODY) > room {
        (BODY * room / text_width(name, Font::Regular, BODY)).max(4.0)
    } else {
        BODY
    };
    page.text(VALUE_X, b, Font::Regular, size, name);
    page.line(UNDERLINE_X0, b + 6.47, LONG_UNDERLINE_X1, b + 6.47, RULE);
    let b = 209.70 + extra;
    page.text(TEXT_LEFT, b, Font::Regular, BODY, h.date_submitted.clone());
    value(
        page,
        b,
        SHORT_UNDERLINE_X1,
        &fmt::opt_date(ret.header.date_submitted),
    );
    // Part I's heading baseline is 237.48 = CONTENT_TOP + 200.48 + 20.6 (see `part_heading`).
    cur.y = 216.88 + extra;
}

/// `FF301` top right, `Page i of N` and the version in the footer, and the draft mark.
pub fn stamp(pages: &mut [Page], version: TemplateVersion, opts: &LayoutOptions, t: &Texts) {
    let n = pages.len();
    let draft = (opts.error_count > 0).then(|| draft_text(opts.error_count));
    for (i, page) in pages.iter_mut().enumerate() {
        // The top furniture goes first in drawing order (as read), the footer last.
        let mut top = Page::a4_landscape();
        if let Some(d) = &draft {
            let x = page.width_pt / 2.0 - text_width(d, Font::Bold, 12.0) / 2.0;
            top.grey_text(x, 27.27, Font::Bold, 12.0, 0.55, d.clone());
        }
        top.text(761.56, 27.27, Font::Regular, BODY, t.form_code.clone());
        page.items.splice(0..0, top.items);
        page.text(390.73, 547.76, Font::Regular, BODY, t.footer(i + 1, n));
        page.text(763.82, 547.76, Font::Regular, BODY, version.footer());
    }
}

/// `DRAFT — 1 error`, `DRAFT — 3 errors`.
pub fn draft_text(errors: usize) -> String {
    let noun = if errors == 1 { "error" } else { "errors" };
    format!("DRAFT \u{2014} {errors} {noun}")
}
