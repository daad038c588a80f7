//! Print preview (View ▸ Print preview): the very pages [`crate::pdf::export_pages`] lays out
//! for the PDF, painted with egui. One layout, two back ends: `pdf::emit` writes the pages,
//! [`paint`] draws them.
//!
//! The pages are laid out again only when the analysed return changes (keyed on the analysis
//! generation), and only the pages in view are painted, so a return of thousands of classes
//! stays responsive. Each page in view is one accessibility node whose value is its text runs,
//! one per line, in drawing order (what `pdf::read_back::page_texts` reads from the PDF).
//!
//! - [`fonts`]: Liberation Sans Regular and Bold as the preview's own families;
//! - [`paint`]: one page's items on screen;
//! - [`view`]: the toolbar (pages, zoom, Export PDF…) and the scrolling column of pages.

pub mod fonts;
pub mod paint;
mod view;

use crate::calc::Derived;
use crate::model::MonthlyReturn;
use crate::pdf::Page;
use crate::rules::Finding;

/// Smallest and largest zoom (UI points per PDF point; 1.0 = "100 %").
pub const MIN_ZOOM: f32 = 0.25;
pub const MAX_ZOOM: f32 = 4.0;
/// Each − / + step multiplies or divides the zoom by this.
const ZOOM_STEP: f32 = 1.25;

/// How big the pages are drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Zoom {
    /// As wide as the view.
    FitWidth,
    /// UI points per PDF point (1.0: one point of paper is one point of screen, 72 dpi at a
    /// pixels-per-point of 1).
    Factor(f32),
}

/// The laid-out pages of one analysed return, or why there are none.
struct Laid {
    generation: u64,
    pages: Result<Pages, String>,
}

/// The pages and, per page, its text runs joined by newlines (for the accessibility tree).
struct Pages {
    pages: Vec<Page>,
    texts: Vec<String>,
}

/// The preview's state: kept while the editor runs, so zoom and page survive closing it.
pub struct PrintPreview {
    zoom: Zoom,
    /// The page at the top of the view (0-based).
    current: usize,
    /// A page to bring to the top of the view next frame.
    go_to: Option<usize>,
    laid: Option<Laid>,
    /// How many times the pages were laid out (tests check the cache).
    layouts: u64,
}

impl Default for PrintPreview {
    fn default() -> Self {
        PrintPreview {
            zoom: Zoom::FitWidth,
            current: 0,
            go_to: None,
            laid: None,
            layouts: 0,
        }
    }
}

impl PrintPreview {
    /// Lays the return out again if it changed since (`generation` is the analysis's).
    pub fn refresh(
        &mut self,
        generation: u64,
        ret: &MonthlyReturn,
        derived: &Derived,
        findings: &[Finding],
    ) {
        if self
            .laid
            .as_ref()
            .is_some_and(|l| l.generation == generation)
        {
            return;
        }
        let pages = crate::pdf::export_pages(ret, derived, findings)
            .map(|pages| {
                let texts = pages.iter().map(page_text).collect();
                Pages { pages, texts }
            })
            .map_err(|e| e.to_string());
        self.layouts += 1;
        self.laid = Some(Laid { generation, pages });
        if let Some(n) = self.page_count() {
            self.current = self.current.min(n.saturating_sub(1));
        }
    }

    /// Forgets the pages (another return was opened).
    pub fn clear(&mut self) {
        self.laid = None;
        self.current = 0;
        self.go_to = Some(0);
    }

    /// The number of pages, `None` before the first layout or when it failed.
    pub fn page_count(&self) -> Option<usize> {
        self.pages().map(|p| p.pages.len())
    }

    /// Why the return could not be laid out, if it could not.
    pub fn error(&self) -> Option<&str> {
        self.laid
            .as_ref()
            .and_then(|l| l.pages.as_ref().err().map(String::as_str))
    }

    /// The page at the top of the view (0-based).
    pub fn current_page(&self) -> usize {
        self.current
    }

    /// How many times the pages were laid out.
    pub fn layouts(&self) -> u64 {
        self.layouts
    }

    pub fn zoom(&self) -> Zoom {
        self.zoom
    }

    /// Brings page `index` (0-based, clamped) to the top of the view.
    pub fn go_to(&mut self, index: usize) {
        let last = self.page_count().unwrap_or(1).saturating_sub(1);
        let index = index.min(last);
        self.current = index;
        self.go_to = Some(index);
    }

    pub fn next_page(&mut self) {
        self.go_to(self.current + 1);
    }

    pub fn previous_page(&mut self) {
        self.go_to(self.current.saturating_sub(1));
    }

    /// Sets the zoom, keeping the current page at the top.
    pub fn set_zoom(&mut self, zoom: Zoom) {
        self.zoom = match zoom {
            Zoom::Factor(f) => Zoom::Factor(f.clamp(MIN_ZOOM, MAX_ZOOM)),
            Zoom::FitWidth => Zoom::FitWidth,
        };
        self.go_to = Some(self.current);
    }

    /// One step in (`+`) or out (`−`) from `current` (the zoom now in effect, fit width included).
    fn step_zoom(&mut self, current: f32, zoom_in: bool) {
        let next = if zoom_in {
            current * ZOOM_STEP
        } else {
            current / ZOOM_STEP
        };
        self.set_zoom(Zoom::Factor(next));
    }

    fn pages(&self) -> Option<&Pages> {
        self.laid.as_ref().and_then(|l| l.pages.as_ref().ok())
    }
}

/// A page's text runs in drawing order, one per line.
fn page_text(page: &Page) -> String {
    page.texts()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_is_clamped_and_navigation_stays_within_the_pages() {
        let mut p = PrintPreview::default();
        p.set_zoom(Zoom::Factor(100.0));
        assert_eq!(p.zoom(), Zoom::Factor(MAX_ZOOM));
        p.step_zoom(MIN_ZOOM, false);
        assert_eq!(p.zoom(), Zoom::Factor(MIN_ZOOM));
        let ret = MonthlyReturn::blank();
        let derived = crate::calc::derive(&ret);
        let findings = crate::rules::check(&ret, &derived, None);
        p.refresh(1, &ret, &derived, &findings);
        let n = p.page_count().unwrap_or(0);
        assert!(n > 1);
        p.go_to(n + 5);
        assert_eq!(p.current_page(), n - 1);
        p.next_page();
        assert_eq!(p.current_page(), n - 1);
        p.go_to(0);
        p.previous_page();
        assert_eq!(p.current_page(), 0);
        // Same generation: no second layout.
        p.refresh(1, &ret, &derived, &findings);
        assert_eq!(p.layouts(), 1);
    }
}
