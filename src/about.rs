//! What the program says about itself: its version, the FF301 templates it fills in, and where it
//! keeps its own files. Written once here so `--version`, `--help` and the editor's
//! Help ▸ About never disagree, and a user asked "where is the recovery file?" finds the same
//! answer in all three.

use crate::model::TemplateVersion;
use crate::ui::prefs::AppPaths;

/// The reverse-DNS id of the app. It names the desktop entry, the AppStream metainfo and the
/// icon in the theme (`assets/`), and is the window's app id (Wayland `app_id`, X11
/// `WM_CLASS`), so a desktop matches the running window with its entry and icon.
pub const APP_ID: &str = "io.github.monthly_return.MonthlyReturn";

/// The name people see: window title, desktop entry, About box.
pub const APP_NAME: &str = "FF301 Monthly Return";

/// The program's version (Cargo.toml).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The templates a return can follow, as the Template menu names them: `v1.1.0, v1.2.0`.
pub fn supported_templates() -> String {
    TemplateVersion::ALL
        .iter()
        .map(|v| v.label())
        .collect::<Vec<_>>()
        .join(", ")
}

/// What `--version` prints after the program's name.
pub fn long_version() -> String {
    format!(
        "{VERSION}\nHKEX FF301 Monthly Return for Equity Issuers, templates {}",
        supported_templates()
    )
}

/// One kind of file the program keeps, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub what: &'static str,
    pub place: String,
}

/// Where the recovery copies, the preferences and the logs are, for these folders.
pub fn file_locations(paths: &AppPaths) -> Vec<Location> {
    let recovery = match &paths.data_dir {
        Some(dir) => format!(
            "{} (one per open editor; removed when saved or closed normally)",
            dir.join("recovery-*.ron").display()
        ),
        None => "none: no home folder was found, so crash recovery is off".to_string(),
    };
    let prefs = match paths.prefs_file() {
        Some(file) => file.display().to_string(),
        None => "none: no home folder was found, so preferences are not kept".to_string(),
    };
    vec![
        Location {
            what: "Recovery copies of unsaved changes",
            place: recovery,
        },
        Location {
            what: "Preferences",
            place: prefs,
        },
        Location {
            what: "Logs",
            // No log file is written: saying so beats naming a file that never appears.
            place: "no log file; messages go to standard error (started from a desktop \
                    menu: the session's log, e.g. journalctl --user)"
                .to_string(),
        },
    ]
}

/// The same as text for `--help`: a heading, then one indented line per location.
pub fn file_locations_text(paths: &AppPaths) -> String {
    let mut text = String::from("Files:");
    for Location { what, place } in file_locations(paths) {
        text.push_str(&format!("\n  {what}:\n    {place}"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn the_version_names_every_template() {
        let text = long_version();
        assert!(text.starts_with(VERSION), "{text}");
        for v in TemplateVersion::ALL {
            assert!(text.contains(v.label()), "{text} lacks {}", v.label());
        }
    }

    #[test]
    fn locations_are_the_folders_in_use() {
        let paths = AppPaths::in_dir(Path::new("/home/cosec"));
        let text = file_locations_text(&paths);
        assert!(
            text.contains("/home/cosec/data/recovery-*.ron"),
            "recovery: {text}"
        );
        assert!(
            text.contains("/home/cosec/config/prefs.ron"),
            "prefs: {text}"
        );
        assert!(text.contains("standard error"), "logs: {text}");
    }

    #[test]
    fn without_a_home_folder_it_says_what_is_off() {
        let text = file_locations_text(&AppPaths::default());
        assert!(text.contains("crash recovery is off"), "{text}");
        assert!(text.contains("preferences are not kept"), "{text}");
    }
}
