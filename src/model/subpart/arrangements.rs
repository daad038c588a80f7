//! III(D): other agreements or arrangements to issue shares (share awards, RSU plans...).

use super::{
    COUNT_WIDTH, Column, Print, SubPart, Value, description, gm_approval, issuable, x1, x2,
};
use crate::model::path::FormPart;
use crate::model::{Arrangement, ArrangementBlock, ClassId, MonthlyReturn, Part, RowId};

impl SubPart for Arrangement {
    type Block = ArrangementBlock;
    const PART: FormPart = FormPart::IIID;
    const LETTER: char = 'D';
    const ROW_SEGMENT: &'static str = "arrangement";
    const ROW_NOUN: &'static str = "arrangement";
    const COLUMNS: &'static [Column<Self>] = &[
        description(
            "description",
            field!(Text, description),
            437.08,
            "description",
            "description of other agreements or arrangements is empty",
        ),
        gm_approval(field!(Date, gm_approval_date), Print::Column(COUNT_WIDTH)),
        x1!("D"),
        x2!("D"),
        issuable(field!(Count, shares_issuable_at_close)),
    ];

    access!(part3d, ArrangementBlock, Arrangement, arrangements);
}
