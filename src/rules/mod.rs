//! The rule catalogue: every invariant of the form as a plain function with a stable id.
//! All rules run on every check; none stops at the first finding.

use std::fmt;

use crate::calc::Derived;
use crate::model::MonthlyReturn;
use crate::model::path::{FieldPath, FormPart};

/// Error: the return is wrong. Warning: unusual, please look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// One broken invariant, pointing at the field to fix (`path`) and the fields that feed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule's stable id, e.g. `II-003`.
    pub rule: &'static str,
    pub severity: Severity,
    /// For balances: expected, actual and the difference.
    pub message: String,
    pub path: FieldPath,
    pub related: Vec<FieldPath>,
}

impl Finding {
    pub fn part(&self) -> FormPart {
        self.path.part()
    }
}

/// What a rule sees: the inputs and everything derived from them.
pub struct Context<'a> {
    pub ret: &'a MonthlyReturn,
    pub derived: &'a Derived,
}

/// A catalogue entry.
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    pub part: FormPart,
    pub title: &'static str,
    pub explanation: &'static str,
    pub check: fn(&Context<'_>, &mut Vec<Finding>),
}

/// Every rule, in catalogue order (by part, then id).
pub fn catalogue() -> &'static [Rule] {
    &[]
}

/// Runs every rule. Pure; findings come sorted by part, then severity (errors first), then id.
pub fn check(ret: &MonthlyReturn, derived: &Derived) -> Vec<Finding> {
    let ctx = Context { ret, derived };
    let mut findings = Vec::new();
    for rule in catalogue() {
        (rule.check)(&ctx, &mut findings);
    }
    findings.sort_by(|a, b| {
        (a.part(), std::cmp::Reverse(a.severity), a.rule).cmp(&(
            b.part(),
            std::cmp::Reverse(b.severity),
            b.rule,
        ))
    });
    findings
}

/// Number of findings of the given severity.
pub fn count(findings: &[Finding], severity: Severity) -> usize {
    findings.iter().filter(|f| f.severity == severity).count()
}
