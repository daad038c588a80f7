//! The FF301 return as typed data.
//!
//! Inputs only: every figure the form derives (closing balances, totals, XX1/XX2...) lives in
//! [`crate::calc`], so a derived value can never overwrite what the user typed. Share counts are
//! `i64` (signed, because movements are), money and par values are [`rust_decimal::Decimal`];
//! a blank cell is `None`, which arithmetic treats as zero and printing keeps blank.

mod class;
mod confirmations;
mod hdr;
mod header;
mod identity;
mod last_month;
mod part1;
mod part2;
mod part3;
pub mod path;
mod row;
pub mod subpart;

pub use class::*;
pub use confirmations::*;
pub use hdr::*;
pub use header::*;
pub use identity::{Anchor, FieldKey, RowIndex};
pub use last_month::*;
pub use part1::*;
pub use part2::*;
pub use part3::*;
pub use row::RowId;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Which edition of the HKEX template the return follows; it decides labels, the v1.2.0 public
/// float block and the numbering of the notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum TemplateVersion {
    /// Treasury-share rules, in force from 11 June 2024.
    #[default]
    V1_1_0,
    /// Adds the per-class public float sufficiency confirmation (January 2026).
    V1_2_0,
}

impl TemplateVersion {
    pub const ALL: [TemplateVersion; 2] = [TemplateVersion::V1_1_0, TemplateVersion::V1_2_0];

    /// The version as printed in the footer of every page, e.g. `v 1.1.0`.
    pub fn footer(self) -> &'static str {
        match self {
            TemplateVersion::V1_1_0 => "v 1.1.0",
            TemplateVersion::V1_2_0 => "v 1.2.0",
        }
    }

    /// Short name for menus and the status bar.
    pub fn label(self) -> &'static str {
        match self {
            TemplateVersion::V1_1_0 => "v1.1.0",
            TemplateVersion::V1_2_0 => "v1.2.0",
        }
    }

    pub fn has_public_float(self) -> bool {
        self == TemplateVersion::V1_2_0
    }
}

/// A part of the form that is either `Not applicable` or a list of class blocks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Part<B> {
    /// Prints the heading followed by `Not applicable`; a part marked so must have no blocks.
    pub not_applicable: bool,
    pub blocks: Vec<B>,
}

impl<B> Default for Part<B> {
    fn default() -> Self {
        Part {
            not_applicable: false,
            blocks: Vec::new(),
        }
    }
}

impl<B> Part<B> {
    /// A part with nothing to report.
    pub fn not_applicable() -> Self {
        Part {
            not_applicable: true,
            blocks: Vec::new(),
        }
    }

    /// The blocks that count: none when the part is marked not applicable.
    pub fn active(&self) -> &[B] {
        if self.not_applicable {
            &[]
        } else {
            &self.blocks
        }
    }
}

/// One whole monthly return, as the user entered it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MonthlyReturn {
    pub template_version: TemplateVersion,
    pub header: Header,
    /// The classes of shares the return talks about; blocks in every part refer to them by id,
    /// so a class is described once and named identically everywhere.
    pub classes: Vec<ShareClass>,
    pub part1: Part1,
    pub part2: Part2,
    pub part3a: Part<OptionBlock>,
    pub part3b: Part<WarrantBlock>,
    pub part3c: Part<ConvertibleBlock>,
    pub part3d: Part<ArrangementBlock>,
    pub part3e: Part<EventBlock>,
    pub part4: Part4,
    pub part5: Confirmations,
    /// Text typed into a number or date field that is not a value, by the field's identity:
    /// kept exactly as typed (and saved), reported by rule `TXT-001` until corrected; the
    /// field itself counts as blank meanwhile.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub unparsed: BTreeMap<FieldKey, String>,
    /// Last month's closing figures, which the brought-forward balances are checked against
    /// (`PREV-*`); set by rolling forward or by linking last month's draft or published PDF.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_month: Option<LastMonth>,
}

impl MonthlyReturn {
    /// A blank v1.1.0 return: one ordinary share class, every part ready to fill.
    pub fn blank() -> Self {
        let class = ShareClass::new(ClassId(1));
        let id = class.id;
        let mut ret = MonthlyReturn {
            template_version: TemplateVersion::V1_1_0,
            header: Header::default(),
            classes: vec![class],
            part1: Part1 {
                part: Part {
                    not_applicable: false,
                    blocks: vec![AuthorisedBlock::new(id)],
                },
                remarks: String::new(),
            },
            part2: Part2 {
                part: Part {
                    not_applicable: false,
                    blocks: vec![IssuedBlock::new(id)],
                },
                remarks: String::new(),
            },
            part3a: Part::not_applicable(),
            part3b: Part::not_applicable(),
            part3c: Part::not_applicable(),
            part3d: Part::not_applicable(),
            part3e: Part::not_applicable(),
            part4: Part4::default_not_applicable(),
            part5: Confirmations::default(),
            unparsed: BTreeMap::new(),
            last_month: None,
        };
        ret.ensure_row_ids();
        ret
    }

    pub fn class(&self, id: ClassId) -> Option<&ShareClass> {
        self.classes.iter().find(|c| c.id == id)
    }

    /// The name a class goes by in summary lines (`Ordinary shares (AA1)`); a dangling id gets a
    /// visible placeholder rather than a panic.
    pub fn class_name(&self, id: ClassId) -> String {
        match self.class(id) {
            Some(c) => c.summary_name(),
            None => format!("Unknown class #{}", id.0),
        }
    }

    /// An id no class uses yet.
    pub fn next_class_id(&self) -> ClassId {
        ClassId(self.classes.iter().map(|c| c.id.0).max().unwrap_or(0) + 1)
    }
}
