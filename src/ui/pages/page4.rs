//! (work in progress)

use egui::Ui;

use crate::model::MonthlyReturn;

use super::PageContext;

pub fn page_ui(ui: &mut Ui, ret: &mut MonthlyReturn, ctx: &mut PageContext<'_>) {
    let _ = (ret, ctx);
    ui.label("");
}
