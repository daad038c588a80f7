//! Importing a published FF301 PDF back into a draft: the PDF filed with HKEX (their forms
//! output) or one this program exported. Plain Rust, no GUI.
//!
//! The text of each page is read with its positions ([`text`]), the page furniture set apart
//! ([`doc`]), and each part of the form found by its labels and read by the column edges of the
//! template ([`header`], [`classes`], [`part1`], [`part2`], [`part3`], [`part4`], [`part5`]).
//! Only inputs are taken from the page; the figures the form derives are recomputed with
//! [`crate::calc::derive`] and compared with what was printed ([`verify`]). Whatever cannot be
//! read, or disagrees, is an [`ImportIssue`] naming the page and the field: nothing is guessed
//! silently.

mod classes;
mod doc;
mod header;
mod part1;
mod part2;
mod part3;
mod part4;
mod part5;
mod reader;
pub mod text;
mod verify;

use std::io::Read;
use std::path::Path;

use crate::model::path::FieldPath;
use crate::model::{MonthlyReturn, TemplateVersion};

/// Larger files are refused before they are read.
pub const MAX_PDF_BYTES: u64 = 50 * 1024 * 1024;

/// A return read from a PDF, with what needs a look.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub ret: MonthlyReturn,
    pub issues: Vec<ImportIssue>,
    pub template: TemplateVersion,
    pub producer: Producer,
    pub pages: usize,
}

/// Who made the PDF, from its `Producer` / `Creator` metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Producer {
    /// HKEX's e-submission system (Adobe Experience Manager forms output).
    Hkex,
    /// The export of this program.
    ThisProgram,
    /// Anything else (a re-saved or printed-to-PDF copy).
    Other,
}

impl Producer {
    pub fn label(self) -> &'static str {
        match self {
            Producer::Hkex => "HKEX",
            Producer::ThisProgram => "monthly-return",
            Producer::Other => "another program",
        }
    }
}

/// Something on the PDF that could not be read, or disagrees with the arithmetic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportIssue {
    /// 1-based page the field is printed on.
    pub page: usize,
    /// The field in the form's words (`Part II › class block 1 › …`).
    pub field: String,
    pub path: Option<FieldPath>,
    pub message: String,
}

impl std::fmt::Display for ImportIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "page {}: {}: {}", self.page, self.field, self.message)
    }
}

/// Why nothing could be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(
        "the file is {size} bytes; a published FF301 return is far smaller (at most {max} bytes are read)"
    )]
    TooLarge { size: u64, max: u64 },
    #[error(
        "the PDF has {pages} page(s) but its footer says \"{printed}\": pages are missing (a download cut short, or only some pages saved?); get the whole return"
    )]
    MissingPages { pages: usize, printed: String },
    #[error("not a PDF: a PDF starts with %PDF-, this file starts with {found:?}")]
    NotPdf { found: String },
    #[error(
        "the PDF is encrypted (password-protected); save an unprotected copy of the published return and import that"
    )]
    Encrypted,
    #[error("the PDF is damaged and cannot be read: {0}")]
    Damaged(String),
    #[error(
        "the PDF has no text to read (a scanned or image-only copy?); import the PDF as published, not a scan"
    )]
    NoText,
    #[error(
        "not an FF301 monthly return: expected the title \"Monthly Return for Equity Issuer…\" and \"FF301\" on page 1, found {found:?}"
    )]
    NotFf301 { found: String },
    #[error(
        "unknown FF301 template version: expected \"v 1.1.0\" or \"v 1.2.0\" in the page footer, found {found:?}"
    )]
    UnknownTemplate { found: String },
    #[error("cannot read {path}: {error}")]
    Io {
        path: String,
        #[source]
        error: std::io::Error,
    },
}

/// Reads a published return from the bytes of its PDF.
pub fn import_pdf(bytes: &[u8]) -> Result<Imported, ImportError> {
    if bytes.len() as u64 > MAX_PDF_BYTES {
        return Err(ImportError::TooLarge {
            size: bytes.len() as u64,
            max: MAX_PDF_BYTES,
        });
    }
    reader::read(bytes)
}

/// Reads a published return from a PDF file; a file over [`MAX_PDF_BYTES`] is refused from its
/// size before anything is read.
pub fn import_file(path: &Path) -> Result<Imported, ImportError> {
    let io = |error| ImportError::Io {
        path: path.display().to_string(),
        error,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > MAX_PDF_BYTES {
        return Err(ImportError::TooLarge {
            size,
            max: MAX_PDF_BYTES,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // Read at most one byte past the limit: a file that grew after `metadata` is still refused.
    file.take(MAX_PDF_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    import_pdf(&bytes)
}

/// Whether `bytes` look like a PDF (`%PDF-` within the first 1024 bytes, as readers allow).
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.windows(5).take(1024).any(|w| w == b"%PDF-")
}
