//! Positioned text of each page: every string a content stream shows, with where it starts
//! (x right, baseline y down from the page top, in points), its size and whether its font is
//! bold. Follows the text and graphics state both producers use (`q`/`Q`, `cm`, `BT`, `Tf`,
//! `Tm`, `Td`, `TD`, `T*`, `TL`, `Tj`, `TJ`, `'`, `"`); strings are decoded by
//! [`crate::pdf::decode`]. Adjacent strings on one baseline (HKEX's forms output shows one word
//! per `Tj`) are merged into one run.

use std::collections::BTreeMap;

use lopdf::{Document, Object, ObjectId};

use super::ImportError;
use crate::pdf::Font;
use crate::pdf::decode::{Decoder, font_decoder};
use crate::pdf::metrics::text_width;

/// Most pages read (a 20-class, 50-row stress return is ~200 pages).
pub const MAX_PAGES: usize = 2_000;
/// Most content-stream bytes read per page, after decompression.
const MAX_PAGE_CONTENT: usize = 16 * 1024 * 1024;
/// Most operators interpreted over the whole document.
const MAX_OPERATIONS: usize = 20_000_000;
/// Most strings drawn over the whole document (the 195-page stress return draws ~60 000).
const MAX_RUNS: usize = 2_000_000;

/// One string drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// Left end.
    pub x: f32,
    /// Right end, from the Liberation Sans / Helvetica metrics of the text.
    pub x1: f32,
    /// Baseline, measured down from the top of the page.
    pub y: f32,
    pub size: f32,
    pub bold: bool,
    pub text: String,
}

/// The runs of one page, top to bottom, left to right.
#[derive(Debug, Clone, Default)]
pub struct PageText {
    pub runs: Vec<Run>,
}

/// A 2-D affine matrix `[a b c d e f]` (PDF order).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Matrix([f32; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// `self × other` (apply self, then other).
    fn then(self, o: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [oa, ob, oc, od, oe, of] = o.0;
        Matrix([
            a * oa + b * oc,
            a * ob + b * od,
            c * oa + d * oc,
            c * ob + d * od,
            e * oa + f * oc + oe,
            e * ob + f * od + of,
        ])
    }

    fn translate(tx: f32, ty: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, tx, ty])
    }
}

fn num(o: &Object) -> Option<f32> {
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

fn nums<const N: usize>(ops: &[Object]) -> Option<[f32; N]> {
    let mut out = [0.0; N];
    for (slot, o) in out.iter_mut().zip(ops) {
        *slot = num(o).filter(|v| v.is_finite())?;
    }
    (ops.len() >= N).then_some(out)
}

#[derive(Clone)]
struct TextState {
    decoder: Decoder,
    bold: bool,
    size: f32,
    leading: f32,
}

/// The positioned runs of every page of `doc`.
pub fn pages(doc: &Document) -> Result<Vec<PageText>, ImportError> {
    let page_ids = doc.get_pages();
    if page_ids.len() > MAX_PAGES {
        return Err(ImportError::Damaged(format!(
            "{} pages, more than the {MAX_PAGES} an FF301 return can have",
            page_ids.len()
        )));
    }
    let mut cmaps: BTreeMap<ObjectId, Decoder> = BTreeMap::new();
    let mut budget = MAX_OPERATIONS;
    let mut out = Vec::with_capacity(page_ids.len());
    let mut runs = 0;
    for (_, page) in page_ids {
        let p = page_runs(doc, page, &mut cmaps, &mut budget)?;
        runs += p.runs.len();
        if runs > MAX_RUNS {
            return Err(ImportError::Damaged(format!(
                "more than {MAX_RUNS} pieces of text, far more than an FF301 return draws"
            )));
        }
        out.push(p);
    }
    Ok(out)
}

fn page_height(doc: &Document, page: ObjectId) -> f32 {
    let media = doc
        .get_dictionary(page)
        .ok()
        .and_then(|d| d.get(b"MediaBox").ok())
        .and_then(|o| match o {
            Object::Reference(id) => doc.get_object(*id).ok(),
            other => Some(other),
        })
        .and_then(|o| o.as_array().ok())
        .and_then(|a| nums::<4>(a));
    match media {
        Some([_, y0, _, y1]) if y1 > y0 => y1 - y0,
        _ => 595.28,
    }
}

fn page_runs(
    doc: &Document,
    page: ObjectId,
    cmaps: &mut BTreeMap<ObjectId, Decoder>,
    budget: &mut usize,
) -> Result<PageText, ImportError> {
    let height = page_height(doc, page);
    let fonts = doc.get_page_fonts(page).unwrap_or_default();
    let bytes = doc
        .get_page_content_with_limit(page, MAX_PAGE_CONTENT)
        .map_err(|e| ImportError::Damaged(format!("a page's content cannot be read: {e}")))?;
    let content = lopdf::content::Content::decode(&bytes)
        .map_err(|e| ImportError::Damaged(format!("a page's content cannot be parsed: {e}")))?;
    if content.operations.len() > *budget {
        return Err(ImportError::Damaged(format!(
            "more than {MAX_OPERATIONS} drawing operations"
        )));
    }
    *budget -= content.operations.len();
    let mut ctm = Matrix::IDENTITY;
    let mut stack: Vec<(Matrix, TextState)> = Vec::new();
    let mut ts = TextState {
        decoder: Decoder::WinAnsi,
        bold: false,
        size: 0.0,
        leading: 0.0,
    };
    let mut tm = Matrix::IDENTITY;
    let mut tlm = Matrix::IDENTITY;
    // Whether the last string left the position where the next one continues (no move since).
    let mut continues = false;
    let mut raw: Vec<Run> = Vec::new();
    for op in &content.operations {
        let o = &op.operands;
        match op.operator.as_str() {
            // Nesting past 256 levels is ignored (a damaged or hostile stream).
            "q" if stack.len() < 256 => stack.push((ctm, ts.clone())),
            "Q" => {
                if let Some((m, t)) = stack.pop() {
                    ctm = m;
                    ts = t;
                }
            }
            "cm" => {
                if let Some(m) = nums::<6>(o) {
                    ctm = Matrix(m).then(ctm);
                }
            }
            "BT" => {
                tm = Matrix::IDENTITY;
                tlm = Matrix::IDENTITY;
                continues = false;
            }
            "Tf" => {
                if let Some(size) = o.get(1).and_then(num) {
                    ts.size = size;
                }
                let dict = o
                    .first()
                    .and_then(|n| n.as_name().ok())
                    .and_then(|n| fonts.get(n).copied());
                if let Some(dict) = dict {
                    ts.decoder = font_decoder(doc, dict, cmaps);
                    ts.bold = base_font(doc, dict).to_ascii_lowercase().contains("bold");
                }
            }
            "TL" => {
                if let Some([l]) = nums::<1>(o) {
                    ts.leading = l;
                }
            }
            "Tm" => {
                if let Some(m) = nums::<6>(o) {
                    tm = Matrix(m);
                    tlm = tm;
                    continues = false;
                }
            }
            "Td" | "TD" => {
                if let Some([tx, ty]) = nums::<2>(o) {
                    if op.operator == "TD" {
                        ts.leading = -ty;
                    }
                    tlm = Matrix::translate(tx, ty).then(tlm);
                    tm = tlm;
                    continues = false;
                }
            }
            "T*" => {
                tlm = Matrix::translate(0.0, -ts.leading).then(tlm);
                tm = tlm;
                continues = false;
            }
            "Tj" | "TJ" | "'" | "\"" => {
                if matches!(op.operator.as_str(), "'" | "\"") {
                    tlm = Matrix::translate(0.0, -ts.leading).then(tlm);
                    tm = tlm;
                    continues = false;
                }
                let mut text = String::new();
                for operand in o {
                    match operand {
                        Object::String(bytes, _) => ts.decoder.decode(bytes, &mut text),
                        Object::Array(items) => {
                            for item in items {
                                match item {
                                    Object::String(bytes, _) => ts.decoder.decode(bytes, &mut text),
                                    // A wide negative adjustment is a word gap.
                                    other => {
                                        if num(other).is_some_and(|n| n < -250.0) {
                                            text.push(' ');
                                        }
                                    }
                                }
                            }
                        }
                        _ => {}
                    }
                }
                if text.is_empty() {
                    continue;
                }
                let m = tm.then(ctm);
                let [_, _, c, d, e, f] = m.0;
                let size = (ts.size * (c * c + d * d).sqrt()).abs();
                let font = if ts.bold { Font::Bold } else { Font::Regular };
                match raw.last_mut() {
                    Some(last) if continues => {
                        last.text.push_str(&text);
                        last.x1 = last.x + text_width(&last.text, font, last.size);
                    }
                    _ => {
                        let x1 = e + text_width(&text, font, size);
                        raw.push(Run {
                            x: e,
                            x1,
                            y: height - f,
                            size,
                            bold: ts.bold,
                            text,
                        });
                    }
                }
                continues = true;
            }
            _ => {}
        }
    }
    Ok(PageText { runs: merge(raw) })
}

fn base_font(doc: &Document, dict: &lopdf::Dictionary) -> String {
    let name = match dict.get(b"BaseFont") {
        Ok(Object::Name(n)) => Some(n.clone()),
        Ok(Object::Reference(id)) => doc
            .get_object(*id)
            .ok()
            .and_then(|o| o.as_name().ok())
            .map(<[u8]>::to_vec),
        _ => None,
    };
    name.map(|n| String::from_utf8_lossy(&n).into_owned())
        .unwrap_or_default()
}

/// Sorts runs top to bottom, left to right, and joins strings that continue one another on a
/// baseline (the gap between them under a sixth of the font size); trims each run.
fn merge(mut raw: Vec<Run>) -> Vec<Run> {
    raw.retain(|r| r.x.is_finite() && r.y.is_finite() && r.size.is_finite());
    raw.sort_by(|a, b| {
        let ya = (a.y * 10.0).round() as i64;
        let yb = (b.y * 10.0).round() as i64;
        ya.cmp(&yb).then(a.x.total_cmp(&b.x))
    });
    let mut out: Vec<Run> = Vec::with_capacity(raw.len());
    for r in raw {
        if let Some(last) = out.last_mut() {
            let gap = r.x - last.x1;
            if (r.y - last.y).abs() < 0.15
                && (r.size - last.size).abs() < 0.05
                && r.bold == last.bold
                && gap > -0.5
                && gap < r.size * 0.17
            {
                last.text.push_str(&r.text);
                last.x1 = r.x1;
                continue;
            }
        }
        out.push(r);
    }
    for r in &mut out {
        let trimmed = r.text.trim();
        if trimmed.len() != r.text.len() {
            r.text = trimmed.to_string();
        }
    }
    out.retain(|r| !r.text.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(x: f32, y: f32, text: &str) -> Run {
        Run {
            x,
            x1: x + text_width(text, Font::Regular, 9.0),
            y,
            size: 9.0,
            bold: false,
            text: text.to_string(),
        }
    }

    #[test]
    fn words_drawn_one_by_one_become_one_run_but_cells_stay_apart() {
        let a = run(22.11, 100.0, "Monthly ");
        let b = run(a.x1, 100.0, "Return ");
        // A currency 2.8 pt after a number in the next cell.
        let n = run(350.0, 120.0, "10,000");
        let c = run(n.x1 + 2.8, 120.0, "HKD");
        let runs = merge(vec![c, b, n, a]);
        let texts: Vec<_> = runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["Monthly Return", "10,000", "HKD"]);
    }

    /// A one-page PDF with a simple (WinAnsi) Helvetica and a bold one, showing `content`.
    fn pdf(content: &str) -> Document {
        use lopdf::{Stream, dictionary};
        let mut doc = Document::with_version("1.7");
        let pages_id = doc.new_object_id();
        let regular = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        });
        let bold = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "ABCDEF+LiberationSans-Bold",
        });
        let content = doc.add_object(Stream::new(dictionary! {}, content.as_bytes().to_vec()));
        let page = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), 841.89.into(), 595.28.into()],
            "Contents" => content,
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => regular, "F2" => bold } },
        });
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
            }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog);
        doc
    }

    /// HKEX's forms output: a unit font size scaled by `Tm`, one word per `Tj` moved by `Td`
    /// (merged into one run), lines by `TD` and `T*`; a `cm` in `q … Q`, a `TJ` whose small
    /// kerning is no space; strings that continue without a move, and `'` with the leading.
    #[test]
    fn text_state_operators_place_each_string() {
        let doc = pdf(
            "BT /F1 1 Tf 9 0 0 9 22.11 498.18 Tm (Monthly )Tj 3.779 0 Td (Return)Tj \
             -3.779 -2 TD (Next)Tj T* (Third)Tj ET \
             q 1 0 0 1 100 -100 cm BT /F2 10 Tf 1 0 0 1 50 400 Tm [(Bo) -20 (ld)] TJ ET Q \
             BT /F1 9 Tf 12 TL 1 0 0 1 300 300 Tm (a)Tj (b)Tj (quoted)' ET",
        );
        let pages = pages(&doc).unwrap();
        let runs: Vec<(String, f32, f32, f32, bool)> = pages[0]
            .runs
            .iter()
            .map(|r| {
                let round = |v: f32| (v * 100.0).round() / 100.0;
                (
                    r.text.clone(),
                    round(r.x),
                    round(r.y),
                    round(r.size),
                    r.bold,
                )
            })
            .collect();
        let h = 595.28;
        let round = |v: f32| (v * 100.0).round() / 100.0;
        assert_eq!(
            runs,
            [
                (
                    "Monthly Return".to_string(),
                    22.11,
                    round(h - 498.18),
                    9.0,
                    false
                ),
                ("Next".to_string(), 22.11, round(h - 480.18), 9.0, false),
                ("Third".to_string(), 22.11, round(h - 462.18), 9.0, false),
                ("Bold".to_string(), 150.0, round(h - 300.0), 10.0, true),
                ("ab".to_string(), 300.0, round(h - 300.0), 9.0, false),
                ("quoted".to_string(), 300.0, round(h - 288.0), 9.0, false),
            ]
        );
    }

    #[test]
    fn matrices_compose_in_pdf_order() {
        let tm = Matrix([9.0, 0.0, 0.0, 9.0, 100.0, 500.0]);
        let moved = Matrix::translate(2.0, -1.0).then(tm);
        assert_eq!(moved.0[4..], [118.0, 491.0]);
        let ctm = Matrix([1.0, 0.0, 0.0, 1.0, 10.0, 20.0]);
        assert_eq!(moved.then(ctm).0[4..], [128.0, 511.0]);
    }
}
