//! Headless frame time of the whole editor (menu, page list, page, findings, status bar):
//! `egui::Context::run_ui` + tessellation, no GPU, no window. Targets: ≤ 2 ms a frame on the
//! Kingsoft example, ≤ 8 ms on the stress return (20 classes × 50 schemes, 200 (E) events).
//! The print preview cases paint the pages in view; their edit frames lay the return out again.
//!
//! `cargo bench --bench ui`; figures in `docs/benchmarks-ui.md`.

// Test and benchmark code: a panic is how it fails, so unwrap/expect are fine here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/suite/common/mod.rs"]
mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use monthly_return::model::MonthlyReturn;
use monthly_return::ui::Page;
use monthly_return::ui::app::{AppConfig, EditorApp};
use monthly_return::ui::dialogs::ScriptedDialogs;
use monthly_return::ui::prefs::AppPaths;

/// An app with `ret` open on `page` (or its print preview), in a context that has drawn a few frames already (fonts
/// and layout caches warm, as in a running editor).
struct Headless {
    ctx: egui::Context,
    app: EditorApp,
    frame: eframe::Frame,
}

impl Headless {
    /// `preview`: the print preview instead of the page.
    fn showing(ret: MonthlyReturn, page: Page, preview: bool) -> Self {
        let ctx = egui::Context::default();
        let config = AppConfig {
            paths: AppPaths::default(), // no persistence while measuring
            dialogs: Box::new(ScriptedDialogs::default()),
            recovery_interval: Duration::from_secs(3600),
            now: chrono::Utc::now,
            open: None,
            system_fonts: false,
        };
        let mut app = EditorApp::new(&ctx, config);
        app.set_document(ret, None);
        app.set_page(page);
        app.set_preview_open(preview);
        let mut h = Headless {
            ctx,
            app,
            frame: eframe::Frame::_new_kittest(),
        };
        for _ in 0..5 {
            h.frame();
        }
        h
    }

    fn frame(&mut self) -> usize {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1280.0, 800.0),
            )),
            ..Default::default()
        };
        let Headless { ctx, app, frame } = self;
        let mut out = ctx.run_ui(input, |ui| {
            eframe::App::logic(app, ui.ctx(), frame);
            eframe::App::ui(app, ui, frame);
        });
        out.textures_delta.clear();
        ctx.tessellate(out.shapes, out.pixels_per_point).len()
    }

    /// A keystroke's worth of change: the return differs, so figures and findings are redone.
    fn edit(&mut self, i: usize) {
        if let Some(doc) = self.app.document_mut() {
            doc.ret.header.issuer_name = format!("Kingsoft Cloud Holdings Limited {}", i % 2);
        }
    }
}

fn kingsoft() -> MonthlyReturn {
    let text = include_str!("../templates/examples/kingsoft-cloud-2024-10.ron");
    monthly_return::io::from_str(text).unwrap_or_else(|_| common::kingsoft())
}

fn frames(c: &mut Criterion) {
    let cases = [
        ("kingsoft/page I", kingsoft(), Page::I, false),
        ("kingsoft/page II", kingsoft(), Page::II, false),
        ("kingsoft/page III(A)", kingsoft(), Page::IIIA, false),
        ("stress/page I", common::stress(), Page::I, false),
        ("stress/page III(A)", common::stress(), Page::IIIA, false),
        ("stress/page III(E)", common::stress(), Page::IIIE, false),
        ("kingsoft/print preview", kingsoft(), Page::I, true),
        ("stress/print preview", common::stress(), Page::I, true),
    ];
    for (name, ret, page, preview) in cases {
        let mut h = Headless::showing(ret, page, preview);
        c.bench_function(&format!("idle frame {name}"), |b| {
            b.iter(|| black_box(h.frame()))
        });
        let mut i = 0;
        c.bench_function(&format!("edit frame {name}"), |b| {
            b.iter(|| {
                i += 1;
                h.edit(i);
                black_box(h.frame())
            })
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = frames
}
criterion_main!(benches);
