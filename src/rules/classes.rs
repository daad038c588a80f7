//! STR-009/010: plausibility of a listed class's stock code, the code every reader of the
//! return looks the issuer up by.

use super::{Collector, Context, Rule, Severity, blank};
use crate::model::path as paths;

pub(super) const STR_009: Rule = Rule {
    id: "STR-009",
    severity: Severity::Warning,
    title: "Listed class without a stock code",
    explanation: "A class listed on the Exchange (Note 1) trades under a stock code, printed in \
        the class header of every part. Enter it, or untick Listed when the class is not \
        listed on the Exchange.",
    check: str_009,
};

fn str_009(ctx: &Context<'_>, out: &mut Collector) {
    for (i, class) in ctx.ret.classes.iter().enumerate() {
        if class.listed && blank(&class.stock_code) {
            STR_009.emit(
                out,
                format!("Class {} is listed but has no stock code", i + 1),
                paths::classes::stock_code(i),
            );
        }
    }
}

pub(super) const STR_010: Rule = Rule {
    id: "STR-010",
    severity: Severity::Warning,
    title: "Stock code of a listed class is not 4 or 5 digits",
    explanation: "Stock codes on the Exchange are numbers of up to five digits, written with \
        leading zeros as five (`03896`) or as four (`9999`). A letter, a space or a sixth digit \
        usually means a typing error or a code of another exchange (enter that in the \
        description, and untick Listed if the class is not listed on the Exchange). An A-share \
        class may carry its six-digit mainland code.",
    check: str_010,
};

fn str_010(ctx: &Context<'_>, out: &mut Collector) {
    for (i, class) in ctx.ret.classes.iter().enumerate() {
        let code = class.stock_code.trim();
        let mainland = class.type_of_shares == crate::model::TypeOfShares::A
            && code.len() == 6
            && code.bytes().all(|b| b.is_ascii_digit());
        if class.listed && !code.is_empty() && !is_hk_stock_code(code) && !mainland {
            STR_010.emit(
                out,
                format!(
                    "Class {}: stock code \"{code}\" is not 4 or 5 digits",
                    i + 1
                ),
                paths::classes::stock_code(i),
            );
        }
    }
}

/// Four or five digits (`9999`, `03896`).
fn is_hk_stock_code(code: &str) -> bool {
    (4..=5).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit())
}
