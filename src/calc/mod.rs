//! Every figure the form derives, from one pure function over the inputs.
//!
//! A derived figure is `None` only when its arithmetic overflowed; the path of each such cell is
//! listed in [`Derived::overflows`] so the rules can report it instead of the program panicking.
//! Blank inputs count as zero.

mod explain;
mod summary;

pub use explain::{Formula, explain};
pub use summary::Summary;
use summary::summarise;

use std::collections::{BTreeMap, HashMap};

use rust_decimal::Decimal;

use crate::calendar::{self, DueDate};
use crate::model::path::{self as paths, FieldPath, FormPart};
use crate::model::subpart::SubPart;
use crate::model::{
    Arrangement, ClassId, Convertible, MonthlyReturn, OptionMovement, OptionScheme, ShareClass,
    Warrant,
};

/// Derived figures of part I for one block.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AuthorisedFigures {
    pub close_shares: Option<i64>,
    pub preceding_capital: Option<Decimal>,
    pub movement_capital: Option<Decimal>,
    pub close_capital: Option<Decimal>,
    /// Par value used for the closing row (the closing par if typed, else the preceding one).
    pub close_par_value: Option<Decimal>,
}

/// Derived figures of part II for one block.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IssuedFigures {
    pub preceding_total: Option<i64>,
    pub close_excluding_treasury: Option<i64>,
    pub close_treasury: Option<i64>,
    pub close_total: Option<i64>,
}

/// Derived figures of one III(A) block.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OptionFigures {
    /// Options outstanding at close, one per scheme.
    pub closing_outstanding: Vec<Option<i64>>,
    pub summary: Summary,
}

/// Derived figures of one III(B) block.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WarrantFigures {
    /// Nominal value at close, one per warrant.
    pub closing_nominal: Vec<Option<Decimal>>,
    pub summary: Summary,
}

/// Derived figures of one III(C) block.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ConvertibleFigures {
    /// Amount at close, one per instrument.
    pub closing_amount: Vec<Option<Decimal>>,
    /// floor(amount at close ÷ conversion price) when both are in one currency and the price is
    /// positive; `None` when it cannot be worked out.
    pub expected_issuable: Vec<Option<i64>>,
    pub summary: Summary,
}

/// Derived figures of one III(D) block.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ArrangementFigures {
    pub summary: Summary,
}

/// Derived figures of one III(E) block: EE1 and EE2 are the signed sums of E1 and E2.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EventFigures {
    pub ee1: Option<i64>,
    pub ee2: Option<i64>,
}

/// Derived figures of one HDR line.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HdrFigures {
    pub close_hdrs: Option<i64>,
    /// floor(HDRs at close ÷ HDRs per share) when the ratio is positive.
    pub underlying_shares: Option<i64>,
}

/// The grand totals after III(E) for one class: the signed changes that part II must show.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ClassTotals {
    pub class: ClassId,
    /// `Total of AA1 to EE1` = AA1 + BB1 + CC1 + DD1 + EE1.
    pub total_excluding_treasury: Option<i64>,
    /// `Total of AA2 to EE2` = −(AA2 + BB2 + CC2 + DD2) + EE2.
    pub total_treasury: Option<i64>,
}

/// Every derived figure of a return; vectors are indexed like the blocks they belong to.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Derived {
    pub part1: Vec<AuthorisedFigures>,
    /// `Total authorised/registered share capital at the end of the month`, one per currency,
    /// sorted by currency code.
    pub capital_totals: BTreeMap<String, Option<Decimal>>,
    pub part2: Vec<IssuedFigures>,
    pub part3a: Vec<OptionFigures>,
    pub part3b: Vec<WarrantFigures>,
    pub part3c: Vec<ConvertibleFigures>,
    pub part3d: Vec<ArrangementFigures>,
    pub part3e: Vec<EventFigures>,
    pub part4: Vec<HdrFigures>,
    /// One entry per class, in the order of the class list.
    pub class_totals: Vec<ClassTotals>,
    /// Position in the class list (and in `class_totals`) of each class id, the first one
    /// should an id be listed twice: look-ups by id in constant time, built once per derive.
    pub class_index: HashMap<ClassId, usize>,
    /// Paths of derived cells whose arithmetic overflowed.
    pub overflows: Vec<FieldPath>,
    /// When the return must be published (08:30 HKT, fifth business day after the month end);
    /// `None` while the month end is blank.
    pub due_date: Option<DueDate>,
}

/// A row's computed balance at close ([`crate::model::subpart::Value::Closing`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closing {
    /// Options outstanding (III(A)).
    Count(Option<i64>),
    /// Nominal value (III(B)) or amount (III(C)).
    Amount(Option<Decimal>),
}

impl Derived {
    /// The balance at close of row `r` of block `b` of a Part III sub-part; `None` for a
    /// sub-part without one or a row out of range. Inside, `None` means it overflowed.
    pub fn closing(&self, part: FormPart, b: usize, r: usize) -> Option<Closing> {
        match part {
            FormPart::IIIA => self
                .part3a
                .get(b)
                .and_then(|f| f.closing_outstanding.get(r))
                .map(|v| Closing::Count(*v)),
            FormPart::IIIB => self
                .part3b
                .get(b)
                .and_then(|f| f.closing_nominal.get(r))
                .map(|v| Closing::Amount(*v)),
            FormPart::IIIC => self
                .part3c
                .get(b)
                .and_then(|f| f.closing_amount.get(r))
                .map(|v| Closing::Amount(*v)),
            _ => None,
        }
    }

    /// The XX1/XX2 summary of block `b` of III(A)–(D).
    pub fn summary(&self, part: FormPart, b: usize) -> Option<Summary> {
        match part {
            FormPart::IIIA => self.part3a.get(b).map(|f| f.summary),
            FormPart::IIIB => self.part3b.get(b).map(|f| f.summary),
            FormPart::IIIC => self.part3c.get(b).map(|f| f.summary),
            FormPart::IIID => self.part3d.get(b).map(|f| f.summary),
            _ => None,
        }
    }

    /// Position of `class` in the class list of the return these figures were derived from.
    pub fn class_position(&self, class: ClassId) -> Option<usize> {
        self.class_index.get(&class).copied()
    }

    /// The grand totals of `class`.
    pub fn class_totals(&self, class: ClassId) -> Option<&ClassTotals> {
        self.class_position(class)
            .and_then(|i| self.class_totals.get(i))
    }

    /// `ret.class(id)` in constant time; `ret` must be the return these figures come from.
    pub fn class<'r>(&self, ret: &'r MonthlyReturn, class: ClassId) -> Option<&'r ShareClass> {
        self.class_position(class)
            .and_then(|i| ret.classes.get(i))
            .filter(|c| c.id == class)
    }

    /// `ret.class_name(id)` in constant time; `ret` must be the return these figures come from.
    pub fn class_name(&self, ret: &MonthlyReturn, class: ClassId) -> String {
        match self.class(ret, class) {
            Some(c) => c.summary_name(),
            None => format!("Unknown class #{}", class.0),
        }
    }
}

/// Position of each class id in the class list (the first, for an id listed twice).
fn class_index(ret: &MonthlyReturn) -> HashMap<ClassId, usize> {
    let mut index = HashMap::with_capacity(ret.classes.len());
    for (i, c) in ret.classes.iter().enumerate() {
        index.entry(c.id).or_insert(i);
    }
    index
}

/// Records overflowed cells while computing.
#[derive(Default)]
struct Overflows(Vec<FieldPath>);

impl Overflows {
    fn check<T>(&mut self, value: Option<T>, path: impl FnOnce() -> FieldPath) -> Option<T> {
        if value.is_none() {
            self.0.push(path());
        }
        value
    }
}

fn add(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    a?.checked_add(b?)
}

fn add_dec(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    a?.checked_add(b?)
}

/// Sum of optional inputs (blank = 0); `None` on overflow.
fn sum_inputs(values: impl IntoIterator<Item = Option<i64>>) -> Option<i64> {
    values
        .into_iter()
        .try_fold(0i64, |acc, v| acc.checked_add(v.unwrap_or(0)))
}

/// Derives every figure of `ret`. Pure: same input, same output; never panics.
pub fn derive(ret: &MonthlyReturn) -> Derived {
    let mut of = Overflows::default();
    let mut d = Derived {
        class_index: class_index(ret),
        part1: derive_part1(ret, &mut of),
        part2: derive_part2(ret, &mut of),
        ..Derived::default()
    };
    d.capital_totals = capital_totals(ret, &d.part1, &mut of);
    derive_part3(ret, &mut d, &mut of);
    d.part4 = derive_part4(ret, &mut of);
    d.class_totals = class_totals(ret, &d, &mut of);
    d.overflows = of.0;
    d.due_date = ret.header.month_end.map(calendar::due_date);
    d
}

fn derive_part1(ret: &MonthlyReturn, of: &mut Overflows) -> Vec<AuthorisedFigures> {
    ret.part1
        .part
        .blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let preceding = Some(b.preceding_shares.unwrap_or(0));
            let movement = Some(b.movement_shares.unwrap_or(0));
            let close_shares = of.check(add(preceding, movement), || paths::part1::close_shares(i));
            let par = b.par_value.amount.unwrap_or_default();
            let close_par = b.closing_par_value.unwrap_or(par);
            let (preceding_capital, movement_capital, close_capital) = if b.manual_capital {
                let pre = b.manual_preceding_capital.unwrap_or_default();
                let mov = b.manual_movement_capital.unwrap_or_default();
                let close = of.check(pre.checked_add(mov), || paths::part1::close_capital(i));
                (Some(pre), Some(mov), close)
            } else {
                let pre = of.check(
                    Decimal::from(b.preceding_shares.unwrap_or(0)).checked_mul(par),
                    || paths::part1::preceding_capital(i),
                );
                let close = of.check(
                    close_shares.and_then(|s| Decimal::from(s).checked_mul(close_par)),
                    || paths::part1::close_capital(i),
                );
                let mov = of.check(close.and_then(|c| c.checked_sub(pre?)), || {
                    paths::part1::movement_capital(i)
                });
                (pre, mov, close)
            };
            AuthorisedFigures {
                close_shares,
                preceding_capital,
                movement_capital,
                close_capital,
                close_par_value: Some(close_par),
            }
        })
        .collect()
}

fn capital_totals(
    ret: &MonthlyReturn,
    part1: &[AuthorisedFigures],
    of: &mut Overflows,
) -> BTreeMap<String, Option<Decimal>> {
    let mut totals: BTreeMap<String, Option<Decimal>> = BTreeMap::new();
    for (b, f) in ret.part1.part.active().iter().zip(part1) {
        let ccy = b.par_value.currency.trim().to_uppercase();
        let entry = totals.entry(ccy).or_insert(Some(Decimal::ZERO));
        *entry = add_dec(*entry, f.close_capital);
    }
    for (ccy, total) in &totals {
        of.check(*total, || paths::part1::total(ccy));
    }
    totals
}

fn derive_part2(ret: &MonthlyReturn, of: &mut Overflows) -> Vec<IssuedFigures> {
    ret.part2
        .part
        .blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let pre_ex = b.preceding.excluding_treasury.unwrap_or(0);
            let pre_tr = b.preceding.treasury.unwrap_or(0);
            let preceding_total = of.check(pre_ex.checked_add(pre_tr), || {
                paths::part2::preceding_total(i)
            });
            let close_excluding_treasury = of.check(
                pre_ex.checked_add(b.movement.excluding_treasury.unwrap_or(0)),
                || paths::part2::close_excluding_treasury(i),
            );
            let close_treasury = of
                .check(pre_tr.checked_add(b.movement.treasury.unwrap_or(0)), || {
                    paths::part2::close_treasury(i)
                });
            let close_total = of.check(add(close_excluding_treasury, close_treasury), || {
                paths::part2::close_total(i)
            });
            IssuedFigures {
                preceding_total,
                close_excluding_treasury,
                close_treasury,
                close_total,
            }
        })
        .collect()
}

fn derive_part3(ret: &MonthlyReturn, d: &mut Derived, of: &mut Overflows) {
    d.part3a = ret
        .part3a
        .blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let closing_outstanding = b
                .schemes
                .iter()
                .enumerate()
                .map(|(s, sc)| {
                    let close = OptionMovement::ALL.into_iter().try_fold(
                        sc.preceding_outstanding.unwrap_or(0),
                        |acc, m| {
                            acc.checked_add(sc.movement(m).unwrap_or(0).checked_mul(m.sign())?)
                        },
                    );
                    of.check(close, || paths::part3a::closing_outstanding(i, s))
                })
                .collect();
            let summary = summarise_block::<OptionScheme>(&b.schemes, i, of);
            OptionFigures {
                closing_outstanding,
                summary,
            }
        })
        .collect();

    d.part3b = ret
        .part3b
        .blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let closing_nominal = b
                .warrants
                .iter()
                .enumerate()
                .map(|(w, wa)| {
                    let pre = wa.preceding_nominal.unwrap_or_default();
                    let ex = wa.exercised_nominal.unwrap_or_default();
                    of.check(pre.checked_sub(ex), || paths::part3b::closing_nominal(i, w))
                })
                .collect();
            let summary = summarise_block::<Warrant>(&b.warrants, i, of);
            WarrantFigures {
                closing_nominal,
                summary,
            }
        })
        .collect();

    d.part3c = ret
        .part3c
        .blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let mut closing_amount = Vec::with_capacity(b.convertibles.len());
            let mut expected_issuable = Vec::with_capacity(b.convertibles.len());
            for (c, cv) in b.convertibles.iter().enumerate() {
                let close = cv
                    .movements
                    .iter()
                    .try_fold(cv.preceding_amount.unwrap_or_default(), |acc, m| {
                        acc.checked_add(m.signed_amount())
                    });
                let close = of.check(close, || paths::part3c::closing_amount(i, c));
                closing_amount.push(close);
                expected_issuable.push(shares_for_amount(
                    close,
                    &cv.currency,
                    cv.conversion_price.amount,
                    &cv.conversion_price.currency,
                ));
            }
            let summary = summarise_block::<Convertible>(&b.convertibles, i, of);
            ConvertibleFigures {
                closing_amount,
                expected_issuable,
                summary,
            }
        })
        .collect();

    d.part3d = ret
        .part3d
        .blocks
        .iter()
        .enumerate()
        .map(|(i, b)| ArrangementFigures {
            summary: summarise_block::<Arrangement>(&b.arrangements, i, of),
        })
        .collect();

    d.part3e = ret
        .part3e
        .blocks
        .iter()
        .enumerate()
        .map(|(i, b)| EventFigures {
            ee1: of.check(
                sum_inputs(b.events.iter().map(|e| e.change_excluding_treasury)),
                || paths::part3e::ee1(i),
            ),
            ee2: of.check(
                sum_inputs(b.events.iter().map(|e| e.change_treasury)),
                || paths::part3e::ee2(i),
            ),
        })
        .collect();
}

/// XX1/XX2 of block `b` of a III(A)–(D) sub-part, from the X1/X2 columns its description
/// names.
fn summarise_block<S: SubPart>(rows: &[S], b: usize, of: &mut Overflows) -> Summary {
    summarise(rows.iter().map(S::x1_x2), (S::PART, b), of)
}

/// floor(amount ÷ price) when both are in the same currency and the price is positive.
pub fn shares_for_amount(
    amount: Option<Decimal>,
    amount_currency: &str,
    price: Option<Decimal>,
    price_currency: &str,
) -> Option<i64> {
    let amount = amount?;
    let price = price?;
    if price <= Decimal::ZERO
        || !amount_currency
            .trim()
            .eq_ignore_ascii_case(price_currency.trim())
    {
        return None;
    }
    let shares = amount.checked_div(price)?.floor();
    i64::try_from(shares).ok()
}

fn derive_part4(ret: &MonthlyReturn, of: &mut Overflows) -> Vec<HdrFigures> {
    ret.part4
        .part
        .blocks
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let close_hdrs = of.check(sum_inputs([h.preceding_hdrs, h.movement_hdrs]), || {
                paths::part4::close_hdrs(i)
            });
            let underlying_shares = match (close_hdrs, h.hdrs_per_share) {
                (Some(c), Some(r)) if r > Decimal::ZERO => Decimal::from(c)
                    .checked_div(r)
                    .and_then(|x| i64::try_from(x.floor()).ok()),
                _ => None,
            };
            HdrFigures {
                close_hdrs,
                underlying_shares,
            }
        })
        .collect()
}

fn class_totals(ret: &MonthlyReturn, d: &Derived, of: &mut Overflows) -> Vec<ClassTotals> {
    // The sums of each class's summary lines, in one pass over each part: A, B, C, D, then E,
    // block order within a part (the order of the checked sum, so overflow is found as before).
    // Keyed by the class's first position; only classes with Part III blocks take an entry.
    let mut sums: HashMap<usize, (Option<i64>, Option<i64>)> = HashMap::new();
    let add = |acc: Option<i64>, x: Option<i64>| acc?.checked_add(x?);
    let mut push = |class: ClassId, a: Option<i64>, b: Option<i64>| {
        if let Some(&i) = d.class_index.get(&class) {
            let s = sums.entry(i).or_insert((Some(0), Some(0)));
            *s = (add(s.0, a), add(s.1, b));
        }
    };
    let neg = |s: &Summary| s.xx2.and_then(i64::checked_neg);
    for (b, f) in ret.part3a.active().iter().zip(&d.part3a) {
        push(b.class, f.summary.xx1, neg(&f.summary));
    }
    for (b, f) in ret.part3b.active().iter().zip(&d.part3b) {
        push(b.class, f.summary.xx1, neg(&f.summary));
    }
    for (b, f) in ret.part3c.active().iter().zip(&d.part3c) {
        push(b.class, f.summary.xx1, neg(&f.summary));
    }
    for (b, f) in ret.part3d.active().iter().zip(&d.part3d) {
        push(b.class, f.summary.xx1, neg(&f.summary));
    }
    for (b, f) in ret.part3e.active().iter().zip(&d.part3e) {
        push(b.class, f.ee1, f.ee2);
    }
    ret.classes
        .iter()
        .map(|class| {
            let id = class.id;
            let (x1, x2) = d
                .class_index
                .get(&id)
                .and_then(|i| sums.get(i))
                .copied()
                .unwrap_or((Some(0), Some(0)));
            ClassTotals {
                class: id,
                total_excluding_treasury: of
                    .check(x1, || paths::part3e::total_excluding_treasury(id)),
                total_treasury: of.check(x2, || paths::part3e::total_treasury(id)),
            }
        })
        .collect()
}
