//! The rules as the editor and the PDF see them: through the public API only.

use monthly_return::calc::derive;
use monthly_return::model::MonthlyReturn;
use monthly_return::model::path::FormPart;
use monthly_return::rules::{self, Severity};

#[test]
fn blank_return_is_checked_through_the_public_api() {
    let ret = MonthlyReturn::blank();
    let findings = rules::check(&ret, &derive(&ret), None);
    // Issuer name, month end, date submitted, par currency, par value, submitted by, title;
    // and the listed class's stock code (a warning: a class may be unlisted).
    assert_eq!(rules::count(&findings, Severity::Error), 7);
    assert_eq!(rules::count(&findings, Severity::Warning), 1);
    for f in &findings {
        let rule = rules::rule(f.rule);
        assert!(rule.is_some_and(|r| r.severity == f.severity && !r.explanation.is_empty()));
    }
    assert!(findings.iter().any(|f| f.part() == FormPart::V));
}

#[test]
fn roll_forward_of_a_return_onto_itself_only_flags_the_month() {
    let mut ret = MonthlyReturn::blank();
    ret.header.month_end = chrono::NaiveDate::from_ymd_opt(2024, 10, 31);
    let derived = derive(&ret);
    let last = monthly_return::last_month::of(&ret);
    let findings = rules::check(&ret, &derived, Some(&last));
    let ids: Vec<&str> = findings
        .iter()
        .map(|f| f.rule)
        .filter(|id| id.starts_with("PREV-"))
        .collect();
    assert_eq!(ids, ["PREV-008"]);
}

#[test]
fn by_construction_notes_and_sign_table_are_public() {
    assert!(!rules::BY_CONSTRUCTION.is_empty());
    assert_eq!(
        rules::expected_signs(monthly_return::model::TypeOfIssue::CancellationOfTreasury),
        (rules::Sign::Zero, rules::Sign::Negative)
    );
    assert_eq!(monthly_return::format::count(-1_500_000), "-1,500,000");
}
