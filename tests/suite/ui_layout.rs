//! Every window size from 1024×700 up: every input and computed cell of every page of every
//! example lies inside the page's visible width (no clipped column, no horizontal scrolling),
//! no two of them overlap, and a window wider than the page centres it.
//!
//! Each page is drawn in the whole editor (page list, findings panel, status bar) at the
//! window's width but a tall height, so the whole page is on screen at once: the page culls
//! blocks that are off screen, and width is what clips horizontally (the page scrolls
//! vertically only, and its scroll bar floats over the page without taking width, so a short
//! window lays the page out at the same width). The test checks that each page fits that
//! height, so a block that was culled cannot go unchecked.

use egui::accesskit::Role;
use egui::{Rect, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use monthly_return::model::{MonthlyReturn, Part, TemplateVersion};
use monthly_return::ui::Page;
use monthly_return::ui::app::{AppConfig, EditorApp};
use monthly_return::ui::dialogs::ScriptedDialogs;
use monthly_return::ui::pages::MAX_PAGE_WIDTH;
use monthly_return::ui::prefs::AppPaths;

/// Tall enough for the longest page of the returns below.
const TALL: f32 = 9000.0;
/// The central panel's margin at the window's right edge.
const PANEL_MARGIN: f32 = 8.0;

/// The roles of everything a user fills in or reads a figure from (computed cells are
/// read-only text inputs).
const INPUT_ROLES: [Role; 5] = [
    Role::TextInput,
    Role::MultilineTextInput,
    Role::ComboBox,
    Role::CheckBox,
    Role::RadioButton,
];

fn examples() -> Vec<(String, MonthlyReturn)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/examples");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 3, "{files:?}");
    let mut returns: Vec<(String, MonthlyReturn)> = files
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, monthly_return::io::load(p).unwrap())
        })
        .collect();
    returns.push(("stress (two rows a block)".to_string(), trimmed_stress()));
    returns
}

/// The stress return (20 classes, long descriptions), every list cut to two rows: its blocks
/// look like the full one's, and its pages fit one tall window.
fn trimmed_stress() -> MonthlyReturn {
    let mut ret = crate::common::stress();
    ret.template_version = TemplateVersion::V1_2_0;
    ret.classes.truncate(6);
    let ids: Vec<_> = ret.classes.iter().map(|c| c.id).collect();
    ret.part1.part.blocks.retain(|b| ids.contains(&b.class));
    ret.part2.part.blocks.retain(|b| ids.contains(&b.class));
    ret.part3a.blocks.retain(|b| ids.contains(&b.class));
    ret.part3e.blocks.retain(|b| ids.contains(&b.class));
    for b in &mut ret.part3a.blocks {
        b.schemes
            .retain(|s| s.particulars.contains("Scheme 7 ") || s.particulars.contains("Scheme 1 "));
    }
    for b in &mut ret.part3e.blocks {
        b.events.truncate(2);
    }
    ret.part3b = Part::not_applicable();
    ret
}

fn editor(dir: &std::path::Path, width: f32) -> Harness<'static, EditorApp> {
    let config = AppConfig {
        paths: AppPaths::in_dir(dir),
        dialogs: Box::new(ScriptedDialogs::default()),
        recovery_interval: std::time::Duration::from_secs(3600),
        now: || chrono::DateTime::from_timestamp(1_730_419_200, 0).unwrap_or_default(),
        open: None,
    };
    Harness::builder()
        .with_size([width, TALL])
        .build_eframe(move |cc| EditorApp::new(&cc.egui_ctx, config))
}

/// The part of the window the page is drawn in: right of the page list, above the findings
/// panel, left of the window's edge less the panel's margin.
fn page_area(h: &Harness<'_, EditorApp>, width: f32) -> Rect {
    // The page list's buttons are as wide as the list.
    let list = h
        .get_by(|n| {
            n.role() == Role::Button && n.label().is_some_and(|l| l.contains(Page::II.title()))
        })
        .rect();
    let findings = h.get_by_label("Findings").rect();
    let menu = h.get_by_label("File").rect();
    Rect::from_min_max(
        egui::pos2(list.right(), menu.bottom()),
        egui::pos2(width - PANEL_MARGIN, findings.top()),
    )
}

/// Names and rects of the inputs and computed cells on screen.
fn inputs(h: &Harness<'_, EditorApp>) -> Vec<(String, Rect)> {
    let mut found = Vec::new();
    for role in INPUT_ROLES {
        for node in h.query_all_by_role(role) {
            let name = node.accesskit_node().label().unwrap_or_default();
            found.push((name, node.rect()));
        }
    }
    found
}

/// What is wrong with the layout of the page on screen (empty: nothing).
fn layout_faults(h: &Harness<'_, EditorApp>, width: f32) -> Vec<String> {
    let area = page_area(h, width);
    let inputs = inputs(h);
    let mut faults = Vec::new();
    if inputs.is_empty() {
        return faults;
    }
    for (name, rect) in &inputs {
        if rect.left() < area.left() || rect.right() > area.right() {
            faults.push(format!(
                "{name}: x {:.0}..{:.0} outside {:.0}..{:.0}",
                rect.left(),
                rect.right(),
                area.left(),
                area.right()
            ));
        }
        if rect.bottom() > area.bottom() {
            faults.push(format!(
                "{name}: below the window ({:.0} > {:.0}); raise TALL",
                rect.bottom(),
                area.bottom()
            ));
        }
    }
    // No input covers another (a field pushed under its neighbour, a drop-down too wide).
    let mut by_top = inputs.clone();
    by_top.sort_by(|a, b| a.1.top().total_cmp(&b.1.top()));
    for (i, (a, ra)) in by_top.iter().enumerate() {
        for (b, rb) in by_top[i + 1..].iter() {
            if rb.top() >= ra.bottom() {
                break;
            }
            // Touching edges (a money field's currency and amount) is not overlapping.
            if ra
                .shrink2(Vec2::splat(1.0))
                .intersects(rb.shrink2(Vec2::splat(1.0)))
            {
                faults.push(format!("{a} {ra:?} overlaps {b} {rb:?}"));
            }
        }
    }
    // A window wider than the page centres it rather than leaving it at the left.
    let spare = area.width() - MAX_PAGE_WIDTH;
    let left = inputs
        .iter()
        .map(|(_, r)| r.left())
        .fold(f32::INFINITY, f32::min);
    if spare > 100.0 && left - area.left() < spare / 2.0 {
        faults.push(format!(
            "not centred: first input at {left:.0}, page list ends at {:.0}, {spare:.0} px to spare",
            area.left()
        ));
    }
    faults
}

/// Draws every page of every return at `width` and collects what does not fit.
fn faults_at(width: f32) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let mut h = editor(dir.path(), width);
    let mut faults = Vec::new();
    for (name, ret) in examples() {
        h.state_mut().set_document(ret, None);
        for page in Page::ALL {
            h.state_mut().set_page(page);
            h.run();
            let inputs = inputs(&h).len();
            if page != Page::Notes {
                assert!(inputs > 0, "{name} {page:?}: no inputs found");
            }
            for f in layout_faults(&h, width) {
                faults.push(format!("{width} px, {name}, {page:?}: {f}"));
            }
        }
    }
    faults
}

fn assert_fits(width: f32) {
    let faults = faults_at(width);
    assert!(
        faults.is_empty(),
        "{} faults:\n{}",
        faults.len(),
        faults.join("\n")
    );
}

#[test]
fn every_page_fits_a_1024_px_window() {
    assert_fits(1024.0);
}

#[test]
fn every_page_fits_a_1920_px_window() {
    assert_fits(1920.0);
}

#[test]
fn every_page_fits_a_2560_px_window() {
    assert_fits(2560.0);
}
