//! The DL tri-fold: a two-page A4 landscape PDF whose panels are where the fold
//! needs them (outside 5 | 6 | 1, inside 2 | 3 | 4: read back from the text's
//! positions), tagged in reading order 1 → 6, passing PDF/UA-1; trim and fold marks
//! outside the sheet; a leaflet too long for six panels refused with the count.

mod common;

use common::{assert_pdf_ua, page_boxes, pdfinfo, pdftotext_words, repo, save, struct_text};
use leafpress::base::units::PT_PER_MM;
use leafpress::model::edition::Imposition;
use leafpress::model::edition::Options;

fn trifold(marks: bool) -> Options {
    Options {
        imposition: Imposition::Trifold { crop_marks: marks },
        ..Options::default()
    }
}

/// Each word pdftotext finds, with its page (1-based) and its left edge in mm from
/// the trim's left edge.
fn words(pdf: &[u8], trim_x: f32) -> Vec<(usize, f32, String)> {
    let found: Vec<(usize, f32, String)> = pdftotext_words(&save(pdf), &[])
        .into_iter()
        .map(|w| (w.page, (w.x_min - trim_x) / PT_PER_MM, w.text))
        .collect();
    assert!(!found.is_empty(), "pdftotext finds no words");
    found
}

/// The panel (1–6) a word on `page` at `x` mm lies in.
fn panel(page: usize, x: f32) -> usize {
    match (page, x) {
        (1, x) if x < 97.0 => 5,
        (1, x) if x < 197.0 => 6,
        (1, _) => 1,
        (_, x) if x < 100.0 => 2,
        (_, x) if x < 200.0 => 3,
        _ => 4,
    }
}

fn panel_of(words: &[(usize, f32, String)], word: &str) -> usize {
    let (page, x, _) = words
        .iter()
        .find(|w| w.2 == word)
        .unwrap_or_else(|| panic!("{word} is not in the PDF"));
    panel(*page, *x)
}

#[test]
fn panels_are_where_the_fold_puts_them_and_read_in_order() {
    let leaflet = repo().join("library/content/knee-exercises.yaml");
    let built = leafpress::build(&leaflet, &trifold(false)).unwrap();
    assert_eq!(built.sheets, 2, "one sheet, two sides");
    // 297 × 210 mm, landscape.
    let path = save(&built.pdf);
    let info = pdfinfo(&path);
    assert_eq!(info["Pages"], "2", "{info:?}");
    assert_eq!(info["Page size"], "841.89 x 595.276 pts (A4)", "{info:?}");

    let w = words(&built.pdf, 0.0);
    assert_eq!(panel_of(&w, "Exercises"), 1, "the front: the title");
    assert_eq!(
        panel_of(&w, "Why"),
        2,
        "the first inside panel: the first heading"
    );
    assert_eq!(panel_of(&w, "slides"), 2);
    assert_eq!(panel_of(&w, "Videos"), 3);
    assert_eq!(
        panel_of(&w, "About"),
        6,
        "the back: contact and the leaflet's details"
    );
    // Nothing crosses a fold: every word starts and (roughly) stays inside its panel.
    for (page, x, word) in &w {
        let edges: &[f32] = if *page == 1 {
            &[0.0, 97.0, 197.0]
        } else {
            &[0.0, 100.0, 200.0]
        };
        let left = edges.iter().rev().find(|e| **e <= *x).unwrap();
        assert!(x - left >= 7.0, "{word} at {x:.1} mm is within 7 mm of a fold");
    }

    // The structure tree reads 1 → 6, not in sheet order.
    let tree = struct_text(&path);
    let at = |s: &str| tree.find(s).unwrap_or_else(|| panic!("{s} not in the tree"));
    assert!(at("Exercises after a knee") < at("Why exercise matters"));
    assert!(at("Why exercise matters") < at("When to call us"));
    assert!(at("When to call us") < at("About this leaflet"));

    assert_pdf_ua(&built.pdf, "tri-fold");
}

#[test]
fn marks_sit_outside_the_sheet_and_long_leaflets_are_refused() {
    let leaflet = repo().join("content/knee-exercise-plan.yaml");
    let built = leafpress::build(&leaflet, &trifold(true)).unwrap();
    let boxes = page_boxes(&save(&built.pdf), 1);
    let n = boxes["TrimBox"];
    let trim = format!("TrimBox: {n:?}");
    assert!(
        ((n[2] - n[0]) / PT_PER_MM - 297.0).abs() < 0.1 && ((n[3] - n[1]) / PT_PER_MM - 210.0).abs() < 0.1,
        "{trim}"
    );
    assert!(n[0] > 20.0, "the marks need room outside the trim: {trim}");
    // With marks the words keep their panels, measured from the trim.
    let w = words(&built.pdf, n[0]);
    assert_eq!(panel_of(&w, "knee"), 1);
    // No back cover here: the fourth page is the last inside panel.
    assert_eq!(panel_of(&w, "Please"), 4);

    let d = leafpress::build(&repo().join("content/acupuncture-hip-knee.yaml"), &trifold(false))
        .err()
        .expect("the sample is too long for a tri-fold");
    let text = d.render_plain();
    assert!(
        text.contains("needs 12 panels, and a DL tri-fold has 6"),
        "{text}"
    );
    assert!(text.contains("6 too many"), "{text}");
}
