//! The command line. `main.rs` only calls [`main`]; everything here returns an [`Exit`] so the
//! exit status is decided in one place.
//!
//! Output goes to stdout as one write (a closed pipe, `| head`, is not an error worth a panic);
//! problems go to stderr, each naming the file and, for a malformed draft, the line and column.

mod batch;
mod months;

use self::months::{diff, import, load_return, roll_forward};

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::about;
use crate::calc;
use crate::format;
use crate::io as draft;
use crate::last_month;
use crate::model::MonthlyReturn;
use crate::model::path::FormPart;
use crate::pdf;
use crate::rules::{self, CappedFindings, Severity};
use crate::sixk;

pub use batch::{Format, JOBS_ENV, TODAY_ENV};

/// How the program ended. Scripts rely on these numbers: never renumber.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Exit {
    /// Done; for `check`, no errors (warnings allowed).
    Ok = 0,
    /// `check` found errors, or `roll-forward` could not work out a closing figure.
    Findings = 1,
    /// A draft could not be read (also clap's status for a wrong command line).
    BadInput = 2,
    /// Nothing was written: the output exists (no `--force`), is the input, or writing failed.
    NotWritten = 3,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(e as u8)
    }
}

const EXIT_CODES: &str = "\
Exit status:
  0  done; for check: no errors (warnings allowed)
  1  check found errors (export: written as a DRAFT), roll-forward could not compute a
     closing figure, or import found issues to review (the draft is still written)
  2  a draft or PDF could not be read, or the command line is wrong
  3  nothing written: the output exists (use --force), is the input, or writing failed
With several drafts or a folder, check and export exit with the worst status of all
(2, then 3, then 1, then 0).";

/// Prepare, check and roll forward the HKEX FF301 Monthly Return for Equity Issuers.
// `--version` and the help's closing text are added at run time by [`command`].
#[derive(Debug, Parser)]
#[command(
    name = "monthly-return",
    version,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A draft to open in the editor.
    pub path: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a draft: print the due date and the findings by part. With several drafts or a
    /// folder (its *.ron files), one line per return (issuer, month, errors, warnings, due
    /// date, days left) and a total.
    Check {
        /// The draft (.ron) to check; or several, or folders of drafts.
        #[arg(required = true, value_name = "DRAFT")]
        drafts: Vec<PathBuf>,
        /// Last month's return (a draft or its published PDF): check the balances brought
        /// forward against it instead of the month the draft is linked to.
        #[arg(long, value_name = "LAST_MONTH")]
        previous: Option<PathBuf>,
        /// Report one line per return, as text or as JSON lines (also for a single draft).
        #[arg(long, value_enum)]
        format: Option<Format>,
    },
    /// Write next month's draft, starting from this draft's closing figures. DRAFT may also be
    /// a published return's PDF: it is imported first (issues reported as by `import`).
    RollForward {
        /// This month's draft, or the PDF of this month's published return.
        draft: PathBuf,
        /// Where to write next month's draft.
        #[arg(short, long, value_name = "NEXT")]
        output: PathBuf,
        /// Replace NEXT if it exists (never the input draft).
        #[arg(long)]
        force: bool,
    },
    /// Compare this month's return with last month's: for every class, scheme, warrant,
    /// instrument and HDR line, last month's close beside this month's balance brought
    /// forward, movement and close. Exits 1 when a balance brought forward differs.
    Diff {
        /// Last month's return: a draft or its published PDF.
        last: PathBuf,
        /// This month's return: a draft or a PDF.
        this: PathBuf,
    },
    /// Write a blank v1.1.0 return.
    New {
        /// Where to write the draft.
        #[arg(short, long, value_name = "DRAFT")]
        output: PathBuf,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Read a published return's PDF (HKEX's or this program's export) into a draft. Prints
    /// what could not be read or disagrees with the arithmetic, by page and field; exits 1 when
    /// there is any (the draft is still written), 2 when nothing could be read.
    Import {
        /// The PDF of the published return.
        pdf: PathBuf,
        /// Where to write the draft.
        #[arg(short, long, value_name = "DRAFT")]
        output: PathBuf,
        /// Replace DRAFT if it exists (never the input PDF).
        #[arg(long)]
        force: bool,
    },
    /// List the checks: id, severity and title.
    Rules {
        /// Add each rule's explanation.
        #[arg(long)]
        long: bool,
    },
    /// Export the return as a PDF laid out like the HKEX template. A return with errors
    /// exports as a draft (every page marked `DRAFT — n errors`) and exits 1. With several
    /// drafts or a folder, -o is a folder: DIR/<draft name>.pdf each, one line per return.
    ///
    /// With `--form-6k PROFILE` (one draft), writes the SEC Form 6-K package into the folder
    /// OUT instead: form-6k-cover.htm, ex99-1.htm (the return as Exhibit 99.1 in EDGAR HTML)
    /// and form-6k-review.pdf (the cover and the return, for review).
    Export {
        /// The draft (.ron) to export; or several, or folders of drafts.
        #[arg(required = true, value_name = "DRAFT")]
        drafts: Vec<PathBuf>,
        /// Where to write the PDF (a folder, created if missing, for several drafts or with
        /// --form-6k).
        #[arg(short, long, value_name = "OUT.pdf|DIR")]
        output: PathBuf,
        /// Replace the PDF(s) if they exist (never the input draft); with --form-6k, the
        /// package's files.
        #[arg(long)]
        force: bool,
        /// Report one line per return, as text or as JSON lines (-o is then a folder).
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// The issuer's Form 6-K profile (.ron: commission file number, address, signatory; see
        /// templates/examples/kingsoft-cloud-6k-profile.ron).
        #[arg(long = "form-6k", value_name = "PROFILE", conflicts_with = "format")]
        form_6k: Option<PathBuf>,
    },
}

/// The command line as `--help` and `--version` show it: [`Cli`] plus what only run time knows,
/// the templates this build fills in and the real folders of the recovery copies and preferences
/// (a company secretary asked "where is my unsaved work?" should find it in `--help`).
pub fn command() -> clap::Command {
    let paths = crate::ui::prefs::AppPaths::from_system();
    Cli::command()
        .long_version(about::long_version())
        .after_help(format!(
            "{EXIT_CODES}\n\n{}",
            about::file_locations_text(&paths)
        ))
}

/// Parses the command line and runs it.
pub fn main() -> ExitCode {
    let matches = command().get_matches();
    match Cli::from_arg_matches(&matches) {
        Ok(cli) => run(cli).into(),
        Err(e) => e.format(&mut command()).exit(),
    }
}

/// Runs one command.
pub fn run(cli: Cli) -> Exit {
    match cli.command {
        Some(Command::Check {
            drafts,
            previous,
            format,
        }) => match batch::single(&drafts, format) {
            Some(draft) => check(draft, previous.as_deref()),
            None => batch::check(&drafts, previous.is_some(), format.unwrap_or_default()),
        },
        Some(Command::RollForward {
            draft,
            output,
            force,
        }) => roll_forward(&draft, &output, force),
        Some(Command::Diff { last, this }) => diff(&last, &this),
        Some(Command::New { output, force }) => new(&output, force),
        Some(Command::Import { pdf, output, force }) => import(&pdf, &output, force),
        Some(Command::Rules { long }) => list_rules(long),
        Some(Command::Export {
            drafts,
            output,
            force,
            format,
            form_6k: Some(profile),
        }) => match batch::single(&drafts, format) {
            Some(draft) => export_6k(draft, &profile, &output, force),
            None => {
                fail("--form-6k makes the package of one return: give one draft");
                Exit::BadInput
            }
        },
        Some(Command::Export {
            drafts,
            output,
            force,
            format,
            form_6k: None,
        }) => match batch::single(&drafts, format) {
            Some(draft) => export(draft, &output, force),
            None => batch::export(&drafts, &output, force, format.unwrap_or_default()),
        },
        None => run_editor(cli.path),
    }
}

/// No subcommand, or a draft path: opens the editor window (on that draft). A draft that does
/// not load is reported inside the editor, which keeps running. Without a graphical session
/// (no `DISPLAY` / `WAYLAND_DISPLAY` on Linux) a bare `monthly-return` prints the usage, as a
/// command-line tool would; with a path it fails with `BadInput`, as when no window can be opened.
pub fn run_editor(path: Option<PathBuf>) -> Exit {
    if !has_display() {
        if path.is_none() {
            out(command().render_help().to_string());
            return Exit::Ok;
        }
        eprintln!(
            "monthly-return: no display for the editor window (DISPLAY and WAYLAND_DISPLAY are unset)"
        );
        return Exit::BadInput;
    }
    match crate::ui::app::run(path) {
        Ok(()) => Exit::Ok,
        Err(e) => {
            eprintln!(
                "monthly-return: cannot open the editor window: {e}\n(run `monthly-return --help` for the command-line tools)"
            );
            Exit::BadInput
        }
    }
}

/// Whether a window can be shown at all (Linux/BSD need an X11 or Wayland display).
fn has_display() -> bool {
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return true;
    }
    ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()))
}

/// Writes to stdout, ignoring a closed pipe.
fn out(text: String) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}

fn fail(message: impl std::fmt::Display) {
    eprintln!("error: {message}");
}

/// A draft; a PDF is refused with the command that reads one.
fn load(path: &Path) -> Result<MonthlyReturn, Exit> {
    if last_month::looks_like_pdf(path) {
        fail(format!(
            "{} is a PDF, not a draft: read a published return into a draft with \
             `monthly-return import {} -o DRAFT.ron`",
            path.display(),
            path.display()
        ));
        return Err(Exit::BadInput);
    }
    draft::load(path).map_err(|e| {
        fail(e);
        Exit::BadInput
    })
}

fn check(path: &Path, previous: Option<&Path>) -> Exit {
    let ret = match load(path) {
        Ok(r) => r,
        Err(e) => return e,
    };
    let prev = match previous.map(load_return).transpose() {
        Ok(p) => p,
        Err(e) => return e,
    };
    let derived = calc::derive(&ret);
    let linked = prev.as_ref().zip(previous).map(|((p, kind, _), path)| {
        last_month::capture(p, &calc::derive(p), last_month::source(*kind, path))
    });
    let findings = rules::check_capped(&ret, &derived, linked.as_ref(), SHOWN_PER_RULE);

    let mut text = String::new();
    let issuer = match ret.header.issuer_name.trim() {
        "" => "(no issuer name)",
        name => name,
    };
    let month = ret
        .header
        .month_end
        .map_or("(no month end)".to_string(), format::date);
    text.push_str(&format!(
        "{}: {issuer}, {}, month ended {month}\n",
        path.display(),
        ret.template_version.label()
    ));
    match &derived.due_date {
        Some(due) => text.push_str(&format!("Due: {due}\n")),
        None => text.push_str("Due: unknown until the month end is filled in\n"),
    }
    match linked.as_ref().or(ret.last_month.as_ref()) {
        Some(last) => text.push_str(&format!(
            "Brought-forward balances checked against: {}\n",
            last_month::compare::describe(last)
        )),
        None => text.push_str(
            "Brought-forward balances not checked: no last month linked (use --previous)\n",
        ),
    }
    text.push_str(&findings_report(&findings));
    out(text);

    if findings.count(Severity::Error) > 0 {
        Exit::Findings
    } else {
        Exit::Ok
    }
}

/// How many findings of one rule (within one part) are printed before the rest are summed up
/// in one line; `rules::check_capped` only counts the rest, the editor has them all.
const SHOWN_PER_RULE: usize = 20;

/// Findings grouped under their part's title, at most [`SHOWN_PER_RULE`] of a rule in a part
/// followed by `… and N more findings of RULE-ID`, then a summary line.
fn findings_report(capped: &CappedFindings) -> String {
    let mut text = String::new();
    let mut part: Option<FormPart> = None;
    // Findings come sorted by part, severity and id: a rule's findings in a part are one run.
    for run in capped
        .findings
        .chunk_by(|a, b| a.part() == b.part() && a.rule == b.rule)
    {
        let first = &run[0];
        if part != Some(first.part()) {
            part = Some(first.part());
            text.push_str(&format!("\n{}\n", first.part().title()));
        }
        for f in run.iter().take(SHOWN_PER_RULE) {
            text.push_str(&format!(
                "  {:<9} {:<8} {}\n            {}\n",
                f.rule,
                f.severity.to_string(),
                f.path,
                f.message
            ));
        }
        let more = capped
            .total(first.part(), first.rule)
            .saturating_sub(run.len());
        if more > 0 {
            text.push_str(&format!(
                "  \u{2026} and {} more finding{} of {}\n",
                format::count(i64::try_from(more).unwrap_or(i64::MAX)),
                if more == 1 { "" } else { "s" },
                first.rule
            ));
        }
    }
    let errors = capped.count(Severity::Error);
    let warnings = capped.count(Severity::Warning);
    text.push_str(&format!(
        "\nSummary: {} error{}, {} warning{}\n",
        errors,
        if errors == 1 { "" } else { "s" },
        warnings,
        if warnings == 1 { "" } else { "s" },
    ));
    text
}

/// Refuses to write over an existing file without `--force`, and over `input` ever.
fn may_write(output: &Path, input: Option<&Path>, force: bool) -> Result<(), Exit> {
    if let Some(input) = input
        && same_file(input, output)
    {
        fail(format!(
            "{} is the input draft: choose another output file",
            output.display()
        ));
        return Err(Exit::NotWritten);
    }
    if !force && output.exists() {
        fail(format!(
            "{} already exists: use --force to replace it",
            output.display()
        ));
        return Err(Exit::NotWritten);
    }
    Ok(())
}

/// Whether two paths name the same existing file (through `..`, symlinks or hard links).
fn same_file(a: &Path, b: &Path) -> bool {
    if let (Ok(x), Ok(y)) = (a.canonicalize(), b.canonicalize())
        && x == y
    {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    false
}

fn save(path: &Path, ret: &MonthlyReturn) -> Result<(), Exit> {
    draft::save(path, ret).map_err(|e| {
        fail(e);
        Exit::NotWritten
    })
}

fn export(input: &Path, output: &Path, force: bool) -> Exit {
    let ret = match load(input) {
        Ok(r) => r,
        Err(e) => return e,
    };
    if let Err(e) = may_write(output, Some(input), force) {
        return e;
    }
    let derived = calc::derive(&ret);
    let findings = rules::check(&ret, &derived, None);
    if let Err(e) = pdf::export_to_file(&ret, &derived, &findings, output) {
        fail(format!("cannot export {}: {e}", input.display()));
        return Exit::NotWritten;
    }
    let errors = rules::count(&findings, Severity::Error);
    if errors > 0 {
        out(format!(
            "Wrote {} as a DRAFT: the return has {errors} error{} (run `monthly-return check {}`).\n",
            output.display(),
            if errors == 1 { "" } else { "s" },
            input.display()
        ));
        Exit::Findings
    } else {
        out(format!("Wrote {}.\n", output.display()));
        Exit::Ok
    }
}

/// `export --form-6k`: the cover, the exhibit and the review PDF into the folder `dir`.
fn export_6k(input: &Path, profile_path: &Path, dir: &Path, force: bool) -> Exit {
    let ret = match load(input) {
        Ok(r) => r,
        Err(e) => return e,
    };
    let profile = match sixk::profile::load(profile_path) {
        Ok(p) => p,
        Err(e) => {
            fail(e);
            return Exit::BadInput;
        }
    };
    if dir.is_file() {
        fail(format!(
            "{} is a file: with --form-6k, -o names the folder for the package",
            dir.display()
        ));
        return Exit::NotWritten;
    }
    let package = match sixk::build(&ret, &profile) {
        Ok(p) => p,
        Err(e) => {
            fail(format!(
                "cannot make the Form 6-K package of {}: {e}",
                input.display()
            ));
            return Exit::BadInput;
        }
    };
    let written = match sixk::write(&package, dir, force) {
        Ok(paths) => paths,
        Err(e) => {
            fail(e);
            return Exit::NotWritten;
        }
    };
    let names: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
    if package.errors > 0 {
        out(format!(
            "Wrote {} as a DRAFT: the return has {} error{} (run `monthly-return check {}`).\n",
            names.join(", "),
            package.errors,
            if package.errors == 1 { "" } else { "s" },
            input.display()
        ));
        Exit::Findings
    } else {
        out(format!("Wrote {}.\n", names.join(", ")));
        Exit::Ok
    }
}

fn new(output: &Path, force: bool) -> Exit {
    if let Err(e) = may_write(output, None, force) {
        return e;
    }
    let ret = MonthlyReturn::blank();
    if let Err(e) = save(output, &ret) {
        return e;
    }
    out(format!(
        "Wrote a blank {} return to {}.\n",
        ret.template_version.label(),
        output.display()
    ));
    Exit::Ok
}

fn list_rules(long: bool) -> Exit {
    let mut text = String::new();
    for rule in rules::catalogue() {
        text.push_str(&format!(
            "{:<9} {:<8} {}\n",
            rule.id,
            rule.severity.to_string(),
            rule.title
        ));
        if long {
            for line in wrap(rule.explanation, 78) {
                text.push_str(&format!("          {line}\n"));
            }
            text.push('\n');
        }
    }
    out(text);
    Exit::Ok
}

/// Greedy word wrap for explanations in a terminal.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_line_is_well_formed() {
        command().debug_assert();
    }

    #[test]
    fn help_names_the_folders_and_version_the_templates() {
        let mut cmd = command();
        let help = cmd.render_long_help().to_string();
        assert!(help.contains("Exit status:"), "{help}");
        assert!(
            help.contains("Recovery copies of unsaved changes"),
            "{help}"
        );
        assert!(help.contains("Preferences"), "{help}");
        assert!(help.contains("Logs"), "{help}");
        let version = cmd.render_long_version();
        assert!(version.contains("v1.1.0, v1.2.0"), "{version}");
    }

    #[test]
    fn wrap_keeps_words_whole() {
        assert_eq!(
            wrap("aa bb cc dd", 5),
            vec!["aa bb".to_string(), "cc dd".to_string()]
        );
        assert!(wrap("", 5).is_empty());
    }
}
