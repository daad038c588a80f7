//! `check` and `export` over several drafts or folders (a registrar's month: hundreds of
//! issuers). Each draft is read, checked and (for `export`) written on its own, in parallel on
//! every core, and reported on one line in the order given; one unreadable draft never stops
//! the others, and the exit status is the worst of all.

mod report;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;

use super::{Exit, out, same_file};
use crate::calc;
use crate::calendar::{self, DueDate};
use crate::io as draft;
use crate::last_month;
use crate::model::MonthlyReturn;
use crate::pdf;
use crate::rules::{self, Severity};

/// How a batch is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// One line per return, then a total.
    #[default]
    Text,
    /// One JSON object per line per return, then `{"total": …}`.
    Json,
}

/// Fixes "today" (`YYYY-MM-DD`) for the days left, so that tests and reruns print the same.
pub const TODAY_ENV: &str = "MONTHLY_RETURN_TODAY";
/// The number of worker threads (default: the cores available), for timing 1 against 2.
pub const JOBS_ENV: &str = "MONTHLY_RETURN_JOBS";

/// The one draft of a command line that keeps the single-draft report: exactly one argument,
/// not a folder, and no `--format`.
pub(super) fn single(drafts: &[PathBuf], format: Option<Format>) -> Option<&Path> {
    match drafts {
        [one] if format.is_none() && !one.is_dir() => Some(one),
        _ => None,
    }
}

/// One draft to process: its path, or why it cannot even be attempted.
struct Job {
    file: PathBuf,
    /// A folder that could not be listed or holds no draft.
    unreadable: Option<String>,
    /// `export`: where its PDF goes, or why it may not be written there.
    output: Option<Result<PathBuf, String>>,
}

/// What became of one draft.
enum Outcome {
    /// It could not be read: the reason.
    Unreadable(String),
    Read {
        summary: Summary,
        /// `export`: the PDF written, or why not.
        export: Option<Result<PathBuf, String>>,
    },
}

/// The figures of one line of the report.
struct Summary {
    issuer: String,
    month_end: Option<NaiveDate>,
    errors: usize,
    warnings: usize,
    due: Option<DueDate>,
}

impl Outcome {
    /// The exit status this draft alone would give.
    fn exit(&self) -> Exit {
        match self {
            Outcome::Unreadable(_) => Exit::BadInput,
            Outcome::Read {
                export: Some(Err(_)),
                ..
            } => Exit::NotWritten,
            Outcome::Read { summary, .. } if summary.errors > 0 => Exit::Findings,
            Outcome::Read { .. } => Exit::Ok,
        }
    }
}

/// The worse of two statuses: unreadable > not written > errors > done.
fn worst(a: Exit, b: Exit) -> Exit {
    let rank = |e: Exit| match e {
        Exit::Ok => 0,
        Exit::Findings => 1,
        Exit::NotWritten => 2,
        Exit::BadInput => 3,
    };
    if rank(b) > rank(a) { b } else { a }
}

/// `check` over several drafts or folders.
pub(super) fn check(drafts: &[PathBuf], with_previous: bool, format: Format) -> Exit {
    if with_previous {
        super::fail(
            "--previous checks a single draft against its last month, in the full report: \
             give one draft and no --format",
        );
        return Exit::BadInput;
    }
    let Some(today) = today() else {
        return Exit::BadInput;
    };
    let Some(jobs) = expand(drafts) else {
        return Exit::BadInput;
    };
    let outcomes = in_parallel(&jobs, workers(), |job| process(job, false));
    finish(&jobs, &outcomes, today, format, false)
}

/// `export` over several drafts or folders: `DIR/<draft name>.pdf` each.
pub(super) fn export(drafts: &[PathBuf], dir: &Path, force: bool, format: Format) -> Exit {
    let Some(today) = today() else {
        return Exit::BadInput;
    };
    let Some(mut jobs) = expand(drafts) else {
        return Exit::BadInput;
    };
    if let Err(e) = std::fs::create_dir_all(dir) {
        super::fail(format!("cannot create the folder {}: {e}", dir.display()));
        return Exit::NotWritten;
    }
    plan_outputs(&mut jobs, dir, force);
    let outcomes = in_parallel(&jobs, workers(), |job| process(job, true));
    finish(&jobs, &outcomes, today, format, true)
}

/// Prints the report and gives the worst status.
fn finish(
    jobs: &[Job],
    outcomes: &[Outcome],
    today: NaiveDate,
    format: Format,
    export: bool,
) -> Exit {
    let text = match format {
        Format::Text => report::text(jobs, outcomes, today, export),
        Format::Json => report::json(jobs, outcomes, today, export),
    };
    out(text);
    outcomes.iter().map(Outcome::exit).fold(Exit::Ok, worst)
}

/// The drafts named, a folder standing for its `*.ron` files (not its subfolders, not a Form
/// 6-K profile kept beside the drafts) sorted by name; a folder that cannot be listed or holds no draft is one unreadable entry. When no
/// draft is found at all (`check EMPTY_DIR`, a mistyped folder) there is nothing to report:
/// the folders' problems go to stderr and `None` (exit 2), as for one unreadable draft.
fn expand(args: &[PathBuf]) -> Option<Vec<Job>> {
    let job = |file: PathBuf, unreadable: Option<String>| Job {
        file,
        unreadable,
        output: None,
    };
    let mut jobs = Vec::new();
    for arg in args {
        if !arg.is_dir() {
            jobs.push(job(arg.clone(), None));
            continue;
        }
        match std::fs::read_dir(arg) {
            Ok(entries) => {
                let mut files: Vec<PathBuf> = entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| {
                        p.is_file()
                            && p.extension().is_some_and(|x| x.eq_ignore_ascii_case("ron"))
                            && !crate::sixk::profile::is_profile_file(p)
                    })
                    .collect();
                files.sort();
                if files.is_empty() {
                    jobs.push(job(
                        arg.clone(),
                        Some("no drafts (*.ron) in this folder".to_string()),
                    ));
                }
                jobs.extend(files.into_iter().map(|f| job(f, None)));
            }
            Err(e) => jobs.push(job(
                arg.clone(),
                Some(format!("cannot list the folder: {e}")),
            )),
        }
    }
    if jobs.iter().all(|j| j.file.is_dir()) {
        for j in &jobs {
            let reason = j.unreadable.as_deref().unwrap_or("no drafts");
            super::fail(format!("{}: {reason}", j.file.display()));
        }
        return None;
    }
    Some(jobs)
}

/// Decides each draft's PDF before any is written: `DIR/<stem>.pdf`, refused when it exists
/// (without `--force`) or when an earlier draft of the same name already claimed it.
fn plan_outputs(jobs: &mut [Job], dir: &Path, force: bool) {
    let mut claimed = HashSet::new();
    for job in jobs.iter_mut().filter(|j| j.unreadable.is_none()) {
        let stem = job.file.file_stem().unwrap_or(job.file.as_os_str());
        let mut name = stem.to_os_string();
        name.push(".pdf");
        let output = dir.join(name);
        let plan = if !claimed.insert(output.clone()) {
            Err(format!(
                "{} is also the PDF of an earlier draft of the same name",
                output.display()
            ))
        } else if same_file(&job.file, &output) {
            Err(format!("{} is the input draft", output.display()))
        } else if !force && output.exists() {
            Err(format!(
                "{} already exists: use --force to replace it",
                output.display()
            ))
        } else {
            Ok(output)
        };
        job.output = Some(plan);
    }
}

/// Reads, checks and (for `export`) writes one draft.
fn process(job: &Job, export: bool) -> Outcome {
    if let Some(reason) = &job.unreadable {
        return Outcome::Unreadable(reason.clone());
    }
    let ret = match load(&job.file) {
        Ok(r) => r,
        Err(reason) => return Outcome::Unreadable(reason),
    };
    let derived = calc::derive(&ret);
    let (errors, warnings, written) = if export {
        // The PDF's draft mark needs the findings themselves.
        let findings = rules::check(&ret, &derived, None);
        let written = match &job.output {
            Some(Ok(path)) => pdf::export_to_file(&ret, &derived, &findings, path)
                .map(|()| path.clone())
                .map_err(|e| format!("cannot export: {e}")),
            Some(Err(reason)) => Err(reason.clone()),
            None => Err("no output planned".to_string()),
        };
        (
            rules::count(&findings, Severity::Error),
            rules::count(&findings, Severity::Warning),
            Some(written),
        )
    } else {
        // Only counts are printed: none of the findings is kept.
        let capped = rules::check_capped(&ret, &derived, None, 0);
        (
            capped.count(Severity::Error),
            capped.count(Severity::Warning),
            None,
        )
    };
    Outcome::Read {
        summary: Summary {
            issuer: ret.header.issuer_name.trim().to_string(),
            month_end: ret.header.month_end,
            errors,
            warnings,
            due: ret.header.month_end.map(calendar::due_date),
        },
        export: written,
    }
}

/// A draft, or the reason it cannot be read (without the file name the line already shows).
fn load(path: &Path) -> Result<MonthlyReturn, String> {
    if last_month::looks_like_pdf(path) {
        return Err("a PDF, not a draft: read it into a draft with `monthly-return import`".into());
    }
    draft::load(path).map_err(|e| {
        let message = e.to_string();
        let prefix = format!("cannot read draft {}: ", path.display());
        message
            .strip_prefix(&prefix)
            .map_or(message.clone(), str::to_string)
    })
}

/// Today in Hong Kong, or the date in [`TODAY_ENV`]; `None` (reported) when that is not a date.
fn today() -> Option<NaiveDate> {
    match std::env::var(TODAY_ENV) {
        Ok(value) => match NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                super::fail(format!("{TODAY_ENV}={value} is not a date (YYYY-MM-DD)"));
                None
            }
        },
        Err(_) => Some(
            chrono::Utc::now()
                .with_timezone(&calendar::HKT)
                .date_naive(),
        ),
    }
}

/// The cores available, or [`JOBS_ENV`] when it is a positive number.
fn workers() -> usize {
    std::env::var(JOBS_ENV)
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|n| *n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// `f` over `items` on up to `workers` threads, each taking the next item as it finishes one;
/// the results in the items' order. A thread that cannot be started leaves its share to the
/// others (with none started, the work is done here).
fn in_parallel<T: Sync, R: Send>(
    items: &[T],
    workers: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let take = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { break };
            done.push((i, f(item)));
        }
        done
    };
    let mut pieces: Vec<Vec<(usize, R)>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers.clamp(1, items.len().max(1)))
            // The main thread's stack size: parsing and layout were only ever run there.
            .filter_map(|_| {
                std::thread::Builder::new()
                    .stack_size(8 << 20)
                    .spawn_scoped(s, take)
                    .ok()
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    pieces.push(take());
    let mut all: Vec<(usize, R)> = pieces.into_iter().flatten().collect();
    all.sort_by_key(|(i, _)| *i);
    all.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_results_keep_the_input_order() {
        let items: Vec<usize> = (0..100).collect();
        // Some items slow, so that the threads interleave and finish out of order.
        let slow = |n: &usize| {
            if n.is_multiple_of(7) {
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
            n * 2
        };
        for workers in [1, 2, 7] {
            let got = in_parallel(&items, workers, slow);
            assert_eq!(got, items.iter().map(|n| n * 2).collect::<Vec<_>>());
        }
        assert!(in_parallel(&[] as &[usize], 2, |n| *n).is_empty());
    }

    #[test]
    fn worst_status_ranks_unreadable_first() {
        let all = [Exit::Ok, Exit::Findings, Exit::NotWritten, Exit::BadInput];
        assert_eq!(all.into_iter().fold(Exit::Ok, worst), Exit::BadInput);
        assert_eq!(worst(Exit::Findings, Exit::NotWritten), Exit::NotWritten);
        assert_eq!(worst(Exit::NotWritten, Exit::Findings), Exit::NotWritten);
        assert_eq!(worst(Exit::Ok, Exit::Findings), Exit::Findings);
    }
}
