//! All integration tests in one binary: each separate test binary linked the whole GUI stack
//! again (hundreds of MB each), which ran CI's disk out and spent most of a cold build linking.

// Test and benchmark code: a panic is how it fails, so unwrap/expect are fine here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

mod bad_drafts;
mod batch;
mod big_drafts;
mod cli;
mod desktop_files;
mod examples;
mod explain;
mod form_6k;
mod import;
mod import_gen;
mod pdf_export;
mod pdf_labels;
mod pdf_layout;
mod pdf_reference;
mod rollforward;
mod roundtrip;
mod rules;
mod ui_a11y;
mod ui_app;
mod ui_file_dialog;
mod ui_last_month;
mod ui_layout;
mod ui_pages;
mod ui_preview;
