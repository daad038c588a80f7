//! The very large drafts used to time `monthly-return check` as a whole process
//! (docs/benchmarks.md; written by `cargo run --release --example big_drafts -- DIR`).

use monthly_return::examples::{compact_draft, empty_classes, many_classes};
use monthly_return::io;

/// The compact text loads back as exactly the return it was written from, row ids included.
#[test]
fn compact_drafts_load_back_unchanged() {
    for ret in [many_classes(3), empty_classes(3)] {
        let text = compact_draft(&ret);
        assert_eq!(io::from_str(&text).unwrap(), ret, "{text}");
    }
}
