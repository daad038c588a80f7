//! The page-1 header: month ended, status, issuer, date submitted.

use super::reader::Ctx;
use crate::model::path;
use crate::model::{MonthlyReturn, SubmissionStatus};

/// The value printed right of `label` on its baseline (page 1 only).
fn value_of(ctx: &Ctx<'_>, label: &str, right_limit: f32) -> Option<String> {
    let doc = ctx.doc;
    let n = doc.items.iter().take_while(|i| i.page == 0).count();
    let k = doc.find(0, n, label)?;
    let x = doc.items[k].x1;
    let parts: Vec<&str> = doc
        .on_line(k, 0, n, 1.0)
        .into_iter()
        .filter(|&i| doc.items[i].x > x && doc.items[i].x < right_limit)
        .map(|i| doc.text(i))
        .collect();
    Some(parts.join(" "))
}

pub fn parse(ctx: &mut Ctx<'_>, ret: &mut MonthlyReturn) {
    let h = &ctx.t.header;
    let status_x = ctx
        .doc
        .items
        .iter()
        .find(|i| i.page == 0 && i.text == h.status)
        .map_or(600.0, |i| i.x - 1.0);
    match value_of(ctx, &h.month_ended, status_x) {
        Some(s) => ret.header.month_end = ctx.date(&s, 0, &path::header::month_end()),
        None => ctx.issue(
            0,
            &path::header::month_end(),
            "\"For the month ended:\" was not found",
        ),
    }
    match value_of(ctx, &h.status, f32::MAX) {
        Some(s) => match SubmissionStatus::ALL.into_iter().find(|st| st.label() == s) {
            Some(st) => ret.header.status = st,
            None => ctx.issue(
                0,
                &path::header::status(),
                format!("expected \"New Submission\" or \"Revision\", found {s:?}"),
            ),
        },
        None => ctx.issue(0, &path::header::status(), "\"Status:\" was not found"),
    }
    match value_of(ctx, &h.issuer, f32::MAX) {
        Some(s) => ret.header.issuer_name = s,
        None => ctx.issue(
            0,
            &path::header::issuer_name(),
            "\"Name of Issuer:\" was not found",
        ),
    }
    match value_of(ctx, &h.date_submitted, f32::MAX) {
        Some(s) => ret.header.date_submitted = ctx.date(&s, 0, &path::header::date_submitted()),
        None => ctx.issue(
            0,
            &path::header::date_submitted(),
            "\"Date Submitted:\" was not found",
        ),
    }
}
