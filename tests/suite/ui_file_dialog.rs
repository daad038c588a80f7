//! Files without a system file dialog: the in-app dialog opens, saves and exports, suggests the
//! name, knows `~`, offers to create a missing folder and asks before replacing a file; Ctrl+S
//! on a return that has a file never asks. Driven headless through egui_kittest; the system
//! dialog is a `ScriptedDialogs` that answers "unavailable".

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use monthly_return::model::MonthlyReturn;
use monthly_return::ui::app::EditorApp;
use monthly_return::ui::dialogs::ScriptedDialogs;
use monthly_return::ui::prefs::AppPaths;

const SUGGESTED: &str = "Kingsoft-Cloud-Holdings-Limited-2024-10";

use crate::common::editor::{editor_harness, test_config};

fn sample_return() -> MonthlyReturn {
    let mut ret = MonthlyReturn::blank();
    ret.header.issuer_name = "Kingsoft Cloud Holdings Limited".into();
    ret.header.month_end = chrono::NaiveDate::from_ymd_opt(2024, 10, 31);
    ret
}

/// A temporary folder with `home/` (what `~` means, where dialogs start) and the editor's own
/// folders under `app/`.
struct World {
    _tmp: tempfile::TempDir,
    root: PathBuf,
    home: PathBuf,
}

impl World {
    fn new() -> Self {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().to_path_buf();
        let home = root.join("home");
        std::fs::create_dir_all(&home).unwrap();
        World {
            _tmp: tmp,
            root,
            home,
        }
    }

    /// An editor on a system with no file dialog.
    fn editor(&self) -> (Harness<'static, EditorApp>, ScriptedDialogs) {
        let dialogs = ScriptedDialogs::unavailable(&self.home);
        (self.editor_with(&dialogs), dialogs)
    }

    fn editor_with(&self, dialogs: &ScriptedDialogs) -> Harness<'static, EditorApp> {
        let config = test_config(AppPaths::in_dir(&self.root.join("app")), dialogs);
        editor_harness(config, [1200.0, 800.0])
    }
}

fn prompt(h: &Harness<'_, EditorApp>) -> Option<String> {
    h.state().prompt_text()
}

fn status(h: &Harness<'_, EditorApp>) -> String {
    h.state()
        .status_message()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

fn doc_path(h: &Harness<'_, EditorApp>) -> Option<PathBuf> {
    h.state().document().and_then(|d| d.path.clone())
}

/// Replaces the text of the box labelled `label` with `text`.
fn retype(h: &mut Harness<'_, EditorApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(label).type_text(text);
    h.run();
}

fn click(h: &mut Harness<'_, EditorApp>, label: &str) {
    h.get_by_role_and_label(Role::Button, label).click();
    h.run();
}

/// The row of a file in the dialog's list.
fn file_row(name: &str) -> String {
    format!("🗋 {name}")
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn with_no_system_dialog_ctrl_o_opens_the_in_app_dialog_and_the_chosen_draft() {
    let world = World::new();
    let draft = world.home.join("october.ron");
    monthly_return::io::save(&draft, &sample_return()).unwrap();
    std::fs::write(world.home.join("notes.txt"), "not a draft").unwrap();
    let (mut h, dialogs) = world.editor();

    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert_eq!(prompt(&h).as_deref(), Some("in-app dialog: Open"));
    assert_eq!(
        dialogs.questions(),
        vec!["open"],
        "the system was asked first"
    );
    h.get_by_label_contains("Open a monthly return draft");
    assert_eq!(
        h.get_by_label("Folder").value().as_deref(),
        Some(&*world.home.to_string_lossy()),
        "starts at home when no draft was opened before"
    );
    assert!(
        h.query_by_label(&file_row("notes.txt")).is_none(),
        "only drafts are listed"
    );

    h.get_by_label(&file_row("october.ron")).click();
    h.run();
    click(&mut h, "Open");
    assert_eq!(prompt(&h), None, "the dialog closes");
    assert_eq!(doc_path(&h), Some(draft));
    assert_eq!(h.state().document().map(|d| &d.ret), Some(&sample_return()));
}

#[test]
fn with_no_system_dialog_save_on_an_untitled_return_suggests_the_name_and_saves_there() {
    let world = World::new();
    let (mut h, _) = world.editor();
    h.state_mut().set_document(sample_return(), None);
    h.run();

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(prompt(&h).as_deref(), Some("in-app dialog: Save"));
    h.get_by_label_contains("Save the monthly return draft");
    let name = format!("{SUGGESTED}.ron");
    assert_eq!(h.get_by_label("File name").value(), Some(name.clone()));

    click(&mut h, "Save");
    let file = world.home.join(&name);
    assert_eq!(prompt(&h), None);
    assert_eq!(doc_path(&h), Some(file.clone()));
    assert!(h.state().document().is_some_and(|d| !d.is_dirty()));
    assert_eq!(
        monthly_return::io::load(&file).unwrap(),
        sample_return(),
        "the return is in the suggested file"
    );
}

#[test]
fn with_no_system_dialog_export_starts_in_the_drafts_folder_and_writes_the_pdf() {
    let world = World::new();
    let folder = world.home.join("returns");
    std::fs::create_dir_all(&folder).unwrap();
    let draft = folder.join("october.ron");
    monthly_return::io::save(&draft, &sample_return()).unwrap();
    std::fs::write(folder.join("september.pdf"), b"%PDF-1.7").unwrap();
    let (mut h, _) = world.editor();
    h.state_mut().set_document(sample_return(), Some(draft));
    h.run();

    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run();
    assert_eq!(prompt(&h).as_deref(), Some("in-app dialog: Export"));
    assert_eq!(
        h.get_by_label("Folder").value().as_deref(),
        Some(&*folder.to_string_lossy()),
        "starts in the draft's folder"
    );
    let name = format!("{SUGGESTED}.pdf");
    assert_eq!(h.get_by_label("File name").value(), Some(name.clone()));
    h.get_by_label(&file_row("september.pdf"));
    assert!(
        h.query_by_label(&file_row("october.ron")).is_none(),
        "only PDFs are listed to export"
    );

    click(&mut h, "Export");
    let pdf = folder.join(&name);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    assert!(
        prompt(&h).is_some_and(|p| p.starts_with(&format!("exported {}", pdf.display()))),
        "{:?}",
        prompt(&h)
    );
    h.get_by_label("PDF exported");
}

#[test]
fn a_missing_folder_typed_with_a_tilde_is_offered_created_and_the_draft_written() {
    let world = World::new();
    let (mut h, _) = world.editor();
    h.state_mut().set_document(sample_return(), None);
    h.run();

    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    retype(&mut h, "File name", "~/returns/2024/october");
    click(&mut h, "Save");
    let folder = world.home.join("returns").join("2024");
    assert_eq!(
        prompt(&h),
        Some(format!("create folder {}", folder.display()))
    );
    h.get_by_label("Create folder?");
    assert!(!folder.exists(), "nothing is created before the answer");

    click(&mut h, "Create");
    let file = folder.join("october.ron");
    assert_eq!(prompt(&h), None);
    assert_eq!(doc_path(&h), Some(file.clone()), "`.ron` added to the name");
    assert_eq!(monthly_return::io::load(&file).unwrap(), sample_return());
}

#[test]
fn a_missing_folder_in_a_typed_path_is_offered_too_and_a_failure_names_path_and_reason() {
    let world = World::new();
    let (mut h, _) = world.editor();
    h.state_mut().set_document(sample_return(), None);
    h.run();
    let open_typed_box = |h: &mut Harness<'_, EditorApp>| {
        h.get_by_label("File").click();
        h.run();
        h.get_by_label("Export PDF to path…").click();
        h.run();
    };

    open_typed_box(&mut h);
    let pdf = world.home.join("new").join("october.pdf");
    retype(&mut h, "File path", "~/new/october.pdf");
    click(&mut h, "Export");
    h.get_by_label("Create folder?");
    click(&mut h, "Create");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    click(&mut h, "Close");

    // A folder that cannot be made: a file stands where it would go.
    std::fs::write(world.home.join("blocked"), "a file").unwrap();
    open_typed_box(&mut h);
    retype(&mut h, "File path", "~/blocked/sub/october.pdf");
    click(&mut h, "Export");
    click(&mut h, "Create");
    let text = status(&h);
    let folder = world.home.join("blocked").join("sub");
    assert!(
        text.starts_with("PDF not written: the folder")
            && text.contains(&*folder.to_string_lossy())
            && text.contains("ot a directory"),
        "{text}"
    );
}

#[test]
fn cancel_in_the_dialog_or_at_create_folder_writes_nothing() {
    let world = World::new();
    let (mut h, _) = world.editor();
    h.state_mut().set_document(sample_return(), None);
    h.run();

    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    h.get_by_label("File name");
    click(&mut h, "Cancel");
    assert_eq!(prompt(&h), None, "the dialog closes");
    assert_eq!(files_in(&world.home), Vec::<String>::new());
    assert_eq!(doc_path(&h), None);

    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    retype(&mut h, "File name", "drafts/october.ron");
    click(&mut h, "Save");
    h.get_by_label("Create folder?");
    click(&mut h, "Cancel");
    assert_eq!(prompt(&h), None);
    assert_eq!(
        files_in(&world.home),
        Vec::<String>::new(),
        "no folder made"
    );
    assert_eq!(doc_path(&h), None);
    assert!(status(&h).contains("does not exist"), "{}", status(&h));
}

#[test]
fn another_existing_file_is_replaced_only_when_the_user_says_so() {
    let world = World::new();
    let other = world.home.join("other.ron");
    let mut theirs = sample_return();
    theirs.header.issuer_name = "Another issuer".into();
    monthly_return::io::save(&other, &theirs).unwrap();
    let (mut h, _) = world.editor();
    h.state_mut().set_document(sample_return(), None);
    h.run();

    for answer in ["Cancel", "Replace"] {
        h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
        h.run();
        h.get_by_label(&file_row("other.ron")).click();
        h.run();
        assert_eq!(
            h.get_by_label("File name").value().as_deref(),
            Some("other.ron")
        );
        click(&mut h, "Save");
        h.get_by_label("Replace the file?");
        assert_eq!(monthly_return::io::load(&other).unwrap(), theirs);
        click(&mut h, answer);
    }
    assert_eq!(monthly_return::io::load(&other).unwrap(), sample_return());
    assert_eq!(doc_path(&h), Some(other));
}

#[test]
fn ctrl_s_on_a_return_with_a_file_saves_without_any_dialog() {
    let world = World::new();
    let file = world.home.join("october.ron");
    monthly_return::io::save(&file, &sample_return()).unwrap();
    let (mut h, dialogs) = world.editor();
    h.state_mut()
        .set_document(sample_return(), Some(file.clone()));
    h.run();
    if let Some(doc) = h.state_mut().document_mut() {
        doc.ret.header.issuer_name = "Changed".into();
    }
    h.run();

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(prompt(&h), None, "no dialog, no question");
    assert!(dialogs.questions().is_empty(), "{:?}", dialogs.questions());
    assert_eq!(
        monthly_return::io::load(&file).unwrap().header.issuer_name,
        "Changed"
    );
    assert!(h.state().document().is_some_and(|d| !d.is_dirty()));
}

#[test]
fn the_built_in_dialog_preference_skips_the_system_dialog() {
    let world = World::new();
    // A system that has a dialog: it would answer with this file.
    let dialogs = ScriptedDialogs {
        home: Some(world.home.clone()),
        ..ScriptedDialogs::default()
    };
    dialogs.push(Some(world.home.join("from-the-system-dialog.ron")));
    let mut h = world.editor_with(&dialogs);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Built-in file dialog").click();
    h.run();
    assert!(h.state().prefs().built_in_file_dialog);

    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert_eq!(prompt(&h).as_deref(), Some("in-app dialog: Open"));
    assert!(dialogs.questions().is_empty(), "the system was not asked");
}

#[test]
fn a_folder_typed_with_a_tilde_in_the_folder_box_is_gone_into() {
    let world = World::new();
    let folder = world.home.join("2024");
    std::fs::create_dir_all(&folder).unwrap();
    let (mut h, _) = world.editor();
    h.state_mut().set_document(sample_return(), None);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run();
    retype(&mut h, "Folder", "~/2024");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        h.get_by_label("Folder").value().as_deref(),
        Some(&*folder.to_string_lossy())
    );
    assert_eq!(
        h.get_by_label("File name").value(),
        Some(format!("{SUGGESTED}.pdf"))
    );
}

#[test]
fn save_in_save_changes_waits_for_the_in_app_dialog_then_quits() {
    let world = World::new();
    let (mut h, _) = world.editor();
    h.state_mut().set_document(sample_return(), None);
    h.run();
    if let Some(doc) = h.state_mut().document_mut() {
        doc.ret.header.issuer_name = "Kingsoft Cloud Holdings Ltd".into();
    }
    h.run();

    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    click(&mut h, "Save");
    assert_eq!(prompt(&h).as_deref(), Some("in-app dialog: Save"));
    assert!(!h.state().is_closing(), "not before the draft is saved");
    click(&mut h, "Save");
    assert!(
        world
            .home
            .join("Kingsoft-Cloud-Holdings-Ltd-2024-10.ron")
            .exists()
    );
    assert!(h.state().is_closing(), "then it quits, as asked");
}

#[test]
fn the_editor_under_the_dialog_takes_no_clicks_or_shortcuts() {
    let world = World::new();
    let (mut h, _) = world.editor();
    h.state_mut().set_document(sample_return(), None);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run();

    h.get_by_label("File").click();
    h.run();
    assert!(
        h.query_by_label("Save to path…").is_none(),
        "the menu does not open under the dialog"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert_eq!(prompt(&h).as_deref(), Some("in-app dialog: Export"));
    assert_eq!(
        h.state().document().map(|d| &d.ret),
        Some(&sample_return()),
        "Ctrl+N did not replace the return"
    );
}

/// The in-app Save dialog opens with the keyboard in the file name box: Enter saves under the
/// suggested name without touching the mouse.
#[test]
fn enter_in_the_in_app_save_dialog_saves_under_the_suggested_name() {
    let world = World::new();
    let (mut h, _) = world.editor();
    h.state_mut().set_document(sample_return(), None);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.run();
    assert!(h.get_by_label("File name").is_focused());
    h.key_press(Key::Enter);
    h.run();
    h.run();
    let file = world.home.join(format!("{SUGGESTED}.ron"));
    assert_eq!(prompt(&h), None);
    assert_eq!(doc_path(&h), Some(file));
}
