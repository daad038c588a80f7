//! Importing a published return's PDF: our exports of every example and of generated returns
//! come back identical, the HKEX reference PDF comes back with every printed figure, bad input
//! is refused with a clear error and never panics, and the CLI's `import` and
//! `roll-forward RETURN.pdf`.

use std::path::{Path, PathBuf};

use monthly_return::import::{self, ImportError, Producer};
use monthly_return::model::*;
use monthly_return::{calc, io, rules};

use crate::common;

fn example_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("templates/examples")
        .join(name)
}

fn reference_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/reference/ff301-v1.2.0-moon-inc-2026-01.pdf")
}

fn reference() -> Vec<u8> {
    // The worktree sits two levels below /work; fall back to the absolute location.
    std::fs::read(reference_path())
        .or_else(|_| std::fs::read("/work/shared/reference/ff301-v1.2.0-moon-inc-2026-01.pdf"))
        .expect("the HKEX reference PDF")
}

/// `ret` with class ids 1, 2, … in class-list order (blocks follow) and row ids renumbered in
/// document order: what an import assigns, so two returns compare by content alone.
pub fn canonical(ret: &MonthlyReturn) -> MonthlyReturn {
    let mut r = ret.clone();
    let map: Vec<(ClassId, ClassId)> = r
        .classes
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id, ClassId(i as u32 + 1)))
        .collect();
    let remap = |id: &mut ClassId| {
        if let Some((_, n)) = map.iter().find(|(o, _)| o == id) {
            *id = *n;
        }
    };
    for (i, c) in r.classes.iter_mut().enumerate() {
        c.id = ClassId(i as u32 + 1);
        c.other_counters.iter_mut().for_each(|x| x.id = RowId(0));
    }
    for b in &mut r.part1.part.blocks {
        remap(&mut b.class);
        b.id = RowId(0);
    }
    for b in &mut r.part2.part.blocks {
        remap(&mut b.class);
        b.id = RowId(0);
    }
    for b in &mut r.part3a.blocks {
        remap(&mut b.class);
        b.id = RowId(0);
        b.schemes.iter_mut().for_each(|x| x.id = RowId(0));
    }
    for b in &mut r.part3b.blocks {
        remap(&mut b.class);
        b.id = RowId(0);
        b.warrants.iter_mut().for_each(|x| x.id = RowId(0));
    }
    for b in &mut r.part3c.blocks {
        remap(&mut b.class);
        b.id = RowId(0);
        for c in &mut b.convertibles {
            c.id = RowId(0);
            c.movements.iter_mut().for_each(|m| m.id = RowId(0));
        }
    }
    for b in &mut r.part3d.blocks {
        remap(&mut b.class);
        b.id = RowId(0);
        b.arrangements.iter_mut().for_each(|x| x.id = RowId(0));
    }
    for b in &mut r.part3e.blocks {
        remap(&mut b.class);
        b.id = RowId(0);
        b.events.iter_mut().for_each(|x| x.id = RowId(0));
    }
    r.part4.part.blocks.iter_mut().for_each(|h| h.id = RowId(0));
    r.ensure_row_ids();
    r
}

fn issues_text(issues: &[import::ImportIssue]) -> String {
    issues
        .iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first lines where the pretty-printed returns differ, with the field paths above them.
fn first_difference(got: &MonthlyReturn, want: &MonthlyReturn) -> String {
    let (g, w) = (format!("{got:#?}"), format!("{want:#?}"));
    let (g, w): (Vec<&str>, Vec<&str>) = (g.lines().collect(), w.lines().collect());
    let at = g
        .iter()
        .zip(&w)
        .position(|(a, b)| a != b)
        .unwrap_or(g.len().min(w.len()));
    let from = at.saturating_sub(12);
    format!(
        "imported:\n{}\nexpected:\n{}",
        g[from..(at + 3).min(g.len())].join("\n"),
        w[from..(at + 3).min(w.len())].join("\n")
    )
}

/// Exports `ret` the way the CLI does and imports the PDF back.
fn round_trip(ret: &MonthlyReturn) -> import::Imported {
    let pdf = common::export(ret).expect("export");
    import::import_pdf(&pdf).expect("import")
}

#[test]
fn every_example_exports_and_imports_back_identical() {
    let dir = example_path("");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    names.sort();
    assert!(names.len() >= 4, "{names:?}");
    for path in names {
        let ret = io::load(&path).unwrap();
        let back = round_trip(&ret);
        assert!(
            back.issues.is_empty(),
            "{}: {}",
            path.display(),
            issues_text(&back.issues)
        );
        assert_eq!(back.producer, Producer::ThisProgram);
        assert_eq!(back.template, ret.template_version);
        assert_eq!(
            back.ret,
            canonical(&ret),
            "{} came back different",
            path.display()
        );
    }
}

/// 20 classes, 50 option schemes and 10 events a class, long wrapped texts: ~195 pages.
#[test]
fn the_stress_return_imports_back_identical() {
    let mut ret = common::stress();
    let back = round_trip(&ret);
    // Its texts end in a space, which no printed form shows: compare them trimmed.
    for c in &mut ret.classes {
        c.description = c.description.trim().to_string();
    }
    for b in &mut ret.part3a.blocks {
        b.remarks = b.remarks.trim().to_string();
    }
    assert!(back.pages > 150, "{} pages", back.pages);
    assert!(back.issues.is_empty(), "{}", issues_text(&back.issues));
    let want = canonical(&ret);
    assert!(back.ret == want, "{}", first_difference(&back.ret, &want));
}

#[test]
fn the_hkex_reference_imports_to_the_moon_example() {
    let imported = import::import_pdf(&reference()).unwrap();
    assert_eq!(imported.producer, Producer::Hkex);
    assert_eq!(imported.template, TemplateVersion::V1_2_0);
    assert_eq!(imported.pages, 10);
    assert!(
        imported.issues.is_empty(),
        "{}",
        issues_text(&imported.issues)
    );
    let ret = &imported.ret;
    let d = calc::derive(ret);
    let findings = rules::check(ret, &d, None);
    assert_eq!(
        rules::count(&findings, rules::Severity::Error),
        0,
        "{findings:#?}"
    );
    // Every figure, date and text the reference prints (read off the PDF with pdftotext).
    let h = &ret.header;
    assert_eq!(h.issuer_name, "Moon Inc.");
    assert_eq!(h.month_end, common::day(2026, 1, 31));
    assert_eq!(h.date_submitted, common::day(2026, 2, 2));
    assert_eq!(h.status, SubmissionStatus::NewSubmission);
    assert_eq!(ret.classes.len(), 1);
    let c = &ret.classes[0];
    assert_eq!(c.class_of_shares, ClassOfShares::Ordinary);
    assert_eq!(c.type_of_shares, TypeOfShares::NotApplicable);
    assert!(c.listed);
    assert_eq!(c.stock_code, "01723");
    assert_eq!(c.description, "Ordinary Shares");
    let p1 = &ret.part1.part.blocks[0];
    assert_eq!(p1.preceding_shares, Some(10_000_000_000));
    assert_eq!(p1.movement_shares, None);
    assert_eq!(p1.par_value, Money::new("HKD", common::dec("0.01")));
    assert_eq!(
        d.part1[0].close_capital,
        Some(common::dec("100000000")),
        "HKD 100,000,000 printed"
    );
    let p2 = &ret.part2.part.blocks[0];
    assert_eq!(p2.preceding.excluding_treasury, Some(478_272_000));
    assert_eq!(p2.preceding.treasury, Some(0));
    assert_eq!(p2.movement, IssuedRow::default());
    assert_eq!(p2.public_float.complied, Some(true));
    assert_eq!(
        p2.public_float.threshold,
        "Initial Prescribed Threshold - 25% of the total number of issued shares in the class to which the listed shares belong\n(excluding treasury shares)"
    );
    assert_eq!(p2.public_float.additional_information, "");
    assert!(ret.part3a.not_applicable && ret.part3b.not_applicable);
    assert!(ret.part3d.not_applicable && ret.part3e.not_applicable);
    assert!(ret.part4.part.not_applicable);
    let cv = &ret.part3c.blocks[0].convertibles[0];
    assert_eq!(
        cv.description,
        "Convertible Notes in the aggregate principal amount of HK$52,377,600 issued under general mandate on 22 October 2025"
    );
    assert_eq!(cv.currency, "HKD");
    assert_eq!(cv.preceding_amount, Some(common::dec("52377600")));
    assert_eq!(cv.movements.len(), 1);
    assert_eq!(cv.movements[0].kind, ConvertibleMovementKind::Issued);
    assert_eq!(cv.movements[0].amount, None);
    assert_eq!((cv.new_shares, cv.from_treasury), (None, None));
    assert_eq!(cv.shares_issuable_at_close, Some(10_475_520));
    assert_eq!(cv.kind, ConvertibleType::BondNotes);
    assert_eq!(cv.stock_code, "");
    assert_eq!(cv.conversion_price, Money::new("HKD", common::dec("5")));
    assert_eq!(cv.gm_approval_date, common::day(2024, 9, 5));
    assert!(
        ret.part5.amended_items.iter().all(Option::is_none),
        "{:#?}",
        ret.part5.amended_items
    );
    assert_eq!(ret.part5.submitted_by, "Chan Ming Kei");
    assert_eq!(ret.part5.title, "Company Secretary");
    // And the hand-made draft of the same filing.
    let example = io::load(&example_path("moon-inc-2026-01.ron")).unwrap();
    assert_eq!(ret, &canonical(&example));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(32))]

    /// Generated returns (every part, up to 6 classes and 6 rows a block, Chinese text with the
    /// test font) export and import back identical, with no issues. The 20-class, 50-row case
    /// is `the_stress_return_imports_back_identical`.
    #[test]
    fn generated_returns_export_and_import_back_identical(
        ret in crate::import_gen::printable_return(6, 6)
    ) {
        let pdf = monthly_return::pdf::fonts::with_cjk_font(Some(common::cjk_fixture()), || {
            common::export(&ret)
        })
        .expect("export");
        let back = import::import_pdf(&pdf).expect("import");
        proptest::prop_assert!(
            back.issues.is_empty(),
            "{}\n{:#?}",
            issues_text(&back.issues),
            back.ret.classes
        );
        let want = canonical(&ret);
        proptest::prop_assert!(back.ret == want, "{}", first_difference(&back.ret, &want));
    }
}
