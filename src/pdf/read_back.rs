//! Reading an exported PDF back as text, page by page, with lopdf.
//!
//! Used by tests (ours and the layout's) to check that labels land on the right pages; it also
//! lets the app verify an export without a PDF viewer. Strings are decoded through each font's
//! `ToUnicode` CMap (the export writes one for every embedded subset), or as WinAnsi bytes for
//! a simple font without one.

use std::collections::BTreeMap;

use lopdf::{Document, Object, ObjectId};

use super::decode::{Decoder, font_decoder};

/// The text runs of each page, in drawing order. Each run drawn by `emit` (one `BT … ET`) comes
/// back as one string, whatever fonts it switches between.
pub fn page_texts(pdf: &[u8]) -> Result<Vec<Vec<String>>, ReadBackError> {
    let doc = Document::load_mem(pdf).map_err(|e| ReadBackError(e.to_string()))?;
    let mut cmaps: BTreeMap<ObjectId, Decoder> = BTreeMap::new();
    let mut pages = Vec::new();
    for (_, page) in doc.get_pages() {
        let fonts = doc
            .get_page_fonts(page)
            .map_err(|e| ReadBackError(e.to_string()))?;
        let content = doc
            .get_and_decode_page_content(page)
            .map_err(|e| ReadBackError(e.to_string()))?;
        let mut runs = Vec::new();
        let mut run: Option<String> = None;
        let mut decoder = Decoder::WinAnsi;
        for op in &content.operations {
            match op.operator.as_str() {
                "BT" => run = Some(String::new()),
                "ET" => runs.extend(run.take()),
                "Tf" => {
                    let name = op.operands.first().and_then(|o| o.as_name().ok());
                    decoder = name
                        .and_then(|n| fonts.get(n))
                        .map_or(Decoder::WinAnsi, |dict| {
                            font_decoder(&doc, dict, &mut cmaps)
                        });
                }
                "Tj" | "'" | "\"" | "TJ" => {
                    let Some(text) = run.as_mut() else { continue };
                    for operand in &op.operands {
                        match operand {
                            Object::String(bytes, _) => decoder.decode(bytes, text),
                            Object::Array(items) => {
                                for item in items {
                                    if let Object::String(bytes, _) = item {
                                        decoder.decode(bytes, text);
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
        pages.push(runs);
    }
    Ok(pages)
}

/// The PDF could not be parsed (the message is the parser's).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("cannot read the PDF back: {0}")]
pub struct ReadBackError(pub String);
