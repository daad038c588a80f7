//! What can go wrong reading or writing a draft, worded for the person who has to fix the file.

use std::io;
use std::path::PathBuf;

use ron::error::{Error as RonError, Position, SpannedError};
use rust_decimal::Decimal;

use super::format::FORMAT_VERSION;

/// The text of a draft could not be turned into a return. Positions are 1-based; columns count
/// characters, as editors do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// Not valid RON, or a value of the wrong kind (`what` says what was expected).
    #[error("line {line}, column {column}: {what}")]
    Malformed {
        line: usize,
        column: usize,
        what: String,
    },
    /// A field this version does not know: a typo, or a draft from a newer program.
    #[error(
        "line {line}, column {column}: unknown field `{field}`{}; expected one of: {}",
        in_struct.as_ref().map(|s| format!(" in {s}")).unwrap_or_default(),
        expected.join(", ")
    )]
    UnknownField {
        line: usize,
        column: usize,
        field: String,
        in_struct: Option<String>,
        expected: Vec<&'static str>,
    },
    /// A number that does not fit its field (share counts are 64-bit; amounts hold 28 digits).
    #[error("line {line}, column {column}: the number {number} is too large for its field")]
    NumberTooLarge {
        line: usize,
        column: usize,
        number: String,
    },
    #[error(
        "this draft was written in format {found} by a newer monthly-return; this version reads up to format {supported}"
    )]
    NewerFormat { found: u64, supported: u32 },
    #[error(
        "no `format_version` at the top: this is not a monthly-return draft (a draft starts with `(format_version: {FORMAT_VERSION}, ret: (...))`)"
    )]
    MissingVersion,
    #[error(
        "format version {found} does not exist; this version reads formats 1 to {FORMAT_VERSION}"
    )]
    UnknownVersion { found: u64 },
}

impl ParseError {
    /// Line and column of the problem, when it has one.
    pub fn location(&self) -> Option<(usize, usize)> {
        match self {
            ParseError::Malformed { line, column, .. }
            | ParseError::UnknownField { line, column, .. }
            | ParseError::NumberTooLarge { line, column, .. } => Some((*line, *column)),
            _ => None,
        }
    }

    /// Classifies a RON error, using the source text to quote the offending value.
    pub(crate) fn from_ron(err: SpannedError, text: &str) -> ParseError {
        let (Position { line, col: column }, found) = locate(text, &err.span);
        let found = found.trim();
        match err.code {
            RonError::NoSuchStructField {
                expected,
                found,
                outer,
            } => ParseError::UnknownField {
                line,
                column,
                field: found,
                in_struct: outer,
                expected: expected.to_vec(),
            },
            RonError::IntegerOutOfBounds => ParseError::NumberTooLarge {
                line,
                column,
                number: found.to_string(),
            },
            RonError::Message(_) if is_overlong_decimal(found) => ParseError::NumberTooLarge {
                line,
                column,
                number: found.to_string(),
            },
            code => {
                let mut what = describe(&code, found);
                if err.span.end >= end_position(text) {
                    what.push_str(" (the file ends here: is it truncated?)");
                }
                ParseError::Malformed { line, column, what }
            }
        }
    }
}

/// ron's own wording, made specific where serde only passes a bare message up.
fn describe(code: &RonError, found: &str) -> String {
    let quoted = shorten(found);
    match code {
        // rust_decimal's message for a string that is not a number.
        RonError::Message(m) if m == "Failed to parse" => {
            format!("expected a decimal number such as \"0.001\", found {quoted}")
        }
        // chrono's messages for a string that is not a date.
        RonError::Message(m)
            if [
                "input is out of range",
                "input contains invalid characters",
                "premature end of input",
                "trailing input",
                "input is not enough for unique date and time",
                "no possible date and time matching input",
            ]
            .contains(&m.as_str()) =>
        {
            format!("expected a date \"YYYY-MM-DD\" ({m}), found {quoted}")
        }
        RonError::Message(m) if !quoted.is_empty() => format!("{m}, found {quoted}"),
        RonError::Eof => "unexpected end of file".to_string(),
        other => lower_first(&other.to_string()),
    }
}

/// `99999999999999999999999999999` (quoted or not): a number the 96-bit decimal cannot hold.
fn is_overlong_decimal(found: &str) -> bool {
    let s = found.trim_matches('"');
    let digits = s.strip_prefix('-').unwrap_or(s);
    let mut parts = digits.splitn(2, '.');
    let int = parts.next().unwrap_or("");
    let frac = parts.next().unwrap_or("0");
    !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
        && s.parse::<Decimal>().is_err()
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// At most 60 characters of the offending text, so a huge value does not flood the message.
fn shorten(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let head: String = s.chars().take(MAX).collect();
        format!("{head}…")
    }
}

/// The position just past the last character, as ron counts it.
fn end_position(text: &str) -> Position {
    position_at(text, text.len())
}

/// Where to point the user, and the text there. ron's span may start on the whitespace before
/// a value, or just inside a string's opening quote; the position reported is the value's
/// first character (its opening quote for a string).
fn locate<'a>(text: &'a str, span: &ron::error::Span) -> (Position, &'a str) {
    let Some(mut start) = byte_offset(text, span.start) else {
        return (span.start, "");
    };
    let end = byte_offset(text, span.end).unwrap_or(text.len()).max(start);
    let skipped = text[start..].len() - text[start..].trim_start().len();
    start += skipped;
    let end = end.max(start);
    if text[..start].ends_with('"')
        && text[start..end].ends_with('"')
        && !text[start..].starts_with('"')
    {
        start -= 1;
    }
    (position_at(text, start), &text[start..end])
}

/// The 1-based line and character column of byte `offset`.
pub(super) fn position_at(text: &str, offset: usize) -> Position {
    let before = &text[..offset];
    Position {
        line: 1 + before.matches('\n').count(),
        col: 1 + before.rsplit('\n').next().map_or(0, |l| l.chars().count()),
    }
}

/// The source text a span covers (ron positions are 1-based lines and character columns).
#[cfg(test)]
fn span_text<'a>(text: &'a str, span: &ron::error::Span) -> Option<&'a str> {
    let start = byte_offset(text, span.start)?;
    let end = byte_offset(text, span.end).unwrap_or(text.len());
    text.get(start..end.max(start))
}

fn byte_offset(text: &str, pos: Position) -> Option<usize> {
    let mut line_start = 0;
    if pos.line > 1 {
        let (i, _) = text.match_indices('\n').nth(pos.line - 2)?;
        line_start = i + 1;
    }
    let line = &text[line_start..];
    let skip = pos.col.checked_sub(1)?;
    match line.char_indices().nth(skip) {
        Some((i, _)) => Some(line_start + i),
        None => Some(text.len()),
    }
}

/// A draft file could not be read. Nothing is ever written on any of these paths: the caller
/// keeps the file as it is.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read draft {}: no such file", path.display())]
    NotFound { path: PathBuf },
    #[error("cannot read draft {}: {error}", path.display())]
    Unreadable { path: PathBuf, error: io::Error },
    #[error(
        "cannot read draft {}: it is {size} bytes, more than the {limit}-byte limit for a draft (a real draft is a few kilobytes: is this the right file?)",
        path.display()
    )]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error(
        "cannot read draft {}: line {line}, column {column}: not UTF-8 text (invalid byte at offset {offset}): is this the right file?",
        path.display()
    )]
    NotUtf8 {
        path: PathBuf,
        line: usize,
        column: usize,
        offset: usize,
    },
    #[error("cannot read draft {}: {error}", path.display())]
    Parse { path: PathBuf, error: ParseError },
}

impl LoadError {
    /// The file the error is about.
    pub fn path(&self) -> &std::path::Path {
        match self {
            LoadError::NotFound { path }
            | LoadError::Unreadable { path, .. }
            | LoadError::TooLarge { path, .. }
            | LoadError::NotUtf8 { path, .. }
            | LoadError::Parse { path, .. } => path,
        }
    }

    /// Line and column of the problem, when it has one.
    pub fn location(&self) -> Option<(usize, usize)> {
        match self {
            LoadError::NotUtf8 { line, column, .. } => Some((*line, *column)),
            LoadError::Parse { error, .. } => error.location(),
            _ => None,
        }
    }
}

/// A draft could not be saved. The file that was at the path before, if any, is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("cannot save draft {}: {error}", path.display())]
    Serialize { path: PathBuf, error: ron::Error },
    #[error("cannot save draft {}: {error}", path.display())]
    Write {
        path: PathBuf,
        error: super::WriteError,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_text_counts_characters_not_bytes() {
        let text = "(a: \"中文\",\n b: 12345)";
        let span = ron::error::Span {
            start: Position { line: 2, col: 5 },
            end: Position { line: 2, col: 10 },
        };
        assert_eq!(span_text(text, &span), Some("12345"));
        let span = ron::error::Span {
            start: Position { line: 1, col: 5 },
            end: Position { line: 1, col: 9 },
        };
        assert_eq!(span_text(text, &span), Some("\"中文\""));
    }

    #[test]
    fn overlong_decimals_are_recognised() {
        assert!(is_overlong_decimal("\"99999999999999999999999999999999\""));
        assert!(is_overlong_decimal("-99999999999999999999999999999999.5"));
        assert!(!is_overlong_decimal("\"12.5\""));
        assert!(!is_overlong_decimal("\"abc\""));
        assert!(!is_overlong_decimal("\"\""));
    }
}
