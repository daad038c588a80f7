//! The print preview driven headless through egui_kittest: the pages it paints are the PDF's
//! pages (same count, same text runs per page as read back from the exported PDF), it follows
//! edits of the return, and it exports from its toolbar.

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use monthly_return::model::MonthlyReturn;
use monthly_return::pdf::page_texts;
use monthly_return::ui::app::EditorApp;
use monthly_return::ui::dialogs::ScriptedDialogs;
use monthly_return::ui::prefs::AppPaths;

use crate::common;

use crate::common::editor::{editor_harness, test_config};

fn harness(dir: &Path, dialogs: &ScriptedDialogs) -> Harness<'static, EditorApp> {
    editor_harness(test_config(AppPaths::in_dir(dir), dialogs), [1200.0, 800.0])
}

fn example(name: &str) -> MonthlyReturn {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("templates/examples")
        .join(name);
    monthly_return::io::load(&path).unwrap_or_else(|e| panic!("{e}"))
}

fn examples() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("templates/examples");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ron"))
        // The Form 6-K profile beside the example drafts is not a return.
        .filter(|n| !n.ends_with("-6k-profile.ron"))
        .collect();
    names.sort();
    names
}

fn open_preview(h: &mut Harness<'_, EditorApp>) {
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run();
    assert!(h.state().preview_open(), "Ctrl+Shift+P opens the preview");
}

/// Walks the preview from its first page with Page Down and compares every page's text runs
/// (its accessibility node) with the runs read back from the PDF of `ret`. Returns the pages.
fn assert_preview_is_the_pdf(
    h: &mut Harness<'_, EditorApp>,
    ret: &MonthlyReturn,
    what: &str,
) -> Vec<String> {
    let pdf = common::export(ret).unwrap();
    let printed = page_texts(&pdf).unwrap();
    let n = printed.len();
    assert!(n > 1, "{what}: the PDF has pages");
    h.key_press(Key::Home);
    h.run();
    let mut shown = Vec::new();
    for (i, runs) in printed.iter().enumerate() {
        h.get_by_label(&format!("Page {} of {n}", i + 1));
        let label = format!("Printed page {} of {n}", i + 1);
        let text = h.get_by_label(&label).value().unwrap_or_default();
        assert_eq!(text, runs.join("\n"), "{what}: page {} of {n}", i + 1);
        shown.push(text);
        h.key_press(Key::PageDown);
        h.run();
    }
    // Page Down on the last page stays there: the preview has no page the PDF has not.
    h.get_by_label(&format!("Page {n} of {n}"));
    assert_eq!(h.state().preview().page_count(), Some(n), "{what}");
    shown
}

#[test]
fn ui_preview_pages_are_the_pdf_pages_of_every_example() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), &ScriptedDialogs::default());
    let names = examples();
    assert!(names.len() >= 3, "{names:?}");
    for (i, name) in names.iter().enumerate() {
        let ret = example(name);
        h.state_mut().set_document(ret.clone(), None);
        h.run();
        if i == 0 {
            open_preview(&mut h);
        }
        assert_preview_is_the_pdf(&mut h, &ret, name);
    }
}

#[test]
fn ui_preview_follows_an_edited_figure_and_shows_the_draft_mark() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), &ScriptedDialogs::default());
    let ret = example("kingsoft-cloud-2024-10.ron");
    h.state_mut().set_document(ret.clone(), None);
    h.run();
    open_preview(&mut h);
    let before = assert_preview_is_the_pdf(&mut h, &ret, "as filed");
    assert!(
        !before.iter().any(|p| p.contains("DRAFT")),
        "no errors, no mark"
    );
    let layouts = h.state().preview().layouts();
    h.run();
    assert_eq!(
        h.state().preview().layouts(),
        layouts,
        "not laid out again unchanged"
    );

    // A figure changed: the closing balance moves and the preview shows it.
    let mut edited = ret.clone();
    edited.part2.part.blocks[0].movement.excluding_treasury = Some(1_000_000);
    h.state_mut().document_mut().unwrap().ret = edited.clone();
    h.run();
    assert!(h.state().preview().layouts() > layouts, "laid out again");
    let after = assert_preview_is_the_pdf(&mut h, &edited, "edited");
    assert_ne!(before, after);
    assert!(
        after.iter().any(|p| p.contains("3,806,284,801")),
        "{after:#?}"
    );

    // A figure that breaks a check: every page carries the draft mark, as in the PDF.
    let mut broken = edited.clone();
    broken.part2.part.blocks[0].preceding.excluding_treasury = Some(-5);
    h.state_mut().document_mut().unwrap().ret = broken.clone();
    h.run();
    let marked = assert_preview_is_the_pdf(&mut h, &broken, "broken");
    assert!(
        marked.iter().all(|p| p.contains("DRAFT \u{2014}")),
        "{marked:#?}"
    );
}

#[test]
fn ui_preview_exports_from_its_toolbar_and_closes_with_escape() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(dir.path(), &dialogs);
    h.get_by_label("Open the example return").click();
    h.run();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label_contains("Print preview").click();
    h.run();
    assert!(h.state().preview_open(), "View ▸ Print preview opens it");

    // Ctrl+Page Down moves the printed page while the preview shows.
    h.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
    h.run();
    assert_eq!(h.state().preview().current_page(), 1);
    assert_eq!(
        h.state().page(),
        monthly_return::ui::Page::I,
        "the form page stays"
    );

    let pdf = dir.path().join("from-preview.pdf");
    dialogs.push(Some(pdf.clone()));
    h.get_by_label("Export PDF…").click();
    h.run();
    let bytes = std::fs::read(&pdf).expect("PDF written");
    let doc = h.state().document().unwrap();
    assert_eq!(bytes, common::export(&doc.ret).unwrap());
    // Escape closes the message on top first, the preview only after.
    assert!(h.state().prompt_text().is_some());
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().prompt_text().is_none(), "the message closes");
    assert!(h.state().preview_open(), "the preview stays");

    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().preview_open(), "Escape closes the preview");
}

#[test]
fn ui_preview_says_why_a_return_cannot_be_laid_out() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), &ScriptedDialogs::default());
    let mut ret = example("kingsoft-cloud-2024-10.ron");
    ret.header.issuer_name = "Kingsoft\tCloud".into();
    h.state_mut().set_document(ret, None);
    h.run();
    open_preview(&mut h);
    assert!(h.state().preview().error().is_some());
    h.get_by_label_contains("cannot be laid out for printing");
    assert!(h.query_by_label_contains("Printed page").is_none());
}

#[test]
fn ui_preview_of_a_long_return_paints_only_the_pages_in_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), &ScriptedDialogs::default());
    let ret = common::stress();
    h.state_mut().set_document(ret, None);
    h.run();
    open_preview(&mut h);
    let n = h.state().preview().page_count().unwrap();
    assert!(n > 20, "{n} pages");
    let in_view = |h: &Harness<'_, EditorApp>| -> Vec<String> {
        (1..=n)
            .map(|i| format!("Printed page {i} of {n}"))
            .filter(|label| h.query_by_label(label).is_some())
            .collect()
    };
    let first = in_view(&h);
    assert!(
        (1..=3).contains(&first.len()) && first[0] == format!("Printed page 1 of {n}"),
        "{first:?}"
    );
    h.key_press(Key::End);
    h.run();
    h.get_by_label(&format!("Page {n} of {n}"));
    let last = in_view(&h);
    assert_eq!(last, vec![format!("Printed page {n} of {n}")]);
}

#[test]
fn ui_preview_zooms_by_step_to_actual_size_and_back_to_the_width() {
    use monthly_return::ui::preview::Zoom;
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), &ScriptedDialogs::default());
    h.state_mut()
        .set_document(example("kingsoft-cloud-2024-10.ron"), None);
    h.run();
    open_preview(&mut h);
    assert_eq!(h.state().preview().zoom(), Zoom::FitWidth);
    h.key_press(Key::PageDown);
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "100 %")
        .click();
    h.run();
    assert_eq!(h.state().preview().zoom(), Zoom::Factor(1.0));
    h.get_by_label("+").click();
    h.run();
    assert_eq!(h.state().preview().zoom(), Zoom::Factor(1.25));
    h.get_by_label("125 %");
    h.get_by_label("−").click();
    h.get_by_label("−").click();
    h.run();
    assert_eq!(h.state().preview().zoom(), Zoom::Factor(0.8));
    // Zooming keeps the page that was at the top there.
    assert_eq!(h.state().preview().current_page(), 1);
    h.get_by_label("Page 2 of 10");
    h.get_by_label("Fit width").click();
    h.run();
    assert_eq!(h.state().preview().zoom(), Zoom::FitWidth);
}
