//! Files that are not good drafts: each gets its own clear error (file, line, column, what was
//! expected, version numbers), `check` exits 2, nothing panics and nothing is written.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use monthly_return::io::{self, LoadError, MAX_DRAFT_BYTES, ParseError, SaveError, WriteError};
use monthly_return::model::MonthlyReturn;

fn kingsoft_text() -> String {
    fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("templates/examples/kingsoft-cloud-2024-10.ron"),
    )
    .unwrap()
}

/// 1-based line and character column of the first occurrence of `needle`.
fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).unwrap();
    let before = &text[..at];
    let line = 1 + before.matches('\n').count();
    let column = 1 + before.rsplit('\n').next().unwrap().chars().count();
    (line, column)
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

/// Runs `monthly-return check` on `path`: asserts exit 2 and that stderr names the file; returns
/// stderr.
fn check_exits_2(path: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_monthly-return"))
        .arg("check")
        .arg(path)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert!(out.stdout.is_empty());
    assert!(
        stderr.contains(&path.display().to_string()),
        "stderr does not name the file: {stderr}"
    );
    stderr
}

/// Loads a draft that must fail, checks the CLI agrees, and that the file was left as it was.
fn load_err(path: &Path) -> (LoadError, String) {
    let before = fs::read(path).ok();
    let err = io::load(path).unwrap_err();
    let stderr = check_exits_2(path);
    assert_eq!(fs::read(path).ok(), before, "the bad file was modified");
    (err, stderr)
}

#[test]
fn truncated_draft_points_at_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let text = kingsoft_text();
    let cut = text.find("funds_raised").unwrap();
    let path = write(dir.path(), "truncated.ron", &text[..cut + 5]);
    let (err, stderr) = load_err(&path);
    let (line, _) = position_of(&text, "funds_raised");
    let Some((l, _)) = err.location() else {
        panic!("no location: {err}")
    };
    assert_eq!(l, line, "{err}");
    let msg = err.to_string();
    assert!(msg.contains("truncated"), "{msg}");
    assert!(stderr.contains(&format!("line {line}, column")), "{stderr}");
}

#[test]
fn empty_file_is_malformed_at_line_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "empty.ron", "");
    let (err, _) = load_err(&path);
    assert_eq!(err.location(), Some((1, 1)), "{err}");
}

#[test]
fn wrong_type_says_what_was_expected_and_where() {
    let dir = tempfile::tempdir().unwrap();
    let text = kingsoft_text().replace("Some(40_000_000_000)", "Some(\"forty billion\")");
    let path = write(dir.path(), "wrong-type.ron", &text);
    let (err, stderr) = load_err(&path);
    let (line, column) = position_of(&text, "\"forty billion\"");
    assert_eq!(err.location(), Some((line, column)), "{err}");
    assert!(err.to_string().contains("expected integer"), "{err}");
    assert!(
        stderr.contains(&format!("line {line}, column {column}: expected integer")),
        "{stderr}"
    );
}

#[test]
fn wrong_enum_variant_lists_the_choices() {
    let dir = tempfile::tempdir().unwrap();
    let text = kingsoft_text().replace("status: NewSubmission", "status: Draft");
    let path = write(dir.path(), "variant.ron", &text);
    let (err, _) = load_err(&path);
    let (line, column) = position_of(&text, "Draft,");
    assert_eq!(err.location(), Some((line, column)));
    let msg = err.to_string();
    assert!(
        msg.contains("`Draft`") && msg.contains("`Revision`"),
        "{msg}"
    );
}

#[test]
fn impossible_date_and_bad_decimal_are_explained() {
    let dir = tempfile::tempdir().unwrap();
    let text = kingsoft_text().replace("2024-10-31", "2024-02-30");
    let path = write(dir.path(), "date.ron", &text);
    let (err, _) = load_err(&path);
    assert_eq!(
        err.location(),
        Some(position_of(&text, "\"2024-02-30\"")),
        "{err}"
    );
    assert!(
        err.to_string().contains("expected a date \"YYYY-MM-DD\""),
        "{err}"
    );

    let text = kingsoft_text().replace("Some(\"0.001\")", "Some(\"0,001\")");
    let path = write(dir.path(), "decimal.ron", &text);
    let (err, _) = load_err(&path);
    assert!(
        err.to_string()
            .contains("expected a decimal number such as \"0.001\", found \"0,001\""),
        "{err}"
    );
}

#[test]
fn unknown_field_names_the_field_the_struct_and_the_choices() {
    let dir = tempfile::tempdir().unwrap();
    let text = kingsoft_text().replace(
        "issuer_name: \"Kingsoft",
        "colour: \"blue\",\n            issuer_name: \"Kingsoft",
    );
    let path = write(dir.path(), "unknown-field.ron", &text);
    let (err, stderr) = load_err(&path);
    let (line, column) = position_of(&text, "colour");
    match &err {
        LoadError::Parse {
            error:
                ParseError::UnknownField {
                    line: l,
                    column: c,
                    field,
                    in_struct,
                    expected,
                },
            ..
        } => {
            assert_eq!((*l, *c), (line, column));
            assert_eq!(field, "colour");
            assert_eq!(in_struct.as_deref(), Some("Header"));
            assert!(expected.contains(&"issuer_name"));
        }
        other => panic!("wrong error: {other:?}"),
    }
    assert!(
        stderr.contains(&format!(
            "line {line}, column {column}: unknown field `colour` in Header; expected one of: issuer_name, month_end, status, date_submitted"
        )),
        "{stderr}"
    );
}

#[test]
fn numbers_too_large_for_their_field() {
    let dir = tempfile::tempdir().unwrap();
    // 2^63 = 9,223,372,036,854,775,808: one more than a share count can hold.
    let text = kingsoft_text().replace("Some(3_805_284_801)", "Some(9223372036854775808)");
    let path = write(dir.path(), "big-count.ron", &text);
    let (err, stderr) = load_err(&path);
    let (line, column) = position_of(&text, "9223372036854775808");
    assert!(
        matches!(
            &err,
            LoadError::Parse { error: ParseError::NumberTooLarge { number, .. }, .. }
                if number == "9223372036854775808"
        ),
        "{err:?}"
    );
    assert_eq!(err.location(), Some((line, column)));
    assert!(
        stderr.contains(&format!(
            "line {line}, column {column}: the number 9223372036854775808 is too large for its field"
        )),
        "{stderr}"
    );

    // 32 digits: more than a 96-bit decimal amount can hold.
    let big = "99999999999999999999999999999999";
    let text = kingsoft_text().replace("Some(\"0.001\")", &format!("Some(\"{big}\")"));
    let path = write(dir.path(), "big-amount.ron", &text);
    let (err, _) = load_err(&path);
    assert!(
        matches!(
            &err,
            LoadError::Parse {
                error: ParseError::NumberTooLarge { .. },
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        err.location(),
        Some(position_of(&text, &format!("\"{big}\"")))
    );
}

#[test]
fn newer_format_version_is_refused_before_anything_else() {
    let dir = tempfile::tempdir().unwrap();
    // A draft of the next format would also carry fields this version does not know: the
    // version message must win over "unknown field".
    let supported = monthly_return::io::FORMAT_VERSION;
    let newer = u64::from(supported) + 1;
    let text = kingsoft_text()
        .replace("format_version: 1,", &format!("format_version: {newer},"))
        .replace(
            "status: NewSubmission,",
            "status: NewSubmission, lodged_via: \"e-Submission\",",
        );
    let path = write(dir.path(), "future.ron", &text);
    let (err, stderr) = load_err(&path);
    assert!(matches!(
        &err,
        LoadError::Parse {
            error: ParseError::NewerFormat { found, supported: s },
            ..
        } if *found == newer && *s == supported
    ));
    assert!(
        stderr.contains(&format!(
            "this draft was written in format {newer} by a newer monthly-return; this version \
             reads up to format {supported}"
        )),
        "{stderr}"
    );
}

#[test]
fn missing_and_impossible_versions() {
    let dir = tempfile::tempdir().unwrap();
    let text = kingsoft_text().replace("format_version: 1,", "");
    let path = write(dir.path(), "no-version.ron", &text);
    let (err, stderr) = load_err(&path);
    assert!(matches!(
        &err,
        LoadError::Parse {
            error: ParseError::MissingVersion,
            ..
        }
    ));
    assert!(stderr.contains("no `format_version`"), "{stderr}");

    let text = kingsoft_text().replace("format_version: 1,", "format_version: 0,");
    let path = write(dir.path(), "version-0.ron", &text);
    let (err, _) = load_err(&path);
    assert!(
        err.to_string().contains("format version 0 does not exist"),
        "{err}"
    );

    let text = kingsoft_text().replace("format_version: 1,", "format_version: \"1\",");
    let path = write(dir.path(), "version-string.ron", &text);
    let (err, _) = load_err(&path);
    assert_eq!(err.location(), Some(position_of(&text, "\"1\"")), "{err}");
    assert!(err.to_string().contains("expected integer"), "{err}");
}

#[test]
fn huge_file_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    // Sparse: no disk space is used, and the loader must not read it.
    fs::File::create(&path)
        .unwrap()
        .set_len(MAX_DRAFT_BYTES + 1)
        .unwrap();
    let err = io::load(&path).unwrap_err();
    match &err {
        LoadError::TooLarge { size, limit, .. } => {
            assert_eq!(*size, MAX_DRAFT_BYTES + 1);
            assert_eq!(*limit, MAX_DRAFT_BYTES);
        }
        other => panic!("wrong error: {other:?}"),
    }
    let stderr = check_exits_2(&path);
    assert!(stderr.contains("16777217 bytes"), "{stderr}");
    assert!(stderr.contains("16777216-byte limit"), "{stderr}");
}

#[test]
fn missing_file_and_directory() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nope.ron");
    let err = io::load(&path).unwrap_err();
    assert!(matches!(err, LoadError::NotFound { .. }));
    let stderr = check_exits_2(&path);
    assert!(stderr.contains("no such file"), "{stderr}");
    assert!(!path.exists());

    let err = io::load(dir.path()).unwrap_err();
    assert!(matches!(err, LoadError::Unreadable { .. }), "{err:?}");
    check_exits_2(dir.path());
}

#[test]
fn not_utf8_gives_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"(\n    format_version: 1,\n    ret: (header: (issuer_name: \"Caf".to_vec();
    bytes.push(0xE9); // Latin-1 "é"
    bytes.extend_from_slice(b"\")),\n)\n");
    let path = write(dir.path(), "latin1.ron", &bytes);
    let (err, stderr) = load_err(&path);
    match &err {
        LoadError::NotUtf8 {
            line,
            column,
            offset,
            ..
        } => {
            assert_eq!((*line, *column), (3, 37));
            assert_eq!(*offset, bytes.iter().position(|&b| b == 0xE9).unwrap());
        }
        other => panic!("wrong error: {other:?}"),
    }
    assert!(stderr.contains("line 3, column 37: not UTF-8"), "{stderr}");
}

#[test]
fn failed_save_leaves_the_target_and_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    // The target is a non-empty directory: the final rename must fail.
    let target = dir.path().join("draft.ron");
    fs::create_dir(&target).unwrap();
    fs::write(target.join("keep.txt"), "kept").unwrap();
    let err = io::save(&target, &MonthlyReturn::blank()).unwrap_err();
    assert!(
        matches!(
            err,
            SaveError::Write {
                error: WriteError::Persist { .. },
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("draft.ron"), "{err}");
    assert_eq!(fs::read_to_string(target.join("keep.txt")).unwrap(), "kept");
    let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "temporary file left behind: {left:?}");

    // A directory that does not exist is named in the error.
    let missing = dir.path().join("no-such-dir").join("draft.ron");
    let err = io::save(&missing, &MonthlyReturn::blank()).unwrap_err();
    assert!(
        matches!(
            err,
            SaveError::Write {
                error: WriteError::TempFile { .. },
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("no-such-dir"), "{err}");
}

#[test]
fn save_replaces_atomically_and_keeps_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.ron");
    fs::write(&path, "old").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    }
    let mut ret = MonthlyReturn::blank();
    ret.header.issuer_name = "中文 \"quoted\" 股份有限公司".to_string();
    io::save(&path, &ret).unwrap();
    assert_eq!(io::load(&path).unwrap(), ret);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

/// New drafts follow the umask like any new document; a replaced draft keeps its mode; a
/// read-only draft is refused, not replaced.
#[cfg(unix)]
#[test]
fn saved_files_keep_their_mode_and_read_only_ones_are_refused() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    // The mode any program's new file gets here (0666 less the umask).
    let probe = dir.path().join("probe");
    fs::write(&probe, "").unwrap();
    let new_file_mode = mode(&probe);

    let draft = dir.path().join("new.ron");
    io::save(&draft, &MonthlyReturn::blank()).unwrap();
    assert_eq!(mode(&draft), new_file_mode, "a new draft follows the umask");

    fs::set_permissions(&draft, fs::Permissions::from_mode(0o640)).unwrap();
    io::save(&draft, &MonthlyReturn::blank()).unwrap();
    assert_eq!(mode(&draft), 0o640, "a replaced draft keeps its mode");

    fs::set_permissions(&draft, fs::Permissions::from_mode(0o444)).unwrap();
    let before = fs::read_to_string(&draft).unwrap();
    let mut changed = MonthlyReturn::blank();
    changed.header.issuer_name = "Changed".into();
    let err = io::save(&draft, &changed).unwrap_err();
    assert!(err.to_string().contains("read-only"), "{err}");
    assert_eq!(fs::read_to_string(&draft).unwrap(), before);
}

/// Saving through a symbolic link writes the file it points to and keeps the link.
#[cfg(unix)]
#[test]
fn saving_through_a_link_writes_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.ron");
    io::save(&real, &MonthlyReturn::blank()).unwrap();
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let mut changed = MonthlyReturn::blank();
    changed.header.issuer_name = "Through the link".into();
    io::save(&link, &changed).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        io::load(&real).unwrap().header.issuer_name,
        "Through the link"
    );
}

/// A temporary file that an interrupted save left next to the draft (recognisable by its name)
/// is removed by the next save of that draft; other files are left alone.
#[test]
fn a_crashed_saves_temporary_file_goes_at_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.ron");
    let leftover = dir.path().join(".draft.ron.monthly-return-Ab12Cd.tmp");
    let other = dir.path().join(".other.ron.monthly-return-Ab12Cd.tmp");
    fs::write(&leftover, "half a draft").unwrap();
    fs::write(&other, "another draft's").unwrap();
    io::save(&draft, &MonthlyReturn::blank()).unwrap();
    assert!(!leftover.exists());
    assert!(other.exists());
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}
