//! PDF export speed: the Kingsoft seed filing (target ≤ 10 ms median) and the stress return
//! (20 classes × 50 option schemes, 200 (E) events; target ≤ 100 ms). Results and sizes are
//! recorded in `docs/benchmarks-pdf.md`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

#[path = "../tests/common/mod.rs"]
mod common;

fn export(c: &mut Criterion) {
    let kingsoft = common::kingsoft();
    let stress = common::stress();
    for (name, ret) in [("kingsoft", &kingsoft), ("stress", &stress)] {
        if let Ok(bytes) = monthly_return::pdf::export(ret) {
            println!("{name}: {} bytes", bytes.len());
        }
    }
    c.bench_function("export kingsoft (10 pages)", |b| {
        b.iter(|| monthly_return::pdf::export(black_box(&kingsoft)))
    });
    let mut group = c.benchmark_group("stress");
    group.sample_size(20);
    group.bench_function(
        "export stress (20 classes, 1000 schemes, 200 events)",
        |b| b.iter(|| monthly_return::pdf::export(black_box(&stress))),
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

criterion_group!(benches, export);
criterion_main!(benches);
