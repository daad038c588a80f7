//! The versioned draft envelope and the parsing of every format this build reads.
//!
//! The file is `Draft(format_version: N, ret: ...)` in RON. The version is probed first with a
//! lenient struct that ignores everything else, so a draft from a newer program is refused with a
//! clear message instead of a confusing "unknown field" deep inside the return.
//!
//! Format 2 adds a stable `id` to every repeating row ([`crate::model::RowId`]); nothing else
//! changed, and the new field defaults to 0, so a format-1 file reads into today's types as they
//! are and [`migrate_1_to_2`] numbers its rows. Every format is followed by
//! [`MonthlyReturn::ensure_row_ids`], which also repairs a hand-edited draft's missing or
//! duplicated ids; none of it can fail. Saving always writes the newest format.
//!
//! The next change that is not purely additive freezes today's types as `v2::*` and maps
//! `2 => parse::<v2::Draft>(..).map(migrate_2_to_3)` (veloren-style).

use serde::de;
use serde::{Deserialize, Deserializer, Serialize};

use super::error::ParseError;
use crate::model::MonthlyReturn;

/// The draft format this build writes, and the newest one it reads.
pub const FORMAT_VERSION: u32 = 2;

/// The whole draft file: the format version and the return.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    pub format_version: u32,
    pub ret: MonthlyReturn,
}

/// The same envelope, borrowing the return, so saving does not clone it.
#[derive(Serialize)]
#[serde(rename = "Draft")]
struct DraftRef<'a> {
    format_version: u32,
    ret: &'a MonthlyReturn,
}

/// Lenient first look at a file: only the version; serde skips every other field (`ret` of any
/// shape included) because this struct does not deny unknown fields.
#[derive(Deserialize)]
#[serde(rename = "Draft")]
struct VersionProbe {
    #[serde(default, deserialize_with = "plain_version")]
    format_version: Option<u64>,
}

/// `format_version: 1` (no `Some(..)`): missing stays `None` through `#[serde(default)]`.
fn plain_version<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    u64::deserialize(d).map(Some)
}

/// A comment at the top of every saved draft, for whoever opens it in a text editor.
const FILE_HEADER: &str =
    "// FF301 monthly return draft (monthly-return). Format: docs/draft-format.md\n";

/// The draft text for `ret` in the current format.
pub fn to_string(ret: &MonthlyReturn) -> Result<String, ron::Error> {
    let draft = DraftRef {
        format_version: FORMAT_VERSION,
        ret,
    };
    let config = ron::ser::PrettyConfig::new().indentor("    ");
    let body = ron::ser::to_string_pretty(&draft, config)?;
    let mut text = String::with_capacity(FILE_HEADER.len() + body.len() + 1);
    text.push_str(FILE_HEADER);
    text.push_str(&body);
    text.push('\n');
    Ok(text)
}

/// Parses draft text of any format this build reads into the current model.
pub fn from_str(text: &str) -> Result<MonthlyReturn, ParseError> {
    // Editors on Windows may prepend a byte order mark; it is not part of the RON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let probe: VersionProbe = ron::from_str(text).map_err(|e| ParseError::from_ron(e, text))?;
    match probe.format_version {
        None => Err(ParseError::MissingVersion),
        Some(v) => parse_version(v, text),
    }
}

fn parse_version(version: u64, text: &str) -> Result<MonthlyReturn, ParseError> {
    let mut ret = match version {
        1 => parse::<Draft>(text).map(|d| migrate_1_to_2(d.ret))?,
        2 => parse::<Draft>(text)?.ret,
        v if v > u64::from(FORMAT_VERSION) => {
            return Err(ParseError::NewerFormat {
                found: v,
                supported: FORMAT_VERSION,
            });
        }
        v => return Err(ParseError::UnknownVersion { found: v }),
    };
    ret.ensure_row_ids();
    Ok(ret)
}

/// Format 1 had no row ids: every row reads with id 0 and is numbered here, in document order.
fn migrate_1_to_2(mut ret: MonthlyReturn) -> MonthlyReturn {
    ret.ensure_row_ids();
    ret
}

fn parse<T: de::DeserializeOwned>(text: &str) -> Result<T, ParseError> {
    ron::from_str(text).map_err(|e| ParseError::from_ron(e, text))
}
