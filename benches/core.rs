//! `derive + rules::check`: what the editor runs on every change (targets: Kingsoft ≤ 20 µs,
//! stress return ≤ 1 ms). Results and machine in docs/benchmarks.md.

// Test and benchmark code: a panic is how it fails, so unwrap/expect are fine here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use monthly_return::{calc, examples, io, rules};

#[path = "../tests/suite/common/mod.rs"]
mod common;

fn derive_and_check(c: &mut Criterion) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("templates/examples/kingsoft-cloud-2024-10.ron");
    let kingsoft = match io::load(&path) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    let stress = examples::stress_return();

    c.bench_function("derive+check/kingsoft", |b| {
        b.iter(|| {
            let d = calc::derive(black_box(&kingsoft));
            rules::check(&kingsoft, &d, None)
        })
    });
    c.bench_function(
        "derive+check/stress (20 classes, 1000 schemes, 200 events)",
        |b| {
            b.iter(|| {
                let d = calc::derive(black_box(&stress));
                rules::check(&stress, &d, None)
            })
        },
    );
    // Linked to last month, as a rolled-forward return is: the PREV-* rules run on every change
    // too (class matching included), and the compare view's comparison.
    let linked_kingsoft = monthly_return::rollforward::roll_forward(&kingsoft).unwrap();
    // Next month's stress return: every balance brought forward is compared, none differs.
    let linked_stress = monthly_return::rollforward::roll_forward(&stress).unwrap();
    c.bench_function("derive+check/kingsoft linked to last month", |b| {
        b.iter(|| {
            let d = calc::derive(black_box(&linked_kingsoft));
            rules::check(&linked_kingsoft, &d, None)
        })
    });
    c.bench_function("derive+check/stress linked to last month", |b| {
        b.iter(|| {
            let d = calc::derive(black_box(&linked_stress));
            rules::check(&linked_stress, &d, None)
        })
    });
    let d_stress = calc::derive(&linked_stress);
    let last = linked_stress.last_month.clone().unwrap();
    c.bench_function("compare/stress with last month", |b| {
        b.iter(|| monthly_return::last_month::compare(&last, black_box(&linked_stress), &d_stress))
    });
    // Look-ups by class id and the structure rules must stay linear in the number of classes.
    let many = monthly_return::examples::many_classes(30_000);
    let mut group = c.benchmark_group("many classes");
    group.sample_size(10);
    group.bench_function(
        "derive+check/30000 classes with part I and II blocks",
        |b| {
            b.iter(|| {
                let d = calc::derive(black_box(&many));
                rules::check(&many, &d, None)
            })
        },
    );
    group.finish();
}

criterion_group!(benches, derive_and_check);
criterion_main!(benches);
