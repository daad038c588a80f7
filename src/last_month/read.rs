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

/// Whether `path` starts like a PDF (`%PDF-`), whatever its name says.
pub fn is_pdf(path: &Path) -> bool {
    use std::io::Read as _;
    let mut head = [0u8; 5];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| &head == b"%PDF-")
}

/// Reads the draft or published PDF at `path`; the error says what was wrong and where.
pub fn read_return(path: &Path) -> Result<ReadReturn, String> {
    if is_pdf(path) {
        return Err(format!(
            "{}: reading published PDFs is not available in this build",
            path.display()
        ));
    }
    let ret = crate::io::load(path).map_err(|e| e.to_string())?;
    Ok(ReadReturn {
        ret,
        kind: LinkKind::Draft,
        notes: Vec::new(),
    })
}
