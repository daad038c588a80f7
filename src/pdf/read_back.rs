//! Reading an exported PDF back as text, page by page, with lopdf.
//!
//! Used by tests (ours and the layout's) to check that labels land on the right pages; it also
//! lets the app verify an export without a PDF viewer. Strings are decoded through each font's
//! `ToUnicode` CMap (the export writes one for every embedded subset), or as WinAnsi bytes for
//! a simple font without one.

use std::collections::BTreeMap;

use lopdf::{Document, Object, ObjectId};

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

/// How a font's string bytes become text.
#[derive(Clone)]
enum Decoder {
    WinAnsi,
    /// Two-byte codes through a ToUnicode map.
    Cmap(BTreeMap<u16, String>),
}

impl Decoder {
    fn decode(&self, bytes: &[u8], out: &mut String) {
        match self {
            Decoder::WinAnsi => out.extend(bytes.iter().map(|&b| win_ansi(b))),
            Decoder::Cmap(map) => {
                for pair in bytes.chunks(2) {
                    let code = u16::from_be_bytes([pair[0], pair.get(1).copied().unwrap_or(0)]);
                    match map.get(&code) {
                        Some(s) => out.push_str(s),
                        None => out.push('\u{FFFD}'),
                    }
                }
            }
        }
    }
}

fn font_decoder(
    doc: &Document,
    font: &lopdf::Dictionary,
    cache: &mut BTreeMap<ObjectId, Decoder>,
) -> Decoder {
    let Ok(id) = font.get(b"ToUnicode").and_then(Object::as_reference) else {
        return Decoder::WinAnsi;
    };
    if let Some(d) = cache.get(&id) {
        return d.clone();
    }
    let map = doc
        .get_object(id)
        .and_then(Object::as_stream)
        .ok()
        .and_then(|s| s.decompressed_content().ok())
        .map(|bytes| parse_bfchar(&String::from_utf8_lossy(&bytes)))
        .unwrap_or_default();
    let d = Decoder::Cmap(map);
    cache.insert(id, d.clone());
    d
}

/// The `bfchar` and `bfrange` entries of a ToUnicode CMap (the forms `<code> <utf16>` and
/// `<lo> <hi> <utf16>`; the array form of `bfrange` is not used by our writer).
fn parse_bfchar(cmap: &str) -> BTreeMap<u16, String> {
    let mut map = BTreeMap::new();
    let mut section = "";
    for line in cmap.lines() {
        let line = line.trim();
        if line.ends_with("beginbfchar") {
            section = "char";
            continue;
        }
        if line.ends_with("beginbfrange") {
            section = "range";
            continue;
        }
        if line.starts_with("end") {
            section = "";
            continue;
        }
        let hexes: Vec<&str> = line
            .split(['<', '>'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        let code = |s: &str| u16::from_str_radix(s, 16).ok();
        match (section, hexes.as_slice()) {
            ("char", [from, to]) => {
                if let Some(c) = code(from) {
                    map.insert(c, utf16_hex(to));
                }
            }
            ("range", [lo, hi, to]) => {
                let (Some(lo), Some(hi)) = (code(lo), code(hi)) else {
                    continue;
                };
                let start = utf16_hex(to);
                let Some(first) = start.chars().next() else {
                    continue;
                };
                for (i, c) in (lo..=hi).enumerate() {
                    let ch = char::from_u32(u32::from(first) + i as u32).unwrap_or('\u{FFFD}');
                    map.insert(c, ch.to_string());
                }
            }
            _ => {}
        }
    }
    map
}

fn utf16_hex(hex: &str) -> String {
    let units: Vec<u16> = hex
        .as_bytes()
        .chunks(4)
        .filter_map(|c| u16::from_str_radix(std::str::from_utf8(c).ok()?, 16).ok())
        .collect();
    String::from_utf16_lossy(&units)
}

/// WinAnsi byte → character (PDF 32000-1 Annex D.2), for simple fonts.
fn win_ansi(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{FFFD}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{FFFD}', 'Ž',
        '\u{FFFD}', '\u{FFFD}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ',
        '\u{FFFD}', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// The PDF could not be parsed (the message is the parser's).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("cannot read the PDF back: {0}")]
pub struct ReadBackError(pub String);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cmaps_decode_chars_ranges_and_surrogates() {
        let map = parse_bfchar(
            "2 beginbfchar\n<0001> <0041>\n<0002> <D83DDE00>\nendbfchar\n\
             1 beginbfrange\n<0010> <0012> <0061>\nendbfrange\n",
        );
        let mut out = String::new();
        Decoder::Cmap(map).decode(&[0, 1, 0, 2, 0, 0x11, 0, 9], &mut out);
        assert_eq!(out, "A😀b\u{FFFD}");
        let mut out = String::new();
        Decoder::WinAnsi.decode(b"Caf\xE9 \x93x\x94 \x80", &mut out);
        assert_eq!(out, "Café “x” €");
    }
}
