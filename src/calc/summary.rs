//! The XX1 / XX2 summary lines of III(A)–(D): the one place that encodes the spec's inferred
//! reading of them.

use super::Overflows;
use crate::model::path::{self as paths, FormPart};

/// `Increase in issued shares (excluding treasury shares)` (XX1) and
/// `Decrease in treasury shares` (XX2) of one block, both printed as positive numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub sum_x1: Option<i64>,
    pub sum_x2: Option<i64>,
    pub xx1: Option<i64>,
    pub xx2: Option<i64>,
}

/// *(inferred, spec §4 III)* Shares transferred out of treasury become issued shares outside
/// treasury, so XX1 = Σ X1 + Σ X2 and XX2 = Σ X2. This is the only reading under which part II
/// stays consistent (the total only moves by new shares issued and shares cancelled).
pub(super) fn summarise(
    rows: impl Iterator<Item = (Option<i64>, Option<i64>)>,
    (part, block): (FormPart, usize),
    of: &mut Overflows,
) -> Summary {
    let mut x1 = Some(0i64);
    let mut x2 = Some(0i64);
    for (a, b) in rows {
        x1 = x1.and_then(|s| s.checked_add(a.unwrap_or(0)));
        x2 = x2.and_then(|s| s.checked_add(b.unwrap_or(0)));
    }
    let xx1 = x1.and_then(|a| a.checked_add(x2?));
    Summary {
        sum_x1: x1,
        sum_x2: x2,
        xx1: of.check(xx1, || paths::summary::xx1(part, block)),
        xx2: of.check(x2, || paths::summary::xx2(part, block)),
    }
}
