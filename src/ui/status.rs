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

/// File and save state on the left, then the last command's outcome; template, due date and
/// typed-text count on the right. The outcome takes the room left between them, cut with an
/// ellipsis (egui then shows the whole text on hover); when it would not fit there (a 1024-px
/// window with every item showing left "Saved t…"), it gets a row of its own above.
pub fn status_bar_ui(ui: &mut egui::Ui, info: &StatusInfo<'_>) {
    let saved = if info.never_saved {
        "not saved yet"
    } else if info.dirty {
        "unsaved changes"
    } else {
        "saved"
    };
    let mut right: Vec<egui::RichText> =
        vec![egui::RichText::new(format!("template {}", info.template))];
    let due = egui::RichText::new(&info.due);
    right.push(if info.overdue {
        due.color(error_colour(ui.visuals()))
    } else {
        due
    });
    if info.invalid_fields > 0 {
        let text = match info.invalid_fields {
            1 => "1 field holds text that is not a number or date".to_string(),
            n => format!("{n} fields hold text that is not a number or date"),
        };
        right.push(egui::RichText::new(text).color(warning_colour(ui.visuals())));
    }
    let message = info.message.map(|msg| {
        let text = egui::RichText::new(&msg.text);
        if msg.is_error {
            text.color(error_colour(ui.visuals()))
        } else {
            text
        }
    });
    let file = egui::RichText::new(info.file_name).strong();
    let fixed_width = {
        let spacing = ui.spacing().item_spacing.x;
        let texts = [info.file_name.to_string(), saved.to_string()]
            .into_iter()
            .chain(right.iter().map(|t| t.text().to_string()));
        texts
            .map(|t| text_width(ui, t) + 2.0 * spacing)
            .sum::<f32>()
            + 4.0 * (2.0 * spacing + 1.0)
    };
    // Its own row only when it would be cut short beside the rest.
    let room = ui.available_width() - fixed_width;
    let own_row = message
        .as_ref()
        .is_some_and(|m| text_width(ui, m.text().to_string()) > room);
    if own_row && let Some(text) = &message {
        ui.add(egui::Label::new(text.clone()).truncate());
    }
    ui.horizontal(|ui| {
        ui.label(file);
        ui.label(saved);
        ui.separator();
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            for (i, text) in right.into_iter().enumerate() {
                if i > 0 {
                    ui.separator();
                }
                ui.label(text);
            }
            if let Some(text) = message.filter(|_| !own_row) {
                ui.separator();
                let size = egui::vec2(ui.available_width(), ui.available_height());
                ui.allocate_ui_with_layout(
                    size,
                    egui::Layout::left_to_right(egui::Align::Center),
                    |ui| ui.add(egui::Label::new(text).truncate()),
                );
            }
        });
    });
}

/// Width of `text` in the body font.
fn text_width(ui: &egui::Ui, text: String) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    ui.ctx()
        .fonts_mut(|f| f.layout_no_wrap(text, font, egui::Color32::WHITE))
        .size()
        .x
}
