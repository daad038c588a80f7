//! Field widgets shared by every page: numbers, money, dates, text, with inline flags.
//!
//! Every input takes the [`FieldPath`] the rules use for it and a unique accessible name; see
//! [`fields`] for the widgets and [`text`] for parsing and display of numbers and dates.

use std::collections::HashMap;

pub mod fields;
pub mod text;

pub use fields::*;

use crate::model::path::FieldPath;
use crate::model::{FieldKey, RowIndex};
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

/// Unparsed text per field (see `PageContext::buffers`). Owned by the app so it survives
/// page switches; cleared for a field once its text parses. Keyed by [`FieldKey`], so the text
/// follows its row when rows move.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FieldBuffers {
    pub invalid: HashMap<FieldKey, String>,
}

impl FieldBuffers {
    /// Drops the texts of fields whose row is gone (removed, or a different return loaded).
    pub fn prune(&mut self, rows: &RowIndex) {
        self.invalid.retain(|key, _| rows.contains(key));
    }

    /// Number of fields whose typed text is not a valid value.
    pub fn invalid_count(&self) -> usize {
        self.invalid.len()
    }
}
