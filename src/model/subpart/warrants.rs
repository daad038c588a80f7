//! III(B): warrants to issue shares.

use super::{Column, Print, Role, SubPart, Value};
use crate::model::path::FormPart;
use crate::model::{ClassId, MonthlyReturn, Part, RowId, Warrant, WarrantBlock};

impl SubPart for Warrant {
    type Block = WarrantBlock;
    const PART: FormPart = FormPart::IIIB;
    const LETTER: char = 'B';
    const ROW_SEGMENT: &'static str = "warrant";
    const ROW_NOUN: &'static str = "warrant";
    const COLUMNS: &'static [Column<Self>] = &[
        Column {
            role: Role::Description,
            short_name: "description",
            finding_name: "description of warrants is empty",
            ..Column::new(
                "description",
                Value::Text(|r| &r.description, |r| &mut r.description),
                Print::Column(155.91),
            )
        },
        Column {
            short_name: "date of expiry",
            ..Column::new(
                "expiry_date",
                Value::Date(|r| &r.expiry_date, |r| &mut r.expiry_date),
                Print::InDescription,
            )
        },
        Column {
            short_name: "currency of nominal value",
            ..Column::new(
                "currency",
                Value::Currency(|r| &r.currency, |r| &mut r.currency),
                Print::Column(39.68),
            )
        },
        Column {
            label: "preceding",
            short_name: "nominal value at close of preceding month",
            finding_name: "Nominal value at close of preceding month",
            ..Column::new(
                "preceding_nominal",
                Value::Amount(|r| &r.preceding_nominal, |r| &mut r.preceding_nominal),
                Print::Column(85.04),
            )
        },
        Column {
            label: "exercised",
            short_name: "nominal value exercised during the month",
            finding_name: "Nominal value exercised",
            ..Column::new(
                "exercised_nominal",
                Value::Amount(|r| &r.exercised_nominal, |r| &mut r.exercised_nominal),
                Print::Column(156.45),
            )
        },
        Column {
            label: "close",
            short_name: "nominal value at close of the month",
            ..Column::new("closing_nominal", Value::Closing, Print::Column(85.04))
        },
        Column {
            role: Role::X1,
            short_name: "new shares issued (B1)",
            finding_name: "B1 (new shares issued)",
            never_negative: true,
            ..Column::new(
                "new_shares",
                Value::Count(|r| &r.new_shares, |r| &mut r.new_shares),
                Print::Column(85.04),
            )
        },
        Column {
            role: Role::X2,
            short_name: "treasury shares transferred out (B2)",
            finding_name: "B2 (shares transferred out of treasury)",
            never_negative: true,
            ..Column::new(
                "from_treasury",
                Value::Count(|r| &r.from_treasury, |r| &mut r.from_treasury),
                Print::Column(85.04),
            )
        },
        Column {
            label: "issuable",
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
            short_name: "stock code",
            ..Column::new(
                "stock_code",
                Value::Text(|r| &r.stock_code, |r| &mut r.stock_code),
                Print::Under,
            )
        },
        Column {
            short_name: "subscription price",
            ..Column::new(
                "subscription_price",
                Value::Money(|r| &r.subscription_price, |r| &mut r.subscription_price),
                Print::Under,
            )
        },
        Column {
            label: "gm_approval",
            short_name: "general meeting approval date",
            ..Column::new(
                "gm_approval_date",
                Value::Date(|r| &r.gm_approval_date, |r| &mut r.gm_approval_date),
                Print::Under,
            )
        },
    ];

    fn part(ret: &MonthlyReturn) -> &Part<WarrantBlock> {
        &ret.part3b
    }
    fn part_mut(ret: &mut MonthlyReturn) -> &mut Part<WarrantBlock> {
        &mut ret.part3b
    }
    fn rows(block: &WarrantBlock) -> &[Warrant] {
        &block.warrants
    }
    fn rows_mut(block: &mut WarrantBlock) -> &mut Vec<Warrant> {
        &mut block.warrants
    }
    fn block_class(block: &WarrantBlock) -> ClassId {
        block.class
    }
    fn remarks(block: &WarrantBlock) -> &str {
        &block.remarks
    }
    fn remarks_mut(block: &mut WarrantBlock) -> &mut String {
        &mut block.remarks
    }
    fn row_id(row: &Warrant) -> RowId {
        row.id
    }
}
