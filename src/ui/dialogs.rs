//! File choosers behind a small trait, so tests answer them without a display.
//!
//! The native dialog ([`RfdDialogs`]) comes first. Its answer says whether a file was chosen,
//! the dialog was cancelled, or no dialog could be shown at all ([`Picked::Unavailable`]: no
//! desktop portal and no zenity, or no display); only in the last case does the editor show its
//! own, in-app file dialog (`app/file_dialog.rs`, built on `egui_file`). The preference
//! "Built-in file dialog" (View menu) skips the native dialog altogether.

mod native;

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

pub use self::native::RfdDialogs;

/// What a native file dialog gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picked {
    /// The user chose this file.
    Path(PathBuf),
    /// A dialog was shown and closed without a choice.
    Cancelled,
    /// No dialog could be shown on this system: the editor shows its own instead.
    Unavailable,
}

impl From<Option<PathBuf>> for Picked {
    /// `Some` is a choice, `None` a cancelled dialog.
    fn from(answer: Option<PathBuf>) -> Self {
        match answer {
            Some(path) => Picked::Path(path),
            None => Picked::Cancelled,
        }
    }
}

/// Which files a return to read may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReturnFile {
    /// A draft (`.ron`) or a published return (`.pdf`).
    DraftOrPdf,
    /// A published return (`.pdf`).
    Pdf,
}

/// The questions the editor asks about files, and the surroundings they need.
pub trait Dialogs {
    /// A draft to open.
    fn pick_open(&mut self, start_dir: Option<&Path>) -> Picked;
    /// Where to save the draft; `suggested` is a file name.
    fn pick_save(&mut self, start_dir: Option<&Path>, suggested: &str) -> Picked;
    /// Where to write the PDF; `suggested` is a file name.
    fn pick_pdf(&mut self, start_dir: Option<&Path>, suggested: &str) -> Picked;
    /// A monthly return to read: last month's (a draft or a PDF) or a published PDF.
    fn pick_return(&mut self, start_dir: Option<&Path>, what: ReturnFile) -> Picked;
    /// Opens a written file (the exported PDF) in the user's default viewer.
    fn open_externally(&mut self, path: &Path) -> Result<(), String>;
    /// The user's home folder: what a leading `~` means in a typed path, and where a file
    /// dialog starts when no draft's folder is known.
    fn home_dir(&self) -> Option<PathBuf> {
        directories::UserDirs::new().map(|u| u.home_dir().to_path_buf())
    }
}

/// Answers given in advance, for tests: each question takes the next answer; once none is left
/// the answer is `when_empty` (a cancelled dialog unless made with
/// [`ScriptedDialogs::unavailable`]). The queue is shared so a test can refill it while the app
/// owns the dialogs. Never the real home folder: `home` is `None` unless a test sets it.
#[derive(Debug, Clone)]
pub struct ScriptedDialogs {
    pub answers: Arc<Mutex<VecDeque<Picked>>>,
    /// Files the app asked to open in an external viewer, in order.
    pub opened: Arc<Mutex<Vec<PathBuf>>>,
    /// The questions asked, in order: `open`, `save NAME`, `pdf NAME` (the suggested name).
    pub asked: Arc<Mutex<Vec<String>>>,
    /// The answer when the queue is empty.
    pub when_empty: Picked,
    /// What `~` means.
    pub home: Option<PathBuf>,
}

impl Default for ScriptedDialogs {
    fn default() -> Self {
        ScriptedDialogs {
            answers: Arc::default(),
            opened: Arc::default(),
            asked: Arc::default(),
            when_empty: Picked::Cancelled,
            home: None,
        }
    }
}

impl ScriptedDialogs {
    /// A system without a native file dialog (every question answers `Unavailable`), whose home
    /// folder is `home`.
    pub fn unavailable(home: &Path) -> Self {
        ScriptedDialogs {
            when_empty: Picked::Unavailable,
            home: Some(home.to_path_buf()),
            ..ScriptedDialogs::default()
        }
    }

    /// Queues the answer to the next question: a file, or `None` for a cancelled dialog.
    pub fn push(&self, answer: Option<PathBuf>) {
        self.push_picked(answer.into());
    }

    /// Queues any answer, including `Unavailable`.
    pub fn push_picked(&self, answer: Picked) {
        if let Ok(mut q) = self.answers.lock() {
            q.push_back(answer);
        }
    }

    /// The questions asked so far.
    pub fn questions(&self) -> Vec<String> {
        self.asked.lock().map(|a| a.clone()).unwrap_or_default()
    }

    fn next(&self, question: String) -> Picked {
        if let Ok(mut asked) = self.asked.lock() {
            asked.push(question);
        }
        self.answers
            .lock()
            .ok()
            .and_then(|mut q| q.pop_front())
            .unwrap_or_else(|| self.when_empty.clone())
    }
}

impl Dialogs for ScriptedDialogs {
    fn pick_open(&mut self, _start_dir: Option<&Path>) -> Picked {
        self.next("open".to_string())
    }

    fn pick_save(&mut self, _start_dir: Option<&Path>, suggested: &str) -> Picked {
        self.next(format!("save {suggested}"))
    }

    fn pick_pdf(&mut self, _start_dir: Option<&Path>, suggested: &str) -> Picked {
        self.next(format!("pdf {suggested}"))
    }

    fn pick_return(&mut self, _start_dir: Option<&Path>, what: ReturnFile) -> Picked {
        self.next(match what {
            ReturnFile::DraftOrPdf => "return".to_string(),
            ReturnFile::Pdf => "published".to_string(),
        })
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

    fn home_dir(&self) -> Option<PathBuf> {
        self.home.clone()
    }
}
