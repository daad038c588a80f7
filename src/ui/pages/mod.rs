//! One function per page of the form. Contract with the shell (see `ui/mod.rs`).

use serde::{Deserialize, Serialize};

use crate::calc::Derived;
use crate::model::path::{FieldPath, FormPart};
use crate::model::{
    Arrangement, Convertible, Event, FieldKey, MonthlyReturn, OptionScheme, RowIndex, Warrant,
};
use crate::rules::Finding;

use super::widgets::{FieldBuffers, FindingIndex};

mod classes;
mod common;
mod notes;
mod page1;
mod page2;
mod page4;
mod page5;
mod part3;
mod part3_special;

pub use common::ListAction;

/// The pages of the navigation list, in form order. The header block (issuer, month, status,
/// date submitted) and the share class list live on page I, as on the printed form's page 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Page {
    #[default]
    I,
    II,
    IIIA,
    IIIB,
    IIIC,
    IIID,
    IIIE,
    IV,
    V,
    Notes,
}

impl Page {
    pub const ALL: [Page; 10] = [
        Page::I,
        Page::II,
        Page::IIIA,
        Page::IIIB,
        Page::IIIC,
        Page::IIID,
        Page::IIIE,
        Page::IV,
        Page::V,
        Page::Notes,
    ];

    /// Name in the navigation list.
    pub fn title(self) -> &'static str {
        match self {
            Page::I => "I. Authorised capital",
            Page::II => "II. Issued shares",
            Page::IIIA => "III(A). Share options",
            Page::IIIB => "III(B). Warrants",
            Page::IIIC => "III(C). Convertibles",
            Page::IIID => "III(D). Other arrangements",
            Page::IIIE => "III(E). Other movements",
            Page::IV => "IV. HDR",
            Page::V => "V. Confirmations",
            Page::Notes => "Notes",
        }
    }

    pub fn next(self) -> Page {
        let i = Page::ALL.iter().position(|p| *p == self).unwrap_or(0);
        Page::ALL[(i + 1).min(Page::ALL.len() - 1)]
    }

    pub fn previous(self) -> Page {
        let i = Page::ALL.iter().position(|p| *p == self).unwrap_or(0);
        Page::ALL[i.saturating_sub(1)]
    }
}

/// The page that shows the field at `path` (header and class list → page I).
pub fn page_for_path(path: &FieldPath) -> Page {
    match path.part() {
        FormPart::Header | FormPart::I => Page::I,
        FormPart::II => Page::II,
        FormPart::IIIA => Page::IIIA,
        FormPart::IIIB => Page::IIIB,
        FormPart::IIIC => Page::IIIC,
        FormPart::IIID => Page::IIID,
        FormPart::IIIE => Page::IIIE,
        FormPart::IV => Page::IV,
        FormPart::V => Page::V,
    }
}

/// Everything a page needs besides the return it edits.
pub struct PageContext<'a> {
    pub derived: &'a Derived,
    pub findings: &'a FindingIndex<'a>,
    /// Text typed into numeric/date fields that is not (yet) a valid value, kept per field path
    /// so nothing typed is lost when the user switches pages.
    pub buffers: &'a mut FieldBuffers,
    /// Set by the shell when a finding is clicked: the widget with this path scrolls into view,
    /// takes keyboard focus and clears it.
    pub pending_focus: &'a mut Option<FieldPath>,
    /// Row ids by position, built with the findings: widgets key their egui state on
    /// [`FieldKey`]s so focus and typed text follow a row that moves.
    pub rows: &'a RowIndex,
    /// The return `derived` was computed from (as it was at the start of the frame), for the
    /// formulas shown on computed cells; `None` shows none.
    pub analysed: Option<&'a MonthlyReturn>,
}

impl PageContext<'_> {
    /// The identity of the field at `path` (see [`crate::model::RowIndex`]).
    pub fn key(&self, path: &FieldPath) -> FieldKey {
        self.rows.key(path)
    }

    /// The egui id of the widget editing `path` (see [`super::widgets::field_id`]).
    pub fn field_id(&self, path: &FieldPath) -> egui::Id {
        super::widgets::field_id(self.rows, path)
    }
}

/// The widest a page gets: beyond it, lines of labels and figures get hard to follow across,
/// so a wider window centres the page (see [`page_ui`]).
pub const MAX_PAGE_WIDTH: f32 = 1180.0;
/// Room kept free at the right of a page that fills the window: the scroll bar floats there.
const SCROLL_BAR_ROOM: f32 = 12.0;

/// Draws `page` for editing `ret`. The shell puts it in a vertical scroll area: the page fits
/// the width it is given (never a horizontal scroll bar), at most [`MAX_PAGE_WIDTH`], centred
/// when the window is wider. Long lists skip drawing what is outside the visible area, so the
/// page stays cheap per frame.
pub fn page_ui(ui: &mut egui::Ui, page: Page, ret: &mut MonthlyReturn, ctx: &mut PageContext<'_>) {
    let full = ui.available_rect_before_wrap();
    let width = (full.width() - SCROLL_BAR_ROOM).clamp(0.0, MAX_PAGE_WIDTH);
    // Centred when the window is wider than the page; the scroll bar then floats over the
    // right-hand margin, otherwise over the room kept for it.
    let margin = (full.width() - width) / 2.0;
    let left = full.left()
        + if margin >= SCROLL_BAR_ROOM {
            margin
        } else {
            0.0
        };
    let column = egui::Rect::from_min_size(egui::pos2(left, full.top()), egui::vec2(width, 0.0));
    ui.scope_builder(egui::UiBuilder::new().max_rect(column), |ui| {
        ui.set_width(width);
        match page {
            Page::I => page1::page_ui(ui, ret, ctx),
            Page::II => page2::page_ui(ui, ret, ctx),
            Page::IIIA => part3::page_ui::<OptionScheme>(ui, ret, ctx),
            Page::IIIB => part3::page_ui::<Warrant>(ui, ret, ctx),
            Page::IIIC => part3::page_ui::<Convertible>(ui, ret, ctx),
            Page::IIID => part3::page_ui::<Arrangement>(ui, ret, ctx),
            Page::IIIE => part3::page_ui::<Event>(ui, ret, ctx),
            Page::IV => page4::page_ui(ui, ret, ctx),
            Page::V => page5::page_ui(ui, ret, ctx),
            Page::Notes => notes::page_ui(ui, ret),
        }
        ui.add_space(24.0);
    });
}

/// Findings for the navigation list counts (errors, warnings) of one page.
pub fn page_counts(page: Page, findings: &[Finding]) -> (usize, usize) {
    use crate::rules::Severity;
    let on_page = findings.iter().filter(|f| page_for_path(&f.path) == page);
    on_page.fold((0, 0), |(e, w), f| match f.severity {
        Severity::Error => (e + 1, w),
        Severity::Warning => (e, w + 1),
    })
}
