//! Stable identity of every repeating row of a return.
//!
//! Class blocks, schemes, warrants, convertibles and their movements, arrangements, events, HDR
//! lines and the other counters of a class each carry a [`RowId`], unique within the return. Field
//! paths stay positional (`IIIA/class[0]/scheme[2]/exercised`: what the rules print and the docs
//! show); the id is what the editor keys focus and half-typed text on, so they follow a row that
//! moves, and what roll-forward and comparisons can match rows by.
//!
//! Ids are assigned, never typed: [`MonthlyReturn::ensure_row_ids`] gives every row without one
//! (id 0, as read from a format-1 draft or just added in the editor) or with a duplicate (a
//! hand-edited draft) a fresh id, and keeps every other id as it is. It cannot fail.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::MonthlyReturn;

/// Identity of one row; 0 means "not assigned yet".
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct RowId(pub u32);

impl RowId {
    pub fn is_assigned(self) -> bool {
        self.0 != 0
    }
}

/// Calls `f` on the id of every row of `ret`, in document order.
fn for_each_id_mut(ret: &mut MonthlyReturn, f: &mut dyn FnMut(&mut RowId)) {
    for c in &mut ret.classes {
        c.other_counters.iter_mut().for_each(|r| f(&mut r.id));
    }
    ret.part1.part.blocks.iter_mut().for_each(|b| f(&mut b.id));
    ret.part2.part.blocks.iter_mut().for_each(|b| f(&mut b.id));
    for b in &mut ret.part3a.blocks {
        f(&mut b.id);
        b.schemes.iter_mut().for_each(|r| f(&mut r.id));
    }
    for b in &mut ret.part3b.blocks {
        f(&mut b.id);
        b.warrants.iter_mut().for_each(|r| f(&mut r.id));
    }
    for b in &mut ret.part3c.blocks {
        f(&mut b.id);
        for c in &mut b.convertibles {
            f(&mut c.id);
            c.movements.iter_mut().for_each(|m| f(&mut m.id));
        }
    }
    for b in &mut ret.part3d.blocks {
        f(&mut b.id);
        b.arrangements.iter_mut().for_each(|r| f(&mut r.id));
    }
    for b in &mut ret.part3e.blocks {
        f(&mut b.id);
        b.events.iter_mut().for_each(|r| f(&mut r.id));
    }
    ret.part4.part.blocks.iter_mut().for_each(|h| f(&mut h.id));
}

impl MonthlyReturn {
    /// Gives every unassigned or duplicated row id a fresh one (above every id in use); keeps
    /// the others. Returns whether anything changed.
    pub fn ensure_row_ids(&mut self) -> bool {
        let mut max = 0;
        let mut seen = HashSet::new();
        let mut needs_new = false;
        for_each_id_mut(self, &mut |id| {
            max = max.max(id.0);
            if !id.is_assigned() || !seen.insert(*id) {
                needs_new = true;
            }
        });
        if !needs_new {
            return false;
        }
        let mut seen = HashSet::new();
        let mut next = max;
        for_each_id_mut(self, &mut |id| {
            if !id.is_assigned() || !seen.insert(*id) {
                // u32 ids run out only after four billion rows, far past the 16 MiB draft limit;
                // wrapping would still give a non-zero id, checked by `seen` next time.
                next = next.checked_add(1).unwrap_or(1);
                *id = RowId(next);
                seen.insert(*id);
            }
        });
        true
    }
}

impl MonthlyReturn {
    /// Gives rows added since the last call (id 0) fresh ids, without the duplicate check of
    /// [`MonthlyReturn::ensure_row_ids`]: what the editor calls every frame, so it allocates
    /// nothing when every row has its id. (Only loading can bring duplicates; it repairs them.)
    pub fn assign_new_row_ids(&mut self) -> bool {
        let mut max = 0;
        let mut unassigned = false;
        for_each_id_mut(self, &mut |id| {
            max = max.max(id.0);
            unassigned |= !id.is_assigned();
        });
        if !unassigned {
            return false;
        }
        let mut next = max;
        for_each_id_mut(self, &mut |id| {
            if !id.is_assigned() {
                next = next.checked_add(1).unwrap_or(1);
                *id = RowId(next);
            }
        });
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{OptionBlock, OptionScheme, Part};

    fn with_schemes(ids: &[u32]) -> MonthlyReturn {
        let mut ret = MonthlyReturn::blank();
        ret.part3a = Part {
            not_applicable: false,
            blocks: vec![OptionBlock {
                id: RowId(0),
                schemes: ids
                    .iter()
                    .map(|&i| OptionScheme {
                        id: RowId(i),
                        ..OptionScheme::default()
                    })
                    .collect(),
                ..OptionBlock::default()
            }],
        };
        ret
    }

    fn scheme_ids(ret: &MonthlyReturn) -> Vec<u32> {
        ret.part3a.blocks[0]
            .schemes
            .iter()
            .map(|s| s.id.0)
            .collect()
    }

    #[test]
    fn unassigned_and_duplicate_ids_get_fresh_ones_and_others_are_kept() {
        let mut ret = with_schemes(&[7, 0, 7, 3]);
        assert!(ret.ensure_row_ids());
        let ids = scheme_ids(&ret);
        assert_eq!(ids[0], 7, "the first holder of an id keeps it");
        assert_eq!(ids[3], 3);
        assert!(ids[1] > 7 && ids[2] > 7 && ids[1] != ids[2]);
        assert!(ret.part3a.blocks[0].id.is_assigned());
        // Once assigned, nothing changes.
        let before = ret.clone();
        assert!(!ret.ensure_row_ids());
        assert_eq!(ret, before);
    }

    #[test]
    fn new_rows_get_ids_above_every_id_in_use() {
        let mut ret = with_schemes(&[7, 0, 3]);
        assert!(ret.assign_new_row_ids());
        let ids = scheme_ids(&ret);
        assert_eq!((ids[0], ids[2]), (7, 3));
        assert!(ids[1] > 7);
        assert!(!ret.assign_new_row_ids(), "nothing left to assign");
    }

    #[test]
    fn every_row_of_a_blank_return_has_a_distinct_id() {
        let mut ret = MonthlyReturn::blank();
        assert!(!ret.ensure_row_ids(), "blank() assigns ids itself");
        let mut ids = Vec::new();
        for_each_id_mut(&mut ret, &mut |id| ids.push(*id));
        assert!(ids.iter().all(|id| id.is_assigned()));
        let distinct: HashSet<_> = ids.iter().collect();
        assert_eq!(distinct.len(), ids.len());
    }
}
