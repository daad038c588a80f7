//! Hand-worked due dates and table checks. Each expectation is worked out in
//! the comment above it from a printed calendar and the gazetted holidays,
//! not from the code under test.

use chrono::{Datelike, NaiveDate, TimeZone, Utc, Weekday};

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("test dates are valid")
}

fn known(month_end: NaiveDate) -> (NaiveDate, [NaiveDate; BUSINESS_DAYS_AFTER_MONTH_END]) {
    match due_date(month_end) {
        DueDate::Known {
            date,
            business_days,
            deadline,
            month_end: m,
        } => {
            assert_eq!(m, month_end);
            assert_eq!(deadline, date.and_time(DEADLINE_TIME));
            (date, business_days)
        }
        other => panic!("expected a known due date for {month_end}, got {other:?}"),
    }
}

#[test]
fn embedded_table_parses() {
    // Forces the OnceLock's `expect`: a malformed embedded file fails here.
    let table = HolidayTable::parse(EMBEDDED_HOLIDAYS).expect("embedded holiday file parses");
    assert_eq!(table.covered_years(), covered_years());
    assert_eq!(covered_years(), 2024..=2027);
    assert!(holiday_source().starts_with("Hong Kong Government gazetted general holidays"));
    assert!(holiday_source().contains("`holidays` package version"));
}

#[test]
fn every_covered_year_has_at_least_12_holidays() {
    let table = HolidayTable::parse(EMBEDDED_HOLIDAYS).expect("embedded holiday file parses");
    for year in covered_years() {
        let n = table.iter().filter(|(date, _)| date.year() == year).count();
        assert!(n >= 12, "{year} has only {n} holidays");
    }
}

#[test]
fn embedded_dates_are_unique_and_sorted_in_the_file() {
    // `parse` rejects these, but check the raw file too so a hand edit is obvious.
    let dates: Vec<&str> = EMBEDDED_HOLIDAYS
        .lines()
        .filter_map(|l| l.trim().strip_prefix("(date: \""))
        .filter_map(|rest| rest.get(..10))
        .collect();
    assert!(dates.len() >= 48);
    assert!(
        dates.windows(2).all(|w| w[0] < w[1]),
        "dates not strictly increasing"
    );
}

#[test]
fn holidays_2024_match_the_gazette() {
    // 2024 general holidays as gazetted (weekday holidays and Saturdays; 11 Feb
    // is a Sunday, so the fourth day of Lunar New Year, 13 Feb, replaces it).
    let expected = [
        d(2024, 1, 1),
        d(2024, 2, 10),
        d(2024, 2, 12),
        d(2024, 2, 13),
        d(2024, 3, 29), // Good Friday
        d(2024, 3, 30), // day following Good Friday
        d(2024, 4, 1),  // Easter Monday
        d(2024, 4, 4),  // Ching Ming
        d(2024, 5, 1),
        d(2024, 5, 15), // Buddha's Birthday
        d(2024, 6, 10), // Tuen Ng
        d(2024, 7, 1),
        d(2024, 9, 18), // day following Mid-Autumn
        d(2024, 10, 1),
        d(2024, 10, 11), // Chung Yeung
        d(2024, 12, 25),
        d(2024, 12, 26),
    ];
    let table = HolidayTable::parse(EMBEDDED_HOLIDAYS).expect("embedded holiday file parses");
    let listed: Vec<NaiveDate> = table
        .iter()
        .map(|(date, _)| date)
        .filter(|date| date.year() == 2024)
        .collect();
    assert_eq!(listed, expected);
    assert_eq!(holiday_name(d(2024, 4, 1)), Some("Easter Monday"));
}

#[test]
fn business_day_lookup() {
    assert_eq!(is_business_day(d(2024, 11, 1)), Some(true)); // Friday
    assert_eq!(is_business_day(d(2024, 11, 2)), Some(false)); // Saturday
    assert_eq!(is_business_day(d(2024, 11, 3)), Some(false)); // Sunday
    assert_eq!(is_business_day(d(2024, 4, 1)), Some(false)); // Easter Monday
    assert_eq!(is_business_day(d(2023, 12, 29)), None); // before coverage
    assert_eq!(is_business_day(d(2028, 1, 3)), None); // after coverage
}

#[test]
fn october_2024() {
    // 31 Oct 2024 is a Thursday. Business days after it: Fri 1 Nov (1),
    // [Sat 2, Sun 3], Mon 4 (2), Tue 5 (3), Wed 6 (4), Thu 7 (5).
    // Due Thu 7 Nov 2024 08:30 HKT (Kingsoft's October 2024 return was filed 6 Nov).
    let (date, days) = known(d(2024, 10, 31));
    assert_eq!(
        days,
        [
            d(2024, 11, 1),
            d(2024, 11, 4),
            d(2024, 11, 5),
            d(2024, 11, 6),
            d(2024, 11, 7)
        ]
    );
    assert_eq!(date, d(2024, 11, 7));
    assert_eq!(
        due_date(d(2024, 10, 31)).to_string(),
        "07 November 2024, 08:30 HKT"
    );
}

#[test]
fn january_2025_after_lunar_new_year() {
    // 31 Jan 2025 is a Friday and itself a holiday (third day of Lunar New
    // Year, 29-31 Jan); it is the month end, so it is not counted anyway.
    // Then [Sat 1, Sun 2], Mon 3 Feb (1), Tue 4 (2), Wed 5 (3), Thu 6 (4), Fri 7 (5).
    let (date, days) = known(d(2025, 1, 31));
    assert_eq!(
        days,
        [
            d(2025, 2, 3),
            d(2025, 2, 4),
            d(2025, 2, 5),
            d(2025, 2, 6),
            d(2025, 2, 7)
        ]
    );
    assert_eq!(date, d(2025, 2, 7));
}

#[test]
fn march_2024_across_easter_and_ching_ming() {
    // 31 Mar 2024 is Easter Sunday. Mon 1 Apr is Easter Monday (holiday),
    // Tue 2 (1), Wed 3 (2), Thu 4 Ching Ming (holiday), Fri 5 (3),
    // [Sat 6, Sun 7], Mon 8 (4), Tue 9 (5). Due Tue 9 Apr 2024.
    let (date, days) = known(d(2024, 3, 31));
    assert_eq!(
        days,
        [
            d(2024, 4, 2),
            d(2024, 4, 3),
            d(2024, 4, 5),
            d(2024, 4, 8),
            d(2024, 4, 9)
        ]
    );
    assert_eq!(date, d(2024, 4, 9));
}

#[test]
fn march_2026_across_easter_and_the_new_substitute_days() {
    // 31 Mar 2026 is a Tuesday. Wed 1 Apr (1), Thu 2 (2), Fri 3 Good Friday,
    // Sat 4, Sun 5 (Ching Ming, on a Sunday), Mon 6 Easter Monday / day
    // following Ching Ming, Tue 7 day following Easter Monday, Wed 8 (3),
    // Thu 9 (4), Fri 10 (5). Due Fri 10 Apr 2026.
    let (date, _) = known(d(2026, 3, 31));
    assert_eq!(date, d(2026, 4, 10));
}

#[test]
fn december_2024_across_new_year() {
    // 31 Dec 2024 is a Tuesday. Wed 1 Jan 2025 is New Year's Day; Thu 2 (1),
    // Fri 3 (2), [Sat 4, Sun 5], Mon 6 (3), Tue 7 (4), Wed 8 (5). Due 8 Jan 2025.
    let (date, _) = known(d(2024, 12, 31));
    assert_eq!(date, d(2025, 1, 8));
}

#[test]
fn december_2023_needs_only_2024() {
    // The month end itself is never classified, so 31 Dec 2023 (outside the
    // table) still gives a date: Mon 1 Jan 2024 holiday, Tue 2 (1), Wed 3 (2),
    // Thu 4 (3), Fri 5 (4), [Sat 6, Sun 7], Mon 8 (5). Due 8 Jan 2024.
    let (date, _) = known(d(2023, 12, 31));
    assert_eq!(date, d(2024, 1, 8));
}

#[test]
fn december_2027_is_unchecked() {
    // 31 Dec 2027 is a Friday; the count needs January 2028, which the table
    // does not cover: no guess.
    let due = due_date(d(2027, 12, 31));
    assert_eq!(
        due,
        DueDate::Unchecked {
            month_end: d(2027, 12, 31),
            reason: UncheckedReason::OutsideCoverage {
                date: d(2028, 1, 1),
                covered: 2024..=2027,
            },
        }
    );
    assert_eq!(due.date(), None);
    let now = Utc
        .with_ymd_and_hms(2028, 1, 1, 0, 0, 0)
        .single()
        .expect("valid instant");
    assert_eq!(days_left(&due, now), None);
    assert!(
        status_line(&due, now)
            .starts_with("due date not checked: no Hong Kong holiday data for 2028-01-01")
    );
}

#[test]
fn november_2023_is_unchecked() {
    let due = due_date(d(2023, 11, 30));
    assert!(matches!(
        due,
        DueDate::Unchecked { reason: UncheckedReason::OutsideCoverage { date, .. }, .. } if date == d(2023, 12, 1)
    ));
}

#[test]
fn mid_month_period_end_still_counts_from_given_date() {
    // Documented behaviour: 15 Nov 2024 (Fri) -> Mon 18 (1) .. Fri 22 (5).
    let (date, _) = known(d(2024, 11, 15));
    assert_eq!(date, d(2024, 11, 22));
}

#[test]
fn every_known_due_date_is_the_fifth_business_day() {
    // Cross-check the counter against `is_business_day` for every month end
    // from Dec 2023 to Nov 2027.
    let mut month_end = d(2023, 12, 31);
    while month_end < d(2027, 12, 1) {
        let (date, days) = known(month_end);
        assert!(
            !matches!(date.weekday(), Weekday::Sat | Weekday::Sun),
            "{month_end}: due on a weekend"
        );
        let counted = month_end
            .iter_days()
            .skip(1)
            .take_while(|day| *day <= date)
            .filter(|day| is_business_day(*day) == Some(true))
            .count();
        assert_eq!(counted, BUSINESS_DAYS_AFTER_MONTH_END, "{month_end}");
        assert_eq!(days[BUSINESS_DAYS_AFTER_MONTH_END - 1], date);
        // Next month end: first of the month after next, minus one day.
        let next_first = d(month_end.year(), month_end.month(), 1)
            .checked_add_months(chrono::Months::new(2))
            .expect("in range");
        month_end = next_first.pred_opt().expect("in range");
    }
}

#[test]
fn days_left_around_the_deadline() {
    let due = due_date(d(2024, 10, 31)); // 07 Nov 2024 08:30 HKT = 00:30 UTC
    let at = |day, h, m| {
        Utc.with_ymd_and_hms(2024, 11, day, h, m, 0)
            .single()
            .expect("valid instant")
    };

    // 00:29Z = 08:29 HKT: one minute to go.
    let c = days_left(&due, at(7, 0, 29)).expect("known");
    assert!(!c.is_overdue());
    assert_eq!(c.to_string(), "1 minute left");

    // 00:30Z exactly: "no later than 08:30" -> still on time.
    let c = days_left(&due, at(7, 0, 30)).expect("known");
    assert!(!c.is_overdue());
    assert_eq!(c.to_string(), "due now");

    // 00:31Z = 08:31 HKT: late.
    let c = days_left(&due, at(7, 0, 31)).expect("known");
    assert!(c.is_overdue());
    assert_eq!(c.to_string(), "overdue by 1 minute");

    // Mon 4 Nov 08:30 HKT: exactly three days.
    let c = days_left(&due, at(4, 0, 30)).expect("known");
    assert_eq!((c.days(), c.hours()), (3, 0));
    assert_eq!(
        status_line(&due, at(4, 0, 30)),
        "due 07 Nov 2024 08:30 HKT — 3 days left"
    );

    // Mon 4 Nov 10:30 HKT: 2 days 22 hours.
    let c = days_left(&due, at(4, 2, 30)).expect("known");
    assert_eq!(c.to_string(), "2 days 22 hours left");

    // Sat 9 Nov 08:30 HKT: two days late.
    let c = days_left(&due, at(9, 0, 30)).expect("known");
    assert_eq!((c.days(), c.hours()), (-2, 0));
    assert_eq!(
        status_line(&due, at(9, 0, 30)),
        "due 07 Nov 2024 08:30 HKT — overdue by 2 days"
    );

    assert_eq!(due.deadline_utc(), Some(at(7, 0, 30)));
}

#[test]
fn parse_rejects_bad_tables() {
    let wrap = |body: &str| {
        format!("(source: \"t\", first_year: 2024, last_year: 2024, holidays: [{body}])")
    };
    assert!(HolidayTable::parse(&wrap("(date: \"2024-01-01\", name: \"a\")")).is_ok());
    assert!(matches!(
        HolidayTable::parse(&wrap(
            "(date: \"2024-01-02\", name: \"a\"), (date: \"2024-01-01\", name: \"b\")"
        )),
        Err(HolidayTableError::NotSortedOrUnique { .. })
    ));
    assert!(matches!(
        HolidayTable::parse(&wrap(
            "(date: \"2024-01-01\", name: \"a\"), (date: \"2024-01-01\", name: \"b\")"
        )),
        Err(HolidayTableError::NotSortedOrUnique { .. })
    ));
    assert!(matches!(
        HolidayTable::parse(&wrap("(date: \"2025-01-01\", name: \"a\")")),
        Err(HolidayTableError::OutsideRange { .. })
    ));
    assert!(matches!(
        HolidayTable::parse("(source: \"t\", first_year: 2025, last_year: 2024, holidays: [])"),
        Err(HolidayTableError::EmptyRange { .. })
    ));
    assert!(matches!(
        HolidayTable::parse(&wrap("(date: \"2024-02-30\", name: \"a\")")),
        Err(HolidayTableError::Syntax(_))
    ));
}

#[test]
fn a_custom_table_drives_the_count() {
    // With no holidays at all, 31 Oct 2024 -> Fri 1, Mon 4, Tue 5, Wed 6, Thu 7 still;
    // declare Mon 4 Nov a holiday and it moves to Fri 8.
    let table = HolidayTable::parse(
        "(source: \"t\", first_year: 2024, last_year: 2024, holidays: [(date: \"2024-11-04\", name: \"x\")])",
    )
    .expect("valid");
    assert_eq!(
        DueDate::compute(&table, d(2024, 10, 31)).date(),
        Some(d(2024, 11, 8))
    );
}
