//! III(C): convertibles.

use rust_decimal::Decimal;

use super::{Collector, Context, Rule, Severity, blank, part3};
use crate::format;
use crate::model::ConvertibleMovementKind;
use crate::model::path::{self as paths};
use crate::model::{Convertible, ConvertibleType};

pub(super) const IIIC_001: Rule = Rule {
    id: "IIIC-001",
    severity: Severity::Error,
    title: "Convertibles' amount negative",
    explanation: "Amount at close = amount at close of preceding month + issued − converted − \
        redeemed (± other movements) and cannot be below zero: more was converted or redeemed \
        than was outstanding, or the balance brought forward is wrong.",
    check: iiic_001,
};

fn iiic_001(ctx: &Context<'_>, out: &mut Collector) {
    for (b, block) in ctx.ret.part3c.active().iter().enumerate() {
        let figures = ctx.derived.part3c.get(b);
        for (c, cv) in block.convertibles.iter().enumerate() {
            if let Some(p) = cv.preceding_amount
                && p < Decimal::ZERO
            {
                IIIC_001.emit(
                    out,
                    format!(
                        "Amount at close of preceding month is {}",
                        format::amount(p)
                    ),
                    paths::part3c::preceding_amount(b, c),
                );
                continue;
            }
            if let Some(Some(Some(close))) = figures.map(|f| f.closing_amount.get(c).copied())
                && close < Decimal::ZERO
            {
                let primary = match cv.movements.len() {
                    0 => paths::part3c::preceding_amount(b, c),
                    n => paths::part3c::movement_amount(b, c, n - 1),
                };
                IIIC_001.emit(
                    out,
                    format!("Amount at close of the month is {}", format::amount(close)),
                    primary,
                );
            }
        }
    }
}

pub(super) const IIIC_002: Rule = Rule {
    id: "IIIC-002",
    severity: Severity::Warning,
    title: "Shares issuable differ from amount ÷ conversion price",
    explanation: "The shares which may be issued on conversion at close are normally \
        floor(amount at close ÷ conversion price) when both are in one currency (e.g. HKD \
        52,377,600 ÷ HKD 5 = 10,475,520). Conversion terms can adjust; if the price changed, \
        update it, otherwise check both figures.",
    check: iiic_002,
};

fn iiic_002(ctx: &Context<'_>, out: &mut Collector) {
    for (b, block) in ctx.ret.part3c.active().iter().enumerate() {
        let Some(figures) = ctx.derived.part3c.get(b) else {
            continue;
        };
        for (c, cv) in block.convertibles.iter().enumerate() {
            let Some(Some(expected)) = figures.expected_issuable.get(c).copied() else {
                continue;
            };
            let actual = cv.shares_issuable_at_close.unwrap_or(0);
            if actual != expected {
                let amount = figures
                    .closing_amount
                    .get(c)
                    .copied()
                    .flatten()
                    .unwrap_or_default();
                let price = cv.conversion_price.amount.unwrap_or_default();
                IIIC_002.emit(
                    out,
                    format!(
                        "Shares issuable at close is {} but amount at close {} ÷ conversion price \
                         {} gives {}: difference {}",
                        format::count(actual),
                        format::amount(amount),
                        format::amount(price),
                        format::count(expected),
                        format::count_wide(i128::from(actual) - i128::from(expected))
                    ),
                    paths::part3c::shares_issuable_at_close(b, c),
                );
            }
        }
    }
}

pub(super) const IIIC_003: Rule = Rule {
    id: "IIIC-003",
    severity: Severity::Error,
    title: "Description of the convertibles missing",
    explanation: "Each convertible is described (e.g. `HKD 52,377,600 convertible notes due \
        2027`) so readers can match it with the issue's announcement.",
    check: iiic_003,
};

fn iiic_003(ctx: &Context<'_>, out: &mut Collector) {
    part3::all_descriptions::<Convertible>(&IIIC_003, ctx, out);
}

pub(super) const IIIC_004: Rule = Rule {
    id: "IIIC-004",
    severity: Severity::Error,
    title: "Convertible movement or share count typed negative",
    explanation: "Issued, converted and redeemed amounts are typed as positive amounts (converted \
        and redeemed are subtracted); only an `Other` movement carries its own sign. C1, C2 and \
        the shares issuable are counts and cannot be negative.",
    check: iiic_004,
};

fn iiic_004(ctx: &Context<'_>, out: &mut Collector) {
    for (b, block) in ctx.ret.part3c.active().iter().enumerate() {
        for (c, cv) in block.convertibles.iter().enumerate() {
            for (m, mv) in cv.movements.iter().enumerate() {
                if mv.kind != ConvertibleMovementKind::Other
                    && let Some(a) = mv.amount
                    && a < Decimal::ZERO
                {
                    IIIC_004.emit(
                        out,
                        format!(
                            "{} is typed as {}: enter it as a positive amount",
                            mv.kind.label(),
                            format::amount(a)
                        ),
                        paths::part3c::movement_amount(b, c, m),
                    );
                }
            }
            part3::negative_counts(&IIIC_004, out, b, c, cv);
        }
    }
}

pub(super) const IIIC_005: Rule = Rule {
    id: "IIIC-005",
    severity: Severity::Error,
    title: "Type of convertibles `Others` not specified",
    explanation: "`Type of the Convertibles` is `Bond/Notes`, `Preference Shares` or `Others \
        (please specify)`; the last needs the type written out.",
    check: iiic_005,
};

fn iiic_005(ctx: &Context<'_>, out: &mut Collector) {
    for (b, block) in ctx.ret.part3c.active().iter().enumerate() {
        for (c, cv) in block.convertibles.iter().enumerate() {
            if cv.kind == ConvertibleType::Others && blank(&cv.kind_other) {
                IIIC_005.emit(
                    out,
                    format!(
                        "Convertible {}: type is Others but it is not specified",
                        c + 1
                    ),
                    paths::part3c::kind_other(b, c),
                );
            }
        }
    }
}
