//! The list of every finding; clicking one shows its page and focuses its field.

use super::commands::Command;
use super::theme::severity_colour;
use crate::rules::{Finding, Severity};

/// Text of one row; also its accessibility label (tests click rows by it): what is wrong, then
/// where, so two findings of one rule are told apart.
pub fn finding_row_text(f: &Finding) -> String {
    format!(
        "{}  {}  {}  —  {}",
        f.severity,
        f.rule,
        f.message,
        f.path.describe()
    )
}

/// `1 error, 0 warnings`: the counts as the findings panel and the page list say them.
pub fn counts_text(errors: usize, warnings: usize) -> String {
    format!(
        "{}, {}",
        crate::format::counted(errors, "error"),
        crate::format::counted(warnings, "warning")
    )
}

/// The findings, under a line saying what the balances brought forward are checked against:
/// `last_month` describes the linked month (`None`: nothing is linked). `announcement` is the
/// latest new or resolved error in words, shown in a polite live region (see `app::announce`).
pub fn findings_panel_ui(
    ui: &mut egui::Ui,
    findings: &[Finding],
    last_month: Option<&str>,
    announcement: &str,
    commands: &mut Vec<Command>,
) {
    let errors = crate::rules::count(findings, Severity::Error);
    let warnings = crate::rules::count(findings, Severity::Warning);
    ui.horizontal_wrapped(|ui| {
        ui.strong("Findings");
        ui.label(counts_text(errors, warnings));
        ui.separator();
        match last_month {
            Some(last) => {
                ui.label(format!("Balances brought forward checked against {last}"));
                if ui
                    .small_button(Command::CompareWithLastMonth.label())
                    .on_hover_text(Command::CompareWithLastMonth.tooltip())
                    .clicked()
                {
                    commands.push(Command::CompareWithLastMonth);
                }
            }
            None => {
                ui.weak("Balances brought forward not checked: no last month linked");
                if ui
                    .small_button("Link last month…")
                    .on_hover_text(Command::LinkLastMonth.tooltip())
                    .clicked()
                {
                    commands.push(Command::LinkLastMonth);
                }
            }
        }
        // On the header line, so an empty region takes no room of the list.
        if !announcement.is_empty() {
            ui.separator();
        }
        announcement_ui(ui, announcement);
    });
    if findings.is_empty() {
        ui.weak("No findings: every check passes.");
        return;
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for f in findings {
                let colour = severity_colour(ui.visuals(), f.severity);
                let text = egui::RichText::new(finding_row_text(f)).color(colour);
                let row = ui
                    .add(egui::Button::selectable(false, text))
                    .on_hover_text(format!(
                        "{}\nClick to show the field.",
                        crate::rules::rule(f.rule).map_or("", |r| r.explanation)
                    ));
                if row.clicked() {
                    commands.push(Command::GoToField(f.path.clone()));
                }
            }
        });
}

/// The live region: always present (a screen reader follows a region that exists before its
/// text changes), under a fixed id, its text the latest announcement.
fn announcement_ui(ui: &mut egui::Ui, announcement: &str) {
    ui.push_id("announcement", |ui| {
        let resp = ui.add(egui::Label::new(egui::RichText::new(announcement).small()).wrap());
        ui.ctx().accesskit_node_builder(resp.id, |b| {
            b.set_live(egui::accesskit::Live::Polite);
        });
    });
}
