//! Help ▸ Keyboard: every key that fills, checks and exports the return without a mouse, in a
//! window a screen reader reads line by line (the same list is in the README).

use super::EditorApp;

/// The Help menu's entry.
pub const MENU_ITEM: &str = "Keyboard…";

/// The keys and what they do, in the order a return is filled, checked and exported.
pub const KEYS: &[(&str, &str)] = &[
    (
        "F10",
        "Move to the menu bar (the File menu); Tab and Shift+Tab then move along the menus",
    ),
    (
        "Space or Enter on a menu",
        "Open it; Tab and Shift+Tab move through its items, Enter chooses one",
    ),
    (
        "Escape",
        "Close a menu, the help window, a prompt or the print preview",
    ),
    (
        "Tab / Shift+Tab",
        "Next / previous field, button or list entry",
    ),
    (
        "Enter in a one-line field",
        "Keep what was typed and move on to the next field",
    ),
    (
        "Space on a tick box or button",
        "Tick it or press it; on a drop-down, open it (arrows choose)",
    ),
    (
        "Ctrl+PageDown / Ctrl+PageUp",
        "Next / previous page of the form",
    ),
    (
        "F1",
        "Help on the focused field: where it is on the form, what it means, its formula",
    ),
    ("Ctrl+Z / Ctrl+Shift+Z or Ctrl+Y", "Undo / redo"),
    ("Ctrl+N / Ctrl+O", "New return / open a return"),
    ("Ctrl+S / Ctrl+Shift+S", "Save / save as"),
    ("Ctrl+P", "Export the PDF"),
    (
        "Ctrl+Shift+P",
        "Show or hide the print preview (PageUp / PageDown turn its pages)",
    ),
    ("Ctrl+Shift+M", "Compare with last month"),
    ("Ctrl+Q", "Quit"),
];

/// What the window says about findings and the menus beyond the key list.
const NOTES: &[&str] = &[
    "Findings: the panel at the bottom lists every error and warning; Tab reaches each, Enter \
     shows its page and moves to its field. A new or resolved error is announced.",
    "The page list on the left says each page's errors and warnings; Tab reaches it, Enter opens \
     the page.",
    "Computed figures (closing balances, totals) are read-only text: a screen reader reads them \
     in browse mode; they are not in the Tab order.",
    "egui has no Alt key for the menu bar: use F10, or Tab from the page list backwards.",
];

impl EditorApp {
    pub(super) fn keyboard_help_ui(&mut self, ctx: &egui::Context) {
        if !self.keyboard_help_open {
            return;
        }
        if self.prompt.is_none() && ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.keyboard_help_open = false;
            return;
        }
        let mut open = true;
        let mut close = false;
        egui::Window::new("Keyboard")
            .id(egui::Id::unique("keyboard-help-window"))
            .open(&mut open)
            .collapsible(false)
            .resizable(true)
            .default_width(560.0)
            .show(ctx, |ui| {
                egui::Grid::new("keyboard-keys")
                    .num_columns(2)
                    .striped(true)
                    .show(ui, |ui| {
                        for (keys, what) in KEYS {
                            ui.strong(*keys);
                            ui.add(egui::Label::new(*what).wrap());
                            ui.end_row();
                        }
                    });
                ui.add_space(6.0);
                for note in NOTES {
                    ui.add(egui::Label::new(*note).wrap());
                }
                ui.add_space(6.0);
                if ui.button("Close").clicked() {
                    close = true;
                }
            });
        if !open || close {
            self.keyboard_help_open = false;
        }
    }
}
