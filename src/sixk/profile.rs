//! The issuer's Form 6-K profile: what the SEC cover needs and the return does not hold, typed
//! once per issuer in a small RON file. Loaded with the rules drafts follow (size limit, UTF-8,
//! errors with line and column, unknown fields named) and saved atomically.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::io::{LoadError, ParseError, WriteError};

/// The form the registrant files its annual reports on (the cover's check mark).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnnualReportForm {
    #[default]
    Form20F,
    Form40F,
}

/// One issuer's data for the Form 6-K cover.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// The SEC commission file number, e.g. `001-39278`.
    pub commission_file_number: String,
    /// The registrant's exact name in English, as specified in its charter and on its filings.
    pub registrant_name: String,
    /// The address of the principal executive offices, one line each.
    pub address: Vec<String>,
    pub annual_report_form: AnnualReportForm,
    pub signatory_name: String,
    pub signatory_title: String,
    /// "For the month of …" as printed, e.g. `November 2024`; `None` takes the month of the
    /// return's date submitted (the day it is furnished).
    #[serde(default)]
    pub for_the_month_of: Option<String>,
}

/// A profile could not be read; the messages match a draft's, naming the profile.
#[derive(Debug, thiserror::Error)]
#[error("cannot read Form 6-K profile {}: {detail}", path.display())]
pub struct ProfileError {
    pub path: PathBuf,
    pub detail: String,
    /// Line and column of the problem, when it has one.
    pub location: Option<(usize, usize)>,
}

/// A profile could not be saved; the previous file is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum ProfileSaveError {
    #[error("cannot save Form 6-K profile {}: {error}", path.display())]
    Serialize { path: PathBuf, error: ron::Error },
    #[error("cannot save Form 6-K profile {}: {error}", path.display())]
    Write { path: PathBuf, error: WriteError },
}

impl ProfileError {
    fn from_load(error: LoadError) -> Self {
        let location = error.location();
        let path = error.path().to_path_buf();
        let detail = match error {
            LoadError::NotFound { .. } => "no such file".to_string(),
            LoadError::Unreadable { error, .. } => error.to_string(),
            LoadError::TooLarge { size, limit, .. } => format!(
                "it is {size} bytes, more than the {limit}-byte limit (a profile is a few hundred bytes: is this the right file?)"
            ),
            LoadError::NotUtf8 {
                line,
                column,
                offset,
                ..
            } => format!(
                "line {line}, column {column}: not UTF-8 text (invalid byte at offset {offset}): is this the right file?"
            ),
            LoadError::Parse { error, .. } => error.to_string(),
        };
        Self {
            path,
            detail,
            location,
        }
    }
}

/// Parses a profile's text; errors carry line and column.
pub fn from_str(text: &str) -> Result<Profile, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    ron::from_str(text).map_err(|e| ParseError::from_ron(e, text))
}

/// Reads the profile at `path`.
pub fn load(path: &Path) -> Result<Profile, ProfileError> {
    let text = crate::io::read_text(path).map_err(ProfileError::from_load)?;
    from_str(&text).map_err(|error| {
        ProfileError::from_load(LoadError::Parse {
            path: path.to_path_buf(),
            error,
        })
    })
}

/// The first line of every profile this program saves.
const HEADER: &str = "// Form 6-K profile for monthly-return: the issuer's data for the SEC cover.";

/// The profile as RON text, with a comment saying what it is.
pub fn to_string(profile: &Profile) -> Result<String, ron::Error> {
    let body = ron::ser::to_string_pretty(profile, ron::ser::PrettyConfig::default())?;
    Ok(format!("{HEADER}\n{body}\n"))
}

/// Whether the `.ron` file at `path` is a Form 6-K profile rather than a draft: its name ends in
/// `6k-profile.ron` (the names the editor suggests) or it starts like a profile. A folder of
/// drafts usually holds the issuer's profile too, and checking the folder must not report it
/// as a broken draft.
pub fn is_profile_file(path: &Path) -> bool {
    use std::io::Read as _;
    let named = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .is_some_and(|n| n.ends_with("6k-profile.ron"));
    let mut head = [0u8; 160];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    let text = String::from_utf8_lossy(head.get(..n).unwrap_or(&[]));
    named || text.starts_with("// Form 6-K profile")
}

/// Writes `profile` to `path` atomically.
pub fn save(path: &Path, profile: &Profile) -> Result<(), ProfileSaveError> {
    let text = to_string(profile).map_err(|error| ProfileSaveError::Serialize {
        path: path.to_path_buf(),
        error,
    })?;
    crate::io::write_atomic(path, text.as_bytes()).map_err(|error| ProfileSaveError::Write {
        path: path.to_path_buf(),
        error,
    })
}

impl Profile {
    /// What is missing for a cover: the fields left blank, in the form's words.
    pub fn missing(&self) -> Vec<&'static str> {
        let mut missing = Vec::new();
        let blank = |s: &str| s.trim().is_empty();
        if blank(&self.commission_file_number) {
            missing.push("commission file number");
        }
        if blank(&self.registrant_name) {
            missing.push("registrant's name");
        }
        if self.address.iter().all(|l| blank(l)) {
            missing.push("address");
        }
        if blank(&self.signatory_name) {
            missing.push("signatory's name");
        }
        if blank(&self.signatory_title) {
            missing.push("signatory's title");
        }
        missing
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_round_trips_through_text() {
        let p = Profile {
            commission_file_number: "001-00001".into(),
            registrant_name: "Moon Inc.".into(),
            address: vec!["1 Moon Road".into(), "Hong Kong".into()],
            annual_report_form: AnnualReportForm::Form40F,
            signatory_name: "A. B.".into(),
            signatory_title: "Director".into(),
            for_the_month_of: Some("March 2026".into()),
        };
        let text = to_string(&p).unwrap();
        assert_eq!(from_str(&text).unwrap(), p);
        assert!(p.missing().is_empty());
        assert_eq!(Profile::default().missing().len(), 5);
    }
}
