//! Field widgets shared by every page: numbers, money, dates, text, with inline flags.
//!
//! Every input takes the [`FieldPath`] the rules use for it and a unique accessible name; see
//! [`fields`] for the widgets and [`text`] for parsing and display of numbers and dates.

use std::collections::{BTreeMap, HashMap};

pub mod fields;
mod flag;
mod help;
pub mod layout;
pub mod text;

pub use fields::*;
pub use help::{help_text, set_help_open, take_help_request};

use crate::model::path::FieldPath;
use crate::model::{FieldKey, MonthlyReturn};
use crate::rules::Finding;

/// Findings looked up by the path of the field they point at (primary path only).
#[derive(Default)]
pub struct FindingIndex<'a> {
    by_path: HashMap<&'a FieldPath, Vec<&'a Finding>>,
}

impl<'a> FindingIndex<'a> {
    pub fn new(findings: &'a [Finding]) -> Self {
        let mut by_path: HashMap<&'a FieldPath, Vec<&'a Finding>> = HashMap::new();
        for f in findings {
            by_path.entry(&f.path).or_default().push(f);
        }
        FindingIndex { by_path }
    }

    pub fn at(&self, path: &FieldPath) -> &[&'a Finding] {
        self.by_path.get(path).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// Unparsed text per field (see `PageContext::buffers`): the return's own
/// [`crate::model::MonthlyReturn::unparsed`], lent to the page while it is drawn (the page
/// also holds the return mutably), so what is typed is saved, undone and recovered with the
/// return. Cleared for a field once its text parses. Keyed by [`FieldKey`], so the text
/// follows its row when rows move.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FieldBuffers {
    pub invalid: BTreeMap<FieldKey, String>,
}

impl FieldBuffers {
    /// Borrows the return's kept texts for one frame of drawing; give them back with
    /// [`FieldBuffers::give_back`].
    pub fn lend(ret: &mut MonthlyReturn) -> Self {
        FieldBuffers {
            invalid: std::mem::take(&mut ret.unparsed),
        }
    }

    pub fn give_back(self, ret: &mut MonthlyReturn) {
        ret.unparsed = self.invalid;
    }
}
