//! III(D): other agreements or arrangements to issue shares (share awards, RSU plans...).

use super::{Column, Print, Role, SubPart, Value};
use crate::model::path::FormPart;
use crate::model::{Arrangement, ArrangementBlock, ClassId, MonthlyReturn, Part, RowId};

impl SubPart for Arrangement {
    type Block = ArrangementBlock;
    const PART: FormPart = FormPart::IIID;
    const LETTER: char = 'D';
    const ROW_SEGMENT: &'static str = "arrangement";
    const ROW_NOUN: &'static str = "arrangement";
    const COLUMNS: &'static [Column<Self>] = &[
        Column {
            label: "description",
            role: Role::Description,
            short_name: "description",
            finding_name: "description of other agreements or arrangements is empty",
            ..Column::new(
                "description",
                Value::Text(|r| &r.description, |r| &mut r.description),
                Print::Column(437.08),
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
                Print::Column(85.04),
            )
        },
        Column {
            label: "new_shares",
            role: Role::X1,
            short_name: "new shares issued (D1)",
            finding_name: "D1 (new shares issued)",
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
            short_name: "treasury shares transferred out (D2)",
            finding_name: "D2 (shares transferred out of treasury)",
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
    ];

    fn part(ret: &MonthlyReturn) -> &Part<ArrangementBlock> {
        &ret.part3d
    }
    fn part_mut(ret: &mut MonthlyReturn) -> &mut Part<ArrangementBlock> {
        &mut ret.part3d
    }
    fn rows(block: &ArrangementBlock) -> &[Arrangement] {
        &block.arrangements
    }
    fn rows_mut(block: &mut ArrangementBlock) -> &mut Vec<Arrangement> {
        &mut block.arrangements
    }
    fn block_class(block: &ArrangementBlock) -> ClassId {
        block.class
    }
    fn remarks(block: &ArrangementBlock) -> &str {
        &block.remarks
    }
    fn remarks_mut(block: &mut ArrangementBlock) -> &mut String {
        &mut block.remarks
    }
    fn row_id(row: &Arrangement) -> RowId {
        row.id
    }
}
