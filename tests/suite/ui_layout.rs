//! Every window size from 1024×700 up: every input and computed cell of every page of every
//! example lies inside the page's visible width (no clipped column, no horizontal scrolling),
//! no two of them overlap, and a window wider than the page centres it.
//!
//! Each page is drawn in the whole editor (page list, findings panel, status bar) at the
//! window's width but a tall height, so the whole page is on screen at once: the page culls
//! blocks that are off screen, and width is what clips horizontally (the page scrolls
//! vertically only, and its scroll bar floats over the page without taking width, so a short
//! window lays the page out at the same width). The test checks that each page fits that
//! height (no scroll bar shows, nothing lies below the window), so a block that was culled
//! cannot go unchecked.

use egui::accesskit::Role;
use egui::{Rect, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use monthly_return::model::{MonthlyReturn, Part, TemplateVersion};
use monthly_return::ui::Page;
use monthly_return::ui::app::EditorApp;
use monthly_return::ui::dialogs::ScriptedDialogs;
use monthly_return::ui::pages::MAX_PAGE_WIDTH;
use monthly_return::ui::prefs::AppPaths;

/// Tall enough for the longest page of the returns below at the narrowest window.
const TALL: f32 = 14_000.0;
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
        // The Form 6-K profile beside the example drafts is not a return.
        .filter(|p| !p.to_string_lossy().ends_with("-6k-profile.ron"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 4, "{files:?}");
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

use crate::common::editor::{editor_harness, test_config};

fn editor(dir: &std::path::Path, width: f32) -> Harness<'static, EditorApp> {
    let config = test_config(AppPaths::in_dir(dir), &ScriptedDialogs::default());
    editor_harness(config, [width, TALL])
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

/// What is wrong with the layout of the page on screen (empty: nothing); `whole` when the
/// window is meant to be tall enough for the whole page.
fn layout_faults(h: &Harness<'_, EditorApp>, width: f32, whole: bool) -> Vec<String> {
    let area = page_area(h, width);
    let inputs = inputs(h);
    let mut faults = Vec::new();
    for bar in h.query_all_by_role(Role::ScrollBar) {
        let r = bar.rect();
        if !r.intersects(area) {
            continue;
        }
        if r.width() > r.height() {
            faults.push(format!("a horizontal scroll bar at {r:?}"));
        } else if whole {
            // The page scrolls, so blocks off screen were culled and went unchecked.
            faults.push(format!(
                "the page scrolls in a {TALL}-px window; raise TALL"
            ));
        }
    }
    if inputs.is_empty() {
        return faults;
    }
    // The page's scroll bar floats over its right edge: no input may lie under it.
    let scroll = h.ctx.global_style().spacing.scroll;
    let right = area.right() - scroll.bar_width - scroll.bar_outer_margin;
    for (name, rect) in &inputs {
        if rect.left() < area.left() || rect.right() > right {
            faults.push(format!(
                "{name}: x {:.0}..{:.0} outside {:.0}..{right:.0}",
                rect.left(),
                rect.right(),
                area.left(),
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
            for f in layout_faults(&h, width, true) {
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

/// The text shapes painted this frame, in paint order, with the filled rectangles before them.
fn painted(h: &Harness<'_, EditorApp>) -> Vec<egui::epaint::Shape> {
    fn flatten(shape: &egui::epaint::Shape, out: &mut Vec<egui::epaint::Shape>) {
        match shape {
            egui::epaint::Shape::Vec(shapes) => shapes.iter().for_each(|s| flatten(s, out)),
            s => out.push(s.clone()),
        }
    }
    let mut out = Vec::new();
    for clipped in &h.output().shapes {
        flatten(&clipped.shape, &mut out);
    }
    out
}

/// WCAG 2 contrast of two sRGB colours.
fn contrast(a: egui::Color32, b: egui::Color32) -> f32 {
    let lum = |c: egui::Color32| {
        let lin = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
    };
    let (x, y) = (lum(a), lum(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// A message painted on screen: where, its font size and colour, and the fill of the last
/// rectangle painted under it (its ground).
struct Painted {
    rect: Rect,
    size: f32,
    colour: egui::Color32,
    ground: Option<egui::Color32>,
}

/// The message whose text starts with `start`, as painted.
fn painted_message(h: &Harness<'_, EditorApp>, start: &str) -> Painted {
    let shapes = painted(h);
    let mut ground_candidates: Vec<(Rect, egui::Color32)> = Vec::new();
    for shape in shapes {
        match shape {
            egui::epaint::Shape::Rect(r) if r.fill.a() > 0 => {
                ground_candidates.push((r.rect, r.fill));
            }
            egui::epaint::Shape::Text(t) if t.galley.job.text.starts_with(start) => {
                let rect = t.galley.rect.translate(t.pos.to_vec2());
                let format = &t.galley.job.sections[0].format;
                let ground = ground_candidates
                    .iter()
                    .rev()
                    .find(|(r, _)| r.contains_rect(rect))
                    .map(|(_, c)| *c);
                return Painted {
                    rect,
                    size: format.font_id.size,
                    colour: format.color,
                    ground,
                };
            }
            _ => {}
        }
    }
    panic!("no text starting {start:?} painted");
}

/// Typed figures that are not numbers show their messages under their fields at the body text
/// size, readable in both themes on the panel's own ground, wrapped within their column: the
/// fields beside them stay on their line, the row below moves down, nothing overlaps.
#[test]
fn messages_are_body_text_wrapped_in_their_column_in_both_themes() {
    let dir = tempfile::tempdir().unwrap();
    let config = test_config(AppPaths::in_dir(dir.path()), &ScriptedDialogs::default());
    let mut h = editor_harness(config, [1024.0, 700.0]);
    h.state_mut().set_document(crate::common::kingsoft(), None);
    h.state_mut().set_page(Page::II);
    h.run();
    let excl = "Part II class 1 preceding issued shares excluding treasury";
    let treasury = "Part II class 1 preceding treasury shares";
    let total = "Part II class 1 preceding total issued shares";
    let movement = "Part II class 1 increase or decrease in issued shares excluding treasury";
    let top_before = h.get_by_label(movement).rect().top();
    for (label, typed) in [(excl, "1,000,00"), (treasury, "1,2,3")] {
        h.get_by_label(label).focus();
        h.run();
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.get_by_label(label).type_text(typed);
        h.run();
    }
    h.key_press(egui::Key::Escape);
    h.run();
    let message = "Not a number: 1,000,00 (separators go between groups of three digits";
    let node = h
        .get_by(|n| n.role() == Role::Label && n.value().is_some_and(|v| v.starts_with(message)))
        .rect();
    let (f_excl, f_treasury, f_total) = (
        h.get_by_label(excl).rect(),
        h.get_by_label(treasury).rect(),
        h.get_by(|n| crate::common::a11y::is_computed(n, total))
            .rect(),
    );
    // Under its field, within its column, wrapped onto more than one line.
    assert!(node.top() >= f_excl.bottom(), "{node:?} under {f_excl:?}");
    assert!(
        node.left() >= f_excl.left() - 1.0,
        "{node:?} in {f_excl:?}'s column"
    );
    assert!(
        node.right() < f_treasury.left(),
        "{node:?} runs under {f_treasury:?}"
    );
    assert!(node.height() > 30.0, "wrapped: {node:?}");
    // The fields of the row stay on one line; the next row moved down below the messages.
    assert_eq!(f_excl.top(), f_treasury.top());
    assert_eq!(f_excl.top(), f_total.top());
    let moved = h.get_by_label(movement).rect().top();
    assert!(
        moved > top_before && moved >= node.bottom(),
        "{moved} vs {node:?}"
    );
    // At the real window height: no horizontal scroll bar, nothing clipped or overlapping.
    let faults = layout_faults(&h, 1024.0, false);
    assert!(faults.is_empty(), "{faults:?}");
    // Nothing on the page is covered by a message.
    for (name, rect) in inputs(&h) {
        assert!(
            !rect.intersects(node),
            "{name} {rect:?} under the message {node:?}"
        );
    }

    // The whole message is also in its tooltip.
    let shown = |h: &Harness<'_, EditorApp>| {
        h.query_all_by_label_contains(message)
            .filter(|n| n.accesskit_node().role() == Role::Label)
            .count()
    };
    let before = shown(&h);
    h.get_by(|n| n.role() == Role::Label && n.value().is_some_and(|v| v.starts_with(message)))
        .hover();
    h.run();
    assert!(shown(&h) > before, "the message shows on hover too");

    let body = h.ctx.global_style().text_styles[&egui::TextStyle::Body].size;
    for theme in [egui::Theme::Light, egui::Theme::Dark] {
        h.ctx.set_theme(theme);
        h.run();
        let visuals = h.ctx.global_style().visuals.clone();
        assert_eq!(visuals.dark_mode, theme == egui::Theme::Dark);
        let p = painted_message(&h, message);
        assert!(
            p.size >= body - 1.0,
            "{theme:?}: {} px, body {body} px",
            p.size
        );
        assert!(
            p.rect.right() <= f_treasury.left(),
            "{theme:?}: painted {:?}",
            p.rect
        );
        assert_eq!(
            p.ground,
            Some(visuals.panel_fill),
            "{theme:?}: on the panel's ground"
        );
        let c = contrast(p.colour, visuals.panel_fill);
        assert!(c >= 4.5, "{theme:?}: contrast {c:.2}");
    }
}

/// Narrower windows down to the minimum size (`ui::app::run`) still show every field: at
/// 900 px Part I's row labels go above their rows, at 720 px each figure goes on a line under
/// its heading.
#[test]
fn every_page_fits_narrower_windows_down_to_the_minimum() {
    assert_fits(900.0);
    assert_fits(720.0);
}
