//! Reading a return to link or roll forward from: a draft, or a published FF301 PDF.

use std::path::Path;

use crate::model::{LinkKind, MonthlyReturn};

/// A return read from a file, with what it was and what to review.
#[derive(Debug, Clone)]
pub struct ReadReturn {
    pub ret: MonthlyReturn,
    pub kind: LinkKind,
    /// What could not be read for certain (an imported PDF's issues, by page and field).
    pub notes: Vec<String>,
}

/// Whether the file at `path` starts like a PDF (`%PDF-` in its first kilobyte), whatever its
/// name says; an unreadable file is not one (reading it as a draft then says why).
pub fn is_pdf(path: &Path) -> bool {
    use std::io::Read as _;
    let mut head = [0u8; 1024];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    crate::import::is_pdf(head.get(..n).unwrap_or(&[]))
}

/// Whether `path` is to be read as a PDF: it starts like one, or its name says it is one (so a
/// damaged or mislabelled `.pdf` is reported as a PDF that cannot be read, not as a draft).
pub fn looks_like_pdf(path: &Path) -> bool {
    is_pdf(path)
        || path
            .extension()
            .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case("pdf"))
}

/// Reads the draft or published PDF at `path`; the error says what was wrong and where.
pub fn read_return(path: &Path) -> Result<ReadReturn, String> {
    if looks_like_pdf(path) {
        let imported = crate::import::import_file(path)
            .map_err(|e| format!("cannot import {}: {e}", path.display()))?;
        let notes = imported.issues.iter().map(ToString::to_string).collect();
        return Ok(ReadReturn {
            ret: imported.ret,
            kind: LinkKind::PublishedPdf,
            notes,
        });
    }
    let ret = crate::io::load(path).map_err(|e| e.to_string())?;
    Ok(ReadReturn {
        ret,
        kind: LinkKind::Draft,
        notes: Vec::new(),
    })
}
