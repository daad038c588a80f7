//! What follows the commands each frame: the undo history is fed, the recovery copy written
//! when due, the window title and size kept, the preferences written; and the clean exit.

use std::path::Path;
use std::time::{Duration, Instant};

use super::EditorApp;
use crate::ui::recovery::{Recovered, RecoverySlot};
use crate::ui::status::StatusMessage;

impl EditorApp {
    /// Everything that follows the commands each frame.
    pub(super) fn after_commands(&mut self, ctx: &egui::Context) {
        let time = ctx.input(|i| i.time);
        if let Some(doc) = &mut self.doc {
            // A row added this frame is recorded with its id, so undo and redo keep it.
            doc.ret.assign_new_row_ids();
            if let Some(name) = crate::ui::undo::take_edit(ctx) {
                self.history.name_edit(name);
            }
            self.history.feed(time, &doc.ret);
        }
        self.watch_files(ctx);
        self.write_recovery_if_due(ctx);
        self.update_title(ctx);
        self.remember_window_size(ctx);
        self.persist_prefs();
        if !self.first_frame_reported {
            self.first_frame_reported = true;
            report_first_frame();
        }
    }

    fn write_recovery_if_due(&mut self, ctx: &egui::Context) {
        let now = Instant::now();
        let Some(doc) = &self.doc else { return };
        if !doc.dirty {
            return;
        }
        if self.recovery_timer.is_due(now) {
            let copy = Recovered {
                path: doc.path.clone(),
                written_at: (self.now)(),
                ret: doc.ret.clone(),
            };
            let Some(slot) = &self.recovery_slot else {
                return;
            };
            match slot.write(&copy) {
                Ok(()) => self.recovery_timer.written(now),
                Err(e) => {
                    // Try again after another interval rather than every frame.
                    self.recovery_timer.written(now);
                    self.recovery_timer.changed(now);
                    self.status = Some(StatusMessage::error(format!(
                        "Could not write the recovery copy: {e}"
                    )));
                }
            }
        } else if let Some(left) = self.recovery_timer.remaining(now) {
            ctx.request_repaint_after(left);
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = match &self.doc {
            Some(doc) => format!(
                "{}{} — FF301 Monthly Return",
                doc.file_name(),
                if doc.dirty { " •" } else { "" }
            ),
            None => "FF301 Monthly Return".to_string(),
        };
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    fn remember_window_size(&mut self, ctx: &egui::Context) {
        if let Some(rect) = ctx.input(|i| i.viewport().inner_rect) {
            let size = [rect.width().round(), rect.height().round()];
            if size[0] > 100.0 && size[1] > 100.0 {
                self.prefs.window_size = Some(size);
            }
        }
    }

    /// Writes the preferences when they changed, at most every two seconds (a window resize
    /// changes them every frame).
    fn persist_prefs(&mut self) {
        if self.prefs == self.prefs_written {
            return;
        }
        let now = Instant::now();
        if self
            .prefs_written_at
            .is_some_and(|t| now.duration_since(t) < Duration::from_secs(2))
        {
            return;
        }
        // Preferences are a convenience: a failed write is retried at the next change.
        let _ = self.prefs.save(&self.paths);
        self.prefs_written = self.prefs.clone();
        self.prefs_written_at = Some(now);
    }

    /// A clean exit: preferences written, recovery copy and lock removed.
    pub(super) fn clean_exit(&mut self) {
        let _ = self.prefs.save(&self.paths);
        self.prefs_written = self.prefs.clone();
        if let Some(slot) = self.recovery_slot.take() {
            slot.release();
        }
    }

    pub(super) fn remove_recovery_copy(&self) {
        if let Some(slot) = &self.recovery_slot {
            slot.remove_copy();
        }
    }

    /// This editor's recovery copy (tests); `None` without a data folder.
    pub fn recovery_copy_path(&self) -> Option<&Path> {
        self.recovery_slot.as_ref().map(RecoverySlot::copy_path)
    }
}

/// With `MONTHLY_RETURN_FIRST_FRAME` set, prints the wall-clock time of the first frame (for the
/// start-up benchmark).
fn report_first_frame() {
    if std::env::var_os("MONTHLY_RETURN_FIRST_FRAME").is_some() {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs_f64())
            .unwrap_or_default();
        println!("first-frame {now:.6}");
    }
}
