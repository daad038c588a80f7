//! The CJK fallback font: Chinese issuer names show when the machine has a CJK font — the very
//! font the PDF export embeds ([`crate::pdf::fonts::cjk_font`]), so a name that shows on screen
//! prints.

/// Adds the PDF's CJK font (if the machine has one) as the last fallback of the editor's and the
/// preview's families. Runs in the background: start-up does not wait for fontconfig, and no
/// font is no error.
pub(super) fn install_cjk_fallback_font(ctx: &egui::Context) {
    let ctx = ctx.clone();
    let spawned = std::thread::Builder::new()
        .name("cjk-font".into())
        .spawn(move || {
            let Some(face) = crate::pdf::fonts::cjk_font() else {
                return;
            };
            let (bytes, index) = face.data();
            let mut data = egui::FontData::from_static(bytes);
            data.index = index;
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
