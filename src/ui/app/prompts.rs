//! The modal prompts: unsaved changes (Save / Discard / Cancel), a draft that did not open, the
//! restore-recovery offer, a typed path, the in-app file dialog (drawn by `file_dialog.rs`),
//! "Create folder …?" / "Replace …?" before writing, and the PDF-exported message.
//!
//! Drawing a prompt only pushes [`Command`]s (the answer, or `DismissPrompt`); the app's one
//! `run(cmd)` carries them out after the frame is drawn. The only state a prompt changes itself
//! is its own: the text typed into the path box.

use std::path::{Path, PathBuf};

use super::actions::Pending;
use super::file_dialog::FileDialogPrompt;
use super::{Document, EditorApp};
use crate::about;
use crate::ui::commands::{
    ChangedChoice, Command, PathPurpose, RecoveryChoice, UnsavedChoice, WriteChoice,
};
use crate::ui::prefs::AppPaths;
use crate::ui::recovery::Recovered;
use crate::ui::theme::warning_colour;

/// The modal dialog on screen, if any.
#[derive(Debug)]
pub(super) enum Prompt {
    /// Save / Discard / Cancel before `Pending` replaces or closes the return.
    Unsaved(Pending),
    /// A draft could not be opened; the message has line and column.
    LoadError { message: String },
    /// A previous run left unsaved changes.
    Recover(Box<Recovered>),
    /// The user types a path.
    TypePath { purpose: PathPurpose, text: String },
    /// The in-app file dialog (no system one, or preferred).
    FileDialog(Box<FileDialogPrompt>),
    /// A chosen or typed path needs a yes before it is written: its folder is missing, or it
    /// is another file that exists.
    ConfirmWrite {
        question: WriteQuestion,
        purpose: PathPurpose,
        path: PathBuf,
    },
    /// The PDF was written: where, whether it is a draft, and a way to open it.
    Exported { path: PathBuf, errors: usize },
    /// Saving would replace a draft another program changed since it was opened here.
    /// The draft changed on disk: found before a save (`saving`) or when the window regained
    /// focus with unsaved changes here.
    ChangedOnDisk { path: PathBuf, saving: bool },
    /// Saving or exporting met a read-only file: it was not replaced; `elsewhere` writes to
    /// another file instead (Save as / Export PDF).
    ReadOnly { path: PathBuf, elsewhere: Command },
    /// The draft about to be opened is open in another editor window.
    OpenElsewhere { path: PathBuf },
    /// Help ▸ About: version, templates, and where the program keeps its files.
    About,
    /// File ▸ Export Form 6-K package…: the profile form and the folder.
    Form6k(Box<super::form_6k::Form6kForm>),
}

/// Why a path is not written without asking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum WriteQuestion {
    /// This folder (the path's parent) does not exist: create it?
    CreateFolder(PathBuf),
    /// The file exists and is not the draft's own: replace it?
    Replace,
}

impl EditorApp {
    /// Draws the prompt on screen, if any.
    pub(super) fn prompt_ui(&mut self, ctx: &egui::Context, cmds: &mut Vec<Command>) {
        let home = self.dialogs.home_dir();
        let Some(prompt) = &mut self.prompt else {
            return;
        };
        match prompt {
            Prompt::Unsaved(_) => {
                let name = self
                    .doc
                    .as_ref()
                    .map(Document::file_name)
                    .unwrap_or_default();
                unsaved_ui(ctx, &name, cmds);
            }
            Prompt::Exported { path, errors } => exported_ui(ctx, path, *errors, cmds),
            Prompt::LoadError { message } => load_error_ui(ctx, message, cmds),
            Prompt::ReadOnly { path, elsewhere } => read_only_ui(ctx, path, elsewhere, cmds),
            Prompt::TypePath { purpose, text } => {
                type_path_ui(ctx, *purpose, text, home.as_deref(), cmds)
            }
            Prompt::FileDialog(dialog) => dialog.ui(ctx, cmds),
            Prompt::ConfirmWrite {
                question,
                purpose,
                path,
            } => confirm_write_ui(ctx, question, *purpose, path, cmds),
            Prompt::Recover(recovered) => recover_ui(ctx, recovered, cmds),
            Prompt::ChangedOnDisk { path, saving } => changed_on_disk_ui(ctx, path, *saving, cmds),
            Prompt::OpenElsewhere { path } => open_elsewhere_ui(ctx, path, cmds),
            Prompt::About => about_ui(ctx, &self.paths, cmds),
            Prompt::Form6k(form) => form.ui(ctx, cmds),
        }
    }
}

/// "Changed on disk": another program changed the draft at `path` since it was opened here.
fn changed_on_disk_ui(ctx: &egui::Context, path: &Path, saving: bool, cmds: &mut Vec<Command>) {
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("changed-on-disk-prompt")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading("The draft changed on disk");
        ui.add(
            egui::Label::new(format!(
                "“{}” was changed by another program since it was opened here. Overwrite it \
                 with this return, save this return under another name, or reload the file \
                 from disk (this return's changes are then dropped).{}",
                path.display(),
                if saving {
                    ""
                } else {
                    " Keep editing decides later: saving asks again before replacing the file."
                }
            ))
            .wrap(),
        );
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save as…").clicked() {
                choice = Some(ChangedChoice::SaveAs);
            }
            if ui.button("Overwrite").clicked() {
                choice = Some(ChangedChoice::Overwrite);
            }
            if ui.button("Reload").clicked() {
                choice = Some(ChangedChoice::Reload);
            }
            if ui
                .button(if saving { "Cancel" } else { "Keep editing" })
                .clicked()
            {
                choice = Some(ChangedChoice::Cancel);
            }
        });
    });
    if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
        choice = Some(ChangedChoice::Cancel);
    }
    if let Some(choice) = choice {
        cmds.push(Command::ResolveChanged(choice));
    }
}

/// "Open in another window": another running editor has the draft at `path` open.
fn open_elsewhere_ui(ctx: &egui::Context, path: &Path, cmds: &mut Vec<Command>) {
    let mut chosen = None;
    egui::Modal::new(egui::Id::unique("open-elsewhere-prompt")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading("Already open in another window");
        ui.add(
            egui::Label::new(format!(
                "“{}” is open in another Monthly Return window. Edited in two windows, one \
                 window's save would replace the other's changes (each window asks before it \
                 saves over a file changed since it was opened). Switch to the other window, \
                 or open the draft here as well.",
                path.display()
            ))
            .wrap(),
        );
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Open here as well").clicked() {
                chosen = Some(Command::OpenAnyway(path.to_path_buf()));
            }
            if ui.button("Cancel").clicked() {
                chosen = Some(Command::DismissPrompt);
            }
        });
    });
    if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
        chosen = Some(Command::DismissPrompt);
    }
    cmds.extend(chosen);
}

/// "Save changes?" before the return `name` is replaced or the editor closes.
fn unsaved_ui(ctx: &egui::Context, name: &str, cmds: &mut Vec<Command>) {
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("unsaved-prompt")).show(ctx, |ui| {
        ui.set_width(360.0);
        ui.heading("Save changes?");
        ui.label(format!(
            "“{name}” has changes that are not saved. Save them before continuing?"
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                choice = Some(UnsavedChoice::Save);
            }
            if ui.button("Discard").clicked() {
                choice = Some(UnsavedChoice::Discard);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(UnsavedChoice::Cancel);
            }
        });
    });
    if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
        choice = Some(UnsavedChoice::Cancel);
    }
    if let Some(choice) = choice {
        cmds.push(Command::ResolveUnsaved(choice));
    }
}

/// "PDF exported": where, whether it is marked DRAFT, and a button to open it.
fn exported_ui(ctx: &egui::Context, path: &Path, errors: usize, cmds: &mut Vec<Command>) {
    let mut open = false;
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("exported")).show(ctx, |ui| {
        ui.set_width(460.0);
        ui.heading("PDF exported");
        ui.label(path.display().to_string());
        if errors > 0 {
            ui.colored_label(
                warning_colour(ui.visuals()),
                format!(
                    "Every page is marked DRAFT \u{2014} {errors} error{}: fix the \
                     findings and export again before submitting.",
                    if errors == 1 { "" } else { "s" }
                ),
            );
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            open = ui.button("Open PDF").clicked();
            close = ui.button("Close").clicked();
        });
    });
    if open {
        cmds.push(Command::OpenExternally(path.to_path_buf()));
    }
    if open || close || modal.should_close() {
        cmds.push(Command::DismissPrompt);
    }
}

/// "The draft could not be opened", with the loader's message (line and column).
/// Help ▸ About: what this is, which templates it fills in, and the real folders of the
/// recovery copies and preferences (selectable, to paste into a file manager).
fn about_ui(ctx: &egui::Context, paths: &AppPaths, cmds: &mut Vec<Command>) {
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("about-box")).show(ctx, |ui| {
        ui.set_width(520.0);
        ui.heading(about::APP_NAME);
        ui.label(format!("Version {}", about::VERSION));
        ui.label(format!(
            "HKEX FF301 Monthly Return for Equity Issuers, templates {}",
            about::supported_templates()
        ));
        ui.add_space(8.0);
        egui::Grid::new("about-files")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                for about::Location { what, place } in about::file_locations(paths) {
                    ui.strong(what);
                    ui.add(egui::Label::new(place).wrap().selectable(true));
                    ui.end_row();
                }
            });
        ui.add_space(8.0);
        ui.weak(
            "Licence: MIT. The fonts built in keep their own licences (SIL Open Font License \
             1.1, Ubuntu Font Licence, Bitstream Vera, MIT); installed, their texts are in \
             /usr/share/doc/monthly-return/.",
        );
        ui.add_space(8.0);
        close = ui.button("Close").clicked();
    });
    if close || modal.should_close() {
        cmds.push(Command::DismissPrompt);
    }
}

fn load_error_ui(ctx: &egui::Context, message: &str, cmds: &mut Vec<Command>) {
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("load-error")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading("The draft could not be opened");
        ui.label(message);
        ui.weak("The file was not changed.");
        ui.add_space(8.0);
        close = ui.button("OK").clicked();
    });
    if close || modal.should_close() {
        cmds.push(Command::DismissPrompt);
    }
}

/// "Read-only": the file at `path` was not replaced; write elsewhere, or cancel.
fn read_only_ui(ctx: &egui::Context, path: &Path, elsewhere: &Command, cmds: &mut Vec<Command>) {
    let mut chosen = None;
    egui::Modal::new(egui::Id::unique("read-only-prompt")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading("The file is read-only");
        ui.add(
            egui::Label::new(format!(
                "“{}” is read-only, so it was not replaced. Choose another file, or make this \
                 one writable and try again. Nothing was changed.",
                path.display()
            ))
            .wrap(),
        );
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Choose another file…").clicked() {
                chosen = Some(elsewhere.clone());
            }
            if ui.button("Cancel").clicked() {
                chosen = Some(Command::DismissPrompt);
            }
        });
    });
    if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
        chosen = Some(Command::DismissPrompt);
    }
    if let Some(cmd) = chosen {
        if cmd != Command::DismissPrompt {
            cmds.push(Command::DismissPrompt);
        }
        cmds.push(cmd);
    }
}

/// A typed path for `purpose`; `~` is `home`.
fn type_path_ui(
    ctx: &egui::Context,
    purpose: PathPurpose,
    text: &mut String,
    home: Option<&Path>,
    cmds: &mut Vec<Command>,
) {
    let mut confirmed = false;
    let mut cancelled = false;
    let modal = egui::Modal::new(egui::Id::unique("type-path")).show(ctx, |ui| {
        ui.set_width(480.0);
        ui.heading(purpose.menu_label().trim_end_matches('…'));
        let label = ui.label("File path");
        let edit = ui
            .add(
                egui::TextEdit::singleline(text)
                    .desired_width(f32::INFINITY)
                    .hint_text("/home/me/returns/2024-10.ron"),
            )
            .labelled_by(label.id);
        // Focused when the box opens (nothing else has the focus in a modal), cursor at the end.
        // Enter both confirms and takes the focus away: that frame it is not asked back.
        if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            confirmed = true;
        } else if !edit.has_focus() && ui.ctx().memory(|m| m.focused().is_none()) {
            edit.request_focus();
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let ok = ui.add_enabled(!text.trim().is_empty(), egui::Button::new(purpose.action()));
            confirmed |= ok.clicked();
            cancelled = ui.button("Cancel").clicked();
        });
    });
    if cancelled || modal.should_close() {
        cmds.push(Command::DismissPrompt);
    } else if confirmed && !text.trim().is_empty() {
        // Closed first: the command may open a prompt of its own (load error, PDF exported).
        cmds.push(Command::DismissPrompt);
        cmds.push(purpose.command(expand_home(text.trim(), home)));
    }
}

/// "Create folder …?" or "Replace …?" before `path` is written for `purpose`.
fn confirm_write_ui(
    ctx: &egui::Context,
    question: &WriteQuestion,
    purpose: PathPurpose,
    path: &Path,
    cmds: &mut Vec<Command>,
) {
    let mut choice = None;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (heading, text, yes) = match question {
        WriteQuestion::CreateFolder(folder) => (
            "Create folder?",
            format!(
                "The folder “{}” does not exist. Create it and {} “{name}” there?",
                folder.display(),
                purpose.action().to_lowercase()
            ),
            "Create",
        ),
        WriteQuestion::Replace => (
            "Replace the file?",
            format!(
                "“{}” already exists. Replace it with this {}?",
                path.display(),
                match purpose {
                    PathPurpose::ExportPdf => "PDF",
                    _ => "return",
                }
            ),
            "Replace",
        ),
    };
    egui::Modal::new(egui::Id::unique("confirm-write")).show(ctx, |ui| {
        ui.set_width(440.0);
        ui.heading(heading);
        ui.add(egui::Label::new(text).wrap());
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(yes).clicked() {
                choice = Some(WriteChoice::Write);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(WriteChoice::Cancel);
            }
        });
    });
    if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
        choice = Some(WriteChoice::Cancel);
    }
    if let Some(choice) = choice {
        cmds.push(Command::ResolveWrite(choice));
    }
}

/// `~` and `~/…` typed at the start of a path mean the home folder, as in a shell.
pub(super) fn expand_home(text: &str, home: Option<&Path>) -> PathBuf {
    match (text.strip_prefix('~'), home) {
        (Some(""), Some(home)) => home.to_path_buf(),
        (Some(rest), Some(home))
            if rest.starts_with(std::path::MAIN_SEPARATOR) || rest.starts_with('/') =>
        {
            home.join(rest.trim_start_matches(['/', std::path::MAIN_SEPARATOR]))
        }
        _ => PathBuf::from(text),
    }
}

/// "Restore unsaved changes?" kept by an editor that did not close normally.
fn recover_ui(ctx: &egui::Context, recovered: &Recovered, cmds: &mut Vec<Command>) {
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("recover-prompt")).show(ctx, |ui| {
        ui.set_width(400.0);
        ui.heading("Restore unsaved changes?");
        let of = match &recovered.path {
            Some(p) => format!("of “{}”", p.display()),
            None => "of an untitled return".to_string(),
        };
        let at = recovered
            .written_at
            .with_timezone(&chrono::Local)
            .format("%d %b %Y %H:%M");
        ui.label(format!(
            "The editor did not close normally. Unsaved changes {of} from {at} were kept."
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Restore").clicked() {
                choice = Some(RecoveryChoice::Restore);
            }
            if ui.button("Discard").clicked() {
                choice = Some(RecoveryChoice::Discard);
            }
        });
    });
    if let Some(choice) = choice {
        cmds.push(Command::ResolveRecovery(choice));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leading_tilde_is_the_home_folder() {
        let home = Path::new("/home/secretary");
        assert_eq!(
            expand_home("~/returns/2024-10.ron", Some(home)),
            home.join("returns/2024-10.ron")
        );
        assert_eq!(expand_home("~", Some(home)), home.to_path_buf());
        // Only at the start, and not `~user`.
        assert_eq!(
            expand_home("a/~/b.ron", Some(home)),
            PathBuf::from("a/~/b.ron")
        );
        assert_eq!(
            expand_home("~other/b.ron", Some(home)),
            PathBuf::from("~other/b.ron")
        );
        assert_eq!(expand_home("~/b.ron", None), PathBuf::from("~/b.ron"));
    }
}
