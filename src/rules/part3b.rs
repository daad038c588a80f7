//! III(B): warrants to issue shares.

use rust_decimal::Decimal;

use super::{Collector, Context, Rule, Severity, part3, same_currency};
use crate::format;
use crate::model::Warrant;
use crate::model::path::{self as paths};

pub(super) const IIIB_001: Rule = Rule {
    id: "IIIB-001",
    severity: Severity::Error,
    title: "Warrants' nominal value negative",
    explanation: "Nominal value at close = nominal value at close of preceding month − exercised, \
        and cannot be below zero: more was exercised than was outstanding, or the balance \
        brought forward is wrong.",
    check: iiib_001,
};

fn iiib_001(ctx: &Context<'_>, out: &mut Collector) {
    for (b, block) in ctx.ret.part3b.active().iter().enumerate() {
        let figures = ctx.derived.part3b.get(b);
        for (w, warrant) in block.warrants.iter().enumerate() {
            if let Some(p) = warrant.preceding_nominal
                && p < Decimal::ZERO
            {
                IIIB_001.emit(
                    out,
                    format!(
                        "Nominal value at close of preceding month is {}",
                        format::amount(p)
                    ),
                    paths::part3b::preceding_nominal(b, w),
                );
                continue;
            }
            if let Some(Some(Some(close))) = figures.map(|f| f.closing_nominal.get(w).copied())
                && close < Decimal::ZERO
            {
                IIIB_001.emit(
                    out,
                    format!(
                        "Nominal value at close of the month is {}",
                        format::amount(close)
                    ),
                    paths::part3b::exercised_nominal(b, w),
                );
            }
        }
    }
}

pub(super) const IIIB_002: Rule = Rule {
    id: "IIIB-002",
    severity: Severity::Warning,
    title: "Shares delivered differ from nominal value exercised ÷ subscription price",
    explanation: "Exercising warrants of a nominal value V at subscription price P delivers \
        floor(V ÷ P) shares, new (B1) or from treasury (B2). A difference usually means a typo \
        in one of the figures; warrant terms can also adjust the price, in which case update \
        the subscription price. Checked only when the price is in the warrants' currency.",
    check: iiib_002,
};

fn iiib_002(ctx: &Context<'_>, out: &mut Collector) {
    for (b, block) in ctx.ret.part3b.active().iter().enumerate() {
        for (w, warrant) in block.warrants.iter().enumerate() {
            let Some(price) = warrant.subscription_price.amount else {
                continue;
            };
            if price <= Decimal::ZERO
                || !same_currency(&warrant.currency, &warrant.subscription_price.currency)
            {
                continue;
            }
            let exercised = warrant.exercised_nominal.unwrap_or_default();
            let Some(expected) = exercised
                .checked_div(price)
                .and_then(|q| i64::try_from(q.floor()).ok())
            else {
                continue;
            };
            let delivered = i128::from(warrant.new_shares.unwrap_or(0))
                + i128::from(warrant.from_treasury.unwrap_or(0));
            if delivered != i128::from(expected) {
                IIIB_002.emit(
                    out,
                    format!(
                        "Shares delivered B1 + B2 = {} but nominal value exercised {} ÷ \
                         subscription price {} gives {}: difference {}",
                        format::count_wide(delivered),
                        format::amount(exercised),
                        format::amount(price),
                        format::count(expected),
                        format::count_wide(delivered - i128::from(expected))
                    ),
                    paths::part3b::new_shares(b, w),
                );
            }
        }
    }
}

pub(super) const IIIB_003: Rule = Rule {
    id: "IIIB-003",
    severity: Severity::Error,
    title: "Description of warrants missing",
    explanation: "Each warrant row is described (with its expiry date) so readers can match it \
        with the issue's announcement.",
    check: iiib_003,
};

fn iiib_003(ctx: &Context<'_>, out: &mut Collector) {
    part3::all_descriptions::<Warrant>(&IIIB_003, ctx, out);
}

pub(super) const IIIB_004: Rule = Rule {
    id: "IIIB-004",
    severity: Severity::Error,
    title: "Warrant exercise or share count typed negative",
    explanation: "The nominal value exercised is typed as a positive amount (it is subtracted \
        from the balance); B1, B2 and the shares issuable are counts and cannot be negative.",
    check: iiib_004,
};

fn iiib_004(ctx: &Context<'_>, out: &mut Collector) {
    for (b, block) in ctx.ret.part3b.active().iter().enumerate() {
        for (w, warrant) in block.warrants.iter().enumerate() {
            if let Some(e) = warrant.exercised_nominal
                && e < Decimal::ZERO
            {
                IIIB_004.emit(
                    out,
                    format!(
                        "Nominal value exercised is typed as {}: enter it as a positive amount",
                        format::amount(e)
                    ),
                    paths::part3b::exercised_nominal(b, w),
                );
            }
            part3::negative_counts(&IIIB_004, out, b, w, warrant);
        }
    }
}
