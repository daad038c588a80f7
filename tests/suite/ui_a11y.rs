//! The editor as a screen reader meets it, through the AccessKit tree: every input and computed
//! cell of every page of every example named uniquely, computed cells read as text with their
//! figure, inline messages as descriptions, errors announced, counts said in words.

use std::collections::HashMap;
use std::path::PathBuf;

use egui::accesskit::{Live, Role};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use monthly_return::io;
use monthly_return::model::MonthlyReturn;
use monthly_return::ui::Page;
use monthly_return::ui::app::EditorApp;
use monthly_return::ui::dialogs::ScriptedDialogs;
use monthly_return::ui::prefs::AppPaths;

use crate::common::a11y::{figure, is_any_computed, is_computed, is_input};
use crate::common::editor::{editor_harness, test_config};

/// Tall enough that no block of an example is culled off screen.
const SIZE: [f32; 2] = [1400.0, 16000.0];

fn examples() -> Vec<(String, MonthlyReturn)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("templates/examples");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ron") && !n.ends_with("-6k-profile.ron"))
        .collect();
    names.sort();
    assert!(names.len() >= 4, "{names:?}");
    names
        .into_iter()
        .map(|n| {
            let ret = io::load(&dir.join(&n)).unwrap_or_else(|e| panic!("{n}: {e}"));
            (n, ret)
        })
        .collect()
}

fn editor_on(dir: &std::path::Path, ret: MonthlyReturn, page: Page) -> Harness<'static, EditorApp> {
    let config = test_config(AppPaths::in_dir(dir), &ScriptedDialogs::default());
    let mut h = editor_harness(config, SIZE);
    h.state_mut().set_document(ret, None);
    h.state_mut().set_page(page);
    h.run();
    h
}

/// The name a screen reader gives a node: a label's text is its value (AT-SPI), anything
/// else's its label.
fn spoken_name(n: &egui_kittest::kittest::AccessKitNode<'_>) -> String {
    if n.role() == Role::Label {
        n.value().or_else(|| n.label()).unwrap_or_default()
    } else {
        n.label().unwrap_or_default()
    }
}

#[test]
fn every_input_and_computed_cell_of_every_example_page_has_a_unique_name() {
    let dir = tempfile::tempdir().unwrap();
    for (example, ret) in examples() {
        for page in Page::ALL {
            let h = editor_on(dir.path(), ret.clone(), page);
            let mut seen: HashMap<String, usize> = HashMap::new();
            let mut computed = 0;
            for n in h.query_all_by(|n| is_input(n) || is_any_computed(n)) {
                let n = n.accesskit_node();
                let name = if is_any_computed(&n) {
                    computed += 1;
                    // The name is what precedes the figure.
                    let text = spoken_name(&n);
                    let fig = figure(&text);
                    text.strip_suffix(&format!(": {fig}"))
                        .unwrap_or_default()
                        .to_string()
                } else {
                    spoken_name(&n)
                };
                assert!(
                    !name.trim().is_empty(),
                    "{example} page {}: a {:?} has no name",
                    page.title(),
                    n.role()
                );
                *seen.entry(name).or_default() += 1;
            }
            let twice: Vec<_> = seen.iter().filter(|(_, c)| **c > 1).collect();
            assert!(
                twice.is_empty(),
                "{example} page {}: names used more than once: {twice:?}",
                page.title()
            );
            if matches!(page, Page::I | Page::II) && !seen.is_empty() {
                assert!(
                    computed > 0,
                    "{example} page {}: no computed cell",
                    page.title()
                );
            }
        }
    }
}

#[test]
fn computed_cells_are_read_only_text_carrying_their_figure() {
    let dir = tempfile::tempdir().unwrap();
    let ret = crate::common::kingsoft();
    let derived = monthly_return::calc::derive(&ret);
    let close = derived.part2[0].close_excluding_treasury.unwrap();
    let h = editor_on(dir.path(), ret, Page::II);
    let name = "Part II class 1 closing issued shares excluding treasury";
    let node = h.get_by(|n| is_computed(n, name));
    let node = node.accesskit_node();
    let expected = format!("{name}: {}", monthly_return::format::count(close));
    assert_eq!(node.role(), Role::Label, "text, not a text box");
    assert!(node.is_read_only());
    assert_eq!(node.value().as_deref(), Some(expected.as_str()), "its text");
    assert_eq!(node.label().as_deref(), Some(expected.as_str()), "its name");
    // Every computed cell of every page: a figure after its name.
    for page in Page::ALL {
        let h = editor_on(dir.path(), crate::common::kingsoft(), page);
        for n in h.query_all_by(is_any_computed) {
            let text = spoken_name(&n.accesskit_node());
            assert!(!figure(&text).is_empty(), "{}: {text:?}", page.title());
        }
    }
}

const MOVEMENT: &str = "Part II class 1 increase or decrease in issued shares excluding treasury";

fn type_into(h: &mut Harness<'_, EditorApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
    h.key_press(Key::Escape);
    h.run();
}

fn live_region_text(h: &Harness<'_, EditorApp>) -> String {
    // The node that is itself the live region (its descendants inherit the setting).
    let node = h.get_by(|n| n.data().live() == Some(Live::Polite));
    spoken_name(&node.accesskit_node())
}

#[test]
fn a_change_that_breaks_a_check_is_announced_and_so_is_undoing_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = editor_on(dir.path(), crate::common::kingsoft(), Page::II);
    assert_eq!(live_region_text(&h), "", "nothing is announced on opening");
    let errors_before = h.state().findings().len();
    type_into(&mut h, MOVEMENT, "999");
    h.run();
    let new: Vec<_> = h
        .state()
        .findings()
        .iter()
        .filter(|f| f.severity == monthly_return::rules::Severity::Error)
        .cloned()
        .collect();
    assert!(
        h.state().findings().len() > errors_before,
        "the change breaks a check"
    );
    let said = live_region_text(&h);
    assert!(
        said.starts_with("New error") || said.contains("new errors"),
        "{said}"
    );
    let first = &new[0];
    assert!(said.contains(first.rule), "{said} names {}", first.rule);
    assert!(said.contains(&first.path.describe()), "{said} says where");
    assert_eq!(said, h.state().announcement_text());
    println!("announced: {said}");

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.run();
    let said = live_region_text(&h);
    assert!(
        said.starts_with("Resolved") || said.contains("resolved"),
        "{said}"
    );
    assert!(said.contains(first.rule), "{said}");
    println!("announced: {said}");
}

#[test]
fn an_inputs_inline_message_is_its_description() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = editor_on(dir.path(), crate::common::kingsoft(), Page::II);
    type_into(&mut h, MOVEMENT, "12x");
    let node = h.get_by_label(MOVEMENT);
    let description = node.accesskit_node().description().unwrap_or_default();
    assert!(
        description.starts_with("error: Not a number"),
        "{description:?}"
    );
}

#[test]
fn the_page_list_and_findings_panel_say_their_counts_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let mut ret = crate::common::kingsoft();
    ret.header.date_submitted = None;
    let h = editor_on(dir.path(), ret, Page::II);
    let findings = h.state().findings().to_vec();
    for page in Page::ALL {
        let (e, w) = monthly_return::ui::pages::page_counts(page, &findings);
        let expected = format!(
            "{}, {}",
            page.title(),
            monthly_return::ui::findings_panel::counts_text(e, w)
        );
        h.get_by_role_and_label(Role::Button, &expected);
    }
    let errors = monthly_return::rules::count(&findings, monthly_return::rules::Severity::Error);
    let warnings =
        monthly_return::rules::count(&findings, monthly_return::rules::Severity::Warning);
    assert!(errors > 0);
    h.get_by_label(&monthly_return::ui::findings_panel::counts_text(
        errors, warnings,
    ));
}

#[test]
fn help_keyboard_lists_the_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = editor_on(dir.path(), crate::common::kingsoft(), Page::II);
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("Keyboard…").click();
    h.run();
    for (keys, _) in monthly_return::ui::app::KEYBOARD_KEYS {
        h.get_by_label(keys);
    }
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Ctrl+PageDown / Ctrl+PageUp").is_none());
}

#[test]
fn f10_moves_focus_to_the_file_menu() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = editor_on(dir.path(), crate::common::kingsoft(), Page::II);
    h.key_press(Key::F10);
    h.run();
    assert!(h.get_by_label("File").accesskit_node().is_focused());
}

/// The page II tree as a screen reader lists it, in reading order: role, name (a label's
/// text), description. Printed with `--nocapture`; the closing note of issue 13 shows it.
#[test]
fn page_two_accessible_tree_as_a_screen_reader_lists_it() {
    let dir = tempfile::tempdir().unwrap();
    let (_, ret) = examples()
        .into_iter()
        .find(|(n, _)| n.starts_with("kingsoft"))
        .expect("the Kingsoft example");
    let close = monthly_return::calc::derive(&ret).part2[0]
        .close_excluding_treasury
        .unwrap();
    let h = editor_on(dir.path(), ret, Page::II);
    let heading = h
        .query_all_by(|n| n.role() == Role::Label && spoken_name(n).starts_with("II. Movements"))
        .next()
        .expect("page II heading");
    let mut lines = Vec::new();
    let mut started = false;
    let heading = heading.accesskit_node().id();
    for n in h.query_all_by(|_| true) {
        let n = n.accesskit_node();
        if n.id() == heading {
            started = true;
        }
        if !started {
            continue;
        }
        let name = spoken_name(&n);
        if name.trim().is_empty() {
            continue;
        }
        let mut line = format!("{:?}: {name}", n.role());
        if n.role() != Role::Label
            && let Some(v) = n.value().filter(|v| !v.is_empty())
        {
            line.push_str(&format!(" = {v}"));
        }
        if let Some(d) = n.description() {
            line.push_str(&format!(" — {d}"));
        }
        lines.push(line);
    }
    let dump = lines.join("\n");
    println!("{dump}");
    let closing = format!(
        "Label: Part II class 1 closing issued shares excluding treasury: {}",
        monthly_return::format::count(close)
    );
    assert!(dump.contains(&closing), "{closing}");
    assert!(dump.contains(&format!("TextInput: {MOVEMENT}")));
}

/// The label of the node that has keyboard focus.
fn focused_name(h: &Harness<'_, EditorApp>) -> Option<String> {
    h.query_by(|n| n.is_focused())
        .map(|n| spoken_name(&n.accesskit_node()))
}

#[test]
fn tab_reaches_every_input_of_every_page_of_an_example() {
    let dir = tempfile::tempdir().unwrap();
    for (example, ret) in examples() {
        for page in Page::ALL {
            let mut h = editor_on(dir.path(), ret.clone(), page);
            let inputs: Vec<String> = h
                .query_all_by(is_input)
                .map(|n| spoken_name(&n.accesskit_node()))
                .collect();
            let Some(first) = inputs.first() else {
                continue;
            };
            h.get_by_label(first).focus();
            h.run();
            let mut reached = std::collections::HashSet::new();
            // Enough presses for every widget of the page and the panels around it.
            for _ in 0..(inputs.len() * 4 + 40) {
                if let Some(name) = focused_name(&h) {
                    reached.insert(name);
                }
                h.key_press(Key::Tab);
                h.run();
            }
            let missed: Vec<_> = inputs.iter().filter(|i| !reached.contains(*i)).collect();
            assert!(
                missed.is_empty(),
                "{example} page {}: Tab never reached {missed:?}",
                page.title()
            );
        }
    }
}

#[test]
fn f10_then_space_opens_the_file_menu_and_tab_reaches_its_items() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = editor_on(dir.path(), crate::common::kingsoft(), Page::II);
    h.key_press(Key::F10);
    h.run();
    assert!(h.get_by_label("File").accesskit_node().is_focused());
    h.key_press(Key::Space);
    h.run();
    h.run();
    // A menu item's name ends with its shortcut ("New return Ctrl+N").
    assert!(
        h.query_all_by_role(Role::Button)
            .any(|n| spoken_name(&n.accesskit_node()).starts_with("New return")),
        "the File menu is open"
    );
    let mut reached = Vec::new();
    for _ in 0..6 {
        h.key_press(Key::Tab);
        h.run();
        reached.extend(focused_name(&h));
    }
    assert!(
        reached
            .iter()
            .any(|n| n.starts_with("New") || n.starts_with("Open")),
        "{reached:?}"
    );
}
