//! monthly-return: the HKEX FF301 monthly return as data, checks, drafts, PDF and editor.
//!
//! Everything except `ui` is plain Rust with no GUI dependency: the editor reads derived figures
//! and findings and only edits the data.

pub mod about;
pub mod calc;
pub mod calendar;
pub mod cli;
pub mod examples;
pub mod format;
pub mod help;
pub mod import;
pub mod io;
pub mod last_month;
pub mod model;
pub mod parse;
pub mod pdf;
pub mod rollforward;
pub mod rules;
pub mod sixk;
pub mod template;
pub mod ui;
