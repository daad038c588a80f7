//! The spec's worked example, message wording, sign table and extreme values.

use super::*;

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
