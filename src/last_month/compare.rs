//! This month beside last month: per class and per scheme / warrant / instrument / HDR line,
//! last month's close, this month's opening (the balance brought forward), movement and close.
//!
//! A brought-forward figure "disagrees" exactly when a `PREV-001`…`PREV-007` check fails (the
//! same matching of classes and rows, the same blank-as-zero rule), so `monthly-return diff`'s
//! exit status and the editor's findings always agree.

use std::fmt::Write as _;

use rust_decimal::Decimal;

mod lines;

use super::ClassMatch;
use crate::calc::Derived;
use crate::format;
use crate::model::path::{FieldPath, FormPart};
use crate::model::{LastMonth, MonthlyReturn};

/// A figure of the comparison: a count or an exact amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    Count(i64),
    Amount(Decimal),
}

impl Figure {
    /// As the form prints it (`3,805,284,801`, `0.00001`).
    pub fn text(self) -> String {
        match self {
            Figure::Count(n) => format::count(n),
            Figure::Amount(a) => format::amount(a),
        }
    }

    /// `self − other` with a sign (`+250,000`, `-1.5`, `0`); `None` when it is too large or the
    /// kinds differ.
    pub fn change_from(self, other: Figure) -> Option<String> {
        let signed = |neg: bool, zero: bool, text: String| {
            if zero || neg {
                text
            } else {
                format!("+{text}")
            }
        };
        match (self, other) {
            (Figure::Count(a), Figure::Count(b)) => {
                let d = i128::from(a) - i128::from(b);
                Some(signed(d < 0, d == 0, format::count_wide(d)))
            }
            (Figure::Amount(a), Figure::Amount(b)) => {
                let d = a.checked_sub(b)?;
                if d.is_zero() {
                    // `0`, not `0.00` from the scale of its operands.
                    return Some("0".to_string());
                }
                Some(signed(d.is_sign_negative(), false, format::amount(d)))
            }
            _ => None,
        }
    }

    fn is_zero(self) -> bool {
        match self {
            Figure::Count(n) => n == 0,
            Figure::Amount(a) => a.is_zero(),
        }
    }
}

/// How a line compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Brought forward as last month closed (or nothing to compare with: last month was blank).
    Agrees,
    /// The balance brought forward is not last month's close.
    Disagrees,
    /// A class or row this month that last month did not have.
    New,
    /// A class or row of last month's that this month does not have.
    Vanished,
}

impl Status {
    /// The marker of the command line's report.
    pub fn marker(self) -> char {
        match self {
            Status::Agrees => ' ',
            Status::Disagrees => '!',
            Status::New => '+',
            Status::Vanished => '-',
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Agrees => "agrees",
            Status::Disagrees => "differs from last month",
            Status::New => "new this month",
            Status::Vanished => "not in this month's return",
        }
    }
}

/// One figure of one class or row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub part: FormPart,
    /// The class's name (this month's; last month's for a vanished one).
    pub class: String,
    /// The scheme, warrant, instrument or HDR line; empty in parts I and II.
    pub row: String,
    /// Which figure (`issued shares excluding treasury`).
    pub figure: &'static str,
    pub last_close: Option<Figure>,
    /// This month's balance at close of preceding month.
    pub opening: Option<Figure>,
    pub close: Option<Figure>,
    pub status: Status,
    /// The brought-forward field this month, to go to from the view.
    pub path: Option<FieldPath>,
}

impl Line {
    /// This month's net movement: close − opening (blank counts as zero on either side).
    pub fn movement(&self) -> Option<String> {
        let zero = |f: Option<Figure>, like: Figure| {
            f.unwrap_or(match like {
                Figure::Count(_) => Figure::Count(0),
                Figure::Amount(_) => Figure::Amount(Decimal::ZERO),
            })
        };
        let like = self.close.or(self.opening)?;
        zero(self.close, like).change_from(zero(self.opening, like))
    }

    /// Whether the figure moved this month (close ≠ opening, blank counting as zero).
    pub fn moved(&self) -> bool {
        let value = |f: Option<Figure>| match f {
            None => Decimal::ZERO,
            Some(Figure::Count(n)) => Decimal::from(n),
            Some(Figure::Amount(a)) => a,
        };
        value(self.close) != value(self.opening)
    }

    /// The difference brought forward − last month's close, for a disagreeing line.
    pub fn difference(&self) -> Option<String> {
        let last = self.last_close?;
        let zero = match last {
            Figure::Count(_) => Figure::Count(0),
            Figure::Amount(_) => Figure::Amount(Decimal::ZERO),
        };
        self.opening.unwrap_or(zero).change_from(last)
    }
}

/// The whole comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// "month ended 31 December 2025, Moon Inc (rolled forward from moon-2025-12.ron)".
    pub last_month: String,
    pub this_month: String,
    /// What makes the comparison doubtful: last month is not the month before, or another
    /// issuer's return.
    pub notes: Vec<String>,
    /// Parts I, II, III(A), III(B), III(C), IV in order; in each, this month's blocks and rows
    /// in order, then last month's that vanished.
    pub lines: Vec<Line>,
}

impl Comparison {
    /// How many brought-forward figures disagree with last month's close.
    pub fn disagreements(&self) -> usize {
        self.lines
            .iter()
            .filter(|l| l.status == Status::Disagrees)
            .count()
    }

    /// The report of `monthly-return diff`: one line per figure, in a stable order, with a
    /// marker (`!` differs, `+` new, `-` vanished) and a summary.
    pub fn to_text(&self) -> String {
        let mut text = String::new();
        let _ = writeln!(text, "Last month: {}", self.last_month);
        let _ = writeln!(text, "This month: {}", self.this_month);
        for note in &self.notes {
            let _ = writeln!(text, "Note: {note}");
        }
        let mut part = None;
        let blank = |f: Option<Figure>| f.map_or_else(|| "blank".to_string(), Figure::text);
        for line in &self.lines {
            if part != Some(line.part) {
                part = Some(line.part);
                let _ = writeln!(text, "\n{}", line.part.title());
            }
            let mut name = line.class.clone();
            if !line.row.is_empty() {
                name.push_str(" › ");
                name.push_str(&line.row);
            }
            let _ = write!(text, "{} {name} › {}: ", line.status.marker(), line.figure);
            match line.status {
                Status::Vanished => {
                    let _ = write!(
                        text,
                        "last month closed at {}; not in this month's return",
                        blank(line.last_close)
                    );
                }
                Status::New => {
                    let _ = write!(
                        text,
                        "new this month; brought forward {}",
                        blank(line.opening)
                    );
                }
                Status::Agrees | Status::Disagrees => {
                    let _ = write!(
                        text,
                        "last month closed at {}; brought forward {}",
                        blank(line.last_close),
                        blank(line.opening)
                    );
                    if line.status == Status::Disagrees {
                        let diff = line.difference().unwrap_or_else(|| "?".to_string());
                        let _ = write!(text, " (difference {diff})");
                    }
                }
            }
            if line.status != Status::Vanished {
                let _ = write!(
                    text,
                    "; movement {}; close {}",
                    line.movement().unwrap_or_else(|| "blank".to_string()),
                    blank(line.close)
                );
            }
            text.push('\n');
        }
        let n = self.disagreements();
        let new = self
            .lines
            .iter()
            .filter(|l| l.status == Status::New)
            .count();
        let gone = self
            .lines
            .iter()
            .filter(|l| l.status == Status::Vanished)
            .count();
        text.push('\n');
        if n == 0 {
            text.push_str("Every balance brought forward agrees with last month's close.");
        } else {
            let _ = write!(
                text,
                "{} brought forward {} from last month's close.",
                format::counted(n, "balance"),
                if n == 1 { "differs" } else { "differ" }
            );
        }
        if new + gone > 0 {
            let _ = write!(text, " {new} new, {gone} no longer reported.");
        }
        text.push('\n');
        text
    }
}

/// How a snapshot is named: its month, issuer and origin.
pub fn describe(last: &LastMonth) -> String {
    let month = last.month_end.map_or("month end unknown".to_string(), |d| {
        format!("month ended {}", format::date(d))
    });
    let mut s = month;
    if !last.issuer_name.is_empty() {
        s.push_str(", ");
        s.push_str(&last.issuer_name);
    }
    if !last.source.file.is_empty() {
        s.push_str(&format!(
            " ({} {})",
            last.source.kind.verb(),
            last.source.file
        ));
    }
    s
}

/// Compares `ret` (with `derived` = `calc::derive(ret)`) with last month's snapshot.
pub fn compare(last: &LastMonth, ret: &MonthlyReturn, derived: &Derived) -> Comparison {
    let lines = lines::collect(last, ret, derived, &ClassMatch::new(last, ret));
    let this_month = {
        let month = ret
            .header
            .month_end
            .map_or("month end not filled in".to_string(), |d| {
                format!("month ended {}", format::date(d))
            });
        match ret.header.issuer_name.trim() {
            "" => month,
            issuer => format!("{month}, {issuer}"),
        }
    };
    Comparison {
        last_month: describe(last),
        this_month,
        notes: notes(last, ret),
        lines,
    }
}

/// The month and issuer checks (`PREV-008`, `PREV-009`), as notes above the comparison.
fn notes(last: &LastMonth, ret: &MonthlyReturn) -> Vec<String> {
    crate::rules::link_notes(ret, last)
}
