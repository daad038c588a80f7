//! The editor's colours for findings: one place says which colour an error or a warning is.
//!
//! They follow the theme (egui's error and warning colours of the light or dark visuals), so
//! every flag, count, hint and status message of a severity looks the same everywhere.

use egui::{Color32, Visuals};

use crate::rules::Severity;

/// The colour of text (and outlines) about a finding of `severity` in the current theme.
pub fn severity_colour(visuals: &Visuals, severity: Severity) -> Color32 {
    match severity {
        Severity::Error => visuals.error_fg_color,
        Severity::Warning => visuals.warn_fg_color,
    }
}

/// The colour of an error, or of text that says something is wrong (overdue, not saved).
pub fn error_colour(visuals: &Visuals) -> Color32 {
    severity_colour(visuals, Severity::Error)
}

/// The colour of a warning, or of text that asks for care (amended wording, invalid text).
pub fn warning_colour(visuals: &Visuals) -> Color32 {
    severity_colour(visuals, Severity::Warning)
}
