//! What a screen reader is told when the checks' errors change: a new error or one resolved is
//! put in words for a polite live region (the findings panel's announcement line), so a user
//! who cannot see the outline appear hears what broke and where.

use super::EditorApp;
use crate::rules::{Finding, Severity};

/// An error as the announcement compares it: rule, place and message.
type ErrorKey = (&'static str, String, String);

/// The errors last announced about, and for which open return.
#[derive(Default)]
pub(super) struct Announcer {
    /// `doc_generation`, analysis generation and errors of the last analysis seen.
    last: Option<(u64, u64, Vec<ErrorKey>)>,
    /// The line the live region holds (empty until something changed).
    pub(super) text: String,
}

fn error_keys(findings: &[Finding]) -> Vec<ErrorKey> {
    findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.rule, f.path.describe(), f.message.clone()))
        .collect()
}

/// `New error: PREV-003 <message> on <place>`, or a count and the first one when several.
fn describe(what: &str, plural: &str, keys: &[&ErrorKey]) -> Option<String> {
    let (rule, place, message) = keys.first()?;
    let first = format!("{rule} {message} on {place}");
    Some(if keys.len() == 1 {
        format!("{what}: {first}")
    } else {
        format!("{} {plural}, the first: {first}", keys.len())
    })
}

/// The announcement for errors going from `before` to `after` (`None`: nothing changed).
pub fn announcement(before: &[ErrorKey], after: &[ErrorKey]) -> Option<String> {
    let new: Vec<&ErrorKey> = after.iter().filter(|k| !before.contains(k)).collect();
    let resolved: Vec<&ErrorKey> = before.iter().filter(|k| !after.contains(k)).collect();
    let parts: Vec<String> = [
        describe("New error", "new errors", &new),
        describe("Resolved", "errors resolved", &resolved),
    ]
    .into_iter()
    .flatten()
    .collect();
    if parts.is_empty() {
        None
    } else {
        Some(parts.join(". "))
    }
}

impl EditorApp {
    /// After a new analysis: words for the errors that appeared or went. Opening another
    /// return starts afresh without announcing its errors (the findings panel lists them).
    /// Called every frame; does nothing until the analysis is a new one.
    pub(super) fn announce_error_changes(&mut self) {
        let generation = self.doc_generation;
        let analysed = self.analysis.generation;
        if self.doc.is_none() || matches!(&self.announcer.last, Some((_, a, _)) if *a == analysed) {
            return;
        }
        let keys = error_keys(&self.analysis.findings);
        let announcer = &mut self.announcer;
        match &announcer.last {
            Some((g, _, before)) if *g == generation => {
                if let Some(text) = announcement(before, &keys) {
                    announcer.text = text;
                }
            }
            _ => announcer.text.clear(),
        }
        announcer.last = Some((generation, analysed, keys));
    }

    /// The live region's text, for tests.
    pub fn announcement_text(&self) -> &str {
        &self.announcer.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(rule: &'static str, place: &str) -> ErrorKey {
        (rule, place.to_string(), "is wrong".to_string())
    }

    #[test]
    fn one_new_and_one_resolved_error_are_both_said() {
        let a = key("II-001", "Part II › class block 1");
        let b = key("V-001", "Part V › submitted by");
        let said = announcement(std::slice::from_ref(&a), std::slice::from_ref(&b));
        assert_eq!(
            said.as_deref(),
            Some(
                "New error: V-001 is wrong on Part V › submitted by. \
                 Resolved: II-001 is wrong on Part II › class block 1"
            )
        );
    }

    #[test]
    fn several_new_errors_are_counted_and_no_change_says_nothing() {
        let a = key("II-001", "Part II › class block 1");
        let b = key("V-001", "Part V › submitted by");
        let said = announcement(&[], &[a.clone(), b]).unwrap_or_default();
        assert!(
            said.starts_with("2 new errors, the first: II-001"),
            "{said}"
        );
        let same = std::slice::from_ref(&a);
        assert_eq!(announcement(same, same), None);
    }
}
