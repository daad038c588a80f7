//! Part III: details of movements, sub-parts (A) to (E). In each, column X1 counts new shares
//! issued and X2 treasury shares transferred out of treasury.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::RowId;

use super::{ClassId, Money};

/// III(A) for one class: share option schemes.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OptionBlock {
    /// Stable identity of the row (see [`super::RowId`]).
    pub id: RowId,
    pub class: ClassId,
    pub schemes: Vec<OptionScheme>,
    /// `Total funds raised during the month from exercise of options`.
    pub funds_raised: Money,
    pub remarks: String,
}

/// One share option scheme. Movements are typed as positive numbers; granted adds, the other
/// three subtract (the form prints them negative, e.g. `Lapsed -112,875`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OptionScheme {
    /// Stable identity of the row (see [`super::RowId`]).
    pub id: RowId,
    pub particulars: String,
    pub preceding_outstanding: Option<i64>,
    pub granted: Option<i64>,
    pub exercised: Option<i64>,
    pub cancelled: Option<i64>,
    pub lapsed: Option<i64>,
    /// A1: new shares issued on exercise during the month.
    pub new_shares: Option<i64>,
    /// A2: treasury shares transferred out of treasury on exercise during the month.
    pub from_treasury: Option<i64>,
    /// Shares which may be issued or transferred out of treasury under it at close.
    pub shares_issuable_at_close: Option<i64>,
    /// Shares issuable upon exercise of all options still to be granted under the scheme.
    pub remaining_to_be_granted: Option<i64>,
    pub gm_approval_date: Option<NaiveDate>,
}

/// The four labelled movements of an option scheme, in the form's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OptionMovement {
    Granted,
    Exercised,
    Cancelled,
    Lapsed,
}

impl OptionMovement {
    pub const ALL: [OptionMovement; 4] = [
        OptionMovement::Granted,
        OptionMovement::Exercised,
        OptionMovement::Cancelled,
        OptionMovement::Lapsed,
    ];

    pub fn label(self) -> &'static str {
        match self {
            OptionMovement::Granted => "Granted",
            OptionMovement::Exercised => "Exercised",
            OptionMovement::Cancelled => "Cancelled",
            OptionMovement::Lapsed => "Lapsed",
        }
    }

    /// +1 when the movement adds options outstanding, -1 when it removes them.
    pub fn sign(self) -> i64 {
        match self {
            OptionMovement::Granted => 1,
            _ => -1,
        }
    }

    /// Segment of the field path (`granted`, `exercised`...).
    pub fn key(self) -> &'static str {
        match self {
            OptionMovement::Granted => "granted",
            OptionMovement::Exercised => "exercised",
            OptionMovement::Cancelled => "cancelled",
            OptionMovement::Lapsed => "lapsed",
        }
    }
}

impl OptionScheme {
    pub fn movement(&self, m: OptionMovement) -> Option<i64> {
        match m {
            OptionMovement::Granted => self.granted,
            OptionMovement::Exercised => self.exercised,
            OptionMovement::Cancelled => self.cancelled,
            OptionMovement::Lapsed => self.lapsed,
        }
    }

    pub fn movement_mut(&mut self, m: OptionMovement) -> &mut Option<i64> {
        match m {
            OptionMovement::Granted => &mut self.granted,
            OptionMovement::Exercised => &mut self.exercised,
            OptionMovement::Cancelled => &mut self.cancelled,
            OptionMovement::Lapsed => &mut self.lapsed,
        }
    }
}

/// III(B) for one class: warrants.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WarrantBlock {
    /// Stable identity of the row (see [`super::RowId`]).
    pub id: RowId,
    pub class: ClassId,
    pub warrants: Vec<Warrant>,
    pub remarks: String,
}

/// One warrant issue *(columns inferred from the earlier template)*.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Warrant {
    /// Stable identity of the row (see [`super::RowId`]).
    pub id: RowId,
    pub description: String,
    pub expiry_date: Option<NaiveDate>,
    /// Currency of nominal value.
    pub currency: String,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub preceding_nominal: Option<Decimal>,
    /// Nominal value exercised during the month (a positive amount).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub exercised_nominal: Option<Decimal>,
    /// B1.
    pub new_shares: Option<i64>,
    /// B2.
    pub from_treasury: Option<i64>,
    pub shares_issuable_at_close: Option<i64>,
    pub stock_code: String,
    pub subscription_price: Money,
    pub gm_approval_date: Option<NaiveDate>,
}

/// III(C) for one class: convertibles.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ConvertibleBlock {
    /// Stable identity of the row (see [`super::RowId`]).
    pub id: RowId,
    pub class: ClassId,
    pub convertibles: Vec<Convertible>,
    pub remarks: String,
}

/// `Type of the Convertibles`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum ConvertibleType {
    #[default]
    BondNotes,
    PreferenceShares,
    /// Others (please specify) — the text goes in `kind_other`.
    Others,
}

impl ConvertibleType {
    pub const ALL: [ConvertibleType; 3] = [
        ConvertibleType::BondNotes,
        ConvertibleType::PreferenceShares,
        ConvertibleType::Others,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ConvertibleType::BondNotes => "Bond/Notes",
            ConvertibleType::PreferenceShares => "Preference Shares",
            ConvertibleType::Others => "Others (please specify)",
        }
    }
}

/// The label of a movement in a convertible's amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum ConvertibleMovementKind {
    #[default]
    Issued,
    Converted,
    Redeemed,
    /// Any other movement, signed as typed, labelled by `label`.
    Other,
}

impl ConvertibleMovementKind {
    pub const ALL: [ConvertibleMovementKind; 4] = [
        ConvertibleMovementKind::Issued,
        ConvertibleMovementKind::Converted,
        ConvertibleMovementKind::Redeemed,
        ConvertibleMovementKind::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ConvertibleMovementKind::Issued => "Issued",
            ConvertibleMovementKind::Converted => "Converted",
            ConvertibleMovementKind::Redeemed => "Redeemed",
            ConvertibleMovementKind::Other => "Other",
        }
    }
}

/// One labelled movement of a convertible. Issued adds, converted and redeemed subtract (typed as
/// positive amounts); `Other` is signed as typed.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ConvertibleMovement {
    /// Stable identity of the row (see [`super::RowId`]).
    pub id: RowId,
    pub kind: ConvertibleMovementKind,
    /// Printed label for `Other` movements.
    pub label: String,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub amount: Option<Decimal>,
}

impl ConvertibleMovement {
    /// The signed effect on the amount outstanding; blank counts as zero.
    pub fn signed_amount(&self) -> Decimal {
        let a = self.amount.unwrap_or_default();
        match self.kind {
            ConvertibleMovementKind::Issued | ConvertibleMovementKind::Other => a,
            ConvertibleMovementKind::Converted | ConvertibleMovementKind::Redeemed => -a,
        }
    }

    /// The label printed before the amount.
    pub fn display_label(&self) -> &str {
        match self.kind {
            ConvertibleMovementKind::Other if !self.label.trim().is_empty() => self.label.trim(),
            k => k.label(),
        }
    }
}

/// One convertible instrument.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Convertible {
    /// Stable identity of the row (see [`super::RowId`]).
    pub id: RowId,
    pub description: String,
    pub kind: ConvertibleType,
    pub kind_other: String,
    pub currency: String,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub preceding_amount: Option<Decimal>,
    pub movements: Vec<ConvertibleMovement>,
    /// C1.
    pub new_shares: Option<i64>,
    /// C2.
    pub from_treasury: Option<i64>,
    pub shares_issuable_at_close: Option<i64>,
    pub stock_code: String,
    pub conversion_price: Money,
    pub gm_approval_date: Option<NaiveDate>,
}

/// III(D) for one class: other agreements or arrangements (share awards, RSU plans...).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ArrangementBlock {
    /// Stable identity of the row (see [`super::RowId`]).
    pub id: RowId,
    pub class: ClassId,
    pub arrangements: Vec<Arrangement>,
    pub remarks: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Arrangement {
    /// Stable identity of the row (see [`super::RowId`]).
    pub id: RowId,
    pub description: String,
    pub gm_approval_date: Option<NaiveDate>,
    /// D1.
    pub new_shares: Option<i64>,
    /// D2.
    pub from_treasury: Option<i64>,
    pub shares_issuable_at_close: Option<i64>,
}

/// III(E) for one class: other movements (placings, repurchases, cancellations...).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EventBlock {
    /// Stable identity of the row (see [`super::RowId`]).
    pub id: RowId,
    pub class: ClassId,
    pub events: Vec<Event>,
    pub remarks: String,
}

/// `Type of Issue` in III(E).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum TypeOfIssue {
    RightsIssue,
    OpenOffer,
    #[default]
    Placing,
    BonusIssue,
    ScripDividend,
    ConsiderationIssue,
    CapitalReorganisation,
    RepurchaseCancelled,
    RepurchaseIntoTreasury,
    RepurchasePendingCancellation,
    RedemptionCancelled,
    RedemptionPendingCancellation,
    SaleOrTransferOfTreasury,
    CancellationOfTreasury,
    /// Other (please specify) — the text goes in `other_description`.
    Other,
}

impl TypeOfIssue {
    pub const ALL: [TypeOfIssue; 15] = [
        TypeOfIssue::RightsIssue,
        TypeOfIssue::OpenOffer,
        TypeOfIssue::Placing,
        TypeOfIssue::BonusIssue,
        TypeOfIssue::ScripDividend,
        TypeOfIssue::ConsiderationIssue,
        TypeOfIssue::CapitalReorganisation,
        TypeOfIssue::RepurchaseCancelled,
        TypeOfIssue::RepurchaseIntoTreasury,
        TypeOfIssue::RepurchasePendingCancellation,
        TypeOfIssue::RedemptionCancelled,
        TypeOfIssue::RedemptionPendingCancellation,
        TypeOfIssue::SaleOrTransferOfTreasury,
        TypeOfIssue::CancellationOfTreasury,
        TypeOfIssue::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            TypeOfIssue::RightsIssue => "Rights issue",
            TypeOfIssue::OpenOffer => "Open offer",
            TypeOfIssue::Placing => "Placing",
            TypeOfIssue::BonusIssue => "Bonus issue",
            TypeOfIssue::ScripDividend => "Scrip dividend",
            TypeOfIssue::ConsiderationIssue => "Consideration issue",
            TypeOfIssue::CapitalReorganisation => "Capital reorganisation",
            TypeOfIssue::RepurchaseCancelled => {
                "Repurchase of shares (shares repurchased and cancelled)"
            }
            TypeOfIssue::RepurchaseIntoTreasury => {
                "Repurchase of shares (shares held as treasury shares)"
            }
            TypeOfIssue::RepurchasePendingCancellation => {
                "Repurchase of shares (repurchased for cancellation but not yet cancelled)"
            }
            TypeOfIssue::RedemptionCancelled => "Redemption of shares (redeemed and cancelled)",
            TypeOfIssue::RedemptionPendingCancellation => {
                "Redemption of shares (redeemed but not yet cancelled)"
            }
            TypeOfIssue::SaleOrTransferOfTreasury => "Sale or transfer of treasury shares",
            TypeOfIssue::CancellationOfTreasury => "Cancellation of treasury shares",
            TypeOfIssue::Other => "Other (please specify)",
        }
    }

    /// Items repurchased or redeemed but not yet cancelled: they move neither E1 nor E2 and are
    /// reported, negative, in the pending-cancellation column; their date may precede the month.
    pub fn is_pending_cancellation(self) -> bool {
        matches!(
            self,
            TypeOfIssue::RepurchasePendingCancellation | TypeOfIssue::RedemptionPendingCancellation
        )
    }
}

/// One row of III(E). E1 and E2 are signed changes as the form prints them.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Event {
    /// Stable identity of the row (see [`super::RowId`]).
    pub id: RowId,
    pub type_of_issue: TypeOfIssue,
    pub other_description: String,
    /// `At price (if applicable)`.
    pub price: Money,
    /// `Date of event (Note 2)`.
    pub event_date: Option<NaiveDate>,
    pub gm_approval_date: Option<NaiveDate>,
    /// E1: change in issued shares excluding treasury shares.
    pub change_excluding_treasury: Option<i64>,
    /// E2: change in treasury shares.
    pub change_treasury: Option<i64>,
    /// Shares repurchased or redeemed but not yet cancelled at close (Note 3), a negative number.
    pub pending_cancellation: Option<i64>,
}
