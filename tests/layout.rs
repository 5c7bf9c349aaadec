//! Layout invariants, checked on plain layout data (no PDF): on the sample leaflet,
//! and on small pages that force every break rule into play.

mod common;

use common::*;
use leafpress::layout::page::Edges;
use leafpress::layout::{Document, Item, Owner, Role};
use leafpress::model::Block;
use std::collections::{BTreeMap, BTreeSet};

const EPS: f32 = 0.01;

/// Pages on which each block has content.
/// A block's index; what layout adds (title, back page) sorts after every block.
fn owner_index(owner: Owner) -> usize {
    match owner {
        Owner::Block(b) => b,
        Owner::Title => usize::MAX,
        Owner::About => usize::MAX - 1,
    }
}

fn pages_of(doc: &Document) -> BTreeMap<usize, BTreeSet<usize>> {
    let mut out: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for (n, page) in doc.pages.iter().enumerate() {
        for p in &page.items {
            if let Role::Content { owner, .. } = p.role {
                out.entry(owner_index(owner)).or_default().insert(n);
            }
        }
    }
    out
}

/// Every text run and box stays inside the page's text area; only artifacts in the
/// bottom margin (the footer) sit below it.
fn assert_inside_margins(doc: &Document) {
    let b = doc.body;
    for (n, page) in doc.pages.iter().enumerate() {
        for p in &page.items {
            match &p.item {
                Item::Text(run) => {
                    let visible = run.text.trim_end();
                    if visible.is_empty() {
                        continue;
                    }
                    let trailing = run.text.len() - visible.len();
                    let width = if trailing > 0 {
                        run.width * 0.0 + visible_width(run)
                    } else {
                        run.width
                    };
                    assert!(
                        run.x >= b.x - EPS,
                        "page {}: {:?} starts left of the margin",
                        n + 1,
                        run.text
                    );
                    assert!(
                        run.x + width <= b.right() + EPS,
                        "page {}: {:?} crosses the right margin",
                        n + 1,
                        run.text
                    );
                    if p.role != Role::Artifact {
                        assert!(
                            run.baseline > b.y && run.baseline <= b.bottom() + EPS,
                            "page {}: {:?} is outside the text area vertically",
                            n + 1,
                            run.text
                        );
                    }
                }
                Item::Fill { rect, .. } | Item::Stroke { rect, .. } | Item::Image { rect, .. } => {
                    assert!(
                        rect.x >= b.x - EPS && rect.right() <= b.right() + EPS,
                        "page {}: box crosses a side margin",
                        n + 1
                    );
                    assert!(
                        rect.y >= b.y - EPS && rect.bottom() <= b.bottom() + EPS,
                        "page {}: box crosses the top or bottom margin: {rect:?}",
                        n + 1
                    );
                }
                _ => {}
            }
        }
    }
}

fn visible_width(run: &leafpress::layout::TextRun) -> f32 {
    let visible = run.text.trim_end().len();
    run.glyphs
        .iter()
        .filter(|g| (g.cluster as usize) < visible)
        .map(|g| g.advance)
        .sum::<f32>()
        * run.size
}

/// The block whose content comes last on each page but the last.
fn last_blocks(doc: &Document) -> Vec<usize> {
    doc.pages[..doc.pages.len() - 1]
        .iter()
        .filter_map(|page| {
            page.items
                .iter()
                .filter_map(|p| match (&p.item, p.role) {
                    (Item::Text(run), Role::Content { owner, .. }) => {
                        Some((run.baseline, owner_index(owner)))
                    }
                    _ => None,
                })
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, b)| b)
        })
        .collect()
}

fn is_heading(b: &Block) -> bool {
    matches!(b, Block::Heading(_) | Block::Subheading(_))
}

/// Lines (baselines) of each paragraph block, per page.
fn paragraph_lines_per_page(doc: &Document, blocks: &[Block]) -> Vec<(usize, Vec<usize>)> {
    let mut out = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        if !matches!(b, Block::Paragraph(_)) {
            continue;
        }
        let counts = doc
            .pages
            .iter()
            .map(|page| {
                page.items
                    .iter()
                    .filter_map(|p| match (&p.item, p.role) {
                        (Item::Text(run), Role::Content { owner, .. }) if owner == Owner::Block(i) => {
                            Some(run.baseline.to_bits())
                        }
                        _ => None,
                    })
                    .collect::<BTreeSet<_>>()
                    .len()
            })
            .filter(|&c| c > 0)
            .collect();
        out.push((i, counts));
    }
    out
}

fn assert_break_rules(doc: &Document, blocks: &[Block]) {
    for (n, b) in last_blocks(doc).into_iter().enumerate() {
        if let Some(block) = blocks.get(b) {
            assert!(
                !is_heading(block),
                "page {} ends with a heading: {block:?}",
                n + 1
            );
        }
    }
    for (i, counts) in paragraph_lines_per_page(doc, blocks) {
        if counts.len() > 1 {
            assert!(
                counts.iter().all(|&c| c >= 2),
                "paragraph {} leaves a line alone: {counts:?}",
                i + 1
            );
        }
    }
}

#[test]
fn sample_respects_margins_and_break_rules() {
    let (resolved, doc) = lay_out_file(&sample());
    assert!(doc.pages.len() >= 4);
    assert_inside_margins(&doc);
    assert_break_rules(&doc, &resolved.leaflet.blocks);
    // Boxes are kept whole.
    for (block, pages) in pages_of(&doc) {
        if let Some(b @ (Block::Quote(_) | Block::Callout(_) | Block::Contact(_))) =
            resolved.leaflet.blocks.get(block)
        {
            assert_eq!(
                pages.len(),
                1,
                "{} (block {}) is split across pages {pages:?}",
                b.type_name(),
                block + 1
            );
        }
    }
}

#[test]
fn sample_text_comes_back_whole_and_in_order() {
    let (resolved, doc) = lay_out_file(&sample());
    let laid: String = doc
        .pages
        .iter()
        .map(|page| runs_text(page.items.iter().filter(|p| p.role != Role::Artifact)) + "\n")
        .collect();
    let laid = words(&laid.replace('\n', " "));
    assert_words_in_order(&expected_words(&resolved.leaflet), &laid);
}

#[test]
fn outline_lists_headings_in_order_with_levels() {
    let (_, doc) = lay_out_yaml(
        "title: T\nblocks:\n  - heading: One\n  - paragraph: a\n  - subheading: One A\n  - paragraph: b\n  - heading: Two\n  - paragraph: c\n",
    )
    .unwrap();
    let got: Vec<(u8, &str)> = doc.outline.iter().map(|e| (e.level, e.title.as_str())).collect();
    assert_eq!(got, vec![(1, "One"), (2, "One A"), (1, "Two")]);
}

/// A6 with wide margins: about seven body lines a page, so every rule is exercised.
const SMALL: &str =
    "title: Small\npage: {size: A6, margin: {top: 20mm, bottom: 50mm, inner: 12mm, outer: 12mm}}\nblocks:\n";

fn lorem(words: usize) -> String {
    let base = "patients often begin with weekly sessions with the frequency gradually decreasing as symptoms improve";
    base.split(' ').cycle().take(words).collect::<Vec<_>>().join(" ")
}

#[test]
fn small_pages_never_strand_headings_or_single_lines() {
    let mut yaml = SMALL.to_string();
    for n in 0..12 {
        yaml += &format!("  - heading: Section {n}\n  - paragraph: {}\n", lorem(8 + n * 9));
        if n % 3 == 0 {
            yaml += &format!("  - bullets: [\"{}\", \"{}\"]\n", lorem(20), lorem(5));
        }
    }
    let (resolved, doc) = lay_out_yaml(&yaml).unwrap();
    assert!(
        doc.pages.len() > 8,
        "the test needs many page breaks, got {}",
        doc.pages.len()
    );
    assert_inside_margins(&doc);
    assert_break_rules(&doc, &resolved.leaflet.blocks);
}

#[test]
fn a_quote_taller_than_a_page_is_split_with_open_edges() {
    let yaml = format!(
        "{SMALL}  - paragraph: before\n  - quote: {{text: \"{}\", by: Someone}}\n",
        lorem(200)
    );
    let (_, doc) = lay_out_yaml(&yaml).unwrap();
    assert_inside_margins(&doc);
    let fills: Vec<(usize, Edges)> = doc
        .pages
        .iter()
        .enumerate()
        .flat_map(|(n, p)| {
            p.items.iter().filter_map(move |i| match i.item {
                Item::Fill { edges, radius, .. } if radius > 0.0 => Some((n, edges)),
                _ => None,
            })
        })
        .collect();
    assert!(fills.len() >= 3, "{fills:?}");
    assert!(!fills[0].1.open_top && fills[0].1.open_bottom);
    assert!(fills[1].1.open_top && fills[1].1.open_bottom);
    let last = fills.last().unwrap().1;
    assert!(last.open_top && !last.open_bottom);
    let all: String = (0..doc.pages.len()).map(|n| page_text(&doc, n)).collect();
    assert_eq!(
        words(&all).iter().filter(|w| *w == "weekly").count(),
        lorem(200).matches("weekly").count()
    );
    assert!(all.contains("— Someone"));
}

#[test]
fn a_box_that_fits_moves_whole_to_the_next_page() {
    let yaml = format!(
        "{SMALL}  - paragraph: {}\n  - callout: {{title: Note, text: \"{}\"}}\n",
        lorem(45),
        lorem(20)
    );
    let (_, doc) = lay_out_yaml(&yaml).unwrap();
    let pages = pages_of(&doc);
    assert_eq!(pages[&1].len(), 1, "callout split: {:?}", pages[&1]);
    assert!(pages[&1].iter().next().unwrap() > pages[&0].iter().next().unwrap());
}

#[test]
fn forced_page_break() {
    let (_, doc) =
        lay_out_yaml("title: T\nblocks:\n  - paragraph: one\n  - page_break\n  - paragraph: two\n").unwrap();
    assert_eq!(doc.pages.len(), 2);
    assert!(page_text(&doc, 1).contains("two"));
}

#[test]
fn every_page_has_a_footer_and_page_number() {
    let yaml =
        SMALL.replace("blocks:", "footer: Clinic\nblocks:") + &format!("  - paragraph: {}\n", lorem(300));
    let (_, doc) = lay_out_yaml(&yaml).unwrap();
    let total = doc.pages.len();
    for n in 0..total {
        let artifacts: String = doc.pages[n]
            .items
            .iter()
            .filter(|p| p.role == Role::Artifact)
            .filter_map(|p| match &p.item {
                Item::Text(run) => Some(run.text.as_str()),
                _ => None,
            })
            .collect();
        assert!(artifacts.contains("Clinic"), "{artifacts}");
        assert!(artifacts.contains(&format!("{} / {total}", n + 1)), "{artifacts}");
    }
}

/// Text lines of block `block`, top to bottom.
fn block_lines(doc: &Document, block: usize) -> Vec<String> {
    let mut lines: Vec<(f32, String)> = Vec::new();
    for p in &doc.pages[0].items {
        if let (Item::Text(run), Role::Content { owner, .. }) = (&p.item, p.role) {
            if owner != Owner::Block(block) {
                continue;
            }
            match lines.last_mut() {
                Some((y, text)) if *y == run.baseline => text.push_str(&run.text),
                _ => lines.push((run.baseline, run.text.clone())),
            }
        }
    }
    lines.into_iter().map(|(_, t)| t.trim().to_string()).collect()
}

#[test]
fn two_line_headings_are_balanced() {
    let (_, doc) =
        lay_out_yaml("title: T\nblocks:\n  - heading: Benefits of Acupuncture for Hip and Knee Pain\n")
            .unwrap();
    let lines = block_lines(&doc, 0);
    assert_eq!(lines.len(), 2, "{lines:?}");
    let (a, b) = (lines[0].len() as f32, lines[1].len() as f32);
    assert!(b / a > 0.6 && a / b > 0.6, "unbalanced: {lines:?}");
}

#[test]
fn paragraphs_do_not_end_with_a_lone_short_word() {
    // Greedy filling leaves "pain." alone on the last line of this paragraph.
    let text = "Acupuncture is an ancient Chinese healing practice that involves the insertion of thin, sterile needles into specific points of the body, known as acupoints. These acupoints are located along energy pathways called meridians, which are believed to regulate the flow of Qi (pronounced \"chi\") or vital energy. When Qi is blocked or imbalanced, pain and discomfort can occur. Acupuncture aims to restore the flow of Qi, encouraging the body’s natural healing process and reducing pain.";
    let (_, doc) = lay_out_yaml(&format!("title: T\nblocks:\n  - paragraph: '{text}'\n")).unwrap();
    let lines = block_lines(&doc, 0);
    let last = lines.last().unwrap();
    assert!(last.contains(' '), "last line is a runt: {lines:?}");
}

#[test]
fn a_long_footer_wraps_inside_the_bottom_margin() {
    let yaml = "title: T\npage: {size: A6}\nfooter: \"Example Acupuncture Clinic · 12 Example Road · 01632 960 000\"\nblocks:\n  - paragraph: Text.\n";
    let (_, doc) = lay_out_yaml(yaml).unwrap();
    let five_mm = 5.0 * leafpress::base::units::PT_PER_MM;
    let footer: Vec<&leafpress::layout::TextRun> = doc.pages[0]
        .items
        .iter()
        .filter(|p| p.role == Role::Artifact)
        .filter_map(|p| match &p.item {
            Item::Text(run) => Some(run),
            _ => None,
        })
        .collect();
    let baselines: BTreeSet<u32> = footer.iter().map(|r| r.baseline.to_bits()).collect();
    assert!(baselines.len() >= 2, "the footer wraps on A6");
    for run in footer {
        assert!(
            run.baseline > doc.body.bottom(),
            "{:?} is in the text area",
            run.text
        );
        // Descenders reach about a quarter of the size below the baseline.
        let bottom = run.baseline + 0.25 * run.size;
        assert!(
            bottom <= doc.height - five_mm + 0.01,
            "{:?} is within 5 mm of the edge",
            run.text
        );
        assert!(run.x + run.width <= doc.body.right() + 0.01);
    }
}

#[test]
fn words_longer_than_a_line_and_45_bytes_are_broken_without_loss() {
    // hypher panicked on words over 45 bytes ("maximum word length is 45 bytes when
    // `alloc` is disabled"): a 50-letter word, or 25 Cyrillic letters, crashed a build.
    let (resolved, doc) = lay_out_file(&repo().join("tests/cases/long-words.yaml"));
    assert_inside_margins(&doc);
    let letters = |s: &str| -> String { s.chars().filter(|c| c.is_alphabetic()).collect() };
    let laid: String = doc
        .pages
        .iter()
        .map(|page| runs_text(page.items.iter().filter(|p| p.role != Role::Artifact)))
        .collect();
    let expected: String = resolved
        .leaflet
        .blocks
        .iter()
        .flat_map(|b| b.texts())
        .map(leafpress::text::plain_text)
        .collect();
    assert_eq!(
        letters(&laid),
        letters(&format!("{}{expected}", resolved.leaflet.title))
    );
}

/// The pages on which a text run containing `needle` is drawn.
fn pages_with(doc: &Document, needle: &str) -> Vec<usize> {
    (0..doc.pages.len())
        .filter(|&n| {
            doc.pages[n].items.iter().any(|p| match &p.item {
                Item::Text(run) => p.role != Role::Artifact && run.text.contains(needle),
                _ => false,
            })
        })
        .collect()
}

/// A list's label ("**Sources**" on the back page, a bold line or a lead-in ending
/// with a colon before a list) never ends a page with the list's first item overleaf,
/// however much text comes before it.
#[test]
fn a_list_label_stays_with_the_first_item() {
    let mut stranded = Vec::new();
    for words in (4..90).step_by(3) {
        let sources = format!(
            "{}sources: [\"Zebra guidance on knee pain\", \"Yak handbook\"]\nblocks:\n",
            SMALL.trim_end_matches("blocks:\n")
        );
        let cases = [
            (
                format!("{sources}  - paragraph: {}\n", lorem(words)),
                "Sources",
                "Zebra",
            ),
            (
                format!(
                    "{SMALL}  - paragraph: {}\n  - paragraph: \"**Before you come**\"\n  - bullets: [Zebra item, Yak item]\n",
                    lorem(words)
                ),
                "Before you come",
                "Zebra",
            ),
            (
                format!(
                    "{SMALL}  - paragraph: {}\n  - paragraph: \"After the session you may feel:\"\n  - checklist: [Zebra tired, Yak thirsty]\n",
                    lorem(words)
                ),
                "feel:",
                "Zebra",
            ),
        ];
        for (yaml, label, first) in cases {
            let (_, doc) = lay_out_yaml(&yaml).unwrap();
            let (l, f) = (pages_with(&doc, label), pages_with(&doc, first));
            assert!(!l.is_empty() && !f.is_empty(), "{label}: {l:?}, {first}: {f:?}");
            if l.last() != f.first() {
                stranded.push(format!("{label} with {words} words before: {l:?} vs {f:?}"));
            }
        }
    }
    assert!(stranded.is_empty(), "labels stranded:\n{}", stranded.join("\n"));
}

/// Every text run lives until the PDF is written (a long leaflet has tens of
/// thousands): each holds its glyphs and text with no spare room, also on a line
/// split into several runs by a link, and a glyph stays 20 bytes.
#[test]
fn text_runs_hold_no_spare_room() {
    let yaml = "title: Spare room\nblocks:\n  - paragraph: >-\n      Several words come before [a link to our clinic](https://example.org)\n      and many more words come after it, enough to wrap onto further lines.\n";
    let (_, doc) = lay_out_yaml(yaml).unwrap();
    let runs: Vec<_> = doc
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|p| match &p.item {
            Item::Text(run) => Some(run),
            _ => None,
        })
        .collect();
    let linked = runs
        .iter()
        .position(|r| r.text.contains("link to"))
        .expect("the link's run");
    assert!(
        linked > 0 && runs[linked - 1].text.contains("words come before"),
        "the link's line is split into runs: {:?}",
        runs.iter().map(|r| &r.text).collect::<Vec<_>>()
    );
    for run in &runs {
        assert_eq!(
            run.glyphs.capacity(),
            run.glyphs.len(),
            "glyphs of {:?}",
            run.text
        );
        assert_eq!(run.text.capacity(), run.text.len(), "text of {:?}", run.text);
    }
    assert_eq!(std::mem::size_of::<leafpress::text::Glyph>(), 20);
}
