//! The editor pages driven through egui_kittest: typing, computed cells, inline flags, lists.

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use rust_decimal::Decimal;

use monthly_return::calc;
use monthly_return::model::path::{FieldPath, FormPart};
use monthly_return::model::*;
use monthly_return::rules::{self, Finding, Severity};
use monthly_return::ui::widgets::FindingIndex;
use monthly_return::ui::{FieldBuffers, Page, PageContext, page_ui};

/// What the shell owns, reduced to what a page needs; derived figures and findings are
/// recomputed every frame like the app does.
struct State {
    page: Page,
    ret: MonthlyReturn,
    buffers: FieldBuffers,
    pending_focus: Option<FieldPath>,
    /// Findings added by a test on top of the rules' own.
    extra: Vec<Finding>,
}

impl State {
    fn new(page: Page, ret: MonthlyReturn) -> Self {
        State {
            page,
            ret,
            buffers: FieldBuffers::default(),
            pending_focus: None,
            extra: Vec::new(),
        }
    }
}

fn draw(ui: &mut egui::Ui, s: &mut State) {
    let derived = calc::derive(&s.ret);
    let mut findings = rules::check(&s.ret, &derived);
    findings.extend(s.extra.iter().cloned());
    let index = FindingIndex::new(&findings);
    let mut ctx = PageContext {
        derived: &derived,
        findings: &index,
        buffers: &mut s.buffers,
        pending_focus: &mut s.pending_focus,
    };
    page_ui(ui, s.page, &mut s.ret, &mut ctx);
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

fn value_of(h: &Harness<'_, State>, label: &str) -> String {
    h.get_by_label(label).value().unwrap_or_default()
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
fn a_non_number_is_kept_and_flagged_and_the_model_keeps_its_value() {
    let mut ret = MonthlyReturn::blank();
    ret.part2.part.blocks[0].preceding.treasury = Some(1_000);
    let mut h = harness(State::new(Page::II, ret));
    let label = "Part II class 1 preceding treasury shares";
    type_into(&mut h, label, "12x");
    blur(&mut h);
    assert_eq!(value_of(&h, label), "12x");
    assert_eq!(
        h.state().ret.part2.part.blocks[0].preceding.treasury,
        Some(1_000)
    );
    let path = FormPart::II.block(0).key("preceding").key("treasury");
    assert_eq!(
        h.state().buffers.invalid.get(&path).map(String::as_str),
        Some("12x")
    );
    h.get_by_label_contains("Not a number: 12x");
    // Clearing the field blanks the value and the message goes.
    type_into(&mut h, label, "");
    blur(&mut h);
    assert_eq!(h.state().ret.part2.part.blocks[0].preceding.treasury, None);
    assert!(h.state().buffers.invalid.is_empty());
    assert!(h.query_by_label_contains("Not a number").is_none());
}

#[test]
fn a_finding_on_a_field_shows_its_message_under_it() {
    let mut state = State::new(Page::II, MonthlyReturn::blank());
    let path = FormPart::II
        .block(0)
        .key("movement")
        .key("excluding_treasury");
    state.extra.push(Finding {
        rule: "TEST-001",
        severity: Severity::Error,
        message: "Part III totals 0 but part II shows 500 (difference 500)".to_string(),
        path,
        related: Vec::new(),
    });
    let h = harness(state);
    h.get_by_label_contains("Part III totals 0 but part II shows 500");
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
    assert_eq!(
        value_of(&h, "Part I class 1 closing authorised capital"),
        "40,000,000.000"
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
}
