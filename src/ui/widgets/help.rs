//! Help where the field is. The pointer resting on a field shows what it means, from the
//! form's notes ([`crate::help`]); F1 on the focused field opens the same text in the help
//! window, which stays while the user types; a computed cell also shows its formula with
//! today's figures ([`crate::calc::explain`]).

use egui::{Key, Modifiers, Response};

use crate::calc::Derived;
use crate::model::MonthlyReturn;
use crate::model::path::FieldPath;
use crate::ui::pages::PageContext;

/// Where a field leaves its F1 request for the shell.
fn request_id() -> egui::Id {
    egui::Id::unique("monthly-return-help-request")
}

/// Where the shell says whether the help window is open (so it follows the focus).
fn open_flag_id() -> egui::Id {
    egui::Id::unique("monthly-return-help-open")
}

/// Tells the fields whether the help window is open this frame.
pub fn set_help_open(ctx: &egui::Context, open: bool) {
    ctx.data_mut(|d| d.insert_temp(open_flag_id(), open));
}

/// The field whose help F1 asked for this frame, if any; forgets the request.
pub fn take_help_request(ctx: &egui::Context) -> Option<FieldPath> {
    ctx.data_mut(|d| {
        let path = d.get_temp::<FieldPath>(request_id());
        d.remove::<FieldPath>(request_id());
        path
    })
}

/// Hover help for an input, and F1 while it has focus; while the help window is open it
/// follows the focus from field to field.
pub(super) fn input_help(path: &FieldPath, resp: &Response) {
    let follow = resp.gained_focus()
        && resp
            .ctx
            .data(|d| d.get_temp::<bool>(open_flag_id()))
            .unwrap_or(false);
    let f1 = || {
        resp.has_focus()
            && resp
                .ctx
                .input_mut(|i| i.consume_key(Modifiers::NONE, Key::F1))
    };
    if follow || f1() {
        resp.ctx
            .data_mut(|d| d.insert_temp(request_id(), path.clone()));
    }
    // Looked up only under the pointer: this runs for every input every frame.
    if resp.hovered()
        && let Some(text) = crate::help::field_help(path)
    {
        let _ = resp.clone().on_hover_ui(|ui| {
            ui.set_max_width(ui.spacing().tooltip_width);
            ui.label(text);
            ui.weak("F1 keeps this open while you type");
        });
    }
}

/// The hover of a computed cell named `name`: what it is, its formula with today's figures,
/// and what the form's notes say about it.
pub(super) fn computed_help(ctx: &PageContext<'_>, path: &FieldPath, name: &str, resp: Response) {
    let _ = resp.on_hover_ui(|ui| {
        ui.set_max_width(ui.spacing().tooltip_width * 1.5);
        ui.strong(format!("{name} (calculated)"));
        if let Some(ret) = ctx.analysed
            && let Some(f) = crate::calc::explain(ret, ctx.derived, path)
        {
            ui.label(f.words);
            ui.monospace(f.figures);
        }
        if let Some(text) = crate::help::field_help(path) {
            ui.label(text);
        }
    });
}

/// The text of the help window for the field at `path`: its place on the form, what it means,
/// and for a computed figure its formula.
pub fn help_text(ret: &MonthlyReturn, derived: &Derived, path: &FieldPath) -> String {
    let mut parts = Vec::new();
    if let Some(t) = crate::help::field_help(path) {
        parts.push(t.to_string());
    }
    if let Some(f) = crate::calc::explain(ret, derived, path) {
        parts.push(f.to_string());
    }
    if parts.is_empty() {
        parts.push("The form's notes say nothing more about this field.".to_string());
    }
    parts.join("\n\n")
}
