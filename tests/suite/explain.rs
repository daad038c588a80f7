//! The formula shown on a computed cell restates the calculation: for every derived cell of
//! the examples (and the stress return), the figures it shows work out to the value the
//! calculation derived. Two independent statements of the arithmetic, held to one result.

use monthly_return::calc::{self, Derived};
use monthly_return::model::MonthlyReturn;
use monthly_return::model::path::{self as paths, FieldPath, FormPart};
use rust_decimal::Decimal;
use std::str::FromStr;

fn number(token: &str) -> Decimal {
    Decimal::from_str(&token.replace(',', "")).unwrap_or_else(|_| panic!("not a number: {token}"))
}

/// Works out `= a + b − c`, `= a × b` or `= a ÷ b` (rounded down).
fn evaluate(figures: &str) -> Decimal {
    let tokens: Vec<&str> = figures.split(' ').collect();
    assert_eq!(tokens[0], "=", "{figures}");
    if let [_, a, "×", b] = tokens.as_slice() {
        return number(a) * number(b);
    }
    if let [_, a, "÷", b] = tokens.as_slice() {
        return (number(a) / number(b)).floor();
    }
    let mut total = Decimal::ZERO;
    let mut sign = Decimal::ONE;
    for t in &tokens[1..] {
        match *t {
            "+" => sign = Decimal::ONE,
            "−" => sign = -Decimal::ONE,
            n => total += sign * number(n),
        }
    }
    total
}

/// Every derived cell of `ret` and the value the calculation gave it.
fn derived_cells(ret: &MonthlyReturn, d: &Derived) -> Vec<(FieldPath, Decimal)> {
    let mut cells: Vec<(FieldPath, Option<Decimal>)> = Vec::new();
    let n = |v: Option<i64>| v.map(Decimal::from);
    for (i, f) in d.part1.iter().enumerate() {
        cells.push((paths::part1::close_shares(i), n(f.close_shares)));
        if !ret.part1.part.blocks[i].manual_capital {
            cells.push((paths::part1::preceding_capital(i), f.preceding_capital));
            cells.push((paths::part1::movement_capital(i), f.movement_capital));
        }
        cells.push((paths::part1::close_capital(i), f.close_capital));
    }
    for (ccy, total) in &d.capital_totals {
        cells.push((paths::part1::total(ccy), *total));
    }
    for (i, f) in d.part2.iter().enumerate() {
        cells.push((paths::part2::preceding_total(i), n(f.preceding_total)));
        cells.push((
            paths::part2::close_excluding_treasury(i),
            n(f.close_excluding_treasury),
        ));
        cells.push((paths::part2::close_treasury(i), n(f.close_treasury)));
        cells.push((paths::part2::close_total(i), n(f.close_total)));
    }
    for (b, f) in d.part3a.iter().enumerate() {
        for (s, v) in f.closing_outstanding.iter().enumerate() {
            cells.push((paths::part3a::closing_outstanding(b, s), n(*v)));
        }
        cells.push((paths::summary::xx1(FormPart::IIIA, b), n(f.summary.xx1)));
        cells.push((paths::summary::xx2(FormPart::IIIA, b), n(f.summary.xx2)));
    }
    for (b, f) in d.part3b.iter().enumerate() {
        for (w, v) in f.closing_nominal.iter().enumerate() {
            cells.push((paths::part3b::closing_nominal(b, w), *v));
        }
        cells.push((paths::summary::xx1(FormPart::IIIB, b), n(f.summary.xx1)));
        cells.push((paths::summary::xx2(FormPart::IIIB, b), n(f.summary.xx2)));
    }
    for (b, f) in d.part3c.iter().enumerate() {
        for (c, v) in f.closing_amount.iter().enumerate() {
            cells.push((paths::part3c::closing_amount(b, c), *v));
        }
        cells.push((paths::summary::xx1(FormPart::IIIC, b), n(f.summary.xx1)));
        cells.push((paths::summary::xx2(FormPart::IIIC, b), n(f.summary.xx2)));
    }
    for (b, f) in d.part3d.iter().enumerate() {
        cells.push((paths::summary::xx1(FormPart::IIID, b), n(f.summary.xx1)));
        cells.push((paths::summary::xx2(FormPart::IIID, b), n(f.summary.xx2)));
    }
    for (b, f) in d.part3e.iter().enumerate() {
        cells.push((paths::part3e::ee1(b), n(f.ee1)));
        cells.push((paths::part3e::ee2(b), n(f.ee2)));
    }
    for t in &d.class_totals {
        cells.push((
            paths::part3e::total_excluding_treasury(t.class),
            n(t.total_excluding_treasury),
        ));
        cells.push((paths::part3e::total_treasury(t.class), n(t.total_treasury)));
    }
    for (i, f) in d.part4.iter().enumerate() {
        cells.push((paths::part4::close_hdrs(i), n(f.close_hdrs)));
        if f.underlying_shares.is_some() {
            cells.push((paths::part4::underlying_shares(i), n(f.underlying_shares)));
        }
    }
    cells
        .into_iter()
        .filter_map(|(p, v)| v.map(|v| (p, v)))
        .collect()
}

fn examples() -> Vec<(String, MonthlyReturn)> {
    let mut all = vec![
        ("kingsoft".to_string(), super::common::kingsoft()),
        ("moon".to_string(), super::common::moon()),
        ("stress".to_string(), super::common::stress()),
    ];
    for entry in std::fs::read_dir("templates/examples").unwrap() {
        let path = entry.unwrap().path();
        // The Form 6-K profile beside the example drafts is not a return.
        if path.to_string_lossy().ends_with("-6k-profile.ron") {
            continue;
        }
        all.push((
            path.display().to_string(),
            monthly_return::io::load(&path).unwrap(),
        ));
    }
    all
}

#[test]
fn every_computed_cell_explains_itself_with_figures_that_give_its_value() {
    for (name, ret) in examples() {
        let d = calc::derive(&ret);
        let cells = derived_cells(&ret, &d);
        assert!(cells.len() > 10, "{name}: {} cells", cells.len());
        for (path, value) in cells {
            let formula = calc::explain(&ret, &d, &path)
                .unwrap_or_else(|| panic!("{name}: no formula for {path}"));
            assert!(formula.words.contains(" = "), "{name} {path}: {formula}");
            if formula.figures.contains(" more") {
                // A long sum shows its first terms only; it cannot be added up here.
                continue;
            }
            assert_eq!(
                evaluate(&formula.figures),
                value,
                "{name} {path}: {formula}"
            );
        }
    }
}

#[test]
fn a_formula_reads_as_arithmetic() {
    let mut ret = MonthlyReturn::blank();
    let b = &mut ret.part2.part.blocks[0];
    b.preceding.excluding_treasury = Some(3_805_284_801);
    b.movement.excluding_treasury = Some(250_000);
    b.movement.treasury = Some(-5_000);
    let d = calc::derive(&ret);
    let f = calc::explain(&ret, &d, &paths::part2::close_excluding_treasury(0)).unwrap();
    assert_eq!(f.figures, "= 3,805,284,801 + 250,000");
    assert_eq!(
        f.words,
        "Balance at close = preceding + increase / decrease"
    );
    // A negative movement is taken away, not added as "+ -5,000"; a blank counts as 0.
    let f = calc::explain(&ret, &d, &paths::part2::close_treasury(0)).unwrap();
    assert_eq!(f.figures, "= 0 − 5,000");
    // An input has no formula.
    assert_eq!(
        calc::explain(&ret, &d, &paths::part2::movement_treasury(0)),
        None
    );
}
