//! Replacing a file so that nobody loses it: drafts and exported PDFs are written here.
//!
//! - A temporary file in the target's own folder (so the rename cannot cross file systems),
//!   named `.<name>.monthly-return-XXXXXX.tmp` so a person can tell what it is; written,
//!   flushed, synced, then renamed over the target. A crash leaves the old file whole; the
//!   temporary files a crash left next to the target are removed at the next write of it.
//! - A new file gets the permissions the user's umask gives any new file (usually 0644); a
//!   replaced file keeps its own.
//! - Writing through a symbolic link replaces the file the link points to, and keeps the link.
//! - A read-only file is refused, not replaced.

use std::fs::{self, File, Permissions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Why a file could not be written; the previous file, if any, is unchanged in every case.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error(
        "the file is read-only, so it was not replaced (save under another name, or make it writable)"
    )]
    ReadOnly,
    #[error("cannot create a temporary file in {}: {error}", dir.display())]
    TempFile { dir: PathBuf, error: io::Error },
    #[error("writing failed: {error} (the previous file is unchanged)")]
    Write { error: io::Error },
    #[error("cannot replace the file: {error} (the previous file is unchanged)")]
    Persist { error: io::Error },
}

/// The suffix of this program's temporary files.
const TEMP_SUFFIX: &str = ".tmp";

/// The prefix of the temporary files written for `name`.
fn temp_prefix(name: &str) -> String {
    format!(".{name}.monthly-return-")
}

/// Writes `bytes` to `path` atomically (see the module documentation).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    // Through a symbolic link, the file it points to is the one replaced.
    let target = match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    };
    let existing = fs::metadata(&target).ok();
    if existing
        .as_ref()
        .is_some_and(|m| m.is_file() && m.permissions().readonly())
    {
        return Err(WriteError::ReadOnly);
    }
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    remove_leftovers(&dir, &name);
    let prefix = temp_prefix(&name);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(TEMP_SUFFIX);
    let permissions = match &existing {
        Some(meta) => Some(meta.permissions()),
        None => new_file_permissions(),
    };
    if let Some(p) = &permissions {
        builder.permissions(p.clone());
    }
    let mut tmp = builder
        .tempfile_in(&dir)
        .map_err(|error| WriteError::TempFile {
            dir: dir.clone(),
            error,
        })?;
    let write = |error| WriteError::Write { error };
    // The mode asked for at creation is cut by the umask; a replaced file keeps its own
    // exactly (set again after creation).
    if let (Some(_), Some(p)) = (&existing, permissions) {
        tmp.as_file().set_permissions(p).map_err(write)?;
    }
    tmp.write_all(bytes).map_err(write)?;
    tmp.flush().map_err(write)?;
    tmp.as_file().sync_all().map_err(write)?;
    tmp.persist(&target)
        .map_err(|e| WriteError::Persist { error: e.error })?;
    // Make the rename itself durable; best effort, as not every platform can open a directory.
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// What a new file is created with before the umask: read and write for everyone, as any
/// program's new document (the umask then usually makes it 0644). `None` where permissions are
/// not modes: the platform's default for a new file applies.
#[cfg(unix)]
fn new_file_permissions() -> Option<Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(Permissions::from_mode(0o666))
}

#[cfg(not(unix))]
fn new_file_permissions() -> Option<Permissions> {
    None
}

/// Removes the temporary files an interrupted write of `name` left in `dir`.
fn remove_leftovers(dir: &Path, name: &str) {
    let prefix = temp_prefix(name);
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        if file_name.starts_with(&prefix) && file_name.ends_with(TEMP_SUFFIX) {
            let _ = fs::remove_file(entry.path());
        }
    }
}
