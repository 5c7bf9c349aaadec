//! Leaflets in the languages clinics translate into (tests/cases/languages/): each
//! builds with every glyph a real one, its text reads back in order through real
//! readers (pdftotext; pdfinfo's structure text where poppler can read it; the
//! content stream with its ActualText everywhere), every face is embedded and
//! subset, PDF/UA-1 passes, and right-to-left pages are mirrored.

mod common;

use common::layer::text_layer;
use common::{page_ops, pdf_ua_failures, pdffonts, pdftotext, repo, save, struct_text};
use leafpress::layout::structure::Kind;
use leafpress::layout::{Document, Item, Role};
use leafpress::text::locale;
use lopdf::ObjectId;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

const LANGUAGES: [&str; 13] = [
    "en", "pl", "ur", "ar", "bn", "pa", "gu", "ro", "tr", "ta", "el", "ru", "zh-Hans",
];

fn case(lang: &str) -> PathBuf {
    repo().join(format!("tests/cases/languages/{lang}.yaml"))
}

/// Builds a sample; Chinese needs a CJK font on the system (`scripts/test` installs
/// Debian's fonts-noto-cjk), which leafpress finds by itself.
fn build(lang: &str) -> Vec<u8> {
    if lang.starts_with("zh") {
        assert!(
            !leafpress::text::find::system_cjk().is_empty(),
            "the Chinese sample needs Noto Sans CJK: `apt install fonts-noto-cjk` (scripts/test does)"
        );
    }
    match leafpress::build(&case(lang), &Default::default()) {
        Ok(b) => b.pdf,
        Err(e) => panic!("{lang}: {}", e.render_plain()),
    }
}

/// The source's text, block by block, as the reader should get it: markup gone,
/// quotation marks paired and the language's (contact labels and the like are the
/// layout's).
fn source_texts(lang: &str) -> Vec<String> {
    let (_, resolved) = leafpress::load(&case(lang)).unwrap();
    let l = &resolved.leaflet;
    let marks = locale::quotes(&l.language);
    let mut out = vec![
        leafpress::text::plain_text(&l.title),
        l.subtitle
            .as_deref()
            .map(leafpress::text::plain_text)
            .unwrap_or_default(),
    ];
    for block in &l.blocks {
        for t in block.texts() {
            // Web addresses are printed without their scheme.
            let t = t.trim_start_matches("https://");
            let mut plain = [leafpress::text::plain_text(t)];
            locale::balance_quotes(&mut plain);
            let [plain] = plain;
            out.push(locale::localise_quotes(&plain, marks).unwrap_or(plain));
        }
    }
    out.retain(|t| !t.trim().is_empty());
    out
}

/// Text compared without whitespace (readers put it where glyphs leave gaps) and
/// without the bidi marks pdftotext adds around right-to-left lines.
fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

/// Every text of the source appears in `got`, in the source's order.
fn assert_in_order(lang: &str, what: &str, texts: &[String], got: &str) {
    let got = squeeze(got);
    let mut from = 0;
    for t in texts {
        let want = squeeze(t);
        match got[from..].find(&want) {
            Some(at) => from += at + want.len(),
            None => {
                // The longest start of it that is there, to show where it goes wrong.
                let chars: Vec<char> = want.chars().collect();
                let ok = (0..chars.len())
                    .rev()
                    .find(|&k| got[from..].contains(&chars[..k].iter().collect::<String>()))
                    .unwrap_or(0);
                panic!(
                    "{lang}, {what}: \"{t}\" is not in reading order; it reads right up to \"{}\" then not \"{}\"",
                    chars[..ok].iter().collect::<String>(),
                    chars[ok..(ok + 12).min(chars.len())].iter().collect::<String>()
                );
            }
        }
    }
}

/// Scripts whose glyphs poppler's structure text reads one by one, ignoring
/// ActualText (poppler's MarkedContentOutputDev): Indic syllables and Nastaliq,
/// whose text is only whole through ActualText, are left to the content check.
fn poppler_reads_structure(lang: &str) -> bool {
    !matches!(lang, "ur" | "bn" | "pa" | "gu" | "ta")
}

#[test]
fn every_sample_reads_back_in_order_with_no_missing_glyph() {
    for lang in LANGUAGES {
        let pdf = build(lang);
        let texts = source_texts(lang);
        assert!(texts.len() >= 12, "{lang}: {} texts", texts.len());

        let layer = text_layer(&pdf);
        assert!(!layer.glyphs.is_empty(), "{lang}: no text drawn");
        assert!(
            layer.glyphs.iter().all(|&g| g != 0),
            "{lang}: a .notdef glyph (an empty box) is drawn"
        );
        assert_in_order(lang, "content stream with ActualText", &texts, &layer.text);

        // pdftotext in content order (-raw): its layout mode regroups the glyphs of a
        // Nastaliq word, which climb and fall, into other lines.
        let extracted = pdftotext(&save(&pdf), &["-raw", "-enc", "UTF-8"]);
        assert_in_order(lang, "pdftotext -raw", &texts, &extracted);
        let have: BTreeSet<char> = squeeze(&extracted).chars().collect();
        for t in &texts {
            for c in squeeze(t).chars() {
                assert!(
                    have.contains(&c),
                    "{lang}: {c} (U+{:04X}) is not in the text layer",
                    c as u32
                );
            }
        }

        if poppler_reads_structure(lang) {
            let structure = struct_text(&save(&pdf));
            let strings: String = structure
                .lines()
                .filter_map(|l| l.trim().strip_prefix('"').and_then(|l| l.strip_suffix('"')))
                .collect();
            assert_in_order(lang, "pdfinfo -struct-text", &texts, &strings);
        }
    }
}

#[test]
fn every_face_is_embedded_and_subset_and_the_faces_follow_the_script() {
    let expect = [
        ("ur", "NotoNastaliqUrdu"),
        ("ar", "NotoNaskhArabic"),
        ("bn", "NotoSansBengali"),
        ("pa", "NotoSansGurmukhi"),
        ("gu", "NotoSansGujarati"),
        ("ta", "NotoSansTamil"),
        ("el", "NotoSans-"),
        ("ru", "NotoSans-"),
        ("zh-Hans", "NotoSansCJKsc"),
    ];
    for lang in LANGUAGES {
        let fonts = pdffonts(&save(&build(lang)));
        assert!(!fonts.is_empty(), "{lang}: no fonts");
        for row in &fonts {
            // emb sub uni
            assert!(row.embedded && row.subset && row.unicode, "{lang}: {}", row.line);
            assert_eq!(row.name.as_bytes()[6], b'+', "{lang}: subset tag in {}", row.line);
        }
        if let Some((_, face)) = expect.iter().find(|(l, _)| *l == lang) {
            assert!(
                fonts.iter().any(|r| r.name.contains(face)),
                "{lang} is set in {face}:\n{fonts:#?}"
            );
        }
    }
}

#[test]
fn pdf_ua_1_passes_with_the_languages_stated() {
    for lang in LANGUAGES {
        let pdf = build(lang);
        let failures: Vec<String> = pdf_ua_failures(&pdf).iter().map(|f| f.to_string()).collect();
        assert!(failures.is_empty(), "{lang}: {}", failures.join("\n"));
        let lo = lopdf::Document::load_mem(&pdf).unwrap();
        let catalog = lo.catalog().unwrap();
        let stated = lopdf::decode_text_string(catalog.get(b"Lang").unwrap()).unwrap();
        let (_, resolved) = leafpress::load(&case(lang)).unwrap();
        assert_eq!(
            stated,
            resolved.leaflet.language.as_str(),
            "{lang}: the catalog's /Lang"
        );
    }
}

fn struct_elems(lo: &lopdf::Document) -> Vec<(ObjectId, &lopdf::Dictionary)> {
    lo.objects
        .iter()
        .filter_map(|(id, o)| o.as_dict().ok().map(|d| (*id, d)))
        .filter(|(_, d)| d.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"StructElem"))
        .collect()
}

#[test]
fn blocks_and_spans_in_other_languages_carry_their_own_lang() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mixed.yaml");
    std::fs::write(
        &path,
        "title: Mixed\nlanguage: en-GB\nblocks:\n  \
         - paragraph: We say [dzień dobry]{lang=pl} here.\n  \
         - paragraph: \"Dzień dobry, \\\"Qi\\\".\"\n    lang: pl\n  \
         - lang: ur\n    paragraph: یہ ایک جملہ ہے۔\n",
    )
    .unwrap();
    let pdf = leafpress::build(&path, &Default::default()).unwrap().pdf;
    let lo = lopdf::Document::load_mem(&pdf).unwrap();
    // The Polish and Urdu blocks: /Lang on their P elements; Urdu also lays out right
    // to left in an English leaflet.
    let elems = struct_elems(&lo);
    let lang_of = |d: &lopdf::Dictionary| {
        d.get(b"Lang")
            .ok()
            .and_then(|l| lopdf::decode_text_string(l).ok())
    };
    let langs: Vec<String> = elems.iter().filter_map(|(_, d)| lang_of(d)).collect();
    assert_eq!(langs.iter().filter(|l| *l == "pl").count(), 1, "{langs:?}");
    assert_eq!(langs.iter().filter(|l| *l == "ur").count(), 1, "{langs:?}");
    let urdu = elems
        .iter()
        .find(|(_, d)| lang_of(d).as_deref() == Some("ur"))
        .unwrap()
        .1;
    let a = urdu.get(b"A").unwrap().as_dict().unwrap();
    assert_eq!(a.get(b"WritingMode").unwrap().as_name().unwrap(), b"RlTb");
    // The Polish span inside English text: /Lang on its marked content.
    let page = *lo.get_pages().values().next().unwrap();
    let operations = page_ops(&lo, page);
    let span_langs: Vec<&[u8]> = operations
        .iter()
        .filter(|op| op.operator == "BDC")
        .filter_map(|op| {
            op.operands
                .get(1)?
                .as_dict()
                .ok()?
                .get(b"Lang")
                .ok()?
                .as_str()
                .ok()
        })
        .collect();
    assert_eq!(span_langs, [b"pl".as_slice()]);
    // Polish quotation marks in the Polish block only.
    let text = pdftotext(&save(&pdf), &["-raw", "-enc", "UTF-8"]);
    assert!(text.contains("„Qi”"), "{text}");
}

/// An Urdu heading and paragraph in an English leaflet are set from the right margin, in Naskh
/// (the English leaflet's lines are not spaced for Nastaliq), as is an Urdu phrase.
#[test]
fn a_right_to_left_block_in_a_left_to_right_leaflet_keeps_to_the_right() {
    let doc = lay_out("mixed");
    let right = doc.body.x + doc.body.w;
    let urdu: Vec<(f32, f32)> = doc.pages[0]
        .items
        .iter()
        .filter_map(|p| match &p.item {
            Item::Text(r) if r.rtl && (r.text.contains("ڈاکٹر") || r.text.contains("آمدید")) => {
                Some((r.x, r.x + r.width))
            }
            _ => None,
        })
        .collect();
    assert!(!urdu.is_empty());
    let end = urdu.iter().map(|u| u.1).fold(f32::MIN, f32::max);
    assert!(
        (right - end).abs() < 1.0,
        "the Urdu line ends at {end}, the margin is at {right}"
    );
    let fonts = pdffonts(&save(&build("mixed")));
    let has = |face: &str| fonts.iter().any(|r| r.name.contains(face));
    assert!(has("NotoNaskhArabic") && !has("Nastaliq"), "{fonts:#?}");
}

fn lay_out(lang: &str) -> Document {
    common::lay_out_file(&case(lang)).1
}

/// Text runs of an element kind on a page, with their left and right edges.
fn runs_of(doc: &Document, page: usize, kind: Kind) -> Vec<(f32, f32, String)> {
    doc.pages[page]
        .items
        .iter()
        .filter_map(|p| match (&p.item, p.role) {
            (Item::Text(r), Role::Content { node, .. })
                if doc.structure.nodes[node].kind == kind && !r.text.trim().is_empty() =>
            {
                Some((r.x, r.x + r.width, r.text.clone()))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn right_to_left_pages_are_mirrored() {
    for lang in ["ur", "ar"] {
        let doc = lay_out(lang);
        let right = doc.body.x + doc.body.w;
        // Paragraph lines end at the right margin (ragged on the left).
        let mut lines: BTreeMap<i64, (f32, f32)> = BTreeMap::new();
        for item in &doc.pages[0].items {
            if let (Item::Text(r), Role::Content { node, .. }) = (&item.item, item.role) {
                if doc.structure.nodes[node].kind == Kind::P && !r.text.trim().is_empty() {
                    let e = lines
                        .entry((r.baseline * 10.0) as i64)
                        .or_insert((f32::MAX, f32::MIN));
                    e.0 = e.0.min(r.x);
                    e.1 = e.1.max(r.x + r.width);
                }
            }
        }
        assert!(lines.len() > 3, "{lang}: {} paragraph lines", lines.len());
        let mut flush = 0;
        for (x0, x1) in lines.values() {
            // A line whose first letter's ink reaches past its advance (a Nastaliq kāf)
            // moves in by that much, at most half an em (6 pt here).
            assert!(
                (-1.0..7.0).contains(&(right - x1)),
                "{lang}: a line ends at {x1}, the margin is at {right}"
            );
            flush += usize::from((right - x1).abs() < 1.0);
            // A line's last space (on its left) may hang into the margin, as a
            // left-to-right line's does on the right.
            assert!(*x0 >= doc.body.x - 4.0, "{lang}: a line starts at {x0}");
        }
        assert!(
            flush * 2 >= lines.len(),
            "{lang}: {flush} of {} lines end at the margin",
            lines.len()
        );
        // List labels (bullets, numbers) stand to the right of their items' text.
        let labels = runs_of(&doc, 0, Kind::Lbl);
        let bodies = runs_of(&doc, 0, Kind::LBody);
        assert!(
            !labels.is_empty() && !bodies.is_empty(),
            "{lang}: a list on page 1"
        );
        let label_left = labels.iter().map(|l| l.0).fold(f32::MAX, f32::min);
        let body_right = bodies.iter().map(|b| b.1).fold(f32::MIN, f32::max);
        assert!(
            label_left > body_right,
            "{lang}: labels at {label_left}, text up to {body_right}"
        );
        // The footer's page number is on the left, its text on the right.
        let footer: Vec<(f32, String)> = doc.pages[0]
            .items
            .iter()
            .filter_map(|p| match (&p.item, p.role) {
                (Item::Text(r), Role::Artifact) if r.baseline > doc.body.y + doc.body.h => {
                    Some((r.x, r.text.clone()))
                }
                _ => None,
            })
            .collect();
        let number = footer
            .iter()
            .find(|(_, t)| t.contains('/'))
            .expect("a page number");
        assert!(number.0 < doc.width / 2.0, "{lang}: page number at {}", number.0);
    }
}

#[test]
fn urdu_lists_count_in_urdu_digits_and_phone_numbers_keep_their_order() {
    let pdf = build("ur");
    let layer = text_layer(&pdf);
    assert!(
        layer.text.contains("۱.") && layer.text.contains("۳."),
        "{}",
        layer.text
    );
    // The footer's and the contact block's phone number, as written.
    assert!(layer.text.matches("01632 960 000").count() >= 2, "{}", layer.text);
    // On the page, the number is one left-to-right run: its groups in their order.
    let doc = lay_out("ur");
    let runs: Vec<&leafpress::layout::TextRun> = doc
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|p| match &p.item {
            Item::Text(r) if r.text.contains("01632") => Some(r),
            _ => None,
        })
        .collect();
    assert!(runs.len() >= 2, "footer and contact block");
    for r in runs {
        assert_eq!(r.text.trim(), "01632 960 000");
        assert!(!r.rtl && r.glyphs.windows(2).all(|w| w[0].cluster < w[1].cluster));
    }
}

#[test]
fn hyphenation_and_quotes_follow_the_language() {
    // Polish patterns break a Polish word Polish-wise; Romanian has none: its long
    // words break between letters, without a hyphen.
    let narrow = |lang: &str, word: &str| -> Vec<String> {
        let yaml = format!(
            "title: T\nlanguage: {lang}\npage: {{size: A6, margin: 30mm}}\nblocks:\n  - paragraph: {word}\n"
        );
        let (_, doc) = common::lay_out_yaml(&yaml).unwrap();
        runs_of(&doc, 0, Kind::P).into_iter().map(|r| r.2).collect()
    };
    let pl = narrow("pl", "Najprawdopodobniejszymi");
    assert!(pl.iter().any(|t| t.ends_with('-')), "{pl:?}");
    let ro = narrow("ro", "Electroencefalografistului");
    assert!(ro.len() > 1 && !ro.iter().any(|t| t.ends_with('-')), "{ro:?}");
}

/// A clinic's leafpress.yaml can name the CJK font (`brand: fonts: more:`); leafpress
/// then uses it rather than the system's: given the bold collection only, every
/// Chinese character is set from it.
#[test]
fn a_project_names_its_own_cjk_font() {
    let system = leafpress::text::find::system_cjk();
    let bold = system
        .iter()
        .find(|p| p.to_string_lossy().contains("Bold"))
        .expect("Noto Sans CJK Bold (scripts/test installs fonts-noto-cjk)");
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("fonts")).unwrap();
    std::fs::copy(bold, dir.path().join("fonts/cjk-bold.ttc")).unwrap();
    std::fs::write(
        dir.path().join("leafpress.yaml"),
        "brand:\n  fonts:\n    more: [fonts/cjk-bold.ttc]\n",
    )
    .unwrap();
    std::fs::copy(case("zh-Hans"), dir.path().join("zh.yaml")).unwrap();
    let built = leafpress::build(&dir.path().join("zh.yaml"), &Default::default())
        .unwrap_or_else(|e| panic!("{}", e.render_plain()));
    let fonts = pdffonts(&save(&built.pdf));
    let has = |face: &str| fonts.iter().any(|r| r.name.contains(face));
    assert!(has("NotoSansCJKsc-Bold"), "{fonts:#?}");
    assert!(
        !has("NotoSansCJKsc-Regular"),
        "the system's font was used:\n{fonts:#?}"
    );

    // A font it names that is not there: an error at the key.
    std::fs::write(
        dir.path().join("leafpress.yaml"),
        "brand:\n  fonts:\n    more: [fonts/missing.ttc]\n",
    )
    .unwrap();
    let err = leafpress::build(&dir.path().join("zh.yaml"), &Default::default())
        .err()
        .expect("an error")
        .render_plain();
    assert!(
        err.contains("leafpress.yaml:3:") && err.contains("fonts/missing.ttc"),
        "{err}"
    );
}

/// The Chinese sample's CJK subsets are CID-keyed CFF fonts whose charset maps glyph
/// n to CID n, as the PDF's Identity-H codes (the subset's glyph ids) need: allsorts
/// keeps the original CIDs, which leafpress renumbers.
#[test]
fn cjk_subsets_map_each_glyph_to_its_own_cid() {
    use read_fonts::ps::cff::dict::{entries, Entry};
    use read_fonts::{tables::cff::Cff, FontData, FontRead};
    let lo = lopdf::Document::load_mem(&build("zh-Hans")).unwrap();
    let mut checked = 0;
    for object in lo.objects.values() {
        let Ok(stream) = object.as_stream() else { continue };
        if stream.dict.get(b"Subtype").and_then(|s| s.as_name()).ok() != Some(b"CIDFontType0C") {
            continue;
        }
        let data = stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone());
        let cff = Cff::read(FontData::new(&data)).expect("a CFF font");
        let top = cff.top_dicts().get(0).unwrap();
        let (mut charset, mut cid_keyed) = (None, false);
        for entry in entries(top, None) {
            match entry.unwrap() {
                Entry::Charset(offset) => charset = Some(offset),
                Entry::Ros { .. } => cid_keyed = true,
                _ => {}
            }
        }
        assert!(cid_keyed);
        let at = charset.unwrap();
        assert_eq!(data[at], 0, "a format 0 charset");
        let cids: Vec<u16> = data[at + 1..]
            .chunks_exact(2)
            .take(20)
            .map(|p| u16::from_be_bytes([p[0], p[1]]))
            .collect();
        assert_eq!(cids, (1..=20).collect::<Vec<u16>>());
        checked += 1;
    }
    assert_eq!(checked, 2, "the regular and bold CJK subsets");
}
