//! Helpers shared by the integration tests.
#![allow(dead_code)]

use leafpress::base::source::Source;
use leafpress::layout::{Document, Item};
use leafpress::load;
use std::path::{Path, PathBuf};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn sample() -> PathBuf {
    repo().join("content/acupuncture-hip-knee.yaml")
}

/// Lays out YAML text as if it were a file in `tests/cases/`.
pub fn lay_out_yaml(yaml: &str) -> Result<(load::Resolved, Document), leafpress::Diagnostics> {
    let src = Source {
        path: repo().join("tests/cases/inline.yaml"),
        text: yaml.to_string(),
    };
    let parsed = load::parse::parse_all(&src)?;
    let project = leafpress::load::project::Project::open(&src.path, None)?;
    let resolved = load::resolve(&src, parsed, &project, &Default::default())?;
    let mut fonts = leafpress::text::Fonts::new();
    let doc = leafpress::lay_out(&src, &resolved, &mut fonts)?;
    Ok((resolved, doc))
}

pub fn lay_out_file(path: &Path) -> (load::Resolved, Document) {
    let (src, resolved) = leafpress::load(path).expect("loads");
    let mut fonts = leafpress::text::Fonts::new();
    let doc = leafpress::lay_out(&src, &resolved, &mut fonts).expect("lays out");
    (resolved, doc)
}

/// The text of a page's runs in drawing order, a line break between baselines.
pub fn page_text(doc: &Document, page: usize) -> String {
    runs_text(doc.pages[page].items.iter())
}

/// Joins text runs, with a line break where the baseline changes.
pub fn runs_text<'a>(items: impl Iterator<Item = &'a leafpress::layout::Placed>) -> String {
    let mut out = String::new();
    let mut last: Option<(f32, f32)> = None;
    for p in items {
        if let Item::Text(run) = &p.item {
            match last {
                Some((baseline, _)) if baseline != run.baseline => out.push('\n'),
                // A gap between runs on one line (after a bullet label) is a word break.
                Some((_, end)) if run.x > end + 0.5 => out.push(' '),
                _ => {}
            }
            last = Some((run.baseline, run.x + run.width));
            out.push_str(&run.text);
        }
    }
    out
}

/// Words of a text, with markup-free comparison in mind (hyphens from breaking removed).
pub fn words(text: &str) -> Vec<String> {
    text.split_whitespace().map(|w| w.to_string()).collect()
}

/// The words a reader should find, in content-file order (markup removed; web
/// addresses as the contact block shows them, without the scheme).
pub fn expected_words(leaflet: &leafpress::model::Leaflet) -> Vec<String> {
    leaflet
        .blocks
        .iter()
        .flat_map(|b| b.texts())
        .map(|t| {
            leafpress::text::plain_text(t)
                .replace("https://", "")
                .replace("http://", "")
        })
        .flat_map(|t| words(&t))
        .collect()
}

/// Panics unless every word of `expected` occurs in `got`, in order.
pub fn assert_words_in_order(expected: &[String], got: &[String]) {
    let mut at = 0;
    for w in expected {
        match got[at..].iter().position(|g| g == w) {
            Some(k) => at += k + 1,
            None => panic!(
                "{w:?} is missing or out of order after word {at}: {:?}",
                &got[at.saturating_sub(5)..(at + 5).min(got.len())]
            ),
        }
    }
}
