//! Crash safety: unsaved changes are copied to a recovery file in the user's data folder shortly
//! after they are made; the next start offers them back. A save or a clean exit removes the file.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::prefs::{AppPaths, write_atomically};
use crate::model::MonthlyReturn;

/// The longest a change waits before it is in the recovery file (the promise is "at most 10 s").
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(5);

/// What the recovery file holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recovered {
    /// The draft the changes belong to; `None` for an untitled return.
    pub path: Option<PathBuf>,
    pub written_at: DateTime<Utc>,
    pub ret: MonthlyReturn,
}

/// Writes the recovery copy atomically (a crash mid-write keeps the previous copy).
pub fn write(paths: &AppPaths, recovered: &Recovered) -> std::io::Result<()> {
    let Some(file) = paths.recovery_file() else {
        return Ok(());
    };
    let text = ron::ser::to_string_pretty(recovered, ron::ser::PrettyConfig::default())
        .map_err(std::io::Error::other)?;
    write_atomically(&file, text.as_bytes())
}

/// The copy left by a previous run that did not exit cleanly, if any and if readable.
pub fn read(paths: &AppPaths) -> Option<Recovered> {
    let text = std::fs::read_to_string(paths.recovery_file()?).ok()?;
    ron::from_str(&text).ok()
}

/// Removes the copy (after a save, a clean exit, or when the user declines to restore it).
pub fn remove(paths: &AppPaths) {
    if let Some(file) = paths.recovery_file() {
        // Missing already is the wanted state; nothing else can be done about other errors.
        let _ = std::fs::remove_file(file);
    }
}

/// Decides when the next recovery write is due: `interval` after the first change not yet
/// written, so a burst of typing costs one write.
#[derive(Debug, Clone)]
pub struct RecoveryTimer {
    pub interval: Duration,
    due: Option<Instant>,
}

impl RecoveryTimer {
    pub fn new(interval: Duration) -> Self {
        RecoveryTimer {
            interval,
            due: None,
        }
    }

    /// The return changed at `now`.
    pub fn changed(&mut self, now: Instant) {
        if self.due.is_none() {
            self.due = Some(now + self.interval);
        }
    }

    /// Nothing unsaved remains to be written (saved, or written just now).
    pub fn clear(&mut self) {
        self.due = None;
    }

    /// Time left until the write is due; `None` when nothing is pending.
    pub fn remaining(&self, now: Instant) -> Option<Duration> {
        self.due.map(|d| d.saturating_duration_since(now))
    }

    pub fn is_due(&self, now: Instant) -> bool {
        self.due.is_some_and(|d| now >= d)
    }
}
