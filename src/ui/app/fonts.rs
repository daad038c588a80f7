//! The CJK fallback font: Chinese issuer names show when the machine has a CJK font.

use std::path::PathBuf;

/// Adds a CJK font from the machine (if any) as the last fallback, so Chinese issuer names show.
/// Runs in the background: start-up does not wait for fontconfig, and no font is no error.
pub(super) fn install_cjk_fallback_font(ctx: &egui::Context) {
    let ctx = ctx.clone();
    let spawned = std::thread::Builder::new()
        .name("cjk-font".into())
        .spawn(move || {
            let Some((path, index)) = cjk_font() else {
                return;
            };
            let Ok(bytes) = std::fs::read(&path) else {
                return;
            };
            let mut data = egui::FontData::from_owned(bytes);
            data.index = index;
            // The print preview's faces too: a name that shows in the editor shows there.
            let families = [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
                .into_iter()
                .chain(crate::ui::preview::fonts::families())
                .map(|family| egui::epaint::text::InsertFontFamily {
                    family,
                    priority: egui::epaint::text::FontPriority::Lowest,
                })
                .collect();
            ctx.add_font(egui::epaint::text::FontInsert {
                name: "cjk-fallback".into(),
                data,
                families,
            });
            ctx.request_repaint();
        });
    // No thread, no CJK font: the app still runs.
    drop(spawned);
}

/// The CJK font, looked up once per process: fontconfig's answer does not change while the
/// program runs, and each lookup forks a process. (A forked child briefly shares every open
/// file, the recovery lock included: with many editors in one test process, one editor's
/// lookup could hold the lock of another that had just ended, and its copy was not offered.)
fn cjk_font() -> Option<(PathBuf, u32)> {
    static FONT: std::sync::OnceLock<Option<(PathBuf, u32)>> = std::sync::OnceLock::new();
    FONT.get_or_init(find_cjk_font).clone()
}

/// Asks fontconfig for a font with both Traditional and Simplified Chinese characters (雲 云 金),
/// by the characters themselves: fontconfig files many CJK fonts under a language other than
/// `zh-hk` (Droid Sans Fallback says `ja|zh-tw`), so asking by language missed them.
/// `None` if there is none.
fn find_cjk_font() -> Option<(PathBuf, u32)> {
    let out = std::process::Command::new("fc-list")
        .args([":charset=96f2 4e91 91d1", "--format=%{file}|%{index}\\n"])
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut fonts: Vec<(PathBuf, u32)> = text
        .lines()
        .filter_map(|l| {
            let (file, index) = l.split_once('|')?;
            Some((PathBuf::from(file), index.trim().parse().unwrap_or(0)))
        })
        .filter(|(p, _)| {
            let ext = p
                .extension()
                .map(|e| e.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            matches!(ext.as_str(), "ttf" | "otf" | "ttc" | "otc")
        })
        .collect();
    // Prefer a regular sans face for a steady look.
    fonts.sort_by_key(|(p, _)| {
        let name = p.to_string_lossy().to_lowercase();
        (!name.contains("sans"), !name.contains("regular"), name)
    });
    fonts.into_iter().next()
}
