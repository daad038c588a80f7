//! Files: asking where (the system's dialog, else the in-app one), saving the draft, exporting
//! the PDF, and what a path chosen in the in-app dialog or typed must be asked about first.
//!
//! - The system's dialog blocks and answers at once; it asks about replacing a file itself.
//! - The in-app dialog ([`FileDialogPrompt`]) and the typed-path box answer in a later frame
//!   with `OpenPath` / `SaveTo` / `ExportPdfTo`; before writing, [`EditorApp::write_chosen`]
//!   offers to create a missing folder and asks before replacing another existing file.
//! - Ctrl+S on a return that has a file saves there without any dialog.
//! - "Save" in "Save changes?" on an untitled return keeps the action it was asked for
//!   (quit, open, new, …) while the user chooses where, and carries it out once saved.

use std::path::{Path, PathBuf};

use super::EditorApp;
use super::actions::Pending;
use super::file_dialog::FileDialogPrompt;
use super::prompts::{Prompt, WriteQuestion};
use crate::model::MonthlyReturn;
use crate::ui::commands::{PathPurpose, WriteChoice};
use crate::ui::dialogs::{Picked, ReturnFile};
use crate::ui::status::StatusMessage;

impl EditorApp {
    /// Saves (asking where if the return has no file yet, or if `ask`); returns whether the
    /// return was written now. `false` also when the in-app dialog was opened to ask where: it
    /// saves in a later frame.
    pub(super) fn save(&mut self, ask: bool) -> bool {
        let Some(doc) = &self.doc else {
            return false;
        };
        let path = match (&doc.path, ask) {
            (Some(p), false) => p.clone(),
            _ => match self.ask_path(PathPurpose::SaveAs) {
                Some(p) => p,
                None => return false,
            },
        };
        self.save_to(path, false)
    }

    /// Where to open, save or export: the system's dialog answers now (`Some`); when there is
    /// none, or the preference says so, the in-app dialog opens and answers later (`None`).
    /// A cancelled system dialog is said in the status bar.
    pub(super) fn ask_path(&mut self, purpose: PathPurpose) -> Option<PathBuf> {
        let start = self.start_dir();
        let name = self.suggested_name(purpose);
        if !self.prefs.built_in_file_dialog {
            let picked = match purpose {
                PathPurpose::Open => self.dialogs.pick_open(start.as_deref()),
                PathPurpose::SaveAs => self.dialogs.pick_save(start.as_deref(), &name),
                PathPurpose::ExportPdf => self.dialogs.pick_pdf(start.as_deref(), &name),
                PathPurpose::LinkLastMonth => self
                    .dialogs
                    .pick_return(start.as_deref(), ReturnFile::DraftOrPdf),
                PathPurpose::Import | PathPurpose::RollForwardFrom => {
                    self.dialogs.pick_return(start.as_deref(), ReturnFile::Pdf)
                }
            };
            match picked {
                Picked::Path(path) => return Some(path),
                Picked::Cancelled => {
                    self.status = Some(StatusMessage::info(format!(
                        "{}: no file chosen",
                        purpose.action()
                    )));
                    return None;
                }
                Picked::Unavailable => {}
            }
        }
        let home = self.dialogs.home_dir();
        let dir = start
            .filter(|d| d.is_dir())
            .or_else(|| home.clone().filter(|h| h.is_dir()))
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("/"));
        let dialog = FileDialogPrompt::new(purpose, &dir, &name, home);
        self.prompt = Some(Prompt::FileDialog(Box::new(dialog)));
        None
    }

    /// A path chosen in the in-app dialog or typed, to save or export to: a missing folder is
    /// offered to be created, and another file that exists is replaced only when the user says
    /// so (the draft's own file is saved over as by Save).
    pub(super) fn write_chosen(
        &mut self,
        ctx: &egui::Context,
        purpose: PathPurpose,
        path: PathBuf,
    ) {
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map(Path::to_path_buf);
        let question = match folder {
            Some(folder) if !folder.exists() => Some(WriteQuestion::CreateFolder(folder)),
            _ if path.exists() && !self.is_own_file(purpose, &path) => Some(WriteQuestion::Replace),
            _ => None,
        };
        match question {
            Some(question) => {
                self.prompt = Some(Prompt::ConfirmWrite {
                    question,
                    purpose,
                    path,
                });
            }
            None => self.write_now(ctx, purpose, path),
        }
    }

    /// The answer to "Create folder …?" / "Replace …?".
    pub(super) fn resolve_write(&mut self, ctx: &egui::Context, choice: WriteChoice) {
        let (question, purpose, path) = match self.prompt.take() {
            Some(Prompt::ConfirmWrite {
                question,
                purpose,
                path,
            }) => (question, purpose, path),
            other => {
                self.prompt = other;
                return;
            }
        };
        let not_written = match purpose {
            PathPurpose::ExportPdf => "PDF not written",
            _ => "Not saved",
        };
        match (choice, question) {
            (WriteChoice::Write, WriteQuestion::CreateFolder(folder)) => {
                match std::fs::create_dir_all(&folder) {
                    Ok(()) => self.write_chosen(ctx, purpose, path),
                    Err(e) => {
                        self.status = Some(StatusMessage::error(format!(
                            "{not_written}: the folder {} could not be created: {e}",
                            folder.display()
                        )));
                    }
                }
            }
            (WriteChoice::Write, WriteQuestion::Replace) => self.write_now(ctx, purpose, path),
            (WriteChoice::Cancel, WriteQuestion::CreateFolder(folder)) => {
                self.status = Some(StatusMessage::info(format!(
                    "{not_written}: the folder {} does not exist",
                    folder.display()
                )));
            }
            (WriteChoice::Cancel, WriteQuestion::Replace) => {
                // Says what did not happen, not "Not saved": the return may well be saved
                // under its own name already.
                let what = match purpose {
                    PathPurpose::ExportPdf => "Export cancelled",
                    _ => "Save as cancelled",
                };
                self.status = Some(StatusMessage::info(format!(
                    "{what}: {} was not replaced",
                    path.display()
                )));
            }
        }
    }

    /// Saves or exports to `path` now; a save carries out the action that was waiting for it.
    fn write_now(&mut self, ctx: &egui::Context, purpose: PathPurpose, path: PathBuf) {
        match purpose {
            PathPurpose::SaveAs => {
                if self.save_to(path, false)
                    && let Some(pending) = self.after_save.take()
                {
                    self.continue_pending(ctx, pending);
                }
            }
            PathPurpose::ExportPdf => self.export_pdf_to(&path),
            PathPurpose::Open => self.open_path(&path),
            PathPurpose::LinkLastMonth => self.link_last_month(&path),
            PathPurpose::Import => self.import(&path, false),
            PathPurpose::RollForwardFrom => self.import(&path, true),
        }
    }

    /// Whether `path` is the open draft's own file (saving there needs no "Replace?").
    fn is_own_file(&self, purpose: PathPurpose, path: &Path) -> bool {
        let own = self.doc.as_ref().and_then(|d| d.path.as_deref());
        purpose == PathPurpose::SaveAs
            && own.is_some_and(|own| {
                own == path
                    || matches!(
                        (std::fs::canonicalize(own), std::fs::canonicalize(path)),
                        (Ok(a), Ok(b)) if a == b
                    )
            })
    }

    /// "Save" was chosen in "Save changes?" but the in-app dialog is asking where: `pending`
    /// waits for that save.
    pub(super) fn save_then(&mut self, pending: Pending) {
        if self.asking_where_to_save() {
            self.after_save = Some(pending);
        }
    }

    /// The action waiting for a save is dropped once nothing is asking where to save any more
    /// (the dialog was cancelled, the save failed): called after each frame's commands.
    pub(super) fn forget_after_save_unless_asking(&mut self) {
        if !self.asking_where_to_save() {
            self.after_save = None;
        }
    }

    fn asking_where_to_save(&self) -> bool {
        match &self.prompt {
            Some(Prompt::FileDialog(d)) => d.purpose() == PathPurpose::SaveAs,
            Some(Prompt::TypePath { purpose, .. } | Prompt::ConfirmWrite { purpose, .. }) => {
                *purpose == PathPurpose::SaveAs
            }
            _ => false,
        }
    }

    /// Writes the return to `path`, which becomes the document's file. Unless `overwrite`, a
    /// draft that another program changed since it was opened or saved here is not replaced:
    /// the user is asked first.
    pub(super) fn save_to(&mut self, path: PathBuf, overwrite: bool) -> bool {
        let Some(doc) = &mut self.doc else {
            return false;
        };
        // A draft deleted or moved away meanwhile is simply written again: nothing to lose.
        let changed_on_disk = doc.path.as_deref() == Some(path.as_path())
            && doc.disk.is_some()
            && crate::io::disk_stamp(&path).is_some_and(|now| Some(now) != doc.disk);
        if changed_on_disk && !overwrite {
            self.status = Some(StatusMessage::error(format!(
                "Not saved: {} changed on disk since it was opened here",
                path.display()
            )));
            self.prompt = Some(Prompt::ChangedOnDisk { path, saving: true });
            return false;
        }
        match crate::io::save(&path, &doc.ret) {
            Ok(()) => {
                doc.saved = Some(doc.ret.clone());
                doc.dirty = false;
                doc.disk = crate::io::disk_stamp(&path);
                doc.noticed = None;
                doc.path = Some(path.clone());
                let invalid = doc.ret.unparsed.len();
                self.remove_recovery_copy();
                self.recovery_timer.clear();
                self.prefs.add_recent(&path);
                self.status = Some(if invalid > 0 {
                    StatusMessage::error(format!(
                        "Saved to {}; {} hold text that is not a number or date (kept as \
                         typed, counted as blank, listed in the findings)",
                        path.display(),
                        crate::format::counted(invalid, "field")
                    ))
                } else {
                    StatusMessage::info(format!("Saved to {}", path.display()))
                });
                true
            }
            Err(e) => {
                self.status = Some(StatusMessage::error(format!("Not saved: {e}")));
                if let crate::io::SaveError::Write {
                    error: crate::io::WriteError::ReadOnly,
                    ..
                } = e
                {
                    self.prompt = Some(Prompt::ReadOnly {
                        path,
                        elsewhere: crate::ui::commands::Command::SaveAs,
                    });
                }
                false
            }
        }
    }

    /// Writes the PDF where the user says; the draft itself is not touched. A return with
    /// errors is still exported (the PDF module marks it as a draft).
    pub(super) fn export_pdf(&mut self) {
        if self.doc.is_none() {
            return;
        }
        if let Some(path) = self.ask_path(PathPurpose::ExportPdf) {
            self.export_pdf_to(&path);
        }
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
                if let crate::pdf::ExportError::Write {
                    error: crate::io::WriteError::ReadOnly,
                    ..
                } = e
                {
                    self.prompt = Some(Prompt::ReadOnly {
                        path: path.to_path_buf(),
                        elsewhere: crate::ui::commands::Command::ExportPdf,
                    });
                }
            }
        }
    }

    /// What the typed-path box starts with: the folder of the draft (or of the last one used,
    /// or home) and, to save or export, a name made from the issuer and month
    /// (`Kingsoft-Cloud-Holdings-Limited-2024-10.ron`).
    pub(super) fn suggested_path(&self, purpose: PathPurpose) -> String {
        let dir = self.start_dir().or_else(|| self.dialogs.home_dir());
        let name = self.suggested_name(purpose);
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

    /// The file name suggested to save or export (`<issuer>-<yyyy-mm>.ron` / `.pdf`); empty
    /// to open.
    fn suggested_name(&self, purpose: PathPurpose) -> String {
        match (purpose, &self.doc) {
            (PathPurpose::SaveAs | PathPurpose::ExportPdf, Some(doc)) => {
                file_name_for(&doc.ret, purpose.extension())
            }
            _ => String::new(),
        }
    }

    /// The folder a file dialog starts in: the draft's, else the last opened draft's.
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

/// `Issuer-2024-10.ron`.
fn file_name_for(ret: &MonthlyReturn, ext: &str) -> String {
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
