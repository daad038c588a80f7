//! Last month in the editor: linking a draft or published PDF as last month, unlinking it,
//! importing a published return as a new draft, and rolling forward from one.

use std::path::Path;

use super::{Document, EditorApp};
use crate::last_month::{self, Comparison};
use crate::model::{LinkKind, MonthlyReturn};
use crate::ui::pages::Page;
use crate::ui::status::StatusMessage;

/// The note above the page after an import: where the return came from and what to review.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportNote {
    pub title: String,
    /// What could not be read for certain, by page and field; empty when everything was.
    pub review: Vec<String>,
}

impl EditorApp {
    /// Links the draft or published PDF at `path` as last month: its closing figures are kept
    /// in this return (an undoable change) and the balances brought forward are checked
    /// against them from now on.
    pub(super) fn link_last_month(&mut self, path: &Path) {
        let Some(doc) = &mut self.doc else { return };
        let read = match last_month::read_return(path) {
            Ok(r) => r,
            Err(e) => {
                self.status = Some(StatusMessage::error(format!("Last month not linked: {e}")));
                return;
            }
        };
        let snapshot = last_month::capture(
            &read.ret,
            &crate::calc::derive(&read.ret),
            last_month::source(read.kind, path),
        );
        self.history
            .begin_named(&doc.ret, "linking last month's return");
        doc.ret.last_month = Some(snapshot);
        self.history.checkpoint(&doc.ret);

        let derived = crate::calc::derive(&doc.ret);
        let Some(last) = doc.ret.last_month.as_ref() else {
            return;
        };
        let comparison = last_month::compare(last, &doc.ret, &derived);
        let mut text = format!(
            "Linked last month: {}. {}",
            last_month::compare::describe(last),
            agreement(&comparison)
        );
        let (this_issuer, that_issuer) = (
            doc.ret.header.issuer_name.trim(),
            read.ret.header.issuer_name.trim(),
        );
        let other_issuer = !this_issuer.is_empty()
            && !that_issuer.is_empty()
            && !this_issuer.eq_ignore_ascii_case(that_issuer);
        if other_issuer {
            text.push_str(&format!(
                " Note: it is {that_issuer}'s return, not {this_issuer}'s (Undo unlinks it)."
            ));
        }
        if !read.notes.is_empty() {
            text.push_str(&format!(
                " {} of the PDF could not be read for certain (listed above the page).",
                crate::format::counted(read.notes.len(), "item")
            ));
            // Listed where they can be read whole, not cut short in the status bar.
            self.import_note = Some(ImportNote {
                title: format!(
                    "Last month linked from the published return {}: the balances brought \
                     forward are checked against what could be read.",
                    last.source.file
                ),
                review: read.notes.clone(),
            });
        }
        self.status = Some(if comparison.disagreements() > 0 || other_issuer {
            StatusMessage::error(text)
        } else {
            StatusMessage::info(text)
        });
    }

    /// Forgets last month's figures (undoable).
    pub(super) fn unlink_last_month(&mut self) {
        let Some(doc) = &mut self.doc else { return };
        if doc.ret.last_month.is_none() {
            self.status = Some(StatusMessage::info("No last month is linked"));
            return;
        }
        self.history
            .begin_named(&doc.ret, "unlinking last month's return");
        doc.ret.last_month = None;
        self.history.checkpoint(&doc.ret);
        self.status = Some(StatusMessage::info(
            "Last month unlinked: the balances brought forward are no longer checked",
        ));
    }

    /// Opens the published return at `path` as a new, untitled draft — or, with `roll`, next
    /// month's draft rolled forward from it — with a note saying what to review.
    pub(super) fn import(&mut self, path: &Path, roll: bool) {
        let verb = if roll {
            "Not rolled forward"
        } else {
            "Not imported"
        };
        let read = match last_month::read_return(path) {
            Ok(r) => r,
            Err(e) => {
                self.status = Some(StatusMessage::error(format!("{verb}: {e}")));
                return;
            }
        };
        if read.kind == LinkKind::Draft && !roll {
            // A draft chosen to import is simply opened, with its own file.
            self.replace_document(Document::new(read.ret, Some(path.to_path_buf())));
            self.prefs.add_recent(path);
            self.page = Page::I;
            self.compare_open = false;
            self.status = Some(StatusMessage::info(format!(
                "Opened {}: it is a draft, not a published PDF",
                path.display()
            )));
            return;
        }
        let file = last_month::source(read.kind, path).file;
        let what = match read.kind {
            LinkKind::PublishedPdf => "the published return",
            _ => "the draft",
        };
        let (ret, title) = if roll {
            match crate::rollforward::roll_forward(&read.ret) {
                Ok(mut next) => {
                    if let Some(link) = next.last_month.as_mut() {
                        link.source = last_month::source(read.kind, path);
                    }
                    let title = format!(
                        "Rolled forward to {} from {what} {file}: its closing balances are \
                         brought forward and checked against.",
                        month(&next)
                    );
                    (next, title)
                }
                Err(e) => {
                    self.status = Some(StatusMessage::error(format!("{verb}: {e}")));
                    return;
                }
            }
        } else {
            let title = format!(
                "Imported {} from {what} {file}. Check it against the PDF before relying on it.",
                month(&read.ret)
            );
            (read.ret, title)
        };
        let mut doc = Document::new(ret, None);
        // Untitled and not saved anywhere yet: closing must ask.
        doc.saved = None;
        doc.dirty = true;
        self.replace_document(doc);
        self.page = Page::I;
        self.compare_open = false;
        self.status = Some(StatusMessage::info(format!(
            "{}: untitled until saved",
            if roll { "Rolled forward" } else { "Imported" }
        )));
        self.import_note = Some(ImportNote {
            title,
            review: read.notes,
        });
    }

    /// The comparison with last month of the return as last analysed, recomputed only when
    /// the analysis was.
    pub(super) fn comparison(&mut self) -> Option<&Comparison> {
        let doc = self.doc.as_ref()?;
        let last = doc.ret.last_month.as_ref()?;
        let generation = self.analysis.generation;
        if self.compare_cache.as_ref().map(|(g, _)| *g) != Some(generation) {
            let c = last_month::compare(last, &doc.ret, &self.analysis.derived);
            self.compare_cache = Some((generation, c));
        }
        self.compare_cache.as_ref().map(|(_, c)| c)
    }
}

/// "Every balance brought forward agrees…" or "2 balances brought forward differ…".
pub fn agreement(c: &Comparison) -> String {
    match c.disagreements() {
        0 => "Every balance brought forward agrees with its close.".to_string(),
        n => format!(
            "{} brought forward {} from its close: see View › Compare with last month.",
            crate::format::counted(n, "balance"),
            if n == 1 { "differs" } else { "differ" }
        ),
    }
}

fn month(ret: &MonthlyReturn) -> String {
    ret.header
        .month_end
        .map_or("a return with no month end".to_string(), |d| {
            d.format("%B %Y").to_string()
        })
}
