//! The blocks beyond prose, on plain layout data and read back from the PDF:
//! exercises, tables, checklists, write-in lines and the urgent box.

mod common;

use common::*;
use leafpress::images::ImageKey;
use leafpress::layout::structure::Kind;
use leafpress::layout::{Document, Item, Owner, Role};
use leafpress::model::Block;
use std::collections::BTreeSet;

fn plan() -> std::path::PathBuf {
    repo().join("content/knee-exercise-plan.yaml")
}

/// Pages on which block `b` has content (artifacts left out).
fn pages(doc: &Document, b: usize) -> BTreeSet<usize> {
    doc.pages
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            p.items
                .iter()
                .any(|i| matches!(i.role, Role::Content { owner, .. } if owner == Owner::Block(b)))
        })
        .map(|(n, _)| n)
        .collect()
}

/// The page block `b`'s picture is on, and where.
fn picture_of(doc: &Document, b: usize) -> (&leafpress::layout::Page, leafpress::layout::Rect) {
    doc.pages
        .iter()
        .find_map(|page| {
            page.items.iter().find_map(|p| match p.item {
                Item::Image { rect, image } if image == ImageKey::Block(b) => Some((page, rect)),
                _ => None,
            })
        })
        .expect("the block has a picture")
}

fn block_index(blocks: &[Block], kind: &str, nth: usize) -> usize {
    blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.type_name() == kind)
        .nth(nth)
        .map(|(i, _)| i)
        .unwrap()
}

#[test]
fn an_exercise_has_its_picture_beside_the_steps_and_is_kept_whole() {
    let (resolved, doc) = lay_out_file(&plan());
    for nth in 0..2 {
        let b = block_index(&resolved.leaflet.blocks, "exercise", nth);
        assert_eq!(pages(&doc, b).len(), 1, "exercise {nth} is whole");
        let (page, image) = picture_of(&doc, b);
        let steps: Vec<_> = page
            .items
            .iter()
            .filter_map(|p| match (&p.item, p.role) {
                (Item::Text(run), Role::Content { owner, .. })
                    if owner == Owner::Block(b) && run.baseline > image.y =>
                {
                    Some(run)
                }
                _ => None,
            })
            .collect();
        assert!(!steps.is_empty());
        for run in steps {
            assert!(
                run.x >= image.right() - 0.01,
                "{:?} overlaps the picture",
                run.text
            );
        }
        // Both exercises' pictures and text columns line up.
        assert!((image.x - doc.body.x).abs() < 0.01);
        assert!((image.w - doc.body.w / 3.0).abs() < 0.01);
    }
}

#[test]
fn on_a_narrow_page_the_picture_goes_above_the_steps() {
    let text = std::fs::read_to_string(plan())
        .unwrap()
        .replace("author:", "page: {size: A6, margin: 10mm}\nauthor:");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("content/plan.yaml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    for img in ["ankle-pumps.png", "heel-slide.png"] {
        std::fs::create_dir_all(dir.path().join("content/images")).unwrap();
        std::fs::copy(
            repo().join("content/images").join(img),
            dir.path().join("content/images").join(img),
        )
        .unwrap();
    }
    let (resolved, doc) = lay_out_file(&path);
    let b = block_index(&resolved.leaflet.blocks, "exercise", 0);
    let (page, image) = picture_of(&doc, b);
    let first_step = page
        .items
        .iter()
        .find_map(|p| match (&p.item, p.role) {
            (Item::Text(run), Role::Content { owner, .. })
                if owner == Owner::Block(b) && run.text.starts_with("Lie") =>
            {
                Some(run)
            }
            _ => None,
        })
        .unwrap();
    assert!(
        first_step.baseline - 12.0 > image.bottom(),
        "the steps start below the picture"
    );
}

#[test]
fn a_long_table_repeats_its_header_and_never_splits_a_row() {
    let rows: String = (1..=40)
        .map(|n| format!("        - [Exercise {n}, {n} times, Twice a day]\n"))
        .collect();
    let yaml = format!(
        "title: A long plan\npage: {{size: A6, margin: 10mm}}\nblocks:\n  - table:\n      caption: Your plan\n      header: [Exercise, Repeat, How often]\n      rows:\n{rows}"
    );
    let (_, doc) = lay_out_yaml(&yaml).unwrap();
    assert!(doc.pages.len() >= 3);
    for (n, page) in doc.pages.iter().enumerate() {
        let texts: Vec<(&str, Role)> = page
            .items
            .iter()
            .filter_map(|p| match &p.item {
                Item::Text(run) if !run.text.trim().is_empty() => Some((run.text.trim(), p.role)),
                _ => None,
            })
            .collect();
        let first = texts
            .iter()
            .find(|(t, _)| *t == "Exercise")
            .expect("a header on every page");
        // The header is read once: content on page 1, page furniture after.
        if n == 0 {
            assert!(matches!(first.1, Role::Content { .. }));
        } else {
            assert_eq!(first.1, Role::Artifact, "page {}", n + 1);
        }
    }
    // Every row's cells stand on one page.
    let nodes = &doc.structure.nodes;
    for (tr, node) in nodes.iter().enumerate().filter(|(_, n)| n.kind == Kind::TR) {
        let _ = node;
        let cells: BTreeSet<usize> = doc
            .pages
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                p.items.iter().any(|i| match i.role {
                    Role::Content { node, .. } => nodes[node].parent == Some(tr),
                    Role::Artifact => false,
                })
            })
            .map(|(n, _)| n)
            .collect();
        assert_eq!(cells.len(), 1, "row {tr} is split across pages {cells:?}");
    }
}

#[test]
fn checklists_have_drawn_boxes_and_write_ins_long_lines() {
    let (resolved, doc) = lay_out_file(&plan());
    let b = block_index(&resolved.leaflet.blocks, "checklist", 0);
    let items = match &resolved.leaflet.blocks[b] {
        Block::Checklist(items) => items.len(),
        _ => unreachable!(),
    };
    let boxes: Vec<_> = doc
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter(|p| matches!(p.item, Item::Stroke { rect, .. } if (rect.w - rect.h).abs() < 0.01 && rect.w < 20.0))
        .collect();
    assert_eq!(boxes.len(), items, "one square per item");
    assert!(boxes.iter().all(|p| p.role == Role::Artifact));
    let w = block_index(&resolved.leaflet.blocks, "write_in", 0);
    let rules: Vec<f32> = doc
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|p| match p.item {
            Item::Rule { from, to, .. } if p.role == Role::Artifact && (from.1 - to.1).abs() < 0.01 => {
                Some(to.0 - from.0)
            }
            _ => None,
        })
        .filter(|len| *len >= 60.0 * leafpress::base::units::PT_PER_MM - 0.01)
        .collect();
    assert!(rules.len() >= 3, "three lines of at least 60 mm: {rules:?}");
    assert_eq!(pages(&doc, w).len(), 1);
    // The urgent box is whole, on page 1, where it is written.
    let u = block_index(&resolved.leaflet.blocks, "urgent", 0);
    assert_eq!(pages(&doc, u), BTreeSet::from([0]));
}

#[test]
fn the_pdf_reads_each_exercise_as_title_steps_repeat_and_heads_table_columns() {
    let built = leafpress::build(&plan(), &Default::default()).unwrap();
    let text = pdftotext(&save(&built.pdf), &[]);
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s:?} not in:\n{text}"));
    assert!(
        at("Ankle pumps") < at("Point your foot down")
            && at("Point your foot down") < at("20 times, every hour")
    );
    assert!(at("Call 999 if") < at("you have chest pain") && at("you have chest pain") < at("Call 111"));
    // TH elements carry /Scope /Column.
    let doc = lopdf::Document::load_mem(&built.pdf).unwrap();
    let ths: Vec<_> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"S").and_then(|s| s.as_name()).ok() == Some(b"TH"))
        .collect();
    assert_eq!(ths.len(), 3);
    for th in ths {
        let a = th.get(b"A").unwrap().as_dict().unwrap();
        assert_eq!(a.get(b"Scope").unwrap().as_name().unwrap(), b"Column");
    }
}

#[test]
fn empty_cells_keep_their_place_in_the_tags() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.yaml");
    std::fs::write(
        &path,
        "title: T\nblocks:\n  - table:\n      header: [\"\", Morning, Evening]\n      rows:\n        - [Monday, \"\", Walk]\n        - [\"\", \"\", Swim]\n",
    )
    .unwrap();
    let built = leafpress::build(&path, &Default::default()).unwrap();
    let doc = lopdf::Document::load_mem(&built.pdf).unwrap();
    let count = |kind: &[u8]| {
        doc.objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .filter(|d| d.get(b"S").and_then(|s| s.as_name()).ok() == Some(kind))
            .count()
    };
    assert_eq!(
        (count(b"TR"), count(b"TH"), count(b"TD")),
        (3, 3, 6),
        "every cell is tagged in its row"
    );
}
