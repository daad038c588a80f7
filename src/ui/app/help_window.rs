//! The help window F1 opens for the focused field: where the field is on the form, what it
//! means, and for a computed figure its formula. It is not modal and stays open while the user
//! types, following the field F1 was last pressed in.

use super::EditorApp;
use crate::ui::widgets::{help_text, take_help_request};

impl EditorApp {
    pub(super) fn help_window_ui(&mut self, ctx: &egui::Context) {
        if let Some(path) = take_help_request(ctx) {
            self.help = Some(path);
        }
        let Some(path) = &self.help else { return };
        let Some(ret) = &self.analysis.for_ret else {
            return;
        };
        let text = help_text(ret, &self.analysis.derived, path);
        let mut open = true;
        let mut close = false;
        egui::Window::new("Help")
            .id(egui::Id::unique("field-help-window"))
            .open(&mut open)
            .collapsible(false)
            .resizable(true)
            .default_width(420.0)
            .anchor(egui::Align2::RIGHT_TOP, [-16.0, 48.0])
            .show(ctx, |ui| {
                ui.strong(path.describe());
                ui.add_space(4.0);
                ui.label(text);
                ui.add_space(8.0);
                if ui.button("Close").clicked() {
                    close = true;
                }
            });
        if !open || close {
            self.help = None;
        }
    }
}
