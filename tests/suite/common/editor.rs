//! The editor as the UI tests run it: its folders in a temporary directory, scripted file
//! dialogs, a fixed clock and no machine fonts (a font arriving from a background thread would
//! move widgets under a click).

use egui_kittest::Harness;
use monthly_return::ui::app::{AppConfig, EditorApp};
use monthly_return::ui::dialogs::ScriptedDialogs;
use monthly_return::ui::prefs::AppPaths;

/// 1 November 2024, 00:00 UTC: due dates count down from a fixed day.
pub fn fixed_now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(1_730_419_200, 0).unwrap_or_default()
}

/// A test editor's configuration: folders in `paths`, `dialogs`' answers, recovery copies an
/// hour apart, nothing opened at start.
pub fn test_config(paths: AppPaths, dialogs: &ScriptedDialogs) -> AppConfig {
    AppConfig {
        paths,
        dialogs: Box::new(dialogs.clone()),
        recovery_interval: std::time::Duration::from_secs(3600),
        now: fixed_now,
        open: None,
        system_fonts: false,
    }
}

/// The editor built from `config` in a window of `size`.
pub fn editor_harness(config: AppConfig, size: [f32; 2]) -> Harness<'static, EditorApp> {
    Harness::builder()
        .with_size(size)
        .build_eframe(move |cc| EditorApp::new(&cc.egui_ctx, config))
}
