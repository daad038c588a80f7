//! The flag of a field: its outline and its messages, from the typed-text error and the
//! findings at its paths.

use egui::{CornerRadius, Label, Response, RichText, Stroke, StrokeKind, TextStyle, Ui};

use crate::model::path::FieldPath;
use crate::rules::{Severity, TXT_001};
use crate::ui::pages::PageContext;

/// The flag of a field: the worst severity among typed-text errors and findings at its paths,
/// and the messages, the worst first.
pub(super) struct Flag {
    severity: Severity,
    messages: Vec<String>,
}

pub(super) fn flag_for(
    ctx: &PageContext<'_>,
    paths: &[&FieldPath],
    invalid: Option<String>,
) -> Option<Flag> {
    let mut messages = Vec::new();
    let mut severity = None;
    // The field's own message says more than rule TXT-001 about the same text.
    let own = invalid.is_some();
    if let Some(m) = invalid {
        messages.push(m);
        severity = Some(Severity::Error);
    }
    for p in paths {
        for f in ctx
            .findings
            .at(p)
            .iter()
            .filter(|f| !(own && f.rule == TXT_001))
        {
            severity = Some(severity.map_or(f.severity, |s: Severity| s.max(f.severity)));
            messages.push(f.message.clone());
        }
    }
    severity.map(|severity| Flag { severity, messages })
}

/// Messages shown in full under a field; more are summed up in one line (all are in its
/// tooltip and in the findings panel).
const SHOWN: usize = 3;

/// Draws the outline of a flagged widget and its messages under it.
///
/// The messages are body text in the severity's colour on the panel's own ground (contrast at
/// least 4.5:1 in both themes, see `ui::theme`), wrapped within the width the widget's cell
/// gives it (the column of a table, the field side of a label + field line), never narrower
/// than the widget itself. They take room in the layout: the rows below move down while a
/// message shows, and nothing is painted over a neighbour.
///
/// No room is reserved while a field is clean: a reserved line under every field spread every
/// page out, and a message wrapped to a column takes more than one line anyway. The field being typed into does not move when its message appears, since
/// the message goes under it.
pub(super) fn flag_line(ui: &mut Ui, resp: &Response, flag: Option<Flag>) {
    let Some(flag) = flag else {
        return;
    };
    describe(ui, resp.id, &flag);
    let color = crate::ui::theme::severity_colour(ui.visuals(), flag.severity);
    ui.painter().rect_stroke(
        resp.rect.expand(1.0),
        CornerRadius::same(3),
        Stroke::new(1.5, color),
        StrokeKind::Outside,
    );
    messages(ui, &flag, resp.rect.width());
}

/// Gives the widget `id` the messages of `flag` as its accessible description, so a screen
/// reader says what is wrong with a field when it reaches it, not only the outline's colour.
pub(super) fn describe(ui: &Ui, id: egui::Id, flag: &Flag) {
    let text = format!("{}: {}", flag.severity, flag.messages.join("; "));
    ui.ctx()
        .accesskit_node_builder(id, |b| b.set_description(text));
}

/// The messages of `flag`, wrapped within the room left in `ui` but at least `min_width`.
pub(super) fn messages(ui: &mut Ui, flag: &Flag, min_width: f32) {
    let color = crate::ui::theme::severity_colour(ui.visuals(), flag.severity);
    let width = ui.available_width().max(min_width);
    let all = flag.messages.join("\n");
    ui.scope(|ui| {
        ui.set_max_width(width);
        ui.spacing_mut().item_spacing.y = 1.0;
        for message in flag.messages.iter().take(SHOWN) {
            message_label(ui, message, color, &all);
        }
        let hidden = &flag.messages[SHOWN.min(flag.messages.len())..];
        if !hidden.is_empty() {
            let more = format!(
                "… and {} (hover to read)",
                crate::format::counted(hidden.len(), "more message")
            );
            let resp = message_label(ui, &more, color, &all);
            // A screen reader (and a test) reads the messages not shown too.
            let read = format!("{more}: {}", hidden.join("\n"));
            ui.ctx()
                .accesskit_node_builder(resp.id, |b| b.set_value(read));
        }
    });
}

/// One message under a field: wrapped body text, every message of the field on hover.
fn message_label(ui: &mut Ui, text: &str, color: egui::Color32, all: &str) -> Response {
    let text = RichText::new(text).text_style(TextStyle::Body).color(color);
    ui.add(Label::new(text).wrap()).on_hover_text(all)
}
