//! Sentences, words and the readability formulas, counted the way textstat counts
//! them (so the figures match the tool people already trust), on sentences only.

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "dr", "mr", "mrs", "ms", "prof", "st", "e.g", "i.e", "eg", "ie", "approx", "vs", "no", "cf", "fig", "mt",
    "jr", "sr", "etc", "tel", "ext",
];

#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    /// In the text the sentence came from.
    pub range: Range<usize>,
    pub syllables: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub range: Range<usize>,
    pub words: Vec<Word>,
}

/// The sentences of `text`, with ranges offset by `offset`. A full stop after "Dr" or
/// "e.g." does not end one; a line break does.
pub fn sentences(text: &str, offset: usize) -> Vec<Sentence> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (at, piece) in text.split_sentence_bound_indices() {
        let r = at..at + piece.len();
        let joins = out.last().is_some_and(|prev| {
            let before = text[prev.clone()].trim_end();
            let last_word = before
                .rsplit(|c: char| c.is_whitespace() || c == '(')
                .next()
                .unwrap_or("")
                .trim_end_matches('.')
                .to_lowercase();
            before.ends_with('.') && ABBREVIATIONS.contains(&last_word.as_str())
                || !piece.chars().any(char::is_alphanumeric)
        });
        match out.last_mut() {
            Some(prev) if joins => prev.end = r.end,
            _ => out.push(r),
        }
    }
    out.into_iter()
        .flat_map(|r| {
            // A hard line break ends a sentence too (list-like text in one field).
            let mut parts = Vec::new();
            let mut start = r.start;
            for (i, _) in text[r.clone()].match_indices('\n') {
                parts.push(start..r.start + i);
                start = r.start + i + 1;
            }
            parts.push(start..r.end);
            parts
        })
        .filter_map(|r| {
            let trimmed = trim(text, r);
            let words = words(&text[trimmed.clone()], trimmed.start + offset);
            (!words.is_empty()).then(|| Sentence {
                range: trimmed.start + offset..trimmed.end + offset,
                words,
            })
        })
        .collect()
}

fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let start = r.start + (s.len() - s.trim_start().len());
    let end = r.end - (s.len() - s.trim_end().len());
    start..end.max(start)
}

/// The words of `text`: letters and digits, a hyphenated compound or a contraction
/// counting as one word (as textstat counts them).
pub fn words(text: &str, offset: usize) -> Vec<Word> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (at, w) in text.unicode_word_indices() {
        let r = at..at + w.len();
        match out.last_mut() {
            Some(prev) if matches!(&text[prev.end..r.start], "-" | "‑") => prev.end = r.end,
            _ => out.push(r),
        }
    }
    out.into_iter()
        .map(|r| Word {
            syllables: super::syllables::count(&text[r.clone()]),
            range: r.start + offset..r.end + offset,
        })
        .collect()
}

/// What the formulas are computed from.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    /// Sentences of three words or more (textstat ignores shorter ones).
    pub sentences: u32,
    pub words: u32,
    pub syllables: u32,
    /// Words of three syllables or more.
    pub polysyllables: u32,
    /// List items and captions that are not sentences: left out of the formulas.
    pub phrases: u32,
}

/// SMOG needs 30 sentences (McLaughlin's sample); below that it is not given.
pub const SMOG_SENTENCES: u32 = 30;

impl Counts {
    /// The counts of plain running text (every line prose).
    pub fn of_text(text: &str) -> Counts {
        let mut c = Counts::default();
        sentences(text, 0).iter().for_each(|s| c.add(s));
        c
    }

    pub fn add(&mut self, s: &Sentence) {
        if s.words.len() > 2 {
            self.sentences += 1;
        }
        self.words += s.words.len() as u32;
        for w in &s.words {
            self.syllables += w.syllables;
            self.polysyllables += u32::from(w.syllables >= 3);
        }
    }

    pub fn merge(&mut self, o: &Counts) {
        self.sentences += o.sentences;
        self.words += o.words;
        self.syllables += o.syllables;
        self.polysyllables += o.polysyllables;
        self.phrases += o.phrases;
    }

    fn ratios(&self) -> Option<(f32, f32)> {
        let s = self.sentences.max(1) as f32;
        (self.words > 0).then(|| (self.words as f32 / s, self.syllables as f32 / self.words as f32))
    }

    /// Flesch–Kincaid grade (US school grade).
    pub fn flesch_kincaid(&self) -> Option<f32> {
        self.ratios().map(|(wps, spw)| 0.39 * wps + 11.8 * spw - 15.59)
    }

    /// Flesch Reading Ease: 0–100, higher is easier (80–90 is about reading age 9–11).
    pub fn reading_ease(&self) -> Option<f32> {
        self.ratios().map(|(wps, spw)| 206.835 - 1.015 * wps - 84.6 * spw)
    }

    /// SMOG grade, only with enough sentences for it to mean something.
    pub fn smog(&self) -> Option<f32> {
        (self.sentences >= SMOG_SENTENCES)
            .then(|| 1.043 * (30.0 * self.polysyllables as f32 / self.sentences as f32).sqrt() + 3.1291)
    }

    /// SMOG's formula whatever the sentence count (for comparison with tools that give it).
    pub fn smog_any(&self) -> Option<f32> {
        (self.sentences > 0)
            .then(|| 1.043 * (30.0 * self.polysyllables as f32 / self.sentences as f32).sqrt() + 3.1291)
    }

    /// The UK reading age (US grade + 5) by SMOG, the measure recommended for health
    /// material, or by Flesch–Kincaid when there are too few sentences for SMOG.
    pub fn reading_age(&self) -> Option<(f32, &'static str)> {
        match (self.smog(), self.flesch_kincaid()) {
            (Some(g), _) => Some((g + 5.0, "SMOG")),
            (None, Some(g)) if self.sentences > 0 => Some((g.max(0.0) + 5.0, "Flesch–Kincaid")),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        sentences(t, 0).iter().map(|s| &t[s.range.clone()]).collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            split("Dr. Lee will see you. Bring a list of medicines, e.g. tablets. Is it safe? Yes."),
            [
                "Dr. Lee will see you.",
                "Bring a list of medicines, e.g. tablets.",
                "Is it safe?",
                "Yes."
            ]
        );
        assert_eq!(
            split("Take 2.5 ml twice a day.\nRest."),
            ["Take 2.5 ml twice a day.", "Rest."]
        );
    }

    #[test]
    fn hyphenated_words_and_contractions_are_one_word() {
        let w = words("It’s a pain-relieving, well-known method.", 0);
        assert_eq!(w.len(), 5);
        assert_eq!(w[2].syllables, 4);
    }
}
