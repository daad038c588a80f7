//! Last month in the editor, driven headless: the link rolling forward records, live `PREV-*`
//! checks inline and in the findings panel, the compare view, linking and unlinking.

use std::path::{Path, PathBuf};

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use monthly_return::model::LinkKind;
use monthly_return::ui::Page;
use monthly_return::ui::app::{AppConfig, EditorApp};
use monthly_return::ui::dialogs::{Picked, ScriptedDialogs};
use monthly_return::ui::prefs::AppPaths;

use crate::common::editor::{editor_harness, test_config};

const PRECEDING: &str = "Part II class 1 preceding issued shares excluding treasury";

fn example(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("templates/examples")
        .join(name)
}

/// The October 2024 Kingsoft draft copied into `dir`, opened in an editor of `size`.
fn editor_on_kingsoft(
    dir: &Path,
    dialogs: &ScriptedDialogs,
    size: [f32; 2],
) -> (Harness<'static, EditorApp>, PathBuf) {
    let draft = dir.join("kingsoft-2024-10.ron");
    std::fs::copy(example("kingsoft-cloud-2024-10.ron"), &draft).unwrap();
    let config = AppConfig {
        open: Some(draft.clone()),
        ..test_config(AppPaths::in_dir(&dir.join("app")), dialogs)
    };
    let mut h = editor_harness(config, size);
    h.run();
    (h, draft)
}

fn menu(h: &mut Harness<'_, EditorApp>, menu: &str, item: &str) {
    h.get_by_label(menu).click();
    h.run();
    h.get_by_label_contains(item).click();
    h.run();
}

fn prev_findings(h: &Harness<'_, EditorApp>) -> Vec<String> {
    h.state()
        .findings()
        .iter()
        .filter(|f| f.rule.starts_with("PREV-"))
        .map(|f| f.message.clone())
        .collect()
}

fn type_into(h: &mut Harness<'_, EditorApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.get_by_label(label).type_text(text);
    h.run();
    h.key_press(Key::Tab);
    h.run();
}

#[test]
fn a_changed_balance_brought_forward_shows_inline_in_the_findings_and_in_the_compare_view() {
    for size in [[1024.0, 700.0], [1920.0, 1080.0]] {
        let dir = tempfile::tempdir().unwrap();
        let dialogs = ScriptedDialogs::default();
        let (mut h, _) = editor_on_kingsoft(dir.path(), &dialogs, size);
        menu(&mut h, "File", "Roll forward to next month");
        let link = h
            .state()
            .document()
            .and_then(|d| d.ret.last_month.clone())
            .expect("rolling forward links the month");
        assert_eq!(link.source.kind, LinkKind::RolledForward);
        assert_eq!(link.source.file, "kingsoft-2024-10.ron");
        assert!(prev_findings(&h).is_empty());
        h.get_by_label_contains(
            "Balances brought forward checked against month ended 31 October 2024, Kingsoft \
             Cloud Holdings Limited (rolled forward from kingsoft-2024-10.ron)",
        );

        h.state_mut().set_page(Page::II);
        h.run();
        type_into(&mut h, PRECEDING, "3,805,284,800");
        let found = prev_findings(&h);
        assert_eq!(found.len(), 1, "{found:?}");
        let expected = "Number of issued shares (excluding treasury shares) at close of preceding \
            month is 3,805,284,800 but the previous return (month ended 31 October 2024) closed \
            at 3,805,284,801: difference -1";
        assert_eq!(found[0], expected);
        // Under the field, and in the findings panel (its row names the rule and the field).
        assert!(
            h.query_all_by_label(expected).count() >= 1,
            "the message is shown under the field"
        );
        assert_eq!(
            h.query_all_by_role(egui::accesskit::Role::Button)
                .filter(|n| {
                    n.accesskit_node()
                        .label()
                        .is_some_and(|l| l.contains("PREV-003"))
                })
                .count(),
            1,
            "one row in the findings panel"
        );

        // The compare view lists the class whose balance differs, with the difference.
        h.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, Key::M);
        h.run();
        assert!(h.state().compare_open());
        h.get_by_label("1 balance brought forward differs from last month's close.");
        h.get_by_label("differs by -1");
        assert!(h.query_all_by_label("Ordinary shares").count() >= 2);
        assert!(h.query_all_by_label("3,805,284,800").count() >= 1);
        // Go to shows the field.
        let go_to: Vec<_> = h.query_all_by_label("Go to").collect();
        assert!(!go_to.is_empty());
        drop(go_to);
        h.get_by_label("Back to the form").click();
        h.run();
        assert!(!h.state().compare_open());
    }
}

#[test]
fn linking_a_draft_checks_against_it_and_unlinking_is_undoable() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    // November, typed from scratch with one figure wrong: open it, then link October.
    let october = io_load(&example("kingsoft-cloud-2024-10.ron"));
    let mut november = monthly_return::rollforward::roll_forward(&october).unwrap();
    november.last_month = None;
    november.part2.part.blocks[0].preceding.treasury = Some(5);
    let november_path = dir.path().join("kingsoft-2024-11.ron");
    monthly_return::io::save(&november_path, &november).unwrap();
    let october_path = dir.path().join("oct.ron");
    std::fs::copy(example("kingsoft-cloud-2024-10.ron"), &october_path).unwrap();

    let config = AppConfig {
        open: Some(november_path.clone()),
        ..test_config(AppPaths::in_dir(&dir.path().join("app")), &dialogs)
    };
    let mut h = editor_harness(config, [1200.0, 800.0]);
    h.run();
    assert!(
        prev_findings(&h).is_empty(),
        "nothing linked, nothing compared"
    );
    h.get_by_label_contains("Balances brought forward not checked: no last month linked");

    dialogs.push_picked(Picked::Path(october_path.clone()));
    menu(&mut h, "File", "Link last month's return…");
    assert_eq!(dialogs.questions(), ["return"]);
    let found = prev_findings(&h);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("treasury shares"), "{found:?}");
    let status = h
        .state()
        .status_message()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(
        status.starts_with("Linked last month: month ended 31 October 2024")
            && status.contains("1 balance brought forward differs"),
        "{status}"
    );
    let doc = h.state().document().unwrap();
    assert!(doc.is_dirty(), "the link is a change to save");
    assert_eq!(
        doc.ret.last_month.as_ref().map(|l| l.source.kind),
        Some(LinkKind::Draft)
    );

    // Saved and reopened, the link is there even with October's draft gone.
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::S);
    h.run();
    std::fs::remove_file(&october_path).unwrap();
    let reopened = io_load(&november_path);
    assert_eq!(
        reopened.last_month.as_ref().and_then(|l| l.month_end),
        chrono::NaiveDate::from_ymd_opt(2024, 10, 31)
    );

    menu(&mut h, "File", "Unlink last month");
    assert!(prev_findings(&h).is_empty());
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label_contains("Undo unlinking last month's return")
        .click();
    h.run();
    assert_eq!(prev_findings(&h).len(), 1);

    // A file that is not a return is reported and changes nothing.
    let junk = dir.path().join("junk.ron");
    std::fs::write(&junk, "not a draft").unwrap();
    dialogs.push_picked(Picked::Path(junk));
    let before = h.state().document().unwrap().ret.clone();
    menu(&mut h, "File", "Link last month's return…");
    assert_eq!(h.state().document().unwrap().ret, before);
    let status = h
        .state()
        .status_message()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(status.starts_with("Last month not linked:"), "{status}");
    assert!(status.contains("junk.ron"), "{status}");
}

#[test]
fn the_compare_view_without_a_link_offers_to_link_one() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let (mut h, _) = editor_on_kingsoft(dir.path(), &dialogs, [1024.0, 700.0]);
    menu(&mut h, "View", "Compare with last month");
    assert!(h.state().compare_open());
    h.get_by_label_contains("No last month is linked to this return.");
    // Cancelled: nothing changes.
    h.get_by_label("Link last month's draft or PDF…").click();
    h.run();
    assert_eq!(dialogs.questions(), ["return"]);
    assert!(h.state().document().unwrap().ret.last_month.is_none());
}

fn io_load(path: &Path) -> monthly_return::model::MonthlyReturn {
    monthly_return::io::load(path).unwrap()
}

/// The compare view fits every window width users have: no text or button runs past the
/// window's right edge (the class goes on its own line when the columns leave it too little).
#[test]
fn the_compare_view_fits_windows_from_720_to_2560_px() {
    use egui::accesskit::Role;
    use egui_kittest::kittest::NodeT as _;
    for width in [720.0, 1024.0, 1920.0, 2560.0] {
        let dir = tempfile::tempdir().unwrap();
        let dialogs = ScriptedDialogs::default();
        let march = io_load(&example("h-and-a-shares-2025-03.ron"));
        let mut april = monthly_return::rollforward::roll_forward(&march).unwrap();
        april.part2.part.blocks[0].preceding.treasury = Some(123_456_789_012);
        let path = dir.path().join("april.ron");
        monthly_return::io::save(&path, &april).unwrap();
        let config = AppConfig {
            open: Some(path),
            ..test_config(AppPaths::in_dir(&dir.path().join("app")), &dialogs)
        };
        let mut h = editor_harness(config, [width, 4000.0]);
        h.run();
        h.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, Key::M);
        h.run();
        assert!(h.state().compare_open());
        let mut checked = 0;
        for role in [Role::Label, Role::Button] {
            for node in h.query_all_by_role(role) {
                let label = node.accesskit_node().label().unwrap_or_default();
                let rect = node.rect();
                assert!(
                    rect.right() <= width + 0.5,
                    "{width} px: {label:?} ends at {}",
                    rect.right()
                );
                checked += 1;
            }
        }
        assert!(checked > 40, "{checked} nodes");
        h.get_by_label("differs by +123,454,389,012");
    }
}

fn reference_pdf() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/reference/ff301-v1.2.0-moon-inc-2026-01.pdf")
}

/// File › Import published return… opens the HKEX PDF as an untitled draft with a note; File ›
/// Roll forward from a published return… gives February, linked to January's PDF.
#[test]
fn a_published_return_is_imported_and_rolled_forward_from() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let config = test_config(AppPaths::in_dir(&dir.path().join("app")), &dialogs);
    let mut h = editor_harness(config, [1024.0, 700.0]);
    h.run();

    dialogs.push_picked(Picked::Path(reference_pdf()));
    h.get_by_label("Import published return…").click();
    h.run();
    assert_eq!(dialogs.questions(), ["published"]);
    let doc = h.state().document().expect("the import is open");
    assert!(doc.path.is_none(), "untitled until saved");
    assert!(doc.is_dirty(), "closing must ask");
    assert_eq!(doc.ret.header.issuer_name, "Moon Inc.");
    assert_eq!(
        doc.ret.header.month_end,
        chrono::NaiveDate::from_ymd_opt(2026, 1, 31)
    );
    let note = h
        .state()
        .import_note()
        .cloned()
        .expect("a note about the import");
    assert!(
        note.title.contains(
            "Imported January 2026 from the published return ff301-v1.2.0-moon-inc-2026-01.pdf"
        ),
        "{}",
        note.title
    );
    h.get_by_label_contains("Imported January 2026 from the published return");
    h.get_by_label("Hide this note").click();
    h.run();
    assert!(h.state().import_note().is_none());

    // Replacing the unsaved import asks first; discard, then roll forward from the PDF.
    dialogs.push_picked(Picked::Path(reference_pdf()));
    menu(&mut h, "File", "Roll forward from a published return…");
    h.get_by_label("Discard").click();
    h.run();
    let doc = h.state().document().expect("February");
    assert_eq!(
        doc.ret.header.month_end,
        chrono::NaiveDate::from_ymd_opt(2026, 2, 28)
    );
    let link = doc.ret.last_month.as_ref().expect("linked to January");
    assert_eq!(link.source.kind, LinkKind::PublishedPdf);
    assert_eq!(link.source.file, "ff301-v1.2.0-moon-inc-2026-01.pdf");
    assert!(prev_findings(&h).is_empty(), "{:?}", prev_findings(&h));
    h.get_by_label_contains("Rolled forward to February 2026 from the published return");

    // A file that is not a PDF return is refused with its name; the return stays.
    let junk = dir.path().join("not-a-return.pdf");
    std::fs::write(&junk, b"%PDF-1.7\n garbage").unwrap();
    let before = h.state().document().unwrap().ret.clone();
    dialogs.push_picked(Picked::Path(junk));
    menu(&mut h, "File", "Link last month's return…");
    assert_eq!(h.state().document().unwrap().ret, before);
    let status = h
        .state()
        .status_message()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(
        status.starts_with("Last month not linked:") && status.contains("not-a-return.pdf"),
        "{status}"
    );
}

/// "Discard" means the changes are gone: rolling forward after it starts from the return as
/// saved, and a file dialog cancelled after it leaves the saved return on screen, not the
/// discarded one marked as saved.
#[test]
fn discarded_changes_are_neither_rolled_forward_nor_left_on_screen() {
    const MOVEMENT: &str =
        "Part II class 1 increase or decrease in issued shares excluding treasury";
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let (mut h, _) = editor_on_kingsoft(dir.path(), &dialogs, [1200.0, 800.0]);
    h.state_mut().set_page(Page::II);
    h.run();
    type_into(&mut h, MOVEMENT, "1000");
    assert!(h.state().document().unwrap().is_dirty());
    menu(&mut h, "File", "Roll forward to next month");
    h.get_by_label("Discard").click();
    h.run();
    let doc = h.state().document().unwrap();
    assert_eq!(
        doc.ret.header.month_end,
        chrono::NaiveDate::from_ymd_opt(2024, 11, 30)
    );
    assert_eq!(
        doc.ret.part2.part.blocks[0].preceding.excluding_treasury,
        Some(3_805_284_801),
        "November starts from October as saved"
    );

    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = editor_on_kingsoft(dir.path(), &dialogs, [1200.0, 800.0]);
    h.state_mut().set_page(Page::II);
    h.run();
    type_into(&mut h, MOVEMENT, "1000");
    // Import…, Discard, then the file dialog is cancelled (the scripted dialogs' default).
    menu(&mut h, "File", "Import published return…");
    h.get_by_label("Discard").click();
    h.run();
    let doc = h.state().document().unwrap();
    assert_eq!(
        doc.ret.part2.part.blocks[0].movement.excluding_treasury,
        None
    );
    assert!(!doc.is_dirty());
    let saved = io_load(&dir.path().join("kingsoft-2024-10.ron"));
    assert_eq!(doc.ret, saved);
}
