//! The Form 6-K package of one return: the cover (HTML), Exhibit 99.1 (HTML) and a review PDF of
//! the cover followed by the FF301 pages, built in memory and then written to a folder.

use std::path::{Path, PathBuf};

use super::cover::{CoverError, cover};
use super::cover_html::cover_html;
use super::cover_pdf::cover_pages;
use super::exhibit::exhibit_html;
use super::profile::Profile;
use crate::calc;
use crate::model::MonthlyReturn;
use crate::pdf::{self, DocMeta, EmitError, LayoutError};
use crate::rules::{self, Severity};

/// The file names inside the package folder.
pub const COVER_FILE: &str = "form-6k-cover.htm";
pub const EXHIBIT_FILE: &str = "ex99-1.htm";
pub const REVIEW_FILE: &str = "form-6k-review.pdf";

/// The three documents, ready to write.
#[derive(Debug, Clone)]
pub struct Package {
    pub cover_html: String,
    pub exhibit_html: String,
    pub review_pdf: Vec<u8>,
    /// Errors the rules found in the return: above zero its pages carry the draft mark.
    pub errors: usize,
}

/// Why no package could be made or written.
#[derive(Debug, thiserror::Error)]
pub enum PackageError {
    #[error(transparent)]
    Cover(#[from] CoverError),
    #[error(transparent)]
    Layout(#[from] LayoutError),
    #[error(transparent)]
    Emit(#[from] EmitError),
    #[error("{} already exists: use --force to replace it", .0.display())]
    Exists(PathBuf),
    #[error("cannot write {}: {error}", path.display())]
    Write {
        path: PathBuf,
        error: crate::io::WriteError,
    },
    #[error("cannot create the folder {}: {error}", path.display())]
    Folder {
        path: PathBuf,
        error: std::io::Error,
    },
}

/// Builds the package of `ret` for the registrant of `profile`.
pub fn build(ret: &MonthlyReturn, profile: &Profile) -> Result<Package, PackageError> {
    let c = cover(ret, profile)?;
    let derived = calc::derive(ret);
    let findings = rules::check(ret, &derived, None);
    let ff301 = pdf::export_pages(ret, &derived, &findings)?;
    let mut review = cover_pages(&c);
    review.extend(ff301.iter().cloned());
    let date = ret
        .header
        .date_submitted
        .map_or(chrono::DateTime::UNIX_EPOCH, |d| {
            d.and_time(chrono::NaiveTime::MIN).and_utc()
        });
    let meta = DocMeta {
        title: format!("Form 6-K {}", c.registrant_name),
        author: c.registrant_name.clone(),
        subject: c.for_the_month_of.clone(),
        date,
        ..DocMeta::default()
    };
    Ok(Package {
        cover_html: cover_html(&c),
        exhibit_html: exhibit_html(&ff301),
        review_pdf: pdf::emit(&review, &meta)?,
        errors: rules::count(&findings, Severity::Error),
    })
}

/// The paths the package is written to inside `dir`.
pub fn paths(dir: &Path) -> [PathBuf; 3] {
    [COVER_FILE, EXHIBIT_FILE, REVIEW_FILE].map(|name| dir.join(name))
}

/// Writes the package into `dir` (created if missing), each file atomically. Without `force`
/// nothing is written when any of the three files exists.
pub fn write(package: &Package, dir: &Path, force: bool) -> Result<[PathBuf; 3], PackageError> {
    let paths = paths(dir);
    if !force && let Some(existing) = paths.iter().find(|p| p.exists()) {
        return Err(PackageError::Exists(existing.clone()));
    }
    std::fs::create_dir_all(dir).map_err(|error| PackageError::Folder {
        path: dir.to_path_buf(),
        error,
    })?;
    let contents: [&[u8]; 3] = [
        package.cover_html.as_bytes(),
        package.exhibit_html.as_bytes(),
        &package.review_pdf,
    ];
    for (path, bytes) in paths.iter().zip(contents) {
        crate::io::write_atomic(path, bytes).map_err(|error| PackageError::Write {
            path: path.clone(),
            error,
        })?;
    }
    Ok(paths)
}
