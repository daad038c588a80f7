//! File choosers behind a small trait, so tests answer them without a display.
//!
//! `None` means "cancelled" *or* "no dialog possible" (no display, no portal): the caller says so
//! in the status bar either way and the user can type a path instead.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The three questions the editor asks about files.
pub trait Dialogs {
    /// A draft to open.
    fn pick_open(&mut self, start_dir: Option<&Path>) -> Option<PathBuf>;
    /// Where to save the draft; `suggested` is a file name.
    fn pick_save(&mut self, start_dir: Option<&Path>, suggested: &str) -> Option<PathBuf>;
    /// Where to write the PDF; `suggested` is a file name.
    fn pick_pdf(&mut self, start_dir: Option<&Path>, suggested: &str) -> Option<PathBuf>;
    /// Opens a written file (the exported PDF) in the user's default viewer.
    fn open_externally(&mut self, path: &Path) -> Result<(), String>;
}

/// The native dialogs (xdg portal, or zenity; returns `None` quickly when neither exists).
#[derive(Debug, Default)]
pub struct RfdDialogs;

impl RfdDialogs {
    fn dialog(start_dir: Option<&Path>) -> rfd::FileDialog {
        let d = rfd::FileDialog::new();
        match start_dir {
            Some(dir) => d.set_directory(dir),
            None => d,
        }
    }
}

impl Dialogs for RfdDialogs {
    fn pick_open(&mut self, start_dir: Option<&Path>) -> Option<PathBuf> {
        Self::dialog(start_dir)
            .set_title("Open a monthly return draft")
            .add_filter("Monthly return draft", &["ron"])
            .add_filter("All files", &["*"])
            .pick_file()
    }

    fn pick_save(&mut self, start_dir: Option<&Path>, suggested: &str) -> Option<PathBuf> {
        Self::dialog(start_dir)
            .set_title("Save the monthly return draft")
            .set_file_name(suggested)
            .add_filter("Monthly return draft", &["ron"])
            .save_file()
    }

    fn pick_pdf(&mut self, start_dir: Option<&Path>, suggested: &str) -> Option<PathBuf> {
        Self::dialog(start_dir)
            .set_title("Export the monthly return as PDF")
            .set_file_name(suggested)
            .add_filter("PDF", &["pdf"])
            .save_file()
    }

    fn open_externally(&mut self, path: &Path) -> Result<(), String> {
        open::that_detached(path).map_err(|e| e.to_string())
    }
}

/// Answers given in advance, for tests: each question takes the next answer (`None` when none
/// is left, like a cancelled dialog). The queue is shared so a test can refill it while the app
/// owns the dialogs.
#[derive(Debug, Clone, Default)]
pub struct ScriptedDialogs {
    pub answers: Arc<Mutex<VecDeque<Option<PathBuf>>>>,
    /// Files the app asked to open in an external viewer, in order.
    pub opened: Arc<Mutex<Vec<PathBuf>>>,
}

impl ScriptedDialogs {
    /// Queues the answer to the next question.
    pub fn push(&self, answer: Option<PathBuf>) {
        if let Ok(mut q) = self.answers.lock() {
            q.push_back(answer);
        }
    }

    fn next(&self) -> Option<PathBuf> {
        self.answers
            .lock()
            .ok()
            .and_then(|mut q| q.pop_front())
            .flatten()
    }
}

impl Dialogs for ScriptedDialogs {
    fn pick_open(&mut self, _start_dir: Option<&Path>) -> Option<PathBuf> {
        self.next()
    }

    fn pick_save(&mut self, _start_dir: Option<&Path>, _suggested: &str) -> Option<PathBuf> {
        self.next()
    }

    fn pick_pdf(&mut self, _start_dir: Option<&Path>, _suggested: &str) -> Option<PathBuf> {
        self.next()
    }

    fn open_externally(&mut self, path: &Path) -> Result<(), String> {
        match self.opened.lock() {
            Ok(mut opened) => {
                opened.push(path.to_path_buf());
                Ok(())
            }
            Err(_) => Err("the test's record of opened files is poisoned".to_string()),
        }
    }
}
