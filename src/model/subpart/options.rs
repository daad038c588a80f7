//! III(A): share options under share option schemes.

use super::{
    Column, Print, Role, Special, SubPart, Value, closing, count, description, gm_approval,
    issuable, x1, x2,
};
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
        description(
            "particulars",
            field!(Text, particulars),
            110.55,
            "particulars",
            "particulars of share option scheme are empty",
        ),
        count(
            "preceding_outstanding",
            field!(Count, preceding_outstanding),
            "options outstanding at close of preceding month",
            "Options outstanding at close of preceding month",
        )
        .label("preceding")
        .role(Role::BroughtForward),
        Column::new(
            "movements",
            Value::Special(Special::OptionMovements),
            Print::Column(156.45),
            "options",
        )
        .label("movement"),
        closing(
            "closing_outstanding",
            "options outstanding at close of the month",
        ),
        x1!("A"),
        x2!("A"),
        issuable(field!(Count, shares_issuable_at_close)),
        count(
            "remaining_to_be_granted",
            field!(Count, remaining_to_be_granted),
            "shares issuable on options still to be granted",
            "Shares issuable under options still to be granted",
        )
        .label("remaining")
        .never_negative(),
        gm_approval(field!(Date, gm_approval_date), Print::Under),
    ];

    access!(part3a, OptionBlock, OptionScheme, schemes);

    fn funds_raised(block: &OptionBlock) -> Option<&Money> {
        Some(&block.funds_raised)
    }
}
