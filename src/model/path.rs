//! Field paths: stable, printable addresses of one input (`II/class[0]/movement/treasury`).
//! Rules attach findings to them; the editor computes the same path for each widget it draws so
//! a flag lands next to its field. Build paths only through these functions.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The sections of the form, in print order. Findings are grouped by them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FormPart {
    Header,
    I,
    II,
    IIIA,
    IIIB,
    IIIC,
    IIID,
    IIIE,
    IV,
    V,
}

impl FormPart {
    pub const ALL: [FormPart; 10] = [
        FormPart::Header,
        FormPart::I,
        FormPart::II,
        FormPart::IIIA,
        FormPart::IIIB,
        FormPart::IIIC,
        FormPart::IIID,
        FormPart::IIIE,
        FormPart::IV,
        FormPart::V,
    ];

    /// First segment of every path in this part.
    pub fn root(self) -> &'static str {
        match self {
            FormPart::Header => "header",
            FormPart::I => "I",
            FormPart::II => "II",
            FormPart::IIIA => "IIIA",
            FormPart::IIIB => "IIIB",
            FormPart::IIIC => "IIIC",
            FormPart::IIID => "IIID",
            FormPart::IIIE => "IIIE",
            FormPart::IV => "IV",
            FormPart::V => "V",
        }
    }

    /// Human name, as on the form.
    pub fn title(self) -> &'static str {
        match self {
            FormPart::Header => "Header",
            FormPart::I => "I. Authorised / registered share capital",
            FormPart::II => "II. Issued and treasury shares",
            FormPart::IIIA => "III(A). Share options",
            FormPart::IIIB => "III(B). Warrants",
            FormPart::IIIC => "III(C). Convertibles",
            FormPart::IIID => "III(D). Other arrangements",
            FormPart::IIIE => "III(E). Other movements",
            FormPart::IV => "IV. HDR",
            FormPart::V => "V. Confirmations",
        }
    }

    pub fn path(self) -> FieldPath {
        FieldPath(self.root().to_string())
    }

    /// The path of block `index` of this part (`II/class[0]`); classes themselves are
    /// `classes[i]` under the header.
    pub fn block(self, index: usize) -> FieldPath {
        self.path().index("class", index)
    }
}

/// A stable, printable address of one input or derived cell.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FieldPath(String);

impl FieldPath {
    /// The share class registry entry `i` (`classes[0]`): its header is edited once for all parts.
    pub fn class_registry(i: usize) -> FieldPath {
        FieldPath(format!("classes[{i}]"))
    }

    /// Appends `/name`.
    pub fn key(&self, name: &str) -> FieldPath {
        FieldPath(format!("{}/{}", self.0, name))
    }

    /// Appends `/name[i]`.
    pub fn index(&self, name: &str, i: usize) -> FieldPath {
        FieldPath(format!("{}/{}[{}]", self.0, name, i))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The part of the form the path belongs to (class headers count as the header).
    pub fn part(&self) -> FormPart {
        let root = self.0.split('/').next().unwrap_or("");
        FormPart::ALL
            .into_iter()
            .find(|p| p.root() == root)
            .unwrap_or(FormPart::Header)
    }

    /// Whether `other` is this path or lies under it (`II/class[0]` contains
    /// `II/class[0]/preceding/treasury`).
    pub fn contains(&self, other: &FieldPath) -> bool {
        other.0 == self.0
            || (other.0.starts_with(&self.0) && other.0[self.0.len()..].starts_with('/'))
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Paths of the header fields.
pub mod header {
    use super::{FieldPath, FormPart};
    pub fn issuer_name() -> FieldPath {
        FormPart::Header.path().key("issuer_name")
    }
    pub fn month_end() -> FieldPath {
        FormPart::Header.path().key("month_end")
    }
    pub fn status() -> FieldPath {
        FormPart::Header.path().key("status")
    }
    pub fn date_submitted() -> FieldPath {
        FormPart::Header.path().key("date_submitted")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_print_as_documented() {
        let p = FormPart::II
            .block(0)
            .key("movement")
            .key("excluding_treasury");
        assert_eq!(p.as_str(), "II/class[0]/movement/excluding_treasury");
        assert_eq!(p.part(), FormPart::II);
        assert_eq!(
            FormPart::IIIA
                .block(1)
                .index("scheme", 2)
                .key("exercised")
                .as_str(),
            "IIIA/class[1]/scheme[2]/exercised"
        );
        assert_eq!(FieldPath::class_registry(0).part(), FormPart::Header);
    }

    #[test]
    fn contains_respects_segment_boundaries() {
        let block = FormPart::II.block(1);
        assert!(block.contains(&block.key("preceding")));
        assert!(block.contains(&block));
        assert!(!block.contains(&FormPart::II.block(10).key("preceding")));
    }
}
