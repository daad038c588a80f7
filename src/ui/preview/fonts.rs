//! The print preview's faces: Liberation Sans Regular and Bold, the fonts the PDF is set in,
//! registered as two families of their own so the editor's normal UI font is left alone.

use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
use egui::{FontData, FontFamily, FontId};

use crate::pdf::Font;

use crate::pdf::fonts as pdf_fonts;

const REGULAR_FAMILY: &str = "preview-liberation-sans";
const BOLD_FAMILY: &str = "preview-liberation-sans-bold";

/// The egui family that draws `font` in the preview.
pub fn family(font: Font) -> FontFamily {
    match font {
        Font::Regular => FontFamily::Name(REGULAR_FAMILY.into()),
        Font::Bold => FontFamily::Name(BOLD_FAMILY.into()),
    }
}

/// `font` at `size` UI points.
pub fn font_id(font: Font, size: f32) -> FontId {
    FontId::new(size, family(font))
}

/// Adds both faces (once per context; adding again is a no-op). Only the two preview families
/// get them; the machine's CJK font, when there is one, is added behind them (`app/fonts.rs`).
pub fn install(ctx: &egui::Context) {
    // The very bytes the PDF embeds (`pdf::fonts`), not a second copy in the binary.
    for (name, bytes, family_name) in [
        (
            "liberation-sans-regular",
            pdf_fonts::regular().data().0,
            REGULAR_FAMILY,
        ),
        (
            "liberation-sans-bold",
            pdf_fonts::bold().data().0,
            BOLD_FAMILY,
        ),
    ] {
        // A shipped font that failed to parse is an empty face: nothing to draw with.
        if bytes.is_empty() {
            continue;
        }
        ctx.add_font(FontInsert {
            name: name.into(),
            data: FontData::from_static(bytes),
            families: vec![InsertFontFamily {
                family: FontFamily::Name(family_name.into()),
                priority: FontPriority::Highest,
            }],
        });
    }
    // The PDF's per-character fallbacks, in the same order: ✔ and the full-width note bullet
    // print, so they show here too.
    for (name, bytes) in [
        ("preview-dejavu-symbols", pdf_fonts::symbols().data().0),
        (
            "preview-noto-punctuation",
            pdf_fonts::cjk_punctuation().data().0,
        ),
    ] {
        // A shipped font that failed to parse is an empty face: nothing to draw with.
        if bytes.is_empty() {
            continue;
        }
        ctx.add_font(FontInsert {
            name: name.into(),
            data: FontData::from_static(bytes),
            families: families()
                .into_iter()
                .map(|family| InsertFontFamily {
                    family,
                    priority: FontPriority::Lowest,
                })
                .collect(),
        });
    }
}

/// The preview families, for adding a fallback face (the CJK font) to them too.
pub fn families() -> [FontFamily; 2] {
    [family(Font::Regular), family(Font::Bold)]
}
