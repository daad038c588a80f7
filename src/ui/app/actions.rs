//! Carrying out commands: `run(cmd)` and what it calls — open, save, save to a path, export,
//! roll forward, undo/redo, page moves, and the guard that asks about unsaved changes first.

use std::path::{Path, PathBuf};

use super::prompts::Prompt;
use super::{Document, EXAMPLE, EditorApp};
use crate::model::{LinkKind, MonthlyReturn};
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
    /// Ask for a published PDF, then open it as a new draft (or roll it forward).
    Import {
        roll: bool,
    },
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
            Command::Import => self.guard(ctx, Pending::Import { roll: false }),
            Command::RollForwardFromPdf => self.guard(ctx, Pending::Import { roll: true }),
            Command::ImportFrom(path) => self.import(&path, false),
            Command::RollForwardFromPath(path) => self.import(&path, true),
            Command::LinkLastMonth => {
                if self.doc.is_some()
                    && let Some(path) = self.ask_path(PathPurpose::LinkLastMonth)
                {
                    self.link_last_month(&path);
                }
            }
            Command::LinkLastMonthFrom(path) => self.link_last_month(&path),
            Command::UnlinkLastMonth => self.unlink_last_month(),
            Command::CompareWithLastMonth => {
                self.compare_open = !self.compare_open && self.doc.is_some();
                self.preview_open = false;
            }
            Command::DismissImportNote => self.import_note = None,
            Command::Quit => self.guard(ctx, Pending::Quit),
            Command::Save => {
                self.save(false);
            }
            Command::SaveAs => {
                self.save(true);
            }
            Command::SaveTo(path) => self.write_chosen(ctx, PathPurpose::SaveAs, path),
            Command::ExportPdf => self.export_pdf(),
            Command::ExportPdfTo(path) => self.write_chosen(ctx, PathPurpose::ExportPdf, path),
            Command::ExportForm6k => self.open_form_6k(),
            Command::Form6k(action) => self.form_6k(action),
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            // In the print preview, the printed pages.
            Command::NextPage if self.preview_open => self.preview.next_page(),
            Command::PreviousPage if self.preview_open => self.preview.previous_page(),
            Command::NextPage => self.go_to_page(self.page.next()),
            Command::PreviousPage => self.go_to_page(self.page.previous()),
            Command::PrintPreview => {
                self.preview_open = !self.preview_open && self.doc.is_some();
                self.compare_open = false;
            }
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
            Command::ToggleBuiltInDialog => {
                self.prefs.built_in_file_dialog = !self.prefs.built_in_file_dialog;
            }
            Command::ClearRecent => self.prefs.recent.clear(),
            Command::TypePath(purpose) => {
                let text = self.suggested_path(purpose);
                self.prompt = Some(Prompt::TypePath { purpose, text });
            }
            Command::ResolveUnsaved(choice) => self.resolve_unsaved(ctx, choice),
            Command::ResolveRecovery(choice) => self.resolve_recovery(choice),
            Command::ResolveChanged(choice) => self.resolve_changed(choice),
            Command::ResolveWrite(choice) => self.resolve_write(ctx, choice),
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
            Command::About => self.prompt = Some(Prompt::About),
            Command::DismissPrompt => self.prompt = None,
        }
    }

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

    /// The answer to the unsaved-changes prompt: carries out the action it was asked for, after
    /// saving or discarding the changes, or cancels it.
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
                } else {
                    // Untitled and the in-app dialog asks where: the action waits for it.
                    self.save_then(pending);
                }
            }
            UnsavedChoice::Discard => {
                // The user chose to lose these changes, so the return goes back to its file
                // as saved: what follows (rolling forward, or a file dialog that is then
                // cancelled) sees the saved return, never the discarded figures. A return that
                // was never saved has nothing to go back to and stays unsaved until the action
                // replaces it. The recovery copy goes either way.
                if let Some(doc) = &mut self.doc
                    && let Some(saved) = doc.saved.clone()
                {
                    doc.ret = saved;
                    doc.dirty = false;
                    self.history.reset(&doc.ret);
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

    pub(super) fn continue_pending(&mut self, ctx: &egui::Context, pending: Pending) {
        match pending {
            Pending::New => {
                self.replace_document(Document::new(MonthlyReturn::blank(), None));
                self.page = Page::I;
                self.status = Some(StatusMessage::info("New return"));
            }
            Pending::Open => {
                if let Some(path) = self.ask_path(PathPurpose::Open) {
                    self.open_path(&path);
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
            Pending::Import { roll } => {
                let purpose = if roll {
                    PathPurpose::RollForwardFrom
                } else {
                    PathPurpose::Import
                };
                if let Some(path) = self.ask_path(purpose) {
                    self.import(&path, roll);
                }
            }
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
    /// A PDF is imported instead (a secretary may well try Open on last month's published
    /// return first).
    pub(super) fn open_now(&mut self, path: &Path) {
        if crate::last_month::looks_like_pdf(path) {
            self.import(path, false);
            return;
        }
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
        self.import_note = None;
        self.compare_cache = None;
        self.doc_generation += 1;
        self.pending_focus = None;
        self.doc = Some(doc);
        self.recovery_timer.clear();
        self.preview.clear();
    }

    /// Replaces the return with next month's, untitled (the user saves it under a new name; the
    /// current month's draft is never overwritten by accident).
    fn roll_forward(&mut self) {
        let Some(doc) = &self.doc else { return };
        match crate::rollforward::roll_forward(&doc.ret) {
            Ok(mut next) => {
                if let (Some(link), Some(path)) = (next.last_month.as_mut(), &doc.path) {
                    link.source = crate::last_month::source(LinkKind::RolledForward, path);
                }
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

    /// Shows `page` of the form for editing (leaving the print preview).
    pub(super) fn go_to_page(&mut self, page: Page) {
        self.preview_open = false;
        self.compare_open = false;
        self.page = page;
        self.prefs.last_page = page;
    }
}
