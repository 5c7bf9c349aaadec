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
    // #38827D, a shade that passes on white, failed on the default tint in turn: the
    // advice passes both.
    assert!(err.contains("use `accent: \"#347974\"`"), "{err}");
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

/// A project as `leafpress new` makes it (leafpress.yaml, assets/, content/), with a
/// photo in assets/ and a leaflet in content/ naming `src`.
fn new_project(src: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = run(leafpress().current_dir(dir.path()).args(["new", "Knee"]));
    assert_eq!(code, Some(0), "{err}");
    assert!(dir.path().join("assets").is_dir());
    std::fs::copy(
        repo().join("tests/cases/images/landscape.jpg"),
        dir.path().join("assets/photo.jpg"),
    )
    .unwrap();
    let content = dir.path().join("content/x.yaml");
    write(
        &content,
        &format!("title: T\nblocks:\n  - image: {{src: \"{src}\", alt: A photo}}\n"),
    );
    (dir, content)
}

/// `leafpress check content/x.yaml`, run in the project folder as a user would.
fn check_in(dir: &Path) -> (Option<i32>, String) {
    run(leafpress().current_dir(dir).args(["check", "content/x.yaml"]))
}

#[test]
fn a_missing_picture_is_not_found_says_where_its_path_counts_from_and_what_was_meant() {
    // issue 21: `assets/` is at the project root, and `src` counts from content/.
    let (dir, content) = new_project("assets/photo.jpg");
    let (code, err) = check_in(dir.path());
    assert_eq!(code, Some(1), "{err}");
    assert!(
        !err.contains("outside"),
        "a folder that is not there is not outside: {err}"
    );
    assert!(
        err.contains("image \"assets/photo.jpg\" in block 1: file not found: there is no content/assets/photo.jpg in the project folder"),
        "{err}"
    );
    assert!(
        err.contains(
            "did you mean `../assets/photo.jpg`? `src` counts from the folder of content/x.yaml, content/"
        ),
        "{err}"
    );
    assert!(
        !err.contains("PNG or JPEG"),
        "the advice for a file that is there: {err}"
    );
    // Run from anywhere, the same answer.
    let (_, err) = run(leafpress().arg("check").arg(&content));
    assert!(err.contains("did you mean `../assets/photo.jpg`?"), "{err}");
    // The advice, followed, builds.
    write(
        &content,
        "title: T\nblocks:\n  - image: {src: \"../assets/photo.jpg\", alt: A photo}\n",
    );
    let (code, err) = check_in(dir.path());
    assert!(!err.contains("error"), "{err}");
    assert_eq!(code, Some(0), "{err}");

    // Other capitals: the file that is there, named.
    std::fs::rename(
        dir.path().join("assets/photo.jpg"),
        dir.path().join("assets/Photo.JPG"),
    )
    .unwrap();
    let (code, err) = check_in(dir.path());
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("did you mean `../assets/Photo.JPG`? Capitals count in file names; `src` counts from the folder of content/x.yaml, content/"),
        "{err}"
    );
    // Nothing like it anywhere: the rule, and no advice about file types.
    write(
        &content,
        "title: T\nblocks:\n  - image: {src: \"../assets/knee-diagram.png\", alt: A photo}\n",
    );
    let (_, err) = check_in(dir.path());
    assert!(
        err.contains("there is no assets/knee-diagram.png in the project folder")
            && err.contains("help: `src` counts from the folder of content/x.yaml, content/; check the name and the folder"),
        "{err}"
    );
    assert!(
        !err.contains("did you mean") && !err.contains("PNG or JPEG"),
        "{err}"
    );
    // A file that is there but is not a picture: now the PNG or JPEG advice.
    write(&dir.path().join("assets/notes.png"), "not a picture");
    write(
        &content,
        "title: T\nblocks:\n  - image: {src: \"../assets/notes.png\", alt: A photo}\n",
    );
    let (_, err) = check_in(dir.path());
    assert!(err.contains("the file is not a PNG or JPEG image"), "{err}");
    assert!(err.contains("help: use a PNG, JPEG or SVG"), "{err}");
}

#[test]
fn outside_the_project_is_decided_by_where_a_path_leads_and_leafpress_yaml_paths_count_from_the_project() {
    let (dir, content) = new_project("../../elsewhere/photo.jpg");
    // Folders that are not there, inside and outside the project.
    for (src, outside) in [
        ("../../elsewhere/photo.jpg", true),
        ("nowhere/../../../photo.jpg", true),
        ("nowhere/deeper/photo.jpg", false),
        ("nowhere/../../assets/photo.jpg", false),
    ] {
        write(
            &content,
            &format!("title: T\nblocks:\n  - image: {{src: \"{src}\", alt: A photo}}\n"),
        );
        let (code, err) = check_in(dir.path());
        if src == "nowhere/../../assets/photo.jpg" {
            // Where it leads is there: the file system follows `..` the same way.
            assert_eq!(code, Some(0), "{src}: {err}");
            continue;
        }
        assert_eq!(code, Some(1), "{src}: {err}");
        assert_eq!(
            err.contains("is outside the project folder"),
            outside,
            "{src}: {err}"
        );
        assert_eq!(err.contains("file not found"), !outside, "{src}: {err}");
        assert!(
            err.contains("`src` counts from the folder of content/x.yaml, content/"),
            "{src}: {err}"
        );
    }
    // Paths in leafpress.yaml count from the project folder, and say so.
    std::fs::copy(
        repo().join("tests/cases/images/gradient.png"),
        dir.path().join("assets/logo.png"),
    )
    .unwrap();
    write(&content, LEAFLET);
    for (logo, says) in [
        (
            "../assets/logo.png",
            "did you mean `assets/logo.png`? Paths in leafpress.yaml count from the project folder",
        ),
        (
            "logo.png",
            "did you mean `assets/logo.png`? Paths in leafpress.yaml count from the project folder",
        ),
        (
            "assets/Logo.png",
            "did you mean `assets/logo.png`? Capitals count in file names; paths in leafpress.yaml count from the project folder",
        ),
    ] {
        write(
            &dir.path().join("leafpress.yaml"),
            &format!("brand:\n  logo: {{src: \"{logo}\", alt: The clinic}}\n"),
        );
        let (code, err) = check_in(dir.path());
        assert_eq!(code, Some(1), "{logo}: {err}");
        assert!(err.contains(says), "{logo}: {err}");
        assert!(err.contains("leafpress.yaml:2:"), "located: {err}");
    }
}

/// The colours a brand's advice says to use: every `key: "#RRGGBB"` in it.
fn advised(help: &str) -> Vec<(String, Color)> {
    help.split('`')
        .filter_map(|part| {
            let (key, value) = part.split_once(": \"")?;
            Some((key.to_string(), value.trim_end_matches('"').parse().ok()?))
        })
        .collect()
}

fn hue_apart(a: Color, b: Color) -> f32 {
    let (ha, _, _) = leafpress::base::colour::to_hsl(a);
    let (hb, _, _) = leafpress::base::colour::to_hsl(b);
    let d = (ha - hb).rem_euclid(1.0);
    d.min(1.0 - d)
}

#[test]
fn colour_advice_followed_passes_every_check_at_once_in_the_same_hues() {
    use leafpress::model::brand::Brand;
    let accents = [
        None,
        Some("#4FB3AC"),
        Some("#38827D"),
        Some("#1B5E5A"),
        Some("#E67E22"),
        Some("#C0392B"),
        Some("#2A5DB0"),
        Some("#7A1F5C"),
        Some("#FFD700"),
        Some("#777777"),
    ];
    let tints = [
        None,
        Some("#8FB8B4"),
        Some("#EAF3F6"),
        Some("#4FB3AC"),
        Some("#FFE0B2"),
        Some("#F4C2C2"),
        Some("#BBBBBB"),
        Some("#DDEEFF"),
    ];
    let texts = [None, Some("#777777"), Some("#1A1A1A")];
    let mut advised_sets = 0;
    for accent in accents {
        for tint in tints {
            for text in texts {
                let colours: Vec<String> = [("accent", accent), ("tint", tint), ("text", text)]
                    .iter()
                    .filter_map(|(k, v)| v.map(|v| format!("{k}: \"{v}\"")))
                    .collect();
                let yaml = format!("colors: {{{}}}", colours.join(", "));
                let mut brand: Brand = serde_yaml::from_str(&yaml).unwrap();
                let problems = brand.problems();
                let Some((_, message, help)) = problems.first() else {
                    continue;
                };
                assert_eq!(problems.len(), 1, "one message with the whole set: {problems:?}");
                let advice = advised(help);
                assert!(!advice.is_empty(), "{yaml}: {help}");
                // A colour the brand did not write is named as the default.
                for (key, given) in [("accent", accent), ("tint", tint)] {
                    if given.is_none()
                        && (message.contains(&format!(" {key} #")) || help.contains(&format!(" {key} #")))
                    {
                        assert!(
                            message.contains(&format!("the default {key} #"))
                                || help.contains(&format!("the default {key} #")),
                            "{yaml}: {message} / {help}"
                        );
                    }
                }
                let theme = brand.theme();
                let mut colors = brand.colors.clone().unwrap_or_default();
                for (key, colour) in &advice {
                    let (was, slot) = match key.as_str() {
                        "accent" => (theme.accent, &mut colors.accent),
                        "tint" => (theme.tint, &mut colors.tint),
                        "text" => (theme.body.color, &mut colors.text),
                        other => panic!("{yaml}: advice for `{other}`: {help}"),
                    };
                    // The same hue (a grey's shades are greys).
                    let (hi, lo) = (was.0.max(was.1).max(was.2), was.0.min(was.1).min(was.2));
                    if hi - lo >= 12 {
                        assert!(
                            hue_apart(was, *colour) <= 0.03,
                            "{yaml}: {key} {was} → {colour}: {help}"
                        );
                    }
                    *slot = Some(*colour);
                }
                brand.colors = Some(colors);
                let after = brand.problems();
                assert!(after.is_empty(), "{yaml}: following \"{help}\" gives {after:?}");
                advised_sets += 1;
            }
        }
    }
    assert!(advised_sets > 100, "{advised_sets}");
    // The reproduced cases: a light accent on a mid tint; an accent alone.
    let brand: Brand = serde_yaml::from_str("colors: {accent: \"#4FB3AC\", tint: \"#8FB8B4\"}").unwrap();
    let (_, _, help) = &brand.problems()[0];
    assert!(help.starts_with("use `accent: \"#"), "{help}");
    assert!(
        help.contains("on your tint #8FB8B4") || help.contains("`tint: \"#"),
        "the advice answers for the tint too: {help}"
    );
    let brand: Brand = serde_yaml::from_str("colors: {accent: \"#4FB3AC\"}").unwrap();
    let (key, message, help) = &brand.problems()[0];
    assert_eq!(*key, "accent");
    assert!(message.contains("the default tint #EAF4F2"), "{message}");
    assert!(help.contains("on the default tint #EAF4F2"), "{help}");
}

#[test]
fn a_back_cover_with_nothing_left_to_show_is_not_made() {
    // A cover, a bare `- contact` and no dates, sources or feedback: the details are
    // in the block, so the back cover would be empty. It is left out, in every edition,
    // and the phone number is printed once.
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("leafpress.yaml"),
        "defaults:\n  contact: {name: Riverside Clinic, phone: 01632 960 123}\n",
    );
    let leaflet = dir.path().join("content/x.yaml");
    write(
        &leaflet,
        "title: Knee pain\ncover: true\nblocks:\n  - paragraph: Walk a little every day.\n  - heading: Questions\n  - contact\n",
    );
    for (flags, what) in [(vec![], "print"), (vec!["--booklet"], "booklet")] {
        let out = dir.path().join(format!("{what}.pdf"));
        let mut cmd = leafpress();
        cmd.arg("build").arg(&leaflet).args(&flags).arg("-o").arg(&out);
        let (code, err) = run(&mut cmd);
        assert_eq!(code, Some(0), "{err}");
        let text = pdftotext(&out, &[]);
        assert_eq!(
            text.matches("01632 960 123").count(),
            1,
            "{what}: printed once:\n{text}"
        );
        let pages: Vec<&str> = text.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
        assert!(
            pages
                .last()
                .is_some_and(|p| p.contains("01632") || p.contains("Walk")),
            "{what}: no empty back cover at the end:\n{text}"
        );
    }
    let built = leafpress::build(&leaflet, &Options::default()).unwrap();
    assert!(!built.layout.back_cover, "no back cover was made");
    assert_eq!(built.layout.pages.len(), 2, "the cover and one page of content");
}
