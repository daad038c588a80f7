//! A page frame → the bytes of its PDF content stream, written directly.
//!
//! printpdf's own path (one `Op` per operator, translated to lopdf operations, then encoded)
//! allocated several objects per text run and was three quarters of the export time of a
//! 200-page return. The stream is plain PDF syntax (ISO 32000-1 §8–9), so it is written here;
//! the document around it is built in `emit` (pages and metadata by printpdf, the embedded
//! fonts by `emit::fonts`).
//!
//! Text is positioned absolutely: every run gets its own `BT … Tm … Tj … ET`, because `Td` is
//! relative and would accumulate. Text is shown as two-byte glyph ids of the embedded subsets
//! (`Identity-H`), and a run whose characters come from several faces (a tick, Chinese) changes
//! font inside its `BT … ET`. Coordinates are written with at most three decimals (1/1000 pt),
//! so the same frame always gives the same bytes.

use super::fonts::FaceId;
use super::frame::{Font, Item, Line, Page, Shape, Text};

/// Where the stream finds each character's glyph: the face that prints it and the glyph's id in
/// that face's embedded subset, and the face's resource name (`F1`).
pub trait GlyphSource {
    fn glyph(&self, c: char, font: Font) -> Option<(FaceId, u16)>;
    fn resource(&self, face: FaceId) -> &'static str;
}

/// Graphics state already set in the stream, so that repeated `Tf` and `w` operators are left
/// out (a 200-page return has ~100 000 runs and cells). Text state persists across `BT`/`ET`;
/// `q`/`Q` restore it.
#[derive(Default)]
struct State {
    font: Option<(FaceId, f32)>,
    line_width: Option<f32>,
}

/// The content stream of `page`, its glyphs and font names from `glyphs`. Every character must
/// have a glyph (checked by `emit`); one that has none is left out rather than panicking.
pub fn page_stream(page: &Page, glyphs: &impl GlyphSource) -> Vec<u8> {
    let mut out = Vec::with_capacity(page.items.len() * 48);
    let mut state = State::default();
    let h = page.height_pt;
    for item in &page.items {
        match item {
            Item::Text(t) => text(&mut out, t, h, &mut state, glyphs),
            Item::Line(l) => line(&mut out, l, h, &mut state),
            Item::Rect(s) => rect(&mut out, s, h, &mut state),
        }
    }
    out
}

fn text(
    out: &mut Vec<u8>,
    t: &Text,
    page_height: f32,
    state: &mut State,
    glyphs: &impl GlyphSource,
) {
    if t.text.is_empty() {
        return;
    }
    let before = state.font;
    // A grey run is scoped to its own graphics state so the text after it stays black.
    if let Some(level) = t.grey {
        out.extend_from_slice(b"q ");
        number(out, level.clamp(0.0, 1.0));
        out.extend_from_slice(b" g\n");
    }
    out.extend_from_slice(b"BT\n");
    let mut positioned = false;
    // Word spacing (`Tw`) applies to the one-byte code 32 only, never to two-byte glyph ids:
    // a justified run puts the extra space after each space glyph in a `TJ` array instead.
    let spacing =
        (t.word_spacing != 0.0 && t.size != 0.0).then(|| -t.word_spacing * 1000.0 / t.size);
    let close: &[u8] = if spacing.is_some() {
        b">] TJ\n"
    } else {
        b"> Tj\n"
    };
    // The face of the string being written, if one is open.
    let mut open: Option<FaceId> = None;
    for c in t.text.chars() {
        let Some((face, id)) = glyphs.glyph(c, t.font) else {
            continue;
        };
        if open != Some(face) {
            if open.is_some() {
                out.extend_from_slice(close);
            }
            if state.font != Some((face, t.size)) {
                out.push(b'/');
                out.extend_from_slice(glyphs.resource(face).as_bytes());
                out.push(b' ');
                number(out, t.size);
                out.extend_from_slice(b" Tf\n");
                state.font = Some((face, t.size));
            }
            if !positioned {
                out.extend_from_slice(b"1 0 0 1 ");
                numbers(out, &[t.x, page_height - t.baseline]);
                out.extend_from_slice(b" Tm\n");
                positioned = true;
            }
            out.extend_from_slice(if spacing.is_some() { b"[<" } else { b"<" });
            open = Some(face);
        }
        hex(out, id);
        if let Some(adjust) = spacing
            && c == ' '
        {
            out.extend_from_slice(b"> ");
            number(out, adjust);
            out.extend_from_slice(b" <");
        }
    }
    if open.is_some() {
        out.extend_from_slice(close);
    }
    out.extend_from_slice(b"ET\n");
    if t.grey.is_some() {
        out.extend_from_slice(b"Q\n");
        // `Q` brings back the font that was current before the `q`.
        state.font = before;
    }
}

/// A two-byte glyph id as four hex digits (inside a `<…>` string).
fn hex(out: &mut Vec<u8>, id: u16) {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    for shift in [12, 8, 4, 0] {
        out.push(DIGITS[usize::from((id >> shift) & 0xF)]);
    }
}

fn set_line_width(out: &mut Vec<u8>, width: f32, state: &mut State) {
    if state.line_width != Some(width) {
        number(out, width);
        out.extend_from_slice(b" w\n");
        state.line_width = Some(width);
    }
}

fn line(out: &mut Vec<u8>, l: &Line, page_height: f32, state: &mut State) {
    set_line_width(out, l.width, state);
    numbers(out, &[l.x1, page_height - l.y1]);
    out.extend_from_slice(b" m ");
    numbers(out, &[l.x2, page_height - l.y2]);
    out.extend_from_slice(b" l S\n");
}

fn rect(out: &mut Vec<u8>, s: &Shape, page_height: f32, state: &mut State) {
    let paint: &[u8] = match (s.fill_grey, s.stroke_width) {
        (None, None) => return,
        (None, Some(_)) => b" re S\n",
        (Some(_), None) => b" re f\n",
        (Some(_), Some(_)) => b" re B\n",
    };
    let r = s.rect;
    let bottom = page_height - r.y - r.height;
    let Some(level) = s.fill_grey else {
        // A plain cell border: black stroke, no state to scope.
        if let Some(width) = s.stroke_width {
            set_line_width(out, width, state);
        }
        numbers(out, &[r.x, bottom, r.width, r.height]);
        out.extend_from_slice(paint);
        return;
    };
    // The fill colour is scoped to this rectangle so text after it stays black; a line width
    // set inside is undone by `Q` too.
    out.extend_from_slice(b"q ");
    number(out, level.clamp(0.0, 1.0));
    out.extend_from_slice(b" g\n");
    if let Some(width) = s.stroke_width {
        number(out, width);
        out.extend_from_slice(b" w\n");
    }
    numbers(out, &[r.x, bottom, r.width, r.height]);
    out.extend_from_slice(paint);
    out.extend_from_slice(b"Q\n");
}

fn numbers(out: &mut Vec<u8>, values: &[f32]) {
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.push(b' ');
        }
        number(out, *v);
    }
}

/// A PDF real with at most three decimals and no trailing zeros (`12.5`, `-0.25`, `841.89`).
/// Non-finite values are refused before this point; they would be written as `0`.
fn number(out: &mut Vec<u8>, value: f32) {
    let thousandths = (f64::from(value) * 1000.0).round();
    if !thousandths.is_finite() || thousandths.abs() >= 1e15 {
        out.push(b'0');
        return;
    }
    // In range by the check above: |thousandths| < 1e15 fits an i64 exactly.
    let scaled = thousandths as i64;
    if scaled < 0 {
        out.push(b'-');
    }
    let magnitude = scaled.unsigned_abs();
    let (whole, mut frac) = (magnitude / 1000, magnitude % 1000);
    out.extend_from_slice(whole.to_string().as_bytes());
    if frac != 0 {
        out.push(b'.');
        let mut digits = 3;
        while frac % 10 == 0 {
            frac /= 10;
            digits -= 1;
        }
        let s = frac.to_string();
        out.extend(std::iter::repeat_n(b'0', digits - s.len()));
        out.extend_from_slice(s.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::frame::Rect;

    fn written(value: f32) -> String {
        let mut out = Vec::new();
        number(&mut out, value);
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn numbers_are_short_and_exact_to_a_thousandth() {
        assert_eq!(written(0.0), "0");
        assert_eq!(written(9.0), "9");
        assert_eq!(written(841.89), "841.89");
        assert_eq!(written(-0.25), "-0.25");
        assert_eq!(written(0.05), "0.05");
        assert_eq!(written(12.3456), "12.346");
        assert_eq!(written(-0.0004), "0");
        assert_eq!(written(f32::NAN), "0");
    }

    /// Glyph id = the character's code; ✔ comes from the symbols face.
    struct Codes;

    impl GlyphSource for Codes {
        fn glyph(&self, c: char, font: Font) -> Option<(FaceId, u16)> {
            let face = match (c, font) {
                ('\t', _) => return None,
                ('✔', _) => FaceId::Symbols,
                (_, Font::Regular) => FaceId::Regular,
                (_, Font::Bold) => FaceId::Bold,
            };
            Some((face, u16::try_from(u32::from(c)).unwrap_or(0)))
        }

        fn resource(&self, face: FaceId) -> &'static str {
            match face {
                FaceId::Regular => "F5",
                FaceId::Bold => "F6",
                _ => "F7",
            }
        }
    }

    fn stream(page: &Page) -> String {
        String::from_utf8_lossy(&page_stream(page, &Codes)).into_owned()
    }

    #[test]
    fn text_is_written_as_two_byte_glyph_ids() {
        let mut page = Page::a4_landscape();
        page.text(10.0, 100.0, Font::Regular, 9.0, "a(b)\t");
        let s = stream(&page);
        assert!(s.contains("<0061002800620029> Tj\n"), "{s}");
    }

    #[test]
    fn a_run_changes_face_where_a_fallback_glyph_starts() {
        let mut page = Page::a4_landscape();
        page.text(10.0, 100.0, Font::Regular, 9.0, "a✔b");
        let s = stream(&page);
        assert!(
            s.contains("/F5 9 Tf\n1 0 0 1 10 495.28 Tm\n<0061> Tj\n/F7 9 Tf\n<2714> Tj\n/F5 9 Tf\n<0062> Tj\nET"),
            "{s}"
        );
        assert_eq!(s.matches("BT\n").count(), 1);
    }

    #[test]
    fn justified_runs_space_words_with_tj_adjustments() {
        let mut page = Page::a4_landscape();
        page.text_justified(10.0, 200.0, 100.0, Font::Bold, 10.0, "a b c");
        let s = stream(&page);
        let t = page.texts().next().map_or(0.0, |t| t.word_spacing);
        assert!(t > 0.0);
        let adjust = written(-t * 100.0);
        assert!(
            s.contains(&format!(
                "[<00610020> {adjust} <00620020> {adjust} <0063>] TJ\n"
            )),
            "{s}"
        );
        assert!(!s.contains("Tw"), "{s}");
    }

    #[test]
    fn runs_are_placed_absolutely_and_font_changes_only_when_needed() {
        let mut page = Page::a4_landscape();
        page.text(10.0, 100.0, Font::Regular, 9.0, "one");
        page.text(20.0, 110.0, Font::Regular, 9.0, "two");
        page.text(30.0, 120.0, Font::Bold, 9.0, "three");
        let s = stream(&page);
        let h = page.height_pt;
        assert_eq!(s.matches(" Tf").count(), 2, "{s}");
        assert!(s.contains("/F5 9 Tf"));
        assert!(s.contains("/F6 9 Tf"));
        assert!(s.contains(&format!(
            "1 0 0 1 10 {} Tm\n<006F006E0065> Tj",
            written(h - 100.0)
        )));
        assert_eq!(s.matches("BT\n").count(), 3);
        assert_eq!(s.matches("ET\n").count(), 3);
    }

    #[test]
    fn grey_runs_and_filled_cells_are_scoped_and_restore_the_font() {
        let mut page = Page::a4_landscape();
        page.text(10.0, 100.0, Font::Regular, 9.0, "before");
        page.grey_text(20.0, 200.0, Font::Bold, 40.0, 0.6, "DRAFT");
        page.text(10.0, 300.0, Font::Regular, 9.0, "after");
        page.fill_rect(Rect::from_edges(0.0, 0.0, 10.0, 10.0), 0.85, Some(0.5));
        page.stroke_rect(Rect::from_edges(0.0, 20.0, 10.0, 30.0), 0.5);
        page.line(0.0, 40.0, 10.0, 40.0, 0.5);
        let s = stream(&page);
        assert!(s.contains("q 0.6 g\nBT\n/F6 40 Tf"), "{s}");
        // After `Q` the regular font is current again: no second `/F5 9 Tf`.
        assert_eq!(s.matches("/F5 9 Tf").count(), 1, "{s}");
        assert!(s.contains("q 0.85 g\n0.5 w\n"), "{s}");
        assert!(s.contains(" re B\nQ\n"));
        assert!(s.contains(" re S\n"));
        assert!(s.contains(" l S\n"));
    }
}
