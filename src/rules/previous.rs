//! PREV: rolling forward. Every "balance at close of preceding month" must equal the same figure
//! "at close of the month" in the previous return (spec §1). These rules need two returns, so
//! they run in [`check_against_previous`]; in the catalogue their single-return `check` is a
//! no-op (listed so ids, titles and explanations live in one table).

use chrono::Datelike;
use rust_decimal::Decimal;

use super::{Context, Finding, Rule, Severity, sort};
use crate::calc::{self, Derived};
use crate::format;
use crate::model::path::{self as paths, FieldPath, FormPart};
use crate::model::{ClassId, MonthlyReturn};

/// The single-return run has no previous return to compare with.
fn needs_previous(_: &Context<'_>, _: &mut Vec<Finding>) {}

const ROLL_FORWARD: &str = "Each month starts from the last: this balance must equal the \
    figure at the close of the month in the previous return. Either the previous return was \
    revised, or the figure brought forward is mistyped. Rows are matched by class, then by \
    position within the block.";

pub(super) const PREV_001: Rule = Rule {
    id: "PREV-001",
    severity: Severity::Error,
    part: FormPart::I,
    title: "Authorised shares brought forward differ from the previous return",
    explanation: ROLL_FORWARD,
    check: needs_previous,
};

pub(super) const PREV_002: Rule = Rule {
    id: "PREV-002",
    severity: Severity::Error,
    part: FormPart::I,
    title: "Par value or capital brought forward differs from the previous return",
    explanation: ROLL_FORWARD,
    check: needs_previous,
};

pub(super) const PREV_003: Rule = Rule {
    id: "PREV-003",
    severity: Severity::Error,
    part: FormPart::II,
    title: "Issued or treasury shares brought forward differ from the previous return",
    explanation: ROLL_FORWARD,
    check: needs_previous,
};

pub(super) const PREV_004: Rule = Rule {
    id: "PREV-004",
    severity: Severity::Error,
    part: FormPart::IIIA,
    title: "Options outstanding brought forward differ from the previous return",
    explanation: ROLL_FORWARD,
    check: needs_previous,
};

pub(super) const PREV_005: Rule = Rule {
    id: "PREV-005",
    severity: Severity::Error,
    part: FormPart::IIIB,
    title: "Warrants' nominal value brought forward differs from the previous return",
    explanation: ROLL_FORWARD,
    check: needs_previous,
};

pub(super) const PREV_006: Rule = Rule {
    id: "PREV-006",
    severity: Severity::Error,
    part: FormPart::IIIC,
    title: "Convertibles' amount brought forward differs from the previous return",
    explanation: ROLL_FORWARD,
    check: needs_previous,
};

pub(super) const PREV_007: Rule = Rule {
    id: "PREV-007",
    severity: Severity::Error,
    part: FormPart::IV,
    title: "HDRs brought forward differ from the previous return",
    explanation: ROLL_FORWARD,
    check: needs_previous,
};

pub(super) const PREV_008: Rule = Rule {
    id: "PREV-008",
    severity: Severity::Warning,
    part: FormPart::Header,
    title: "Return does not follow the previous month",
    explanation: "A return rolls forward from the return of the month before. When the previous \
        return is for another month, the balances compared may not be the ones brought forward: \
        check that the right previous return was chosen.",
    check: needs_previous,
};

/// Compares the current return's brought-forward balances with the previous return's closing
/// figures. Pure; findings sorted like [`super::check`]'s.
pub fn check_against_previous(previous: &MonthlyReturn, current: &MonthlyReturn) -> Vec<Finding> {
    let prev = calc::derive(previous);
    let mut out = Vec::new();
    let cmp = Cmp {
        previous,
        prev: &prev,
        current,
        label: previous
            .header
            .month_end
            .map(|d| format!("the previous return (month ended {})", format::date(d)))
            .unwrap_or_else(|| "the previous return".to_string()),
    };
    cmp.part1(&mut out);
    cmp.part2(&mut out);
    cmp.part3(&mut out);
    cmp.part4(&mut out);
    cmp.months(&mut out);
    sort(&mut out);
    out
}

struct Cmp<'a> {
    previous: &'a MonthlyReturn,
    prev: &'a Derived,
    current: &'a MonthlyReturn,
    label: String,
}

/// Index of the active block of `class` in a previous part.
fn find<B>(blocks: &[B], class: ClassId, of: impl Fn(&B) -> ClassId) -> Option<usize> {
    blocks.iter().position(|b| of(b) == class)
}

impl Cmp<'_> {
    fn count(
        &self,
        rule: &Rule,
        out: &mut Vec<Finding>,
        what: &str,
        current: Option<i64>,
        previous: Option<i64>,
        path: impl FnOnce() -> FieldPath,
    ) {
        let Some(expected) = previous else {
            return;
        };
        let actual = current.unwrap_or(0);
        if actual != expected {
            rule.emit(
                out,
                format!(
                    "{what} at close of preceding month is {} but {} closed at {}: difference {}",
                    format::count(actual),
                    self.label,
                    format::count(expected),
                    format::count_wide(i128::from(actual) - i128::from(expected))
                ),
                path(),
                Vec::new(),
            );
        }
    }

    fn amount(
        &self,
        rule: &Rule,
        out: &mut Vec<Finding>,
        what: &str,
        current: Option<Decimal>,
        previous: Option<Decimal>,
        path: impl FnOnce() -> FieldPath,
    ) {
        let Some(expected) = previous else {
            return;
        };
        let actual = current.unwrap_or_default();
        if actual != expected {
            let diff = actual
                .checked_sub(expected)
                .map(format::amount)
                .unwrap_or_else(|| "too large to compute".to_string());
            rule.emit(
                out,
                format!(
                    "{what} at close of preceding month is {} but {} closed at {}: difference \
                     {diff}",
                    format::amount(actual),
                    self.label,
                    format::amount(expected),
                ),
                path(),
                Vec::new(),
            );
        }
    }

    fn part1(&self, out: &mut Vec<Finding>) {
        let before = self.previous.part1.part.active();
        for (i, b) in self.current.part1.part.active().iter().enumerate() {
            let Some(j) = find(before, b.class, |x| x.class) else {
                continue;
            };
            let Some(f) = self.prev.part1.get(j) else {
                continue;
            };
            self.count(
                &PREV_001,
                out,
                "Number of authorised/registered shares",
                b.preceding_shares,
                f.close_shares,
                || paths::part1::preceding_shares(i),
            );
            if before[j].par_value.amount.is_some() || b.par_value.amount.is_some() {
                self.amount(
                    &PREV_002,
                    out,
                    "Par value",
                    b.par_value.amount,
                    f.close_par_value,
                    || paths::part1::par_value(i),
                );
            }
            if b.manual_capital {
                self.amount(
                    &PREV_002,
                    out,
                    "Authorised/registered share capital",
                    b.manual_preceding_capital,
                    f.close_capital,
                    || paths::part1::preceding_capital(i),
                );
            }
        }
    }

    fn part2(&self, out: &mut Vec<Finding>) {
        let before = self.previous.part2.part.active();
        for (i, b) in self.current.part2.part.active().iter().enumerate() {
            let Some(j) = find(before, b.class, |x| x.class) else {
                continue;
            };
            let Some(f) = self.prev.part2.get(j) else {
                continue;
            };
            self.count(
                &PREV_003,
                out,
                "Number of issued shares (excluding treasury shares)",
                b.preceding.excluding_treasury,
                f.close_excluding_treasury,
                || paths::part2::preceding_excluding_treasury(i),
            );
            self.count(
                &PREV_003,
                out,
                "Number of treasury shares",
                b.preceding.treasury,
                f.close_treasury,
                || paths::part2::preceding_treasury(i),
            );
        }
    }

    fn part3(&self, out: &mut Vec<Finding>) {
        let before = self.previous.part3a.active();
        for (i, b) in self.current.part3a.active().iter().enumerate() {
            let Some(j) = find(before, b.class, |x| x.class) else {
                continue;
            };
            let Some(f) = self.prev.part3a.get(j) else {
                continue;
            };
            for (s, scheme) in b.schemes.iter().enumerate() {
                if let Some(&close) = f.closing_outstanding.get(s) {
                    self.count(
                        &PREV_004,
                        out,
                        "Share options outstanding",
                        scheme.preceding_outstanding,
                        close,
                        || paths::part3a::preceding_outstanding(i, s),
                    );
                }
            }
        }
        let before = self.previous.part3b.active();
        for (i, b) in self.current.part3b.active().iter().enumerate() {
            let Some(j) = find(before, b.class, |x| x.class) else {
                continue;
            };
            let Some(f) = self.prev.part3b.get(j) else {
                continue;
            };
            for (w, warrant) in b.warrants.iter().enumerate() {
                if let Some(&close) = f.closing_nominal.get(w) {
                    self.amount(
                        &PREV_005,
                        out,
                        "Nominal value of warrants",
                        warrant.preceding_nominal,
                        close,
                        || paths::part3b::preceding_nominal(i, w),
                    );
                }
            }
        }
        let before = self.previous.part3c.active();
        for (i, b) in self.current.part3c.active().iter().enumerate() {
            let Some(j) = find(before, b.class, |x| x.class) else {
                continue;
            };
            let Some(f) = self.prev.part3c.get(j) else {
                continue;
            };
            for (c, cv) in b.convertibles.iter().enumerate() {
                if let Some(&close) = f.closing_amount.get(c) {
                    self.amount(
                        &PREV_006,
                        out,
                        "Amount of convertibles",
                        cv.preceding_amount,
                        close,
                        || paths::part3c::preceding_amount(i, c),
                    );
                }
            }
        }
    }

    fn part4(&self, out: &mut Vec<Finding>) {
        let n = self.previous.part4.part.active().len();
        for (i, h) in self.current.part4.part.active().iter().enumerate().take(n) {
            if let Some(f) = self.prev.part4.get(i) {
                self.count(
                    &PREV_007,
                    out,
                    "Number of HDRs",
                    h.preceding_hdrs,
                    f.close_hdrs,
                    || paths::part4::preceding_hdrs(i),
                );
            }
        }
    }

    fn months(&self, out: &mut Vec<Finding>) {
        let (Some(before), Some(now)) = (
            self.previous.header.month_end,
            self.current.header.month_end,
        ) else {
            return;
        };
        let next = if before.month() == 12 {
            (before.year().saturating_add(1), 1)
        } else {
            (before.year(), before.month() + 1)
        };
        if (now.year(), now.month()) != next {
            PREV_008.emit(
                out,
                format!(
                    "This return is for the month ended {} but {} is not for the month before",
                    format::date(now),
                    self.label
                ),
                paths::header::month_end(),
                Vec::new(),
            );
        }
    }
}
