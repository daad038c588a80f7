//! I: movements in authorised / registered share capital.

use rust_decimal::Decimal;

use super::{Collector, Context, Rule, Severity, is_currency_code};
use crate::format;
use crate::model::path::{self as paths};

pub(super) const I_001: Rule = Rule {
    id: "I-001",
    severity: Severity::Error,
    title: "Authorised shares negative",
    explanation: "A number of authorised/registered shares cannot be below zero, at the close of \
        the preceding month or of this month. Check the balance brought forward and the sign of \
        the increase / decrease (-).",
    check: i_001,
};

fn i_001(ctx: &Context<'_>, out: &mut Collector) {
    for (i, b) in ctx.ret.part1.part.active().iter().enumerate() {
        if let Some(p) = b.preceding_shares
            && p < 0
        {
            I_001.emit(
                out,
                format!(
                    "Number of authorised/registered shares at close of preceding month is {}",
                    format::count(p)
                ),
                paths::part1::preceding_shares(i),
            );
        }
        if let Some(Some(close)) = ctx.derived.part1.get(i).map(|f| f.close_shares)
            && close < 0
        {
            I_001.emit(
                out,
                format!(
                    "Number of authorised/registered shares at close of the month is {}",
                    format::count(close)
                ),
                paths::part1::movement_shares(i),
            );
        }
    }
}

pub(super) const I_002: Rule = Rule {
    id: "I-002",
    severity: Severity::Error,
    title: "Authorised capital or par value negative",
    explanation: "Share capital is never negative. Under manual input check the capital typed for \
        the preceding month and the sign of its increase / decrease; otherwise the capital is \
        shares × par value, so check the par value.",
    check: i_002,
};

fn i_002(ctx: &Context<'_>, out: &mut Collector) {
    for (i, b) in ctx.ret.part1.part.active().iter().enumerate() {
        if b.manual_capital {
            if let Some(p) = b.manual_preceding_capital
                && p < Decimal::ZERO
            {
                I_002.emit(
                    out,
                    format!(
                        "Authorised/registered share capital at close of preceding month is {}",
                        format::amount(p)
                    ),
                    paths::part1::preceding_capital(i),
                );
            }
            if let Some(Some(c)) = ctx.derived.part1.get(i).map(|f| f.close_capital)
                && c < Decimal::ZERO
            {
                I_002.emit(
                    out,
                    format!(
                        "Authorised/registered share capital at close of the month is {}",
                        format::amount(c)
                    ),
                    paths::part1::movement_capital(i),
                );
            }
        } else {
            if let Some(p) = b.par_value.amount
                && p < Decimal::ZERO
            {
                I_002.emit(
                    out,
                    format!("Par value is {}", format::amount(p)),
                    paths::part1::par_value(i),
                );
            }
            if let Some(p) = b.closing_par_value
                && p < Decimal::ZERO
            {
                I_002.emit(
                    out,
                    format!("Par value at close of the month is {}", format::amount(p)),
                    paths::part1::closing_par_value(i),
                );
            }
        }
    }
}

pub(super) const I_003: Rule = Rule {
    id: "I-003",
    severity: Severity::Error,
    title: "Par value currency missing or not a 3-letter code",
    explanation: "The par value and the capital print with their currency as a 3-letter code in \
        capitals (`HKD`, `USD`, `RMB`), and the capital totals are grouped by it.",
    check: i_003,
};

fn i_003(ctx: &Context<'_>, out: &mut Collector) {
    for (i, b) in ctx.ret.part1.part.active().iter().enumerate() {
        let ccy = &b.par_value.currency;
        if !is_currency_code(ccy) {
            let message = if ccy.trim().is_empty() {
                "Currency of the par value is empty".to_string()
            } else {
                format!(
                    "Currency of the par value is '{}', not a 3-letter code in capitals such as HKD",
                    ccy.trim()
                )
            };
            I_003.emit(out, message, paths::part1::par_value_currency(i));
        }
    }
}

pub(super) const I_004: Rule = Rule {
    id: "I-004",
    severity: Severity::Error,
    title: "Par value missing",
    explanation: "Without manual input the capital is shares × par value; a blank par value \
        prints a blank cell and counts the capital as zero. Enter the par value (e.g. 0.00001), \
        or tick Manual input if the capital is not shares × par.",
    check: i_004,
};

fn i_004(ctx: &Context<'_>, out: &mut Collector) {
    for (i, b) in ctx.ret.part1.part.active().iter().enumerate() {
        if !b.manual_capital && b.par_value.amount.is_none() {
            I_004.emit(
                out,
                "Par value is empty".to_string(),
                paths::part1::par_value(i),
            );
        }
    }
}

pub(super) const I_005: Rule = Rule {
    id: "I-005",
    severity: Severity::Warning,
    title: "Manual capital input equals shares × par value",
    explanation: "Manual input is meant for classes whose registered capital is not shares × par \
        value (e.g. PRC banks' preference shares). Here the typed capital equals shares × par \
        on both balance rows, so manual input is not needed: untick it so the capital follows \
        the shares.",
    check: i_005,
};

fn i_005(ctx: &Context<'_>, out: &mut Collector) {
    for (i, b) in ctx.ret.part1.part.active().iter().enumerate() {
        if !b.manual_capital {
            continue;
        }
        let (Some(par), Some(pre_cap)) = (b.par_value.amount, b.manual_preceding_capital) else {
            continue;
        };
        let Some(f) = ctx.derived.part1.get(i) else {
            continue;
        };
        let close_par = b.closing_par_value.unwrap_or(par);
        let pre = Decimal::from(b.preceding_shares.unwrap_or(0)).checked_mul(par);
        let close = f
            .close_shares
            .and_then(|s| Decimal::from(s).checked_mul(close_par));
        if pre == Some(pre_cap) && close.is_some() && close == f.close_capital {
            I_005.emit(
                out,
                "Manual input is ticked but the capital typed equals shares × par value"
                    .to_string(),
                paths::part1::manual_capital(i),
            );
        }
    }
}

pub(super) const I_006: Rule = Rule {
    id: "I-006",
    severity: Severity::Warning,
    title: "Authorised capital in more than one currency",
    explanation: "The total authorised/registered share capital is the sum of the classes' \
        closing capital, printed once per currency (computed, so it always adds up). Classes in \
        different currencies give several totals: check that each class's par value currency is \
        right (a typo such as `HDK` makes a second total).",
    check: i_006,
};

fn i_006(ctx: &Context<'_>, out: &mut Collector) {
    let totals = &ctx.derived.capital_totals;
    if totals.len() < 2 {
        return;
    }
    let blocks = ctx.ret.part1.part.active();
    let first = blocks
        .first()
        .map(|b| b.par_value.currency.trim().to_uppercase());
    let other = blocks
        .iter()
        .position(|b| Some(b.par_value.currency.trim().to_uppercase()) != first)
        .unwrap_or(0);
    // A blank currency is named as such, not as an empty item ("(, USD)").
    let names: Vec<&str> = totals
        .keys()
        .map(|c| {
            if c.trim().is_empty() {
                "blank"
            } else {
                c.as_str()
            }
        })
        .collect();
    I_006.emit(
        out,
        format!(
            "Part I has capital in {} currencies ({}): one total is printed per currency",
            totals.len(),
            names.join(", ")
        ),
        paths::part1::par_value_currency(other),
    );
}
