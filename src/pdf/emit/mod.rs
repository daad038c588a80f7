//! Frames → PDF bytes. The only module in the crate that talks to printpdf's writer.
//!
//! printpdf builds the document (pages, the base-14 Helvetica fonts, not embedded and
//! WinAnsi-encoded, metadata); each page's content stream is written by [`content`] (printpdf's
//! operator list was most of the export time). Output is deterministic: metadata dates come
//! from [`DocMeta`] and the trailer `/ID`, which printpdf fills from a process-wide counter, is
//! replaced by a hash of the input.

use std::fmt::Write as _;

use chrono::{DateTime, Utc};
use printpdf::{
    BuiltinFont, Op, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Pt, Rect as PdfRect,
};

use super::content;
use super::frame::{Font, Item, Page};
use super::metrics;

/// Document metadata written to the PDF's Info dictionary.
#[derive(Clone, Debug, PartialEq)]
pub struct DocMeta {
    pub title: String,
    pub author: String,
    pub subject: String,
    /// The application that made the file (`/Creator`).
    pub creator: String,
    /// Creation and modification date. Fixed by the caller (not "now") so that exporting the
    /// same return twice gives the same bytes; defaults to the Unix epoch.
    pub date: DateTime<Utc>,
}

impl Default for DocMeta {
    fn default() -> Self {
        Self {
            title: String::new(),
            author: String::new(),
            subject: String::new(),
            creator: concat!("monthly-return ", env!("CARGO_PKG_VERSION")).to_string(),
            date: DateTime::UNIX_EPOCH,
        }
    }
}

/// Why a set of pages could not be written.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EmitError {
    #[error("nothing to export: no pages")]
    NoPages,
    /// The base-14 fonts cannot show this character; printpdf would silently print `?`.
    #[error("page {page}: the PDF fonts cannot show {ch:?} (U+{:04X}) in {text:?}", code_point(.ch))]
    Unencodable { page: usize, text: String, ch: char },
    #[error("page {page}: a coordinate or size is not a finite number")]
    NotFinite { page: usize },
    #[error("the PDF metadata date is outside the range the PDF writer accepts: {0}")]
    BadDate(String),
    #[error("the PDF writer failed: {0}")]
    Write(String),
}

fn code_point(c: &char) -> u32 {
    u32::from(*c)
}

/// Writes `pages` (page numbers in errors count from 1) as one PDF document.
pub fn emit(pages: &[Page], meta: &DocMeta) -> Result<Vec<u8>, EmitError> {
    if pages.is_empty() {
        return Err(EmitError::NoPages);
    }
    for (i, page) in pages.iter().enumerate() {
        check_page(page, i + 1)?;
    }

    let mut doc = PdfDocument::new(&meta.title);
    let date = printpdf::OffsetDateTime::from_unix_timestamp(meta.date.timestamp())
        .map_err(|e| EmitError::BadDate(e.to_string()))?;
    let info = &mut doc.metadata.info;
    info.author.clone_from(&meta.author);
    info.subject.clone_from(&meta.subject);
    info.creator.clone_from(&meta.creator);
    info.producer = concat!(
        "monthly-return ",
        env!("CARGO_PKG_VERSION"),
        " (printpdf 0.12)"
    )
    .to_string();
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
    doc.pages = pages
        .iter()
        .enumerate()
        .map(|(i, page)| page_shell(page, i == 0))
        .collect();

    let mut warnings = Vec::new();
    let opts = PdfSaveOptions {
        image_optimization: None,
        ..PdfSaveOptions::default()
    };
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    fill_page_streams(&mut lo, pages)?;
    compress(&mut lo)?;
    // Overwrite both strings of the trailer's `/ID` (no-op if printpdf stops writing one).
    let id = content_id(pages, meta);
    if let Ok(ids) = lo.trailer.get_mut(b"ID").and_then(|o| o.as_array_mut()) {
        for part in ids.iter_mut() {
            if let Ok(bytes) = part.as_str_mut() {
                bytes.clone_from(&id);
            }
        }
    }
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| EmitError::Write(e.to_string()))?;
    Ok(bytes)
}

/// Deflates every stream that allows it. lopdf's own `compress` uses the slowest zlib level,
/// which was a quarter of the export time; the fastest level costs 10–25% in size.
fn compress(lo: &mut lopdf::Document) -> Result<(), EmitError> {
    use flate2::{Compression, write::ZlibEncoder};
    use std::io::Write as _;
    for object in lo.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let mut encoder = ZlibEncoder::new(Vec::new(), Compression::fast());
        encoder
            .write_all(&stream.content)
            .map_err(|e| EmitError::Write(e.to_string()))?;
        let compressed = encoder
            .finish()
            .map_err(|e| EmitError::Write(e.to_string()))?;
        if compressed.len() + 19 < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    }
    Ok(())
}

/// Refuses what printpdf would write wrongly: unencodable text and NaN/infinite numbers.
fn check_page(page: &Page, number: usize) -> Result<(), EmitError> {
    let finite = |values: &[f32]| values.iter().all(|v| v.is_finite());
    if !finite(&[page.width_pt, page.height_pt]) {
        return Err(EmitError::NotFinite { page: number });
    }
    for item in &page.items {
        let ok = match item {
            Item::Text(t) => {
                if let Some((_, ch)) = metrics::first_unencodable(&t.text) {
                    return Err(EmitError::Unencodable {
                        page: number,
                        text: t.text.clone(),
                        ch,
                    });
                }
                finite(&[t.x, t.baseline, t.size, t.word_spacing])
                    && t.grey.is_none_or(f32::is_finite)
            }
            Item::Line(l) => finite(&[l.x1, l.y1, l.x2, l.y2, l.width]),
            Item::Rect(s) => {
                finite(&[s.rect.x, s.rect.y, s.rect.width, s.rect.height])
                    && s.stroke_width.is_none_or(f32::is_finite)
                    && s.fill_grey.is_none_or(f32::is_finite)
            }
        };
        if !ok {
            return Err(EmitError::NotFinite { page: number });
        }
    }
    Ok(())
}

/// The page as printpdf sees it: size only. Its content stream is written by
/// [`content::page_stream`] and put in place after printpdf has built the document; the first
/// page names both fonts once so that printpdf adds them to the document's font resources.
fn page_shell(page: &Page, declare_fonts: bool) -> PdfPage {
    let ops = if declare_fonts {
        let mut ops = vec![Op::StartTextSection];
        for font in [Font::Regular, Font::Bold] {
            ops.push(Op::SetFont {
                font: PdfFontHandle::Builtin(builtin(font)),
                size: Pt(9.0),
            });
        }
        ops.push(Op::EndTextSection);
        ops
    } else {
        Vec::new()
    };
    let media = PdfRect::from_wh(Pt(page.width_pt), Pt(page.height_pt));
    PdfPage {
        media_box: media.clone(),
        trim_box: media.clone(),
        crop_box: media,
        ops,
    }
}

fn builtin(font: Font) -> BuiltinFont {
    match font {
        Font::Regular => BuiltinFont::Helvetica,
        Font::Bold => BuiltinFont::HelveticaBold,
    }
}

/// The resource name printpdf gives a base-14 font in the document's font dictionary.
fn font_resource(font: Font) -> &'static str {
    builtin(font).get_pdf_id()
}

/// Replaces each page's (placeholder) content stream with the one written from its frame.
fn fill_page_streams(lo: &mut lopdf::Document, pages: &[Page]) -> Result<(), EmitError> {
    let ids: Vec<lopdf::ObjectId> = lo.get_pages().into_values().collect();
    if ids.len() != pages.len() {
        return Err(EmitError::Write(format!(
            "the writer made {} pages for {} laid out",
            ids.len(),
            pages.len()
        )));
    }
    for (number, (id, page)) in ids.into_iter().zip(pages).enumerate() {
        let missing = |what: &str| EmitError::Write(format!("page {}: no {what}", number + 1));
        let contents = lo
            .get_dictionary(id)
            .and_then(|dict| dict.get(b"Contents"))
            .and_then(lopdf::Object::as_reference)
            .map_err(|_| missing("content stream"))?;
        let stream = lo
            .get_object_mut(contents)
            .and_then(lopdf::Object::as_stream_mut)
            .map_err(|_| missing("content stream"))?;
        stream.set_content(content::page_stream(page, font_resource));
    }
    Ok(())
}

/// A 32-character document id derived from the input, so identical input gives identical files
/// (printpdf's own id comes from a process-wide counter and changes on every save). Hashes the
/// raw fields rather than a `Debug` string: formatting every coordinate took a third of the
/// export time of a 200-page return.
fn content_id(pages: &[Page], meta: &DocMeta) -> Vec<u8> {
    let mut id = String::with_capacity(32);
    for seed in [0xcbf2_9ce4_8422_2325_u64, 0x6c62_272e_07bb_0142] {
        let mut h = Fnv(seed);
        for m in [&meta.title, &meta.author, &meta.subject, &meta.creator] {
            h.str(m);
        }
        h.bytes(&meta.date.timestamp().to_le_bytes());
        for page in pages {
            h.floats(&[page.width_pt, page.height_pt]);
            for item in &page.items {
                match item {
                    Item::Text(t) => {
                        h.bytes(&[1, u8::from(t.font == Font::Bold)]);
                        h.floats(&[
                            t.x,
                            t.baseline,
                            t.size,
                            t.grey.unwrap_or(-1.0),
                            t.word_spacing,
                        ]);
                        h.str(&t.text);
                    }
                    Item::Line(l) => {
                        h.bytes(&[2]);
                        h.floats(&[l.x1, l.y1, l.x2, l.y2, l.width]);
                    }
                    Item::Rect(s) => {
                        h.bytes(&[3]);
                        h.floats(&[
                            s.rect.x,
                            s.rect.y,
                            s.rect.width,
                            s.rect.height,
                            s.stroke_width.unwrap_or(-1.0),
                            s.fill_grey.unwrap_or(-1.0),
                        ]);
                    }
                }
            }
        }
        let _ = write!(id, "{:016X}", h.0);
    }
    id.into_bytes()
}

/// 64-bit FNV-1a: tiny, stable across Rust releases (unlike `DefaultHasher`).
struct Fnv(u64);

impl Fnv {
    fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn floats(&mut self, values: &[f32]) {
        for v in values {
            self.bytes(&v.to_bits().to_le_bytes());
        }
    }

    /// Length-prefixed so that ("ab", "c") and ("a", "bc") differ.
    fn str(&mut self, s: &str) {
        self.bytes(&(s.len() as u64).to_le_bytes());
        self.bytes(s.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::frame::Rect;
    use crate::pdf::read_back;

    fn sample_pages() -> Vec<Page> {
        let mut p1 = Page::a4_landscape();
        p1.text(761.56, 27.27, Font::Regular, 9.0, "FF301");
        p1.text(
            22.11,
            97.10,
            Font::Bold,
            11.0,
            "Monthly Return for Equity Issuer",
        );
        p1.fill_rect(
            Rect::from_edges(600.4, 153.5, 798.8, 171.8),
            0.85,
            Some(0.5),
        );
        p1.stroke_rect(Rect::from_edges(20.7, 251.6, 139.7, 269.7), 0.5);
        p1.line(135.2, 143.6, 277.5, 143.6, 0.5);
        p1.text_right(797.09, 317.70, Font::Regular, 9.0, "100,000,000");
        p1.text(390.73, 547.76, Font::Regular, 9.0, "Page 1 of 2");
        let mut p2 = Page::a4_landscape();
        p2.text(
            23.53,
            57.60,
            Font::Bold,
            10.0,
            "II. Movements in Issued Shares",
        );
        p2.text(22.11, 146.95, Font::Regular, 9.0, "Café – “quoted” €5");
        p2.text(390.73, 547.76, Font::Regular, 9.0, "Page 2 of 2");
        vec![p1, p2]
    }

    fn meta() -> DocMeta {
        DocMeta {
            title: "FF301 Moon Inc. January 2026".into(),
            author: "Moon Inc.".into(),
            ..DocMeta::default()
        }
    }

    #[test]
    fn emitted_text_reads_back_on_the_right_pages() {
        let bytes = emit(&sample_pages(), &meta()).unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        let pages = read_back::page_texts(&bytes).unwrap();
        assert_eq!(pages.len(), 2);
        assert!(pages[0].iter().any(|t| t == "FF301"));
        assert!(pages[0].iter().any(|t| t == "100,000,000"));
        assert!(pages[0].iter().any(|t| t == "Page 1 of 2"));
        assert!(!pages[0].iter().any(|t| t.contains("II. Movements")));
        assert!(
            pages[1]
                .iter()
                .any(|t| t == "II. Movements in Issued Shares")
        );
        assert!(
            pages[1].iter().any(|t| t == "Café – “quoted” €5"),
            "{:?}",
            pages[1]
        );
        assert!(pages[1].iter().any(|t| t == "Page 2 of 2"));
    }

    #[test]
    fn same_pages_give_identical_bytes() {
        let a = emit(&sample_pages(), &meta()).unwrap();
        let b = emit(&sample_pages(), &meta()).unwrap();
        assert_eq!(a, b);
        let mut other = sample_pages();
        other[1].text(22.11, 200.0, Font::Regular, 9.0, "changed");
        assert_ne!(emit(&other, &meta()).unwrap(), a);
    }

    #[test]
    fn metadata_and_page_size_are_written() {
        let bytes = emit(&sample_pages(), &meta()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("/MediaBox[0 0 841.89 595.28]"), "media box");
        assert!(text.contains("D:19700101000000"), "fixed epoch date");
        assert!(text.contains("/BaseFont/Helvetica-Bold"));
        let doc = printpdf::PdfDocument::parse(
            &bytes,
            &printpdf::PdfParseOptions::default(),
            &mut Vec::new(),
        )
        .unwrap();
        assert_eq!(
            doc.metadata.info.document_title,
            "FF301 Moon Inc. January 2026"
        );
        assert_eq!(doc.metadata.info.author, "Moon Inc.");
    }

    #[test]
    fn unencodable_text_is_refused() {
        let mut pages = sample_pages();
        pages[1].text(22.0, 300.0, Font::Regular, 9.0, "金山雲 Kingsoft");
        assert_eq!(
            emit(&pages, &meta()),
            Err(EmitError::Unencodable {
                page: 2,
                text: "金山雲 Kingsoft".into(),
                ch: '金'
            })
        );
    }

    /// The content streams name fonts by the resource names printpdf gives them; if a printpdf
    /// upgrade renamed them, viewers would substitute a font. Every font a page's stream sets
    /// must be in that page's resources, as the Helvetica face it stands for.
    #[test]
    fn every_font_a_page_uses_is_in_its_resources() {
        let bytes = emit(&sample_pages(), &meta()).unwrap();
        let doc = lopdf::Document::load_mem(&bytes).unwrap();
        for (number, id) in doc.get_pages() {
            let fonts = doc.get_page_fonts(id).unwrap();
            let content = doc.get_and_decode_page_content(id).unwrap();
            let used: Vec<Vec<u8>> = content
                .operations
                .iter()
                .filter(|op| op.operator == "Tf")
                .filter_map(|op| op.operands.first()?.as_name().ok().map(<[u8]>::to_vec))
                .collect();
            assert!(!used.is_empty(), "page {number} sets a font");
            for name in used {
                let dict = fonts.get(name.as_slice()).unwrap_or_else(|| {
                    panic!(
                        "page {number}: /{} not in its resources",
                        String::from_utf8_lossy(&name)
                    )
                });
                let base = dict
                    .get(b"BaseFont")
                    .and_then(lopdf::Object::as_name)
                    .unwrap();
                let expected = [(Font::Regular, "Helvetica"), (Font::Bold, "Helvetica-Bold")]
                    .into_iter()
                    .find(|(f, _)| font_resource(*f).as_bytes() == name.as_slice())
                    .map(|(_, base)| base.as_bytes());
                assert_eq!(Some(base), expected, "page {number}");
            }
        }
    }

    #[test]
    fn nothing_to_emit_and_nan_are_errors() {
        assert_eq!(emit(&[], &meta()), Err(EmitError::NoPages));
        let mut page = Page::a4_landscape();
        page.line(0.0, f32::NAN, 1.0, 1.0, 0.5);
        assert_eq!(
            emit(&[page], &meta()),
            Err(EmitError::NotFinite { page: 1 })
        );
    }
}
