//! Which field a [`FieldPath`] means, independent of where its row sits.
//!
//! A path names a field by position (`IIIA/class[0]/scheme[2]/exercised`), which is what the
//! rules report and what a reader can follow. When a row moves, the same field gets another
//! path. Its [`FieldKey`] stays: it is the innermost row's [`RowId`] (or class's [`ClassId`])
//! plus the rest of the path below that row. The editor keys focus, half-typed text and widget
//! state on it, so they follow the row.
//!
//! [`RowIndex`] maps the positional prefix of every row of one return to its id; it is rebuilt
//! whenever the return changes (one pass over the rows).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::path::{self, FieldPath, FormPart};
use super::{ClassId, MonthlyReturn, RowId};

/// The row (or class) a field belongs to, by identity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Anchor {
    Row(RowId),
    Class(ClassId),
}

/// The identity of one field: its anchor and the path below it, or the whole path for fields
/// outside any row (the header, a part's `Not applicable`, its remarks).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FieldKey {
    Anchored(Anchor, String),
    Fixed(FieldPath),
}

/// Positional row prefixes (`IIIA/class[0]/scheme[2]`) of one return, mapped to their anchors.
#[derive(Debug, Clone, Default)]
pub struct RowIndex {
    anchors: HashMap<FieldPath, Anchor>,
    /// Where each anchor sits now, for turning a [`FieldKey`] back into a path.
    positions: HashMap<Anchor, FieldPath>,
}

impl RowIndex {
    pub fn new(ret: &MonthlyReturn) -> Self {
        let mut anchors = HashMap::new();
        for (b, x) in ret.part1.part.blocks.iter().enumerate() {
            anchors.insert(FormPart::I.block(b), Anchor::Row(x.id));
        }
        for (b, x) in ret.part2.part.blocks.iter().enumerate() {
            anchors.insert(FormPart::II.block(b), Anchor::Row(x.id));
        }
        for (b, x) in ret.part3a.blocks.iter().enumerate() {
            anchors.insert(FormPart::IIIA.block(b), Anchor::Row(x.id));
            for (r, s) in x.schemes.iter().enumerate() {
                anchors.insert(path::part3a::scheme(b, r), Anchor::Row(s.id));
            }
        }
        for (b, x) in ret.part3b.blocks.iter().enumerate() {
            anchors.insert(FormPart::IIIB.block(b), Anchor::Row(x.id));
            for (r, w) in x.warrants.iter().enumerate() {
                anchors.insert(path::part3b::warrant(b, r), Anchor::Row(w.id));
            }
        }
        for (b, x) in ret.part3c.blocks.iter().enumerate() {
            anchors.insert(FormPart::IIIC.block(b), Anchor::Row(x.id));
            for (r, c) in x.convertibles.iter().enumerate() {
                anchors.insert(path::part3c::convertible(b, r), Anchor::Row(c.id));
                for (m, mv) in c.movements.iter().enumerate() {
                    anchors.insert(path::part3c::movement(b, r, m), Anchor::Row(mv.id));
                }
            }
        }
        for (b, x) in ret.part3d.blocks.iter().enumerate() {
            anchors.insert(FormPart::IIID.block(b), Anchor::Row(x.id));
            for (r, a) in x.arrangements.iter().enumerate() {
                anchors.insert(path::part3d::arrangement(b, r), Anchor::Row(a.id));
            }
        }
        for (b, x) in ret.part3e.blocks.iter().enumerate() {
            anchors.insert(FormPart::IIIE.block(b), Anchor::Row(x.id));
            for (r, e) in x.events.iter().enumerate() {
                anchors.insert(path::part3e::event(b, r), Anchor::Row(e.id));
            }
        }
        for (r, h) in ret.part4.part.blocks.iter().enumerate() {
            anchors.insert(path::part4::hdr(r), Anchor::Row(h.id));
        }
        for (i, c) in ret.classes.iter().enumerate() {
            for (j, counter) in c.other_counters.iter().enumerate() {
                anchors.insert(path::classes::counter(i, j), Anchor::Row(counter.id));
            }
            anchors.insert(path::classes::class(i), Anchor::Class(c.id));
        }
        let positions = anchors.iter().map(|(p, a)| (*a, p.clone())).collect();
        RowIndex { anchors, positions }
    }

    /// The identity of the field at `path`: anchored on the innermost row it lies in.
    pub fn key(&self, path: &FieldPath) -> FieldKey {
        let text = path.as_str();
        // Row prefixes end in `]`; try the longest first.
        for (end, _) in text.rmatch_indices(']') {
            let prefix = &text[..=end];
            if let Some(anchor) = self.anchors.get(prefix) {
                return FieldKey::Anchored(*anchor, text[end + 1..].to_string());
            }
        }
        FieldKey::Fixed(path.clone())
    }

    /// The current path of the field `key` names; `None` when its row is gone.
    pub fn path_of(&self, key: &FieldKey) -> Option<FieldPath> {
        match key {
            FieldKey::Fixed(path) => Some(path.clone()),
            FieldKey::Anchored(anchor, rest) => {
                self.positions.get(anchor).map(|prefix| prefix.join(rest))
            }
        }
    }

    /// Whether `key` still names a field of the return this index was built from (its row was
    /// not removed).
    pub fn contains(&self, key: &FieldKey) -> bool {
        match key {
            FieldKey::Fixed(_) => true,
            FieldKey::Anchored(anchor, _) => self.positions.contains_key(anchor),
        }
    }
}

impl MonthlyReturn {
    /// Drops kept text whose field is gone (its row was removed); returns whether any was.
    pub fn prune_unparsed(&mut self) -> bool {
        if self.unparsed.is_empty() {
            return false;
        }
        let rows = RowIndex::new(self);
        let before = self.unparsed.len();
        self.unparsed.retain(|key, _| rows.contains(key));
        self.unparsed.len() != before
    }
}

impl std::borrow::Borrow<str> for FieldPath {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{OptionBlock, OptionScheme, Part};

    fn two_schemes() -> MonthlyReturn {
        let mut ret = MonthlyReturn::blank();
        ret.part3a = Part {
            not_applicable: false,
            blocks: vec![OptionBlock {
                schemes: vec![OptionScheme::default(), OptionScheme::default()],
                ..OptionBlock::default()
            }],
        };
        ret.ensure_row_ids();
        ret
    }

    #[test]
    fn a_field_keeps_its_key_when_its_row_moves() {
        let mut ret = two_schemes();
        let before = RowIndex::new(&ret).key(&path::part3a::new_shares(0, 1));
        ret.part3a.blocks[0].schemes.swap(0, 1);
        let index = RowIndex::new(&ret);
        assert_eq!(index.key(&path::part3a::new_shares(0, 0)), before);
        assert_ne!(index.key(&path::part3a::new_shares(0, 1)), before);
        assert!(index.contains(&before));
        assert_eq!(index.path_of(&before), Some(path::part3a::new_shares(0, 0)));
        ret.part3a.blocks[0].schemes.remove(0);
        assert!(!RowIndex::new(&ret).contains(&before));
    }

    #[test]
    fn fields_outside_rows_are_keyed_by_their_path() {
        let ret = two_schemes();
        let index = RowIndex::new(&ret);
        let p = path::header::issuer_name();
        assert_eq!(index.key(&p), FieldKey::Fixed(p.clone()));
        // A block-level field is anchored on the block, not on a scheme.
        let remarks = path::part::block_remarks(FormPart::IIIA, 0);
        let block_id = ret.part3a.blocks[0].id;
        assert_eq!(
            index.key(&remarks),
            FieldKey::Anchored(Anchor::Row(block_id), "/remarks".to_string())
        );
    }
}
