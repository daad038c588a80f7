//! The FF301 due date: 08:30 Hong Kong time on the fifth business day after
//! the month end (Main Board Rule 13.25B / GEM Rule 17.27B, our reading).

use std::fmt;
use std::ops::RangeInclusive;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Utc};

use super::holidays::HolidayTable;

/// How many business days after the month end the return is due.
pub const BUSINESS_DAYS_AFTER_MONTH_END: usize = 5;

/// The time of day (Hong Kong local) by which the return must be published.
pub const DEADLINE_TIME: NaiveTime = match NaiveTime::from_hms_opt(8, 30, 0) {
    Some(t) => t,
    None => panic!("08:30:00 is a valid time"),
};

/// Hong Kong Time, UTC+8. Hong Kong has not observed daylight saving since
/// 1979, so a fixed offset is exact for every date the table can cover.
pub const HKT: FixedOffset = match FixedOffset::east_opt(8 * 3600) {
    Some(o) => o,
    None => panic!("+08:00 is a valid offset"),
};

/// Why no due date could be given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UncheckedReason {
    /// A day that must be classified lies in a year the holiday table does not cover.
    #[error("no Hong Kong holiday data for {date} (holiday table covers {}-{})", covered.start(), covered.end())]
    OutsideCoverage {
        /// The first day that could not be classified.
        date: NaiveDate,
        /// The years the table covers.
        covered: RangeInclusive<i32>,
    },
    /// The calendar ran out (month end at `NaiveDate::MAX`).
    #[error("no day follows {0}")]
    EndOfCalendar(NaiveDate),
}

/// The due date of a monthly return, or why it is not known.
///
/// `month_end` is used as given: if it is not the last day of a calendar month
/// the count still starts on the following day. Whether such a period end is
/// acceptable is a separate rule checked by the caller, not here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DueDate {
    /// Every day in the counting window was classified from the holiday table.
    Known {
        /// The period end the count started from.
        month_end: NaiveDate,
        /// The fifth business day after `month_end`.
        date: NaiveDate,
        /// `date` at 08:30, Hong Kong local time (see [`HKT`]).
        deadline: NaiveDateTime,
        /// The business days counted, first to fifth (`date` is the last).
        business_days: [NaiveDate; BUSINESS_DAYS_AFTER_MONTH_END],
    },
    /// Some day needed lies outside the holiday table: we do not guess.
    Unchecked {
        /// The period end the count started from.
        month_end: NaiveDate,
        /// What stopped the count.
        reason: UncheckedReason,
    },
}

impl DueDate {
    /// Counts business days after `month_end` using `table`.
    ///
    /// The month end itself is never counted, so its own year need not be
    /// covered (31 Dec 2023 gives a known date from the 2024 table).
    pub fn compute(table: &HolidayTable, month_end: NaiveDate) -> Self {
        let mut business_days = [month_end; BUSINESS_DAYS_AFTER_MONTH_END];
        let mut found = 0;
        let mut day = month_end;
        while found < BUSINESS_DAYS_AFTER_MONTH_END {
            let Some(next) = day.succ_opt() else {
                return Self::Unchecked {
                    month_end,
                    reason: UncheckedReason::EndOfCalendar(day),
                };
            };
            day = next;
            match table.is_business_day(day) {
                None => {
                    return Self::Unchecked {
                        month_end,
                        reason: UncheckedReason::OutsideCoverage {
                            date: day,
                            covered: table.covered_years(),
                        },
                    };
                }
                Some(true) => {
                    business_days[found] = day;
                    found += 1;
                }
                Some(false) => {}
            }
        }
        Self::Known {
            month_end,
            date: day,
            deadline: day.and_time(DEADLINE_TIME),
            business_days,
        }
    }

    /// The period end the count started from.
    pub fn month_end(&self) -> NaiveDate {
        match self {
            Self::Known { month_end, .. } | Self::Unchecked { month_end, .. } => *month_end,
        }
    }

    /// The due day, if known.
    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            Self::Known { date, .. } => Some(*date),
            Self::Unchecked { .. } => None,
        }
    }

    /// The deadline as an instant at +08:00, if known.
    pub fn deadline_hkt(&self) -> Option<DateTime<FixedOffset>> {
        match self {
            // A fixed offset has no gaps or folds, so the local time maps to
            // exactly one instant (`single` is `None` only at chrono's range limits).
            Self::Known { deadline, .. } => deadline.and_local_timezone(HKT).single(),
            Self::Unchecked { .. } => None,
        }
    }

    /// The deadline in UTC, if known.
    pub fn deadline_utc(&self) -> Option<DateTime<Utc>> {
        self.deadline_hkt().map(|d| d.with_timezone(&Utc))
    }

    /// Short form for a status bar: `07 Nov 2024 08:30 HKT`.
    pub fn short(&self) -> String {
        match self {
            Self::Known { deadline, .. } => format!("{} HKT", deadline.format("%d %b %Y %H:%M")),
            Self::Unchecked { .. } => "not checked".to_owned(),
        }
    }
}

/// `07 November 2024, 08:30 HKT`, or `not checked: <reason>`.
impl fmt::Display for DueDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Known { deadline, .. } => {
                write!(f, "{} HKT", deadline.format("%d %B %Y, %H:%M"))
            }
            Self::Unchecked { reason, .. } => write!(f, "not checked: {reason}"),
        }
    }
}

/// Time from "now" to the deadline; negative once overdue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Countdown {
    /// Deadline minus now. Zero exactly at 08:30:00 HKT, which still counts
    /// as on time ("no later than 08:30").
    pub remaining: TimeDelta,
}

impl Countdown {
    /// Whether the deadline has passed.
    pub fn is_overdue(&self) -> bool {
        self.remaining < TimeDelta::zero()
    }

    /// Whole days left (negative when overdue), truncated toward zero.
    pub fn days(&self) -> i64 {
        self.remaining.num_days()
    }

    /// Whole hours left beyond [`Self::days`] (negative when overdue), 0..=23 in magnitude.
    pub fn hours(&self) -> i64 {
        self.remaining.num_hours() % 24
    }
}

/// `3 days left`, `2 days 5 hours left`, `40 minutes left`, `due now`,
/// `overdue by 2 days`, ...
impl fmt::Display for Countdown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let magnitude = self.remaining.abs();
        let (days, hours, minutes) = (
            magnitude.num_days(),
            magnitude.num_hours() % 24,
            magnitude.num_minutes() % 60,
        );
        let amount = if days > 0 {
            if hours > 0 {
                format!("{} {}", plural(days, "day"), plural(hours, "hour"))
            } else {
                plural(days, "day")
            }
        } else if hours > 0 {
            plural(hours, "hour")
        } else if minutes > 0 {
            plural(minutes, "minute")
        } else if self.is_overdue() {
            "less than a minute".to_owned()
        } else {
            return f.write_str("due now");
        };
        if self.is_overdue() {
            write!(f, "overdue by {amount}")
        } else {
            write!(f, "{amount} left")
        }
    }
}

fn plural(n: i64, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

/// Time until (or since) the 08:30 HKT deadline; `None` when the due date is unchecked.
///
/// `now_utc` is a parameter so that callers (and tests) choose the clock.
pub fn days_left(due: &DueDate, now_utc: DateTime<Utc>) -> Option<Countdown> {
    due.deadline_utc().map(|deadline| Countdown {
        remaining: deadline - now_utc,
    })
}

/// One line for a status bar: `due 07 Nov 2024 08:30 HKT — 3 days left`,
/// or `due date not checked: <reason>`.
pub fn status_line(due: &DueDate, now_utc: DateTime<Utc>) -> String {
    match (due, days_left(due, now_utc)) {
        (DueDate::Unchecked { reason, .. }, _) => format!("due date not checked: {reason}"),
        (DueDate::Known { .. }, Some(countdown)) => format!("due {} — {countdown}", due.short()),
        (DueDate::Known { .. }, None) => format!("due {}", due.short()),
    }
}
