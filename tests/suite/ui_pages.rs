//! The editor pages driven through egui_kittest: typing, computed cells, inline flags, lists.

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use rust_decimal::Decimal;

use monthly_return::calc;
use monthly_return::model::path::{self, FieldPath};
use monthly_return::model::*;
use monthly_return::rules::{self, Finding, Severity};
use monthly_return::ui::widgets::FindingIndex;
use monthly_return::ui::{FieldBuffers, Page, PageContext, page_ui};

use crate::common::a11y::{figure, is_computed};

/// What the shell owns, reduced to what a page needs; derived figures and findings are
/// recomputed every frame like the app does.
struct State {
    page: Page,
    ret: MonthlyReturn,
    pending_focus: Option<FieldPath>,
    /// Findings added by a test on top of the rules' own.
    extra: Vec<Finding>,
}

impl State {
    fn new(page: Page, ret: MonthlyReturn) -> Self {
        State {
            page,
            ret,
            pending_focus: None,
            extra: Vec::new(),
        }
    }
}

fn draw(ui: &mut egui::Ui, s: &mut State) {
    // As the shell does: rows added last frame get their ids, then everything is derived.
    s.ret.assign_new_row_ids();
    s.ret.prune_unparsed();
    let rows = RowIndex::new(&s.ret);
    let derived = calc::derive(&s.ret);
    let analysed = s.ret.clone();
    let mut findings = rules::check(&s.ret, &derived, None);
    findings.extend(s.extra.iter().cloned());
    let index = FindingIndex::new(&findings);
    let mut buffers = FieldBuffers::lend(&mut s.ret);
    let mut ctx = PageContext {
        derived: &derived,
        findings: &index,
        buffers: &mut buffers,
        pending_focus: &mut s.pending_focus,
        rows: &rows,
        analysed: Some(&analysed),
    };
    // As the shell does: the page inside a scroll area.
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| page_ui(ui, s.page, &mut s.ret, &mut ctx));
    buffers.give_back(&mut s.ret);
}

fn harness(state: State) -> Harness<'static, State> {
    Harness::builder()
        .with_size([1400.0, 4000.0])
        .build_ui_state(draw, state)
}

/// Replaces the text of the field named `label` with `text`.
fn type_into(h: &mut Harness<'_, State>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    if text.is_empty() {
        h.key_press(egui::Key::Backspace);
    } else {
        h.get_by_label(label).type_text(text);
    }
    h.run();
}

/// The value of the input named `label`, or the figure of the computed cell of that name.
fn value_of(h: &Harness<'_, State>, label: &str) -> String {
    match h.query_by_label(label) {
        Some(n) => n.value().unwrap_or_default(),
        None => figure(
            &h.get_by(|n| is_computed(n, label))
                .value()
                .unwrap_or_default(),
        ),
    }
}

/// The node of the input or computed cell named `name`.
fn node_named<'h>(h: &'h Harness<'_, State>, name: &'h str) -> egui_kittest::Node<'h> {
    match h.query_by_label(name) {
        Some(n) => n,
        None => h.get_by(|n| is_computed(n, name)),
    }
}

/// Leaves the field so it shows its formatted value.
fn blur(h: &mut Harness<'_, State>) {
    h.key_press(egui::Key::Escape);
    h.run();
}

#[test]
fn typing_a_preceding_balance_and_a_movement_updates_the_closing_balance() {
    let mut h = harness(State::new(Page::II, MonthlyReturn::blank()));
    type_into(
        &mut h,
        "Part II class 1 preceding issued shares excluding treasury",
        "3,805,284,801",
    );
    type_into(
        &mut h,
        "Part II class 1 increase or decrease in issued shares excluding treasury",
        "-112875",
    );
    blur(&mut h);
    assert_eq!(
        h.state().ret.part2.part.blocks[0]
            .preceding
            .excluding_treasury,
        Some(3_805_284_801)
    );
    assert_eq!(
        value_of(
            &h,
            "Part II class 1 closing issued shares excluding treasury"
        ),
        "3,805,171,926"
    );
    assert_eq!(
        value_of(&h, "Part II class 1 closing total issued shares"),
        "3,805,171,926"
    );
    // Not being edited, the typed number is shown with separators.
    assert_eq!(
        value_of(
            &h,
            "Part II class 1 increase or decrease in issued shares excluding treasury"
        ),
        "-112,875"
    );
}

#[test]
fn a_non_number_is_kept_and_flagged_and_counts_as_blank() {
    let mut ret = MonthlyReturn::blank();
    ret.part2.part.blocks[0].preceding.treasury = Some(1_000);
    let mut h = harness(State::new(Page::II, ret));
    let label = "Part II class 1 preceding treasury shares";
    type_into(&mut h, label, "12x");
    blur(&mut h);
    assert_eq!(value_of(&h, label), "12x");
    // Not the 1,000 it held before, nor a part of what was typed: blank, and it says so.
    assert_eq!(h.state().ret.part2.part.blocks[0].preceding.treasury, None);
    h.get_by_label_contains("Not a number: 12x — counted as blank until corrected");
    let key = RowIndex::new(&h.state().ret).key(&path::part2::preceding_treasury(0));
    assert_eq!(
        h.state().ret.unparsed.get(&key).map(String::as_str),
        Some("12x")
    );
    h.get_by_label_contains("Not a number: 12x");
    // Clearing the field blanks the value and the message goes.
    type_into(&mut h, label, "");
    blur(&mut h);
    assert_eq!(h.state().ret.part2.part.blocks[0].preceding.treasury, None);
    assert!(h.state().ret.unparsed.is_empty());
    assert!(h.query_by_label_contains("Not a number").is_none());
}

#[test]
fn a_finding_on_a_field_shows_its_message_under_it() {
    let mut state = State::new(Page::II, MonthlyReturn::blank());
    let path = path::part2::movement_excluding_treasury(0);
    state.extra.push(Finding {
        rule: "TEST-001",
        severity: Severity::Error,
        message: "Part III totals 0 but part II shows 500 (difference 500)".to_string(),
        path,
    });
    let h = harness(state);
    h.get_by_label_contains("Part III totals 0 but part II shows 500");
}

/// Three messages show under a field; the rest are summed up in a line that a screen reader
/// (and this test) reads in full.
#[test]
fn a_field_with_many_findings_shows_three_and_sums_up_the_rest() {
    let mut state = State::new(Page::II, MonthlyReturn::blank());
    for n in 1..=5 {
        state.extra.push(Finding {
            rule: "TEST-001",
            severity: Severity::Warning,
            message: format!("Test message number {n}"),
            path: path::part2::movement_treasury(0),
        });
    }
    let h = harness(state);
    for n in 1..=3 {
        h.get_by_label(&format!("Test message number {n}"));
    }
    let more = h.get_by_label_contains("and 2 more messages");
    let value = more.value().unwrap_or_default();
    assert!(
        value.contains("Test message number 4") && value.contains("Test message number 5"),
        "{value}"
    );
}

#[test]
fn a_date_typed_in_words_parses() {
    let mut h = harness(State::new(Page::I, MonthlyReturn::blank()));
    type_into(&mut h, "Date Submitted", "06 November 2024");
    blur(&mut h);
    assert_eq!(
        h.state().ret.header.date_submitted,
        NaiveDate::from_ymd_opt(2024, 11, 6)
    );
    assert_eq!(value_of(&h, "Date Submitted"), "06 November 2024");
    type_into(&mut h, "For the month ended", "31 Oct 2024");
    blur(&mut h);
    assert_eq!(
        h.state().ret.header.month_end,
        NaiveDate::from_ymd_opt(2024, 10, 31)
    );
}

#[test]
fn money_is_typed_as_currency_and_exact_amount() {
    let mut h = harness(State::new(Page::I, MonthlyReturn::blank()));
    type_into(
        &mut h,
        "Part I class 1 preceding authorised shares",
        "40,000,000,000",
    );
    type_into(&mut h, "Part I class 1 par value currency", "usd");
    type_into(&mut h, "Part I class 1 par value amount", "0.001");
    blur(&mut h);
    let b = &h.state().ret.part1.part.blocks[0];
    assert_eq!(b.par_value.currency, "USD");
    assert_eq!(b.par_value.amount, Some(Decimal::new(1, 3)));
    // 40,000,000,000 × USD 0.001, printed as on the filed return (no trailing zeros).
    assert_eq!(
        value_of(&h, "Part I class 1 closing authorised capital"),
        "40,000,000"
    );
}

#[test]
fn public_float_block_only_for_v1_2_0() {
    let pf = "Part II class 1 applicable public float threshold";
    let h = harness(State::new(Page::II, MonthlyReturn::blank()));
    assert!(h.query_by_label(pf).is_none());
    let mut ret = MonthlyReturn::blank();
    ret.template_version = TemplateVersion::V1_2_0;
    let h = harness(State::new(Page::II, ret));
    h.get_by_label(pf);
    h.get_by_label("Part II class 1 public float requirement complied with");
    // Neither box ticked: both radio buttons carry the message as their description.
    for name in [
        "Part II class 1 public float requirement complied with",
        "Part II class 1 public float requirement not complied with",
    ] {
        let description = h
            .get_by_label(name)
            .accesskit_node()
            .description()
            .unwrap_or_default();
        assert!(
            description.contains("neither public float box is ticked"),
            "{name}: {description:?}"
        );
    }
}

#[test]
fn a_part2_movement_with_no_part3_rows_is_flagged_by_the_rules() {
    let mut ret = MonthlyReturn::blank();
    ret.part2.part.blocks[0].preceding.excluding_treasury = Some(1_000_000);
    let mut h = harness(State::new(Page::II, ret));
    type_into(
        &mut h,
        "Part II class 1 increase or decrease in issued shares excluding treasury",
        "500",
    );
    blur(&mut h);
    // II-002: Part II says +500, Part III totals 0.
    h.get_by_label_contains("Part III totals (Total of AA1 to EE1) give 0");
}

fn options_return() -> MonthlyReturn {
    let mut ret = MonthlyReturn::blank();
    ret.part3a.not_applicable = false;
    ret.part3a.blocks.push(OptionBlock {
        class: ret.classes[0].id,
        ..OptionBlock::default()
    });
    ret
}

#[test]
fn option_schemes_are_added_and_removed_with_buttons() {
    let mut h = harness(State::new(Page::IIIA, options_return()));
    assert_eq!(h.state().ret.part3a.blocks[0].schemes.len(), 0);
    h.get_by_label("Add option scheme to part III(A) block 1")
        .click();
    h.run();
    h.get_by_label("Add option scheme to part III(A) block 1")
        .click();
    h.run();
    assert_eq!(h.state().ret.part3a.blocks[0].schemes.len(), 2);
    type_into(
        &mut h,
        "Part III(A) block 1 scheme 2 particulars",
        "2013 Share Option Scheme",
    );
    h.get_by_label("Move option scheme 2 of part III(A) block 1 up")
        .click();
    h.run();
    assert_eq!(
        h.state().ret.part3a.blocks[0].schemes[0].particulars,
        "2013 Share Option Scheme"
    );
    h.get_by_label("Remove option scheme 2 of part III(A) block 1")
        .click();
    h.run();
    assert_eq!(h.state().ret.part3a.blocks[0].schemes.len(), 1);
    assert_eq!(
        h.state().ret.part3a.blocks[0].schemes[0].particulars,
        "2013 Share Option Scheme"
    );
}

#[test]
fn scheme_movements_update_closing_outstanding_and_summary() {
    let mut ret = options_return();
    ret.part3a.blocks[0].schemes.push(OptionScheme {
        preceding_outstanding: Some(26_551_714),
        ..OptionScheme::default()
    });
    let mut h = harness(State::new(Page::IIIA, ret));
    type_into(
        &mut h,
        "Part III(A) block 1 scheme 1 options exercised",
        "300,000",
    );
    type_into(
        &mut h,
        "Part III(A) block 1 scheme 1 options lapsed",
        "112875",
    );
    type_into(
        &mut h,
        "Part III(A) block 1 scheme 1 new shares issued (A1)",
        "200000",
    );
    type_into(
        &mut h,
        "Part III(A) block 1 scheme 1 treasury shares transferred out (A2)",
        "100000",
    );
    blur(&mut h);
    assert_eq!(
        value_of(
            &h,
            "Part III(A) block 1 scheme 1 options outstanding at close of the month"
        ),
        "26,138,839"
    );
    assert_eq!(
        value_of(&h, "Part III(A) block 1 increase in issued shares (AA1)"),
        "300,000"
    );
    assert_eq!(
        value_of(&h, "Part III(A) block 1 decrease in treasury shares (AA2)"),
        "100,000"
    );
}

#[test]
fn restore_standard_wording_clears_the_amendment() {
    let mut ret = MonthlyReturn::blank();
    ret.part5.amended_items[2] = Some("Not applicable to this issue.".to_string());
    let mut h = harness(State::new(Page::V, ret));
    assert_eq!(
        value_of(&h, "Confirmation item (iii)"),
        "Not applicable to this issue."
    );
    h.get_by_label("Restore standard wording of item (iii)")
        .click();
    h.run();
    assert_eq!(h.state().ret.part5.amended_items[2], None);
    assert!(value_of(&h, "Confirmation item (iii)").starts_with("all (if any) conditions"));
    // Editing an item stores an amendment.
    type_into(&mut h, "Confirmation item (i)", "Amended wording");
    assert_eq!(
        h.state().ret.part5.amended_items[0].as_deref(),
        Some("Amended wording")
    );
}

#[test]
fn pending_focus_moves_keyboard_focus_to_the_field_and_is_cleared() {
    let mut state = State::new(Page::II, MonthlyReturn::blank());
    state.pending_focus = Some(path::part2::preceding_treasury(0));
    let h = harness(state);
    assert!(h.state().pending_focus.is_none());
    assert!(
        h.get_by_label("Part II class 1 preceding treasury shares")
            .is_focused()
    );
}

#[test]
fn not_applicable_hides_the_blocks_but_keeps_them() {
    let mut ret = options_return();
    ret.part3a.blocks[0].schemes.push(OptionScheme::default());
    let mut h = harness(State::new(Page::IIIA, ret));
    h.get_by_label("Part III(A) block 1 scheme 1 particulars");
    h.get_by_label("Part III(A) not applicable").click();
    h.run();
    assert!(h.state().ret.part3a.not_applicable);
    assert!(
        h.query_by_label("Part III(A) block 1 scheme 1 particulars")
            .is_none()
    );
    assert_eq!(h.state().ret.part3a.blocks.len(), 1);
}

/// A return with something in every part, every list at least two long, both versions.
fn full_return(version: TemplateVersion) -> MonthlyReturn {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
    let mut ret = MonthlyReturn::blank();
    ret.template_version = version;
    ret.header.issuer_name = "Kingsoft Cloud Holdings Limited".into();
    ret.header.month_end = d(2024, 10, 31);
    ret.header.date_submitted = d(2024, 11, 6);
    let a = ret.classes[0].id;
    ret.classes[0].stock_code = "03896".into();
    ret.classes[0].other_counters.push(CounterCode {
        id: Default::default(),
        stock_code: "83896".into(),
        currency: "RMB".into(),
        description: "RMB counter".into(),
    });
    let mut pref = ShareClass::new(ClassId(2));
    pref.class_of_shares = ClassOfShares::Preference;
    pref.listed = false;
    ret.classes.push(pref);
    let b = ClassId(2);
    ret.part1.part.blocks[0].preceding_shares = Some(40_000_000_000);
    ret.part1.part.blocks[0].par_value = Money::new("USD", Decimal::new(1, 3));
    ret.part1.part.blocks.push(AuthorisedBlock {
        class: b,
        manual_capital: true,
        manual_preceding_capital: Some(Decimal::new(5_000_000, 0)),
        par_value: Money::new("HKD", Decimal::ONE),
        ..AuthorisedBlock::default()
    });
    ret.part2.part.blocks[0].preceding.excluding_treasury = Some(3_805_284_801);
    ret.part2.part.blocks.push(IssuedBlock::new(b));
    ret.part3a = Part {
        not_applicable: false,
        blocks: vec![OptionBlock {
            id: Default::default(),
            class: a,
            schemes: vec![
                OptionScheme {
                    particulars: "2013 Share Option Scheme".into(),
                    preceding_outstanding: Some(26_551_714),
                    gm_approval_date: d(2013, 2, 27),
                    ..OptionScheme::default()
                },
                OptionScheme::default(),
            ],
            funds_raised: Money::new("USD", Decimal::ZERO),
            remarks: "none".into(),
        }],
    };
    ret.part3b = Part {
        not_applicable: false,
        blocks: vec![WarrantBlock {
            id: Default::default(),
            class: a,
            warrants: vec![Warrant::default(), Warrant::default()],
            remarks: String::new(),
        }],
    };
    ret.part3c = Part {
        not_applicable: false,
        blocks: vec![ConvertibleBlock {
            id: Default::default(),
            class: a,
            convertibles: vec![
                Convertible {
                    kind: ConvertibleType::Others,
                    currency: "HKD".into(),
                    movements: vec![
                        ConvertibleMovement {
                            id: Default::default(),
                            kind: ConvertibleMovementKind::Issued,
                            label: String::new(),
                            amount: Some(Decimal::new(52_377_600, 0)),
                        },
                        ConvertibleMovement {
                            id: Default::default(),
                            kind: ConvertibleMovementKind::Other,
                            label: "Adjusted".into(),
                            amount: None,
                        },
                    ],
                    conversion_price: Money::new("HKD", Decimal::new(5, 0)),
                    ..Convertible::default()
                },
                Convertible::default(),
            ],
            remarks: String::new(),
        }],
    };
    ret.part3d = Part {
        not_applicable: false,
        blocks: vec![
            ArrangementBlock {
                id: Default::default(),
                class: a,
                arrangements: vec![Arrangement::default(), Arrangement::default()],
                remarks: String::new(),
            },
            ArrangementBlock {
                id: Default::default(),
                class: b,
                arrangements: vec![Arrangement::default()],
                remarks: String::new(),
            },
        ],
    };
    ret.part3e = Part {
        not_applicable: false,
        blocks: vec![EventBlock {
            id: Default::default(),
            class: a,
            events: vec![
                Event {
                    type_of_issue: TypeOfIssue::RepurchaseIntoTreasury,
                    change_excluding_treasury: Some(-2_000_000),
                    change_treasury: Some(2_000_000),
                    ..Event::default()
                },
                Event {
                    type_of_issue: TypeOfIssue::Other,
                    other_description: "Conversion".into(),
                    ..Event::default()
                },
            ],
            remarks: String::new(),
        }],
    };
    ret.part4 = Part4 {
        part: Part {
            not_applicable: false,
            blocks: vec![HdrLine::default(), HdrLine::default()],
        },
        remarks: String::new(),
    };
    ret.part5.amended_items[3] = Some("amended".into());
    ret.part5.submitted_by = "Zou Tao".into();
    ret
}

#[test]
fn every_page_of_a_full_return_renders_with_every_input_named() {
    for version in TemplateVersion::ALL {
        for page in Page::ALL {
            // The harness runs the accessibility check after settling and panics on an
            // unnamed input.
            let mut h = harness(State::new(page, full_return(version)));
            h.run();
            h.check_accessibility();
        }
    }
}

/// 20 classes with 50 option schemes each and 10 (E) events each: 1,000 schemes, 200 events.
fn stress_return() -> MonthlyReturn {
    let mut ret = MonthlyReturn::blank();
    ret.classes.clear();
    ret.part1.part.blocks.clear();
    ret.part2.part.blocks.clear();
    ret.part3a = Part::default();
    ret.part3e = Part::default();
    for c in 0..20u32 {
        let id = ClassId(c + 1);
        ret.classes.push(ShareClass::new(id));
        ret.part1.part.blocks.push(AuthorisedBlock::new(id));
        ret.part2.part.blocks.push(IssuedBlock::new(id));
        ret.part3a.blocks.push(OptionBlock {
            class: id,
            schemes: (0..50)
                .map(|i| OptionScheme {
                    particulars: format!("Scheme {i}"),
                    preceding_outstanding: Some(i * 1_000),
                    exercised: Some(i),
                    ..OptionScheme::default()
                })
                .collect(),
            ..OptionBlock::default()
        });
        ret.part3e.blocks.push(EventBlock {
            id: Default::default(),
            class: id,
            events: (0..10).map(|_| Event::default()).collect(),
            remarks: String::new(),
        });
    }
    ret
}

#[test]
fn the_stress_return_stays_responsive() {
    for page in [Page::Notes, Page::I, Page::II, Page::IIIA, Page::IIIE] {
        let mut h = Harness::builder()
            .with_size([1280.0, 800.0])
            .build_ui_state(draw, State::new(page, stress_return()));
        h.run();
        let start = std::time::Instant::now();
        for _ in 0..10 {
            h.step();
        }
        let per_frame = start.elapsed() / 10;
        eprintln!("stress {page:?}: {per_frame:?} per frame (debug build)");
        // Generous bound for a debug build on a slow shared machine; the figure is printed.
        assert!(
            per_frame < std::time::Duration::from_millis(300),
            "{page:?}: frame took {per_frame:?}"
        );
    }
}

#[test]
fn unparsed_text_moves_with_its_row() {
    let mut ret = options_return();
    ret.part3a.blocks[0].schemes = vec![OptionScheme::default(), OptionScheme::default()];
    let mut h = harness(State::new(Page::IIIA, ret));
    type_into(
        &mut h,
        "Part III(A) block 1 scheme 2 options granted",
        "12x",
    );
    blur(&mut h);
    h.get_by_label("Move option scheme 2 of part III(A) block 1 up")
        .click();
    h.run();
    assert_eq!(
        value_of(&h, "Part III(A) block 1 scheme 1 options granted"),
        "12x"
    );
    assert_eq!(
        value_of(&h, "Part III(A) block 1 scheme 2 options granted"),
        ""
    );
    h.get_by_label("Remove option scheme 1 of part III(A) block 1")
        .click();
    h.run();
    assert!(h.state().ret.unparsed.is_empty());
}

/// Every finding the rules raise on the example returns is shown, in full, on the page of its
/// field: the widgets compute exactly the paths the rules use.
#[test]
fn every_finding_appears_on_its_page() {
    let mut broken = full_return(TemplateVersion::V1_2_0);
    broken.part2.part.blocks[0].movement.excluding_treasury = Some(123);
    broken.part3a.blocks[0].schemes[0].exercised = Some(5);
    for ret in [
        MonthlyReturn::blank(),
        full_return(TemplateVersion::V1_1_0),
        broken,
    ] {
        let derived = calc::derive(&ret);
        let findings = rules::check(&ret, &derived, None);
        assert!(!findings.is_empty());
        for page in Page::ALL {
            let on_page: Vec<&Finding> = findings
                .iter()
                .filter(|f| monthly_return::ui::page_for_path(&f.path) == page)
                .collect();
            if on_page.is_empty() {
                continue;
            }
            let h = harness(State::new(page, ret.clone()));
            for f in on_page {
                assert!(
                    h.query_all_by_label_contains(&f.message).next().is_some(),
                    "{} at {} not shown on {page:?}: {}",
                    f.rule,
                    f.path,
                    f.message
                );
            }
        }
    }
}

/// Vertical distance between the centres of two nodes, in points.
fn centre_gap(h: &Harness<'_, State>, a: &str, b: &str) -> f32 {
    (node_named(h, a).rect().center().y - node_named(h, b).rect().center().y).abs()
}

#[test]
fn row_labels_and_currencies_line_up_with_their_fields() {
    let h = harness(State::new(Page::I, crate::common::kingsoft()));
    // Header grid: a label beside a date field, a text field and a drop-down.
    assert!(centre_gap(&h, "For the month ended:", "For the month ended") <= 2.0);
    assert!(centre_gap(&h, "Name of Issuer:", "Name of Issuer") <= 2.0);
    // Share-class card and the part I table (label column, input, computed cell with currency).
    assert!(centre_gap(&h, "Class of shares", "Class 1 class of shares") <= 2.0);
    let row = "Balance at close of preceding month";
    let shares = "Part I class 1 preceding authorised shares";
    assert!(centre_gap(&h, row, shares) <= 2.0);
    assert!(centre_gap(&h, shares, "Part I class 1 par value amount") <= 2.0);
    assert!(centre_gap(&h, shares, "Part I class 1 preceding authorised capital") <= 2.0);
}

/// A 1200-px window less the 230-px page list and the panels' margins.
const PAGE_WIDTH_AT_1200_PX: f32 = 950.0;

fn assert_fits_at_1200_px(state: State, names: &[&str]) {
    let width = PAGE_WIDTH_AT_1200_PX;
    let h = Harness::builder()
        .with_size([width, 3000.0])
        .build_ui_state(draw, state);
    for name in names {
        let right = h.get_by_label(name).rect().right();
        assert!(right <= width, "{name} ends at {right}, past {width}");
    }
}

#[test]
fn the_share_class_card_fits_beside_the_page_list_at_1200_px() {
    assert_fits_at_1200_px(
        State::new(Page::I, crate::common::kingsoft()),
        &[
            "Class 1 class of shares",
            "Class 1 type of shares",
            "Class 1 listed on the Exchange",
            "Class 1 stock code",
            "Class 1 description",
        ],
    );
}

#[test]
fn the_option_movement_columns_fit_beside_the_page_list_at_1200_px() {
    let mut ret = options_return();
    ret.part3a.blocks[0].schemes.push(OptionScheme::default());
    assert_fits_at_1200_px(
        State::new(Page::IIIA, ret),
        &[
            "Part III(A) block 1 scheme 1 options granted",
            "Part III(A) block 1 scheme 1 options lapsed",
        ],
    );
}

#[test]
fn the_convertible_and_event_cards_fit_beside_the_page_list_at_1200_px() {
    assert_fits_at_1200_px(
        State::new(Page::IIIC, full_return(TemplateVersion::ALL[0])),
        &[
            "Part III(C) block 1 convertible 1 description",
            "Part III(C) block 1 convertible 1 type of the convertibles, specified",
            "Remove movement 2 of Part III(C) block 1 convertible 1",
            "Part III(C) block 1 convertible 1 conversion price amount",
        ],
    );
    assert_fits_at_1200_px(
        State::new(Page::IIIE, full_return(TemplateVersion::ALL[0])),
        &[
            "Part III(E) block 1 event 2 type of issue",
            "Part III(E) block 1 event 2 type of issue, specified",
            "Part III(E) block 1 event 1 price amount",
        ],
    );
}

/// A row that moves while one of its fields has focus and holds invalid text: the focus, the
/// text being typed and its inline message all go with the row, not stay at the position.
#[test]
fn focus_typed_text_and_message_follow_a_scheme_that_moves_up() {
    let mut ret = options_return();
    ret.part3a.blocks[0].schemes = vec![
        OptionScheme {
            particulars: "2013 Scheme".to_string(),
            granted: Some(5),
            ..OptionScheme::default()
        },
        OptionScheme {
            particulars: "2021 Scheme".to_string(),
            ..OptionScheme::default()
        },
    ];
    let mut h = harness(State::new(Page::IIIA, ret));
    let first = "Part III(A) block 1 scheme 1 options granted";
    let second = "Part III(A) block 1 scheme 2 options granted";
    // Typed, not left: the field still has focus and shows its message.
    type_into(&mut h, second, "12x");
    assert!(h.get_by_label(second).is_focused());
    h.get_by_label_contains("Not a number: 12x");

    // Move up, as the row's Move up button does (the button would take the focus itself).
    h.state_mut().ret.part3a.blocks[0].schemes.swap(0, 1);
    h.run();
    h.run();

    assert_eq!(
        h.state().ret.part3a.blocks[0].schemes[0].particulars,
        "2021 Scheme"
    );
    assert!(
        h.get_by_label(first).is_focused(),
        "focus moved with the row"
    );
    assert!(!h.get_by_label(second).is_focused());
    assert_eq!(value_of(&h, first), "12x", "typed text moved with the row");
    assert_eq!(
        value_of(&h, second),
        "5",
        "the other row shows its own value"
    );
    // The message is the moved field's own, shown once (the row now in second place shows
    // its own 5 and no message).
    assert_eq!(
        h.query_all_by_label_contains("Not a number: 12x").count(),
        1
    );
    h.get_by_label_contains("Not a number: 12x — counted as blank until corrected");
    // Typing on goes on in the moved field.
    h.get_by_label(first).type_text("0");
    h.run();
    assert_eq!(value_of(&h, first), "12x0");
}

/// One field of each kind on each Part III page keeps the name it had before the pages were
/// drawn from the sub-part descriptions (screen readers and these tests find fields by name).
#[test]
fn part3_fields_keep_their_accessible_names() {
    let pages: [(Page, &[&str]); 5] = [
        (
            Page::IIIA,
            &[
                "Part III(A) block 1 scheme 2 options cancelled",
                "Part III(A) block 1 scheme 1 general meeting approval date",
                "Part III(A) block 1 total funds raised currency",
                "Part III(A) block 1 remarks",
            ],
        ),
        (
            Page::IIIB,
            &[
                "Part III(B) block 1 warrant 2 description",
                "Part III(B) block 1 warrant 1 date of expiry",
                "Part III(B) block 1 warrant 1 currency of nominal value",
                "Part III(B) block 1 warrant 1 nominal value exercised during the month",
                "Part III(B) block 1 warrant 1 nominal value at close of the month",
                "Part III(B) block 1 warrant 2 new shares issued (B1)",
                "Part III(B) block 1 warrant 1 stock code",
                "Part III(B) block 1 warrant 1 subscription price amount",
                "Part III(B) block 1 increase in issued shares (BB1)",
            ],
        ),
        (
            Page::IIIC,
            &[
                "Part III(C) block 1 convertible 1 type of the convertibles",
                "Part III(C) block 1 convertible 1 type of the convertibles, specified",
                "Part III(C) block 1 convertible 1 movement 2 kind",
                "Part III(C) block 1 convertible 1 movement 2 label",
                "Part III(C) block 1 convertible 1 movement 1 amount",
                "Move movement 2 of Part III(C) block 1 convertible 1 up",
                "Add movement to Part III(C) block 1 convertible 1",
                "Part III(C) block 1 convertible 2 amount at close of the month",
                "Part III(C) block 1 convertible 1 conversion price currency",
                "Part III(C) block 1 decrease in treasury shares (CC2)",
            ],
        ),
        (
            Page::IIID,
            &[
                "Part III(D) block 2 arrangement 1 description",
                "Part III(D) block 1 arrangement 2 treasury shares transferred out (D2)",
                "Part III(D) block 2 increase in issued shares (DD1)",
            ],
        ),
        (
            Page::IIIE,
            &[
                "Part III(E) block 1 event 1 type of issue",
                "Part III(E) block 1 event 2 type of issue, specified",
                "Part III(E) block 1 event 1 price amount",
                "Part III(E) block 1 event 1 date of event",
                "Part III(E) block 1 event 2 change in treasury shares (E2)",
                "Part III(E) block 1 change in issued shares (EE1)",
                "Class 1 Ordinary shares total of AA2 to EE2",
            ],
        ),
    ];
    for (page, names) in pages {
        let mut h = harness(State::new(page, full_return(TemplateVersion::ALL[0])));
        h.run();
        for name in names {
            node_named(&h, name);
        }
    }
}

/// A misplaced separator or a number too long for a share count is flagged and kept as typed;
/// no figure reaches the return (the 25 digits are not cut down to what fits).
#[test]
fn misplaced_separators_and_25_digits_are_flagged_not_read_as_another_number() {
    let label = "Part II class 1 preceding treasury shares";
    for (typed, message) in [
        ("1,000,00", "separators go between groups of three digits"),
        ("1,2,3", "separators go between groups of three digits"),
        (
            "1234567890123456789012345",
            "Number too large for this field",
        ),
    ] {
        let mut h = harness(State::new(Page::II, MonthlyReturn::blank()));
        type_into(&mut h, label, typed);
        blur(&mut h);
        assert_eq!(value_of(&h, label), typed, "kept exactly as typed");
        assert_eq!(
            h.state().ret.part2.part.blocks[0].preceding.treasury,
            None,
            "{typed}: no figure in the return"
        );
        h.get_by_label_contains(message);
        h.get_by_label_contains("counted as blank until corrected");
    }
}

/// Enter in a figure moves on to the next field, as Tab does.
#[test]
fn enter_moves_to_the_next_field() {
    let mut h = harness(State::new(Page::II, MonthlyReturn::blank()));
    let first = "Part II class 1 preceding issued shares excluding treasury";
    h.get_by_label(first).focus();
    h.run();
    h.get_by_label(first).type_text("1000");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    h.run();
    assert!(!h.get_by_label(first).is_focused());
    assert!(
        h.get_by_label("Part II class 1 preceding treasury shares")
            .is_focused(),
        "the next field of the row has the focus"
    );
    assert_eq!(
        h.state().ret.part2.part.blocks[0]
            .preceding
            .excluding_treasury,
        Some(1000)
    );
}

/// A field that takes the focus below the visible part of the page is scrolled into view at
/// once, before anything is typed.
#[test]
fn a_focused_field_is_scrolled_into_view() {
    // The second block starts inside the window, its fields below it (no line is reserved
    // under a clean field any more, so the page is shorter than when this was 420 px).
    const HEIGHT: f32 = 340.0;
    let mut ret = MonthlyReturn::blank();
    for k in 2..=2 {
        let id = ClassId(k);
        ret.classes.push(ShareClass::new(id));
        ret.part2.part.blocks.push(IssuedBlock::new(id));
    }
    let mut h = Harness::builder()
        .with_size([1400.0, HEIGHT])
        .build_ui_state(draw, State::new(Page::II, ret));
    h.run();
    let label = "Part II class 2 preceding treasury shares";
    let below = h.get_by_label(label).rect();
    assert!(below.top() > HEIGHT, "starts below the window: {below:?}");
    h.get_by_label(label).focus();
    h.run();
    h.run();
    let now = h.get_by_label(label).rect();
    assert!(
        now.top() >= 0.0 && now.bottom() <= HEIGHT,
        "scrolled into view: {now:?}"
    );
}

/// A row's Move / Remove buttons come after its fields (drawn after them, so Tab, which follows
/// the order widgets are drawn in, reaches every field of the row first).
#[test]
fn a_rows_buttons_come_after_its_fields() {
    let mut ret = options_return();
    ret.part3a.blocks[0].schemes = vec![OptionScheme::default()];
    let h = harness(State::new(Page::IIIA, ret));
    let last_field = "Part III(A) block 1 scheme 1 general meeting approval date";
    let up = h
        .get_by_label("Move option scheme 1 of part III(A) block 1 up")
        .rect();
    let remove = h
        .get_by_label("Remove option scheme 1 of part III(A) block 1")
        .rect();
    let field = h.get_by_label(last_field).rect();
    assert!(
        up.top() > field.bottom() && remove.top() > field.bottom(),
        "buttons {up:?} {remove:?} come after the last field {field:?}"
    );
}
