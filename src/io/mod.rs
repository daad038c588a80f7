//! Drafts on disk: a [`MonthlyReturn`] in RON inside a versioned envelope
//! (`docs/draft-format.md`).
//!
//! - [`load`] refuses anything that is not a draft this build understands, with an error naming the
//!   file and, where there is one, the line and column. It hands back only the return: there is
//!   no "document bound to a path" to save over, so a file that could not be read is never
//!   overwritten by accident. Callers save to a path the user chose or to the path of a draft
//!   that loaded successfully.
//! - [`save`] is atomic ([`write_atomic`]): a temporary file in the same directory is written,
//!   flushed, synced and renamed over the target, so a crash or a full disk leaves the previous
//!   file intact; new files follow the umask, replaced ones keep their mode, links are followed,
//!   read-only files are refused.

mod atomic;
mod error;
mod format;

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

pub use atomic::{WriteError, write_atomic};
pub use error::{LoadError, ParseError, SaveError};
pub use format::{Draft, FORMAT_VERSION, from_str, to_string};

use crate::model::MonthlyReturn;

/// Drafts larger than this are refused before being read: a real draft is a few kilobytes and
/// even the stress return is well under a megabyte.
pub const MAX_DRAFT_BYTES: u64 = 16 * 1024 * 1024;

/// What a file on disk looked like: its size and modification time. A different stamp at the
/// same path means another program (or another window) changed the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DiskStamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
}

/// The stamp of the file at `path` now; `None` when there is no file to read.
pub fn disk_stamp(path: &Path) -> Option<DiskStamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some(DiskStamp {
        len: meta.len(),
        modified: meta.modified().ok(),
    })
}

/// Reads the draft at `path`.
pub fn load(path: &Path) -> Result<MonthlyReturn, LoadError> {
    let text = read_text(path)?;
    from_str(&text).map_err(|error| LoadError::Parse {
        path: path.to_path_buf(),
        error,
    })
}

/// Reads a file whole, after checking its size, and insists on UTF-8.
pub(crate) fn read_text(path: &Path) -> Result<String, LoadError> {
    let unreadable = |error: io::Error| LoadError::Unreadable {
        path: path.to_path_buf(),
        error,
    };
    let file = File::open(path).map_err(|error| match error.kind() {
        io::ErrorKind::NotFound => LoadError::NotFound {
            path: path.to_path_buf(),
        },
        _ => unreadable(error),
    })?;
    let size = file.metadata().map_err(unreadable)?.len();
    let too_large = |size| LoadError::TooLarge {
        path: path.to_path_buf(),
        size,
        limit: MAX_DRAFT_BYTES,
    };
    if size > MAX_DRAFT_BYTES {
        return Err(too_large(size));
    }
    // `take` guards against a file that grows between the size check and the read.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(MAX_DRAFT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > MAX_DRAFT_BYTES {
        return Err(too_large(read));
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        // The bytes before `valid_up_to` are valid UTF-8 by definition.
        let valid = std::str::from_utf8(&e.as_bytes()[..offset]).unwrap_or("");
        let at = error::position_at(valid, valid.len());
        LoadError::NotUtf8 {
            path: path.to_path_buf(),
            line: at.line,
            column: at.col,
            offset,
        }
    })
}

/// Writes `ret` to `path` atomically, in the current format. On any error the file previously at
/// `path` (if any) is left as it was.
pub fn save(path: &Path, ret: &MonthlyReturn) -> Result<(), SaveError> {
    let text = to_string(ret).map_err(|error| SaveError::Serialize {
        path: path.to_path_buf(),
        error,
    })?;
    write_atomic(path, text.as_bytes()).map_err(|error| SaveError::Write {
        path: path.to_path_buf(),
        error,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_return_round_trips_through_text() {
        let ret = MonthlyReturn::blank();
        let text = to_string(&ret).unwrap();
        assert!(text.starts_with("// FF301 monthly return draft"));
        assert!(text.contains("format_version: 3"));
        assert_eq!(from_str(&text).unwrap(), ret);
    }

    #[test]
    fn byte_order_mark_is_ignored() {
        let text = format!("\u{feff}{}", to_string(&MonthlyReturn::blank()).unwrap());
        assert_eq!(from_str(&text).unwrap(), MonthlyReturn::blank());
    }

    #[test]
    fn format_1_rows_are_numbered_in_document_order() {
        let v1 = "(format_version: 1, ret: (part4: (part: (blocks: [(description: \"a\"), (description: \"b\")]))))";
        let ret = from_str(v1).unwrap();
        let ids: Vec<u32> = ret.part4.part.blocks.iter().map(|h| h.id.0).collect();
        assert_eq!(ids, vec![1, 2]);
        // Saved again, it is format 2 with the same ids.
        let text = to_string(&ret).unwrap();
        assert!(text.contains("format_version: 3"));
        assert_eq!(from_str(&text).unwrap(), ret);
    }

    #[test]
    fn format_2_ids_are_kept_and_duplicates_repaired() {
        let v2 = "(format_version: 2, ret: (part4: (part: (blocks: [(id: 9, description: \"a\"), (id: 9), (id: 4)]))))";
        let ret = from_str(v2).unwrap();
        let ids: Vec<u32> = ret.part4.part.blocks.iter().map(|h| h.id.0).collect();
        assert_eq!(ids, vec![9, 10, 4]);
    }

    /// The link to last month (format 3) is saved with the return and read back whole; a
    /// format-2 draft reads with no link.
    #[test]
    fn last_month_link_survives_save_and_reopen() {
        use crate::model::{LinkKind, LinkSource};
        let mut prev = from_str(include_str!(
            "../../templates/examples/kingsoft-cloud-2024-10.ron"
        ))
        .unwrap();
        prev.header.issuer_name = "雲 Kingsoft".to_string();
        let mut ret = crate::rollforward::roll_forward(&prev).unwrap();
        let link = ret.last_month.as_mut().unwrap();
        link.source = LinkSource {
            kind: LinkKind::PublishedPdf,
            file: "kingsoft 2024-10.pdf".to_string(),
        };
        let text = to_string(&ret).unwrap();
        assert!(text.contains("format_version: 3"));
        assert!(text.contains("PublishedPdf"), "{text}");
        let back = from_str(&text).unwrap();
        assert_eq!(back.last_month, ret.last_month);
        assert_eq!(back, ret);

        let v2 = text.replacen("format_version: 3", "format_version: 2", 1);
        let v2 = v2.split("    last_month:").next().unwrap().to_string() + ")\n)\n";
        let old = from_str(&v2).unwrap();
        assert_eq!(old.last_month, None);
    }

    /// Text typed into a number field that is not a number is saved as typed and read back on
    /// the same field, also after its row moved; text whose row is gone is dropped.
    #[test]
    fn kept_text_survives_save_and_reopen() {
        use crate::model::{HdrLine, RowIndex, path};
        let mut ret = MonthlyReturn::blank();
        ret.part4.part.not_applicable = false;
        ret.part4.part.blocks = vec![HdrLine::default(), HdrLine::default()];
        ret.ensure_row_ids();
        let key = RowIndex::new(&ret).key(&path::part4::preceding_hdrs(1));
        ret.unparsed.insert(key.clone(), "1,000,00".to_string());
        ret.part4.part.blocks.swap(0, 1);
        let back = from_str(&to_string(&ret).unwrap()).unwrap();
        assert_eq!(back, ret);
        assert_eq!(
            RowIndex::new(&back).path_of(&key),
            Some(path::part4::preceding_hdrs(0))
        );
        ret.part4.part.blocks.remove(0);
        let back = from_str(&to_string(&ret).unwrap()).unwrap();
        assert!(back.unparsed.is_empty());
    }

    #[test]
    fn minimal_draft_uses_defaults() {
        let ret = from_str("(format_version: 1, ret: (header: (issuer_name: \"X\")))").unwrap();
        assert_eq!(ret.header.issuer_name, "X");
    }
}
