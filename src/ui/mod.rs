//! The editor: the ten pages of the form as live, editable panels.
//!
//! The only egui code of the crate. It reads derived figures and findings computed once per frame
//! (`calc::derive`, `rules::check`) and only edits the `MonthlyReturn`.
//!
//! Ownership while two engineers work on it: `app/`, `commands.rs`, `dialogs.rs`, `recovery.rs`,
//! `prefs.rs`, `undo.rs`, `status.rs`, `findings_panel.rs`, `start.rs`, `theme.rs` belong to the
//! shell; `pages/` and `widgets/` belong to the page editor. The contract between them is this file
//! and `pages/mod.rs` (`Page`, `PageContext`, `page_ui`, `page_for_path`). `preview/` is the
//! print preview: it paints the pages `pdf::layout` produces and edits nothing.

pub mod app;
pub mod commands;
pub mod compare_view;
pub mod dialogs;
pub mod findings_panel;
pub mod pages;
pub mod prefs;
pub mod preview;
pub mod recovery;
pub mod start;
pub mod status;
pub mod theme;
pub mod undo;
pub mod widgets;

pub use pages::{Page, PageContext, page_for_path, page_ui};
pub use widgets::FieldBuffers;
