//! The web edition in a real browser (Debian's Chromium, driven by
//! tests/browser/check-web.mjs): the sample, every leaflet in tests/cases that
//! builds (right-to-left and CJK ones among them) and a library's index, at 320
//! and 1280 CSS px and in the dark theme, with no axe-core violation of WCAG 2.2
//! AA, no sideways scrolling (also with WCAG 1.4.12's text spacing forced on), a
//! visible keyboard focus, no request and no console error; and each block's text
//! as the browser shows it is the PDF's (its tagged text), in the PDF's order.

mod common;

use assert_cmd::Command;
use common::{repo, sample};
use leafpress::model::edition::Target;
use leafpress::{Engine, Options};
use std::path::{Path, PathBuf};

fn yaml_in(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

/// The tagged PDF's text (`pdfinfo -struct-text`) without list labels, which a
/// browser's `innerText` leaves out too, squeezed ([`squeeze`]): what is left is
/// the characters a reader meets, in reading order.
fn pdf_text(pdf: &Path) -> String {
    let tree = common::struct_text(pdf);
    let mut out = String::new();
    let mut parent = "";
    for line in tree.lines() {
        let t = line.trim();
        match t.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
            Some(text) if parent != "Lbl (block)" => out.push_str(text),
            Some(_) => {}
            None => parent = t,
        }
    }
    squeeze(&out)
}

/// Without white space, without hyphens (the PDF adds one where it breaks a word
/// too long for its line, which a web page that reflows never does) and without
/// the bidi marks readers put around right-to-left lines.
fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(c, '-' | '\u{AD}' | '\u{2010}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

/// Each `[data-block]`'s text must come next in the PDF's text (the first block
/// that does not is named, with both texts from there), and nothing may be left.
fn same_text_block_by_block(blocks: &[serde_json::Value], pdf: &str) -> Result<(), String> {
    let mut at = 0;
    for b in blocks {
        let text = squeeze(b["text"].as_str().unwrap());
        let rest = &pdf[at..];
        if !rest.starts_with(&text) {
            return Err(format!(
                "block {} reads differently on the web\n  web: {}\n  PDF: {}",
                b["block"],
                text.chars().take(160).collect::<String>(),
                rest.chars().take(160).collect::<String>()
            ));
        }
        at += text.len();
    }
    match &pdf[at..] {
        "" => Ok(()),
        left => Err(format!("the PDF has text the web page lacks: {left}")),
    }
}

/// For the scripts whose tagged text poppler reads glyph by glyph (Urdu and the
/// Indic scripts, see docs/testing.md): each word of each block must be found in
/// the content streams' text (with ActualText, [`common::layer`]), after the word
/// before it. Footers, page numbers and list labels come between, so nothing is
/// said of what is left.
fn same_text_in_order(blocks: &[serde_json::Value], pdf: &str) -> Result<(), String> {
    let mut at = 0;
    for b in blocks {
        for word in b["text"].as_str().unwrap().split_whitespace() {
            let word = squeeze(word);
            match pdf[at..].find(&word) {
                Some(k) => at += k + word.len(),
                None => {
                    return Err(format!(
                        "block {}: \"{word}\" is not in the PDF after the word before it",
                        b["block"]
                    ))
                }
            }
        }
    }
    Ok(())
}

/// A PDF's text, as the comparison with a web page takes it.
enum Text {
    /// The tagged text: compared block by block, with nothing left over.
    Tagged(String),
    /// Text in reading order with footers between: each block found in order.
    InOrder(String),
}

#[test]
fn every_leaflet_reads_as_its_pdf_and_passes_wcag_2_2_aa_in_a_browser() {
    let dir = tempfile::tempdir().unwrap();
    let engine = Engine::default();
    let web = Options {
        target: Target::Web,
        ..Options::default()
    };
    // The e-mail edition: links work on screen, so no addresses are added after them.
    let email = Options {
        target: Target::Email,
        ..Options::default()
    };
    let mut inputs = vec![sample()];
    for d in ["tests/cases", "tests/cases/languages", "tests/cases/plain"] {
        inputs.extend(yaml_in(d));
    }
    let mut pages = Vec::new();
    let mut pdfs = std::collections::HashMap::new();
    for input in &inputs {
        let name = input
            .strip_prefix(repo())
            .unwrap()
            .to_string_lossy()
            .replace(['/', '\\'], "-")
            .replace(".yaml", "");
        match (engine.build(input, &web), engine.build(input, &email)) {
            (Ok(w), Ok(p)) => {
                let html = dir.path().join(format!("{name}.html"));
                std::fs::write(&html, w.html.unwrap()).unwrap();
                let saved = common::save(&p.pdf);
                let language = w.facts.language.to_ascii_lowercase();
                let glyph_by_glyph = ["ur", "bn", "gu", "pa", "ta", "hi"]
                    .iter()
                    .any(|l| language == *l || language.starts_with(&format!("{l}-")));
                let text = if glyph_by_glyph {
                    Text::InOrder(squeeze(&common::layer::text_layer(&p.pdf).text))
                } else {
                    Text::Tagged(pdf_text(&saved))
                };
                pdfs.insert(html.clone(), text);
                pages.push(html);
            }
            // A leaflet that does not build (a project's contact it lacks) fails both ways.
            (Err(_), Err(_)) => {}
            (w, p) => panic!(
                "{name}: the web edition {} and the PDF {}",
                if w.is_ok() { "builds" } else { "fails" },
                if p.is_ok() { "builds" } else { "fails" }
            ),
        }
    }
    assert!(pages.len() >= 40, "{} leaflets", pages.len());
    for must in ["languages-ar", "languages-ur", "languages-zh-Hans", "every-block"] {
        assert!(pages.iter().any(|p| p.to_string_lossy().contains(must)), "{must}");
    }
    pages.push(library_index(dir.path()));

    let shot = dir.path().join("shot.png");
    let ran = std::process::Command::new("node")
        .arg(repo().join("tests/browser/check-web.mjs"))
        .arg("--screenshot")
        .arg(&shot)
        .args(&pages)
        .output()
        .expect("node runs (scripts/test installs it with the browser)");
    assert!(
        ran.status.success(),
        "the browser check did not run: {}",
        String::from_utf8_lossy(&ran.stderr)
    );
    let seen: serde_json::Value = serde_json::from_slice(&ran.stdout).unwrap();
    let seen = seen["pages"].as_array().unwrap();
    // Every problem of every page, reported together.
    let mut problems = Vec::new();
    assert_eq!(
        seen.len(),
        pages.len() * 3,
        "each page at 320 and 1280 px, light, and 320 px dark"
    );
    for p in seen {
        let what = format!(
            "{} at {} px, {}",
            Path::new(p["file"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy(),
            p["width"],
            p["scheme"].as_str().unwrap()
        );
        for key in ["console", "page_errors", "requests", "axe_violations"] {
            if !p[key].as_array().unwrap().is_empty() {
                problems.push(format!("{what}: {key}: {:#}", p[key]));
            }
        }
        let width = p["inner_width"].as_u64().unwrap();
        assert_eq!(width, p["width"].as_u64().unwrap());
        if p["scroll_width"].as_u64().unwrap() > width {
            problems.push(format!("{what}: scrolls sideways ({} px)", p["scroll_width"]));
        }
        if p["spaced_scroll_width"].as_u64().unwrap() > width {
            problems.push(format!(
                "{what}: scrolls sideways with WCAG 1.4.12 text spacing ({} px)",
                p["spaced_scroll_width"]
            ));
        }
        let f = &p["focus"];
        if !f.is_null() && (f["outline"] == "none" || f["outline_width"].as_f64().unwrap() < 2.0) {
            problems.push(format!("{what}: the keyboard's focus is not visible: {f}"));
        }
        if let Some(blocks) = p["blocks"].as_array() {
            let file = PathBuf::from(p["file"].as_str().unwrap());
            let same = match pdfs.get(&file) {
                Some(Text::Tagged(pdf)) => same_text_block_by_block(blocks, pdf),
                Some(Text::InOrder(pdf)) => same_text_in_order(blocks, pdf),
                None => Ok(()),
            };
            if let Err(e) = same {
                problems.push(format!("{what}: {e}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
    let png = std::fs::read(&shot).unwrap();
    assert_eq!(&png[1..4], b"PNG");
    assert_eq!(
        u32::from_be_bytes(png[16..20].try_into().unwrap()),
        390,
        "a phone's width"
    );
}

/// A copy of library/ with the web edition in `outputs:`, built: its out/index.html.
fn library_index(tmp: &Path) -> PathBuf {
    let home = tmp.join("library");
    let status = std::process::Command::new("cp")
        .args(["-rL"])
        .arg(repo().join("library"))
        .arg(&home)
        .status()
        .unwrap();
    assert!(status.success());
    let _ = std::fs::remove_dir_all(home.join("out"));
    let project = home.join("leafpress.yaml");
    let yaml = std::fs::read_to_string(&project).unwrap();
    std::fs::write(&project, format!("{yaml}  - {{name: web, for: web}}\n")).unwrap();
    let out = Command::cargo_bin("leafpress")
        .unwrap()
        .current_dir(&home)
        .args(["build", "-q"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    home.join("out/index.html")
}
