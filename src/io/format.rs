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
//! Format 3 adds `last_month`, the snapshot of last month's closing figures the return is
//! checked against ([`crate::model::LastMonth`]); it is optional, so formats 1 and 2 read into
//! today's types with none ([`migrate_2_to_3`]). A program that reads only format 2 refuses a
//! format-3 draft with "written by a newer monthly-return" rather than an unknown field.
//!
//! The next change that is not purely additive freezes today's types as `v2::*` and maps
//! `2 => parse::<v2::Draft>(..).map(migrate_2_to_3)` (veloren-style).

use serde::de;
use serde::{Deserialize, Deserializer, Serialize};

use super::error::ParseError;
use crate::model::MonthlyReturn;

/// The draft format this build writes, and the newest one it reads.
pub const FORMAT_VERSION: u32 = 3;

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

/// The version of a draft that starts the way this program writes one,
/// `// comment` lines, then `Draft(` or `(`, then `format_version: N` first: read from the text
/// directly, so a large draft is parsed once (by the typed parse) instead of twice. Anything
/// else (block comments, attributes, the version further down, an odd number) is `None`, and
/// [`VersionProbe`] reads it as before.
fn leading_version(text: &str) -> Option<u64> {
    /// Skips whitespace and `//` comments.
    fn skip(mut s: &str) -> &str {
        loop {
            s = s.trim_start();
            match s.strip_prefix("//") {
                Some(rest) => s = rest.split_once('\n').map_or("", |(_, after)| after),
                None => return s,
            }
        }
    }
    let s = skip(text);
    let s = s.strip_prefix("Draft").unwrap_or(s);
    let s = skip(skip(s).strip_prefix('(')?);
    let s = skip(s.strip_prefix("format_version")?);
    let s = skip(s.strip_prefix(':')?);
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (digits, rest) = s.split_at(end);
    // The number must end there, as RON reads it (not `1_000`, `0x1`, `1u8`...).
    if digits.is_empty()
        || !matches!(rest.chars().next(), Some(c) if c.is_whitespace() || c == ',' || c == ')' || c == '/')
    {
        return None;
    }
    digits.parse().ok()
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
    let version = match leading_version(text) {
        Some(v) => Some(v),
        None => {
            let probe: VersionProbe =
                ron::from_str(text).map_err(|e| ParseError::from_ron(e, text))?;
            probe.format_version
        }
    };
    match version {
        None => Err(ParseError::MissingVersion),
        Some(v) => parse_version(v, text),
    }
}

fn parse_version(version: u64, text: &str) -> Result<MonthlyReturn, ParseError> {
    let mut ret = match version {
        1 => parse::<Draft>(text).map(|d| migrate_1_to_2(d.ret))?,
        2 => parse::<Draft>(text).map(|d| migrate_2_to_3(d.ret))?,
        3 => parse::<Draft>(text)?.ret,
        v if v > u64::from(FORMAT_VERSION) => {
            return Err(ParseError::NewerFormat {
                found: v,
                supported: FORMAT_VERSION,
            });
        }
        v => return Err(ParseError::UnknownVersion { found: v }),
    };
    ret.ensure_row_ids();
    ret.prune_unparsed();
    Ok(ret)
}

/// Format 1 had no row ids: every row reads with id 0 and is numbered here, in document order.
fn migrate_1_to_2(mut ret: MonthlyReturn) -> MonthlyReturn {
    ret.ensure_row_ids();
    ret
}

/// Format 2 had no link to last month (`last_month`): it reads as a return with none, and its
/// brought-forward balances are not checked until one is linked or it is rolled forward from.
/// Nothing else changed, so this cannot fail either.
fn migrate_2_to_3(mut ret: MonthlyReturn) -> MonthlyReturn {
    ret.last_month = None;
    ret
}

fn parse<T: de::DeserializeOwned>(text: &str) -> Result<T, ParseError> {
    ron::from_str(text).map_err(|e| ParseError::from_ron(e, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leading_version_reads_saved_drafts_and_leaves_the_rest_to_the_probe() {
        let saved = to_string(&MonthlyReturn::blank()).unwrap_or_default();
        assert_eq!(leading_version(&saved), Some(u64::from(FORMAT_VERSION)));
        assert_eq!(leading_version("(format_version:7,ret:())"), Some(7));
        assert_eq!(
            leading_version("// a\n// b\nDraft ( // c\n format_version : 12 )"),
            Some(12)
        );
        for other in [
            "(ret: (), format_version: 1)",
            "/* block */ (format_version: 1)",
            "#![enable(implicit_some)] (format_version: 1)",
            "(format_version: 1_0)",
            "(format_version: 0x1)",
            "(format_version: 99999999999999999999999)",
            "(format_version: Some(1))",
            "Drafts(format_version: 1)",
            "",
        ] {
            assert_eq!(leading_version(other), None, "{other}");
        }
    }
}
