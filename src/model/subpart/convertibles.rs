//! III(C): convertibles.

use super::{Column, Print, Role, Special, SpecialText, SubPart, Value};
use crate::model::path;
use crate::model::path::FormPart;
use crate::model::{ClassId, Convertible, ConvertibleBlock, MonthlyReturn, Part, RowId};
use crate::model::{ConvertibleMovementKind, ConvertibleType};

impl SubPart for Convertible {
    type Block = ConvertibleBlock;
    const PART: FormPart = FormPart::IIIC;
    const LETTER: char = 'C';
    const ROW_SEGMENT: &'static str = "convertible";
    const ROW_NOUN: &'static str = "convertible";
    const COLUMNS: &'static [Column<Self>] = &[
        Column {
            label: "description",
            role: Role::Description,
            short_name: "description",
            finding_name: "description of the convertibles is empty",
            ..Column::new(
                "description",
                Value::Text(|r| &r.description, |r| &mut r.description),
                Print::Column(155.91),
            )
        },
        Column {
            label: "currency",
            role: Role::Plain,
            short_name: "currency",
            finding_name: "",
            ..Column::new(
                "currency",
                Value::Currency(|r| &r.currency, |r| &mut r.currency),
                Print::Column(39.68),
            )
        },
        Column {
            label: "preceding",
            role: Role::Plain,
            short_name: "amount at close of preceding month",
            finding_name: "Amount at close of preceding month",
            ..Column::new(
                "preceding_amount",
                Value::Amount(|r| &r.preceding_amount, |r| &mut r.preceding_amount),
                Print::Column(85.04),
            )
        },
        Column {
            label: "movement",
            role: Role::Plain,
            short_name: "movement",
            ..Column::new(
                "movements",
                Value::Special(Special::ConvertibleMovements),
                Print::Column(156.45),
            )
        },
        Column {
            label: "close",
            short_name: "amount at close of the month",
            ..Column::new("closing_amount", Value::Closing, Print::Column(85.04))
        },
        Column {
            label: "new_shares",
            role: Role::X1,
            short_name: "new shares issued (C1)",
            finding_name: "C1 (new shares issued)",
            never_negative: true,
            ..Column::new(
                "new_shares",
                Value::Count(|r| &r.new_shares, |r| &mut r.new_shares),
                Print::Column(85.04),
            )
        },
        Column {
            label: "from_treasury",
            role: Role::X2,
            short_name: "treasury shares transferred out (C2)",
            finding_name: "C2 (shares transferred out of treasury)",
            never_negative: true,
            ..Column::new(
                "from_treasury",
                Value::Count(|r| &r.from_treasury, |r| &mut r.from_treasury),
                Print::Column(85.04),
            )
        },
        Column {
            label: "issuable",
            role: Role::Plain,
            short_name: "shares which may be issued at close",
            finding_name: "Shares which may be issued or transferred out of treasury",
            never_negative: true,
            ..Column::new(
                "shares_issuable_at_close",
                Value::Count(
                    |r| &r.shares_issuable_at_close,
                    |r| &mut r.shares_issuable_at_close,
                ),
                Print::Column(85.04),
            )
        },
        Column {
            label: "type_of_convertibles",
            role: Role::Plain,
            short_name: "type of the convertibles",
            ..Column::new(
                "kind",
                Value::Special(Special::ConvertibleType),
                Print::Under,
            )
        },
        Column {
            label: "stock_code",
            role: Role::Plain,
            short_name: "stock code",
            finding_name: "",
            ..Column::new(
                "stock_code",
                Value::Text(|r| &r.stock_code, |r| &mut r.stock_code),
                Print::Under,
            )
        },
        Column {
            label: "conversion_price",
            role: Role::Plain,
            short_name: "conversion price",
            finding_name: "",
            ..Column::new(
                "conversion_price",
                Value::Money(|r| &r.conversion_price, |r| &mut r.conversion_price),
                Print::Under,
            )
        },
        Column {
            label: "gm_approval",
            role: Role::Plain,
            short_name: "general meeting approval date",
            finding_name: "",
            ..Column::new(
                "gm_approval_date",
                Value::Date(|r| &r.gm_approval_date, |r| &mut r.gm_approval_date),
                Print::Under,
            )
        },
    ];

    fn part(ret: &MonthlyReturn) -> &Part<ConvertibleBlock> {
        &ret.part3c
    }
    fn part_mut(ret: &mut MonthlyReturn) -> &mut Part<ConvertibleBlock> {
        &mut ret.part3c
    }
    fn rows(block: &ConvertibleBlock) -> &[Convertible] {
        &block.convertibles
    }
    fn rows_mut(block: &mut ConvertibleBlock) -> &mut Vec<Convertible> {
        &mut block.convertibles
    }
    fn block_class(block: &ConvertibleBlock) -> ClassId {
        block.class
    }
    fn remarks(block: &ConvertibleBlock) -> &str {
        &block.remarks
    }
    fn remarks_mut(block: &mut ConvertibleBlock) -> &mut String {
        &mut block.remarks
    }
    fn row_id(row: &Convertible) -> RowId {
        row.id
    }

    /// The `Others` type's wording and the labels of `Other` movements, when printed.
    fn special_texts(b: usize, r: usize, row: &Convertible) -> Vec<SpecialText<'_>> {
        let mut out = Vec::new();
        if row.kind == ConvertibleType::Others {
            out.push(SpecialText {
                path: path::part3c::kind_other(b, r),
                label: "type_of_convertibles",
                text: &row.kind_other,
            });
        }
        for (m, mv) in row.movements.iter().enumerate() {
            if mv.kind == ConvertibleMovementKind::Other {
                out.push(SpecialText {
                    path: path::part3c::movement_label(b, r, m),
                    label: "movement",
                    text: &mv.label,
                });
            }
        }
        out
    }
}
