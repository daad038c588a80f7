//! Exhibit 99.1: the monthly return as an EDGAR HTML document, drawn from the very pages the PDF
//! export lays out ([`crate::pdf::export_pages`]), so every label, figure and page mark is the
//! PDF's own text. Each printed line becomes a one-row table whose cells start where the PDF's
//! runs start (widths in per cent of the page), bold runs bold; pages are separated by page
//! breaks.

use std::fmt::Write as _;

use super::html::{document, escape};
use super::texts::cover_texts;
use crate::pdf::{Font, Page, Text};

/// Runs whose baselines differ by less than this share a line.
const SAME_LINE_PT: f32 = 2.0;

/// The lines of a page, top to bottom, each with its runs left to right.
pub fn page_lines(page: &Page) -> Vec<Vec<&Text>> {
    let mut texts: Vec<&Text> = page.texts().filter(|t| !t.text.trim().is_empty()).collect();
    texts.sort_by(|a, b| a.baseline.total_cmp(&b.baseline).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<Vec<&Text>> = Vec::new();
    for t in texts {
        match lines.last_mut() {
            Some(line)
                if line
                    .first()
                    .is_some_and(|f| t.baseline - f.baseline < SAME_LINE_PT) =>
            {
                line.push(t);
            }
            _ => lines.push(vec![t]),
        }
    }
    for line in &mut lines {
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    lines
}

fn pct(width: f32, page_width: f32) -> u32 {
    let p = (width / page_width * 100.0).round();
    if p.is_finite() && p >= 1.0 {
        p.min(100.0) as u32
    } else {
        1
    }
}

fn run_html(t: &Text) -> String {
    let text = escape(&t.text);
    match t.font {
        Font::Bold => format!("<b>{text}</b>"),
        Font::Regular => text,
    }
}

/// One printed line as a table row of cells placed like the PDF's runs.
fn line_html(out: &mut String, line: &[&Text], page_width: f32) {
    out.push_str("<table style=\"width:100%;border-collapse:collapse\"><tr>");
    let first_x = line.first().map_or(0.0, |t| t.x);
    // A run well in from the margin gets an empty cell before it; one at the margin starts
    // the row (its cell then spans from the page's left edge).
    let indented = first_x > 30.0;
    if indented {
        let _ = write!(
            out,
            "<td style=\"width:{}%\"></td>",
            pct(first_x, page_width)
        );
    }
    for (i, t) in line.iter().enumerate() {
        let start = if i == 0 && !indented { 0.0 } else { t.x };
        let end = line.get(i + 1).map_or(page_width, |n| n.x);
        let size = t.size.clamp(5.0, 14.0);
        let _ = write!(
            out,
            "<td style=\"width:{}%;font-size:{size}pt;vertical-align:top\">{}</td>",
            pct(end - start, page_width),
            run_html(t)
        );
    }
    out.push_str("</tr></table>\n");
}

/// The exhibit document for the FF301 pages.
pub fn exhibit_html(pages: &[Page]) -> String {
    let mut b = String::new();
    let _ = writeln!(
        b,
        "<p style=\"text-align:right;margin:0\"><b>{}</b></p>",
        escape(&cover_texts().exhibit_title)
    );
    for (i, page) in pages.iter().enumerate() {
        if i > 0 {
            b.push_str("<hr style=\"page-break-after:always\">\n");
        }
        b.push_str("<div style=\"font-family:Arial,Helvetica,sans-serif\">\n");
        for line in page_lines(page) {
            line_html(&mut b, &line, page.width_pt);
        }
        b.push_str("</div>\n");
    }
    document(&cover_texts().exhibit_title, &b)
}
