//! The web edition (`--for web`, `for: web` in `outputs:`) and a library's web
//! index: one self-contained HTML page with the same bytes for the same input,
//! every block as its semantic element, the PDF's text in the PDF's order, and
//! (tests/browser/check-web.mjs, in Chromium) no axe-core WCAG 2.2 AA violation,
//! no sideways scrolling at 320 px, no request and no console error.

mod common;

use assert_cmd::Command;
use common::{repo, sample};
use leafpress::model::edition::Target;
use leafpress::{Engine, Options};
use std::path::Path;

fn web() -> Options {
    Options {
        target: Target::Web,
        ..Options::default()
    }
}

fn page(path: &Path) -> String {
    let built = Engine::default().build(path, &web()).expect("builds");
    built.html.expect("the web edition is a page")
}

#[test]
fn the_sample_is_one_self_contained_page_with_the_same_bytes_each_time() {
    let html = page(&sample());
    assert_eq!(html, page(&sample()), "same input, same bytes");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\" dir=\"ltr\">"));
    assert!(
        html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"),
        "a policy that allows no request"
    );
    for outside in ["<script", "<link", "src=\"http", "url(", "@import", "<iframe"] {
        assert!(
            !html.contains(outside),
            "the page reaches outside itself: {outside}"
        );
    }
    let (resolved, _) = common::lay_out_file(&sample());
    let headings = resolved
        .leaflet
        .blocks
        .iter()
        .filter(|b| matches!(b, leafpress::model::Block::Heading(_)))
        .count();
    assert_eq!(html.matches("<h1").count(), 1, "the title");
    // The blocks' headings, and "About this leaflet" when the leaflet has details.
    let about = usize::from(resolved.leaflet.has_details());
    assert_eq!(html.matches("<h2").count(), headings + about);
}

#[test]
fn every_block_is_the_element_a_screen_reader_expects() {
    let html = page(&repo().join("tests/cases/every-block.yaml"));
    for (what, needle) in [
        (
            "a quote",
            "<figure class=\"quote\" data-block=\"7\"><blockquote><p>",
        ),
        ("who said it", "<figcaption>— Pat</figcaption>"),
        (
            "a callout as a labelled region",
            "<section class=\"callout\" data-block=\"8\" aria-labelledby=\"b8-title\">",
        ),
        ("an image with its alt text", "alt=\"A colour gradient\""),
        ("questions and answers", "<dl class=\"faq\""),
        ("contact details", "<address class=\"contact\""),
        ("a phone link", "href=\"tel:01632960123\""),
        ("an e-mail link", "href=\"mailto:hello@physio.example\""),
        ("a link to a heading", "href=\"#lists\""),
        ("the heading it goes to", "id=\"lists\""),
    ] {
        assert!(html.contains(needle), "{what}: no {needle:?} in\n{html}");
    }
    let more = page(&repo().join("tests/cases/more-blocks.yaml"));
    for (what, needle) in [
        (
            "a table that scrolls in its own region",
            "<div class=\"table\" role=\"region\" tabindex=\"0\"",
        ),
        ("column headers", "<th scope=\"col\">"),
        ("a real checkbox", "<input type=\"checkbox\" id=\""),
        ("labelled", "<label for=\""),
        ("a write-in field", "<textarea id=\""),
        ("the urgent box as a labelled region", "<section class=\"urgent\""),
        ("an exercise as a figure", "<figure class=\"exercise\""),
        ("its steps", "<ol><li>"),
    ] {
        assert!(more.contains(needle), "{what}: no {needle:?} in\n{more}");
    }
}

#[test]
fn languages_and_directions_are_marked_on_the_page_and_on_every_span() {
    let ar = page(&repo().join("tests/cases/languages/ar.yaml"));
    assert!(ar.contains("<html lang=\"ar\" dir=\"rtl\">"), "{}", &ar[..200]);
    // A phone number keeps its order in right-to-left text.
    assert!(ar.contains("href=\"tel:01632960000\" dir=\"ltr\""), "{ar}");
    let mixed = page(&repo().join("tests/cases/languages/mixed.yaml"));
    // Every opening tag with a `lang` has a `dir` too.
    let tags: Vec<&str> = mixed
        .match_indices(" lang=\"")
        .map(|(i, _)| &mixed[i..i + mixed[i..].find('>').unwrap()])
        .collect();
    assert!(tags.len() > 2, "spans in other languages: {tags:?}");
    for t in tags {
        assert!(t.contains(" dir=\""), "{t} has no dir");
    }
    assert!(
        mixed.contains("dir=\"rtl\""),
        "the Arabic or Urdu span is right to left"
    );
}

#[test]
fn the_web_edition_is_name_html_beside_the_pdfs_and_the_library_gets_an_index() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    copy_dir(&repo().join("library"), home);
    let project = home.join("leafpress.yaml");
    let yaml = std::fs::read_to_string(&project).unwrap();
    std::fs::write(
        &project,
        yaml.replace(
            "  - {name: email, for: email}",
            "  - {name: email, for: email}\n  - {name: web, for: web}",
        ),
    )
    .unwrap();
    let out = Command::cargo_bin("leafpress")
        .unwrap()
        .current_dir(home)
        .args(["build", "-q"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    for f in [
        "print/knee-exercises.pdf",
        "email/knee-exercises.pdf",
        "web/knee-exercises.html",
        "web/acupuncture-hip-knee.html",
        "index.html",
    ] {
        assert!(home.join("out").join(f).is_file(), "out/{f} is missing");
    }
    let index = std::fs::read_to_string(home.join("out/index.html")).unwrap();
    assert!(
        index.contains("<a href=\"web/knee-exercises.html\">Exercises after a knee replacement</a>"),
        "{index}"
    );
    let kb = std::fs::metadata(home.join("out/print/knee-exercises.pdf"))
        .unwrap()
        .len()
        .div_ceil(1024);
    let link = format!(
        "<a href=\"print/knee-exercises.pdf\"><span lang=\"en-GB\" dir=\"ltr\">Exercises after a knee replacement</span> – print (PDF, {kb} KB)</a>"
    );
    assert!(index.contains(&link), "no {link} in\n{index}");
    assert!(index.contains("Next review: September 2029"), "{index}");
    assert!(index.contains("--accent:#1F5F75"), "in the brand's colour");

    // One leaflet with --for web: out/NAME.html, and another edition's PDF is
    // left alone.
    let out = Command::cargo_bin("leafpress")
        .unwrap()
        .current_dir(home)
        .args(["build", "content/knee-exercises.yaml", "--for", "email"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = Command::cargo_bin("leafpress")
        .unwrap()
        .current_dir(home)
        .args(["build", "content/knee-exercises.yaml", "--for", "web"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("→ out/knee-exercises.html (one web page"), "{said}");
    assert!(home.join("out/knee-exercises-email.pdf").is_file());
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let (src, dst) = (e.path(), to.join(e.file_name()));
        // Symbolic links are followed: the copy stands alone.
        if src.is_dir() {
            if e.file_name() != "out" {
                copy_dir(&src, &dst);
            }
        } else {
            std::fs::copy(&src, &dst).unwrap();
        }
    }
}

#[test]
fn paper_switches_with_the_web_edition_are_a_usage_error() {
    let out = Command::cargo_bin("leafpress")
        .unwrap()
        .args(["build", "--for", "web", "--booklet"])
        .arg(sample())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("--booklet is for paper, and --for web makes a web page that fits any screen"),
        "{said}"
    );
}

#[test]
fn a_web_output_with_a_paper_switch_is_refused_where_it_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    std::fs::create_dir(home.join("content")).unwrap();
    std::fs::write(
        home.join("content/x.yaml"),
        "title: X\nblocks:\n  - paragraph: Hello.\n",
    )
    .unwrap();
    std::fs::write(
        home.join("leafpress.yaml"),
        "outputs:\n  - {name: print}\n  - {name: web, for: web, booklet: true}\n",
    )
    .unwrap();
    let out = Command::cargo_bin("leafpress")
        .unwrap()
        .current_dir(home)
        .env("NO_COLOR", "1")
        .args(["build"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("output \"web\" is for the web, and `booklet` is for paper")
            && said.contains("leafpress.yaml:3:"),
        "{said}"
    );
    assert!(!home.join("out").exists(), "nothing is built");
}

#[test]
fn o_naming_the_other_kind_of_file_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    for (args, name, right) in [
        (&["--for", "web"][..], "x.pdf", "x.html"),
        (&[][..], "x.html", "x.pdf"),
    ] {
        let target = dir.path().join(name);
        let out = Command::cargo_bin("leafpress")
            .unwrap()
            .arg("build")
            .args(args)
            .arg(sample())
            .arg("-o")
            .arg(&target)
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{said}");
        assert!(
            said.contains(&format!("name it {}", dir.path().join(right).display())),
            "{said}"
        );
        assert!(!target.exists(), "{name} was written");
    }
}
