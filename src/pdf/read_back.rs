//! Reading an exported PDF back as text, page by page, with printpdf's own parser.
//!
//! Used by tests (ours and the layout's) to check that labels land on the right pages; it also
//! lets the app verify an export without a PDF viewer.

use printpdf::{PdfDocument, PdfParseOptions};

/// The text runs of each page, in drawing order. Each run drawn by `emit` (one `BT … ET`) comes
/// back as one string.
pub fn page_texts(pdf: &[u8]) -> Result<Vec<Vec<String>>, ReadBackError> {
    let doc = PdfDocument::parse(pdf, &PdfParseOptions::default(), &mut Vec::new())
        .map_err(ReadBackError)?;
    Ok(doc.extract_text())
}

/// The PDF could not be parsed (the message is the parser's).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("cannot read the PDF back: {0}")]
pub struct ReadBackError(pub String);
