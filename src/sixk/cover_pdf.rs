//! The Form 6-K cover laid out as a PDF page (US Letter portrait, as EDGAR documents print) with
//! the FF301 export's engine: the same frames, fonts, metrics and wrapping. The check boxes are
//! drawn (the embedded fonts have no ☒), the texts are the HTML cover's.

use super::cover::Cover;
use crate::pdf::frame::RULE_WIDTH_PT;
use crate::pdf::metrics;
use crate::pdf::{Font, Page, Rect};

const WIDTH: f32 = 612.0;
const HEIGHT: f32 = 792.0;
const MARGIN: f32 = 72.0;
const SIZE: f32 = 10.0;
const LEADING: f32 = 1.25;

/// Places lines down the page, starting a new page when one is full.
struct Flow {
    done: Vec<Page>,
    current: Page,
    y: f32,
}

impl Flow {
    fn new() -> Self {
        Self {
            done: Vec::new(),
            current: blank(),
            y: MARGIN,
        }
    }

    fn page(&mut self) -> &mut Page {
        &mut self.current
    }

    /// Room for `height` more points, else a new page.
    fn need(&mut self, height: f32) {
        if self.y + height > HEIGHT - MARGIN {
            self.done
                .push(std::mem::replace(&mut self.current, blank()));
            self.y = MARGIN;
        }
    }

    fn finish(mut self) -> Vec<Page> {
        self.done.push(self.current);
        self.done
    }

    fn gap(&mut self, points: f32) {
        self.y += points;
    }

    /// `text` wrapped to the text width, centred or left-aligned.
    fn wrapped(&mut self, text: &str, font: Font, size: f32, centre: bool) {
        let width = WIDTH - 2.0 * MARGIN;
        for line in metrics::wrap(text, font, size, width) {
            self.need(size * LEADING);
            self.y += size * LEADING;
            let y = self.y;
            if centre {
                self.page()
                    .text_centered(WIDTH / 2.0, y, font, size, line.trim());
            } else {
                self.page().text(MARGIN, y, font, size, line.trim());
            }
        }
    }

    fn rule(&mut self) {
        self.gap(6.0);
        let y = self.y;
        self.page()
            .line(WIDTH / 2.0 - 60.0, y, WIDTH / 2.0 + 60.0, y, RULE_WIDTH_PT);
        self.gap(6.0);
    }
}

fn blank() -> Page {
    Page {
        width_pt: WIDTH,
        height_pt: HEIGHT,
        items: Vec::new(),
    }
}

/// A check box at `x` on the line whose baseline is `base`, crossed when `checked`.
fn check_box(page: &mut Page, x: f32, base: f32, checked: bool) {
    let side = SIZE * 0.8;
    let top = base - side;
    page.stroke_rect(Rect::new(x, top, side, side), RULE_WIDTH_PT);
    if checked {
        page.line(x, top, x + side, top + side, RULE_WIDTH_PT);
        page.line(x, top + side, x + side, top, RULE_WIDTH_PT);
    }
}

/// The cover's pages.
pub fn cover_pages(c: &Cover) -> Vec<Page> {
    let mut f = Flow::new();
    for line in &c.heading {
        f.wrapped(line, Font::Bold, 12.0, true);
    }
    f.rule();
    f.wrapped(&c.form, Font::Bold, 14.0, true);
    f.gap(4.0);
    f.wrapped(&c.report, Font::Bold, SIZE, true);
    f.rule();
    f.wrapped(&c.for_the_month_of, Font::Regular, SIZE, true);
    f.wrapped(&c.commission_file_number, Font::Regular, SIZE, true);
    f.rule();
    f.wrapped(&c.registrant_name, Font::Bold, 12.0, true);
    f.wrapped(&c.exact_name, Font::Regular, SIZE, true);
    f.rule();
    for line in &c.address {
        f.wrapped(line, Font::Regular, SIZE, true);
    }
    f.wrapped(&c.address_caption, Font::Regular, SIZE, true);
    f.rule();
    f.wrapped(&c.check_mark_question, Font::Regular, SIZE, false);
    f.gap(6.0);
    f.need(SIZE * LEADING);
    f.y += SIZE * LEADING;
    let base = f.y;
    let mut x = MARGIN + 80.0;
    for (label, checked) in &c.check_marks {
        let page = f.page();
        page.text(x, base, Font::Regular, SIZE, label.as_str());
        let after = x + metrics::text_width(label, Font::Regular, SIZE) + 6.0;
        check_box(page, after, base, *checked);
        x = after + 100.0;
    }
    f.gap(18.0);
    f.wrapped(&c.explanatory_heading, Font::Bold, SIZE, true);
    f.gap(4.0);
    f.wrapped(&c.explanatory_note, Font::Regular, SIZE, false);
    f.gap(18.0);
    f.wrapped(&c.exhibit_index_heading, Font::Bold, SIZE, true);
    f.gap(4.0);
    let column = MARGIN + 90.0;
    let rows = std::iter::once((&c.exhibit_columns, Font::Bold))
        .chain(c.exhibits.iter().map(|e| (e, Font::Regular)));
    for ([no, description], font) in rows {
        f.need(SIZE * LEADING);
        f.y += SIZE * LEADING;
        let y = f.y;
        let page = f.page();
        page.text(MARGIN, y, font, SIZE, no.as_str());
        page.text(column, y, font, SIZE, description.as_str());
    }
    f.gap(18.0);
    f.wrapped(&c.signature_heading, Font::Bold, SIZE, true);
    f.gap(4.0);
    f.wrapped(&c.signature_text, Font::Regular, SIZE, false);
    f.gap(12.0);
    let right = WIDTH / 2.0;
    let block = [
        (
            c.registrant_name.as_str(),
            Font::Bold,
            Some(c.date.as_str()),
        ),
        (c.by.as_str(), Font::Regular, None),
        (c.name.as_str(), Font::Regular, None),
        (c.title.as_str(), Font::Regular, None),
    ];
    for (text, font, left) in block {
        f.need(SIZE * LEADING * 1.5);
        f.y += SIZE * LEADING * 1.5;
        let y = f.y;
        let page = f.page();
        if let Some(left) = left {
            page.text(MARGIN, y, Font::Regular, SIZE, left);
        }
        page.text(right, y, font, SIZE, text);
    }
    f.finish()
}
