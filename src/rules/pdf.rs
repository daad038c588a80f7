//! PDF: text the exported PDF cannot print. The walk over the printed fields and the test of
//! each character live with the PDF layout ([`crate::pdf::layout::printed_texts`],
//! [`crate::pdf::layout::first_unprintable`]); the export refuses with the same message.

use super::{Collector, Context, Rule, Severity};
use crate::pdf::layout::{first_unprintable, printed_texts};

pub(super) const PDF_001: Rule = Rule {
    id: "PDF-001",
    severity: Severity::Error,
    title: "Text contains a character the PDF cannot print",
    explanation: "The PDF embeds Liberation Sans (Latin, Greek and Cyrillic letters, digits and \
        punctuation), a few symbols (✔ ☐) and full-width punctuation, and for Chinese a CJK font \
        found on this computer. It cannot print emoji, characters no font has, or invisible \
        characters such as tabs; Chinese needs a CJK font to be installed (on Debian/Ubuntu \
        `fonts-noto-cjk`). The export refuses a return with such a character rather than print \
        an empty box in its place. Retype the text (pasted text often brings tabs with it) or \
        install the font the message names.",
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
