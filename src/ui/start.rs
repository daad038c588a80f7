//! The start screen shown while no return is open.

use std::path::PathBuf;

use super::commands::Command;

pub fn start_screen_ui(ui: &mut egui::Ui, recent: &[PathBuf], commands: &mut Vec<Command>) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() * 0.15);
        ui.heading("FF301 Monthly Return");
        ui.label("Prepare, check and export the HKEX Monthly Return for Equity Issuers.");
        ui.add_space(16.0);
        let width = 300.0;
        // A secretary whose last return went through HKEX's e-form has only its PDF: it is
        // the way in, as much as a draft is.
        for cmd in [
            Command::New,
            Command::Open,
            Command::RollForwardFromPdf,
            Command::Import,
            Command::OpenExample,
        ] {
            let button = egui::Button::new(cmd.label()).min_size(egui::vec2(width, 28.0));
            if ui.add(button).on_hover_text(cmd.tooltip()).clicked() {
                commands.push(cmd);
            }
        }
        if !recent.is_empty() {
            ui.add_space(16.0);
            ui.strong("Open recent");
            for path in recent {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| path.display().to_string());
                if ui
                    .add(egui::Button::new(name).frame(false))
                    .on_hover_text(path.display().to_string())
                    .clicked()
                {
                    commands.push(Command::OpenPath(path.clone()));
                }
            }
        }
    });
}
