//! The editor shell driven headless through egui_kittest: every input is labelled (the harness's
//! accessibility check runs after each `run`).

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui::{Key, Modifiers, ViewportCommand, ViewportEvent, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use monthly_return::model::{MonthlyReturn, TemplateVersion};
use monthly_return::ui::Page;
use monthly_return::ui::app::{AppConfig, EditorApp};
use monthly_return::ui::dialogs::ScriptedDialogs;
use monthly_return::ui::prefs::AppPaths;

/// A fixed clock: 1 Nov 2024, so the due-date line does not depend on the day the test runs.
use crate::common::editor::{editor_harness, test_config};

struct Setup {
    paths: AppPaths,
    dialogs: ScriptedDialogs,
    interval: Duration,
    open: Option<PathBuf>,
}

impl Setup {
    fn new(dir: &Path) -> Self {
        Setup {
            paths: AppPaths::in_dir(dir),
            dialogs: ScriptedDialogs::default(),
            interval: Duration::from_secs(3600),
            open: None,
        }
    }

    fn harness(&self) -> Harness<'static, EditorApp> {
        self.harness_sized(1200.0, 800.0)
    }

    fn harness_sized(&self, width: f32, height: f32) -> Harness<'static, EditorApp> {
        let config = AppConfig {
            recovery_interval: self.interval,
            open: self.open.clone(),
            ..test_config(self.paths.clone(), &self.dialogs)
        };
        editor_harness(config, [width, height])
    }
}

fn sample_return() -> MonthlyReturn {
    let mut ret = MonthlyReturn::blank();
    ret.header.issuer_name = "Kingsoft Cloud Holdings Limited".into();
    ret.header.month_end = chrono::NaiveDate::from_ymd_opt(2024, 10, 31);
    ret
}

fn root_commands(h: &Harness<'_, EditorApp>) -> Vec<ViewportCommand> {
    h.output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .map(|v| v.commands.clone())
        .unwrap_or_default()
}

fn request_close(h: &mut Harness<'_, EditorApp>) {
    h.input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
}

fn edit_issuer(h: &mut Harness<'_, EditorApp>, name: &str) {
    if let Some(doc) = h.state_mut().document_mut() {
        doc.ret.header.issuer_name = name.into();
    }
    h.run();
}

fn issuer(h: &Harness<'_, EditorApp>) -> String {
    h.state()
        .document()
        .map(|d| d.ret.header.issuer_name.clone())
        .unwrap_or_default()
}

#[test]
fn start_screen_new_return_opens_untitled_blank() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = Setup::new(dir.path()).harness();
    h.get_by_label("New return").click();
    h.run();
    let doc = h.state().document().expect("a document");
    assert_eq!(doc.ret, MonthlyReturn::blank());
    assert!(doc.path.is_none());
    assert!(!doc.is_dirty());
    h.get_by_label("Untitled");
}

#[test]
fn ctrl_page_down_and_up_move_between_pages() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = Setup::new(dir.path()).harness();
    h.state_mut().set_document(sample_return(), None);
    h.run();
    assert_eq!(h.state().page(), Page::I);
    h.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
    h.run();
    assert_eq!(h.state().page(), Page::II);
    h.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
    h.run();
    assert_eq!(h.state().page(), Page::IIIA);
    h.key_press_modifiers(Modifiers::COMMAND, Key::PageUp);
    h.run();
    assert_eq!(h.state().page(), Page::II);
}

#[test]
fn clicking_a_page_in_the_list_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = Setup::new(dir.path()).harness();
    h.state_mut().set_document(sample_return(), None);
    h.run();
    // The entry's name is the title and its counts ("IV. HDR, 0 errors, 0 warnings").
    h.get_by(|n| {
        n.role() == egui::accesskit::Role::Button
            && n.label().is_some_and(|l| l.starts_with(Page::IV.title()))
    })
    .click();
    h.run();
    assert_eq!(h.state().page(), Page::IV);
}

#[test]
fn undo_and_redo_from_the_menu_and_the_keyboard() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = Setup::new(dir.path()).harness();
    h.state_mut().set_document(sample_return(), None);
    h.run();
    edit_issuer(&mut h, "First edit");
    assert!(h.state().document().is_some_and(|d| d.is_dirty()));

    h.get_by_label("Edit").click();
    h.run();
    // Set from outside any widget, the step has no better name than this.
    h.get_by_label("Undo the last change Ctrl+Z").click();
    h.run();
    assert_eq!(issuer(&h), "Kingsoft Cloud Holdings Limited");

    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Redo the last change Ctrl+Shift+Z").click();
    h.run();
    assert_eq!(issuer(&h), "First edit");

    // No text field has focus: the keyboard drives the document history.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(issuer(&h), "Kingsoft Cloud Holdings Limited");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(issuer(&h), "First edit");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(issuer(&h), "First edit");
}

#[test]
fn undo_and_redo_name_the_field_typed_in_and_the_row_added() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = Setup::new(dir.path()).harness();
    h.state_mut().set_document(sample_return(), None);
    h.state_mut().set_page(Page::II);
    h.run();
    let label = "Part II class 1 increase or decrease in issued shares excluding treasury";
    h.get_by_label(label).focus();
    h.run();
    h.get_by_label(label).type_text("250000");
    h.run();
    // Focus leaves the field, so Ctrl+Z is the document's, not the text field's.
    h.key_press(Key::Escape);
    h.run_steps(90);
    h.get_by_label("Edit").click();
    h.run();
    let name =
        "typing in Part II › class block 1 › increase / decrease › issued shares excl. treasury";
    h.get_by_label(&format!("Undo {name} Ctrl+Z")).click();
    h.run();
    let movement = |h: &Harness<'_, EditorApp>| {
        h.state()
            .document()
            .and_then(|d| d.ret.part2.part.blocks[0].movement.excluding_treasury)
    };
    assert_eq!(movement(&h), None);
    h.get_by_label(&format!("Undone: {name}"));
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label(&format!("Redo {name} Ctrl+Shift+Z")).click();
    h.run();
    assert_eq!(movement(&h), Some(250_000));

    h.state_mut().set_page(Page::IIIA);
    h.run();
    h.get_by_label("Part III(A) not applicable").click();
    h.run_steps(90);
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Undo changing III(A) › not applicable Ctrl+Z");
    h.key_press(Key::Escape);
    h.run();
    h.get_by_label("Add class block to part III(A)").click();
    h.run_steps(90);
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Undo add class block to part III(A) Ctrl+Z")
        .click();
    h.run();
    assert!(
        h.state()
            .document()
            .is_some_and(|d| d.ret.part3a.blocks.is_empty())
    );
}

#[test]
fn undo_keeps_at_least_a_hundred_steps() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = Setup::new(dir.path()).harness();
    h.state_mut().set_document(sample_return(), None);
    h.run();
    for i in 0..120 {
        edit_issuer(&mut h, &format!("edit {i}"));
        // A pause longer than the coalescing time closes the step.
        h.run_steps(90);
    }
    for _ in 0..100 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    }
    assert_eq!(issuer(&h), "edit 19");
}

#[test]
fn save_through_the_dialog_and_reopen_gives_the_same_return() {
    let dir = tempfile::tempdir().unwrap();
    let setup = Setup::new(dir.path());
    let file = dir.path().join("kingsoft-2024-10.ron");
    let mut h = setup.harness();
    let mut ret = sample_return();
    ret.template_version = TemplateVersion::V1_2_0;
    h.state_mut().set_document(ret.clone(), None);
    h.run();
    edit_issuer(&mut h, "Kingsoft Cloud Holdings Ltd");
    assert_eq!(
        h.state().window_title(),
        "Untitled • — FF301 Monthly Return"
    );
    ret.header.issuer_name = "Kingsoft Cloud Holdings Ltd".into();

    setup.dialogs.push(Some(file.clone()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(file.exists(), "saved to the path the dialog gave");
    let doc = h.state().document().expect("document");
    assert!(!doc.is_dirty());
    assert_eq!(doc.path.as_deref(), Some(file.as_path()));
    h.get_by_label("kingsoft-2024-10.ron");
    assert_eq!(
        h.state().window_title(),
        "kingsoft-2024-10.ron — FF301 Monthly Return"
    );

    // The first window closes: a draft open in another window would be asked about.
    drop(h);
    let mut reopen = Setup::new(dir.path());
    reopen.open = Some(file.clone());
    let h2 = reopen.harness();
    assert_eq!(h2.state().document().map(|d| &d.ret), Some(&ret));
    assert_eq!(
        h2.state()
            .prefs()
            .recent
            .first()
            .and_then(|p| p.file_name()),
        file.file_name(),
        "the saved file heads the recent list"
    );
}

#[test]
fn cancelled_save_dialog_is_reported_in_the_status_bar() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = Setup::new(dir.path()).harness();
    h.state_mut().set_document(sample_return(), None);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    let msg = h.state().status_message().map(|m| m.text.clone());
    assert!(msg.is_some_and(|m| m.contains("no file chosen")));
}

#[test]
fn closing_with_unsaved_changes_asks_and_cancel_keeps_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = Setup::new(dir.path()).harness();
    h.state_mut().set_document(sample_return(), None);
    h.run();
    edit_issuer(&mut h, "changed");

    request_close(&mut h);
    h.step();
    assert!(root_commands(&h).contains(&ViewportCommand::CancelClose));
    h.run();
    h.get_by_label("Save changes?");
    h.get_by_label("Save");
    h.get_by_label("Discard");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.query_by_label("Save changes?").is_none());
    assert!(!h.state().is_closing());
    assert_eq!(issuer(&h), "changed");

    request_close(&mut h);
    h.step();
    h.run();
    h.get_by_label("Discard").click();
    h.step();
    assert!(root_commands(&h).contains(&ViewportCommand::Close));
    assert!(h.state().is_closing());
}

#[test]
fn new_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = Setup::new(dir.path()).harness();
    h.state_mut().set_document(sample_return(), None);
    h.run();
    edit_issuer(&mut h, "changed");
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(issuer(&h), "changed");
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Discard").click();
    h.run();
    assert_eq!(
        h.state().document().map(|d| &d.ret),
        Some(&MonthlyReturn::blank())
    );
}

#[test]
fn closing_without_changes_does_not_ask() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = Setup::new(dir.path()).harness();
    h.state_mut().set_document(sample_return(), None);
    h.run();
    request_close(&mut h);
    h.step();
    assert!(!root_commands(&h).contains(&ViewportCommand::CancelClose));
    assert!(h.state().is_closing());
}

/// An editor on the sample return with `issuer` typed into it and its recovery copy written
/// (interval zero); returns the harness and the copy's path.
fn editor_with_unsaved_issuer(
    setup: &Setup,
    issuer: &str,
) -> (Harness<'static, EditorApp>, PathBuf) {
    let mut h = setup.harness();
    let copy = copy_path(&h);
    h.state_mut().set_document(sample_return(), None);
    h.run();
    assert!(!copy.exists(), "nothing unsaved yet");
    edit_issuer(&mut h, issuer);
    h.run();
    assert!(copy.exists(), "recovery copy written");
    (h, copy)
}

fn copy_path(h: &Harness<'_, EditorApp>) -> PathBuf {
    h.state()
        .recovery_copy_path()
        .expect("recovery path")
        .to_path_buf()
}

#[test]
fn recovery_file_is_written_after_an_edit_and_offered_on_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut setup = Setup::new(dir.path());
    setup.interval = Duration::ZERO;
    let (h, recovery) = editor_with_unsaved_issuer(&setup, "typed before the crash");
    drop(h); // a crash: no clean exit

    let mut h2 = setup.harness();
    h2.get_by_label("Restore unsaved changes?");
    h2.get_by_label("Restore").click();
    h2.run();
    assert_eq!(issuer(&h2), "typed before the crash");
    assert!(h2.state().document().is_some_and(|d| d.is_dirty()));
    // The crashed editor's copy became this editor's own.
    assert!(!recovery.exists(), "the old copy is gone once restored");
    let recovery = copy_path(&h2);
    assert!(
        recovery.exists(),
        "restored changes are in this editor's copy at once"
    );

    // Saving removes the copy.
    let file = dir.path().join("saved.ron");
    setup.dialogs.push(Some(file.clone()));
    h2.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h2.run();
    assert!(file.exists());
    assert!(!recovery.exists(), "a save removes the recovery copy");
}

#[test]
fn declining_the_recovery_copy_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut setup = Setup::new(dir.path());
    setup.interval = Duration::ZERO;
    let (h, recovery) = editor_with_unsaved_issuer(&setup, "x");
    drop(h);
    let mut h2 = setup.harness();
    h2.get_by_label("Discard").click();
    h2.run();
    assert!(!recovery.exists());
    assert!(h2.state().document().is_none());
}

#[test]
fn two_editors_at_once_keep_separate_copies_and_do_not_offer_each_others() {
    let dir = tempfile::tempdir().unwrap();
    let mut setup = Setup::new(dir.path());
    setup.interval = Duration::ZERO;
    let (first, first_copy) = editor_with_unsaved_issuer(&setup, "first editor");
    // A second editor started while the first runs: nothing to restore, its own copy.
    let second = setup.harness();
    assert_eq!(second.state().prompt_text(), None);
    drop(second);
    let (_second, second_copy) = editor_with_unsaved_issuer(&setup, "second editor");
    assert_ne!(first_copy, second_copy);
    assert!(first_copy.exists() && second_copy.exists());

    // The first crashes; a third editor offers its changes, not the running second's.
    drop(first);
    let mut third = setup.harness();
    third.get_by_label("Restore").click();
    third.run();
    assert_eq!(issuer(&third), "first editor");
    assert!(
        second_copy.exists(),
        "the running editor's copy is left alone"
    );
}

#[test]
fn opening_a_malformed_draft_shows_the_error_and_leaves_the_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("broken.ron");
    let bytes =
        b"(\n    format_version: 1,\n    ret: (\n        header: (issuer_name: 42),\n    ),\n)\n";
    std::fs::write(&bad, bytes).unwrap();
    let setup = Setup::new(dir.path());
    let mut h = setup.harness();
    setup.dialogs.push(Some(bad.clone()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_label("The draft could not be opened");
    let message = h.state().prompt_text().expect("error dialog");
    assert!(message.contains("line "), "{message}");
    assert!(message.contains("column"), "{message}");
    h.get_by_label("OK").click();
    h.run();
    assert!(
        h.state().prompt_text().is_none(),
        "the editor keeps running"
    );
    assert!(h.state().document().is_none());
    assert_eq!(std::fs::read(&bad).unwrap(), bytes, "file untouched");
}

#[test]
fn template_version_is_chosen_from_the_menu_and_undoable() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = Setup::new(dir.path()).harness();
    h.state_mut().set_document(sample_return(), None);
    h.run();
    h.get_by_label("Template").click();
    h.run();
    h.get_by_label("Template v1.2.0").click();
    h.run();
    let version = |h: &Harness<'_, EditorApp>| h.state().document().map(|d| d.ret.template_version);
    assert_eq!(version(&h), Some(TemplateVersion::V1_2_0));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(version(&h), Some(TemplateVersion::V1_1_0));
}

#[test]
fn help_about_names_the_version_templates_and_the_folders_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let setup = Setup::new(dir.path());
    let mut h = setup.harness();
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("About").click();
    h.run();
    assert_eq!(h.state().prompt_text().as_deref(), Some("about"));
    h.get_by_label(&format!("Version {}", env!("CARGO_PKG_VERSION")));
    h.get_by_label("HKEX FF301 Monthly Return for Equity Issuers, templates v1.1.0, v1.2.0");
    let data = setup.paths.data_dir.clone().unwrap();
    let recovery = format!("{}", data.join("recovery-*.ron").display());
    h.get_by_label_contains(&recovery);
    let prefs = setup.paths.prefs_file().unwrap();
    h.get_by_label(&prefs.display().to_string());
    h.get_by_label_contains("standard error");
    h.get_by_label("Close").click();
    h.run();
    assert_eq!(h.state().prompt_text(), None);
}

#[test]
fn preferences_persist_between_runs() {
    let dir = tempfile::tempdir().unwrap();
    let setup = Setup::new(dir.path());
    let mut h = setup.harness();
    h.state_mut().set_document(sample_return(), None);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
    h.run();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Dark theme").click();
    h.run();
    request_close(&mut h);
    h.step();
    drop(h);
    let h2 = setup.harness();
    assert_eq!(h2.state().page(), Page::II);
    assert_eq!(
        h2.state().prefs().theme,
        monthly_return::ui::prefs::ThemePref::Dark
    );
}

#[test]
fn derived_figures_are_recomputed_only_when_the_return_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = Setup::new(dir.path()).harness();
    h.state_mut().set_document(sample_return(), None);
    h.run();
    let before = h.state().analysis_generation();
    h.run_steps(10);
    assert_eq!(h.state().analysis_generation(), before);
    edit_issuer(&mut h, "changed");
    assert_eq!(h.state().analysis_generation(), before + 1);
}

#[test]
fn roll_forward_starts_next_month_as_an_untitled_return() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = Setup::new(dir.path()).harness();
    h.state_mut()
        .set_document(sample_return(), Some(dir.path().join("october.ron")));
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Roll forward to next month").click();
    h.run();
    let doc = h.state().document().expect("document");
    assert_eq!(
        doc.ret.header.month_end,
        chrono::NaiveDate::from_ymd_opt(2024, 11, 30)
    );
    assert!(doc.path.is_none(), "never overwrites October's draft");
    assert!(doc.is_dirty());
}

#[test]
fn clicking_a_finding_shows_its_page_and_focuses_the_field() {
    use monthly_return::model::path::part5;
    let dir = tempfile::tempdir().unwrap();
    let mut h = Setup::new(dir.path()).harness();
    h.state_mut().set_document(sample_return(), None);
    h.run();
    assert_eq!(h.state().page(), Page::I);
    let finding = h
        .state()
        .findings()
        .iter()
        .find(|f| f.path == part5::submitted_by())
        .cloned()
        .expect("a blank return has no signatory");
    let row = monthly_return::ui::findings_panel::finding_row_text(&finding);
    h.get_by_label(&row).scroll_to_me();
    h.run();
    h.get_by_label(&row).click();
    h.run();
    assert_eq!(h.state().page(), Page::V);
    let id = h.state().field_id(&finding.path);
    assert!(
        h.ctx.memory(|m| m.has_focus(id)),
        "the field of the finding has keyboard focus"
    );
}

#[test]
fn the_example_opens_as_an_untitled_copy_and_exports_a_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let setup = Setup::new(dir.path());
    let mut h = setup.harness();
    h.get_by_label("Open the example return").click();
    h.run();
    let doc = h.state().document().expect("example opened");
    assert!(doc.path.is_none(), "an untitled copy");
    assert!(!doc.is_dirty());
    assert_eq!(
        doc.ret.header.issuer_name,
        "Kingsoft Cloud Holdings Limited"
    );

    let pdf = dir.path().join("kingsoft.pdf");
    setup.dialogs.push(Some(pdf.clone()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run();
    let bytes = std::fs::read(&pdf).expect("PDF written");
    assert!(bytes.starts_with(b"%PDF"));

    // The message names the file and offers to open it in the user's viewer.
    h.get_by_label(&pdf.display().to_string());
    h.get_by_label("Open PDF").click();
    h.run();
    assert_eq!(*setup.dialogs.opened.lock().unwrap(), vec![pdf.clone()]);
    assert!(h.query_by_label("Open PDF").is_none(), "the message closes");
}

/// Replaces what the typed-path box holds (it starts with a suggestion) with `path`.
fn replace_path(h: &mut Harness<'_, EditorApp>, path: &Path) {
    h.get_by_label("File path").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("File path")
        .type_text(&path.display().to_string());
    h.run();
}

#[test]
fn a_typed_path_opens_a_draft() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("typed.ron");
    monthly_return::io::save(&file, &sample_return()).unwrap();
    let mut h = Setup::new(dir.path()).harness();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Open path…").click();
    h.run();
    replace_path(&mut h, &file);
    h.get_by_label("Open").click();
    h.run();
    assert_eq!(h.state().document().map(|d| &d.ret), Some(&sample_return()));
}

#[test]
fn typed_paths_save_and_export_when_no_dialog_is_available() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = Setup::new(dir.path()).harness();
    h.state_mut().set_document(sample_return(), None);
    h.run();
    edit_issuer(&mut h, "typed save");

    let file = dir.path().join("typed-save.ron");
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Save to path…").click();
    h.run();
    // The box suggests a name from the issuer and the month.
    let suggested = h.get_by_label("File path").value().unwrap_or_default();
    assert!(suggested.ends_with("typed-save-2024-10.ron"), "{suggested}");
    replace_path(&mut h, &file);
    h.get_by_label("Save").click();
    h.run();
    assert!(h.state().prompt_text().is_none(), "the prompt closes");
    let doc = h.state().document().expect("document");
    assert_eq!(doc.path.as_deref(), Some(file.as_path()));
    assert!(!doc.is_dirty());
    assert_eq!(
        monthly_return::io::load(&file).ok().as_ref(),
        Some(&doc.ret),
        "the typed path holds the return"
    );

    let pdf = dir.path().join("typed.pdf");
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export PDF to path…").click();
    h.run();
    let suggested = h.get_by_label("File path").value().unwrap_or_default();
    assert!(
        suggested.ends_with("typed-save-2024-10.pdf")
            && suggested.starts_with(&*dir.path().to_string_lossy()),
        "next to the draft: {suggested}"
    );
    replace_path(&mut h, &pdf);
    h.get_by_label("Export").click();
    h.run();
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    h.get_by_label("PDF exported");
    h.get_by_label("Close").click();
    h.run();
    assert!(h.state().prompt_text().is_none(), "the message closes");
}

#[test]
fn status_bar_shows_file_state_template_and_due_date() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = Setup::new(dir.path()).harness();
    h.state_mut().set_document(sample_return(), None);
    h.run();
    h.get_by_label("Untitled");
    h.get_by_label("not saved yet");
    h.state_mut()
        .set_document(sample_return(), Some(dir.path().join("kingsoft.ron")));
    h.run();
    h.get_by_label("kingsoft.ron");
    h.get_by_label("saved");
    h.get_by_label("template v1.1.0");
    // 1 Nov 2024 00:00 UTC; due 08:30 HKT on the fifth business day, 7 Nov 2024.
    h.get_by_label_contains("due 07 Nov 2024 08:30 HKT");
    h.get_by_label_contains("left");
    edit_issuer(&mut h, "changed");
    h.get_by_label("unsaved changes");
    if let Some(doc) = h.state_mut().document_mut() {
        doc.ret.header.date_submitted = chrono::NaiveDate::from_ymd_opt(2024, 11, 6);
    }
    h.run();
    h.get_by_label_contains("submitted 06 Nov 2024");
}

/// A mistyped figure ("1,000,00") is kept as typed and is an error everywhere: no figure in the
/// return, a TXT-001 finding in the panel and in the page's count, saved and reopened as typed,
/// and `check` on the saved draft exits 1 naming the field.
#[test]
fn a_mistyped_figure_is_an_error_everywhere_and_survives_save_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let setup = Setup::new(dir.path());
    let file = dir.path().join("mistyped.ron");
    let mut h = setup.harness();
    let mut ret = sample_return();
    ret.part2.part.blocks[0].preceding.treasury = Some(1_000);
    h.state_mut().set_document(ret, None);
    h.run();
    let before = monthly_return::ui::pages::page_counts(Page::II, h.state().findings()).0;
    h.state_mut().set_page(Page::II);
    h.run();
    let label = "Part II class 1 preceding treasury shares";
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(label).type_text("1,000,00");
    h.run();
    h.run();

    let doc = h.state().document().expect("document");
    assert_eq!(doc.ret.part2.part.blocks[0].preceding.treasury, None);
    assert_eq!(
        doc.ret.unparsed.values().collect::<Vec<_>>(),
        vec!["1,000,00"]
    );
    let path = monthly_return::model::path::part2::preceding_treasury(0);
    let finding = h
        .state()
        .findings()
        .iter()
        .find(|f| f.rule == "TXT-001" && f.path == path)
        .cloned()
        .expect("a TXT-001 finding on the field");
    h.get_by_label(&monthly_return::ui::findings_panel::finding_row_text(
        &finding,
    ));
    let after = monthly_return::ui::pages::page_counts(Page::II, h.state().findings()).0;
    assert_eq!(after, before + 1, "the page's error count includes it");

    setup.dialogs.push(Some(file.clone()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(file.exists());

    // The first window closes: a draft open in another window would be asked about.
    drop(h);
    let mut reopen = Setup::new(dir.path());
    reopen.open = Some(file.clone());
    let mut h2 = reopen.harness();
    h2.state_mut().set_page(Page::II);
    h2.run();
    assert_eq!(
        h2.get_by_label(label).value().as_deref(),
        Some("1,000,00"),
        "reopened as typed"
    );

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_monthly-return"))
        .arg("check")
        .arg(&file)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("TXT-001") && stdout.contains("II/class[0]/preceding/treasury"),
        "{stdout}"
    );
}

/// A return that has no file says so, not "saved"; counts take the right number.
#[test]
fn a_new_return_says_it_is_not_saved_yet_and_counts_read_right() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = Setup::new(dir.path()).harness();
    h.get_by_label("New return").click();
    h.run();
    h.get_by_label("not saved yet");
    assert!(h.query_by_label("saved").is_none());
    let errors =
        monthly_return::rules::count(h.state().findings(), monthly_return::rules::Severity::Error);
    let warnings = monthly_return::rules::count(
        h.state().findings(),
        monthly_return::rules::Severity::Warning,
    );
    let plural = |n: usize, noun: &str| {
        if n == 1 {
            format!("1 {noun}")
        } else {
            format!("{n} {noun}s")
        }
    };
    h.get_by_label(&format!(
        "{}, {}",
        plural(errors, "error"),
        plural(warnings, "warning")
    ));
}

/// A draft changed on disk by another program is not overwritten by Save: the user is asked,
/// the other program's file is intact until they choose, and Overwrite then saves.
#[test]
fn saving_over_a_draft_changed_on_disk_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("draft.ron");
    monthly_return::io::save(&file, &sample_return()).unwrap();
    let mut setup = Setup::new(dir.path());
    setup.open = Some(file.clone());
    let mut h = setup.harness();
    h.run();
    edit_issuer(&mut h, "Typed here");
    h.run();

    // Another program rewrites the file.
    let mut theirs = sample_return();
    theirs.header.issuer_name = "Written by another program".into();
    monthly_return::io::save(&file, &theirs).unwrap();

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(
        h.state()
            .prompt_text()
            .is_some_and(|t| t.starts_with("changed on disk")),
        "{:?}",
        h.state().prompt_text()
    );
    h.get_by_label("The draft changed on disk");
    let on_disk = monthly_return::io::load(&file).unwrap();
    assert_eq!(on_disk.header.issuer_name, "Written by another program");
    assert!(h.state().document().is_some_and(|d| d.is_dirty()));

    h.get_by_label("Overwrite").click();
    h.run();
    assert!(h.state().prompt_text().is_none());
    assert_eq!(
        monthly_return::io::load(&file).unwrap().header.issuer_name,
        "Typed here"
    );
    // Saved by us since: the next save does not ask again.
    edit_issuer(&mut h, "Typed again");
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(h.state().prompt_text().is_none());
    assert_eq!(
        monthly_return::io::load(&file).unwrap().header.issuer_name,
        "Typed again"
    );
}

/// A long status message in a 1024-px window ends at the window's edge with an ellipsis, and
/// hovering it shows the whole text.
#[test]
fn a_long_status_message_stays_in_the_window_and_shows_whole_on_hover() {
    let dir = tempfile::tempdir().unwrap();
    let setup = Setup::new(dir.path());
    let mut h = setup.harness_sized(1024.0, 700.0);
    h.state_mut().set_document(sample_return(), None);
    h.run();
    // Save to a folder that does not exist: the reason is long.
    let missing = dir
        .path()
        .join("a-folder-that-does-not-exist-with-a-long-name")
        .join("and-a-draft-with-a-long-name-too.ron");
    setup.dialogs.push(Some(missing));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    let text = h
        .state()
        .status_message()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(text.starts_with("Not saved:"), "{text}");
    let node = h.get_by_label_contains("Not saved:");
    assert!(node.rect().right() <= 1024.0, "{:?}", node.rect());
    // It keeps most of the bar, not the few pixels after the fixed items ("Saved t…").
    assert!(node.rect().width() > 300.0, "{:?}", node.rect());
    let before = h.query_all_by_label(&text).count();
    node.hover();
    h.run();
    assert!(
        h.query_all_by_label(&text).count() > before,
        "the whole message is shown on hover"
    );
}

/// Tells the app its window lost focus, then (a frame later) that it regained it.
fn leave_and_return_to_the_window(h: &mut Harness<'_, EditorApp>, between: impl FnOnce()) {
    h.input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .focused = Some(false);
    h.run();
    between();
    h.input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .focused = Some(true);
    h.run();
}

fn rewrite_issuer_on_disk(file: &Path, name: &str) {
    let mut theirs = sample_return();
    theirs.header.issuer_name = name.into();
    monthly_return::io::save(file, &theirs).unwrap();
}

/// With nothing unsaved here, a draft another program changed is simply reloaded when the
/// user comes back to the window; a deleted one is reported, and Save writes it again.
#[test]
fn coming_back_to_the_window_reloads_a_draft_changed_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("draft.ron");
    monthly_return::io::save(&file, &sample_return()).unwrap();
    let mut setup = Setup::new(dir.path());
    setup.open = Some(file.clone());
    let mut h = setup.harness();
    h.run();
    leave_and_return_to_the_window(&mut h, || {
        rewrite_issuer_on_disk(&file, "Changed by another program")
    });
    assert_eq!(issuer(&h), "Changed by another program");
    assert!(h.state().document().is_some_and(|d| !d.is_dirty()));
    assert_eq!(
        h.state().status_message().map(|m| m.text.as_str()),
        Some("Reloaded “draft.ron”: another program changed it")
    );

    leave_and_return_to_the_window(&mut h, || std::fs::remove_file(&file).unwrap());
    assert_eq!(
        h.state().status_message().map(|m| m.text.as_str()),
        Some("“draft.ron” is no longer on disk (moved or deleted): Save writes it again")
    );
    assert_eq!(issuer(&h), "Changed by another program");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(
        monthly_return::io::load(&file).unwrap().header.issuer_name,
        "Changed by another program"
    );
}

/// With unsaved changes here, coming back to the window after another program changed the
/// draft asks; "Keep editing" keeps this window's return and the file alike, once.
#[test]
fn coming_back_with_unsaved_changes_asks_and_keeps_both_until_told() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("draft.ron");
    monthly_return::io::save(&file, &sample_return()).unwrap();
    let mut setup = Setup::new(dir.path());
    setup.open = Some(file.clone());
    let mut h = setup.harness();
    h.run();
    edit_issuer(&mut h, "Typed here");
    leave_and_return_to_the_window(&mut h, || rewrite_issuer_on_disk(&file, "Theirs"));
    assert_eq!(
        h.state().prompt_text(),
        Some(format!("changed on disk {}", file.display())),
        "{:?}",
        h.state().status_message()
    );
    h.run();
    h.get_by_label("The draft changed on disk");
    h.get_by_label("Keep editing").click();
    h.run();
    assert_eq!(issuer(&h), "Typed here");
    assert_eq!(
        monthly_return::io::load(&file).unwrap().header.issuer_name,
        "Theirs"
    );
    // The same change is not raised again at every focus...
    leave_and_return_to_the_window(&mut h, || {});
    assert!(h.state().prompt_text().is_none());
    // ...but saving still asks before replacing it; Reload then takes theirs.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Reload").click();
    h.run();
    assert_eq!(issuer(&h), "Theirs");
}

/// A draft another running editor has open is not opened a second time without a word.
#[test]
fn opening_a_draft_open_in_another_window_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("draft.ron");
    monthly_return::io::save(&file, &sample_return()).unwrap();
    let mut setup = Setup::new(dir.path());
    setup.open = Some(file.clone());
    let mut first = setup.harness();
    first.run();

    let mut second = setup.harness();
    second.run();
    assert_eq!(
        second.state().prompt_text(),
        Some(format!("open elsewhere {}", file.display()))
    );
    second.get_by_label("Already open in another window");
    second.get_by_label("Cancel").click();
    second.run();
    assert!(second.state().document().is_none());

    drop(second);
    let mut second = setup.harness();
    second.run();
    second.get_by_label("Open here as well").click();
    second.run();
    assert_eq!(issuer(&second), "Kingsoft Cloud Holdings Limited");

    // Once the first window has closed the draft, opening it asks nothing.
    drop(first);
    let mut third = setup.harness();
    third.run();
    assert!(
        third
            .state()
            .prompt_text()
            .is_some_and(|t| t.starts_with("open elsewhere"))
    );
    drop(second);
    let mut fourth = setup.harness();
    fourth.run();
    assert_eq!(fourth.state().prompt_text(), None);
    assert_eq!(issuer(&fourth), "Kingsoft Cloud Holdings Limited");
}

/// F1 in a field opens its help from the form's notes, and typing goes on in the field; a
/// computed cell shows its formula with today's figures on hover.
#[test]
fn f1_explains_the_focused_field_and_a_computed_cell_shows_its_formula() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = Setup::new(dir.path()).harness();
    let mut ret = sample_return();
    ret.part2.part.blocks[0].preceding.excluding_treasury = Some(3_805_284_801);
    ret.part2.part.blocks[0].movement.excluding_treasury = Some(250_000);
    h.state_mut().set_document(ret, None);
    h.state_mut().set_page(Page::II);
    h.run();
    let label = "Part II class 1 increase or decrease in issued shares excluding treasury";
    h.get_by_label(label).focus();
    h.run();
    h.key_press(Key::F1);
    h.run();
    // The help window, beside the Help menu.
    assert_eq!(h.query_all_by_label("Help").count(), 2);
    h.get_by_label("Part II › class block 1 › increase / decrease › issued shares excl. treasury");
    let help = h
        .query_all_by_label_contains("must equal the class's \"Total of AA1 to EE1\"")
        .count();
    assert_eq!(help, 1, "the help text is shown once");
    // The field keeps the keyboard.
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(label).type_text("2500009");
    h.run();
    assert_eq!(
        h.state()
            .document()
            .and_then(|d| d.ret.part2.part.blocks[0].movement.excluding_treasury),
        Some(2_500_009)
    );
    // The window follows the focus to the next field; Escape closes it.
    h.key_press(Key::Tab);
    h.run();
    h.run();
    h.get_by_label("Part II › class block 1 › increase / decrease › treasury shares");
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.query_by_label("Part II › class block 1 › increase / decrease › treasury shares")
            .is_none()
    );
    // Close closes it too.
    h.get_by_label(label).focus();
    h.run();
    h.key_press(Key::F1);
    h.run();
    h.get_by_label("Close").click();
    h.run();
    assert!(
        h.query_by_label(
            "Part II › class block 1 › increase / decrease › issued shares excl. treasury"
        )
        .is_none()
    );

    h.get_by(|n| {
        crate::common::a11y::is_computed(
            n,
            "Part II class 1 closing issued shares excluding treasury",
        )
    })
    .hover();
    h.run_steps(60);
    h.get_by_label("= 3,805,284,801 + 2,500,009");
    h.get_by_label("Balance at close = preceding + increase / decrease");
}

/// A 1024×700 editor on page II of a return with `classes` classes, each with its Part II block.
fn part2_with_classes(dir: &Path, classes: u32) -> Harness<'static, EditorApp> {
    use monthly_return::model::{ClassId, IssuedBlock, ShareClass};
    let mut h = Setup::new(dir).harness_sized(1024.0, 700.0);
    let mut ret = sample_return();
    for n in 2..=classes {
        ret.classes.push(ShareClass::new(ClassId(n)));
        ret.part2.part.blocks.push(IssuedBlock::new(ClassId(n)));
    }
    h.state_mut().set_document(ret, None);
    h.state_mut().set_page(Page::II);
    h.run();
    h
}

/// Tab walks a long page block by block in a small window: blocks below the visible area are
/// drawn near it, so focus reaches each block's fields in order instead of skipping them.
#[test]
fn tab_reaches_every_block_of_a_long_page_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = part2_with_classes(dir.path(), 12);
    let first = |k: usize| format!("Part II class {k} preceding issued shares excluding treasury");
    h.get_by_label(&first(1)).focus();
    h.run();
    let mut reached = vec![1];
    for _ in 0..200 {
        h.key_press(Key::Tab);
        h.run();
        let focused =
            (1..=12).find(|&k| h.query_by_label(&first(k)).is_some_and(|n| n.is_focused()));
        if let Some(k) = focused
            && reached.last() != Some(&k)
        {
            reached.push(k);
        }
        if reached.len() == 12 {
            break;
        }
    }
    assert_eq!(reached, (1..=12).collect::<Vec<_>>());
}

/// A read-only draft is not replaced: Save says so and offers another file, where the return
/// is then written; the read-only file is untouched.
#[test]
fn saving_over_a_read_only_draft_asks_for_another_file() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("filed.ron");
    monthly_return::io::save(&file, &sample_return()).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&file).unwrap();
    let mut setup = Setup::new(dir.path());
    setup.open = Some(file.clone());
    let mut h = setup.harness();
    h.run();
    edit_issuer(&mut h, "Typed here");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.run();
    h.get_by_label("The file is read-only");
    assert_eq!(std::fs::read(&file).unwrap(), before);

    let copy = dir.path().join("copy.ron");
    setup.dialogs.push(Some(copy.clone()));
    h.get_by_label("Choose another file…").click();
    h.run();
    assert!(h.state().prompt_text().is_none());
    assert_eq!(
        monthly_return::io::load(&copy).unwrap().header.issuer_name,
        "Typed here"
    );
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

/// Column headings and notes are small text: readable (11 px), not egui's 9 px.
#[test]
fn small_text_is_readable() {
    let dir = tempfile::tempdir().unwrap();
    let h = Setup::new(dir.path()).harness();
    for theme in [egui::Theme::Light, egui::Theme::Dark] {
        let size = h
            .ctx
            .style_of(theme)
            .text_styles
            .get(&egui::TextStyle::Small)
            .map(|f| f.size);
        assert_eq!(size, Some(11.0));
    }
}

/// Removing a share class that has blocks asks first, saying what goes and what stays; Cancel
/// keeps everything, Remove takes the class and its part I and II blocks.
#[test]
fn removing_a_share_class_with_blocks_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = Setup::new(dir.path()).harness();
    let ret = monthly_return::io::load(Path::new("templates/examples/h-and-a-shares-2025-03.ron"))
        .unwrap();
    let (classes, p1, p2) = (
        ret.classes.len(),
        ret.part1.part.blocks.len(),
        ret.part2.part.blocks.len(),
    );
    h.state_mut().set_document(ret, None);
    h.state_mut().set_page(Page::I);
    h.run();
    let counts = |h: &Harness<'_, EditorApp>| {
        h.state().document().map(|d| {
            (
                d.ret.classes.len(),
                d.ret.part1.part.blocks.len(),
                d.ret.part2.part.blocks.len(),
            )
        })
    };
    h.get_by_label("Remove share class 2").click();
    h.run();
    h.run();
    let question = h
        .query_all_by_label_contains("in parts I and II go with it, figures included")
        .count();
    assert_eq!(question, 1);
    assert_eq!(
        counts(&h),
        Some((classes, p1, p2)),
        "nothing goes before the answer"
    );
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(counts(&h), Some((classes, p1, p2)));

    h.get_by_label("Remove share class 2").click();
    h.run();
    h.run();
    // The dialog's own Remove button is the second node of that name.
    let buttons: Vec<_> = h.query_all_by_label("Remove share class 2").collect();
    assert_eq!(buttons.len(), 2);
    buttons[1].click();
    h.run();
    assert_eq!(counts(&h), Some((classes - 1, p1 - 1, p2 - 1)));
}

/// Whatever Tab lands on (a field, Move up / Remove, Add class block, a check box) is scrolled
/// into the visible part of the page at once.
#[test]
fn tab_scrolls_every_widget_it_reaches_into_view() {
    use egui::accesskit::Role;
    let dir = tempfile::tempdir().unwrap();
    let mut h = part2_with_classes(dir.path(), 5);
    h.get_by_label("Part II class 1 preceding issued shares excluding treasury")
        .focus();
    h.run();
    let visible_bottom = h.get_by_label("Findings").rect().top();
    let mut buttons_seen = 0;
    for _ in 0..60 {
        h.key_press(Key::Tab);
        h.run();
        h.run();
        let focused: Vec<_> = [
            Role::Button,
            Role::TextInput,
            Role::CheckBox,
            Role::ComboBox,
        ]
        .into_iter()
        .flat_map(|role| h.query_all_by_role(role).collect::<Vec<_>>())
        .filter(|n| n.is_focused())
        .map(|n| {
            use egui_kittest::kittest::NodeT as _;
            (n.rect(), n.accesskit_node().label().unwrap_or_default())
        })
        .collect();
        // The findings panel starts with last month's link (or compare) button, then findings.
        if focused.iter().any(|(_, l)| {
            l.starts_with("error  ")
                || l.starts_with("warning  ")
                || l.starts_with("Link last month")
                || l.starts_with("Compare with last month")
        }) {
            break; // past the page, into the findings panel
        }
        for (rect, label) in focused {
            if label.starts_with("Move") || label.starts_with("Remove") || label.starts_with("Add")
            {
                buttons_seen += 1;
            }
            assert!(
                rect.top() >= 0.0 && rect.bottom() <= visible_bottom,
                "{label} focused at {rect:?}, below the page's visible bottom {visible_bottom}"
            );
        }
    }
    assert!(buttons_seen > 3, "Tab reached {buttons_seen} buttons");
}

/// Enter in the typed-path box does what its button does.
#[test]
fn enter_in_the_typed_path_box_opens_the_draft() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("typed.ron");
    monthly_return::io::save(&file, &sample_return()).unwrap();
    let mut h = Setup::new(dir.path()).harness();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Open path…").click();
    h.run();
    replace_path(&mut h, &file);
    h.key_press(Key::Enter);
    h.run();
    h.run();
    assert_eq!(h.state().document().map(|d| &d.ret), Some(&sample_return()));
}

/// At 1024 px the outcome of Save keeps most of the status bar beside the file, due date and
/// template (it was cut to "Saved t…").
#[test]
fn the_outcome_of_a_save_is_readable_in_a_1024_px_status_bar() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kingsoft-cloud-2024-10.ron");
    let ret = monthly_return::io::load(Path::new("templates/examples/kingsoft-cloud-2024-10.ron"))
        .unwrap();
    monthly_return::io::save(&file, &ret).unwrap();
    let mut setup = Setup::new(dir.path());
    setup.open = Some(file.clone());
    let mut h = setup.harness_sized(1024.0, 700.0);
    h.run();
    // With a field holding text, the bar also carries that count.
    if let Some(doc) = h.state_mut().document_mut() {
        let path = monthly_return::model::path::part2::preceding_treasury(0);
        let key = monthly_return::model::RowIndex::new(&doc.ret).key(&path);
        doc.ret.unparsed.insert(key, "abc".into());
    }
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let node = h.get_by_label_contains("Saved to ");
    assert!(node.rect().width() > 300.0, "{:?}", node.rect());
    assert!(node.rect().right() <= 1024.0, "{:?}", node.rect());
}

/// However many findings there are, their panel takes at most a third of the window, so a
/// 720×480 window keeps most of its height for the page.
#[test]
fn the_findings_panel_takes_at_most_a_third_of_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = Setup::new(dir.path()).harness_sized(720.0, 480.0);
    let mut ret = MonthlyReturn::blank();
    for n in 2..=12 {
        use monthly_return::model::{AuthorisedBlock, ClassId, ShareClass};
        ret.classes.push(ShareClass::new(ClassId(n)));
        ret.part1.part.blocks.push(AuthorisedBlock::new(ClassId(n)));
    }
    h.state_mut().set_document(ret, None);
    h.run();
    h.run();
    assert!(h.state().findings().len() > 20);
    let top = h.get_by_label("Findings").rect().top();
    assert!(
        top >= 480.0 - 480.0 / 3.0 - 40.0,
        "findings panel starts at {top}"
    );
}

/// Undoing back to the saved return leaves nothing to recover: the copy goes.
#[test]
fn undoing_back_to_the_saved_return_removes_the_recovery_copy() {
    let dir = tempfile::tempdir().unwrap();
    let mut setup = Setup::new(dir.path());
    setup.interval = Duration::ZERO;
    let (mut h, recovery) = editor_with_unsaved_issuer(&setup, "typed, then undone");
    assert!(recovery.exists());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.run();
    assert!(h.state().document().is_some_and(|d| !d.is_dirty()));
    assert!(!recovery.exists(), "nothing unsaved, no copy");
}
