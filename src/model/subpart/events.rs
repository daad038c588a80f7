//! III(E): other movements in issued shares and/or treasury shares (placings, repurchases,
//! cancellations...). E1 and E2 are signed changes, so they have no sign rule here.

use super::{
    COUNT_WIDTH, Column, Print, Role, Special, SpecialText, SubPart, Value, count, gm_approval,
};
use crate::model::path::{self, FormPart};
use crate::model::{ClassId, Event, EventBlock, MonthlyReturn, Part, RowId, TypeOfIssue};

impl SubPart for Event {
    type Block = EventBlock;
    const PART: FormPart = FormPart::IIIE;
    const LETTER: char = 'E';
    const ROW_SEGMENT: &'static str = "event";
    const ROW_NOUN: &'static str = "event";
    const COLUMNS: &'static [Column<Self>] = &[
        Column::new(
            "type_of_issue",
            Value::Special(Special::TypeOfIssue),
            Print::Column(195.59),
            "type of issue",
        )
        .role(Role::Description),
        Column::new(
            "price",
            field!(Money, price),
            Print::SplitColumn(39.68, 116.77),
            "price",
        ),
        Column::new(
            "event_date",
            field!(Date, event_date),
            Print::Column(COUNT_WIDTH),
            "date of event",
        ),
        gm_approval(field!(Date, gm_approval_date), Print::Column(COUNT_WIDTH)),
        count(
            "change_excluding_treasury",
            field!(Count, change_excluding_treasury),
            "change in issued shares (E1)",
            "E1 (change in issued shares)",
        )
        .role(Role::X1),
        count(
            "change_treasury",
            field!(Count, change_treasury),
            "change in treasury shares (E2)",
            "E2 (change in treasury shares)",
        )
        .role(Role::X2),
        count(
            "pending_cancellation",
            field!(Count, pending_cancellation),
            "shares pending cancellation",
            "Shares pending cancellation",
        ),
    ];

    access!(part3e, EventBlock, Event, events);

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
