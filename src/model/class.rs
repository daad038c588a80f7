use serde::{Deserialize, Serialize};

use super::RowId;

/// Stable identity of a share class inside one return; survives reordering and renaming.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub struct ClassId(pub u32);

/// `Class of shares` as offered by the template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum ClassOfShares {
    #[default]
    Ordinary,
    Preference,
    WvrOrdinary,
    /// Other class (specify in description).
    Other,
}

impl ClassOfShares {
    pub const ALL: [ClassOfShares; 4] = [
        ClassOfShares::Ordinary,
        ClassOfShares::Preference,
        ClassOfShares::WvrOrdinary,
        ClassOfShares::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ClassOfShares::Ordinary => "Ordinary shares",
            ClassOfShares::Preference => "Preference shares",
            ClassOfShares::WvrOrdinary => "WVR ordinary shares",
            ClassOfShares::Other => "Other class (specify in description)",
        }
    }
}

/// `Type of shares` as offered by the template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum TypeOfShares {
    #[default]
    NotApplicable,
    H,
    A,
    /// Other type (specify in description).
    Other,
}

impl TypeOfShares {
    pub const ALL: [TypeOfShares; 4] = [
        TypeOfShares::NotApplicable,
        TypeOfShares::H,
        TypeOfShares::A,
        TypeOfShares::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            TypeOfShares::NotApplicable => "Not applicable",
            TypeOfShares::H => "H",
            TypeOfShares::A => "A",
            TypeOfShares::Other => "Other type (specify in description)",
        }
    }
}

/// An extra stock code of a multi-counter class (e.g. the RMB counter of an HKD stock).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CounterCode {
    /// Stable identity of the row (see [`super::RowId`]).
    pub id: RowId,
    pub stock_code: String,
    pub currency: String,
    pub description: String,
}

/// The share-class header that opens every block in parts I, II and III.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ShareClass {
    pub id: ClassId,
    pub class_of_shares: ClassOfShares,
    pub type_of_shares: TypeOfShares,
    /// `Listed on the Exchange (Note 1)`.
    pub listed: bool,
    /// Five digits for SEHK (`03896`); `N/A` is printed for an unlisted class when left blank.
    pub stock_code: String,
    pub description: String,
    pub other_counters: Vec<CounterCode>,
}

impl ShareClass {
    /// A listed ordinary share class with nothing else filled in.
    pub fn new(id: ClassId) -> Self {
        ShareClass {
            id,
            listed: true,
            ..ShareClass::default()
        }
    }

    /// The name used in the XX1/XX2 summary lines, grand totals and messages. H and A share
    /// classes are told apart by their type because both are usually `Ordinary shares`; where
    /// the class or the type is `Other`, HKEX prints the class with its description (real
    /// filings read `WVR ordinary shares A` / `WVR ordinary shares B`), so two such classes are
    /// told apart too: `Other class` by its description alone, `Other type` by the class and
    /// the description (the description alone when it already starts with the class).
    pub fn summary_name(&self) -> String {
        let class = self.class_of_shares.label();
        let desc = self.description.trim();
        let with_type = |name: String| match self.type_of_shares {
            TypeOfShares::H | TypeOfShares::A => {
                format!("{name} ({})", self.type_of_shares.label())
            }
            _ => name,
        };
        if desc.is_empty() {
            return with_type(class.to_string());
        }
        match (self.class_of_shares, self.type_of_shares) {
            (ClassOfShares::Other, _) => with_type(desc.to_string()),
            (_, TypeOfShares::Other) => {
                if desc.to_lowercase().starts_with(&class.to_lowercase()) {
                    desc.to_string()
                } else {
                    format!("{class} {desc}")
                }
            }
            _ => with_type(class.to_string()),
        }
    }

    /// A one-line name for pickers in the editor: class, type and stock code.
    pub fn picker_name(&self) -> String {
        let code = if self.stock_code.trim().is_empty() {
            "no stock code".to_string()
        } else {
            self.stock_code.trim().to_string()
        };
        format!("{} – {}", self.summary_name(), code)
    }
}
