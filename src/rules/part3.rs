//! The checks every Part III sub-part shares, driven by its description
//! ([`crate::model::subpart`]): counts that can never be negative, and a first column that
//! must say what the row is. A sub-part's own rules call these per row, so a column added to
//! a description is checked without touching the rules.

use super::{Collector, Context, Rule, blank};
use crate::format;
use crate::model::subpart::{Role, SubPart, Value};

/// Calls `f` with block index, row index and row, for every row of the sub-part's active
/// blocks.
pub(super) fn each_row<S: SubPart>(ctx: &Context<'_>, mut f: impl FnMut(usize, usize, &S)) {
    for (b, block) in S::part(ctx.ret).active().iter().enumerate() {
        for (r, row) in S::rows(block).iter().enumerate() {
            f(b, r, row);
        }
    }
}

/// One finding of `rule` per count of the row that the description marks never negative
/// (X1, X2, shares issuable…) and that is below zero.
pub(super) fn negative_counts<S: SubPart>(
    rule: &Rule,
    out: &mut Collector,
    b: usize,
    r: usize,
    row: &S,
) {
    for column in S::COLUMNS.iter().filter(|c| c.never_negative) {
        if let Value::Count(get, _) = &column.value
            && let Some(v) = *get(row)
            && v < 0
        {
            rule.emit(
                out,
                format!(
                    "{} is {}, which is negative",
                    column.finding_name,
                    format::count(v)
                ),
                S::cell_path(b, r, column),
            );
        }
    }
}

/// A finding of `rule` when the row's description column is blank
/// (`Warrant 2: description of warrants is empty`).
pub(super) fn description_missing<S: SubPart>(
    rule: &Rule,
    out: &mut Collector,
    b: usize,
    r: usize,
    row: &S,
) {
    let Some(column) = S::column_of(Role::Description) else {
        return;
    };
    if let Value::Text(get, _) = &column.value
        && blank(get(row))
    {
        rule.emit(
            out,
            format!(
                "{} {}: {}",
                capitalised(S::ROW_NAME),
                r + 1,
                column.finding_name
            ),
            S::cell_path(b, r, column),
        );
    }
}

/// Every row of the sub-part through [`negative_counts`]: a whole rule's check.
pub(super) fn all_negative_counts<S: SubPart>(rule: &Rule, ctx: &Context<'_>, out: &mut Collector) {
    each_row::<S>(ctx, |b, r, row| negative_counts(rule, out, b, r, row));
}

/// Every row of the sub-part through [`description_missing`]: a whole rule's check.
pub(super) fn all_descriptions<S: SubPart>(rule: &Rule, ctx: &Context<'_>, out: &mut Collector) {
    each_row::<S>(ctx, |b, r, row| description_missing(rule, out, b, r, row));
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
