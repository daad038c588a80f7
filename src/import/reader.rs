//! From bytes to an [`Imported`]: load and check the PDF, tell who made it and which template it
//! follows, find each part by its heading and hand its stretch of text to the part's parser.

use lopdf::{Document, Object};

use super::doc::Doc;
use super::{ImportError, ImportIssue, Imported, Producer, classes, header, is_pdf, text};
use super::{part1, part2, part3, part4, part5, verify};
use crate::model::path::FieldPath;
use crate::model::{MonthlyReturn, TemplateVersion};
use crate::parse;
use crate::template::{Texts, texts};

/// What the part parsers share: the text, the template's wording, the issues found so far.
pub struct Ctx<'a> {
    pub doc: &'a Doc,
    pub t: &'static Texts,
    pub version: TemplateVersion,
    pub issues: Vec<ImportIssue>,
    /// Derived figures as printed, checked against the arithmetic once everything is read.
    pub printed: Vec<verify::Printed>,
}

impl Ctx<'_> {
    /// Whether the heading at item `from` is followed by `Not applicable` on its baseline (set
    /// a little higher, so it may sort just before the heading).
    pub fn not_applicable(&self, from: usize, to: usize) -> bool {
        let doc = self.doc;
        doc.on_line(from, from.saturating_sub(4), to.min(from + 8), 1.5)
            .iter()
            .any(|&k| doc.text(k) == self.t.not_applicable)
    }

    /// An issue on `page` (0-based) about the field at `path`.
    pub fn issue(&mut self, page: usize, path: &FieldPath, message: impl Into<String>) {
        self.issues.push(ImportIssue {
            page: page + 1,
            field: path.describe(),
            path: Some(path.clone()),
            message: message.into(),
        });
    }

    /// An issue about something without a field path (a part that could not be found).
    pub fn issue_at(&mut self, page: usize, field: &str, message: impl Into<String>) {
        self.issues.push(ImportIssue {
            page: page + 1,
            field: field.to_string(),
            path: None,
            message: message.into(),
        });
    }

    /// Records a derived figure printed at item `k` (nothing when `k` is `None`).
    pub fn printed(&mut self, k: Option<usize>, path: FieldPath, key: verify::Key) {
        if let Some(k) = k {
            let page = self.page_of(k);
            let text = self.doc.text(k).to_string();
            self.printed.push(verify::Printed {
                page,
                path,
                key,
                text,
            });
        }
    }

    /// Remarks: the lines after the `Remarks:` label at `label` up to `to`, at the text's left.
    pub fn remarks(&self, label: usize, to: usize) -> String {
        let doc = self.doc;
        doc.mark(&[label]);
        let lines: Vec<(f32, usize, String)> = (label + 1..to.min(doc.items.len()))
            .map(|k| &doc.items[k])
            .filter(|i| (i.x - 22.11).abs() < 0.8 && (i.size - 9.0).abs() < 0.2)
            .inspect(|i| i.mark())
            .map(|i| (i.y, i.page, i.text.clone()))
            .collect();
        // Baselines only compare within a page: a page break is no blank line.
        let mut joined = String::new();
        let mut chunk: Vec<(f32, String)> = Vec::new();
        let mut page = None;
        let width = 798.52 - 20.69 - 2.0 * 1.42;
        for (y, p, text) in lines {
            if page.is_some_and(|q| q != p) && !chunk.is_empty() {
                let part = super::doc::join_lines(&chunk, &|_| width, 9.0);
                joined = join_across_page(&joined, &part, width);
                chunk.clear();
            }
            page = Some(p);
            chunk.push((y, text));
        }
        if !chunk.is_empty() {
            let part = super::doc::join_lines(&chunk, &|_| width, 9.0);
            joined = join_across_page(&joined, &part, width);
        }
        joined
    }

    pub fn page_of(&self, k: usize) -> usize {
        self.doc
            .items
            .get(k)
            .or(self.doc.items.last())
            .map_or(0, |i| i.page)
    }

    /// A count printed at item `k` (blank when there is none); unreadable text is an issue.
    pub fn count(&mut self, k: Option<usize>, path: &FieldPath) -> Option<i64> {
        self.figure(k, path, "figure", parse::parse_count)
    }

    /// An exact amount printed at item `k`.
    pub fn amount(&mut self, k: Option<usize>, path: &FieldPath) -> Option<rust_decimal::Decimal> {
        self.figure(k, path, "amount", parse::parse_decimal)
    }

    /// The text at item `k` read by `read` (the editor's strict parsers); text it refuses is an
    /// issue naming the `what` that could not be read.
    fn figure<T>(
        &mut self,
        k: Option<usize>,
        path: &FieldPath,
        what: &str,
        read: fn(&str) -> Result<Option<T>, parse::ParseError>,
    ) -> Option<T> {
        let k = k?;
        let s = self.doc.text(k).to_string();
        match read(&s) {
            Ok(v) => v,
            Err(e) => {
                let page = self.page_of(k);
                self.issue(
                    page,
                    path,
                    format!("cannot read the {what}: {}", e.describe(&s)),
                );
                None
            }
        }
    }

    /// A date printed as text `s` on `page`.
    pub fn date(&mut self, s: &str, page: usize, path: &FieldPath) -> Option<chrono::NaiveDate> {
        match parse::parse_date(s) {
            Ok(v) => v,
            Err(e) => {
                self.issue(
                    page,
                    path,
                    format!("cannot read the date: {}", e.describe(s)),
                );
                None
            }
        }
    }
}

pub fn read(bytes: &[u8]) -> Result<Imported, ImportError> {
    if !is_pdf(bytes) {
        let found: String = String::from_utf8_lossy(&bytes[..bytes.len().min(16)])
            .chars()
            .map(|c| if c.is_control() { '.' } else { c })
            .collect();
        return Err(ImportError::NotPdf { found });
    }
    let doc = match Document::load_mem(bytes) {
        Ok(doc) => doc,
        Err(e) => {
            let encrypted = matches!(
                e,
                lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_)
            ) || bytes.windows(8).any(|w| w == b"/Encrypt");
            return Err(if encrypted {
                ImportError::Encrypted
            } else {
                ImportError::Damaged(e.to_string())
            });
        }
    };
    if doc.was_encrypted() || doc.is_encrypted() {
        return Err(ImportError::Encrypted);
    }
    let producer = producer(&doc);
    let pages = text::pages(&doc)?;
    if pages.is_empty() {
        return Err(ImportError::Damaged("the PDF has no pages".into()));
    }
    if pages.iter().all(|p| p.runs.is_empty()) {
        return Err(ImportError::NoText);
    }
    let doc = Doc::new(pages);
    let t = texts();
    check_ff301(&doc, t)?;
    let version = template_version(&doc)?;
    check_page_count(&doc)?;
    let mut ctx = Ctx {
        doc: &doc,
        t,
        version,
        issues: Vec::new(),
        printed: Vec::new(),
    };
    if let Some(mark) = doc
        .tops
        .first()
        .and_then(|top| top.iter().find(|s| s.starts_with("DRAFT")))
    {
        ctx.issue_at(
            0,
            "the whole return",
            format!(
                "every page is marked \u{201c}{mark}\u{201d}: this PDF was exported while the return \
                 had errors, so it is not a return as published; check it before relying on it"
            ),
        );
    }
    let (ret, read_to) = parse(&mut ctx);
    unread(&mut ctx, read_to);
    let mut issues = ctx.issues;
    issues.extend(verify::verify(&ret, &ctx.printed));
    Ok(Imported {
        ret,
        issues,
        template: version,
        producer,
        pages: doc.pages(),
    })
}

fn producer(doc: &Document) -> Producer {
    let info = doc.trailer.get(b"Info").ok().and_then(|o| match o {
        Object::Reference(id) => doc.get_dictionary(*id).ok(),
        Object::Dictionary(d) => Some(d),
        _ => None,
    });
    let field = |key: &[u8]| {
        info.and_then(|d| d.get(key).ok())
            .and_then(|o| o.as_str().ok())
            .map(|b| text_string(b).to_lowercase())
            .unwrap_or_default()
    };
    let (p, c) = (field(b"Producer"), field(b"Creator"));
    if p.starts_with("monthly-return") || c.starts_with("monthly-return") {
        Producer::ThisProgram
    } else if p.contains("adobe experience manager") || c.contains("designer") {
        Producer::Hkex
    } else {
        Producer::Other
    }
}

/// A PDF text string: UTF-16BE after a byte order mark, else PDFDocEncoding (read as Latin-1).
fn text_string(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16
                .chunks(2)
                .map(|p| u16::from_be_bytes([p[0], p.get(1).copied().unwrap_or(0)]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

/// Page 1 must carry the form code and the title.
fn check_ff301(doc: &Doc, t: &Texts) -> Result<(), ImportError> {
    let first_page: Vec<&str> = doc
        .items
        .iter()
        .take_while(|i| i.page == 0)
        .map(|i| i.text.as_str())
        .collect();
    let title_start: String = t.title.split(' ').take(5).collect::<Vec<_>>().join(" ");
    let has_title = first_page.iter().any(|s| s.starts_with(&title_start));
    let has_code = doc
        .tops
        .first()
        .is_some_and(|top| top.iter().any(|s| s == &t.form_code));
    if has_title && has_code {
        return Ok(());
    }
    // What page 1 says instead: its top line, then its text, in reading order.
    let tops = doc.tops.first().map(Vec::as_slice).unwrap_or(&[]);
    let mut found = tops
        .iter()
        .map(String::as_str)
        .chain(first_page)
        .collect::<Vec<_>>()
        .join(" ");
    if found.chars().count() > 80 {
        found = found.chars().take(80).collect::<String>() + "…";
    }
    Err(ImportError::NotFf301 { found })
}

/// `Page X of N` in the footers must agree with the pages the file has: a file cut short
/// (a partial download, the first pages saved) would otherwise import as a return whose later
/// parts are simply missing — and, linked as last month, leave them unchecked.
fn check_page_count(doc: &Doc) -> Result<(), ImportError> {
    for footer in &doc.footers {
        let joined = footer.join(" ");
        let Some(rest) = joined.split("Page ").nth(1) else {
            continue;
        };
        let mut words = rest.split_whitespace();
        let (Some(_), Some("of"), Some(total)) = (words.next(), words.next(), words.next()) else {
            continue;
        };
        let Ok(total) = total.parse::<usize>() else {
            continue;
        };
        if total != doc.pages() {
            return Err(ImportError::MissingPages {
                pages: doc.pages(),
                printed: joined.trim().to_string(),
            });
        }
    }
    Ok(())
}

/// The version in the footer (`v 1.2.0`), which every page must agree on.
fn template_version(doc: &Doc) -> Result<TemplateVersion, ImportError> {
    let mut found: Option<String> = None;
    for footer in &doc.footers {
        let joined = footer.join(" ");
        let Some(pos) = joined.rfind('v') else {
            continue;
        };
        let v: String = joined[pos + 1..]
            .trim()
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        if v.is_empty() {
            continue;
        }
        if found.as_ref().is_some_and(|f| f != &v) {
            return Err(ImportError::UnknownTemplate {
                found: format!(
                    "v {} and v {v} on different pages",
                    found.unwrap_or_default()
                ),
            });
        }
        found = Some(v);
    }
    match found.as_deref() {
        Some("1.1.0") => Ok(TemplateVersion::V1_1_0),
        Some("1.2.0") => Ok(TemplateVersion::V1_2_0),
        Some(v) => Err(ImportError::UnknownTemplate {
            found: format!("v {v}"),
        }),
        None => Err(ImportError::UnknownTemplate {
            found: doc.footers.first().map(|f| f.join(" ")).unwrap_or_default(),
        }),
    }
}

/// Item ranges of the parts, by their headings.
pub struct Sections {
    pub part1: Option<(usize, usize)>,
    pub part2: Option<(usize, usize)>,
    pub part3: Option<(usize, usize)>,
    pub part4: Option<(usize, usize)>,
    pub part5: Option<(usize, usize)>,
    /// Where the notes page starts (the end of what is read).
    pub notes: usize,
}

fn sections(ctx: &mut Ctx<'_>) -> Sections {
    let doc = ctx.doc;
    let t = ctx.t;
    let n = doc.items.len();
    let heading = |from: usize, text: &str| doc.find_by(from, n, |i| i.bold && i.text == text);
    let p2_heading = &t.version(ctx.version).part2_heading;
    let mut part2 = heading(0, p2_heading);
    if part2.is_none() {
        // The other edition's heading: the footer and the body disagree; read it anyway.
        let version = ctx.version;
        for other in TemplateVersion::ALL.into_iter().filter(|v| *v != version) {
            if let Some(k) = heading(0, &t.version(other).part2_heading) {
                part2 = Some(k);
                ctx.issue_at(
                    doc.items[k].page,
                    "Template version",
                    format!(
                        "the footer says {} but part II has the heading of {}; the return is read as {}",
                        ctx.version.label(),
                        other.label(),
                        ctx.version.label()
                    ),
                );
            }
        }
    }
    let starts = [
        heading(0, &t.part1.heading),
        part2,
        heading(0, &t.part3.heading),
        heading(0, &t.part4.heading),
        heading(0, &t.part5.heading),
    ];
    let notes = starts[4]
        .and_then(|h| doc.find_by(h + 1, n, |i| i.text == t.notes_heading && i.x < 40.0))
        .unwrap_or(n);
    let names = ["Part I", "Part II", "Part III", "Part IV", "Part V"];
    let mut ranges = [None; 5];
    for (i, start) in starts.iter().enumerate() {
        let Some(s) = *start else {
            ctx.issue_at(
                0,
                names[i],
                "the part's heading was not found; the part is left blank",
            );
            continue;
        };
        let end = starts[i + 1..]
            .iter()
            .flatten()
            .copied()
            .find(|&e| e > s)
            .unwrap_or(notes);
        ranges[i] = Some((s, end.max(s)));
    }
    Sections {
        part1: ranges[0],
        part2: ranges[1],
        part3: ranges[2],
        part4: ranges[3],
        part5: ranges[4],
        notes,
    }
}

/// Text up to item `to` (the notes) that no parser read and that is not the form's own wording
/// is reported: it may be a field printed where the import did not expect it.
fn unread(ctx: &mut Ctx<'_>, to: usize) {
    static WORDING: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let wording = WORDING.get_or_init(|| norm(&crate::template::source().replace("\\\"", "\"")));
    let doc = ctx.doc;
    let mut reported = 0;
    // Headings repeat on every page: each distinct text is looked up once, and a hostile file's
    // flood of distinct texts stops the check rather than the import.
    let mut known: std::collections::HashMap<&str, bool> = std::collections::HashMap::new();
    for item in doc.items.iter().take(to) {
        if item.used.get() {
            continue;
        }
        if known.len() > 10_000 {
            ctx.issue_at(
                item.page,
                "Text",
                "too much text outside the fields to check it all",
            );
            break;
        }
        let fixed = *known
            .entry(item.text.as_str())
            .or_insert_with(|| wording.contains(&norm(&item.text)));
        if fixed {
            continue;
        }
        reported += 1;
        if reported > 50 {
            ctx.issue_at(
                item.page,
                "Text",
                "more text was not read (only the first 50 pieces are listed)",
            );
            break;
        }
        ctx.issue_at(
            item.page,
            "Text",
            format!(
                "{:?} at {:.0} pt from the left, {:.0} pt from the top was not read into any field",
                item.text, item.x, item.y
            ),
        );
    }
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn parse(ctx: &mut Ctx<'_>) -> (MonthlyReturn, usize) {
    let mut ret = MonthlyReturn {
        template_version: ctx.version,
        ..MonthlyReturn::default()
    };
    header::parse(ctx, &mut ret);
    let s = sections(ctx);
    let mut reg = classes::Registry::default();
    if let Some(r) = s.part1 {
        part1::parse(ctx, r, &mut reg, &mut ret);
    }
    if let Some(r) = s.part2 {
        part2::parse(ctx, r, &mut reg, &mut ret);
    }
    if let Some(r) = s.part3 {
        part3::parse(ctx, r, &mut reg, &mut ret);
    }
    if let Some(r) = s.part4 {
        part4::parse(ctx, r, &mut ret);
    } else {
        ret.part4.part.not_applicable = true;
    }
    if let Some(r) = s.part5 {
        part5::parse(ctx, r, &mut ret);
    }
    reg.finish(ctx, &mut ret);
    ret.ensure_row_ids();
    (ret, s.notes)
}

/// Joins text continued on a new page to what came before, as [`super::doc::join_lines`] would.
fn join_across_page(before: &str, after: &str, width: f32) -> String {
    if before.is_empty() {
        return after.to_string();
    }
    let last = before.rsplit('\n').next().unwrap_or("");
    let first = after.split('\n').next().unwrap_or("");
    let joined = super::doc::join_lines(
        &[(0.0, last.to_string()), (10.8, first.to_string())],
        &|_| width,
        9.0,
    );
    let head = &before[..before.len() - last.len()];
    let tail = &after[first.len()..];
    format!("{head}{joined}{tail}")
}
