//! End-to-end export: the Kingsoft Cloud seed filing exports to the 10 pages of the reference,
//! and reading the PDF back finds every label and value on the right page, in order.

use crate::common;

use monthly_return::model::MonthlyReturn;
use monthly_return::pdf::fonts::with_cjk_font;
use monthly_return::pdf::{ExportError, LayoutError, export_to_file, page_texts};

use common::export;

/// Writes the export to `$PDF_OUT/<name>.pdf` when set, to look at it.
fn save(name: &str, bytes: &[u8]) {
    if let Ok(dir) = std::env::var("PDF_OUT") {
        let _ = std::fs::write(format!("{dir}/{name}.pdf"), bytes);
    }
}

fn export_ok(ret: &MonthlyReturn) -> Vec<u8> {
    match export(ret) {
        Ok(b) => b,
        Err(e) => panic!("export failed: {e}"),
    }
}

/// Asserts that `expected` occur on `page` as whole runs, in this order.
fn assert_in_order(page_no: usize, page: &[String], expected: &[&str]) {
    let mut from = 0;
    for want in expected {
        match page[from..].iter().position(|t| t == want) {
            Some(p) => from += p + 1,
            None => panic!(
                "page {page_no}: {want:?} not found (in order) in {:#?}",
                page
            ),
        }
    }
}

#[test]
fn kingsoft_exports_ten_pages_with_every_label_and_value() {
    let bytes = export_ok(&common::kingsoft());
    save("kingsoft", &bytes);
    let pages = page_texts(&bytes).unwrap_or_default();
    assert_eq!(pages.len(), 10);
    let expected: [&[&str]; 10] = [
        &[
            "FF301",
            "For the month ended:",
            "31 October 2024",
            "Status:",
            "New Submission",
            "To : Hong Kong Exchanges and Clearing Limited",
            "Name of Issuer:",
            "Kingsoft Cloud Holdings Limited",
            "Date Submitted:",
            "06 November 2024",
            "I. Movements in Authorised / Registered Share Capital",
            "1. Class of shares",
            "Ordinary shares",
            "Type of shares",
            "Not applicable",
            "Listed on the Exchange (Note 1)",
            "Yes",
            "Stock code (if listed)",
            "03896",
            "Description",
            "Number of authorised/registered shares",
            "Par value",
            "Authorised/registered share capital",
            "Balance at close of preceding month",
            "40,000,000,000",
            "USD",
            "0.001",
            "USD",
            "40,000,000",
            "Increase / decrease (-)",
            "USD",
            "Balance at close of the month",
            "40,000,000,000",
            "USD",
            "0.001",
            "USD",
            "40,000,000",
            "Total authorised/registered share capital at the end of the month:",
            "USD",
            "40,000,000",
            "Page 1 of 10",
            "v 1.1.0",
        ],
        &[
            "II. Movements in Issued Shares and/or Treasury Shares",
            "1. Class of shares",
            "Ordinary shares",
            "03896",
            "Number of issued shares",
            "(excluding treasury shares)",
            "Number of treasury shares",
            "Total number of issued shares",
            "Balance at close of preceding month",
            "3,805,284,801",
            "0",
            "3,805,284,801",
            "Increase / decrease (-)",
            "Balance at close of the month",
            "3,805,284,801",
            "0",
            "3,805,284,801",
            "Page 2 of 10",
            "v 1.1.0",
        ],
        &[
            "III. Details of Movements in Issued Shares and/or Treasury Shares",
            "(A). Share Options (under Share Option Schemes of the Issuer)",
            "1. Class of shares",
            "Ordinary shares",
            "03896",
            "Particulars of share option",
            "scheme",
            "Movement during the month",
            "1).",
            "2013 Share Option Scheme",
            "26,551,714",
            "26,551,714",
            "24,849,028",
            "27 February 2013",
            "Increase in issued shares (excluding treasury shares):",
            "Ordinary shares (AA1)",
            "Decrease in treasury shares:",
            "Ordinary shares (AA2)",
            "Total funds raised during the month from exercise of options:",
            "USD",
            "0",
            "Remarks:",
            "Page 3 of 10",
            "v 1.1.0",
        ],
        &[
            "(B). Warrants to Issue Shares of the Issuer",
            "Not applicable",
            "Page 4 of 10",
            "v 1.1.0",
        ],
        &[
            "(C). Convertibles (i.e. Convertible into Shares of the Issuer)",
            "Not applicable",
            "Page 5 of 10",
        ],
        &[
            "(D). Any other Agreements or Arrangements to Issue Shares of the Issuer, including Options (other than Share Option Schemes)",
            "1. Class of shares",
            "Description of other agreements or arrangements",
            "2013 Share Award Scheme",
            "22 February 2013",
            "0",
            "22,953,079",
            "2021 Share Incentive Plan",
            "15 November 2021",
            "0",
            "182,293,214",
            "Increase in issued shares (excluding treasury shares):",
            "0",
            "Ordinary shares (DD1)",
            "Ordinary shares (DD2)",
            "Remarks:",
            "Page 6 of 10",
        ],
        &[
            "(E). Other Movements in Issued Shares and/or Treasury Shares",
            "Not applicable",
            "Total increase/ decrease (-) in issued shares (excluding treasury shares) during the month (i.e. Total of AA1 to EE1):",
            "0",
            "Ordinary shares",
            "Total increase/ decrease (-) in treasury shares during the month (i.e. Total of AA2 to EE2):",
            "Ordinary shares",
            "Page 7 of 10",
        ],
        &[
            "IV. Information about Hong Kong Depositary Receipt (HDR)",
            "Not applicable",
            "Page 8 of 10",
        ],
        &[
            "V. Confirmations",
            "(Note 4)",
            "(i)",
            "all money due to the listed issuer in respect of the issue of securities, or sale or transfer of treasury shares has been received by it;",
            "(viii)",
            "Submitted by:",
            "Zou Tao",
            "Title:",
            common::ZOU_TAO_TITLE,
            "(Director, Secretary or other Duly Authorised Officer)",
            "Page 9 of 10",
        ],
        &[
            "Notes",
            "1.",
            "The Exchange refers to The Stock Exchange of Hong Kong Limited.",
            "5.",
            "\"Identical\" means in this context:",
            "Page 10 of 10",
            "v 1.1.0",
        ],
    ];
    for (i, (page, want)) in pages.iter().zip(expected).enumerate() {
        assert_in_order(i + 1, page, want);
        assert!(page.iter().any(|t| t == "FF301"), "page {}", i + 1);
        let footer = format!("Page {} of 10", i + 1);
        assert_eq!(page.iter().filter(|t| **t == footer).count(), 1);
        assert!(
            !page.iter().any(|t| t.starts_with("DRAFT")),
            "no errors, no draft mark"
        );
    }
    // The remarks are printed in full (wrapped) on their pages.
    let joined3 = pages[2].join(" ");
    assert!(
        joined3
            .contains("No further grant of any share options under the 2013 Share Option Scheme")
    );
    assert!(joined3.contains("Hong Kong Stock Exchange)."));
    let joined5 = pages[5].join(" ");
    assert!(
        joined5.contains("No further grant of any share awards under the 2013 Share Award Scheme")
    );
    // Only 5 notes in v1.1.0.
    assert!(!pages[9].iter().any(|t| t == "6."));
}

#[test]
fn pages_are_a4_landscape() {
    let bytes = export_ok(&common::kingsoft());
    let text = String::from_utf8_lossy(&bytes);
    assert_eq!(text.matches("/MediaBox[0 0 841.89 595.28]").count(), 10);
}

#[test]
fn same_return_gives_identical_bytes() {
    let a = export_ok(&common::kingsoft());
    let b = export_ok(&common::kingsoft());
    assert_eq!(a, b);
    let s1 = export_ok(&common::stress());
    save("stress", &s1);
    let s2 = export_ok(&common::stress());
    assert_eq!(s1, s2);
}

/// With Liberation Sans embedded (subsets of both faces), the Kingsoft export stays under
/// 60 KB (the HKEX reference is 70 KB) and names no font it does not embed.
#[test]
fn kingsoft_export_embeds_its_fonts_in_under_60_kb() {
    let bytes = export_ok(&common::kingsoft());
    assert!(bytes.len() <= 60 * 1024, "{} bytes", bytes.len());
    let text = String::from_utf8_lossy(&bytes);
    assert_eq!(
        text.matches("/FontFile2").count(),
        2,
        "Regular and Bold embedded"
    );
    assert!(!text.contains("Helvetica"));
}

#[test]
fn moon_v120_exports_with_public_float_and_six_notes() {
    let bytes = export_ok(&common::moon());
    save("moon", &bytes);
    let pages = page_texts(&bytes).unwrap_or_default();
    assert_eq!(pages.len(), 10);
    assert_in_order(
        2,
        &pages[1],
        &[
            "II. Movements in Issued Shares and/or Treasury Shares and Public Float Sufficiency Confirmation",
            "478,272,000",
            "Public float sufficiency confirmation (Note 4)",
            "the applicable public float requirement (see below) has been complied with",
            "Applicable public float threshold",
            "Additional information",
        ],
    );
    assert_in_order(
        5,
        &pages[4],
        &[
            "Issued",
            "52,377,600",
            "52,377,600",
            "10,475,520",
            "Bond/Notes",
            "HKD",
            "5",
            "05 September 2024",
        ],
    );
    assert_in_order(9, &pages[8], &["(Note 5)", "Chan Ming Kei"]);
    assert_in_order(10, &pages[9], &["Notes", "1.", "4.", "5.", "6.", "v 1.2.0"]);
}

#[test]
fn export_to_file_writes_atomically() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("kingsoft.pdf");
    std::fs::write(&path, b"old contents").unwrap_or_default();
    let to_file = |ret: &MonthlyReturn| {
        let derived = monthly_return::calc::derive(ret);
        let findings = monthly_return::rules::check(ret, &derived, None);
        export_to_file(ret, &derived, &findings, &path)
    };
    to_file(&common::kingsoft()).unwrap_or_else(|e| panic!("{e}"));
    let written = std::fs::read(&path).unwrap_or_default();
    assert_eq!(written, export_ok(&common::kingsoft()));
    let entries = std::fs::read_dir(dir.path())
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(entries, 1, "no temporary file left behind");
    // A return that cannot be exported leaves the old file untouched.
    let mut bad = common::kingsoft();
    bad.header.issuer_name = "Kingsoft 😀".into();
    assert!(to_file(&bad).is_err());
    assert_eq!(std::fs::read(&path).unwrap_or_default(), written);
}

/// Without a CJK font, a Chinese name is refused naming the field, the character and the
/// package that would print it.
#[test]
fn unencodable_issuer_name_is_refused_naming_the_field() {
    let mut ret = common::kingsoft();
    ret.header.issuer_name = "金山雲 Kingsoft Cloud".into();
    match with_cjk_font(None, || export(&ret)) {
        Err(ExportError::Layout(LayoutError::Unencodable {
            field,
            path,
            message,
        })) => {
            assert_eq!(field, "Name of Issuer");
            assert_eq!(path.as_str(), "header/issuer_name");
            assert_eq!(
                message,
                "\"金\" (U+91D1) at position 1 cannot be printed in the PDF: no Chinese font \
                 was found (install fonts-noto-cjk)"
            );
        }
        other => panic!("expected an unencodable-text error, got {other:?}"),
    }
    // The rule says the same in `check` and the editor.
    let findings = with_cjk_font(None, || {
        monthly_return::rules::check(&ret, &monthly_return::calc::derive(&ret), None)
    });
    let pdf: Vec<_> = findings.iter().filter(|f| f.rule == "PDF-001").collect();
    assert_eq!(pdf.len(), 1, "{findings:?}");
    assert!(pdf[0].message.ends_with("(install fonts-noto-cjk)"));
}

/// With a CJK font (the test fixture, not the machine's), Chinese issuer and officer names
/// export, are embedded as a subset of that font, and read back as typed.
#[test]
fn chinese_names_export_with_a_cjk_font() {
    let mut ret = common::kingsoft();
    ret.header.issuer_name = "金山云控股有限公司 Kingsoft Cloud Holdings Limited".into();
    ret.part5.submitted_by = "陳大文".into();
    let (bytes, findings) = with_cjk_font(Some(common::cjk_fixture()), || {
        let derived = monthly_return::calc::derive(&ret);
        let findings = monthly_return::rules::check(&ret, &derived, None);
        (export(&ret), findings)
    });
    assert!(
        !findings.iter().any(|f| f.rule == "PDF-001"),
        "{findings:?}"
    );
    let bytes = bytes.unwrap_or_else(|e| panic!("{e}"));
    let pages = page_texts(&bytes).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        pages[0]
            .iter()
            .any(|t| t == "金山云控股有限公司 Kingsoft Cloud Holdings Limited"),
        "{:?}",
        pages[0]
    );
    assert!(pages.iter().flatten().any(|t| t == "陳大文"));
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("+NotoSansCJKhk-Regular"),
        "the CJK subset is embedded"
    );
    // A character the CJK font lacks is still refused, without the install hint.
    ret.part5.submitted_by = "鄒濤".into();
    match with_cjk_font(Some(common::cjk_fixture()), || export(&ret)) {
        Err(ExportError::Layout(LayoutError::Unencodable { field, message, .. })) => {
            assert_eq!(field, "Submitted by");
            assert_eq!(
                message,
                "\"鄒\" (U+9112) at position 1 cannot be printed in the PDF"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn draft_mark_reads_back_from_the_pdf() {
    use monthly_return::calc::derive;
    use monthly_return::pdf::{DocMeta, LayoutOptions, emit, layout};
    let ret = common::kingsoft();
    let pages = layout(&ret, &derive(&ret), &LayoutOptions { error_count: 2 })
        .unwrap_or_else(|e| panic!("{e}"));
    let bytes = emit(&pages, &DocMeta::default()).unwrap_or_else(|e| panic!("{e}"));
    save("kingsoft-draft", &bytes);
    let texts = page_texts(&bytes).unwrap_or_default();
    assert_eq!(texts.len(), 10);
    for page in &texts {
        assert!(
            page.iter().any(|t| t == "DRAFT \u{2014} 2 errors"),
            "{page:?}"
        );
    }
}

/// The seed filing as the examples engineer wrote it (templates/examples, via `io::load`)
/// exports like the one built in code: 10 pages, clean (no rule errors, so no draft mark).
#[test]
fn kingsoft_example_file_exports_ten_clean_pages() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("templates/examples/kingsoft-cloud-2024-10.ron");
    let ret = monthly_return::io::load(&path).unwrap_or_else(|e| panic!("{e}"));
    let bytes = export_ok(&ret);
    let pages = page_texts(&bytes).unwrap_or_default();
    assert_eq!(pages.len(), 10);
    assert_in_order(
        1,
        &pages[0],
        &[
            "31 October 2024",
            "Kingsoft Cloud Holdings Limited",
            "40,000,000,000",
            "0.001",
            "USD",
            "40,000,000",
        ],
    );
    assert_in_order(2, &pages[1], &["3,805,284,801"]);
    assert_in_order(3, &pages[2], &["26,551,714", "27 February 2013"]);
    assert_in_order(9, &pages[8], &["Zou Tao"]);
    assert_in_order(10, &pages[9], &["Notes"]);
    for (i, page) in pages.iter().enumerate() {
        assert!(page.iter().any(|t| *t == format!("Page {} of 10", i + 1)));
        assert!(page.iter().any(|t| t == "v 1.1.0"));
        assert!(
            !page.iter().any(|t| t.starts_with("DRAFT")),
            "page {}",
            i + 1
        );
    }
}

/// A return the rules reject carries `DRAFT — n errors` on every page, n from the rules.
#[test]
fn export_marks_a_return_with_rule_errors_as_draft() {
    use monthly_return::calc::derive;
    use monthly_return::rules::{self, Severity};
    let mut ret = common::kingsoft();
    ret.header.issuer_name.clear();
    ret.part2.part.blocks[0].movement.excluding_treasury = Some(5);
    let n = rules::count(&rules::check(&ret, &derive(&ret), None), Severity::Error);
    assert!(n >= 1);
    let bytes = export_ok(&ret);
    let noun = if n == 1 { "error" } else { "errors" };
    let mark = format!("DRAFT \u{2014} {n} {noun}");
    let pages = page_texts(&bytes).unwrap_or_default();
    assert!(!pages.is_empty());
    for page in &pages {
        assert!(page.contains(&mark), "{mark:?} missing: {page:?}");
    }
}
