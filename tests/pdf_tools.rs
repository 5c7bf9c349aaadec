//! Round trips through real PDF tools (poppler, qpdf): what a viewer, a printer and
//! a text extractor see in the files we write.

mod common;

use common::*;
use std::path::{Path, PathBuf};

fn build(input: &Path) -> (tempfile::TempDir, PathBuf, leafpress::Built) {
    let built = leafpress::build(input, &Default::default()).expect("builds");
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("out.pdf");
    std::fs::write(&pdf, &built.pdf).unwrap();
    (dir, pdf, built)
}

#[test]
fn extracted_text_is_the_content_in_reading_order() {
    let (_dir, pdf, _) = build(&sample());
    let text = pdftotext(&pdf, &[]);
    assert!(!text.contains('\u{FFFD}'), "replacement characters in the text");
    assert!(text.contains("(pronounced “chi”)"), "curly quotes come back");
    assert!(text.contains("body’s natural healing"));
    let (resolved, _) = lay_out_file(&sample());
    assert_words_in_order(&expected_words(&resolved.leaflet), &words(&text));
}

#[test]
fn every_font_is_embedded_and_subset() {
    for input in [sample(), repo().join("tests/cases/every-block.yaml")] {
        let (_dir, pdf, _) = build(&input);
        let rows = pdffonts(&pdf);
        assert!(rows.len() >= 2, "{rows:?}");
        for row in rows {
            assert!(
                row.embedded && row.subset && row.unicode,
                "emb/sub/uni in: {}",
                row.line
            );
            let name = &row.name;
            assert!(
                name.len() > 7
                    && name.as_bytes()[6] == b'+'
                    && name[..6].chars().all(|c| c.is_ascii_uppercase()),
                "{name}"
            );
        }
    }
    // The fallback face is used (and subset) only when the text needs it.
    let (_dir, pdf, _) = build(&repo().join("tests/cases/every-block.yaml"));
    assert!(pdffonts(&pdf).iter().any(|r| r.name.contains("+DejaVuSans")));
}

#[test]
fn qpdf_finds_no_errors() {
    for input in [sample(), repo().join("tests/cases/every-block.yaml")] {
        let (_dir, pdf, _) = build(&input);
        // Exit status 0: no errors and no warnings (run_tool prints qpdf's report if not).
        let report = tool("qpdf", &[&"--check", &pdf]);
        assert!(report.contains("No syntax or stream encoding errors"), "{report}");
    }
}

#[test]
fn page_size_count_and_metadata() {
    let (_dir, pdf, built) = build(&sample());
    let info = pdfinfo(&pdf);
    assert_eq!(info["Pages"], built.layout.pages.len().to_string(), "{info:?}");
    assert!(
        info["Page size"].starts_with("419.528 x 595.276 pts"),
        "A5: {info:?}"
    );
    assert_eq!(info["Title"], "Acupuncture for Hip and Knee Pain");
    assert_eq!(info["Author"], "Example Acupuncture Clinic");
    assert_eq!(info["PDF version"], "1.7");
    assert!(
        !info.contains_key("PDF subtype"),
        "no false PDF/X claim: {info:?}"
    );
    let raw = expanded(&pdf);
    let has = |s: &str| raw.contains(s);
    assert!(has("/Lang(en-GB)") || has("/Lang (en-GB)"));
    assert!(has("/DisplayDocTitle true"));
    assert!(has("/PageMode/UseOutlines") || has("/PageMode /UseOutlines"));
}

/// The PDF's objects as text: qpdf takes them out of the compressed object streams
/// and decompresses the streams (QDF form), so the tests can read the dictionaries.
fn expanded(pdf: &std::path::Path) -> String {
    let out = pdf.with_extension("qdf.pdf");
    tool("qpdf", &[&"--qdf", &"--object-streams=disable", &pdf, &out]);
    String::from_utf8_lossy(&std::fs::read(&out).unwrap()).into_owned()
}

#[test]
fn links_are_clickable_without_borders() {
    let (_dir, pdf, _) = build(&repo().join("tests/cases/every-block.yaml"));
    let raw = expanded(&pdf);
    for uri in [
        "https://physio.example/visit",
        "mailto:hello@physio.example",
        "tel:01632960123",
        "https://physio.example",
    ] {
        assert!(
            raw.contains(&format!("/URI({uri})")) || raw.contains(&format!("/URI ({uri})")),
            "{uri} is not a link"
        );
    }
    assert!(
        !raw.contains("/Border[0 0 1]") && !raw.contains("/Border [0 0 1]"),
        "a link has a visible border"
    );
}

#[test]
fn outline_nests_headings_in_document_order() {
    let (_dir, pdf, built) = build(&repo().join("tests/cases/every-block.yaml"));
    let json: serde_json::Value =
        serde_json::from_str(&tool("qpdf", &[&"--json", &"--json-key=outlines", &pdf])).unwrap();
    let titles = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|e| e["title"].as_str().unwrap().to_string())
            .collect()
    };
    let top = &json["outlines"];
    assert_eq!(titles(top), vec!["Headings and paragraphs", "Lists", "Contact"]);
    assert_eq!(titles(&top[0]["kids"]), vec!["A subheading"]);
    let contact = built
        .layout
        .outline
        .iter()
        .find(|e| e.title == "Contact")
        .unwrap();
    assert_eq!(
        top[2]["destpageposfrom1"],
        contact.dest.page + 1,
        "the entry targets the heading's page"
    );
}

#[test]
fn images_are_lossless_or_passed_through_and_upright() {
    let (_dir, pdf, _) = build(&repo().join("tests/cases/every-block.yaml"));
    let rows = image_rows(&pdf, &[]);
    let list = format!("{rows:?}");
    assert_eq!(rows.len(), 3, "{list}");
    // page num type width height color comp bpc enc ...
    let (png, jpeg, rotated) = (&rows[0], &rows[1], &rows[2]);
    assert_eq!(
        (png[3].as_str(), png[4].as_str(), png[8].as_str()),
        ("60", "40", "image"),
        "the PNG keeps its pixels, Flate-compressed: {list}"
    );
    assert_eq!(
        (jpeg[3].as_str(), jpeg[4].as_str(), jpeg[8].as_str()),
        ("64", "32", "jpeg"),
        "the JPEG is passed through: {list}"
    );
    assert_eq!(
        (rotated[3].as_str(), rotated[4].as_str()),
        ("32", "64"),
        "EXIF orientation 6 turns 64x32 upright: {list}"
    );
    let original = std::fs::read(repo().join("tests/cases/images/landscape.jpg")).unwrap();
    let raw = std::fs::read(&pdf).unwrap();
    assert!(
        raw.windows(original.len()).any(|w| w == original),
        "the JPEG's bytes are embedded unchanged"
    );
}

/// Accents placed by the shaper, a letter from the fallback and other scripts come back
/// from the PDF as the text they are (in any normal form): a glyph shared by İ and I
/// keeps one meaning, and no space appears inside a word with marks.
#[test]
fn marks_and_fallback_letters_extract_as_written() {
    use unicode_normalization::UnicodeNormalization;
    let (_dir, pdf, _) = build(&repo().join("tests/cases/marks.yaml"));
    let text: String = pdftotext(&pdf, &[]).nfc().collect();
    for word in ["İstanbul", "İzmir:", "Việt", "Kaŋlo:", "ἄλγος", "боль", "→", "≥."] {
        assert!(
            text.split_whitespace().any(|w| w == word),
            "{word:?} not in:\n{text}"
        );
    }
    assert!(text.contains("as I with a dot above"), "{text}");
    assert!(!text.contains("Istanbul"), "{text}");
}

/// A third reader, MuPDF (as in many phone and e-reader apps), opens the sample and
/// the physiotherapy tri-fold, draws every page without an error and extracts the
/// text.
#[test]
fn mupdf_draws_every_page_and_reads_the_text() {
    let (dir, pdf, built) = build(&sample());
    let pages = built.layout.pages.len();
    let pages_png = dir.path().join("page-%d.png");
    let err = run_tool("mutool", &[&"draw", &"-q", &"-r", &"30", &"-o", &pages_png, &pdf]).stderr;
    assert!(!err.lines().any(|l| l.starts_with("error")), "{err}");
    for n in 1..=pages {
        assert!(dir.path().join(format!("page-{n}.png")).is_file(), "page {n}");
    }
    let text = tool("mutool", &[&"draw", &"-q", &"-F", &"txt", &"-o", &"-", &pdf]);
    assert!(
        text.contains("Acupuncture for") && text.contains("What is Acupuncture?"),
        "{text}"
    );

    let trifold = leafpress::build(
        &repo().join("library/content/knee-exercises.yaml"),
        &leafpress::model::edition::Options {
            imposition: leafpress::model::edition::Imposition::Trifold { crop_marks: true },
            ..Default::default()
        },
    )
    .unwrap();
    let path = dir.path().join("trifold.pdf");
    std::fs::write(&path, &trifold.pdf).unwrap();
    let sides_png = dir.path().join("t-%d.png");
    let err = run_tool(
        "mutool",
        &[&"draw", &"-q", &"-r", &"30", &"-o", &sides_png, &path],
    )
    .stderr;
    assert!(!err.lines().any(|l| l.starts_with("error")), "{err}");
}
