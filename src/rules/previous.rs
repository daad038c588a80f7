//! PREV: rolling forward. Every "balance at close of preceding month" must equal the same figure
//! "at close of the month" in the previous return (spec §1). These rules compare with
//! [`Context::previous`], the snapshot of last month's closing figures the return is linked to
//! (or the one `check --previous` gives); without one they find nothing. Classes are matched by
//! [`ClassMatch`], Part III rows by position within their block, HDR lines by position.

use chrono::Datelike;
use rust_decimal::Decimal;

use super::{Collector, Context, Rule, Severity};
use crate::format;
use crate::last_month::{self, ClassMatch};
use crate::model::path::{self as paths, FieldPath};
use crate::model::subpart::{Role, SubPart, Value};
use crate::model::{Convertible, LastMonth, MonthlyReturn, OptionScheme, Warrant};

const ROLL_FORWARD: &str = "Each month starts from the last: this balance must equal the \
    figure at the close of the month in the previous return. Either the previous return was \
    revised, or the figure brought forward is mistyped. Rows are matched by class, then by \
    position within the block.";

pub(super) const PREV_001: Rule = Rule {
    id: "PREV-001",
    severity: Severity::Error,
    title: "Authorised shares brought forward differ from the previous return",
    explanation: ROLL_FORWARD,
    check: prev_001,
};

pub(super) const PREV_002: Rule = Rule {
    id: "PREV-002",
    severity: Severity::Error,
    title: "Par value or capital brought forward differs from the previous return",
    explanation: ROLL_FORWARD,
    check: prev_002,
};

pub(super) const PREV_003: Rule = Rule {
    id: "PREV-003",
    severity: Severity::Error,
    title: "Issued or treasury shares brought forward differ from the previous return",
    explanation: ROLL_FORWARD,
    check: prev_003,
};

pub(super) const PREV_004: Rule = Rule {
    id: "PREV-004",
    severity: Severity::Error,
    title: "Options outstanding brought forward differ from the previous return",
    explanation: ROLL_FORWARD,
    check: prev_004,
};

pub(super) const PREV_005: Rule = Rule {
    id: "PREV-005",
    severity: Severity::Error,
    title: "Warrants' nominal value brought forward differs from the previous return",
    explanation: ROLL_FORWARD,
    check: prev_005,
};

pub(super) const PREV_006: Rule = Rule {
    id: "PREV-006",
    severity: Severity::Error,
    title: "Convertibles' amount brought forward differs from the previous return",
    explanation: ROLL_FORWARD,
    check: prev_006,
};

pub(super) const PREV_007: Rule = Rule {
    id: "PREV-007",
    severity: Severity::Error,
    title: "HDRs brought forward differ from the previous return",
    explanation: ROLL_FORWARD,
    check: prev_007,
};

pub(super) const PREV_008: Rule = Rule {
    id: "PREV-008",
    severity: Severity::Warning,
    title: "Return does not follow the previous month",
    explanation: "A return rolls forward from the return of the month before. When the previous \
        return is for another month, the balances compared may not be the ones brought forward: \
        check that the right previous return was chosen.",
    check: prev_008,
};

/// Runs `f` when there is a previous return to compare with.
fn with_previous(ctx: &Context<'_>, f: impl FnOnce(&Cmp<'_>)) {
    let Some(previous) = &ctx.previous else {
        return;
    };
    let last = previous.last;
    f(&Cmp {
        last,
        classes: &previous.classes,
        current: ctx.ret,
        label: last
            .month_end
            .map(|d| format!("the previous return (month ended {})", format::date(d)))
            .unwrap_or_else(|| "the previous return".to_string()),
    });
}

fn prev_001(ctx: &Context<'_>, out: &mut Collector) {
    with_previous(ctx, |cmp| cmp.part1_shares(out));
}

fn prev_002(ctx: &Context<'_>, out: &mut Collector) {
    with_previous(ctx, |cmp| cmp.part1_capital(out));
}

fn prev_003(ctx: &Context<'_>, out: &mut Collector) {
    with_previous(ctx, |cmp| cmp.part2(out));
}

fn prev_004(ctx: &Context<'_>, out: &mut Collector) {
    with_previous(ctx, |cmp| {
        cmp.part3::<OptionScheme>(&PREV_004, out, "Share options outstanding");
    });
}

fn prev_005(ctx: &Context<'_>, out: &mut Collector) {
    with_previous(ctx, |cmp| {
        cmp.part3::<Warrant>(&PREV_005, out, "Nominal value of warrants");
    });
}

fn prev_006(ctx: &Context<'_>, out: &mut Collector) {
    with_previous(ctx, |cmp| {
        cmp.part3::<Convertible>(&PREV_006, out, "Amount of convertibles");
    });
}

fn prev_007(ctx: &Context<'_>, out: &mut Collector) {
    with_previous(ctx, |cmp| cmp.part4(out));
}

fn prev_008(ctx: &Context<'_>, out: &mut Collector) {
    with_previous(ctx, |cmp| cmp.months(out));
}

struct Cmp<'a> {
    last: &'a LastMonth,
    classes: &'a ClassMatch,
    current: &'a MonthlyReturn,
    label: String,
}

impl Cmp<'_> {
    fn count(
        &self,
        rule: &Rule,
        out: &mut Collector,
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
            );
        }
    }

    fn amount(
        &self,
        rule: &Rule,
        out: &mut Collector,
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
            );
        }
    }

    fn part1_shares(&self, out: &mut Collector) {
        for (i, b) in self.current.part1.part.active().iter().enumerate() {
            let Some(j) = self.classes.block(b.class, &self.last.part1, |x| x.class) else {
                continue;
            };
            self.count(
                &PREV_001,
                out,
                "Number of authorised/registered shares",
                b.preceding_shares,
                self.last.part1[j].shares,
                || paths::part1::preceding_shares(i),
            );
        }
    }

    fn part1_capital(&self, out: &mut Collector) {
        for (i, b) in self.current.part1.part.active().iter().enumerate() {
            let Some(j) = self.classes.block(b.class, &self.last.part1, |x| x.class) else {
                continue;
            };
            let last = &self.last.part1[j];
            self.amount(
                &PREV_002,
                out,
                "Par value",
                b.par_value.amount,
                last.par_value,
                || paths::part1::par_value(i),
            );
            if b.manual_capital {
                self.amount(
                    &PREV_002,
                    out,
                    "Authorised/registered share capital",
                    b.manual_preceding_capital,
                    last.capital,
                    || paths::part1::preceding_capital(i),
                );
            }
        }
    }

    fn part2(&self, out: &mut Collector) {
        for (i, b) in self.current.part2.part.active().iter().enumerate() {
            let Some(j) = self.classes.block(b.class, &self.last.part2, |x| x.class) else {
                continue;
            };
            let last = &self.last.part2[j];
            self.count(
                &PREV_003,
                out,
                "Number of issued shares (excluding treasury shares)",
                b.preceding.excluding_treasury,
                last.excluding_treasury,
                || paths::part2::preceding_excluding_treasury(i),
            );
            self.count(
                &PREV_003,
                out,
                "Number of treasury shares",
                b.preceding.treasury,
                last.treasury,
                || paths::part2::preceding_treasury(i),
            );
        }
    }

    /// A Part III sub-part: each row's brought-forward column (its description's
    /// [`Role::BroughtForward`]) against the row's close last month, rows matched by class, then
    /// by position within the block.
    fn part3<S: SubPart>(&self, rule: &Rule, out: &mut Collector, what: &str) {
        let Some(column) = S::column_of(Role::BroughtForward) else {
            return;
        };
        let blocks = last_month::part3_blocks(self.last, S::PART);
        for (i, b) in S::part(self.current).active().iter().enumerate() {
            let Some(j) = self.classes.block(S::block_class(b), blocks, |x| x.class) else {
                continue;
            };
            for (r, row) in S::rows(b).iter().enumerate() {
                let Some(last) = blocks[j].rows.get(r) else {
                    continue;
                };
                let path = || S::cell_path(i, r, column);
                match &column.value {
                    Value::Count(get, _) => {
                        self.count(rule, out, what, *get(row), last.count, path)
                    }
                    Value::Amount(get, _) => {
                        self.amount(rule, out, what, *get(row), last.amount, path);
                    }
                    _ => {}
                }
            }
        }
    }

    fn part4(&self, out: &mut Collector) {
        for (i, h) in self.current.part4.part.active().iter().enumerate() {
            if let Some(last) = self.last.part4.get(i) {
                self.count(
                    &PREV_007,
                    out,
                    "Number of HDRs",
                    h.preceding_hdrs,
                    last.hdrs,
                    || paths::part4::preceding_hdrs(i),
                );
            }
        }
    }

    fn months(&self, out: &mut Collector) {
        let (Some(before), Some(now)) = (self.last.month_end, self.current.header.month_end) else {
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
            );
        }
    }
}
