//! IV: Hong Kong Depositary Receipts (content inferred: no filed return with HDRs is at hand).

use rust_decimal::Decimal;

use super::{Collector, Context, Rule, Severity, blank};
use crate::format;
use crate::model::path::{self as paths};

pub(super) const IV_001: Rule = Rule {
    id: "IV-001",
    severity: Severity::Error,
    title: "HDR description missing",
    explanation: "Each HDR line is described so readers can tell which depositary receipts it \
        counts.",
    check: iv_001,
};

fn iv_001(ctx: &Context<'_>, out: &mut Collector) {
    for (i, h) in ctx.ret.part4.part.active().iter().enumerate() {
        if blank(&h.description) {
            IV_001.emit(
                out,
                format!("HDR line {}: description is empty", i + 1),
                paths::part4::description(i),
            );
        }
    }
}

pub(super) const IV_002: Rule = Rule {
    id: "IV-002",
    severity: Severity::Error,
    title: "Number of HDRs negative",
    explanation: "The number of HDRs outstanding can never be below zero, at the close of the \
        preceding month or of this month. Check the balance brought forward and the sign of the \
        increase / decrease (-).",
    check: iv_002,
};

fn iv_002(ctx: &Context<'_>, out: &mut Collector) {
    for (i, h) in ctx.ret.part4.part.active().iter().enumerate() {
        if let Some(p) = h.preceding_hdrs
            && p < 0
        {
            IV_002.emit(
                out,
                format!(
                    "Number of HDRs at close of preceding month is {}",
                    format::count(p)
                ),
                paths::part4::preceding_hdrs(i),
            );
        } else if let Some(Some(close)) = ctx.derived.part4.get(i).map(|f| f.close_hdrs)
            && close < 0
        {
            IV_002.emit(
                out,
                format!(
                    "Number of HDRs at close of the month is {}",
                    format::count(close)
                ),
                paths::part4::movement_hdrs(i),
            );
        }
    }
}

pub(super) const IV_003: Rule = Rule {
    id: "IV-003",
    severity: Severity::Warning,
    title: "HDRs per underlying share missing or not positive",
    explanation: "The number of underlying shares is worked out from the number of HDRs that \
        represent one share; without a positive ratio it stays blank.",
    check: iv_003,
};

fn iv_003(ctx: &Context<'_>, out: &mut Collector) {
    for (i, h) in ctx.ret.part4.part.active().iter().enumerate() {
        let message = match h.hdrs_per_share {
            None => "Number of HDRs per underlying share is empty".to_string(),
            Some(r) if r <= Decimal::ZERO => format!(
                "Number of HDRs per underlying share is {}, not a positive number",
                format::amount(r)
            ),
            Some(_) => continue,
        };
        IV_003.emit(out, message, paths::part4::hdrs_per_share(i));
    }
}
