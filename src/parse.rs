//! Reading what the user types: numbers and dates, strictly.
//!
//! Numbers go straight from text to `i64` / `Decimal` (never through `f64`). Plain Rust: the
//! editor's fields and rule TXT-001 (which explains text kept in a field) read text the same
//! way. Display is [`crate::format`], so the editor shows a figure exactly as the PDF and the
//! rules write it.

use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Why typed text is not a value; the text itself is kept by the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseError {
    NotANumber,
    /// Thousands separators not between groups of three digits (`1,000,00`).
    Grouping,
    TooLarge,
    NotADate,
    /// An accountant's negative in brackets (`(1,000)`): refused, since the form and the rules
    /// read a minus sign, and the message says what to type instead.
    Bracketed,
}

impl ParseError {
    pub fn describe(self, typed: &str) -> String {
        match self {
            ParseError::NotANumber => format!("Not a number: {}", typed.trim()),
            ParseError::Grouping => format!(
                "Not a number: {} (separators go between groups of three digits, e.g. 1,234,567)",
                typed.trim()
            ),
            ParseError::TooLarge => format!("Number too large for this field: {}", typed.trim()),
            ParseError::Bracketed => {
                let t = typed.trim();
                let inner = t.trim_start_matches('(').trim_end_matches(')').trim();
                format!("Not a number: {t} (type a decrease with a minus sign: -{inner})")
            }
            ParseError::NotADate => format!(
                "Not a date: {} (type e.g. 06 November 2024 or 2024-11-06)",
                typed.trim()
            ),
        }
    }
}

/// The digits of a typed number, without its thousands separators; accepts a leading `-` (or
/// the typographic `−`) and one decimal point. Separators (`,`, a space, a no-break space) are
/// accepted only between groups of three digits of the whole part, one kind throughout
/// (`1,234,567`, `1 234 567`), so a mistyped `1,000,00` or `1,2,3` is refused, never read as
/// another number.
fn clean_number(s: &str) -> Result<String, ParseError> {
    let s = s.trim();
    if let Some(inner) = s.strip_prefix('(').and_then(|r| r.strip_suffix(')'))
        && clean_number(inner).is_ok_and(|n| !n.starts_with('-'))
    {
        return Err(ParseError::Bracketed);
    }
    let (negative, body) = match s.strip_prefix('-').or_else(|| s.strip_prefix('−')) {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (whole, fraction) = match body.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (body, None),
    };
    let digits = |t: &str| t.chars().all(|c| c.is_ascii_digit());
    if !fraction.is_none_or(digits) {
        return Err(ParseError::NotANumber);
    }
    let separators: Vec<char> = whole.chars().filter(|c| !c.is_ascii_digit()).collect();
    let whole_digits: String = match separators.first() {
        None => whole.to_string(),
        Some(&sep) => {
            if !matches!(sep, ',' | ' ' | '\u{a0}') || separators.iter().any(|&c| c != sep) {
                return Err(ParseError::NotANumber);
            }
            let groups: Vec<&str> = whole.split(sep).collect();
            let first_ok = groups
                .first()
                .is_some_and(|g| (1..=3).contains(&g.len()) && digits(g));
            let rest_ok = groups[1..].iter().all(|g| g.len() == 3 && digits(g));
            if !first_ok || !rest_ok {
                return Err(ParseError::Grouping);
            }
            groups.concat()
        }
    };
    let fraction = fraction.unwrap_or("");
    if whole_digits.is_empty() && fraction.is_empty() {
        return Err(ParseError::NotANumber);
    }
    let mut out = String::with_capacity(whole_digits.len() + fraction.len() + 2);
    if negative {
        out.push('-');
    }
    out.push_str(&whole_digits);
    if body.contains('.') {
        out.push('.');
        out.push_str(fraction);
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
    use crate::format::{amount, count, date};

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
        assert_eq!(parse_count("1,,2"), Err(ParseError::Grouping));
        assert_eq!(
            parse_count("99999999999999999999"),
            Err(ParseError::TooLarge)
        );
    }

    /// A negative written in brackets is refused with what to type instead.
    #[test]
    fn a_bracketed_negative_says_to_type_a_minus_sign() {
        assert_eq!(parse_count("(1,000)"), Err(ParseError::Bracketed));
        assert_eq!(parse_decimal("(2.50)"), Err(ParseError::Bracketed));
        assert_eq!(
            ParseError::Bracketed.describe(" (1,000) "),
            "Not a number: (1,000) (type a decrease with a minus sign: -1,000)"
        );
        assert_eq!(parse_count("(abc)"), Err(ParseError::NotANumber));
        assert_eq!(parse_count("(-5)"), Err(ParseError::NotANumber));
    }

    /// Separators only between groups of three: a misplaced comma is refused, never read as
    /// another number (`1,000,00` is not 100,000).
    #[test]
    fn separators_only_between_groups_of_three() {
        assert_eq!(parse_count("1,234,567"), Ok(Some(1_234_567)));
        assert_eq!(parse_count("1 234 567"), Ok(Some(1_234_567)));
        assert_eq!(parse_count("-12,000"), Ok(Some(-12_000)));
        assert_eq!(parse_count("1234567"), Ok(Some(1_234_567)));
        assert_eq!(parse_count("1,000,00"), Err(ParseError::Grouping));
        assert_eq!(parse_count("1,2,3"), Err(ParseError::Grouping));
        assert_eq!(parse_count("1234,567"), Err(ParseError::Grouping));
        assert_eq!(parse_count(",123"), Err(ParseError::Grouping));
        assert_eq!(parse_count("123,"), Err(ParseError::Grouping));
        assert_eq!(parse_count("1,234 567"), Err(ParseError::NotANumber));
        assert_eq!(parse_count("1_000"), Err(ParseError::NotANumber));
        assert_eq!(
            parse_decimal("1,234.56"),
            Ok(Some(Decimal::new(123_456, 2)))
        );
        assert_eq!(parse_decimal("1,23.4"), Err(ParseError::Grouping));
        assert_eq!(parse_decimal("1.234,5"), Err(ParseError::NotANumber));
        assert_eq!(parse_decimal(".5"), Ok(Some(Decimal::new(5, 1))));
        // 25 digits do not fit a share count: refused whole, not cut down.
        assert_eq!(
            parse_count("1234567890123456789012345"),
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
