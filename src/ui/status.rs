//! The status bar: which file, whether it is saved, template version, due date, invalid fields,
//! and the outcome of the last command.

use super::theme::{error_colour, warning_colour};

/// What the status bar shows, gathered by the app before drawing.
pub struct StatusInfo<'a> {
    pub file_name: &'a str,
    pub dirty: bool,
    /// The return has no file yet (new, an example copy, a restored recovery copy).
    pub never_saved: bool,
    pub template: &'a str,
    /// `calendar::status_line`, or a hint while the month end is blank.
    pub due: String,
    pub overdue: bool,
    pub invalid_fields: usize,
    pub message: Option<&'a StatusMessage>,
}

/// The outcome of the last command (saved, cancelled, failed…).
#[derive(Debug, Clone, PartialEq)]
pub struct StatusMessage {
    pub text: String,
    pub is_error: bool,
}

impl StatusMessage {
    pub fn info(text: impl Into<String>) -> Self {
        StatusMessage {
            text: text.into(),
            is_error: false,
        }
    }

    pub fn error(text: impl Into<String>) -> Self {
        StatusMessage {
            text: text.into(),
            is_error: true,
        }
    }
}

pub fn status_bar_ui(ui: &mut egui::Ui, info: &StatusInfo<'_>) {
    ui.horizontal(|ui| {
        let saved = if info.never_saved {
            "not saved yet"
        } else if info.dirty {
            "unsaved changes"
        } else {
            "saved"
        };
        ui.label(egui::RichText::new(info.file_name).strong());
        ui.label(saved);
        ui.separator();
        ui.label(format!("template {}", info.template));
        ui.separator();
        let due = egui::RichText::new(&info.due);
        ui.label(if info.overdue {
            due.color(error_colour(ui.visuals()))
        } else {
            due
        });
        if info.invalid_fields > 0 {
            ui.separator();
            let n = info.invalid_fields;
            let text = if n == 1 {
                "1 field holds text that is not a number or date".to_string()
            } else {
                format!("{n} fields hold text that is not a number or date")
            };
            ui.label(egui::RichText::new(text).color(warning_colour(ui.visuals())));
        }
        if let Some(msg) = info.message {
            ui.separator();
            let text = egui::RichText::new(&msg.text);
            let text = if msg.is_error {
                text.color(error_colour(ui.visuals()))
            } else {
                text
            };
            // Cut to the window with an ellipsis rather than past its edge; the whole message
            // shows on hover (a "Not saved: …" reason is never lost off screen).
            ui.add(egui::Label::new(text).truncate())
                .on_hover_text(&msg.text);
        }
    });
}
