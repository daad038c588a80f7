//! III(A): share options under share option schemes.

use super::{Column, Print, Role, Special, SubPart, Value};
use crate::model::path::FormPart;
use crate::model::{ClassId, Money, MonthlyReturn, OptionBlock, OptionScheme, Part, RowId};

impl SubPart for OptionScheme {
    type Block = OptionBlock;
    const PART: FormPart = FormPart::IIIA;
    const LETTER: char = 'A';
    const ROW_SEGMENT: &'static str = "scheme";
    const ROW_NOUN: &'static str = "option scheme";
    const ROW_NAME: &'static str = "scheme";
    const COLUMNS: &'static [Column<Self>] = &[
        Column {
            label: "particulars",
            role: Role::Description,
            short_name: "particulars",
            finding_name: "particulars of share option scheme are empty",
            ..Column::new(
                "particulars",
                Value::Text(|r| &r.particulars, |r| &mut r.particulars),
                Print::Column(110.55),
            )
        },
        Column {
            label: "preceding",
            role: Role::Plain,
            short_name: "options outstanding at close of preceding month",
            finding_name: "Options outstanding at close of preceding month",
            never_negative: false,
            ..Column::new(
                "preceding_outstanding",
                Value::Count(
                    |r| &r.preceding_outstanding,
                    |r| &mut r.preceding_outstanding,
                ),
                Print::Column(85.04),
            )
        },
        Column {
            label: "movement",
            role: Role::Plain,
            short_name: "options",
            ..Column::new(
                "movements",
                Value::Special(Special::OptionMovements),
                Print::Column(156.45),
            )
        },
        Column {
            label: "close",
            short_name: "options outstanding at close of the month",
            ..Column::new("closing_outstanding", Value::Closing, Print::Column(85.04))
        },
        Column {
            label: "new_shares",
            role: Role::X1,
            short_name: "new shares issued (A1)",
            finding_name: "A1 (new shares issued)",
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
            short_name: "treasury shares transferred out (A2)",
            finding_name: "A2 (shares transferred out of treasury)",
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
            label: "remaining",
            role: Role::Plain,
            short_name: "shares issuable on options still to be granted",
            finding_name: "Shares issuable under options still to be granted",
            never_negative: true,
            ..Column::new(
                "remaining_to_be_granted",
                Value::Count(
                    |r| &r.remaining_to_be_granted,
                    |r| &mut r.remaining_to_be_granted,
                ),
                Print::Column(85.04),
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

    fn part(ret: &MonthlyReturn) -> &Part<OptionBlock> {
        &ret.part3a
    }
    fn part_mut(ret: &mut MonthlyReturn) -> &mut Part<OptionBlock> {
        &mut ret.part3a
    }
    fn rows(block: &OptionBlock) -> &[OptionScheme] {
        &block.schemes
    }
    fn rows_mut(block: &mut OptionBlock) -> &mut Vec<OptionScheme> {
        &mut block.schemes
    }
    fn block_class(block: &OptionBlock) -> ClassId {
        block.class
    }
    fn remarks(block: &OptionBlock) -> &str {
        &block.remarks
    }
    fn remarks_mut(block: &mut OptionBlock) -> &mut String {
        &mut block.remarks
    }
    fn row_id(row: &OptionScheme) -> RowId {
        row.id
    }

    fn funds_raised(block: &OptionBlock) -> Option<&Money> {
        Some(&block.funds_raised)
    }
}
