use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::RowId;

use super::Part;

/// Part IV: Hong Kong Depositary Receipts (only issuers listed under Chapter 19B).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Part4 {
    pub part: Part<HdrLine>,
    pub remarks: String,
}

impl Part4 {
    pub fn default_not_applicable() -> Self {
        Part4 {
            part: Part::not_applicable(),
            remarks: String::new(),
        }
    }
}

/// One HDR line *(content inferred: no filed return with HDRs is at hand)*.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HdrLine {
    /// Stable identity of the row (see [`super::RowId`]).
    pub id: RowId,
    pub description: String,
    pub stock_code: String,
    pub depositary: String,
    /// Number of HDRs representing one underlying share.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub hdrs_per_share: Option<Decimal>,
    pub preceding_hdrs: Option<i64>,
    pub movement_hdrs: Option<i64>,
}
