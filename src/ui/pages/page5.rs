//! Page V: confirmations. The paragraph and the standard wording of items (i)–(viii) come from
//! the template of the return's version; an item the issuer edits is stored as an amendment,
//! and "Restore standard wording" drops the amendment again.

use egui::{RichText, Ui};

use crate::model::MonthlyReturn;
use crate::model::path::{self, FormPart};
use crate::template::texts;
use crate::ui::widgets::{self, TEXT_WIDTH, layout::Pairs};

use super::PageContext;
use super::common::{self, part_heading};

/// Widest label of the signature lines (`Title:`, `Submitted by:`).
const SIGNATURE_LABEL_WIDTH: f32 = 140.0;

/// Editor-only words of this page.
mod ui_text {
    pub const RESTORE: &str = "Restore standard wording";
    pub const AMENDED: &str = "amended";
}

/// Path of confirmation item `i` (0-based).
pub fn item_path(i: usize) -> path::FieldPath {
    path::part5::item(i)
}

pub fn page_ui(ui: &mut Ui, ret: &mut MonthlyReturn, ctx: &mut PageContext<'_>) {
    let t = texts();
    let vt = t.version(ret.template_version);
    part_heading(ui, &t.part5.heading);
    let c = &mut ret.part5;
    common::not_applicable_switch(ui, ctx, FormPart::V, "Part V", &mut c.not_applicable, false);
    if c.not_applicable {
        return;
    }
    ui.add(egui::Label::new(&vt.confirmation_paragraph).wrap());
    ui.label(RichText::new(&vt.confirmation_note).small());
    ui.add_space(4.0);
    for (i, slot) in c.amended_items.iter_mut().enumerate() {
        let number = t
            .part5
            .item_numbers
            .get(i)
            .map(String::as_str)
            .unwrap_or("");
        let standard = vt
            .confirmation_items
            .get(i)
            .map(String::as_str)
            .unwrap_or("");
        ui.horizontal_top(|ui| {
            // A fixed-width number column keeps the eight text boxes aligned.
            ui.add_sized(
                [36.0, ui.spacing().interact_size.y],
                egui::Label::new(RichText::new(number).strong()),
            );
            ui.vertical(|ui| {
                let mut text = match slot {
                    Some(s) => s.clone(),
                    None => standard.to_string(),
                };
                let resp = widgets::multiline_field(
                    ui,
                    ctx,
                    &item_path(i),
                    &format!("Confirmation item {number}"),
                    &mut text,
                    2,
                );
                if resp.changed() {
                    // Typing the standard wording back counts as no amendment.
                    *slot = (text != standard).then_some(text);
                }
                if slot.is_some() {
                    ui.horizontal(|ui| {
                        ui.label(
                            RichText::new(ui_text::AMENDED)
                                .small()
                                .color(crate::ui::theme::warning_colour(ui.visuals())),
                        );
                        if widgets::action_button(
                            ui,
                            ui_text::RESTORE,
                            &format!("Restore standard wording of item {number}"),
                        )
                        .clicked()
                        {
                            *slot = None;
                        }
                    });
                }
            });
        });
    }
    ui.add_space(8.0);
    let pairs = Pairs::new(ui, SIGNATURE_LABEL_WIDTH, TEXT_WIDTH, 1);
    pairs.lines(ui, |r| {
        r.pair(&t.part5.submitted_by, |ui| {
            widgets::text_field(
                ui,
                ctx,
                &path::part5::submitted_by(),
                "Submitted by",
                &mut c.submitted_by,
                TEXT_WIDTH,
            )
        });
        r.pair(&t.part5.title, |ui| {
            widgets::text_field(
                ui,
                ctx,
                &path::part5::title(),
                "Title of the person submitting",
                &mut c.title,
                // Officers' titles run long (the Kingsoft filing's is 81 characters).
                TEXT_WIDTH * 2.0,
            )
        });
    });
    ui.label(RichText::new(&t.part5.officer).small());
}
