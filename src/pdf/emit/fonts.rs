//! The embedded fonts: which glyphs the pages use, their subsets (typst's `subsetter`) and the
//! PDF objects that carry them.
//!
//! Each face used is a `Type0` font with the `Identity-H` encoding: the content streams show
//! two-byte glyph ids of the subset (which are also its CIDs), the `CIDFontType2` (TrueType
//! outlines, `FontFile2`, `CIDToGIDMap /Identity`) or `CIDFontType0` (CFF outlines, `FontFile3`
//! `/OpenType`) descendant carries the widths (`W`, from the font, unrounded), and a
//! `ToUnicode` CMap maps each glyph back to its character so that text extraction and
//! copy-paste work. Subset tags (`ABCDEF+`) are derived from the glyphs kept: the same pages
//! always give the same bytes.

use std::fmt::Write as _;

use lopdf::{Dictionary, Object, Stream};

use super::EmitError;
use super::Fnv;
use crate::pdf::content::GlyphSource;
use crate::pdf::fonts::{Face, FaceId, resolve};
use crate::pdf::frame::{Font, Item, Page};

/// The glyphs one face shows on the pages, indexed by the face's own glyph id: the first
/// character seen with it (for ToUnicode) and its id in the subset (0 = unused). Plain vectors:
/// this is looked up for every character of every run.
struct FaceUse {
    face: &'static Face,
    first_char: Vec<Option<char>>,
    new_id: Vec<u16>,
}

impl FaceUse {
    /// (old id, new id, character) of every glyph kept, in id order.
    fn glyphs(&self) -> impl Iterator<Item = (u16, u16, char)> + '_ {
        self.first_char.iter().enumerate().filter_map(|(old, c)| {
            let c = (*c)?;
            let old = u16::try_from(old).ok()?;
            Some((old, self.new_id[usize::from(old)], c))
        })
    }
}

/// Every face the pages use, with the subset glyph ids the content streams write.
pub(super) struct Embedded {
    faces: [Option<FaceUse>; FaceId::ALL.len()],
}

/// The resource name of a face in every page's font dictionary.
pub(super) fn resource_name(face: FaceId) -> &'static str {
    match face {
        FaceId::Regular => "F1",
        FaceId::Bold => "F2",
        FaceId::Symbols => "F3",
        FaceId::CjkPunctuation => "F4",
        FaceId::Cjk => "F5",
    }
}

impl Embedded {
    /// Collects the glyphs of every text run. Text must have been checked: a character no face
    /// has is skipped here.
    pub(super) fn collect(pages: &[Page]) -> Self {
        let mut faces: [Option<FaceUse>; FaceId::ALL.len()] = Default::default();
        for page in pages {
            for item in &page.items {
                let Item::Text(t) = item else { continue };
                for c in t.text.chars() {
                    let Some(g) = resolve(c, t.font) else {
                        continue;
                    };
                    let slot = &mut faces[g.face as usize];
                    if slot.is_none() {
                        let Some(face) = g.face.face() else { continue };
                        let n = usize::from(face.glyph_count());
                        *slot = Some(FaceUse {
                            face,
                            first_char: vec![None; n],
                            new_id: vec![0; n],
                        });
                    }
                    if let Some(used) = slot
                        && let Some(first) = used.first_char.get_mut(usize::from(g.id))
                        && first.is_none()
                    {
                        *first = Some(c);
                    }
                }
            }
        }
        // New ids in the order of the old ones, after .notdef (0).
        for used in faces.iter_mut().flatten() {
            let mut next = 1u16;
            for (old, c) in used.first_char.iter().enumerate() {
                if c.is_some() {
                    used.new_id[old] = next;
                    next = next.saturating_add(1);
                }
            }
        }
        Self { faces }
    }

    fn used(&self) -> impl Iterator<Item = (FaceId, &FaceUse)> {
        FaceId::ALL
            .into_iter()
            .zip(&self.faces)
            .filter_map(|(id, used)| Some((id, used.as_ref()?)))
    }

    /// Adds the font objects to `lo` and returns the font resource dictionary (`/F1 …`).
    pub(super) fn write(&self, lo: &mut lopdf::Document) -> Result<Dictionary, EmitError> {
        let mut resources = Dictionary::new();
        for (id, used) in self.used() {
            let font = write_face(lo, used)?;
            resources.set(resource_name(id), Object::Reference(font));
        }
        Ok(resources)
    }
}

impl GlyphSource for Embedded {
    fn glyph(&self, c: char, font: Font) -> Option<(FaceId, u16)> {
        let g = resolve(c, font)?;
        let used = self.faces[g.face as usize].as_ref()?;
        let new = *used.new_id.get(usize::from(g.id))?;
        (new != 0).then_some((g.face, new))
    }

    fn resource(&self, face: FaceId) -> &'static str {
        resource_name(face)
    }
}

/// `ABCDEF`: six capitals from a hash of the face and its glyphs.
fn subset_tag(used: &FaceUse) -> String {
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    h.str(used.face.post_script_name());
    for (old, _, _) in used.glyphs() {
        h.bytes(&old.to_le_bytes());
    }
    let mut v = h.0;
    (0..6)
        .map(|_| {
            let c = char::from(b'A' + (v % 26) as u8);
            v /= 26;
            c
        })
        .collect()
}

fn real(v: f32) -> Object {
    Object::Real((v * 1000.0).round() / 1000.0)
}

fn write_face(lo: &mut lopdf::Document, used: &FaceUse) -> Result<lopdf::ObjectId, EmitError> {
    let face = used.face;
    let (data, index) = face.data();
    let old: Vec<u16> = used.glyphs().map(|(old, _, _)| old).collect();
    let remapper = subsetter::GlyphRemapper::new_from_glyphs_sorted(&old);
    if used
        .glyphs()
        .any(|(old, new, _)| remapper.get(old) != Some(new))
    {
        return Err(EmitError::Write(format!(
            "the subset of {} numbers its glyphs unexpectedly",
            face.post_script_name()
        )));
    }
    let program = subsetter::subset(data, index, &remapper).map_err(|e| {
        EmitError::Write(format!(
            "cannot subset the font {}: {e}",
            face.post_script_name()
        ))
    })?;
    let base = format!("{}+{}", subset_tag(used), face.post_script_name());
    let cff = face.is_cff();

    let mut file_dict = Dictionary::new();
    if cff {
        file_dict.set("Subtype", Object::Name(b"OpenType".to_vec()));
    } else {
        file_dict.set("Length1", Object::Integer(program.len() as i64));
    }
    let file = lo.add_object(Stream::new(file_dict, program));

    let m = face.descriptor_metrics();
    let mut descriptor = Dictionary::new();
    descriptor.set("Type", Object::Name(b"FontDescriptor".to_vec()));
    descriptor.set("FontName", Object::Name(base.clone().into_bytes()));
    // Symbolic (4): the glyphs are addressed by id, not by a standard encoding.
    descriptor.set("Flags", Object::Integer(4));
    descriptor.set(
        "FontBBox",
        Object::Array(m.bbox.iter().map(|&v| real(v)).collect()),
    );
    descriptor.set("ItalicAngle", real(m.italic_angle));
    descriptor.set("Ascent", real(m.ascent));
    descriptor.set("Descent", real(m.descent));
    descriptor.set("CapHeight", real(m.cap_height));
    descriptor.set("StemV", Object::Integer(80));
    descriptor.set(
        if cff { "FontFile3" } else { "FontFile2" },
        Object::Reference(file),
    );
    let descriptor = lo.add_object(descriptor);

    // W: [first [w1 w2 …]] — the subset's ids are consecutive from 1.
    let widths: Vec<Object> = used
        .glyphs()
        .map(|(old, _, _)| real(face.advance(old)))
        .collect();
    let mut cid = Dictionary::new();
    cid.set("Type", Object::Name(b"Font".to_vec()));
    cid.set(
        "Subtype",
        Object::Name(if cff {
            b"CIDFontType0".to_vec()
        } else {
            b"CIDFontType2".to_vec()
        }),
    );
    cid.set("BaseFont", Object::Name(base.clone().into_bytes()));
    let mut system = Dictionary::new();
    system.set("Registry", Object::string_literal("Adobe"));
    system.set("Ordering", Object::string_literal("Identity"));
    system.set("Supplement", Object::Integer(0));
    cid.set("CIDSystemInfo", Object::Dictionary(system));
    cid.set("FontDescriptor", Object::Reference(descriptor));
    cid.set("DW", Object::Integer(0));
    cid.set(
        "W",
        Object::Array(vec![Object::Integer(1), Object::Array(widths)]),
    );
    if !cff {
        cid.set("CIDToGIDMap", Object::Name(b"Identity".to_vec()));
    }
    let cid = lo.add_object(cid);

    let to_unicode = lo.add_object(Stream::new(Dictionary::new(), to_unicode_cmap(used)));

    let mut font = Dictionary::new();
    font.set("Type", Object::Name(b"Font".to_vec()));
    font.set("Subtype", Object::Name(b"Type0".to_vec()));
    font.set("BaseFont", Object::Name(base.into_bytes()));
    font.set("Encoding", Object::Name(b"Identity-H".to_vec()));
    font.set(
        "DescendantFonts",
        Object::Array(vec![Object::Reference(cid)]),
    );
    font.set("ToUnicode", Object::Reference(to_unicode));
    Ok(lo.add_object(font))
}

/// The ToUnicode CMap (PDF 32000-1 §9.10.3): each subset glyph id → its character (UTF-16BE).
fn to_unicode_cmap(used: &FaceUse) -> Vec<u8> {
    let mut s = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let entries: Vec<(u16, char)> = used.glyphs().map(|(_, new, c)| (new, c)).collect();
    for chunk in entries.chunks(100) {
        let _ = writeln!(s, "{} beginbfchar", chunk.len());
        for &(new, c) in chunk {
            let _ = write!(s, "<{new:04X}> <");
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                let _ = write!(s, "{unit:04X}");
            }
            s.push_str(">\n");
        }
        s.push_str("endbfchar\n");
    }
    s.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    s.into_bytes()
}
