//! The flag of a field: its outline and its message line, from the typed-text error and the
//! findings at its paths.

use egui::{CornerRadius, Response, Sense, Stroke, StrokeKind, TextStyle, Ui, vec2};

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

/// Draws the outline and the message line under a flaggable widget.
///
/// The line is always reserved (one line of small text, as wide as the widget), flagged or
/// not, so a message appearing while the user types never pushes the rest of the page down.
/// A message is longer than a number cell, so it is painted as a callout that starts in the
/// reserved line and runs to the right over the (empty) reserved lines of the neighbouring
/// cells, up to the edge of the visible area, on an opaque ground so a neighbour's message
/// never shows through. The full text of every message is in the tooltip and in the shell's
/// findings panel.
pub(super) fn flag_line(ui: &mut Ui, resp: &Response, flag: Option<Flag>) {
    let h = ui.text_style_height(&TextStyle::Small);
    let w = resp.rect.width();
    let (rect, _) = ui.allocate_exact_size(vec2(w, h), Sense::hover());
    let Some(flag) = flag else {
        return;
    };
    let color = crate::ui::theme::severity_colour(ui.visuals(), flag.severity);
    ui.painter().rect_stroke(
        resp.rect.expand(1.0),
        CornerRadius::same(3),
        Stroke::new(1.5, color),
        StrokeKind::Outside,
    );
    let first = flag.messages.first().map(String::as_str).unwrap_or("");
    let shown = if flag.messages.len() > 1 {
        format!("{first} (+{} more)", flag.messages.len() - 1)
    } else {
        first.to_string()
    };
    let max_w = (ui.clip_rect().right() - rect.left() - 4.0).max(w);
    let font = TextStyle::Small.resolve(ui.style());
    let mut job = egui::text::LayoutJob::simple_singleline(shown, font, color);
    job.wrap = egui::text::TextWrapping::truncate_at_width(max_w);
    let galley = ui.painter().layout_job(job);
    let bg = egui::Rect::from_min_size(rect.min, vec2(galley.size().x.max(w) + 4.0, h));
    // Painted now, so the cells to the right, drawn later, paint over it: their reserved line
    // is empty unless flagged, and then their own callout covers ours.
    let painter = ui.painter().with_clip_rect(ui.clip_rect());
    painter.rect_filled(bg, CornerRadius::same(2), ui.visuals().panel_fill);
    // No tint under the text: the message keeps the full contrast of its colour on the panel
    // (ui::theme), the outline of the field marks the severity.
    painter.galley(rect.min + vec2(2.0, 0.0), galley, color);
    // The message as text for screen readers and tests, and all messages on hover.
    let id = resp.id.with("flag");
    let msg_resp = ui.interact(bg, id, Sense::hover());
    let all = flag.messages.join("\n");
    ui.ctx().accesskit_node_builder(id, |b| {
        b.set_role(egui::accesskit::Role::Label);
        b.set_value(all.clone());
        b.set_label(all.clone());
    });
    msg_resp.on_hover_text(all);
}
