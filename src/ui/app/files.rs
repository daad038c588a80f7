//! Files: saving the draft, exporting the PDF, and where a file dialog starts and what name it
//! suggests.

use std::path::{Path, PathBuf};

use super::EditorApp;
use super::prompts::Prompt;
use crate::model::MonthlyReturn;
use crate::ui::commands::PathPurpose;
use crate::ui::status::StatusMessage;

impl EditorApp {
    /// Saves (asking where if needed or if `ask`); returns whether the return was written.
    pub(super) fn save(&mut self, ask: bool) -> bool {
        let start = self.start_dir();
        let Some(doc) = &self.doc else {
            return false;
        };
        let path = match (&doc.path, ask) {
            (Some(p), false) => p.clone(),
            _ => {
                let suggested = suggested_name(&doc.ret, "ron");
                match self.dialogs.pick_save(start.as_deref(), &suggested) {
                    Some(p) => p,
                    None => {
                        self.status = Some(no_file_chosen("Save", PathPurpose::SaveAs));
                        return false;
                    }
                }
            }
        };
        self.save_to(path, false)
    }

    /// Writes the return to `path`, which becomes the document's file. Unless `overwrite`, a
    /// draft that another program changed since it was opened or saved here is not replaced:
    /// the user is asked first.
    pub(super) fn save_to(&mut self, path: PathBuf, overwrite: bool) -> bool {
        let Some(doc) = &mut self.doc else {
            return false;
        };
        let changed_on_disk = doc.path.as_deref() == Some(path.as_path())
            && doc.disk.is_some()
            && crate::io::disk_stamp(&path) != doc.disk;
        if changed_on_disk && !overwrite {
            self.status = Some(StatusMessage::error(format!(
                "Not saved: {} changed on disk since it was opened here",
                path.display()
            )));
            self.prompt = Some(Prompt::ChangedOnDisk { path });
            return false;
        }
        match crate::io::save(&path, &doc.ret) {
            Ok(()) => {
                doc.saved = Some(doc.ret.clone());
                doc.dirty = false;
                doc.disk = crate::io::disk_stamp(&path);
                doc.path = Some(path.clone());
                let invalid = doc.ret.unparsed.len();
                self.remove_recovery_copy();
                self.recovery_timer.clear();
                self.prefs.add_recent(&path);
                self.status = Some(if invalid > 0 {
                    StatusMessage::error(format!(
                        "Saved to {}; {invalid} field(s) hold text that is not a number or date \
                         (kept as typed, counted as blank, listed in the findings)",
                        path.display()
                    ))
                } else {
                    StatusMessage::info(format!("Saved to {}", path.display()))
                });
                true
            }
            Err(e) => {
                self.status = Some(StatusMessage::error(format!("Not saved: {e}")));
                false
            }
        }
    }

    /// Writes the PDF where the user says; the draft itself is not touched. A return with
    /// errors is still exported (the PDF module marks it as a draft).
    pub(super) fn export_pdf(&mut self) {
        let start = self.start_dir();
        let Some(doc) = &self.doc else { return };
        let suggested = suggested_name(&doc.ret, "pdf");
        let Some(path) = self.dialogs.pick_pdf(start.as_deref(), &suggested) else {
            self.status = Some(no_file_chosen("Export PDF", PathPurpose::ExportPdf));
            return;
        };
        self.export_pdf_to(&path);
    }

    pub(super) fn export_pdf_to(&mut self, path: &Path) {
        let Some(doc) = &self.doc else { return };
        // The figures and findings on screen; recomputed only if the return changed since.
        let analysis = &mut self.analysis;
        analysis.refresh(&doc.ret);
        match crate::pdf::export_to_file(&doc.ret, &analysis.derived, &analysis.findings, path) {
            Ok(()) => {
                let errors = crate::rules::count(&analysis.findings, crate::rules::Severity::Error);
                self.status = Some(StatusMessage::info(format!(
                    "PDF written to {}",
                    path.display()
                )));
                self.prompt = Some(Prompt::Exported {
                    path: path.to_path_buf(),
                    errors,
                });
            }
            Err(e) => {
                self.status = Some(StatusMessage::error(format!("PDF not written: {e}")));
            }
        }
    }

    /// What the typed-path box starts with: the folder of the draft (or of the last one used,
    /// or home) and, to save or export, a name made from the issuer and month
    /// (`Kingsoft-Cloud-Holdings-Limited-2024-10.ron`).
    pub(super) fn suggested_path(&self, purpose: PathPurpose) -> String {
        let dir = self
            .start_dir()
            .or_else(|| directories::UserDirs::new().map(|u| u.home_dir().to_path_buf()));
        let name = match (purpose, &self.doc) {
            (PathPurpose::SaveAs, Some(doc)) => suggested_name(&doc.ret, "ron"),
            (PathPurpose::ExportPdf, Some(doc)) => suggested_name(&doc.ret, "pdf"),
            _ => String::new(),
        };
        match dir {
            Some(dir) => {
                let mut text = dir.join(&name).display().to_string();
                if name.is_empty() && !text.ends_with(std::path::MAIN_SEPARATOR) {
                    text.push(std::path::MAIN_SEPARATOR);
                }
                text
            }
            None => name,
        }
    }

    pub(super) fn start_dir(&self) -> Option<PathBuf> {
        let from_doc = self
            .doc
            .as_ref()
            .and_then(|d| d.path.as_ref())
            .and_then(|p| p.parent().map(Path::to_path_buf));
        from_doc.or_else(|| {
            self.prefs
                .recent
                .first()
                .and_then(|p| p.parent().map(Path::to_path_buf))
        })
    }
}

pub(super) fn no_file_chosen(what: &str, purpose: PathPurpose) -> StatusMessage {
    StatusMessage::info(format!(
        "{what}: no file chosen (cancelled, or no file dialog on this system: use File > {})",
        purpose.menu_label()
    ))
}

/// `Issuer-2024-10.ron`.
fn suggested_name(ret: &MonthlyReturn, ext: &str) -> String {
    let issuer: String = ret
        .header
        .issuer_name
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let issuer = issuer.trim_matches('-');
    let issuer = if issuer.is_empty() {
        "monthly-return"
    } else {
        issuer
    };
    match ret.header.month_end {
        Some(d) => format!("{issuer}-{}.{ext}", d.format("%Y-%m")),
        None => format!("{issuer}.{ext}"),
    }
}
