//! The editor window: the app's state, the frame loop and the eframe glue.
//!
//! Each frame: recompute derived figures and findings if (and only if) the return changed, draw
//! every panel and the prompt on screen (they only push [`Command`]s), then run the commands,
//! then feed the undo history and the crash-recovery timer.
//!
//! The rest of the editor window, one concern per file:
//! - [`ui`](self::ui): drawing the menu bar, page list, page being edited and status bar;
//! - [`prompts`]: drawing the modal prompts (unsaved changes, typed path, restore, …);
//! - [`actions`]: `run(cmd)`, the one place commands are carried out (open, roll forward, undo,
//!   the unsaved-changes guard);
//! - [`files`]: asking where (system dialog, else in-app), saving, exporting the PDF, and the
//!   questions before writing to a chosen path (create folder, replace);
//! - [`file_dialog`]: the in-app file dialog (`egui_file`) as a prompt;
//! - [`upkeep`]: what follows the commands each frame (undo history, recovery copy, window
//!   title, preferences);
//! - [`fonts`]: the CJK fallback font;
//! - [`icon`]: the window icon.

mod actions;
mod announce;
mod file_dialog;
mod files;
mod fonts;
mod form_6k;
mod help_window;
mod icon;
mod keyboard_help;
mod last_month;
mod prompts;
mod ui;
mod upkeep;
mod watch;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use self::actions::Pending;
pub use self::form_6k::{Form6kForm, PROFILE_FILE};
pub use self::keyboard_help::KEYS as KEYBOARD_KEYS;
pub use self::last_month::ImportNote;
use self::prompts::Prompt;
use super::commands::{self, Command};
use super::dialogs::{Dialogs, RfdDialogs};
use super::pages::Page;
use super::prefs::{AppPaths, Prefs, ThemePref};
use super::preview::PrintPreview;
use super::recovery::{self, Orphan, RecoverySlot, RecoveryTimer};
use super::status::StatusMessage;
use super::undo::DocumentHistory;
use crate::calc::{self, Derived};
use crate::model::path::FieldPath;
use crate::model::{MonthlyReturn, RowIndex};
use crate::rules::{self, Finding};

/// The example return offered on the start screen, opened as an untitled copy.
const EXAMPLE: &str = include_str!("../../../templates/examples/kingsoft-cloud-2024-10.ron");

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
    /// Look for a CJK font on the machine for Chinese names. Off in tests: the font arrives
    /// from a background thread at an unknown frame and moves the layout under a click.
    pub system_fonts: bool,
}

impl AppConfig {
    /// The real thing: platform folders, native dialogs, system clock.
    pub fn system(open: Option<PathBuf>) -> Self {
        AppConfig {
            paths: AppPaths::from_system(),
            dialogs: Box::new(RfdDialogs::default()),
            recovery_interval: recovery::DEFAULT_INTERVAL,
            now: Utc::now,
            open,
            system_fonts: true,
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
    /// The file as it was when opened or last saved here, to notice another program's change.
    disk: Option<crate::io::DiskStamp>,
    /// The state on disk last acted upon (asked about, reported) without being taken in, so a
    /// change is raised once, not at every focus.
    noticed: Option<Option<crate::io::DiskStamp>>,
}

impl Document {
    fn new(ret: MonthlyReturn, path: Option<PathBuf>) -> Self {
        Document {
            saved: Some(ret.clone()),
            disk: path.as_deref().and_then(crate::io::disk_stamp),
            ret,
            path,
            dirty: false,
            noticed: None,
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
    /// Row ids by position, for the widgets' identities.
    rows: RowIndex,
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
        self.rows = RowIndex::new(ret);
        self.for_ret = Some(ret.clone());
        self.generation += 1;
        true
    }
}

pub struct EditorApp {
    doc: Option<Document>,
    page: Page,
    pending_focus: Option<FieldPath>,
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
    /// What "Save changes?" → Save was asked before, while the in-app dialog asks where.
    after_save: Option<Pending>,
    /// Set once the user agreed to close; the next close request goes through.
    close_allowed: bool,
    /// The title last sent to the window.
    title: String,
    theme_applied: Option<ThemePref>,
    first_frame_reported: bool,
    /// Whether the window had focus last frame (`None` until the platform says).
    window_focused: Option<bool>,
    /// The draft last written into the recovery lock file for other editors to see.
    announced: Option<Option<PathBuf>>,
    /// The field whose help F1 opened (the help window), if open.
    help: Option<FieldPath>,
    /// The widget that had keyboard focus last frame (a new one is scrolled into view).
    last_focus: Option<egui::Id>,
    /// Whether the central panel shows the print preview instead of the page being edited.
    preview_open: bool,
    preview: PrintPreview,
    /// Whether the central panel shows last month beside this month.
    compare_open: bool,
    /// The comparison with last month and the analysis generation it was made for.
    compare_cache: Option<(u64, crate::last_month::Comparison)>,
    /// Shown above the page after a return was imported from a PDF, until dismissed.
    import_note: Option<ImportNote>,
    /// Bumped whenever another return replaces the open one, so its pages open scrolled to
    /// the top rather than where the last return's were left.
    doc_generation: u64,
    /// The live region's words for errors that appeared or were resolved.
    announcer: announce::Announcer,
    /// Whether Help ▸ Keyboard is open.
    keyboard_help_open: bool,
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
            system_fonts,
        } = config;
        crate::ui::preview::fonts::install(ctx);
        if system_fonts {
            fonts::install_cjk_fallback_font(ctx);
        }
        crate::ui::theme::install_text_sizes(ctx);
        let prefs = Prefs::load(&paths);
        let mut app = EditorApp {
            doc: None,
            page: prefs.last_page,
            pending_focus: None,
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
            after_save: None,
            close_allowed: false,
            title: String::new(),
            theme_applied: None,
            first_frame_reported: false,
            window_focused: None,
            announced: None,
            help: None,
            last_focus: None,
            preview_open: false,
            preview: PrintPreview::default(),
            compare_open: false,
            compare_cache: None,
            import_note: None,
            doc_generation: 0,
            announcer: announce::Announcer::default(),
            keyboard_help_open: false,
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

    /// Whether the print preview is shown.
    pub fn preview_open(&self) -> bool {
        self.preview_open
    }

    /// Shows or hides the print preview (tests, benches; the UI goes through
    /// `Command::PrintPreview`). Only shown with a return open.
    pub fn set_preview_open(&mut self, open: bool) {
        self.preview_open = open && self.doc.is_some();
    }

    /// Whether last month is shown beside this month.
    pub fn compare_open(&self) -> bool {
        self.compare_open
    }

    /// The note shown after an import (what it was, what to review).
    pub fn import_note(&self) -> Option<&ImportNote> {
        self.import_note.as_ref()
    }

    /// The print preview's state (pages laid out, page in view, zoom).
    pub fn preview(&self) -> &PrintPreview {
        &self.preview
    }

    /// Shows `page` (tests, benches; the UI goes through `Command::GoToPage`).
    pub fn set_page(&mut self, page: Page) {
        self.go_to_page(page);
    }

    /// The egui id of the widget editing `path` in the return as last analysed.
    pub fn field_id(&self, path: &FieldPath) -> egui::Id {
        super::widgets::field_id(&self.analysis.rows, path)
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
            Prompt::FileDialog(d) => format!("in-app dialog: {}", d.purpose().action()),
            Prompt::ConfirmWrite { question, path, .. } => match question {
                prompts::WriteQuestion::CreateFolder(folder) => {
                    format!("create folder {}", folder.display())
                }
                prompts::WriteQuestion::Replace => format!("replace {}", path.display()),
            },
            Prompt::Exported { path, errors } => format!("exported {} ({errors})", path.display()),
            Prompt::ChangedOnDisk { path, .. } => {
                format!("changed on disk {}", path.display())
            }
            Prompt::OpenElsewhere { path } => format!("open elsewhere {}", path.display()),
            Prompt::ReadOnly { path, .. } => format!("read-only {}", path.display()),
            Prompt::About => "about".to_string(),
            Prompt::Form6k(form) => format!(
                "form 6-k: {}",
                form.message.as_ref().map_or("", |(_, m)| m.as_str())
            ),
        })
    }

    /// The Form 6-K window's fields, when it is open (tests type into it).
    pub fn form_6k_window_mut(&mut self) -> Option<&mut Form6kForm> {
        match &mut self.prompt {
            Some(Prompt::Form6k(form)) => Some(form),
            _ => None,
        }
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

        let changed = match &mut self.doc {
            Some(doc) => {
                // Rows added last frame get their ids before anything keys on them.
                doc.ret.assign_new_row_ids();
                self.analysis.refresh(&doc.ret)
            }
            None => false,
        };
        if changed {
            self.on_return_changed();
        }
        self.announce_error_changes();

        self.panels_ui(ui, &mut cmds);
        self.help_window_ui(&ctx);
        self.keyboard_help_ui(&ctx);
        self.prompt_ui(&ctx, &mut cmds);

        for cmd in cmds {
            self.run(&ctx, cmd);
        }
        self.forget_after_save_unless_asking();
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
        // Text kept for a row that was removed goes with it (the next frame analyses again).
        doc.ret.prune_unparsed();
        let dirty = doc.saved.as_ref() != Some(&doc.ret);
        doc.dirty = dirty;
        if dirty {
            self.recovery_timer.changed(Instant::now());
        } else {
            // Back to the saved return (undone): the copy holds nothing worth offering.
            if self.recovery_timer.has_written() {
                self.remove_recovery_copy();
            }
            self.recovery_timer.clear();
        }
    }
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

/// Starts the editor window (`monthly-return [PATH]`).
pub fn run(open: Option<PathBuf>) -> eframe::Result<()> {
    let config = AppConfig::system(open);
    let prefs = Prefs::load(&config.paths);
    let size = prefs.window_size.unwrap_or([1200.0, 800.0]);
    // The app id is the desktop entry's name, so a desktop shows this window under its entry.
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(crate::about::APP_NAME)
        .with_app_id(crate::about::APP_ID)
        .with_inner_size(size)
        .with_min_inner_size([720.0, 480.0]);
    if let Some(icon) = icon::window_icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    eframe::run_native(
        "monthly-return",
        options,
        Box::new(move |cc| Ok(Box::new(EditorApp::new(&cc.egui_ctx, config)))),
    )
}
