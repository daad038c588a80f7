//! The roll-forward (`PREV-*`) rules against last month's return.

use super::*;

/// The previous return (September 2024) whose closing figures are exactly the clean return's
/// preceding balances: no movements, so every close equals its preceding figure.
fn previous() -> MonthlyReturn {
    let mut r = clean();
    r.header.month_end = Some(day(2024, 9, 30));
    r.header.date_submitted = Some(day(2024, 10, 4));
    p2(&mut r).movement = IssuedRow::default();
    let s = scheme(&mut r);
    s.exercised = None;
    s.lapsed = None;
    s.shares_issuable_at_close = Some(10_000_000);
    warrant(&mut r).exercised_nominal = None;
    conv(&mut r).movements.clear();
    r
}

type PrevMutation = fn(&mut MonthlyReturn, &mut MonthlyReturn);

pub(super) const PREV_TRIGGERS: &[(&str, &str, PrevMutation)] = &[
    ("PREV-001", "I/class[0]/preceding/shares", |_, c| {
        p1(c).preceding_shares = Some(9_000_000_000)
    }),
    ("PREV-002", "I/class[0]/par_value/amount", |_, c| {
        p1(c).par_value.amount = Some(dec("0.001"))
    }),
    ("PREV-003", "II/class[0]/preceding/treasury", |_, c| {
        p2(c).preceding.treasury = Some(4_000_000)
    }),
    (
        "PREV-004",
        "IIIA/class[0]/scheme[0]/preceding_outstanding",
        |_, c| scheme(c).preceding_outstanding = Some(9_000_000),
    ),
    (
        "PREV-005",
        "IIIB/class[0]/warrant[0]/preceding_nominal",
        |_, c| warrant(c).preceding_nominal = Some(dec("9000000")),
    ),
    (
        "PREV-006",
        "IIIC/class[0]/convertible[0]/preceding_amount",
        |_, c| conv(c).preceding_amount = Some(dec("50000000")),
    ),
    ("PREV-007", "IV/hdr[0]/preceding_hdrs", |_, c| {
        hdr(c).preceding_hdrs = Some(999)
    }),
    ("PREV-008", "header/month_end", |p, _| {
        p.header.month_end = Some(day(2024, 8, 31))
    }),
    ("PREV-009", "header/issuer_name", |p, c| {
        p.header.issuer_name = "Moon Inc.".to_string();
        c.header.issuer_name = "Kingsoft Cloud Holdings Limited".to_string();
    }),
    // Last month's only scheme is gone from this month's block.
    ("PREV-010", "IIIA/class[0]", |_, c| {
        c.part3a.blocks[0].schemes.clear();
    }),
];

/// The issuer is compared loosely: case, spaces and punctuation do not make another issuer;
/// a blank name on either side compares with nothing.
#[test]
fn the_same_issuer_written_differently_is_not_another() {
    for (then, now) in [
        ("MOON INC", "Moon Inc."),
        (
            "Kingsoft Cloud Holdings Limited",
            " kingsoft  cloud holdings limited ",
        ),
        ("", "Moon Inc."),
        ("Moon Inc.", ""),
    ] {
        let (mut p, mut c) = (previous(), clean());
        p.header.issuer_name = then.to_string();
        c.header.issuer_name = now.to_string();
        let findings = check_against_previous(&p, &c);
        assert!(
            of_rule(&findings, "PREV-009").is_empty(),
            "{then} / {now}: {findings:#?}"
        );
    }
}

/// A class that closed with issued shares and has no Part II block this month, and a scheme
/// whose options were outstanding, are named with last month's balance; rows that closed at
/// zero may go without a word.
#[test]
fn balances_of_last_month_missing_from_this_return_are_named() {
    let (p, mut c) = (previous(), clean());
    c.part2.part.blocks.clear();
    let findings = check_against_previous(&p, &c);
    let fired = of_rule(&findings, "PREV-010");
    assert_eq!(fired.len(), 1, "{findings:#?}");
    assert_eq!(fired[0].path.as_str(), "II");
    assert!(
        fired[0].message.contains(
            "had 1,000,000,000 issued shares (excluding treasury) and \
             5,000,000 treasury shares at the close of last month but has no block in Part II"
        ),
        "{}",
        fired[0].message
    );

    let (p, mut c) = (previous(), clean());
    c.part3a.blocks[0].schemes.clear();
    let fired: Vec<String> = of_rule(&check_against_previous(&p, &c), "PREV-010")
        .iter()
        .map(|f| f.message.clone())
        .collect();
    assert_eq!(fired.len(), 1, "{fired:#?}");
    assert!(fired[0].contains("option scheme"), "{fired:#?}");

    // The same scheme closing at zero last month: nothing to say when it goes.
    let (mut p, mut c) = (previous(), clean());
    scheme(&mut p).preceding_outstanding = Some(0);
    scheme(&mut p).granted = None;
    scheme(&mut p).cancelled = None;
    c.part3a.blocks[0].schemes.clear();
    let closed = crate::calc::derive(&p).part3a[0].closing_outstanding[0];
    assert_eq!(closed, Some(0));
    assert!(of_rule(&check_against_previous(&p, &c), "PREV-010").is_empty());
}

#[test]
fn clean_roll_forward_has_no_findings() {
    let findings = check_against_previous(&previous(), &clean());
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn every_roll_forward_rule_fires_on_its_trigger() {
    let clean_findings = check_against_previous(&previous(), &clean());
    for (id, path, mutate) in PREV_TRIGGERS {
        assert!(of_rule(&clean_findings, id).is_empty());
        let (mut p, mut c) = (previous(), clean());
        mutate(&mut p, &mut c);
        let findings = check_against_previous(&p, &c);
        let fired = of_rule(&findings, id);
        assert!(!fired.is_empty(), "{id} did not fire: {findings:#?}");
        assert!(
            fired.iter().any(|f| f.path.as_str() == *path),
            "{id} points elsewhere: {fired:#?}"
        );
        // The single-return run never reports them.
        assert!(of_rule(&run(&c), id).is_empty());
    }
}

#[test]
fn roll_forward_message_states_the_difference() {
    let (p, mut c) = (previous(), clean());
    p2(&mut c).preceding.treasury = Some(4_000_000);
    let findings = check_against_previous(&p, &c);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    // 4,000,000 − 5,000,000 = −1,000,000.
    assert_eq!(
        findings[0].message,
        "Number of treasury shares at close of preceding month is 4,000,000 but the previous \
         return (month ended 30 September 2024) closed at 5,000,000: difference -1,000,000"
    );
}

/// Spec §6: the Kingsoft Cloud return for October 2024 checks clean.
#[test]
fn kingsoft_cloud_october_2024_checks_clean() {
    let mut r = clean();
    r.header.issuer_name = "Kingsoft Cloud Holdings Limited".to_string();
    r.header.date_submitted = Some(day(2024, 11, 6));
    *p1(&mut r) = AuthorisedBlock {
        class: C1,
        preceding_shares: Some(40_000_000_000),
        movement_shares: None,
        par_value: Money::new("USD", dec("0.001")),
        ..AuthorisedBlock::default()
    };
    *p2(&mut r) = IssuedBlock {
        class: C1,
        preceding: IssuedRow {
            excluding_treasury: Some(3_805_284_801),
            treasury: Some(0),
        },
        ..IssuedBlock::default()
    };
    r.part3a.blocks[0] = OptionBlock {
        id: Default::default(),
        class: C1,
        schemes: vec![OptionScheme {
            particulars: "2013 Share Option Scheme".to_string(),
            preceding_outstanding: Some(26_551_714),
            shares_issuable_at_close: Some(26_551_714),
            gm_approval_date: Some(day(2013, 2, 27)),
            ..OptionScheme::default()
        }],
        funds_raised: Money::new("USD", dec("0")),
        remarks: String::new(),
    };
    r.part3d.blocks[0].arrangements = vec![
        Arrangement {
            id: Default::default(),
            description: "2013 Share Award Scheme".to_string(),
            gm_approval_date: Some(day(2013, 2, 22)),
            new_shares: Some(0),
            from_treasury: None,
            shares_issuable_at_close: Some(22_953_079),
        },
        Arrangement {
            id: Default::default(),
            description: "2021 Share Incentive Plan".to_string(),
            gm_approval_date: Some(day(2021, 11, 15)),
            new_shares: Some(0),
            from_treasury: None,
            shares_issuable_at_close: Some(182_293_214),
        },
    ];
    r.part3b = Part::not_applicable();
    r.part3c = Part::not_applicable();
    r.part3e = Part::not_applicable();
    r.part4 = Part4::default_not_applicable();
    r.part5.submitted_by = "Zou Tao".to_string();
    r.part5.title = "Executive Director, Vice Chairman of the Board and acting Chief Executive \
                     Officer"
        .to_string();
    let findings = run(&r);
    assert!(findings.is_empty(), "{findings:#?}");
    // 3,805,284,801 issued against 40,000,000,000 authorised: far below.
    assert_eq!(derive(&r).part2[0].close_total, Some(3_805_284_801));
}

/// What a new blank return shows before anything is typed: the missing inputs, nothing else.
#[test]
fn blank_return_lists_only_missing_inputs() {
    let findings = run(&MonthlyReturn::blank());
    let ids: Vec<&str> = findings.iter().map(|f| f.rule).collect();
    assert_eq!(
        ids,
        [
            "HDR-001", "HDR-002", "HDR-004", "STR-009", "I-003", "I-004", "V-001", "V-002"
        ]
    );
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    fn any_count() -> impl Strategy<Value = Option<i64>> {
        prop_oneof![
            Just(None),
            Just(Some(i64::MAX)),
            Just(Some(i64::MIN)),
            Just(Some(0)),
            any::<i64>().prop_map(Some),
            (-1_000_000i64..1_000_000).prop_map(Some),
        ]
    }

    fn any_amount() -> impl Strategy<Value = Option<Decimal>> {
        prop_oneof![
            Just(None),
            Just(Some(Decimal::MAX)),
            Just(Some(Decimal::MIN)),
            Just(Some(Decimal::ZERO)),
            (any::<i64>(), 0u32..28).prop_map(|(m, s)| Some(Decimal::new(m, s))),
        ]
    }

    fn any_date() -> impl Strategy<Value = Option<NaiveDate>> {
        prop_oneof![
            Just(None),
            Just(Some(NaiveDate::MAX)),
            Just(Some(NaiveDate::MIN)),
            (1990i32..2040, 1u32..=12, 1u32..=31)
                .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn check_never_panics(
            counts in proptest::collection::vec(any_count(), 24),
            amounts in proptest::collection::vec(any_amount(), 10),
            dates in proptest::collection::vec(any_date(), 4),
            type_index in 0usize..15,
        ) {
            let mut r = clean();
            let c = |i: usize| counts[i];
            let a = |i: usize| amounts[i];
            r.header.month_end = dates[0];
            r.header.date_submitted = dates[1];
            let b = p1(&mut r);
            b.preceding_shares = c(0);
            b.movement_shares = c(1);
            b.par_value.amount = a(0);
            b.closing_par_value = a(1);
            b.manual_capital = counts[2].is_some();
            b.manual_preceding_capital = a(2);
            b.manual_movement_capital = a(3);
            let b = p2(&mut r);
            b.preceding = IssuedRow { excluding_treasury: c(3), treasury: c(4) };
            b.movement = IssuedRow { excluding_treasury: c(5), treasury: c(6) };
            let s = scheme(&mut r);
            s.preceding_outstanding = c(7);
            s.exercised = c(8);
            s.new_shares = c(9);
            s.from_treasury = c(10);
            let w = warrant(&mut r);
            w.preceding_nominal = a(4);
            w.exercised_nominal = a(5);
            w.new_shares = c(11);
            w.subscription_price.amount = a(6);
            let cv = conv(&mut r);
            cv.preceding_amount = a(7);
            cv.movements[0].amount = a(8);
            cv.conversion_price.amount = a(9);
            cv.shares_issuable_at_close = c(12);
            cv.new_shares = c(13);
            let d = arr(&mut r);
            d.new_shares = c(14);
            d.from_treasury = c(15);
            let e = event(&mut r, 0);
            e.type_of_issue = TypeOfIssue::ALL[type_index];
            e.change_excluding_treasury = c(16);
            e.change_treasury = c(17);
            e.pending_cancellation = c(18);
            e.event_date = dates[2];
            let h = hdr(&mut r);
            h.preceding_hdrs = c(19);
            h.movement_hdrs = c(20);
            let derived = derive(&r);
            let findings = check(&r, &derived, None);
            prop_assert_eq!(
                findings.iter().filter(|f| f.rule == "CALC-001").count(),
                derived.overflows.len()
            );
            let mut previous = clean();
            previous.header.month_end = dates[3];
            let _ = check_against_previous(&previous, &r);
            let _ = check_against_previous(&r, &previous);
        }
    }
}

/// PDF-001 names the first character the PDF cannot print and where it is, never the whole
/// field, on the field's own path; line breaks of multi-line fields are not flagged.
#[test]
fn unprintable_text_names_the_character_and_its_position() {
    let cases = [
        (
            "Name\twith tab",
            "character U+0009 (tab) at position 5 cannot be printed in the PDF",
        ),
        (
            "A \u{1F600} smile",
            "\"\u{1F600}\" (U+1F600) at position 3 cannot be printed in the PDF",
        ),
        (
            "\u{E000}private",
            "\"\u{E000}\" (U+E000) at position 1 cannot be printed in the PDF",
        ),
        (
            "Bell\u{7}",
            "character U+0007 (bell) at position 5 cannot be printed in the PDF",
        ),
        (
            "Kingsoft 金山雲",
            "\"金\" (U+91D1) at position 10 cannot be printed in the PDF: no Chinese font was \
             found (install fonts-noto-cjk)",
        ),
    ];
    for (text, message) in cases {
        let mut r = clean();
        r.classes[0].description = text.to_string();
        // Without a CJK font on this thread, whatever the machine has.
        let findings = crate::pdf::fonts::with_cjk_font(None, || run(&r));
        let fired = of_rule(&findings, "PDF-001");
        assert_eq!(fired.len(), 1, "{text:?}: {findings:#?}");
        assert_eq!(fired[0].message, message);
        assert_eq!(fired[0].path.as_str(), "classes[0]/description");
        assert_eq!(fired[0].severity, Severity::Error);
    }
    let mut r = clean();
    r.part1.remarks = "Line one\r\nLine two – café €1".to_string();
    r.part5.submitted_by = "Zoë O’Brien".to_string();
    // Liberation Sans has the ligature, the fallbacks the tick and the full-width stop.
    r.classes[0].description = "\u{FB01}nance ✔ Note．".to_string();
    assert!(of_rule(&run(&r), "PDF-001").is_empty());
}

/// The capped check keeps the first findings of a rule in a part and counts the rest; the
/// normal check afterwards keeps everything again.
#[test]
fn capped_check_keeps_the_first_findings_and_counts_all() {
    let mut r = clean();
    for k in 0..25 {
        r.classes.push(ShareClass::new(ClassId(100 + k)));
    }
    let d = derive(&r);
    let capped = check_capped(&r, &d, None, 3);
    let all = check(&r, &d, None);
    assert_eq!(of_rule(&all, "STR-006").len(), 25);
    let kept = of_rule(&capped.findings, "STR-006");
    assert_eq!(kept, of_rule(&all, "STR-006")[..3].to_vec());
    assert_eq!(capped.total(FormPart::Header, "STR-006"), 25);
    assert_eq!(
        capped.count(Severity::Warning),
        count(&all, Severity::Warning)
    );
    assert_eq!(capped.count(Severity::Error), count(&all, Severity::Error));
    assert_eq!(check(&r, &d, None), all);
}

/// IIIA-006 with last month known: options moved (300,000 exercised, 100,000 lapsed) but the
/// shares issuable at close are last month's figure, whatever the preceding balance says.
#[test]
fn shares_issuable_unchanged_from_last_month_is_a_warning() {
    let mut p = previous();
    scheme(&mut p).shares_issuable_at_close = Some(9_600_000);
    let c = clean();
    let cd = derive(&c);
    let findings = check(&c, &cd, Some(&crate::last_month::of(&p)));
    let fired = of_rule(&findings, "IIIA-006");
    assert_eq!(fired.len(), 1, "{findings:#?}");
    assert_eq!(
        fired[0].path.as_str(),
        "IIIA/class[0]/scheme[0]/shares_issuable_at_close"
    );
    assert!(
        fired[0]
            .message
            .contains("9,600,000, as at the close of last month")
            && fired[0]
                .message
                .contains("exercised 300,000, lapsed 100,000"),
        "{}",
        fired[0].message
    );
    // Last month's issuable of 10,000,000 moving to 9,600,000 is what the form expects.
    let findings = check(&c, &cd, Some(&crate::last_month::of(&previous())));
    assert!(of_rule(&findings, "IIIA-006").is_empty(), "{findings:#?}");
}
