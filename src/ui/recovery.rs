//! Crash safety: unsaved changes are copied to a recovery file in the user's data folder shortly
//! after they are made; the next start offers them back. A save or a clean exit removes the file.
//! Each running editor has its own file (see [`RecoverySlot`]), so two editors open at once
//! neither overwrite nor offer each other's changes.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::prefs::{AppPaths, write_atomically};
use crate::model::MonthlyReturn;

/// The longest a change waits before it is in the recovery file (the promise is "at most 10 s").
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(2);

/// What the recovery file holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recovered {
    /// The draft the changes belong to; `None` for an untitled return.
    pub path: Option<PathBuf>,
    pub written_at: DateTime<Utc>,
    pub ret: MonthlyReturn,
}

/// This editor's own recovery copy, and the lock that tells other editors it is still running.
///
/// Each running editor has its own pair `recovery-<id>.ron` / `recovery-<id>.lock` and holds an
/// exclusive lock on the `.lock` file for as long as it runs. The operating system drops the
/// lock when the process ends, however it ends, so at start a copy whose lock can be taken was
/// left by an editor that crashed, and a copy whose lock is held belongs to an editor still open
/// (two returns edited side by side): that one is neither offered nor deleted.
#[derive(Debug)]
pub struct RecoverySlot {
    copy: PathBuf,
    lock_path: PathBuf,
    /// The lock lives as long as this handle. The file holds the path of the draft this
    /// editor has open (see [`RecoverySlot::announce`]).
    lock: File,
}

impl RecoverySlot {
    /// Claims a new slot in the data folder. `Ok(None)`: the platform has no data folder, so
    /// there is no crash recovery.
    pub fn claim(paths: &AppPaths) -> io::Result<Option<RecoverySlot>> {
        let Some(dir) = &paths.data_dir else {
            return Ok(None);
        };
        std::fs::create_dir_all(dir)?;
        let id = format!(
            "{}-{}-{}",
            std::process::id(),
            Utc::now().timestamp_micros(),
            NEXT_SLOT.fetch_add(1, Ordering::Relaxed)
        );
        let lock_path = dir.join(format!("{PREFIX}{id}.lock"));
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)?;
        match lock.try_lock() {
            // A file system without locks still gets recovery; only the two-editor case is lost.
            Ok(()) | Err(TryLockError::Error(_)) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(io::Error::other(format!(
                    "{} is locked by another editor",
                    lock_path.display()
                )));
            }
        }
        Ok(Some(RecoverySlot {
            copy: dir.join(format!("{PREFIX}{id}.ron")),
            lock_path,
            lock,
        }))
    }

    /// Writes the copy atomically (a crash mid-write keeps the previous copy).
    pub fn write(&self, recovered: &Recovered) -> io::Result<()> {
        let text = ron::ser::to_string_pretty(recovered, ron::ser::PrettyConfig::default())
            .map_err(io::Error::other)?;
        write_atomically(&self.copy, text.as_bytes())
    }

    /// Removes the copy (after a save, or when the user discards the changes).
    pub fn remove_copy(&self) {
        // Missing already is the wanted state; nothing else can be done about other errors.
        let _ = std::fs::remove_file(&self.copy);
    }

    /// A clean exit: the copy and the lock file go.
    pub fn release(self) {
        self.remove_copy();
        let _ = std::fs::remove_file(&self.lock_path);
    }

    /// Writes the draft this editor has open (or nothing, untitled) into its lock file, where
    /// other editors look before opening the same draft ([`open_in_another_editor`]).
    pub fn announce(&mut self, draft: Option<&Path>) -> io::Result<()> {
        let text = draft.map(canonical_text).unwrap_or_default();
        self.lock.set_len(0)?;
        self.lock.rewind()?;
        self.lock.write_all(text.as_bytes())
    }

    /// The copy's file (tests).
    pub fn copy_path(&self) -> &Path {
        &self.copy
    }
}

const PREFIX: &str = "recovery-";

/// Tells apart slots claimed in the same microsecond by one process (tests, benches).
static NEXT_SLOT: AtomicU32 = AtomicU32::new(0);

/// A copy left by an editor that ended without a clean exit, locked by this editor while the
/// user decides so that a second editor started meanwhile does not offer it too.
#[derive(Debug)]
pub struct Orphan {
    pub recovered: Recovered,
    copy: PathBuf,
    lock_path: PathBuf,
    _lock: Option<File>,
}

impl Orphan {
    /// Deletes the copy (restored into this editor's own slot, or declined).
    pub fn discard(self) {
        let _ = std::fs::remove_file(&self.copy);
        let _ = std::fs::remove_file(&self.lock_path);
    }
}

/// The copies left by editors that crashed, newest first. Copies of editors still running are
/// skipped, and so are copies that cannot be read (left on disk, never deleted unread).
pub fn orphans(paths: &AppPaths) -> Vec<Orphan> {
    let Some(dir) = &paths.data_dir else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let mut locks = Vec::new();
    for entry in entries.flatten() {
        let copy = entry.path();
        if is_slot_file(&copy, ".lock") {
            locks.push(copy);
            continue;
        }
        let Some(stem) = copy
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".ron"))
            .filter(|n| n.starts_with(PREFIX))
        else {
            continue;
        };
        let lock_path = dir.join(format!("{stem}.lock"));
        let lock = match OpenOptions::new().write(true).open(&lock_path) {
            Ok(file) => match file.try_lock() {
                Ok(()) => Some(file),
                Err(TryLockError::WouldBlock) => continue, // its editor is running
                Err(TryLockError::Error(_)) => None,       // no locks here: assume it crashed
            },
            Err(_) => None, // lock file gone: its editor cannot be running
        };
        let Some(recovered) = std::fs::read_to_string(&copy)
            .ok()
            .and_then(|text| ron::from_str::<Recovered>(&text).ok())
        else {
            continue;
        };
        found.push(Orphan {
            recovered,
            copy,
            lock_path,
            _lock: lock,
        });
    }
    found.sort_by_key(|o| std::cmp::Reverse(o.recovered.written_at));
    for lock in locks {
        sweep_stale_lock(&lock);
    }
    found
}

/// The text a lock file holds for `draft`: its canonical path, so two spellings of one file
/// (relative, through a link) compare equal.
fn canonical_text(draft: &Path) -> String {
    std::fs::canonicalize(draft)
        .unwrap_or_else(|_| draft.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

/// Whether another running editor has `draft` open: a lock file other than `own`'s names it and
/// is still locked. Editors that crashed hold no lock, so they never count.
pub fn open_in_another_editor(paths: &AppPaths, own: Option<&RecoverySlot>, draft: &Path) -> bool {
    let Some(dir) = &paths.data_dir else {
        return false;
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    let wanted = canonical_text(draft);
    entries.flatten().map(|e| e.path()).any(|lock_path| {
        is_slot_file(&lock_path, ".lock")
            && own.is_none_or(|s| s.lock_path != lock_path)
            && std::fs::read_to_string(&lock_path).is_ok_and(|t| t == wanted)
            && OpenOptions::new()
                .write(true)
                .open(&lock_path)
                .is_ok_and(|f| matches!(f.try_lock(), Err(TryLockError::WouldBlock)))
    })
}

fn is_slot_file(path: &Path, suffix: &str) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with(PREFIX) && n.ends_with(suffix))
}

/// Removes the lock file of an editor that ended before it had anything to copy, so they do
/// not pile up. Only once it is a minute old: a new editor creates its lock file a moment
/// before it locks it, and must not lose it in between.
fn sweep_stale_lock(lock_path: &Path) {
    if lock_path.with_extension("ron").exists() {
        return;
    }
    let old = std::fs::metadata(lock_path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age >= STALE_LOCK_AGE);
    if !old {
        return;
    }
    if let Ok(file) = OpenOptions::new().write(true).open(lock_path)
        && file.try_lock().is_ok()
    {
        let _ = std::fs::remove_file(lock_path);
    }
}

const STALE_LOCK_AGE: Duration = Duration::from_secs(60);

/// Decides when the next recovery write is due: at once for a change when nothing was written
/// within the last `interval` (so even the first edit survives a crash), else when `interval`
/// since the last write has passed, so a burst of typing costs one write per interval and a
/// crash loses at most `interval` of it.
#[derive(Debug, Clone)]
pub struct RecoveryTimer {
    pub interval: Duration,
    due: Option<Instant>,
    last_write: Option<Instant>,
}

impl RecoveryTimer {
    pub fn new(interval: Duration) -> Self {
        RecoveryTimer {
            interval,
            due: None,
            last_write: None,
        }
    }

    /// The return changed at `now`.
    pub fn changed(&mut self, now: Instant) {
        if self.due.is_none() {
            self.due = Some(match self.last_write {
                Some(w) if now < w + self.interval => w + self.interval,
                _ => now,
            });
        }
    }

    /// The copy was written (or a write was tried) at `now`.
    pub fn written(&mut self, now: Instant) {
        self.due = None;
        self.last_write = Some(now);
    }

    /// Nothing unsaved remains to be written (saved, or the changes were dropped): the next
    /// change is written at once.
    pub fn clear(&mut self) {
        self.due = None;
        self.last_write = None;
    }

    /// Whether a copy was written since the last save (or start).
    pub fn has_written(&self) -> bool {
        self.last_write.is_some()
    }

    /// Time left until the write is due; `None` when nothing is pending.
    pub fn remaining(&self, now: Instant) -> Option<Duration> {
        self.due.map(|d| d.saturating_duration_since(now))
    }

    pub fn is_due(&self, now: Instant) -> bool {
        self.due.is_some_and(|d| now >= d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_change_is_written_at_once_and_later_ones_within_the_interval() {
        let t0 = Instant::now();
        let second = Duration::from_secs(1);
        let mut timer = RecoveryTimer::new(DEFAULT_INTERVAL);
        timer.changed(t0);
        assert!(timer.is_due(t0), "the first edit is copied at once");
        timer.written(t0);
        timer.changed(t0 + second);
        assert!(!timer.is_due(t0 + second), "a burst of typing is batched");
        assert!(
            timer.is_due(t0 + DEFAULT_INTERVAL),
            "but waits no longer than 2 s"
        );
        timer.written(t0 + DEFAULT_INTERVAL);
        // After a quiet spell the next change is written at once again.
        let later = t0 + 10 * DEFAULT_INTERVAL;
        timer.changed(later);
        assert!(timer.is_due(later));
        // A save clears it: the next change after a save is written at once too.
        timer.clear();
        timer.changed(later + second);
        assert!(timer.is_due(later + second));
    }

    fn copy(issuer: &str, minute: u32) -> Recovered {
        let mut ret = MonthlyReturn::default();
        ret.header.issuer_name = issuer.to_string();
        Recovered {
            path: None,
            written_at: DateTime::<Utc>::UNIX_EPOCH + chrono::Duration::minutes(i64::from(minute)),
            ret,
        }
    }

    fn issuers(paths: &AppPaths) -> Vec<String> {
        orphans(paths)
            .into_iter()
            .map(|o| o.recovered.ret.header.issuer_name)
            .collect()
    }

    #[test]
    fn a_draft_open_in_another_running_editor_is_noticed() {
        let dir = tempfile::tempdir().unwrap();
        let paths = AppPaths::in_dir(&dir.path().join("data"));
        let draft = dir.path().join("moon-2026-01.ron");
        std::fs::write(&draft, "").unwrap();
        let mut first = RecoverySlot::claim(&paths).unwrap().unwrap();
        let second = RecoverySlot::claim(&paths).unwrap().unwrap();
        assert!(!open_in_another_editor(&paths, Some(&second), &draft));
        first.announce(Some(&draft)).unwrap();
        assert!(open_in_another_editor(&paths, Some(&second), &draft));
        // Another spelling of the same file is the same draft; its own editor does not count.
        let spelled = dir.path().join(".").join("moon-2026-01.ron");
        assert!(open_in_another_editor(&paths, Some(&second), &spelled));
        assert!(!open_in_another_editor(&paths, Some(&first), &draft));
        // Closing the draft, or ending the editor, ends the claim.
        first.announce(None).unwrap();
        assert!(!open_in_another_editor(&paths, Some(&second), &draft));
        first.announce(Some(&draft)).unwrap();
        first.release();
        assert!(!open_in_another_editor(&paths, Some(&second), &draft));
    }

    #[test]
    fn a_running_editors_copy_is_not_an_orphan_until_it_ends() {
        let dir = tempfile::tempdir().unwrap();
        let paths = AppPaths::in_dir(dir.path());
        let slot = RecoverySlot::claim(&paths).unwrap().unwrap();
        slot.write(&copy("alive", 1)).unwrap();
        assert!(issuers(&paths).is_empty(), "its lock is held");
        drop(slot); // the process ends without a clean exit
        assert_eq!(issuers(&paths), ["alive"]);
    }

    #[test]
    fn orphans_come_newest_first_and_discarding_deletes_both_files() {
        let dir = tempfile::tempdir().unwrap();
        let paths = AppPaths::in_dir(dir.path());
        for (name, minute) in [("older", 1), ("newer", 2)] {
            let slot = RecoverySlot::claim(&paths).unwrap().unwrap();
            slot.write(&copy(name, minute)).unwrap();
        }
        assert_eq!(issuers(&paths), ["newer", "older"]);
        for orphan in orphans(&paths) {
            orphan.discard();
        }
        let left = std::fs::read_dir(paths.data_dir.as_ref().unwrap())
            .unwrap()
            .count();
        assert_eq!(left, 0);
    }

    #[test]
    fn a_clean_exit_leaves_nothing_and_an_unreadable_copy_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let paths = AppPaths::in_dir(dir.path());
        let slot = RecoverySlot::claim(&paths).unwrap().unwrap();
        slot.write(&copy("saved", 1)).unwrap();
        slot.release();
        let data = paths.data_dir.clone().unwrap();
        assert_eq!(std::fs::read_dir(&data).unwrap().count(), 0);

        let garbled = data.join("recovery-1-2-3.ron");
        std::fs::write(&garbled, "(not a recovery copy").unwrap();
        assert!(orphans(&paths).is_empty());
        assert!(garbled.exists(), "an unreadable copy is never deleted");
    }

    #[test]
    fn lock_files_of_editors_that_ended_with_nothing_to_copy_are_swept() {
        let dir = tempfile::tempdir().unwrap();
        let paths = AppPaths::in_dir(dir.path());
        let data = paths.data_dir.clone().unwrap();
        let ended = RecoverySlot::claim(&paths).unwrap().unwrap();
        let ended_lock = ended.lock_path.clone();
        drop(ended);
        let running = RecoverySlot::claim(&paths).unwrap().unwrap();
        let an_hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
        for lock in [&ended_lock, &running.lock_path] {
            let file = OpenOptions::new().write(true).open(lock).unwrap();
            file.set_modified(an_hour_ago).unwrap();
        }
        let young = RecoverySlot::claim(&paths).unwrap().unwrap();
        drop(young); // ended too, but its lock file is new: kept for now
        assert!(orphans(&paths).is_empty());
        assert!(!ended_lock.exists(), "swept");
        assert!(running.lock_path.exists(), "its editor still holds it");
        assert_eq!(std::fs::read_dir(&data).unwrap().count(), 2);
    }

    #[test]
    fn no_data_folder_means_no_slot_and_no_orphans() {
        let paths = AppPaths::default();
        assert!(RecoverySlot::claim(&paths).unwrap().is_none());
        assert!(orphans(&paths).is_empty());
    }
}
