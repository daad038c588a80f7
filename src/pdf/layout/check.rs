//! Which typed texts the layout prints, and whether the PDF's fonts can print them. One walk,
//! [`printed_texts`], serves both the export (which refuses, naming the field in the form's own
//! words, before anything is drawn: a viewer would otherwise show an empty box) and the rule
//! `PDF-001` (which flags the field in the editor and in `monthly-return check`).

use std::fmt;

use super::LayoutError;
use crate::model::path::{self as paths, FieldPath, FormPart};
use crate::model::subpart::{SubPart, Value};
use crate::model::{Arrangement, Convertible, Event, Money, MonthlyReturn, OptionScheme, Warrant};
use crate::pdf::fonts::{self, system::CJK_FONT_PACKAGE};
use crate::pdf::frame::Font;
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
    /// A Chinese (CJK) character while no CJK font was found on the machine: installing one
    /// would let it print.
    pub needs_cjk_font: bool,
}

/// The first character of `text` the PDF's fonts cannot show (none of Liberation Sans, the
/// shipped fallbacks and the machine's CJK font has it), if any. Line breaks in multi-line
/// fields are layout, not glyphs, so they pass.
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
        .find(|&(_, c)| c != '\n' && c != '\r' && fonts::resolve(c, Font::Regular).is_none())
        .map(|(i, ch)| Unprintable {
            ch,
            position: i + 1,
            needs_cjk_font: fonts::is_cjk(ch) && fonts::cjk_font().is_none(),
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
/// character `"😀" (U+1F600) at position 3 cannot be printed in the PDF`; for Chinese without a
/// CJK font, `…: no Chinese font was found (install fonts-noto-cjk)`.
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
        )?;
        if self.needs_cjk_font {
            write!(
                f,
                ": no Chinese font was found (install {CJK_FONT_PACKAGE})"
            )?;
        }
        Ok(())
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
            || paths::classes::stock_code(i),
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
            let f = || format!("Class {n}: {} {k}", ch.other_counter);
            c.text(
                || paths::classes::counter_stock_code(i, j),
                f,
                &counter.stock_code,
            );
            c.text(
                || paths::classes::counter_currency(i, j),
                f,
                &counter.currency,
            );
            c.text(
                || paths::classes::counter_description(i, j),
                f,
                &counter.description,
            );
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
            c.text(
                || paths::part2::public_float_threshold(i),
                || format!("Part II, class {n}: {}", pf.threshold),
                &b.public_float.threshold,
            );
            c.text(
                || paths::part2::public_float_additional_information(i),
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
    let remarks = bare(&t.remarks);
    sub_part_texts::<OptionScheme, _>(ret, &mut c);
    sub_part_texts::<Warrant, _>(ret, &mut c);
    sub_part_texts::<Convertible, _>(ret, &mut c);
    sub_part_texts::<Arrangement, _>(ret, &mut c);
    sub_part_texts::<Event, _>(ret, &mut c);
    for (i, h) in ret.part4.part.active().iter().enumerate() {
        let r = i + 1;
        let f = |what: &str| format!("Part IV, row {r}: {what}");
        c.text(
            || paths::part4::description(i),
            || f(&t.part4.description),
            &h.description,
        );
        c.text(
            || paths::part4::stock_code(i),
            || f(&t.part4.stock_code),
            &h.stock_code,
        );
        c.text(
            || paths::part4::depositary(i),
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
                    || paths::part5::item(i),
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

/// The printed free texts of a Part III sub-part, from its description: text, currency and
/// money columns, the free texts of its special cells, III(A)'s funds raised, the remarks.
fn sub_part_texts<S: SubPart, F: FnMut(PrintedText<'_>)>(ret: &MonthlyReturn, c: &mut Walk<F>) {
    let t = texts();
    let p3 = &t.part3;
    let short = S::PART.short_name();
    for (i, b) in S::part(ret).active().iter().enumerate() {
        let n = i + 1;
        for (r, row) in S::rows(b).iter().enumerate() {
            let f = |what: &str| format!("{short}, block {n}, row {}: {what}", r + 1);
            for col in S::COLUMNS {
                let label = || f(p3.label(S::PART, col.label));
                match &col.value {
                    Value::Text(get, _) | Value::Currency(get, _) => {
                        c.text(|| S::cell_path(i, r, col), label, get(row));
                    }
                    Value::Money(get, _) => {
                        c.money(|| S::cell_path(i, r, col).money_currency(), label, get(row))
                    }
                    _ => {}
                }
            }
            for special in S::special_texts(i, r, row) {
                c.text(
                    || special.path.clone(),
                    || f(p3.label(S::PART, special.label)),
                    special.text,
                );
            }
        }
        if let Some(funds) = S::funds_raised(b) {
            c.money(
                || paths::part3a::funds_raised_currency(i),
                || format!("{short}, block {n}: {}", bare(&p3.funds_raised)),
                funds,
            );
        }
        c.text(
            || paths::part::block_remarks(S::PART, i),
            || format!("{short}, block {n}: {}", bare(&t.remarks)),
            S::remarks(b),
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
