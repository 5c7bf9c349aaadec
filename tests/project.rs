//! A clinic's project: leafpress.yaml's brand and defaults, colours and fonts checked,
//! files kept inside the project, covers, QR codes read back by a real reader.

mod common;

use common::*;
use leafpress::base::colour::Color;
use leafpress::images::ImageKey;
use leafpress::layout::Item;
use leafpress::model::edition::Imposition;
use leafpress::model::edition::Options;
use std::path::{Path, PathBuf};
use std::process::Command;

fn knee() -> PathBuf {
    repo().join("library/content/knee-exercises.yaml")
}

fn leafpress() -> Command {
    Command::new(env!("CARGO_BIN_EXE_leafpress"))
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn run(cmd: &mut Command) -> (Option<i32>, String) {
    let out = cmd.output().expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_library_builds_in_its_brand() {
    let built = leafpress::build(&knee(), &Options::default()).unwrap();
    let first = &built.layout.pages[0].items;
    assert!(
        first.iter().any(|p| matches!(
            p.item,
            Item::Image {
                image: ImageKey::Logo,
                ..
            }
        )),
        "the logo is on page 1"
    );
    let heading = first
        .iter()
        .find_map(|p| match &p.item {
            Item::Text(run) if run.text.starts_with("Exercises") => Some(run),
            _ => None,
        })
        .expect("the title is on the cover");
    assert_eq!(heading.color, Color::hex(0x1F5F75), "the brand's accent");
    let pdf = save(&built.pdf);
    let fonts = pdffonts(&pdf);
    for face in ["Lato-Regular", "Lato-Bold"] {
        let row = fonts
            .iter()
            .find(|r| r.name.contains(face))
            .unwrap_or_else(|| panic!("{face}:\n{fonts:#?}"));
        assert!(row.name.contains('+'), "subset: {}", row.line);
        assert!(
            row.embedded && row.subset && row.unicode,
            "embedded, subset, unicode: {}",
            row.line
        );
    }
    let images = image_rows(&pdf, &["-f", "1", "-l", "1"]);
    assert!(!images.is_empty(), "the logo is an image on page 1");
    // Defaults fill what the leaflet leaves out.
    assert!(page_text(&built.layout, 1).contains("Riverside Physiotherapy · 01632 960 123"));
    // The sample outside the library keeps its own look.
    let plain = leafpress::build(&sample(), &Options::default()).unwrap();
    assert!(!plain.layout.pages[0]
        .items
        .iter()
        .any(|p| matches!(p.item, Item::Image { .. })));
}

/// A project of its own in a temporary folder.
fn project(brand: &str, leaflet: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("leafpress.yaml"), brand);
    let content = dir.path().join("content/leaflet.yaml");
    write(&content, leaflet);
    (dir, content)
}

const LEAFLET: &str = "title: A leaflet\nblocks:\n  - paragraph: Some text.\n";

#[test]
fn a_colour_under_4_5_to_1_is_refused_with_its_ratio_and_a_passing_shade() {
    let (dir, content) = project("brand:\n  colors:\n    accent: \"#4FB3AC\"\n", LEAFLET);
    let (code, err) = run(leafpress().arg("check").arg(&content));
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("leafpress.yaml:3:5"), "{err}");
    assert!(err.contains("contrast 2.51:1"), "{err}");
    assert!(err.contains("use `accent: \"#38827D\"`"), "{err}");
    drop(dir);
}

#[test]
fn fonts_are_checked_a_bold_is_required_and_restricted_fonts_are_refused() {
    let lato = repo().join("library/fonts/Lato-Regular.ttf");
    let (dir, content) = project("brand:\n  fonts: {regular: fonts/Regular.ttf}\n", LEAFLET);
    std::fs::create_dir_all(dir.path().join("fonts")).unwrap();
    std::fs::copy(&lato, dir.path().join("fonts/Regular.ttf")).unwrap();
    let (code, err) = run(leafpress().arg("check").arg(&content));
    assert_eq!(code, Some(1));
    assert!(
        err.contains("have no bold face") && err.contains("leafpress.yaml:2:"),
        "{err}"
    );

    // The same font marked "restricted licence" (OS/2 fsType bit 1).
    let mut bytes = std::fs::read(&lato).unwrap();
    let tables = u16::from_be_bytes([bytes[4], bytes[5]]) as usize;
    let os2 = (0..tables)
        .map(|i| 12 + 16 * i)
        .find(|&r| &bytes[r..r + 4] == b"OS/2")
        .map(|r| u32::from_be_bytes(bytes[r + 8..r + 12].try_into().unwrap()) as usize)
        .unwrap();
    bytes[os2 + 8..os2 + 10].copy_from_slice(&2u16.to_be_bytes());
    std::fs::write(dir.path().join("fonts/Restricted.ttf"), &bytes).unwrap();
    std::fs::copy(
        repo().join("library/fonts/Lato-Bold.ttf"),
        dir.path().join("fonts/Bold.ttf"),
    )
    .unwrap();
    write(
        &dir.path().join("leafpress.yaml"),
        "brand:\n  fonts: {regular: fonts/Restricted.ttf, bold: fonts/Bold.ttf}\n",
    );
    let (code, err) = run(leafpress()
        .arg("build")
        .arg(&content)
        .arg("-o")
        .arg(dir.path().join("x.pdf")));
    assert_eq!(code, Some(1));
    assert!(err.contains("does not allow embedding"), "{err}");
    assert!(!dir.path().join("x.pdf").exists());
}

#[test]
fn files_outside_the_project_are_refused_unless_the_root_allows_them() {
    let outer = tempfile::tempdir().unwrap();
    let png = outer.path().join("private.png");
    std::fs::copy(repo().join("tests/cases/images/gradient.png"), &png).unwrap();
    let inner = outer.path().join("project");
    write(&inner.join("leafpress.yaml"), "defaults:\n  footer: Inside\n");
    std::os::unix::fs::symlink(&png, inner.join("link.png")).unwrap();
    let cases = [
        "../private.png".to_string(),
        png.display().to_string(),
        // A link inside the project to a file outside it.
        "link.png".to_string(),
    ];
    for (k, src) in cases.iter().enumerate() {
        let content = inner.join(format!("leaflet{k}.yaml"));
        write(
            &content,
            &format!("title: T\nblocks:\n  - image: {{src: \"{src}\", alt: A gradient}}\n"),
        );
        let out = inner.join("out.pdf");
        let (code, err) = run(leafpress().arg("build").arg(&content).arg("-o").arg(&out));
        assert_eq!(code, Some(1), "{src}: {err}");
        assert!(err.contains("is outside the project folder"), "{src}: {err}");
        assert!(err.contains(&format!("leaflet{k}.yaml:3:")), "located: {err}");
        assert!(!out.exists(), "nothing written for {src}");
        let (code, err) = run(leafpress()
            .arg("build")
            .arg(&content)
            .arg("-o")
            .arg(&out)
            .arg("--root")
            .arg(outer.path()));
        assert_eq!(code, Some(0), "--root allows {src}: {err}");
        std::fs::remove_file(&out).unwrap();
    }
}

#[test]
fn a_bare_contact_shows_the_projects_details() {
    let (_dir, content) = project(
        "defaults:\n  contact: {name: Riverside, phone: 01632 960 123}\n",
        "title: T\nblocks:\n  - paragraph: Call us.\n  - contact\n",
    );
    let checked = leafpress::check(&content, &Options::default()).unwrap();
    assert!(page_text(&checked.layout, 0).contains("Phone: 01632 960 123"));
    let dir = tempfile::tempdir().unwrap();
    let lone = dir.path().join("lone.yaml");
    write(&lone, "title: T\nblocks:\n  - contact\n");
    let err = leafpress::check(&lone, &Options::default())
        .err()
        .unwrap()
        .render_plain();
    assert!(
        err.contains("lone.yaml:3:5") && err.contains("there are none"),
        "{err}"
    );
}

#[test]
fn a_booklet_keeps_the_back_cover_on_the_outside() {
    let options = Options {
        imposition: Imposition::Booklet,
        ..Options::default()
    };
    let built = leafpress::build(&knee(), &options).unwrap();
    let pages = built.layout.pages.len();
    assert!(built.layout.back_cover);
    assert_eq!(
        pages % 4,
        0,
        "the knee leaflet needs no blanks; pad it to test them"
    );
    let sheets = leafpress::output::impose::impose(&built.layout, &Imposition::Booklet);
    // The first sheet's front holds [back cover | front cover].
    let front: Vec<usize> = sheets.sheets[0].slots.iter().map(|s| s.page).collect();
    assert_eq!(front, [pages - 1, 0]);
    // With one page more, the blanks come before the back cover, not after it.
    let mut doc = built.layout.clone();
    doc.pages.insert(1, Default::default());
    let sheets = leafpress::output::impose::impose(&doc, &Imposition::Booklet);
    let front: Vec<usize> = sheets.sheets[0].slots.iter().map(|s| s.page).collect();
    assert_eq!(front, [pages, 0], "the back cover is the outside back");
    let pdf = save(&built.pdf);
    let text = pdftotext(&pdf, &["-f", "1", "-l", "1"]);
    assert!(
        text.contains("About this leaflet") && text.contains("Exercises after"),
        "{text}"
    );
}

/// Renders `page` of a PDF at 150 dpi and reads every QR code on it with zbarimg.
fn read_qr(pdf: &Path, page: usize) -> Vec<String> {
    let dir = pdf.parent().unwrap();
    let png = dir.join("page");
    let p = page.to_string();
    tool(
        "pdftoppm",
        &[
            &"-r",
            &"150",
            &"-png",
            &"-singlefile",
            &"-f",
            &p,
            &"-l",
            &p,
            &pdf,
            &png,
        ],
    );
    // zbarimg fails (exit status 4) when it finds no code.
    tool("zbarimg", &[&"-q", &"--raw", &png.with_extension("png")])
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn qr_codes_decode_to_their_address_at_25mm_and_at_the_smallest_size() {
    let url = "https://riverside-physio.example/knee";
    let grid = leafpress::load::qr::Grid::new(url).unwrap();
    let smallest = (grid.min_side() / leafpress::base::units::PT_PER_MM).ceil();
    for size in [25.0, smallest] {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("qr.yaml");
        write(
            &content,
            &format!("title: QR\nblocks:\n  - qr: {{url: \"{url}\", size: {size}mm}}\n"),
        );
        let built = leafpress::build(&content, &Options::default()).unwrap();
        let pdf = dir.path().join("qr.pdf");
        std::fs::write(&pdf, &built.pdf).unwrap();
        assert_eq!(read_qr(&pdf, 1), [url], "at {size} mm");
        let text = page_text(&built.layout, 0);
        assert!(
            text.contains("riverside-physio.example/knee"),
            "the address in words: {text}"
        );
    }
    // Smaller than the address allows: an error that says what size it needs.
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("qr.yaml");
    write(
        &content,
        &format!(
            "title: QR\nblocks:\n  - qr: {{url: \"{url}\", size: {}mm}}\n",
            smallest - 2.0
        ),
    );
    let err = leafpress::check(&content, &Options::default())
        .err()
        .unwrap()
        .render_plain();
    assert!(
        err.contains(&format!("write `size: {smallest}mm` or more")),
        "{err}"
    );
    assert!(err.contains("qr.yaml:3:5"), "{err}");
}

#[test]
fn a_leaflet_can_turn_off_a_default_cover_and_keep_the_projects_page_size() {
    let (dir, content) = project(
        "defaults:\n  cover: true\n  page: {size: A6}\n",
        "title: T\ncover: false\npage: {margin: 12mm}\nblocks:\n  - paragraph: Text.\n",
    );
    let checked = leafpress::check(&content, &Options::default()).unwrap();
    assert_eq!(checked.layout.pages.len(), 1, "no cover, no back cover");
    let a6 = 105.0 * leafpress::base::units::PT_PER_MM;
    assert!((checked.layout.width - a6).abs() < 0.1, "the project's A6 stays");
    // A cover picture named in leafpress.yaml is found next to it.
    std::fs::copy(
        repo().join("tests/cases/images/gradient.png"),
        dir.path().join("cover.png"),
    )
    .unwrap();
    write(
        &dir.path().join("leafpress.yaml"),
        "defaults:\n  cover: {image: {src: cover.png, alt: A gradient}}\n",
    );
    write(&content, "title: T\nblocks:\n  - paragraph: Text.\n");
    let checked = leafpress::check(&content, &Options::default()).unwrap();
    assert!(checked.layout.pages[0].items.iter().any(|p| matches!(
        p.item,
        Item::Image {
            image: ImageKey::Cover,
            ..
        }
    )));
}

#[test]
fn the_project_file_is_looked_up_from_the_real_folder() {
    let top = tempfile::tempdir().unwrap();
    write(
        &top.path().join("a/leafpress.yaml"),
        "defaults:\n  footer: Clinic A\n",
    );
    write(&top.path().join("b/x.yaml"), LEAFLET);
    let out = top.path().join("x.pdf");
    let (code, err) = run(leafpress()
        .current_dir(top.path().join("a"))
        .args(["build", "../b/x.yaml", "-o"])
        .arg(&out));
    assert_eq!(code, Some(0), "{err}");
    let text = pdftotext(&out, &[]);
    assert!(text.contains("Some text."), "the leaflet's text is read:\n{text}");
    assert!(
        !text.contains("Clinic A"),
        "clinic A's project must not apply to b/x.yaml:\n{text}"
    );
}

#[test]
fn text_is_never_dropped_and_back_matter_links_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.yaml");
    write(
        &path,
        "title: T\nblocks:\n  - paragraph: One.\n  - page_break: This would vanish.\n",
    );
    let err = leafpress::check(&path, &Options::default())
        .err()
        .unwrap()
        .render_plain();
    assert!(
        err.contains("x.yaml:4:17") && err.contains("nothing after `page_break`"),
        "{err}"
    );
    write(
        &path,
        "title: T\nfeedback: \"See [the start](#strat).\"\nblocks:\n  - heading: Start\n",
    );
    let err = leafpress::check(&path, &Options::default())
        .err()
        .unwrap()
        .render_plain();
    assert!(err.contains("in `feedback`: no heading has that anchor"), "{err}");
    assert!(err.contains("did you mean \"#start\"?"), "{err}");
}

#[test]
fn a_qr_code_prints_its_address_exactly_and_is_checked_at_the_width_it_gets() {
    let url = "https://clinic.example/a--b_c_/*d*";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("q.yaml");
    write(&path, &format!("title: T\nblocks:\n  - qr: {{url: \"{url}\"}}\n"));
    let checked = leafpress::check(&path, &Options::default()).unwrap();
    assert!(page_text(&checked.layout, 0).contains("clinic.example/a--b_c_/*d*"));
    // 80 mm asked for, but an A6 page with 40 mm margins leaves 25 mm: too small here.
    let long = format!("https://clinic.example/{}", "x".repeat(300));
    write(
        &path,
        &format!(
            "title: T\npage: {{size: A6, margin: 40mm}}\nblocks:\n  - qr: {{url: \"{long}\", size: 80mm}}\n"
        ),
    );
    let err = leafpress::check(&path, &Options::default())
        .err()
        .unwrap()
        .render_plain();
    assert!(err.contains("is 25 mm, too small for its address"), "{err}");
}
