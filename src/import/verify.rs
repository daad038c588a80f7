//! The figures the form derives are not read into the draft (the draft stores inputs only):
//! each one printed is compared with [`crate::calc::derive`] of the imported return, and a
//! disagreement is an issue (`printed 1,000, computed 1,200`). A blank printed figure is not
//! compared: HKEX leaves totals blank when their inputs are.

use rust_decimal::Decimal;

use super::ImportIssue;
use crate::calc::{self, Closing, Derived};
use crate::format;
use crate::model::MonthlyReturn;
use crate::model::path::{FieldPath, FormPart};
use crate::parse;

/// Which derived figure a printed one is.
#[derive(Debug, Clone, PartialEq)]
pub enum Key {
    /// Part I block: closing shares.
    CloseShares(usize),
    /// Part I block: capital of row 0 (preceding), 1 (movement), 2 (close).
    Capital(usize, usize),
    /// Part I total of a currency.
    CapitalTotal(String),
    /// Part II block: 0 preceding total, 1 close excl. treasury, 2 close treasury, 3 close total.
    Issued(usize, usize),
    /// Part III row's balance at close.
    Closing(FormPart, usize, usize),
    /// III(A)–(E) block's summary line 0 (XX1 / EE1) or 1 (XX2 / EE2).
    Summary(FormPart, usize, usize),
    /// Grand total 0 or 1 of the class at this position of the class list.
    Grand(usize, usize),
    /// Part IV line: 0 HDRs at close, 1 underlying shares.
    Hdr(usize, usize),
}

/// A derived figure as printed.
#[derive(Debug, Clone)]
pub struct Printed {
    pub page: usize,
    pub path: FieldPath,
    pub key: Key,
    pub text: String,
}

fn computed(ret: &MonthlyReturn, d: &Derived, key: &Key) -> Option<Option<Decimal>> {
    let count = |v: Option<i64>| Some(v.map(Decimal::from));
    match key {
        Key::CloseShares(b) => count(d.part1.get(*b)?.close_shares),
        Key::Capital(b, row) => {
            let f = d.part1.get(*b)?;
            Some(match row {
                0 => f.preceding_capital,
                1 => f.movement_capital,
                _ => f.close_capital,
            })
        }
        Key::CapitalTotal(ccy) => d.capital_totals.get(ccy).copied(),
        Key::Issued(b, k) => {
            let f = d.part2.get(*b)?;
            count(match k {
                0 => f.preceding_total,
                1 => f.close_excluding_treasury,
                2 => f.close_treasury,
                _ => f.close_total,
            })
        }
        Key::Closing(part, b, r) => match d.closing(*part, *b, *r)? {
            Closing::Count(n) => count(n),
            Closing::Amount(a) => Some(a),
        },
        Key::Summary(FormPart::IIIE, b, k) => {
            let f = d.part3e.get(*b)?;
            count(if *k == 0 { f.ee1 } else { f.ee2 })
        }
        Key::Summary(part, b, k) => {
            let s = d.summary(*part, *b)?;
            count(if *k == 0 { s.xx1 } else { s.xx2 })
        }
        Key::Grand(pos, k) => {
            let class = ret.classes.get(*pos)?.id;
            let t = d.class_totals(class)?;
            count(if *k == 0 {
                t.total_excluding_treasury
            } else {
                t.total_treasury
            })
        }
        Key::Hdr(i, k) => {
            let f = d.part4.get(*i)?;
            count(if *k == 0 {
                f.close_hdrs
            } else {
                f.underlying_shares
            })
        }
    }
}

/// The issues of every printed derived figure that disagrees with the arithmetic.
pub fn verify(ret: &MonthlyReturn, printed: &[Printed]) -> Vec<ImportIssue> {
    let d = calc::derive(ret);
    let mut issues = Vec::new();
    for p in printed {
        if p.text.trim().is_empty() {
            continue;
        }
        let mut issue = |message: String| {
            issues.push(ImportIssue {
                page: p.page + 1,
                field: p.path.describe(),
                path: Some(p.path.clone()),
                message,
            })
        };
        let value = match parse::parse_decimal(&p.text) {
            Ok(v) => v,
            Err(e) => {
                issue(format!(
                    "cannot read the printed total: {}",
                    e.describe(&p.text)
                ));
                continue;
            }
        };
        match computed(ret, &d, &p.key) {
            None => issue(format!(
                "printed {}, but the return read has no such figure",
                p.text
            )),
            Some(None) => issue(format!(
                "printed {}, but the figures read overflow when computing it",
                p.text
            )),
            Some(Some(c)) => {
                if value != Some(c) {
                    issue(format!(
                        "printed {}, computed {}",
                        p.text,
                        format::derived_amount(c)
                    ));
                }
            }
        }
    }
    issues
}
