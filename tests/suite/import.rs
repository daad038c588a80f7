//! Importing a published return's PDF: our exports of every example and of generated returns
//! come back identical, the HKEX reference PDF comes back with every printed figure, bad input
//! is refused with a clear error and never panics, and the CLI's `import` and
//! `roll-forward RETURN.pdf`.

use std::path::PathBuf;

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
        .join("tests/fixtures/reference/ff301-v1.2.0-moon-inc-2026-01.pdf")
}

fn reference() -> Vec<u8> {
    std::fs::read(reference_path()).expect("the HKEX reference PDF")
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
/// Export then import.
fn round_trip(ret: &MonthlyReturn) -> import::Imported {
    let pdf = common::export(ret).expect("export");
    import_export_of(ret, &pdf)
}

/// Imports `pdf`, the export of `ret`. A generated return usually has errors, so its PDF
/// carries the draft mark and the import says so first; that one issue is about the PDF, not
/// the figures, and is taken off here (tested by
/// `a_pdf_marked_draft_imports_with_an_issue_saying_so`).
fn import_export_of(ret: &MonthlyReturn, pdf: &[u8]) -> import::Imported {
    let mut imported = import::import_pdf(pdf).expect("import");
    let d = calc::derive(ret);
    if rules::count(&rules::check(ret, &d, None), rules::Severity::Error) > 0 {
        assert!(
            imported
                .issues
                .first()
                .is_some_and(|i| i.message.contains("marked \u{201c}DRAFT")),
            "{}",
            issues_text(&imported.issues)
        );
        imported.issues.remove(0);
    }
    imported
}

#[test]
fn every_example_exports_and_imports_back_identical() {
    let dir = example_path("");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        // The Form 6-K profile beside the example drafts is not a return.
        .filter(|p| !p.to_string_lossy().ends_with("-6k-profile.ron"))
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
        let back = import_export_of(&ret, &pdf);
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

// ---- Bad input: each error with its message; nothing panics. ----

use monthly_return::pdf::{self, DocMeta, Font, Item, Page, Rect};

fn err(bytes: &[u8]) -> ImportError {
    match import::import_pdf(bytes) {
        Ok(i) => panic!("imported {} pages from bad input", i.pages),
        Err(e) => e,
    }
}

#[test]
fn a_file_that_is_not_a_pdf_is_refused() {
    let e = err(b"(\n    format_version: 2,\n)");
    assert!(matches!(e, ImportError::NotPdf { .. }), "{e:?}");
    let msg = e.to_string();
    assert!(msg.contains("%PDF-") && msg.contains("format_ver"), "{msg}");
    assert!(matches!(err(b""), ImportError::NotPdf { .. }));
}

#[test]
fn a_damaged_pdf_is_refused_with_the_parser_message() {
    let e =
        err(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << >>\n%%EOF");
    assert!(matches!(e, ImportError::Damaged(_)), "{e:?}");
    assert!(
        e.to_string()
            .starts_with("the PDF is damaged and cannot be read: "),
        "{e}"
    );
}

#[test]
fn an_encrypted_pdf_is_refused() {
    let pdf = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n\
2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n\
3 0 obj << /Filter /Standard /V 2 /R 3 /Length 128 /P -4 /O <00> /U <00> >> endobj\n\
trailer << /Root 1 0 R /Encrypt 3 0 R /ID [<01> <01>] >>\n%%EOF";
    let e = err(pdf);
    assert!(matches!(e, ImportError::Encrypted), "{e:?}");
    assert!(e.to_string().contains("password"), "{e}");
}

fn one_page(draw: impl FnOnce(&mut Page)) -> Vec<u8> {
    let mut page = Page::a4_landscape();
    draw(&mut page);
    pdf::emit(&[page], &DocMeta::default()).unwrap()
}

#[test]
fn a_pdf_without_text_is_taken_for_a_scan() {
    let bytes = one_page(|p| p.stroke_rect(Rect::from_edges(20.0, 20.0, 400.0, 300.0), 0.5));
    let e = err(&bytes);
    assert!(matches!(e, ImportError::NoText), "{e:?}");
    assert!(e.to_string().contains("scanned"), "{e}");
}

#[test]
fn a_pdf_that_is_not_an_ff301_return_is_refused_with_what_it_says() {
    let bytes = one_page(|p| p.text(72.0, 100.0, Font::Regular, 12.0, "Annual Report 2025"));
    let e = err(&bytes);
    match &e {
        ImportError::NotFf301 { found } => assert_eq!(found, "Annual Report 2025"),
        other => panic!("{other:?}"),
    }
    assert!(
        e.to_string().contains("Monthly Return for Equity Issuer"),
        "{e}"
    );
}

#[test]
fn an_unknown_template_version_is_refused() {
    let ret = io::load(&example_path("kingsoft-cloud-2024-10.ron")).unwrap();
    let d = calc::derive(&ret);
    let mut pages = pdf::export_pages(&ret, &d, &rules::check(&ret, &d, None)).unwrap();
    for page in &mut pages {
        for item in &mut page.items {
            if let Item::Text(t) = item
                && t.text == "v 1.1.0"
            {
                t.text = "v 1.3.0".into();
            }
        }
    }
    let bytes = pdf::emit(&pages, &DocMeta::default()).unwrap();
    let e = err(&bytes);
    match &e {
        ImportError::UnknownTemplate { found } => assert_eq!(found, "v 1.3.0"),
        other => panic!("{other:?}"),
    }
    assert!(e.to_string().contains("\"v 1.1.0\" or \"v 1.2.0\""), "{e}");
}

#[test]
fn files_over_50_mb_are_refused_before_reading() {
    let big = vec![b' '; import::MAX_PDF_BYTES as usize + 1];
    assert!(matches!(err(&big), ImportError::TooLarge { .. }));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.pdf");
    let f = std::fs::File::create(&path).unwrap();
    // Sparse: 60 MB that are never written, so reading them would show.
    f.set_len(60 * 1024 * 1024).unwrap();
    let e = import::import_file(&path).unwrap_err();
    match &e {
        ImportError::TooLarge { size, max } => {
            assert_eq!((*size, *max), (60 * 1024 * 1024, 50 * 1024 * 1024))
        }
        other => panic!("{other:?}"),
    }
    assert!(e.to_string().contains("62914560 bytes"), "{e}");
    let e = import::import_file(&dir.path().join("missing.pdf")).unwrap_err();
    assert!(matches!(e, ImportError::Io { .. }), "{e:?}");
    assert!(e.to_string().contains("missing.pdf"), "{e}");
}

/// Deterministic pseudo-random numbers (a 64-bit LCG): the same cases every run.
fn lcg(seed: &mut u64) -> u64 {
    *seed = seed
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    *seed >> 33
}

/// Truncations at every 1 % and 150 copies with 1–8 bytes flipped never panic; whatever
/// imports is still a return the rules and the arithmetic can take.
fn survives_damage(bytes: &[u8]) {
    let check = |b: &[u8]| {
        if let Ok(i) = import::import_pdf(b) {
            let d = calc::derive(&i.ret);
            let _ = rules::check(&i.ret, &d, None);
        }
    };
    for pct in 0..100 {
        check(&bytes[..bytes.len() * pct / 100]);
    }
    let mut seed = 0x5eed;
    for _ in 0..150 {
        let mut b = bytes.to_vec();
        for _ in 0..=(lcg(&mut seed) % 8) {
            let at = (lcg(&mut seed) as usize) % b.len();
            b[at] ^= 1 << (lcg(&mut seed) % 8);
        }
        check(&b);
    }
}

#[test]
fn damaged_copies_of_the_reference_never_panic() {
    survives_damage(&reference());
}

#[test]
fn damaged_copies_of_an_export_never_panic() {
    let ret = io::load(&example_path("h-and-a-shares-2025-03.ron")).unwrap();
    survives_damage(&common::export(&ret).unwrap());
}

// ---- The command line. ----

fn bin(args: &[&std::ffi::OsStr]) -> (Option<i32>, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_monthly-return"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn os(s: &str) -> &std::ffi::OsStr {
    s.as_ref()
}

#[test]
fn cli_import_writes_the_draft_of_the_reference() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("moon.pdf");
    std::fs::write(&pdf, reference()).unwrap();
    let draft = dir.path().join("moon.ron");
    let (code, out, err) = bin(&[os("import"), pdf.as_os_str(), os("-o"), draft.as_os_str()]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(
        out.contains("v1.2.0 return of 10 pages (HKEX PDF)"),
        "{out}"
    );
    assert_eq!(err, "");
    let example = io::load(&example_path("moon-inc-2026-01.ron")).unwrap();
    assert_eq!(io::load(&draft).unwrap(), canonical(&example));
    // Not replaced without --force; replaced with it; never the input.
    let (code, _, err) = bin(&[os("import"), pdf.as_os_str(), os("-o"), draft.as_os_str()]);
    assert_eq!(code, Some(3), "{err}");
    assert!(err.contains("already exists"), "{err}");
    let (code, _, _) = bin(&[
        os("import"),
        pdf.as_os_str(),
        os("-o"),
        draft.as_os_str(),
        os("--force"),
    ]);
    assert_eq!(code, Some(0));
    let (code, _, err) = bin(&[
        os("import"),
        pdf.as_os_str(),
        os("-o"),
        pdf.as_os_str(),
        os("--force"),
    ]);
    assert_eq!(code, Some(3), "{err}");
    assert_eq!(std::fs::read(&pdf).unwrap(), reference());
}

#[test]
fn cli_import_lists_issues_by_page_and_field_and_still_writes() {
    // Kingsoft's export with part II's totals misprinted (one share too many).
    let ret = io::load(&example_path("kingsoft-cloud-2024-10.ron")).unwrap();
    let d = calc::derive(&ret);
    let mut pages = pdf::export_pages(&ret, &d, &rules::check(&ret, &d, None)).unwrap();
    let mut changed = 0;
    for page in &mut pages {
        for item in &mut page.items {
            if let Item::Text(t) = item
                && t.text == "3,805,284,801"
                && t.x > 700.0
            {
                t.text = "3,805,284,802".into();
                changed += 1;
            }
        }
    }
    assert_eq!(changed, 2, "the preceding and closing totals");
    let dir = tempfile::tempdir().unwrap();
    let pdf_path = dir.path().join("k.pdf");
    std::fs::write(&pdf_path, pdf::emit(&pages, &DocMeta::default()).unwrap()).unwrap();
    let draft = dir.path().join("k.ron");
    let (code, out, err) = bin(&[
        os("import"),
        pdf_path.as_os_str(),
        os("-o"),
        draft.as_os_str(),
    ]);
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(out.contains("2 issues to review"), "{out}");
    for line in [
        "page 2: Part II › class block 1 › balance at close of preceding month › total: printed 3,805,284,802, computed 3,805,284,801",
        "page 2: Part II › class block 1 › balance at close of the month › total: printed 3,805,284,802, computed 3,805,284,801",
    ] {
        assert!(err.contains(line), "{line}\n---\n{err}");
    }
    assert_eq!(io::load(&draft).unwrap(), canonical(&ret));
}

#[test]
fn cli_import_of_bad_input_exits_2_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("out.ron");
    let (code, _, err) = bin(&[
        os("import"),
        example_path("moon-inc-2026-01.ron").as_os_str(),
        os("-o"),
        draft.as_os_str(),
    ]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("not a PDF"), "{err}");
    assert!(!draft.exists());
}

#[test]
fn cli_roll_forward_takes_a_published_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("moon.pdf");
    std::fs::write(&pdf, reference()).unwrap();
    let next = dir.path().join("feb.ron");
    let (code, out, err) = bin(&[
        os("roll-forward"),
        pdf.as_os_str(),
        os("-o"),
        next.as_os_str(),
    ]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("month ended 28 February 2026"), "{out}");
    let feb = io::load(&next).unwrap();
    assert_eq!(feb.header.month_end, common::day(2026, 2, 28));
    assert_eq!(feb.header.issuer_name, "Moon Inc.");
    assert_eq!(
        feb.part1.part.blocks[0].preceding_shares,
        Some(10_000_000_000)
    );
    assert_eq!(
        feb.part2.part.blocks[0].preceding.excluding_treasury,
        Some(478_272_000)
    );
    // Same output as rolling the hand-made draft forward.
    let from_draft = dir.path().join("feb2.ron");
    let (code, _, err) = bin(&[
        os("roll-forward"),
        example_path("moon-inc-2026-01.ron").as_os_str(),
        os("-o"),
        from_draft.as_os_str(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    // February is linked to January's published PDF: the same closing figures as the draft's,
    // only the source differs.
    let link = feb.last_month.clone().unwrap();
    assert_eq!(
        link.source.kind,
        monthly_return::model::LinkKind::PublishedPdf
    );
    assert_eq!(link.source.file, "moon.pdf");
    let mut from_draft = canonical(&io::load(&from_draft).unwrap());
    if let Some(l) = from_draft.last_month.as_mut() {
        l.source = link.source.clone();
    }
    assert_eq!(feb, from_draft);
}

#[test]
fn text_printed_where_no_field_is_reported_not_dropped() {
    let ret = io::load(&example_path("kingsoft-cloud-2024-10.ron")).unwrap();
    let d = calc::derive(&ret);
    let mut pages = pdf::export_pages(&ret, &d, &rules::check(&ret, &d, None)).unwrap();
    // A figure in the empty space below part II's table.
    pages[1].text(300.0, 400.0, Font::Regular, 9.0, "12,345");
    let bytes = pdf::emit(&pages, &DocMeta::default()).unwrap();
    let imported = import::import_pdf(&bytes).unwrap();
    assert_eq!(
        imported.issues.len(),
        1,
        "{}",
        issues_text(&imported.issues)
    );
    assert_eq!(
        imported.issues[0].to_string(),
        "page 2: Text: \"12,345\" at 300 pt from the left, 400 pt from the top was not read into any field"
    );
    assert_eq!(imported.ret, canonical(&ret));
}

/// A file that looks like a return but floods one part with labels and stray text: the import
/// finishes promptly (look-ups stay linear) and reports rather than hangs.
#[test]
fn a_flood_of_labels_is_read_in_bounded_time() {
    let t = monthly_return::template::texts();
    let mut pages = Vec::new();
    for n in 0..20 {
        let mut page = Page::a4_landscape();
        page.text(761.56, 27.27, Font::Regular, 9.0, "FF301");
        if n == 0 {
            page.text(22.11, 97.1, Font::Bold, 11.0, t.title.clone());
            page.text(23.53, 150.0, Font::Bold, 10.0, t.part1.heading.clone());
        }
        for k in 0..1_500 {
            let y = 40.0 + (k % 300) as f32 * 1.6;
            let x = 20.0 + (k / 300) as f32 * 150.0;
            let text = match k % 3 {
                0 => t.part1.total.clone(),
                1 => "1. Class of shares".to_string(),
                _ => format!("stray {k}"),
            };
            page.text(x, y, Font::Regular, 9.0, text);
        }
        page.text(763.82, 547.76, Font::Regular, 9.0, "v 1.2.0");
        pages.push(page);
    }
    let bytes = pdf::emit(&pages, &DocMeta::default()).unwrap();
    let start = std::time::Instant::now();
    let imported = import::import_pdf(&bytes).unwrap();
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
    assert!(!imported.issues.is_empty());
}

#[test]
fn chinese_text_passes_through() {
    let mut ret = io::load(&example_path("kingsoft-cloud-2024-10.ron")).unwrap();
    ret.header.issuer_name = "金山云控股有限公司".into();
    ret.classes[0].description = "中國香港 控股".into();
    ret.part5.submitted_by = "陳大文".into();
    ret.part1.remarks = "金山云 Kingsoft Cloud 控股".into();
    let pdf = monthly_return::pdf::fonts::with_cjk_font(Some(common::cjk_fixture()), || {
        common::export(&ret)
    })
    .unwrap();
    let back = import::import_pdf(&pdf).unwrap();
    assert!(back.issues.is_empty(), "{}", issues_text(&back.issues));
    assert_eq!(back.ret.header.issuer_name, "金山云控股有限公司");
    assert_eq!(back.ret.classes[0].description, "中國香港 控股");
    assert_eq!(back.ret.part5.submitted_by, "陳大文");
    assert_eq!(back.ret.part1.remarks, "金山云 Kingsoft Cloud 控股");
    assert_eq!(back.ret, canonical(&ret));
}

#[test]
fn cli_roll_forward_of_a_pdf_with_issues_reports_them_and_exits_1() {
    let ret = io::load(&example_path("kingsoft-cloud-2024-10.ron")).unwrap();
    let d = calc::derive(&ret);
    let mut pages = pdf::export_pages(&ret, &d, &rules::check(&ret, &d, None)).unwrap();
    pages[1].text(300.0, 400.0, Font::Regular, 9.0, "stray");
    let dir = tempfile::tempdir().unwrap();
    let pdf_path = dir.path().join("k.pdf");
    std::fs::write(&pdf_path, pdf::emit(&pages, &DocMeta::default()).unwrap()).unwrap();
    let next = dir.path().join("nov.ron");
    let (code, out, err) = bin(&[
        os("roll-forward"),
        pdf_path.as_os_str(),
        os("-o"),
        next.as_os_str(),
    ]);
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(err.contains("page 2: Text: \"stray\""), "{err}");
    let nov = io::load(&next).unwrap();
    assert_eq!(nov.header.month_end, common::day(2024, 11, 30));
}

#[test]
fn a_footer_that_disagrees_with_the_part_ii_heading_is_reported() {
    // A v1.1.0 return whose footer claims v1.2.0.
    let ret = io::load(&example_path("kingsoft-cloud-2024-10.ron")).unwrap();
    let d = calc::derive(&ret);
    let mut pages = pdf::export_pages(&ret, &d, &rules::check(&ret, &d, None)).unwrap();
    for page in &mut pages {
        for item in &mut page.items {
            if let Item::Text(t) = item
                && t.text == "v 1.1.0"
            {
                t.text = "v 1.2.0".into();
            }
        }
    }
    let bytes = pdf::emit(&pages, &DocMeta::default()).unwrap();
    let imported = import::import_pdf(&bytes).unwrap();
    assert_eq!(imported.template, TemplateVersion::V1_2_0);
    let text = issues_text(&imported.issues);
    assert!(
        text.contains(
            "page 2: Template version: the footer says v1.2.0 but part II has the heading of v1.1.0"
        ),
        "{text}"
    );
    // Its figures are still read.
    assert_eq!(
        imported.ret.part2.part.blocks[0]
            .preceding
            .excluding_treasury,
        Some(3_805_284_801)
    );
}

#[test]
fn a_summary_line_naming_another_class_is_reported() {
    let ret = io::load(&example_path("kingsoft-cloud-2024-10.ron")).unwrap();
    let d = calc::derive(&ret);
    let mut pages = pdf::export_pages(&ret, &d, &rules::check(&ret, &d, None)).unwrap();
    let mut changed = 0;
    for page in &mut pages {
        for item in &mut page.items {
            if let Item::Text(t) = item
                && t.text == "Ordinary shares (DD1)"
            {
                t.text = "Preference shares (DD1)".into();
                changed += 1;
            }
        }
    }
    assert_eq!(changed, 1);
    let bytes = pdf::emit(&pages, &DocMeta::default()).unwrap();
    let imported = import::import_pdf(&bytes).unwrap();
    assert_eq!(
        issues_text(&imported.issues),
        "page 6: III(D) › class block 1: the summary line names \"Preference shares (DD1)\", the block's class header reads as \"Ordinary shares (DD1)\""
    );
}

/// The first three pages of the reference saved on their own: the footer still says "Page 3 of
/// 10", so the file is refused as incomplete instead of importing a return whose Parts III–V
/// are silently missing.
#[test]
fn a_pdf_missing_pages_is_refused_as_incomplete() {
    let mut doc = lopdf::Document::load_mem(&reference()).unwrap();
    let total = doc.get_pages().len() as u32;
    assert_eq!(total, 10);
    let cut: Vec<u32> = (4..=total).collect();
    doc.delete_pages(&cut);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    match import::import_pdf(&bytes) {
        Err(ImportError::MissingPages { pages, printed }) => {
            assert_eq!(pages, 3);
            assert!(printed.contains("Page 1 of 10"), "{printed}");
        }
        other => panic!("{:?}", other.map(|i| i.issues)),
    }
    let message = import::import_pdf(&bytes).err().unwrap().to_string();
    assert!(
        message.starts_with("the PDF has 3 page(s) but its footer says \"Page 1 of 10"),
        "{message}"
    );
}

/// A PDF exported while the return had errors carries "DRAFT — n errors" on every page: it
/// imports, but says so first.
#[test]
fn a_pdf_marked_draft_imports_with_an_issue_saying_so() {
    let mut ret = io::load(&example_path("kingsoft-cloud-2024-10.ron")).unwrap();
    ret.part5.submitted_by.clear();
    let d = calc::derive(&ret);
    let findings = rules::check(&ret, &d, None);
    let errors = rules::count(&findings, rules::Severity::Error);
    assert!(errors > 0);
    let bytes = pdf::export(&ret, &d, &findings).unwrap();
    let imported = import::import_pdf(&bytes).unwrap();
    let first = imported
        .issues
        .first()
        .expect("an issue about the draft mark");
    assert_eq!(first.page, 1);
    assert!(
        first
            .message
            .contains(&format!("marked \u{201c}DRAFT \u{2014} {errors} error")),
        "{}",
        first.message
    );
}
