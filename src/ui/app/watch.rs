//! Files other programs touch. The draft on disk is looked at again whenever the window
//! regains focus (besides before every save, see `actions.rs`): an unchanged return simply
//! reloads, a return with unsaved changes asks (Reload / Overwrite / Save as / Keep editing), and a
//! draft that vanished is reported. And every editor writes the draft it has open into its
//! recovery lock file, so opening a draft that another running editor has open is noticed
//! (see [`crate::ui::recovery::open_in_another_editor`]).

use std::path::{Path, PathBuf};

use super::prompts::Prompt;
use super::{Document, EditorApp};
use crate::ui::recovery;
use crate::ui::status::StatusMessage;

impl EditorApp {
    /// Each frame: notices the window regaining focus, and announces the open draft.
    pub(super) fn watch_files(&mut self, ctx: &egui::Context) {
        let focused = ctx.input(|i| i.viewport().focused);
        let regained = focused == Some(true) && self.window_focused == Some(false);
        if focused.is_some() {
            self.window_focused = focused;
        }
        if regained {
            self.check_disk();
        }
        self.announce_draft();
    }

    /// Compares the draft on disk with what was opened or saved here; acts on a change once.
    pub(super) fn check_disk(&mut self) {
        if self.prompt.is_some() {
            return;
        }
        let Some(doc) = &mut self.doc else { return };
        let Some(path) = doc.path.clone() else { return };
        let now = crate::io::disk_stamp(&path);
        if now == doc.disk || doc.noticed.as_ref() == Some(&now) {
            return;
        }
        doc.noticed = Some(now);
        let name = doc.file_name();
        if now.is_none() {
            self.status = Some(StatusMessage::error(format!(
                "“{name}” is no longer on disk (moved or deleted): Save writes it again"
            )));
        } else if doc.is_dirty() {
            self.prompt = Some(Prompt::ChangedOnDisk {
                path,
                saving: false,
            });
        } else {
            // Nothing here is unsaved, so taking the file's new content loses nothing.
            self.reload(&path, &name);
        }
    }

    fn reload(&mut self, path: &Path, name: &str) {
        match crate::io::load(path) {
            Ok(ret) => {
                self.replace_document(Document::new(ret, Some(path.to_path_buf())));
                self.status = Some(StatusMessage::info(format!(
                    "Reloaded “{name}”: another program changed it"
                )));
            }
            Err(e) => {
                self.status = Some(StatusMessage::error(format!(
                    "“{name}” was changed by another program and no longer opens ({e}); this \
                     window keeps the return as it was"
                )));
            }
        }
    }

    /// Tells other editors which draft this one has open, when that changed.
    fn announce_draft(&mut self) {
        let open: Option<PathBuf> = self.doc.as_ref().and_then(|d| d.path.clone());
        if self.announced.as_ref() == Some(&open) {
            return;
        }
        if let Some(slot) = &mut self.recovery_slot {
            // Without it only the second-window warning is lost; the next change retries.
            if slot.announce(open.as_deref()).is_err() {
                return;
            }
        }
        self.announced = Some(open);
    }

    /// Whether another running editor has `path` open.
    pub(super) fn open_elsewhere(&self, path: &Path) -> bool {
        recovery::open_in_another_editor(&self.paths, self.recovery_slot.as_ref(), path)
    }
}
