//! TXT: text typed into a number or date field that is not a value. The editor keeps it
//! exactly as typed (in the return, so it is saved) and the field counts as blank; until it is
//! corrected it is an error like any other, so the findings panel, the page counts, `check` and
//! the PDF's DRAFT mark all see it.

use super::{Collector, Context, Rule, Severity};
use crate::model::RowIndex;
use crate::model::path::FieldPath;
use crate::parse::ParseError;

pub(super) const TXT_001: Rule = Rule {
    id: super::TXT_001,
    severity: Severity::Error,
    title: "Typed text is not a number or date",
    explanation: "What was typed into this field is not a value the field takes: a number with \
        its thousands separators between groups of three digits (1,234,567), small enough for \
        the field, or a date (06 November 2024). The text is kept as typed so nothing is lost, \
        and the field counts as blank in every total until it is corrected.",
    check: txt_001,
};

/// What is wrong with `text` in the field at `path`, in the words the field itself uses (the
/// same reading as the editor: a date field reads dates, every other kept text a number).
fn why(path: &FieldPath, text: &str) -> String {
    let shape = path.shape();
    let last = shape.rsplit('/').next().unwrap_or_default();
    let error = if last.contains("date") || last == "month_end" {
        crate::parse::parse_date(text).err()
    } else {
        crate::parse::parse_count(text).err()
    };
    let reason = error.unwrap_or(ParseError::NotANumber).describe(text);
    format!("{reason} — counted as blank until corrected")
}

/// One finding per kept text whose field still exists, at the field's current path.
fn txt_001(ctx: &Context<'_>, out: &mut Collector) {
    if ctx.ret.unparsed.is_empty() {
        return;
    }
    let rows = RowIndex::new(ctx.ret);
    for (key, text) in &ctx.ret.unparsed {
        if let Some(path) = rows.path_of(key) {
            TXT_001.emit(out, why(&path, text), path);
        }
    }
}
