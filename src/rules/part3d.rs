//! III(D): other agreements or arrangements to issue shares (share awards, RSU plans...).

use super::{Collector, Context, Rule, Severity, part3};
use crate::model::Arrangement;

pub(super) const IIID_001: Rule = Rule {
    id: "IIID-001",
    severity: Severity::Error,
    title: "D1, D2 or shares issuable negative",
    explanation: "D1 (new shares issued), D2 (shares transferred out of treasury) and the shares \
        which may be issued at close are counts and cannot be negative. Shares returned to the \
        scheme are not a negative issue: report them in the remarks.",
    check: iiid_001,
};

fn iiid_001(ctx: &Context<'_>, out: &mut Collector) {
    part3::all_negative_counts::<Arrangement>(&IIID_001, ctx, out);
}

pub(super) const IIID_002: Rule = Rule {
    id: "IIID-002",
    severity: Severity::Error,
    title: "Description of agreement or arrangement missing",
    explanation: "Each row names the agreement or arrangement (e.g. `2021 Share Incentive Plan`) \
        so readers can match it with its announcements.",
    check: iiid_002,
};

fn iiid_002(ctx: &Context<'_>, out: &mut Collector) {
    part3::all_descriptions::<Arrangement>(&IIID_002, ctx, out);
}
