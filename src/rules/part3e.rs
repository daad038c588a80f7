//! III(E): other movements in issued shares and treasury shares.

use chrono::Datelike;

use super::{Collector, Context, Rule, Severity, blank};
use crate::format;
use crate::model::TypeOfIssue;
use crate::model::path::{self as paths};

/// The sign a column of III(E) must have for a type of issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sign {
    /// Above zero.
    Positive,
    /// Below zero.
    Negative,
    /// Zero or blank: the type does not move this column.
    Zero,
    /// Either way (capital reorganisations, `Other`).
    Any,
}

impl Sign {
    fn admits(self, v: i64) -> bool {
        match self {
            Sign::Positive => v > 0,
            Sign::Negative => v < 0,
            Sign::Zero => v == 0,
            Sign::Any => true,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Sign::Positive => "positive",
            Sign::Negative => "negative",
            Sign::Zero => "zero or blank",
            Sign::Any => "any",
        }
    }
}

/// *(inferred, spec §4 (E))* The signs of (E1, E2) for each type of issue: the one place this
/// reading lives. New issues add issued shares; repurchases and redemptions that cancel remove
/// them; a repurchase into treasury moves shares from issued to treasury; a sale or transfer of
/// treasury shares moves them back; cancelling treasury shares removes them from treasury;
/// items not yet cancelled move neither column (they go in the pending-cancellation column).
pub fn expected_signs(t: TypeOfIssue) -> (Sign, Sign) {
    use TypeOfIssue::*;
    match t {
        RightsIssue | OpenOffer | Placing | BonusIssue | ScripDividend | ConsiderationIssue => {
            (Sign::Positive, Sign::Zero)
        }
        RepurchaseCancelled | RedemptionCancelled => (Sign::Negative, Sign::Zero),
        RepurchaseIntoTreasury => (Sign::Negative, Sign::Positive),
        SaleOrTransferOfTreasury => (Sign::Positive, Sign::Negative),
        CancellationOfTreasury => (Sign::Zero, Sign::Negative),
        RepurchasePendingCancellation | RedemptionPendingCancellation => (Sign::Zero, Sign::Zero),
        CapitalReorganisation | Other => (Sign::Any, Sign::Any),
    }
}

pub(super) const IIIE_001: Rule = Rule {
    id: "IIIE-001",
    severity: Severity::Error,
    title: "Sign of E1 / E2 does not fit the type of issue",
    explanation: "E1 (change in issued shares excluding treasury) and E2 (change in treasury \
        shares) are signed. New issues increase E1; repurchases and redemptions that cancel \
        decrease E1; a repurchase into treasury is E1 −n and E2 +n; a sale or transfer of \
        treasury shares is E1 +n and E2 −n; a cancellation of treasury shares is E2 −n; items \
        not yet cancelled leave both blank and use the pending-cancellation column. (Our \
        reading of the form; capital reorganisations and `Other` may go either way.)",
    check: iiie_001,
};

fn iiie_001(ctx: &Context<'_>, out: &mut Collector) {
    for (b, block) in ctx.ret.part3e.active().iter().enumerate() {
        for (e, ev) in block.events.iter().enumerate() {
            let (s1, s2) = expected_signs(ev.type_of_issue);
            let e1 = ev.change_excluding_treasury.unwrap_or(0);
            let e2 = ev.change_treasury.unwrap_or(0);
            if !s1.admits(e1) {
                IIIE_001.emit(
                    out,
                    format!(
                        "{}: E1 (change in issued shares excluding treasury) should be {} but is \
                         {}",
                        ev.type_of_issue.label(),
                        s1.describe(),
                        format::count(e1)
                    ),
                    paths::part3e::change_excluding_treasury(b, e),
                );
            }
            if !s2.admits(e2) {
                IIIE_001.emit(
                    out,
                    format!(
                        "{}: E2 (change in treasury shares) should be {} but is {}",
                        ev.type_of_issue.label(),
                        s2.describe(),
                        format::count(e2)
                    ),
                    paths::part3e::change_treasury(b, e),
                );
            }
        }
    }
}

pub(super) const IIIE_002: Rule = Rule {
    id: "IIIE-002",
    severity: Severity::Error,
    title: "Date of event outside the reported month",
    explanation: "A movement reported this month happened this month, so its date of event lies \
        within the month. Only shares repurchased or redeemed but not yet cancelled may carry an \
        earlier date (Note 2), and no event can be dated after the month end.",
    check: iiie_002,
};

fn iiie_002(ctx: &Context<'_>, out: &mut Collector) {
    let Some(end) = ctx.ret.header.month_end else {
        return;
    };
    for (b, block) in ctx.ret.part3e.active().iter().enumerate() {
        for (e, ev) in block.events.iter().enumerate() {
            let Some(d) = ev.event_date else {
                continue;
            };
            let same_month = d.year() == end.year() && d.month() == end.month();
            let wrong = if ev.type_of_issue.is_pending_cancellation() {
                d > end
            } else {
                !same_month || d > end
            };
            if wrong {
                IIIE_002.emit(
                    out,
                    format!(
                        "{}: date of event {} is not within the month ended {}",
                        ev.type_of_issue.label(),
                        format::date(d),
                        format::date(end)
                    ),
                    paths::part3e::event_date(b, e),
                );
            }
        }
    }
}

pub(super) const IIIE_003: Rule = Rule {
    id: "IIIE-003",
    severity: Severity::Error,
    title: "Date of event missing",
    explanation: "Every III(E) row states the date of the event (for repurchases and redemptions, \
        the date of the repurchase or redemption: Note 2).",
    check: iiie_003,
};

fn iiie_003(ctx: &Context<'_>, out: &mut Collector) {
    for (b, block) in ctx.ret.part3e.active().iter().enumerate() {
        for (e, ev) in block.events.iter().enumerate() {
            if ev.event_date.is_none() {
                IIIE_003.emit(
                    out,
                    format!("{}: date of event is empty", ev.type_of_issue.label()),
                    paths::part3e::event_date(b, e),
                );
            }
        }
    }
}

pub(super) const IIIE_004: Rule = Rule {
    id: "IIIE-004",
    severity: Severity::Error,
    title: "Shares pending cancellation not negative",
    explanation: "Shares repurchased or redeemed but not yet cancelled at the close of the month \
        are shown as a negative number (Note 3), or left blank.",
    check: iiie_004,
};

fn iiie_004(ctx: &Context<'_>, out: &mut Collector) {
    for (b, block) in ctx.ret.part3e.active().iter().enumerate() {
        for (e, ev) in block.events.iter().enumerate() {
            if let Some(p) = ev.pending_cancellation
                && p > 0
            {
                IIIE_004.emit(
                    out,
                    format!(
                        "Shares pending cancellation is {}: enter it as a negative number (-{})",
                        format::count(p),
                        format::count(p)
                    ),
                    paths::part3e::pending_cancellation(b, e),
                );
            }
        }
    }
}

pub(super) const IIIE_005: Rule = Rule {
    id: "IIIE-005",
    severity: Severity::Error,
    title: "Pending cancellation on a type that is not pending cancellation",
    explanation: "Only `Repurchase of shares (repurchased for cancellation but not yet \
        cancelled)` and `Redemption of shares (redeemed but not yet cancelled)` report shares in \
        the pending-cancellation column. Change the type of issue, or clear the column.",
    check: iiie_005,
};

fn iiie_005(ctx: &Context<'_>, out: &mut Collector) {
    for (b, block) in ctx.ret.part3e.active().iter().enumerate() {
        for (e, ev) in block.events.iter().enumerate() {
            if let Some(p) = ev.pending_cancellation
                && p != 0
                && !ev.type_of_issue.is_pending_cancellation()
            {
                IIIE_005.emit(
                    out,
                    format!(
                        "{} reports {} shares pending cancellation",
                        ev.type_of_issue.label(),
                        format::count(p)
                    ),
                    paths::part3e::pending_cancellation(b, e),
                );
            }
        }
    }
}

pub(super) const IIIE_006: Rule = Rule {
    id: "IIIE-006",
    severity: Severity::Error,
    title: "Type of issue `Other` not specified",
    explanation: "`Other (please specify)` prints the description typed for it (e.g. \
        `Conversion of Class B shares into Class A shares`); without it the row says nothing.",
    check: iiie_006,
};

fn iiie_006(ctx: &Context<'_>, out: &mut Collector) {
    for (b, block) in ctx.ret.part3e.active().iter().enumerate() {
        for (e, ev) in block.events.iter().enumerate() {
            if ev.type_of_issue == TypeOfIssue::Other && blank(&ev.other_description) {
                IIIE_006.emit(
                    out,
                    format!(
                        "Event {}: type of issue is Other but it is not specified",
                        e + 1
                    ),
                    paths::part3e::other_description(b, e),
                );
            }
        }
    }
}

pub(super) const IIIE_007: Rule = Rule {
    id: "IIIE-007",
    severity: Severity::Warning,
    title: "E1 and E2 do not offset for a move into or out of treasury",
    explanation: "A repurchase into treasury moves n shares from issued (E1 −n) into treasury (E2 \
        +n); a sale or transfer of treasury shares moves them back (E1 +n, E2 −n). The two \
        columns should cancel out; if not, one of them is mistyped.",
    check: iiie_007,
};

fn iiie_007(ctx: &Context<'_>, out: &mut Collector) {
    for (b, block) in ctx.ret.part3e.active().iter().enumerate() {
        for (e, ev) in block.events.iter().enumerate() {
            if !matches!(
                ev.type_of_issue,
                TypeOfIssue::RepurchaseIntoTreasury | TypeOfIssue::SaleOrTransferOfTreasury
            ) {
                continue;
            }
            let e1 = i128::from(ev.change_excluding_treasury.unwrap_or(0));
            let e2 = i128::from(ev.change_treasury.unwrap_or(0));
            if e1 + e2 != 0 {
                IIIE_007.emit(
                    out,
                    format!(
                        "{}: E1 is {} and E2 is {}; they should offset (difference {})",
                        ev.type_of_issue.label(),
                        format::count_wide(e1),
                        format::count_wide(e2),
                        format::count_wide(e1 + e2)
                    ),
                    paths::part3e::change_treasury(b, e),
                );
            }
        }
    }
}
