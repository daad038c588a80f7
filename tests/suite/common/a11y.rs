//! Reading the editor as a screen reader does, through the AccessKit tree: computed cells are
//! read-only labels named `<name>: <figure>`, inputs are named and described by their messages.

use egui::accesskit::Role;
use egui_kittest::kittest::AccessKitNode;

/// Whether `n` is the computed cell named `name` (its text is `<name>: <figure>`).
pub fn is_computed(n: &AccessKitNode<'_>, name: &str) -> bool {
    is_any_computed(n)
        && n.label()
            .is_some_and(|l| l.strip_prefix(name).is_some_and(|r| r.starts_with(": ")))
}

/// Whether `n` is any computed cell: a label with a name of its own (a plain label has only
/// its text) that is explicitly read-only.
pub fn is_any_computed(n: &AccessKitNode<'_>) -> bool {
    n.role() == Role::Label && n.data().is_read_only() && n.data().label().is_some()
}

/// Whether `n` is an input a user fills in or chooses.
pub fn is_input(n: &AccessKitNode<'_>) -> bool {
    matches!(
        n.role(),
        Role::TextInput
            | Role::MultilineTextInput
            | Role::ComboBox
            | Role::CheckBox
            | Role::RadioButton
    )
}

/// The figure of a computed cell's text `<name>: <figure>`.
pub fn figure(text: &str) -> String {
    text.rsplit_once(": ")
        .map(|(_, f)| f.to_string())
        .unwrap_or_default()
}
