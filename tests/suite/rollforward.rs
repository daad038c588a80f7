//! Rolling forward: next month opens with this month's closing figures and nothing else moves.

use std::path::PathBuf;

use chrono::NaiveDate;
use monthly_return::calc;
use monthly_return::io;
use monthly_return::model::{
    Event, EventBlock, HdrLine, MonthlyReturn, Part, SubmissionStatus, TypeOfIssue,
};
use monthly_return::rollforward::{RollForwardError, roll_forward};
use rust_decimal::Decimal;

fn example(name: &str) -> MonthlyReturn {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("templates/examples")
        .join(name);
    io::load(&path).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn h_and_a_shares_roll_into_april() {
    let march = example("h-and-a-shares-2025-03.ron");
    let april = roll_forward(&march).unwrap();

    assert_eq!(april.header.month_end, Some(date(2025, 4, 30)));
    assert_eq!(april.header.date_submitted, None);
    assert_eq!(april.header.status, SubmissionStatus::NewSubmission);
    assert_eq!(april.header.issuer_name, march.header.issuer_name);
    assert_eq!(april.classes, march.classes);
    assert_eq!(april.part5, march.part5);

    // I: preceding = March close (H 1,197,750,000; A 3,603,200,000), movement cleared.
    let i = &april.part1.part.blocks;
    assert_eq!(i[0].preceding_shares, Some(1_197_750_000));
    assert_eq!(i[1].preceding_shares, Some(3_603_200_000));
    assert!(i.iter().all(|b| b.movement_shares.is_none()));
    assert_eq!(i[0].par_value, march.part1.part.blocks[0].par_value);

    // II: preceding = March close, movement cleared.
    let ii = &april.part2.part.blocks;
    assert_eq!(ii[0].preceding.excluding_treasury, Some(1_195_350_000));
    assert_eq!(ii[0].preceding.treasury, Some(2_400_000));
    assert_eq!(ii[1].preceding.excluding_treasury, Some(3_603_200_000));
    assert_eq!(ii[1].preceding.treasury, Some(0));
    assert!(ii.iter().all(|b| b.movement == Default::default()));

    // III(A): outstanding carried, movements and deliveries cleared, funds raised blank in the
    // same currency, the rest of the scheme kept.
    let h = &april.part3a.blocks[0];
    let s = &h.schemes[0];
    assert_eq!(s.preceding_outstanding, Some(16_600_000));
    assert_eq!(
        (s.granted, s.exercised, s.cancelled, s.lapsed),
        (None, None, None, None)
    );
    assert_eq!((s.new_shares, s.from_treasury), (None, None));
    assert_eq!(s.shares_issuable_at_close, Some(16_600_000));
    assert_eq!(s.particulars, march.part3a.blocks[0].schemes[0].particulars);
    assert_eq!(h.funds_raised.currency, "HKD");
    assert_eq!(h.funds_raised.amount, None);
    assert_eq!(h.remarks, march.part3a.blocks[0].remarks);
    assert_eq!(
        april.part3a.blocks[1].schemes[0].preceding_outstanding,
        Some(38_000_000)
    );

    // III(E): nothing pending cancellation, so the part becomes Not applicable.
    assert!(april.part3e.not_applicable);
    assert!(april.part3e.blocks.is_empty());

    // The April return derives to "no movement": every close equals its preceding balance.
    let d = calc::derive(&april);
    assert_eq!(d.part2[0].close_total, Some(1_197_750_000));
    assert_eq!(d.part2[1].close_total, Some(3_603_200_000));
    assert_eq!(d.part3a[0].closing_outstanding, vec![Some(16_600_000)]);
    for t in &d.class_totals {
        assert_eq!(
            (t.total_excluding_treasury, t.total_treasury),
            (Some(0), Some(0))
        );
    }
}

#[test]
fn convertible_amount_carries_and_movements_clear() {
    let june = example("convertible-and-placing-2025-06.ron");
    let july = roll_forward(&june).unwrap();
    assert_eq!(july.header.month_end, Some(date(2025, 7, 31)));
    let cv = &july.part3c.blocks[0].convertibles[0];
    assert_eq!(
        cv.preceding_amount,
        Some("164000000".parse::<Decimal>().unwrap())
    );
    assert!(cv.movements.is_empty());
    assert_eq!(cv.new_shares, None);
    assert_eq!(cv.shares_issuable_at_close, Some(136_666_666));
    assert_eq!(
        cv.conversion_price,
        june.part3c.blocks[0].convertibles[0].conversion_price
    );
    assert_eq!(
        july.part2.part.blocks[0].preceding.excluding_treasury,
        Some(1_400_000_000)
    );
    assert!(july.part3e.not_applicable);
}

#[test]
fn kingsoft_keeps_blank_cells_blank_and_rolls_into_november() {
    let oct = example("kingsoft-cloud-2024-10.ron");
    let nov = roll_forward(&oct).unwrap();
    assert_eq!(nov.header.month_end, Some(date(2024, 11, 30)));
    // Typed figures carry; the movement cells that were blank stay blank.
    let ii = &nov.part2.part.blocks[0];
    assert_eq!(ii.preceding.excluding_treasury, Some(3_805_284_801));
    assert_eq!(ii.preceding.treasury, Some(0));
    // (D) shares issuable are kept; D1 cleared.
    let dd = &nov.part3d.blocks[0].arrangements;
    assert_eq!(dd[0].shares_issuable_at_close, Some(22_953_079));
    assert_eq!(dd[0].new_shares, None);
    // With no movement in October, rolling twice only moves the month end.
    let dec = roll_forward(&nov).unwrap();
    assert_eq!(dec.header.month_end, Some(date(2024, 12, 31)));
    let jan = roll_forward(&dec).unwrap();
    assert_eq!(jan.header.month_end, Some(date(2025, 1, 31)));
    let feb = roll_forward(&jan).unwrap();
    assert_eq!(feb.header.month_end, Some(date(2025, 2, 28)));
    let mut feb_as_nov = feb.clone();
    feb_as_nov.header.month_end = nov.header.month_end;
    // Each month is linked to the one before it; otherwise they are the same.
    assert_eq!(
        feb_as_nov.last_month.as_ref().and_then(|l| l.month_end),
        Some(date(2025, 1, 31))
    );
    feb_as_nov.last_month = nov.last_month.clone();
    assert_eq!(feb_as_nov, nov);
}

#[test]
fn pending_cancellation_rows_stay_with_e1_e2_cleared() {
    let mut ret = example("h-and-a-shares-2025-03.ron");
    let pending = Event {
        type_of_issue: TypeOfIssue::RepurchasePendingCancellation,
        event_date: Some(date(2025, 3, 28)),
        pending_cancellation: Some(-600_000),
        ..Event::default()
    };
    ret.part3e.blocks[0].events.push(pending.clone());
    let next = roll_forward(&ret).unwrap();
    assert!(!next.part3e.not_applicable);
    assert_eq!(next.part3e.blocks.len(), 1);
    assert_eq!(next.part3e.blocks[0].events, vec![pending]);
    assert_eq!(next.part3e.blocks[0].remarks, ret.part3e.blocks[0].remarks);

    // A block whose rows all went is dropped, even if another class keeps one.
    let mut two = example("h-and-a-shares-2025-03.ron");
    two.part3e.blocks.push(EventBlock {
        id: Default::default(),
        class: two.classes[1].id,
        events: vec![Event {
            type_of_issue: TypeOfIssue::Placing,
            change_excluding_treasury: Some(1),
            ..Event::default()
        }],
        remarks: String::new(),
    });
    two.part3e.blocks[0].events.push(Event {
        type_of_issue: TypeOfIssue::RedemptionPendingCancellation,
        pending_cancellation: Some(-5),
        change_excluding_treasury: Some(-5),
        ..Event::default()
    });
    let next = roll_forward(&two).unwrap();
    assert_eq!(next.part3e.blocks.len(), 1);
    assert_eq!(next.part3e.blocks[0].class, two.classes[0].id);
    assert_eq!(
        next.part3e.blocks[0].events[0].change_excluding_treasury,
        None
    );
}

#[test]
fn changed_par_value_becomes_the_par_value() {
    let mut ret = example("convertible-and-placing-2025-06.ron");
    // A consolidation: 5 shares into 1, par HKD 0.01 → HKD 0.05.
    let b = &mut ret.part1.part.blocks[0];
    b.movement_shares = Some(-4_000_000_000);
    b.closing_par_value = Some("0.05".parse().unwrap());
    let next = roll_forward(&ret).unwrap();
    let b = &next.part1.part.blocks[0];
    assert_eq!(b.preceding_shares, Some(1_000_000_000));
    assert_eq!(b.par_value.amount, Some("0.05".parse().unwrap()));
    assert_eq!(b.par_value.currency, "HKD");
    assert_eq!(b.closing_par_value, None);
    assert_eq!(
        calc::derive(&next).part1[0].close_capital,
        Some("50000000".parse().unwrap())
    );
}

#[test]
fn manual_capital_carries_the_closing_capital() {
    let mut ret = example("convertible-and-placing-2025-06.ron");
    let b = &mut ret.part1.part.blocks[0];
    b.manual_capital = true;
    b.manual_preceding_capital = Some("1000".parse().unwrap());
    b.manual_movement_capital = Some("250.5".parse().unwrap());
    let next = roll_forward(&ret).unwrap();
    let b = &next.part1.part.blocks[0];
    assert_eq!(b.manual_preceding_capital, Some("1250.5".parse().unwrap()));
    assert_eq!(b.manual_movement_capital, None);
}

#[test]
fn hdr_lines_carry_their_closing_count() {
    let mut ret = example("kingsoft-cloud-2024-10.ron");
    ret.part4.part = Part {
        not_applicable: false,
        blocks: vec![HdrLine {
            preceding_hdrs: Some(1_000),
            movement_hdrs: Some(-250),
            ..HdrLine::default()
        }],
    };
    let next = roll_forward(&ret).unwrap();
    assert_eq!(next.part4.part.blocks[0].preceding_hdrs, Some(750));
    assert_eq!(next.part4.part.blocks[0].movement_hdrs, None);
}

#[test]
fn overflowed_close_is_an_error_naming_the_field() {
    let mut ret = example("kingsoft-cloud-2024-10.ron");
    ret.part2.part.blocks[0].movement.treasury = Some(i64::MAX);
    ret.part2.part.blocks[0].preceding.treasury = Some(1);
    let err = roll_forward(&ret).unwrap_err();
    assert_eq!(
        err.to_string(),
        "II/class[0]/close/treasury: the closing figure is too large to compute; fix the figures that feed it before rolling forward"
    );
    assert!(matches!(err, RollForwardError::Overflow { .. }));

    let mut ret = example("kingsoft-cloud-2024-10.ron");
    ret.part3a.blocks[0].schemes[0].granted = Some(i64::MAX);
    let err = roll_forward(&ret).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("IIIA/class[0]/scheme[0]/closing_outstanding:"),
        "{err}"
    );
}

/// The roll-forward (`PREV-*`) findings of checking `next` against `prev`.
fn prev_findings(
    prev: &monthly_return::model::MonthlyReturn,
    next: &monthly_return::model::MonthlyReturn,
) -> Vec<monthly_return::rules::Finding> {
    use monthly_return::calc::derive;
    let d_next = derive(next);
    let last = monthly_return::last_month::of(prev);
    let mut findings = monthly_return::rules::check(next, &d_next, Some(&last));
    findings.retain(|f| f.rule.starts_with("PREV-"));
    findings
}

#[test]
fn rolled_returns_pass_the_previous_month_rules() {
    for name in [
        "kingsoft-cloud-2024-10.ron",
        "h-and-a-shares-2025-03.ron",
        "convertible-and-placing-2025-06.ron",
    ] {
        let prev = example(name);
        let next = roll_forward(&prev).unwrap();
        let findings = prev_findings(&prev, &next);
        assert!(findings.is_empty(), "{name}: {findings:#?}");
    }
    // The rules do notice a balance that was not brought forward.
    let prev = example("h-and-a-shares-2025-03.ron");
    let mut next = roll_forward(&prev).unwrap();
    next.part2.part.blocks[0].preceding.treasury = Some(3_500_000);
    let findings = prev_findings(&prev, &next);
    assert!(
        findings.iter().any(|f| f.rule == "PREV-003"),
        "{findings:#?}"
    );
}
