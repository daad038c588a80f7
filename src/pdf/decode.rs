//! Decoding the strings of a PDF content stream into text: through each font's `ToUnicode`
//! CMap (our exports write one for every embedded subset; a Type0 font reads two-byte codes, a
//! simple font one-byte codes), or as WinAnsi bytes for a simple font without one. Shared by
//! [`super::read_back`] (tests, export checks) and [`crate::import`] (reading a filed return).

use std::collections::BTreeMap;
use std::rc::Rc;

use lopdf::{Document, Object, ObjectId};

/// How a font's string bytes become text.
#[derive(Clone)]
pub(crate) enum Decoder {
    WinAnsi,
    /// Two-byte codes (a Type0 font) through a ToUnicode map (shared: decoders are cloned at
    /// every font change and `q`).
    Cmap(Rc<BTreeMap<u16, String>>),
    /// One-byte codes (a simple font) through a ToUnicode map, WinAnsi for codes it lacks.
    SimpleCmap(Rc<BTreeMap<u16, String>>),
}

impl Decoder {
    pub(crate) fn decode(&self, bytes: &[u8], out: &mut String) {
        match self {
            Decoder::WinAnsi => out.extend(bytes.iter().map(|&b| win_ansi(b))),
            Decoder::Cmap(map) => {
                for pair in bytes.chunks(2) {
                    let hi = pair.first().copied().unwrap_or(0);
                    let code = u16::from_be_bytes([hi, pair.get(1).copied().unwrap_or(0)]);
                    match map.get(&code) {
                        Some(s) => out.push_str(s),
                        None => out.push('\u{FFFD}'),
                    }
                }
            }
            Decoder::SimpleCmap(map) => {
                for &b in bytes {
                    match map.get(&u16::from(b)) {
                        Some(s) => out.push_str(s),
                        None => out.push(win_ansi(b)),
                    }
                }
            }
        }
    }
}

/// How the strings of `font` decode; ToUnicode maps are parsed once per document (`cache`).
pub(crate) fn font_decoder(
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
    let two_byte = font
        .get(b"Subtype")
        .and_then(Object::as_name)
        .is_ok_and(|n| n == b"Type0");
    let map: Rc<BTreeMap<u16, String>> = doc
        .get_object(id)
        .and_then(Object::as_stream)
        .ok()
        .and_then(|s| s.decompressed_content().ok())
        .map(|bytes| Rc::new(parse_bfchar(&String::from_utf8_lossy(&bytes))))
        .unwrap_or_default();
    let d = if two_byte {
        Decoder::Cmap(map)
    } else {
        Decoder::SimpleCmap(map)
    };
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
        Decoder::Cmap(Rc::new(map)).decode(&[0, 1, 0, 2, 0, 0x11, 0, 9], &mut out);
        assert_eq!(out, "A😀b\u{FFFD}");
        let mut out = String::new();
        Decoder::WinAnsi.decode(b"Caf\xE9 \x93x\x94 \x80", &mut out);
        assert_eq!(out, "Café “x” €");
        let mut out = String::new();
        let map = parse_bfchar("1 beginbfchar\n<41> <263A>\nendbfchar\n");
        Decoder::SimpleCmap(Rc::new(map)).decode(b"AB", &mut out);
        assert_eq!(out, "☺B", "one-byte codes, WinAnsi for those the map lacks");
    }
}
