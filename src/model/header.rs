use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// `Status:` on page 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum SubmissionStatus {
    #[default]
    NewSubmission,
    /// A resubmission that revises a published return.
    Revision,
}

impl SubmissionStatus {
    pub const ALL: [SubmissionStatus; 2] =
        [SubmissionStatus::NewSubmission, SubmissionStatus::Revision];

    pub fn label(self) -> &'static str {
        match self {
            SubmissionStatus::NewSubmission => "New Submission",
            SubmissionStatus::Revision => "Revision",
        }
    }
}

/// The header block on page 1.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Header {
    pub issuer_name: String,
    /// `For the month ended:` — the last day of the reported month.
    pub month_end: Option<NaiveDate>,
    pub status: SubmissionStatus,
    pub date_submitted: Option<NaiveDate>,
}
