//! The native file dialogs, and telling "cancelled" from "no dialog here".
//!
//! rfd 0.17 is built with its default backend: on Linux and the BSDs the desktop portal over
//! D-Bus (libdbus loaded at run time), then zenity as rfd's own fallback. It answers `None`
//! both when the user cancels and when nothing could be shown. Two signs tell them apart:
//! - before asking (Linux and the BSDs): no D-Bus session bus (`DBUS_SESSION_BUS_ADDRESS` unset
//!   or empty and no `$XDG_RUNTIME_DIR/bus`) and no `zenity` on `PATH`: rfd has nothing to show
//!   a dialog with;
//! - after asking: `None` within [`NOT_SHOWN_WITHIN`] means no dialog was on screen (a bus
//!   without a file-chooser portal and no zenity, no display, no libdbus): nobody reads a
//!   dialog and closes it that fast.
//!
//! Once either sign is seen the answer is [`Picked::Unavailable`] for the rest of the run, and
//! the editor shows its in-app dialog. Not caught: a portal that hangs for a long time before
//! failing; its late `None` counts as cancelled (View ▸ Built-in file dialog then helps).

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{Dialogs, Picked, ReturnFile};

/// A native dialog that answers "nothing chosen" sooner than this was never shown.
pub const NOT_SHOWN_WITHIN: Duration = Duration::from_millis(250);

/// The native dialogs (desktop portal, or zenity; see the module notes).
#[derive(Debug, Default)]
pub struct RfdDialogs {
    /// Seen once that no native dialog can be shown here.
    unavailable: bool,
}

impl RfdDialogs {
    fn dialog(start_dir: Option<&Path>) -> rfd::FileDialog {
        let d = rfd::FileDialog::new();
        match start_dir {
            Some(dir) => d.set_directory(dir),
            None => d,
        }
    }

    /// Shows a dialog through `show` unless no dialog is possible, and classifies its answer.
    fn ask(&mut self, show: impl FnOnce() -> Option<PathBuf>) -> Picked {
        let system = |name: &str| std::env::var_os(name);
        if self.unavailable || !native_dialog_possible(&system, &|p| p.exists()) {
            self.unavailable = true;
            return Picked::Unavailable;
        }
        let started = Instant::now();
        let picked = classify(show(), started.elapsed());
        self.unavailable = picked == Picked::Unavailable;
        picked
    }
}

impl Dialogs for RfdDialogs {
    fn pick_open(&mut self, start_dir: Option<&Path>) -> Picked {
        self.ask(|| {
            Self::dialog(start_dir)
                .set_title("Open a monthly return draft")
                .add_filter("Monthly return draft", &["ron"])
                .add_filter("All files", &["*"])
                .pick_file()
        })
    }

    fn pick_save(&mut self, start_dir: Option<&Path>, suggested: &str) -> Picked {
        self.ask(|| {
            Self::dialog(start_dir)
                .set_title("Save the monthly return draft")
                .set_file_name(suggested)
                .add_filter("Monthly return draft", &["ron"])
                .save_file()
        })
    }

    fn pick_pdf(&mut self, start_dir: Option<&Path>, suggested: &str) -> Picked {
        self.ask(|| {
            Self::dialog(start_dir)
                .set_title("Export the monthly return as PDF")
                .set_file_name(suggested)
                .add_filter("PDF", &["pdf"])
                .save_file()
        })
    }

    fn pick_return(&mut self, start_dir: Option<&Path>, what: ReturnFile) -> Picked {
        self.ask(|| {
            let dialog = Self::dialog(start_dir);
            match what {
                ReturnFile::DraftOrPdf => dialog
                    .set_title("Last month's monthly return")
                    .add_filter("Monthly return (draft or PDF)", &["ron", "pdf"])
                    .add_filter("All files", &["*"]),
                ReturnFile::Pdf => dialog
                    .set_title("A published monthly return")
                    .add_filter("PDF", &["pdf"])
                    .add_filter("All files", &["*"]),
            }
            .pick_file()
        })
    }

    fn open_externally(&mut self, path: &Path) -> Result<(), String> {
        open::that_detached(path).map_err(|e| e.to_string())
    }
}

/// rfd's answer, given how long it took.
fn classify(answer: Option<PathBuf>, took: Duration) -> Picked {
    match answer {
        Some(path) => Picked::Path(path),
        None if took < NOT_SHOWN_WITHIN => Picked::Unavailable,
        None => Picked::Cancelled,
    }
}

/// Whether rfd has anything to show a dialog with: a session bus (for the portal) or zenity.
/// `var` reads an environment variable, `exists` looks at a path.
#[cfg(any(
    target_os = "linux",
    target_os = "freebsd",
    target_os = "dragonfly",
    target_os = "netbsd",
    target_os = "openbsd"
))]
fn native_dialog_possible(
    var: &dyn Fn(&str) -> Option<OsString>,
    exists: &dyn Fn(&Path) -> bool,
) -> bool {
    let set = |name: &str| var(name).filter(|v| !v.is_empty());
    let bus = set("DBUS_SESSION_BUS_ADDRESS").is_some()
        || set("XDG_RUNTIME_DIR").is_some_and(|dir| exists(&Path::new(&dir).join("bus")));
    let zenity = set("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| exists(&dir.join("zenity"))));
    bus || zenity
}

/// Windows and macOS always have their own dialogs.
#[cfg(not(any(
    target_os = "linux",
    target_os = "freebsd",
    target_os = "dragonfly",
    target_os = "netbsd",
    target_os = "openbsd"
)))]
fn native_dialog_possible(
    _var: &dyn Fn(&str) -> Option<OsString>,
    _exists: &dyn Fn(&Path) -> bool,
) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quick_nothing_means_no_dialog_was_shown_a_slow_one_a_cancel() {
        assert_eq!(
            classify(None, Duration::from_millis(3)),
            Picked::Unavailable
        );
        assert_eq!(classify(None, Duration::from_secs(4)), Picked::Cancelled);
        let path = PathBuf::from("/tmp/a.ron");
        assert_eq!(
            classify(Some(path.clone()), Duration::from_millis(3)),
            Picked::Path(path)
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_session_bus_or_zenity_makes_a_native_dialog_possible() {
        let possible = |vars: &[(&str, &str)], files: &[&str]| {
            let var = |name: &str| {
                vars.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| OsString::from(v))
            };
            let exists = |p: &Path| files.iter().any(|f| Path::new(f) == p);
            native_dialog_possible(&var, &exists)
        };
        // A bare X server (Xvfb, a minimal window manager): nothing to show a dialog with.
        assert!(!possible(&[("PATH", "/usr/bin:/bin")], &[]));
        assert!(!possible(
            &[("DBUS_SESSION_BUS_ADDRESS", ""), ("PATH", "/usr/bin")],
            &[]
        ));
        assert!(!possible(&[("XDG_RUNTIME_DIR", "/run/user/1000")], &[]));
        // A session bus (the portal may answer), or zenity.
        assert!(possible(
            &[("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus")],
            &[]
        ));
        assert!(possible(
            &[("XDG_RUNTIME_DIR", "/run/user/1000")],
            &["/run/user/1000/bus"]
        ));
        assert!(possible(
            &[("PATH", "/usr/local/bin:/usr/bin")],
            &["/usr/bin/zenity"]
        ));
    }
}
