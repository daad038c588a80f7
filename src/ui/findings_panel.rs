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

/// The findings, under a line saying what the balances brought forward are checked against:
/// `last_month` describes the linked month (`None`: nothing is linked).
pub fn findings_panel_ui(
    ui: &mut egui::Ui,
    findings: &[Finding],
    last_month: Option<&str>,
    commands: &mut Vec<Command>,
) {
    let errors = crate::rules::count(findings, Severity::Error);
    let warnings = crate::rules::count(findings, Severity::Warning);
    ui.horizontal_wrapped(|ui| {
        ui.strong("Findings");
        ui.label(format!(
            "{}, {}",
            crate::format::counted(errors, "error"),
            crate::format::counted(warnings, "warning")
        ));
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
