//! V: confirmations and signature.

use super::{Collector, Context, Rule, Severity, blank};
use crate::model::path::{self as paths};

pub(super) const V_001: Rule = Rule {
    id: "V-001",
    severity: Severity::Error,
    title: "Submitted by missing",
    explanation: "The confirmations are given by a named director, secretary or other duly \
        authorised officer: enter the name under `Submitted by:`.",
    check: v_001,
};

fn v_001(ctx: &Context<'_>, out: &mut Collector) {
    let p = &ctx.ret.part5;
    if !p.not_applicable && blank(&p.submitted_by) {
        V_001.emit(
            out,
            "Submitted by is empty".to_string(),
            paths::part5::submitted_by(),
        );
    }
}

pub(super) const V_002: Rule = Rule {
    id: "V-002",
    severity: Severity::Error,
    title: "Title of the person submitting missing",
    explanation: "`Title:` states the capacity of the person submitting (Director, Secretary or \
        other Duly Authorised Officer), e.g. `Company Secretary`.",
    check: v_002,
};

fn v_002(ctx: &Context<'_>, out: &mut Collector) {
    let p = &ctx.ret.part5;
    if !p.not_applicable && blank(&p.title) {
        V_002.emit(out, "Title is empty".to_string(), paths::part5::title());
    }
}

pub(super) const V_003: Rule = Rule {
    id: "V-003",
    severity: Severity::Warning,
    title: "Confirmations marked Not applicable although shares were issued or transferred",
    explanation: "Part V may be `Not applicable` only when nothing was issued or transferred out \
        of treasury during the month. Part III shows new shares or shares transferred out of \
        treasury, so the confirmations are needed.",
    check: v_003,
};

fn v_003(ctx: &Context<'_>, out: &mut Collector) {
    let ret = ctx.ret;
    if !ret.part5.not_applicable {
        return;
    }
    let d = ctx.derived;
    let positive = |s: &crate::calc::Summary| s.xx1.is_some_and(|x| x > 0);
    let issued = d
        .part3a
        .iter()
        .take(ret.part3a.active().len())
        .any(|f| positive(&f.summary))
        || d.part3b
            .iter()
            .take(ret.part3b.active().len())
            .any(|f| positive(&f.summary))
        || d.part3c
            .iter()
            .take(ret.part3c.active().len())
            .any(|f| positive(&f.summary))
        || d.part3d
            .iter()
            .take(ret.part3d.active().len())
            .any(|f| positive(&f.summary))
        || ret.part3e.active().iter().any(|b| {
            b.events
                .iter()
                .any(|e| e.change_excluding_treasury.is_some_and(|x| x > 0))
        });
    if issued {
        V_003.emit(
            out,
            "Part V is marked Not applicable but Part III shows shares issued or transferred \
             out of treasury"
                .to_string(),
            paths::part5::not_applicable(),
        );
    }
}
