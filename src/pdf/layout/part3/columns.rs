//! From a sub-part's description ([`crate::model::subpart`]) to its PDF table: column edges and
//! headings from the `Print` widths and label keys, and a row's cells and under-row fields from
//! the column kinds. One walk over `S::COLUMNS` serves all five sub-parts; the compound cells
//! the table cannot describe are in [`special`], the one place that knows the row types.

use std::any::Any;

use super::super::fmt;
use super::super::geom::LEFT;
use super::super::table::Col;
use super::row::{Cell, Field, RowUnit, data_row};
use crate::calc::Closing;
use crate::model::subpart::{Column, Print, Role, Special, SubPart, Value};
use crate::model::{
    Convertible, ConvertibleType, Event, OptionMovement, OptionScheme, TypeOfIssue,
};
use crate::template::Part3Texts;

/// A sub-part's table: the edges of its cells (a split column has two cells) and its heading
/// columns (a split column has one heading over both cells).
pub(super) struct Table<'a> {
    pub edges: Vec<f32>,
    pub head: Vec<Col<'a>>,
}

/// The table of sub-part `S`, its first edge at the left of the page's boxes.
pub(super) fn table<S: SubPart>(p3: &Part3Texts) -> Table<'_> {
    // Summed in f64 and rounded to the hundredth, so the edges are exactly the measured ones
    // (20.69 + 110.55 = 131.24), not the f32 sum's 131.23999.
    let round = |x: f64| ((x * 100.0).round() / 100.0) as f32;
    let mut x = f64::from(LEFT);
    let mut edges = vec![LEFT];
    let mut head = Vec::new();
    for column in S::COLUMNS {
        let widths = match column.print {
            Print::Column(w) => vec![w],
            Print::SplitColumn(ccy, amount) => vec![ccy, amount],
            Print::Under | Print::InDescription => continue,
        };
        let x0 = round(x);
        for w in widths {
            x += f64::from(w);
            edges.push(round(x));
        }
        head.push(Col {
            x0,
            x1: round(x),
            heading: p3.label(S::PART, column.label),
        });
    }
    Table { edges, head }
}

/// What a column shows in one row, before it is placed in a cell or under the row.
enum Shown {
    Text(String),
    Num(String),
    Money(String, String),
    Moves(Vec<(String, String)>),
}

impl Shown {
    /// As one text (an under-row field, a description).
    fn into_text(self) -> String {
        match self {
            Shown::Text(s) | Shown::Num(s) => s,
            Shown::Money(ccy, amount) => format!("{ccy} {amount}").trim().to_string(),
            Shown::Moves(moves) => moves
                .into_iter()
                .map(|(label, value)| format!("{label} {value}"))
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

/// Row `n` (1-based) of a table: `closing` is the row's computed balance at close, if any.
pub(super) fn row<S: SubPart>(
    table: &Table<'_>,
    p3: &Part3Texts,
    n: usize,
    row: &S,
    closing: Option<Closing>,
) -> RowUnit {
    let (cells, fields) = contents(p3, n, row, closing);
    data_row(&table.edges, cells, fields)
}

/// The cells of a row in column order and the labelled fields printed under it.
fn contents<S: SubPart>(
    p3: &Part3Texts,
    n: usize,
    row: &S,
    closing: Option<Closing>,
) -> (Vec<Cell>, Vec<(String, Field)>) {
    let mut cells = Vec::new();
    let mut fields = Vec::new();
    for column in S::COLUMNS {
        match column.print {
            Print::InDescription => {}
            Print::Under => {
                let field = match shown(column, row, closing) {
                    Shown::Money(ccy, amount) => Field::Money(ccy, amount),
                    Shown::Text(s) if matches!(column.value, Value::Date(..)) => Field::Date(s),
                    other => Field::Text(other.into_text()),
                };
                fields.push((p3.label(S::PART, column.label).to_string(), field));
            }
            Print::Column(_) | Print::SplitColumn(..) if column.role == Role::Description => {
                cells.push(Cell::Desc(n, description(column, row)));
            }
            Print::Column(_) | Print::SplitColumn(..) => match shown(column, row, closing) {
                Shown::Text(s) => cells.push(Cell::Text(s)),
                Shown::Num(s) => cells.push(Cell::Num(s)),
                Shown::Money(ccy, amount) => cells.extend([Cell::Text(ccy), Cell::Num(amount)]),
                Shown::Moves(moves) => cells.push(Cell::Moves(moves)),
            },
        }
    }
    (cells, fields)
}

/// What a column shows: counts and amounts right-aligned, typed text trimmed, blanks blank.
fn shown<S: SubPart>(column: &Column<S>, row: &S, closing: Option<Closing>) -> Shown {
    match &column.value {
        Value::Count(get, _) => Shown::Num(fmt::opt_count(*get(row))),
        Value::Amount(get, _) => Shown::Num(fmt::opt_amount(*get(row))),
        Value::Date(get, _) => Shown::Text(fmt::opt_date(*get(row))),
        Value::Text(get, _) | Value::Currency(get, _) => Shown::Text(get(row).trim().to_string()),
        Value::Money(get, _) => {
            let money = get(row);
            Shown::Money(
                money.currency.trim().to_string(),
                fmt::opt_amount(money.amount),
            )
        }
        Value::Closing => Shown::Num(match closing {
            Some(Closing::Count(n)) => fmt::opt_count(n),
            Some(Closing::Amount(a)) => fmt::opt_derived(a),
            None => String::new(),
        }),
        Value::Special(special) => self::special(*special, row),
    }
}

/// The first column's text: typed text as typed, with an [`Print::InDescription`] column
/// merged in (III(B): `2026 Warrants (31/12/2026)`, the form's heading asks for that).
fn description<S: SubPart>(column: &Column<S>, row: &S) -> String {
    let text = match &column.value {
        Value::Text(get, _) => get(row).clone(),
        _ => shown(column, row, None).into_text(),
    };
    let Some(merged) = S::COLUMNS.iter().find(|c| c.print == Print::InDescription) else {
        return text;
    };
    let extra = match &merged.value {
        Value::Date(get, _) => get(row).map(fmt::date_dmy),
        _ => Some(shown(merged, row, None).into_text()).filter(|s| !s.is_empty()),
    };
    match extra {
        Some(extra) => format!("{} ({extra})", text.trim()),
        None => text.trim().to_string(),
    }
}

/// The compound cells, the only code here that knows a sub-part's row type. The row comes as
/// `Any` so the generic table needs no per-type trait; a test holds that each `Special` of the
/// descriptions finds its row type.
fn special(special: Special, row: &dyn Any) -> Shown {
    match special {
        // Typed positive; printed signed: granted adds, the other three subtract.
        Special::OptionMovements => Shown::Moves(on(row, |s: &OptionScheme| {
            OptionMovement::ALL
                .into_iter()
                .filter_map(|m| {
                    let signed = s.movement(m)?.checked_mul(m.sign());
                    Some((
                        m.label().to_string(),
                        signed.map(fmt::count).unwrap_or_default(),
                    ))
                })
                .collect()
        })),
        Special::ConvertibleMovements => Shown::Moves(on(row, |c: &Convertible| {
            c.movements
                .iter()
                .map(|m| (m.display_label().to_string(), fmt::opt_amount(m.amount)))
                .collect()
        })),
        Special::ConvertibleType => Shown::Text(on(row, |c: &Convertible| {
            choice(
                c.kind.label(),
                c.kind == ConvertibleType::Others,
                &c.kind_other,
            )
        })),
        Special::TypeOfIssue => Shown::Text(on(row, |e: &Event| {
            let kind = e.type_of_issue;
            let typed = e.other_description.trim();
            if kind == TypeOfIssue::Other && !typed.is_empty() {
                // The choice stays readable as the form's: `Other (please specify): …`.
                format!("{}: {typed}", kind.label())
            } else {
                kind.label().to_string()
            }
        })),
    }
}

/// `f` of the row as an `R`; blank when the row is of another type.
fn on<R: 'static, T: Default>(row: &dyn Any, f: impl FnOnce(&R) -> T) -> T {
    row.downcast_ref::<R>().map(f).unwrap_or_default()
}

/// A choice's label, or the text typed for `Others (please specify)` when there is some (the
/// type of a convertible, a one-line field under the row with no room for both).
fn choice(label: &str, other: bool, typed: &str) -> String {
    if other && !typed.trim().is_empty() {
        typed.trim().to_string()
    } else {
        label.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Arrangement, ConvertibleMovement, Warrant};
    use crate::template::texts;

    /// The edges the five loops used to spell out: the PDF must not move by a hundredth.
    #[test]
    fn edges_are_the_measured_ones() {
        let p3 = &texts().part3;
        let r = 797.93;
        assert_eq!(
            table::<OptionScheme>(p3).edges,
            [
                20.69, 131.24, 216.28, 372.73, 457.77, 542.81, 627.85, 712.89, r
            ]
        );
        let b_c = [
            20.69, 176.60, 216.28, 301.32, 457.77, 542.81, 627.85, 712.89, r,
        ];
        assert_eq!(table::<Warrant>(p3).edges, b_c);
        assert_eq!(table::<Convertible>(p3).edges, b_c);
        assert_eq!(
            table::<Arrangement>(p3).edges,
            [20.69, 457.77, 542.81, 627.85, 712.89, r]
        );
        let e = table::<Event>(p3);
        assert_eq!(
            e.edges,
            [
                20.69, 216.28, 255.96, 372.73, 457.77, 542.81, 627.85, 712.89, r
            ]
        );
        // The price's currency and amount cells share one heading.
        let price = &e.head[1];
        assert_eq!((price.x0, price.x1), (216.28, 372.73));
        assert_eq!(price.heading, "At price (if applicable)");
    }

    /// A row has one cell per pair of edges, whatever the sub-part.
    fn cells_fill_the_table<S: SubPart + Default>() {
        let p3 = &texts().part3;
        let (cells, _) = contents(p3, 1, &S::default(), None);
        assert_eq!(cells.len() + 1, table::<S>(p3).edges.len(), "{:?}", S::PART);
        assert!(matches!(cells.first(), Some(Cell::Desc(1, _))));
    }

    #[test]
    fn every_sub_part_fills_its_table() {
        cells_fill_the_table::<OptionScheme>();
        cells_fill_the_table::<Warrant>();
        cells_fill_the_table::<Convertible>();
        cells_fill_the_table::<Arrangement>();
        cells_fill_the_table::<Event>();
    }

    /// Each `Special` of the descriptions finds its row type (a wrong one would print blank).
    #[test]
    fn specials_find_their_rows() {
        let scheme = OptionScheme {
            granted: Some(1_000),
            lapsed: Some(112_875),
            ..OptionScheme::default()
        };
        let Shown::Moves(moves) = special(Special::OptionMovements, &scheme) else {
            panic!("not moves")
        };
        assert_eq!(
            moves,
            [
                ("Granted".to_string(), "1,000".to_string()),
                ("Lapsed".to_string(), "-112,875".to_string())
            ]
        );
        let convertible = Convertible {
            kind: ConvertibleType::Others,
            kind_other: " Perpetual notes ".to_string(),
            movements: vec![ConvertibleMovement::default()],
            ..Convertible::default()
        };
        assert!(matches!(
            special(Special::ConvertibleMovements, &convertible),
            Shown::Moves(m) if m.len() == 1
        ));
        assert_eq!(
            special(Special::ConvertibleType, &convertible).into_text(),
            "Perpetual notes"
        );
        let event = Event {
            type_of_issue: TypeOfIssue::Other,
            other_description: "  ".to_string(),
            ..Event::default()
        };
        assert_eq!(
            special(Special::TypeOfIssue, &event).into_text(),
            TypeOfIssue::Other.label()
        );
    }

    /// III(B)'s expiry date joins the description as the heading asks (`dd/mm/yyyy`).
    #[test]
    fn expiry_date_is_merged_into_the_description() {
        let p3 = &texts().part3;
        let warrant = Warrant {
            description: " 2026 Warrants ".to_string(),
            expiry_date: chrono::NaiveDate::from_ymd_opt(2026, 12, 31),
            ..Warrant::default()
        };
        let (cells, fields) = contents(p3, 3, &warrant, None);
        assert!(matches!(&cells[0], Cell::Desc(3, d) if d == "2026 Warrants (31/12/2026)"));
        // The fields under the row are the description's `Under` columns, in column order, a
        // money column as a money field.
        let under: Vec<_> = Warrant::COLUMNS
            .iter()
            .filter(|c| c.print == Print::Under)
            .collect();
        assert_eq!(fields.len(), under.len());
        for (field, column) in fields.iter().zip(under) {
            let money = matches!(column.value, crate::model::subpart::Value::Money(..));
            assert_eq!(matches!(field.1, Field::Money(..)), money, "{}", column.key);
        }
    }
}
