//! Very large drafts for timing `monthly-return check` as a whole process (docs/benchmarks.md):
//!
//! ```sh
//! BIG_DRAFT_DIR=/tmp cargo test --test suite big_drafts -- --ignored
//! /usr/bin/time -v target/release/monthly-return check /tmp/classes-30000.ron
//! /usr/bin/time -v target/release/monthly-return check /tmp/empty-classes-1000000.ron
//! ```

use std::path::PathBuf;

use crate::common;

use monthly_return::io;

/// The compact text loads back as exactly the return it was written from.
#[test]
fn compact_drafts_load_back_unchanged() {
    for ret in [common::many_classes(3), common::empty_classes(3)] {
        let text = common::compact_draft(&ret);
        assert_eq!(io::from_str(&text).unwrap(), ret, "{text}");
    }
}

#[test]
#[ignore = "writes large files; run by hand to measure"]
fn write_big_drafts() {
    let dir = PathBuf::from(std::env::var_os("BIG_DRAFT_DIR").unwrap_or_else(|| "/tmp".into()));
    for (name, ret) in [
        ("classes-30000.ron", common::many_classes(30_000)),
        (
            "empty-classes-1000000.ron",
            common::empty_classes(1_000_000),
        ),
    ] {
        let path = dir.join(name);
        let text = common::compact_draft(&ret);
        assert!(
            text.len() as u64 <= io::MAX_DRAFT_BYTES,
            "{name}: {}",
            text.len()
        );
        std::fs::write(&path, text).unwrap();
        assert_eq!(io::load(&path).unwrap(), ret);
        println!(
            "{}: {} bytes",
            path.display(),
            std::fs::metadata(&path).unwrap().len()
        );
    }
}
