//! III(E): other movements in issued shares and/or treasury shares (placings, repurchases,
//! cancellations...). E1 and E2 are signed changes, so they have no sign rule here.

use super::{Column, Print, Role, Special, SpecialText, SubPart, Value};
use crate::model::TypeOfIssue;
use crate::model::path;
use crate::model::path::FormPart;
use crate::model::{ClassId, Event, EventBlock, MonthlyReturn, Part, RowId};

impl SubPart for Event {
    type Block = EventBlock;
    const PART: FormPart = FormPart::IIIE;
    const LETTER: char = 'E';
    const ROW_SEGMENT: &'static str = "event";
    const ROW_NOUN: &'static str = "event";
    const COLUMNS: &'static [Column<Self>] = &[
        Column {
            label: "type_of_issue",
            role: Role::Description,
            short_name: "type of issue",
            ..Column::new(
                "type_of_issue",
                Value::Special(Special::TypeOfIssue),
                Print::Column(195.59),
            )
        },
        Column {
            label: "price",
            role: Role::Plain,
            short_name: "price",
            finding_name: "",
            ..Column::new(
                "price",
                Value::Money(|r| &r.price, |r| &mut r.price),
                Print::SplitColumn(39.68, 116.77),
            )
        },
        Column {
            label: "event_date",
            role: Role::Plain,
            short_name: "date of event",
            finding_name: "",
            ..Column::new(
                "event_date",
                Value::Date(|r| &r.event_date, |r| &mut r.event_date),
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
                Print::Column(85.04),
            )
        },
        Column {
            label: "change_excluding_treasury",
            role: Role::X1,
            short_name: "change in issued shares (E1)",
            finding_name: "E1 (change in issued shares)",
            never_negative: false,
            ..Column::new(
                "change_excluding_treasury",
                Value::Count(
                    |r| &r.change_excluding_treasury,
                    |r| &mut r.change_excluding_treasury,
                ),
                Print::Column(85.04),
            )
        },
        Column {
            label: "change_treasury",
            role: Role::X2,
            short_name: "change in treasury shares (E2)",
            finding_name: "E2 (change in treasury shares)",
            never_negative: false,
            ..Column::new(
                "change_treasury",
                Value::Count(|r| &r.change_treasury, |r| &mut r.change_treasury),
                Print::Column(85.04),
            )
        },
        Column {
            label: "pending_cancellation",
            role: Role::Plain,
            short_name: "shares pending cancellation",
            finding_name: "Shares pending cancellation",
            never_negative: false,
            ..Column::new(
                "pending_cancellation",
                Value::Count(|r| &r.pending_cancellation, |r| &mut r.pending_cancellation),
                Print::Column(85.04),
            )
        },
    ];

    fn part(ret: &MonthlyReturn) -> &Part<EventBlock> {
        &ret.part3e
    }
    fn part_mut(ret: &mut MonthlyReturn) -> &mut Part<EventBlock> {
        &mut ret.part3e
    }
    fn rows(block: &EventBlock) -> &[Event] {
        &block.events
    }
    fn rows_mut(block: &mut EventBlock) -> &mut Vec<Event> {
        &mut block.events
    }
    fn block_class(block: &EventBlock) -> ClassId {
        block.class
    }
    fn remarks(block: &EventBlock) -> &str {
        &block.remarks
    }
    fn remarks_mut(block: &mut EventBlock) -> &mut String {
        &mut block.remarks
    }
    fn row_id(row: &Event) -> RowId {
        row.id
    }

    /// The wording of an `Other (please specify)` type of issue.
    fn special_texts(b: usize, r: usize, row: &Event) -> Vec<SpecialText<'_>> {
        if row.type_of_issue != TypeOfIssue::Other {
            return Vec::new();
        }
        vec![SpecialText {
            path: path::part3e::other_description(b, r),
            label: "type_of_issue",
            text: &row.other_description,
        }]
    }
}
