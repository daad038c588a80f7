//! Where the editor keeps its own files, and the UI preferences it remembers between runs.
//!
//! Preferences (theme, last page, window size, recent files, built-in file dialog) live in the
//! user's config folder, never in the draft: a draft sent to a colleague must not carry
//! someone's window size.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::pages::Page;

/// How many recent files the Open Recent menu lists.
pub const MAX_RECENT: usize = 10;

/// The folders the editor writes to; injectable so tests never touch the real home folder.
/// `None`: that kind of persistence is off (no home folder could be found).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AppPaths {
    /// Preferences (`prefs.ron`).
    pub config_dir: Option<PathBuf>,
    /// The crash-recovery copies of unsaved changes, one per running editor.
    pub data_dir: Option<PathBuf>,
}

impl AppPaths {
    /// The platform folders (`~/.config/monthly-return`, `~/.local/share/monthly-return` on Linux).
    pub fn from_system() -> Self {
        match directories::ProjectDirs::from("hk", "monthly-return", "monthly-return") {
            Some(dirs) => AppPaths {
                config_dir: Some(dirs.config_dir().to_path_buf()),
                data_dir: Some(dirs.data_dir().to_path_buf()),
            },
            None => AppPaths::default(),
        }
    }

    /// Both folders under one root (tests).
    pub fn in_dir(root: &Path) -> Self {
        AppPaths {
            config_dir: Some(root.join("config")),
            data_dir: Some(root.join("data")),
        }
    }

    pub fn prefs_file(&self) -> Option<PathBuf> {
        self.config_dir.as_ref().map(|d| d.join("prefs.ron"))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ThemePref {
    #[default]
    Light,
    Dark,
}

impl ThemePref {
    pub fn egui(self) -> egui::Theme {
        match self {
            ThemePref::Light => egui::Theme::Light,
            ThemePref::Dark => egui::Theme::Dark,
        }
    }
}

/// Everything remembered between runs. `#[serde(default)]`: a field added later, or a file
/// written by an older version, still loads.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub theme: ThemePref,
    pub last_page: Page,
    /// Inner size of the window in points.
    pub window_size: Option<[f32; 2]>,
    /// Most recent first, no duplicates.
    pub recent: Vec<PathBuf>,
    /// Open, save and export with the in-app file dialog even where the system has one.
    pub built_in_file_dialog: bool,
}

impl Prefs {
    /// Reads the preferences; a missing or unreadable file gives the defaults (preferences are
    /// a convenience, never a reason not to start).
    pub fn load(paths: &AppPaths) -> Prefs {
        paths
            .prefs_file()
            .and_then(|p| std::fs::read_to_string(p).ok())
            .and_then(|text| ron::from_str(&text).ok())
            .unwrap_or_default()
    }

    pub fn save(&self, paths: &AppPaths) -> std::io::Result<()> {
        let Some(file) = paths.prefs_file() else {
            return Ok(());
        };
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .map_err(std::io::Error::other)?;
        write_atomically(&file, text.as_bytes())
    }

    /// Puts `path` at the top of the recent list.
    pub fn add_recent(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so a crash
/// leaves either the old file or the new one, never half of one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(&dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
