//! Writes the very large drafts used to time `monthly-return check` as a whole process
//! (docs/benchmarks.md):
//!
//! ```sh
//! cargo run --release --example big_drafts -- /tmp
//! /usr/bin/time -v target/release/monthly-return check /tmp/classes-30000.ron
//! /usr/bin/time -v target/release/monthly-return check /tmp/empty-classes-1000000.ron
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use monthly_return::examples::{compact_draft, empty_classes, many_classes};
use monthly_return::io;

fn main() -> ExitCode {
    let dir = PathBuf::from(std::env::args_os().nth(1).unwrap_or_else(|| "/tmp".into()));
    for (name, ret) in [
        ("classes-30000.ron", many_classes(30_000)),
        ("empty-classes-1000000.ron", empty_classes(1_000_000)),
    ] {
        let path = dir.join(name);
        let text = compact_draft(&ret);
        if text.len() as u64 > io::MAX_DRAFT_BYTES {
            eprintln!("{name}: {} bytes, over the draft limit", text.len());
            return ExitCode::FAILURE;
        }
        if let Err(e) = std::fs::write(&path, &text) {
            eprintln!("cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        println!("{}: {} bytes", path.display(), text.len());
    }
    ExitCode::SUCCESS
}
