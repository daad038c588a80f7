use serde::{Deserialize, Serialize};

/// Part V. The eight items start as the template's standard wording (kept in `templates/`, not
/// in the draft); an item the issuer amends (Note 4) stores its own text.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Confirmations {
    /// When nothing was issued or transferred the part may be `Not applicable`.
    pub not_applicable: bool,
    /// `None` = the standard wording of item (i)..(viii); `Some(text)` = the issuer's amendment.
    pub amended_items: [Option<String>; 8],
    pub submitted_by: String,
    pub title: String,
}

impl Confirmations {
    /// The text of item `index` (0-based): the amendment if any, else the standard wording.
    pub fn item_text<'a>(&'a self, index: usize, standard: &'a [String]) -> &'a str {
        match self.amended_items.get(index) {
            Some(Some(text)) => text,
            _ => standard.get(index).map(String::as_str).unwrap_or(""),
        }
    }
}
