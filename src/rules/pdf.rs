//! PDF: text the exported PDF cannot print. The walk over the printed fields and the test of
//! each character live with the PDF layout ([`crate::pdf::layout::printed_texts`],
//! [`crate::pdf::layout::first_unprintable`]); the export refuses with the same message.

use super::{Collector, Context, Rule, Severity};
use crate::pdf::layout::{first_unprintable, printed_texts};

pub(super) const PDF_001: Rule = Rule {
    id: "PDF-001",
    severity: Severity::Error,
    title: "Text contains a character the PDF cannot print",
    explanation: "The PDF is written with the standard PDF fonts, which show Western European \
        letters, digits and punctuation (Windows-1252) but not Chinese characters, emoji, \
        ligatures such as `ﬁ` or invisible characters such as tabs. The export refuses a return \
        with such a character rather than print `?` in its place. Retype the text in English \
        (pasted text often brings tabs or ligatures with it).",
    check: pdf_001,
};

/// One finding per printed field, naming its first unprintable character.
fn pdf_001(ctx: &Context<'_>, out: &mut Collector) {
    printed_texts(ctx.ret, |p| {
        if let Some(bad) = first_unprintable(p.text) {
            PDF_001.emit(out, bad.to_string(), (p.path)());
        }
    });
}
