//! The PDF export: plain page frames, the fonts (embedded Liberation Sans, fallbacks, a CJK font
//! of the machine) and their metrics, the FF301 layout, the printpdf writer and a reader for
//! tests. [`layout::layout`] turns a return into [`Page`]s, [`emit`] turns
//! pages into bytes, [`export`] does both with the rules' error count for the draft mark.

mod content;
pub(crate) mod decode;
pub mod emit;
pub mod fonts;
pub mod frame;
pub mod layout;
pub mod metrics;
pub mod read_back;

use std::path::Path;

pub use emit::{DocMeta, EmitError, emit};
pub use frame::{Font, Item, Line, Page, Rect, Shape, Text};
pub use layout::{LayoutError, LayoutOptions, layout};
pub use read_back::{ReadBackError, page_texts};

use crate::calc::Derived;
use crate::model::MonthlyReturn;
use crate::rules::{self, Finding, Severity};

/// Why a return could not be exported.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Layout(#[from] LayoutError),
    #[error(transparent)]
    Emit(#[from] EmitError),
    #[error("cannot write {path}: {error}")]
    Write {
        path: String,
        error: crate::io::WriteError,
    },
}

/// Metadata of an exported return: title, author (the issuer) and subject (FF301 and the
/// month). The creation date comes from the return — the date submitted, else the month end,
/// at 00:00 UTC; the epoch only when both are blank — never from the clock, so the same return
/// always gives the same bytes.
fn meta(ret: &MonthlyReturn) -> DocMeta {
    let h = &ret.header;
    let month = h
        .month_end
        .map(|d| d.format("%B %Y").to_string())
        .unwrap_or_default();
    let issuer = h.issuer_name.trim();
    let date = h
        .date_submitted
        .or(h.month_end)
        .map_or(chrono::DateTime::UNIX_EPOCH, |d| {
            d.and_time(chrono::NaiveTime::MIN).and_utc()
        });
    // Metadata strings are not limited to WinAnsi, but keep them printable everywhere.
    let safe = |s: &str| {
        s.chars()
            .filter(|c| !c.is_control())
            .collect::<String>()
            .trim()
            .to_string()
    };
    let join = |parts: &[&str], sep: &str| {
        parts
            .iter()
            .map(|p| safe(p))
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(sep)
    };
    DocMeta {
        title: join(&["FF301 Monthly Return", issuer, &month], " "),
        author: safe(issuer),
        subject: join(&["FF301 Monthly Return for Equity Issuer", &month], ", "),
        date,
        ..DocMeta::default()
    }
}

/// Lays out and writes the PDF of `ret` from the figures and findings the caller already has
/// (`calc::derive` and `rules::check` of this same return; the errors among the findings set the
/// draft mark). Deterministic: the same return gives byte-identical output.
pub fn export(
    ret: &MonthlyReturn,
    derived: &Derived,
    findings: &[Finding],
) -> Result<Vec<u8>, ExportError> {
    let pages = export_pages(ret, derived, findings)?;
    Ok(emit(&pages, &meta(ret))?)
}

/// The pages [`export`] writes, from the same figures and findings (the errors among them set
/// the draft mark): the print preview paints exactly these.
pub fn export_pages(
    ret: &MonthlyReturn,
    derived: &Derived,
    findings: &[Finding],
) -> Result<Vec<Page>, LayoutError> {
    let opts = LayoutOptions {
        error_count: rules::count(findings, Severity::Error),
    };
    layout(ret, derived, &opts)
}

/// Exports to `path` atomically: written to a temporary file in the same directory, then
/// renamed over the target, so a failed export never leaves a half-written PDF.
pub fn export_to_file(
    ret: &MonthlyReturn,
    derived: &Derived,
    findings: &[Finding],
    path: &Path,
) -> Result<(), ExportError> {
    let bytes = export(ret, derived, findings)?;
    crate::io::write_atomic(path, &bytes).map_err(|error| ExportError::Write {
        path: path.display().to_string(),
        error,
    })?;
    Ok(())
}
