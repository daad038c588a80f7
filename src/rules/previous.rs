//! PREV: rolling forward. Every "balance at close of preceding month" must equal the same figure
//! "at close of the month" in the previous return (spec §1). These rules compare with
//! [`Context::previous`], the snapshot of last month's closing figures the return is linked to
//! (or the one `check --previous` gives); without one they find nothing. Classes are matched by
//! [`ClassMatch`], Part III rows by position within their block, HDR lines by position.

use chrono::Datelike;
use rust_decimal::Decimal;

use super::{Collector, Context, Rule, Severity};
use crate::format;
use crate::last_month::{self, ClassMatch, Figure};
use crate::model::path::{self as paths, FieldPath, FormPart};
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

pub(super) const PREV_009: Rule = Rule {
    id: "PREV-009",
    severity: Severity::Warning,
    title: "Last month's return is another issuer's",
    explanation: "The balances brought forward are checked against last month's return of the \
        same issuer. The return linked as last month names another issuer: link this issuer's \
        return of the month before (File › Link last month's return…).",
    check: prev_009,
};

pub(super) const PREV_010: Rule = Rule {
    id: "PREV-010",
    severity: Severity::Warning,
    title: "A balance of last month is not in this return",
    explanation: "Last month's return closed with a balance for this class, scheme, warrant, \
        convertible or HDR line, and this return has no row for it, so the balance brought \
        forward is not reported (or not checked). If it ended during the month, keep the row \
        and show the movement to zero; if the row was renamed or moved, rows are matched by \
        class, then by position within the block.",
    check: prev_010,
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

fn prev_009(ctx: &Context<'_>, out: &mut Collector) {
    with_previous(ctx, |cmp| cmp.issuer(out));
}

fn prev_010(ctx: &Context<'_>, out: &mut Collector) {
    with_previous(ctx, |cmp| {
        cmp.vanished_blocks(out);
        cmp.vanished_rows::<OptionScheme>(out, "options outstanding");
        cmp.vanished_rows::<Warrant>(out, "nominal value");
        cmp.vanished_rows::<Convertible>(out, "outstanding amount");
        cmp.vanished_hdrs(out);
    });
}

/// What `PREV-008` and `PREV-009` say of comparing `ret` with `last` (another month, another
/// issuer), for the compare view and `monthly-return diff`, which show them above the figures.
pub fn link_notes(ret: &MonthlyReturn, last: &LastMonth) -> Vec<String> {
    // Neither rule reads derived figures.
    let derived = crate::calc::Derived::default();
    let ctx = Context {
        ret,
        derived: &derived,
        previous: super::Previous::of(ret, Some(last)),
    };
    let mut out = Collector::default();
    prev_008(&ctx, &mut out);
    prev_009(&ctx, &mut out);
    out.findings.into_iter().map(|f| f.message).collect()
}

/// An issuer's name compared loosely: case, spaces and punctuation aside ("Moon Inc." is
/// "MOON INC").
fn issuer_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
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
                    Figure::Count(actual)
                        .change_from(Figure::Count(expected))
                        .unwrap_or_default()
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
            let diff = Figure::Amount(actual)
                .change_from(Figure::Amount(expected))
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

    fn issuer(&self, out: &mut Collector) {
        let (then, now) = (
            self.last.issuer_name.trim(),
            self.current.header.issuer_name.trim(),
        );
        if then.is_empty() || now.is_empty() || issuer_key(then) == issuer_key(now) {
            return;
        }
        PREV_009.emit(
            out,
            format!("This return is {now}'s but {} is {then}'s", self.label),
            paths::header::issuer_name(),
        );
    }

    /// Part I and II classes of last month with shares at close and no block this month.
    fn vanished_blocks(&self, out: &mut Collector) {
        let seen = |blocks: usize, matched: &mut dyn Iterator<Item = Option<usize>>| {
            let mut seen = vec![false; blocks];
            for j in matched.flatten() {
                if let Some(s) = seen.get_mut(j) {
                    *s = true;
                }
            }
            seen
        };
        let p1 = seen(
            self.last.part1.len(),
            &mut self
                .current
                .part1
                .part
                .active()
                .iter()
                .map(|b| self.classes.block(b.class, &self.last.part1, |x| x.class)),
        );
        for (j, last) in self.last.part1.iter().enumerate() {
            if !p1[j] && last.shares.is_some_and(|n| n != 0) {
                PREV_010.emit(
                    out,
                    format!(
                        "{} had {} authorised/registered shares at the close of last month but \
                         has no block in Part I",
                        self.last.class_name(last.class),
                        format::count(last.shares.unwrap_or(0))
                    ),
                    FormPart::I.path(),
                );
            }
        }
        let p2 = seen(
            self.last.part2.len(),
            &mut self
                .current
                .part2
                .part
                .active()
                .iter()
                .map(|b| self.classes.block(b.class, &self.last.part2, |x| x.class)),
        );
        for (j, last) in self.last.part2.iter().enumerate() {
            let (excl, treasury) = (
                last.excluding_treasury.unwrap_or(0),
                last.treasury.unwrap_or(0),
            );
            if !p2[j] && (excl != 0 || treasury != 0) {
                PREV_010.emit(
                    out,
                    format!(
                        "{} had {} issued shares (excluding treasury) and {} treasury shares at \
                         the close of last month but has no block in Part II",
                        self.last.class_name(last.class),
                        format::count(excl),
                        format::count(treasury)
                    ),
                    FormPart::II.path(),
                );
            }
        }
    }

    /// Rows of a Part III sub-part that closed last month with a balance and have no row this
    /// month (rows matched by class, then position, as `PREV-004`…`006` match them).
    fn vanished_rows<S: SubPart>(&self, out: &mut Collector, what: &str) {
        let blocks = last_month::part3_blocks(self.last, S::PART);
        let mut rows_now = vec![0usize; blocks.len()];
        let mut block_now: Vec<Option<usize>> = vec![None; blocks.len()];
        for (i, b) in S::part(self.current).active().iter().enumerate() {
            if let Some(j) = self.classes.block(S::block_class(b), blocks, |x| x.class)
                && let Some(n) = rows_now.get_mut(j)
            {
                *n = (*n).max(S::rows(b).len());
                if let Some(slot) = block_now.get_mut(j) {
                    slot.get_or_insert(i);
                }
            }
        }
        for (j, block) in blocks.iter().enumerate() {
            for (r, row) in block.rows.iter().enumerate().skip(rows_now[j]) {
                let balance = match (row.count, row.amount) {
                    (Some(n), _) if n != 0 => format::count(n),
                    (_, Some(a)) if !a.is_zero() => {
                        format!("{} {}", row.currency, format::amount(a))
                            .trim()
                            .to_string()
                    }
                    _ => continue,
                };
                let name = if row.name.trim().is_empty() {
                    format!("{} {}", S::ROW_NOUN, r + 1)
                } else {
                    format!("{} \u{201c}{}\u{201d}", S::ROW_NOUN, row.name.trim())
                };
                let path = block_now[j].map_or_else(|| S::PART.path(), |i| S::PART.block(i));
                PREV_010.emit(
                    out,
                    format!(
                        "The {name} of {} had {balance} {what} at the close of last month but is \
                         not in this return",
                        self.last.class_name(block.class)
                    ),
                    path,
                );
            }
        }
    }

    /// HDR lines of last month past this month's last one, with HDRs at close.
    fn vanished_hdrs(&self, out: &mut Collector) {
        let now = self.current.part4.part.active().len();
        for (i, last) in self.last.part4.iter().enumerate().skip(now) {
            if let Some(n) = last.hdrs.filter(|&n| n != 0) {
                PREV_010.emit(
                    out,
                    format!(
                        "HDR line {} ({}) had {} HDRs at the close of last month but is not in \
                         this return",
                        i + 1,
                        last.description.trim(),
                        format::count(n)
                    ),
                    FormPart::IV.path(),
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
