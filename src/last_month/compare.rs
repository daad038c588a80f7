//! This month beside last month: per class and per scheme / warrant / instrument / HDR line,
//! last month's close, this month's opening (the balance brought forward), movement and close.
//!
//! A brought-forward figure "disagrees" exactly when a `PREV-001`…`PREV-007` check fails (the
//! same matching of classes and rows, the same blank-as-zero rule), so `monthly-return diff`'s
//! exit status and the editor's findings always agree.

use std::fmt::Write as _;

use rust_decimal::Decimal;

use super::{ClassMatch, part3_blocks};
use crate::calc::{Closing, Derived};
use crate::format;
use crate::model::path::{self as paths, FieldPath, FormPart};
use crate::model::subpart::{Role, SubPart, Value};
use crate::model::{Convertible, LastMonth, MonthlyReturn, OptionScheme, Warrant};

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
    let classes = ClassMatch::new(last, ret);
    let mut c = Collect {
        last,
        ret,
        derived,
        classes: &classes,
        lines: Vec::new(),
    };
    c.part1();
    c.part2();
    c.part3::<OptionScheme>("options outstanding");
    c.part3::<Warrant>("nominal value");
    c.part3::<Convertible>("amount");
    c.part4();
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
        lines: c.lines,
    }
}

/// The month and issuer checks (`PREV-008`, `PREV-009`), as notes above the comparison.
fn notes(last: &LastMonth, ret: &MonthlyReturn) -> Vec<String> {
    crate::rules::link_notes(ret, last)
}

struct Collect<'a> {
    last: &'a LastMonth,
    ret: &'a MonthlyReturn,
    derived: &'a Derived,
    classes: &'a ClassMatch,
    lines: Vec<Line>,
}

/// The status of a matched figure: the `PREV-*` rules' test.
fn status(last_close: Option<Figure>, opening: Option<Figure>) -> Status {
    match (last_close, opening) {
        (Some(last), None) if !last.is_zero() => Status::Disagrees,
        (Some(last), Some(open)) if last != open => Status::Disagrees,
        _ => Status::Agrees,
    }
}

fn count(v: Option<i64>) -> Option<Figure> {
    v.map(Figure::Count)
}

fn amount(v: Option<Decimal>) -> Option<Figure> {
    v.map(Figure::Amount)
}

/// This month's side of a line: the balance brought forward, the close and the field.
struct ThisMonth {
    opening: Option<Figure>,
    close: Option<Figure>,
    path: FieldPath,
}

impl Collect<'_> {
    fn matched(
        &mut self,
        part: FormPart,
        class: String,
        row: String,
        figure: &'static str,
        last_close: Option<Figure>,
        this: ThisMonth,
    ) {
        self.lines.push(Line {
            part,
            class,
            row,
            figure,
            last_close,
            opening: this.opening,
            close: this.close,
            status: status(last_close, this.opening),
            path: Some(this.path),
        });
    }

    fn new_line(
        &mut self,
        part: FormPart,
        class: String,
        row: String,
        figure: &'static str,
        this: ThisMonth,
    ) {
        self.lines.push(Line {
            part,
            class,
            row,
            figure,
            last_close: None,
            opening: this.opening,
            close: this.close,
            status: Status::New,
            path: Some(this.path),
        });
    }

    fn vanished(
        &mut self,
        part: FormPart,
        class: String,
        row: String,
        figure: &'static str,
        last_close: Option<Figure>,
    ) {
        self.lines.push(Line {
            part,
            class,
            row,
            figure,
            last_close,
            opening: None,
            close: None,
            status: Status::Vanished,
            path: None,
        });
    }

    fn part1(&mut self) {
        let part = FormPart::I;
        let mut seen = vec![false; self.last.part1.len()];
        for (i, b) in self.ret.part1.part.active().iter().enumerate() {
            let name = self.derived.class_name(self.ret, b.class);
            let f = self.derived.part1.get(i);
            let close_shares = count(f.and_then(|f| f.close_shares));
            let close_par = amount(f.and_then(|f| f.close_par_value));
            let j = self.classes.block(b.class, &self.last.part1, |x| x.class);
            match j.and_then(|j| Some((j, self.last.part1.get(j)?))) {
                Some((j, last)) => {
                    seen[j] = true;
                    self.matched(
                        part,
                        name.clone(),
                        String::new(),
                        "authorised/registered shares",
                        count(last.shares),
                        ThisMonth {
                            opening: count(b.preceding_shares),
                            close: close_shares,
                            path: paths::part1::preceding_shares(i),
                        },
                    );
                    self.matched(
                        part,
                        name,
                        String::new(),
                        "par value",
                        amount(last.par_value),
                        ThisMonth {
                            opening: amount(b.par_value.amount),
                            close: close_par,
                            path: paths::part1::par_value(i),
                        },
                    );
                    // Typed capital is brought forward too (PREV-002); computed capital
                    // follows from shares × par.
                    if b.manual_capital {
                        self.matched(
                            part,
                            self.derived.class_name(self.ret, b.class),
                            String::new(),
                            "share capital",
                            amount(last.capital),
                            ThisMonth {
                                opening: amount(b.manual_preceding_capital),
                                close: amount(f.and_then(|f| f.close_capital)),
                                path: paths::part1::preceding_capital(i),
                            },
                        );
                    }
                }
                None => {
                    self.new_line(
                        part,
                        name.clone(),
                        String::new(),
                        "authorised/registered shares",
                        ThisMonth {
                            opening: count(b.preceding_shares),
                            close: close_shares,
                            path: paths::part1::preceding_shares(i),
                        },
                    );
                    self.new_line(
                        part,
                        name,
                        String::new(),
                        "par value",
                        ThisMonth {
                            opening: amount(b.par_value.amount),
                            close: close_par,
                            path: paths::part1::par_value(i),
                        },
                    );
                }
            }
        }
        for (j, last) in self.last.part1.iter().enumerate() {
            if !seen[j] {
                let name = self.last.class_name(last.class);
                self.vanished(
                    part,
                    name.clone(),
                    String::new(),
                    "authorised/registered shares",
                    count(last.shares),
                );
                self.vanished(
                    part,
                    name,
                    String::new(),
                    "par value",
                    amount(last.par_value),
                );
            }
        }
    }

    fn part2(&mut self) {
        let part = FormPart::II;
        const EXCL: &str = "issued shares excluding treasury";
        const TREASURY: &str = "treasury shares";
        let mut seen = vec![false; self.last.part2.len()];
        for (i, b) in self.ret.part2.part.active().iter().enumerate() {
            let name = self.derived.class_name(self.ret, b.class);
            let f = self.derived.part2.get(i);
            let close_excl = count(f.and_then(|f| f.close_excluding_treasury));
            let close_treasury = count(f.and_then(|f| f.close_treasury));
            let j = self.classes.block(b.class, &self.last.part2, |x| x.class);
            match j.and_then(|j| Some((j, self.last.part2.get(j)?))) {
                Some((j, last)) => {
                    seen[j] = true;
                    self.matched(
                        part,
                        name.clone(),
                        String::new(),
                        EXCL,
                        count(last.excluding_treasury),
                        ThisMonth {
                            opening: count(b.preceding.excluding_treasury),
                            close: close_excl,
                            path: paths::part2::preceding_excluding_treasury(i),
                        },
                    );
                    self.matched(
                        part,
                        name,
                        String::new(),
                        TREASURY,
                        count(last.treasury),
                        ThisMonth {
                            opening: count(b.preceding.treasury),
                            close: close_treasury,
                            path: paths::part2::preceding_treasury(i),
                        },
                    );
                }
                None => {
                    self.new_line(
                        part,
                        name.clone(),
                        String::new(),
                        EXCL,
                        ThisMonth {
                            opening: count(b.preceding.excluding_treasury),
                            close: close_excl,
                            path: paths::part2::preceding_excluding_treasury(i),
                        },
                    );
                    self.new_line(
                        part,
                        name,
                        String::new(),
                        TREASURY,
                        ThisMonth {
                            opening: count(b.preceding.treasury),
                            close: close_treasury,
                            path: paths::part2::preceding_treasury(i),
                        },
                    );
                }
            }
        }
        for (j, last) in self.last.part2.iter().enumerate() {
            if !seen[j] {
                let name = self.last.class_name(last.class);
                self.vanished(
                    part,
                    name.clone(),
                    String::new(),
                    EXCL,
                    count(last.excluding_treasury),
                );
                self.vanished(part, name, String::new(), TREASURY, count(last.treasury));
            }
        }
    }

    /// A Part III sub-part with a balance brought forward: rows matched by position within the
    /// block of the same class, as `PREV-004`…`006` do.
    fn part3<S: SubPart>(&mut self, figure: &'static str) {
        let Some(column) = S::column_of(Role::BroughtForward) else {
            return;
        };
        let describe = S::column_of(Role::Description);
        let row_name = |row: &S, r: usize| -> String {
            let text = match describe.map(|c| &c.value) {
                Some(Value::Text(get, _)) => get(row).trim().to_string(),
                _ => String::new(),
            };
            if text.is_empty() {
                format!("{} {}", S::ROW_NOUN, r + 1)
            } else {
                text
            }
        };
        let last_blocks = part3_blocks(self.last, S::PART);
        let mut seen: Vec<Vec<bool>> = last_blocks
            .iter()
            .map(|b| vec![false; b.rows.len()])
            .collect();
        for (i, b) in S::part(self.ret).active().iter().enumerate() {
            let class = S::block_class(b);
            let name = self.derived.class_name(self.ret, class);
            let j = self.classes.block(class, last_blocks, |x| x.class);
            for (r, row) in S::rows(b).iter().enumerate() {
                let (opening, close) = match (&column.value, self.derived.closing(S::PART, i, r)) {
                    (Value::Count(get, _), Some(Closing::Count(c))) => (count(*get(row)), count(c)),
                    (Value::Amount(get, _), Some(Closing::Amount(a))) => {
                        (amount(*get(row)), amount(a))
                    }
                    (Value::Count(get, _), _) => (count(*get(row)), None),
                    (Value::Amount(get, _), _) => (amount(*get(row)), None),
                    _ => (None, None),
                };
                let path = S::cell_path(i, r, column);
                let last = j.and_then(|j| Some((j, last_blocks.get(j)?.rows.get(r)?)));
                match last {
                    Some((j, last)) => {
                        if let Some(s) = seen.get_mut(j).and_then(|s| s.get_mut(r)) {
                            *s = true;
                        }
                        let last_close = count(last.count).or(amount(last.amount));
                        self.matched(
                            S::PART,
                            name.clone(),
                            row_name(row, r),
                            figure,
                            last_close,
                            ThisMonth {
                                opening,
                                close,
                                path,
                            },
                        );
                    }
                    None => self.new_line(
                        S::PART,
                        name.clone(),
                        row_name(row, r),
                        figure,
                        ThisMonth {
                            opening,
                            close,
                            path,
                        },
                    ),
                }
            }
        }
        for (j, block) in last_blocks.iter().enumerate() {
            for (r, row) in block.rows.iter().enumerate() {
                if !seen[j][r] {
                    let row_label = if row.name.trim().is_empty() {
                        format!("{} {}", S::ROW_NOUN, r + 1)
                    } else {
                        row.name.trim().to_string()
                    };
                    self.vanished(
                        S::PART,
                        self.last.class_name(block.class),
                        row_label,
                        figure,
                        count(row.count).or(amount(row.amount)),
                    );
                }
            }
        }
    }

    /// HDR lines, matched by position as `PREV-007` does.
    fn part4(&mut self) {
        let part = FormPart::IV;
        let hdr_name = |description: &str, stock_code: &str, i: usize| {
            let d = description.trim();
            match (d.is_empty(), stock_code.trim()) {
                (false, _) => d.to_string(),
                (true, "") => format!("HDR line {}", i + 1),
                (true, code) => format!("HDRs {code}"),
            }
        };
        let lines = self.ret.part4.part.active();
        for (i, h) in lines.iter().enumerate() {
            let name = hdr_name(&h.description, &h.stock_code, i);
            let opening = count(h.preceding_hdrs);
            let close = count(self.derived.part4.get(i).and_then(|f| f.close_hdrs));
            let path = paths::part4::preceding_hdrs(i);
            match self.last.part4.get(i) {
                Some(last) => self.matched(
                    part,
                    "HDRs".to_string(),
                    name,
                    "HDRs",
                    count(last.hdrs),
                    ThisMonth {
                        opening,
                        close,
                        path,
                    },
                ),
                None => self.new_line(
                    part,
                    "HDRs".to_string(),
                    name,
                    "HDRs",
                    ThisMonth {
                        opening,
                        close,
                        path,
                    },
                ),
            }
        }
        for (i, last) in self.last.part4.iter().enumerate().skip(lines.len()) {
            let name = hdr_name(&last.description, &last.stock_code, i);
            self.vanished(part, "HDRs".to_string(), name, "HDRs", count(last.hdrs));
        }
    }
}
