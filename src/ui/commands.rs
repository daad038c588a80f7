//! Every command of the editor in one enum, so the menu, the keyboard and the labels never disagree.
//!
//! Panels only *request* commands (they push a [`Command`] into a list); the app runs them after
//! every panel has been drawn, so nothing mutates the return in the middle of a frame.

use std::path::PathBuf;

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
pub const PRINT_PREVIEW: KeyboardShortcut = ctrl_shift(Key::P);
pub const COMPARE: KeyboardShortcut = ctrl_shift(Key::M);

/// What a chosen or typed path is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathPurpose {
    Open,
    SaveAs,
    ExportPdf,
    /// Last month's return (a draft or a published PDF), to check the balances brought forward.
    LinkLastMonth,
    /// A published FF301 PDF, opened as a new draft.
    Import,
    /// A published FF301 PDF, rolled forward to next month's draft.
    RollForwardFrom,
}

impl PathPurpose {
    pub fn menu_label(self) -> &'static str {
        match self {
            PathPurpose::Open => "Open path…",
            PathPurpose::SaveAs => "Save to path…",
            PathPurpose::ExportPdf => "Export PDF to path…",
            PathPurpose::LinkLastMonth => "Link last month from path…",
            PathPurpose::Import => "Import from path…",
            PathPurpose::RollForwardFrom => "Roll forward from path…",
        }
    }

    /// Whether the path is a file to read (it must exist), not one to write.
    pub fn reads(self) -> bool {
        !matches!(self, PathPurpose::SaveAs | PathPurpose::ExportPdf)
    }

    /// The button that confirms the typed path.
    pub fn action(self) -> &'static str {
        match self {
            PathPurpose::Open => "Open",
            PathPurpose::SaveAs => "Save",
            PathPurpose::ExportPdf => "Export",
            PathPurpose::LinkLastMonth => "Link",
            PathPurpose::Import => "Import",
            PathPurpose::RollForwardFrom => "Roll forward",
        }
    }

    /// The file name extension of the files it is about (`ron` drafts, `pdf`): the one a
    /// typed name without one gets.
    pub fn extension(self) -> &'static str {
        self.extensions()[0]
    }

    /// Every extension the in-app file dialog lists for it.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            PathPurpose::Open | PathPurpose::SaveAs => &["ron"],
            PathPurpose::ExportPdf | PathPurpose::Import | PathPurpose::RollForwardFrom => &["pdf"],
            PathPurpose::LinkLastMonth => &["ron", "pdf"],
        }
    }

    /// The command that acts on the path, typed or chosen in the in-app file dialog.
    pub fn command(self, path: PathBuf) -> Command {
        match self {
            PathPurpose::Open => Command::OpenPath(path),
            PathPurpose::SaveAs => Command::SaveTo(path),
            PathPurpose::ExportPdf => Command::ExportPdfTo(path),
            PathPurpose::LinkLastMonth => Command::LinkLastMonthFrom(path),
            PathPurpose::Import => Command::ImportFrom(path),
            PathPurpose::RollForwardFrom => Command::RollForwardFromPath(path),
        }
    }
}

/// What the Form 6-K window's buttons do (with the profile and paths typed in it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form6kAction {
    /// Read the profile file into the form.
    LoadProfile,
    /// Write the form to the profile file.
    SaveProfile,
    /// Write the cover, the exhibit and the review PDF into the folder.
    Export,
}

/// The answer to "Save changes?" before the return is replaced or the editor closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsavedChoice {
    Save,
    Discard,
    Cancel,
}

/// The answer to "The draft changed on disk" when saving over it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangedChoice {
    /// Replace the file on disk with this return.
    Overwrite,
    /// Keep the file on disk; save this return under another name.
    SaveAs,
    /// Open the file as it is on disk now; this return's changes are dropped.
    Reload,
    Cancel,
}

/// The answer to "Create folder …?" or "Replace …?" before a chosen or typed path is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteChoice {
    /// Create the folder, or replace the file, and write.
    Write,
    Cancel,
}

/// The answer to "Restore unsaved changes?" at start-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecoveryChoice {
    Restore,
    Discard,
}

/// A request from a panel, a menu item, a shortcut or a modal prompt.
///
/// One enum for all of them, so the app has one `run(cmd)` that carries every request out, and
/// menu labels, tooltips and shortcuts are stated once per command. It is not `Copy`: some
/// commands carry a path (a recent file, a typed path, a field to focus), and a separate `Copy`
/// enum for menu items would only duplicate the variants they share. Commands that are only
/// pushed by prompts (`SaveTo`, `ResolveUnsaved`, …) never appear in a menu; their labels exist
/// for completeness (e.g. debugging output).
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    New,
    Open,
    /// Open a file from the recent list (or typed by the user).
    OpenPath(PathBuf),
    /// The Kingsoft example, opened as an untitled copy.
    OpenExample,
    Save,
    SaveAs,
    /// Save to this path (typed by the user), which becomes the document's file.
    SaveTo(PathBuf),
    RollForward,
    /// Check the balances brought forward against last month's return, chosen in a dialog.
    LinkLastMonth,
    /// Link last month's return at this path (a draft or a published PDF).
    LinkLastMonthFrom(PathBuf),
    /// Forget last month's figures (the balances brought forward are no longer checked).
    UnlinkLastMonth,
    /// Show or hide last month beside this month.
    CompareWithLastMonth,
    /// Open a published FF301 PDF as a new draft, chosen in a dialog.
    Import,
    ImportFrom(PathBuf),
    /// Import a published FF301 PDF and roll it forward to next month, chosen in a dialog.
    RollForwardFromPdf,
    RollForwardFromPath(PathBuf),
    /// Hide the note above the page that says the return was imported.
    DismissImportNote,
    ExportPdf,
    /// Export the PDF to this path (typed by the user).
    ExportPdfTo(PathBuf),
    /// Open the Form 6-K window: the issuer's profile and the folder for the package.
    ExportForm6k,
    /// A button of the Form 6-K window.
    Form6k(Form6kAction),
    Undo,
    Redo,
    Quit,
    NextPage,
    PreviousPage,
    /// Show or hide the print preview (the pages of the PDF, painted in the editor).
    PrintPreview,
    SetTemplateVersion(TemplateVersion),
    ToggleTheme,
    /// Always use the in-app file dialog instead of the system's (a preference).
    ToggleBuiltInDialog,
    ClearRecent,
    /// Type a path instead of using a file dialog (none may be available).
    TypePath(PathPurpose),
    /// Show a page (navigation list).
    GoToPage(Page),
    /// Show the page of a field and focus it (findings panel).
    GoToField(FieldPath),
    /// The user's answer to the unsaved-changes prompt.
    ResolveUnsaved(UnsavedChoice),
    /// The user's answer to the restore-recovery prompt.
    ResolveRecovery(RecoveryChoice),
    /// The user's answer when the draft changed on disk before a save.
    ResolveChanged(ChangedChoice),
    /// Open a draft although another editor window has it open (the user was told).
    OpenAnyway(PathBuf),
    /// The user's answer to "Create folder …?" / "Replace …?".
    ResolveWrite(WriteChoice),
    /// Open a written file (the exported PDF) in the user's viewer.
    OpenExternally(PathBuf),
    /// Show the About box: version, templates, where the program keeps its files.
    About,
    /// Close the prompt on screen without doing anything else.
    DismissPrompt,
}

/// The commands that have keyboard shortcuts (see [`Command::shortcuts`], the one place the
/// shortcuts are stated); the keymap is derived from them.
pub const KEYED_COMMANDS: [Command; 12] = [
    Command::New,
    Command::Open,
    Command::Save,
    Command::SaveAs,
    Command::ExportPdf,
    Command::Undo,
    Command::Redo,
    Command::Quit,
    Command::NextPage,
    Command::PreviousPage,
    Command::PrintPreview,
    Command::CompareWithLastMonth,
];

/// Shortcut → command, derived from [`Command::shortcuts`], most specific first:
/// `consume_shortcut` ignores an extra Shift or Alt, so Ctrl+Shift+S must be tried before Ctrl+S.
pub fn keymap() -> Vec<(KeyboardShortcut, Command)> {
    let mut map: Vec<(KeyboardShortcut, Command)> = KEYED_COMMANDS
        .iter()
        .flat_map(|cmd| cmd.shortcuts().iter().map(|sc| (*sc, cmd.clone())))
        .collect();
    // Stable: among equally specific shortcuts the order above is kept.
    map.sort_by_key(|(sc, _)| {
        std::cmp::Reverse(u8::from(sc.modifiers.shift) + u8::from(sc.modifiers.alt))
    });
    map
}

impl Command {
    /// The menu label.
    pub fn label(&self) -> String {
        match self {
            Command::New => "New return".into(),
            Command::Open => "Open…".into(),
            Command::OpenPath(p) => p.display().to_string(),
            Command::SaveTo(p) => format!("Save to {}", p.display()),
            Command::ExportPdfTo(p) => format!("Export PDF to {}", p.display()),
            Command::OpenExternally(p) => format!("Open {}", p.display()),
            Command::OpenExample => "Open the example return".into(),
            Command::Save => "Save".into(),
            Command::SaveAs => "Save as…".into(),
            Command::RollForward => "Roll forward to next month".into(),
            Command::LinkLastMonth => "Link last month's return…".into(),
            Command::LinkLastMonthFrom(p) => format!("Link {} as last month", p.display()),
            Command::UnlinkLastMonth => "Unlink last month".into(),
            Command::CompareWithLastMonth => "Compare with last month".into(),
            Command::Import => "Import published return…".into(),
            Command::ImportFrom(p) => format!("Import {}", p.display()),
            Command::RollForwardFromPdf => "Roll forward from a published return…".into(),
            Command::RollForwardFromPath(p) => format!("Roll forward from {}", p.display()),
            Command::DismissImportNote => "Hide this note".into(),
            Command::ExportPdf => "Export PDF…".into(),
            Command::ExportForm6k => "Export Form 6-K package…".into(),
            Command::Form6k(Form6kAction::LoadProfile) => "Load profile".into(),
            Command::Form6k(Form6kAction::SaveProfile) => "Save profile".into(),
            Command::Form6k(Form6kAction::Export) => "Export package".into(),
            Command::Undo => "Undo".into(),
            Command::Redo => "Redo".into(),
            Command::Quit => "Quit".into(),
            Command::NextPage => "Next page".into(),
            Command::PreviousPage => "Previous page".into(),
            Command::PrintPreview => "Print preview".into(),
            Command::SetTemplateVersion(v) => format!("Template {}", v.label()),
            Command::ToggleTheme => "Dark theme".into(),
            Command::ToggleBuiltInDialog => "Built-in file dialog".into(),
            Command::ClearRecent => "Clear recent files".into(),
            Command::TypePath(p) => p.menu_label().into(),
            Command::GoToPage(p) => p.title().into(),
            Command::GoToField(f) => f.to_string(),
            Command::ResolveUnsaved(c) => format!("{c:?}"),
            Command::ResolveRecovery(c) => format!("{c:?}"),
            Command::ResolveChanged(c) => format!("{c:?}"),
            Command::OpenAnyway(p) => format!("Open {} here as well", p.display()),
            Command::ResolveWrite(c) => format!("{c:?}"),
            Command::About => "About".into(),
            Command::DismissPrompt => "Close".into(),
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
            Command::LinkLastMonth | Command::LinkLastMonthFrom(_) => {
                "Check the balances brought forward against last month's return (a draft or the \
                 published PDF); its closing figures are kept in this draft"
            }
            Command::UnlinkLastMonth => {
                "Forget last month's figures: the balances brought forward are no longer checked"
            }
            Command::CompareWithLastMonth => {
                "Last month's closing balances beside this month's opening, movement and close"
            }
            Command::Import | Command::ImportFrom(_) => {
                "Read a monthly return PDF published on HKEXnews (or exported here) into a new draft"
            }
            Command::RollForwardFromPdf | Command::RollForwardFromPath(_) => {
                "Start next month's return from last month's published PDF"
            }
            Command::DismissImportNote => "Hide the note about the import",
            Command::ExportPdf => "Write the return as a PDF laid out like the HKEX form",
            Command::ExportForm6k => {
                "Write the SEC Form 6-K cover, the return as Exhibit 99.1 (EDGAR HTML) and a \
                 review PDF, for issuers also listed in the United States"
            }
            Command::Form6k(Form6kAction::LoadProfile) => "Read the issuer's profile from the file",
            Command::Form6k(Form6kAction::SaveProfile) => "Write these details to the profile file",
            Command::Form6k(Form6kAction::Export) => {
                "Write form-6k-cover.htm, ex99-1.htm and form-6k-review.pdf into the folder"
            }
            Command::Undo => "Undo the last change to the return",
            Command::Redo => "Redo the change just undone",
            Command::Quit => "Close the editor",
            Command::NextPage => "Go to the next page of the form",
            Command::PreviousPage => "Go to the previous page of the form",
            Command::PrintPreview => "Show the pages of the PDF as they will print",
            Command::SetTemplateVersion(_) => "The HKEX template edition the return follows",
            Command::ToggleTheme => "Switch between the light and the dark theme",
            Command::ToggleBuiltInDialog => {
                "Open, save and export with the editor's own file dialog, not the system's"
            }
            Command::ClearRecent => "Forget the list of recently opened drafts",
            Command::TypePath(_) => "Type the file's path instead of choosing it in a dialog",
            Command::GoToPage(_) => "Show this page of the form",
            Command::GoToField(_) => "Show the field this finding is about",
            Command::SaveTo(_) => "Save the draft to this path",
            Command::ExportPdfTo(_) => "Write the PDF to this path",
            Command::OpenExternally(_) => "Open the file in your default viewer",
            Command::ResolveUnsaved(_) => "Save or discard the unsaved changes, or cancel",
            Command::ResolveRecovery(_) => "Restore or discard the unsaved changes kept",
            Command::ResolveChanged(_) => {
                "Overwrite, save elsewhere or reload a draft changed on disk"
            }
            Command::OpenAnyway(_) => "Open the draft although another window has it open",
            Command::ResolveWrite(_) => "Create the missing folder or replace the file, or cancel",
            Command::About => {
                "Version, templates supported, and where recovery files and preferences are kept"
            }
            Command::DismissPrompt => "Close this message",
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
            Command::PrintPreview => &[PRINT_PREVIEW],
            Command::CompareWithLastMonth => &[COMPARE],
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
        for (shortcut, cmd) in &keymap() {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// One command of every variant. The `match` below has no wildcard, so a new variant does
    /// not compile until it is added here too (and so gets checked).
    fn one_of_each() -> Vec<Command> {
        let all = vec![
            Command::New,
            Command::Open,
            Command::OpenPath(PathBuf::from("/tmp/a.ron")),
            Command::OpenExample,
            Command::Save,
            Command::SaveAs,
            Command::SaveTo(PathBuf::from("/tmp/b.ron")),
            Command::RollForward,
            Command::LinkLastMonth,
            Command::LinkLastMonthFrom(PathBuf::from("/tmp/last.ron")),
            Command::UnlinkLastMonth,
            Command::CompareWithLastMonth,
            Command::Import,
            Command::ImportFrom(PathBuf::from("/tmp/r.pdf")),
            Command::RollForwardFromPdf,
            Command::RollForwardFromPath(PathBuf::from("/tmp/r.pdf")),
            Command::DismissImportNote,
            Command::ExportPdf,
            Command::ExportPdfTo(PathBuf::from("/tmp/c.pdf")),
            Command::ExportForm6k,
            Command::Form6k(Form6kAction::Export),
            Command::Undo,
            Command::Redo,
            Command::Quit,
            Command::NextPage,
            Command::PreviousPage,
            Command::PrintPreview,
            Command::SetTemplateVersion(TemplateVersion::V1_2_0),
            Command::ToggleTheme,
            Command::ToggleBuiltInDialog,
            Command::ClearRecent,
            Command::TypePath(PathPurpose::Open),
            Command::GoToPage(Page::II),
            Command::GoToField(crate::model::path::part5::submitted_by()),
            Command::ResolveUnsaved(UnsavedChoice::Save),
            Command::ResolveRecovery(RecoveryChoice::Restore),
            Command::ResolveChanged(ChangedChoice::Cancel),
            Command::ResolveWrite(WriteChoice::Cancel),
            Command::OpenExternally(PathBuf::from("/tmp/c.pdf")),
            Command::OpenAnyway(PathBuf::from("/tmp/c.ron")),
            Command::About,
            Command::DismissPrompt,
        ];
        for cmd in &all {
            match cmd {
                Command::New
                | Command::Open
                | Command::OpenPath(_)
                | Command::OpenExample
                | Command::Save
                | Command::SaveAs
                | Command::SaveTo(_)
                | Command::RollForward
                | Command::LinkLastMonth
                | Command::LinkLastMonthFrom(_)
                | Command::UnlinkLastMonth
                | Command::CompareWithLastMonth
                | Command::Import
                | Command::ImportFrom(_)
                | Command::RollForwardFromPdf
                | Command::RollForwardFromPath(_)
                | Command::DismissImportNote
                | Command::ExportPdf
                | Command::ExportPdfTo(_)
                | Command::ExportForm6k
                | Command::Form6k(_)
                | Command::Undo
                | Command::Redo
                | Command::Quit
                | Command::NextPage
                | Command::PreviousPage
                | Command::PrintPreview
                | Command::SetTemplateVersion(_)
                | Command::ToggleTheme
                | Command::ToggleBuiltInDialog
                | Command::ClearRecent
                | Command::TypePath(_)
                | Command::GoToPage(_)
                | Command::GoToField(_)
                | Command::ResolveUnsaved(_)
                | Command::ResolveRecovery(_)
                | Command::ResolveChanged(_)
                | Command::ResolveWrite(_)
                | Command::OpenExternally(_)
                | Command::OpenAnyway(_)
                | Command::About
                | Command::DismissPrompt => {}
            }
        }
        all
    }

    /// The commands one frame with `shortcut` pressed (as a Linux keyboard reports it) yields.
    fn commands_for(shortcut: KeyboardShortcut) -> Vec<Command> {
        let ctx = egui::Context::default();
        let mut modifiers = shortcut.modifiers;
        if modifiers.command {
            modifiers.ctrl = true;
        }
        let input = egui::RawInput {
            events: vec![egui::Event::Key {
                key: shortcut.logical_key,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers,
            }],
            ..Default::default()
        };
        let mut out = Vec::new();
        let mut full = ctx.run_ui(input, |ui| out = shortcut_commands(ui.ctx()));
        full.textures_delta.clear();
        out
    }

    #[test]
    fn every_shortcut_triggers_exactly_its_command() {
        for cmd in one_of_each() {
            for &sc in cmd.shortcuts() {
                assert_eq!(
                    commands_for(sc),
                    vec![cmd.clone()],
                    "{} triggers only {cmd:?}",
                    sc.format(&egui::ModifierNames::NAMES, false)
                );
            }
        }
    }

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen: Vec<(KeyboardShortcut, Command)> = Vec::new();
        for cmd in one_of_each() {
            for &sc in cmd.shortcuts() {
                if let Some((_, other)) = seen.iter().find(|(s, _)| *s == sc) {
                    panic!("{cmd:?} and {other:?} share a shortcut");
                }
                seen.push((sc, cmd.clone()));
            }
        }
        assert_eq!(keymap().len(), seen.len(), "the keymap has every shortcut");
    }
}
