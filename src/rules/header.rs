//! HDR: the header block on page 1.

use chrono::Datelike;

use super::{Collector, Context, Rule, Severity, blank};
use crate::calendar::DueDate;
use crate::format;
use crate::model::path::{self as paths};

pub(super) const HDR_001: Rule = Rule {
    id: "HDR-001",
    severity: Severity::Error,
    title: "Name of issuer missing",
    explanation: "`Name of Issuer:` identifies the return on page 1 and on the Exchange's \
        website. Enter the issuer's registered English name exactly as listed.",
    check: hdr_001,
};

fn hdr_001(ctx: &Context<'_>, out: &mut Collector) {
    if blank(&ctx.ret.header.issuer_name) {
        HDR_001.emit(
            out,
            "Name of Issuer is empty".to_string(),
            paths::header::issuer_name(),
        );
    }
}

pub(super) const HDR_002: Rule = Rule {
    id: "HDR-002",
    severity: Severity::Error,
    title: "Month end missing",
    explanation: "`For the month ended:` says which month the return reports; the due date and \
        the date checks of III(E) depend on it. Enter the last day of the reported month.",
    check: hdr_002,
};

fn hdr_002(ctx: &Context<'_>, out: &mut Collector) {
    if ctx.ret.header.month_end.is_none() {
        HDR_002.emit(
            out,
            "For the month ended is empty".to_string(),
            paths::header::month_end(),
        );
    }
}

pub(super) const HDR_003: Rule = Rule {
    id: "HDR-003",
    severity: Severity::Error,
    title: "Month end is not the last day of a month",
    explanation: "A monthly return covers a whole calendar month, so `For the month ended:` is \
        always the month's last day (e.g. 31 October 2024, 29 February 2024).",
    check: hdr_003,
};

fn hdr_003(ctx: &Context<'_>, out: &mut Collector) {
    let Some(d) = ctx.ret.header.month_end else {
        return;
    };
    // The day after the last day of a month is the 1st; the calendar's last day has no successor.
    if d.succ_opt().is_some_and(|next| next.day() != 1) {
        let last = last_day_of_month(d);
        let hint = last
            .map(|l| format!(": did you mean {}?", format::date(l)))
            .unwrap_or_default();
        HDR_003.emit(
            out,
            format!(
                "For the month ended is {}, which is not the last day of a month{hint}",
                format::date(d)
            ),
            paths::header::month_end(),
        );
    }
}

/// The last day of `d`'s month, if the calendar has it.
fn last_day_of_month(d: chrono::NaiveDate) -> Option<chrono::NaiveDate> {
    let (y, m) = if d.month() == 12 {
        (d.year().checked_add(1)?, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    chrono::NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

pub(super) const HDR_004: Rule = Rule {
    id: "HDR-004",
    severity: Severity::Error,
    title: "Date submitted missing",
    explanation: "`Date Submitted:` is printed on page 1 and shows the return was filed on time. \
        Enter the date the return is submitted to the Exchange.",
    check: hdr_004,
};

fn hdr_004(ctx: &Context<'_>, out: &mut Collector) {
    if ctx.ret.header.date_submitted.is_none() {
        HDR_004.emit(
            out,
            "Date Submitted is empty".to_string(),
            paths::header::date_submitted(),
        );
    }
}

pub(super) const HDR_005: Rule = Rule {
    id: "HDR-005",
    severity: Severity::Error,
    title: "Date submitted before the month end",
    explanation: "A return reports the month's movements, so it cannot be submitted before the \
        month is over. Check both dates: usually the date submitted is in the first days of \
        the following month.",
    check: hdr_005,
};

fn hdr_005(ctx: &Context<'_>, out: &mut Collector) {
    let h = &ctx.ret.header;
    if let (Some(end), Some(sub)) = (h.month_end, h.date_submitted)
        && sub < end
    {
        HDR_005.emit(
            out,
            format!(
                "Date Submitted {} is before the month end {}",
                format::date(sub),
                format::date(end)
            ),
            paths::header::date_submitted(),
        );
    }
}

pub(super) const HDR_006: Rule = Rule {
    id: "HDR-006",
    severity: Severity::Warning,
    title: "Date submitted is after the due date",
    explanation: "The return must be published by 08:30 Hong Kong time on the fifth business \
        day after the month end (Main Board Rule 13.25B / GEM Rule 17.27B). A later date means \
        a late filing: check the date, and if it is right, be ready to explain the delay.",
    check: hdr_006,
};

fn hdr_006(ctx: &Context<'_>, out: &mut Collector) {
    let (Some(sub), Some(DueDate::Known { date: due, .. })) =
        (ctx.ret.header.date_submitted, &ctx.derived.due_date)
    else {
        return;
    };
    if sub > *due {
        let late = (sub - *due).num_days();
        HDR_006.emit(
            out,
            format!(
                "Date Submitted {} is {late} day(s) after the due date {} (08:30 HKT)",
                format::date(sub),
                format::date(*due)
            ),
            paths::header::date_submitted(),
        );
    }
}

pub(super) const HDR_007: Rule = Rule {
    id: "HDR-007",
    severity: Severity::Warning,
    title: "Due date could not be checked",
    explanation: "The due date counts Hong Kong business days, and the app only knows the public \
        holidays of the years in its holiday table. Outside those years it does not guess: \
        work the due date out by hand (fifth business day after the month end, 08:30 HKT).",
    check: hdr_007,
};

fn hdr_007(ctx: &Context<'_>, out: &mut Collector) {
    if let Some(DueDate::Unchecked { reason, .. }) = &ctx.derived.due_date {
        HDR_007.emit(
            out,
            format!("The due date could not be checked: {reason}"),
            paths::header::month_end(),
        );
    }
}
