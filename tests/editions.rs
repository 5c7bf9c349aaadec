//! The large-print edition of the same YAML: 16–24 pt body, nothing smaller, A4
//! unless the leaflet names its page size, images keeping their share of the width.

mod common;

use common::*;
use leafpress::base::units::PT_PER_MM;
use leafpress::layout::Item;
use leafpress::model::edition::Options;
use std::process::Command;

fn large(size: f32) -> Options {
    Options {
        large_print: Some(size),
        ..Options::default()
    }
}

#[test]
fn no_text_is_smaller_than_the_large_print_body() {
    for size in [16.0, 20.0] {
        let built = leafpress::build(&repo().join("content/knee-exercise-plan.yaml"), &large(size)).unwrap();
        let doc = &built.layout;
        // No page size in the file: A4.
        assert!((doc.width - 210.0 * PT_PER_MM).abs() < 0.5, "A4 wide");
        for run in doc
            .pages
            .iter()
            .flat_map(|p| &p.items)
            .filter_map(|p| match &p.item {
                Item::Text(run) if !run.text.trim().is_empty() => Some(run),
                _ => None,
            })
        {
            assert!(run.size >= size - 0.01, "{:?} is {} pt", run.text, run.size);
        }
        // Same tagging and PDF/UA-1 as any build.
        assert_pdf_ua(&built.pdf, "large print");
    }
}

#[test]
fn a_named_page_size_wins_and_images_keep_their_share() {
    let input = repo().join("tests/cases/every-block.yaml");
    let share = |doc: &leafpress::layout::Document| -> Vec<f32> {
        doc.pages
            .iter()
            .flat_map(|p| &p.items)
            .filter_map(|p| match p.item {
                Item::Image { rect, .. } => Some(rect.w / doc.body.w),
                _ => None,
            })
            .collect()
    };
    let normal = leafpress::build(&input, &Options::default()).unwrap();
    // every-block.yaml names A5: large print stays A5, so the shares are the same.
    let big = leafpress::build(&input, &large(16.0)).unwrap();
    assert!((big.layout.width - normal.layout.width).abs() < 0.01);
    assert_eq!(share(&normal.layout), share(&big.layout));
    // Without a page size the edition is A4, and a 40 mm image grows with the measure.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("images")).unwrap();
    std::fs::copy(
        repo().join("tests/cases/images/landscape.jpg"),
        dir.path().join("images/l.jpg"),
    )
    .unwrap();
    let path = dir.path().join("x.yaml");
    std::fs::write(
        &path,
        "title: T\nblocks:\n  - image: {src: images/l.jpg, alt: A, width: 40mm}\n",
    )
    .unwrap();
    let a5 = leafpress::build(&path, &Options::default()).unwrap();
    let a4 = leafpress::build(&path, &large(16.0)).unwrap();
    assert!((a4.layout.width - 210.0 * PT_PER_MM).abs() < 0.5);
    let (s5, s4) = (share(&a5.layout)[0], share(&a4.layout)[0]);
    assert!((s5 - s4).abs() < 0.001, "{s5} vs {s4}");
}

#[test]
fn the_command_names_the_edition_and_refuses_sizes_outside_16_to_24() {
    let dir = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_leafpress");
    let out = Command::new(bin)
        // The flag before the file: it must not take the file's name as its size.
        .args(["build", "--large-print"])
        .arg(repo().join("content/knee-exercise-plan.yaml"))
        .arg("--out-dir")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(dir.path().join("knee-exercise-plan-large-print.pdf").exists());
    let out = Command::new(bin)
        .args(["build", "--large-print=30"])
        .arg(repo().join("content/knee-exercise-plan.yaml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("large print is 16 to 24 pt"));
}

/// Every text size set in the PDF (each `Tf` in every page's content; the text
/// matrices never scale), read back with lopdf.
fn sizes_in_pdf(pdf: &[u8]) -> Vec<f32> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    for o in content_ops(&doc).iter().filter(|o| o.op.operator == "Tm") {
        let m: Vec<f32> = o.op.operands.iter().map(|o| o.as_float().unwrap()).collect();
        assert!(
            (m[0] - 1.0).abs() < 1e-4 && (m[3] - 1.0).abs() < 1e-4,
            "a scaled text matrix: {m:?}"
        );
    }
    fonts_set(pdf).into_iter().map(|(_, _, size)| size).collect()
}

/// Characters per line of body text, on average over lines that are not the last
/// of their paragraph (short by nature).
fn average_line_length(doc: &leafpress::layout::Document, body: f32) -> f32 {
    let mut lines: Vec<usize> = Vec::new();
    for page in &doc.pages {
        let mut by_line: std::collections::BTreeMap<(i64, i64), usize> = Default::default();
        for p in &page.items {
            if let Item::Text(r) = &p.item {
                if (r.size - body).abs() < 0.01 {
                    *by_line
                        .entry(((r.baseline * 10.0) as i64, (r.x / 100.0) as i64))
                        .or_default() += r.text.chars().count();
                }
            }
        }
        lines.extend(by_line.values());
    }
    let longest = *lines.iter().max().unwrap() as f32;
    // Full lines: within 80 % of the longest (last lines of paragraphs are not).
    let full: Vec<usize> = lines.into_iter().filter(|&n| n as f32 >= longest * 0.8).collect();
    full.iter().sum::<usize>() as f32 / full.len() as f32
}

#[test]
fn large_print_pdfs_set_nothing_under_16_pt_and_keep_lines_readable() {
    for input in [
        repo().join("content/acupuncture-hip-knee.yaml"),
        repo().join("library/content/knee-exercises.yaml"),
    ] {
        let built = leafpress::build(&input, &large(16.0)).unwrap();
        let sizes = sizes_in_pdf(&built.pdf);
        assert!(sizes.len() > 20);
        let least = sizes.iter().cloned().fold(f32::MAX, f32::min);
        assert!(least >= 16.0 - 0.01, "{}: text at {least} pt", input.display());
        let chars = average_line_length(&built.layout, 16.0);
        println!(
            "{}: {chars:.1} characters a line, smallest text {least} pt",
            input.display()
        );
        assert!(
            (55.0..=75.0).contains(&chars),
            "{}: {chars:.1} characters a line",
            input.display()
        );
        assert_pdf_ua(&built.pdf, &input.display().to_string());
        let normal = leafpress::build(&input, &Options::default()).unwrap();
        assert!(
            sizes_in_pdf(&normal.pdf).iter().any(|s| *s < 16.0),
            "the normal edition is smaller"
        );
    }
}
