//! The rule catalogue: every invariant of the form as a plain function with a stable id.
//! All rules run on every check; none stops at the first finding.

use std::collections::HashMap;
use std::fmt;

mod classes;
mod header;
mod overflow;
mod part1;
mod part2;
mod part3;
mod part3a;
mod part3b;
mod part3c;
mod part3d;
mod part3e;
mod part4;
mod part5;
mod pdf;
mod previous;

pub use previous::link_notes;
mod structure;
#[cfg(test)]
mod tests;
mod typed;

use crate::calc::Derived;
use crate::last_month::ClassMatch;
use crate::model::path::{FieldPath, FormPart};
use crate::model::{ClassId, LastMonth, MonthlyReturn, ShareClass};

pub use part3e::{Sign, expected_signs};

/// The id of the rule on text kept in a number or date field (the field shows its own message).
pub const TXT_001: &str = "TXT-001";

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

/// One broken invariant, pointing at the field to fix (`path`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule's stable id, e.g. `II-003`.
    pub rule: &'static str,
    pub severity: Severity,
    /// For balances: expected, actual and the difference.
    pub message: String,
    pub path: FieldPath,
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
    /// Last month's closing figures and which of its classes each class of this return is:
    /// the `PREV` rules compare with them and find nothing without them.
    pub previous: Option<Previous<'a>>,
}

/// Last month's snapshot with this return's classes matched to its classes (done once per check).
pub struct Previous<'a> {
    pub last: &'a LastMonth,
    pub classes: ClassMatch,
}

impl<'a> Previous<'a> {
    /// `explicit` (e.g. `check --previous`), else the return's own link.
    fn of(ret: &'a MonthlyReturn, explicit: Option<&'a LastMonth>) -> Option<Self> {
        let last = explicit.or(ret.last_month.as_ref())?;
        Some(Previous {
            last,
            classes: ClassMatch::new(last, ret),
        })
    }
}

impl Context<'_> {
    /// The class with this id, in constant time (through the derived class index).
    pub fn class(&self, id: ClassId) -> Option<&ShareClass> {
        self.derived.class(self.ret, id)
    }

    /// [`MonthlyReturn::class_name`] in constant time.
    pub fn class_name(&self, id: ClassId) -> String {
        self.derived.class_name(self.ret, id)
    }
}

/// A catalogue entry.
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    pub title: &'static str,
    pub explanation: &'static str,
    pub check: fn(&Context<'_>, &mut Collector),
}

impl Rule {
    /// Records one finding of this rule; only called once the rule has fired, so a clean return
    /// allocates nothing. Under a cap ([`check_capped`]), a finding beyond the cap of its rule
    /// and part is only counted.
    fn emit(&self, out: &mut Collector, message: String, path: FieldPath) {
        if let Some(cap) = &mut out.cap {
            let seen = cap.seen.entry((path.part(), self.id)).or_insert(0);
            *seen += 1;
            if *seen > cap.keep {
                return;
            }
        }
        out.findings.push(Finding {
            rule: self.id,
            severity: self.severity,
            message,
            path,
        });
    }
}

/// Invariants that hold by construction and therefore have no rule: the figures are derived by
/// [`crate::calc::derive`], never typed, so they cannot disagree with their inputs (only
/// overflow, reported by `CALC-001`). Kept here so the catalogue documents them.
pub const BY_CONSTRUCTION: &[(FormPart, &str)] = &[
    (
        FormPart::I,
        "Balance at close = preceding + increase/decrease, and capital = shares × par value \
         (unless manual input): both are computed.",
    ),
    (
        FormPart::I,
        "Total authorised/registered share capital per currency = Σ of the classes' closing \
         capital in that currency: computed (I-006 flags more than one currency).",
    ),
    (
        FormPart::II,
        "Total number of issued shares = excluding treasury + treasury on both balance rows, \
         and close = preceding + increase/decrease: computed.",
    ),
    (
        FormPart::IIIA,
        "Options outstanding at close, warrants' nominal value at close, convertibles' amount \
         at close, the XX1/XX2 summary lines, EE1/EE2 and the grand totals: computed.",
    ),
];

/// Every rule, in catalogue order (by area in print order, then id; roll-forward `PREV` rules
/// last). One table: a rule is active once it is listed here. Ids are stable and never reused:
/// a retired rule keeps its id out of circulation.
pub fn catalogue() -> &'static [Rule] {
    CATALOGUE
}

static CATALOGUE: &[Rule] = &[
    overflow::CALC_001,
    pdf::PDF_001,
    typed::TXT_001,
    header::HDR_001,
    header::HDR_002,
    header::HDR_003,
    header::HDR_004,
    header::HDR_005,
    header::HDR_006,
    header::HDR_007,
    structure::STR_001,
    structure::STR_002,
    structure::STR_003,
    structure::STR_004,
    structure::STR_005,
    structure::STR_006,
    structure::STR_007,
    structure::STR_008,
    classes::STR_009,
    classes::STR_010,
    part1::I_001,
    part1::I_002,
    part1::I_003,
    part1::I_004,
    part1::I_005,
    part1::I_006,
    part2::II_001,
    part2::II_002,
    part2::II_003,
    part2::II_004,
    part2::II_005,
    part3a::IIIA_001,
    part3a::IIIA_002,
    part3a::IIIA_003,
    part3a::IIIA_004,
    part3a::IIIA_005,
    part3a::IIIA_006,
    part3b::IIIB_001,
    part3b::IIIB_002,
    part3b::IIIB_003,
    part3b::IIIB_004,
    part3c::IIIC_001,
    part3c::IIIC_002,
    part3c::IIIC_003,
    part3c::IIIC_004,
    part3c::IIIC_005,
    part3d::IIID_001,
    part3d::IIID_002,
    part3e::IIIE_001,
    part3e::IIIE_002,
    part3e::IIIE_003,
    part3e::IIIE_004,
    part3e::IIIE_005,
    part3e::IIIE_006,
    part3e::IIIE_007,
    part4::IV_001,
    part4::IV_002,
    part4::IV_003,
    part5::V_001,
    part5::V_002,
    part5::V_003,
    previous::PREV_001,
    previous::PREV_002,
    previous::PREV_003,
    previous::PREV_004,
    previous::PREV_005,
    previous::PREV_006,
    previous::PREV_007,
    previous::PREV_008,
    previous::PREV_009,
    previous::PREV_010,
];

/// The catalogue entry of `id`, for the editor's "explain this finding".
pub fn rule(id: &str) -> Option<&'static Rule> {
    CATALOGUE.iter().find(|r| r.id == id)
}

/// Runs every rule on `ret` and its figures (`calc::derive(ret)`). The roll-forward rules
/// (`PREV-*`) also compare this return's brought-forward balances with last month's closing
/// figures: `previous` when given (see [`crate::last_month::capture`]), else the snapshot the
/// return is linked to (`ret.last_month`). Pure; findings come sorted by part,
/// then severity (errors first), then id.
pub fn check(ret: &MonthlyReturn, derived: &Derived, previous: Option<&LastMonth>) -> Vec<Finding> {
    let ctx = Context {
        ret,
        derived,
        previous: Previous::of(ret, previous),
    };
    run(&ctx, Collector::default()).findings
}

/// Where the rules put their findings: every one, or under a cap the first few of each rule
/// in each part and a count of all.
#[derive(Default)]
pub struct Collector {
    findings: Vec<Finding>,
    cap: Option<Cap>,
}

/// Runs every rule into `out`, then sorts what it kept.
fn run(ctx: &Context<'_>, mut out: Collector) -> Collector {
    for rule in catalogue() {
        (rule.check)(ctx, &mut out);
    }
    sort(&mut out.findings);
    out
}

/// How many findings of each rule there were in each part.
pub type FindingCounts = HashMap<(FormPart, &'static str), usize>;

/// The findings of [`check_capped`]: the first few of each rule in each part, and how many
/// there were in all.
#[derive(Debug, Default)]
pub struct CappedFindings {
    /// At most the cap of each rule in each part, sorted like [`check`]'s.
    pub findings: Vec<Finding>,
    /// Every finding counted, kept or not.
    pub counts: FindingCounts,
}

impl CappedFindings {
    /// How many findings rule `id` had in `part`, kept or not.
    pub fn total(&self, part: FormPart, id: &str) -> usize {
        self.counts
            .iter()
            .find(|((p, r), _)| *p == part && *r == id)
            .map_or(0, |(_, n)| *n)
    }

    /// Number of findings of the given severity, kept or not.
    pub fn count(&self, severity: Severity) -> usize {
        self.counts
            .iter()
            .filter(|((_, id), _)| rule(id).is_some_and(|r| r.severity == severity))
            .map(|(_, n)| n)
            .sum()
    }
}

/// The cap of [`check_capped`]: how many findings of a rule in a part to keep, and how many
/// there were.
struct Cap {
    keep: usize,
    seen: FindingCounts,
}

/// [`check`] for a report that prints at most `keep` findings of a rule in a part (the
/// command line): the findings past the cap are counted but never stored, so a return with a
/// million findings checks in little memory. The editor, which flags every field, uses
/// [`check`].
pub fn check_capped(
    ret: &MonthlyReturn,
    derived: &Derived,
    previous: Option<&LastMonth>,
    keep: usize,
) -> CappedFindings {
    let ctx = Context {
        ret,
        derived,
        previous: Previous::of(ret, previous),
    };
    let out = Collector {
        findings: Vec::new(),
        cap: Some(Cap {
            keep,
            seen: HashMap::new(),
        }),
    };
    let out = run(&ctx, out);
    let findings = out.findings;
    let counts = out.cap.map(|cap| cap.seen).unwrap_or_default();
    CappedFindings { findings, counts }
}

/// Sorts findings by part, then severity (errors first), then id; stable within one rule.
fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (a.part(), std::cmp::Reverse(a.severity), a.rule).cmp(&(
            b.part(),
            std::cmp::Reverse(b.severity),
            b.rule,
        ))
    });
}

/// A text field left empty (spaces count as empty).
fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// A 3-letter currency code as printed on the form (`HKD`, `USD`, `RMB`).
fn is_currency_code(s: &str) -> bool {
    let t = s.trim();
    t.len() == 3 && t.bytes().all(|b| b.is_ascii_uppercase())
}

/// Two currency cells that name the same currency.
fn same_currency(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// Number of findings of the given severity.
pub fn count(findings: &[Finding], severity: Severity) -> usize {
    findings.iter().filter(|f| f.severity == severity).count()
}
