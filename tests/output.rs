//! Output for print shops, office printers and e-mail: booklet imposition, bleed and
//! crop marks, image resolution per target, internal links. Checked through the PDF.

mod common;

use common::*;
use leafpress::model::edition::Target;
use leafpress::output::impose::Imposition;
use leafpress::{build, Options};
use std::path::Path;

/// The page number ("n / N" in the footer) printed on one half of a booklet sheet.
fn page_number_on(pdf: &Path, sheet: usize, right_half: bool, sheet_width: f32) -> Option<usize> {
    let half = (sheet_width / 2.0) as i32;
    let x = if right_half { half } else { 0 };
    let page = sheet.to_string();
    let args = [
        "-f",
        &page,
        "-l",
        &page,
        "-x",
        &x.to_string(),
        "-y",
        "0",
        "-W",
        &half.to_string(),
        "-H",
        "1000",
    ];
    let text = pdftotext(pdf, &args);
    text.lines().find_map(|l| {
        // pdftotext may drop the thin spaces around the slash.
        let (n, _) = l.trim().split_once('/')?;
        n.trim().parse().ok()
    })
}

/// The page numbers on the two halves of every side of an imposed booklet, as
/// pdftotext reads them; None for a blank half.
fn booklet_sides(pdf: &Path, sides: usize) -> Vec<[Option<usize>; 2]> {
    (1..=sides)
        .map(|side| {
            [
                page_number_on(pdf, side, false, 841.89),
                page_number_on(pdf, side, true, 841.89),
            ]
        })
        .collect()
}

/// A leaflet of `pages` A5 pages, one paragraph each, broken by `page_break`.
fn leaflet_of(dir: &Path, pages: usize) -> std::path::PathBuf {
    let mut yaml = String::from("title: Pages\nblocks:\n");
    for n in 1..=pages {
        if n > 1 {
            yaml.push_str("  - page_break\n");
        }
        yaml.push_str(&format!("  - paragraph: Page {n} of the leaflet.\n"));
    }
    let path = dir.join(format!("pages-{pages}.yaml"));
    std::fs::write(&path, yaml).unwrap();
    path
}

/// Saddle-stitch order, written out (front and back of each sheet of paper in turn,
/// [left | right] halves): the outermost sheet's front is [back | page 1], its back
/// [page 2 | the page before the back], and so inwards; blank pages (None) pad the
/// end up to a multiple of four. Read back from the page numbers in the footers.
#[test]
fn booklet_sheets_hold_pages_in_saddle_stitch_order() {
    let options = Options {
        imposition: Imposition::Booklet,
        ..Default::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let cases: [(usize, &[[Option<usize>; 2]]); 4] = [
        (4, &[[Some(4), Some(1)], [Some(2), Some(3)]]),
        (
            5,
            &[
                [None, Some(1)],
                [Some(2), None],
                [None, Some(3)],
                [Some(4), Some(5)],
            ],
        ),
        (
            8,
            &[
                [Some(8), Some(1)],
                [Some(2), Some(7)],
                [Some(6), Some(3)],
                [Some(4), Some(5)],
            ],
        ),
        (
            9,
            &[
                [None, Some(1)],
                [Some(2), None],
                [None, Some(3)],
                [Some(4), Some(9)],
                [Some(8), Some(5)],
                [Some(6), Some(7)],
            ],
        ),
    ];
    for (pages, want) in cases {
        let built = build(&leaflet_of(dir.path(), pages), &options).unwrap();
        assert_eq!(built.layout.pages.len(), pages, "the leaflet's own pages");
        assert!(!built.layout.back_cover);
        assert_eq!(built.sheets, want.len(), "sides of paper for {pages} pages");
        let pdf = save(&built.pdf);
        assert_eq!(pdfinfo(&pdf)["Pages"], want.len().to_string());
        assert_eq!(
            booklet_sides(&pdf, want.len()),
            want,
            "{pages} pages, sides in order as [left, right]"
        );
    }

    // The sample: ceil(N/4) sheets of A4 landscape, both sides, the same order.
    let built = build(&sample(), &options).unwrap();
    let pages = built.layout.pages.len();
    let pdf = save(&built.pdf);
    let info = pdfinfo(&pdf);
    assert_eq!(
        built.sheets,
        pages.div_ceil(4) * 2,
        "ceil(N/4)·2 sheets for {pages} pages"
    );
    assert_eq!(info["Pages"], built.sheets.to_string(), "{info:?}");
    assert_eq!(
        info["Page size"], "841.89 x 595.276 pts (A4)",
        "A4 landscape sheets: {info:?}"
    );
    let sides = booklet_sides(&pdf, built.sheets);
    assert_eq!(
        sides[0][1],
        Some(1),
        "page 1 on the right of the first front: {sides:?}"
    );
    assert_eq!(sides[1][0], Some(2), "page 2 on the left of its back: {sides:?}");
    let mut numbers: Vec<usize> = sides.iter().flatten().flatten().copied().collect();
    numbers.sort();
    assert_eq!(
        numbers,
        (1..=pages).collect::<Vec<_>>(),
        "every page once: {sides:?}"
    );
    assert_pdf_ua(&built.pdf, "booklet");
    // Reading order survives imposition: the text still starts with the title.
    let text = pdftotext(&pdf, &[]);
    assert!(text.contains("Acupuncture for"));
}

#[test]
fn bleed_sets_trim_and_bleed_boxes_and_marks_stay_outside() {
    let bleed = 3.0 * leafpress::base::units::PT_PER_MM;
    let options = Options {
        imposition: Imposition::Pages {
            bleed,
            crop_marks: true,
        },
        ..Default::default()
    };
    let built = build(&sample(), &options).unwrap();
    let pdf = save(&built.pdf);
    let boxes = page_boxes(&pdf, 1);
    let bx = |name: &str| -> [f32; 4] { *boxes.get(name).unwrap_or_else(|| panic!("{name} in {boxes:?}")) };
    let (trim, bleed_box, media) = (bx("TrimBox"), bx("BleedBox"), bx("MediaBox"));
    let (a5w, a5h) = (419.53, 595.28);
    assert!(
        ((trim[2] - trim[0]) - a5w).abs() < 0.05 && ((trim[3] - trim[1]) - a5h).abs() < 0.05,
        "TrimBox is A5: {trim:?}"
    );
    let six_mm = 6.0 * 72.0 / 25.4;
    assert!(
        ((bleed_box[2] - bleed_box[0]) - (a5w + six_mm)).abs() < 0.05,
        "BleedBox is A5 + 6 mm wide: {bleed_box:?}"
    );
    assert!(
        ((bleed_box[3] - bleed_box[1]) - (a5h + six_mm)).abs() < 0.05,
        "BleedBox is A5 + 6 mm tall: {bleed_box:?}"
    );
    assert!(
        media[2] > bleed_box[2] && media[0] <= bleed_box[0],
        "the marks need room outside the bleed"
    );
    // Text stays at least 5 mm inside the trim: every word of the leaflet, read back
    // (so an empty or failed read cannot pass).
    let five_mm = 5.0 * 72.0 / 25.4;
    let words = pdftotext_words(&pdf, &[]);
    let (resolved, _) = lay_out_file(&sample());
    let texts: Vec<String> = words.iter().map(|w| w.text.clone()).collect();
    assert_words_in_order(&expected_words(&resolved.leaflet), &texts);
    for w in &words {
        assert!(
            w.x_min >= trim[0] + five_mm && w.x_max <= trim[2] - five_mm,
            "a word is closer than 5 mm to the trim: {w:?}"
        );
    }
    assert_pdf_ua(&built.pdf, "bleed with crop marks");
}

/// A large, photo-like JPEG (smooth colour fields with fine noise) of `w` × `h` pixels.
fn photo(path: &Path, w: u32, h: u32) {
    let mut seed = 12345u32;
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let n = (seed >> 24) as i32 % 24 - 12;
        let c = |v: u32| (v as i32 + n).clamp(0, 255) as u8;
        image::Rgb([c(x * 255 / w), c(y * 255 / h), c(((x + y) * 128 / (w + h)) + 60)])
    });
    img.save_with_format(path, image::ImageFormat::Jpeg).unwrap();
}

#[test]
fn email_build_is_small_and_print_build_keeps_300_ppi() {
    let dir = tempfile::tempdir().unwrap();
    photo(&dir.path().join("photo.jpg"), 2400, 3000);
    let yaml = dir.path().join("photo.yaml");
    let sample = std::fs::read_to_string(sample()).unwrap();
    // The sample leaflet with a photo after the title: 2400 px across 80 % of the
    // text width (3.72 in) is 645 ppi, more than print passes through as it is.
    let with_photo = sample.replacen(
        "blocks:\n",
        "blocks:\n  - image: {src: photo.jpg, alt: \"The clinic's treatment room\", width: 80%}\n",
        1,
    );
    std::fs::write(&yaml, with_photo).unwrap();
    let print = build(&yaml, &Options::default()).unwrap();
    let email = build(
        &yaml,
        &Options {
            target: Target::Email,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(
        email.pdf.len() < 2_000_000,
        "email build is {} bytes",
        email.pdf.len()
    );
    assert!(
        email.pdf.len() < print.pdf.len(),
        "email {} vs print {}",
        email.pdf.len(),
        print.pdf.len()
    );
    // Column 12 of `pdfimages -list` is the x resolution.
    let ppi = |pdf: &[u8]| -> Vec<u32> {
        image_rows(&save(pdf), &[])
            .iter()
            .map(|r| r[12].parse().unwrap())
            .collect()
    };
    let (p, e) = (ppi(&print.pdf), ppi(&email.pdf));
    assert!(
        (295..=305).contains(&p[0]),
        "print resamples 2400 px to 300 ppi: {p:?}"
    );
    assert!((145..=155).contains(&e[0]), "email resamples to 150 ppi: {e:?}");
    assert!(
        print.warnings.items.is_empty(),
        "no low-resolution warning at 300 ppi"
    );
}

#[test]
fn coarse_images_get_a_warning_naming_them() {
    let built = leafpress::build(&repo().join("tests/cases/every-block.yaml"), &Default::default()).unwrap();
    let text = built.warnings.render_plain();
    assert!(
        text.contains("warning[image-resolution]: image \"images/gradient.png\" is placed at 26 ppi"),
        "{text}"
    );
    assert!(text.contains("every-block.yaml:"), "{text}");
    let email = build(
        &repo().join("tests/cases/every-block.yaml"),
        &Options {
            target: Target::Email,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(
        email.warnings.items.is_empty(),
        "e-mail builds do not nag about print resolution"
    );
}

#[test]
fn internal_links_jump_to_their_heading() {
    let built = leafpress::build(&repo().join("tests/cases/every-block.yaml"), &Default::default()).unwrap();
    let doc = lopdf::Document::load_mem(&built.pdf).unwrap();
    let target = built.layout.outline.iter().find(|e| e.anchor == "lists").unwrap();
    let pages = doc.get_pages();
    let mut found = false;
    for page_id in pages.values() {
        let page = doc.get_dictionary(*page_id).unwrap();
        let Ok(annots) = page.get(b"Annots") else { continue };
        for a in annots.as_array().unwrap() {
            let annot = doc.get_dictionary(a.as_reference().unwrap()).unwrap();
            let action = doc
                .dereference(annot.get(b"A").unwrap())
                .unwrap()
                .1
                .as_dict()
                .unwrap();
            if action.get(b"S").unwrap().as_name().unwrap() != b"GoTo" {
                continue;
            }
            let dest = action.get(b"D").unwrap().as_array().unwrap();
            let page_ref = dest[0].as_reference().unwrap();
            assert_eq!(
                page_ref,
                pages[&(target.dest.page as u32 + 1)],
                "jumps to the heading's page"
            );
            let top = dest[3].as_float().unwrap();
            assert!((top - (built.layout.height - target.dest.y)).abs() < 1.0);
            // The window's top is just above the heading, not the page top.
            let baseline = built.layout.pages[target.dest.page]
                .items
                .iter()
                .find_map(|p| match &p.item {
                    leafpress::layout::Item::Text(run) if run.text.trim() == "Lists" => Some(run.baseline),
                    _ => None,
                })
                .expect("the heading is on its page");
            let above = baseline - target.dest.y;
            assert!(
                above > 0.0 && above < 30.0,
                "jumps to the heading itself, not the page top ({above} pt above its baseline)"
            );
            found = true;
        }
    }
    assert!(found, "no GoTo link found");
}

#[test]
fn a_png_stays_lossless_for_print_and_becomes_jpeg_for_email() {
    let dir = tempfile::tempdir().unwrap();
    let mut seed = 7u32;
    let img = image::RgbImage::from_fn(2000, 1000, |x, y| {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
        image::Rgb([(x / 8) as u8, (y / 4) as u8, (seed >> 24) as u8])
    });
    img.save(dir.path().join("photo.png")).unwrap();
    let yaml = dir.path().join("png.yaml");
    std::fs::write(
        &yaml,
        "title: T\nblocks:\n  - image: {src: photo.png, alt: A photo, width: 50%}\n",
    )
    .unwrap();
    let list = |target| {
        let built = build(
            &yaml,
            &Options {
                target,
                ..Default::default()
            },
        )
        .unwrap();
        let row = &image_rows(&save(&built.pdf), &[])[0];
        (row[3].parse::<u32>().unwrap(), row[8].clone())
    };
    let (print_w, print_enc) = list(Target::Print);
    let (email_w, email_enc) = list(Target::Email);
    assert_eq!(print_enc, "image", "print keeps a PNG lossless (Flate)");
    assert!(
        (690..=700).contains(&print_w),
        "resampled to 300 ppi at 59 mm: {print_w}"
    );
    assert_eq!(email_enc, "jpeg", "email recompresses a photograph");
    assert!((345..=350).contains(&email_w), "resampled to 150 ppi: {email_w}");
}

/// A JPEG placed at up to 600 ppi (twice what print needs) goes into a print PDF
/// byte for byte, as a DCTDecode image at its placed resolution: no decode, filter
/// and second compression; above that it is resampled to 300 ppi.
#[test]
fn print_passes_a_jpeg_through_up_to_600_ppi() {
    let dir = tempfile::tempdir().unwrap();
    // 2400 px across the A5 text width (118 mm, 4.65 in): 516 ppi.
    photo(&dir.path().join("photo.jpg"), 2400, 1600);
    let source = std::fs::read(dir.path().join("photo.jpg")).unwrap();
    let yaml = dir.path().join("p.yaml");
    std::fs::write(
        &yaml,
        "title: T\nblocks:\n  - image: {src: photo.jpg, alt: A room}\n",
    )
    .unwrap();
    let built = build(&yaml, &Options::default()).unwrap();
    assert!(built.warnings.items.is_empty());
    // The image stream read back by poppler is the file, byte for byte.
    let pdf = save(&built.pdf);
    let prefix = dir.path().join("raw");
    tool("pdfimages", &[&"-j", &pdf, &prefix]);
    let embedded = std::fs::read(dir.path().join("raw-000.jpg")).expect("pdfimages wrote a .jpg");
    assert!(embedded == source, "the JPEG's own bytes are the image's stream");
    // Columns: width 3, encoding 8, x resolution 12.
    let rows = image_rows(&pdf, &[]);
    assert_eq!(
        (rows[0][3].as_str(), rows[0][8].as_str()),
        ("2400", "jpeg"),
        "{rows:?}"
    );
    let ppi: u32 = rows[0][12].parse().unwrap();
    assert!((510..=520).contains(&ppi), "placed at 516 ppi: {ppi}");
}

/// A lossless image (PNG-filtered zlib data with predictors, alpha as a soft mask)
/// comes back out of the PDF pixel for pixel, read by poppler's `pdfimages`; an
/// opaque one gets no soft mask, and goes in as the file's own data.
#[test]
fn png_images_read_back_exactly_with_their_alpha() {
    let dir = tempfile::tempdir().unwrap();
    let (w, h) = (64u32, 48u32);
    let source = image::RgbaImage::from_fn(w, h, |x, y| {
        image::Rgba([
            (x * 4) as u8,
            (y * 5) as u8,
            ((x * y) % 251) as u8,
            (255 - x * 3) as u8,
        ])
    });
    source.save(dir.path().join("alpha.png")).unwrap();
    let opaque = image::RgbImage::from_fn(w, h, |x, y| image::Rgb([(x * 3) as u8, 200, (y * 4) as u8]));
    // Compressed harder than leafpress compresses, so its own data can be told apart.
    let file = std::fs::File::create(dir.path().join("opaque.png")).unwrap();
    let best = image::codecs::png::PngEncoder::new_with_quality(
        file,
        image::codecs::png::CompressionType::Best,
        image::codecs::png::FilterType::Adaptive,
    );
    opaque.write_with_encoder(best).unwrap();
    let yaml =
        "title: Images\nblocks:\n  - image: {src: alpha.png, alt: A gradient with alpha, width: 30mm}\n  \
                - image: {src: opaque.png, alt: An opaque gradient, width: 30mm}\n";
    std::fs::write(dir.path().join("images.yaml"), yaml).unwrap();
    let built = build(&dir.path().join("images.yaml"), &Options::default()).unwrap();
    let rows = image_rows(&save(&built.pdf), &[]);
    let kinds: Vec<(&str, &str)> = rows.iter().map(|r| (r[2].as_str(), r[5].as_str())).collect();
    assert_eq!(
        kinds,
        [("image", "rgb"), ("smask", "gray"), ("image", "rgb")],
        "{rows:?}"
    );

    let pdf = save(&built.pdf);
    let prefix = dir.path().join("out");
    tool("pdfimages", &[&"-png", &pdf, &prefix]);
    let read = |n: u32| image::open(dir.path().join(format!("out-{n:03}.png"))).unwrap();
    let (color, mask, plain) = (read(0).to_rgb8(), read(1).to_luma8(), read(2).to_rgb8());
    for (x, y, p) in source.enumerate_pixels() {
        assert_eq!(
            color.get_pixel(x, y).0,
            [p.0[0], p.0[1], p.0[2]],
            "colour at {x},{y}"
        );
        assert_eq!(mask.get_pixel(x, y).0[0], p.0[3], "alpha at {x},{y}");
    }
    assert_eq!(plain.as_raw(), opaque.as_raw());
    // The opaque one, needing no resampling, is the file's own compressed rows.
    let file = std::fs::read(dir.path().join("opaque.png")).unwrap();
    let idat = leafpress::images::png_as_is(&file)
        .expect("8-bit RGB, opaque")
        .idat;
    assert!(
        built.pdf.windows(idat.len()).any(|w| w == idat.as_slice()),
        "the PNG's own IDAT data is in the PDF"
    );
}

/// Pictures are kept between builds in one process (watch, a library), by their
/// bytes: a picture replaced under the same name is read again, never the old one.
#[test]
fn a_replaced_picture_is_not_taken_from_the_cache() {
    let dir = tempfile::tempdir().unwrap();
    let picture = dir.path().join("picture.png");
    let yaml = dir.path().join("leaflet.yaml");
    std::fs::write(
        &yaml,
        "title: Cache\nblocks:\n  - image: {src: picture.png, alt: A picture, width: 40mm}\n",
    )
    .unwrap();
    let sizes = |w: u32, h: u32, blue: u8| {
        image::RgbImage::from_fn(w, h, |x, y| image::Rgb([x as u8, y as u8, blue]))
            .save(&picture)
            .unwrap();
        let built = build(&yaml, &Options::default()).unwrap();
        let rows = image_rows(&save(&built.pdf), &[]);
        (rows[0][3].clone(), rows[0][4].clone(), built.pdf)
    };
    let (w, h, first) = sizes(40, 30, 90);
    assert_eq!((w.as_str(), h.as_str()), ("40", "30"));
    assert!(
        sizes(40, 30, 90).2 == first,
        "the same picture gives the same file"
    );
    // The same size and name, other pixels: another file.
    assert!(
        sizes(40, 30, 91).2 != first,
        "a changed picture gives another file"
    );
    let (w, h, _) = sizes(30, 40, 90);
    assert_eq!((w.as_str(), h.as_str()), ("30", "40"));
}

/// A booklet's back cover is moved to the outside back, after the blank pages the
/// booklet needs: it keeps its footer and carries no page number (as the front cover
/// has none), where before it said "5 / 5" on the eighth page printed. The pages
/// between are numbered as the leaflet's own; printed as pages, the back cover keeps
/// its "5 / 5".
#[test]
fn a_booklet_back_cover_after_blank_pages_has_no_page_number() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = dir.path().join("five.yaml");
    std::fs::write(
        &yaml,
        "title: Five pages\ncover: true\npublished: 2026-01\nreview: 2028-01\n\
         footer: Riverside clinic\nblocks:\n  - paragraph: Page two.\n  - page_break\n\
         \x20 - paragraph: Page three.\n  - page_break\n  - paragraph: Page four.\n",
    )
    .unwrap();
    let booklet = build(
        &yaml,
        &Options {
            imposition: Imposition::Booklet,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(booklet.layout.pages.len(), 5, "front cover, 3 pages, back cover");
    assert!(booklet.layout.back_cover);
    assert_eq!(booklet.sheets, 4, "2 sheets of paper, both sides");
    let pdf = save(&booklet.pdf);
    // The first side: [back cover | front cover], neither numbered.
    assert_eq!(
        booklet_sides(&pdf, 4),
        [[None, None], [Some(2), None], [None, Some(3)], [Some(4), None]]
    );
    let back = pdftotext(
        &pdf,
        &[
            "-f", "1", "-l", "1", "-x", "0", "-y", "0", "-W", "420", "-H", "1000",
        ],
    );
    assert!(
        back.contains("About this leaflet") && back.contains("Riverside clinic"),
        "the back cover, with its footer: {back}"
    );
    let all = pdftotext(&pdf, &[]);
    assert!(!all.contains("5/5") && !all.contains("5 / 5"), "{all}");
    // Printed as pages, the back cover is page 5 of 5 where it stands.
    let pages = save(&build(&yaml, &Options::default()).unwrap().pdf);
    let last = pdftotext(&pages, &["-f", "5", "-l", "5"]);
    assert!(
        last.contains("About this leaflet") && last.contains("5/5"),
        "{last}"
    );
}
