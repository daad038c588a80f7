//! Test only: Adobe's Helvetica / Helvetica-Bold AFM widths (the Core 14 AFM files, as
//! transcribed in pdfminer.six `pdfminer/fontmetrics.py`, re-indexed by WinAnsi byte), which
//! the layout measured with before the fonts were embedded. Kept to prove that measuring with
//! Liberation Sans moves no text: [`with_afm`] makes [`super::char_width_units`] answer from
//! these tables on the current thread.

use std::cell::Cell;

use crate::pdf::frame::Font;

thread_local! {
    static ACTIVE: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` with the AFM widths in place of the fonts' on this thread.
pub(crate) fn with_afm<R>(f: impl FnOnce() -> R) -> R {
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            ACTIVE.with(|a| a.set(self.0));
        }
    }
    let _restore = Restore(ACTIVE.with(|a| a.replace(true)));
    f()
}

pub(super) fn width_if_active(c: char, font: Font) -> Option<f32> {
    ACTIVE.with(Cell::get).then(|| width(c, font))
}

/// The AFM width of `c` (characters WinAnsi cannot encode measure as `?`, as printpdf printed
/// them).
pub(crate) fn width(c: char, font: Font) -> f32 {
    let byte = win_ansi_byte(c).unwrap_or(b'?');
    let table = match font {
        Font::Regular => &HELVETICA_WIDTHS,
        Font::Bold => &HELVETICA_BOLD_WIDTHS,
    };
    table
        .get(usize::from(byte).wrapping_sub(0x20))
        .map_or(0.0, |&w| f32::from(w))
}

/// Helvetica advance widths (AFM `WX`; 0 = byte unassigned; NBSP = space, soft hyphen = hyphen,
/// euro = 556 as in Adobe's later AFMs, which the 1997 files predate) in 1/1000 em
/// for WinAnsi bytes 0x20..=0xFF (index = byte − 0x20).
const HELVETICA_WIDTHS: [u16; 224] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // 0x20
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0x30
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // 0x40
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // 0x50
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // 0x60
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 0, // 0x70
    556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, // 0x80
    0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667, // 0x90
    278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333, // 0xA0
    400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611, // 0xB0
    667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // 0xC0
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // 0xD0
    556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, // 0xE0
    556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500, // 0xF0
];
/// Helvetica-Bold advance widths, same layout and conventions.
const HELVETICA_BOLD_WIDTHS: [u16; 224] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, // 0x20
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, // 0x30
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, // 0x40
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, // 0x50
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, // 0x60
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 0, // 0x70
    556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, // 0x80
    0, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667, // 0x90
    278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333, // 0xA0
    400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611, // 0xB0
    722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // 0xC0
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // 0xD0
    556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, // 0xE0
    611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556, // 0xF0
];

/// The WinAnsi (PDF 32000-1 Annex D.2, ~Windows-1252) byte for a printable character.
///
/// Control characters (tab, newline...) have no glyph and are not encodable. This is the same
/// table printpdf's writer uses (`serialize.rs`, `win_ansi_byte`), which is private there.
pub(crate) fn win_ansi_byte(c: char) -> Option<u8> {
    match u32::from(c) {
        cp @ (0x20..=0x7E | 0xA0..=0xFF) => u8::try_from(cp).ok(),
        _ => WIN_ANSI_HIGH
            .iter()
            .find(|&&(_, ch)| ch == c)
            .map(|&(byte, _)| byte),
    }
}

/// The character a WinAnsi byte stands for (`None` for control codes and unassigned bytes).
pub(crate) fn win_ansi_char(byte: u8) -> Option<char> {
    match byte {
        0x20..=0x7E | 0xA0..=0xFF => Some(char::from(byte)),
        _ => WIN_ANSI_HIGH
            .iter()
            .find(|&&(b, _)| b == byte)
            .map(|&(_, c)| c),
    }
}

/// WinAnsi's 0x80..=0x9F, where it differs from Latin-1 (0x81, 0x8D, 0x8F, 0x90, 0x9D unused).
const WIN_ANSI_HIGH: [(u8, char); 27] = [
    (0x80, '\u{20AC}'), // € euro
    (0x82, '\u{201A}'), // ‚ single low-9 quote
    (0x83, '\u{0192}'), // ƒ florin
    (0x84, '\u{201E}'), // „ double low-9 quote
    (0x85, '\u{2026}'), // … ellipsis
    (0x86, '\u{2020}'), // † dagger
    (0x87, '\u{2021}'), // ‡ double dagger
    (0x88, '\u{02C6}'), // ˆ circumflex
    (0x89, '\u{2030}'), // ‰ per mille
    (0x8A, '\u{0160}'), // Š S caron
    (0x8B, '\u{2039}'), // ‹ single left angle quote
    (0x8C, '\u{0152}'), // Œ OE ligature
    (0x8E, '\u{017D}'), // Ž Z caron
    (0x91, '\u{2018}'), // ‘ left single quote
    (0x92, '\u{2019}'), // ’ right single quote
    (0x93, '\u{201C}'), // “ left double quote
    (0x94, '\u{201D}'), // ” right double quote
    (0x95, '\u{2022}'), // • bullet
    (0x96, '\u{2013}'), // – en dash
    (0x97, '\u{2014}'), // — em dash
    (0x98, '\u{02DC}'), // ˜ small tilde
    (0x99, '\u{2122}'), // ™ trademark
    (0x9A, '\u{0161}'), // š s caron
    (0x9B, '\u{203A}'), // › single right angle quote
    (0x9C, '\u{0153}'), // œ oe ligature
    (0x9E, '\u{017E}'), // ž z caron
    (0x9F, '\u{0178}'), // Ÿ Y diaeresis
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::frame::Item;
    use crate::pdf::{LayoutOptions, Page, layout};
    use crate::{calc, io, rules};

    fn pages(name: &str) -> Vec<Page> {
        let path = format!("{}/templates/examples/{name}", env!("CARGO_MANIFEST_DIR"));
        let ret = io::load(std::path::Path::new(&path)).unwrap();
        let derived = calc::derive(&ret);
        let findings = rules::check(&ret, &derived, None);
        let opts = LayoutOptions {
            error_count: rules::count(&findings, rules::Severity::Error),
        };
        layout(&ret, &derived, &opts).unwrap()
    }

    fn words(page: &Page) -> Vec<String> {
        page.texts()
            .flat_map(|t| t.text.split_whitespace())
            .map(str::to_string)
            .collect()
    }

    /// Measuring with Liberation Sans instead of Helvetica's AFM moves nothing but one line
    /// break: the three examples lay out into the same pages with the same runs, every run
    /// within 0.05 pt of where it was, every rule and box exactly where it was. The exception
    /// is the notes page (the last) of each example, where note 5's first line ("… Where the
    /// issuer has already made") was within a hair of the column width: Liberation's widths
    /// (Arial's, 2048 units per em) are a few thousandths of a point wider and "made" moves to
    /// the next line — where the HKEX reference puts it. The words of that page are unchanged.
    #[test]
    fn the_examples_lay_out_as_with_helvetica_metrics() {
        let mut runs = 0;
        let mut worst = 0.0_f32;
        let mut rewrapped = Vec::new();
        for name in [
            "kingsoft-cloud-2024-10.ron",
            "h-and-a-shares-2025-03.ron",
            "convertible-and-placing-2025-06.ron",
        ] {
            let fonts = pages(name);
            let afm = with_afm(|| pages(name));
            assert_eq!(fonts.len(), afm.len(), "{name}: pages");
            for (p, (a, b)) in fonts.iter().zip(&afm).enumerate() {
                let same_texts = a.items.len() == b.items.len()
                    && a.texts().zip(b.texts()).all(|(s, t)| s.text == t.text);
                if !same_texts {
                    assert_eq!(words(a), words(b), "{name} page {}", p + 1);
                    assert_eq!(p + 1, fonts.len(), "{name}: only the notes page rewraps");
                    rewrapped.push((name, p + 1));
                    continue;
                }
                for (x, y) in a.items.iter().zip(&b.items) {
                    match (x, y) {
                        (Item::Text(s), Item::Text(t)) => {
                            assert_eq!((s.font, s.size, s.baseline), (t.font, t.size, t.baseline));
                            let moved = (s.x - t.x).abs().max((s.right() - t.right()).abs());
                            assert!(
                                moved < 0.05,
                                "{name} page {}: {:?} moved {moved}",
                                p + 1,
                                s.text
                            );
                            worst = worst.max(moved);
                            runs += 1;
                        }
                        _ => assert_eq!(x, y, "{name} page {}", p + 1),
                    }
                }
            }
        }
        assert!(runs > 800, "{runs} runs compared");
        eprintln!("{runs} runs compared, largest move {worst:.4} pt, rewrapped {rewrapped:?}");
    }
}
