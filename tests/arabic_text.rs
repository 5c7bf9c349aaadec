//! Arabic reads back as it was written (issue 22): every letter in its isolated,
//! initial, medial and final forms, with each haraka and with shadda and a vowel,
//! each form met first with a mark and later bare, comes out of pdftotext exactly as
//! the source has it (NFC, no compatibility folding): no presentation form for a
//! letter, and marks after their letter however many there are.

mod common;

use common::{assert_pdf_ua, pdftotext, save};
use unicode_normalization::UnicodeNormalization;

/// The 28 letters, the hamza forms, taa marbuta and alef maqsura.
const LETTERS: [char; 36] = [
    'ا', 'ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ', 'ف', 'ق',
    'ك', 'ل', 'م', 'ن', 'ه', 'و', 'ي', 'ء', 'أ', 'إ', 'آ', 'ؤ', 'ئ', 'ة', 'ى',
];

/// Fatha, damma, kasra, sukun, the three tanwin; then shadda with each vowel.
const MARKS: [&str; 10] = [
    "\u{64E}",
    "\u{64F}",
    "\u{650}",
    "\u{652}",
    "\u{64B}",
    "\u{64C}",
    "\u{64D}",
    "\u{651}\u{64E}",
    "\u{651}\u{64F}",
    "\u{651}\u{650}",
];

const TATWEEL: char = 'ـ';

/// One paragraph a letter: each form (isolated, initial, medial, final: the letter
/// alone, before a tatweel, between two, after one) with every mark, then (`bare`)
/// without one.
fn paragraphs(bare: bool) -> Vec<String> {
    let last: &[&str] = if bare { &[""] } else { &[] };
    LETTERS
        .iter()
        .map(|&l| {
            let mut words = Vec::new();
            for (before, after) in [("", ""), ("", "ـ"), ("ـ", "ـ"), ("ـ", "")] {
                for mark in MARKS.iter().chain(last) {
                    words.push(format!("{before}{l}{mark}{after}"));
                }
            }
            words.join(" ")
        })
        // The example, last.
        .chain(["امشِ".to_string()])
        .collect()
}

fn nfc_words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            // The bidi controls pdftotext puts around right-to-left lines are not text.
            w.chars()
                .filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
                .nfc()
                .collect::<String>()
        })
        // Page numbers and the like: only words with an Arabic letter or a tatweel.
        .filter(|w| w.chars().any(|c| ('\u{621}'..='\u{64A}').contains(&c) || c == TATWEEL))
        .collect()
}

/// Each form met first with a mark, then bare: a glyph's first use is not its own.
#[test]
fn every_arabic_letter_in_every_form_with_every_mark_reads_back_exactly() {
    reads_back(true);
}

/// Never bare: no glyph of a joining form is ever drawn alone, so none has its
/// letter from a cluster of its own (the final sheen of the امشِ).
#[test]
fn arabic_letters_never_drawn_bare_read_back_as_their_base_letters() {
    reads_back(false);
}

fn build(yaml: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("letters.yaml");
    std::fs::write(&path, yaml).unwrap();
    match leafpress::build(&path, &Default::default()) {
        Ok(b) => b.pdf,
        Err(e) => panic!("{}", e.render_plain()),
    }
}

/// A presentation form the source has is its glyph's text; where that glyph draws
/// the base letter with a mark, the letter alone is given as ActualText, its mark
/// after it.
#[test]
fn a_glyph_named_by_a_presentation_form_in_the_source_reads_back_as_each_use() {
    let words = ["\u{FEB6}", "ـشِ", "ـشّ\u{64E}"];
    let pdf = build(&format!(
        "title: الحروف\nlanguage: ar\nblocks:\n  - paragraph: \"{}\"\n",
        words.join(" ")
    ));
    let raw = pdftotext(&save(&pdf), &["-raw", "-enc", "UTF-8"]);
    let got: String = raw
        .chars()
        .filter(|c| ('\u{621}'..='\u{65F}').contains(c) || ('\u{FE70}'..='\u{FEFE}').contains(c))
        .nfc()
        .collect();
    let want: String = ["الحروف", &words.concat()].concat().nfc().collect();
    assert_eq!(got, want);
    assert_pdf_ua(&pdf, "a presentation form in the source");
}

/// Builds a leaflet of [`paragraphs`] and compares what pdftotext reads with them.
fn reads_back(bare: bool) {
    let mut yaml = String::from("title: الحروف\nlanguage: ar\nblocks:\n");
    for p in paragraphs(bare) {
        yaml.push_str(&format!("  - paragraph: \"{p}\"\n"));
    }
    let pdf = build(&yaml);
    let saved = save(&pdf);

    // pdftotext in content order (-raw), which is reading order: its layout mode sorts
    // a right-to-left line's glyphs by position and reverses them, putting every mark
    // before its letter whatever the file says. -raw breaks lines between the glyphs of
    // a right-to-left word, so the words are found again by their lengths.
    let mut want = vec!["الحروف".to_string()];
    want.extend(paragraphs(bare).iter().flat_map(|p| nfc_words(p)));
    let raw = pdftotext(&saved, &["-raw", "-enc", "UTF-8"]);
    // Letters, marks and tatweels only: no whitespace, no bidi controls, no page number.
    let got: Vec<char> = raw
        .chars()
        .filter(|c| ('\u{621}'..='\u{65F}').contains(c) || *c == '\u{670}')
        .nfc()
        .collect();
    let show = |w: &str| {
        w.chars()
            .map(|c| format!("{:04X}", c as u32))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut at = 0;
    let mut wrong = Vec::new();
    for w in &want {
        let n = w.chars().count();
        let g: String = got[at.min(got.len())..(at + n).min(got.len())].iter().collect();
        if *w != g {
            wrong.push(format!("{w} [{}] read back as {g} [{}]", show(w), show(&g)));
        }
        at += n;
    }
    assert!(
        wrong.is_empty() && at == got.len(),
        "{} of {} words differ ({} characters read back, {at} written):\n{}",
        wrong.len(),
        want.len(),
        got.len(),
        wrong.join("\n")
    );
    // No ToUnicode entry gives a presentation form, a compatibility character or a
    // private-use code point: nothing of the kind is in the source.
    let odd: Vec<char> = raw
        .chars()
        .filter(|&c| {
            matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}' | '\u{E000}'..='\u{F8FF}')
                || c.to_string().nfkc().collect::<String>() != c.to_string().nfc().collect::<String>()
        })
        .collect();
    assert!(
        odd.is_empty(),
        "compatibility characters in the text layer: {odd:?}"
    );
    // Nor does the font's ToUnicode give one to a glyph the text layer does not show.
    let lo = lopdf::Document::load_mem(&pdf).unwrap();
    for (_, object) in lo.objects.iter() {
        let Ok(stream) = object.as_stream() else {
            continue;
        };
        let data = stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone());
        let text = String::from_utf8_lossy(&data);
        if !text.contains("beginbfchar") {
            continue;
        }
        for line in text.lines().filter(|l| l.starts_with('<')) {
            let Some(target) = line.split_whitespace().nth(1) else {
                continue;
            };
            let hex = target.trim_matches(['<', '>']);
            let units: Vec<u16> = (0..hex.len() / 4)
                .map(|i| u16::from_str_radix(&hex[4 * i..4 * i + 4], 16).unwrap())
                .collect();
            let t = String::from_utf16_lossy(&units);
            assert!(
                !t.chars().any(|c| matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}' | '\u{E000}'..='\u{F8FF}'))
                    && t.nfkc().eq(t.nfc()),
                "a ToUnicode entry maps to {t:?} [{}]: {line}",
                show(&t)
            );
        }
    }
    assert_pdf_ua(&pdf, "every Arabic letter with every mark");
}
