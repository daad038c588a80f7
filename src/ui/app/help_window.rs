//! The help window F1 opens for the focused field: where the field is on the form, what it
//! means, and for a computed figure its formula. It is not modal and stays open while the user
//! types, following the focus from field to field; Escape or Close closes it, and it can be
//! dragged out of the way.

use super::EditorApp;
use crate::ui::widgets::{help_text, set_help_open, take_help_request};

impl EditorApp {
    pub(super) fn help_window_ui(&mut self, ctx: &egui::Context) {
        if let Some(path) = take_help_request(ctx) {
            self.help = Some(path);
        }
        if self.help.is_some()
            && self.prompt.is_none()
            && ctx.input(|i| i.key_pressed(egui::Key::Escape))
        {
            self.help = None;
        }
        set_help_open(ctx, self.help.is_some());
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
            .pivot(egui::Align2::RIGHT_TOP)
            .default_pos(ctx.content_rect().right_top() + egui::vec2(-16.0, 48.0))
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
