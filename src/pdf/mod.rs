//! The low-level PDF layer: plain page frames, Helvetica metrics, the printpdf writer and a
//! reader for tests. Independent of the form's data model: layout turns a return into
//! [`Page`]s, [`emit`] turns pages into bytes.

pub mod emit;
pub mod frame;
pub mod metrics;
pub mod read_back;

pub use emit::{DocMeta, EmitError, emit};
pub use frame::{Font, Item, Line, Page, Rect, Shape, Text};
pub use read_back::{ReadBackError, page_texts};
