//! Last month's closing figures, kept inside this month's draft.
//!
//! Every "balance at close of preceding month" must equal last month's closing figure. A
//! return keeps a snapshot of those figures — per class, per scheme / warrant / instrument and
//! per HDR line — with where they came from, rather than a path to last month's file: the link
//! survives moving, renaming or deleting that file, and a return filed through HKEX's e-form
//! (of which only the published PDF exists) can be linked as well as a draft. The `PREV-*`
//! rules and the "Compare with last month" view read only this snapshot;
//! [`crate::last_month::capture`] builds it from a return and its derived figures.
//!
//! Classes are described, not referred to by [`super::ClassId`]: an id means nothing outside
//! the return that gave it, and an imported return numbers its classes afresh.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{ClassOfShares, TemplateVersion, TypeOfShares};

/// Where a snapshot came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum LinkKind {
    /// Written by rolling last month's return forward.
    #[default]
    RolledForward,
    /// Linked from a draft.
    Draft,
    /// Linked from a published FF301 PDF, read back by the importer.
    PublishedPdf,
}

impl LinkKind {
    /// How the findings panel, the compare view and the command line say where the figures
    /// come from ("rolled forward from x.ron", "from the published return x.pdf").
    pub fn verb(self) -> &'static str {
        match self {
            LinkKind::RolledForward => "rolled forward from",
            LinkKind::Draft => "from the draft",
            LinkKind::PublishedPdf => "from the published return",
        }
    }
}

/// The snapshot's origin: how it was taken and from which file (its name when it was taken;
/// empty when unknown, e.g. rolled forward from a return never saved).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LinkSource {
    pub kind: LinkKind,
    pub file: String,
}

/// A class of shares as last month's return described it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LastClass {
    pub class_of_shares: ClassOfShares,
    pub type_of_shares: TypeOfShares,
    pub stock_code: String,
    pub description: String,
    /// Its name in summary lines then (`Ordinary shares (H)`), for messages.
    pub name: String,
}

/// Part I at the close of last month, for one class.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LastAuthorised {
    /// Index into [`LastMonth::classes`].
    pub class: usize,
    pub shares: Option<i64>,
    pub currency: String,
    /// The par value at close (the changed par when it changed); blank when last month had none.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub par_value: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub capital: Option<Decimal>,
}

/// Part II at the close of last month, for one class.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LastIssued {
    /// Index into [`LastMonth::classes`].
    pub class: usize,
    pub excluding_treasury: Option<i64>,
    pub treasury: Option<i64>,
}

/// One block of III(A), III(B) or III(C) at the close of last month.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LastBlock {
    /// Index into [`LastMonth::classes`].
    pub class: usize,
    pub rows: Vec<LastRow>,
}

/// One scheme, warrant or convertible at the close of last month.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LastRow {
    /// The scheme's particulars, the warrant's or instrument's description.
    pub name: String,
    /// Options outstanding at close (III(A)).
    pub count: Option<i64>,
    /// Nominal value (III(B)) or amount (III(C)) at close.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub amount: Option<Decimal>,
    /// The currency of `amount`.
    pub currency: String,
    /// "Shares which may be issued at close".
    pub issuable_at_close: Option<i64>,
}

/// One HDR line of Part IV at the close of last month.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LastHdr {
    pub description: String,
    pub stock_code: String,
    pub hdrs: Option<i64>,
}

/// Last month's closing figures (see the module docs). Blocks are those of parts that were
/// applicable, in last month's order; a figure that was blank (or could not be computed) is
/// `None` and is not compared.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LastMonth {
    pub source: LinkSource,
    pub template_version: TemplateVersion,
    pub issuer_name: String,
    pub month_end: Option<NaiveDate>,
    pub classes: Vec<LastClass>,
    pub part1: Vec<LastAuthorised>,
    pub part2: Vec<LastIssued>,
    pub part3a: Vec<LastBlock>,
    pub part3b: Vec<LastBlock>,
    pub part3c: Vec<LastBlock>,
    pub part4: Vec<LastHdr>,
}

impl LastMonth {
    /// The class at `index` by its name then, or a placeholder for a hand-edited index.
    pub fn class_name(&self, index: usize) -> String {
        self.classes
            .get(index)
            .map_or_else(|| format!("class #{}", index + 1), |c| c.name.clone())
    }
}
