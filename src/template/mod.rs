//! The fixed texts of the FF301 template (labels, headings, confirmations, notes), loaded from
//! `templates/ff301-texts.ron` so the editor and the PDF print the same words and a wording
//! change is a data change.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::model::TemplateVersion;
use crate::model::path::FormPart;

const TEXTS_RON: &str = include_str!("../../templates/ff301-texts.ron");

/// The template's wording file as shipped (RON source): what the import takes for the form's own
/// text when a printed line is not a field.
pub fn source() -> &'static str {
    TEXTS_RON
}

/// Every fixed text of the form, for both template versions.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Texts {
    pub form_code: String,
    pub title: String,
    pub header: HeaderTexts,
    pub not_applicable: String,
    pub remarks: String,
    /// `Page {page} of {pages}`.
    pub page_footer: String,
    pub class_header: ClassHeaderTexts,
    pub rows: RowTexts,
    pub part1: Part1Texts,
    pub part2: Part2Texts,
    pub part3: Part3Texts,
    pub part4: Part4Texts,
    pub part5: Part5Texts,
    pub notes_heading: String,
    versions: BTreeMap<String, VersionTexts>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeaderTexts {
    pub month_ended: String,
    pub status: String,
    pub to: String,
    pub issuer: String,
    pub date_submitted: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassHeaderTexts {
    pub class_of_shares: String,
    pub type_of_shares: String,
    pub listed: String,
    pub stock_code: String,
    pub description: String,
    pub unlisted_code: String,
    pub other_counter: String,
    /// Label of an extra counter's currency.
    pub currency: String,
    pub yes: String,
    pub no: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RowTexts {
    pub preceding: String,
    pub movement: String,
    pub close: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part1Texts {
    pub heading: String,
    pub shares: String,
    pub par_value: String,
    pub capital: String,
    pub manual_input: String,
    pub total: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part2Texts {
    pub excluding_treasury: String,
    pub treasury: String,
    pub total: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part3Texts {
    pub heading: String,
    pub increase_line: String,
    pub decrease_treasury_line: String,
    /// III(A): `Total funds raised during the month from exercise of options:`.
    pub funds_raised: String,
    /// EE1 summary line *(inferred: E1 is a signed change, not only an increase)*.
    pub summary_excluding_treasury: String,
    /// EE2 summary line *(inferred)*.
    pub summary_treasury: String,
    pub grand_total_1: String,
    pub grand_total_2: String,
    /// Column headings every sub-part uses (`gm_approval`).
    pub columns: Labels,
    pub a: SubPartTexts,
    pub b: SubPartTexts,
    pub c: SubPartTexts,
    pub d: SubPartTexts,
    pub e: SubPartTexts,
}

/// The texts of one Part III sub-part: its heading and its column headings by the label key of
/// [`crate::model::subpart::Column::label`], so a new column is one more entry here.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubPartTexts {
    pub heading: String,
    pub columns: Labels,
}

/// Labels by key. Indexing a missing key gives an empty text (a test checks every key the
/// descriptions use is present), so a typo never stops the program.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(transparent)]
pub struct Labels(BTreeMap<String, String>);

impl Labels {
    pub fn get(&self, key: &str) -> Option<&String> {
        self.0.get(key)
    }
}

impl std::ops::Index<&str> for Labels {
    type Output = String;
    fn index(&self, key: &str) -> &String {
        static MISSING: String = String::new();
        self.0.get(key).unwrap_or(&MISSING)
    }
}

impl std::ops::Index<&str> for SubPartTexts {
    type Output = String;
    fn index(&self, key: &str) -> &String {
        &self.columns[key]
    }
}

impl Part3Texts {
    /// The texts of a sub-part; `None` for parts outside III.
    pub fn sub(&self, part: FormPart) -> Option<&SubPartTexts> {
        match part {
            FormPart::IIIA => Some(&self.a),
            FormPart::IIIB => Some(&self.b),
            FormPart::IIIC => Some(&self.c),
            FormPart::IIID => Some(&self.d),
            FormPart::IIIE => Some(&self.e),
            _ => None,
        }
    }

    /// The heading of column `key` of a sub-part: its own, else the shared one.
    pub fn label(&self, part: FormPart, key: &str) -> &str {
        self.sub(part)
            .and_then(|s| s.columns.get(key))
            .or_else(|| self.columns.get(key))
            .map_or("", String::as_str)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part4Texts {
    pub heading: String,
    pub description: String,
    pub stock_code: String,
    pub depositary: String,
    pub ratio: String,
    pub preceding: String,
    pub movement: String,
    pub close: String,
    pub underlying: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part5Texts {
    pub heading: String,
    pub submitted_by: String,
    pub title: String,
    pub officer: String,
    pub item_numbers: Vec<String>,
}

/// The texts that differ between template versions.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VersionTexts {
    pub part2_heading: String,
    pub confirmation_paragraph: String,
    /// The note reference printed under the paragraph: `(Note 4)` in v1.1.0, `(Note 5)` in v1.2.0.
    pub confirmation_note: String,
    /// Standard wording of items (i)..(viii).
    pub confirmation_items: Vec<String>,
    pub public_float: Option<PublicFloatTexts>,
    pub notes: Vec<Note>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublicFloatTexts {
    pub heading: String,
    pub paragraph: String,
    pub complied: String,
    pub not_complied: String,
    pub requirement: String,
    pub threshold: String,
    pub additional_information: String,
}

/// One numbered note on the last page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub number: String,
    pub paragraphs: Vec<String>,
    pub bullets: Vec<String>,
}

impl Texts {
    /// The texts that depend on the template version.
    pub fn version(&self, version: TemplateVersion) -> &VersionTexts {
        let key = match version {
            TemplateVersion::V1_1_0 => "1.1.0",
            TemplateVersion::V1_2_0 => "1.2.0",
        };
        // Both keys are checked by a test on the embedded file, so this lookup cannot miss.
        &self.versions[key]
    }

    /// `Page 3 of 10`.
    pub fn footer(&self, page: usize, pages: usize) -> String {
        self.page_footer
            .replace("{page}", &page.to_string())
            .replace("{pages}", &pages.to_string())
    }
}

/// The template texts, parsed once from the file embedded at build time.
#[allow(
    clippy::expect_used,
    reason = "the texts are embedded at build time and parsed by a test, never user input"
)]
pub fn texts() -> &'static Texts {
    static TEXTS: OnceLock<Texts> = OnceLock::new();
    TEXTS.get_or_init(|| {
        // The file is part of the binary, not user input; the test below parses it on every run.
        ron::from_str(TEXTS_RON).expect("templates/ff301-texts.ron is valid (checked by tests)")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_texts_parse_and_cover_both_versions() {
        let parsed: Result<Texts, _> = ron::from_str(TEXTS_RON);
        let t = parsed.expect("template texts parse");
        for v in TemplateVersion::ALL {
            let vt = t.version(v);
            assert_eq!(vt.confirmation_items.len(), 8, "{v:?} has eight items");
        }
        assert_eq!(t.part5.item_numbers.len(), 8);
        assert_eq!(t.version(TemplateVersion::V1_1_0).notes.len(), 5);
        assert_eq!(t.version(TemplateVersion::V1_2_0).notes.len(), 6);
        assert!(t.version(TemplateVersion::V1_1_0).public_float.is_none());
        assert!(t.version(TemplateVersion::V1_2_0).public_float.is_some());
    }

    #[test]
    fn footer_fills_in_page_numbers() {
        assert_eq!(texts().footer(3, 10), "Page 3 of 10");
    }
}
