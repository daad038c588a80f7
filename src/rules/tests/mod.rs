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
    let c = derive(current);
    let mut findings = check(current, &c, Some(&crate::last_month::of(previous)));
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
        unparsed: Default::default(),
        last_month: None,
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
    ("TXT-001", "IIIA/class[0]/scheme[0]/new_shares", |r| {
        r.ensure_row_ids();
        let key = RowIndex::new(r).key(&crate::model::path::part3a::new_shares(0, 0));
        r.unparsed.insert(key, "1,000,00".to_string());
    }),
    ("STR-009", "classes[0]/stock_code", |r| {
        r.classes[0].stock_code = " ".to_string()
    }),
    ("STR-010", "classes[0]/stock_code", |r| {
        r.classes[0].stock_code = "3896.HK".to_string()
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
    // 300,000 exercised and 100,000 lapsed leave 9,600,000 outstanding, but the shares issuable
    // stay at the 10,000,000 outstanding a month ago.
    (
        "IIIA-006",
        "IIIA/class[0]/scheme[0]/shares_issuable_at_close",
        |r| scheme(r).shares_issuable_at_close = Some(10_000_000),
    ),
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
        .chain(previous::PREV_TRIGGERS.iter().map(|t| t.0))
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
                "CALC", "PDF", "TXT", "HDR", "STR", "I", "II", "IIIA", "IIIB", "IIIC", "IIID",
                "IIIE", "IV", "V", "PREV"
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

mod classes;
mod examples;
mod previous;
