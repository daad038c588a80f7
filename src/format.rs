//! How numbers and dates are written on the form (spec §2), shared by the rules' messages, the
//! PDF and the editor so a figure reads the same everywhere: thousands separators, a leading
//! minus for negatives, dates as `06 November 2024`.

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A share count with thousands separators: `3,805,284,801`, `-112,875`.
pub fn count(n: i64) -> String {
    count_wide(i128::from(n))
}

/// Like [`count`] for differences of two counts, which can exceed `i64`.
pub fn count_wide(n: i128) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    group_into(&mut out, &digits);
    out
}

/// A computed amount, without the trailing zeros that multiplication leaves
/// (40,000,000,000 × 0.001 prints `40,000,000`, as on the filed return, not `40,000,000.000`).
/// Typed amounts go through [`amount`] and keep the decimals the user typed.
pub fn derived_amount(d: Decimal) -> String {
    amount(d.normalize())
}

/// An amount with thousands separators in the integer part and its decimals kept as typed
/// (`0.00100` stays `0.00100`, `40,000,000.00` keeps its cents).
pub fn amount(d: Decimal) -> String {
    let text = d.to_string();
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let (int_part, frac_part) = match unsigned.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (unsigned, None),
    };
    let mut out = String::with_capacity(text.len() + int_part.len() / 3 + 1);
    if negative {
        out.push('-');
    }
    group_into(&mut out, int_part);
    if let Some(f) = frac_part {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A date as printed on the form: `06 November 2024`.
pub fn date(d: NaiveDate) -> String {
    d.format("%d %B %Y").to_string()
}

/// Appends ASCII `digits` with a comma before every group of three from the right.
fn group_into(out: &mut String, digits: &str) {
    let len = digits.len();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
}

/// `1 error`, `2 errors`, `0 warnings`: a count with its noun in the right number.
pub fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_the_right_number() {
        assert_eq!(counted(1, "error"), "1 error");
        assert_eq!(counted(0, "warning"), "0 warnings");
        assert_eq!(counted(12, "error"), "12 errors");
    }
    use std::str::FromStr;

    #[test]
    fn derived_amounts_drop_trailing_zeros_but_keep_real_decimals() {
        let capital = Decimal::from(40_000_000_000i64) * Decimal::from_str("0.001").unwrap();
        assert_eq!(amount(capital), "40,000,000.000");
        assert_eq!(derived_amount(capital), "40,000,000");
        assert_eq!(
            derived_amount(Decimal::from_str("1234.50").unwrap()),
            "1,234.5"
        );
        assert_eq!(derived_amount(Decimal::from_str("-0.000").unwrap()), "0");
    }

    #[test]
    fn counts_group_by_thousands() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(1_000), "1,000");
        assert_eq!(count(3_805_284_801), "3,805,284,801");
        assert_eq!(count(-112_875), "-112,875");
        assert_eq!(count(-1_500_000), "-1,500,000");
        assert_eq!(count(i64::MIN), "-9,223,372,036,854,775,808");
        assert_eq!(count(i64::MAX), "9,223,372,036,854,775,807");
        assert_eq!(
            count_wide(i128::from(i64::MAX) * 2),
            "18,446,744,073,709,551,614"
        );
    }

    #[test]
    fn amounts_keep_their_decimals() {
        let d = |s: &str| Decimal::from_str(s).unwrap_or_default();
        assert_eq!(amount(d("0.00001")), "0.00001");
        assert_eq!(amount(d("0.00100")), "0.00100");
        assert_eq!(amount(d("40000000")), "40,000,000");
        assert_eq!(amount(d("40000000.00")), "40,000,000.00");
        assert_eq!(amount(d("-1234567.5")), "-1,234,567.5");
        assert_eq!(amount(d("-0.5")), "-0.5");
        assert_eq!(amount(d("100")), "100");
    }

    #[test]
    fn dates_read_like_the_form() {
        let d = NaiveDate::from_ymd_opt(2024, 11, 6).unwrap_or_default();
        assert_eq!(date(d), "06 November 2024");
    }
}
