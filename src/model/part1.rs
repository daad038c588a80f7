use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::RowId;

use super::{ClassId, Part};

/// An amount of money with its 3-letter currency (`USD`, `HKD`, `RMB`), exact to the cent and
/// beyond: par values such as `0.00001` are common.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Money {
    pub currency: String,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub amount: Option<Decimal>,
}

impl Money {
    pub fn new(currency: &str, amount: Decimal) -> Self {
        Money {
            currency: currency.to_string(),
            amount: Some(amount),
        }
    }

    pub fn is_blank(&self) -> bool {
        self.amount.is_none()
    }
}

/// Part I: one block per class of authorised/registered shares.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Part1 {
    pub part: Part<AuthorisedBlock>,
    pub remarks: String,
}

/// `Movements in Authorised / Registered Share Capital` for one class.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AuthorisedBlock {
    /// Stable identity of the row (see [`super::RowId`]).
    pub id: RowId,
    pub class: ClassId,
    pub preceding_shares: Option<i64>,
    pub movement_shares: Option<i64>,
    /// Par value at the close of the preceding month; its currency is the capital's currency.
    pub par_value: Money,
    /// Par value at the close of the month when it changed (a subdivision or consolidation);
    /// blank means unchanged.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub closing_par_value: Option<Decimal>,
    /// `Manual input`: capital is typed, not shares × par (e.g. PRC banks' preference shares,
    /// whose registered capital is the issue proceeds).
    pub manual_capital: bool,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub manual_preceding_capital: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub manual_movement_capital: Option<Decimal>,
}

impl AuthorisedBlock {
    pub fn new(class: ClassId) -> Self {
        AuthorisedBlock {
            class,
            ..AuthorisedBlock::default()
        }
    }
}
