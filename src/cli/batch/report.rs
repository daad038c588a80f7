//! The batch report: one line per return in the order given, then a total; as text for people
//! or as JSON lines (one object per line, the same fields) for other tools.

use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

use super::{Job, Outcome, Summary};
use crate::calendar::DueDate;
use crate::format;

/// What one line says of its return, for both formats.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Status {
    Ok,
    Errors,
    Unreadable,
    NotWritten,
}

impl Status {
    fn of(outcome: &Outcome) -> Status {
        match outcome {
            Outcome::Unreadable(_) => Status::Unreadable,
            Outcome::Read {
                export: Some(Err(_)),
                ..
            } => Status::NotWritten,
            Outcome::Read { summary, .. } if summary.errors > 0 => Status::Errors,
            Outcome::Read { .. } => Status::Ok,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Errors => "errors",
            Status::Unreadable => "unreadable",
            Status::NotWritten => "not_written",
        }
    }
}

/// The sums of the total line.
#[derive(Default)]
struct Totals {
    returns: usize,
    ok: usize,
    with_errors: usize,
    unreadable: usize,
    not_written: usize,
    written: usize,
    errors: usize,
    warnings: usize,
}

impl Totals {
    fn of(outcomes: &[Outcome]) -> Totals {
        let mut t = Totals::default();
        for o in outcomes {
            t.returns += 1;
            match Status::of(o) {
                Status::Ok => t.ok += 1,
                Status::Errors => t.with_errors += 1,
                Status::Unreadable => t.unreadable += 1,
                Status::NotWritten => t.not_written += 1,
            }
            if let Outcome::Read { summary, export } = o {
                t.errors += summary.errors;
                t.warnings += summary.warnings;
                t.written += usize::from(matches!(export, Some(Ok(_))));
            }
        }
        t
    }
}

/// Whole days from `today` to the due day (negative once past), when the due date is known.
fn days_left(due: Option<&DueDate>, today: NaiveDate) -> Option<i64> {
    due?.date().map(|d| (d - today).num_days())
}

fn file(path: &Path) -> String {
    path.display().to_string()
}

/// `a.ron: Issuer, month ended 31 October 2024: 0 errors, 1 warning; due 07 Nov 2024 08:30
/// HKT, 6 days left` (and, for `export`, what was written), one per return, then the total.
pub(super) fn text(jobs: &[Job], outcomes: &[Outcome], today: NaiveDate, export: bool) -> String {
    let mut text = String::new();
    for (job, outcome) in jobs.iter().zip(outcomes) {
        text.push_str(&file(&job.file));
        text.push_str(": ");
        match outcome {
            Outcome::Unreadable(reason) => {
                text.push_str("unreadable: ");
                text.push_str(reason);
            }
            Outcome::Read { summary, export } => {
                text.push_str(&text_line(summary, today));
                match export {
                    Some(Ok(path)) if summary.errors > 0 => {
                        text.push_str(&format!("; wrote {} as a DRAFT", path.display()));
                    }
                    Some(Ok(path)) => text.push_str(&format!("; wrote {}", path.display())),
                    Some(Err(reason)) => text.push_str(&format!("; not written: {reason}")),
                    None => {}
                }
            }
        }
        text.push('\n');
    }
    let t = Totals::of(outcomes);
    text.push_str(&format!(
        "Total: {}: {} ok, {} with errors, {} unreadable",
        format::counted(t.returns, "return"),
        t.ok,
        t.with_errors,
        t.unreadable
    ));
    if export {
        text.push_str(&format!(", {} not written", t.not_written));
    }
    text.push_str(&format!(
        "; {}, {}",
        format::counted(t.errors, "error"),
        format::counted(t.warnings, "warning")
    ));
    if export {
        text.push_str(&format!("; {}", format::counted(t.written, "PDF")));
        text.push_str(" written");
    }
    text.push('\n');
    text
}

/// The part of a text line after the file name, before what was written.
fn text_line(s: &Summary, today: NaiveDate) -> String {
    let issuer = if s.issuer.is_empty() {
        "(no issuer name)"
    } else {
        &s.issuer
    };
    let month = s.month_end.map_or("no month end".to_string(), |d| {
        format!("month ended {}", format::date(d))
    });
    let due = match &s.due {
        None => "due date unknown until the month end is filled in".to_string(),
        Some(due @ DueDate::Unchecked { .. }) => format!("due date {due}"),
        Some(due) => {
            let days = match days_left(Some(due), today) {
                Some(0) => "due today".to_string(),
                Some(n) if n > 0 => {
                    format!("{} left", format::counted(n.unsigned_abs() as usize, "day"))
                }
                Some(n) => format!(
                    "{} overdue",
                    format::counted(n.unsigned_abs() as usize, "day")
                ),
                None => String::new(),
            };
            format!("due {}, {days}", due.short())
        }
    };
    format!(
        "{issuer}, {month}: {}, {}; {due}",
        format::counted(s.errors, "error"),
        format::counted(s.warnings, "warning")
    )
}

/// One JSON line: the fields of a text line, `null` where it has none.
#[derive(Serialize)]
struct JsonLine<'a> {
    file: String,
    issuer: Option<&'a str>,
    month_end: Option<String>,
    errors: Option<usize>,
    warnings: Option<usize>,
    due: Option<String>,
    days_left: Option<i64>,
    status: &'static str,
    error: Option<&'a str>,
    /// `export` only (`null` when nothing was written); absent for `check`.
    #[serde(skip_serializing_if = "Option::is_none")]
    output: Option<Option<String>>,
}

/// The last JSON line's object, under `"total"`.
#[derive(Serialize)]
struct JsonTotal {
    returns: usize,
    ok: usize,
    with_errors: usize,
    unreadable: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    not_written: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    written: Option<usize>,
    errors: usize,
    warnings: usize,
}

/// One JSON object per line per return (`file`, `issuer`, `month_end`, `errors`, `warnings`,
/// `due`, `days_left`, `status`, `error`, and `output` for `export`), then `{"total": …}`.
pub(super) fn json(jobs: &[Job], outcomes: &[Outcome], today: NaiveDate, export: bool) -> String {
    let mut text = String::new();
    for (job, outcome) in jobs.iter().zip(outcomes) {
        let summary = match outcome {
            Outcome::Read { summary, .. } => Some(summary),
            Outcome::Unreadable(_) => None,
        };
        let due = summary.and_then(|s| s.due.as_ref());
        let (error, output) = match outcome {
            Outcome::Unreadable(reason) => (Some(reason.as_str()), None),
            Outcome::Read {
                export: Some(Err(reason)),
                ..
            } => (Some(reason.as_str()), None),
            Outcome::Read {
                export: Some(Ok(path)),
                ..
            } => (None, Some(file(path))),
            Outcome::Read { export: None, .. } => (None, None),
        };
        let line = JsonLine {
            file: file(&job.file),
            issuer: summary.map(|s| s.issuer.as_str()),
            month_end: summary.and_then(|s| s.month_end).map(|d| d.to_string()),
            errors: summary.map(|s| s.errors),
            warnings: summary.map(|s| s.warnings),
            due: due.and_then(DueDate::deadline_hkt).map(|d| d.to_rfc3339()),
            days_left: days_left(due, today),
            status: Status::of(outcome).name(),
            error,
            output: export.then_some(output),
        };
        // Plain strings and numbers: serialising cannot fail.
        text.push_str(&serde_json::to_string(&line).unwrap_or_default());
        text.push('\n');
    }
    let t = Totals::of(outcomes);
    let total = JsonTotal {
        returns: t.returns,
        ok: t.ok,
        with_errors: t.with_errors,
        unreadable: t.unreadable,
        not_written: export.then_some(t.not_written),
        written: export.then_some(t.written),
        errors: t.errors,
        warnings: t.warnings,
    };
    let mut wrapped = std::collections::BTreeMap::new();
    wrapped.insert("total", total);
    text.push_str(&serde_json::to_string(&wrapped).unwrap_or_default());
    text.push('\n');
    text
}
