//! Undo/redo for the whole return.
//!
//! Built on `egui::util::undoer::Undoer`: the app feeds it the return every frame and it makes
//! an undo point once the return has stayed unchanged for `stable_time` (typing a number is one
//! step, not one per key). Focused text fields keep their own Ctrl+Z; document undo runs from the
//! Edit menu, or from Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y when no text field has focus.

use egui::util::undoer::{Settings, Undoer};

use crate::model::MonthlyReturn;

/// Steps kept; the oldest are dropped beyond this.
pub const MAX_STEPS: usize = 200;

/// Seconds without a change that close one undo step.
pub const PAUSE_SECONDS: f32 = 1.0;

pub struct DocumentHistory {
    undoer: Undoer<MonthlyReturn>,
}

impl Default for DocumentHistory {
    fn default() -> Self {
        Self::new()
    }
}

impl DocumentHistory {
    pub fn new() -> Self {
        DocumentHistory {
            undoer: Undoer::with_settings(Settings {
                max_undos: MAX_STEPS,
                stable_time: PAUSE_SECONDS,
                auto_save_interval: 30.0,
            }),
        }
    }

    /// Forgets everything and starts from `ret` (a new or opened return).
    pub fn reset(&mut self, ret: &MonthlyReturn) {
        *self = DocumentHistory::new();
        self.undoer.add_undo(ret);
    }

    /// Called every frame with the current time in seconds.
    pub fn feed(&mut self, time: f64, ret: &MonthlyReturn) {
        self.undoer.feed_state(time, ret);
    }

    /// Closes the current step now (before a command that replaces the whole return, such as
    /// roll forward or a template change, so it is undone on its own).
    pub fn checkpoint(&mut self, ret: &MonthlyReturn) {
        self.undoer.add_undo(ret);
    }

    pub fn can_undo(&self, ret: &MonthlyReturn) -> bool {
        self.undoer.has_undo(ret)
    }

    pub fn can_redo(&self, ret: &MonthlyReturn) -> bool {
        self.undoer.has_redo(ret)
    }

    /// The return before the last step, if any.
    pub fn undo(&mut self, ret: &MonthlyReturn) -> Option<MonthlyReturn> {
        self.undoer.undo(ret).cloned()
    }

    /// The return after the step just undone, if any.
    pub fn redo(&mut self, ret: &MonthlyReturn) -> Option<MonthlyReturn> {
        self.undoer.redo(ret).cloned()
    }
}
