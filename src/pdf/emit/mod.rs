//! Frames → PDF bytes. The only module in the crate that talks to printpdf's writer.
//!
//! printpdf builds the document (pages, metadata); the embedded font subsets are written by
//! [`fonts`] and each page's content stream by [`content`] (printpdf's operator list was most
//! of the export time). Output is deterministic: metadata dates come from [`DocMeta`], subset
//! tags from the glyphs used, and the trailer `/ID`, which printpdf fills from a process-wide
//! counter, is replaced by a hash of the input.

mod fonts;

use std::fmt::Write as _;

use chrono::{DateTime, Utc};
use printpdf::{PdfDocument, PdfPage, PdfSaveOptions, Pt, Rect as PdfRect};

use super::content;
use super::frame::{Font, Item, Page};

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
    /// No font of the PDF (Liberation Sans, its fallbacks, the CJK font) has this character.
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
        " (printpdf 0.12, subsetter 0.2)"
    )
    .to_string();
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
    doc.pages = pages.iter().map(page_shell).collect();

    let mut warnings = Vec::new();
    let opts = PdfSaveOptions {
        image_optimization: None,
        ..PdfSaveOptions::default()
    };
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    let embedded = fonts::Embedded::collect(pages);
    let font_resources = embedded.write(&mut lo)?;
    set_font_resources(&mut lo, font_resources)?;
    fill_page_streams(&mut lo, pages, &embedded)?;
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
                if let Some(ch) = t
                    .text
                    .chars()
                    .find(|&c| super::fonts::resolve(c, t.font).is_none())
                {
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
/// [`content::page_stream`] and put in place after printpdf has built the document.
fn page_shell(page: &Page) -> PdfPage {
    let media = PdfRect::from_wh(Pt(page.width_pt), Pt(page.height_pt));
    PdfPage {
        media_box: media.clone(),
        trim_box: media.clone(),
        crop_box: media,
        ops: Vec::new(),
    }
}

/// Puts the embedded fonts in the font dictionary every page's resources share (printpdf
/// writes one, empty when it has no fonts of its own).
fn set_font_resources(lo: &mut lopdf::Document, fonts: lopdf::Dictionary) -> Result<(), EmitError> {
    let missing = |what: &str| EmitError::Write(format!("no {what} in the document"));
    let mut shared = None;
    for id in lo.get_pages().into_values() {
        let resources = lo
            .get_dictionary(id)
            .and_then(|page| page.get(b"Resources"))
            .and_then(lopdf::Object::as_reference)
            .map_err(|_| missing("page resources"))?;
        let font_dict = lo
            .get_dictionary(resources)
            .and_then(|r| r.get(b"Font"))
            .and_then(lopdf::Object::as_reference)
            .map_err(|_| missing("font resources"))?;
        if shared.is_some_and(|s| s != font_dict) {
            return Err(missing("font dictionary shared by the pages"));
        }
        shared = Some(font_dict);
    }
    let shared = shared.ok_or_else(|| missing("page"))?;
    lo.objects.insert(shared, lopdf::Object::Dictionary(fonts));
    Ok(())
}

/// Replaces each page's (placeholder) content stream with the one written from its frame.
fn fill_page_streams(
    lo: &mut lopdf::Document,
    pages: &[Page],
    glyphs: &fonts::Embedded,
) -> Result<(), EmitError> {
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
        stream.set_content(content::page_stream(page, glyphs));
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
mod tests;
