//! The notes page: the template's notes for the return's version, read-only.

use egui::{RichText, Ui};

use crate::model::MonthlyReturn;
use crate::template::texts;

use super::common::part_heading;

pub fn page_ui(ui: &mut Ui, ret: &MonthlyReturn) {
    let t = texts();
    part_heading(ui, &t.notes_heading);
    for note in &t.version(ret.template_version).notes {
        ui.horizontal_top(|ui| {
            ui.label(RichText::new(&note.number).strong());
            ui.vertical(|ui| {
                for p in &note.paragraphs {
                    ui.add(egui::Label::new(p).wrap());
                }
                for b in &note.bullets {
                    ui.horizontal_top(|ui| {
                        ui.label("•");
                        ui.add(egui::Label::new(b).wrap());
                    });
                }
            });
        });
        ui.add_space(6.0);
    }
}
