//! Text measurement with the widths of the embedded fonts themselves.
//!
//! Every character is measured with the advance of the glyph the PDF will print it with
//! ([`fonts::resolve`]: Liberation Sans Regular/Bold, else a fallback face), read from the font
//! with ttf-parser and written unrounded into the PDF's `W` arrays, so right alignment is exact
//! in every viewer. Liberation Sans is metric-compatible with Helvetica: its advances are
//! Helvetica's AFM widths to within 0.5/1000 em (it has 2048 units per em), and a test lays
//! out the examples with both and finds every run where it was ([`afm`], test only).

#[cfg(test)]
pub(crate) mod afm;

use super::fonts;
use super::frame::Font;

/// Helvetica's ascender, in em (AFM `Ascender 718`; same for Helvetica-Bold). Layout tests use
/// it for the ink box of a run; Liberation Sans's cap height is 0.716.
pub const ASCENDER_EM: f32 = 0.718;
/// Helvetica's descender, in em (AFM `Descender -207`; same for Helvetica-Bold).
pub const DESCENDER_EM: f32 = -0.207;
/// Helvetica's cap height, in em (AFM `CapHeight 718`; same for Helvetica-Bold).
pub const CAP_HEIGHT_EM: f32 = 0.718;

/// Width of one character in 1/1000 em, from the font that prints it. A character no font has
/// measures 0 (the export refuses it first).
pub fn char_width_units(c: char, font: Font) -> f32 {
    #[cfg(test)]
    if let Some(width) = afm::width_if_active(c, font) {
        return width;
    }
    fonts::resolve(c, font).map_or(0.0, |g| g.advance)
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

/// Whether every character of `text` has a glyph in the PDF's fonts (Liberation Sans or a
/// fallback, see [`fonts::resolve`]).
pub fn is_encodable(text: &str) -> bool {
    first_unencodable(text).is_none()
}

/// The first character no font of the PDF can show, with its byte offset in `text`, so the
/// export can name it instead of printing a blank box in its place.
pub fn first_unencodable(text: &str) -> Option<(usize, char)> {
    text.char_indices()
        .find(|&(_, c)| fonts::resolve(c, Font::Regular).is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f32, b: f32) -> bool {
        (a - b).abs() < 1e-3
    }

    #[test]
    fn widths_come_from_liberation_sans() {
        // Liberation Sans Regular: H 1479, e 1139, l 455, o 1139 of 2048 units.
        let units = (1479.0 + 1139.0 + 455.0 + 455.0 + 1139.0) * 1000.0 / 2048.0;
        assert!(close(
            text_width("Hello", Font::Regular, 9.0),
            units * 9.0 / 1000.0
        ));
        // Bold F 1251, 3 0 1 1139 each.
        let units = (2.0 * 1251.0 + 3.0 * 1139.0) * 1000.0 / 2048.0;
        assert!(close(
            text_width("FF301", Font::Bold, 10.0),
            units * 10.0 / 1000.0
        ));
    }

    /// Where Liberation Sans follows Arial rather than Helvetica (macron 552 vs 333, ± and ÷
    /// 549 vs 584, µ 576 vs 556/611, middle dot 333 vs 278). No text of the form uses them;
    /// they are measured as printed, with the embedded font's widths.
    const ARIAL_NOT_HELVETICA: [char; 5] = ['¯', '±', 'µ', '·', '÷'];

    /// Liberation Sans is metric-compatible with Helvetica: every WinAnsi character but five
    /// measures Helvetica's AFM width to within half a thousandth of an em, in both faces.
    #[test]
    fn liberation_widths_are_helveticas_to_half_a_unit() {
        for font in [Font::Regular, Font::Bold] {
            let mut compared = 0;
            for byte in 0x20..=0xFFu8 {
                let Some(c) = afm::win_ansi_char(byte) else {
                    continue;
                };
                let from_font = fonts::resolve(c, font).map(|g| g.advance);
                let from_afm = afm::width(c, font);
                let Some(from_font) = from_font else {
                    panic!("{font:?} {c:?}: no glyph");
                };
                let same = (from_font - from_afm).abs() <= 0.5;
                assert_eq!(
                    same,
                    !ARIAL_NOT_HELVETICA.contains(&c),
                    "{font:?} {c:?}: {from_font} vs AFM {from_afm}"
                );
                compared += 1;
            }
            assert_eq!(compared, 218, "{font:?}");
        }
    }

    #[test]
    fn characters_beyond_win_ansi_measure_with_their_fallback_font() {
        // “ ” are Liberation's own (Helvetica's 333); ✔ is DejaVu Sans's; ． is Noto Sans CJK's
        // (one em).
        for c in ['“', '”'] {
            assert!(
                (char_width_units(c, Font::Regular) - 333.0).abs() <= 0.5,
                "{c}"
            );
        }
        let tick = fonts::symbols().glyph('✔').map_or(0.0, |g| g.1);
        assert!(tick > 0.0 && close(char_width_units('✔', Font::Regular), tick));
        assert!(close(char_width_units('．', Font::Bold), 1000.0));
        assert!(close(text_width("．", Font::Regular, 9.0), 9.0));
        assert_eq!(char_width_units('\t', Font::Regular), 0.0);
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
        // 'A' is 1366/2048 em → 6.67 pt at 10 pt: 4 fit in 30 pt.
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
    fn what_the_fonts_lack_is_not_encodable() {
        assert!(is_encodable("Moon Inc. – café €1,000 “quoted” ✔ ．"));
        assert!(!is_encodable("😀"));
        assert_eq!(first_unencodable("tab\there"), Some((3, '\t')));
        assert_eq!(first_unencodable("plain"), None);
        fonts::with_cjk_font(None, || {
            assert_eq!(first_unencodable("Kingsoft 雲"), Some((9, '雲')));
        });
    }
}
