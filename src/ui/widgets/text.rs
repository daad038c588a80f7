//! Parsing what the user types and showing values the way the printed form does.
//!
//! Numbers go straight from text to `i64` / `Decimal` (never through `f64`). Display uses
//! [`crate::format`], so the editor shows a figure exactly as the PDF and the rules write it.

use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;

pub use crate::format::{amount, count, date};

/// Why typed text is not a value; the text itself is kept by the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseError {
    NotANumber,
    TooLarge,
    NotADate,
}

impl ParseError {
    pub fn describe(self, typed: &str) -> String {
        match self {
            ParseError::NotANumber => format!("Not a number: {}", typed.trim()),
            ParseError::TooLarge => format!("Number too large: {}", typed.trim()),
            ParseError::NotADate => format!(
                "Not a date: {} (type e.g. 06 November 2024 or 2024-11-06)",
                typed.trim()
            ),
        }
    }
}

/// Removes thousands separators and spaces; accepts a leading `-` (or the typographic `−`).
/// Separators are only allowed between digits, so `1,,2` and `,5` are rejected.
fn clean_number(s: &str) -> Result<String, ParseError> {
    let s = s.trim();
    let mut out = String::with_capacity(s.len());
    let mut prev_digit = false;
    for (i, c) in s.chars().enumerate() {
        match c {
            '0'..='9' => {
                out.push(c);
                prev_digit = true;
            }
            '-' | '−' if i == 0 => out.push('-'),
            ',' | ' ' | '\u{a0}' | '_' if prev_digit => prev_digit = false,
            '.' => {
                out.push('.');
                prev_digit = false;
            }
            _ => return Err(ParseError::NotANumber),
        }
    }
    if !out.chars().any(|c| c.is_ascii_digit()) || !prev_digit && !out.ends_with('.') {
        return Err(ParseError::NotANumber);
    }
    Ok(out)
}

/// A share count: blank → `None`.
pub fn parse_count(s: &str) -> Result<Option<i64>, ParseError> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    let c = clean_number(s)?;
    if c.contains('.') {
        return Err(ParseError::NotANumber);
    }
    c.parse::<i64>().map(Some).map_err(|_| ParseError::TooLarge)
}

/// Money or a par value: blank → `None`.
pub fn parse_decimal(s: &str) -> Result<Option<Decimal>, ParseError> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    let c = clean_number(s)?;
    if c.matches('.').count() > 1 {
        return Err(ParseError::NotANumber);
    }
    Decimal::from_str(&c).map(Some).map_err(|_| {
        if c.chars().filter(char::is_ascii_digit).count() > 28 {
            ParseError::TooLarge
        } else {
            ParseError::NotANumber
        }
    })
}

/// `06 November 2024`, `6 Nov 2024`, `2024-11-06` or `06/11/2024` (the form's dd/mm/yyyy):
/// blank → `None`.
pub fn parse_date(s: &str) -> Result<Option<NaiveDate>, ParseError> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    // Normalise runs of spaces so "6  Nov 2024" parses too.
    let norm: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    for fmt in ["%d %B %Y", "%d %b %Y", "%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(&norm, fmt) {
            return Ok(Some(d));
        }
    }
    Err(ParseError::NotADate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_print_and_parse_with_separators() {
        assert_eq!(count(3_805_284_801), "3,805,284,801");
        assert_eq!(count(-112_875), "-112,875");
        assert_eq!(count(0), "0");
        assert_eq!(count(i64::MIN), "-9,223,372,036,854,775,808");
        assert_eq!(parse_count("3,805,284,801"), Ok(Some(3_805_284_801)));
        assert_eq!(parse_count(" -112875 "), Ok(Some(-112_875)));
        assert_eq!(parse_count(""), Ok(None));
        assert_eq!(parse_count("12x"), Err(ParseError::NotANumber));
        assert_eq!(parse_count("1.5"), Err(ParseError::NotANumber));
        assert_eq!(parse_count("-"), Err(ParseError::NotANumber));
        assert_eq!(parse_count("1,,2"), Err(ParseError::NotANumber));
        assert_eq!(
            parse_count("99999999999999999999"),
            Err(ParseError::TooLarge)
        );
    }

    #[test]
    fn amounts_keep_every_decimal() {
        assert_eq!(amount(Decimal::new(1, 5)), "0.00001");
        assert_eq!(amount(Decimal::new(4_000_000_000, 2)), "40,000,000.00");
        assert_eq!(amount(Decimal::new(-52_377_600, 0)), "-52,377,600");
        assert_eq!(
            parse_decimal("52,377,600.5"),
            Ok(Some(Decimal::new(523_776_005, 1)))
        );
        assert_eq!(parse_decimal("0.00001"), Ok(Some(Decimal::new(1, 5))));
        assert_eq!(parse_decimal("1.2.3"), Err(ParseError::NotANumber));
        assert_eq!(parse_decimal("abc"), Err(ParseError::NotANumber));
    }

    #[test]
    fn dates_in_the_forms_people_type() {
        let d = NaiveDate::from_ymd_opt(2024, 11, 6);
        assert_eq!(parse_date("06 November 2024"), Ok(d));
        assert_eq!(parse_date("6 Nov 2024"), Ok(d));
        assert_eq!(parse_date("2024-11-06"), Ok(d));
        assert_eq!(parse_date("06/11/2024"), Ok(d));
        assert_eq!(parse_date(""), Ok(None));
        assert_eq!(parse_date("31 February 2024"), Err(ParseError::NotADate));
        assert_eq!(
            date(NaiveDate::from_ymd_opt(2024, 11, 6).unwrap_or_default()),
            "06 November 2024"
        );
    }
}
