//! The CJK font for Chinese text: one font of the machine, found once per process.
//!
//! Looked up in this order:
//! 1. [`with_cjk_font`]: a font (or none) chosen by the caller for everything the closure does
//!    on this thread — how the tests export Chinese names with a fixture font, whatever the
//!    machine has;
//! 2. the environment variable `MONTHLY_RETURN_CJK_FONT`: a font file's path, optionally with
//!    `#INDEX` for a face of a collection (`/usr/share/fonts/…/NotoSansCJK-Regular.ttc#4`);
//!    set but empty means "no CJK font";
//! 3. fontconfig: `fc-list` asked for a font with Traditional and Simplified characters
//!    (雲 云 金), a regular sans face preferred (Noto Sans CJK HK when installed).
//!
//! Without one, Chinese text is refused by rule PDF-001, which suggests `fonts-noto-cjk`.

use std::cell::Cell;
use std::path::PathBuf;
use std::sync::OnceLock;

use super::Face;

/// The environment variable naming the CJK font file (see the module documentation).
pub const CJK_FONT_ENV: &str = "MONTHLY_RETURN_CJK_FONT";

/// The Debian/Ubuntu package to suggest when no CJK font is found.
pub const CJK_FONT_PACKAGE: &str = "fonts-noto-cjk";

thread_local! {
    static OVERRIDE: Cell<Option<Option<&'static Face>>> = const { Cell::new(None) };
}

/// Runs `f` with `font` as the CJK font of this thread (`None`: no CJK font), then restores the
/// previous choice. Measurement, the printability check and the export inside `f` all use it.
pub fn with_cjk_font<R>(font: Option<&'static Face>, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Option<&'static Face>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            OVERRIDE.with(|o| o.set(self.0));
        }
    }
    let _restore = Restore(OVERRIDE.with(|o| o.replace(Some(font))));
    f()
}

/// The CJK font in effect on this thread, if any.
pub fn cjk_font() -> Option<&'static Face> {
    if let Some(chosen) = OVERRIDE.with(Cell::get) {
        return chosen;
    }
    static SYSTEM: OnceLock<Option<&'static Face>> = OnceLock::new();
    *SYSTEM.get_or_init(|| {
        let (path, index) = match std::env::var_os(CJK_FONT_ENV) {
            Some(value) => parse_env(&value.to_string_lossy())?,
            None => find_with_fontconfig()?,
        };
        Face::from_file(&path, index).ok()
    })
}

/// `PATH` or `PATH#INDEX`; empty = none.
fn parse_env(value: &str) -> Option<(PathBuf, u32)> {
    if value.trim().is_empty() {
        return None;
    }
    if let Some((path, index)) = value.rsplit_once('#')
        && let Ok(index) = index.parse()
    {
        return Some((PathBuf::from(path), index));
    }
    Some((PathBuf::from(value), 0))
}

/// Asks fontconfig for a font with both Traditional and Simplified Chinese characters (雲 云
/// 金) by the characters themselves (fontconfig files many CJK fonts under a language other
/// than `zh-hk`). Prefers a regular sans face, Hong Kong before Traditional before the rest.
fn find_with_fontconfig() -> Option<(PathBuf, u32)> {
    let out = std::process::Command::new("fc-list")
        .args([
            ":charset=96f2 4e91 91d1",
            "--format=%{file}|%{index}|%{family[0]}|%{style[0]}\\n",
        ])
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut fonts: Vec<(PathBuf, u32, String)> = text
        .lines()
        .filter_map(|l| {
            let mut parts = l.split('|');
            let file = PathBuf::from(parts.next()?);
            let index = parts.next()?.trim().parse().unwrap_or(0);
            let name = parts.collect::<Vec<_>>().join(" ").to_lowercase();
            Some((file, index, name))
        })
        .filter(|(p, _, _)| {
            let ext = p
                .extension()
                .map(|e| e.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            matches!(ext.as_str(), "ttf" | "otf" | "ttc" | "otc")
        })
        .collect();
    fonts.sort_by_key(|(p, index, name)| {
        let file = p.to_string_lossy().to_lowercase();
        (
            !(name.contains("sans") || file.contains("sans")),
            !name.contains("regular"),
            !name.contains(" hk"),
            !name.contains(" tc"),
            file,
            *index,
        )
    });
    fonts.into_iter().next().map(|(p, i, _)| (p, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_value_is_a_path_with_an_optional_index() {
        assert_eq!(parse_env(""), None);
        assert_eq!(parse_env("/a/b.otf"), Some((PathBuf::from("/a/b.otf"), 0)));
        assert_eq!(
            parse_env("/a/b.ttc#4"),
            Some((PathBuf::from("/a/b.ttc"), 4))
        );
        assert_eq!(parse_env("/a#b.otf"), Some((PathBuf::from("/a#b.otf"), 0)));
    }

    #[test]
    fn the_override_is_scoped_to_the_closure() {
        let fixture = Face::from_file(
            std::path::Path::new(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/fonts/NotoSansCJKhk-Fixture.otf"
            )),
            0,
        )
        .unwrap();
        with_cjk_font(None, || {
            assert!(cjk_font().is_none());
            with_cjk_font(Some(fixture), || {
                assert_eq!(
                    cjk_font().map(Face::post_script_name),
                    Some("NotoSansCJKhk-Regular")
                );
                assert!(cjk_font().and_then(|f| f.glyph('金')).is_some());
            });
            assert!(cjk_font().is_none());
        });
    }
}
