//! Carrying out commands: `run(cmd)` and what it calls — open, save, save to a path, export,
//! roll forward, undo/redo, page moves, and the guard that asks about unsaved changes first.

use std::path::{Path, PathBuf};

use super::prompts::Prompt;
use super::{Document, EXAMPLE, EditorApp};
use crate::model::MonthlyReturn;
use crate::ui::commands::{ChangedChoice, Command, PathPurpose, RecoveryChoice, UnsavedChoice};
use crate::ui::pages::{Page, page_for_path};
use crate::ui::prefs::ThemePref;
use crate::ui::recovery::Recovered;
use crate::ui::status::StatusMessage;

/// What to do once the unsaved changes are saved or discarded.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Pending {
    New,
    Open,
    OpenPath(PathBuf),
    OpenExample,
    RollForward,
    Quit,
}

impl EditorApp {
    /// Carries out `cmd`: the one place a command from a menu, a shortcut, a panel or a prompt
    /// takes effect.
    pub(super) fn run(&mut self, ctx: &egui::Context, cmd: Command) {
        match cmd {
            Command::New => self.guard(ctx, Pending::New),
            Command::Open => self.guard(ctx, Pending::Open),
            Command::OpenPath(p) => self.guard(ctx, Pending::OpenPath(p)),
            Command::OpenExample => self.guard(ctx, Pending::OpenExample),
            Command::RollForward => self.guard(ctx, Pending::RollForward),
            Command::Quit => self.guard(ctx, Pending::Quit),
            Command::Save => {
                self.save(false);
            }
            Command::SaveAs => {
                self.save(true);
            }
            Command::SaveTo(path) => {
                self.save_to(path, false);
            }
            Command::ExportPdf => self.export_pdf(),
            Command::ExportPdfTo(path) => self.export_pdf_to(&path),
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::NextPage => self.go_to_page(self.page.next()),
            Command::PreviousPage => self.go_to_page(self.page.previous()),
            Command::GoToPage(p) => self.go_to_page(p),
            Command::GoToField(path) => {
                self.go_to_page(page_for_path(&path));
                self.pending_focus = Some(path);
            }
            Command::SetTemplateVersion(v) => {
                if let Some(doc) = &mut self.doc
                    && doc.ret.template_version != v
                {
                    self.history
                        .begin_named(&doc.ret, "changing the template version");
                    doc.ret.template_version = v;
                    self.history.checkpoint(&doc.ret);
                    self.status = Some(StatusMessage::info(format!("Template {}", v.label())));
                }
            }
            Command::ToggleTheme => {
                self.prefs.theme = match self.prefs.theme {
                    ThemePref::Light => ThemePref::Dark,
                    ThemePref::Dark => ThemePref::Light,
                };
            }
            Command::ClearRecent => self.prefs.recent.clear(),
            Command::TypePath(purpose) => {
                let text = self.suggested_path(purpose);
                self.prompt = Some(Prompt::TypePath { purpose, text });
            }
            Command::ResolveUnsaved(choice) => self.resolve_unsaved(ctx, choice),
            Command::ResolveRecovery(choice) => self.resolve_recovery(choice),
            Command::ResolveChanged(choice) => self.resolve_changed(choice),
            Command::OpenExternally(path) => {
                if let Err(e) = self.dialogs.open_externally(&path) {
                    self.status = Some(StatusMessage::error(format!(
                        "Could not open {}: {e}",
                        path.display()
                    )));
                }
            }
            Command::OpenAnyway(path) => {
                self.prompt = None;
                self.open_now(&path);
            }
            Command::DismissPrompt => self.prompt = None,
        }
    }

    /// The answer to the unsaved-changes prompt: carries out the action it was asked for, after
    /// saving or discarding the changes, or cancels it.
    /// The answer to "changed on disk": nothing is replaced or dropped without this choice.
    fn resolve_changed(&mut self, choice: ChangedChoice) {
        let (path, saving) = match self.prompt.take() {
            Some(Prompt::ChangedOnDisk { path, saving }) => (path, saving),
            other => {
                self.prompt = other;
                return;
            }
        };
        match choice {
            ChangedChoice::Overwrite => {
                self.save_to(path, true);
            }
            ChangedChoice::SaveAs => {
                self.save(true);
            }
            ChangedChoice::Reload => self.open_now(&path),
            ChangedChoice::Cancel if saving => {
                self.status = Some(StatusMessage::info("Not saved: the file on disk is kept"));
            }
            ChangedChoice::Cancel => {
                self.status = Some(StatusMessage::info(
                    "Kept this window's return; saving will ask again before replacing the file",
                ));
            }
        }
    }

    fn resolve_unsaved(&mut self, ctx: &egui::Context, choice: UnsavedChoice) {
        let pending = match self.prompt.take() {
            Some(Prompt::Unsaved(pending)) => pending,
            other => {
                // Not asked (any more): nothing to resolve.
                self.prompt = other;
                return;
            }
        };
        match choice {
            UnsavedChoice::Save => {
                if self.save(false) {
                    self.continue_pending(ctx, pending);
                }
            }
            UnsavedChoice::Discard => {
                if let Some(doc) = &mut self.doc {
                    // The user chose to lose these changes; the recovery copy goes too.
                    doc.dirty = false;
                }
                self.remove_recovery_copy();
                self.recovery_timer.clear();
                self.continue_pending(ctx, pending);
            }
            UnsavedChoice::Cancel => {
                self.status = Some(StatusMessage::info("Cancelled"));
            }
        }
    }

    /// The answer to the restore-recovery prompt.
    fn resolve_recovery(&mut self, choice: RecoveryChoice) {
        let recovered = match self.prompt.take() {
            Some(Prompt::Recover(recovered)) => recovered,
            other => {
                self.prompt = other;
                return;
            }
        };
        match choice {
            RecoveryChoice::Restore => {
                // Into this editor's own copy first, so a second crash loses nothing.
                let kept = self.recovery_slot.as_ref().map(|s| s.write(&recovered));
                if let Some(orphan) = self.offered_orphan.take()
                    && !matches!(kept, Some(Err(_)))
                {
                    orphan.discard();
                }
                let Recovered { path, ret, .. } = *recovered;
                let mut doc = Document::new(ret, path);
                doc.saved = None;
                doc.dirty = true;
                self.replace_document(doc);
                self.status = Some(match kept {
                    Some(Err(e)) => StatusMessage::error(format!(
                        "Unsaved changes restored, but the recovery copy could not be \
                         rewritten ({e}): save now"
                    )),
                    _ => StatusMessage::info("Unsaved changes restored"),
                });
            }
            RecoveryChoice::Discard => {
                if let Some(orphan) = self.offered_orphan.take() {
                    orphan.discard();
                }
            }
        }
    }

    /// Runs `pending` now, or first asks Save / Discard / Cancel if the return has unsaved changes.
    fn guard(&mut self, ctx: &egui::Context, pending: Pending) {
        if self.doc.as_ref().is_some_and(Document::is_dirty) {
            self.prompt = Some(Prompt::Unsaved(pending));
        } else {
            self.continue_pending(ctx, pending);
        }
    }

    fn continue_pending(&mut self, ctx: &egui::Context, pending: Pending) {
        match pending {
            Pending::New => {
                self.replace_document(Document::new(MonthlyReturn::blank(), None));
                self.page = Page::I;
                self.status = Some(StatusMessage::info("New return"));
            }
            Pending::Open => {
                let start = self.start_dir();
                match self.dialogs.pick_open(start.as_deref()) {
                    Some(path) => self.open_path(&path),
                    None => self.status = Some(no_file_chosen("Open", PathPurpose::Open)),
                }
            }
            Pending::OpenPath(path) => self.open_path(&path),
            Pending::OpenExample => match crate::io::from_str(EXAMPLE) {
                Ok(ret) => {
                    self.replace_document(Document::new(ret, None));
                    self.status = Some(StatusMessage::info(
                        "Example opened as an untitled copy: Save as to keep it",
                    ));
                }
                Err(e) => {
                    self.status = Some(StatusMessage::error(format!("The example is broken: {e}")))
                }
            },
            Pending::RollForward => self.roll_forward(),
            Pending::Quit => {
                self.close_allowed = true;
                self.clean_exit();
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Opens the draft at `path`, first asking when another editor window has it open.
    pub(super) fn open_path(&mut self, path: &Path) {
        if self.open_elsewhere(path) {
            self.prompt = Some(Prompt::OpenElsewhere {
                path: path.to_path_buf(),
            });
            return;
        }
        self.open_now(path);
    }

    /// Opens the draft at `path`; a draft that does not load is reported and left untouched.
    pub(super) fn open_now(&mut self, path: &Path) {
        match crate::io::load(path) {
            Ok(ret) => {
                self.replace_document(Document::new(ret, Some(path.to_path_buf())));
                self.prefs.add_recent(path);
                self.status = Some(StatusMessage::info(format!("Opened {}", path.display())));
            }
            Err(message) => {
                self.status = Some(StatusMessage::error(format!(
                    "Not opened: {}",
                    path.display()
                )));
                self.prompt = Some(Prompt::LoadError {
                    message: message.to_string(),
                });
            }
        }
    }

    pub(super) fn replace_document(&mut self, doc: Document) {
        self.history.reset(&doc.ret);
        self.pending_focus = None;
        self.doc = Some(doc);
        self.recovery_timer.clear();
    }

    /// Saves (asking where if needed or if `ask`); returns whether the return was written.
    fn save(&mut self, ask: bool) -> bool {
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
    fn save_to(&mut self, path: PathBuf, overwrite: bool) -> bool {
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

    /// Replaces the return with next month's, untitled (the user saves it under a new name; the
    /// current month's draft is never overwritten by accident).
    fn roll_forward(&mut self) {
        let Some(doc) = &self.doc else { return };
        match crate::rollforward::roll_forward(&doc.ret) {
            Ok(next) => {
                let month = next
                    .header
                    .month_end
                    .map(|d| d.format("%B %Y").to_string())
                    .unwrap_or_default();
                let mut doc = Document::new(next, None);
                // Untitled and not saved anywhere yet: closing must ask.
                doc.saved = None;
                doc.dirty = true;
                self.replace_document(doc);
                self.page = Page::I;
                self.status = Some(StatusMessage::info(format!(
                    "Rolled forward to {month}: untitled until saved"
                )));
            }
            Err(e) => {
                self.status = Some(StatusMessage::error(format!("Not rolled forward: {e}")));
            }
        }
    }

    /// Writes the PDF where the user says; the draft itself is not touched. A return with
    /// errors is still exported (the PDF module marks it as a draft).
    fn export_pdf(&mut self) {
        let start = self.start_dir();
        let Some(doc) = &self.doc else { return };
        let suggested = suggested_name(&doc.ret, "pdf");
        let Some(path) = self.dialogs.pick_pdf(start.as_deref(), &suggested) else {
            self.status = Some(no_file_chosen("Export PDF", PathPurpose::ExportPdf));
            return;
        };
        self.export_pdf_to(&path);
    }

    fn export_pdf_to(&mut self, path: &Path) {
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

    fn undo(&mut self) {
        let Some(doc) = &mut self.doc else { return };
        let name = self.history.undo_name(&doc.ret).map(str::to_string);
        match self.history.undo(&doc.ret) {
            Some(prev) => {
                doc.ret = prev;
                if let Some(name) = name {
                    self.status = Some(StatusMessage::info(format!("Undone: {name}")));
                }
            }
            None => self.status = Some(StatusMessage::info("Nothing to undo")),
        }
    }

    fn redo(&mut self) {
        let Some(doc) = &mut self.doc else { return };
        let name = self.history.redo_name(&doc.ret).map(str::to_string);
        match self.history.redo(&doc.ret) {
            Some(next) => {
                doc.ret = next;
                if let Some(name) = name {
                    self.status = Some(StatusMessage::info(format!("Redone: {name}")));
                }
            }
            None => self.status = Some(StatusMessage::info("Nothing to redo")),
        }
    }

    pub(super) fn go_to_page(&mut self, page: Page) {
        self.page = page;
        self.prefs.last_page = page;
    }

    /// What the typed-path box starts with: the folder of the draft (or of the last one used,
    /// or home) and, to save or export, a name made from the issuer and month
    /// (`Kingsoft-Cloud-Holdings-Limited-2024-10.ron`).
    fn suggested_path(&self, purpose: PathPurpose) -> String {
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

    fn start_dir(&self) -> Option<PathBuf> {
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

fn no_file_chosen(what: &str, purpose: PathPurpose) -> StatusMessage {
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
