//! CALC: figures the calculation could not work out.

use super::{Collector, Context, Rule, Severity};

pub(super) const CALC_001: Rule = Rule {
    id: "CALC-001",
    severity: Severity::Error,
    title: "A derived figure is too large to compute",
    explanation: "A total, closing balance or capital overflowed the range of the arithmetic \
        (about 9.2 quintillion shares, or the decimal range for amounts). No real return comes \
        near it, so one of the figures feeding the cell almost certainly has a typing error \
        (extra digits). The cell is left blank and the checks that need it are skipped until \
        the input is fixed.",
    check: calc_001,
};

/// One finding per overflowed cell: overflow is reported, never a panic.
fn calc_001(ctx: &Context<'_>, out: &mut Collector) {
    for path in &ctx.derived.overflows {
        CALC_001.emit(
            out,
            format!(
                "The figure at {path} is too large to compute (arithmetic overflow): check the \
                 figures that feed it for extra digits"
            ),
            path.clone(),
        );
    }
}
