//! How classes and `Other` choices are named on the PDF and in messages: two WVR classes of
//! type `Other` (Class A / Class B) are told apart by their description, as HKEX prints them
//! (real filings read `WVR ordinary shares A` / `WVR ordinary shares B` in the totals), and an
//! `Other (please specify)` event keeps the form's label before the typed text.

use monthly_return::calc::derive;
use monthly_return::model::{
    ClassId, ClassOfShares, Event, EventBlock, IssuedBlock, MonthlyReturn, Part, ShareClass,
    TypeOfIssue, TypeOfShares,
};
use monthly_return::pdf::layout::{LayoutOptions, layout};
use monthly_return::rules;

fn wvr(id: u32, description: &str) -> ShareClass {
    ShareClass {
        class_of_shares: ClassOfShares::WvrOrdinary,
        type_of_shares: TypeOfShares::Other,
        description: description.into(),
        ..ShareClass::new(ClassId(id))
    }
}

fn conversion(change: i64) -> Event {
    Event {
        type_of_issue: TypeOfIssue::Other,
        other_description: "Conversion of Class B shares into Class A shares".into(),
        change_excluding_treasury: Some(change),
        ..Event::default()
    }
}

/// A v1.2.0 return with a Class A and a Class B of WVR ordinary shares, one conversion of
/// 1,000 Class B shares into Class A in III(E), and no public float box ticked.
fn two_wvr_classes() -> MonthlyReturn {
    let mut ret = crate::common::moon();
    ret.classes = vec![wvr(1, "Class A"), wvr(2, "Class B")];
    ret.part2.part.blocks = vec![IssuedBlock::new(ClassId(1)), IssuedBlock::new(ClassId(2))];
    ret.part3c = Part {
        not_applicable: true,
        blocks: Vec::new(),
    };
    ret.part3e = Part {
        not_applicable: false,
        blocks: vec![
            EventBlock {
                class: ClassId(1),
                events: vec![conversion(1_000)],
                ..EventBlock::default()
            },
            EventBlock {
                class: ClassId(2),
                events: vec![conversion(-1_000)],
                ..EventBlock::default()
            },
        ],
    };
    ret
}

fn printed(ret: &MonthlyReturn) -> Vec<String> {
    layout(ret, &derive(ret), &LayoutOptions::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .iter()
        .flat_map(|p| p.texts().map(|t| t.text.clone()).collect::<Vec<_>>())
        .collect()
}

#[test]
fn wvr_classes_of_type_other_are_named_by_their_description() {
    let texts = printed(&two_wvr_classes());
    for expected in [
        "WVR ordinary shares Class A (EE1)",
        "WVR ordinary shares Class B (EE1)",
        "WVR ordinary shares Class A (EE2)",
        "WVR ordinary shares Class B (EE2)",
    ] {
        assert!(texts.iter().any(|t| t == expected), "{expected} missing");
    }
    // Grand totals: each class once per line, under its own name.
    for name in ["WVR ordinary shares Class A", "WVR ordinary shares Class B"] {
        assert_eq!(texts.iter().filter(|t| *t == name).count(), 2, "{name}");
    }
}

#[test]
fn messages_name_each_class_apart() {
    let ret = two_wvr_classes();
    let d = derive(&ret);
    let messages: Vec<String> = rules::check(&ret, &d, None)
        .into_iter()
        .filter(|f| f.rule == "II-005")
        .map(|f| f.message)
        .collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages[0].starts_with("WVR ordinary shares Class A:"),
        "{messages:?}"
    );
    assert!(
        messages[1].starts_with("WVR ordinary shares Class B:"),
        "{messages:?}"
    );
}

#[test]
fn a_description_that_already_names_the_class_is_not_repeated() {
    let mut class = wvr(1, "WVR ordinary shares Class A");
    assert_eq!(class.summary_name(), "WVR ordinary shares Class A");
    class.class_of_shares = ClassOfShares::Other;
    class.type_of_shares = TypeOfShares::H;
    class.description = "Unlisted foreign shares".into();
    assert_eq!(class.summary_name(), "Unlisted foreign shares (H)");
    // Without a description there is nothing else to tell them apart by.
    class.description.clear();
    assert_eq!(
        class.summary_name(),
        "Other class (specify in description) (H)"
    );
}

#[test]
fn other_events_print_the_label_and_the_typed_text() {
    let texts = printed(&two_wvr_classes()).join(" ");
    assert!(
        texts.contains("Other (please specify): Conversion of Class B"),
        "{texts}"
    );
}
