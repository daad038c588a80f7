//! Text measurement for base-14 Helvetica / Helvetica-Bold, and the WinAnsi encoding they use.
//!
//! The base-14 fonts are not embedded, so a viewer lays their text out with Adobe's standard
//! metrics (PDF 32000-1 §9.6.2.2): measuring with exactly those widths makes right alignment exact
//! in every viewer. The tables below are Adobe's Core 14 AFM files (`Helvetica.afm`,
//! `Helvetica-Bold.afm`, as transcribed in pdfminer.six `pdfminer/fontmetrics.py`) re-indexed by
//! WinAnsi byte. The font programs printpdf ships (`BuiltinFont::get_subset_font`) were checked
//! and are NOT usable as the source: they are 2048-unit TrueType fonts with Arial metrics
//! (advances off by up to 0.5/1000 after rounding; ± µ ÷ differ from Helvetica), have no glyph
//! for the space, and give the euro 744 instead of 556;
//! a test compares the tables with them so a transcription error would show.
//! The HKEX reference is set in Liberation Sans, which is metric-compatible with Helvetica.

use super::frame::Font;

/// Helvetica's ascender, in em (AFM `Ascender 718`; same for Helvetica-Bold).
pub const ASCENDER_EM: f32 = 0.718;
/// Helvetica's descender, in em (AFM `Descender -207`; same for Helvetica-Bold).
pub const DESCENDER_EM: f32 = -0.207;
/// Helvetica's cap height, in em (AFM `CapHeight 718`; same for Helvetica-Bold).
pub const CAP_HEIGHT_EM: f32 = 0.718;

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

/// Width of one character in 1/1000 em. Characters WinAnsi cannot encode are measured as `?`,
/// which is what printpdf would print for them (the export refuses them first).
pub fn char_width_units(c: char, font: Font) -> f32 {
    let byte = win_ansi_byte(c).unwrap_or(b'?');
    let table = match font {
        Font::Regular => &HELVETICA_WIDTHS,
        Font::Bold => &HELVETICA_BOLD_WIDTHS,
    };
    table
        .get(usize::from(byte).wrapping_sub(0x20))
        .map_or(0.0, |&w| f32::from(w))
}

/// Width of `text` set in `font` at `size` points, in points (no kerning: PDF `Tj` applies none).
pub fn text_width(text: &str, font: Font, size: f32) -> f32 {
    let units: f32 = text.chars().map(|c| char_width_units(c, font)).sum();
    units * size / 1000.0
}

/// Word-wraps `text` into lines no wider than `max_width` points.
///
/// Breaks at spaces (runs of spaces inside a line are kept; spaces at a break are dropped);
/// `\n` forces a break; a word wider than the line is split between characters. Every line
/// holds at least one character, so a column narrower than one glyph still terminates. Empty
/// text gives one empty line, so a blank cell still has a line's height.
pub fn wrap(text: &str, font: Font, size: f32, max_width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        wrap_paragraph(
            paragraph.trim_end_matches('\r'),
            font,
            size,
            max_width,
            &mut lines,
        );
    }
    lines
}

fn wrap_paragraph(text: &str, font: Font, size: f32, max_width: f32, out: &mut Vec<String>) {
    let width = |s: &str| text_width(s, font, size);
    let mut line = String::new();
    let mut pushed_any = false;
    // Each segment is a word followed by the spaces after it.
    for segment in text.split_inclusive(' ') {
        let word = segment.trim_end_matches(' ');
        let candidate = format!("{line}{word}");
        if word.is_empty() || width(&candidate) <= max_width {
            line.push_str(segment);
            continue;
        }
        // The word does not fit after what is on the line: break before it.
        if !line.trim_end().is_empty() {
            out.push(line.trim_end().to_string());
            pushed_any = true;
            line.clear();
        } else {
            line.clear();
        }
        if width(word) <= max_width {
            line.push_str(segment);
            continue;
        }
        // An over-long word: fill whole lines with as many characters as fit.
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if width(&piece) > max_width && piece.chars().count() > 1 {
                piece.pop();
                out.push(std::mem::take(&mut piece));
                pushed_any = true;
                piece.push(c);
            }
        }
        line = piece;
        line.push_str(&segment[word.len()..]);
    }
    let last = line.trim_end();
    if !last.is_empty() || !pushed_any {
        out.push(last.to_string());
    }
}

/// Whether every character of `text` can be shown by the base-14 fonts (WinAnsi encoding).
pub fn is_encodable(text: &str) -> bool {
    first_unencodable(text).is_none()
}

/// The first character WinAnsi cannot encode, with its byte offset in `text`, so the export can
/// name it instead of printing `?` in its place.
pub fn first_unencodable(text: &str) -> Option<(usize, char)> {
    text.char_indices()
        .find(|&(_, c)| win_ansi_byte(c).is_none())
}

/// The WinAnsi (PDF 32000-1 Annex D.2, ~Windows-1252) byte for a printable character.
///
/// Control characters (tab, newline...) have no glyph and are not encodable. This is the same
/// table printpdf's writer uses (`serialize.rs`, `win_ansi_byte`), which is private there.
pub fn win_ansi_byte(c: char) -> Option<u8> {
    match u32::from(c) {
        cp @ (0x20..=0x7E | 0xA0..=0xFF) => u8::try_from(cp).ok(),
        _ => WIN_ANSI_HIGH
            .iter()
            .find(|&&(_, ch)| ch == c)
            .map(|&(byte, _)| byte),
    }
}

/// The character a WinAnsi byte stands for (`None` for control codes and unassigned bytes).
pub fn win_ansi_char(byte: u8) -> Option<char> {
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

    fn close(a: f32, b: f32) -> bool {
        (a - b).abs() < 1e-3
    }

    #[test]
    fn hello_in_helvetica_9pt_matches_the_afm() {
        // Adobe Helvetica AFM: H=722 e=556 l=222 l=222 o=556 → 2278/1000 × 9 = 20.502 pt.
        let expected = (722.0 + 556.0 + 222.0 + 222.0 + 556.0) / 1000.0 * 9.0;
        assert!(close(expected, 20.502));
        assert!(close(text_width("Hello", Font::Regular, 9.0), expected));
    }

    #[test]
    fn bold_widths_match_the_afm() {
        // Helvetica-Bold AFM: F=611 F=611 3=556 0=556 1=556 → 2890; space=278, W=944, i=278.
        assert!(close(text_width("FF301", Font::Bold, 10.0), 28.90));
        assert!(close(char_width_units(' ', Font::Bold), 278.0));
        assert!(close(char_width_units('W', Font::Bold), 944.0));
        assert!(close(char_width_units('i', Font::Bold), 278.0));
    }

    #[test]
    fn regular_widths_match_the_afm_across_the_range() {
        // Helvetica AFM: space 278, '-' 333, ',' 278, 'W' 944, 'm' 833, '€' 556, '•' 350,
        // '—' 1000, 'é' 556, '©' 737, NBSP 278.
        for (c, w) in [
            (' ', 278.0),
            ('-', 333.0),
            (',', 278.0),
            ('W', 944.0),
            ('m', 833.0),
            ('€', 556.0),
            ('•', 350.0),
            ('—', 1000.0),
            ('é', 556.0),
            ('©', 737.0),
            ('\u{A0}', 278.0),
        ] {
            assert!(close(char_width_units(c, Font::Regular), w), "{c:?}");
        }
    }

    #[test]
    fn every_win_ansi_char_has_a_width() {
        for font in [Font::Regular, Font::Bold] {
            for byte in 0x20..=0xFFu8 {
                let assigned = win_ansi_char(byte).is_some();
                let width = win_ansi_char(byte).map_or(0.0, |c| char_width_units(c, font));
                assert_eq!(assigned, width > 0.0, "{font:?} {byte:#x}");
            }
        }
    }

    /// Guards the transcribed tables: printpdf's own Helvetica programs (2048 units/em, Arial
    /// metrics) agree with them to rounding, except where they lack a glyph (space, NBSP), get
    /// the euro wrong, or where Arial differs from Helvetica (± µ ÷: AFM 584/556/584, Bold µ 611).
    #[test]
    fn afm_tables_agree_with_printpdf_font_programs() {
        for (builtin, font) in [
            (printpdf::BuiltinFont::Helvetica, Font::Regular),
            (printpdf::BuiltinFont::HelveticaBold, Font::Bold),
        ] {
            let bytes = builtin.get_subset_font().bytes;
            let face = ttf_parser::Face::parse(&bytes, 0).unwrap();
            let per_em = 1000.0 / f32::from(face.units_per_em());
            let mut compared = 0;
            for byte in 0x21..=0xFFu8 {
                let Some(c) = win_ansi_char(byte) else {
                    continue;
                };
                if matches!(c, '\u{A0}' | '€' | '±' | 'µ' | '÷') {
                    continue;
                }
                let Some(advance) = face.glyph_index(c).and_then(|g| face.glyph_hor_advance(g))
                else {
                    continue;
                };
                let from_font = f32::from(advance) * per_em;
                let afm = char_width_units(c, font);
                assert!(
                    (from_font - afm).abs() <= 1.0,
                    "{font:?} {c:?}: {from_font} vs {afm}"
                );
                compared += 1;
            }
            assert!(compared > 180, "{font:?}: only {compared} glyphs compared");
        }
    }

    #[test]
    fn wrap_keeps_every_line_within_the_width() {
        let text = "The total number of shares which may be issued or transferred out of treasury \
                    upon exercise of all share options to be granted under the scheme at close of the month";
        for max in [40.0, 60.0, 85.0, 150.0, 400.0] {
            let lines = wrap(text, Font::Regular, 7.0, max);
            assert!(!lines.is_empty());
            for line in &lines {
                assert!(
                    text_width(line, Font::Regular, 7.0) <= max,
                    "{line:?} > {max}"
                );
                assert_eq!(line.trim(), line);
            }
            // Nothing lost or reordered: the words come back in order.
            let joined = lines.join(" ");
            let words: Vec<_> = text.split_whitespace().collect();
            assert_eq!(joined.split_whitespace().collect::<Vec<_>>(), words);
        }
    }

    #[test]
    fn wrap_breaks_an_over_long_word() {
        let lines = wrap("AAAAAAAAAAAAAAAAAAAA", Font::Regular, 10.0, 30.0);
        // 'A' is 667 units → 6.67 pt at 10 pt: 4 fit in 30 pt.
        assert_eq!(lines, vec!["AAAA"; 5]);
    }

    #[test]
    fn wrap_honours_newlines_and_empty_text() {
        assert_eq!(wrap("", Font::Regular, 9.0, 100.0), vec![String::new()]);
        assert_eq!(
            wrap("a\nb c", Font::Regular, 9.0, 100.0),
            vec!["a".to_string(), "b c".to_string()]
        );
        assert_eq!(wrap("one two", Font::Regular, 9.0, 1000.0), vec!["one two"]);
        // A glyph wider than the column still makes progress, one character per line.
        assert_eq!(wrap("WW", Font::Bold, 10.0, 1.0), vec!["W", "W"]);
    }

    #[test]
    fn chinese_is_not_encodable() {
        assert!(is_encodable("Moon Inc. – café €1,000 “quoted”"));
        assert!(!is_encodable("金山雲"));
        assert_eq!(first_unencodable("Kingsoft 雲"), Some((9, '雲')));
        assert_eq!(first_unencodable("tab\there"), Some((3, '\t')));
        assert_eq!(first_unencodable("plain"), None);
    }

    #[test]
    fn win_ansi_round_trips() {
        for byte in 0x20..=0xFFu8 {
            if let Some(c) = win_ansi_char(byte) {
                assert_eq!(win_ansi_byte(c), Some(byte));
            }
        }
        assert_eq!(win_ansi_char(0x81), None);
    }
}
