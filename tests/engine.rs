//! The engine's seams: a theme read from data, fonts loaded from files, labels in the
//! leaflet's language, heading anchors and destinations, and failures that are never
//! silent.

mod common;

use common::*;
use leafpress::base::colour::Color;
use leafpress::layout::{Item, LinkTarget, Role};
use leafpress::model::theme::Theme;
use leafpress::text::{FontBook, Style};
use leafpress::{Engine, Options};
use std::path::PathBuf;
use std::sync::Arc;

fn write(dir: &tempfile::TempDir, name: &str, yaml: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, yaml).unwrap();
    path
}

fn text_runs(doc: &leafpress::layout::Document) -> impl Iterator<Item = &leafpress::layout::TextRun> {
    doc.pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|p| match &p.item {
            Item::Text(run) => Some(run),
            _ => None,
        })
}

#[test]
fn a_theme_read_from_data_is_what_layout_uses() {
    let theme: Theme = serde_yaml::from_str(
        "accent: \"#7A1F5C\"\nheading: {size: 18, leading: 22, color: \"#7A1F5C\", bold: true}\n",
    )
    .unwrap();
    let engine = Engine::new(FontBook::shared_defaults(), theme).unwrap();
    let built = engine.build(&sample(), &Options::default()).unwrap();
    let heading = text_runs(&built.layout)
        .find(|r| r.text.starts_with("What is"))
        .expect("the first heading");
    assert_eq!(heading.color, Color::hex(0x7A1F5C));
    assert_eq!(heading.size, 18.0);
    // The same leaflet in the default theme keeps its teal.
    let plain = leafpress::build(&sample(), &Options::default()).unwrap();
    let heading = text_runs(&plain.layout)
        .find(|r| r.text.starts_with("What is"))
        .unwrap();
    assert_eq!(heading.color, Color::hex(0x1B5E5A));
}

#[test]
fn a_font_loaded_from_a_file_sets_the_text_and_is_embedded() {
    // Any TTF on disk: here the DejaVu file, under a brand family name.
    let mut book = FontBook::with_defaults();
    let face = book
        .load_file(
            &repo().join("fonts/DejaVuSans.ttf"),
            "Clinic Sans",
            Style::default(),
        )
        .unwrap();
    let theme = Theme {
        fonts: vec!["Clinic Sans".into(), "Atkinson Hyperlegible".into()],
        ..Theme::default()
    };
    let engine = Engine::new(Arc::new(book), theme).unwrap();
    let built = engine.build(&sample(), &Options::default()).unwrap();
    assert!(text_runs(&built.layout)
        .filter(|r| !r.text.trim().is_empty())
        .all(|r| r.face == face));
    let fonts = pdffonts(&save(&built.pdf));
    assert!(fonts.iter().any(|r| r.name.contains("+DejaVuSans")), "{fonts:#?}");
    assert!(!fonts.iter().any(|r| r.name.contains("Atkinson")), "{fonts:#?}");

    // A theme naming a family the book lacks is refused, with the families it has.
    let bad = Theme {
        fonts: vec!["Lexend".into()],
        ..Theme::default()
    };
    let err = Engine::new(FontBook::shared_defaults(), bad)
        .err()
        .expect("refused");
    assert!(err.to_string().contains("Lexend") && err.to_string().contains("Atkinson Hyperlegible"));
}

#[test]
fn contact_labels_follow_the_leaflet_language() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = "title: Ulotka\nlanguage: pl\nblocks:\n  - contact: {phone: 01632 960 000, address: Kraków}\n";
    let path = write(&dir, "pl.yaml", yaml);
    let checked = leafpress::check(&path, &Options::default()).unwrap();
    let text = page_text(&checked.layout, 0);
    assert!(text.contains("Telefon: 01632 960 000"), "{text}");
    assert!(text.contains("Adres: Kraków"), "{text}");
}

#[test]
fn headings_with_the_same_text_get_distinct_anchors() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = "title: Twice\nblocks:\n  - heading: Exercises\n  - paragraph: Lying down.\n  - page_break\n  - heading: Exercises\n  - paragraph: \"Standing. See [the first](#exercises) and [the second](#exercises-2).\"\n";
    let path = write(&dir, "twice.yaml", yaml);
    let built = leafpress::build(&path, &Options::default()).unwrap();
    let anchors: Vec<&str> = built.layout.outline.iter().map(|e| e.anchor.as_str()).collect();
    assert_eq!(anchors, ["exercises", "exercises-2"]);
    let pages: Vec<usize> = built
        .layout
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|p| match &p.item {
            Item::Link {
                target: LinkTarget::Dest(d),
                ..
            } => Some(d.page),
            _ => None,
        })
        .collect();
    assert_eq!(pages, [0, 1], "each link goes to its own heading");
    // The link to the shared text is warned about, at the link.
    let w = built.warnings.render_plain();
    assert!(w.contains("twice.yaml:7:"), "{w}");
    assert!(
        w.contains("2 headings have that text; it goes to the first"),
        "{w}"
    );
    assert!(w.contains("#exercises-2"), "{w}");
}

#[test]
fn a_link_to_no_placed_heading_is_an_error_not_a_web_link() {
    let (_, mut doc) = lay_out_file(&repo().join("tests/cases/every-block.yaml"));
    let link = doc
        .pages
        .iter_mut()
        .flat_map(|p| p.items.iter_mut())
        .find_map(|p| match (&mut p.item, p.role) {
            (Item::Link { target, .. }, Role::Content { owner, .. }) => Some((target, owner)),
            _ => None,
        })
        .expect("every-block has a link");
    *link.0 = LinkTarget::Anchor("nowhere".into());
    let block = link.1;
    let sheets = leafpress::output::impose::impose(&doc, &Default::default());
    let meta = leafpress::output::pdf::Meta {
        title: "x",
        author: None,
        language: "en",
        published: None,
        review: None,
    };
    let err = leafpress::output::pdf::write(
        &doc,
        &sheets,
        &Default::default(),
        &FontBook::with_defaults(),
        &meta,
        false,
    );
    assert_eq!(
        err,
        Err(leafpress::output::pdf::Error::Destination { owner: Some(block) })
    );
}

#[test]
fn characters_no_font_has_stop_the_build_with_their_block_and_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    // Bengali is compiled in now; Linear B is in no font leafpress has.
    let path = write(
        &dir,
        "lb.yaml",
        "title: Mixed\nblocks:\n  - paragraph: Hello বাংলা 𐀀𐀁\n",
    );
    let err = leafpress::build(&path, &Options::default())
        .err()
        .expect("an error");
    let w = err.render_plain();
    assert!(w.contains("lb.yaml:3:"), "{w}");
    assert!(
        w.contains("𐀀 (U+10000, Linear B Syllabary)") && w.contains("empty boxes"),
        "{w}"
    );
    assert!(w.contains("--font-dir"), "{w}");
    assert!(!w.contains("U+09AC"), "{w}");
}

#[test]
fn a_leaflet_with_nothing_to_point_at_is_never_indexed() {
    // Parsing the file a second time for its places was a twentieth of a build: it
    // is done only when a message needs a place, or large print asks whether the
    // page size was chosen.
    let engine = Engine::default();
    let options = Options::default();
    let (src, resolved) = engine.load(&sample(), &options).unwrap();
    engine.render(&src, &resolved, &options).unwrap();
    assert!(!resolved.spans.indexed());
    let large = Options {
        large_print: Some(16.0),
        ..Options::default()
    };
    engine.render(&src, &resolved, &large).unwrap();
    assert!(resolved.spans.indexed());
    assert!(resolved.block_spans()[0].is_some());
}
