//! The editor's colours for findings: one place says which colour an error or a warning is.
//!
//! They follow the theme (light or dark), so every flag, count, hint and status message of a
//! severity looks the same everywhere, and each is readable on the theme's panels: a contrast of
//! at least 4.5:1 (WCAG AA for body text), which egui's own red and orange do not reach on a
//! light panel (4.0:1 and 2.2:1).

use egui::{Color32, Visuals};

use crate::rules::Severity;

/// The colour of text (and outlines) about a finding of `severity` in the current theme.
pub fn severity_colour(visuals: &Visuals, severity: Severity) -> Color32 {
    match (severity, visuals.dark_mode) {
        (Severity::Error, false) => Color32::from_rgb(0xB0, 0x1C, 0x1C),
        (Severity::Warning, false) => Color32::from_rgb(0x8A, 0x4B, 0x00),
        (Severity::Error, true) => Color32::from_rgb(0xFF, 0x8A, 0x80),
        (Severity::Warning, true) => Color32::from_rgb(0xFF, 0xC1, 0x4D),
    }
}

/// The colour of an error, or of text that says something is wrong (overdue, not saved).
pub fn error_colour(visuals: &Visuals) -> Color32 {
    severity_colour(visuals, Severity::Error)
}

/// The colour of a warning, or of text that asks for care (amended wording, invalid text).
pub fn warning_colour(visuals: &Visuals) -> Color32 {
    severity_colour(visuals, Severity::Warning)
}

/// Small text (column headings, notes under a field) at 11 px instead of egui's 9, so it reads
/// at arm's length: at most 1.5 px below the 12.5 px body text.
pub const SMALL_TEXT_SIZE: f32 = 11.0;

/// Sets the editor's text sizes on every theme.
pub fn install_text_sizes(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| {
        style.text_styles.insert(
            egui::TextStyle::Small,
            egui::FontId::proportional(SMALL_TEXT_SIZE),
        );
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG 2 relative luminance of an sRGB colour.
    fn luminance(c: Color32) -> f64 {
        let lin = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
    }

    fn contrast(a: Color32, b: Color32) -> f64 {
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn severity_colours_are_readable_on_the_panels_of_both_themes() {
        for visuals in [Visuals::light(), Visuals::dark()] {
            for ground in [
                visuals.panel_fill,
                visuals.window_fill,
                visuals.extreme_bg_color,
            ] {
                for severity in [Severity::Error, Severity::Warning] {
                    let c = contrast(severity_colour(&visuals, severity), ground);
                    assert!(
                        c >= 4.5,
                        "{severity:?} on {ground:?} (dark: {}): {c:.2}",
                        visuals.dark_mode
                    );
                }
            }
        }
    }
}
