//! SVG pictures stay vector: a logo (in leafpress.yaml) and an image block drawn as
//! form XObjects, no pixels embedded, tagged as figures with their alt text, drawn
//! where layout put them; and what would print wrongly refused with a reason.

mod common;

use common::*;
use leafpress::model::edition::Options;
use std::path::Path;

/// Every form XObject of the file (`/Subtype /Form`).
fn forms(pdf: &[u8]) -> usize {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    doc.objects
        .values()
        .filter(|o| {
            o.as_stream().is_ok_and(|s| {
                s.dict
                    .get(b"Subtype")
                    .and_then(|n| n.as_name())
                    .is_ok_and(|n| n == b"Form")
            })
        })
        .count()
}

/// The share of a page's pixels near `rgb`, rendered at 50 dpi.
fn share_of(pdf: &Path, page: usize, rgb: (u8, u8, u8)) -> f32 {
    let dir = tempfile::tempdir().unwrap();
    let stem = dir.path().join("p");
    let n = page.to_string();
    tool(
        "pdftoppm",
        &[&"-r", &"50", &"-f", &n, &"-l", &n, &"-png", &pdf, &stem],
    );
    let png = std::fs::read_dir(dir.path())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let img = image::open(&png).unwrap().to_rgb8();
    let near = img
        .pixels()
        .filter(|p| {
            let d = |a: u8, b: u8| (a as i32 - b as i32).abs();
            d(p[0], rgb.0) + d(p[1], rgb.1) + d(p[2], rgb.2) < 30
        })
        .count();
    near as f32 / (img.width() * img.height()) as f32
}

#[test]
fn an_svg_image_block_is_drawn_as_vectors_and_tagged_as_a_figure() {
    let built = leafpress::build(&repo().join("tests/cases/svg-image.yaml"), &Options::default()).unwrap();
    let pdf = save(&built.pdf);
    assert!(
        image_rows(&pdf.path, &[]).is_empty(),
        "no pixels are embedded for an SVG"
    );
    assert_eq!(forms(&built.pdf), 1, "the drawing is one form XObject");
    assert_pdf_ua(&built.pdf, "an SVG image block");
    let structure = struct_text(&pdf.path);
    assert!(structure.contains("Figure"), "{structure}");
    // The logo's teal square and red ring are on the page, where layout put them.
    assert!(
        share_of(&pdf.path, 1, (0x1F, 0x5F, 0x75)) > 0.01,
        "the teal square is drawn"
    );
    assert!(
        share_of(&pdf.path, 1, (0xC0, 0x39, 0x2B)) > 0.001,
        "the red ring is drawn"
    );
}

#[test]
fn an_svg_logo_in_leafpress_yaml_stays_vector_on_the_cover() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("assets")).unwrap();
    std::fs::copy(
        repo().join("tests/cases/images/logo.svg"),
        dir.path().join("assets/logo.svg"),
    )
    .unwrap();
    write(
        &dir.path().join("leafpress.yaml"),
        "brand:\n  name: Riverside Clinic\n  logo: {src: assets/logo.svg, alt: Riverside Clinic}\ndefaults:\n  cover: true\n  review: 2030-01\n",
    );
    let leaflet = dir.path().join("content/knee.yaml");
    write(
        &leaflet,
        "title: Knee pain\nblocks:\n  - paragraph: Walk a little every day.\n  - paragraph: Rest when it hurts.\n",
    );
    let built = leafpress::build(&leaflet, &Options::default()).unwrap();
    let pdf = save(&built.pdf);
    assert!(image_rows(&pdf.path, &[]).is_empty(), "the logo is not pixels");
    assert_eq!(forms(&built.pdf), 1);
    assert_pdf_ua(&built.pdf, "an SVG logo");
    assert!(
        share_of(&pdf.path, 1, (0x1F, 0x5F, 0x75)) > 0.002,
        "the logo is on the cover"
    );
}

#[test]
fn svg_that_would_print_wrongly_is_refused_where_it_is_named() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("text.svg"),
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40"><text x="0" y="30">Clinic</text></svg>"#,
    );
    let leaflet = dir.path().join("x.yaml");
    write(
        &leaflet,
        "title: Logo\nblocks:\n  - image: {src: text.svg, alt: The clinic's name}\n",
    );
    let err = leafpress::build(&leaflet, &Options::default())
        .err()
        .expect("refused");
    let text = err.render_plain();
    assert!(text.contains("text.svg") && text.contains("outlines"), "{text}");
    assert!(text.contains("x.yaml:3:"), "located at the image: {text}");
}
