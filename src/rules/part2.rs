//! II: movements in issued shares and treasury shares, and their agreement with Part III.

use std::collections::HashMap;

use super::{Collector, Context, Rule, Severity};
use crate::format;
use crate::model::path::{self as paths, FieldPath};

pub(super) const II_001: Rule = Rule {
    id: "II-001",
    severity: Severity::Error,
    title: "Issued or treasury shares negative",
    explanation: "Neither the issued shares (excluding treasury) nor the treasury shares can be \
        below zero, at the close of the preceding month or of this month. Check the balance \
        brought forward and the sign of the increase / decrease (-).",
    check: ii_001,
};

/// One column of the part II table: its name, the preceding input, the derived close, and the
/// paths of the preceding and movement cells.
struct Column {
    name: &'static str,
    preceding: Option<i64>,
    close: Option<i64>,
    preceding_path: fn(usize) -> FieldPath,
    movement_path: fn(usize) -> FieldPath,
}

fn ii_001(ctx: &Context<'_>, out: &mut Collector) {
    for (i, b) in ctx.ret.part2.part.active().iter().enumerate() {
        let f = ctx.derived.part2.get(i);
        let columns = [
            Column {
                name: "issued shares (excluding treasury shares)",
                preceding: b.preceding.excluding_treasury,
                close: f.and_then(|f| f.close_excluding_treasury),
                preceding_path: paths::part2::preceding_excluding_treasury,
                movement_path: paths::part2::movement_excluding_treasury,
            },
            Column {
                name: "treasury shares",
                preceding: b.preceding.treasury,
                close: f.and_then(|f| f.close_treasury),
                preceding_path: paths::part2::preceding_treasury,
                movement_path: paths::part2::movement_treasury,
            },
        ];
        for c in columns {
            if let Some(p) = c.preceding
                && p < 0
            {
                II_001.emit(
                    out,
                    format!(
                        "Number of {} at close of preceding month is {}",
                        c.name,
                        format::count(p)
                    ),
                    (c.preceding_path)(i),
                );
            }
            if let Some(close) = c.close
                && close < 0
            {
                II_001.emit(
                    out,
                    format!(
                        "Number of {} at close of the month is {}",
                        c.name,
                        format::count(close)
                    ),
                    (c.movement_path)(i),
                );
            }
        }
    }
}

pub(super) const II_002: Rule = Rule {
    id: "II-002",
    severity: Severity::Error,
    title: "Issued shares movement differs from Part III (AA1 to EE1)",
    explanation: "The increase / decrease (-) in issued shares excluding treasury of a class must \
        equal the Part III grand total `Total of AA1 to EE1` for that class: new shares issued \
        and shares transferred out of treasury in III(A)–(D), plus the signed E1 of III(E). A \
        difference means a movement is missing from Part III or mistyped in Part II.",
    check: ii_002,
};

fn ii_002(ctx: &Context<'_>, out: &mut Collector) {
    for (i, b) in ctx.ret.part2.part.active().iter().enumerate() {
        let Some(Some(expected)) = ctx
            .derived
            .class_totals(b.class)
            .map(|t| t.total_excluding_treasury)
        else {
            continue;
        };
        let actual = b.movement.excluding_treasury.unwrap_or(0);
        if actual != expected {
            II_002.emit(
                out,
                format!(
                    "Increase / decrease (-) in issued shares excluding treasury is {} but Part \
                     III totals (Total of AA1 to EE1) give {}: difference {}",
                    format::count(actual),
                    format::count(expected),
                    format::count_wide(i128::from(actual) - i128::from(expected))
                ),
                paths::part2::movement_excluding_treasury(i),
            );
        }
    }
}

pub(super) const II_003: Rule = Rule {
    id: "II-003",
    severity: Severity::Error,
    title: "Treasury shares movement differs from Part III (AA2 to EE2)",
    explanation: "The increase / decrease (-) in treasury shares of a class must equal the Part \
        III grand total `Total of AA2 to EE2`: minus the shares transferred out of treasury in \
        III(A)–(D), plus the signed E2 of III(E) (repurchases into treasury, cancellations, \
        sales). A difference means a treasury movement is missing or mistyped.",
    check: ii_003,
};

fn ii_003(ctx: &Context<'_>, out: &mut Collector) {
    for (i, b) in ctx.ret.part2.part.active().iter().enumerate() {
        let Some(Some(expected)) = ctx.derived.class_totals(b.class).map(|t| t.total_treasury)
        else {
            continue;
        };
        let actual = b.movement.treasury.unwrap_or(0);
        if actual != expected {
            II_003.emit(
                out,
                format!(
                    "Increase / decrease (-) in treasury shares is {} but Part III totals (Total \
                     of AA2 to EE2) give {}: difference {}",
                    format::count(actual),
                    format::count(expected),
                    format::count_wide(i128::from(actual) - i128::from(expected))
                ),
                paths::part2::movement_treasury(i),
            );
        }
    }
}

pub(super) const II_004: Rule = Rule {
    id: "II-004",
    severity: Severity::Warning,
    title: "Issued shares exceed authorised shares",
    explanation: "A company cannot issue more shares of a class than it has authorised. When the \
        total issued at the close of the month exceeds the class's authorised/registered shares \
        in Part I, one of the two figures is wrong (or the authorised capital was increased and \
        Part I does not show it).",
    check: ii_004,
};

fn ii_004(ctx: &Context<'_>, out: &mut Collector) {
    // The first part I block of each class, found once rather than searched per block.
    let mut part1 = HashMap::new();
    for (j, a) in ctx.ret.part1.part.active().iter().enumerate() {
        part1.entry(a.class).or_insert(j);
    }
    for (i, b) in ctx.ret.part2.part.active().iter().enumerate() {
        let Some(Some(issued)) = ctx.derived.part2.get(i).map(|f| f.close_total) else {
            continue;
        };
        let Some(&j) = part1.get(&b.class) else {
            continue;
        };
        let Some(Some(authorised)) = ctx.derived.part1.get(j).map(|f| f.close_shares) else {
            continue;
        };
        if issued > authorised {
            II_004.emit(
                out,
                format!(
                    "Total number of issued shares at close of the month is {} but Part I \
                     authorises {}: {} more than authorised",
                    format::count(issued),
                    format::count(authorised),
                    format::count_wide(i128::from(issued) - i128::from(authorised))
                ),
                paths::part2::close_total(i),
            );
        }
    }
}

pub(super) const II_005: Rule = Rule {
    id: "II-005",
    severity: Severity::Error,
    title: "Public float sufficiency confirmation not ticked (v1.2.0)",
    explanation: "Template v1.2.0 asks, for each class in part II, whether the applicable public \
        float requirement has or has not been complied with. One of the two boxes must be \
        ticked. (Not asked in v1.1.0.)",
    check: ii_005,
};

fn ii_005(ctx: &Context<'_>, out: &mut Collector) {
    if !ctx.ret.template_version.has_public_float() {
        return;
    }
    for (i, b) in ctx.ret.part2.part.active().iter().enumerate() {
        if b.public_float.complied.is_none() {
            II_005.emit(
                out,
                format!(
                    "{}: neither public float box is ticked",
                    ctx.class_name(b.class)
                ),
                paths::part2::public_float_complied(i),
            );
        }
    }
}
