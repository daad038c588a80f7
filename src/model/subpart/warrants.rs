//! III(B): warrants to issue shares.

use super::{
    Column, Print, Role, SubPart, Value, closing, count, description, gm_approval, issuable,
    stock_code, x1, x2,
};
use crate::model::path::FormPart;
use crate::model::{ClassId, MonthlyReturn, Part, RowId, Warrant, WarrantBlock};

impl SubPart for Warrant {
    type Block = WarrantBlock;
    const PART: FormPart = FormPart::IIIB;
    const LETTER: char = 'B';
    const ROW_SEGMENT: &'static str = "warrant";
    const ROW_NOUN: &'static str = "warrant";
    const COLUMNS: &'static [Column<Self>] = &[
        description(
            "description",
            field!(Text, description),
            155.91,
            "description",
            "description of warrants is empty",
        ),
        Column::new(
            "expiry_date",
            field!(Date, expiry_date),
            Print::InDescription,
            "date of expiry",
        ),
        Column::new(
            "currency",
            field!(Currency, currency),
            Print::Column(39.68),
            "currency of nominal value",
        ),
        count(
            "preceding_nominal",
            field!(Amount, preceding_nominal),
            "nominal value at close of preceding month",
            "Nominal value at close of preceding month",
        )
        .label("preceding")
        .role(Role::BroughtForward),
        Column::new(
            "exercised_nominal",
            field!(Amount, exercised_nominal),
            Print::Column(156.45),
            "nominal value exercised during the month",
        )
        .label("exercised")
        .finding("Nominal value exercised"),
        closing("closing_nominal", "nominal value at close of the month"),
        x1!("B"),
        x2!("B"),
        issuable(field!(Count, shares_issuable_at_close)),
        stock_code(field!(Text, stock_code)),
        Column::new(
            "subscription_price",
            field!(Money, subscription_price),
            Print::Under,
            "subscription price",
        ),
        gm_approval(field!(Date, gm_approval_date), Print::Under),
    ];

    access!(part3b, WarrantBlock, Warrant, warrants);
}
