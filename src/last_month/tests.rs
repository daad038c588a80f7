use super::*;
use crate::calc::derive;
use crate::model::path::FormPart;
use crate::model::{ClassOfShares, LinkKind, TypeOfShares};
use crate::rollforward::roll_forward;
use rust_decimal::Decimal;

fn kingsoft() -> MonthlyReturn {
    crate::io::from_str(include_str!(
        "../../templates/examples/kingsoft-cloud-2024-10.ron"
    ))
    .unwrap()
}

fn h_and_a() -> MonthlyReturn {
    crate::io::from_str(include_str!(
        "../../templates/examples/h-and-a-shares-2025-03.ron"
    ))
    .unwrap()
}

/// The snapshot holds the figures the filed return printed at close (Kingsoft, October 2024:
/// 40,000,000,000 authorised at USD 0.001, capital USD 40,000,000; 3,805,284,801 issued, 0
/// treasury), and names where it came from.
#[test]
fn capture_keeps_the_printed_closing_figures() {
    let ret = kingsoft();
    let source = LinkSource {
        kind: LinkKind::Draft,
        file: "kingsoft.ron".to_string(),
    };
    let last = capture(&ret, &derive(&ret), source.clone());
    assert_eq!(last.source, source);
    assert_eq!(
        last.month_end,
        chrono::NaiveDate::from_ymd_opt(2024, 10, 31)
    );
    assert_eq!(last.classes.len(), 1);
    assert_eq!(last.classes[0].stock_code, "03896");
    assert_eq!(last.part1[0].shares, Some(40_000_000_000));
    assert_eq!(last.part1[0].par_value, Some(Decimal::new(1, 3)));
    assert_eq!(last.part1[0].capital, Some(Decimal::new(40_000_000, 0)));
    assert_eq!(last.part1[0].currency, "USD");
    assert_eq!(last.part2[0].excluding_treasury, Some(3_805_284_801));
    assert_eq!(last.part2[0].treasury, Some(0));
    assert_eq!(last.part3a.len(), ret.part3a.active().len());
}

/// Rolling forward links the new month to the old one: what it carries and what it records
/// are the same figures, found by two different routes.
#[test]
fn roll_forward_records_the_closing_figures_it_carries() {
    for ret in [kingsoft(), h_and_a()] {
        let next = roll_forward(&ret).unwrap();
        let last = next.last_month.as_ref().unwrap();
        assert_eq!(last.month_end, ret.header.month_end);
        for (b, block) in next.part2.part.active().iter().enumerate() {
            assert_eq!(
                last.part2[b].excluding_treasury,
                block.preceding.excluding_treasury
            );
            assert_eq!(last.part2[b].treasury, block.preceding.treasury);
        }
        for (b, block) in next.part3a.active().iter().enumerate() {
            for (s, scheme) in block.schemes.iter().enumerate() {
                assert_eq!(last.part3a[b].rows[s].count, scheme.preceding_outstanding);
            }
        }
        // The month before's link is replaced, not nested.
        let twice = roll_forward(&next).unwrap();
        assert_eq!(twice.last_month.unwrap().month_end, next.header.month_end);
    }
}

fn class(of: ClassOfShares, ty: TypeOfShares, code: &str, description: &str) -> ShareClass {
    ShareClass {
        class_of_shares: of,
        type_of_shares: ty,
        stock_code: code.to_string(),
        description: description.to_string(),
        listed: true,
        ..ShareClass::default()
    }
}

fn snapshot_of(classes: &[ShareClass]) -> LastMonth {
    LastMonth {
        classes: classes.iter().map(last_class).collect(),
        ..LastMonth::default()
    }
}

fn return_with(classes: Vec<ShareClass>) -> MonthlyReturn {
    let mut ret = MonthlyReturn::blank();
    ret.classes = classes
        .into_iter()
        .enumerate()
        .map(|(i, mut c)| {
            c.id = ClassId(10 + i as u32);
            c
        })
        .collect();
    ret
}

#[test]
fn classes_match_by_identity_then_stock_code_then_only_candidate() {
    use ClassOfShares::*;
    use TypeOfShares::*;
    let last = snapshot_of(&[
        class(Ordinary, H, "01234", ""),
        class(Ordinary, A, "601234", ""),
        class(Preference, NotApplicable, "", "Series 1"),
        class(WvrOrdinary, TypeOfShares::Other, "", "Class B"),
    ]);
    let ret = return_with(vec![
        // Same stock code, corrected description: found by stock code.
        class(Ordinary, A, "601234", "A shares"),
        class(Ordinary, H, "01234", ""),
        // The only preference class on both sides, renamed: found as the only candidate.
        class(Preference, NotApplicable, "", "Series 1 (renamed)"),
        // New this month.
        class(Ordinary, NotApplicable, "09999", ""),
    ]);
    let m = ClassMatch::new(&last, &ret);
    assert_eq!(m.last(ClassId(10)), Some(1));
    assert_eq!(m.last(ClassId(11)), Some(0));
    assert_eq!(m.last(ClassId(12)), Some(2));
    assert_eq!(m.last(ClassId(13)), None);
}

/// Two classes of one kind with no stock code and changed descriptions: no guess is made.
#[test]
fn ambiguous_classes_are_not_matched() {
    use ClassOfShares::*;
    use TypeOfShares::*;
    let last = snapshot_of(&[
        class(Preference, NotApplicable, "", "Series 1"),
        class(Preference, NotApplicable, "", "Series 2"),
    ]);
    let ret = return_with(vec![
        class(Preference, NotApplicable, "", "Series A"),
        class(Preference, NotApplicable, "", "Series B"),
    ]);
    let m = ClassMatch::new(&last, &ret);
    assert_eq!(m.last(ClassId(10)), None);
    assert_eq!(m.last(ClassId(11)), None);
}

/// The stored link is what the rules check against when no other is given.
#[test]
fn rules_check_against_the_linked_month() {
    let mut next = roll_forward(&kingsoft()).unwrap();
    let prev_rules = |r: &MonthlyReturn| -> Vec<crate::rules::Finding> {
        crate::rules::check(r, &derive(r), None)
            .into_iter()
            .filter(|f| f.rule.starts_with("PREV-"))
            .collect()
    };
    assert!(prev_rules(&next).is_empty());
    next.part2.part.blocks[0].preceding.excluding_treasury = Some(3_805_284_800);
    let found = prev_rules(&next);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].rule, "PREV-003");
    assert_eq!(
        found[0].path.as_str(),
        "II/class[0]/preceding/excluding_treasury"
    );
    assert!(
        found[0].message.contains("closed at 3,805,284,801")
            && found[0].message.contains("difference -1"),
        "{}",
        found[0].message
    );
    // Unlinked, nothing is compared.
    next.last_month = None;
    assert!(prev_rules(&next).is_empty());
}

#[test]
fn comparison_of_a_rolled_forward_return_agrees_everywhere() {
    let ret = h_and_a();
    let next = roll_forward(&ret).unwrap();
    let c = compare(next.last_month.as_ref().unwrap(), &next, &derive(&next));
    assert!(!c.lines.is_empty());
    assert_eq!(c.disagreements(), 0, "{}", c.to_text());
    assert!(c.lines.iter().all(|l| l.status == Status::Agrees));
    // Nothing moved yet in the new month.
    assert!(c.lines.iter().all(|l| !l.moved()), "{}", c.to_text());
    assert!(
        c.to_text()
            .contains("Every balance brought forward agrees with last month's close."),
        "{}",
        c.to_text()
    );
}

#[test]
fn comparison_names_changed_new_and_vanished_rows() {
    let ret = kingsoft();
    let mut next = roll_forward(&ret).unwrap();
    // A mistyped brought-forward balance, a movement, a new class and a vanished scheme.
    next.part2.part.blocks[0].preceding.excluding_treasury = Some(3_805_284_810);
    next.part2.part.blocks[0].movement.excluding_treasury = Some(250_000);
    let new_class = crate::model::ShareClass {
        stock_code: "09999".to_string(),
        class_of_shares: ClassOfShares::Preference,
        ..ShareClass::new(next.next_class_id())
    };
    next.part2
        .part
        .blocks
        .push(crate::model::IssuedBlock::new(new_class.id));
    next.classes.push(new_class);
    let schemes = next.part3a.blocks[0].schemes.len();
    assert!(schemes > 0);
    next.part3a.blocks[0].schemes.pop();
    next.ensure_row_ids();

    let c = compare(next.last_month.as_ref().unwrap(), &next, &derive(&next));
    let text = c.to_text();
    assert_eq!(c.disagreements(), 1, "{text}");
    let wrong = c
        .lines
        .iter()
        .find(|l| l.status == Status::Disagrees)
        .unwrap();
    assert_eq!(wrong.figure, "issued shares excluding treasury");
    assert_eq!(wrong.difference().as_deref(), Some("+9"));
    assert_eq!(wrong.movement().as_deref(), Some("+250,000"));
    assert!(wrong.moved());
    assert_eq!(
        wrong.path.as_ref().map(|p| p.as_str()),
        Some("II/class[0]/preceding/excluding_treasury")
    );
    assert!(
        text.contains(
            "! Ordinary shares › issued shares excluding treasury: last month closed at \
             3,805,284,801; brought forward 3,805,284,810 (difference +9); movement +250,000; \
             close 3,805,534,810"
        ),
        "{text}"
    );
    assert!(
        c.lines
            .iter()
            .any(|l| l.status == Status::New && l.class == "Preference shares"),
        "{text}"
    );
    let gone: Vec<_> = c
        .lines
        .iter()
        .filter(|l| l.status == Status::Vanished)
        .collect();
    assert_eq!(gone.len(), 1, "{text}");
    assert_eq!(gone[0].part, FormPart::IIIA);
    assert!(text.contains("1 balance brought forward differs"), "{text}");
    // The order is stable: the same text again.
    assert_eq!(
        compare(next.last_month.as_ref().unwrap(), &next, &derive(&next)).to_text(),
        text
    );
}
