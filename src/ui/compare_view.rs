//! "Compare with last month": last month's close beside this month's opening, movement and
//! close, per class and per scheme / warrant / instrument / HDR line, with what differs, what
//! moved and what is new or gone marked; and the note shown above the page after an import.
//! Reads a [`Comparison`]; edits nothing (Go to shows the field).

use super::app::ImportNote;
use super::commands::Command;
use super::theme::{error_colour, warning_colour};
use crate::last_month::{Comparison, Figure, Line, Status};

/// The widest the comparison gets, like a page of the form.
const MAX_WIDTH: f32 = 1180.0;

pub fn compare_view_ui(
    ui: &mut egui::Ui,
    comparison: Option<&Comparison>,
    cmds: &mut Vec<Command>,
) {
    egui::ScrollArea::vertical()
        .id_salt("compare")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let width = ui.available_width().min(MAX_WIDTH);
            let margin = ((ui.available_width() - width) / 2.0).max(0.0);
            ui.horizontal(|ui| {
                ui.add_space(margin);
                ui.vertical(|ui| {
                    ui.set_max_width(width);
                    body_ui(ui, comparison, cmds);
                });
            });
        });
}

fn body_ui(ui: &mut egui::Ui, comparison: Option<&Comparison>, cmds: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.heading("Compare with last month");
        if ui
            .button("Back to the form")
            .on_hover_text("Hide the comparison")
            .clicked()
        {
            cmds.push(Command::CompareWithLastMonth);
        }
    });
    let Some(c) = comparison else {
        ui.label(
            "No last month is linked to this return. Link last month's draft or its published \
             PDF: its closing balances are kept in this draft, and every balance brought \
             forward is checked against them as you type.",
        );
        if ui
            .button("Link last month's draft or PDF…")
            .on_hover_text(Command::LinkLastMonth.tooltip())
            .clicked()
        {
            cmds.push(Command::LinkLastMonth);
        }
        return;
    };
    ui.label(format!("Last month: {}", c.last_month));
    ui.label(format!("This month: {}", c.this_month));
    for note in &c.notes {
        ui.label(egui::RichText::new(format!("Note: {note}")).color(warning_colour(ui.visuals())));
    }
    let n = c.disagreements();
    let summary = if n == 0 {
        egui::RichText::new("Every balance brought forward agrees with last month's close.")
    } else {
        egui::RichText::new(format!(
            "{} brought forward {} from last month's close.",
            crate::format::counted(n, "balance"),
            if n == 1 { "differs" } else { "differ" }
        ))
        .color(error_colour(ui.visuals()))
        .strong()
    };
    ui.label(summary);
    ui.weak(
        "Classes are matched by class, type, stock code and description; rows by their \
         position in the class's block. Bold: moved this month.",
    );
    ui.add_space(6.0);

    let mut start = 0;
    while start < c.lines.len() {
        let part = c.lines[start].part;
        let end = c.lines[start..]
            .iter()
            .position(|l| l.part != part)
            .map_or(c.lines.len(), |n| start + n);
        ui.add_space(8.0);
        ui.strong(part.title());
        part_grid_ui(ui, part.short_name(), &c.lines[start..end], cmds);
        start = end;
    }
    if c.lines.is_empty() {
        ui.weak("Neither month has a balance to compare.");
    }
}

/// Column widths of a table `total` wide: figure name, four figures, status; the class / row
/// name takes the rest, or a line of its own above the figures when that leaves it too little
/// (`None`).
struct Columns {
    name: Option<f32>,
    figure: f32,
    number: f32,
    status: f32,
}

const GAP: f32 = 10.0;

impl Columns {
    /// `None` when even the figures do not fit side by side: each line is then written out
    /// (`Last month's close 1,000 · Brought forward …`), wrapped to the window.
    fn new(total: f32) -> Option<Self> {
        let number = 104.0;
        let figure = (total * 0.18).clamp(120.0, 200.0);
        let status = (total * 0.18).clamp(150.0, 230.0);
        let rest = total - figure - 4.0 * number - status - 6.0 * GAP;
        (rest >= 0.0).then_some(Columns {
            name: (rest >= 160.0).then_some(rest),
            figure,
            number,
            status,
        })
    }
}

/// A cell `width` wide, its content wrapped within it (right-aligned for figures).
fn cell(ui: &mut egui::Ui, width: f32, right: bool, add: impl FnOnce(&mut egui::Ui)) {
    let align = if right {
        egui::Align::Max
    } else {
        egui::Align::Min
    };
    ui.allocate_ui_with_layout(
        egui::vec2(width, 0.0),
        egui::Layout::top_down(align),
        |ui| {
            ui.set_width(width);
            add(ui);
        },
    );
}

fn part_grid_ui(ui: &mut egui::Ui, _id: &str, lines: &[Line], cmds: &mut Vec<Command>) {
    let Some(cols) = Columns::new(ui.available_width()) else {
        for line in lines {
            ui.separator();
            narrow_line_ui(ui, line, cmds);
        }
        return;
    };
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = GAP;
        if let Some(w) = cols.name {
            cell(ui, w, false, |ui| {
                ui.small("Class / row");
            });
        }
        cell(ui, cols.figure, false, |ui| {
            ui.small("Figure");
        });
        for heading in ["Last month's close", "Brought forward", "Movement", "Close"] {
            cell(ui, cols.number, true, |ui| {
                ui.small(heading);
            });
        }
    });
    for (i, line) in lines.iter().enumerate() {
        let frame = if i % 2 == 0 {
            egui::Frame::NONE.fill(ui.visuals().faint_bg_color)
        } else {
            egui::Frame::NONE
        };
        frame.show(ui, |ui| {
            ui.set_width(ui.available_width());
            line_ui(ui, line, &cols, cmds);
        });
    }
}

fn line_ui(ui: &mut egui::Ui, line: &Line, cols: &Columns, cmds: &mut Vec<Command>) {
    let visuals = ui.visuals().clone();
    let mut name = line.class.clone();
    if !line.row.is_empty() {
        name.push_str(" › ");
        name.push_str(&line.row);
    }
    if cols.name.is_none() {
        ui.add(egui::Label::new(egui::RichText::new(&name).strong()).wrap());
    }
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = GAP;
        if let Some(w) = cols.name {
            cell(ui, w, false, |ui| {
                ui.add(egui::Label::new(name).wrap());
            });
        }
        cell(ui, cols.figure, false, |ui| {
            ui.add(egui::Label::new(line.figure).wrap());
        });
        cell(ui, cols.number, true, |ui| {
            ui.label(figure(line.last_close));
        });
        let opening = egui::RichText::new(figure(line.opening));
        cell(ui, cols.number, true, |ui| {
            ui.label(match line.status {
                Status::Disagrees => opening.color(error_colour(&visuals)).strong(),
                _ => opening,
            });
        });
        cell(ui, cols.number, true, |ui| {
            ui.label(match line.status {
                Status::Vanished => String::new(),
                _ => line.movement().unwrap_or_default(),
            });
        });
        let close = egui::RichText::new(figure(line.close));
        cell(ui, cols.number, true, |ui| {
            ui.label(if line.moved() { close.strong() } else { close });
        });
        cell(ui, cols.status, false, |ui| {
            ui.horizontal_wrapped(|ui| status_ui(ui, line, &visuals, cmds));
        });
    });
}

/// One line written out and wrapped, for a window too narrow for the columns.
fn narrow_line_ui(ui: &mut egui::Ui, line: &Line, cmds: &mut Vec<Command>) {
    let visuals = ui.visuals().clone();
    let mut name = line.class.clone();
    if !line.row.is_empty() {
        name.push_str(" › ");
        name.push_str(&line.row);
    }
    name.push_str(" › ");
    name.push_str(line.figure);
    ui.add(egui::Label::new(egui::RichText::new(name).strong()).wrap());
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("Last month's close {}", figure(line.last_close)));
        let opening = egui::RichText::new(format!("Brought forward {}", figure(line.opening)));
        ui.label(match line.status {
            Status::Disagrees => opening.color(error_colour(&visuals)).strong(),
            _ => opening,
        });
        if line.status != Status::Vanished {
            ui.label(format!("Movement {}", line.movement().unwrap_or_default()));
            let close = egui::RichText::new(format!("Close {}", figure(line.close)));
            ui.label(if line.moved() { close.strong() } else { close });
        }
    });
    ui.horizontal_wrapped(|ui| status_ui(ui, line, &visuals, cmds));
}

/// "✔ agrees", "differs by +9", "new this month" … and Go to.
fn status_ui(ui: &mut egui::Ui, line: &Line, visuals: &egui::Visuals, cmds: &mut Vec<Command>) {
    let status = match line.status {
        Status::Agrees => egui::RichText::new("✔ agrees").weak(),
        Status::Disagrees => egui::RichText::new(format!(
            "differs by {}",
            line.difference().unwrap_or_default()
        ))
        .color(error_colour(visuals))
        .strong(),
        Status::New | Status::Vanished => {
            egui::RichText::new(line.status.label()).color(warning_colour(visuals))
        }
    };
    ui.label(status);
    if let Some(path) = &line.path
        && ui
            .small_button("Go to")
            .on_hover_text(format!("Show {}", path.describe()))
            .clicked()
    {
        cmds.push(Command::GoToField(path.clone()));
    }
}

fn figure(f: Option<Figure>) -> String {
    f.map_or_else(|| "—".to_string(), Figure::text)
}

/// The note above the page after an import: where it came from, and each item to review.
pub fn import_note_ui(ui: &mut egui::Ui, note: &ImportNote, cmds: &mut Vec<Command>) {
    egui::Frame::group(ui.style())
        .fill(ui.visuals().faint_bg_color)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(&note.title).strong());
                if ui
                    .small_button(Command::DismissImportNote.label())
                    .on_hover_text(Command::DismissImportNote.tooltip())
                    .clicked()
                {
                    cmds.push(Command::DismissImportNote);
                }
            });
            if note.review.is_empty() {
                ui.label("Every figure, date and text on the PDF was read.");
            } else {
                ui.label(
                    egui::RichText::new(format!(
                        "Review {} the PDF did not give for certain:",
                        crate::format::counted(note.review.len(), "item")
                    ))
                    .color(warning_colour(ui.visuals())),
                );
                egui::ScrollArea::vertical()
                    .id_salt("import-review")
                    .max_height(120.0)
                    .show(ui, |ui| {
                        for item in &note.review {
                            ui.label(format!("• {item}"));
                        }
                    });
            }
        });
}
