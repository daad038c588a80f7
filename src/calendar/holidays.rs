//! The Hong Kong general-holiday table, embedded from `templates/hk-holidays.ron`.
//!
//! The table is generated (see `tools/gen-hk-holidays.py`) rather than computed
//! here, because Hong Kong holidays follow the lunar calendar and the
//! Government's gazette, which no small formula reproduces. It covers a fixed
//! range of years; outside it every lookup answers `None` so that callers never
//! guess a due date.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Deserialize;

/// The embedded holiday file, checked by [`HolidayTable::parse`] on first use.
pub const EMBEDDED_HOLIDAYS: &str = include_str!("../../templates/hk-holidays.ron");

/// Why a holiday file was rejected.
#[derive(Debug, thiserror::Error)]
pub enum HolidayTableError {
    /// The text is not valid RON for the expected layout.
    #[error("holiday file is not valid RON: {0}")]
    Syntax(#[from] ron::error::SpannedError),
    /// `first_year` is after `last_year`.
    #[error("holiday file covers no years: first_year {first} is after last_year {last}")]
    EmptyRange {
        /// Declared first covered year.
        first: i32,
        /// Declared last covered year.
        last: i32,
    },
    /// A date lies outside the declared years (it would silently widen coverage).
    #[error("holiday {date} lies outside the covered years {first}-{last}")]
    OutsideRange {
        /// The offending date.
        date: NaiveDate,
        /// Declared first covered year.
        first: i32,
        /// Declared last covered year.
        last: i32,
    },
    /// A date is listed twice, or not after the previous one: the generator
    /// writes a sorted, unique list, so either means the file was hand-edited.
    #[error("holiday {date} is duplicated or out of order")]
    NotSortedOrUnique {
        /// The first date that is not strictly after its predecessor.
        date: NaiveDate,
    },
}

/// On-disk layout of `hk-holidays.ron`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct HolidayFile {
    source: String,
    first_year: i32,
    last_year: i32,
    holidays: Vec<HolidayEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct HolidayEntry {
    date: NaiveDate,
    name: String,
}

/// Hong Kong general holidays for a contiguous range of years.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HolidayTable {
    source: String,
    years: RangeInclusive<i32>,
    days: BTreeMap<NaiveDate, String>,
}

impl HolidayTable {
    /// Parses and validates a holiday file (layout as in `templates/hk-holidays.ron`).
    pub fn parse(text: &str) -> Result<Self, HolidayTableError> {
        let file: HolidayFile = ron::from_str(text)?;
        let (first, last) = (file.first_year, file.last_year);
        if first > last {
            return Err(HolidayTableError::EmptyRange { first, last });
        }
        let mut days = BTreeMap::new();
        let mut previous: Option<NaiveDate> = None;
        for HolidayEntry { date, name } in file.holidays {
            if !(first..=last).contains(&date.year()) {
                return Err(HolidayTableError::OutsideRange { date, first, last });
            }
            if previous.is_some_and(|p| date <= p) {
                return Err(HolidayTableError::NotSortedOrUnique { date });
            }
            previous = Some(date);
            days.insert(date, name);
        }
        Ok(Self {
            source: file.source,
            years: first..=last,
            days,
        })
    }

    /// Where the dates came from (the file's `source` header).
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The calendar years for which the table is complete.
    pub fn covered_years(&self) -> RangeInclusive<i32> {
        self.years.clone()
    }

    /// Whether `date` falls in a covered year.
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.years.contains(&date.year())
    }

    /// The holiday's English name, if `date` is a listed general holiday.
    pub fn holiday_name(&self, date: NaiveDate) -> Option<&str> {
        self.days.get(&date).map(String::as_str)
    }

    /// All listed holidays in date order.
    pub fn iter(&self) -> impl Iterator<Item = (NaiveDate, &str)> {
        self.days.iter().map(|(d, n)| (*d, n.as_str()))
    }

    /// Whether `date` is a Hong Kong business day: not a Saturday, Sunday or
    /// general holiday. `None` outside the covered years, even for weekends,
    /// so that every answer comes from the same, known-complete source.
    ///
    /// Days on which a typhoon signal No. 8 or a black rainstorm warning is in
    /// force are *not* treated specially: that rule depends on the weather on
    /// the day and is out of scope here.
    pub fn is_business_day(&self, date: NaiveDate) -> Option<bool> {
        if !self.covers(date) {
            return None;
        }
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        Some(!weekend && !self.days.contains_key(&date))
    }
}

/// The embedded table, parsed once.
///
/// # Panics
/// Only if the embedded `templates/hk-holidays.ron` is malformed, which is a
/// build defect caught by the test `embedded_table_parses`, never a runtime
/// input.
#[allow(
    clippy::expect_used,
    reason = "the table is embedded at build time and parsed by a test, never user input"
)]
pub fn table() -> &'static HolidayTable {
    static TABLE: OnceLock<HolidayTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        HolidayTable::parse(EMBEDDED_HOLIDAYS)
            .expect("embedded templates/hk-holidays.ron is invalid; regenerate it with tools/gen-hk-holidays.py")
    })
}
