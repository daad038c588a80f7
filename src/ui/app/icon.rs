//! The window icon, built into the binary from `assets/icons/` so the window shows it however
//! the program was started (an installed desktop entry gives launchers the same picture from the
//! icon theme).

/// The 128 px rendering of `assets/icons/monthly-return.svg`: sharp in a task switcher, and
/// small enough (a few kB) that decoding it costs nothing at start.
const ICON_PNG: &[u8] = include_bytes!("../../../assets/icons/monthly-return-128.png");

/// The decoded icon, with eframe's own PNG decoder (no extra dependency). `None` if it cannot be
/// decoded: the window then opens without it rather than not at all.
pub fn window_icon() -> Option<egui::IconData> {
    eframe::icon_data::from_png_bytes(ICON_PNG).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_icon_decodes_to_a_visible_128_px_image() {
        let Some(icon) = window_icon() else {
            panic!("the icon PNG does not decode");
        };
        assert_eq!((icon.width, icon.height), (128, 128));
        assert_eq!(icon.rgba.len(), 128 * 128 * 4);
        let opaque = icon.rgba.chunks(4).filter(|px| px[3] == 255).count();
        assert!(opaque > 128 * 128 / 4, "only {opaque} opaque pixels");
    }
}
