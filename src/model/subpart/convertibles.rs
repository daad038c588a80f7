//! III(C): convertibles.

use super::{
    Column, Print, Role, Special, SpecialText, SubPart, Value, closing, count, description,
    gm_approval, issuable, stock_code, x1, x2,
};
use crate::model::path::{self, FormPart};
use crate::model::{
    ClassId, Convertible, ConvertibleBlock, ConvertibleMovementKind, ConvertibleType,
    MonthlyReturn, Part, RowId,
};

impl SubPart for Convertible {
    type Block = ConvertibleBlock;
    const PART: FormPart = FormPart::IIIC;
    const LETTER: char = 'C';
    const ROW_SEGMENT: &'static str = "convertible";
    const ROW_NOUN: &'static str = "convertible";
    const COLUMNS: &'static [Column<Self>] = &[
        description(
            "description",
            field!(Text, description),
            155.91,
            "description",
            "description of the convertibles is empty",
        ),
        Column::new(
            "currency",
            field!(Currency, currency),
            Print::Column(39.68),
            "currency",
        ),
        count(
            "preceding_amount",
            field!(Amount, preceding_amount),
            "amount at close of preceding month",
            "Amount at close of preceding month",
        )
        .label("preceding")
        .role(Role::BroughtForward),
        Column::new(
            "movements",
            Value::Special(Special::ConvertibleMovements),
            Print::Column(156.45),
            "movement",
        )
        .label("movement"),
        closing("closing_amount", "amount at close of the month"),
        x1!("C"),
        x2!("C"),
        issuable(field!(Count, shares_issuable_at_close)),
        Column::new(
            "kind",
            Value::Special(Special::ConvertibleType),
            Print::Under,
            "type of the convertibles",
        )
        .label("type_of_convertibles"),
        stock_code(field!(Text, stock_code)),
        Column::new(
            "conversion_price",
            field!(Money, conversion_price),
            Print::Under,
            "conversion price",
        ),
        gm_approval(field!(Date, gm_approval_date), Print::Under),
    ];

    access!(part3c, ConvertibleBlock, Convertible, convertibles);

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
