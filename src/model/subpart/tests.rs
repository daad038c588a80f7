use super::*;
use crate::model::{Arrangement, Convertible, Event, OptionScheme, Warrant};

/// Checks what every description must hold; returns the path segments for more checks.
fn check<S: SubPart>() -> Vec<&'static str> {
    let keys: Vec<&str> = S::COLUMNS.iter().map(|c| c.key).collect();
    let mut unique = keys.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(
        unique.len(),
        keys.len(),
        "{:?}: a path segment twice",
        S::PART
    );
    assert_eq!(
        S::COLUMNS.first().map(|c| c.role),
        Some(Role::Description),
        "{:?}: the first column describes the row",
        S::PART
    );
    for c in S::COLUMNS {
        assert!(
            !c.short_name.is_empty(),
            "{:?} {}: no editor name",
            S::PART,
            c.key
        );
        if c.never_negative || c.role == Role::X1 || c.role == Role::X2 {
            assert!(
                !c.finding_name.is_empty(),
                "{:?} {}: no name for findings",
                S::PART,
                c.key
            );
        }
    }
    assert!(S::column_of(Role::X1).is_some() && S::column_of(Role::X2).is_some());
    keys
}

#[test]
fn every_description_is_complete() {
    check::<OptionScheme>();
    check::<Warrant>();
    check::<Convertible>();
    check::<Arrangement>();
    check::<Event>();
}

#[test]
fn paths_are_the_documented_ones() {
    let new_shares = Warrant::column("new_shares").map(|c| Warrant::cell_path(0, 2, c));
    assert_eq!(
        new_shares.as_ref().map(FieldPath::as_str),
        Some("IIIB/class[0]/warrant[2]/new_shares")
    );
    assert_eq!(
        Some(Arrangement::cell_path(1, 0, &Arrangement::COLUMNS[0])),
        Some(crate::model::path::part3d::description(1, 0))
    );
}

/// The table columns of each sub-part span the printed table exactly (20.69 pt to 797.93 pt).
#[test]
fn table_columns_fill_the_printed_width() {
    fn width<S: SubPart>() -> f64 {
        S::COLUMNS
            .iter()
            .map(|c| match c.print {
                Print::Column(w) => f64::from(w),
                Print::SplitColumn(a, b) => f64::from(a) + f64::from(b),
                _ => 0.0,
            })
            .sum()
    }
    for w in [
        width::<OptionScheme>(),
        width::<Warrant>(),
        width::<Convertible>(),
        width::<Arrangement>(),
        width::<Event>(),
    ] {
        assert!((w - (797.93 - 20.69)).abs() < 0.01, "{w}");
    }
}

#[test]
fn x1_and_x2_come_from_the_described_columns() {
    let w = Warrant {
        new_shares: Some(3),
        from_treasury: Some(4),
        ..Warrant::default()
    };
    assert_eq!(Warrant::x1_x2(&w), (Some(3), Some(4)));
    let e = Event {
        change_excluding_treasury: Some(-5),
        ..Event::default()
    };
    assert_eq!(Event::x1_x2(&e), (Some(-5), None));
}

/// Every heading a description refers to is in `templates/ff301-texts.ron`: adding a column
/// without its wording fails here, not as a blank heading on a printed return.
#[test]
fn every_label_key_has_its_text() {
    fn check<S: SubPart>() {
        let p3 = &crate::template::texts().part3;
        assert!(p3.sub(S::PART).is_some());
        // Every column, printed or not: the editor labels each one.
        for c in S::COLUMNS {
            assert!(
                !p3.label(S::PART, c.label).is_empty(),
                "{:?}: no text for label {:?}",
                S::PART,
                c.label
            );
        }
    }
    check::<OptionScheme>();
    check::<Warrant>();
    check::<Convertible>();
    check::<Arrangement>();
    check::<Event>();
}

/// The sub-parts with a balance carried from month to month name the column it is brought
/// forward into; the roll-forward rules compare it with last month's close.
#[test]
fn balances_name_their_brought_forward_column() {
    assert_eq!(
        OptionScheme::column_of(Role::BroughtForward).map(|c| c.key),
        Some("preceding_outstanding")
    );
    assert_eq!(
        Warrant::column_of(Role::BroughtForward).map(|c| c.key),
        Some("preceding_nominal")
    );
    assert_eq!(
        Convertible::column_of(Role::BroughtForward).map(|c| c.key),
        Some("preceding_amount")
    );
    assert!(Arrangement::column_of(Role::BroughtForward).is_none());
    assert!(Event::column_of(Role::BroughtForward).is_none());
}
