//! The fonts of the PDF: which face shows each character, its glyph and its advance.
//!
//! Text is set in Liberation Sans Regular / Bold (the fonts of HKEX's own PDFs, embedded from
//! `assets/fonts/`). A character Liberation Sans lacks falls back, per character, to two tiny
//! shipped subsets (DejaVu Sans's check marks and ballot boxes, Noto Sans CJK's full-width
//! punctuation), then to a CJK font of the machine ([`system`]). Measurement
//! ([`crate::pdf::metrics`]), the printability check and the PDF writer all ask [`resolve`], so
//! what is measured is what is embedded and printed.

mod face;
pub mod system;

pub use face::{Face, FontError};
pub use system::{cjk_font, with_cjk_font};

use std::sync::OnceLock;

use super::frame::Font;

/// The faces a PDF can use, in the order their resources are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FaceId {
    Regular,
    Bold,
    Symbols,
    CjkPunctuation,
    Cjk,
}

impl FaceId {
    pub const ALL: [FaceId; 5] = [
        FaceId::Regular,
        FaceId::Bold,
        FaceId::Symbols,
        FaceId::CjkPunctuation,
        FaceId::Cjk,
    ];

    /// The face itself; `None` only for [`FaceId::Cjk`] when no CJK font is available.
    pub fn face(self) -> Option<&'static Face> {
        match self {
            FaceId::Regular => Some(regular()),
            FaceId::Bold => Some(bold()),
            FaceId::Symbols => Some(symbols()),
            FaceId::CjkPunctuation => Some(cjk_punctuation()),
            FaceId::Cjk => cjk_font(),
        }
    }
}

/// One character as printed: the face that shows it, its glyph there and its advance in
/// thousandths of an em (unrounded, as the PDF's `W` array says it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Glyph {
    pub face: FaceId,
    pub id: u16,
    pub advance: f32,
}

fn shipped(
    cell: &'static OnceLock<Face>,
    bytes: &'static [u8],
    name: &'static str,
) -> &'static Face {
    cell.get_or_init(|| Face::parse_static(bytes, 0).unwrap_or_else(|_| Face::empty(name)))
}

/// Liberation Sans Regular 2.1.5.
pub fn regular() -> &'static Face {
    static F: OnceLock<Face> = OnceLock::new();
    shipped(
        &F,
        include_bytes!("../../../assets/fonts/LiberationSans-Regular.ttf"),
        "LiberationSans",
    )
}

/// Liberation Sans Bold 2.1.5.
pub fn bold() -> &'static Face {
    static F: OnceLock<Face> = OnceLock::new();
    shipped(
        &F,
        include_bytes!("../../../assets/fonts/LiberationSans-Bold.ttf"),
        "LiberationSans-Bold",
    )
}

/// DejaVu Sans's ballot boxes and check marks (☐ ☑ ☒ ✓ ✔ ✕ ✖ ✗ ✘).
pub fn symbols() -> &'static Face {
    static F: OnceLock<Face> = OnceLock::new();
    shipped(
        &F,
        include_bytes!("../../../assets/fonts/DejaVuSans-Symbols.ttf"),
        "DejaVuSans",
    )
}

/// Noto Sans CJK SC's full-width punctuation (、 。 「 」 ， ． ： …): the Simplified forms,
/// which sit on the baseline like the reference's Adobe Heiti note bullets `．`.
pub fn cjk_punctuation() -> &'static Face {
    static F: OnceLock<Face> = OnceLock::new();
    shipped(
        &F,
        include_bytes!("../../../assets/fonts/NotoSansCJKsc-Punctuation.otf"),
        "NotoSansCJKsc-Regular",
    )
}

fn primary(font: Font) -> (FaceId, &'static Face) {
    match font {
        Font::Regular => (FaceId::Regular, regular()),
        Font::Bold => (FaceId::Bold, bold()),
    }
}

/// The glyph that prints `c` in `font`: Liberation Sans first, then the fallbacks. `None` if
/// no face has it (or it is a control character, which has no glyph to print).
pub fn resolve(c: char, font: Font) -> Option<Glyph> {
    if c.is_control() {
        return None;
    }
    let (id, face) = primary(font);
    if let Some((gid, advance)) = face.glyph(c) {
        return Some(Glyph {
            face: id,
            id: gid,
            advance,
        });
    }
    [FaceId::Symbols, FaceId::CjkPunctuation, FaceId::Cjk]
        .into_iter()
        .find_map(|id| {
            let (gid, advance) = id.face()?.glyph(c)?;
            Some(Glyph {
                face: id,
                id: gid,
                advance,
            })
        })
}

/// Whether `c` is Chinese, Japanese or Korean script or punctuation: what a CJK font of the
/// machine would show, and what to suggest installing one for when it is missing.
pub fn is_cjk(c: char) -> bool {
    matches!(u32::from(c),
        0x2E80..=0x2FDF   // radicals
        | 0x3000..=0x30FF // CJK symbols and punctuation, kana
        | 0x3100..=0x31FF // bopomofo, kanbun, strokes
        | 0x3200..=0x4DBF // enclosed, compatibility, extension A
        | 0x4E00..=0x9FFF // unified ideographs
        | 0xAC00..=0xD7AF // hangul
        | 0xF900..=0xFAFF // compatibility ideographs
        | 0xFE30..=0xFE4F // compatibility forms
        | 0xFF00..=0xFFEF // half- and full-width forms
        | 0x20000..=0x3FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_faces_parse_and_have_their_characters() {
        for (face, name, chars) in [
            (regular(), "LiberationSans", "Aa€“”•é"),
            (bold(), "LiberationSans-Bold", "Aa€“”•é"),
            (symbols(), "DejaVuSans", "✔✓☐☑"),
            (cjk_punctuation(), "NotoSansCJKsc-Regular", "．，。："),
        ] {
            assert_eq!(face.post_script_name(), name);
            for c in chars.chars() {
                assert!(face.glyph(c).is_some(), "{name} {c:?}");
            }
        }
    }

    #[test]
    fn characters_fall_back_to_the_face_that_has_them() {
        let face = |c, font| resolve(c, font).map(|g| g.face);
        assert_eq!(face('A', Font::Regular), Some(FaceId::Regular));
        assert_eq!(face('“', Font::Bold), Some(FaceId::Bold));
        assert_eq!(face('✔', Font::Regular), Some(FaceId::Symbols));
        assert_eq!(face('．', Font::Bold), Some(FaceId::CjkPunctuation));
        assert_eq!(face('\t', Font::Regular), None);
        // Full-width characters are one em wide, the tick a little less.
        let width = |c| resolve(c, Font::Regular).map_or(0.0, |g| g.advance);
        assert!((width('．') - 1000.0).abs() < 0.5, "{}", width('．'));
        assert!(width('✔') > 700.0 && width('✔') < 900.0, "{}", width('✔'));
        with_cjk_font(None, || assert_eq!(face('金', Font::Regular), None));
    }

    #[test]
    fn cjk_ranges() {
        assert!(is_cjk('金') && is_cjk('．') && is_cjk('。') && is_cjk('한'));
        assert!(!is_cjk('A') && !is_cjk('é') && !is_cjk('✔') && !is_cjk('😀'));
    }
}
