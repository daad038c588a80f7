//! III(A): share options under share option schemes.

use super::{Collector, Context, Rule, Severity, part3};
use crate::format;
use crate::model::path::{self as paths};
use crate::model::{OptionMovement, OptionScheme};

pub(super) const IIIA_001: Rule = Rule {
    id: "IIIA-001",
    severity: Severity::Error,
    title: "Options outstanding negative",
    explanation: "Options outstanding = preceding + granted − exercised − cancelled − lapsed and \
        can never be below zero. Check the balance brought forward and the movements (more \
        options exercised, cancelled or lapsed than were outstanding).",
    check: iiia_001,
};

fn iiia_001(ctx: &Context<'_>, out: &mut Collector) {
    for (b, block) in ctx.ret.part3a.active().iter().enumerate() {
        let figures = ctx.derived.part3a.get(b);
        for (s, scheme) in block.schemes.iter().enumerate() {
            if let Some(p) = scheme.preceding_outstanding
                && p < 0
            {
                IIIA_001.emit(
                    out,
                    format!(
                        "Share options outstanding at close of preceding month is {}",
                        format::count(p)
                    ),
                    paths::part3a::preceding_outstanding(b, s),
                );
                continue;
            }
            if let Some(Some(Some(close))) = figures.map(|f| f.closing_outstanding.get(s).copied())
                && close < 0
            {
                IIIA_001.emit(
                    out,
                    format!(
                        "Share options outstanding at close of the month is {}",
                        format::count(close)
                    ),
                    paths::part3a::preceding_outstanding(b, s),
                );
            }
        }
    }
}

pub(super) const IIIA_002: Rule = Rule {
    id: "IIIA-002",
    severity: Severity::Warning,
    title: "Shares delivered differ from options exercised",
    explanation: "Each option exercised normally delivers one share, either newly issued (A1) or \
        transferred out of treasury (A2), so A1 + A2 should equal the options exercised. A scheme \
        can say otherwise (adjusted ratios after a bonus issue or consolidation); if so, say it \
        in the remarks.",
    check: iiia_002,
};

fn iiia_002(ctx: &Context<'_>, out: &mut Collector) {
    for (b, block) in ctx.ret.part3a.active().iter().enumerate() {
        for (s, scheme) in block.schemes.iter().enumerate() {
            let delivered = i128::from(scheme.new_shares.unwrap_or(0))
                + i128::from(scheme.from_treasury.unwrap_or(0));
            let exercised = i128::from(scheme.exercised.unwrap_or(0));
            if delivered != exercised {
                IIIA_002.emit(
                    out,
                    format!(
                        "Shares delivered A1 + A2 = {} but options exercised = {}: difference {}",
                        format::count_wide(delivered),
                        format::count_wide(exercised),
                        format::count_wide(delivered - exercised)
                    ),
                    paths::part3a::new_shares(b, s),
                );
            }
        }
    }
}

pub(super) const IIIA_003: Rule = Rule {
    id: "IIIA-003",
    severity: Severity::Warning,
    title: "Funds raised missing although options were exercised",
    explanation: "When options were exercised during the month the form states the total funds \
        raised from the exercise (currency and amount; 0 for nil-cost options such as RSUs \
        granted as options).",
    check: iiia_003,
};

fn iiia_003(ctx: &Context<'_>, out: &mut Collector) {
    for (b, block) in ctx.ret.part3a.active().iter().enumerate() {
        let exercised = block
            .schemes
            .iter()
            .any(|s| s.exercised.is_some_and(|e| e > 0));
        if exercised && block.funds_raised.amount.is_none() {
            IIIA_003.emit(
                out,
                "Options were exercised during the month but the total funds raised is empty"
                    .to_string(),
                paths::part3a::funds_raised(b),
            );
        }
    }
}

pub(super) const IIIA_004: Rule = Rule {
    id: "IIIA-004",
    severity: Severity::Error,
    title: "Particulars of share option scheme missing",
    explanation: "Each row names its share option scheme (e.g. `2013 Share Option Scheme`), so \
        readers can match it with the scheme's announcements.",
    check: iiia_004,
};

fn iiia_004(ctx: &Context<'_>, out: &mut Collector) {
    part3::all_descriptions::<OptionScheme>(&IIIA_004, ctx, out);
}

pub(super) const IIIA_005: Rule = Rule {
    id: "IIIA-005",
    severity: Severity::Error,
    title: "Option movement or share count typed negative",
    explanation: "Granted, exercised, cancelled and lapsed are typed as positive numbers: the form \
        prints the decreases with a minus itself. A1, A2 and the shares issuable are counts and \
        cannot be negative either.",
    check: iiia_005,
};

fn iiia_005(ctx: &Context<'_>, out: &mut Collector) {
    for (b, block) in ctx.ret.part3a.active().iter().enumerate() {
        for (s, scheme) in block.schemes.iter().enumerate() {
            for m in OptionMovement::ALL {
                if let Some(v) = scheme.movement(m)
                    && v < 0
                {
                    IIIA_005.emit(
                        out,
                        format!(
                            "{} is typed as {}: enter it as a positive number",
                            m.label(),
                            format::count(v)
                        ),
                        paths::part3a::movement(b, s, m),
                    );
                }
            }
            part3::negative_counts(&IIIA_005, out, b, s, scheme);
        }
    }
}

pub(super) const IIIA_006: Rule = Rule {
    id: "IIIA-006",
    severity: Severity::Warning,
    title: "Shares issuable at close unchanged although options moved",
    explanation: "Options granted, exercised, cancelled or lapsed change the shares which may be \
        issued under the scheme, so \"shares which may be issued at close\" normally moves with \
        them. It was found unchanged: the same as last month's figure (when the previous return \
        is known), or equal to the options outstanding at the close of the preceding month \
        although they changed — a figure carried over from last month. If the scheme counts \
        its issuable shares otherwise (a mandate limit, say), say so in the remarks.",
    check: iiia_006,
};

/// The movements of `scheme` that are typed and not zero, named (`granted 1,000`).
fn moved(scheme: &OptionScheme) -> Vec<String> {
    OptionMovement::ALL
        .iter()
        .filter_map(|&m| {
            scheme
                .movement(m)
                .filter(|&v| v != 0)
                .map(|v| format!("{} {}", m.label().to_lowercase(), format::count(v)))
        })
        .collect()
}

fn iiia_006(ctx: &Context<'_>, out: &mut Collector) {
    for (b, block) in ctx.ret.part3a.active().iter().enumerate() {
        // Last month's block of the same class, rows matched by position (as PREV-004 does).
        let before = ctx.previous.as_ref().and_then(|p| {
            let blocks = &p.last.part3a;
            p.classes
                .block(block.class, blocks, |x| x.class)
                .and_then(|j| blocks.get(j))
        });
        let figures = ctx.derived.part3a.get(b);
        for (s, scheme) in block.schemes.iter().enumerate() {
            let Some(issuable) = scheme.shares_issuable_at_close else {
                continue;
            };
            let movements = moved(scheme);
            if movements.is_empty() {
                continue;
            }
            let last_month = before
                .and_then(|x| x.rows.get(s))
                .and_then(|x| x.issuable_at_close);
            let close = figures
                .and_then(|f| f.closing_outstanding.get(s).copied())
                .flatten();
            let message = if last_month == Some(issuable) {
                format!(
                    "Shares which may be issued at close is {}, as at the close of last month, \
                     though options moved ({})",
                    format::count(issuable),
                    movements.join(", ")
                )
            } else if last_month.is_none()
                && scheme.preceding_outstanding == Some(issuable)
                && close.is_some_and(|c| c != issuable)
            {
                format!(
                    "Shares which may be issued at close is {}, the options outstanding at close \
                     of the preceding month, though options moved ({}) and {} are outstanding now",
                    format::count(issuable),
                    movements.join(", "),
                    close.map(format::count).unwrap_or_default()
                )
            } else {
                continue;
            };
            IIIA_006.emit(out, message, paths::part3a::shares_issuable_at_close(b, s));
        }
    }
}
