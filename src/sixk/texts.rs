//! The fixed wording of the Form 6-K cover, loaded from `templates/form-6k-texts.ron` (data, as
//! the FF301 texts are).

use std::sync::OnceLock;

use serde::Deserialize;

const TEXTS_RON: &str = include_str!("../../templates/form-6k-texts.ron");

/// Every fixed text of the cover; `{month}`, `{number}`, `{date}`, `{name}`, `{title}` are
/// placeholders.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoverTexts {
    pub heading: Vec<String>,
    pub form: String,
    pub report: String,
    pub for_the_month_of: String,
    pub commission_file_number: String,
    pub exact_name: String,
    pub address_caption: String,
    pub check_mark_question: String,
    pub form_20f: String,
    pub form_40f: String,
    pub explanatory_heading: String,
    pub explanatory_note: String,
    pub exhibit_index_heading: String,
    pub exhibit_no: String,
    pub exhibit_description_heading: String,
    pub exhibit_number: String,
    pub exhibit_description: String,
    pub signature_heading: String,
    pub signature_text: String,
    pub by: String,
    pub name: String,
    pub title: String,
    pub date: String,
    pub cover_title: String,
    pub exhibit_title: String,
}

/// The cover texts shipped with the program.
#[allow(clippy::expect_used)]
pub fn cover_texts() -> &'static CoverTexts {
    static TEXTS: OnceLock<CoverTexts> = OnceLock::new();
    TEXTS.get_or_init(|| {
        // Part of the binary, not user input; the test below parses it on every run.
        ron::from_str(TEXTS_RON).expect("templates/form-6k-texts.ron is valid (checked by tests)")
    })
}

/// `template` with `{key}` replaced by `value`.
pub fn fill(template: &str, key: &str, value: &str) -> String {
    template.replace(&format!("{{{key}}}"), value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_cover_texts_parse() {
        let parsed: Result<CoverTexts, _> = ron::from_str(TEXTS_RON);
        let t = parsed.unwrap();
        assert_eq!(t.heading.len(), 3);
        assert!(t.by.contains("{name}"));
    }
}
