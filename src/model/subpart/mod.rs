//! One description per Part III sub-part: its rows and columns, read by the editor page, the PDF
//! table and the rules, so that a column is added in one place.
//!
//! Why a trait plus a table, rather than a table alone: the trait ties a sub-part to its Rust
//! types (the block, the row, where they sit in the return), so every accessor in the table is
//! checked by the compiler against the row it reads; the table ([`SubPart::COLUMNS`]) is plain
//! data in print order — path segment, label key in `templates/ff301-texts.ron`, kind, PDF
//! column width, X1/X2 role, sign rule — that generic code walks. What no table can say (III(A)'s
//! four labelled movements, III(C)'s list of movements, III(E)'s type of issue) is a
//! [`Special`] value drawn, printed and checked by code of its own.

/// The accessors of a sub-part's types, the same one-liners for each: where its part sits in
/// the return, the rows of a block, a block's class and remarks, a row's id.
macro_rules! access {
    ($part:ident, $block:ty, $row:ty, $rows:ident) => {
        fn part(ret: &MonthlyReturn) -> &Part<$block> {
            &ret.$part
        }
        fn part_mut(ret: &mut MonthlyReturn) -> &mut Part<$block> {
            &mut ret.$part
        }
        fn rows(block: &$block) -> &[$row] {
            &block.$rows
        }
        fn rows_mut(block: &mut $block) -> &mut Vec<$row> {
            &mut block.$rows
        }
        fn block_class(block: &$block) -> ClassId {
            block.class
        }
        fn remarks(block: &$block) -> &str {
            &block.remarks
        }
        fn remarks_mut(block: &mut $block) -> &mut String {
            &mut block.remarks
        }
        fn row_id(row: &$row) -> RowId {
            row.id
        }
    };
}

/// `Value::Count(|r| &r.new_shares, |r| &mut r.new_shares)` and the like: typed access to a
/// field of the row.
macro_rules! field {
    ($kind:ident, $name:ident) => {
        Value::$kind(|r: &Self| &r.$name, |r: &mut Self| &mut r.$name)
    };
}

/// The X1 and X2 columns of (A)–(D), named after the sub-part's letter (`x1!("B")` is
/// `new shares issued (B1)` for the editor, `B1 (new shares issued)` for findings).
macro_rules! x1 {
    ($letter:literal) => {
        x1(
            field!(Count, new_shares),
            concat!("new shares issued (", $letter, "1)"),
            concat!($letter, "1 (new shares issued)"),
        )
    };
}
macro_rules! x2 {
    ($letter:literal) => {
        x2(
            field!(Count, from_treasury),
            concat!("treasury shares transferred out (", $letter, "2)"),
            concat!($letter, "2 (shares transferred out of treasury)"),
        )
    };
}

mod arrangements;
mod convertibles;
mod events;
mod options;
mod warrants;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::path::{FieldPath, FormPart};
use super::{ClassId, Money, MonthlyReturn, Part, RowId};

/// What a column holds, with typed access to it in a row.
pub enum Value<R: 'static> {
    /// A share count, typed.
    Count(fn(&R) -> &Option<i64>, fn(&mut R) -> &mut Option<i64>),
    /// An exact amount (nominal value, convertible amount), typed.
    Amount(
        fn(&R) -> &Option<Decimal>,
        fn(&mut R) -> &mut Option<Decimal>,
    ),
    Date(
        fn(&R) -> &Option<NaiveDate>,
        fn(&mut R) -> &mut Option<NaiveDate>,
    ),
    Text(fn(&R) -> &String, fn(&mut R) -> &mut String),
    /// A 3-letter currency code.
    Currency(fn(&R) -> &String, fn(&mut R) -> &mut String),
    /// Currency and amount (prices); the path gets `/currency` and `/amount`.
    Money(fn(&R) -> &Money, fn(&mut R) -> &mut Money),
    /// The row's balance at close, computed by [`crate::calc`], never typed.
    Closing,
    /// A compound cell with code of its own.
    Special(Special),
}

/// The compound cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Special {
    /// III(A): `Granted`, `Exercised`, `Cancelled`, `Lapsed`, each a count.
    OptionMovements,
    /// III(C): a list of labelled amounts (`Issued`, `Converted`, `Redeemed`, other).
    ConvertibleMovements,
    /// III(C): `Type of the Convertibles`, with the text of `Others (please specify)`.
    ConvertibleType,
    /// III(E): `Type of Issue`, with the text of `Other (please specify)`.
    TypeOfIssue,
}

/// Where the PDF prints a column.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Print {
    /// A table column this many points wide.
    Column(f32),
    /// A money column split into currency and amount cells under one heading.
    SplitColumn(f32, f32),
    /// A labelled field printed under the row.
    Under,
    /// Not printed on its own: it is part of the row's first column (III(B)'s expiry date).
    InDescription,
}

/// What a column contributes to the block's sums and checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Plain,
    /// The first column: numbered, and required (a row says what it is).
    Description,
    /// X1: new shares issued.
    X1,
    /// X2: shares transferred out of treasury.
    X2,
    /// The balance at close of the preceding month: equal to the row's close in last month's
    /// return (checked by the roll-forward rules).
    BroughtForward,
}

/// One column of a sub-part.
pub struct Column<R: 'static> {
    /// Path segment of the field (`new_shares` in `IIIB/class[0]/warrant[1]/new_shares`).
    pub key: &'static str,
    /// Key of the column's heading in the sub-part's `columns` in `templates/ff301-texts.ron`
    /// (or in Part III's shared `columns`, e.g. `gm_approval`).
    pub label: &'static str,
    pub value: Value<R>,
    pub print: Print,
    pub role: Role,
    /// How the editor names the field after the row (`new shares issued (B1)`).
    pub short_name: &'static str,
    /// How findings name it (`B1 (new shares issued)`); for the [`Role::Description`] column,
    /// what a finding says of a row that leaves it blank (`description of warrants is empty`).
    pub finding_name: &'static str,
    /// Sign rule: a count that can never be below zero.
    pub never_negative: bool,
}

impl<R> Column<R> {
    /// A plain column: path segment (also its label key), value, where it prints, the name the
    /// editor gives it. The builders below adjust what differs.
    const fn new(
        key: &'static str,
        value: Value<R>,
        print: Print,
        short_name: &'static str,
    ) -> Self {
        Column {
            key,
            label: key,
            value,
            print,
            role: Role::Plain,
            short_name,
            finding_name: "",
            never_negative: false,
        }
    }

    /// The heading's key when it differs from the path segment.
    const fn label(self, label: &'static str) -> Self {
        Column { label, ..self }
    }

    /// How findings name the column.
    const fn finding(self, finding_name: &'static str) -> Self {
        Column {
            finding_name,
            ..self
        }
    }

    const fn role(self, role: Role) -> Self {
        Column { role, ..self }
    }

    /// A count that can never be below zero.
    const fn never_negative(self) -> Self {
        Column {
            never_negative: true,
            ..self
        }
    }
}

/// The row's numbered first column, which must not be blank; `blank` is what a finding says of
/// a row that leaves it so.
const fn description<R>(
    key: &'static str,
    value: Value<R>,
    width: f32,
    short_name: &'static str,
    blank: &'static str,
) -> Column<R> {
    Column::new(key, value, Print::Column(width), short_name)
        .role(Role::Description)
        .finding(blank)
}

/// A share count in a table column of the standard width.
const fn count<R>(
    key: &'static str,
    value: Value<R>,
    short: &'static str,
    finding: &'static str,
) -> Column<R> {
    Column::new(key, value, Print::Column(COUNT_WIDTH), short).finding(finding)
}

/// X1 (`new_shares`): new shares issued, never below zero.
const fn x1<R>(value: Value<R>, short: &'static str, finding: &'static str) -> Column<R> {
    count("new_shares", value, short, finding)
        .role(Role::X1)
        .never_negative()
}

/// X2 (`from_treasury`): shares transferred out of treasury, never below zero.
const fn x2<R>(value: Value<R>, short: &'static str, finding: &'static str) -> Column<R> {
    count("from_treasury", value, short, finding)
        .role(Role::X2)
        .never_negative()
}

/// `Number of shares which may be issued or transferred out of treasury … at close`.
const fn issuable<R>(value: Value<R>) -> Column<R> {
    count(
        "shares_issuable_at_close",
        value,
        "shares which may be issued at close",
        "Shares which may be issued or transferred out of treasury",
    )
    .label("issuable")
    .never_negative()
}

/// `General Meeting approval date (if applicable)`.
const fn gm_approval<R>(value: Value<R>, print: Print) -> Column<R> {
    Column::new(
        "gm_approval_date",
        value,
        print,
        "general meeting approval date",
    )
    .label("gm_approval")
}

/// `Stock code (if listed)`, printed under the row.
const fn stock_code<R>(value: Value<R>) -> Column<R> {
    Column::new("stock_code", value, Print::Under, "stock code")
}

/// The row's balance at close, computed.
const fn closing<R>(key: &'static str, short: &'static str) -> Column<R> {
    Column::new(key, Value::Closing, Print::Column(COUNT_WIDTH), short).label("close")
}

/// Width of a number column of the printed tables.
const COUNT_WIDTH: f32 = 85.04;

/// Free text typed inside a special cell (the wording of an `Other` type, an `Other`
/// movement's label) that the PDF prints: where it is, the label key of its heading, the text.
pub struct SpecialText<'a> {
    pub path: FieldPath,
    pub label: &'static str,
    pub text: &'a str,
}

/// A Part III sub-part: (A) options, (B) warrants, (C) convertibles, (D) other arrangements,
/// (E) other movements. Implemented by the row type.
pub trait SubPart: Sized + 'static {
    /// A class block of the sub-part.
    type Block: 'static;
    const PART: FormPart;
    /// `A` … `E`: names the summary lines (`AA1`) and the columns (`A1`).
    const LETTER: char;
    /// Path segment of a row (`scheme` in `IIIA/class[0]/scheme[2]`).
    const ROW_SEGMENT: &'static str;
    /// What a row is called in the editor and in messages (`option scheme`).
    const ROW_NOUN: &'static str;
    /// What a row is called in its fields' accessible names (`Part III(A) block 1 scheme 2
    /// particulars`), where the block already says which sub-part it is; the noun unless that
    /// is too long to repeat on every field.
    const ROW_NAME: &'static str = Self::ROW_NOUN;
    /// The columns, in print order.
    const COLUMNS: &'static [Column<Self>];

    fn part(ret: &MonthlyReturn) -> &Part<Self::Block>;
    fn part_mut(ret: &mut MonthlyReturn) -> &mut Part<Self::Block>;
    fn rows(block: &Self::Block) -> &[Self];
    fn rows_mut(block: &mut Self::Block) -> &mut Vec<Self>;
    fn block_class(block: &Self::Block) -> ClassId;
    fn remarks(block: &Self::Block) -> &str;
    fn remarks_mut(block: &mut Self::Block) -> &mut String;
    fn row_id(row: &Self) -> RowId;

    /// III(A)'s `Total funds raised` of a block (no other sub-part has one).
    fn funds_raised(_block: &Self::Block) -> Option<&Money> {
        None
    }

    /// The free texts of row `r` of block `b` that its special cells print (none by default).
    fn special_texts(_b: usize, _r: usize, _row: &Self) -> Vec<SpecialText<'_>> {
        Vec::new()
    }

    /// The path of row `r` of block `b`.
    fn row_path(b: usize, r: usize) -> FieldPath {
        Self::PART.block(b).index(Self::ROW_SEGMENT, r)
    }

    /// The path of `column` in row `r` of block `b`.
    fn cell_path(b: usize, r: usize, column: &Column<Self>) -> FieldPath {
        Self::row_path(b, r).key(column.key)
    }

    /// The column with path segment `key`, if the sub-part has one.
    fn column(key: &str) -> Option<&'static Column<Self>> {
        Self::COLUMNS.iter().find(|c| c.key == key)
    }

    /// The column of `role` (X1, X2), if any.
    fn column_of(role: Role) -> Option<&'static Column<Self>> {
        Self::COLUMNS.iter().find(|c| c.role == role)
    }

    /// X1 and X2 of a row (blank when the sub-part has no such column).
    fn x1_x2(row: &Self) -> (Option<i64>, Option<i64>) {
        let get = |role| match Self::column_of(role).map(|c| &c.value) {
            Some(Value::Count(get, _)) => *get(row),
            _ => None,
        };
        (get(Role::X1), get(Role::X2))
    }
}

#[cfg(test)]
mod tests;
