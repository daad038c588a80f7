//! The built `monthly-return` binary: output and exit status of each command.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use monthly_return::io;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_monthly-return"))
}

fn example(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("templates/examples")
        .join(name)
}

fn run(args: &[&std::ffi::OsStr]) -> (Option<i32>, String, String) {
    let Output {
        status,
        stdout,
        stderr,
    } = bin().args(args).output().unwrap();
    (
        status.code(),
        String::from_utf8(stdout).unwrap(),
        String::from_utf8(stderr).unwrap(),
    )
}

fn os(s: &str) -> &std::ffi::OsStr {
    s.as_ref()
}

fn p(path: &Path) -> &std::ffi::OsStr {
    path.as_os_str()
}

#[test]
fn check_examples_exit_0_with_due_date_and_summary() {
    for (name, due) in [
        (
            "kingsoft-cloud-2024-10.ron",
            "Due: 07 November 2024, 08:30 HKT",
        ),
        (
            "h-and-a-shares-2025-03.ron",
            "Due: 08 April 2025, 08:30 HKT",
        ),
        (
            "convertible-and-placing-2025-06.ron",
            "Due: 08 July 2025, 08:30 HKT",
        ),
    ] {
        let path = example(name);
        let (code, out, err) = run(&[os("check"), p(&path)]);
        assert_eq!(code, Some(0), "{name}: {out}{err}");
        assert!(out.contains(due), "{name}: {out}");
        assert!(out.contains("Summary: 0 errors"), "{name}: {out}");
        assert!(err.is_empty(), "{err}");
    }
    let (_, out, _) = run(&[os("check"), p(&example("kingsoft-cloud-2024-10.ron"))]);
    assert!(
        out.contains("Kingsoft Cloud Holdings Limited, v1.1.0, month ended 31 October 2024"),
        "{out}"
    );
}

#[test]
fn check_with_errors_exits_1_and_groups_findings_by_part() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    let mut ret = io::load(&example("h-and-a-shares-2025-03.ron")).unwrap();
    // Part II no longer agrees with Part III for the H shares.
    ret.part2.part.blocks[0].movement.treasury = Some(-1_000_000);
    ret.header.issuer_name.clear();
    io::save(&path, &ret).unwrap();

    let (code, out, _) = run(&[os("check"), p(&path)]);
    assert_eq!(code, Some(1), "{out}");
    let header = out.find("\nHeader\n").unwrap_or_else(|| panic!("{out}"));
    let part2 = out
        .find("\nII. Issued and treasury shares\n")
        .unwrap_or_else(|| panic!("{out}"));
    assert!(header < part2, "parts out of order: {out}");
    assert!(out.contains("HDR-001"), "{out}");
    assert!(out.contains("header/issuer_name"), "{out}");
    assert!(out.contains("II/class[0]/movement/treasury"), "{out}");
    assert!(out.contains("error"), "{out}");
    let summary = out.lines().last().unwrap();
    assert!(summary.starts_with("Summary: "), "{out}");
    assert!(!summary.starts_with("Summary: 0 errors"), "{out}");
}

#[test]
fn check_against_the_previous_month() {
    let dir = tempfile::tempdir().unwrap();
    let march = example("h-and-a-shares-2025-03.ron");
    let april = dir.path().join("april.ron");
    let (code, out, err) = run(&[os("roll-forward"), p(&march), os("-o"), p(&april)]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(
        out.contains("month ended 30 April 2025, due 09 May 2025, 08:30 HKT"),
        "{out}"
    );

    // The rolled return brings everything forward: no PREV finding.
    let (_, out, _) = run(&[os("check"), p(&april), os("--previous"), p(&march)]);
    assert!(!out.contains("PREV-"), "{out}");

    // A balance typed over is caught.
    let mut ret = io::load(&april).unwrap();
    ret.part2.part.blocks[0].preceding.treasury = Some(3_500_000);
    io::save(&april, &ret).unwrap();
    let (code, out, _) = run(&[os("check"), p(&april), os("--previous"), p(&march)]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("PREV-003"), "{out}");
    assert!(
        out.contains(
            "Brought-forward balances checked against: month ended 31 March 2025, Lingnan \
             Precision Instruments Co., Ltd. (from the draft h-and-a-shares-2025-03.ron)"
        ),
        "{out}"
    );

    // Without --previous, the link rolling forward recorded is checked: moving or deleting
    // March's draft changes nothing.
    let (code, out, _) = run(&[os("check"), p(&april)]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("PREV-003"), "{out}");
    assert!(
        out.contains("(rolled forward from h-and-a-shares-2025-03.ron)"),
        "{out}"
    );
    // An example that was never linked says its balances were not checked.
    let (_, out, _) = run(&[os("check"), p(&march)]);
    assert!(
        out.contains("Brought-forward balances not checked: no last month linked"),
        "{out}"
    );

    // An unreadable previous return is exit 2 too.
    let (code, _, err) = run(&[
        os("check"),
        p(&april),
        os("--previous"),
        p(&dir.path().join("nope.ron")),
    ]);
    assert_eq!(code, Some(2));
    assert!(err.contains("nope.ron"), "{err}");
}

#[test]
fn roll_forward_writes_next_month_and_protects_files() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("oct.ron");
    fs::copy(example("kingsoft-cloud-2024-10.ron"), &source).unwrap();
    let original = fs::read(&source).unwrap();
    let next = dir.path().join("nov.ron");

    let (code, out, err) = run(&[os("roll-forward"), p(&source), os("-o"), p(&next)]);
    assert_eq!(code, Some(0), "{out}{err}");
    let nov = io::load(&next).unwrap();
    assert_eq!(
        nov.header.month_end,
        chrono::NaiveDate::from_ymd_opt(2024, 11, 30)
    );
    assert_eq!(nov.header.date_submitted, None);

    // An existing output is not replaced without --force.
    fs::write(&next, "keep me").unwrap();
    let (code, _, err) = run(&[os("roll-forward"), p(&source), os("-o"), p(&next)]);
    assert_eq!(code, Some(3));
    assert!(
        err.contains("already exists") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&next).unwrap(), "keep me");

    let (code, _, _) = run(&[
        os("roll-forward"),
        p(&source),
        os("-o"),
        p(&next),
        os("--force"),
    ]);
    assert_eq!(code, Some(0));
    assert!(io::load(&next).is_ok());

    // Never over the input, even with --force and a different spelling of its path.
    let same = dir.path().join(".").join("oct.ron");
    let (code, _, err) = run(&[
        os("roll-forward"),
        p(&source),
        os("-o"),
        p(&same),
        os("--force"),
    ]);
    assert_eq!(code, Some(3));
    assert!(err.contains("is the input draft"), "{err}");
    assert_eq!(fs::read(&source).unwrap(), original);

    // An unreadable input is exit 2 and writes nothing.
    let bad = dir.path().join("bad.ron");
    fs::write(&bad, "(format_version: 1, ret: (header: (").unwrap();
    let out_path = dir.path().join("never.ron");
    let (code, _, err) = run(&[os("roll-forward"), p(&bad), os("-o"), p(&out_path)]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("bad.ron") && err.contains("line 1, column"),
        "{err}"
    );
    assert!(!out_path.exists());

    // A return without a month end cannot be rolled: exit 1, nothing written.
    let blank = dir.path().join("blank.ron");
    io::save(&blank, &monthly_return::model::MonthlyReturn::blank()).unwrap();
    let (code, _, err) = run(&[os("roll-forward"), p(&blank), os("-o"), p(&out_path)]);
    assert_eq!(code, Some(1));
    assert!(err.contains("no month end"), "{err}");
    assert!(!out_path.exists());
}

#[test]
fn new_writes_a_blank_return_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.ron");
    let (code, out, _) = run(&[os("new"), os("-o"), p(&path)]);
    assert_eq!(code, Some(0));
    assert!(out.contains("v1.1.0"), "{out}");
    assert_eq!(
        io::load(&path).unwrap(),
        monthly_return::model::MonthlyReturn::blank()
    );

    fs::write(&path, "mine").unwrap();
    let (code, _, err) = run(&[os("new"), os("-o"), p(&path)]);
    assert_eq!(code, Some(3));
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), "mine");
    let (code, _, _) = run(&[os("new"), os("-o"), p(&path), os("--force")]);
    assert_eq!(code, Some(0));

    // A blank return is not ready to file: check exits 1.
    let (code, out, _) = run(&[os("check"), p(&path)]);
    assert_eq!(code, Some(1));
    assert!(out.contains("Due: unknown"), "{out}");
}

#[test]
fn rules_lists_the_catalogue() {
    let (code, out, _) = run(&[os("rules")]);
    assert_eq!(code, Some(0));
    let catalogue = monthly_return::rules::catalogue();
    assert_eq!(out.lines().count(), catalogue.len());
    for rule in catalogue {
        assert!(
            out.contains(rule.id) && out.contains(rule.title),
            "{}",
            rule.id
        );
    }
    let (code, long, _) = run(&[os("rules"), os("--long")]);
    assert_eq!(code, Some(0));
    assert!(long.lines().count() > out.lines().count());
    let first = &catalogue[0];
    let first_word = first.explanation.split_whitespace().next().unwrap();
    assert!(long.contains(first_word));
}

#[test]
fn no_subcommand_prints_usage_and_bad_usage_exits_2() {
    let (code, out, _) = run(&[]);
    assert_eq!(code, Some(0));
    assert!(out.contains("Usage:"), "{out}");
    assert!(out.contains("roll-forward"), "{out}");

    let (code, _, err) = run(&[os("frobnicate"), os("x"), os("y")]);
    assert_eq!(code, Some(2), "{err}");
    let (code, _, _) = run(&[os("check")]);
    assert_eq!(code, Some(2));
}

#[test]
fn export_writes_a_ten_page_pdf_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("kingsoft.pdf");
    let draft = example("kingsoft-cloud-2024-10.ron");
    let (code, stdout, err) = run(&[os("export"), p(&draft), os("-o"), p(&out)]);
    assert_eq!(code, Some(0), "{stdout}{err}");
    let bytes = fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    let pages = monthly_return::pdf::read_back::page_texts(&bytes).unwrap();
    assert_eq!(pages.len(), 10);

    // A second export without --force leaves the first PDF alone.
    let (code, _, err) = run(&[os("export"), p(&draft), os("-o"), p(&out)]);
    assert_eq!(code, Some(3), "{err}");
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(fs::read(&out).unwrap(), bytes);
}

#[test]
fn export_of_a_return_with_errors_is_a_draft_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let mut ret = io::load(&example("kingsoft-cloud-2024-10.ron")).unwrap();
    ret.header.issuer_name.clear(); // HDR-001: one error
    let draft = dir.path().join("broken.ron");
    io::save(&draft, &ret).unwrap();
    let out = dir.path().join("broken.pdf");
    let (code, stdout, err) = run(&[os("export"), p(&draft), os("-o"), p(&out)]);
    assert_eq!(code, Some(1), "{stdout}{err}");
    assert!(stdout.contains("DRAFT"), "{stdout}");
    let pages = monthly_return::pdf::read_back::page_texts(&fs::read(&out).unwrap()).unwrap();
    assert!(
        pages
            .iter()
            .all(|t| t.iter().any(|s| s.contains("DRAFT — 1 error")))
    );
}

#[test]
fn export_of_an_unreadable_draft_exits_2_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("bad.ron");
    fs::write(
        &draft,
        "(format_version: 1, ret: (header: (issuer_name: 5)))",
    )
    .unwrap();
    let out = dir.path().join("bad.pdf");
    let (code, _, err) = run(&[os("export"), p(&draft), os("-o"), p(&out)]);
    assert_eq!(code, Some(2), "{err}");
    assert!(!out.exists());
}

#[test]
fn check_and_export_agree_on_text_the_pdf_cannot_print() {
    let dir = tempfile::tempdir().unwrap();
    let mut ret = io::load(&example("kingsoft-cloud-2024-10.ron")).unwrap();
    ret.part3a.blocks[0].remarks = "Granted\u{7} to staff".to_string();
    let draft = dir.path().join("bell.ron");
    io::save(&draft, &ret).unwrap();
    let message = "character U+0007 (bell) at position 8 cannot be printed in the PDF";

    let (code, out, _) = run(&[os("check"), p(&draft)]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains(&format!(
            "  PDF-001   error    IIIA/class[0]/remarks\n            {message}\n"
        )),
        "{out}"
    );
    assert!(out.ends_with("Summary: 1 error, 0 warnings\n"), "{out}");

    let pdf = dir.path().join("bell.pdf");
    let (code, _, err) = run(&[os("export"), p(&draft), os("-o"), p(&pdf)]);
    assert_eq!(code, Some(3), "{err}");
    assert!(err.contains(message), "{err}");
    assert!(!pdf.exists());
}

#[test]
fn check_sums_up_a_rule_that_fires_many_times() {
    let dir = tempfile::tempdir().unwrap();
    let mut ret = io::load(&example("kingsoft-cloud-2024-10.ron")).unwrap();
    let next = ret.next_class_id().0;
    for k in 0..25 {
        let id = monthly_return::model::ClassId(next + k);
        // Unlisted, so the only finding of each is that no part uses it.
        let mut class = monthly_return::model::ShareClass::new(id);
        class.listed = false;
        ret.classes.push(class);
    }
    let draft = dir.path().join("unused-classes.ron");
    io::save(&draft, &ret).unwrap();

    let (code, out, _) = run(&[os("check"), p(&draft)]);
    assert_eq!(code, Some(0), "{out}");
    assert_eq!(
        out.matches("  STR-006   warning  classes[").count(),
        20,
        "{out}"
    );
    assert!(
        out.contains("  STR-006   warning  classes[20]\n")
            && out.contains("\n  \u{2026} and 5 more findings of STR-006\n"),
        "{out}"
    );
    assert!(!out.contains("classes[21]"), "{out}");
    assert!(out.ends_with("Summary: 0 errors, 25 warnings\n"), "{out}");
}

#[test]
fn diff_lists_each_balance_and_exits_1_when_one_was_not_brought_forward() {
    let dir = tempfile::tempdir().unwrap();
    let march = example("h-and-a-shares-2025-03.ron");
    let april = dir.path().join("april.ron");
    let (code, out, err) = run(&[os("roll-forward"), p(&march), os("-o"), p(&april)]);
    assert_eq!(code, Some(0), "{out}{err}");

    let (code, out, err) = run(&[os("diff"), p(&march), p(&april)]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(
        out.starts_with("Last month: month ended 31 March 2025"),
        "{out}"
    );
    assert!(
        out.contains("This month: month ended 30 April 2025"),
        "{out}"
    );
    assert!(
        out.contains("Every balance brought forward agrees with last month's close."),
        "{out}"
    );

    let mut ret = io::load(&april).unwrap();
    ret.part2.part.blocks[0].preceding.treasury = Some(3_500_000);
    io::save(&april, &ret).unwrap();
    let (code, out, _) = run(&[os("diff"), p(&march), p(&april)]);
    assert_eq!(code, Some(1), "{out}");
    let flagged: Vec<&str> = out.lines().filter(|l| l.starts_with('!')).collect();
    assert_eq!(flagged.len(), 1, "{out}");
    assert!(
        flagged[0].contains("treasury shares: last month closed at")
            && flagged[0].contains("brought forward 3,500,000"),
        "{out}"
    );
    assert!(out.contains("1 balance brought forward differs"), "{out}");
    // The same report twice: a stable order.
    assert_eq!(run(&[os("diff"), p(&march), p(&april)]).1, out);

    // A missing file is exit 2, naming it.
    let (code, _, err) = run(&[os("diff"), p(&dir.path().join("nope.ron")), p(&april)]);
    assert_eq!(code, Some(2));
    assert!(err.contains("nope.ron"), "{err}");
}

/// `diff` and `check --previous` take last month's published PDF as well as a draft.
#[test]
fn diff_and_check_take_last_months_published_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/reference/ff301-v1.2.0-moon-inc-2026-01.pdf");
    let feb = dir.path().join("moon-2026-02.ron");
    let (code, out, err) = run(&[
        os("roll-forward"),
        p(&example("moon-inc-2026-01.ron")),
        os("-o"),
        p(&feb),
    ]);
    assert_eq!(code, Some(0), "{out}{err}");

    let (code, out, err) = run(&[os("diff"), p(&pdf), p(&feb)]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(
        out.starts_with(
            "Last month: month ended 31 January 2026, Moon Inc. (from the published \
             return ff301-v1.2.0-moon-inc-2026-01.pdf)"
        ),
        "{out}"
    );
    assert!(
        out.contains("Every balance brought forward agrees"),
        "{out}"
    );

    let mut ret = io::load(&feb).unwrap();
    ret.part3c.blocks[0].convertibles[0].preceding_amount = Some(rust_decimal::Decimal::new(1, 0));
    io::save(&feb, &ret).unwrap();
    let (code, out, _) = run(&[os("check"), p(&feb), os("--previous"), p(&pdf)]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("PREV-006"), "{out}");
    assert!(out.contains("closed at 52,377,600"), "{out}");
    let (code, out, _) = run(&[os("diff"), p(&pdf), p(&feb)]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("(difference -52,377,599)"), "{out}");
}

/// A file named .pdf is read as a PDF whatever it holds, so a mislabelled one is reported as
/// "not a PDF" rather than as a broken draft; `check` on a PDF says how to read one.
#[test]
fn files_named_pdf_are_reported_as_pdfs() {
    let dir = tempfile::tempdir().unwrap();
    let fake = dir.path().join("scan.pdf");
    fs::write(&fake, b"\x89PNG\r\n\x1a\n not a pdf").unwrap();
    let april = example("h-and-a-shares-2025-03.ron");
    let (code, _, err) = run(&[os("diff"), p(&fake), p(&april)]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("scan.pdf") && err.contains("not a PDF"),
        "{err}"
    );
    assert!(!err.contains("draft"), "{err}");

    let pdf = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/reference/ff301-v1.2.0-moon-inc-2026-01.pdf");
    let (code, _, err) = run(&[os("check"), p(&pdf)]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("is a PDF, not a draft") && err.contains("monthly-return import"),
        "{err}"
    );
}
