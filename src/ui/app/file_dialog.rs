//! The in-app file dialog (`egui_file`), shown when the system has no file dialog or the user
//! prefers this one (View ▸ Built-in file dialog).
//!
//! It is a prompt like the others: drawn every frame while open, over a dimmed backdrop that
//! keeps the editor underneath from being clicked or typed into. When the user confirms, it
//! pushes the same commands as the typed-path box (`DismissPrompt`, then `OpenPath`, `SaveTo`
//! or `ExportPdfTo`), so a missing folder or an existing file is asked about in one place
//! (`files.rs`).
//!
//! What it adds to `egui_file`:
//! - it starts in the draft's folder (or the last draft's, or home) with, to save or export,
//!   the suggested name (`<issuer>-<yyyy-mm>.ron` / `.pdf`) in the file name box;
//! - it lists folders and only `.ron` drafts (or `.pdf` files, to export);
//! - `~` at the start of the file name box or the folder box is the home folder; a typed
//!   folder is gone into (the file name box then starts again from the suggestion);
//! - a name typed without an extension gets `.ron` / `.pdf`;
//! - a new folder is made by typing it before the name (`2025/…ron`): saving then offers to
//!   create it (`egui_file`'s own New Folder button is hidden: it names the folder after the
//!   file name box);
//! - its two text boxes are named "Folder" and "File name" for screen readers (`egui_file`
//!   leaves them unnamed).

use std::path::{Path, PathBuf};

use egui::{Align2, Id, LayerId, Order};
use egui_file::{FileDialog, State};

use super::prompts::expand_home;
use crate::ui::commands::{Command, PathPurpose};

/// The dialog window's id (and so its layer).
const DIALOG_ID: &str = "in-app-file-dialog";
const BACKDROP_ID: &str = "in-app-file-dialog-backdrop";
/// The names given to `egui_file`'s text boxes, in the order it draws them.
const INPUT_NAMES: [&str; 2] = ["Folder", "File name"];

/// The in-app file dialog on screen, and what it is for.
pub(super) struct FileDialogPrompt {
    purpose: PathPurpose,
    dialog: FileDialog,
    /// The suggested file name, to start again with in another folder.
    name: String,
    home: Option<PathBuf>,
}

impl std::fmt::Debug for FileDialogPrompt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileDialogPrompt")
            .field("purpose", &self.purpose)
            .field("folder", &self.dialog.directory())
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

impl FileDialogPrompt {
    /// Opens the dialog for `purpose` in `dir`, with `name` in the file name box to save or
    /// export (ignored to open). `home` is what `~` means.
    pub(super) fn new(purpose: PathPurpose, dir: &Path, name: &str, home: Option<PathBuf>) -> Self {
        FileDialogPrompt {
            purpose,
            dialog: open_dialog(purpose, dir, name),
            name: name.to_string(),
            home,
        }
    }

    pub(super) fn purpose(&self) -> PathPurpose {
        self.purpose
    }

    /// Draws the dialog; pushes the commands for a confirmed file, or `DismissPrompt` when it
    /// is cancelled or closed.
    pub(super) fn ui(&mut self, ctx: &egui::Context, cmds: &mut Vec<Command>) {
        backdrop_ui(ctx);
        self.dialog.show(ctx);
        let file_name_box = name_text_inputs(ctx);
        // The file name box takes the keyboard when the dialog opens, so typing a name and
        // Enter saves (`egui_file` focuses nothing).
        if let Some(id) = file_name_box
            && !self.purpose.reads()
            && ctx.memory(|m| m.focused().is_none())
        {
            ctx.memory_mut(|m| m.request_focus(id));
        }
        match self.dialog.state() {
            State::Open => {
                // A folder typed with `~` in the folder box: `egui_file` does not know `~`.
                let typed = self.dialog.path().map(Path::to_path_buf);
                if let Some(dir) = typed.and_then(|p| self.tilde_expanded(&p))
                    && dir.is_dir()
                {
                    self.dialog = open_dialog(self.purpose, &dir, &self.name);
                }
            }
            State::Selected => {
                let Some(chosen) = self.dialog.path().map(Path::to_path_buf) else {
                    return;
                };
                let chosen = self.tilde_expanded(&chosen).unwrap_or(chosen);
                if chosen.is_dir() {
                    self.dialog = open_dialog(self.purpose, &chosen, &self.name);
                    return;
                }
                let chosen = if self.purpose.reads() {
                    chosen
                } else {
                    with_extension(chosen, self.purpose.extension())
                };
                // Closed first: the command may open a prompt of its own.
                cmds.push(Command::DismissPrompt);
                cmds.push(self.purpose.command(chosen));
            }
            State::Cancelled | State::Closed => cmds.push(Command::DismissPrompt),
        }
    }

    /// `path` with a leading `~` (typed in the file name box, so after the folder shown, or
    /// alone in the folder box) replaced by the home folder; `None` when it has none.
    fn tilde_expanded(&self, path: &Path) -> Option<PathBuf> {
        let typed = path.strip_prefix(self.dialog.directory()).unwrap_or(path);
        if !typed.starts_with("~") {
            return None;
        }
        Some(expand_home(&typed.to_string_lossy(), self.home.as_deref()))
    }
}

/// `egui_file`'s dialog for `purpose`, open in `dir`.
fn open_dialog(purpose: PathPurpose, dir: &Path, name: &str) -> FileDialog {
    let extensions = purpose.extensions();
    let dialog = if purpose.reads() {
        FileDialog::open_file()
    } else {
        FileDialog::save_file().default_filename(name)
    };
    let title = match purpose {
        PathPurpose::Open => "Open a monthly return draft",
        PathPurpose::SaveAs => "Save the monthly return draft",
        PathPurpose::ExportPdf => "Export the monthly return as PDF",
        PathPurpose::LinkLastMonth => "Last month's return (draft or published PDF)",
        PathPurpose::Import => "Import a published monthly return (PDF)",
        PathPurpose::RollForwardFrom => "Roll forward from a published monthly return (PDF)",
    };
    let mut dialog = dialog
        .id(Id::unique(DIALOG_ID))
        .title(title)
        .initial_path(dir)
        .show_files_filter(Box::new(move |p: &Path| {
            extensions.iter().any(|ext| has_extension(p, ext))
        }))
        .show_rename(false)
        // Its New Folder takes the file name box's text as the folder's name; a folder typed
        // before the name (`2025/…`) is offered to be created instead.
        .show_new_folder(false)
        .file_label_text("File name:".into())
        .open_button_text("Open".into())
        .save_button_text(purpose.action().into())
        .anchor(Align2::CENTER_CENTER, [0.0, 0.0])
        .default_size([640.0, 440.0])
        .keep_on_top(true);
    dialog.open();
    dialog
}

fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case(ext))
}

/// `path`, with `.ext` added when its name has no extension.
fn with_extension(mut path: PathBuf, ext: &str) -> PathBuf {
    if path.extension().is_none() {
        path.set_extension(ext);
    }
    path
}

/// A dimmed layer under the dialog that takes the clicks meant for the editor, and makes the
/// dialog the only layer that gets keyboard focus.
fn backdrop_ui(ctx: &egui::Context) {
    let area = egui::Area::new(Id::unique(BACKDROP_ID))
        .order(Order::Middle)
        .fixed_pos(egui::Pos2::ZERO)
        .interactable(true);
    let layer = area.layer();
    ctx.memory_mut(|m| m.set_modal_layer(layer));
    area.show(ctx, |ui| {
        let rect = ui.ctx().content_rect();
        ui.painter()
            .rect_filled(rect, 0.0, egui::Color32::from_black_alpha(100));
        ui.allocate_rect(rect, egui::Sense::click_and_drag());
    });
}

/// Names `egui_file`'s unnamed text boxes for screen readers (and tests): the folder box first,
/// then the file name box, in the order they are drawn. Returns the file name box's id.
fn name_text_inputs(ctx: &egui::Context) -> Option<Id> {
    let layer = LayerId::new(Order::Middle, Id::unique(DIALOG_ID));
    let ids: Vec<Id> =
        ctx.viewport(|v| v.this_pass.widgets.get_layer(layer).map(|w| w.id).collect());
    let mut names = INPUT_NAMES.iter();
    let mut file_name_box = None;
    for id in ids {
        if !ctx.has_accesskit_node(id) {
            continue;
        }
        let unnamed_input = ctx.accesskit_node_builder(id, |node| {
            node.role() == egui::accesskit::Role::TextInput
                && node.label().is_none()
                && node.labelled_by().is_empty()
        });
        if unnamed_input == Some(true)
            && let Some(name) = names.next()
        {
            ctx.accesskit_node_builder(id, |node| node.set_label(*name));
            if *name == INPUT_NAMES[1] {
                file_name_box = Some(id);
            }
        }
    }
    file_name_box
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_without_extension_gets_one_and_others_are_kept() {
        assert_eq!(
            with_extension(PathBuf::from("/r/october"), "ron"),
            PathBuf::from("/r/october.ron")
        );
        assert_eq!(
            with_extension(PathBuf::from("/r/october.pdf"), "pdf"),
            PathBuf::from("/r/october.pdf")
        );
        assert!(has_extension(Path::new("/r/A.RON"), "ron"));
        assert!(!has_extension(Path::new("/r/a.ron.bak"), "ron"));
    }

    #[test]
    fn a_leading_tilde_in_either_box_is_home() {
        let home = PathBuf::from("/home/secretary");
        let prompt = FileDialogPrompt::new(
            PathPurpose::SaveAs,
            Path::new("/srv/returns"),
            "a.ron",
            Some(home.clone()),
        );
        // Typed in the file name box: after the folder shown.
        assert_eq!(
            prompt.tilde_expanded(&prompt.dialog.directory().join("~/2024/a.ron")),
            Some(home.join("2024/a.ron"))
        );
        // Typed alone in the folder box.
        assert_eq!(
            prompt.tilde_expanded(Path::new("~/2024")),
            Some(home.join("2024"))
        );
        assert_eq!(prompt.tilde_expanded(Path::new("/srv/returns/a.ron")), None);
        assert_eq!(prompt.tilde_expanded(Path::new("~other/a.ron")), None);
    }
}
