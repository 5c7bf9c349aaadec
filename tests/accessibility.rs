//! Tagged PDF (PDF/UA-1): the validator's verdict, plus the structure checks it does
//! not make (ParentTree consistency, marked-content balance, reading order).

mod common;

use common::*;
use lopdf::{Document, Object, ObjectId};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

fn inputs() -> Vec<PathBuf> {
    vec![
        sample(),
        repo().join("tests/cases/every-block.yaml"),
        // Marks, fallback letters and other scripts: ActualText spans inside tagged content.
        repo().join("tests/cases/marks.yaml"),
        // A brand (logo, fonts from files), a cover, a QR code and a back cover.
        repo().join("library/content/knee-exercises.yaml"),
        // Exercises, a table, a checklist, write-in lines, an urgent box.
        repo().join("content/knee-exercise-plan.yaml"),
    ]
}

#[test]
fn pdf_ua_1_rules_pass() {
    for input in inputs() {
        let built = leafpress::build(&input, &Default::default()).unwrap();
        assert_pdf_ua(&built.pdf, &input.display().to_string());
    }
}

fn reference(o: &Object) -> ObjectId {
    o.as_reference().expect("a reference")
}

/// Every MCID in every content stream is owned by exactly the element the ParentTree
/// names, every link annotation's StructParent leads to a Link element that points
/// back at it, and BDC/BMC and EMC balance.
#[test]
fn parent_tree_matches_the_content() {
    for input in inputs() {
        let built = leafpress::build(&input, &Default::default()).unwrap();
        let doc = Document::load_mem(&built.pdf).unwrap();
        let catalog = doc.catalog().unwrap();
        assert_eq!(
            catalog
                .get(b"MarkInfo")
                .and_then(|m| doc.dereference(m))
                .unwrap()
                .1
                .as_dict()
                .unwrap()
                .get(b"Marked")
                .unwrap(),
            &Object::Boolean(true)
        );
        let root = doc
            .get_dictionary(reference(catalog.get(b"StructTreeRoot").unwrap()))
            .unwrap();
        let tree = doc
            .get_dictionary(reference(root.get(b"ParentTree").unwrap()))
            .unwrap();
        let nums = tree.get(b"Nums").unwrap().as_array().unwrap();
        let mut parents: BTreeMap<i64, &Object> = BTreeMap::new();
        for pair in nums.chunks(2) {
            parents.insert(pair[0].as_i64().unwrap(), &pair[1]);
        }
        let next_key = root.get(b"ParentTreeNextKey").unwrap().as_i64().unwrap();
        assert!(parents.keys().all(|&k| k < next_key));

        // Which (page, MCID) and annotations each element claims in its /K.
        let mut owned: BTreeMap<(ObjectId, i64), ObjectId> = BTreeMap::new();
        let mut objr: BTreeMap<ObjectId, ObjectId> = BTreeMap::new();
        for (&id, object) in &doc.objects {
            let Ok(d) = object.as_dict() else { continue };
            if d.get(b"Type").ok().and_then(|t| t.as_name().ok()) != Some(b"StructElem".as_slice()) {
                continue;
            }
            let kids = match d.get(b"K") {
                Ok(Object::Array(a)) => a.clone(),
                Ok(other) => vec![other.clone()],
                Err(_) => vec![],
            };
            for kid in kids {
                if let Object::Integer(mcid) = kid {
                    // A bare MCID is on the element's own page.
                    let pg = reference(d.get(b"Pg").expect("an element with bare MCIDs has /Pg"));
                    let prev = owned.insert((pg, mcid), id);
                    assert!(prev.is_none(), "an MCID is owned twice");
                    continue;
                }
                let Ok(k) = kid.as_dict() else { continue };
                match k.get(b"Type").unwrap().as_name().unwrap() {
                    b"MCR" => {
                        let pg = reference(k.get(b"Pg").unwrap());
                        let prev = owned.insert((pg, k.get(b"MCID").unwrap().as_i64().unwrap()), id);
                        assert!(prev.is_none(), "an MCID is owned twice");
                    }
                    b"OBJR" => {
                        objr.insert(reference(k.get(b"Obj").unwrap()), id);
                    }
                    _ => {}
                }
            }
        }

        for (_, page_id) in doc.get_pages() {
            let page = doc.get_dictionary(page_id).unwrap();
            let key = page.get(b"StructParents").unwrap().as_i64().unwrap();
            let array = doc
                .dereference(parents[&key])
                .unwrap()
                .1
                .as_array()
                .unwrap()
                .clone();
            let operations = page_ops(&doc, page_id);
            let mut depth = 0i32;
            let mut mcids = BTreeSet::new();
            for op in &operations {
                match op.operator.as_str() {
                    "BDC" | "BMC" => {
                        depth += 1;
                        if let Some(Object::Dictionary(props)) = op.operands.get(1) {
                            if let Ok(mcid) = props.get(b"MCID") {
                                let mcid = mcid.as_i64().unwrap();
                                assert!(mcids.insert(mcid), "MCID {mcid} used twice on a page");
                                let owner = owned
                                    .get(&(page_id, mcid))
                                    .expect("every MCID has an owning element");
                                assert_eq!(
                                    reference(&array[mcid as usize]),
                                    *owner,
                                    "ParentTree disagrees with /K for MCID {mcid}"
                                );
                            }
                        }
                    }
                    "EMC" => depth -= 1,
                    _ => {}
                }
                assert!(depth >= 0, "EMC without BDC");
            }
            assert_eq!(depth, 0, "unclosed marked content");
            assert_eq!(mcids.len(), array.len(), "ParentTree array length");
            if let Ok(annots) = page.get(b"Annots") {
                assert_eq!(page.get(b"Tabs").unwrap().as_name().unwrap(), b"S");
                for a in annots.as_array().unwrap() {
                    let aid = reference(a);
                    let annot = doc.get_dictionary(aid).unwrap();
                    let sp = annot.get(b"StructParent").unwrap().as_i64().unwrap();
                    let elem = reference(parents[&sp]);
                    assert_eq!(
                        objr.get(&aid),
                        Some(&elem),
                        "annotation and Link element point at each other"
                    );
                    let s = doc
                        .get_dictionary(elem)
                        .unwrap()
                        .get(b"S")
                        .unwrap()
                        .as_name()
                        .unwrap();
                    assert_eq!(s, b"Link");
                    assert!(annot.get(b"Contents").is_ok());
                    assert_eq!(annot.get(b"F").unwrap().as_i64().unwrap(), 4);
                }
            }
        }
    }
}

/// `pdfinfo -struct-text` reads the tree in reading order: headings, list structure,
/// the quote and figure are there, and the words come in content-file order.
#[test]
fn structure_reads_in_content_order() {
    let built = leafpress::build(&repo().join("tests/cases/every-block.yaml"), &Default::default()).unwrap();
    let tree = struct_text(&save(&built.pdf));
    for tag in [
        "Document",
        "H1",
        "H2",
        "P",
        "L",
        "LI",
        "Lbl",
        "LBody",
        "BlockQuote",
        "Figure",
        "Link",
        "Div",
    ] {
        assert!(
            tree.lines().any(|l| l.trim_start().starts_with(tag)),
            "{tag} missing from:\n{tree}"
        );
    }
    let order = [
        "Every block type",
        "Headings and paragraphs",
        "link to the clinic",
        "A subheading",
        "Lists",
        "first step",
        "They helped me walk again",
        "Before you start",
        "A lossless PNG",
        "Does it hurt?",
        "Contact",
        "hello@physio.example",
    ];
    let mut at = 0;
    for phrase in order {
        let found = tree[at..]
            .find(phrase)
            .unwrap_or_else(|| panic!("{phrase:?} missing or out of order in:\n{tree}"));
        at += found + phrase.len();
    }
}

#[test]
fn figures_have_alt_text_and_decorative_images_are_artifacts() {
    let (_, doc) = lay_out_yaml(
        "title: T\nblocks:\n  - image: {src: images/gradient.png, alt: A gradient}\n  - image: {src: images/landscape.jpg, decorative: true}\n",
    )
    .unwrap();
    use leafpress::layout::structure::Kind;
    let figures: Vec<_> = doc
        .structure
        .nodes
        .iter()
        .filter(|n| n.kind == Kind::Figure)
        .collect();
    assert_eq!(figures.len(), 1);
    assert_eq!(figures[0].alt.as_deref(), Some("A gradient"));
    let images: Vec<_> = doc.pages[0]
        .items
        .iter()
        .filter(|p| matches!(p.item, leafpress::layout::Item::Image { .. }))
        .map(|p| p.role)
        .collect();
    assert!(matches!(images[0], leafpress::layout::Role::Content { .. }));
    assert_eq!(images[1], leafpress::layout::Role::Artifact);
}
