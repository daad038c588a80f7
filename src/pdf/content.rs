//! A page frame → the bytes of its PDF content stream, written directly.
//!
//! printpdf's own path (one `Op` per operator, translated to lopdf operations, then encoded)
//! allocated several objects per text run and was three quarters of the export time of a
//! 200-page return. The stream is plain PDF syntax (ISO 32000-1 §8–9), so it is written here;
//! the document around it (pages, fonts, metadata) is still printpdf's, in `emit`.
//!
//! Text is positioned absolutely: every run gets its own `BT … Tm … Tj … ET`, because `Td` is
//! relative and would accumulate. Coordinates are written with at most three decimals
//! (1/1000 pt), so the same frame always gives the same bytes.

use super::frame::{Font, Item, Line, Page, Shape, Text};
use super::metrics;

/// Graphics state already set in the stream, so that repeated `Tf` and `w` operators are left
/// out (a 200-page return has ~100 000 runs and cells). Text state persists across `BT`/`ET`;
/// `q`/`Q` restore it.
#[derive(Default)]
struct State {
    font: Option<(Font, f32)>,
    line_width: Option<f32>,
}

/// The content stream of `page`, with `font_name` giving each font's resource name (`/F5`).
/// Text must already be WinAnsi-encodable (checked by `emit`); a character that is not is
/// written as `?` rather than panicking.
pub fn page_stream(page: &Page, font_name: impl Fn(Font) -> &'static str) -> Vec<u8> {
    let mut out = Vec::with_capacity(page.items.len() * 48);
    let mut state = State::default();
    let h = page.height_pt;
    for item in &page.items {
        match item {
            Item::Text(t) => text(&mut out, t, h, &mut state, &font_name),
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
    font_name: &impl Fn(Font) -> &'static str,
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
    if state.font != Some((t.font, t.size)) {
        out.push(b'/');
        out.extend_from_slice(font_name(t.font).as_bytes());
        out.push(b' ');
        number(out, t.size);
        out.extend_from_slice(b" Tf\n");
        state.font = Some((t.font, t.size));
    }
    out.extend_from_slice(b"1 0 0 1 ");
    numbers(out, &[t.x, page_height - t.baseline]);
    out.extend_from_slice(b" Tm\n");
    // Word spacing is text state and would persist: set it around this run only.
    let justified = t.word_spacing != 0.0;
    if justified {
        number(out, t.word_spacing);
        out.extend_from_slice(b" Tw\n");
    }
    literal(out, &t.text);
    out.extend_from_slice(b" Tj\n");
    if justified {
        out.extend_from_slice(b"0 Tw\n");
    }
    out.extend_from_slice(b"ET\n");
    if t.grey.is_some() {
        out.extend_from_slice(b"Q\n");
        // `Q` brings back the font that was current before the `q`.
        state.font = before;
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

/// A literal string in WinAnsi bytes, with `(`, `)` and `\` escaped.
fn literal(out: &mut Vec<u8>, text: &str) {
    out.push(b'(');
    for c in text.chars() {
        let byte = metrics::win_ansi_byte(c).unwrap_or(b'?');
        if matches!(byte, b'(' | b')' | b'\\') {
            out.push(b'\\');
        }
        out.push(byte);
    }
    out.push(b')');
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

    #[test]
    fn text_is_escaped_and_win_ansi_encoded() {
        let mut out = Vec::new();
        literal(&mut out, r"a(b)c\ é€");
        assert_eq!(out, b"(a\\(b\\)c\\\\ \xE9\x80)".to_vec());
    }

    fn stream(page: &Page) -> String {
        let bytes = page_stream(page, |f| match f {
            Font::Regular => "F5",
            Font::Bold => "F6",
        });
        String::from_utf8_lossy(&bytes).into_owned()
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
        assert!(s.contains(&format!("1 0 0 1 10 {} Tm\n(one) Tj", written(h - 100.0))));
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
