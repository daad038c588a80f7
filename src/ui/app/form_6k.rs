//! File ▸ Export Form 6-K package…: a window with the issuer's profile as a form (load it from
//! a file, edit it, save it) and the folder the package is written to. The window only pushes
//! [`Command::Form6k`]; the app carries the action out with what is typed here.

use std::path::{Path, PathBuf};

use super::EditorApp;
use super::prompts::Prompt;
use crate::sixk::{self, AnnualReportForm, Profile, profile};
use crate::ui::commands::{Command, Form6kAction};
use crate::ui::theme::warning_colour;

/// The name a profile gets next to the drafts.
pub const PROFILE_FILE: &str = "form-6k-profile.ron";

/// What the window holds: the paths and the profile's fields as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Form6kForm {
    pub profile_path: String,
    pub folder: String,
    pub commission_file_number: String,
    pub registrant_name: String,
    /// One address line per text line.
    pub address: String,
    pub annual_report_form: AnnualReportForm,
    pub signatory_name: String,
    pub signatory_title: String,
    /// Blank: the month of the date submitted.
    pub for_the_month_of: String,
    /// Replace the package's files if the folder has them.
    pub replace: bool,
    /// The last action's outcome: `(is_error, message)`.
    pub message: Option<(bool, String)>,
}

impl Form6kForm {
    /// The profile the fields describe.
    pub fn profile(&self) -> Profile {
        let month = self.for_the_month_of.trim();
        Profile {
            commission_file_number: self.commission_file_number.trim().to_string(),
            registrant_name: self.registrant_name.trim().to_string(),
            address: self
                .address
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect(),
            annual_report_form: self.annual_report_form,
            signatory_name: self.signatory_name.trim().to_string(),
            signatory_title: self.signatory_title.trim().to_string(),
            for_the_month_of: (!month.is_empty()).then(|| month.to_string()),
        }
    }

    /// Fills the fields from `p` (the paths are kept).
    pub fn set_profile(&mut self, p: &Profile) {
        self.commission_file_number = p.commission_file_number.clone();
        self.registrant_name = p.registrant_name.clone();
        self.address = p.address.join("\n");
        self.annual_report_form = p.annual_report_form;
        self.signatory_name = p.signatory_name.clone();
        self.signatory_title = p.signatory_title.clone();
        self.for_the_month_of = p.for_the_month_of.clone().unwrap_or_default();
    }

    fn ok(&mut self, text: String) {
        self.message = Some((false, text));
    }

    fn error(&mut self, text: String) {
        self.message = Some((true, text));
    }

    /// Draws the window; a button pushes its command, Close or Escape dismisses.
    pub fn ui(&mut self, ctx: &egui::Context, cmds: &mut Vec<Command>) {
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("form-6k-window")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading("Export Form 6-K package");
            ui.label(
                "The SEC cover, the return as Exhibit 99.1 (EDGAR HTML) and a review PDF. \
                 The issuer's details are kept in a profile file, typed once.",
            );
            ui.add_space(6.0);
            egui::Grid::new("form-6k-grid")
                .num_columns(2)
                .spacing([10.0, 6.0])
                .show(ui, |ui| {
                    let row = |ui: &mut egui::Ui, label: &str, text: &mut String| {
                        let l = ui.label(label);
                        ui.add(egui::TextEdit::singleline(text).desired_width(380.0))
                            .labelled_by(l.id);
                        ui.end_row();
                    };
                    row(ui, "Profile file", &mut self.profile_path);
                    row(
                        ui,
                        "Commission file number",
                        &mut self.commission_file_number,
                    );
                    row(ui, "Registrant's exact name", &mut self.registrant_name);
                    let l = ui.label("Address (one line each)");
                    ui.add(
                        egui::TextEdit::multiline(&mut self.address)
                            .desired_rows(3)
                            .desired_width(380.0),
                    )
                    .labelled_by(l.id);
                    ui.end_row();
                    ui.label("Annual reports on");
                    ui.horizontal(|ui| {
                        ui.radio_value(
                            &mut self.annual_report_form,
                            AnnualReportForm::Form20F,
                            "Form 20-F",
                        );
                        ui.radio_value(
                            &mut self.annual_report_form,
                            AnnualReportForm::Form40F,
                            "Form 40-F",
                        );
                    });
                    ui.end_row();
                    let row = |ui: &mut egui::Ui, label: &str, text: &mut String| {
                        let l = ui.label(label);
                        ui.add(egui::TextEdit::singleline(text).desired_width(380.0))
                            .labelled_by(l.id);
                        ui.end_row();
                    };
                    row(ui, "Signatory's name", &mut self.signatory_name);
                    row(ui, "Signatory's title", &mut self.signatory_title);
                    row(
                        ui,
                        "For the month of (blank: as submitted)",
                        &mut self.for_the_month_of,
                    );
                    row(ui, "Package folder", &mut self.folder);
                });
            ui.checkbox(
                &mut self.replace,
                "Replace the package's files in the folder",
            );
            if let Some((is_error, text)) = &self.message {
                if *is_error {
                    ui.colored_label(warning_colour(ui.visuals()), text.as_str());
                } else {
                    ui.label(text.as_str());
                }
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                for action in [
                    Form6kAction::LoadProfile,
                    Form6kAction::SaveProfile,
                    Form6kAction::Export,
                ] {
                    let cmd = Command::Form6k(action);
                    if ui
                        .button(cmd.label())
                        .on_hover_text(cmd.tooltip())
                        .clicked()
                    {
                        cmds.push(cmd);
                    }
                }
                close = ui.button("Close").clicked();
            });
        });
        if close || modal.should_close() {
            cmds.push(Command::DismissPrompt);
        }
    }
}

impl EditorApp {
    /// Opens the window, with the profile next to the draft (read if it is there) and a
    /// folder named after the draft.
    pub(super) fn open_form_6k(&mut self) {
        let Some(doc) = &self.doc else { return };
        let dir = self.start_dir().unwrap_or_else(|| PathBuf::from("."));
        let stem = doc.path.as_ref().and_then(|p| p.file_stem()).map_or_else(
            || "monthly-return".to_string(),
            |s| s.to_string_lossy().into_owned(),
        );
        let profile_path = dir.join(PROFILE_FILE);
        let mut form = Form6kForm {
            profile_path: profile_path.display().to_string(),
            folder: dir.join(format!("{stem}-form-6k")).display().to_string(),
            ..Form6kForm::default()
        };
        if profile_path.is_file() {
            load_into(&mut form);
        } else {
            form.registrant_name = doc.ret.header.issuer_name.clone();
        }
        self.prompt = Some(Prompt::Form6k(Box::new(form)));
    }

    /// Carries out a button of the window.
    pub(super) fn form_6k(&mut self, action: Form6kAction) {
        let Some(Prompt::Form6k(form)) = &mut self.prompt else {
            return;
        };
        match action {
            Form6kAction::LoadProfile => load_into(form),
            Form6kAction::SaveProfile => {
                let path = PathBuf::from(form.profile_path.trim());
                match profile::save(&path, &form.profile()) {
                    Ok(()) => form.ok(format!("Saved the profile to {}.", path.display())),
                    Err(e) => form.error(e.to_string()),
                }
            }
            Form6kAction::Export => {
                let Some(doc) = &self.doc else { return };
                let folder = PathBuf::from(form.folder.trim());
                match export(&doc.ret, &form.profile(), &folder, form.replace) {
                    Ok(text) => form.ok(text),
                    Err(text) => form.error(text),
                }
            }
        }
    }
}

fn load_into(form: &mut Form6kForm) {
    let path = PathBuf::from(form.profile_path.trim());
    match profile::load(&path) {
        Ok(p) => {
            form.set_profile(&p);
            form.ok(format!("Read the profile {}.", path.display()));
        }
        Err(e) => form.error(e.to_string()),
    }
}

/// Builds and writes the package; the message says what was written or why not.
fn export(
    ret: &crate::model::MonthlyReturn,
    p: &Profile,
    folder: &Path,
    replace: bool,
) -> Result<String, String> {
    if folder.as_os_str().is_empty() {
        return Err("Type the folder to write the package into.".to_string());
    }
    let package = sixk::build(ret, p).map_err(|e| format!("No package: {e}."))?;
    let written = sixk::write(&package, folder, replace).map_err(|e| match e {
        sixk::PackageError::Exists(path) => format!(
            "{} already exists: tick \u{201c}Replace\u{201d} to write over the package's files.",
            path.display()
        ),
        other => other.to_string(),
    })?;
    let names: Vec<String> = written
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    let draft = if package.errors > 0 {
        format!(
            " Every page of the return is marked DRAFT \u{2014} {} error{}: fix the findings before furnishing it.",
            package.errors,
            if package.errors == 1 { "" } else { "s" }
        )
    } else {
        String::new()
    };
    Ok(format!(
        "Wrote {} in {}.{draft}",
        names.join(", "),
        folder.display()
    ))
}
