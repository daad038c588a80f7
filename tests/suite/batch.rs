//! `check` and `export` over many drafts (issue 12): 200 generated returns in a folder, one of
//! them broken; each reported once in order, totals and exit status, JSON lines equal to the text.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use monthly_return::calendar;
use monthly_return::format::{counted, date};
use monthly_return::io;
use monthly_return::rules::{self, Severity};
use serde_json::Value;

/// "Today" for every run here, so that the days left are fixed.
const TODAY: &str = "2025-01-15";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 15).unwrap()
}

fn example(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("templates/examples")
        .join(name)
}

/// Runs the binary with "today" fixed and two workers (parallel even on one core).
fn run(args: &[&Path]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_monthly-return"))
        .args(args)
        .env(monthly_return::cli::TODAY_ENV, TODAY)
        .env(monthly_return::cli::JOBS_ENV, "2")
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn a(s: &str) -> &Path {
    Path::new(s)
}

/// What the report must say of one generated draft: `None` for the broken one.
struct Expected {
    file: PathBuf,
    ret: Option<(String, NaiveDate, usize, usize)>,
}

const BROKEN: usize = 137;

/// `n` drafts `r000.ron`…: the four examples varied by `examples::batch_variant` (issuer
/// renamed with Chinese, quotes and backslashes; some a month later, some without issuer: errors);
/// draft `BROKEN` is not a draft at all. The expected counts come from the library's own checks
/// of the saved file.
fn generate(dir: &Path, n: usize) -> Vec<Expected> {
    let examples = [
        "kingsoft-cloud-2024-10.ron",
        "h-and-a-shares-2025-03.ron",
        "convertible-and-placing-2025-06.ron",
        "moon-inc-2026-01.ron",
    ]
    .map(|name| io::load(&example(name)).unwrap());
    let mut expected = Vec::new();
    for i in 0..n {
        let file = dir.join(format!("r{i:03}.ron"));
        if i == BROKEN {
            fs::write(
                &file,
                "(format_version: 1, ret: (header: (issuer_name: 5)))",
            )
            .unwrap();
            expected.push(Expected { file, ret: None });
            continue;
        }
        let ret = monthly_return::examples::batch_variant(&examples, i);
        io::save(&file, &ret).unwrap();
        let saved = io::load(&file).unwrap();
        let derived = monthly_return::calc::derive(&saved);
        let found = rules::check_capped(&saved, &derived, None, 0);
        expected.push(Expected {
            file,
            ret: Some((
                saved.header.issuer_name.clone(),
                saved.header.month_end.unwrap(),
                found.count(Severity::Error),
                found.count(Severity::Warning),
            )),
        });
    }
    expected
}

/// The line the text report must print for a readable draft (before any export note).
fn line_of(
    file: &Path,
    issuer: &str,
    month_end: NaiveDate,
    errors: usize,
    warnings: usize,
) -> String {
    let issuer = if issuer.is_empty() {
        "(no issuer name)"
    } else {
        issuer
    };
    let due = calendar::due_date(month_end);
    let days = (due.date().unwrap() - today()).num_days();
    let days = match days {
        0 => "due today".to_string(),
        n if n > 0 => format!("{} left", counted(n as usize, "day")),
        n => format!("{} overdue", counted(n.unsigned_abs() as usize, "day")),
    };
    format!(
        "{}: {issuer}, month ended {}: {}, {}; due {}, {days}",
        file.display(),
        date(month_end),
        counted(errors, "error"),
        counted(warnings, "warning"),
        due.short()
    )
}

#[test]
fn check_reports_200_drafts_in_order_with_the_broken_one_and_totals() {
    let dir = tempfile::tempdir().unwrap();
    let expected = generate(dir.path(), 200);
    let (code, out, err) = run(&[a("check"), dir.path()]);
    // The broken draft makes the whole run "could not read".
    assert_eq!(code, Some(2), "{out}{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 201, "{out}");

    let (mut with_errors, mut errors, mut warnings) = (0, 0, 0);
    for (e, line) in expected.iter().zip(&lines) {
        match &e.ret {
            Some((issuer, month_end, n_err, n_warn)) => {
                assert_eq!(*line, line_of(&e.file, issuer, *month_end, *n_err, *n_warn));
                with_errors += usize::from(*n_err > 0);
                errors += n_err;
                warnings += n_warn;
            }
            None => {
                let start = format!("{}: unreadable: line 1, column ", e.file.display());
                assert!(line.starts_with(&start), "{line}");
            }
        }
    }
    // The generator's mix did what it says: some returns clean, some with errors.
    assert!(with_errors > 20 && with_errors < 150, "{with_errors}");
    assert_eq!(
        lines[200],
        format!(
            "Total: 200 returns: {} ok, {with_errors} with errors, 1 unreadable; {}, {}",
            199 - with_errors,
            counted(errors, "error"),
            counted(warnings, "warning")
        )
    );

    // Without the broken one: the worst is "errors" (1); the clean ones alone give 0. Files
    // named one by one are reported in the order given.
    fs::remove_file(&expected[BROKEN].file).unwrap();
    let (code, _, _) = run(&[a("check"), dir.path()]);
    assert_eq!(code, Some(1));
    let clean: Vec<&Path> = expected
        .iter()
        .filter(|e| e.ret.as_ref().is_some_and(|r| r.2 == 0))
        .map(|e| e.file.as_path())
        .take(5)
        .collect();
    let mut args = vec![a("check")];
    args.extend(clean.iter().rev());
    let (code, out, _) = run(&args);
    assert_eq!(code, Some(0), "{out}");
    let files: Vec<&str> = out.lines().map(|l| l.split(": ").next().unwrap()).collect();
    let given: Vec<String> = clean
        .iter()
        .rev()
        .map(|p| p.display().to_string())
        .collect();
    assert_eq!(files[..5], given[..]);
}

#[test]
fn json_lines_parse_and_say_what_the_text_says() {
    let dir = tempfile::tempdir().unwrap();
    let expected = generate(dir.path(), 200);
    let (code, text, _) = run(&[a("check"), dir.path()]);
    let (json_code, json, _) = run(&[a("check"), a("--format"), a("json"), dir.path()]);
    assert_eq!(code, json_code);
    let objects: Vec<Value> = json
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(objects.len(), 201);

    for ((e, o), line) in expected.iter().zip(&objects).zip(text.lines()) {
        assert_eq!(o["file"], e.file.display().to_string());
        match &e.ret {
            Some((issuer, month_end, n_err, n_warn)) => {
                // Chinese, quotes and backslashes come back exactly.
                assert_eq!(o["issuer"], issuer.as_str());
                assert_eq!(o["month_end"], month_end.to_string());
                assert_eq!(o["errors"], *n_err);
                assert_eq!(o["warnings"], *n_warn);
                assert_eq!(o["status"], if *n_err > 0 { "errors" } else { "ok" });
                assert_eq!(o["error"], Value::Null);
                let due = calendar::due_date(*month_end);
                assert_eq!(o["due"], due.deadline_hkt().unwrap().to_rfc3339().as_str());
                assert!(o["due"].as_str().unwrap().ends_with("T08:30:00+08:00"));
                let days = (due.date().unwrap() - today()).num_days();
                assert_eq!(o["days_left"], days);
                assert!(o.get("output").is_none(), "{o}");
            }
            None => {
                assert_eq!(o["status"], "unreadable");
                assert_eq!(o["issuer"], Value::Null);
                let reason = o["error"].as_str().unwrap();
                assert_eq!(line, format!("{}: unreadable: {reason}", e.file.display()));
            }
        }
    }
    let total = &objects[200]["total"];
    let count = |status: &str| {
        objects[..200]
            .iter()
            .filter(|o| o["status"] == status)
            .count()
    };
    assert_eq!(total["returns"], 200);
    assert_eq!(total["ok"], count("ok"));
    assert_eq!(total["with_errors"], count("errors"));
    assert_eq!(total["unreadable"], 1);
    let sum = |key: &str| -> u64 { objects[..200].iter().filter_map(|o| o[key].as_u64()).sum() };
    assert_eq!(total["errors"], sum("errors"));
    assert_eq!(total["warnings"], sum("warnings"));
    let last = text.lines().last().unwrap();
    assert!(
        last.contains(&format!("{} with errors", count("errors"))),
        "{last}"
    );
}

#[test]
fn export_writes_one_pdf_per_draft_and_replaces_none_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let drafts = dir.path().join("drafts");
    fs::create_dir(&drafts).unwrap();
    let expected = generate(&drafts, 4);
    // r000 has no issuer name: exported as a DRAFT.
    assert!(expected[0].ret.as_ref().unwrap().2 > 0);
    let out_dir = dir.path().join("pdfs/2025-01");
    let (code, out, err) = run(&[a("export"), &drafts, a("-o"), &out_dir]);
    assert_eq!(code, Some(1), "{out}{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5, "{out}");
    let mut written = Vec::new();
    for (e, line) in expected.iter().zip(&lines) {
        let pdf = out_dir.join(format!(
            "{}.pdf",
            e.file.file_stem().unwrap().to_str().unwrap()
        ));
        let bytes = fs::read(&pdf).unwrap();
        assert!(bytes.starts_with(b"%PDF"));
        let draft_mark = e.ret.as_ref().unwrap().2 > 0;
        assert!(
            line.ends_with(&format!(
                "; wrote {}{}",
                pdf.display(),
                if draft_mark { " as a DRAFT" } else { "" }
            )),
            "{line}"
        );
        written.push((pdf, bytes));
    }
    let counts = expected.iter().map(|e| e.ret.as_ref().unwrap());
    let with_errors = counts.clone().filter(|r| r.2 > 0).count();
    assert_eq!(
        lines[4],
        format!(
            "Total: 4 returns: {} ok, {with_errors} with errors, 0 unreadable, 0 not written; {}, {}; 4 PDFs written",
            4 - with_errors,
            counted(counts.clone().map(|r| r.2).sum(), "error"),
            counted(counts.map(|r| r.3).sum(), "warning"),
        )
    );
    assert_eq!(fs::read_dir(&out_dir).unwrap().count(), 4);

    // Again without --force: nothing replaced, each refusal on its own line, exit 3.
    for (pdf, _) in &written {
        fs::write(pdf, b"kept").unwrap();
    }
    let (code, out, _) = run(&[a("export"), &drafts, a("-o"), &out_dir]);
    assert_eq!(code, Some(3), "{out}");
    for ((pdf, _), line) in written.iter().zip(out.lines()) {
        assert!(
            line.ends_with(&format!(
                "; not written: {} already exists: use --force to replace it",
                pdf.display()
            )),
            "{line}"
        );
        assert_eq!(fs::read(pdf).unwrap(), b"kept");
    }
    // JSON says the same, and with --force every PDF is written again.
    let (code, json, _) = run(&[
        a("export"),
        &drafts,
        a("-o"),
        &out_dir,
        a("--force"),
        a("--format"),
        a("json"),
    ]);
    assert_eq!(code, Some(1), "{json}");
    let objects: Vec<Value> = json
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for ((pdf, bytes), o) in written.iter().zip(&objects) {
        assert_eq!(o["output"], pdf.display().to_string());
        assert_eq!(
            &fs::read(pdf).unwrap(),
            bytes,
            "the same return gives the same bytes"
        );
    }
    assert_eq!(objects[4]["total"]["written"], 4);
    assert_eq!(objects[4]["total"]["not_written"], 0);
}

#[test]
fn drafts_of_the_same_name_and_unreadable_ones_do_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let (one, two) = (dir.path().join("one"), dir.path().join("two"));
    fs::create_dir(&one).unwrap();
    fs::create_dir(&two).unwrap();
    let kingsoft = example("kingsoft-cloud-2024-10.ron");
    fs::copy(&kingsoft, one.join("k.ron")).unwrap();
    fs::copy(&kingsoft, two.join("k.ron")).unwrap();
    let missing = dir.path().join("missing.ron");
    let out_dir = dir.path().join("out");
    let (code, out, _) = run(&[a("export"), &one, &missing, &two, a("-o"), &out_dir]);
    assert_eq!(code, Some(2), "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].ends_with(&format!("; wrote {}", out_dir.join("k.pdf").display())),
        "{out}"
    );
    assert!(lines[1].ends_with("unreadable: no such file"), "{out}");
    assert!(
        lines[2].contains("also the PDF of an earlier draft"),
        "{out}"
    );
    assert!(
        lines[3].starts_with("Total: 3 returns: 1 ok, 0 with errors, 1 unreadable, 1 not written"),
        "{out}"
    );

    // A folder with no draft: its own line among others; alone, nothing to report (exit 2).
    let empty = dir.path().join("empty");
    fs::create_dir(&empty).unwrap();
    let (code, out, _) = run(&[a("check"), &empty, &one]);
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.starts_with(&format!(
            "{}: unreadable: no drafts (*.ron) in this folder\n",
            empty.display()
        )),
        "{out}"
    );
    let (code, out, err) = run(&[a("check"), &empty]);
    assert_eq!((code, out.as_str()), (Some(2), ""));
    assert!(err.contains(&empty.display().to_string()), "{err}");

    // --previous is for one draft; --format makes a single draft a batch of one.
    let (code, _, err) = run(&[a("check"), &one, a("--previous"), &kingsoft]);
    assert_eq!(code, Some(2));
    assert!(err.contains("single draft"), "{err}");
    let (code, json, _) = run(&[a("check"), &kingsoft, a("--format"), a("json")]);
    assert_eq!(code, Some(0));
    let first: Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
    assert_eq!(first["issuer"], "Kingsoft Cloud Holdings Limited");
    assert_eq!(first["days_left"], -69);
}

/// A folder of drafts usually holds the issuer's Form 6-K profile too (the editor suggests
/// saving it beside them): checking the folder reports each draft and never the profile as a
/// broken draft. `templates/examples/` is such a folder.
#[test]
fn a_form_6k_profile_beside_the_drafts_is_not_a_draft() {
    let examples = example("");
    let (code, out, err) = run(&[a("check"), &examples]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(!out.contains("6k-profile"), "{out}");
    for name in [
        "convertible-and-placing-2025-06.ron",
        "h-and-a-shares-2025-03.ron",
        "kingsoft-cloud-2024-10.ron",
        "moon-inc-2026-01.ron",
    ] {
        assert_eq!(
            out.lines().filter(|l| l.contains(name)).count(),
            1,
            "{name}: {out}"
        );
    }
    // Saved by the editor under another name, it is told by its first line.
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        example("kingsoft-cloud-2024-10.ron"),
        dir.path().join("k.ron"),
    )
    .unwrap();
    let profile =
        monthly_return::sixk::profile::load(&example("kingsoft-cloud-6k-profile.ron")).unwrap();
    monthly_return::sixk::profile::save(&dir.path().join("kingsoft-sec.ron"), &profile).unwrap();
    let (code, out, err) = run(&[a("check"), dir.path()]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(!out.contains("kingsoft-sec.ron"), "{out}");
}
