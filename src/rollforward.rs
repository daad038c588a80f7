//! Rolling a return forward: next month's draft starts from this month's closing figures.
//!
//! What carries over and what is cleared (spec §1: every "preceding month" balance must equal the
//! previous return's closing figure):
//!
//! - **Header**: month end → last day of the next month; date submitted cleared; status back to
//!   `New Submission`; issuer kept.
//! - **Carried** (preceding ← close, from [`calc::derive`]): I shares and par value (a changed
//!   closing par becomes the par, the closing par is cleared), manual capital; II both columns;
//!   III(A) options outstanding; III(B) nominal value; III(C) amount; IV HDRs.
//! - **Cleared**: every movement; exercises and deliveries A1/A2, B1/B2, C1/C2, D1/D2; funds
//!   raised (its currency kept); III(E) events; the v1.2.0 public float tick (a fresh
//!   confirmation each month; the threshold and additional information texts are kept).
//! - **Kept**: classes, schemes, warrants, convertibles, arrangements with their "shares which may
//!   be issued at close" (the state the next month starts from), remarks, confirmations, signatory.
//! - **III(E) pending cancellation**: rows of shares repurchased or redeemed but not yet
//!   cancelled stay, with E1/E2 cleared and the pending number kept, because Note 3 asks for
//!   shares pending cancellation "during the month or in preceding month(s)". When they are
//!   cancelled the user changes the row. Other (E) rows go; an (E) block left with no row goes,
//!   and an (E) part left with no block becomes `Not applicable`.
//! - A preceding balance whose inputs were all blank stays blank (printing keeps blank vs `0`).
//!
//! - **Linked**: the new return keeps a snapshot of this one's closing figures
//!   ([`crate::model::LastMonth`]), which the `PREV-*` checks compare its brought-forward
//!   balances with from then on.
//!
//! A carried figure whose arithmetic overflowed is an error naming its field: rolling forward
//! never invents a number.

use chrono::{Datelike, Months, NaiveDate};

use crate::calc::{self, Derived};
use crate::last_month;
use crate::model::path::{self as paths, FieldPath};
use crate::model::{LinkSource, MonthlyReturn, OptionMovement, SubmissionStatus};

/// Why a return could not be rolled forward.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RollForwardError {
    #[error("the return has no month end (\"For the month ended\"): set it before rolling forward")]
    NoMonthEnd,
    #[error("no month follows the one ending {0}")]
    EndOfCalendar(NaiveDate),
    #[error(
        "{path}: the closing figure is too large to compute; fix the figures that feed it before rolling forward"
    )]
    Overflow { path: FieldPath },
}

/// The last day of the month after the one containing `month_end` (31 Jan → 28/29 Feb,
/// 31 Dec 2024 → 31 Jan 2025).
pub fn next_month_end(month_end: NaiveDate) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(month_end.year(), month_end.month(), 1)?;
    first.checked_add_months(Months::new(2))?.pred_opt()
}

/// Next month's return, starting from this one's closing figures (see the module docs).
pub fn roll_forward(ret: &MonthlyReturn) -> Result<MonthlyReturn, RollForwardError> {
    roll_forward_from(ret, &calc::derive(ret))
}

/// [`roll_forward`] with the figures already derived from `ret` (`calc::derive(ret)`), for a
/// caller that also checks the return and derives it only once.
pub fn roll_forward_from(
    ret: &MonthlyReturn,
    d: &calc::Derived,
) -> Result<MonthlyReturn, RollForwardError> {
    let month_end = ret.header.month_end.ok_or(RollForwardError::NoMonthEnd)?;
    let next_end = next_month_end(month_end).ok_or(RollForwardError::EndOfCalendar(month_end))?;
    let mut next = ret.clone();

    next.header.month_end = Some(next_end);
    next.header.date_submitted = None;
    next.header.status = SubmissionStatus::NewSubmission;
    // The month it follows, so its brought-forward balances stay checked against this one's
    // close whatever happens to this file (the caller names the file when there is one).
    next.last_month = Some(last_month::capture(ret, d, LinkSource::default()));

    roll_part1(&mut next, d)?;
    roll_part2(&mut next, d)?;
    roll_part3(&mut next, d)?;
    roll_part4(&mut next, d)?;
    Ok(next)
}

/// The carried figure: blank when every input was blank, else the derived close (or an error
/// naming it when it overflowed).
fn carry<T: Copy>(
    all_blank: bool,
    close: Option<T>,
    path: impl FnOnce() -> FieldPath,
) -> Result<Option<T>, RollForwardError> {
    if all_blank {
        return Ok(None);
    }
    match close {
        Some(v) => Ok(Some(v)),
        None => Err(RollForwardError::Overflow { path: path() }),
    }
}

fn roll_part1(next: &mut MonthlyReturn, d: &Derived) -> Result<(), RollForwardError> {
    for (i, (b, f)) in next.part1.part.blocks.iter_mut().zip(&d.part1).enumerate() {
        b.preceding_shares = carry(
            b.preceding_shares.is_none() && b.movement_shares.is_none(),
            f.close_shares,
            || paths::part1::close_shares(i),
        )?;
        b.movement_shares = None;
        if let Some(par) = b.closing_par_value.take() {
            b.par_value.amount = Some(par);
        }
        b.manual_preceding_capital = if b.manual_capital {
            carry(
                b.manual_preceding_capital.is_none() && b.manual_movement_capital.is_none(),
                f.close_capital,
                || paths::part1::close_capital(i),
            )?
        } else {
            // Unused while capital is computed; a stale figure would resurface if the box
            // were ticked later.
            None
        };
        b.manual_movement_capital = None;
    }
    Ok(())
}

fn roll_part2(next: &mut MonthlyReturn, d: &Derived) -> Result<(), RollForwardError> {
    for (i, (b, f)) in next.part2.part.blocks.iter_mut().zip(&d.part2).enumerate() {
        b.preceding.excluding_treasury = carry(
            b.preceding.excluding_treasury.is_none() && b.movement.excluding_treasury.is_none(),
            f.close_excluding_treasury,
            || paths::part2::close_excluding_treasury(i),
        )?;
        b.preceding.treasury = carry(
            b.preceding.treasury.is_none() && b.movement.treasury.is_none(),
            f.close_treasury,
            || paths::part2::close_treasury(i),
        )?;
        b.movement = Default::default();
        b.public_float.complied = None;
    }
    Ok(())
}

fn roll_part3(next: &mut MonthlyReturn, d: &Derived) -> Result<(), RollForwardError> {
    for (i, (b, f)) in next.part3a.blocks.iter_mut().zip(&d.part3a).enumerate() {
        for (s, (sc, close)) in b.schemes.iter_mut().zip(&f.closing_outstanding).enumerate() {
            let all_blank = sc.preceding_outstanding.is_none()
                && OptionMovement::ALL
                    .into_iter()
                    .all(|m| sc.movement(m).is_none());
            sc.preceding_outstanding = carry(all_blank, *close, || {
                paths::part3a::closing_outstanding(i, s)
            })?;
            for m in OptionMovement::ALL {
                *sc.movement_mut(m) = None;
            }
            sc.new_shares = None;
            sc.from_treasury = None;
        }
        b.funds_raised.amount = None;
    }

    for (i, (b, f)) in next.part3b.blocks.iter_mut().zip(&d.part3b).enumerate() {
        for (w, (wa, close)) in b.warrants.iter_mut().zip(&f.closing_nominal).enumerate() {
            wa.preceding_nominal = carry(
                wa.preceding_nominal.is_none() && wa.exercised_nominal.is_none(),
                *close,
                || paths::part3b::closing_nominal(i, w),
            )?;
            wa.exercised_nominal = None;
            wa.new_shares = None;
            wa.from_treasury = None;
        }
    }

    for (i, (b, f)) in next.part3c.blocks.iter_mut().zip(&d.part3c).enumerate() {
        for (c, (cv, close)) in b.convertibles.iter_mut().zip(&f.closing_amount).enumerate() {
            let all_blank =
                cv.preceding_amount.is_none() && cv.movements.iter().all(|m| m.amount.is_none());
            cv.preceding_amount = carry(all_blank, *close, || paths::part3c::closing_amount(i, c))?;
            cv.movements.clear();
            cv.new_shares = None;
            cv.from_treasury = None;
        }
    }

    for b in &mut next.part3d.blocks {
        for a in &mut b.arrangements {
            a.new_shares = None;
            a.from_treasury = None;
        }
    }

    for b in &mut next.part3e.blocks {
        b.events
            .retain(|e| e.type_of_issue.is_pending_cancellation());
        for e in &mut b.events {
            e.change_excluding_treasury = None;
            e.change_treasury = None;
        }
    }
    next.part3e.blocks.retain(|b| !b.events.is_empty());
    if next.part3e.blocks.is_empty() {
        next.part3e.not_applicable = true;
    }
    Ok(())
}

fn roll_part4(next: &mut MonthlyReturn, d: &Derived) -> Result<(), RollForwardError> {
    for (i, (h, f)) in next.part4.part.blocks.iter_mut().zip(&d.part4).enumerate() {
        h.preceding_hdrs = carry(
            h.preceding_hdrs.is_none() && h.movement_hdrs.is_none(),
            f.close_hdrs,
            || paths::part4::close_hdrs(i),
        )?;
        h.movement_hdrs = None;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn next_month_end_handles_february_and_december() {
        assert_eq!(next_month_end(date(2024, 10, 31)), Some(date(2024, 11, 30)));
        assert_eq!(next_month_end(date(2024, 1, 31)), Some(date(2024, 2, 29)));
        assert_eq!(next_month_end(date(2025, 1, 31)), Some(date(2025, 2, 28)));
        assert_eq!(next_month_end(date(2100, 1, 31)), Some(date(2100, 2, 28)));
        assert_eq!(next_month_end(date(2024, 2, 29)), Some(date(2024, 3, 31)));
        assert_eq!(next_month_end(date(2024, 12, 31)), Some(date(2025, 1, 31)));
        assert_eq!(next_month_end(date(2024, 11, 30)), Some(date(2024, 12, 31)));
        // A mid-month date still gives the end of the following month.
        assert_eq!(next_month_end(date(2024, 10, 15)), Some(date(2024, 11, 30)));
        assert_eq!(next_month_end(NaiveDate::MAX), None);
    }

    #[test]
    fn blank_month_end_is_refused() {
        assert_eq!(
            roll_forward(&MonthlyReturn::blank()),
            Err(RollForwardError::NoMonthEnd)
        );
    }
}
