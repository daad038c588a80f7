//! The Form 6-K cover's content: the fixed texts filled in from the return and the profile. The
//! HTML cover and the review PDF's cover page are both drawn from this, so they say the same.

use chrono::NaiveDate;

use super::profile::{AnnualReportForm, Profile};
use super::texts::{CoverTexts, cover_texts, fill};
use crate::model::MonthlyReturn;

/// Why no cover can be made for a return.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CoverError {
    #[error(
        "the return has no date submitted: the Form 6-K cover dates its note and signature with it"
    )]
    NoDateSubmitted,
    #[error("the return has no month end: the explanatory note names the month")]
    NoMonthEnd,
    #[error("the Form 6-K profile leaves blank: {}", .0.join(", "))]
    IncompleteProfile(Vec<&'static str>),
}

/// Every line of the cover, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cover {
    pub heading: Vec<String>,
    pub form: String,
    pub report: String,
    pub for_the_month_of: String,
    pub commission_file_number: String,
    pub registrant_name: String,
    pub exact_name: String,
    pub address: Vec<String>,
    pub address_caption: String,
    pub check_mark_question: String,
    /// `(label, checked)` for Form 20-F and Form 40-F.
    pub check_marks: [(String, bool); 2],
    pub explanatory_heading: String,
    pub explanatory_note: String,
    pub exhibit_index_heading: String,
    pub exhibit_columns: [String; 2],
    pub exhibits: Vec<[String; 2]>,
    pub signature_heading: String,
    pub signature_text: String,
    pub by: String,
    pub name: String,
    pub title: String,
    pub date: String,
}

/// `November 6, 2024`, as SEC filings date things.
pub fn us_date(d: NaiveDate) -> String {
    d.format("%B %-d, %Y").to_string()
}

/// `October 2024`.
pub fn month_year(d: NaiveDate) -> String {
    d.format("%B %Y").to_string()
}

/// The cover for `ret` furnished by the registrant of `profile`.
pub fn cover(ret: &MonthlyReturn, profile: &Profile) -> Result<Cover, CoverError> {
    let missing = profile.missing();
    if !missing.is_empty() {
        return Err(CoverError::IncompleteProfile(missing));
    }
    let submitted = ret
        .header
        .date_submitted
        .ok_or(CoverError::NoDateSubmitted)?;
    let month_end = ret.header.month_end.ok_or(CoverError::NoMonthEnd)?;
    let t: &CoverTexts = cover_texts();
    let furnished = profile
        .for_the_month_of
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map_or_else(|| month_year(submitted), str::to_string);
    let note = fill(&t.explanatory_note, "date", &us_date(submitted));
    let note = fill(&note, "month", &month_year(month_end));
    let is_20f = profile.annual_report_form == AnnualReportForm::Form20F;
    Ok(Cover {
        heading: t.heading.clone(),
        form: t.form.clone(),
        report: t.report.clone(),
        for_the_month_of: fill(&t.for_the_month_of, "month", &furnished),
        commission_file_number: fill(
            &t.commission_file_number,
            "number",
            profile.commission_file_number.trim(),
        ),
        registrant_name: profile.registrant_name.trim().to_string(),
        exact_name: t.exact_name.clone(),
        address: profile
            .address
            .iter()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect(),
        address_caption: t.address_caption.clone(),
        check_mark_question: t.check_mark_question.clone(),
        check_marks: [(t.form_20f.clone(), is_20f), (t.form_40f.clone(), !is_20f)],
        explanatory_heading: t.explanatory_heading.clone(),
        explanatory_note: note,
        exhibit_index_heading: t.exhibit_index_heading.clone(),
        exhibit_columns: [t.exhibit_no.clone(), t.exhibit_description_heading.clone()],
        exhibits: vec![[t.exhibit_number.clone(), t.exhibit_description.clone()]],
        signature_heading: t.signature_heading.clone(),
        signature_text: t.signature_text.clone(),
        by: fill(&t.by, "name", profile.signatory_name.trim()),
        name: fill(&t.name, "name", profile.signatory_name.trim()),
        title: fill(&t.title, "title", profile.signatory_title.trim()),
        date: fill(&t.date, "date", &us_date(submitted)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_on_sec_filings() {
        let d = NaiveDate::from_ymd_opt(2024, 11, 6).unwrap();
        assert_eq!(us_date(d), "November 6, 2024");
        assert_eq!(month_year(d), "November 2024");
    }

    #[test]
    fn a_return_without_a_date_submitted_has_no_cover() {
        let p = Profile {
            commission_file_number: "1".into(),
            registrant_name: "X".into(),
            address: vec!["A".into()],
            signatory_name: "N".into(),
            signatory_title: "T".into(),
            ..Profile::default()
        };
        let ret = MonthlyReturn::blank();
        assert_eq!(cover(&ret, &p), Err(CoverError::NoDateSubmitted));
        assert!(matches!(
            cover(&ret, &Profile::default()),
            Err(CoverError::IncompleteProfile(_))
        ));
    }
}
