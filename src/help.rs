//! What each field means, in the form's terms and from its notes, for the editor's hover and
//! F1 help. The texts are data (`templates/ff301-help.ron`), keyed by a field's shape (its path
//! without row numbers, see [`FieldPath::shape`]).
//!
//! Lookup order for a field `IIIB/class/warrant/subscription_price/amount`: the shape itself;
//! `any/<last segment>`; then the same two for the shape without its last segment (so the
//! amount and the currency of a money field share the field's text). The first found wins;
//! `None` when nothing matches.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::path::FieldPath;

const HELP_RON: &str = include_str!("../templates/ff301-help.ron");

fn texts() -> &'static HashMap<String, String> {
    static TEXTS: OnceLock<HashMap<String, String>> = OnceLock::new();
    // The file is part of the program and a test parses it: an error here is a build defect,
    // and the editor then simply shows no help rather than failing.
    TEXTS.get_or_init(|| ron::from_str(HELP_RON).unwrap_or_default())
}

/// The help text of the field at `path`, if the form's notes say anything about it.
pub fn field_help(path: &FieldPath) -> Option<&'static str> {
    lookup(texts(), &path.shape())
}

fn lookup<'a>(texts: &'a HashMap<String, String>, shape: &str) -> Option<&'a str> {
    let mut shape = shape;
    for _ in 0..2 {
        if let Some(t) = texts.get(shape) {
            return Some(t);
        }
        let (rest, last) = shape.rsplit_once('/')?;
        if let Some(t) = texts.get(&format!("any/{last}")) {
            return Some(t);
        }
        shape = rest;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OptionMovement;
    use crate::model::path::*;

    #[test]
    fn the_help_file_parses() {
        let parsed: Result<HashMap<String, String>, _> = ron::from_str(HELP_RON);
        assert!(parsed.is_ok(), "{parsed:?}");
    }

    /// Every input of every part has its own text (not only its part's), found through the
    /// lookup order, and no key in the file is unreachable (a stale or mistyped shape).
    #[test]
    fn every_field_has_help_and_every_text_is_used() {
        let fields = [
            header::issuer_name(),
            header::month_end(),
            header::status(),
            header::date_submitted(),
            header::template_version(),
            classes::class_of_shares(0),
            classes::type_of_shares(0),
            classes::listed(0),
            classes::stock_code(0),
            classes::description(0),
            classes::counter_stock_code(0, 1),
            classes::counter_currency(0, 1),
            classes::counter_description(0, 1),
            part::not_applicable(FormPart::IIIB),
            part::block_class(FormPart::II, 2),
            part::remarks(FormPart::I),
            part::block_remarks(FormPart::IIIA, 0),
            part1::preceding_shares(0),
            part1::movement_shares(0),
            part1::close_shares(0),
            part1::par_value(0),
            part1::par_value_currency(0),
            part1::closing_par_value(0),
            part1::manual_capital(0),
            part1::preceding_capital(0),
            part1::movement_capital(0),
            part1::close_capital(0),
            part1::total("HKD"),
            part2::preceding_excluding_treasury(0),
            part2::preceding_treasury(0),
            part2::preceding_total(0),
            part2::movement_excluding_treasury(0),
            part2::movement_treasury(0),
            part2::close_excluding_treasury(0),
            part2::close_treasury(0),
            part2::close_total(0),
            part2::public_float_complied(0),
            part2::public_float_threshold(0),
            part2::public_float_additional_information(0),
            part3a::particulars(0, 0),
            part3a::preceding_outstanding(0, 0),
            part3a::movement(0, 0, OptionMovement::Granted),
            part3a::movement(0, 0, OptionMovement::Exercised),
            part3a::movement(0, 0, OptionMovement::Cancelled),
            part3a::movement(0, 0, OptionMovement::Lapsed),
            part3a::closing_outstanding(0, 0),
            part3a::new_shares(0, 0),
            part3a::from_treasury(0, 0),
            part3a::shares_issuable_at_close(0, 0),
            part3a::remaining_to_be_granted(0, 0),
            part3a::gm_approval_date(0, 0),
            part3a::funds_raised(0),
            part3a::funds_raised_currency(0),
            part3b::description(0, 0),
            part3b::expiry_date(0, 0),
            part3b::currency(0, 0),
            part3b::preceding_nominal(0, 0),
            part3b::exercised_nominal(0, 0),
            part3b::closing_nominal(0, 0),
            part3b::new_shares(0, 0),
            part3b::from_treasury(0, 0),
            part3b::shares_issuable_at_close(0, 0),
            part3b::stock_code(0, 0),
            part3b::gm_approval_date(0, 0),
            part3b::subscription_price(0, 0),
            part3b::subscription_price_currency(0, 0),
            part3c::description(0, 0),
            part3c::kind(0, 0),
            part3c::kind_other(0, 0),
            part3c::currency(0, 0),
            part3c::preceding_amount(0, 0),
            part3c::closing_amount(0, 0),
            part3c::new_shares(0, 0),
            part3c::from_treasury(0, 0),
            part3c::shares_issuable_at_close(0, 0),
            part3c::stock_code(0, 0),
            part3c::gm_approval_date(0, 0),
            part3c::conversion_price(0, 0),
            part3c::movement_kind(0, 0, 0),
            part3c::movement_label(0, 0, 0),
            part3c::movement_amount(0, 0, 0),
            part3d::description(0, 0),
            part3d::gm_approval_date(0, 0),
            part3d::new_shares(0, 0),
            part3d::from_treasury(0, 0),
            part3d::shares_issuable_at_close(0, 0),
            part3e::type_of_issue(0, 0),
            part3e::other_description(0, 0),
            part3e::price(0, 0),
            part3e::event_date(0, 0),
            part3e::gm_approval_date(0, 0),
            part3e::change_excluding_treasury(0, 0),
            part3e::change_treasury(0, 0),
            part3e::pending_cancellation(0, 0),
            part3e::ee1(0),
            part3e::ee2(0),
            part3e::total_excluding_treasury(crate::model::ClassId(1)),
            part3e::total_treasury(crate::model::ClassId(1)),
            summary::xx1(FormPart::IIIC, 0),
            summary::xx2(FormPart::IIID, 0),
            part4::description(0),
            part4::stock_code(0),
            part4::depositary(0),
            part4::hdrs_per_share(0),
            part4::preceding_hdrs(0),
            part4::movement_hdrs(0),
            part4::close_hdrs(0),
            part4::underlying_shares(0),
            part5::item(3),
            part5::submitted_by(),
            part5::title(),
        ];
        let texts = texts();
        let mut used = std::collections::HashSet::new();
        for f in &fields {
            let text = field_help(f);
            assert!(text.is_some(), "no help for {f}");
            let key = texts
                .iter()
                .find(|(_, t)| Some(t.as_str()) == text)
                .map(|(k, _)| k);
            used.extend(key);
        }
        let unused: Vec<_> = texts.keys().filter(|k| !used.contains(k)).collect();
        assert!(unused.is_empty(), "help never shown: {unused:?}");
        // A specific text wins over the `any/` one.
        assert!(
            field_help(&part3a::shares_issuable_at_close(0, 0))
                .is_some_and(|t| t.contains("options outstanding"))
        );
        assert!(
            field_help(&part3d::shares_issuable_at_close(0, 0))
                .is_some_and(|t| t.contains("under this row"))
        );
    }
}
