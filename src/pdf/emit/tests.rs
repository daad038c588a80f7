use super::*;
use crate::pdf::fonts::{Face, FaceId, with_cjk_font};
use crate::pdf::frame::Rect;
use crate::pdf::read_back;

fn fixture_cjk_font() -> &'static Face {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/fonts/NotoSansCJKhk-Fixture.otf"
    );
    Face::from_file(std::path::Path::new(path), 0).unwrap()
}

fn sample_pages() -> Vec<Page> {
    let mut p1 = Page::a4_landscape();
    p1.text(761.56, 27.27, Font::Regular, 9.0, "FF301");
    p1.text(
        22.11,
        97.10,
        Font::Bold,
        11.0,
        "Monthly Return for Equity Issuer",
    );
    p1.fill_rect(
        Rect::from_edges(600.4, 153.5, 798.8, 171.8),
        0.85,
        Some(0.5),
    );
    p1.stroke_rect(Rect::from_edges(20.7, 251.6, 139.7, 269.7), 0.5);
    p1.line(135.2, 143.6, 277.5, 143.6, 0.5);
    p1.text_right(797.09, 317.70, Font::Regular, 9.0, "100,000,000");
    p1.text(390.73, 547.76, Font::Regular, 9.0, "Page 1 of 2");
    let mut p2 = Page::a4_landscape();
    p2.text(
        23.53,
        57.60,
        Font::Bold,
        10.0,
        "II. Movements in Issued Shares",
    );
    p2.text(22.11, 146.95, Font::Regular, 9.0, "Café – “quoted” €5");
    p2.text(390.73, 547.76, Font::Regular, 9.0, "Page 2 of 2");
    vec![p1, p2]
}

fn meta() -> DocMeta {
    DocMeta {
        title: "FF301 Moon Inc. January 2026".into(),
        author: "Moon Inc.".into(),
        ..DocMeta::default()
    }
}

#[test]
fn emitted_text_reads_back_on_the_right_pages() {
    let bytes = emit(&sample_pages(), &meta()).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let pages = read_back::page_texts(&bytes).unwrap();
    assert_eq!(pages.len(), 2);
    assert!(pages[0].iter().any(|t| t == "FF301"));
    assert!(pages[0].iter().any(|t| t == "100,000,000"));
    assert!(pages[0].iter().any(|t| t == "Page 1 of 2"));
    assert!(!pages[0].iter().any(|t| t.contains("II. Movements")));
    assert!(
        pages[1]
            .iter()
            .any(|t| t == "II. Movements in Issued Shares")
    );
    assert!(
        pages[1].iter().any(|t| t == "Café – “quoted” €5"),
        "{:?}",
        pages[1]
    );
    assert!(pages[1].iter().any(|t| t == "Page 2 of 2"));
}

#[test]
fn same_pages_give_identical_bytes() {
    let a = emit(&sample_pages(), &meta()).unwrap();
    let b = emit(&sample_pages(), &meta()).unwrap();
    assert_eq!(a, b);
    let mut other = sample_pages();
    other[1].text(22.11, 200.0, Font::Regular, 9.0, "changed");
    assert_ne!(emit(&other, &meta()).unwrap(), a);
}

#[test]
fn metadata_and_page_size_are_written() {
    let bytes = emit(&sample_pages(), &meta()).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("/MediaBox[0 0 841.89 595.28]"), "media box");
    assert!(text.contains("D:19700101000000"), "fixed epoch date");
    assert!(!text.contains("Helvetica"), "no base-14 font is named");
    let doc = printpdf::PdfDocument::parse(
        &bytes,
        &printpdf::PdfParseOptions::default(),
        &mut Vec::new(),
    )
    .unwrap();
    assert_eq!(
        doc.metadata.info.document_title,
        "FF301 Moon Inc. January 2026"
    );
    assert_eq!(doc.metadata.info.author, "Moon Inc.");
}

#[test]
fn unencodable_text_is_refused() {
    let mut pages = sample_pages();
    pages[1].text(22.0, 300.0, Font::Regular, 9.0, "金山雲 Kingsoft");
    assert_eq!(
        with_cjk_font(None, || emit(&pages, &meta())),
        Err(EmitError::Unencodable {
            page: 2,
            text: "金山雲 Kingsoft".into(),
            ch: '金'
        })
    );
    let mut pages = sample_pages();
    pages[0].text(22.0, 300.0, Font::Regular, 9.0, "smile 😀");
    assert!(matches!(
        emit(&pages, &meta()),
        Err(EmitError::Unencodable {
            page: 1,
            ch: '😀',
            ..
        })
    ));
}

/// Beyond WinAnsi: the reference's tick and note bullet come from the fallback faces, Chinese
/// from the CJK font; every run reads back as typed, and each face is embedded once.
#[test]
fn fallback_and_cjk_glyphs_print_and_read_back() {
    let mut pages = sample_pages();
    pages[1].text(26.0, 256.0, Font::Regular, 7.0, "✔");
    pages[1].text(80.23, 276.22, Font::Regular, 9.0, "．");
    pages[1].text(
        22.0,
        300.0,
        Font::Bold,
        9.0,
        "金山云控股有限公司 Kingsoft Cloud “Identical”",
    );
    let bytes = with_cjk_font(Some(fixture_cjk_font()), || emit(&pages, &meta())).unwrap();
    let texts = read_back::page_texts(&bytes).unwrap();
    for want in ["✔", "．", "金山云控股有限公司 Kingsoft Cloud “Identical”"] {
        assert!(texts[1].iter().any(|t| t == want), "{want}: {:?}", texts[1]);
    }
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let mut bases: Vec<String> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"Subtype").and_then(lopdf::Object::as_name).ok() == Some(b"Type0"))
        .filter_map(|d| d.get(b"BaseFont").and_then(lopdf::Object::as_name).ok())
        .map(|n| String::from_utf8_lossy(&n[7..]).into_owned())
        .collect();
    bases.sort();
    assert_eq!(
        bases,
        [
            "DejaVuSans",
            "LiberationSans",
            "LiberationSans-Bold",
            "NotoSansCJKhk-Regular",
            "NotoSansCJKsc-Regular"
        ]
    );
}

/// The fonts are in the file, subset: each program is a few kilobytes, not Liberation Sans's
/// 400 KB, and the subset tag is the same for the same glyphs.
#[test]
fn fonts_are_embedded_as_small_subsets() {
    let bytes = emit(&sample_pages(), &meta()).unwrap();
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let mut programs = 0;
    for object in doc.objects.values() {
        let Ok(stream) = object.as_stream() else {
            continue;
        };
        if let Ok(length) = stream.dict.get(b"Length1").and_then(lopdf::Object::as_i64) {
            programs += 1;
            assert!(length > 1000 && length < 40_000, "{length}");
            assert!(stream.content.len() < 25_000);
        }
    }
    assert_eq!(programs, 2, "Regular and Bold");
    assert!(bytes.len() < 50_000, "{}", bytes.len());
}

/// Every font a page's stream sets must be in that page's resources, as the embedded face it
/// stands for (a missing one would make viewers substitute a font).
#[test]
fn every_font_a_page_uses_is_in_its_resources() {
    let bytes = emit(&sample_pages(), &meta()).unwrap();
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    for (number, id) in doc.get_pages() {
        let fonts = doc.get_page_fonts(id).unwrap();
        let content = doc.get_and_decode_page_content(id).unwrap();
        let used: Vec<Vec<u8>> = content
            .operations
            .iter()
            .filter(|op| op.operator == "Tf")
            .filter_map(|op| op.operands.first()?.as_name().ok().map(<[u8]>::to_vec))
            .collect();
        assert!(!used.is_empty(), "page {number} sets a font");
        for name in used {
            let dict = fonts.get(name.as_slice()).unwrap_or_else(|| {
                panic!(
                    "page {number}: /{} not in its resources",
                    String::from_utf8_lossy(&name)
                )
            });
            let base = dict
                .get(b"BaseFont")
                .and_then(lopdf::Object::as_name)
                .unwrap();
            let expected = [
                (FaceId::Regular, "+LiberationSans"),
                (FaceId::Bold, "+LiberationSans-Bold"),
            ]
            .into_iter()
            .find(|(f, _)| fonts::resource_name(*f).as_bytes() == name.as_slice())
            .map(|(_, base)| base.as_bytes());
            assert_eq!(base.get(6..), expected, "page {number}");
            assert_eq!(
                dict.get(b"Encoding").and_then(lopdf::Object::as_name).ok(),
                Some(&b"Identity-H"[..])
            );
        }
    }
}

#[test]
fn nothing_to_emit_and_nan_are_errors() {
    assert_eq!(emit(&[], &meta()), Err(EmitError::NoPages));
    let mut page = Page::a4_landscape();
    page.line(0.0, f32::NAN, 1.0, 1.0, 0.5);
    assert_eq!(
        emit(&[page], &meta()),
        Err(EmitError::NotFinite { page: 1 })
    );
}
