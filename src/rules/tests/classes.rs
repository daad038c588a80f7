//! The share-class plausibility rules (STR-009, STR-010) beyond their triggers.

use super::*;

/// STR-010 takes the Exchange's 4- and 5-digit codes, and a six-digit mainland code only on an
/// A-share class.
#[test]
fn stock_codes_of_four_or_five_digits_or_a_mainland_a_share_code_pass() {
    let fires = |code: &str, kind: TypeOfShares| {
        let mut r = clean();
        r.classes[0].stock_code = code.to_string();
        r.classes[0].type_of_shares = kind;
        !of_rule(&run(&r), "STR-010").is_empty()
    };
    assert!(!fires("9999", TypeOfShares::NotApplicable));
    assert!(!fires("03896", TypeOfShares::H));
    assert!(!fires("601398", TypeOfShares::A));
    assert!(fires("601398", TypeOfShares::H));
    assert!(fires("60139X", TypeOfShares::A));
    assert!(!fires("1398 ", TypeOfShares::NotApplicable), "trimmed");
    assert!(fires("13 98", TypeOfShares::NotApplicable));
}
