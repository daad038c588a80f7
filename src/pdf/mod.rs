//! The low-level PDF layer: plain page frames, Helvetica metrics, the printpdf writer and a
//! reader for tests. Independent of the form's data model: layout turns a return into
//! [`Page`]s, [`emit`] turns pages into bytes.

pub mod frame;
pub mod metrics;

pub use frame::{Font, Item, Line, Page, Rect, Shape, Text};
