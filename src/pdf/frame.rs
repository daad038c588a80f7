//! Plain page frames: what a page draws, in points, with the origin at the TOP-left corner.
//!
//! Layout produces these, tests inspect them, `emit` turns them into PDF and a print preview can
//! draw them. Nothing here knows about printpdf. The y axis points DOWN (as on the paper and in
//! `docs/pdf-geometry.md`); `emit` converts to PDF's bottom-up coordinates.

use super::metrics;

/// A4 landscape width in points (297 mm).
pub const A4_LANDSCAPE_WIDTH_PT: f32 = 841.89;
/// A4 landscape height in points (210 mm).
pub const A4_LANDSCAPE_HEIGHT_PT: f32 = 595.28;
/// The rule width used throughout the HKEX template.
pub const RULE_WIDTH_PT: f32 = 0.5;

/// The two faces the form uses; embedded as Liberation Sans Regular / Bold (subsets).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Font {
    #[default]
    Regular,
    Bold,
}

/// An axis-aligned box: `x`, `y` is its top-left corner (y measured down from the page top).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

impl Rect {
    pub const fn new(x: f32, y: f32, width: f32, height: f32) -> Self {
        Self {
            x,
            y,
            width,
            height,
        }
    }

    /// From the four edges, as the geometry doc lists them (left, top, right, bottom).
    pub fn from_edges(left: f32, top: f32, right: f32, bottom: f32) -> Self {
        Self::new(left, top, right - left, bottom - top)
    }

    pub fn left(&self) -> f32 {
        self.x
    }

    pub fn top(&self) -> f32 {
        self.y
    }

    pub fn right(&self) -> f32 {
        self.x + self.width
    }

    pub fn bottom(&self) -> f32 {
        self.y + self.height
    }

    /// Shrinks the box by `dx` on the left and right and `dy` on the top and bottom (cell padding).
    pub fn inset(&self, dx: f32, dy: f32) -> Self {
        Self::new(
            self.x + dx,
            self.y + dy,
            (self.width - 2.0 * dx).max(0.0),
            (self.height - 2.0 * dy).max(0.0),
        )
    }

    /// Whether the point lies inside or on the edge of the box.
    pub fn contains(&self, x: f32, y: f32) -> bool {
        x >= self.left() && x <= self.right() && y >= self.top() && y <= self.bottom()
    }
}

/// A single-line run of text. `x` is the left end of the run and `baseline` its baseline, both
/// from the page's top-left corner. Baselines (not tops) because that is what PDF positions and
/// what the reference measurements in `docs/pdf-geometry.md` give.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Text {
    pub x: f32,
    pub baseline: f32,
    pub font: Font,
    pub size: f32,
    pub text: String,
    /// Fill grey level (0.0 black ..= 1.0 white) for marks such as `DRAFT`; `None` is black,
    /// the only colour the form itself uses.
    pub grey: Option<f32>,
    /// Extra space added to every space character (PDF `Tw`), to justify a line; 0 = none.
    pub word_spacing: f32,
}

impl Text {
    /// The run's advance width from the embedded fonts' metrics (plus any word spacing).
    pub fn width(&self) -> f32 {
        let spaces = self.text.chars().filter(|&c| c == ' ').count() as f32;
        metrics::text_width(&self.text, self.font, self.size) + spaces * self.word_spacing
    }

    /// The run's right end (`x + width`).
    pub fn right(&self) -> f32 {
        self.x + self.width()
    }
}

/// A straight stroked line (rules, underlines of signature fields).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Line {
    pub x1: f32,
    pub y1: f32,
    pub x2: f32,
    pub y2: f32,
    pub width: f32,
}

/// A rectangle: stroked (black, `stroke_width`), filled with a grey level (0.0 black ..= 1.0
/// white, for shaded cells), or both. The fill is painted under the stroke.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Shape {
    pub rect: Rect,
    pub stroke_width: Option<f32>,
    pub fill_grey: Option<f32>,
}

/// Anything a page draws. Items are painted in order: put fills before the text they sit under.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Text(Text),
    Line(Line),
    Rect(Shape),
}

/// One page: its size in points and what it draws.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    pub width_pt: f32,
    pub height_pt: f32,
    pub items: Vec<Item>,
}

impl Default for Page {
    fn default() -> Self {
        Self::a4_landscape()
    }
}

impl Page {
    /// An empty A4 landscape page, the only size the form uses.
    pub fn a4_landscape() -> Self {
        Self {
            width_pt: A4_LANDSCAPE_WIDTH_PT,
            height_pt: A4_LANDSCAPE_HEIGHT_PT,
            items: Vec::new(),
        }
    }

    /// Adds a text run whose left end is at `x`.
    pub fn text(&mut self, x: f32, baseline: f32, font: Font, size: f32, text: impl Into<String>) {
        self.items.push(Item::Text(Text {
            x,
            baseline,
            font,
            size,
            text: text.into(),
            grey: None,
            word_spacing: 0.0,
        }));
    }

    /// Adds a grey text run whose left end is at `x` (the draft mark).
    pub fn grey_text(
        &mut self,
        x: f32,
        baseline: f32,
        font: Font,
        size: f32,
        grey: f32,
        text: impl Into<String>,
    ) {
        self.items.push(Item::Text(Text {
            x,
            baseline,
            font,
            size,
            text: text.into(),
            grey: Some(grey),
            word_spacing: 0.0,
        }));
    }

    /// Adds a run stretched to end exactly at `right` by widening its spaces (a justified line);
    /// left-aligned when it has no spaces or is already as wide.
    pub fn text_justified(
        &mut self,
        x: f32,
        right: f32,
        baseline: f32,
        font: Font,
        size: f32,
        text: impl Into<String>,
    ) {
        let text = text.into();
        let spaces = text.chars().filter(|&c| c == ' ').count() as f32;
        let slack = right - x - metrics::text_width(&text, font, size);
        let word_spacing = if spaces > 0.0 && slack > 0.0 {
            slack / spaces
        } else {
            0.0
        };
        self.items.push(Item::Text(Text {
            x,
            baseline,
            font,
            size,
            text,
            grey: None,
            word_spacing,
        }));
    }

    /// Adds a text run whose right end is at `right` (numbers in cells).
    pub fn text_right(
        &mut self,
        right: f32,
        baseline: f32,
        font: Font,
        size: f32,
        text: impl Into<String>,
    ) {
        let text = text.into();
        let x = right - metrics::text_width(&text, font, size);
        self.text(x, baseline, font, size, text);
    }

    /// Adds a text run centred on `centre` (column headings).
    pub fn text_centered(
        &mut self,
        centre: f32,
        baseline: f32,
        font: Font,
        size: f32,
        text: impl Into<String>,
    ) {
        let text = text.into();
        let x = centre - metrics::text_width(&text, font, size) / 2.0;
        self.text(x, baseline, font, size, text);
    }

    /// Adds a line from (`x1`, `y1`) to (`x2`, `y2`).
    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32) {
        self.items.push(Item::Line(Line {
            x1,
            y1,
            x2,
            y2,
            width,
        }));
    }

    /// Adds a stroked rectangle (a cell border).
    pub fn stroke_rect(&mut self, rect: Rect, width: f32) {
        self.items.push(Item::Rect(Shape {
            rect,
            stroke_width: Some(width),
            fill_grey: None,
        }));
    }

    /// Adds a grey-filled rectangle (a shaded cell), optionally stroked too.
    pub fn fill_rect(&mut self, rect: Rect, grey: f32, stroke_width: Option<f32>) {
        self.items.push(Item::Rect(Shape {
            rect,
            stroke_width,
            fill_grey: Some(grey),
        }));
    }

    /// The page's text runs, in drawing order.
    pub fn texts(&self) -> impl Iterator<Item = &Text> {
        self.items.iter().filter_map(|item| match item {
            Item::Text(t) => Some(t),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rect_edges_round_trip() {
        let r = Rect::from_edges(20.7, 251.6, 139.7, 269.7);
        assert!((r.right() - 139.7).abs() < 1e-4);
        assert!((r.bottom() - 269.7).abs() < 1e-4);
        assert!(r.contains(100.0, 260.0));
        assert!(!r.contains(10.0, 260.0));
        let i = r.inset(1.4, 2.0);
        assert!((i.left() - 22.1).abs() < 1e-4);
        assert!((i.right() - 138.3).abs() < 1e-4);
    }

    #[test]
    fn right_aligned_text_ends_at_the_edge() {
        let mut page = Page::a4_landscape();
        page.text_right(797.1, 317.7, Font::Regular, 9.0, "100,000,000");
        let t = page.texts().next().unwrap();
        assert!((t.right() - 797.1).abs() < 1e-3);
        // "100,000,000" in Liberation Sans: 9 digits × 1139 + 2 commas × 569 of 2048 units →
        // 50.05 pt at 9 pt (Helvetica's AFM: 50.04); the reference PDF measures 797.09 − 747.05
        // = 50.04 pt, to its two decimals.
        assert!((t.width() - 50.04).abs() < 0.01, "{}", t.width());
    }
}
