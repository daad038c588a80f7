//! How each derived figure is worked out, in words and with the return's own figures, for the
//! editor's hover on a computed cell ("Balance at close = preceding + increase / decrease",
//! "= 3,805,284,801 + 250,000"). It restates the arithmetic of [`super::derive`] term by term;
//! a test holds the two to the same result for every computed cell of the examples.

use std::fmt;

use rust_decimal::Decimal;

use super::Derived;
use crate::format;
use crate::model::path::FieldPath;
use crate::model::subpart::SubPart;
use crate::model::{
    Arrangement, ClassId, Convertible, MonthlyReturn, OptionMovement, OptionScheme, Warrant,
};

/// Terms shown before the rest are summarised (`+ 12 more`): a total over thousands of
/// classes stays one readable line.
const MAX_TERMS: usize = 8;

/// One figure of a formula.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Figure {
    Count(i64),
    Amount(Decimal),
}

impl Figure {
    fn is_negative(self) -> bool {
        match self {
            Figure::Count(n) => n < 0,
            Figure::Amount(d) => d.is_sign_negative() && !d.is_zero(),
        }
    }

    /// The figure without its sign, as the form prints it.
    fn magnitude(self) -> String {
        match self {
            Figure::Count(n) => format::count_wide(i128::from(n).abs()),
            Figure::Amount(d) => format::amount(d.abs()),
        }
    }
}

/// A derived figure's formula: what it adds up, in words, and the same with today's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Formula {
    /// `Balance at close = preceding + increase / decrease`.
    pub words: String,
    /// `= 3,805,284,801 + 250,000`.
    pub figures: String,
}

impl fmt::Display for Formula {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}\n{}", self.words, self.figures)
    }
}

/// `= a + b − c`: each term added (`true`) or taken away; a negative figure flips its sign, so
/// the line reads as arithmetic (`+ -5` prints as `− 5`). Blank inputs count as zero, as in
/// [`super::derive`].
fn figures(terms: &[(bool, Figure)]) -> String {
    let mut out = String::from("=");
    for (n, &(plus, fig)) in terms.iter().enumerate() {
        if n == MAX_TERMS {
            out.push_str(&format!(" + {} more", terms.len() - MAX_TERMS));
            break;
        }
        let plus = plus != fig.is_negative();
        match (n, plus) {
            (0, true) => {}
            (0, false) => out.push_str(" −"),
            (_, true) => out.push_str(" +"),
            (_, false) => out.push_str(" −"),
        }
        out.push(' ');
        out.push_str(&fig.magnitude());
    }
    if terms.is_empty() {
        out.push_str(" 0");
    }
    out
}

fn formula(words: impl Into<String>, terms: &[(bool, Figure)]) -> Option<Formula> {
    Some(Formula {
        words: words.into(),
        figures: figures(terms),
    })
}

fn count(v: Option<i64>) -> Figure {
    Figure::Count(v.unwrap_or(0))
}

fn amount(v: Option<Decimal>) -> Figure {
    Figure::Amount(v.unwrap_or_default())
}

/// The formula of the derived cell at `path` of `ret` (whose figures are `d`); `None` for a
/// path that is not a derived cell, or one typed by hand (manual capital).
pub fn explain(ret: &MonthlyReturn, d: &Derived, path: &FieldPath) -> Option<Formula> {
    let ix = path.indices();
    let at = |n: usize| ix.get(n).copied();
    let shape = path.shape();
    if let Some(ccy) = shape.strip_prefix("I/total/") {
        return capital_total(ret, d, ccy);
    }
    match shape.as_str() {
        "I/class/close/shares" => {
            let b = ret.part1.part.blocks.get(at(0)?)?;
            formula(
                "Shares at close = preceding + increase / decrease",
                &[
                    (true, count(b.preceding_shares)),
                    (true, count(b.movement_shares)),
                ],
            )
        }
        "I/class/preceding/capital" | "I/class/movement/capital" | "I/class/close/capital" => {
            part1_capital(ret, d, at(0)?, &shape)
        }
        "II/class/preceding/total" => {
            let b = ret.part2.part.blocks.get(at(0)?)?;
            formula(
                "Total = excluding treasury shares + treasury shares",
                &[
                    (true, count(b.preceding.excluding_treasury)),
                    (true, count(b.preceding.treasury)),
                ],
            )
        }
        "II/class/close/excluding_treasury" => {
            let b = ret.part2.part.blocks.get(at(0)?)?;
            formula(
                "Balance at close = preceding + increase / decrease",
                &[
                    (true, count(b.preceding.excluding_treasury)),
                    (true, count(b.movement.excluding_treasury)),
                ],
            )
        }
        "II/class/close/treasury" => {
            let b = ret.part2.part.blocks.get(at(0)?)?;
            formula(
                "Balance at close = preceding + increase / decrease",
                &[
                    (true, count(b.preceding.treasury)),
                    (true, count(b.movement.treasury)),
                ],
            )
        }
        "II/class/close/total" => {
            let f = d.part2.get(at(0)?)?;
            formula(
                "Total = excluding treasury shares + treasury shares, at close",
                &[
                    (true, count(f.close_excluding_treasury)),
                    (true, count(f.close_treasury)),
                ],
            )
        }
        "IIIA/class/scheme/closing_outstanding" => {
            let s = ret.part3a.blocks.get(at(0)?)?.schemes.get(at(1)?)?;
            let mut terms = vec![(true, count(s.preceding_outstanding))];
            terms.extend(
                OptionMovement::ALL
                    .iter()
                    .map(|&m| (m.sign() > 0, count(s.movement(m)))),
            );
            formula(
                "Outstanding at close = preceding + granted − exercised − cancelled − lapsed",
                &terms,
            )
        }
        "IIIB/class/warrant/closing_nominal" => {
            let w = ret.part3b.blocks.get(at(0)?)?.warrants.get(at(1)?)?;
            formula(
                "Nominal value at close = preceding − exercised",
                &[
                    (true, amount(w.preceding_nominal)),
                    (false, amount(w.exercised_nominal)),
                ],
            )
        }
        "IIIC/class/convertible/closing_amount" => {
            let c = ret.part3c.blocks.get(at(0)?)?.convertibles.get(at(1)?)?;
            let mut terms = vec![(true, amount(c.preceding_amount))];
            terms.extend(
                c.movements
                    .iter()
                    .map(|m| (true, Figure::Amount(m.signed_amount()))),
            );
            formula(
                "Amount at close = preceding + issued − converted − redeemed ± other",
                &terms,
            )
        }
        "IIIA/class/xx1" => summary_line::<OptionScheme>(ret, at(0)?, true),
        "IIIA/class/xx2" => summary_line::<OptionScheme>(ret, at(0)?, false),
        "IIIB/class/xx1" => summary_line::<Warrant>(ret, at(0)?, true),
        "IIIB/class/xx2" => summary_line::<Warrant>(ret, at(0)?, false),
        "IIIC/class/xx1" => summary_line::<Convertible>(ret, at(0)?, true),
        "IIIC/class/xx2" => summary_line::<Convertible>(ret, at(0)?, false),
        "IIID/class/xx1" => summary_line::<Arrangement>(ret, at(0)?, true),
        "IIID/class/xx2" => summary_line::<Arrangement>(ret, at(0)?, false),
        "IIIE/class/ee1" | "IIIE/class/ee2" => {
            let block = ret.part3e.blocks.get(at(0)?)?;
            let e1 = shape.ends_with("ee1");
            let terms: Vec<_> = block
                .events
                .iter()
                .map(|e| {
                    let v = if e1 {
                        e.change_excluding_treasury
                    } else {
                        e.change_treasury
                    };
                    (true, count(v))
                })
                .collect();
            let (tag, n) = if e1 { ("EE1", 1) } else { ("EE2", 2) };
            formula(format!("{tag} = the sum of E{n} of every event"), &terms)
        }
        "IIIE/total/excluding_treasury" | "IIIE/total/treasury" => {
            let class = ClassId(u32::try_from(at(0)?).ok()?);
            grand_total(ret, d, class, shape.ends_with("excluding_treasury"))
        }
        "IV/hdr/close" => {
            let h = ret.part4.part.blocks.get(at(0)?)?;
            formula(
                "HDRs at close = preceding + increase / decrease",
                &[
                    (true, count(h.preceding_hdrs)),
                    (true, count(h.movement_hdrs)),
                ],
            )
        }
        "IV/hdr/underlying_shares" => {
            let h = ret.part4.part.blocks.get(at(0)?)?;
            let f = d.part4.get(at(0)?)?;
            Some(Formula {
                words: "Underlying shares = HDRs at close ÷ HDRs per share, rounded down"
                    .to_string(),
                figures: format!(
                    "= {} ÷ {}",
                    count(f.close_hdrs).magnitude(),
                    h.hdrs_per_share
                        .map(format::amount)
                        .unwrap_or_else(|| "(blank)".to_string())
                ),
            })
        }
        _ => None,
    }
}

fn part1_capital(ret: &MonthlyReturn, d: &Derived, i: usize, shape: &str) -> Option<Formula> {
    let b = ret.part1.part.blocks.get(i)?;
    let f = d.part1.get(i)?;
    let par = b.par_value.amount.unwrap_or_default();
    match shape {
        "I/class/close/capital" if b.manual_capital => formula(
            "Capital at close = preceding + increase / decrease (typed by hand)",
            &[
                (true, amount(b.manual_preceding_capital)),
                (true, amount(b.manual_movement_capital)),
            ],
        ),
        _ if b.manual_capital => None,
        "I/class/preceding/capital" => Some(Formula {
            words: "Capital = preceding shares × par value".to_string(),
            figures: format!(
                "= {} × {}",
                count(b.preceding_shares).magnitude(),
                format::amount(par)
            ),
        }),
        "I/class/movement/capital" => formula(
            "Increase / decrease = capital at close − preceding capital",
            &[
                (true, amount(f.close_capital)),
                (false, amount(f.preceding_capital)),
            ],
        ),
        _ => Some(Formula {
            words: "Capital at close = shares at close × par value at close".to_string(),
            figures: format!(
                "= {} × {}",
                count(f.close_shares).magnitude(),
                format::amount(f.close_par_value.unwrap_or(par))
            ),
        }),
    }
}

fn capital_total(ret: &MonthlyReturn, d: &Derived, ccy: &str) -> Option<Formula> {
    let terms: Vec<_> = ret
        .part1
        .part
        .active()
        .iter()
        .zip(&d.part1)
        .filter(|(b, _)| b.par_value.currency.trim().eq_ignore_ascii_case(ccy))
        .map(|(_, f)| (true, amount(f.close_capital)))
        .collect();
    formula(
        format!("Total in {ccy} = the capital at close of every class in {ccy}"),
        &terms,
    )
}

/// XX1 = Σ X1 + Σ X2 and XX2 = Σ X2 of block `b` (see `summary.rs` for why).
fn summary_line<S: SubPart>(ret: &MonthlyReturn, b: usize, first: bool) -> Option<Formula> {
    let rows = S::rows(S::part(ret).blocks.get(b)?);
    let l = S::LETTER;
    let x1 = rows.iter().map(|r| (true, count(S::x1_x2(r).0)));
    let x2 = rows.iter().map(|r| (true, count(S::x1_x2(r).1)));
    if first {
        let terms: Vec<_> = x1.chain(x2).collect();
        formula(
            format!(
                "{l}{l}1 = the sum of {l}1 + the sum of {l}2 (shares out of treasury are issued shares again)"
            ),
            &terms,
        )
    } else {
        formula(
            format!("{l}{l}2 = the sum of {l}2"),
            &x2.collect::<Vec<_>>(),
        )
    }
}

/// `Total of AA1 to EE1` = AA1 + BB1 + CC1 + DD1 + EE1 and `Total of AA2 to EE2` =
/// −(AA2 + BB2 + CC2 + DD2) + EE2, over the class's blocks.
fn grand_total(ret: &MonthlyReturn, d: &Derived, class: ClassId, first: bool) -> Option<Formula> {
    d.class_totals(class)?;
    let mut terms = Vec::new();
    let mut add = |summaries: Vec<Option<i64>>| terms.extend(summaries.into_iter().map(count));
    let pick = |s: &super::Summary| if first { s.xx1 } else { s.xx2 };
    let of_class = |c: ClassId| c == class;
    add(blocks(
        ret.part3a.active(),
        |b| b.class,
        &d.part3a,
        |f| pick(&f.summary),
        of_class,
    ));
    add(blocks(
        ret.part3b.active(),
        |b| b.class,
        &d.part3b,
        |f| pick(&f.summary),
        of_class,
    ));
    add(blocks(
        ret.part3c.active(),
        |b| b.class,
        &d.part3c,
        |f| pick(&f.summary),
        of_class,
    ));
    add(blocks(
        ret.part3d.active(),
        |b| b.class,
        &d.part3d,
        |f| pick(&f.summary),
        of_class,
    ));
    let ee: Vec<_> = blocks(
        ret.part3e.active(),
        |b| b.class,
        &d.part3e,
        |f| if first { f.ee1 } else { f.ee2 },
        of_class,
    )
    .into_iter()
    .map(count)
    .collect();
    let signed: Vec<_> = terms
        .into_iter()
        .map(|t| (first, t))
        .chain(ee.into_iter().map(|t| (true, t)))
        .collect();
    let words = if first {
        "Total of AA1 to EE1 = AA1 + BB1 + CC1 + DD1 + EE1 of the class's blocks"
    } else {
        "Total of AA2 to EE2 = −(AA2 + BB2 + CC2 + DD2) + EE2 of the class's blocks"
    };
    formula(words, &signed)
}

/// The figure `pick` of every block of `class` (blocks and figures are indexed alike).
fn blocks<B, F>(
    list: &[B],
    class_of: impl Fn(&B) -> ClassId,
    figures: &[F],
    pick: impl Fn(&F) -> Option<i64>,
    wanted: impl Fn(ClassId) -> bool,
) -> Vec<Option<i64>> {
    list.iter()
        .zip(figures)
        .filter(|(b, _)| wanted(class_of(b)))
        .map(|(_, f)| pick(f))
        .collect()
}
