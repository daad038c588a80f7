//! (work in progress)

use egui::Ui;

use crate::model::MonthlyReturn;

pub fn page_ui(ui: &mut Ui, ret: &MonthlyReturn) {
    let _ = ret;
    ui.label("");
}
