//! III(D): other agreements or arrangements to issue shares (share awards, RSU plans...).

use super::{Context, Finding, RowPath, Rule, Severity, blank, negative_counts};
use crate::model::path::{self as paths};

pub(super) const IIID_001: Rule = Rule {
    id: "IIID-001",
    severity: Severity::Error,
    title: "D1, D2 or shares issuable negative",
    explanation: "D1 (new shares issued), D2 (shares transferred out of treasury) and the shares \
        which may be issued at close are counts and cannot be negative. Shares returned to the \
        scheme are not a negative issue: report them in the remarks.",
    check: iiid_001,
};

fn iiid_001(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (b, block) in ctx.ret.part3d.active().iter().enumerate() {
        for (a, arr) in block.arrangements.iter().enumerate() {
            let counts: [(&str, Option<i64>, RowPath); 3] = [
                (
                    "D1 (new shares issued)",
                    arr.new_shares,
                    paths::part3d::new_shares,
                ),
                (
                    "D2 (shares transferred out of treasury)",
                    arr.from_treasury,
                    paths::part3d::from_treasury,
                ),
                (
                    "Shares which may be issued or transferred out of treasury",
                    arr.shares_issuable_at_close,
                    paths::part3d::shares_issuable_at_close,
                ),
            ];
            negative_counts(&IIID_001, out, &counts, b, a);
        }
    }
}

pub(super) const IIID_002: Rule = Rule {
    id: "IIID-002",
    severity: Severity::Error,
    title: "Description of agreement or arrangement missing",
    explanation: "Each row names the agreement or arrangement (e.g. `2021 Share Incentive Plan`) \
        so readers can match it with its announcements.",
    check: iiid_002,
};

fn iiid_002(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (b, block) in ctx.ret.part3d.active().iter().enumerate() {
        for (a, arr) in block.arrangements.iter().enumerate() {
            if blank(&arr.description) {
                IIID_002.emit(
                    out,
                    format!(
                        "Arrangement {}: description of other agreements or arrangements is empty",
                        a + 1
                    ),
                    paths::part3d::description(b, a),
                );
            }
        }
    }
}
