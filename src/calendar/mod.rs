//! Due-date calendar for the FF301 Monthly Return.
//!
//! Rule (Main Board Rule 13.25B / GEM Rule 17.27B, our reading): the return
//! must be published no later than 08:30 Hong Kong time on the **fifth
//! business day** after the end of the month. A business day here is any day
//! other than a Saturday, a Sunday or a Hong Kong general holiday.
//!
//! Holidays come from the embedded, generated `templates/hk-holidays.ron`,
//! which covers a fixed range of years ([`covered_years`]). Whenever a day
//! outside that range would be needed the answer is "unchecked" rather than a
//! guess: a wrong due date is worse than none.
//!
//! Out of scope: the Exchange's treatment of days on which a typhoon signal
//! No. 8 or above or a black rainstorm warning is in force. Such days are
//! counted as ordinary business days here.

mod due_date;
mod holidays;

use std::ops::RangeInclusive;

use chrono::{DateTime, NaiveDate, Utc};

pub use due_date::{
    BUSINESS_DAYS_AFTER_MONTH_END, Countdown, DEADLINE_TIME, DueDate, HKT, UncheckedReason,
    status_line,
};
pub use holidays::{EMBEDDED_HOLIDAYS, HolidayTable, HolidayTableError};

/// The due date for the period ending `month_end`, from the embedded table.
///
/// `month_end` is normally the last day of a calendar month; any other date is
/// still counted from (the check that it *is* a month end belongs to the
/// caller's own rule).
pub fn due_date(month_end: NaiveDate) -> DueDate {
    DueDate::compute(holidays::table(), month_end)
}

/// Whether `date` is a Hong Kong business day; `None` outside [`covered_years`].
pub fn is_business_day(date: NaiveDate) -> Option<bool> {
    holidays::table().is_business_day(date)
}

/// The English name of the general holiday on `date`, if any.
pub fn holiday_name(date: NaiveDate) -> Option<&'static str> {
    holidays::table().holiday_name(date)
}

/// The calendar years for which holidays are known.
pub fn covered_years() -> RangeInclusive<i32> {
    holidays::table().covered_years()
}

/// The holiday table's source line, for an "about" box or a report footer.
pub fn holiday_source() -> &'static str {
    holidays::table().source()
}

/// Time until (negative: since) the 08:30 HKT deadline; `None` if unchecked.
pub fn days_left(due: &DueDate, now_utc: DateTime<Utc>) -> Option<Countdown> {
    due_date::days_left(due, now_utc)
}

#[cfg(test)]
mod tests;
