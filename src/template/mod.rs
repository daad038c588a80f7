//! The fixed texts of the FF301 template (labels, headings, confirmations, notes), loaded from
//! `templates/ff301-texts.ron` so the editor and the PDF print the same words and a wording
//! change is a data change.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::model::TemplateVersion;

const TEXTS_RON: &str = include_str!("../../templates/ff301-texts.ron");

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
    pub gm_approval: String,
    pub a: Part3aTexts,
    pub b: Part3bTexts,
    pub c: Part3cTexts,
    pub d: Part3dTexts,
    pub e: Part3eTexts,
    pub grand_total_1: String,
    pub grand_total_2: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part3aTexts {
    pub heading: String,
    pub particulars: String,
    pub preceding: String,
    pub movement: String,
    pub close: String,
    pub new_shares: String,
    pub from_treasury: String,
    pub issuable: String,
    pub remaining: String,
    pub funds_raised: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part3bTexts {
    pub heading: String,
    pub description: String,
    pub currency: String,
    pub preceding: String,
    pub exercised: String,
    pub close: String,
    pub new_shares: String,
    pub from_treasury: String,
    pub issuable: String,
    pub stock_code: String,
    pub subscription_price: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part3cTexts {
    pub heading: String,
    pub description: String,
    pub currency: String,
    pub preceding: String,
    pub movement: String,
    pub close: String,
    pub new_shares: String,
    pub from_treasury: String,
    pub issuable: String,
    pub type_of_convertibles: String,
    pub stock_code: String,
    pub conversion_price: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part3dTexts {
    pub heading: String,
    pub description: String,
    pub new_shares: String,
    pub from_treasury: String,
    pub issuable: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part3eTexts {
    pub heading: String,
    pub type_of_issue: String,
    pub price: String,
    pub event_date: String,
    pub change_excluding_treasury: String,
    pub change_treasury: String,
    pub pending_cancellation: String,
    /// EE1 summary line *(inferred: E1 is a signed change, not only an increase)*.
    pub summary_excluding_treasury: String,
    /// EE2 summary line *(inferred)*.
    pub summary_treasury: String,
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
