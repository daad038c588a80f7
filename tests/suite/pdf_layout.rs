//! The pure layout, checked geometrically: no overlapping text, everything inside the page and
//! its cells, numbers right-aligned at cell edge − padding, pagination that never splits a row,
//! footers, the v1.2.0 additions, the draft mark and the unencodable-text refusal.

use crate::common;

use monthly_return::calc::derive;
use monthly_return::model::MonthlyReturn;
use monthly_return::pdf::frame::{Item, Page, Rect, Text};
use monthly_return::pdf::layout::{LayoutError, LayoutOptions, layout};
use monthly_return::pdf::metrics::{ASCENDER_EM, DESCENDER_EM};

const PAD: f32 = 1.42;
const PAD_FIELD: f32 = 1.67;

fn lay(ret: &MonthlyReturn, errors: usize) -> Vec<Page> {
    let d = derive(ret);
    layout(
        ret,
        &d,
        &LayoutOptions {
            error_count: errors,
        },
    )
    .unwrap_or_else(|e| panic!("layout failed: {e}"))
}

fn texts(page: &Page) -> Vec<&Text> {
    page.texts().collect()
}

fn strings(page: &Page) -> Vec<String> {
    page.texts().map(|t| t.text.clone()).collect()
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

/// (left, top, right, bottom) of a run from the Helvetica metrics.
fn bbox(t: &Text) -> (f32, f32, f32, f32) {
    (
        t.x,
        t.baseline - ASCENDER_EM * t.size,
        t.right(),
        t.baseline - DESCENDER_EM * t.size,
    )
}

fn assert_no_overlap(pages: &[Page], what: &str) {
    for (p, page) in pages.iter().enumerate() {
        let ts: Vec<_> = texts(page)
            .into_iter()
            .filter(|t| !t.text.trim().is_empty())
            .collect();
        for (i, a) in ts.iter().enumerate() {
            let ba = bbox(a);
            for b in &ts[i + 1..] {
                let bb = bbox(b);
                let overlap = ba.0 < bb.2 - 0.01
                    && bb.0 < ba.2 - 0.01
                    && ba.1 < bb.3 - 0.01
                    && bb.1 < ba.3 - 0.01;
                assert!(!overlap, "{what} page {}: {:?} overlaps {:?}", p + 1, a, b);
            }
        }
    }
}

fn assert_inside_margins(pages: &[Page], what: &str) {
    let (l, t, r, b) = (20.0, 15.0, 822.0, 560.0);
    for (p, page) in pages.iter().enumerate() {
        assert!((page.width_pt - 841.89).abs() < 0.01 && (page.height_pt - 595.28).abs() < 0.01);
        for item in &page.items {
            let (x0, y0, x1, y1) = match item {
                Item::Text(t) => bbox(t),
                Item::Line(li) => (
                    li.x1.min(li.x2),
                    li.y1.min(li.y2),
                    li.x1.max(li.x2),
                    li.y1.max(li.y2),
                ),
                Item::Rect(s) => (s.rect.left(), s.rect.top(), s.rect.right(), s.rect.bottom()),
            };
            assert!(
                x0 >= l && x1 <= r && y0 >= t && y1 <= b,
                "{what} page {}: {item:?} outside the margins",
                p + 1
            );
        }
    }
}

/// Every text whose start lies in a cell ends inside that (smallest) cell.
fn assert_text_inside_cells(pages: &[Page], what: &str) {
    for (p, page) in pages.iter().enumerate() {
        let rs = rects(page);
        for t in page.texts() {
            let (x, y) = (t.x + 0.3, t.baseline - 0.3 * t.size);
            let Some(cell) = rs
                .iter()
                .filter(|r| r.contains(x, y))
                .min_by(|a, b| (a.width * a.height).total_cmp(&(b.width * b.height)))
            else {
                continue;
            };
            let (_, top, right, bottom) = bbox(t);
            assert!(
                right <= cell.right() + 0.05
                    && bottom <= cell.bottom() + 0.05
                    && top >= cell.top() - 0.05,
                "{what} page {}: {:?} sticks out of its cell {cell:?}",
                p + 1,
                t.text
            );
        }
    }
}

fn is_number(s: &str) -> bool {
    let body = s.strip_prefix('-').unwrap_or(s);
    let ok_chars = !body.is_empty()
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        && body.chars().next().is_some_and(|c| c.is_ascii_digit())
        && body.chars().last().is_some_and(|c| c.is_ascii_digit());
    // Stock codes (`03896`) are text, not numbers.
    // Formatted counts of 1,000 and up have separators; bare digit strings are codes.
    let code = (body.len() > 1 && body.starts_with('0') && !body.starts_with("0."))
        || (body.len() >= 4 && body.chars().all(|c| c.is_ascii_digit()));
    ok_chars && !code
}

/// Every number ends at its cell's right edge − 1.42, or at its underline's end − 1.67.
fn assert_numbers_right_aligned(pages: &[Page], what: &str) -> usize {
    let mut checked = 0;
    for (p, page) in pages.iter().enumerate() {
        let rs = rects(page);
        let lines: Vec<_> = page
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Line(l) => Some(*l),
                _ => None,
            })
            .collect();
        for t in page.texts().filter(|t| is_number(&t.text)) {
            let r = t.right();
            let in_cell = rs.iter().any(|c| {
                c.top() <= t.baseline
                    && t.baseline <= c.bottom()
                    && (r - (c.right() - PAD)).abs() < 0.02
            });
            let on_line = lines.iter().any(|l| {
                let y = l.y1;
                y >= t.baseline
                    && y <= t.baseline + 8.0
                    && (r - (l.x1.max(l.x2) - PAD_FIELD)).abs() < 0.02
            });
            assert!(
                in_cell || on_line,
                "{what} page {}: number {:?} ends at {r}, not at a cell edge − padding",
                p + 1,
                t.text
            );
            checked += 1;
        }
    }
    checked
}

fn assert_footers(pages: &[Page], version: &str) {
    let n = pages.len();
    for (i, page) in pages.iter().enumerate() {
        let s = strings(page);
        let footer = format!("Page {} of {n}", i + 1);
        assert_eq!(
            s.iter().filter(|t| **t == footer).count(),
            1,
            "page {}",
            i + 1
        );
        assert!(s.iter().any(|t| t == version), "page {}", i + 1);
        assert!(s.iter().any(|t| t == "FF301"), "page {}", i + 1);
    }
}

#[test]
fn kingsoft_lays_out_ten_clean_pages() {
    let pages = lay(&common::kingsoft(), 0);
    assert_eq!(pages.len(), 10);
    assert_no_overlap(&pages, "kingsoft");
    assert_inside_margins(&pages, "kingsoft");
    assert_text_inside_cells(&pages, "kingsoft");
    assert!(assert_numbers_right_aligned(&pages, "kingsoft") >= 20);
    assert_footers(&pages, "v 1.1.0");
    // Blank stays blank, 0 prints 0: part II's treasury column has `0` twice, the movement row nothing.
    let p2 = strings(&pages[1]);
    assert_eq!(p2.iter().filter(|t| *t == "0").count(), 2);
    // The title is bold 11 pt and wraps after `Movements in`, as in the reference.
    let title: Vec<_> = pages[0].texts().filter(|t| t.size == 11.0).collect();
    assert_eq!(title.len(), 2);
    assert!(title[0].text.ends_with("Movements in") && title[1].text == "Securities");
    // Line 1 is justified to the reference's last letter, 797.10 (its run ends at 800.16 with a
    // trailing space); the word spacing is then the ≈ 1.17 measured on the reference.
    assert!(
        (title[0].right() - 797.10).abs() < 0.01,
        "{}",
        title[0].right()
    );
    assert!(
        (title[0].word_spacing - 1.17).abs() < 0.02,
        "{}",
        title[0].word_spacing
    );
    assert_eq!(title[1].word_spacing, 0.0);
}

#[test]
fn numbers_sit_at_the_cell_edge_minus_padding() {
    // Kingsoft's part I: 40,000,000,000 ends at 408.47 − 1.42 (measured 407.04 in the reference).
    let pages = lay(&common::kingsoft(), 0);
    let t = pages[0]
        .texts()
        .find(|t| t.text == "40,000,000,000")
        .unwrap_or_else(|| panic!("missing"));
    assert!((t.right() - 407.05).abs() < 0.02, "{}", t.right());
    for ret in [common::moon(), common::stress()] {
        let pages = lay(&ret, 0);
        assert!(assert_numbers_right_aligned(&pages, "other") > 5);
    }
}

#[test]
fn long_descriptions_wrap_inside_their_cells() {
    let ret = common::moon();
    let pages = lay(&ret, 0);
    // The convertible's description (6 pt, column 1 after the row number) wraps to 3 lines.
    let desc: Vec<_> = pages[4]
        .texts()
        .filter(|t| t.size == 6.0 && (t.x - 39.12).abs() < 0.01)
        .collect();
    assert!(desc.len() >= 3, "{desc:?}");
    for t in &desc {
        assert!(t.right() <= 176.60 - PAD + 0.01, "{:?}", t.text);
    }
    assert_text_inside_cells(&pages, "moon");
    // The class description in the header grid wraps and the row grows.
    let stress = lay(&common::stress(), 0);
    assert_text_inside_cells(&stress, "stress");
}

#[test]
fn stress_return_paginates_without_splitting_rows() {
    let ret = common::stress();
    let pages = lay(&ret, 0);
    let n = pages.len();
    assert!(n > 40, "only {n} pages");
    assert_footers(&pages, "v 1.1.0");
    assert_no_overlap(&pages, "stress");
    assert_inside_margins(&pages, "stress");
    for (p, page) in pages.iter().enumerate() {
        // Nothing runs into the footer.
        for r in rects(page) {
            assert!(
                r.bottom() <= 530.01 && r.top() >= 37.0 - 0.01,
                "page {}: {r:?}",
                p + 1
            );
        }
        // A scheme row always carries its GM approval field on the same page, and a page of
        // scheme rows repeats the heading row.
        let s = strings(page);
        let rows: Vec<usize> = s
            .iter()
            .enumerate()
            .filter(|(_, t)| t.starts_with("Scheme "))
            .map(|(i, _)| i)
            .collect();
        for (k, &i) in rows.iter().enumerate() {
            let end = rows.get(k + 1).copied().unwrap_or(s.len());
            assert!(
                s[i..end].iter().any(|t| t == "27 February 2013"),
                "page {}: row {:?} split",
                p + 1,
                s[i]
            );
        }
        if !rows.is_empty() {
            assert!(
                s.iter().any(|t| t == "Particulars of share option"),
                "page {}: no heading row",
                p + 1
            );
        }
    }
    // Every scheme of every class is printed exactly once.
    let all: Vec<String> = pages.iter().flat_map(strings).collect();
    for c in [1, 7, 20] {
        for s in [1, 14, 50] {
            let name = format!("Scheme {s} of class {c}");
            let hits = all
                .iter()
                .filter(|t| *t == &name || t.starts_with(&format!("{name}:")))
                .count();
            assert_eq!(hits, 1, "{name}");
        }
    }
    // 200 (E) events.
    assert_eq!(
        all.iter()
            .filter(
                |t| *t == "Repurchase of shares (shares held as treasury shares)"
                    || *t == "Placing"
            )
            .count(),
        200
    );
    // Parts keep their order: III(E) after III(A), V after IV, the notes last.
    let first = |s: &str| {
        pages
            .iter()
            .position(|p| strings(p).iter().any(|t| t.starts_with(s)))
    };
    let order = [
        "I. Movements",
        "II. Movements",
        "III. Details",
        "(B). Warrants",
        "(C). Convert",
        "(D). Any other",
        "(E). Other",
        "IV. Information",
        "V. Confirmations",
        "Notes",
    ];
    let at: Vec<_> = order
        .iter()
        .map(|s| first(s).unwrap_or(usize::MAX))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
    assert_eq!(at[9], n - 1);
}

#[test]
fn v120_prints_the_public_float_block_and_six_notes() {
    let pages = lay(&common::moon(), 0);
    assert_eq!(pages.len(), 10);
    assert_footers(&pages, "v 1.2.0");
    assert_no_overlap(&pages, "moon");
    assert_inside_margins(&pages, "moon");
    let p2 = strings(&pages[1]);
    assert!(
        p2.iter()
            .any(|t| t == "Public float sufficiency confirmation (Note 4)")
    );
    assert!(p2.iter().any(|t| t == "Applicable public float threshold"));
    // Two drawn 10 × 10 tick boxes, the first ticked with the reference's ✔ at 7 pt, its
    // origin at x 28.40, 7.53 below the box's top (reference: box 248.80, baseline 256.33).
    let boxes: Vec<_> = rects(&pages[1])
        .into_iter()
        .filter(|r| (r.width - 10.0).abs() < 0.01 && (r.height - 10.0).abs() < 0.01)
        .collect();
    assert_eq!(boxes.len(), 2);
    let ticks: Vec<_> = pages[1]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text(t) if t.text == "\u{2714}" => Some(t),
            _ => None,
        })
        .collect();
    assert_eq!(ticks.len(), 1);
    let first_box = boxes.iter().map(|r| r.y).fold(f32::INFINITY, f32::min);
    assert!((ticks[0].x - 28.40).abs() < 0.01 && (ticks[0].size - 7.0).abs() < 0.01);
    assert!((ticks[0].baseline - first_box - 7.53).abs() < 0.01);
    let p9 = strings(&pages[8]);
    assert!(p9.iter().any(|t| t == "(Note 5)"));
    assert!(p9.iter().any(|t| t.contains("identical (Note 6);")));
    let p10 = strings(&pages[9]);
    for n in ["1.", "2.", "3.", "4.", "5.", "6."] {
        assert!(p10.iter().any(|t| t == n), "note {n}");
    }
    // v1.1.0 has no public float block and five notes.
    let k = lay(&common::kingsoft(), 0);
    assert!(!strings(&k[1]).iter().any(|t| t.starts_with("Public float")));
    assert!(!strings(&k[9]).iter().any(|t| t == "6."));
    assert!(strings(&k[8]).iter().any(|t| t == "(Note 4)"));
}

#[test]
fn draft_mark_on_every_page_only_with_errors() {
    let pages = lay(&common::kingsoft(), 3);
    for (i, page) in pages.iter().enumerate() {
        let mark: Vec<_> = page
            .texts()
            .filter(|t| t.text == "DRAFT \u{2014} 3 errors")
            .collect();
        assert_eq!(mark.len(), 1, "page {}", i + 1);
        assert!(mark[0].grey.is_some());
    }
    assert_no_overlap(&pages, "draft");
    assert_inside_margins(&pages, "draft");
    let clean = lay(&common::kingsoft(), 0);
    assert!(
        clean
            .iter()
            .all(|p| !p.texts().any(|t| t.text.starts_with("DRAFT")))
    );
}

#[test]
fn amended_confirmation_items_replace_the_standard_wording() {
    let mut ret = common::kingsoft();
    ret.part5.amended_items[2] =
        Some("not applicable: no formal letter granting listing was required this month.".into());
    let pages = lay(&ret, 0);
    let p9 = strings(&pages[8]);
    assert!(
        p9.iter()
            .any(|t| t.starts_with("not applicable: no formal letter"))
    );
    assert!(
        !p9.iter()
            .any(|t| t.starts_with("all (if any) conditions contained"))
    );
}

#[test]
fn not_applicable_parts_print_heading_and_not_applicable() {
    let mut ret = common::kingsoft();
    ret.part1.part.not_applicable = true;
    ret.part1.part.blocks.clear();
    ret.part3a.not_applicable = true;
    ret.part3a.blocks.clear();
    let pages = lay(&ret, 0);
    assert_eq!(pages.len(), 10);
    let p1 = strings(&pages[0]);
    let i = p1
        .iter()
        .position(|t| t == "I. Movements in Authorised / Registered Share Capital");
    assert!(
        i.is_some_and(|i| p1.get(i + 1).is_some_and(|t| t == "Not applicable")),
        "{p1:?}"
    );
    assert!(!p1.iter().any(|t| t == "1. Class of shares"));
    // (E) not applicable still prints the grand totals.
    let p7 = strings(&pages[6]);
    assert!(p7.iter().any(|t| t == "Not applicable"));
    assert!(
        p7.iter()
            .any(|t| t.starts_with("Total increase/ decrease (-) in issued shares"))
    );
    assert_no_overlap(&pages, "n/a");
}

#[test]
fn unencodable_text_names_the_field() {
    monthly_return::pdf::fonts::with_cjk_font(
        None,
        unencodable_text_names_the_field_without_a_cjk_font,
    );
}

fn unencodable_text_names_the_field_without_a_cjk_font() {
    let mut ret = common::kingsoft();
    ret.header.issuer_name = "金山云".into();
    let d = derive(&ret);
    let err = layout(&ret, &d, &LayoutOptions::default());
    assert_eq!(
        err,
        Err(LayoutError::Unencodable {
            field: "Name of Issuer".into(),
            path: monthly_return::model::path::header::issuer_name(),
            message: "\"金\" (U+91D1) at position 1 cannot be printed in the PDF: no Chinese \
                      font was found (install fonts-noto-cjk)"
                .into(),
        })
    );
    let mut ret = common::kingsoft();
    ret.classes[0].description = "普通股".into();
    match layout(&ret, &derive(&ret), &LayoutOptions::default()) {
        Err(LayoutError::Unencodable { field, .. }) => assert_eq!(field, "Class 1: Description"),
        other => panic!("{other:?}"),
    }
    let mut ret = common::kingsoft();
    ret.part5.submitted_by = "鄒濤".into();
    match layout(&ret, &derive(&ret), &LayoutOptions::default()) {
        Err(LayoutError::Unencodable { field, .. }) => assert_eq!(field, "Submitted by"),
        other => panic!("{other:?}"),
    }
}

/// Every table the seed filings leave empty — III(B) warrants, III(C) with an `Other` movement,
/// III(E) events, part IV HDR lines, a class with an extra counter — and 120 option schemes
/// (three-digit row numbers) lay out cleanly.
#[test]
fn every_table_lays_out_cleanly() {
    use monthly_return::model::*;
    let mut ret = common::moon();
    let id = ClassId(1);
    ret.classes[0].other_counters.push(CounterCode {
        id: Default::default(),
        stock_code: "81723".into(),
        currency: "RMB".into(),
        description: "RMB counter".into(),
    });
    ret.part3a = Part {
        not_applicable: false,
        blocks: vec![OptionBlock {
            id: Default::default(),
            class: id,
            schemes: (1..=120)
                .map(|s| OptionScheme {
                    particulars: format!("Plan {s}"),
                    preceding_outstanding: Some(1_000 * s),
                    cancelled: Some(10),
                    ..OptionScheme::default()
                })
                .collect(),
            funds_raised: Money::default(),
            remarks: String::new(),
        }],
    };
    ret.part3b = Part {
        not_applicable: false,
        blocks: vec![WarrantBlock {
            id: Default::default(),
            class: id,
            warrants: vec![Warrant {
                description: "2027 Warrants".into(),
                expiry_date: common::day(2027, 12, 31),
                currency: "HKD".into(),
                preceding_nominal: Some(common::dec("1000000")),
                exercised_nominal: Some(common::dec("250000.50")),
                new_shares: Some(50_000),
                shares_issuable_at_close: Some(150_000),
                stock_code: "01234".into(),
                subscription_price: Money::new("HKD", common::dec("5.00001")),
                gm_approval_date: common::day(2024, 6, 1),
                ..Warrant::default()
            }],
            remarks: "Warrant remarks".into(),
        }],
    };
    ret.part3c.blocks[0].convertibles[0]
        .movements
        .push(ConvertibleMovement {
            id: Default::default(),
            kind: ConvertibleMovementKind::Other,
            label: "Adjusted".into(),
            amount: Some(common::dec("-100")),
        });
    ret.part3e = Part {
        not_applicable: false,
        blocks: vec![EventBlock {
            id: Default::default(),
            class: id,
            events: vec![Event {
                type_of_issue: TypeOfIssue::Other,
                other_description: "Conversion of Class B shares into Class A shares".into(),
                price: Money::default(),
                event_date: common::day(2026, 1, 15),
                change_excluding_treasury: Some(1_000),
                pending_cancellation: Some(-5_000),
                ..Event::default()
            }],
            remarks: String::new(),
        }],
    };
    ret.part4 = Part4 {
        part: Part {
            not_applicable: false,
            blocks: vec![HdrLine {
                id: Default::default(),
                description: "Hong Kong Depositary Receipts representing ordinary shares".into(),
                stock_code: "09999".into(),
                depositary: "Example Depositary Bank".into(),
                hdrs_per_share: Some(common::dec("10")),
                preceding_hdrs: Some(1_000_000),
                movement_hdrs: Some(-20_000),
            }],
        },
        remarks: String::new(),
    };
    let pages = lay(&ret, 0);
    assert_no_overlap(&pages, "full");
    assert_inside_margins(&pages, "full");
    assert_text_inside_cells(&pages, "full");
    assert!(assert_numbers_right_aligned(&pages, "full") > 100);
    assert_footers(&pages, "v 1.2.0");
    let all: Vec<String> = pages.iter().flat_map(strings).collect();
    for want in [
        "120).",
        "Cancelled",
        "-10",
        "2027 Warrants (31/12/2027)",
        "749,999.5",
        "5.00001",
        "Adjusted",
        "-100",
        "-5,000",
        "Example Depositary Bank",
        "980,000",
        "98,000",
        "81723",
        "RMB RMB counter",
        "Ordinary shares (BB1)",
        "Ordinary shares (EE1)",
    ] {
        assert!(all.iter().any(|t| t == want), "{want:?} missing");
    }
    // An `Other (please specify)` event: the label, then the typed text (wrapped in its cell).
    assert!(
        all.join(" ")
            .contains("Other (please specify): Conversion of Class B shares into Class A shares")
    );
}
