//! The editor window: menu bar, page list, the page being edited, findings, status bar.
//!
//! Each frame: recompute derived figures and findings if (and only if) the return changed, draw
//! every panel (panels only push [`Command`]s), then run the commands, then feed the undo
//! history and the crash-recovery timer.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use super::commands::{self, Command, PathPurpose};
use super::dialogs::{Dialogs, RfdDialogs};
use super::findings_panel::findings_panel_ui;
use super::pages::{Page, PageContext, page_counts, page_for_path, page_ui};
use super::prefs::{AppPaths, Prefs, ThemePref};
use super::recovery::{self, Orphan, Recovered, RecoverySlot, RecoveryTimer};
use super::start::start_screen_ui;
use super::status::{StatusInfo, StatusMessage, status_bar_ui};
use super::undo::DocumentHistory;
use super::widgets::{FieldBuffers, FindingIndex};
use crate::calc::{self, Derived};
use crate::model::path::FieldPath;
use crate::model::{MonthlyReturn, TemplateVersion};
use crate::rules::{self, Finding};

/// The example return offered on the start screen, opened as an untitled copy.
const EXAMPLE: Option<&str> = Some(include_str!(
    "../../templates/examples/kingsoft-cloud-2024-10.ron"
));

/// Whether PDF export is wired in this build.
const PDF_EXPORT_AVAILABLE: bool = true;

/// Whether roll forward is wired in this build.
const ROLL_FORWARD_AVAILABLE: bool = true;

/// Everything the app takes from its surroundings; tests replace folders, dialogs and clocks.
pub struct AppConfig {
    pub paths: AppPaths,
    pub dialogs: Box<dyn Dialogs>,
    /// At most this long between an unsaved change and its recovery copy.
    pub recovery_interval: Duration,
    /// The wall clock used for the due-date countdown.
    pub now: fn() -> DateTime<Utc>,
    /// The draft to open at start (`monthly-return PATH`).
    pub open: Option<PathBuf>,
}

impl AppConfig {
    /// The real thing: platform folders, native dialogs, system clock.
    pub fn system(open: Option<PathBuf>) -> Self {
        AppConfig {
            paths: AppPaths::from_system(),
            dialogs: Box::new(RfdDialogs),
            recovery_interval: recovery::DEFAULT_INTERVAL,
            now: Utc::now,
            open,
        }
    }
}

/// The open return.
pub struct Document {
    pub ret: MonthlyReturn,
    /// `None` until saved once.
    pub path: Option<PathBuf>,
    /// The return as last saved or opened; `None` when it never was (a restored recovery copy).
    saved: Option<MonthlyReturn>,
    dirty: bool,
}

impl Document {
    fn new(ret: MonthlyReturn, path: Option<PathBuf>) -> Self {
        Document {
            saved: Some(ret.clone()),
            ret,
            path,
            dirty: false,
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    pub fn file_name(&self) -> String {
        match &self.path {
            Some(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string()),
            None => "Untitled".to_string(),
        }
    }
}

/// Derived figures and findings of the return as it was when last computed.
#[derive(Default)]
struct Analysis {
    for_ret: Option<MonthlyReturn>,
    derived: Derived,
    findings: Vec<Finding>,
    /// Bumped on every recomputation (benchmarks and tests read it).
    generation: u64,
}

impl Analysis {
    /// Recomputes when `ret` differs from the last analysed return; returns whether it did.
    fn refresh(&mut self, ret: &MonthlyReturn) -> bool {
        if self.for_ret.as_ref() == Some(ret) {
            return false;
        }
        self.derived = calc::derive(ret);
        self.findings = rules::check(ret, &self.derived, None);
        self.for_ret = Some(ret.clone());
        self.generation += 1;
        true
    }
}

/// What to do once the unsaved changes are saved or discarded.
#[derive(Debug, Clone, PartialEq)]
enum Pending {
    New,
    Open,
    OpenPath(PathBuf),
    OpenExample,
    RollForward,
    Quit,
}

/// The modal dialog on screen, if any.
#[derive(Debug, Clone)]
enum Prompt {
    /// Save / Discard / Cancel before `Pending` replaces or closes the return.
    Unsaved(Pending),
    /// A draft could not be opened; the message has line and column.
    LoadError { message: String },
    /// A previous run left unsaved changes.
    Recover(Box<Recovered>),
    /// The user types a path (no file dialog, or preferred).
    TypePath { purpose: PathPurpose, text: String },
    /// The PDF was written: where, whether it is a draft, and a way to open it.
    Exported { path: PathBuf, errors: usize },
}

pub struct EditorApp {
    doc: Option<Document>,
    page: Page,
    pending_focus: Option<FieldPath>,
    buffers: FieldBuffers,
    analysis: Analysis,
    history: DocumentHistory,
    prefs: Prefs,
    prefs_written: Prefs,
    prefs_written_at: Option<Instant>,
    paths: AppPaths,
    dialogs: Box<dyn Dialogs>,
    now: fn() -> DateTime<Utc>,
    recovery_timer: RecoveryTimer,
    /// This editor's recovery copy; `None` when there is no data folder or it is unusable.
    recovery_slot: Option<RecoverySlot>,
    /// The crashed editor's copy being offered (`Prompt::Recover`), locked until decided.
    offered_orphan: Option<Orphan>,
    status: Option<StatusMessage>,
    prompt: Option<Prompt>,
    /// Set once the user agreed to close; the next close request goes through.
    close_allowed: bool,
    /// The title last sent to the window.
    title: String,
    theme_applied: Option<ThemePref>,
    first_frame_reported: bool,
}

impl EditorApp {
    /// Builds the app; `ctx` gets the fonts and theme.
    pub fn new(ctx: &egui::Context, config: AppConfig) -> Self {
        let AppConfig {
            paths,
            dialogs,
            recovery_interval,
            now,
            open,
        } = config;
        install_cjk_fallback_font(ctx);
        let prefs = Prefs::load(&paths);
        let mut app = EditorApp {
            doc: None,
            page: prefs.last_page,
            pending_focus: None,
            buffers: FieldBuffers::default(),
            analysis: Analysis::default(),
            history: DocumentHistory::new(),
            prefs_written: prefs.clone(),
            prefs,
            prefs_written_at: None,
            paths,
            dialogs,
            now,
            recovery_timer: RecoveryTimer::new(recovery_interval),
            recovery_slot: None,
            offered_orphan: None,
            status: None,
            prompt: None,
            close_allowed: false,
            title: String::new(),
            theme_applied: None,
            first_frame_reported: false,
        };
        if let Some(path) = open {
            app.open_path(&path);
        }
        // Other editors' copies are looked at before this one's slot exists.
        if let Some(orphan) = recovery::orphans(&app.paths).into_iter().next() {
            app.prompt = Some(Prompt::Recover(Box::new(orphan.recovered.clone())));
            app.offered_orphan = Some(orphan);
        }
        match RecoverySlot::claim(&app.paths) {
            Ok(slot) => app.recovery_slot = slot,
            Err(e) => {
                app.status = Some(StatusMessage::error(format!(
                    "Crash recovery is off: cannot use the recovery folder ({e})"
                )));
            }
        }
        app
    }

    // ---- read access for tests and benchmarks ----

    pub fn document(&self) -> Option<&Document> {
        self.doc.as_ref()
    }

    pub fn document_mut(&mut self) -> Option<&mut Document> {
        self.doc.as_mut()
    }

    pub fn page(&self) -> Page {
        self.page
    }

    /// Shows `page` (tests, benches; the UI goes through `Command::GoToPage`).
    pub fn set_page(&mut self, page: Page) {
        self.go_to_page(page);
    }

    pub fn findings(&self) -> &[Finding] {
        &self.analysis.findings
    }

    /// How many times derived figures and findings were recomputed.
    pub fn analysis_generation(&self) -> u64 {
        self.analysis.generation
    }

    pub fn status_message(&self) -> Option<&StatusMessage> {
        self.status.as_ref()
    }

    /// The text of the modal on screen (tests).
    pub fn prompt_text(&self) -> Option<String> {
        self.prompt.as_ref().map(|p| match p {
            Prompt::Unsaved(_) => "unsaved".to_string(),
            Prompt::LoadError { message } => message.clone(),
            Prompt::Recover(r) => format!("recover {:?}", r.path),
            Prompt::TypePath { purpose, .. } => purpose.menu_label().to_string(),
            Prompt::Exported { path, errors } => format!("exported {} ({errors})", path.display()),
        })
    }

    /// Whether the user agreed to close the window.
    pub fn is_closing(&self) -> bool {
        self.close_allowed
    }

    /// The title last sent to the window.
    pub fn window_title(&self) -> &str {
        &self.title
    }

    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// Replaces the open return with `ret` as an untitled, unsaved document (tests, benches).
    pub fn set_document(&mut self, ret: MonthlyReturn, path: Option<PathBuf>) {
        self.replace_document(Document::new(ret, path));
    }

    // ---- the frame ----

    /// One whole frame of the editor.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.apply_theme(&ctx);

        let mut cmds: Vec<Command> = Vec::new();
        if self.prompt.is_none() {
            cmds.extend(commands::shortcut_commands(&ctx));
        }

        let changed = match &self.doc {
            Some(doc) => self.analysis.refresh(&doc.ret),
            None => false,
        };
        if changed {
            self.on_return_changed();
        }

        self.menu_bar_ui(ui, &mut cmds);
        self.status_bar_panel_ui(ui);
        if self.doc.is_some() {
            egui::Panel::bottom("findings")
                .resizable(true)
                .default_size(150.0)
                .min_size(60.0)
                .show(ui, |ui| {
                    findings_panel_ui(ui, &self.analysis.findings, &mut cmds)
                });
            egui::Panel::left("pages")
                .resizable(true)
                .default_size(230.0)
                .show(ui, |ui| self.page_list_ui(ui, &mut cmds));
        }
        egui::CentralPanel::default().show(ui, |ui| self.central_ui(ui, &mut cmds));
        self.prompt_ui(&ctx, &mut cmds);

        for cmd in cmds {
            self.run(&ctx, cmd);
        }
        self.after_commands(&ctx);
    }

    fn apply_theme(&mut self, ctx: &egui::Context) {
        if self.theme_applied != Some(self.prefs.theme) {
            ctx.set_theme(self.prefs.theme.egui());
            self.theme_applied = Some(self.prefs.theme);
        }
    }

    /// Closing the window with unsaved changes asks first (also reached by our own
    /// `ViewportCommand::Close`, which is let through once `close_allowed` is set).
    pub fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.close_allowed {
            return;
        }
        if self.doc.as_ref().is_some_and(Document::is_dirty) {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.prompt = Some(Prompt::Unsaved(Pending::Quit));
        } else {
            self.close_allowed = true;
            self.clean_exit();
        }
    }

    fn on_return_changed(&mut self) {
        let Some(doc) = &mut self.doc else { return };
        let dirty = doc.saved.as_ref() != Some(&doc.ret);
        doc.dirty = dirty;
        if dirty {
            self.recovery_timer.changed(Instant::now());
        } else {
            self.recovery_timer.clear();
        }
    }

    fn menu_bar_ui(&mut self, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
        let has_doc = self.doc.is_some();
        let (can_undo, can_redo) = match &self.doc {
            Some(d) => (self.history.can_undo(&d.ret), self.history.can_redo(&d.ret)),
            None => (false, false),
        };
        let version = self.doc.as_ref().map(|d| d.ret.template_version);
        let recent = self.prefs.recent.clone();
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                ui.menu_button("File", |ui| {
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
                    command_button_ui(ui, Command::OpenExample, EXAMPLE.is_some(), cmds);
                    command_button_ui(ui, Command::TypePath(PathPurpose::Open), true, cmds);
                    ui.separator();
                    command_button_ui(ui, Command::Save, has_doc, cmds);
                    command_button_ui(ui, Command::SaveAs, has_doc, cmds);
                    command_button_ui(ui, Command::TypePath(PathPurpose::SaveAs), has_doc, cmds);
                    ui.separator();
                    command_button_ui(
                        ui,
                        Command::RollForward,
                        has_doc && ROLL_FORWARD_AVAILABLE,
                        cmds,
                    );
                    command_button_ui(
                        ui,
                        Command::ExportPdf,
                        has_doc && PDF_EXPORT_AVAILABLE,
                        cmds,
                    );
                    command_button_ui(
                        ui,
                        Command::TypePath(PathPurpose::ExportPdf),
                        has_doc && PDF_EXPORT_AVAILABLE,
                        cmds,
                    );
                    ui.separator();
                    command_button_ui(ui, Command::Quit, true, cmds);
                });
                ui.menu_button("Edit", |ui| {
                    command_button_ui(ui, Command::Undo, can_undo, cmds);
                    command_button_ui(ui, Command::Redo, can_redo, cmds);
                });
                ui.menu_button("View", |ui| {
                    command_button_ui(ui, Command::PreviousPage, has_doc, cmds);
                    command_button_ui(ui, Command::NextPage, has_doc, cmds);
                    ui.separator();
                    let mut dark = self.prefs.theme == ThemePref::Dark;
                    if ui
                        .checkbox(&mut dark, Command::ToggleTheme.label())
                        .clicked()
                    {
                        cmds.push(Command::ToggleTheme);
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
                    template: doc.ret.template_version.label(),
                    due,
                    overdue,
                    invalid_fields: self.buffers.invalid_count(),
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
                counts = counts.color(ui.visuals().error_fg_color);
            } else if warnings > 0 {
                counts = counts.color(ui.visuals().warn_fg_color);
            }
            let mut button = egui::Button::selectable(self.page == page, page.title());
            if errors + warnings > 0 {
                button = button.right_text(counts);
            }
            let button = button.min_size(egui::vec2(ui.available_width(), 0.0));
            let hover = format!("{errors} errors, {warnings} warnings");
            if ui.add(button).on_hover_text(hover).clicked() {
                cmds.push(Command::GoToPage(page));
            }
        }
    }

    fn central_ui(&mut self, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
        let Self {
            doc,
            page,
            pending_focus,
            buffers,
            analysis,
            prefs,
            ..
        } = self;
        let Some(doc) = doc else {
            start_screen_ui(ui, &prefs.recent, EXAMPLE.is_some(), cmds);
            return;
        };
        let index = FindingIndex::new(&analysis.findings);
        let mut ctx = PageContext {
            derived: &analysis.derived,
            findings: &index,
            buffers,
            pending_focus,
        };
        egui::ScrollArea::both()
            .id_salt(("page", *page))
            .auto_shrink([false, false])
            .show(ui, |ui| page_ui(ui, *page, &mut doc.ret, &mut ctx));
    }

    fn prompt_ui(&mut self, ctx: &egui::Context, cmds: &mut Vec<Command>) {
        let Some(prompt) = self.prompt.clone() else {
            return;
        };
        match prompt {
            Prompt::Unsaved(pending) => {
                let name = self
                    .doc
                    .as_ref()
                    .map(Document::file_name)
                    .unwrap_or_default();
                let mut choice = None;
                egui::Modal::new(egui::Id::unique("unsaved-prompt")).show(ctx, |ui| {
                    ui.set_width(360.0);
                    ui.heading("Save changes?");
                    ui.label(format!(
                        "“{name}” has changes that are not saved. Save them before continuing?"
                    ));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Save").clicked() {
                            choice = Some(UnsavedChoice::Save);
                        }
                        if ui.button("Discard").clicked() {
                            choice = Some(UnsavedChoice::Discard);
                        }
                        if ui.button("Cancel").clicked() {
                            choice = Some(UnsavedChoice::Cancel);
                        }
                    });
                });
                if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
                    choice = Some(UnsavedChoice::Cancel);
                }
                match choice {
                    Some(UnsavedChoice::Save) => {
                        self.prompt = None;
                        if self.save(false) {
                            self.continue_pending(ctx, pending, cmds);
                        }
                    }
                    Some(UnsavedChoice::Discard) => {
                        self.prompt = None;
                        if let Some(doc) = &mut self.doc {
                            // The user chose to lose these changes; the recovery copy goes too.
                            doc.dirty = false;
                        }
                        self.remove_recovery_copy();
                        self.recovery_timer.clear();
                        self.continue_pending(ctx, pending, cmds);
                    }
                    Some(UnsavedChoice::Cancel) => {
                        self.prompt = None;
                        self.status = Some(StatusMessage::info("Cancelled"));
                    }
                    None => {}
                }
            }
            Prompt::Exported { path, errors } => {
                let mut open = false;
                let mut close = false;
                let modal = egui::Modal::new(egui::Id::unique("exported")).show(ctx, |ui| {
                    ui.set_width(460.0);
                    ui.heading("PDF exported");
                    ui.label(path.display().to_string());
                    if errors > 0 {
                        ui.colored_label(
                            ui.visuals().warn_fg_color,
                            format!(
                                "Every page is marked DRAFT \u{2014} {errors} error{}: fix the \
                                 findings and export again before submitting.",
                                if errors == 1 { "" } else { "s" }
                            ),
                        );
                    }
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        open = ui.button("Open PDF").clicked();
                        close = ui.button("Close").clicked();
                    });
                });
                if open && let Err(e) = self.dialogs.open_externally(&path) {
                    self.status = Some(StatusMessage::error(format!(
                        "Could not open {}: {e}",
                        path.display()
                    )));
                }
                if open || close || modal.should_close() {
                    self.prompt = None;
                }
            }
            Prompt::LoadError { message } => {
                let mut close = false;
                let modal = egui::Modal::new(egui::Id::unique("load-error")).show(ctx, |ui| {
                    ui.set_width(420.0);
                    ui.heading("The draft could not be opened");
                    ui.label(&message);
                    ui.weak("The file was not changed.");
                    ui.add_space(8.0);
                    close = ui.button("OK").clicked();
                });
                if close || modal.should_close() {
                    self.prompt = None;
                }
            }
            Prompt::TypePath { purpose, mut text } => {
                let mut confirmed = false;
                let mut cancelled = false;
                let modal = egui::Modal::new(egui::Id::unique("type-path")).show(ctx, |ui| {
                    ui.set_width(480.0);
                    ui.heading(purpose.menu_label().trim_end_matches('…'));
                    let label = ui.label("File path");
                    let edit = ui
                        .add(
                            egui::TextEdit::singleline(&mut text)
                                .desired_width(f32::INFINITY)
                                .hint_text("/home/me/returns/2024-10.ron"),
                        )
                        .labelled_by(label.id);
                    if !edit.has_focus() && text.is_empty() {
                        edit.request_focus();
                    }
                    if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                        confirmed = true;
                    }
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        let ok = ui.add_enabled(
                            !text.trim().is_empty(),
                            egui::Button::new(purpose.action()),
                        );
                        confirmed |= ok.clicked();
                        cancelled = ui.button("Cancel").clicked();
                    });
                });
                if cancelled || modal.should_close() {
                    self.prompt = None;
                } else if confirmed && !text.trim().is_empty() {
                    self.prompt = None;
                    let path = PathBuf::from(text.trim());
                    match purpose {
                        PathPurpose::Open => cmds.push(Command::OpenPath(path)),
                        PathPurpose::SaveAs => {
                            self.save_to(path);
                        }
                        PathPurpose::ExportPdf => self.export_pdf_to(&path),
                    }
                } else {
                    self.prompt = Some(Prompt::TypePath { purpose, text });
                }
            }
            Prompt::Recover(recovered) => {
                let mut choice = None;
                egui::Modal::new(egui::Id::unique("recover-prompt")).show(ctx, |ui| {
                    ui.set_width(400.0);
                    ui.heading("Restore unsaved changes?");
                    let of = match &recovered.path {
                        Some(p) => format!("of “{}”", p.display()),
                        None => "of an untitled return".to_string(),
                    };
                    let at = recovered
                        .written_at
                        .with_timezone(&chrono::Local)
                        .format("%d %b %Y %H:%M");
                    ui.label(format!(
                        "The editor did not close normally. Unsaved changes {of} from {at} were kept."
                    ));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Restore").clicked() {
                            choice = Some(true);
                        }
                        if ui.button("Discard").clicked() {
                            choice = Some(false);
                        }
                    });
                });
                match choice {
                    Some(true) => {
                        self.prompt = None;
                        // Into this editor's own copy first, so a second crash loses nothing.
                        let kept = self.recovery_slot.as_ref().map(|s| s.write(&recovered));
                        if let Some(orphan) = self.offered_orphan.take()
                            && !matches!(kept, Some(Err(_)))
                        {
                            orphan.discard();
                        }
                        let Recovered { path, ret, .. } = *recovered;
                        let mut doc = Document::new(ret, path);
                        doc.saved = None;
                        doc.dirty = true;
                        self.replace_document(doc);
                        self.status = Some(match kept {
                            Some(Err(e)) => StatusMessage::error(format!(
                                "Unsaved changes restored, but the recovery copy could not be \
                                 rewritten ({e}): save now"
                            )),
                            _ => StatusMessage::info("Unsaved changes restored"),
                        });
                    }
                    Some(false) => {
                        self.prompt = None;
                        if let Some(orphan) = self.offered_orphan.take() {
                            orphan.discard();
                        }
                    }
                    None => {}
                }
            }
        }
    }

    // ---- commands ----

    fn run(&mut self, ctx: &egui::Context, cmd: Command) {
        match cmd {
            Command::New => self.guard(ctx, Pending::New),
            Command::Open => self.guard(ctx, Pending::Open),
            Command::OpenPath(p) => self.guard(ctx, Pending::OpenPath(p)),
            Command::OpenExample => self.guard(ctx, Pending::OpenExample),
            Command::RollForward => self.guard(ctx, Pending::RollForward),
            Command::Quit => self.guard(ctx, Pending::Quit),
            Command::Save => {
                self.save(false);
            }
            Command::SaveAs => {
                self.save(true);
            }
            Command::ExportPdf => self.export_pdf(),
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::NextPage => self.go_to_page(self.page.next()),
            Command::PreviousPage => self.go_to_page(self.page.previous()),
            Command::GoToPage(p) => self.go_to_page(p),
            Command::GoToField(path) => {
                self.go_to_page(page_for_path(&path));
                self.pending_focus = Some(path);
            }
            Command::SetTemplateVersion(v) => {
                if let Some(doc) = &mut self.doc
                    && doc.ret.template_version != v
                {
                    self.history.checkpoint(&doc.ret);
                    doc.ret.template_version = v;
                    self.history.checkpoint(&doc.ret);
                    self.status = Some(StatusMessage::info(format!("Template {}", v.label())));
                }
            }
            Command::ToggleTheme => {
                self.prefs.theme = match self.prefs.theme {
                    ThemePref::Light => ThemePref::Dark,
                    ThemePref::Dark => ThemePref::Light,
                };
            }
            Command::ClearRecent => self.prefs.recent.clear(),
            Command::TypePath(purpose) => {
                self.prompt = Some(Prompt::TypePath {
                    purpose,
                    text: String::new(),
                });
            }
        }
    }

    /// Runs `pending` now, or first asks Save / Discard / Cancel if the return has unsaved changes.
    fn guard(&mut self, ctx: &egui::Context, pending: Pending) {
        if self.doc.as_ref().is_some_and(Document::is_dirty) {
            self.prompt = Some(Prompt::Unsaved(pending));
        } else {
            self.continue_pending(ctx, pending, &mut Vec::new());
        }
    }

    fn continue_pending(
        &mut self,
        ctx: &egui::Context,
        pending: Pending,
        _cmds: &mut Vec<Command>,
    ) {
        match pending {
            Pending::New => {
                self.replace_document(Document::new(MonthlyReturn::blank(), None));
                self.page = Page::I;
                self.status = Some(StatusMessage::info("New return"));
            }
            Pending::Open => {
                let start = self.start_dir();
                match self.dialogs.pick_open(start.as_deref()) {
                    Some(path) => self.open_path(&path),
                    None => self.status = Some(no_file_chosen("Open", PathPurpose::Open)),
                }
            }
            Pending::OpenPath(path) => self.open_path(&path),
            Pending::OpenExample => match EXAMPLE.map(crate::io::from_str) {
                Some(Ok(ret)) => {
                    self.replace_document(Document::new(ret, None));
                    self.status = Some(StatusMessage::info(
                        "Example opened as an untitled copy: Save as to keep it",
                    ));
                }
                Some(Err(e)) => {
                    self.status = Some(StatusMessage::error(format!("The example is broken: {e}")))
                }
                None => self.status = Some(StatusMessage::error("No example in this build")),
            },
            Pending::RollForward => self.roll_forward(),
            Pending::Quit => {
                self.close_allowed = true;
                self.clean_exit();
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Opens the draft at `path`; a draft that does not load is reported and left untouched.
    fn open_path(&mut self, path: &Path) {
        match crate::io::load(path) {
            Ok(ret) => {
                self.replace_document(Document::new(ret, Some(path.to_path_buf())));
                self.prefs.add_recent(path);
                self.status = Some(StatusMessage::info(format!("Opened {}", path.display())));
            }
            Err(message) => {
                self.status = Some(StatusMessage::error(format!(
                    "Not opened: {}",
                    path.display()
                )));
                self.prompt = Some(Prompt::LoadError {
                    message: message.to_string(),
                });
            }
        }
    }

    fn replace_document(&mut self, doc: Document) {
        self.history.reset(&doc.ret);
        self.buffers = FieldBuffers::default();
        self.pending_focus = None;
        self.doc = Some(doc);
        self.recovery_timer.clear();
    }

    /// Saves (asking where if needed or if `ask`); returns whether the return was written.
    fn save(&mut self, ask: bool) -> bool {
        let start = self.start_dir();
        let Some(doc) = &self.doc else {
            return false;
        };
        let path = match (&doc.path, ask) {
            (Some(p), false) => p.clone(),
            _ => {
                let suggested = suggested_name(&doc.ret, "ron");
                match self.dialogs.pick_save(start.as_deref(), &suggested) {
                    Some(p) => p,
                    None => {
                        self.status = Some(no_file_chosen("Save", PathPurpose::SaveAs));
                        return false;
                    }
                }
            }
        };
        self.save_to(path)
    }

    /// Writes the return to `path`, which becomes the document's file.
    fn save_to(&mut self, path: PathBuf) -> bool {
        let Some(doc) = &mut self.doc else {
            return false;
        };
        match crate::io::save(&path, &doc.ret) {
            Ok(()) => {
                doc.saved = Some(doc.ret.clone());
                doc.dirty = false;
                doc.path = Some(path.clone());
                self.remove_recovery_copy();
                self.recovery_timer.clear();
                self.prefs.add_recent(&path);
                let invalid = self.buffers.invalid_count();
                self.status = Some(if invalid > 0 {
                    StatusMessage::error(format!(
                        "Saved to {}; {invalid} fields with invalid text were not saved",
                        path.display()
                    ))
                } else {
                    StatusMessage::info(format!("Saved to {}", path.display()))
                });
                true
            }
            Err(e) => {
                self.status = Some(StatusMessage::error(format!("Not saved: {e}")));
                false
            }
        }
    }

    /// Replaces the return with next month's, untitled (the user saves it under a new name; the
    /// current month's draft is never overwritten by accident).
    fn roll_forward(&mut self) {
        let Some(doc) = &self.doc else { return };
        match crate::rollforward::roll_forward(&doc.ret) {
            Ok(next) => {
                let month = next
                    .header
                    .month_end
                    .map(|d| d.format("%B %Y").to_string())
                    .unwrap_or_default();
                let mut doc = Document::new(next, None);
                // Untitled and not saved anywhere yet: closing must ask.
                doc.saved = None;
                doc.dirty = true;
                self.replace_document(doc);
                self.page = Page::I;
                self.status = Some(StatusMessage::info(format!(
                    "Rolled forward to {month}: untitled until saved"
                )));
            }
            Err(e) => {
                self.status = Some(StatusMessage::error(format!("Not rolled forward: {e}")));
            }
        }
    }

    /// Writes the PDF where the user says; the draft itself is not touched. A return with
    /// errors is still exported (the PDF module marks it as a draft).
    fn export_pdf(&mut self) {
        if !PDF_EXPORT_AVAILABLE {
            self.status = Some(StatusMessage::error(
                "PDF export is not available in this build",
            ));
            return;
        }
        let start = self.start_dir();
        let Some(doc) = &self.doc else { return };
        let suggested = suggested_name(&doc.ret, "pdf");
        let Some(path) = self.dialogs.pick_pdf(start.as_deref(), &suggested) else {
            self.status = Some(no_file_chosen("Export PDF", PathPurpose::ExportPdf));
            return;
        };
        self.export_pdf_to(&path);
    }

    fn export_pdf_to(&mut self, path: &Path) {
        let Some(doc) = &self.doc else { return };
        // The figures and findings on screen; recomputed only if the return changed since.
        let analysis = &mut self.analysis;
        analysis.refresh(&doc.ret);
        match crate::pdf::export_to_file(&doc.ret, &analysis.derived, &analysis.findings, path) {
            Ok(()) => {
                let errors = crate::rules::count(&analysis.findings, crate::rules::Severity::Error);
                self.status = Some(StatusMessage::info(format!(
                    "PDF written to {}",
                    path.display()
                )));
                self.prompt = Some(Prompt::Exported {
                    path: path.to_path_buf(),
                    errors,
                });
            }
            Err(e) => {
                self.status = Some(StatusMessage::error(format!("PDF not written: {e}")));
            }
        }
    }

    fn undo(&mut self) {
        let Some(doc) = &mut self.doc else { return };
        match self.history.undo(&doc.ret) {
            Some(prev) => doc.ret = prev,
            None => self.status = Some(StatusMessage::info("Nothing to undo")),
        }
    }

    fn redo(&mut self) {
        let Some(doc) = &mut self.doc else { return };
        match self.history.redo(&doc.ret) {
            Some(next) => doc.ret = next,
            None => self.status = Some(StatusMessage::info("Nothing to redo")),
        }
    }

    fn go_to_page(&mut self, page: Page) {
        self.page = page;
        self.prefs.last_page = page;
    }

    fn start_dir(&self) -> Option<PathBuf> {
        let from_doc = self
            .doc
            .as_ref()
            .and_then(|d| d.path.as_ref())
            .and_then(|p| p.parent().map(Path::to_path_buf));
        from_doc.or_else(|| {
            self.prefs
                .recent
                .first()
                .and_then(|p| p.parent().map(Path::to_path_buf))
        })
    }

    // ---- after the commands ----

    fn after_commands(&mut self, ctx: &egui::Context) {
        let time = ctx.input(|i| i.time);
        if let Some(doc) = &self.doc {
            self.history.feed(time, &doc.ret);
        }
        self.write_recovery_if_due(ctx);
        self.update_title(ctx);
        self.remember_window_size(ctx);
        self.persist_prefs();
        if !self.first_frame_reported {
            self.first_frame_reported = true;
            report_first_frame();
        }
    }

    fn write_recovery_if_due(&mut self, ctx: &egui::Context) {
        let now = Instant::now();
        let Some(doc) = &self.doc else { return };
        if !doc.dirty {
            return;
        }
        if self.recovery_timer.is_due(now) {
            let copy = Recovered {
                path: doc.path.clone(),
                written_at: (self.now)(),
                ret: doc.ret.clone(),
            };
            let Some(slot) = &self.recovery_slot else {
                return;
            };
            match slot.write(&copy) {
                Ok(()) => self.recovery_timer.clear(),
                Err(e) => {
                    // Try again after another interval rather than every frame.
                    self.recovery_timer.clear();
                    self.recovery_timer.changed(now);
                    self.status = Some(StatusMessage::error(format!(
                        "Could not write the recovery copy: {e}"
                    )));
                }
            }
        } else if let Some(left) = self.recovery_timer.remaining(now) {
            ctx.request_repaint_after(left);
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = match &self.doc {
            Some(doc) => format!(
                "{}{} — FF301 Monthly Return",
                doc.file_name(),
                if doc.dirty { " •" } else { "" }
            ),
            None => "FF301 Monthly Return".to_string(),
        };
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    fn remember_window_size(&mut self, ctx: &egui::Context) {
        if let Some(rect) = ctx.input(|i| i.viewport().inner_rect) {
            let size = [rect.width().round(), rect.height().round()];
            if size[0] > 100.0 && size[1] > 100.0 {
                self.prefs.window_size = Some(size);
            }
        }
    }

    /// Writes the preferences when they changed, at most every two seconds (a window resize
    /// changes them every frame).
    fn persist_prefs(&mut self) {
        if self.prefs == self.prefs_written {
            return;
        }
        let now = Instant::now();
        if self
            .prefs_written_at
            .is_some_and(|t| now.duration_since(t) < Duration::from_secs(2))
        {
            return;
        }
        // Preferences are a convenience: a failed write is retried at the next change.
        let _ = self.prefs.save(&self.paths);
        self.prefs_written = self.prefs.clone();
        self.prefs_written_at = Some(now);
    }

    /// A clean exit: preferences written, recovery copy and lock removed.
    fn clean_exit(&mut self) {
        let _ = self.prefs.save(&self.paths);
        self.prefs_written = self.prefs.clone();
        if let Some(slot) = self.recovery_slot.take() {
            slot.release();
        }
    }

    fn remove_recovery_copy(&self) {
        if let Some(slot) = &self.recovery_slot {
            slot.remove_copy();
        }
    }

    /// This editor's recovery copy (tests); `None` without a data folder.
    pub fn recovery_copy_path(&self) -> Option<&std::path::Path> {
        self.recovery_slot.as_ref().map(RecoverySlot::copy_path)
    }
}

#[derive(Debug, Clone, Copy)]
enum UnsavedChoice {
    Save,
    Discard,
    Cancel,
}

impl eframe::App for EditorApp {
    /// Runs even while the window is minimised: the close veto must live here.
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.handle_close_request(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // Only reached once closing was allowed (clean, or changes saved/discarded).
        if self.close_allowed || !self.doc.as_ref().is_some_and(Document::is_dirty) {
            self.clean_exit();
        }
    }
}

/// A menu item for `cmd` with its shortcut, pushing it when clicked.
fn command_button_ui(ui: &mut egui::Ui, cmd: Command, enabled: bool, cmds: &mut Vec<Command>) {
    let mut button = egui::Button::new(cmd.label());
    if let Some(sc) = cmd.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&sc));
    }
    if ui
        .add_enabled(enabled, button)
        .on_hover_text(cmd.tooltip())
        .clicked()
    {
        cmds.push(cmd);
    }
}

fn no_file_chosen(what: &str, purpose: PathPurpose) -> StatusMessage {
    StatusMessage::info(format!(
        "{what}: no file chosen (cancelled, or no file dialog on this system: use File > {})",
        purpose.menu_label()
    ))
}

/// `Issuer-2024-10.ron`.
fn suggested_name(ret: &MonthlyReturn, ext: &str) -> String {
    let issuer: String = ret
        .header
        .issuer_name
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let issuer = issuer.trim_matches('-');
    let issuer = if issuer.is_empty() {
        "monthly-return"
    } else {
        issuer
    };
    match ret.header.month_end {
        Some(d) => format!("{issuer}-{}.{ext}", d.format("%Y-%m")),
        None => format!("{issuer}.{ext}"),
    }
}

/// With `MONTHLY_RETURN_FIRST_FRAME` set, prints the wall-clock time of the first frame (for the
/// start-up benchmark).
fn report_first_frame() {
    if std::env::var_os("MONTHLY_RETURN_FIRST_FRAME").is_some() {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs_f64())
            .unwrap_or_default();
        println!("first-frame {now:.6}");
    }
}

/// Adds a CJK font from the machine (if any) as the last fallback, so Chinese issuer names show.
/// Runs in the background: start-up does not wait for fontconfig, and no font is no error.
fn install_cjk_fallback_font(ctx: &egui::Context) {
    let ctx = ctx.clone();
    let spawned = std::thread::Builder::new()
        .name("cjk-font".into())
        .spawn(move || {
            let Some((path, index)) = find_cjk_font() else {
                return;
            };
            let Ok(bytes) = std::fs::read(&path) else {
                return;
            };
            let mut data = egui::FontData::from_owned(bytes);
            data.index = index;
            let families = [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
                .into_iter()
                .map(|family| egui::epaint::text::InsertFontFamily {
                    family,
                    priority: egui::epaint::text::FontPriority::Lowest,
                })
                .collect();
            ctx.add_font(egui::epaint::text::FontInsert {
                name: "cjk-fallback".into(),
                data,
                families,
            });
            ctx.request_repaint();
        });
    // No thread, no CJK font: the app still runs.
    drop(spawned);
}

/// Asks fontconfig for a font covering Traditional Chinese; `None` if there is none.
fn find_cjk_font() -> Option<(PathBuf, u32)> {
    let out = std::process::Command::new("fc-list")
        .args([":lang=zh-hk", "--format=%{file}|%{index}\\n"])
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut fonts: Vec<(PathBuf, u32)> = text
        .lines()
        .filter_map(|l| {
            let (file, index) = l.split_once('|')?;
            Some((PathBuf::from(file), index.trim().parse().unwrap_or(0)))
        })
        .filter(|(p, _)| {
            let ext = p
                .extension()
                .map(|e| e.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            matches!(ext.as_str(), "ttf" | "otf" | "ttc" | "otc")
        })
        .collect();
    // Prefer a regular sans face for a steady look.
    fonts.sort_by_key(|(p, _)| {
        let name = p.to_string_lossy().to_lowercase();
        (!name.contains("sans"), !name.contains("regular"), name)
    });
    fonts.into_iter().next()
}

/// Starts the editor window (`monthly-return [PATH]`).
pub fn run(open: Option<PathBuf>) -> eframe::Result<()> {
    let config = AppConfig::system(open);
    let prefs = Prefs::load(&config.paths);
    let size = prefs.window_size.unwrap_or([1200.0, 800.0]);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("FF301 Monthly Return")
            .with_app_id("monthly-return")
            .with_inner_size(size)
            .with_min_inner_size([720.0, 480.0]),
        ..Default::default()
    };
    eframe::run_native(
        "monthly-return",
        options,
        Box::new(move |cc| Ok(Box::new(EditorApp::new(&cc.egui_ctx, config)))),
    )
}
