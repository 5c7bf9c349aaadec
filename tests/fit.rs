//! Fitting to a page count: the sample (9 pages as designed) fits 8; a booklet
//! fits the multiple of 4 below; an impossible count is an error saying how many
//! pages the tightest setting reached; the tightening stays within clear-print
//! limits, read back from the laid-out lines.

mod common;

use common::*;
use leafpress::layout::{Document, Item};
use leafpress::model::edition::Imposition;
use leafpress::{Fit, Options};

fn fit(n: Fit) -> Options {
    Options {
        fit: Some(n),
        ..Options::default()
    }
}

/// The smallest distance between two successive body-text baselines in a column.
fn tightest_body_leading(doc: &Document, body_size: f32) -> f32 {
    let mut least = f32::MAX;
    for page in &doc.pages {
        let mut lines: Vec<(i32, f32)> = page
            .items
            .iter()
            .filter_map(|p| match &p.item {
                Item::Text(r) if (r.size - body_size).abs() < 0.01 => Some(((r.x / 40.0) as i32, r.baseline)),
                _ => None,
            })
            .collect();
        lines.sort_by(|a, b| (a.0, a.1).partial_cmp(&(b.0, b.1)).unwrap());
        lines.dedup_by(|a, b| a.0 == b.0 && (a.1 - b.1).abs() < 0.01);
        for w in lines.windows(2).filter(|w| w[0].0 == w[1].0) {
            least = least.min(w[1].1 - w[0].1);
        }
    }
    least
}

#[test]
fn the_sample_fits_eight_pages_within_clear_print_limits() {
    let natural = leafpress::build(&sample(), &Options::default()).unwrap();
    assert_eq!(natural.layout.pages.len(), 9);
    let built = leafpress::build(&sample(), &fit(Fit::Pages(8))).unwrap();
    assert_eq!(built.layout.pages.len(), 8);
    let report = built.fit.unwrap();
    assert_eq!((report.natural, report.pages), (9, 8));
    let t = report.tightening;
    assert!(t.t > 0.0 && t.t < 1.0, "some tightening, not the most: {t:?}");
    assert!(t.gaps >= 0.6 && t.gaps < 1.0, "{t:?}");
    assert!(t.images >= 0.7, "{t:?}");
    // Read back from the lines: never closer than 1.3 × 12 pt, and tighter than 17 pt.
    let leading = tightest_body_leading(&built.layout, 12.0);
    assert!(leading >= 12.0 * 1.3 - 0.01, "leading {leading}");
    assert!(
        leading < tightest_body_leading(&natural.layout, 12.0),
        "leading {leading}"
    );
    // Every word is still there, in order.
    let (resolved, _) = lay_out_file(&sample());
    let words: Vec<String> = (0..8)
        .flat_map(|p| common::words(&page_text(&built.layout, p)))
        .collect();
    assert_words_in_order(&expected_words(&resolved.leaflet), &words);
}

#[test]
fn a_booklet_fits_two_sheets() {
    let options = Options {
        fit: Some(Fit::Booklet),
        imposition: Imposition::Booklet,
        ..Options::default()
    };
    let built = leafpress::build(&sample(), &options).unwrap();
    assert_eq!(built.layout.pages.len(), 8);
    assert_eq!(built.sheets, 4, "2 sheets of paper, both sides");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_leafpress"))
        .current_dir(repo())
        .args([
            "build",
            "content/acupuncture-hip-knee.yaml",
            "--booklet",
            "--fit",
            "booklet",
            "-o",
        ])
        .arg(tempfile::tempdir().unwrap().path().join("b.pdf"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("(8 pages on 2 sheets of paper, both sides, fitted from 9: gaps"),
        "{err}"
    );
}

#[test]
fn an_impossible_count_says_what_it_reached() {
    let d = leafpress::build(&sample(), &fit(Fit::Pages(5)))
        .err()
        .expect("5 pages is too few");
    let text = d.render_plain();
    assert!(text.contains("cannot fit on 5 pages"), "{text}");
    assert!(text.contains("it takes 8"), "{text}");
    // Written in the file, the error points at `fit:`.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.yaml");
    let yaml = std::fs::read_to_string(sample())
        .unwrap()
        .replace("  margin: 15mm\n", "  margin: 15mm\n  fit: 5\n");
    std::fs::write(&file, &yaml).unwrap();
    let text = leafpress::build(&file, &Options::default())
        .err()
        .unwrap()
        .render_plain();
    let line = yaml.lines().position(|l| l == "  fit: 5").unwrap() + 1;
    assert!(
        text.contains(&format!(
            "x.yaml:{line}:3: error: this leaflet cannot fit on 5 pages"
        )),
        "{text}"
    );
    // And a count it can reach works from the file as from the command line.
    std::fs::write(&file, yaml.replace("fit: 5", "fit: 8")).unwrap();
    assert_eq!(
        leafpress::build(&file, &Options::default())
            .unwrap()
            .layout
            .pages
            .len(),
        8
    );
}
