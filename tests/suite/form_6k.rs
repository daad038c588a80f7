//! The Form 6-K package (issue 12): the Kingsoft Cloud cover against the reference's texts, the
//! exhibit's HTML against EDGAR's allowed tags, the exhibit's text against the PDF read back,
//! part by part, and the profile's loading errors.

use std::path::{Path, PathBuf};
use std::process::Command;

use monthly_return::model::MonthlyReturn;
use monthly_return::sixk::{self, profile};

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("templates/examples")
        .join(name)
}

fn kingsoft() -> MonthlyReturn {
    monthly_return::io::load(&example("kingsoft-cloud-2024-10.ron")).unwrap()
}

fn kingsoft_profile() -> profile::Profile {
    profile::load(&example("kingsoft-cloud-6k-profile.ron")).unwrap()
}

/// Collapses runs of whitespace (also no-break spaces) to one space and trims.
fn normalise(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Decodes the entities an EDGAR document uses: numeric ones and the four of markup.
fn decode(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = tail.find(';').expect("an entity ends with ;");
        let name = &tail[1..end];
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "nbsp" => '\u{a0}',
            n if n.starts_with("#x") => {
                char::from_u32(u32::from_str_radix(&n[2..], 16).unwrap()).unwrap()
            }
            n if n.starts_with('#') => char::from_u32(n[1..].parse().unwrap()).unwrap(),
            other => panic!("unknown entity &{other};"),
        };
        out.push(c);
        rest = &tail[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The text pieces of an HTML document: split at the end of every cell, paragraph, line break
/// and heading cell, tags removed, entities decoded, whitespace normalised, empty pieces dropped.
fn html_runs(html: &str) -> Vec<String> {
    let mut marked = String::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        marked.push_str(&rest[..i]);
        let end = rest[i..].find('>').expect("a tag ends with >") + i;
        let tag = rest[i + 1..end].to_ascii_lowercase();
        let name = tag
            .trim_start_matches('/')
            .split_whitespace()
            .next()
            .unwrap_or("");
        if matches!(
            name,
            "td" | "th" | "p" | "br" | "tr" | "div" | "hr" | "title"
        ) {
            marked.push('\n');
        }
        rest = &rest[end + 1..];
    }
    marked.push_str(rest);
    decode(&marked)
        .lines()
        .map(normalise)
        .filter(|l| !l.is_empty())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The cover

/// Every text of the cover Kingsoft Cloud furnished (the first lines of
/// shared/reference/ff301-v1.1.0-kingsoft-cloud-2024-10.ocr.txt), in order; the OCR's repeated
/// "refer to Exhibit 99.1 …" line and its garbled "Name: Hai Title: Chi" are read as the cover
/// prints them.
const REFERENCE_COVER: &[&str] = &[
    "UNITED STATES SECURITIES AND EXCHANGE COMMISSION",
    "Washington, D.C. 20549",
    "FORM 6-K",
    "REPORT OF FOREIGN ISSUER PURSUANT TO RULE 13a-16 OR 15d-16 OF THE SECURITIES EXCHANGE ACT OF 1934",
    "For the month of November 2024",
    "Commission file number: 001-39278",
    "Kingsoft Cloud Holdings Limited",
    "(Exact Name of Registrant as Specified in Its Charter)",
    "Building D, Xiaomi Science and Technology Park, No. 33 Xierqi Middle Road, Haidian District Beijing, 100085, the People's Republic of China",
    "(Address of Principal Executive Offices)",
    "Indicate by check mark whether the registrant files or will file annual reports under cover Form 20-F or Form 40-F.",
    "Form 20-F \u{2612}",
    "Form 40-F \u{2610}",
    "EXPLANATORY NOTE",
    "We submitted a monthly return form dated November 6, 2024 to The Stock Exchange of Hong Kong Limited in relation to the movements in our authorized share capital and issued shares in October 2024. For details, please refer to Exhibit 99.1 to this current report on Form 6-K.",
    "EXHIBIT INDEX",
    "Exhibit No. Description",
    "99.1 Monthly Return for Equity Issuer on Movements in Securities",
    "SIGNATURE",
    "Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly caused this report to be signed on its behalf by the undersigned, thereunto duly authorized.",
    "Kingsoft Cloud Holdings Limited",
    "By: /s/ Haijian He",
    "Name: Haijian He",
    "Title: Chief Financial Officer and Director",
];

/// Asserts each expected text occurs in `text`, in order.
fn assert_in_order(text: &str, expected: &[&str], what: &str) {
    let mut from = 0;
    for e in expected {
        match text[from..].find(e) {
            Some(i) => from += i + e.len(),
            None => panic!("{what}: {e:?} missing (or out of order) after byte {from} in\n{text}"),
        }
    }
}

#[test]
fn kingsoft_cover_reproduces_every_text_of_the_reference() {
    let package = sixk::build(&kingsoft(), &kingsoft_profile()).unwrap();
    let text = normalise(&html_runs(&package.cover_html).join(" "));
    assert_in_order(&text, REFERENCE_COVER, "HTML cover");
    assert!(text.contains("Date: November 6, 2024"), "{text}");

    // The review PDF's first page is the same cover (its check boxes are drawn, not text).
    let pages = monthly_return::pdf::page_texts(&package.review_pdf).unwrap();
    let first = normalise(&pages[0].join(" "));
    let without_boxes: Vec<&str> = REFERENCE_COVER
        .iter()
        .map(|s| s.trim_end_matches([' ', '\u{2612}', '\u{2610}']))
        .collect();
    assert_in_order(&first, &without_boxes, "review PDF cover");
    assert!(first.contains("Date: November 6, 2024"), "{first}");
    // Then the return's ten pages.
    assert_eq!(pages.len(), 11);
    assert!(
        pages[1]
            .iter()
            .any(|r| r.contains("Monthly Return for Equity Issuer"))
    );
}

#[test]
fn the_month_of_furnishing_and_the_form_come_from_the_profile() {
    let mut p = kingsoft_profile();
    p.for_the_month_of = Some("December 2024".to_string());
    p.annual_report_form = profile::AnnualReportForm::Form40F;
    let package = sixk::build(&kingsoft(), &p).unwrap();
    let text = normalise(&html_runs(&package.cover_html).join(" "));
    assert!(text.contains("For the month of December 2024"), "{text}");
    assert!(text.contains("Form 20-F \u{2610}"), "{text}");
    assert!(text.contains("Form 40-F \u{2612}"), "{text}");
}

#[test]
fn a_return_without_a_date_submitted_has_no_package() {
    let mut ret = kingsoft();
    ret.header.date_submitted = None;
    let e = sixk::build(&ret, &kingsoft_profile()).unwrap_err();
    assert!(e.to_string().contains("date submitted"), "{e}");
}

// ---------------------------------------------------------------------------------------------
// EDGAR's HTML subset

/// The tags EDGAR accepts in an HTML document (EDGAR Filer Manual, Volume II, 5.2.2: HTML 3.2
/// with a few additions), less those that load anything (`img`, `a`, `link`).
const EDGAR_TAGS: &[&str] = &[
    "address",
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "cite",
    "code",
    "dd",
    "dfn",
    "dir",
    "div",
    "dl",
    "dt",
    "em",
    "font",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "html",
    "i",
    "kbd",
    "li",
    "menu",
    "ol",
    "p",
    "pre",
    "samp",
    "small",
    "strike",
    "strong",
    "sub",
    "sup",
    "table",
    "td",
    "th",
    "title",
    "tr",
    "tt",
    "u",
    "ul",
    "var",
];

/// The attributes allowed on them here: presentation only.
const EDGAR_ATTRIBUTES: &[&str] = &[
    "style",
    "align",
    "valign",
    "width",
    "height",
    "colspan",
    "rowspan",
    "border",
    "cellpadding",
    "cellspacing",
    "size",
    "color",
    "face",
    "noshade",
];

/// Checks `html` against the allow-lists; returns the problems found.
fn edgar_problems(html: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if !html.is_ascii() {
        problems.push("not ASCII".to_string());
    }
    let lower = html.to_ascii_lowercase();
    for banned in [
        "<script",
        "src=",
        "href=",
        "url(",
        "javascript:",
        "@import",
        "<img",
        "<a ",
    ] {
        if lower.contains(banned) {
            problems.push(format!("contains {banned}"));
        }
    }
    let mut rest = lower.as_str();
    while let Some(i) = rest.find('<') {
        let end = rest[i..].find('>').map(|e| e + i).unwrap_or(rest.len());
        let inner = rest[i + 1..end].trim_start_matches('/');
        let name: String = inner
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if !EDGAR_TAGS.contains(&name.as_str()) {
            problems.push(format!("tag <{name}>"));
        }
        // Attributes: name="value" pairs after the tag name.
        let mut attrs = &inner[name.len()..];
        while let Some(eq) = attrs.find('=') {
            let attr = attrs[..eq].trim();
            if !EDGAR_ATTRIBUTES.contains(&attr) {
                problems.push(format!("attribute {attr} on <{name}>"));
            }
            let value = attrs[eq + 1..].trim_start();
            let skip = if let Some(v) = value.strip_prefix('"') {
                v.find('"').map(|e| e + 2).unwrap_or(value.len())
            } else {
                value.find(' ').unwrap_or(value.len())
            };
            attrs = &value[skip.min(value.len())..];
        }
        rest = &rest[(end + 1).min(rest.len())..];
    }
    problems
}

#[test]
fn the_checker_catches_what_edgar_refuses() {
    assert!(edgar_problems("<p style=\"x\">a</p>").is_empty());
    assert!(!edgar_problems("<script>x</script>").is_empty());
    assert!(!edgar_problems("<img src=\"a.png\">").is_empty());
    assert!(!edgar_problems("<p onclick=\"x\">a</p>").is_empty());
    assert!(!edgar_problems("<span>a</span>").is_empty());
    assert!(!edgar_problems("<p>\u{96f2}</p>").is_empty());
}

#[test]
fn exhibit_and_cover_use_only_edgar_tags_and_attributes_in_ascii() {
    for name in [
        "kingsoft-cloud-2024-10.ron",
        "convertible-and-placing-2025-06.ron",
        "h-and-a-shares-2025-03.ron",
    ] {
        let ret = monthly_return::io::load(&example(name)).unwrap();
        let mut ret = ret;
        if ret.header.date_submitted.is_none() {
            ret.header.date_submitted = ret.header.month_end;
        }
        let package = sixk::build(&ret, &kingsoft_profile()).unwrap();
        for (what, html) in [
            ("exhibit", &package.exhibit_html),
            ("cover", &package.cover_html),
        ] {
            let problems = edgar_problems(html);
            assert!(problems.is_empty(), "{name} {what}: {problems:?}");
            assert!(html.starts_with("<html>"), "{name} {what}");
        }
    }
}

#[test]
fn text_beyond_ascii_becomes_entities() {
    let mut ret = kingsoft();
    ret.header.issuer_name = "Kingsoft \u{2014} \u{201c}quoted\u{201d}".to_string();
    let package = sixk::build(&ret, &kingsoft_profile()).unwrap();
    assert!(package.exhibit_html.is_ascii());
    assert!(package.exhibit_html.contains("&#8212;"));
    assert!(package.exhibit_html.contains("&#8220;quoted&#8221;"));
}

// ---------------------------------------------------------------------------------------------
// The exhibit's text is the PDF's

/// The parts of the form, by the start of their headings as the form prints them.
const PARTS: &[&str] = &[
    "I. Movements in Authorised",
    "II. Movements in Issued Shares",
    "III. Details of Movements",
    "(A). Share Options",
    "(B). Warrants",
    "(C). Convertibles",
    "(D). Any other Agreements",
    "(E). Other Movements",
    "IV. Information about Hong Kong Depositary Receipt",
    "V. Confirmations",
    "Notes",
];

/// The runs grouped by part: `header` first, then each part from its heading on. Within a part,
/// the runs sorted (the PDF draws a part's runs in its own order, the HTML reads them top to
/// bottom, left to right).
fn by_part(runs: &[String]) -> Vec<(String, Vec<String>)> {
    let mut parts: Vec<(String, Vec<String>)> = vec![("header".to_string(), Vec::new())];
    for run in runs {
        if let Some(p) = PARTS.iter().find(|p| run.starts_with(**p))
            && !parts.iter().any(|(name, _)| name == p)
        {
            parts.push((p.to_string(), Vec::new()));
        }
        parts.last_mut().unwrap().1.push(run.clone());
    }
    for (_, runs) in &mut parts {
        runs.sort();
    }
    parts
}

fn assert_exhibit_equals_pdf(ret: &MonthlyReturn, name: &str) {
    let package = sixk::build(ret, &kingsoft_profile()).unwrap();
    let pdf = crate::common::export(ret).unwrap();
    let pdf_runs: Vec<String> = monthly_return::pdf::page_texts(&pdf)
        .unwrap()
        .into_iter()
        .flatten()
        .map(|r| normalise(&r))
        .filter(|r| !r.is_empty())
        .collect();
    let mut html = html_runs(&package.exhibit_html);
    // The document's title, then the exhibit's own label above the return.
    assert_eq!(
        html.first().map(String::as_str),
        Some("Exhibit 99.1"),
        "{name}"
    );
    html.remove(0);
    assert_eq!(
        html.first().map(String::as_str),
        Some("Exhibit 99.1"),
        "{name}"
    );
    html.remove(0);
    let (from_pdf, from_html) = (by_part(&pdf_runs), by_part(&html));
    let names = |v: &[(String, Vec<String>)]| v.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&from_html), names(&from_pdf), "{name}: parts");
    assert!(from_pdf.len() >= 8, "{name}: {:?}", names(&from_pdf));
    for ((part, h), (_, p)) in from_html.iter().zip(&from_pdf) {
        assert_eq!(h, p, "{name}: part {part}");
    }
    // The review PDF carries the same return after the cover.
    let review = monthly_return::pdf::page_texts(&package.review_pdf).unwrap();
    let review_runs: Vec<String> = review
        .into_iter()
        .skip(1)
        .flatten()
        .map(|r| normalise(&r))
        .filter(|r| !r.is_empty())
        .collect();
    assert_eq!(review_runs, pdf_runs, "{name}: review PDF");
}

#[test]
fn exhibit_text_equals_the_pdf_read_back_part_by_part() {
    assert_exhibit_equals_pdf(&kingsoft(), "kingsoft");
    for name in [
        "convertible-and-placing-2025-06.ron",
        "h-and-a-shares-2025-03.ron",
    ] {
        let mut ret = monthly_return::io::load(&example(name)).unwrap();
        if ret.header.date_submitted.is_none() {
            ret.header.date_submitted = ret.header.month_end;
        }
        assert_exhibit_equals_pdf(&ret, name);
    }
}

#[test]
fn a_return_with_errors_is_a_draft_in_the_exhibit_too() {
    let mut ret = kingsoft();
    ret.header.issuer_name.clear();
    let package = sixk::build(&ret, &kingsoft_profile()).unwrap();
    assert!(package.errors > 0);
    assert!(package.exhibit_html.contains("DRAFT &#8212;"), "draft mark");
    assert_exhibit_equals_pdf(&ret, "kingsoft with errors");
}

// ---------------------------------------------------------------------------------------------
// The profile

#[test]
fn profile_errors_name_the_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let good = std::fs::read_to_string(example("kingsoft-cloud-6k-profile.ron")).unwrap();

    let typo = good.replace("signatory_title:", "signatory_titel:");
    std::fs::write(&path, &typo).unwrap();
    let e = profile::load(&path).unwrap_err();
    let line = 1 + typo[..typo.find("signatory_titel").unwrap()]
        .matches('\n')
        .count();
    assert_eq!(e.location, Some((line, 5)), "{e}");
    let msg = e.to_string();
    assert!(msg.contains("Form 6-K profile"), "{msg}");
    assert!(msg.contains(&path.display().to_string()), "{msg}");
    assert!(msg.contains(&format!("line {line}, column 5")), "{msg}");
    assert!(
        msg.contains("`signatory_titel`") && msg.contains("signatory_title"),
        "{msg}"
    );

    std::fs::write(&path, good.replace("Form20F", "Form21F")).unwrap();
    let e = profile::load(&path).unwrap_err();
    assert!(e.location.is_some(), "{e}");

    std::fs::write(&path, b"(commission_file_number: \"\xff\")").unwrap();
    let e = profile::load(&path).unwrap_err();
    assert_eq!(e.location, Some((1, 27)), "{e}");
    assert!(e.to_string().contains("not UTF-8"), "{e}");

    let e = profile::load(&dir.path().join("missing.ron")).unwrap_err();
    assert!(e.to_string().contains("no such file"), "{e}");

    let big = std::fs::File::create(&path).unwrap();
    big.set_len(monthly_return::io::MAX_DRAFT_BYTES + 1)
        .unwrap();
    let e = profile::load(&path).unwrap_err();
    assert!(e.to_string().contains("limit"), "{e}");
}

#[test]
fn a_profile_saved_loads_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("saved.ron");
    let p = kingsoft_profile();
    profile::save(&path, &p).unwrap();
    assert_eq!(profile::load(&path).unwrap(), p);
}

// ---------------------------------------------------------------------------------------------
// The command line

fn run(args: &[&std::ffi::OsStr]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_monthly-return"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn export_form_6k_writes_the_package_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("6k");
    let draft = example("kingsoft-cloud-2024-10.ron");
    let prof = example("kingsoft-cloud-6k-profile.ron");
    let args = [
        "export".as_ref(),
        draft.as_os_str(),
        "--form-6k".as_ref(),
        prof.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ];
    let (code, stdout, stderr) = run(&args);
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    for f in ["form-6k-cover.htm", "ex99-1.htm", "form-6k-review.pdf"] {
        assert!(out.join(f).is_file(), "{f}");
        assert!(stdout.contains(f), "{stdout}");
    }
    let cover = std::fs::read_to_string(out.join("form-6k-cover.htm")).unwrap();
    assert!(cover.contains("001-39278"));

    std::fs::write(out.join("ex99-1.htm"), "mine").unwrap();
    let (code, _, stderr) = run(&args);
    assert_eq!(code, Some(3), "{stderr}");
    assert!(
        stderr.contains("already exists") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("ex99-1.htm")).unwrap(),
        "mine"
    );

    let mut forced = args.to_vec();
    forced.push("--force".as_ref());
    let (code, _, stderr) = run(&forced);
    assert_eq!(code, Some(0), "{stderr}");
    assert_ne!(
        std::fs::read_to_string(out.join("ex99-1.htm")).unwrap(),
        "mine"
    );
}

#[test]
fn export_form_6k_with_a_bad_profile_exits_2_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(\n  commission_file_number: 39278,\n)").unwrap();
    let out = dir.path().join("6k");
    let draft = example("kingsoft-cloud-2024-10.ron");
    let (code, _, stderr) = run(&[
        "export".as_ref(),
        draft.as_os_str(),
        "--form-6k".as_ref(),
        bad.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("Form 6-K profile") && stderr.contains("line 2"),
        "{stderr}"
    );
    assert!(!out.exists());
}

// ---------------------------------------------------------------------------------------------
// The editor

#[test]
fn editor_saves_the_profile_and_exports_the_package_from_the_file_menu() {
    use egui_kittest::kittest::Queryable as _;
    use monthly_return::ui::dialogs::ScriptedDialogs;
    use monthly_return::ui::prefs::AppPaths;

    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let config = crate::common::editor::test_config(AppPaths::in_dir(dir.path()), &dialogs);
    let mut h = crate::common::editor::editor_harness(config, [1200.0, 900.0]);
    let draft = dir.path().join("kingsoft.ron");
    h.state_mut().set_document(kingsoft(), Some(draft));
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export Form 6-K package…").click();
    h.run();
    assert!(h.state().prompt_text().unwrap().starts_with("form 6-k"));
    let profile_path = dir.path().join(monthly_return::ui::app::PROFILE_FILE);
    let folder = dir.path().join("kingsoft-form-6k");
    {
        let form = h.state_mut().form_6k_window_mut().unwrap();
        // Suggested next to the draft; the registrant's name starts as the issuer's.
        assert_eq!(form.profile_path, profile_path.display().to_string());
        assert_eq!(form.folder, folder.display().to_string());
        assert_eq!(form.registrant_name, "Kingsoft Cloud Holdings Limited");
        form.set_profile(&kingsoft_profile());
    }
    h.run();
    h.get_by_label("Save profile").click();
    h.run();
    assert_eq!(profile::load(&profile_path).unwrap(), kingsoft_profile());
    h.get_by_label("Export package").click();
    h.run();
    let text = h.state().prompt_text().unwrap();
    assert!(
        text.contains("Wrote form-6k-cover.htm, ex99-1.htm, form-6k-review.pdf"),
        "{text}"
    );
    assert!(folder.join("ex99-1.htm").is_file());

    // A second export asks for "Replace"; nothing is written over.
    std::fs::write(folder.join("ex99-1.htm"), "mine").unwrap();
    h.get_by_label("Export package").click();
    h.run();
    let text = h.state().prompt_text().unwrap();
    assert!(text.contains("already exists"), "{text}");
    assert_eq!(
        std::fs::read_to_string(folder.join("ex99-1.htm")).unwrap(),
        "mine"
    );

    // A broken profile is reported with its line and column.
    std::fs::write(&profile_path, "(\n  commission_file_numbr: \"1\",\n)").unwrap();
    h.get_by_label("Load profile").click();
    h.run();
    let text = h.state().prompt_text().unwrap();
    assert!(
        text.contains("line 2, column 3") && text.contains("commission_file_numbr"),
        "{text}"
    );
    h.get_by_label("Close").click();
    h.run();
    assert!(h.state().prompt_text().is_none());
}

#[test]
fn chinese_in_the_return_is_numeric_entities_in_the_exhibit() {
    let mut ret = kingsoft();
    ret.header.issuer_name = "\u{91d1}\u{5c71}\u{4e91} Kingsoft Cloud Holdings Limited".to_string();
    monthly_return::pdf::fonts::with_cjk_font(Some(crate::common::cjk_fixture()), || {
        let package = sixk::build(&ret, &kingsoft_profile()).unwrap();
        assert!(package.exhibit_html.is_ascii());
        // 金 U+91D1 = 37329, 山 U+5C71 = 23665, 云 U+4E91 = 20113.
        assert!(
            package
                .exhibit_html
                .contains("&#37329;&#23665;&#20113; Kingsoft"),
            "Chinese as numeric entities"
        );
        assert!(edgar_problems(&package.exhibit_html).is_empty());
        assert_exhibit_equals_pdf(&ret, "kingsoft in Chinese");
    });
}
