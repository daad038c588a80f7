//! The pagination cursor: the page being filled, the pages already full, and how far down the
//! current page the content has reached.

use super::geom::{CONTENT_BOTTOM, CONTENT_TOP};
use crate::pdf::frame::{Item, Page};

/// Places content top to bottom, starting new pages when a unit does not fit.
pub struct Cursor {
    done: Vec<Page>,
    current: Page,
    /// Top of the free space on the current page (points from the top).
    pub y: f32,
}

impl Cursor {
    pub fn new() -> Self {
        Self {
            done: Vec::new(),
            current: Page::a4_landscape(),
            y: CONTENT_TOP,
        }
    }

    /// The page being filled.
    pub fn page(&mut self) -> &mut Page {
        &mut self.current
    }

    /// Closes the current page and starts a blank one.
    pub fn new_page(&mut self) {
        let full = std::mem::take(&mut self.current);
        self.done.push(full);
        self.y = CONTENT_TOP;
    }

    /// Whether `height` more points fit on the current page.
    pub fn fits(&self, height: f32) -> bool {
        self.y + height <= CONTENT_BOTTOM + 0.01
    }

    /// Whether the current page holds nothing but what was there at the top (so breaking would
    /// not help an over-tall unit).
    pub fn at_top(&self) -> bool {
        self.y <= CONTENT_TOP + 0.01
    }

    /// Adds items drawn relative to a top of 0, shifted to the cursor, and advances by `height`.
    pub fn place(&mut self, items: Vec<Item>, height: f32) {
        let dy = self.y;
        self.current
            .items
            .extend(items.into_iter().map(|i| shift(i, dy)));
        self.y += height;
    }

    /// All pages, the current one last.
    pub fn finish(mut self) -> Vec<Page> {
        self.done.push(self.current);
        self.done
    }
}

impl Default for Cursor {
    fn default() -> Self {
        Self::new()
    }
}

/// Moves an item down by `dy`.
pub fn shift(item: Item, dy: f32) -> Item {
    match item {
        Item::Text(mut t) => {
            t.baseline += dy;
            Item::Text(t)
        }
        Item::Line(mut l) => {
            l.y1 += dy;
            l.y2 += dy;
            Item::Line(l)
        }
        Item::Rect(mut s) => {
            s.rect.y += dy;
            Item::Rect(s)
        }
    }
}
