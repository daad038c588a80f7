//! Returns shared by the PDF tests and benches: the Kingsoft Cloud seed filing (spec §6), a
//! Moon-like v1.2.0 return and a stress return. Built in code until the examples land on `core`.
#![allow(dead_code)]

pub mod a11y;
pub mod editor;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use monthly_return::model::*;

pub fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

pub fn dec(s: &str) -> Decimal {
    s.parse().unwrap_or_default()
}

pub const KINGSOFT_3A_REMARKS: &str = "No further grant of any share options under the 2013 Share Option Scheme will be made after December 30, 2022 (the date on which the Shares were listed and on which dealings in the Shares were to be first permitted to take place on the Hong Kong Stock Exchange).";
pub const KINGSOFT_3D_REMARKS: &str = "No further grant of any share awards under the 2013 Share Award Scheme will be made after December 30, 2022 (the date on which the Shares were listed and on which dealings in the Shares were to be first permitted to take place on the Hong Kong Stock Exchange).";
pub const ZOU_TAO_TITLE: &str =
    "Executive Director, Vice Chairman of the Board and acting Chief Executive Officer";

/// Kingsoft Cloud Holdings Limited, October 2024, template v1.1.0 (spec §6).
pub fn kingsoft() -> MonthlyReturn {
    let id = ClassId(1);
    let class = ShareClass {
        id,
        class_of_shares: ClassOfShares::Ordinary,
        type_of_shares: TypeOfShares::NotApplicable,
        listed: true,
        stock_code: "03896".into(),
        description: String::new(),
        other_counters: Vec::new(),
    };
    let mut ret = MonthlyReturn::blank();
    ret.template_version = TemplateVersion::V1_1_0;
    ret.header = Header {
        issuer_name: "Kingsoft Cloud Holdings Limited".into(),
        month_end: day(2024, 10, 31),
        status: SubmissionStatus::NewSubmission,
        date_submitted: day(2024, 11, 6),
    };
    ret.classes = vec![class];
    ret.part1 = Part1 {
        part: Part {
            not_applicable: false,
            blocks: vec![AuthorisedBlock {
                class: id,
                preceding_shares: Some(40_000_000_000),
                par_value: Money::new("USD", dec("0.001")),
                ..AuthorisedBlock::new(id)
            }],
        },
        remarks: String::new(),
    };
    ret.part2 = Part2 {
        part: Part {
            not_applicable: false,
            blocks: vec![IssuedBlock {
                class: id,
                preceding: IssuedRow {
                    excluding_treasury: Some(3_805_284_801),
                    treasury: Some(0),
                },
                ..IssuedBlock::new(id)
            }],
        },
        remarks: String::new(),
    };
    ret.part3a = Part {
        not_applicable: false,
        blocks: vec![OptionBlock {
            id: Default::default(),
            class: id,
            schemes: vec![OptionScheme {
                particulars: "2013 Share Option Scheme".into(),
                preceding_outstanding: Some(26_551_714),
                shares_issuable_at_close: Some(24_849_028),
                gm_approval_date: day(2013, 2, 27),
                ..OptionScheme::default()
            }],
            funds_raised: Money::new("USD", Decimal::ZERO),
            remarks: KINGSOFT_3A_REMARKS.into(),
        }],
    };
    ret.part3b = Part::not_applicable();
    ret.part3c = Part::not_applicable();
    ret.part3d = Part {
        not_applicable: false,
        blocks: vec![ArrangementBlock {
            id: Default::default(),
            class: id,
            arrangements: vec![
                Arrangement {
                    id: Default::default(),
                    description: "2013 Share Award Scheme".into(),
                    gm_approval_date: day(2013, 2, 22),
                    new_shares: Some(0),
                    from_treasury: None,
                    shares_issuable_at_close: Some(22_953_079),
                },
                Arrangement {
                    id: Default::default(),
                    description: "2021 Share Incentive Plan".into(),
                    gm_approval_date: day(2021, 11, 15),
                    new_shares: Some(0),
                    from_treasury: None,
                    shares_issuable_at_close: Some(182_293_214),
                },
            ],
            remarks: KINGSOFT_3D_REMARKS.into(),
        }],
    };
    ret.part3e = Part::not_applicable();
    ret.part4 = Part4::default_not_applicable();
    ret.part5 = Confirmations {
        not_applicable: false,
        amended_items: Default::default(),
        submitted_by: "Zou Tao".into(),
        title: ZOU_TAO_TITLE.into(),
    };
    ret
}

/// Moon Inc., January 2026, template v1.2.0 (spec §6): a convertible note issued in the month.
pub fn moon() -> MonthlyReturn {
    let id = ClassId(1);
    let mut ret = MonthlyReturn::blank();
    ret.template_version = TemplateVersion::V1_2_0;
    ret.header = Header {
        issuer_name: "Moon Inc.".into(),
        month_end: day(2026, 1, 31),
        status: SubmissionStatus::NewSubmission,
        date_submitted: day(2026, 2, 2),
    };
    ret.classes = vec![ShareClass {
        stock_code: "01723".into(),
        description: "Ordinary Shares".into(),
        ..ShareClass::new(id)
    }];
    ret.part1.part.blocks = vec![AuthorisedBlock {
        preceding_shares: Some(10_000_000_000),
        par_value: Money::new("HKD", dec("0.01")),
        ..AuthorisedBlock::new(id)
    }];
    ret.part2.part.blocks = vec![IssuedBlock {
        preceding: IssuedRow {
            excluding_treasury: Some(478_272_000),
            treasury: Some(0),
        },
        public_float: PublicFloat {
            complied: Some(true),
            threshold: "Initial Prescribed Threshold - 25% of the total number of issued shares in the class to which the listed shares belong\n(excluding treasury shares)".into(),
            additional_information: String::new(),
        },
        ..IssuedBlock::new(id)
    }];
    ret.part3c = Part {
        not_applicable: false,
        blocks: vec![ConvertibleBlock { id: Default::default(),
            class: id,
            convertibles: vec![Convertible {
                description: "Convertible Notes in the aggregate principal amount of HK$52,377,600 issued under general mandate on 22 October 2025".into(),
                kind: ConvertibleType::BondNotes,
                currency: "HKD".into(),
                movements: vec![ConvertibleMovement { id: Default::default(),
                    kind: ConvertibleMovementKind::Issued,
                    label: String::new(),
                    amount: Some(dec("52377600")),
                }],
                shares_issuable_at_close: Some(10_475_520),
                conversion_price: Money::new("HKD", dec("5")),
                gm_approval_date: day(2024, 9, 5),
                ..Convertible::default()
            }],
            remarks: String::new(),
        }],
    };
    ret.part5.submitted_by = "Chan Ming Kei".into();
    ret.part5.title = "Company Secretary".into();
    ret
}

/// 20 classes, 50 option schemes per class and 200 (E) events (10 per class), with long
/// descriptions: pagination under load.
pub fn stress() -> MonthlyReturn {
    let mut ret = kingsoft();
    ret.classes.clear();
    ret.part1.part.blocks.clear();
    ret.part2.part.blocks.clear();
    ret.part3a.blocks.clear();
    ret.part3d.blocks.clear();
    ret.part3e = Part {
        not_applicable: false,
        blocks: Vec::new(),
    };
    for c in 1..=20u32 {
        let id = ClassId(c);
        ret.classes.push(ShareClass {
            id,
            class_of_shares: if c % 2 == 0 {
                ClassOfShares::Preference
            } else {
                ClassOfShares::Ordinary
            },
            type_of_shares: TypeOfShares::NotApplicable,
            listed: c % 3 != 0,
            stock_code: format!("{:05}", 3896 + c),
            description: format!(
                "Class {c} shares with a description long enough to wrap: {}",
                "ranking pari passu in all respects ".repeat(c as usize % 4 + 1)
            ),
            other_counters: Vec::new(),
        });
        ret.part1.part.blocks.push(AuthorisedBlock {
            preceding_shares: Some(40_000_000_000 + i64::from(c)),
            movement_shares: Some(-1_000 * i64::from(c)),
            par_value: Money::new(if c % 2 == 0 { "HKD" } else { "USD" }, dec("0.00001")),
            ..AuthorisedBlock::new(id)
        });
        ret.part2.part.blocks.push(IssuedBlock {
            preceding: IssuedRow {
                excluding_treasury: Some(3_805_284_801),
                treasury: Some(1_000_000),
            },
            movement: IssuedRow {
                excluding_treasury: Some(-112_875),
                treasury: Some(0),
            },
            ..IssuedBlock::new(id)
        });
        ret.part3a.blocks.push(OptionBlock { id: Default::default(),
            class: id,
            schemes: (1..=50)
                .map(|s| OptionScheme {
                    particulars: if s % 7 == 0 {
                        format!("Scheme {s} of class {c}: a share option scheme with a particularly long name adopted by the shareholders and amended several times since")
                    } else {
                        format!("Scheme {s} of class {c}")
                    },
                    preceding_outstanding: Some(26_551_714 + s),
                    granted: (s % 3 == 0).then_some(1_000),
                    exercised: (s % 4 == 0).then_some(2_000),
                    lapsed: (s % 5 == 0).then_some(112_875),
                    new_shares: (s % 4 == 0).then_some(2_000),
                    shares_issuable_at_close: Some(24_849_028),
                    gm_approval_date: day(2013, 2, 27),
                    ..OptionScheme::default()
                })
                .collect(),
            funds_raised: Money::new("HKD", dec("1234567.89")),
            remarks: format!("Remarks for class {c}. {}", "Lorem ipsum dolor sit amet. ".repeat(12)),
        });
        ret.part3e.blocks.push(EventBlock {
            id: Default::default(),
            class: id,
            events: (1..=10)
                .map(|e| Event {
                    type_of_issue: if e % 2 == 0 {
                        TypeOfIssue::RepurchaseIntoTreasury
                    } else {
                        TypeOfIssue::Placing
                    },
                    price: Money::new("HKD", dec("5.25")),
                    event_date: day(2024, 10, e),
                    change_excluding_treasury: Some(if e % 2 == 0 { -10_000 } else { 20_000 }),
                    change_treasury: (e % 2 == 0).then_some(10_000),
                    ..Event::default()
                })
                .collect(),
            remarks: String::new(),
        });
    }
    ret
}

/// What the CLI and the editor do: derive and check once, then export with those results.
pub fn export(ret: &MonthlyReturn) -> Result<Vec<u8>, monthly_return::pdf::ExportError> {
    let derived = monthly_return::calc::derive(ret);
    let findings = monthly_return::rules::check(ret, &derived, None);
    monthly_return::pdf::export(ret, &derived, &findings)
}

/// The CJK test font (`tests/fixtures/fonts/`, a subset of Noto Sans CJK HK with
/// 金山云控股有限公司雲陳大文中國香港), loaded once: tests export Chinese with it, never with a
/// font of the machine.
pub fn cjk_fixture() -> &'static monthly_return::pdf::fonts::Face {
    static FONT: std::sync::OnceLock<&'static monthly_return::pdf::fonts::Face> =
        std::sync::OnceLock::new();
    FONT.get_or_init(|| {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/fonts/NotoSansCJKhk-Fixture.otf"
        );
        monthly_return::pdf::fonts::Face::from_file(std::path::Path::new(path), 0)
            .unwrap_or_else(|e| panic!("{e}"))
    })
}
