//! PDF export speed: the Kingsoft seed filing (target ≤ 10 ms median) and the stress return
//! (20 classes × 50 option schemes, 200 (E) events; target ≤ 100 ms). Results and sizes are
//! recorded in `docs/benchmarks-pdf.md`. Import speed (`cargo bench --bench pdf -- import`):
//! the HKEX reference PDF and the stress return's export.

// Test and benchmark code: a panic is how it fails, so unwrap/expect are fine here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

#[path = "../tests/suite/common/mod.rs"]
mod common;

fn export(c: &mut Criterion) {
    let kingsoft = common::kingsoft();
    let stress = common::stress();
    for (name, ret) in [("kingsoft", &kingsoft), ("stress", &stress)] {
        if let Ok(bytes) = common::export(ret) {
            println!("{name}: {} bytes", bytes.len());
        }
    }
    c.bench_function("export kingsoft (10 pages)", |b| {
        b.iter(|| common::export(black_box(&kingsoft)))
    });
    let mut group = c.benchmark_group("stress");
    group.sample_size(20);
    group.bench_function(
        "export stress (20 classes, 1000 schemes, 200 events)",
        |b| b.iter(|| common::export(black_box(&stress))),
    );
    // The two halves, to see where the time goes.
    let derived = monthly_return::calc::derive(&stress);
    let opts = monthly_return::pdf::LayoutOptions::default();
    group.bench_function("layout stress", |b| {
        b.iter(|| monthly_return::pdf::layout(black_box(&stress), &derived, &opts))
    });
    if let Ok(pages) = monthly_return::pdf::layout(&stress, &derived, &opts) {
        let meta = monthly_return::pdf::DocMeta::default();
        group.bench_function("emit stress", |b| {
            b.iter(|| monthly_return::pdf::emit(black_box(&pages), &meta))
        });
    }
    group.finish();
}

/// CPU time this thread has run, from Linux's `/proc/thread-self/schedstat` (nanoseconds);
/// `None` elsewhere. On a shared, loaded machine wall time overstates the cost.
fn thread_cpu() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// The same exports measured in CPU time of the benchmarking thread rather than wall time.
fn export_cpu(c: &mut Criterion) {
    if thread_cpu().is_none() {
        return;
    }
    let kingsoft = common::kingsoft();
    let stress = common::stress();
    let mut group = c.benchmark_group("cpu");
    group.sample_size(20);
    for (name, ret) in [("export kingsoft", &kingsoft), ("export stress", &stress)] {
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let start = thread_cpu().unwrap_or_default();
                for _ in 0..iters {
                    let _ = black_box(common::export(black_box(ret)));
                }
                thread_cpu().unwrap_or_default().saturating_sub(start)
            })
        });
    }
    group.finish();
}

/// Reading a published return back: the 10-page HKEX reference and the ~195-page stress export.
fn import(c: &mut Criterion) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/reference/ff301-v1.2.0-moon-inc-2026-01.pdf"
    );
    let reference = std::fs::read(path);
    let mut group = c.benchmark_group("import");
    if let Ok(bytes) = reference {
        group.bench_function("import reference (HKEX, 10 pages)", |b| {
            b.iter(|| monthly_return::import::import_pdf(black_box(&bytes)))
        });
    }
    if let Ok(bytes) = common::export(&common::stress()) {
        if let Ok(i) = monthly_return::import::import_pdf(&bytes) {
            println!("stress export: {} pages, {} bytes", i.pages, bytes.len());
        }
        group.sample_size(20);
        group.bench_function("import stress export", |b| {
            b.iter(|| monthly_return::import::import_pdf(black_box(&bytes)))
        });
    }
    group.finish();
}

criterion_group!(benches, export, export_cpu, import);
criterion_main!(benches);
