//! The commands that read a return as a draft or as a published PDF: `roll-forward`,
//! `import` and `diff` (and `check --previous`, through [`load_return`]).

use std::io::Write;
use std::path::Path;

use super::{Exit, fail, load, may_write, out, save};
use crate::calc;
use crate::calendar;
use crate::format;
use crate::last_month;
use crate::model::{LinkKind, MonthlyReturn};
use crate::rollforward;
use crate::rules::{self, Severity};

pub(super) fn roll_forward(input: &Path, output: &Path, force: bool) -> Exit {
    let (ret, kind, issues) = match load_return(input) {
        Ok(r) => r,
        Err(e) => return e,
    };
    if let Err(e) = may_write(output, Some(input), force) {
        return e;
    }
    let derived = calc::derive(&ret);
    let next = match rollforward::roll_forward_from(&ret, &derived) {
        Ok(n) => n,
        Err(e) => {
            fail(format!("cannot roll {} forward: {e}", input.display()));
            return Exit::Findings;
        }
    };
    let mut next = next;
    if let Some(link) = next.last_month.as_mut() {
        link.source = last_month::source(
            match kind {
                LinkKind::PublishedPdf => LinkKind::PublishedPdf,
                _ => LinkKind::RolledForward,
            },
            input,
        );
    }
    if let Err(e) = save(output, &next) {
        return e;
    }
    let mut text = format!(
        "Wrote {}: month ended {}",
        output.display(),
        next.header.month_end.map_or(String::new(), format::date)
    );
    // The due date is all that is needed of next month's figures.
    if let Some(due) = next.header.month_end.map(calendar::due_date) {
        text.push_str(&format!(", due {due}"));
    }
    text.push_str(&format!(
        ".\nBalances brought forward from {}.\n",
        input.display()
    ));
    // Only the number of errors is needed: count them without storing any finding.
    let errors = rules::check_capped(&ret, &derived, None, 0).count(Severity::Error);
    if errors > 0 {
        text.push_str(&format!(
            "Note: {} has {errors} error{}; the figures brought forward come from it as it is.\n",
            input.display(),
            if errors == 1 { "" } else { "s" }
        ));
    }
    out(text);
    if issues > 0 { Exit::Findings } else { Exit::Ok }
}

/// A draft, or a published PDF imported (its issues printed): the return, what it was, and
/// how many import issues there were.
pub(super) fn load_return(path: &Path) -> Result<(MonthlyReturn, LinkKind, usize), Exit> {
    if last_month::looks_like_pdf(path) {
        let imported = import_pdf_file(path)?;
        let n = imported.issues.len();
        Ok((imported.ret, LinkKind::PublishedPdf, n))
    } else {
        load(path).map(|r| (r, LinkKind::Draft, 0))
    }
}

/// Imports `path`, printing its issues (stderr) and a summary; `BadInput` when nothing could
/// be read.
fn import_pdf_file(path: &Path) -> Result<crate::import::Imported, Exit> {
    let imported = crate::import::import_file(path).map_err(|e| {
        fail(format!("cannot import {}: {e}", path.display()));
        Exit::BadInput
    })?;
    let mut text = String::new();
    for issue in &imported.issues {
        text.push_str(&format!("{}: {issue}\n", path.display()));
    }
    if !text.is_empty() {
        let mut stderr = std::io::stderr().lock();
        let _ = stderr.write_all(text.as_bytes());
    }
    Ok(imported)
}

pub(super) fn import(input: &Path, output: &Path, force: bool) -> Exit {
    if let Err(e) = may_write(output, Some(input), force) {
        return e;
    }
    let imported = match import_pdf_file(input) {
        Ok(i) => i,
        Err(e) => return e,
    };
    if let Err(e) = save(output, &imported.ret) {
        return e;
    }
    let n = imported.issues.len();
    out(format!(
        "Wrote {}: {} return of {} pages ({} PDF){}.\n",
        output.display(),
        imported.template.label(),
        imported.pages,
        imported.producer.label(),
        if n == 0 {
            String::new()
        } else {
            format!(
                "; {n} issue{} to review (listed above)",
                if n == 1 { "" } else { "s" }
            )
        }
    ));
    if n > 0 { Exit::Findings } else { Exit::Ok }
}

pub(super) fn diff(last_path: &Path, this_path: &Path) -> Exit {
    let (last, kind, _) = match load_return(last_path) {
        Ok(r) => r,
        Err(e) => return e,
    };
    let (this, _, _) = match load_return(this_path) {
        Ok(r) => r,
        Err(e) => return e,
    };
    let snapshot = last_month::capture(
        &last,
        &calc::derive(&last),
        last_month::source(kind, last_path),
    );
    let comparison = last_month::compare(&snapshot, &this, &calc::derive(&this));
    out(comparison.to_text());
    if comparison.disagreements() > 0 {
        Exit::Findings
    } else {
        Exit::Ok
    }
}
