//! Every command of the editor in one enum, so the menu, the keyboard and the labels never disagree.
//!
//! Panels only *request* commands (they push a [`Command`] into a list); the app runs them after
//! every panel has been drawn, so nothing mutates the return in the middle of a frame.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::pages::Page;
use crate::model::TemplateVersion;
use crate::model::path::FieldPath;

const fn ctrl(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn ctrl_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(
        Modifiers {
            alt: false,
            ctrl: false,
            shift: true,
            mac_cmd: false,
            command: true,
        },
        key,
    )
}

pub const NEW: KeyboardShortcut = ctrl(Key::N);
pub const OPEN: KeyboardShortcut = ctrl(Key::O);
pub const SAVE: KeyboardShortcut = ctrl(Key::S);
pub const SAVE_AS: KeyboardShortcut = ctrl_shift(Key::S);
pub const EXPORT_PDF: KeyboardShortcut = ctrl(Key::P);
pub const UNDO: KeyboardShortcut = ctrl(Key::Z);
pub const REDO: KeyboardShortcut = ctrl_shift(Key::Z);
/// Second redo shortcut, familiar from Windows.
pub const REDO_ALT: KeyboardShortcut = ctrl(Key::Y);
pub const QUIT: KeyboardShortcut = ctrl(Key::Q);
pub const NEXT_PAGE: KeyboardShortcut = ctrl(Key::PageDown);
pub const PREVIOUS_PAGE: KeyboardShortcut = ctrl(Key::PageUp);

/// What a typed path is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathPurpose {
    Open,
    SaveAs,
    ExportPdf,
}

impl PathPurpose {
    pub fn menu_label(self) -> &'static str {
        match self {
            PathPurpose::Open => "Open path…",
            PathPurpose::SaveAs => "Save to path…",
            PathPurpose::ExportPdf => "Export PDF to path…",
        }
    }

    /// The button that confirms the typed path.
    pub fn action(self) -> &'static str {
        match self {
            PathPurpose::Open => "Open",
            PathPurpose::SaveAs => "Save",
            PathPurpose::ExportPdf => "Export",
        }
    }
}

/// A request from a panel, a menu item or a shortcut.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    New,
    Open,
    /// Open a file from the recent list (or typed by the user).
    OpenPath(std::path::PathBuf),
    /// The Kingsoft example, opened as an untitled copy.
    OpenExample,
    Save,
    SaveAs,
    RollForward,
    ExportPdf,
    Undo,
    Redo,
    Quit,
    NextPage,
    PreviousPage,
    SetTemplateVersion(TemplateVersion),
    ToggleTheme,
    ClearRecent,
    /// Type a path instead of using a file dialog (none may be available).
    TypePath(PathPurpose),
    /// Show a page (navigation list).
    GoToPage(Page),
    /// Show the page of a field and focus it (findings panel).
    GoToField(FieldPath),
}

/// Shortcut → command, most specific first: `consume_shortcut` ignores an extra Shift, so
/// Ctrl+Shift+S must be tried before Ctrl+S.
pub const KEYMAP: [(KeyboardShortcut, Command); 11] = [
    (SAVE_AS, Command::SaveAs),
    (REDO, Command::Redo),
    (SAVE, Command::Save),
    (NEW, Command::New),
    (OPEN, Command::Open),
    (EXPORT_PDF, Command::ExportPdf),
    (UNDO, Command::Undo),
    (REDO_ALT, Command::Redo),
    (QUIT, Command::Quit),
    (NEXT_PAGE, Command::NextPage),
    (PREVIOUS_PAGE, Command::PreviousPage),
];

impl Command {
    /// The menu label.
    pub fn label(&self) -> String {
        match self {
            Command::New => "New return".into(),
            Command::Open => "Open…".into(),
            Command::OpenPath(p) => p.display().to_string(),
            Command::OpenExample => "Open the example return".into(),
            Command::Save => "Save".into(),
            Command::SaveAs => "Save as…".into(),
            Command::RollForward => "Roll forward to next month".into(),
            Command::ExportPdf => "Export PDF…".into(),
            Command::Undo => "Undo".into(),
            Command::Redo => "Redo".into(),
            Command::Quit => "Quit".into(),
            Command::NextPage => "Next page".into(),
            Command::PreviousPage => "Previous page".into(),
            Command::SetTemplateVersion(v) => format!("Template {}", v.label()),
            Command::ToggleTheme => "Dark theme".into(),
            Command::ClearRecent => "Clear recent files".into(),
            Command::TypePath(p) => p.menu_label().into(),
            Command::GoToPage(p) => p.title().into(),
            Command::GoToField(f) => f.to_string(),
        }
    }

    /// A one-line explanation for the tooltip.
    pub fn tooltip(&self) -> &'static str {
        match self {
            Command::New => "Start a blank return",
            Command::Open => "Open a saved draft (.ron)",
            Command::OpenPath(_) => "Open this recent draft",
            Command::OpenExample => {
                "Open the Kingsoft Cloud October 2024 example as an untitled copy"
            }
            Command::Save => "Save the draft",
            Command::SaveAs => "Save the draft under a new name",
            Command::RollForward => {
                "Start next month's return: closing balances become the opening ones"
            }
            Command::ExportPdf => "Write the return as a PDF laid out like the HKEX form",
            Command::Undo => "Undo the last change to the return",
            Command::Redo => "Redo the change just undone",
            Command::Quit => "Close the editor",
            Command::NextPage => "Go to the next page of the form",
            Command::PreviousPage => "Go to the previous page of the form",
            Command::SetTemplateVersion(_) => "The HKEX template edition the return follows",
            Command::ToggleTheme => "Switch between the light and the dark theme",
            Command::ClearRecent => "Forget the list of recently opened drafts",
            Command::TypePath(_) => "Type a file path, for when no file dialog is available",
            Command::GoToPage(_) => "Show this page of the form",
            Command::GoToField(_) => "Show the field this finding is about",
        }
    }

    /// Every shortcut that triggers the command; the first is shown in the menu.
    pub fn shortcuts(&self) -> &'static [KeyboardShortcut] {
        match self {
            Command::New => &[NEW],
            Command::Open => &[OPEN],
            Command::Save => &[SAVE],
            Command::SaveAs => &[SAVE_AS],
            Command::ExportPdf => &[EXPORT_PDF],
            Command::Undo => &[UNDO],
            Command::Redo => &[REDO, REDO_ALT],
            Command::Quit => &[QUIT],
            Command::NextPage => &[NEXT_PAGE],
            Command::PreviousPage => &[PREVIOUS_PAGE],
            _ => &[],
        }
    }

    /// The shortcut shown next to the menu item.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        self.shortcuts().first().copied()
    }

    /// Whether the command is about the document history; these yield to a focused text field,
    /// which keeps its own Ctrl+Z.
    pub fn is_history(&self) -> bool {
        matches!(self, Command::Undo | Command::Redo)
    }
}

/// Consumes the pressed shortcuts and returns their commands. Undo/redo are left to a focused
/// text field (it has its own undo), so document undo from the keyboard needs no field focused.
pub fn shortcut_commands(ctx: &egui::Context) -> Vec<Command> {
    let text_focused = ctx.text_edit_focused();
    let mut out: Vec<Command> = Vec::new();
    ctx.input_mut(|i| {
        for (shortcut, cmd) in &KEYMAP {
            if cmd.is_history() && text_focused {
                continue;
            }
            if i.consume_shortcut(shortcut) && !out.contains(cmd) {
                out.push(cmd.clone());
            }
        }
    });
    out
}
