//! Number and date formatting for the printed form: thin wrappers over [`crate::format`] (shared
//! with the rules and the editor) that keep blanks blank and tidy computed amounts.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::format;

/// `3,805,284,801`, `-112,875`.
pub fn count(n: i64) -> String {
    format::count(n)
}

/// `31/12/2025`, the warrant expiry format the template's column heading asks for.
pub fn date_dmy(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// Blank stays blank: `None` prints nothing, `Some(0)` prints `0`.
pub fn opt_count(n: Option<i64>) -> String {
    n.map(count).unwrap_or_default()
}

/// A typed amount, decimals as the user typed them (`0.00100` stays).
pub fn opt_amount(d: Option<Decimal>) -> String {
    d.map(format::amount).unwrap_or_default()
}

/// A computed amount without the trailing zeros multiplication leaves
/// (40,000,000,000 × 0.001 = `40,000,000`, not `40,000,000.000`).
pub fn opt_derived(d: Option<Decimal>) -> String {
    d.map(format::derived_amount).unwrap_or_default()
}

/// `06 November 2024`.
pub fn opt_date(d: Option<NaiveDate>) -> String {
    d.map(format::date).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn blanks_typed_and_derived_amounts() {
        let d = |s| Decimal::from_str(s).ok();
        assert_eq!(opt_count(None), "");
        assert_eq!(opt_count(Some(0)), "0");
        assert_eq!(opt_count(Some(-112_875)), "-112,875");
        assert_eq!(opt_amount(d("0.00100")), "0.00100");
        assert_eq!(opt_derived(d("40000000.000")), "40,000,000");
        assert_eq!(opt_derived(d("-1234.50")), "-1,234.5");
        assert_eq!(
            opt_date(NaiveDate::from_ymd_opt(2024, 11, 6)),
            "06 November 2024"
        );
        assert_eq!(
            date_dmy(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or_default()),
            "31/12/2025"
        );
    }
}
