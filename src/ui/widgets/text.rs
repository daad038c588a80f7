//! What a field shows and reads: the printed form's display ([`crate::format`]) and the strict
//! reading of typed text ([`crate::parse`]), in one place for the widgets.

pub use crate::format::{amount, count, date};
pub use crate::parse::{ParseError, parse_count, parse_date, parse_decimal};
