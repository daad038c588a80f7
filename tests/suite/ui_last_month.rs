//! Last month in the editor, driven headless: the link rolling forward records, live `PREV-*`
//! checks inline and in the findings panel, the compare view, linking and unlinking.

use std::path::{Path, PathBuf};

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
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
            h.query_all_by_label_contains("PREV-003").count(),
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
