//! Number and date formatting for the printed form.
//!
//! Private to the PDF layout until the shared `src/format.rs` (rules branch) lands; then these
//! should be replaced by `crate::format::{count, amount, date}` (same output).

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Inserts thousands separators into a string of ASCII digits.
fn group(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A share count with thousands separators and a leading minus: `3,805,284,801`, `-112,875`.
pub fn count(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    if n < 0 {
        format!("-{}", group(&digits))
    } else {
        group(&digits)
    }
}

/// A money amount or par value, exact: separators on the integer part, the decimals as typed
/// minus trailing zeros (`40,000,000`, `0.00001`, `-1,234.5`).
pub fn amount(d: Decimal) -> String {
    let s = d.normalize().to_string();
    let (sign, body) = match s.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", s.as_str()),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    match frac {
        Some(f) => format!("{sign}{}.{f}", group(int)),
        None => format!("{sign}{}", group(int)),
    }
}

/// `06 November 2024`.
pub fn date(d: NaiveDate) -> String {
    d.format("%d %B %Y").to_string()
}

/// `31/12/2025`, the warrant expiry format the template's column heading asks for.
pub fn date_dmy(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// Blank stays blank: `None` prints nothing, `Some(0)` prints `0`.
pub fn opt_count(n: Option<i64>) -> String {
    n.map(count).unwrap_or_default()
}

pub fn opt_amount(d: Option<Decimal>) -> String {
    d.map(amount).unwrap_or_default()
}

pub fn opt_date(d: Option<NaiveDate>) -> String {
    d.map(date).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn counts_amounts_and_dates() {
        assert_eq!(count(3_805_284_801), "3,805,284,801");
        assert_eq!(count(-112_875), "-112,875");
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(i64::MIN), "-9,223,372,036,854,775,808");
        let d = |s| Decimal::from_str(s).unwrap();
        assert_eq!(amount(d("40000000.000")), "40,000,000");
        assert_eq!(amount(d("0.00001")), "0.00001");
        assert_eq!(amount(d("-1234.50")), "-1,234.5");
        assert_eq!(amount(d("0")), "0");
        let day = NaiveDate::from_ymd_opt(2024, 11, 6).unwrap();
        assert_eq!(date(day), "06 November 2024");
        assert_eq!(date_dmy(day), "06/11/2024");
        assert_eq!(opt_count(None), "");
        assert_eq!(opt_count(Some(0)), "0");
    }
}
