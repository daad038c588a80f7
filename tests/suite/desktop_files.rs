//! The files in `assets/` that a desktop reads (desktop entry, AppStream metainfo, MIME type):
//! valid by the freedesktop tools, and agreeing with the program and with each other. No
//! package is built here; `tools/build-deb` checks the package itself.
//!
//! The validators are Debian's `desktop-file-utils`, `appstream` and `libxml2-utils` (`.ci/run`
//! installs them).
//! Where they are missing the validation is skipped with a note, except in CI (`CI` is set),
//! where a missing tool fails the test rather than letting it pass unchecked.

use std::path::{Path, PathBuf};
use std::process::Command;

use monthly_return::about::{APP_ID, VERSION};
use monthly_return::model::MonthlyReturn;

fn asset(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join(name)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn desktop_entry() -> PathBuf {
    asset(&format!("{APP_ID}.desktop"))
}

fn metainfo() -> PathBuf {
    asset(&format!("{APP_ID}.metainfo.xml"))
}

fn mime_xml() -> PathBuf {
    asset("monthly-return-mime.xml")
}

/// Runs `tool args…`; `None` when the tool is not installed (and this is not CI).
fn run_validator(tool: &str, args: &[&str], file: &Path) -> Option<(bool, String)> {
    match Command::new(tool).args(args).arg(file).output() {
        Ok(out) => {
            let text = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            Some((out.status.success(), text))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            assert!(
                std::env::var_os("CI").is_none(),
                "{tool} is not installed, and CI must run it: apt-get install -y desktop-file-utils appstream libxml2-utils"
            );
            eprintln!(
                "note: {tool} is not installed; {} not validated",
                file.display()
            );
            None
        }
        Err(e) => panic!("{tool}: {e}"),
    }
}

#[test]
fn desktop_entry_passes_desktop_file_validate() {
    let file = desktop_entry();
    if let Some((ok, text)) = run_validator("desktop-file-validate", &[], &file) {
        // It prints hints too; any output is something to fix.
        assert!(
            ok && text.trim().is_empty(),
            "desktop-file-validate:\n{text}"
        );
    }
}

#[test]
fn metainfo_passes_appstreamcli_validate() {
    let file = metainfo();
    if let Some((ok, text)) = run_validator("appstreamcli", &["validate", "--no-net"], &file) {
        assert!(ok, "appstreamcli validate:\n{text}");
        for line in text.lines() {
            // Errors (E:), warnings (W:) and info (I:) all fail; pedantic notes (P:) may stay.
            assert!(
                !(line.starts_with("E:") || line.starts_with("W:") || line.starts_with("I:")),
                "appstreamcli validate:\n{text}"
            );
        }
    }
}

#[test]
fn mime_type_is_well_formed_xml() {
    if let Some((ok, text)) = run_validator("xmllint", &["--noout"], &mime_xml()) {
        assert!(ok, "xmllint:\n{text}");
    }
}

/// The value of `key=` in the desktop entry.
fn desktop_key(entry: &str, key: &str) -> String {
    entry
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{key}=")))
        .unwrap_or_else(|| panic!("no {key}= in the desktop entry"))
        .to_string()
}

/// The text between `<tag ...>` and `</tag>` for the first such element.
fn element<'a>(xml: &'a str, tag: &str) -> &'a str {
    let open = xml
        .find(&format!("<{tag}"))
        .unwrap_or_else(|| panic!("no <{tag}>"));
    let start = open + xml[open..].find('>').unwrap() + 1;
    let end = start + xml[start..].find(&format!("</{tag}>")).unwrap();
    &xml[start..end]
}

/// The value of `attr="…"` in the first element starting with `<tag`.
fn attribute<'a>(xml: &'a str, tag: &str, attr: &str) -> &'a str {
    let open = xml
        .find(&format!("<{tag} "))
        .unwrap_or_else(|| panic!("no <{tag}>"));
    let element = &xml[open..open + xml[open..].find('>').unwrap()];
    let key = format!("{attr}=\"");
    let start = element.find(&key).unwrap_or_else(|| panic!("no {attr}")) + key.len();
    &element[start..start + element[start..].find('"').unwrap()]
}

#[test]
fn the_files_name_the_app_id_and_the_drafts_type_alike() {
    let entry = read(&desktop_entry());
    let meta = read(&metainfo());
    let mime = read(&mime_xml());
    let draft_type = attribute(&mime, "mime-type", "type");

    assert_eq!(desktop_key(&entry, "Icon"), APP_ID);
    assert_eq!(
        desktop_key(&entry, "StartupWMClass"),
        APP_ID,
        "the window's app id"
    );
    assert_eq!(desktop_key(&entry, "MimeType"), format!("{draft_type};"));
    // %f: a file manager passes the double-clicked draft, which the app opens.
    assert_eq!(desktop_key(&entry, "Exec"), "monthly-return %f");
    assert_eq!(element(&meta, "id"), APP_ID);
    assert_eq!(element(&meta, "launchable"), format!("{APP_ID}.desktop"));
    assert_eq!(element(&meta, "mediatype"), draft_type);
    assert_eq!(attribute(&meta, "release", "version"), VERSION);
    assert_eq!(attribute(&mime, "icon", "name"), APP_ID);
}

#[test]
fn metainfo_screenshots_are_files_of_the_repository() {
    let meta = read(&metainfo());
    let prefix = format!(
        "{}/",
        env!("CARGO_PKG_REPOSITORY")
            .replace("https://github.com/", "https://raw.githubusercontent.com/")
    );
    let mut images = 0;
    for part in meta.split("<image>").skip(1) {
        let url = &part[..part.find("</image>").unwrap()];
        let in_repo = url
            .strip_prefix(&prefix)
            .and_then(|rest| rest.split_once('/'))
            .map(|(_branch, path)| path)
            .unwrap_or_else(|| panic!("{url} is not under {prefix}"));
        assert!(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(in_repo)
                .is_file(),
            "{in_repo} is not in the repository"
        );
        images += 1;
    }
    assert!(images > 0, "no screenshots");
}

#[test]
fn the_mime_magic_matches_the_first_line_of_a_saved_draft() {
    let mime = read(&mime_xml());
    let magic = attribute(&mime, "match", "value");
    assert_eq!(attribute(&mime, "match", "offset"), "0");
    assert!(magic.len() > 20, "magic {magic:?} is too loose");
    let saved = monthly_return::io::to_string(&MonthlyReturn::blank()).unwrap();
    assert!(
        saved.starts_with(magic),
        "a saved draft starts {:?}, the magic is {magic:?}",
        saved.lines().next()
    );
    // The glob is only the names the app suggests (`<issuer>-<yyyy-mm>.ron`), not every .ron.
    assert!(
        !mime.contains("pattern=\"*.ron\""),
        "*.ron would claim every .ron"
    );
}
