//! Generated returns for benchmarks and tests of every consumer (rules, PDF, editor).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::calc;
use crate::model::*;

/// Share classes in [`stress_return`].
pub const STRESS_CLASSES: usize = 20;
/// Share option schemes per class in [`stress_return`].
pub const STRESS_SCHEMES_PER_CLASS: usize = 50;
/// III(E) rows in [`stress_return`], spread evenly over the classes.
pub const STRESS_EVENTS: usize = 200;

/// A return far larger than any real one (20 classes × 50 option schemes, 200 (E) events) whose
/// figures agree: part II's movements are the Part III grand totals, options exercised equal
/// A1 + A2, events are dated in the month and signed as their type requires.
pub fn stress_return() -> MonthlyReturn {
    let month_end = NaiveDate::from_ymd_opt(2025, 6, 30);
    let day = |d| NaiveDate::from_ymd_opt(2025, 6, d);
    let gm = NaiveDate::from_ymd_opt(2023, 5, 26);
    let hkd = |m: i64, scale: u32| Money::new("HKD", Decimal::new(m, scale));

    let mut ret = MonthlyReturn::blank();
    ret.header = Header {
        issuer_name: "Stress Test Holdings Limited".to_string(),
        month_end,
        status: SubmissionStatus::NewSubmission,
        date_submitted: day(30).and_then(|d| d.checked_add_days(chrono::Days::new(3))),
    };
    ret.classes.clear();
    ret.part1.part.blocks.clear();
    ret.part2.part.blocks.clear();
    ret.part3a = Part::default();
    ret.part3e = Part::default();
    ret.part5.submitted_by = "Chan Tai Man".to_string();
    ret.part5.title = "Company Secretary".to_string();

    let events_per_class = STRESS_EVENTS / STRESS_CLASSES;
    for k in 0..STRESS_CLASSES {
        let id = ClassId(k as u32 + 1);
        let n = k as i64;
        ret.classes.push(ShareClass {
            id,
            class_of_shares: ClassOfShares::Other,
            type_of_shares: TypeOfShares::NotApplicable,
            listed: true,
            stock_code: format!("{:05}", 80_000 + k),
            description: format!("Class {} shares", k + 1),
            other_counters: Vec::new(),
        });
        ret.part1.part.blocks.push(AuthorisedBlock {
            class: id,
            preceding_shares: Some(5_000_000_000),
            movement_shares: None,
            par_value: hkd(1, 2),
            ..AuthorisedBlock::new(id)
        });
        ret.part2.part.blocks.push(IssuedBlock {
            class: id,
            preceding: IssuedRow {
                excluding_treasury: Some(1_000_000_000 + n * 1_000),
                treasury: Some(10_000_000),
            },
            ..IssuedBlock::new(id)
        });

        let schemes = (0..STRESS_SCHEMES_PER_CLASS as i64)
            .map(|s| {
                let preceding = 1_000_000 + s * 1_000;
                let close = preceding + 10_000 - 5_000 - 500 - 500;
                OptionScheme {
                    id: RowId(0),
                    particulars: format!("Share Option Scheme {} (tranche {})", k + 1, s + 1),
                    preceding_outstanding: Some(preceding),
                    granted: Some(10_000),
                    exercised: Some(5_000),
                    cancelled: Some(500),
                    lapsed: Some(500),
                    new_shares: Some(3_000),
                    from_treasury: Some(2_000),
                    shares_issuable_at_close: Some(close),
                    remaining_to_be_granted: Some(50_000_000),
                    gm_approval_date: gm,
                }
            })
            .collect();
        ret.part3a.blocks.push(OptionBlock {
            id: RowId(0),
            class: id,
            schemes,
            // 50 schemes × 5,000 exercised × HKD 1.25.
            funds_raised: hkd(31_250_000, 2),
            remarks: String::new(),
        });

        let events = (0..events_per_class)
            .map(|e| {
                let (type_of_issue, e1, e2, pending) = match e % 5 {
                    0 => (TypeOfIssue::Placing, Some(1_000_000), None, None),
                    1 => (
                        TypeOfIssue::RepurchaseIntoTreasury,
                        Some(-200_000),
                        Some(200_000),
                        None,
                    ),
                    2 => (
                        TypeOfIssue::CancellationOfTreasury,
                        None,
                        Some(-50_000),
                        None,
                    ),
                    3 => (TypeOfIssue::RepurchaseCancelled, Some(-100_000), None, None),
                    _ => (
                        TypeOfIssue::SaleOrTransferOfTreasury,
                        Some(30_000),
                        Some(-30_000),
                        None,
                    ),
                };
                Event {
                    id: RowId(0),
                    type_of_issue,
                    other_description: String::new(),
                    price: hkd(118, 2),
                    event_date: day(2 + e as u32 * 2),
                    gm_approval_date: gm,
                    change_excluding_treasury: e1,
                    change_treasury: e2,
                    pending_cancellation: pending,
                }
            })
            .collect();
        ret.part3e.blocks.push(EventBlock {
            id: RowId(0),
            class: id,
            events,
            remarks: String::new(),
        });
    }

    ret.ensure_row_ids();
    // Part II moves by exactly the Part III grand totals, so the return balances.
    let derived = calc::derive(&ret);
    for block in &mut ret.part2.part.blocks {
        if let Some(t) = derived.class_totals(block.class) {
            block.movement = IssuedRow {
                excluding_treasury: t.total_excluding_treasury,
                treasury: t.total_treasury,
            };
        }
    }
    ret
}

/// A return with `n` share classes, each with a part I and a part II block and nothing in part
/// III or IV: checks clean. For timing `check` on very many classes (benches/core.rs and
/// `examples/big_drafts.rs`).
pub fn many_classes(n: usize) -> MonthlyReturn {
    let mut ret = MonthlyReturn::blank();
    ret.header.issuer_name = "Many Classes Holdings Limited".to_string();
    ret.header.month_end = NaiveDate::from_ymd_opt(2025, 6, 30);
    ret.header.date_submitted = NaiveDate::from_ymd_opt(2025, 7, 3);
    ret.part5.submitted_by = "Chan Tai Man".to_string();
    ret.part5.title = "Company Secretary".to_string();
    ret.classes.clear();
    ret.part1.part.blocks.clear();
    ret.part2.part.blocks.clear();
    for k in 0..n {
        let id = ClassId(k as u32 + 1);
        let mut class = ShareClass::new(id);
        class.stock_code = format!("{:05}", k % 100_000);
        ret.classes.push(class);
        let mut p1 = AuthorisedBlock::new(id);
        p1.preceding_shares = Some(1_000_000);
        p1.par_value = Money::new("HKD", Decimal::new(1, 2));
        ret.part1.part.blocks.push(p1);
        let mut p2 = IssuedBlock::new(id);
        p2.preceding.excluding_treasury = Some(500_000);
        ret.part2.part.blocks.push(p2);
    }
    ret.ensure_row_ids();
    ret
}

/// A return of `n` classes with nothing else: no block in any part (parts I and II marked
/// not applicable), so every class is a `STR-006` warning.
pub fn empty_classes(n: usize) -> MonthlyReturn {
    let mut ret = many_classes(0);
    ret.part1.part.not_applicable = true;
    ret.part2.part.not_applicable = true;
    ret.classes = (0..n)
        .map(|k| ShareClass {
            id: ClassId(k as u32 + 1),
            ..ShareClass::default()
        })
        .collect();
    ret
}

/// The draft text of a return made by [`many_classes`] or [`empty_classes`], written compactly
/// (one line, fields left at their default omitted) so that a million classes stay under the
/// draft size limit (`io::MAX_DRAFT_BYTES`); `io::save`'s pretty layout takes ~1 KB per class.
pub fn compact_draft(ret: &MonthlyReturn) -> String {
    use std::fmt::Write as _;
    let mut skeleton = ret.clone();
    skeleton.classes.clear();
    skeleton.part1.part.blocks.clear();
    skeleton.part2.part.blocks.clear();
    let draft = crate::io::Draft {
        format_version: crate::io::FORMAT_VERSION,
        ret: skeleton,
    };
    let text = ron::ser::to_string(&draft).unwrap_or_default();
    let mut classes = String::new();
    for c in &ret.classes {
        let listed = if c.listed { ",listed:true" } else { "" };
        let code = if c.stock_code.is_empty() {
            String::new()
        } else {
            format!(",stock_code:{:?}", c.stock_code)
        };
        let _ = write!(classes, "(id:({}){listed}{code}),", c.id.0);
    }
    let mut part1 = String::new();
    for b in &ret.part1.part.blocks {
        let _ = write!(
            part1,
            "(id:{},class:({}),preceding_shares:Some({}),par_value:(currency:{:?},amount:Some(\"{}\"))),",
            b.id.0,
            b.class.0,
            b.preceding_shares.unwrap_or(0),
            b.par_value.currency,
            b.par_value.amount.unwrap_or_default()
        );
    }
    let mut part2 = String::new();
    for b in &ret.part2.part.blocks {
        let _ = write!(
            part2,
            "(id:{},class:({}),preceding:(excluding_treasury:Some({}))),",
            b.id.0,
            b.class.0,
            b.preceding.excluding_treasury.unwrap_or(0)
        );
    }
    text.replacen("classes:[]", &format!("classes:[{classes}]"), 1)
        .replacen("blocks:[]", &format!("blocks:[{part1}]"), 1)
        .replacen("blocks:[]", &format!("blocks:[{part2}]"), 1)
}

/// The `i`th return of a registrar's batch made from `bases` (say the four examples) in turn,
/// for batch tests and timings (`examples/batch_drafts.rs`): the issuer renamed (every third
/// Chinese with quotes, every third with a backslash), every fifth a month after its base (its
/// dated events then fall outside the month: errors), every seventh with no issuer name (an
/// error). A mix of clean and erroneous returns, as a month's folder has.
pub fn batch_variant(bases: &[MonthlyReturn], i: usize) -> MonthlyReturn {
    let Some(base) = bases.get(i % bases.len().max(1)) else {
        return MonthlyReturn::blank();
    };
    let mut ret = base.clone();
    ret.header.issuer_name = match i % 3 {
        0 => format!("金山雲 Issuer {i} \"Holdings\" Limited"),
        1 => format!("Issuer {i} \\ Co., Ltd."),
        _ => format!("Issuer {i} Limited"),
    };
    if i.is_multiple_of(5) {
        // The last day of the following month.
        let next = ret
            .header
            .month_end
            .and_then(|d| d.succ_opt())
            .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
            .and_then(|d| d.pred_opt());
        if next.is_some() {
            ret.header.month_end = next;
        }
    }
    if i.is_multiple_of(7) {
        ret.header.issuer_name.clear();
    }
    ret
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{self, Severity};

    #[test]
    fn stress_return_is_large_and_balanced() {
        let ret = stress_return();
        assert_eq!(ret.classes.len(), STRESS_CLASSES);
        let schemes: usize = ret.part3a.blocks.iter().map(|b| b.schemes.len()).sum();
        assert_eq!(schemes, STRESS_CLASSES * STRESS_SCHEMES_PER_CLASS);
        let events: usize = ret.part3e.blocks.iter().map(|b| b.events.len()).sum();
        assert_eq!(events, STRESS_EVENTS);

        let d = calc::derive(&ret);
        assert!(d.overflows.is_empty());
        // Per class: AA1 = 50 × (3,000 + 2,000) = 250,000; AA2 = 50 × 2,000 = 100,000;
        // EE1 = 2 × (1,000,000 − 200,000 − 100,000 + 30,000) = 1,460,000;
        // EE2 = 2 × (200,000 − 50,000 − 30,000) = 240,000.
        for t in &d.class_totals {
            assert_eq!(t.total_excluding_treasury, Some(250_000 + 1_460_000));
            assert_eq!(t.total_treasury, Some(-100_000 + 240_000));
        }
        let errors: Vec<_> = rules::check(&ret, &d, None)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
}
