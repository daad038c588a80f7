//! Writes a registrar's month for timing the batch `check` and `export` (docs/benchmarks.md):
//! N drafts (default 200) made from the four examples by `examples::batch_variant`, a mix of
//! clean and erroneous returns, and one broken draft (`r137.ron`) among them. With `stress`
//! as third argument the base is `examples::stress_return` (1,000 option schemes, 200 events),
//! so that the work per draft, not the disk, dominates.
//!
//! ```sh
//! cargo run --release --example batch_drafts -- /tmp/batch200 200
//! /usr/bin/time -v target/release/monthly-return check /tmp/batch200
//! cargo run --release --example batch_drafts -- /tmp/stress200 200 stress
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use monthly_return::examples::batch_variant;
use monthly_return::io;

/// The draft of this number is not a draft at all.
const BROKEN: usize = 137;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "/tmp/batch200".into()));
    let n: usize = args
        .next()
        .and_then(|s| s.to_str().and_then(|s| s.parse().ok()))
        .unwrap_or(200);
    let stress = args.next().is_some_and(|s| s == "stress");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/examples");
    let mut bases = Vec::new();
    for name in [
        "kingsoft-cloud-2024-10.ron",
        "h-and-a-shares-2025-03.ron",
        "convertible-and-placing-2025-06.ron",
        "moon-inc-2026-01.ron",
    ] {
        match io::load(&examples.join(name)) {
            Ok(ret) => bases.push(ret),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        }
    }
    if stress {
        bases = vec![monthly_return::examples::stress_return()];
    }
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("cannot create {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    for i in 0..n {
        let path = dir.join(format!("r{i:03}.ron"));
        let written = if i == BROKEN {
            std::fs::write(
                &path,
                "(format_version: 1, ret: (header: (issuer_name: 5)))",
            )
            .map_err(|e| e.to_string())
        } else {
            io::save(&path, &batch_variant(&bases, i)).map_err(|e| e.to_string())
        };
        if let Err(e) = written {
            eprintln!("cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    println!("{n} drafts in {}", dir.display());
    ExitCode::SUCCESS
}
