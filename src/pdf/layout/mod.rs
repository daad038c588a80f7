//! The FF301 page layout: a return and its derived figures → positioned text, rules and boxes
//! on A4 landscape pages, following `docs/pdf-geometry.md` (measured from the HKEX reference).
//!
//! Pure: no printpdf here; [`crate::pdf::emit`] writes the pages. Every fixed wording comes from
//! [`crate::template::texts`]. Parts are laid out in form order, each from a new page, through a
//! [`cursor::Cursor`] that breaks pages between rows (never inside one); the furniture (`FF301`,
//! `Page X of N`, version, draft mark) is stamped afterwards, once N is known.

mod check;
mod cursor;
pub mod fmt;
mod furniture;
mod notes;
mod part1;
mod part2;
mod part3;
mod part4;
mod part5;
mod table;

use crate::calc::Derived;
use crate::model::MonthlyReturn;
use crate::model::path::FieldPath;
use crate::pdf::frame::Page;
use crate::template::texts;

use cursor::Cursor;

pub use check::{PrintedText, Unprintable, first_unprintable, printed_texts};

/// Geometry shared by every part (points, origin top-left, y down), from `docs/pdf-geometry.md`.
pub mod geom {
    /// Left edge of every table and box.
    pub const LEFT: f32 = 20.69;
    /// Right edge of the share-class grid, part I and the boxes.
    pub const RIGHT: f32 = 798.52;
    /// Left end of body text and labels (LEFT + PAD).
    pub const TEXT_LEFT: f32 = 22.11;
    /// Horizontal cell padding for values: numbers end at cell right − PAD.
    pub const PAD: f32 = 1.42;
    /// Padding of labels in the middle of a grid row.
    pub const PAD_LABEL: f32 = 2.83;
    /// Padding between an underlined field's line and its value.
    pub const PAD_FIELD: f32 = 1.67;
    /// Height of a one-line 9 pt row.
    pub const ROW_H: f32 = 18.14;
    /// Line spacing as a multiple of the font size.
    pub const LEADING: f32 = 1.2;
    /// Baseline offset below a line's vertical centre, as a multiple of the font size.
    pub const CENTRE_TO_BASE: f32 = 0.29;
    pub const RULE: f32 = 0.5;
    pub const GREY: f32 = 0.918;
    /// Part heading x (Bold 10) and sub-part heading x (Bold 9).
    pub const PART_X: f32 = 23.53;
    pub const SUB_X: f32 = 26.36;
    /// Free space on a page: below the `FF301` line, above the footer.
    pub const CONTENT_TOP: f32 = 37.0;
    pub const CONTENT_BOTTOM: f32 = 530.0;
    /// Body text size, small labels, III table headings and III table data.
    pub const BODY: f32 = 9.0;
    pub const HEAD_III: f32 = 7.0;
    pub const DATA_III: f32 = 6.0;
}

/// What the layout needs besides the return.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LayoutOptions {
    /// Number of error findings; above zero every page carries `DRAFT — n errors`.
    pub error_count: usize,
}

/// Why a return cannot be laid out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LayoutError {
    /// No font the PDF can embed shows a character of this field: a Chinese character without
    /// a CJK font on the machine, an emoji, a tab. `field` names it in the form's words, `path` is the path of
    /// the rule `PDF-001` finding on it and `message` that finding's message.
    #[error("{field}: {message}")]
    Unencodable {
        field: String,
        path: FieldPath,
        message: String,
    },
}

/// Lays out `ret` as FF301 pages. Refuses unencodable text before drawing anything.
pub fn layout(
    ret: &MonthlyReturn,
    derived: &Derived,
    opts: &LayoutOptions,
) -> Result<Vec<Page>, LayoutError> {
    check::encodable(ret)?;
    let t = texts();
    let mut cur = Cursor::new();
    furniture::header_block(&mut cur, ret, t);
    part1::layout(&mut cur, ret, derived, t);
    cur.new_page();
    part2::layout(&mut cur, ret, derived, t);
    part3::layout(&mut cur, ret, derived, t);
    cur.new_page();
    part4::layout(&mut cur, ret, derived, t);
    cur.new_page();
    part5::layout(&mut cur, ret, t);
    cur.new_page();
    notes::layout(&mut cur, ret, t);
    let mut pages = cur.finish();
    furniture::stamp(&mut pages, ret.template_version, opts, t);
    Ok(pages)
}
