use serde::{Deserialize, Serialize};

use super::RowId;

use super::{ClassId, Part};

/// Part II: one block per class of issued shares.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Part2 {
    pub part: Part<IssuedBlock>,
    pub remarks: String,
}

/// Issued shares excluding treasury and treasury shares: one row of the part II table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct IssuedRow {
    pub excluding_treasury: Option<i64>,
    pub treasury: Option<i64>,
}

/// `Movements in Issued Shares and/or Treasury Shares` for one class. The totals and the closing
/// row are derived.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct IssuedBlock {
    /// Stable identity of the row (see [`super::RowId`]).
    pub id: RowId,
    pub class: ClassId,
    pub preceding: IssuedRow,
    pub movement: IssuedRow,
    /// The v1.2.0 public float sufficiency confirmation; ignored (kept, not printed) in v1.1.0.
    pub public_float: PublicFloat,
}

impl IssuedBlock {
    pub fn new(class: ClassId) -> Self {
        IssuedBlock {
            class,
            ..IssuedBlock::default()
        }
    }
}

/// `Public float sufficiency confirmation (Note 4)` of template v1.2.0.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PublicFloat {
    /// Which tick box: complied (`Some(true)`), not complied (`Some(false)`), or not yet chosen.
    pub complied: Option<bool>,
    pub threshold: String,
    pub additional_information: String,
}
