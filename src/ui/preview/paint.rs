//! Painting one laid-out page ([`crate::pdf::Page`]) with egui: the same items, in the same
//! order, at the same positions as `pdf::emit` writes them, scaled to the screen.
//!
//! Text is set in Liberation Sans (see [`super::fonts`]) with its left end at the layout's `x`
//! and its baseline on the layout's baseline. egui kerns and the PDF does not (`Tj`), so a run
//! whose egui width differs from the layout's measure by more than a fraction of a pixel is set
//! glyph by glyph at the layout's advances: right-aligned numbers end where the PDF's end.

use egui::{Color32, Painter, Pos2, Stroke, StrokeKind, pos2, vec2};

use super::fonts;
use crate::pdf::{Font, Item, Line, Page, Shape, Text};

/// Where a page is drawn: its top-left corner on screen and UI points per PDF point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    pub origin: Pos2,
    pub scale: f32,
}

impl Placement {
    /// The screen position of the page point (`x`, `y`), y measured down from the page top.
    pub fn at(&self, x: f32, y: f32) -> Pos2 {
        self.origin + vec2(x, y) * self.scale
    }

    /// The page's rectangle on screen.
    pub fn page_rect(&self, page: &Page) -> egui::Rect {
        egui::Rect::from_min_max(self.origin, self.at(page.width_pt, page.height_pt))
    }
}

/// How far (UI points) egui's width of a run may stray from the layout's before the run is set
/// glyph by glyph.
const WIDTH_TOLERANCE: f32 = 0.25;

/// A PDF grey level (DeviceGray, 0 black ..= 1 white) as an egui colour.
pub fn grey(level: f32) -> Color32 {
    Color32::from_gray((level.clamp(0.0, 1.0) * 255.0).round() as u8)
}

/// Paints every item of `page` (not the paper: the caller fills it) in drawing order.
pub fn paint_page(painter: &Painter, page: &Page, at: Placement) {
    // Thin rules stay visible when zoomed out: at least one physical pixel.
    let hairline = 1.0 / painter.pixels_per_point();
    for item in &page.items {
        match item {
            Item::Rect(shape) => paint_shape(painter, shape, at, hairline),
            Item::Line(line) => paint_line(painter, line, at, hairline),
            Item::Text(text) => paint_text(painter, text, at),
        }
    }
}

fn stroke(width_pt: f32, at: Placement, hairline: f32) -> Stroke {
    Stroke::new((width_pt * at.scale).max(hairline), Color32::BLACK)
}

fn paint_shape(painter: &Painter, shape: &Shape, at: Placement, hairline: f32) {
    let r = shape.rect;
    let rect = egui::Rect::from_min_max(at.at(r.left(), r.top()), at.at(r.right(), r.bottom()));
    if let Some(level) = shape.fill_grey {
        painter.rect_filled(rect, 0.0, grey(level));
    }
    if let Some(width) = shape.stroke_width {
        painter.rect_stroke(rect, 0.0, stroke(width, at, hairline), StrokeKind::Middle);
    }
}

fn paint_line(painter: &Painter, line: &Line, at: Placement, hairline: f32) {
    painter.line_segment(
        [at.at(line.x1, line.y1), at.at(line.x2, line.y2)],
        stroke(line.width, at, hairline),
    );
}

/// The pieces a run is drawn in, each with its left end in page points: the whole run, or its
/// words when the line is justified (`word_spacing` widens every space, as PDF `Tw` does).
fn segments(text: &Text) -> Vec<(f32, &str)> {
    if text.word_spacing == 0.0 {
        return vec![(text.x, text.text.as_str())];
    }
    let space = width(" ", text.font, text.size) + text.word_spacing;
    let mut x = text.x;
    let mut out = Vec::new();
    for (i, word) in text.text.split(' ').enumerate() {
        if i > 0 {
            x += space;
        }
        if !word.is_empty() {
            out.push((x, word));
        }
        x += width(word, text.font, text.size);
    }
    out
}

fn paint_text(painter: &Painter, text: &Text, at: Placement) {
    let colour = text.grey.map_or(Color32::BLACK, grey);
    let size = text.size * at.scale;
    if size <= 0.0 {
        return;
    }
    let baseline = at.origin.y + text.baseline * at.scale;
    for (x, piece) in segments(text) {
        let left = at.origin.x + x * at.scale;
        let galley =
            painter.layout_no_wrap(piece.to_string(), fonts::font_id(text.font, size), colour);
        let wanted = width(piece, text.font, text.size) * at.scale;
        if (advance(&galley) - wanted).abs() <= WIDTH_TOLERANCE || piece.chars().count() < 2 {
            draw_on_baseline(painter, galley, left, baseline, colour);
            continue;
        }
        // Kerned (or otherwise off): each glyph at the layout's own advance.
        let mut x = left;
        for c in piece.chars() {
            let glyph =
                painter.layout_no_wrap(c.to_string(), fonts::font_id(text.font, size), colour);
            draw_on_baseline(painter, glyph, x, baseline, colour);
            x += width(c.encode_utf8(&mut [0; 4]), text.font, text.size) * at.scale;
        }
    }
}

/// The layout's width of `text` (page points): the measure the layout aligned it with.
fn width(text: &str, font: Font, size: f32) -> f32 {
    Text {
        font,
        size,
        text: text.to_string(),
        ..Text::default()
    }
    .width()
}

/// egui's advance of a one-line galley (its last glyph's right end), in UI points.
fn advance(galley: &egui::Galley) -> f32 {
    galley
        .rows
        .first()
        .and_then(|row| {
            row.glyphs
                .last()
                .map(|g| row.pos.x + g.pos.x + g.advance_width)
        })
        .unwrap_or(0.0)
}

/// Draws `galley` with its left end at `left` and its baseline at `baseline`.
fn draw_on_baseline(
    painter: &Painter,
    galley: std::sync::Arc<egui::Galley>,
    left: f32,
    baseline: f32,
    colour: Color32,
) {
    let ascent = galley
        .rows
        .first()
        .map(|row| row.pos.y + row.glyphs.first().map_or(row.size.y * 0.8, |g| g.pos.y))
        .unwrap_or(0.0);
    painter.galley(pos2(left, baseline - ascent), galley, colour);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn justified_words_end_at_the_justified_right_edge() {
        let mut page = Page::a4_landscape();
        page.text_justified(100.0, 300.0, 50.0, Font::Regular, 9.0, "one two three");
        let Some(Item::Text(t)) = page.items.first() else {
            panic!("a text run");
        };
        let segs = segments(t);
        assert_eq!(segs.len(), 3);
        let (x, last) = segs[2];
        let right = x + width(last, Font::Regular, 9.0);
        assert!((right - 300.0).abs() < 1e-3, "{right}");
    }

    #[test]
    fn grey_levels_map_to_srgb_greys() {
        assert_eq!(grey(0.0), Color32::BLACK);
        assert_eq!(grey(1.0), Color32::WHITE);
        assert_eq!(grey(0.5), Color32::from_gray(128));
    }
}
