//! Issue 22: every glyph's width in the PDF (`/W`, `/DW`) is the advance its embedded
//! font program gives. A Chinese leaflet with the 3,500 most common characters
//! (tests/data/common-hanzi-3500.txt), CJK punctuation, full-width forms, Latin
//! letters and digits and Japanese kana passes PDF/UA-1 with no exception, and each
//! CID font's widths are compared with its program's directly: CFF charstrings'
//! widths (CIDFontType0C) and hmtx (TrueType).

mod common;

use common::{assert_pdf_ua, repo};
use lopdf::{Dictionary, Document, Object};
use read_fonts::types::GlyphId;
use std::collections::BTreeMap;

/// The leaflet: each kind of text in a paragraph of its own.
fn leaflet() -> String {
    let hanzi = std::fs::read_to_string(repo().join("tests/data/common-hanzi-3500.txt")).unwrap();
    let hanzi: String = hanzi.chars().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(hanzi.chars().count(), 3500, "tests/data/common-hanzi-3500.txt");
    let range = |a: char, b: char| (a..=b).collect::<String>();
    let mut paragraphs: Vec<String> = hanzi
        .chars()
        .collect::<Vec<_>>()
        .chunks(250)
        .map(|c| c.iter().collect::<String>() + "。")
        .collect();
    // CJK punctuation.
    paragraphs.push("、。，！？；：「」『』（）《》〈〉【】〔〕…—～·“”‘’".into());
    // Full-width forms: ！ to ～ (Ａ–Ｚ, ０–９ among them), with ideographic spaces.
    paragraphs.push(
        range('！', '～')
            .chars()
            .collect::<Vec<_>>()
            .chunks(16)
            .map(|c| c.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join("\u{3000}"),
    );
    // Latin letters and digits, and ASCII punctuation that is not markup.
    paragraphs.push(format!(
        "{} {} {} 0123456789, 3.14; 42: (1-2)? Yes! \"Qi\" 'ok' 50% 5/10",
        range('A', 'Z'),
        range('a', 'z'),
        "The quick brown fox jumps over the lazy dog"
    ));
    // Japanese kana.
    paragraphs.push(range('ぁ', 'ゖ'));
    paragraphs.push(range('ァ', 'ヺ') + "ー");
    // Half-width forms: glyphs of Noto Sans CJK that are not 1000 units wide.
    paragraphs.push(range('｡', 'ﾟ'));
    let mut yaml = String::from("title: 常用汉字、标点与假名\nlanguage: zh-Hans\nblocks:\n");
    for p in paragraphs {
        yaml.push_str(&format!("  - paragraph: {}\n", serde_json_string(&p)));
    }
    yaml
}

/// A YAML double-quoted scalar (JSON's string syntax is YAML's).
fn serde_json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn build() -> Vec<u8> {
    assert!(
        !leafpress::text::find::system_cjk().is_empty(),
        "needs Noto Sans CJK: `apt install fonts-noto-cjk` (scripts/test does)"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cjk.yaml");
    std::fs::write(&path, leaflet()).unwrap();
    match leafpress::build(&path, &Default::default()) {
        Ok(b) => b.pdf,
        Err(e) => panic!("{}", e.render_plain()),
    }
}

/// A CID font's widths: /W's entries by CID, and /DW.
fn widths(lo: &Document, cid_font: &Dictionary) -> (BTreeMap<u32, f64>, f64) {
    let num = |o: &Object| match lo.dereference(o).unwrap().1 {
        Object::Integer(i) => *i as f64,
        Object::Real(r) => *r as f64,
        o => panic!("a width that is no number: {o:?}"),
    };
    let dw = cid_font.get(b"DW").map_or(1000.0, num);
    let mut w = BTreeMap::new();
    if let Ok(o) = cid_font.get(b"W") {
        let items = lo.dereference(o).unwrap().1.as_array().unwrap();
        let mut i = 0;
        while i < items.len() {
            let first = num(&items[i]) as u32;
            match lo.dereference(&items[i + 1]).unwrap().1 {
                Object::Array(list) => {
                    for (k, v) in list.iter().enumerate() {
                        w.insert(first + k as u32, num(v));
                    }
                    i += 2;
                }
                _ => {
                    let last = num(&items[i + 1]) as u32;
                    for cid in first..=last {
                        w.insert(cid, num(&items[i + 2]));
                    }
                    i += 3;
                }
            }
        }
    }
    (w, dw)
}

/// (CID, advance in 1/1000 em) of every glyph of an embedded font program but .notdef.
fn program_advances(lo: &Document, cid_font: &Dictionary) -> Vec<(u32, f64)> {
    let descriptor = lo
        .dereference(cid_font.get(b"FontDescriptor").unwrap())
        .unwrap()
        .1
        .as_dict()
        .unwrap();
    let stream = |key: &[u8]| {
        let o = descriptor.get(key).ok()?;
        let s = lo.dereference(o).unwrap().1.as_stream().unwrap();
        Some(s.decompressed_content().unwrap_or_else(|_| s.content.clone()))
    };
    if let Some(cff) = stream(b"FontFile3") {
        use read_fonts::ps::cff::CffFontRef;
        let font = CffFontRef::new(&cff, 0, None).unwrap();
        let charset = font.charset().expect("a CID-keyed font has a charset");
        (1..font.num_glyphs())
            .map(|g| {
                let gid = GlyphId::new(g);
                let sub = font.subfont(font.subfont_index(gid).unwrap(), &[]).unwrap();
                let width = font.evaluate_width(&sub, gid, &[]).unwrap().unwrap();
                let cid = charset.string_id(gid).unwrap().to_u16() as u32;
                (cid, width.to_f64())
            })
            .collect()
    } else if let Some(ttf) = stream(b"FontFile2") {
        use read_fonts::{FontRef, TableProvider};
        let font = FontRef::new(&ttf).unwrap();
        let upem = font.head().unwrap().units_per_em() as f64;
        let hmtx = font.hmtx().unwrap();
        let n = font.maxp().unwrap().num_glyphs() as u32;
        // Identity CIDToGIDMap: the CID is the glyph id.
        assert!(
            cid_font
                .get(b"CIDToGIDMap")
                .map_or(true, |m| matches!(m, Object::Name(n) if n == b"Identity")),
            "a CIDToGIDMap stream"
        );
        (1..n)
            .map(|g| {
                let adv = hmtx.advance(GlyphId::new(g)).unwrap() as f64;
                (g, adv * 1000.0 / upem)
            })
            .collect()
    } else {
        panic!("a font with no FontFile2 or FontFile3")
    }
}

#[test]
fn every_width_is_the_embedded_programs_and_pdf_ua_1_passes() {
    let pdf = build();
    let lo = Document::load_mem(&pdf).unwrap();
    let mut wrong = Vec::new();
    let mut checked = 0;
    let mut cff_fonts = 0;
    // printpdf writes each CID font inline, in its Type0 font's /DescendantFonts.
    let type0 = lo
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| matches!(d.get(b"Subtype"), Ok(Object::Name(n)) if n == b"Type0"));
    for font in type0 {
        let descendants = lo.dereference(font.get(b"DescendantFonts").unwrap()).unwrap().1;
        let d = lo
            .dereference(&descendants.as_array().unwrap()[0])
            .unwrap()
            .1
            .as_dict()
            .unwrap();
        let name = String::from_utf8_lossy(d.get(b"BaseFont").unwrap().as_name().unwrap()).into_owned();
        cff_fonts += usize::from(name.contains("CJK"));
        let (w, dw) = widths(&lo, d);
        for (cid, advance) in program_advances(&lo, d) {
            checked += 1;
            let stated = w.get(&cid).copied().unwrap_or(dw);
            if (stated - advance).abs() > 0.5 {
                wrong.push(format!("{name} CID {cid}: /W or /DW {stated}, program {advance}"));
            }
        }
    }
    assert!(cff_fonts >= 1, "Noto Sans CJK is embedded");
    assert!(checked > 3500, "{checked} glyphs checked");
    assert!(
        wrong.is_empty(),
        "{} of {checked} glyphs' widths are not the font program's:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    assert_pdf_ua(&pdf, "the common characters leaflet");
}
