//! The example drafts under `templates/examples/`: each loads, checks without errors, and derives
//! the closing figures worked out by hand below (Kingsoft: the figures printed on the filing).

use std::path::PathBuf;

use monthly_return::calc::{self, Derived};
use monthly_return::io;
use monthly_return::model::{ClassId, MonthlyReturn, SubmissionStatus};
use monthly_return::rules::{self, Severity};
use rust_decimal::Decimal;

fn example(name: &str) -> MonthlyReturn {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("templates/examples")
        .join(name);
    io::load(&path).unwrap_or_else(|e| panic!("{e}"))
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn date(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn assert_no_errors(ret: &MonthlyReturn, d: &Derived) {
    let findings = rules::check(ret, d, None);
    let errors: Vec<_> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{} {} {}", f.rule, f.path, f.message))
        .collect();
    assert!(errors.is_empty(), "errors: {errors:#?}");
    assert!(d.overflows.is_empty(), "overflows: {:?}", d.overflows);
}

#[test]
fn kingsoft_derives_the_filed_figures() {
    let ret = example("kingsoft-cloud-2024-10.ron");
    assert_eq!(ret.header.issuer_name, "Kingsoft Cloud Holdings Limited");
    assert_eq!(ret.header.month_end, Some(date(2024, 10, 31)));
    assert_eq!(ret.header.date_submitted, Some(date(2024, 11, 6)));
    assert_eq!(ret.header.status, SubmissionStatus::NewSubmission);
    let d = calc::derive(&ret);
    assert_no_errors(&ret, &d);

    // I: 40,000,000,000 × USD 0.001 = USD 40,000,000 on both balance rows; movement 0.
    let i = &d.part1[0];
    assert_eq!(i.close_shares, Some(40_000_000_000));
    assert_eq!(i.preceding_capital, Some(dec("40000000")));
    assert_eq!(i.movement_capital, Some(Decimal::ZERO));
    assert_eq!(i.close_capital, Some(dec("40000000")));
    assert_eq!(d.capital_totals.len(), 1);
    assert_eq!(d.capital_totals["USD"], Some(dec("40000000")));

    // II: 3,805,284,801 + 0 = 3,805,284,801 before and after.
    let ii = &d.part2[0];
    assert_eq!(ii.preceding_total, Some(3_805_284_801));
    assert_eq!(ii.close_excluding_treasury, Some(3_805_284_801));
    assert_eq!(ii.close_treasury, Some(0));
    assert_eq!(ii.close_total, Some(3_805_284_801));

    // III(A): 26,551,714 outstanding before and after; AA1 = AA2 = 0; USD 0 raised.
    assert_eq!(d.part3a[0].closing_outstanding, vec![Some(26_551_714)]);
    assert_eq!(d.part3a[0].summary.xx1, Some(0));
    assert_eq!(d.part3a[0].summary.xx2, Some(0));
    let a = &ret.part3a.blocks[0];
    assert_eq!(a.schemes[0].shares_issuable_at_close, Some(24_849_028));
    assert_eq!(a.funds_raised.currency, "USD");
    assert_eq!(a.funds_raised.amount, Some(Decimal::ZERO));

    // III(D): two arrangements, DD1 = 0; 22,953,079 and 182,293,214 may be issued.
    let dd = &ret.part3d.blocks[0].arrangements;
    assert_eq!(dd.len(), 2);
    assert_eq!(dd[0].shares_issuable_at_close, Some(22_953_079));
    assert_eq!(dd[1].shares_issuable_at_close, Some(182_293_214));
    assert_eq!(d.part3d[0].summary.xx1, Some(0));

    // (B), (C), (E), IV not applicable; grand totals 0 and 0.
    assert!(ret.part3b.not_applicable && ret.part3c.not_applicable);
    assert!(ret.part3e.not_applicable && ret.part4.part.not_applicable);
    let t = d.class_totals(ClassId(1)).unwrap();
    assert_eq!(t.total_excluding_treasury, Some(0));
    assert_eq!(t.total_treasury, Some(0));

    assert_eq!(ret.part5.submitted_by, "Zou Tao");
    assert_eq!(
        ret.part5.title,
        "Executive Director, Vice Chairman of the Board and acting Chief Executive Officer"
    );
    // Due 5 business days after Thu 31 Oct 2024: Fri 1, Mon 4, Tue 5, Wed 6, Thu 7 Nov.
    assert_eq!(
        d.due_date.as_ref().and_then(|d| d.date()),
        Some(date(2024, 11, 7))
    );
}

#[test]
fn h_and_a_shares_close_as_worked_out_by_hand() {
    let ret = example("h-and-a-shares-2025-03.ron");
    let d = calc::derive(&ret);
    assert_no_errors(&ret, &d);
    let (h, a) = (ClassId(1), ClassId(2));

    // III(A) H: 18,000,000 − 1,250,000 exercised − 150,000 lapsed = 16,600,000 outstanding.
    // A1 750,000 + A2 500,000 = 1,250,000 exercised; AA1 = 750,000 + 500,000 = 1,250,000,
    // AA2 = 500,000.
    assert_eq!(d.part3a[0].closing_outstanding, vec![Some(16_600_000)]);
    assert_eq!(d.part3a[0].summary.xx1, Some(1_250_000));
    assert_eq!(d.part3a[0].summary.xx2, Some(500_000));
    // III(A) A: 42,000,000 − 3,200,000 exercised − 800,000 cancelled = 38,000,000;
    // AA1 = 3,200,000 new shares, AA2 = 0.
    assert_eq!(d.part3a[1].closing_outstanding, vec![Some(38_000_000)]);
    assert_eq!(d.part3a[1].summary.xx1, Some(3_200_000));
    assert_eq!(d.part3a[1].summary.xx2, Some(0));
    // Funds raised: 1,250,000 × HKD 8.46 = HKD 10,575,000; 3,200,000 × RMB 12.35 = RMB 39,520,000.
    assert_eq!(
        ret.part3a.blocks[0].funds_raised.amount,
        Some(Decimal::from(1_250_000) * dec("8.46"))
    );
    assert_eq!(
        ret.part3a.blocks[1].funds_raised.amount,
        Some(Decimal::from(3_200_000) * dec("12.35"))
    );

    // III(E) H: repurchase into treasury E1 −2,400,000 / E2 +2,400,000; cancellation of
    // treasury shares E2 −3,000,000. EE1 = −2,400,000; EE2 = 2,400,000 − 3,000,000 = −600,000.
    assert_eq!(d.part3e[0].ee1, Some(-2_400_000));
    assert_eq!(d.part3e[0].ee2, Some(-600_000));

    // Grand totals H: AA1..EE1 = 1,250,000 − 2,400,000 = −1,150,000;
    // AA2..EE2 = −500,000 + (−600,000) = −1,100,000. A: +3,200,000 and 0.
    let th = d.class_totals(h).unwrap();
    assert_eq!(th.total_excluding_treasury, Some(-1_150_000));
    assert_eq!(th.total_treasury, Some(-1_100_000));
    let ta = d.class_totals(a).unwrap();
    assert_eq!(ta.total_excluding_treasury, Some(3_200_000));
    assert_eq!(ta.total_treasury, Some(0));
    // ... and part II says the same.
    let m = &ret.part2.part.blocks[0].movement;
    assert_eq!(
        (m.excluding_treasury, m.treasury),
        (th.total_excluding_treasury, th.total_treasury)
    );
    assert_eq!(
        ret.part2.part.blocks[1].movement.excluding_treasury,
        ta.total_excluding_treasury
    );

    // II H: 1,196,500,000 − 1,150,000 = 1,195,350,000 excluding treasury;
    // 3,500,000 − 500,000 (A2) + 2,400,000 (repurchase) − 3,000,000 (cancelled) = 2,400,000
    // treasury; total 1,197,750,000 = 1,200,000,000 + 750,000 new − 3,000,000 cancelled.
    let ii = &d.part2[0];
    assert_eq!(ii.preceding_total, Some(1_200_000_000));
    assert_eq!(ii.close_excluding_treasury, Some(1_195_350_000));
    assert_eq!(ii.close_treasury, Some(2_400_000));
    assert_eq!(ii.close_total, Some(1_197_750_000));
    // II A: 3,600,000,000 + 3,200,000 = 3,603,200,000, no treasury.
    let ii = &d.part2[1];
    assert_eq!(ii.close_excluding_treasury, Some(3_603_200_000));
    assert_eq!(ii.close_treasury, Some(0));
    assert_eq!(ii.close_total, Some(3_603_200_000));

    // I (par RMB 1): H 1,200,000,000 − 2,250,000 = 1,197,750,000 = II's H total;
    // A 3,600,000,000 + 3,200,000 = 3,603,200,000. Total RMB 4,800,950,000.
    assert_eq!(d.part1[0].close_shares, Some(1_197_750_000));
    assert_eq!(d.part1[0].close_capital, Some(dec("1197750000")));
    assert_eq!(d.part1[0].movement_capital, Some(dec("-2250000")));
    assert_eq!(d.part1[1].close_shares, Some(3_603_200_000));
    assert_eq!(d.part1[1].close_capital, Some(dec("3603200000")));
    assert_eq!(d.capital_totals.len(), 1);
    assert_eq!(d.capital_totals["RMB"], Some(dec("4800950000")));

    // Due 5 business days after Mon 31 Mar 2025: Tue 1, Wed 2, Thu 3, (Fri 4 Ching Ming),
    // Mon 7, Tue 8 Apr.
    assert_eq!(
        d.due_date.as_ref().and_then(|d| d.date()),
        Some(date(2025, 4, 8))
    );
}

#[test]
fn convertible_and_placing_close_as_worked_out_by_hand() {
    let ret = example("convertible-and-placing-2025-06.ron");
    let d = calc::derive(&ret);
    assert_no_errors(&ret, &d);

    // III(C): HKD 200,000,000 − 36,000,000 converted = HKD 164,000,000 at close.
    // C1 = 36,000,000 ÷ 1.20 = 30,000,000 shares; CC1 = 30,000,000, CC2 = 0.
    // Issuable at close = floor(164,000,000 ÷ 1.20) = floor(136,666,666.67) = 136,666,666.
    let c = &d.part3c[0];
    assert_eq!(c.closing_amount, vec![Some(dec("164000000"))]);
    assert_eq!(c.expected_issuable, vec![Some(136_666_666)]);
    let cv = &ret.part3c.blocks[0].convertibles[0];
    assert_eq!(cv.shares_issuable_at_close, Some(136_666_666));
    assert_eq!(
        Decimal::from(cv.new_shares.unwrap()),
        dec("36000000") / dec("1.20")
    );
    assert_eq!(c.summary.xx1, Some(30_000_000));
    assert_eq!(c.summary.xx2, Some(0));

    // III(E): placing of 120,000,000 new shares at HKD 1.05: EE1 = 120,000,000, EE2 = 0.
    assert_eq!(d.part3e[0].ee1, Some(120_000_000));
    assert_eq!(d.part3e[0].ee2, Some(0));

    // Grand totals: 30,000,000 + 120,000,000 = 150,000,000; treasury 0 = part II's movement.
    let t = d.class_totals(ClassId(1)).unwrap();
    assert_eq!(t.total_excluding_treasury, Some(150_000_000));
    assert_eq!(t.total_treasury, Some(0));
    assert_eq!(
        ret.part2.part.blocks[0].movement.excluding_treasury,
        Some(150_000_000)
    );

    // II: 1,250,000,000 + 150,000,000 = 1,400,000,000, no treasury.
    let ii = &d.part2[0];
    assert_eq!(ii.close_excluding_treasury, Some(1_400_000_000));
    assert_eq!(ii.close_treasury, Some(0));
    assert_eq!(ii.close_total, Some(1_400_000_000));

    // I: 5,000,000,000 × HKD 0.01 = HKD 50,000,000, unchanged.
    assert_eq!(d.part1[0].close_capital, Some(dec("50000000")));
    assert_eq!(d.capital_totals["HKD"], Some(dec("50000000")));

    // Due 5 business days after Mon 30 Jun 2025: (Tue 1 Jul holiday), Wed 2, Thu 3, Fri 4,
    // Mon 7, Tue 8 Jul.
    assert_eq!(
        d.due_date.as_ref().and_then(|d| d.date()),
        Some(date(2025, 7, 8))
    );
}

#[test]
fn examples_survive_a_save_and_load() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "kingsoft-cloud-2024-10.ron",
        "h-and-a-shares-2025-03.ron",
        "convertible-and-placing-2025-06.ron",
        "moon-inc-2026-01.ron",
    ] {
        let ret = example(name);
        let path = dir.path().join(name);
        io::save(&path, &ret).unwrap();
        assert_eq!(io::load(&path).unwrap(), ret, "{name}");
    }
}

/// The return of the HKEX v1.2.0 reference PDF, figures as printed there: I 10,000,000,000 ×
/// HKD 0.01 = HKD 100,000,000; II 478,272,000 + 0; III(C) HKD 52,377,600 at close of the
/// preceding month and of the month, 10,475,520 shares issuable; CC1/CC2 blank.
#[test]
fn moon_derives_the_reference_figures() {
    let ret = example("moon-inc-2026-01.ron");
    assert_eq!(ret.header.issuer_name, "Moon Inc.");
    assert_eq!(ret.header.date_submitted, Some(date(2026, 2, 2)));
    let d = calc::derive(&ret);
    assert_no_errors(&ret, &d);
    assert_eq!(d.part1[0].close_capital, Some(dec("100000000")));
    assert_eq!(d.capital_totals["HKD"], Some(dec("100000000")));
    assert_eq!(d.part2[0].close_total, Some(478_272_000));
    assert_eq!(d.part3c[0].closing_amount, vec![Some(dec("52377600"))]);
    assert_eq!(d.part3c[0].expected_issuable, vec![Some(10_475_520)]);
    assert_eq!(
        ret.part3c.blocks[0].convertibles[0].shares_issuable_at_close,
        Some(10_475_520)
    );
}
