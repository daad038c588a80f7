//! Drawing the editor window's panels: menu bar, page list, the page being edited (or the start
//! screen), findings and status bar. Drawing only pushes [`Command`]s; nothing here changes the
//! return except the page editor's own fields.

use super::EditorApp;
use crate::model::TemplateVersion;
use crate::ui::commands::{Command, PathPurpose};
use crate::ui::compare_view::{compare_view_ui, import_note_ui};
use crate::ui::findings_panel::{counts_text, findings_panel_ui};
use crate::ui::pages::{Page, PageContext, page_counts, page_ui};
use crate::ui::prefs::ThemePref;
use crate::ui::start::start_screen_ui;
use crate::ui::status::{StatusInfo, status_bar_ui};
use crate::ui::theme::{error_colour, warning_colour};
use crate::ui::widgets::{FieldBuffers, FindingIndex};

impl EditorApp {
    /// Every panel of the window, in the order egui needs them (outer panels first).
    pub(super) fn panels_ui(&mut self, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
        self.menu_bar_ui(ui, cmds);
        self.status_bar_panel_ui(ui);
        if self.doc.is_some() {
            // At most a third of the window, so at 720×480 the page keeps the rest; dragging
            // the edge resizes it within that.
            let most = (ui.ctx().content_rect().height() / 3.0).max(80.0);
            egui::Panel::bottom("findings")
                .resizable(true)
                .default_size(120.0_f32.min(most))
                .size_range(60.0..=most)
                .show(ui, |ui| {
                    let last = self
                        .doc
                        .as_ref()
                        .and_then(|d| d.ret.last_month.as_ref())
                        .map(crate::last_month::compare::describe);
                    findings_panel_ui(
                        ui,
                        &self.analysis.findings,
                        last.as_deref(),
                        &self.announcer.text,
                        cmds,
                    )
                });
            // At most 320 px wide, so a 1024-px window keeps room for the page's tables.
            egui::Panel::left("pages")
                .resizable(true)
                .default_size(230.0)
                .size_range(160.0..=320.0)
                .show(ui, |ui| self.page_list_ui(ui, cmds));
        }
        egui::CentralPanel::default().show(ui, |ui| self.central_ui(ui, cmds));
    }

    fn menu_bar_ui(&mut self, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
        let has_doc = self.doc.is_some();
        let (undo_name, redo_name) = match &self.doc {
            Some(d) => (
                self.history.undo_name(&d.ret).map(str::to_string),
                self.history.redo_name(&d.ret).map(str::to_string),
            ),
            None => (None, None),
        };
        let version = self.doc.as_ref().map(|d| d.ret.template_version);
        let preview_open = self.preview_open;
        let compare_open = self.compare_open;
        let linked = self
            .doc
            .as_ref()
            .is_some_and(|d| d.ret.last_month.is_some());
        let recent = self.prefs.recent.clone();
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                let file = ui.menu_button("File", |ui| {
                    command_button_ui(ui, Command::New, true, cmds);
                    command_button_ui(ui, Command::Open, true, cmds);
                    ui.menu_button("Open recent", |ui| {
                        if recent.is_empty() {
                            ui.weak("No recent files");
                        }
                        for path in &recent {
                            command_button_ui(ui, Command::OpenPath(path.clone()), true, cmds);
                        }
                        ui.separator();
                        command_button_ui(ui, Command::ClearRecent, !recent.is_empty(), cmds);
                    });
                    command_button_ui(ui, Command::OpenExample, true, cmds);
                    command_button_ui(ui, Command::TypePath(PathPurpose::Open), true, cmds);
                    ui.separator();
                    command_button_ui(ui, Command::Save, has_doc, cmds);
                    command_button_ui(ui, Command::SaveAs, has_doc, cmds);
                    command_button_ui(ui, Command::TypePath(PathPurpose::SaveAs), has_doc, cmds);
                    ui.separator();
                    command_button_ui(ui, Command::RollForward, has_doc, cmds);
                    command_button_ui(ui, Command::RollForwardFromPdf, true, cmds);
                    command_button_ui(ui, Command::Import, true, cmds);
                    ui.separator();
                    command_button_ui(ui, Command::LinkLastMonth, has_doc, cmds);
                    command_button_ui(ui, Command::UnlinkLastMonth, linked, cmds);
                    ui.separator();
                    command_button_ui(ui, Command::ExportPdf, has_doc, cmds);
                    command_button_ui(ui, Command::TypePath(PathPurpose::ExportPdf), has_doc, cmds);
                    command_button_ui(ui, Command::ExportForm6k, has_doc, cmds);
                    ui.separator();
                    command_button_ui(ui, Command::Quit, true, cmds);
                });
                // egui has no Alt or F10 of its own for the menu bar: F10 focuses File, from
                // where Space opens it and Tab moves along the menus.
                if ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::F10)) {
                    file.response.request_focus();
                }
                ui.menu_button("Edit", |ui| {
                    // Named by what they undo: "Undo typing in Part II › class block 1 › increase / decrease".
                    history_button_ui(ui, Command::Undo, undo_name.as_deref(), cmds);
                    history_button_ui(ui, Command::Redo, redo_name.as_deref(), cmds);
                });
                ui.menu_button("View", |ui| {
                    command_button_ui(ui, Command::PreviousPage, has_doc, cmds);
                    command_button_ui(ui, Command::NextPage, has_doc, cmds);
                    ui.separator();
                    toggle_button_ui(ui, Command::PrintPreview, preview_open, has_doc, cmds);
                    toggle_button_ui(
                        ui,
                        Command::CompareWithLastMonth,
                        compare_open,
                        has_doc,
                        cmds,
                    );
                    ui.separator();
                    let mut dark = self.prefs.theme == ThemePref::Dark;
                    if ui
                        .checkbox(&mut dark, Command::ToggleTheme.label())
                        .clicked()
                    {
                        cmds.push(Command::ToggleTheme);
                    }
                    let mut built_in = self.prefs.built_in_file_dialog;
                    if ui
                        .checkbox(&mut built_in, Command::ToggleBuiltInDialog.label())
                        .on_hover_text(Command::ToggleBuiltInDialog.tooltip())
                        .clicked()
                    {
                        cmds.push(Command::ToggleBuiltInDialog);
                    }
                });
                ui.menu_button("Template", |ui| {
                    for v in TemplateVersion::ALL {
                        let cmd = Command::SetTemplateVersion(v);
                        let selected = version == Some(v);
                        let button = egui::Button::selectable(selected, cmd.label());
                        if ui
                            .add_enabled(has_doc, button)
                            .on_hover_text(cmd.tooltip())
                            .clicked()
                        {
                            cmds.push(cmd);
                        }
                    }
                });
                ui.menu_button("Help", |ui| {
                    if ui
                        .button(super::keyboard_help::MENU_ITEM)
                        .on_hover_text("The keys that fill, check and export the return")
                        .clicked()
                    {
                        self.keyboard_help_open = true;
                        ui.close();
                    }
                    command_button_ui(ui, Command::About, true, cmds);
                });
            });
        });
    }

    fn status_bar_panel_ui(&self, ui: &mut egui::Ui) {
        egui::Panel::bottom("status").show(ui, |ui| {
            let Some(doc) = &self.doc else {
                ui.horizontal(|ui| {
                    ui.label("No return open");
                    if let Some(msg) = &self.status {
                        ui.separator();
                        ui.label(&msg.text);
                    }
                });
                return;
            };
            let now = (self.now)();
            let submitted = doc.ret.header.date_submitted;
            let (due, overdue) = match (&self.analysis.derived.due_date, submitted) {
                // Once submitted, the countdown no longer matters: say whether it was on time.
                (Some(due), Some(on)) => {
                    let late = due.date().is_some_and(|d| on > d);
                    let when = on.format("%d %b %Y");
                    let text = if late {
                        format!("due {} — submitted late, {when}", due.short())
                    } else {
                        format!("due {} — submitted {when}", due.short())
                    };
                    (text, late)
                }
                (Some(due), None) => (
                    crate::calendar::status_line(due, now),
                    crate::calendar::days_left(due, now).is_some_and(|c| c.is_overdue()),
                ),
                (None, _) => ("due date: enter the month end".to_string(), false),
            };
            let file_name = doc.file_name();
            status_bar_ui(
                ui,
                &StatusInfo {
                    file_name: &file_name,
                    dirty: doc.dirty,
                    never_saved: doc.path.is_none(),
                    template: doc.ret.template_version.label(),
                    due,
                    overdue,
                    invalid_fields: doc.ret.unparsed.len(),
                    message: self.status.as_ref(),
                },
            );
        });
    }

    fn page_list_ui(&self, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
        ui.add_space(4.0);
        ui.strong("Pages");
        ui.add_space(4.0);
        for page in Page::ALL {
            let (errors, warnings) = page_counts(page, &self.analysis.findings);
            let mut counts = Vec::new();
            if errors > 0 {
                counts.push(format!("{errors} err"));
            }
            if warnings > 0 {
                counts.push(format!("{warnings} warn"));
            }
            let mut counts = egui::RichText::new(counts.join(" · "));
            if errors > 0 {
                counts = counts.color(error_colour(ui.visuals()));
            } else if warnings > 0 {
                counts = counts.color(warning_colour(ui.visuals()));
            }
            let mut button = egui::Button::selectable(self.page == page, page.title());
            if errors + warnings > 0 {
                button = button.right_text(counts);
            }
            let button = button.min_size(egui::vec2(ui.available_width(), 0.0));
            let hover = counts_text(errors, warnings);
            // The counts as words in the entry's name on every page, shown or not
            // ("II. Issued shares, 1 error, 1 warning"), as the findings panel says them.
            let name = page_entry_name(page, errors, warnings);
            if ui
                .add(button)
                .accessible_name(name)
                .on_hover_text(hover)
                .clicked()
            {
                cmds.push(Command::GoToPage(page));
            }
        }
    }

    fn central_ui(&mut self, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
        if self.doc.is_some()
            && let Some(note) = &self.import_note
        {
            import_note_ui(ui, note, cmds);
        }
        if self.compare_open && self.doc.is_some() {
            let comparison = self.comparison().cloned();
            compare_view_ui(ui, comparison.as_ref(), cmds);
            return;
        }
        // The preview's keys (Escape, Page Up/Down) give way to a prompt or the help window.
        let keys = self.prompt.is_none() && self.help.is_none();
        let Self {
            doc,
            page,
            pending_focus,
            analysis,
            prefs,
            last_focus,
            preview_open,
            preview,
            doc_generation,
            ..
        } = self;
        let Some(doc) = doc else {
            start_screen_ui(ui, &prefs.recent, cmds);
            return;
        };
        if *preview_open {
            // Laid out again only when the analysis was (the return changed).
            preview.refresh(
                analysis.generation,
                &doc.ret,
                &analysis.derived,
                &analysis.findings,
            );
            preview.ui(ui, keys, cmds);
            return;
        }
        let index = FindingIndex::new(&analysis.findings);
        let mut buffers = FieldBuffers::lend(&mut doc.ret);
        let mut ctx = PageContext {
            derived: &analysis.derived,
            findings: &index,
            buffers: &mut buffers,
            pending_focus,
            rows: &analysis.rows,
            analysed: analysis.for_ret.as_ref(),
        };
        egui::ScrollArea::vertical()
            .id_salt(("page", *page, *doc_generation))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                page_ui(ui, *page, &mut doc.ret, &mut ctx);
                scroll_to_new_focus(ui, last_focus);
            });
        buffers.give_back(&mut doc.ret);
    }
}

/// Keyboard focus that moved to another widget of the page (Tab onto a button, a check box, a
/// field) is scrolled into view with some room around it, so its label shows too. Focus
/// outside the page (menus, findings) is left alone.
fn scroll_to_new_focus(ui: &mut egui::Ui, last_focus: &mut Option<egui::Id>) {
    let focused = ui.ctx().memory(|m| m.focused());
    if focused == *last_focus {
        return;
    }
    *last_focus = focused;
    let page = ui.min_rect();
    if let Some(rect) = focused
        .and_then(|id| ui.ctx().read_response(id))
        .map(|r| r.rect)
        .filter(|r| page.contains_rect(*r))
    {
        ui.scroll_to_rect(rect.expand2(egui::vec2(0.0, 28.0)), None);
    }
}

/// The accessible name of a page's entry in the page list: its title and its counts.
pub fn page_entry_name(page: Page, errors: usize, warnings: usize) -> String {
    format!("{}, {}", page.title(), counts_text(errors, warnings))
}

/// A menu item for `cmd` with its shortcut, pushing it when clicked.
fn command_button_ui(ui: &mut egui::Ui, cmd: Command, enabled: bool, cmds: &mut Vec<Command>) {
    let label = cmd.label();
    labelled_button_ui(ui, cmd, label, enabled, cmds);
}

/// A menu item that shows or hides something (ticked while shown), with its shortcut.
fn toggle_button_ui(
    ui: &mut egui::Ui,
    cmd: Command,
    on: bool,
    enabled: bool,
    cmds: &mut Vec<Command>,
) {
    let button = egui::Button::selectable(on, cmd.label());
    menu_item_ui(ui, cmd, button, enabled, cmds);
}

/// Undo or Redo, followed by the name of the step (disabled without one).
fn history_button_ui(ui: &mut egui::Ui, cmd: Command, step: Option<&str>, cmds: &mut Vec<Command>) {
    let label = match step {
        Some(step) => format!("{} {step}", cmd.label()),
        None => cmd.label(),
    };
    labelled_button_ui(ui, cmd, label, step.is_some(), cmds);
}

fn labelled_button_ui(
    ui: &mut egui::Ui,
    cmd: Command,
    label: String,
    enabled: bool,
    cmds: &mut Vec<Command>,
) {
    menu_item_ui(ui, cmd, egui::Button::new(label), enabled, cmds);
}

/// `button` as the menu item of `cmd`: its shortcut shown, its tooltip, pushing it when clicked.
fn menu_item_ui(
    ui: &mut egui::Ui,
    cmd: Command,
    button: egui::Button<'_>,
    enabled: bool,
    cmds: &mut Vec<Command>,
) {
    let button = match cmd.shortcut() {
        Some(sc) => button.shortcut_text(ui.ctx().format_shortcut(&sc)),
        None => button,
    };
    if ui
        .add_enabled(enabled, button)
        .on_hover_text(cmd.tooltip())
        .clicked()
    {
        cmds.push(cmd);
    }
}
