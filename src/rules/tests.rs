//! Every rule fires on a return broken on purpose and stays quiet on a clean one. Expected
//! figures are worked out by hand in the comments, never copied from the code's output.

use std::collections::HashSet;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::*;
use crate::calc::derive;
use crate::model::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_default()
}

fn run(ret: &MonthlyReturn) -> Vec<Finding> {
    check(ret, &derive(ret), None)
}

/// The roll-forward (`PREV-*`) findings of checking `current` against `previous`.
fn check_against_previous(previous: &MonthlyReturn, current: &MonthlyReturn) -> Vec<Finding> {
    let (p, c) = (derive(previous), derive(current));
    let mut findings = check(current, &c, Some((previous, &p)));
    findings.retain(|f| f.rule.starts_with("PREV-"));
    findings
}

fn of_rule<'a>(findings: &'a [Finding], id: &str) -> Vec<&'a Finding> {
    findings.iter().filter(|f| f.rule == id).collect()
}

const C1: ClassId = ClassId(1);

/// A clean one-class return for October 2024 that uses every part, with consistent figures:
///
/// - I: 10,000,000,000 shares × HKD 0.01, no movement.
/// - III(A): 300,000 options exercised, A1 200,000 + A2 100,000 → AA1 300,000, AA2 100,000.
///   Outstanding 10,000,000 − 300,000 − 100,000 lapsed = 9,600,000.
/// - III(B): HKD 1,000,000 nominal exercised at HKD 2.50 → 400,000 new shares (B1) → BB1
///   400,000. Nominal at close 9,000,000 → 3,600,000 issuable.
/// - III(C): HKD 5,000,000 converted at HKD 5 → 1,000,000 new shares (C1) → CC1 1,000,000.
///   Amount at close 52,377,600 − 5,000,000 = 47,377,600 ÷ 5 = 9,475,520 issuable.
/// - III(D): 50,000 awarded shares newly issued → DD1 50,000.
/// - III(E): repurchase into treasury (−2,000,000 / +2,000,000), cancellation of treasury
///   (E2 −1,000,000), placing +10,000,000, 500,000 repurchased pending cancellation
///   → EE1 8,000,000, EE2 +1,000,000.
/// - Total of AA1 to EE1 = 300,000 + 400,000 + 1,000,000 + 50,000 + 8,000,000 = 9,750,000;
///   Total of AA2 to EE2 = −100,000 + 1,000,000 = 900,000: part II's movements.
/// - Submitted 05 November 2024, before the due date 07 November 2024 (1, 4, 5, 6, 7 Nov).
fn clean() -> MonthlyReturn {
    let mut class = ShareClass::new(C1);
    class.stock_code = "09999".to_string();
    MonthlyReturn {
        template_version: TemplateVersion::V1_1_0,
        header: Header {
            issuer_name: "Example Holdings Limited".to_string(),
            month_end: Some(day(2024, 10, 31)),
            status: SubmissionStatus::NewSubmission,
            date_submitted: Some(day(2024, 11, 5)),
        },
        classes: vec![class],
        part1: Part1 {
            part: Part {
                not_applicable: false,
                blocks: vec![AuthorisedBlock {
                    class: C1,
                    preceding_shares: Some(10_000_000_000),
                    movement_shares: Some(0),
                    par_value: Money::new("HKD", dec("0.01")),
                    ..AuthorisedBlock::default()
                }],
            },
            remarks: String::new(),
        },
        part2: Part2 {
            part: Part {
                not_applicable: false,
                blocks: vec![IssuedBlock {
                    class: C1,
                    preceding: IssuedRow {
                        excluding_treasury: Some(1_000_000_000),
                        treasury: Some(5_000_000),
                    },
                    movement: IssuedRow {
                        excluding_treasury: Some(9_750_000),
                        treasury: Some(900_000),
                    },
                    ..IssuedBlock::default()
                }],
            },
            remarks: String::new(),
        },
        part3a: Part {
            not_applicable: false,
            blocks: vec![OptionBlock {
                id: Default::default(),
                class: C1,
                schemes: vec![OptionScheme {
                    id: Default::default(),
                    particulars: "2020 Share Option Scheme".to_string(),
                    preceding_outstanding: Some(10_000_000),
                    granted: Some(0),
                    exercised: Some(300_000),
                    cancelled: None,
                    lapsed: Some(100_000),
                    new_shares: Some(200_000),
                    from_treasury: Some(100_000),
                    shares_issuable_at_close: Some(9_600_000),
                    remaining_to_be_granted: Some(50_000_000),
                    gm_approval_date: Some(day(2020, 6, 1)),
                }],
                funds_raised: Money::new("HKD", dec("1500000.00")),
                remarks: String::new(),
            }],
        },
        part3b: Part {
            not_applicable: false,
            blocks: vec![WarrantBlock {
                id: Default::default(),
                class: C1,
                warrants: vec![Warrant {
                    id: Default::default(),
                    description: "2025 Warrants (Date of expiry - 31/12/2025)".to_string(),
                    expiry_date: Some(day(2025, 12, 31)),
                    currency: "HKD".to_string(),
                    preceding_nominal: Some(dec("10000000")),
                    exercised_nominal: Some(dec("1000000")),
                    new_shares: Some(400_000),
                    from_treasury: Some(0),
                    shares_issuable_at_close: Some(3_600_000),
                    stock_code: String::new(),
                    subscription_price: Money::new("HKD", dec("2.50")),
                    gm_approval_date: None,
                }],
                remarks: String::new(),
            }],
        },
        part3c: Part {
            not_applicable: false,
            blocks: vec![ConvertibleBlock {
                id: Default::default(),
                class: C1,
                convertibles: vec![Convertible {
                    id: Default::default(),
                    description: "5% Convertible Notes due 2027".to_string(),
                    kind: ConvertibleType::BondNotes,
                    kind_other: String::new(),
                    currency: "HKD".to_string(),
                    preceding_amount: Some(dec("52377600")),
                    movements: vec![ConvertibleMovement {
                        id: Default::default(),
                        kind: ConvertibleMovementKind::Converted,
                        label: String::new(),
                        amount: Some(dec("5000000")),
                    }],
                    new_shares: Some(1_000_000),
                    from_treasury: Some(0),
                    shares_issuable_at_close: Some(9_475_520),
                    stock_code: String::new(),
                    conversion_price: Money::new("HKD", dec("5")),
                    gm_approval_date: None,
                }],
                remarks: String::new(),
            }],
        },
        part3d: Part {
            not_applicable: false,
            blocks: vec![ArrangementBlock {
                id: Default::default(),
                class: C1,
                arrangements: vec![Arrangement {
                    id: Default::default(),
                    description: "2021 Share Award Scheme".to_string(),
                    gm_approval_date: Some(day(2021, 11, 15)),
                    new_shares: Some(50_000),
                    from_treasury: Some(0),
                    shares_issuable_at_close: Some(1_000_000),
                }],
                remarks: String::new(),
            }],
        },
        part3e: Part {
            not_applicable: false,
            blocks: vec![EventBlock {
                id: Default::default(),
                class: C1,
                events: vec![
                    Event {
                        type_of_issue: TypeOfIssue::RepurchaseIntoTreasury,
                        price: Money::new("HKD", dec("3.10")),
                        event_date: Some(day(2024, 10, 15)),
                        change_excluding_treasury: Some(-2_000_000),
                        change_treasury: Some(2_000_000),
                        ..Event::default()
                    },
                    Event {
                        type_of_issue: TypeOfIssue::CancellationOfTreasury,
                        event_date: Some(day(2024, 10, 20)),
                        change_treasury: Some(-1_000_000),
                        ..Event::default()
                    },
                    Event {
                        type_of_issue: TypeOfIssue::Placing,
                        price: Money::new("HKD", dec("3")),
                        event_date: Some(day(2024, 10, 25)),
                        change_excluding_treasury: Some(10_000_000),
                        ..Event::default()
                    },
                    Event {
                        type_of_issue: TypeOfIssue::RepurchasePendingCancellation,
                        event_date: Some(day(2024, 10, 30)),
                        pending_cancellation: Some(-500_000),
                        ..Event::default()
                    },
                ],
                remarks: String::new(),
            }],
        },
        part4: Part4 {
            part: Part {
                not_applicable: false,
                blocks: vec![HdrLine {
                    id: Default::default(),
                    description: "Hong Kong Depositary Receipts".to_string(),
                    stock_code: "09998".to_string(),
                    depositary: "Example Depositary Bank".to_string(),
                    hdrs_per_share: Some(dec("1")),
                    preceding_hdrs: Some(1_000),
                    movement_hdrs: Some(0),
                }],
            },
            remarks: String::new(),
        },
        part5: Confirmations {
            submitted_by: "Chan Tai Man".to_string(),
            title: "Company Secretary".to_string(),
            ..Confirmations::default()
        },
    }
}

type Mutation = fn(&mut MonthlyReturn);

fn p1(r: &mut MonthlyReturn) -> &mut AuthorisedBlock {
    &mut r.part1.part.blocks[0]
}
fn p2(r: &mut MonthlyReturn) -> &mut IssuedBlock {
    &mut r.part2.part.blocks[0]
}
fn scheme(r: &mut MonthlyReturn) -> &mut OptionScheme {
    &mut r.part3a.blocks[0].schemes[0]
}
fn warrant(r: &mut MonthlyReturn) -> &mut Warrant {
    &mut r.part3b.blocks[0].warrants[0]
}
fn conv(r: &mut MonthlyReturn) -> &mut Convertible {
    &mut r.part3c.blocks[0].convertibles[0]
}
fn arr(r: &mut MonthlyReturn) -> &mut Arrangement {
    &mut r.part3d.blocks[0].arrangements[0]
}
fn event(r: &mut MonthlyReturn, e: usize) -> &mut Event {
    &mut r.part3e.blocks[0].events[e]
}
fn hdr(r: &mut MonthlyReturn) -> &mut HdrLine {
    &mut r.part4.part.blocks[0]
}

/// One way to break the clean return per rule, with the path the finding must point at.
const TRIGGERS: &[(&str, &str, Mutation)] = &[
    ("CALC-001", "II/class[0]/close/excluding_treasury", |r| {
        p2(r).preceding.excluding_treasury = Some(i64::MAX)
    }),
    ("PDF-001", "IIIA/class[0]/remarks", |r| {
        r.part3a.blocks[0].remarks = "Bell \u{7}".to_string()
    }),
    ("HDR-001", "header/issuer_name", |r| {
        r.header.issuer_name = "  ".to_string()
    }),
    ("HDR-002", "header/month_end", |r| r.header.month_end = None),
    ("HDR-003", "header/month_end", |r| {
        r.header.month_end = Some(day(2024, 10, 30))
    }),
    ("HDR-004", "header/date_submitted", |r| {
        r.header.date_submitted = None
    }),
    ("HDR-005", "header/date_submitted", |r| {
        r.header.date_submitted = Some(day(2024, 10, 20))
    }),
    // Due 07 November 2024: 08 November is late.
    ("HDR-006", "header/date_submitted", |r| {
        r.header.date_submitted = Some(day(2024, 11, 8))
    }),
    // The holiday table covers 2024–2027.
    ("HDR-007", "header/month_end", |r| {
        r.header.month_end = Some(day(2031, 1, 31));
        r.header.date_submitted = Some(day(2031, 2, 3));
    }),
    ("STR-001", "IIID/class[0]/class", |r| {
        r.part3d.blocks[0].class = ClassId(9)
    }),
    ("STR-002", "IIID/class[1]/class", |r| {
        let copy = r.part3d.blocks[0].clone();
        r.part3d.blocks.push(copy);
    }),
    ("STR-003", "IIIB/not_applicable", |r| {
        r.part3b.not_applicable = true
    }),
    ("STR-004", "IIIA/class[0]/class", |r| {
        r.part2.part.not_applicable = true;
        r.part2.part.blocks.clear();
    }),
    ("STR-005", "IIIB/not_applicable", |r| {
        r.part3b = Part::default()
    }),
    ("STR-006", "classes[1]", |r| {
        r.classes.push(ShareClass::new(ClassId(2)))
    }),
    ("STR-007", "IIID/class[0]", |r| {
        r.part3d.blocks[0].arrangements.clear()
    }),
    (
        "STR-008",
        "IIIC/class[0]/convertible[0]/conversion_price/currency",
        |r| conv(r).conversion_price.currency = "hkd".to_string(),
    ),
    // 10,000,000,000 − 20,000,000,000 = −10,000,000,000 at close.
    ("I-001", "I/class[0]/movement/shares", |r| {
        p1(r).movement_shares = Some(-20_000_000_000)
    }),
    ("I-002", "I/class[0]/par_value/amount", |r| {
        p1(r).par_value.amount = Some(dec("-0.01"))
    }),
    ("I-003", "I/class[0]/par_value/currency", |r| {
        p1(r).par_value.currency = "hk$".to_string()
    }),
    ("I-004", "I/class[0]/par_value/amount", |r| {
        p1(r).par_value.amount = None
    }),
    // 10,000,000,000 × 0.01 = 100,000,000 typed by hand.
    ("I-005", "I/class[0]/manual_capital", |r| {
        let b = p1(r);
        b.manual_capital = true;
        b.manual_preceding_capital = Some(dec("100000000"));
        b.manual_movement_capital = Some(dec("0"));
    }),
    ("I-006", "I/class[1]/par_value/currency", |r| {
        r.classes.push(ShareClass::new(ClassId(2)));
        let mut b = AuthorisedBlock::new(ClassId(2));
        b.preceding_shares = Some(1_000);
        b.par_value = Money::new("USD", dec("1"));
        r.part1.part.blocks.push(b);
    }),
    ("II-001", "II/class[0]/preceding/treasury", |r| {
        p2(r).preceding.treasury = Some(-1)
    }),
    ("II-002", "II/class[0]/movement/excluding_treasury", |r| {
        p2(r).movement.excluding_treasury = Some(9_000_000)
    }),
    ("II-003", "II/class[0]/movement/treasury", |r| {
        p2(r).movement.treasury = Some(0)
    }),
    // Issued at close 1,015,650,000 > 1,000,000,000 authorised.
    ("II-004", "II/class[0]/close/total", |r| {
        p1(r).preceding_shares = Some(1_000_000_000)
    }),
    ("II-005", "II/class[0]/public_float/complied", |r| {
        r.template_version = TemplateVersion::V1_2_0
    }),
    // 10,000,000 − 300,000 − 20,000,000 < 0.
    (
        "IIIA-001",
        "IIIA/class[0]/scheme[0]/preceding_outstanding",
        |r| scheme(r).lapsed = Some(20_000_000),
    ),
    ("IIIA-002", "IIIA/class[0]/scheme[0]/new_shares", |r| {
        scheme(r).new_shares = Some(150_000)
    }),
    ("IIIA-003", "IIIA/class[0]/funds_raised/amount", |r| {
        r.part3a.blocks[0].funds_raised.amount = None
    }),
    ("IIIA-004", "IIIA/class[0]/scheme[0]/particulars", |r| {
        scheme(r).particulars.clear()
    }),
    ("IIIA-005", "IIIA/class[0]/scheme[0]/granted", |r| {
        scheme(r).granted = Some(-1)
    }),
    (
        "IIIB-001",
        "IIIB/class[0]/warrant[0]/exercised_nominal",
        |r| warrant(r).exercised_nominal = Some(dec("20000000")),
    ),
    ("IIIB-002", "IIIB/class[0]/warrant[0]/new_shares", |r| {
        warrant(r).new_shares = Some(300_000)
    }),
    ("IIIB-003", "IIIB/class[0]/warrant[0]/description", |r| {
        warrant(r).description.clear()
    }),
    ("IIIB-004", "IIIB/class[0]/warrant[0]/from_treasury", |r| {
        warrant(r).from_treasury = Some(-5)
    }),
    // 52,377,600 − 5,000,000 − 100,000,000 < 0.
    (
        "IIIC-001",
        "IIIC/class[0]/convertible[0]/movement[1]/amount",
        |r| {
            conv(r).movements.push(ConvertibleMovement {
                id: Default::default(),
                kind: ConvertibleMovementKind::Redeemed,
                label: String::new(),
                amount: Some(dec("100000000")),
            })
        },
    ),
    (
        "IIIC-002",
        "IIIC/class[0]/convertible[0]/shares_issuable_at_close",
        |r| conv(r).shares_issuable_at_close = Some(9_000_000),
    ),
    (
        "IIIC-003",
        "IIIC/class[0]/convertible[0]/description",
        |r| conv(r).description.clear(),
    ),
    (
        "IIIC-004",
        "IIIC/class[0]/convertible[0]/movement[0]/amount",
        |r| conv(r).movements[0].amount = Some(dec("-5000000")),
    ),
    ("IIIC-005", "IIIC/class[0]/convertible[0]/kind_other", |r| {
        conv(r).kind = ConvertibleType::Others
    }),
    ("IIID-001", "IIID/class[0]/arrangement[0]/new_shares", |r| {
        arr(r).new_shares = Some(-50_000)
    }),
    (
        "IIID-002",
        "IIID/class[0]/arrangement[0]/description",
        |r| arr(r).description = " ".to_string(),
    ),
    (
        "IIIE-001",
        "IIIE/class[0]/event[2]/change_excluding_treasury",
        |r| event(r, 2).change_excluding_treasury = Some(-10_000_000),
    ),
    ("IIIE-002", "IIIE/class[0]/event[0]/event_date", |r| {
        event(r, 0).event_date = Some(day(2024, 9, 30))
    }),
    ("IIIE-003", "IIIE/class[0]/event[0]/event_date", |r| {
        event(r, 0).event_date = None
    }),
    (
        "IIIE-004",
        "IIIE/class[0]/event[3]/pending_cancellation",
        |r| event(r, 3).pending_cancellation = Some(500_000),
    ),
    (
        "IIIE-005",
        "IIIE/class[0]/event[2]/pending_cancellation",
        |r| event(r, 2).pending_cancellation = Some(-1),
    ),
    (
        "IIIE-006",
        "IIIE/class[0]/event[2]/other_description",
        |r| event(r, 2).type_of_issue = TypeOfIssue::Other,
    ),
    ("IIIE-007", "IIIE/class[0]/event[0]/change_treasury", |r| {
        event(r, 0).change_treasury = Some(1_900_000)
    }),
    ("IV-001", "IV/hdr[0]/description", |r| {
        hdr(r).description.clear()
    }),
    ("IV-002", "IV/hdr[0]/movement_hdrs", |r| {
        hdr(r).movement_hdrs = Some(-2_000)
    }),
    ("IV-003", "IV/hdr[0]/hdrs_per_share", |r| {
        hdr(r).hdrs_per_share = None
    }),
    ("V-001", "V/submitted_by", |r| r.part5.submitted_by.clear()),
    ("V-002", "V/title", |r| r.part5.title.clear()),
    ("V-003", "V/not_applicable", |r| {
        r.part5.not_applicable = true
    }),
];

#[test]
fn clean_return_has_no_findings() {
    let findings = run(&clean());
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn every_rule_fires_on_its_trigger_and_not_on_the_clean_return() {
    let clean_findings = run(&clean());
    for (id, path, mutate) in TRIGGERS {
        assert!(
            of_rule(&clean_findings, id).is_empty(),
            "{id} fires on the clean return"
        );
        let mut ret = clean();
        mutate(&mut ret);
        let findings = run(&ret);
        let fired = of_rule(&findings, id);
        assert!(!fired.is_empty(), "{id} did not fire: {findings:#?}");
        assert!(
            fired.iter().any(|f| f.path.as_str() == *path),
            "{id} points elsewhere: {fired:#?}"
        );
        let rule = rule(id);
        assert!(rule.is_some(), "{id} not in the catalogue");
        for f in fired {
            assert_eq!(Some(f.severity), rule.map(|r| r.severity));
            assert!(!f.message.is_empty());
        }
    }
}

#[test]
fn every_catalogue_rule_has_a_trigger() {
    let tested: HashSet<&str> = TRIGGERS
        .iter()
        .map(|t| t.0)
        .chain(PREV_TRIGGERS.iter().map(|t| t.0))
        .collect();
    for r in catalogue() {
        assert!(tested.contains(r.id), "{} has no trigger test", r.id);
    }
}

#[test]
fn catalogue_ids_are_unique_and_documented() {
    let mut seen = HashSet::new();
    for r in catalogue() {
        assert!(seen.insert(r.id), "duplicate id {}", r.id);
        assert!(!r.title.trim().is_empty(), "{} has no title", r.id);
        assert!(
            r.explanation.trim().len() > r.title.len(),
            "{} has no explanation",
            r.id
        );
        let (prefix, number) = r.id.rsplit_once('-').unwrap_or(("", ""));
        assert!(
            [
                "CALC", "PDF", "HDR", "STR", "I", "II", "IIIA", "IIIB", "IIIC", "IIID", "IIIE",
                "IV", "V", "PREV"
            ]
            .contains(&prefix),
            "{}",
            r.id
        );
        assert!(
            number.len() == 3 && number.bytes().all(|b| b.is_ascii_digit()),
            "{}",
            r.id
        );
    }
}

/// Spec §4 worked example: preceding 1,000,000,000 / 5,000,000; 300,000 options exercised as
/// A1 200,000 + A2 100,000; 2,000,000 repurchased into treasury; 1,000,000 treasury shares
/// cancelled. AA1 = 300,000, AA2 = 100,000, EE1 = −2,000,000, EE2 = +1,000,000.
/// Total of AA1 to EE1 = 300,000 − 2,000,000 = −1,700,000;
/// Total of AA2 to EE2 = −100,000 + 1,000,000 = +900,000.
/// Close 998,300,000 + 5,900,000 = 1,004,200,000.
fn worked_example(movement_excluding_treasury: i64) -> MonthlyReturn {
    let mut r = clean();
    r.part3b = Part::not_applicable();
    r.part3c = Part::not_applicable();
    r.part3d = Part::not_applicable();
    r.part4 = Part4::default_not_applicable();
    *p2(&mut r) = IssuedBlock {
        class: C1,
        preceding: IssuedRow {
            excluding_treasury: Some(1_000_000_000),
            treasury: Some(5_000_000),
        },
        movement: IssuedRow {
            excluding_treasury: Some(movement_excluding_treasury),
            treasury: Some(900_000),
        },
        ..IssuedBlock::default()
    };
    let s = scheme(&mut r);
    s.preceding_outstanding = Some(1_000_000);
    s.exercised = Some(300_000);
    s.lapsed = None;
    s.new_shares = Some(200_000);
    s.from_treasury = Some(100_000);
    s.shares_issuable_at_close = Some(700_000);
    r.part3e.blocks[0].events.truncate(2);
    r
}

#[test]
fn worked_example_checks_clean() {
    let r = worked_example(-1_700_000);
    let d = derive(&r);
    assert_eq!(d.part2[0].close_excluding_treasury, Some(998_300_000));
    assert_eq!(d.part2[0].close_treasury, Some(5_900_000));
    assert_eq!(d.part2[0].close_total, Some(1_004_200_000));
    let t = d.class_totals(C1).cloned().unwrap_or_default();
    assert_eq!(t.total_excluding_treasury, Some(-1_700_000));
    assert_eq!(t.total_treasury, Some(900_000));
    let findings = check(&r, &d, None);
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn worked_example_with_wrong_movement_gives_the_balance_error() {
    let findings = run(&worked_example(-1_500_000));
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let f = &findings[0];
    assert_eq!(f.rule, "II-002");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(
        f.message,
        "Increase / decrease (-) in issued shares excluding treasury is -1,500,000 but Part III \
         totals (Total of AA1 to EE1) give -1,700,000: difference 200,000"
    );
    assert_eq!(f.path.as_str(), "II/class[0]/movement/excluding_treasury");
    assert_eq!(f.part(), FormPart::II);
}

#[test]
fn treasury_balance_message_states_expected_actual_and_difference() {
    let mut r = clean();
    p2(&mut r).movement.treasury = Some(1_000_000);
    let findings = run(&r);
    let f = of_rule(&findings, "II-003");
    assert_eq!(f.len(), 1);
    // 1,000,000 typed − 900,000 expected = 100,000.
    assert_eq!(
        f[0].message,
        "Increase / decrease (-) in treasury shares is 1,000,000 but Part III totals (Total of \
         AA2 to EE2) give 900,000: difference 100,000"
    );
}

#[test]
fn late_submission_message_names_the_due_date() {
    let mut r = clean();
    r.header.date_submitted = Some(day(2024, 11, 8));
    let findings = run(&r);
    let f = of_rule(&findings, "HDR-006");
    assert_eq!(
        f[0].message,
        "Date Submitted 08 November 2024 is 1 day(s) after the due date 07 November 2024 (08:30 HKT)"
    );
    // Submitting on the due date itself is on time.
    r.header.date_submitted = Some(day(2024, 11, 7));
    assert!(of_rule(&run(&r), "HDR-006").is_empty());
}

#[test]
fn month_end_hint_suggests_the_last_day() {
    let mut r = clean();
    r.header.month_end = Some(day(2024, 2, 28));
    let findings = run(&r);
    let f = of_rule(&findings, "HDR-003");
    assert_eq!(
        f[0].message,
        "For the month ended is 28 February 2024, which is not the last day of a month: did you \
         mean 29 February 2024?"
    );
    r.header.month_end = Some(day(2024, 2, 29));
    assert!(of_rule(&run(&r), "HDR-003").is_empty());
    r.header.month_end = Some(day(2024, 12, 31));
    assert!(of_rule(&run(&r), "HDR-003").is_empty());
}

#[test]
fn convertible_message_shows_the_division() {
    let mut r = clean();
    conv(&mut r).shares_issuable_at_close = Some(9_000_000);
    let findings = run(&r);
    let f = of_rule(&findings, "IIIC-002");
    // 47,377,600 ÷ 5 = 9,475,520; 9,000,000 − 9,475,520 = −475,520.
    assert_eq!(
        f[0].message,
        "Shares issuable at close is 9,000,000 but amount at close 47,377,600 ÷ conversion price \
         5 gives 9,475,520: difference -475,520"
    );
}

#[test]
fn moon_inc_convertible_checks_clean() {
    // Spec §6: HKD 52,377,600 issued in the month at HKD 5 → 10,475,520 issuable.
    let mut r = clean();
    let c = conv(&mut r);
    c.preceding_amount = None;
    c.movements = vec![ConvertibleMovement {
        id: Default::default(),
        kind: ConvertibleMovementKind::Issued,
        label: String::new(),
        amount: Some(dec("52377600")),
    }];
    c.shares_issuable_at_close = Some(10_475_520);
    c.new_shares = Some(0);
    // No conversion this month: CC1 = 0, so part II loses the 1,000,000.
    p2(&mut r).movement.excluding_treasury = Some(8_750_000);
    let findings = run(&r);
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn sign_table_follows_the_spec() {
    use Sign::*;
    assert_eq!(expected_signs(TypeOfIssue::Placing), (Positive, Zero));
    assert_eq!(expected_signs(TypeOfIssue::RightsIssue), (Positive, Zero));
    assert_eq!(
        expected_signs(TypeOfIssue::RepurchaseCancelled),
        (Negative, Zero)
    );
    assert_eq!(
        expected_signs(TypeOfIssue::RepurchaseIntoTreasury),
        (Negative, Positive)
    );
    assert_eq!(
        expected_signs(TypeOfIssue::CancellationOfTreasury),
        (Zero, Negative)
    );
    assert_eq!(
        expected_signs(TypeOfIssue::SaleOrTransferOfTreasury),
        (Positive, Negative)
    );
    assert_eq!(
        expected_signs(TypeOfIssue::RedemptionPendingCancellation),
        (Zero, Zero)
    );
    assert_eq!(expected_signs(TypeOfIssue::Other), (Any, Any));
}

#[test]
fn pending_cancellation_may_predate_the_month_but_not_follow_it() {
    let mut r = clean();
    event(&mut r, 3).event_date = Some(day(2024, 9, 27));
    assert!(of_rule(&run(&r), "IIIE-002").is_empty());
    event(&mut r, 3).event_date = Some(day(2024, 11, 1));
    assert_eq!(of_rule(&run(&r), "IIIE-002").len(), 1);
}

#[test]
fn public_float_ticked_either_way_is_clean() {
    let mut r = clean();
    r.template_version = TemplateVersion::V1_2_0;
    p2(&mut r).public_float.complied = Some(false);
    assert!(run(&r).is_empty());
    p2(&mut r).public_float.complied = Some(true);
    assert!(run(&r).is_empty());
}

#[test]
fn part_v_not_applicable_skips_signature_checks() {
    let mut r = clean();
    r.part5.not_applicable = true;
    r.part5.submitted_by.clear();
    r.part5.title.clear();
    let findings = run(&r);
    assert!(of_rule(&findings, "V-001").is_empty());
    assert!(of_rule(&findings, "V-002").is_empty());
}

#[test]
fn findings_are_sorted_by_part_then_errors_first() {
    let mut r = clean();
    r.header.issuer_name.clear();
    r.header.date_submitted = Some(day(2024, 11, 8));
    p2(&mut r).movement.treasury = Some(0);
    scheme(&mut r).new_shares = Some(150_000);
    let findings = run(&r);
    let order: Vec<&str> = findings.iter().map(|f| f.rule).collect();
    // A1 150,000 → AA1 250,000, so both II movements now disagree with Part III.
    assert_eq!(
        order,
        ["HDR-001", "HDR-006", "II-002", "II-003", "IIIA-002"]
    );
}

fn extreme(value: i64, amount: Decimal) -> MonthlyReturn {
    let mut r = clean();
    r.classes.push(ShareClass::new(ClassId(u32::MAX)));
    let b = p1(&mut r);
    b.preceding_shares = Some(value);
    b.movement_shares = Some(value);
    b.par_value.amount = Some(amount);
    b.closing_par_value = Some(amount);
    let mut manual = b.clone();
    manual.class = ClassId(u32::MAX);
    manual.manual_capital = true;
    manual.manual_preceding_capital = Some(amount);
    manual.manual_movement_capital = Some(amount);
    r.part1.part.blocks.push(manual);
    let b = p2(&mut r);
    b.preceding = IssuedRow {
        excluding_treasury: Some(value),
        treasury: Some(value),
    };
    b.movement = b.preceding;
    let s = scheme(&mut r);
    for m in OptionMovement::ALL {
        *s.movement_mut(m) = Some(value);
    }
    s.preceding_outstanding = Some(value);
    s.new_shares = Some(value);
    s.from_treasury = Some(value);
    s.shares_issuable_at_close = Some(value);
    let dup = r.part3a.blocks[0].schemes[0].clone();
    r.part3a.blocks[0].schemes.push(dup);
    r.part3a.blocks[0].funds_raised.amount = Some(amount);
    let w = warrant(&mut r);
    w.preceding_nominal = Some(amount);
    w.exercised_nominal = Some(-amount);
    w.new_shares = Some(value);
    w.from_treasury = Some(value);
    w.subscription_price.amount = Some(Decimal::new(1, 28));
    let c = conv(&mut r);
    c.preceding_amount = Some(amount);
    c.movements[0].amount = Some(-amount);
    c.movements.push(c.movements[0].clone());
    c.new_shares = Some(value);
    c.from_treasury = Some(value);
    c.shares_issuable_at_close = Some(value);
    c.conversion_price.amount = Some(Decimal::new(1, 28));
    let a = arr(&mut r);
    a.new_shares = Some(value);
    a.from_treasury = Some(value);
    for e in 0..4 {
        let ev = event(&mut r, e);
        ev.change_excluding_treasury = Some(value);
        ev.change_treasury = Some(value);
        ev.pending_cancellation = Some(value);
    }
    let h = hdr(&mut r);
    h.preceding_hdrs = Some(value);
    h.movement_hdrs = Some(value);
    h.hdrs_per_share = Some(Decimal::new(1, 28));
    r.header.month_end = Some(NaiveDate::MAX);
    r.header.date_submitted = Some(NaiveDate::MIN);
    r
}

#[test]
fn extreme_values_give_overflow_findings_not_panics() {
    for (value, amount) in [
        (i64::MAX, Decimal::MAX),
        (i64::MIN, Decimal::MIN),
        (i64::MAX, Decimal::MIN),
        (i64::MIN, Decimal::MAX),
    ] {
        let r = extreme(value, amount);
        let d = derive(&r);
        assert!(!d.overflows.is_empty());
        let findings = check(&r, &d, None);
        let calc = of_rule(&findings, "CALC-001");
        assert_eq!(calc.len(), d.overflows.len());
        let mut reported: Vec<&FieldPath> = calc.iter().map(|f| &f.path).collect();
        let mut overflowed: Vec<&FieldPath> = d.overflows.iter().collect();
        reported.sort();
        overflowed.sort();
        assert_eq!(reported, overflowed);
        // Roll-forward comparisons of extreme returns do not panic either.
        let _ = check_against_previous(&r, &clean());
        let _ = check_against_previous(&clean(), &r);
        let _ = check_against_previous(&r, &r);
    }
}

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
    warrant(&mut r).exercised_nominal = None;
    conv(&mut r).movements.clear();
    r
}

type PrevMutation = fn(&mut MonthlyReturn, &mut MonthlyReturn);

const PREV_TRIGGERS: &[(&str, &str, PrevMutation)] = &[
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
];

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
            "HDR-001", "HDR-002", "HDR-004", "I-003", "I-004", "V-001", "V-002"
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
            "\u{FB01}nance",
            "\"\u{FB01}\" (U+FB01) at position 1 cannot be printed in the PDF",
        ),
        (
            "Bell\u{7}",
            "character U+0007 (bell) at position 5 cannot be printed in the PDF",
        ),
        (
            "Kingsoft 金山雲",
            "\"金\" (U+91D1) at position 10 cannot be printed in the PDF",
        ),
    ];
    for (text, message) in cases {
        let mut r = clean();
        r.classes[0].description = text.to_string();
        let findings = run(&r);
        let fired = of_rule(&findings, "PDF-001");
        assert_eq!(fired.len(), 1, "{text:?}: {findings:#?}");
        assert_eq!(fired[0].message, message);
        assert_eq!(fired[0].path.as_str(), "classes[0]/description");
        assert_eq!(fired[0].severity, Severity::Error);
    }
    let mut r = clean();
    r.part1.remarks = "Line one\r\nLine two – café €1".to_string();
    r.part5.submitted_by = "Zoë O’Brien".to_string();
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
