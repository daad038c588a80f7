//! Which typed texts the layout prints, and whether the base-14 fonts can print them. One walk,
//! [`printed_texts`], serves both the export (which refuses, naming the field in the form's own
//! words, before anything is drawn: printpdf would otherwise print `?` silently) and the rule
//! `PDF-001` (which flags the field in the editor and in `monthly-return check`).

use std::fmt;

use super::LayoutError;
use crate::model::path::{self as paths, FieldPath, FormPart};
use crate::model::{Money, MonthlyReturn, TypeOfIssue};
use crate::pdf::metrics::win_ansi_byte;
use crate::template::texts;

/// A label without its trailing colon (`Name of Issuer:` → `Name of Issuer`).
fn bare(label: &str) -> &str {
    label.trim().trim_end_matches(':').trim_end()
}

/// The first character of a text that the PDF cannot print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unprintable {
    pub ch: char,
    /// 1-based position of the character in the text, counted in characters.
    pub position: usize,
}

/// The first character of `text` the PDF's fonts (WinAnsi) cannot show, if any. Line breaks
/// in multi-line fields are layout, not glyphs, so they pass.
pub fn first_unprintable(text: &str) -> Option<Unprintable> {
    // Plain ASCII, by far the common case, is decided a byte at a time.
    if text
        .bytes()
        .all(|b| matches!(b, 0x20..=0x7E | b'\n' | b'\r'))
    {
        return None;
    }
    text.chars()
        .enumerate()
        .find(|&(_, c)| c != '\n' && c != '\r' && win_ansi_byte(c).is_none())
        .map(|(i, ch)| Unprintable {
            ch,
            position: i + 1,
        })
}

/// The name of an invisible character, for messages.
fn invisible_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\t' => "tab",
        '\u{0}' => "null",
        '\u{7}' => "bell",
        '\u{8}' => "backspace",
        '\u{b}' => "vertical tab",
        '\u{c}' => "form feed",
        '\u{1b}' => "escape",
        '\u{7f}' => "delete",
        '\u{200b}' => "zero-width space",
        '\u{200c}' => "zero-width non-joiner",
        '\u{200d}' => "zero-width joiner",
        '\u{2028}' => "line separator",
        '\u{2029}' => "paragraph separator",
        '\u{feff}' => "zero-width no-break space",
        c if c.is_control() => "control character",
        c if c.is_whitespace() => "space",
        _ => return None,
    })
}

/// `character U+0009 (tab) at position 12 cannot be printed in the PDF`, or for a visible
/// character `"ﬁ" (U+FB01) at position 3 cannot be printed in the PDF`.
impl fmt::Display for Unprintable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let code = u32::from(self.ch);
        match invisible_name(self.ch) {
            Some(name) => write!(f, "character U+{code:04X} ({name})")?,
            None => write!(f, "\"{}\" (U+{code:04X})", self.ch)?,
        }
        write!(
            f,
            " at position {} cannot be printed in the PDF",
            self.position
        )
    }
}

/// One printed text handed to the visitor of [`printed_texts`]: the text, and (built only when
/// asked, so a clean walk allocates nothing) its field's path and its name in the form's words.
pub struct PrintedText<'t> {
    pub text: &'t str,
    pub path: &'t dyn Fn() -> FieldPath,
    pub label: &'t dyn Fn() -> String,
}

struct Walk<F>(F);

impl<F: FnMut(PrintedText<'_>)> Walk<F> {
    fn text(&mut self, path: impl Fn() -> FieldPath, label: impl Fn() -> String, text: &str) {
        (self.0)(PrintedText {
            text,
            path: &path,
            label: &label,
        });
    }

    /// A money cell prints its currency as typed (the amount is a number).
    fn money(&mut self, path: impl Fn() -> FieldPath, label: impl Fn() -> String, m: &Money) {
        self.text(path, label, &m.currency);
    }
}

/// Calls `visit` with every free-text input that the layout prints, in print order.
pub fn printed_texts(ret: &MonthlyReturn, visit: impl FnMut(PrintedText<'_>)) {
    let t = texts();
    let mut c = Walk(visit);
    c.text(
        paths::header::issuer_name,
        || bare(&t.header.issuer).to_string(),
        &ret.header.issuer_name,
    );
    for (i, class) in ret.classes.iter().enumerate() {
        let n = i + 1;
        let ch = &t.class_header;
        c.text(
            || FieldPath::class_registry(i).key("stock_code"),
            || format!("Class {n}: {}", ch.stock_code),
            &class.stock_code,
        );
        c.text(
            || paths::classes::description(i),
            || format!("Class {n}: {}", ch.description),
            &class.description,
        );
        for (j, counter) in class.other_counters.iter().enumerate() {
            let k = j + 1;
            let p = |key: &str| FieldPath::class_registry(i).index("counter", j).key(key);
            let f = || format!("Class {n}: {} {k}", ch.other_counter);
            c.text(|| p("stock_code"), f, &counter.stock_code);
            c.text(|| p("currency"), f, &counter.currency);
            c.text(|| p("description"), f, &counter.description);
        }
    }
    for (i, b) in ret.part1.part.active().iter().enumerate() {
        c.money(
            || paths::part1::par_value_currency(i),
            || format!("Part I, class {}: {}", i + 1, t.part1.par_value),
            &b.par_value,
        );
    }
    c.text(
        || paths::part::remarks(FormPart::I),
        || format!("Part I: {}", bare(&t.remarks)),
        &ret.part1.remarks,
    );
    if let Some(pf) = &t.version(ret.template_version).public_float {
        for (i, b) in ret.part2.part.active().iter().enumerate() {
            let n = i + 1;
            let p = |key: &str| FormPart::II.block(i).key("public_float").key(key);
            c.text(
                || p("threshold"),
                || format!("Part II, class {n}: {}", pf.threshold),
                &b.public_float.threshold,
            );
            c.text(
                || p("additional_information"),
                || format!("Part II, class {n}: {}", pf.additional_information),
                &b.public_float.additional_information,
            );
        }
    }
    c.text(
        || paths::part::remarks(FormPart::II),
        || format!("Part II: {}", bare(&t.remarks)),
        &ret.part2.remarks,
    );
    let p3 = &t.part3;
    let remarks = bare(&t.remarks);
    let block_remarks = |part: FormPart, b: usize| part.block(b).key("remarks");
    for (i, b) in ret.part3a.active().iter().enumerate() {
        let n = i + 1;
        for (s, scheme) in b.schemes.iter().enumerate() {
            let r = s + 1;
            c.text(
                || paths::part3a::particulars(i, s),
                || format!("III(A), block {n}, row {r}: {}", p3.a.particulars),
                &scheme.particulars,
            );
        }
        c.money(
            || paths::part3a::funds_raised_currency(i),
            || format!("III(A), block {n}: {}", bare(&p3.a.funds_raised)),
            &b.funds_raised,
        );
        c.text(
            || block_remarks(FormPart::IIIA, i),
            || format!("III(A), block {n}: {remarks}"),
            &b.remarks,
        );
    }
    for (i, b) in ret.part3b.active().iter().enumerate() {
        let n = i + 1;
        for (w, wa) in b.warrants.iter().enumerate() {
            let r = w + 1;
            let f = |what: &str| format!("III(B), block {n}, row {r}: {what}");
            c.text(
                || paths::part3b::description(i, w),
                || f(&p3.b.description),
                &wa.description,
            );
            c.text(
                || paths::part3b::currency(i, w),
                || f(&p3.b.currency),
                &wa.currency,
            );
            c.text(
                || paths::part3b::warrant(i, w).key("stock_code"),
                || f(&p3.b.stock_code),
                &wa.stock_code,
            );
            c.money(
                || paths::part3b::subscription_price_currency(i, w),
                || f(&p3.b.subscription_price),
                &wa.subscription_price,
            );
        }
        c.text(
            || block_remarks(FormPart::IIIB, i),
            || format!("III(B), block {n}: {remarks}"),
            &b.remarks,
        );
    }
    for (i, b) in ret.part3c.active().iter().enumerate() {
        let n = i + 1;
        for (k, cv) in b.convertibles.iter().enumerate() {
            let r = k + 1;
            let f = |what: &str| format!("III(C), block {n}, row {r}: {what}");
            c.text(
                || paths::part3c::description(i, k),
                || f(&p3.c.description),
                &cv.description,
            );
            c.text(
                || paths::part3c::kind_other(i, k),
                || f(&p3.c.type_of_convertibles),
                &cv.kind_other,
            );
            c.text(
                || paths::part3c::currency(i, k),
                || f(&p3.c.currency),
                &cv.currency,
            );
            c.text(
                || paths::part3c::convertible(i, k).key("stock_code"),
                || f(&p3.c.stock_code),
                &cv.stock_code,
            );
            c.money(
                || paths::part3c::conversion_price_currency(i, k),
                || f(&p3.c.conversion_price),
                &cv.conversion_price,
            );
            for (m, mv) in cv.movements.iter().enumerate() {
                c.text(
                    || {
                        paths::part3c::convertible(i, k)
                            .index("movement", m)
                            .key("label")
                    },
                    || f(&p3.c.movement),
                    &mv.label,
                );
            }
        }
        c.text(
            || block_remarks(FormPart::IIIC, i),
            || format!("III(C), block {n}: {remarks}"),
            &b.remarks,
        );
    }
    for (i, b) in ret.part3d.active().iter().enumerate() {
        let n = i + 1;
        for (a, arr) in b.arrangements.iter().enumerate() {
            let r = a + 1;
            c.text(
                || paths::part3d::description(i, a),
                || format!("III(D), block {n}, row {r}: {}", p3.d.description),
                &arr.description,
            );
        }
        c.text(
            || block_remarks(FormPart::IIID, i),
            || format!("III(D), block {n}: {remarks}"),
            &b.remarks,
        );
    }
    for (i, b) in ret.part3e.active().iter().enumerate() {
        let n = i + 1;
        for (e, ev) in b.events.iter().enumerate() {
            let r = e + 1;
            let f = |what: &str| format!("III(E), block {n}, row {r}: {what}");
            if ev.type_of_issue == TypeOfIssue::Other {
                c.text(
                    || paths::part3e::other_description(i, e),
                    || f(&p3.e.type_of_issue),
                    &ev.other_description,
                );
            }
            c.money(
                || paths::part3e::price_currency(i, e),
                || f(&p3.e.price),
                &ev.price,
            );
        }
        c.text(
            || block_remarks(FormPart::IIIE, i),
            || format!("III(E), block {n}: {remarks}"),
            &b.remarks,
        );
    }
    for (i, h) in ret.part4.part.active().iter().enumerate() {
        let r = i + 1;
        let f = |what: &str| format!("Part IV, row {r}: {what}");
        c.text(
            || paths::part4::description(i),
            || f(&t.part4.description),
            &h.description,
        );
        c.text(
            || paths::part4::hdr(i).key("stock_code"),
            || f(&t.part4.stock_code),
            &h.stock_code,
        );
        c.text(
            || paths::part4::hdr(i).key("depositary"),
            || f(&t.part4.depositary),
            &h.depositary,
        );
    }
    c.text(
        || paths::part::remarks(FormPart::IV),
        || format!("Part IV: {remarks}"),
        &ret.part4.remarks,
    );
    let p5 = &ret.part5;
    if !p5.not_applicable {
        for (i, item) in p5.amended_items.iter().enumerate() {
            if let Some(text) = item {
                let num = t.part5.item_numbers.get(i).cloned().unwrap_or_default();
                c.text(
                    || FormPart::V.path().index("item", i),
                    || format!("Part V: confirmation item {num}"),
                    text,
                );
            }
        }
        c.text(
            paths::part5::submitted_by,
            || bare(&t.part5.submitted_by).to_string(),
            &p5.submitted_by,
        );
        c.text(
            paths::part5::title,
            || bare(&t.part5.title).to_string(),
            &p5.title,
        );
    }
}

/// Refuses the first printed text with a character the PDF cannot show, with the message of
/// rule `PDF-001`.
pub fn encodable(ret: &MonthlyReturn) -> Result<(), LayoutError> {
    let mut result = Ok(());
    printed_texts(ret, |p| {
        if result.is_ok()
            && let Some(bad) = first_unprintable(p.text)
        {
            result = Err(LayoutError::Unencodable {
                field: (p.label)(),
                path: (p.path)(),
                message: bad.to_string(),
            });
        }
    });
    result
}
