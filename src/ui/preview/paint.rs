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
        let galley = layout(painter, piece.to_string(), text.font, size, colour);
        let wanted = width(piece, text.font, text.size) * at.scale;
        if (advance(&galley) - wanted).abs() <= WIDTH_TOLERANCE || piece.chars().count() < 2 {
            draw_on_baseline(painter, galley, left, baseline, colour);
            continue;
        }
        // Kerned (or otherwise off): each glyph at the layout's own advance.
        let mut x = left;
        for c in piece.chars() {
            let glyph = layout(painter, c.to_string(), text.font, size, colour);
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

/// One line of `text`, its width left unrounded (glyphs are snapped to pixels when drawn, but
/// the advance is exact: that is what is compared with the layout's).
fn layout(
    painter: &Painter,
    text: String,
    font: Font,
    size: f32,
    colour: Color32,
) -> std::sync::Arc<egui::Galley> {
    let mut job =
        egui::text::LayoutJob::simple_singleline(text, fonts::font_id(font, size), colour);
    job.round_output_to_gui = false;
    painter.layout_job(job)
}

/// egui's exact advance of a one-line galley, in UI points.
fn advance(galley: &egui::Galley) -> f32 {
    galley.intrinsic_size().x
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

    /// Every glyph the preview paints of the Kingsoft example, (char, left end, baseline).
    fn painted_glyphs(pages: &[Page]) -> Vec<(char, f32, f32)> {
        let ctx = egui::Context::default();
        fonts::install(&ctx);
        let mut out = Vec::new();
        for page in pages {
            let mut full = ctx.run_ui(egui::RawInput::default(), |ui| {
                let at = Placement {
                    origin: Pos2::ZERO,
                    scale: 1.0,
                };
                paint_page(ui.painter(), page, at);
            });
            full.textures_delta.clear();
            for clipped in full.shapes {
                let egui::Shape::Text(t) = clipped.shape else {
                    continue;
                };
                for row in &t.galley.rows {
                    // Where the glyph is rendered: the exact pen position (the bitmap is drawn
                    // at its sub-pixel offset), not the pixel-snapped `pos.x`.
                    let mut pen = t.pos.x + row.pos.x;
                    for g in &row.glyphs {
                        out.push((g.chr, pen, t.pos.y + row.pos.y + g.pos.y));
                        pen += g.advance_width;
                    }
                }
            }
        }
        out
    }

    /// Where the PDF puts each glyph (spaces of justified lines are not drawn).
    fn layout_glyphs(pages: &[Page]) -> Vec<(char, f32, f32)> {
        let mut out = Vec::new();
        for t in pages.iter().flat_map(Page::texts) {
            let mut x = t.x;
            for c in t.text.chars() {
                if c != ' ' || t.word_spacing == 0.0 {
                    out.push((c, x, t.baseline));
                }
                x += width(c.encode_utf8(&mut [0; 4]), t.font, t.size);
                if c == ' ' {
                    x += t.word_spacing;
                }
            }
        }
        out
    }

    #[test]
    fn every_glyph_is_painted_where_the_pdf_puts_it() {
        let text = include_str!("../../../templates/examples/kingsoft-cloud-2024-10.ron");
        let ret = crate::io::from_str(text).expect("the example reads");
        let derived = crate::calc::derive(&ret);
        let findings = crate::rules::check(&ret, &derived, None);
        let pages = crate::pdf::export_pages(&ret, &derived, &findings).expect("laid out");
        let painted = painted_glyphs(&pages);
        let wanted = layout_glyphs(&pages);
        assert_eq!(painted.len(), wanted.len());
        let mut worst = (0.0_f32, 0.0_f32);
        for (p, w) in painted.iter().zip(&wanted) {
            assert_eq!(p.0, w.0, "{p:?} {w:?}");
            worst.0 = worst.0.max((p.1 - w.1).abs());
            worst.1 = worst.1.max((p.2 - w.2).abs());
        }
        // No glyph strays sideways by more than a run may before it is set glyph by glyph
        // (0.16 pt at most on this return); baselines agree exactly.
        assert!(worst.0 <= WIDTH_TOLERANCE, "worst sideways {} pt", worst.0);
        assert!(worst.1 <= 0.01, "worst baseline {} pt", worst.1);
    }

    #[test]
    fn grey_levels_map_to_srgb_greys() {
        assert_eq!(grey(0.0), Color32::BLACK);
        assert_eq!(grey(1.0), Color32::WHITE);
        assert_eq!(grey(0.5), Color32::from_gray(128));
    }
}
