//! One font face: its bytes, character → glyph lookup and advances (via ttf-parser), and the
//! few metrics a PDF font descriptor needs.

use std::path::Path;

/// A font that could not be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FontError {
    #[error("cannot read the font {path}: {error}")]
    Read { path: String, error: String },
    #[error("{0} is not a TrueType/OpenType font ttf-parser can read")]
    Parse(String),
}

/// Characters below this code point are looked up once, when the face is loaded.
const FAST: usize = 0x250;

/// A parsed face. Faces live for the whole process (the shipped ones are `static`, a machine's
/// CJK font is loaded once), so its bytes are `'static`.
pub struct Face {
    data: &'static [u8],
    index: u32,
    parsed: Option<ttf_parser::Face<'static>>,
    name: String,
    per_em: f32,
    /// Glyph and advance (font units) of the characters below [`FAST`]; glyph 0 = missing.
    fast: Vec<(u16, u16)>,
}

impl std::fmt::Debug for Face {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Face({} #{})", self.name, self.index)
    }
}

impl Face {
    /// Parses face `index` of a font file's bytes.
    pub fn parse_static(data: &'static [u8], index: u32) -> Result<Self, FontError> {
        let parsed = ttf_parser::Face::parse(data, index)
            .map_err(|e| FontError::Parse(format!("font #{index} ({e})")))?;
        let name = parsed
            .names()
            .into_iter()
            .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .find_map(|n| n.to_string())
            .unwrap_or_default();
        let name: String = name
            .chars()
            .filter(|c| c.is_ascii_graphic() && !"()<>[]{}/%#".contains(*c))
            .collect();
        let per_em = 1000.0 / f32::from(parsed.units_per_em().max(1));
        let fast = (0..FAST)
            .map(|cp| {
                char::from_u32(cp as u32)
                    .and_then(|c| parsed.glyph_index(c))
                    .map_or((0, 0), |g| (g.0, parsed.glyph_hor_advance(g).unwrap_or(0)))
            })
            .collect();
        Ok(Self {
            data,
            index,
            parsed: Some(parsed),
            name: if name.is_empty() {
                "Font".to_string()
            } else {
                name
            },
            per_em,
            fast,
        })
    }

    /// Loads face `index` of a font file for the rest of the process (its bytes are leaked, as
    /// a font in use is never unloaded).
    pub fn from_file(path: &Path, index: u32) -> Result<&'static Face, FontError> {
        let bytes = std::fs::read(path).map_err(|e| FontError::Read {
            path: path.display().to_string(),
            error: e.to_string(),
        })?;
        let data: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        let face = Self::parse_static(data, index)
            .map_err(|_| FontError::Parse(path.display().to_string()))?;
        Ok(Box::leak(Box::new(face)))
    }

    /// A face with no glyphs (stands in for a shipped font that failed to parse, which a test
    /// guards against).
    pub(super) fn empty(name: &str) -> Self {
        Self {
            data: &[],
            index: 0,
            parsed: None,
            name: name.to_string(),
            per_em: 1.0,
            fast: Vec::new(),
        }
    }

    /// The glyph of `c` and its advance in thousandths of an em.
    pub fn glyph(&self, c: char) -> Option<(u16, f32)> {
        if let Some(&(gid, advance)) = self.fast.get(c as usize) {
            return (gid != 0).then(|| (gid, f32::from(advance) * self.per_em));
        }
        let face = self.parsed.as_ref()?;
        let gid = face.glyph_index(c).filter(|g| g.0 != 0)?;
        Some((gid.0, self.advance(gid.0)))
    }

    /// The number of glyphs in the face.
    pub fn glyph_count(&self) -> u16 {
        self.parsed
            .as_ref()
            .map_or(0, ttf_parser::Face::number_of_glyphs)
    }

    /// The advance of glyph `gid` in thousandths of an em.
    pub fn advance(&self, gid: u16) -> f32 {
        self.parsed
            .as_ref()
            .and_then(|f| f.glyph_hor_advance(ttf_parser::GlyphId(gid)))
            .map_or(0.0, |a| f32::from(a) * self.per_em)
    }

    /// The PostScript name (`LiberationSans-Bold`), cleaned for use as a PDF name.
    pub fn post_script_name(&self) -> &str {
        &self.name
    }

    /// The font file's bytes and the face's index in it.
    pub fn data(&self) -> (&'static [u8], u32) {
        (self.data, self.index)
    }

    /// Whether the outlines are CFF (an OpenType/CFF font) rather than TrueType `glyf`.
    pub fn is_cff(&self) -> bool {
        self.parsed
            .as_ref()
            .is_some_and(|f| f.tables().cff.is_some() && f.tables().glyf.is_none())
    }

    /// Ascender, descender, cap height and bounding box (x0, y0, x1, y1), in thousandths of an
    /// em, and the italic angle: what a PDF font descriptor states.
    pub fn descriptor_metrics(&self) -> DescriptorMetrics {
        let Some(f) = self.parsed.as_ref() else {
            return DescriptorMetrics::default();
        };
        let s = |v: i16| f32::from(v) * self.per_em;
        let b = f.global_bounding_box();
        DescriptorMetrics {
            ascent: s(f.ascender()),
            descent: s(f.descender()),
            cap_height: s(f.capital_height().unwrap_or(f.ascender())),
            bbox: [s(b.x_min), s(b.y_min), s(b.x_max), s(b.y_max)],
            italic_angle: f.italic_angle(),
        }
    }
}

/// See [`Face::descriptor_metrics`].
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct DescriptorMetrics {
    pub ascent: f32,
    pub descent: f32,
    pub cap_height: f32,
    pub bbox: [f32; 4],
    pub italic_angle: f32,
}
