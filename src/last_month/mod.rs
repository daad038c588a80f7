//! Linking a return to last month's: taking the snapshot of last month's closing figures
//! ([`capture`]), matching this month's classes to last month's ([`ClassMatch`]), and the
//! comparison the editor's "Compare with last month" view and `monthly-return diff` show
//! ([`compare`]).

pub mod compare;
mod read;

use std::collections::HashMap;
use std::path::Path;

use crate::calc::{Closing, Derived};
use crate::model::path::FormPart;
use crate::model::subpart::SubPart;
use crate::model::{
    ClassId, Convertible, LastAuthorised, LastBlock, LastClass, LastHdr, LastIssued, LastMonth,
    LastRow, LinkKind, LinkSource, MonthlyReturn, OptionScheme, ShareClass, Warrant,
};

pub use compare::{Comparison, Figure, Line, Status, compare};
pub use read::{ReadReturn, is_pdf, looks_like_pdf, read_return};

/// The snapshot of `ret`'s closing figures (`derived` = `calc::derive(ret)`), as next month's
/// return keeps it.
pub fn capture(ret: &MonthlyReturn, derived: &Derived, source: LinkSource) -> LastMonth {
    let position: HashMap<ClassId, usize> = ret
        .classes
        .iter()
        .enumerate()
        .rev()
        .map(|(i, c)| (c.id, i))
        .collect();
    let mut classes: Vec<LastClass> = ret.classes.iter().map(last_class).collect();
    // A block whose class is missing from the list still gets a (nameless) class, so its
    // figures are kept and shown.
    let mut class_of = |id: ClassId| -> usize {
        if let Some(&i) = position.get(&id) {
            return i;
        }
        classes.push(LastClass {
            name: ret.class_name(id),
            ..LastClass::default()
        });
        classes.len() - 1
    };

    let part1 = ret
        .part1
        .part
        .active()
        .iter()
        .enumerate()
        .map(|(b, block)| {
            let f = derived.part1.get(b);
            LastAuthorised {
                class: class_of(block.class),
                shares: f.and_then(|f| f.close_shares),
                currency: block.par_value.currency.trim().to_string(),
                par_value: f.and_then(|f| f.close_par_value),
                capital: f.and_then(|f| f.close_capital),
            }
        })
        .collect();
    let part2 = ret
        .part2
        .part
        .active()
        .iter()
        .enumerate()
        .map(|(b, block)| {
            let f = derived.part2.get(b);
            LastIssued {
                class: class_of(block.class),
                excluding_treasury: f.and_then(|f| f.close_excluding_treasury),
                treasury: f.and_then(|f| f.close_treasury),
            }
        })
        .collect();
    let part3a = blocks::<OptionScheme>(ret, derived, &mut class_of, |s| {
        (
            s.particulars.clone(),
            String::new(),
            s.shares_issuable_at_close,
        )
    });
    let part3b = blocks::<Warrant>(ret, derived, &mut class_of, |w| {
        (
            w.description.clone(),
            w.currency.trim().to_string(),
            w.shares_issuable_at_close,
        )
    });
    let part3c = blocks::<Convertible>(ret, derived, &mut class_of, |c| {
        (
            c.description.clone(),
            c.currency.trim().to_string(),
            c.shares_issuable_at_close,
        )
    });
    let part4 = ret
        .part4
        .part
        .active()
        .iter()
        .enumerate()
        .map(|(i, h)| LastHdr {
            description: h.description.clone(),
            stock_code: h.stock_code.trim().to_string(),
            hdrs: derived.part4.get(i).and_then(|f| f.close_hdrs),
        })
        .collect();

    LastMonth {
        source,
        template_version: ret.template_version,
        issuer_name: ret.header.issuer_name.trim().to_string(),
        month_end: ret.header.month_end,
        classes,
        part1,
        part2,
        part3a,
        part3b,
        part3c,
        part4,
    }
}

/// [`capture`] of `ret`, deriving its figures, with no source named.
pub fn of(ret: &MonthlyReturn) -> LastMonth {
    capture(ret, &crate::calc::derive(ret), LinkSource::default())
}

/// Where a snapshot came from: `kind` and the file's name (not its folder, which means nothing
/// on another machine).
pub fn source(kind: LinkKind, path: &Path) -> LinkSource {
    LinkSource {
        kind,
        file: path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
    }
}

fn last_class(c: &ShareClass) -> LastClass {
    LastClass {
        class_of_shares: c.class_of_shares,
        type_of_shares: c.type_of_shares,
        stock_code: c.stock_code.trim().to_string(),
        description: c.description.trim().to_string(),
        name: c.summary_name(),
    }
}

/// The blocks of a Part III sub-part with each row's closing balance; `describe` gives a
/// row's name, currency and shares issuable at close.
fn blocks<S: SubPart>(
    ret: &MonthlyReturn,
    derived: &Derived,
    class_of: &mut impl FnMut(ClassId) -> usize,
    describe: impl Fn(&S) -> (String, String, Option<i64>),
) -> Vec<LastBlock> {
    S::part(ret)
        .active()
        .iter()
        .enumerate()
        .map(|(b, block)| LastBlock {
            class: class_of(S::block_class(block)),
            rows: S::rows(block)
                .iter()
                .enumerate()
                .map(|(r, row)| {
                    let (name, currency, issuable_at_close) = describe(row);
                    let (count, amount) = match derived.closing(S::PART, b, r) {
                        Some(Closing::Count(c)) => (c, None),
                        Some(Closing::Amount(a)) => (None, a),
                        None => (None, None),
                    };
                    LastRow {
                        name,
                        count,
                        amount,
                        currency,
                        issuable_at_close,
                    }
                })
                .collect(),
        })
        .collect()
}

/// One pass of [`ClassMatch`]: whether this month's class may be last month's.
type Fits<'a> = &'a dyn Fn(&ShareClass, &LastClass) -> bool;

/// Which of last month's classes each of this month's classes is.
///
/// A class is the same one when its class, type, stock code and description are all the same;
/// failing that, when it has the same (non-blank) stock code; failing that, when it is the only
/// class left of its class and type on both sides — so a corrected description or a new stock
/// code still finds last month's figures. Each of last month's classes is matched at most once.
#[derive(Debug, Clone, Default)]
pub struct ClassMatch {
    to_last: HashMap<ClassId, usize>,
}

impl ClassMatch {
    pub fn new(last: &LastMonth, ret: &MonthlyReturn) -> Self {
        let mut to_last = HashMap::new();
        let mut taken = vec![false; last.classes.len()];
        let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
        let passes: [Fits; 3] = [
            &|c, l| {
                c.class_of_shares == l.class_of_shares
                    && c.type_of_shares == l.type_of_shares
                    && same(&c.stock_code, &l.stock_code)
                    && same(&c.description, &l.description)
            },
            &|c, l| !c.stock_code.trim().is_empty() && same(&c.stock_code, &l.stock_code),
            &|c, l| c.class_of_shares == l.class_of_shares && c.type_of_shares == l.type_of_shares,
        ];
        for (pass, fits) in passes.iter().enumerate() {
            for class in &ret.classes {
                if to_last.contains_key(&class.id) {
                    continue;
                }
                let candidates: Vec<usize> = (0..last.classes.len())
                    .filter(|&i| !taken[i] && fits(class, &last.classes[i]))
                    .collect();
                // The last pass matches only when there is no choice to make.
                let unique_now = pass < 2 || candidates.len() == 1;
                let unique_then = pass < 2
                    || ret
                        .classes
                        .iter()
                        .filter(|c| !to_last.contains_key(&c.id))
                        .filter(|c| {
                            candidates
                                .first()
                                .is_some_and(|&i| fits(c, &last.classes[i]))
                        })
                        .count()
                        == 1;
                if let Some(&i) = candidates.first()
                    && unique_now
                    && unique_then
                {
                    taken[i] = true;
                    to_last.insert(class.id, i);
                }
            }
        }
        ClassMatch { to_last }
    }

    /// Last month's class (an index into [`LastMonth::classes`]) of this month's `class`.
    pub fn last(&self, class: ClassId) -> Option<usize> {
        self.to_last.get(&class).copied()
    }

    /// The first of last month's blocks of the class this month's `class` is, in `blocks`
    /// whose classes `class_of` gives.
    pub fn block<T>(
        &self,
        class: ClassId,
        blocks: &[T],
        class_of: impl Fn(&T) -> usize,
    ) -> Option<usize> {
        let last = self.last(class)?;
        blocks.iter().position(|b| class_of(b) == last)
    }
}

/// Last month's blocks of a Part III sub-part that has a balance brought forward.
pub fn part3_blocks(last: &LastMonth, part: FormPart) -> &[LastBlock] {
    match part {
        FormPart::IIIA => &last.part3a,
        FormPart::IIIB => &last.part3b,
        FormPart::IIIC => &last.part3c,
        _ => &[],
    }
}

#[cfg(test)]
mod tests;
