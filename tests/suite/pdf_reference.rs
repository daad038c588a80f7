//! The Moon Inc. example (`templates/examples/moon-inc-2026-01.ron`, the return of the HKEX
//! reference PDF `shared/reference/ff301-v1.2.0-moon-inc-2026-01.pdf`) laid out where the
//! reference prints it. Every expected figure here was measured on the reference with
//! pdfplumber (baselines from the text matrix, boxes from the `re` operators; see
//! `docs/pdf-geometry.md`), never taken from our own output. `tools/pdf-compare` measures the
//! whole export word by word; these tests pin the points that were fixed against it.

use std::path::PathBuf;

use monthly_return::calc::derive;
use monthly_return::io;
use monthly_return::model::MonthlyReturn;
use monthly_return::pdf::frame::{Item, Line, Page, Rect, Text};
use monthly_return::pdf::layout::{LayoutOptions, layout};

/// Tolerance of the comparisons: the reference is measured to ±0.02 pt.
const TOL: f32 = 0.05;

pub fn moon() -> MonthlyReturn {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("templates/examples/moon-inc-2026-01.ron");
    io::load(&path).unwrap_or_else(|e| panic!("{e}"))
}

fn pages(ret: &MonthlyReturn) -> Vec<Page> {
    layout(ret, &derive(ret), &LayoutOptions::default()).unwrap_or_else(|e| panic!("{e}"))
}

/// The first run on `page` whose text is `text`.
fn run<'a>(page: &'a Page, text: &str) -> &'a Text {
    page.texts()
        .find(|t| t.text == text)
        .unwrap_or_else(|| panic!("no run {text:?} on the page"))
}

/// The first run on `page` that starts with `prefix`.
fn run_starting<'a>(page: &'a Page, prefix: &str) -> &'a Text {
    page.texts()
        .find(|t| t.text.starts_with(prefix))
        .unwrap_or_else(|| panic!("no run starting {prefix:?} on the page"))
}

fn rects(page: &Page) -> Vec<Rect> {
    page.items
        .iter()
        .filter_map(|i| match i {
            Item::Rect(s) => Some(s.rect),
            _ => None,
        })
        .collect()
}

fn lines(page: &Page) -> Vec<Line> {
    page.items
        .iter()
        .filter_map(|i| match i {
            Item::Line(l) => Some(*l),
            _ => None,
        })
        .collect()
}

fn near(a: f32, b: f32) -> bool {
    (a - b).abs() <= TOL
}

#[track_caller]
fn assert_near(actual: f32, expected: f32, what: &str) {
    assert!(
        near(actual, expected),
        "{what}: {actual} (reference {expected})"
    );
}

#[test]
fn moon_example_has_the_reference_s_ten_pages() {
    assert_eq!(pages(&moon()).len(), 10);
}

/// III(C), page 5: the class block's box closes 2.84 below the last underline (258.70), not
/// 2.84 further; the CC1/CC2 lines follow 25.85 and 20.98 below it.
#[test]
fn convertibles_box_and_summary_lines_sit_where_the_reference_has_them() {
    let p = &pages(&moon())[4];
    let boxes = rects(p);
    let outer = boxes
        .iter()
        .find(|r| near(r.left(), 20.69) && near(r.top(), 55.84) && near(r.right(), 798.52))
        .unwrap_or_else(|| panic!("no class block box in {boxes:?}"));
    assert_near(outer.bottom(), 258.70, "III(C) box bottom");
    // The data row 143.15–168.55 (three 6 pt description lines).
    let row = boxes
        .iter()
        .find(|r| near(r.left(), 216.28) && near(r.right(), 301.32) && r.top() > 140.0)
        .unwrap_or_else(|| panic!("no data row cell in {boxes:?}"));
    assert_near(row.top(), 143.15, "data row top");
    assert_near(row.bottom(), 168.55, "data row bottom");
    // Per-row field underlines 189.53, 212.21, 233.18, 255.86.
    let mut unders: Vec<f32> = lines(p)
        .iter()
        .filter(|l| near(l.x1, 152.54) && l.y1 < 258.0)
        .map(|l| l.y1)
        .collect();
    unders.dedup_by(|a, b| near(*a, *b));
    for (got, want) in unders.iter().zip([189.53, 212.21, 233.18, 255.86]) {
        assert_near(*got, want, "field underline");
    }
    let cc1 = run_starting(p, "Increase in issued shares");
    assert_near(cc1.baseline, 284.55, "CC1 baseline");
    let cc2 = run(p, "Decrease in treasury shares:");
    assert_near(cc2.baseline, 305.53, "CC2 baseline");
    // Left ends as on the reference (its runs end with a space after the colon).
    assert_near(cc1.x, 223.20, "CC1 label left");
    assert_near(cc2.x, 323.75, "CC2 label left");
    let rules: Vec<f32> = lines(p)
        .iter()
        .filter(|l| near(l.x1, 445.64))
        .map(|l| l.y1)
        .collect();
    assert_eq!(rules.len(), 2, "{rules:?}");
    assert_near(rules[0], 291.01, "CC1 underline");
    assert_near(rules[1], 311.99, "CC2 underline");
    assert_near(
        run(p, "Ordinary shares (CC1)").baseline,
        284.55,
        "CC1 class",
    );
}

/// A class block whose rows have no fields under them (III(D), III(E)) closes on the last
/// row's bottom rule: one rule, not a second one 2.84 below it.
#[test]
fn blocks_without_fields_close_on_their_last_row() {
    // Kingsoft's III(D) has two arrangements, rows without fields.
    for p in pages(&crate::common::kingsoft()) {
        let boxes = rects(&p);
        for outer in boxes
            .iter()
            .filter(|r| near(r.left(), 20.69) && near(r.right(), 798.52))
        {
            let lowest_cell = boxes
                .iter()
                .filter(|r| {
                    r.top() >= outer.top() - TOL
                        && r.bottom() <= outer.bottom() + TOL
                        && !near(r.right(), 798.52)
                })
                .map(|r| r.bottom())
                .fold(f32::MIN, f32::max);
            if lowest_cell > f32::MIN {
                let gap = outer.bottom() - lowest_cell;
                assert!(
                    near(gap, 0.0) || gap > 5.0,
                    "box {outer:?} closes {gap} pt below its last cell (a double rule)"
                );
            }
        }
    }
}

/// The notes page: each note's first baseline as on the reference (fixed rows: 25.5 pt before
/// note 5, not 18), note 5 wrapped after `already` (HKEX counts a line's trailing space), and
/// notes 5–6 lines where the reference has them.
#[test]
fn notes_sit_on_the_reference_baselines() {
    let p = &pages(&moon())[9];
    for (number, base) in [
        ("1.", 68.06),
        ("2.", 86.20),
        ("3.", 138.84),
        ("4.", 177.97),
        ("5.", 214.25),
        ("6.", 256.77),
    ] {
        assert_near(run(p, number).baseline, base, &format!("note {number}"));
    }
    let line1 = run_starting(p, "Items (i) to (viii)");
    assert!(line1.text.ends_with(" already"), "{:?}", line1.text);
    assert_near(line1.baseline, 214.25, "note 5 line 1");
    let line2 = run_starting(p, "made the relevant confirmations");
    assert_near(line2.baseline, 225.05, "note 5 line 2");
    assert_near(line2.x, 80.23, "note 5 line 2 left");
    assert!(line2.text.ends_with(" sold or"), "{:?}", line2.text);
    let line3 = run_starting(p, "transferred, no further");
    assert_near(line3.baseline, 235.85, "note 5 line 3");
    // Note 6's bullets: text baselines 276.22, 294.06 (+ 304.86), 322.70 at x 108.58.
    for (start, base) in [
        ("the securities are", 276.22),
        ("they are entitled", 294.06),
        ("exactly the same sum", 304.86),
        ("they carry the same", 322.70),
    ] {
        let r = run_starting(p, start);
        assert_near(r.baseline, base, start);
        assert_near(r.x, 108.58, start);
    }
}

fn info(ret: &MonthlyReturn) -> (printpdf::PdfDocumentInfo, String) {
    let bytes = crate::common::export(ret).unwrap_or_else(|e| panic!("{e}"));
    let doc = printpdf::PdfDocument::parse(
        &bytes,
        &printpdf::PdfParseOptions::default(),
        &mut Vec::new(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    (
        doc.metadata.info,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

/// Title, author (the issuer), subject (FF301 and the month) and a creation date taken from
/// the return: the date submitted, else the month end, the epoch only when both are blank.
#[test]
fn metadata_comes_from_the_return() {
    let mut ret = moon();
    let (i, bytes) = info(&ret);
    assert_eq!(
        i.document_title,
        "FF301 Monthly Return Moon Inc. January 2026"
    );
    assert_eq!(i.author, "Moon Inc.");
    assert_eq!(
        i.subject,
        "FF301 Monthly Return for Equity Issuer, January 2026"
    );
    // Submitted 02 February 2026 (page 1 of the reference).
    assert!(
        bytes.contains("/CreationDate(D:20260202000000"),
        "date submitted"
    );
    assert!(
        bytes.contains("/ModDate(D:20260202000000"),
        "date submitted"
    );
    ret.header.date_submitted = None;
    assert!(
        info(&ret).1.contains("/CreationDate(D:20260131000000"),
        "month end"
    );
    ret.header.month_end = None;
    ret.header.issuer_name.clear();
    let (i, bytes) = info(&ret);
    assert!(bytes.contains("/CreationDate(D:19700101000000"), "epoch");
    assert_eq!(i.document_title, "FF301 Monthly Return");
}

/// The same draft exports to the same bytes, whatever the clock says.
#[test]
fn the_same_draft_exports_byte_identical() {
    let a = crate::common::export(&moon()).unwrap_or_else(|e| panic!("{e}"));
    let b = crate::common::export(&moon()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(a, b);
}

/// Left ends the reference gives some runs, each a quirk of HKEX's strings or cells: items
/// (i)–(viii) start their text after the label and 1–3 spaces, (viii) continues at 42.13;
/// `Additional information` sits at 23.53, 325.36; III(C)'s approval date 1.66 into its
/// underline; note numbers 1, 2, 6 at 23.53. Title line 1 ends on its last letter at 797.10.
#[test]
fn runs_start_where_the_reference_starts_them() {
    let pages = pages(&moon());
    let p9 = &pages[8];
    for (start, x, base) in [
        ("all money due", 37.61, 147.99),
        ("all pre-conditions", 37.10, 169.59),
        ("all (if any)", 39.10, 191.19),
        ("all the securities of each", 39.61, 212.79),
        ("all documents required", 40.11, 234.39),
        ("been made with all other", 39.62, 245.19),
        ("completion has taken place", 39.10, 288.39),
        ("the trust deed", 41.10, 320.79),
        ("Registrar of Companies.", 42.13, 331.59),
    ] {
        let r = run_starting(p9, start);
        assert_near(r.x, x, start);
        assert_near(r.baseline, base, start);
    }
    let info = run(&pages[1], "Additional information");
    assert_near(info.x, 23.53, "additional information x");
    assert_near(info.baseline, 325.36, "additional information base");
    let date = run(&pages[4], "05 September 2024");
    assert_near(date.x, 154.20, "approval date x");
    assert_near(date.baseline, 247.97, "approval date base");
    for (number, x) in [("1.", 23.53), ("3.", 22.11), ("6.", 23.53)] {
        assert_near(run(&pages[9], number).x, x, number);
    }
    let title = run_starting(&pages[0], "Monthly Return for Equity Issuer");
    assert_near(title.right(), 797.10, "title right");
}

/// The reference's quotes in notes 4 and 6, as HKEX prints them (note 4 mixes straight opening
/// and curly closing quotes). Both are in WinAnsi, so they print with the standard fonts too.
#[test]
fn notes_keep_the_reference_s_quotes() {
    let p = &pages(&moon())[9];
    assert_eq!(
        run_starting(p, "“Identical”").text,
        "“Identical” means in this context:"
    );
    assert!(
        run_starting(
            p,
            "\"Initial Prescribed Threshold”, \"Alternative Threshold” and \"market value\" have"
        )
        .baseline
            > 0.0
    );
}
