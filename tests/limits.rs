//! Bounded work for hostile files: each limit is a clear error, found quickly.

use std::process::Command;

fn check(yaml: &[u8]) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.yaml");
    std::fs::write(&path, yaml).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_leafpress"))
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_file_over_5_mb_is_refused_unread() {
    let mut yaml = b"title: Big\nblocks:\n  - paragraph: x\n".to_vec();
    yaml.resize(5_000_001, b'#');
    let (code, err) = check(&yaml);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("the content file is 5.0 MB; a leaflet's YAML is at most 5 MB"),
        "{err}"
    );
}

#[test]
fn nesting_deeper_than_64_levels_is_refused_where_it_happens() {
    let yaml = format!(
        "title: Deep\nblocks:\n  - bullets: {}x{}\n",
        "[".repeat(70),
        "]".repeat(70)
    );
    let (code, err) = check(yaml.as_bytes());
    assert_eq!(code, Some(1));
    assert!(
        err.contains("nests more than 64 levels deep") && err.contains("big.yaml:3:"),
        "{err}"
    );
}

#[test]
fn more_than_10000_blocks_are_refused() {
    let yaml = format!("title: Many\nblocks:\n{}", "  - paragraph: x\n".repeat(10_001));
    let (code, err) = check(yaml.as_bytes());
    assert_eq!(code, Some(1));
    assert!(
        err.contains("the leaflet has 10001 blocks; leafpress takes at most 10000"),
        "{err}"
    );
    assert!(err.contains("big.yaml:2:1"), "{err}");
}

#[test]
fn more_than_2000_pages_are_refused() {
    let yaml = format!(
        "title: Long\nblocks:\n{}",
        "  - paragraph: x\n  - page_break\n".repeat(2_001)
    );
    let (code, err) = check(yaml.as_bytes());
    assert_eq!(code, Some(1));
    assert!(
        err.contains("runs to 2001 pages; leafpress makes at most 2000"),
        "{err}"
    );
}

/// A brand font that is not a font (a renamed file, a truncated download) is an
/// error naming the file, located in leafpress.yaml, never a panic in the shaper.
#[test]
fn a_font_file_that_does_not_parse_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("fonts")).unwrap();
    std::fs::write(
        dir.path().join("fonts/Regular.ttf"),
        b"\x00\x01\x00\x00not a font at all",
    )
    .unwrap();
    let lato = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("library/fonts/Lato-Bold.ttf");
    let mut truncated = std::fs::read(lato).unwrap();
    truncated.truncate(4000);
    std::fs::write(dir.path().join("fonts/Bold.ttf"), truncated).unwrap();
    std::fs::write(
        dir.path().join("leafpress.yaml"),
        "brand:\n  fonts: {regular: fonts/Regular.ttf, bold: fonts/Bold.ttf}\n",
    )
    .unwrap();
    let leaflet = dir.path().join("leaflet.yaml");
    std::fs::write(&leaflet, "title: T\nblocks:\n  - paragraph: Text.\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_leafpress"))
        .arg("build")
        .arg(&leaflet)
        .arg("-o")
        .arg(dir.path().join("x.pdf"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        err.contains("Regular.ttf") && err.contains("leafpress.yaml:2:"),
        "{err}"
    );
}
