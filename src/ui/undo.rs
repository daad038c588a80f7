//! Undo/redo for the whole return, each step named by what it changed.
//!
//! The app feeds the history the return every frame; a step closes once the return has stayed
//! unchanged for [`PAUSE_SECONDS`] (typing a number is one step, not one per key), or at once
//! before a command that replaces the whole return ([`DocumentHistory::checkpoint`]). Focused
//! text fields keep their own Ctrl+Z; document undo runs from the Edit menu, or from Ctrl+Z /
//! Ctrl+Shift+Z / Ctrl+Y when no text field has focus.
//!
//! Why not `egui::util::undoer::Undoer` (used before): it keeps states only, and the Edit menu
//! should say what it undoes ("Undo typing in Part II › class block 1 › increase / decrease"). Widgets report
//! their edits with [`note_edit`]; the step takes the first edit reported since it opened.

use std::collections::VecDeque;

use crate::model::MonthlyReturn;

/// Steps kept; the oldest are dropped beyond this.
pub const MAX_STEPS: usize = 200;

/// Seconds without a change that close one undo step.
pub const PAUSE_SECONDS: f64 = 1.0;

/// What a step is called when no widget named it (an edit made by a command, say).
const UNNAMED: &str = "the last change";

/// Where widgets leave the name of their edit for the shell to pick up after the frame.
fn edit_id() -> egui::Id {
    egui::Id::unique("monthly-return-last-edit")
}

/// Records that the widget being drawn changed the return, named for the Edit menu
/// (`typing in Part II › class block 1 › increase / decrease`). The first edit of a frame wins.
pub fn note_edit(ctx: &egui::Context, what: impl FnOnce() -> String) {
    ctx.data_mut(|d| {
        if d.get_temp::<String>(edit_id()).is_none() {
            d.insert_temp(edit_id(), what());
        }
    });
}

/// The edit noted during the frame, if any, and forgets it.
pub fn take_edit(ctx: &egui::Context) -> Option<String> {
    ctx.data_mut(|d| d.remove_temp::<String>(edit_id()))
}

/// A state of the return and the name of the change that leads away from it.
#[derive(Debug, Clone)]
struct Step {
    state: MonthlyReturn,
    name: String,
}

/// Changes not yet closed into a step: the latest state seen, since when, and its name.
#[derive(Debug, Clone)]
struct Flux {
    state: MonthlyReturn,
    since: f64,
}

#[derive(Debug, Default)]
pub struct DocumentHistory {
    /// The state the open step started from (the last closed step's result).
    base: Option<MonthlyReturn>,
    undos: VecDeque<Step>,
    redos: Vec<Step>,
    flux: Option<Flux>,
    /// The name of the open step, from the first edit noted in it.
    open_name: Option<String>,
    /// An edit elsewhere (another field, a button) while a step is open: the open step closes
    /// with the state before it, and this names the next.
    next_name: Option<String>,
}

impl DocumentHistory {
    pub fn new() -> Self {
        Self::default()
    }

    /// Forgets everything and starts from `ret` (a new or opened return).
    pub fn reset(&mut self, ret: &MonthlyReturn) {
        *self = DocumentHistory {
            base: Some(ret.clone()),
            ..Self::default()
        };
    }

    /// Names the open step; an edit with another name (typing moved to another field) starts a
    /// step of its own at the next [`DocumentHistory::feed`], so one Undo never reverts two
    /// fields while naming one.
    pub fn name_edit(&mut self, name: String) {
        match &self.open_name {
            Some(open) if *open != name => self.next_name = Some(name),
            Some(_) => {}
            None => self.open_name = Some(name),
        }
    }

    fn is_open(&self, ret: &MonthlyReturn) -> bool {
        self.base.as_ref().is_some_and(|b| b != ret)
    }

    /// Called every frame with the current time in seconds.
    pub fn feed(&mut self, time: f64, ret: &MonthlyReturn) {
        if let Some(next) = self.next_name.take() {
            // The state seen before this frame's edit ends the previous step.
            if let Some(before) = self.flux.take().map(|f| f.state) {
                self.close(&before);
            }
            self.open_name = Some(next);
        }
        if !self.is_open(ret) {
            self.flux = None;
            self.open_name = None;
            return;
        }
        match &self.flux {
            Some(f) if f.state == *ret => {
                if time - f.since >= PAUSE_SECONDS {
                    self.close(ret);
                }
            }
            _ => {
                self.flux = Some(Flux {
                    state: ret.clone(),
                    since: time,
                })
            }
        }
    }

    /// Closes the open step, if any, with `ret` as its result.
    fn close(&mut self, ret: &MonthlyReturn) {
        if !self.is_open(ret) {
            return;
        }
        if let Some(state) = self.base.replace(ret.clone()) {
            let name = self.open_name.take().unwrap_or_else(|| UNNAMED.to_string());
            self.undos.push_back(Step { state, name });
            if self.undos.len() > MAX_STEPS {
                self.undos.pop_front();
            }
        }
        self.redos.clear();
        self.flux = None;
    }

    /// Closes the current step now (before a command that replaces the whole return, such as
    /// roll forward or a template change, so it is undone on its own).
    pub fn checkpoint(&mut self, ret: &MonthlyReturn) {
        if self.base.is_none() {
            self.base = Some(ret.clone());
        }
        self.close(ret);
    }

    /// Closes the open step (if any) and names the next one: for a command about to change the
    /// whole return (`rolling forward`).
    pub fn begin_named(&mut self, ret: &MonthlyReturn, name: &str) {
        self.checkpoint(ret);
        self.open_name = Some(name.to_string());
    }

    pub fn can_undo(&self, ret: &MonthlyReturn) -> bool {
        self.is_open(ret) || !self.undos.is_empty()
    }

    pub fn can_redo(&self, ret: &MonthlyReturn) -> bool {
        !self.is_open(ret) && !self.redos.is_empty()
    }

    /// What Undo would undo (`typing in Part II › class block 1 › increase / decrease`).
    pub fn undo_name(&self, ret: &MonthlyReturn) -> Option<&str> {
        if self.is_open(ret) {
            Some(self.open_name.as_deref().unwrap_or(UNNAMED))
        } else {
            self.undos.back().map(|s| s.name.as_str())
        }
    }

    /// What Redo would redo.
    pub fn redo_name(&self, ret: &MonthlyReturn) -> Option<&str> {
        if self.is_open(ret) {
            None
        } else {
            self.redos.last().map(|s| s.name.as_str())
        }
    }

    /// The return before the last step, if any. Changes still open form that step.
    pub fn undo(&mut self, ret: &MonthlyReturn) -> Option<MonthlyReturn> {
        self.close(ret);
        let step = self.undos.pop_back()?;
        let current = self.base.replace(step.state.clone())?;
        self.redos.push(Step {
            state: current,
            name: step.name,
        });
        Some(step.state)
    }

    /// The return after the step just undone, if any.
    pub fn redo(&mut self, ret: &MonthlyReturn) -> Option<MonthlyReturn> {
        if self.is_open(ret) {
            return None;
        }
        let step = self.redos.pop()?;
        let current = self.base.replace(step.state.clone())?;
        self.undos.push_back(Step {
            state: current,
            name: step.name,
        });
        Some(step.state)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_issuer(name: &str) -> MonthlyReturn {
        let mut r = MonthlyReturn::blank();
        r.header.issuer_name = name.to_string();
        r
    }

    #[test]
    fn a_pause_closes_a_named_step_and_undo_redo_walk_it() {
        let mut h = DocumentHistory::new();
        let (a, b) = (with_issuer(""), with_issuer("Moon"));
        h.reset(&a);
        assert!(!h.can_undo(&a));
        h.name_edit("typing in Header › issuer name".into());
        h.name_edit("typing in Header › issuer name".into());
        h.feed(0.0, &b);
        h.feed(0.5, &b);
        assert_eq!(h.undo_name(&b), Some("typing in Header › issuer name"));
        h.feed(1.6, &b);
        assert_eq!(h.undos.len(), 1, "the pause closed the step");
        assert_eq!(h.undo(&b), Some(a.clone()));
        assert_eq!(h.redo_name(&a), Some("typing in Header › issuer name"));
        assert!(!h.can_undo(&a));
        assert_eq!(h.redo(&a), Some(b.clone()));
        assert_eq!(h.undo_name(&b), Some("typing in Header › issuer name"));
    }

    #[test]
    fn typing_in_another_field_starts_a_step_of_its_own() {
        let mut h = DocumentHistory::new();
        let a = with_issuer("");
        let b = with_issuer("M");
        let mut c = b.clone();
        c.part5.title = "Secretary".into();
        h.reset(&a);
        h.name_edit("typing in Header › issuer name".into());
        h.feed(0.0, &b);
        h.feed(0.1, &b);
        // Without a pause, the next field is typed into.
        h.name_edit("typing in Part V › title".into());
        h.feed(0.2, &c);
        assert_eq!(h.undo_name(&c), Some("typing in Part V › title"));
        assert_eq!(h.undo(&c), Some(b.clone()));
        assert_eq!(h.undo_name(&b), Some("typing in Header › issuer name"));
        assert_eq!(h.undo(&b), Some(a.clone()));
        assert!(!h.can_undo(&a));
    }

    #[test]
    fn undo_of_an_open_step_returns_its_start_and_a_new_edit_drops_redo() {
        let mut h = DocumentHistory::new();
        let (a, b, c) = (with_issuer(""), with_issuer("M"), with_issuer("X"));
        h.reset(&a);
        h.feed(0.0, &b);
        assert_eq!(h.undo_name(&b), Some(UNNAMED));
        assert_eq!(h.undo(&b), Some(a.clone()));
        assert!(h.can_redo(&a));
        h.feed(1.0, &c);
        assert!(!h.can_redo(&c), "an edit after undo starts a new branch");
        h.feed(2.5, &c);
        assert!(h.redos.is_empty());
    }

    #[test]
    fn checkpoint_gives_a_command_its_own_step() {
        let mut h = DocumentHistory::new();
        let (a, b, c) = (with_issuer(""), with_issuer("M"), with_issuer("Next"));
        h.reset(&a);
        h.name_edit("typing in Header › issuer name".into());
        h.feed(0.0, &b);
        h.begin_named(&b, "rolling forward");
        h.checkpoint(&c);
        assert_eq!(h.undo_name(&c), Some("rolling forward"));
        assert_eq!(h.undo(&c), Some(b.clone()));
        assert_eq!(h.undo_name(&b), Some("typing in Header › issuer name"));
    }

    #[test]
    fn steps_beyond_the_limit_drop_the_oldest() {
        let mut h = DocumentHistory::new();
        h.reset(&with_issuer("0"));
        for i in 1..=(MAX_STEPS + 5) {
            let r = with_issuer(&i.to_string());
            h.checkpoint(&r);
        }
        assert_eq!(h.undos.len(), MAX_STEPS);
        assert_eq!(
            h.undos.front().map(|s| s.state.header.issuer_name.clone()),
            Some("5".to_string())
        );
    }
}
