//! The language rules: sentences and paragraphs, voice, words, acronyms, capitals,
//! emphasis, lists, sections, "you" and actions, and the readability figures.
//! English only: the word lists and formulas are English ones.

use super::prose::{Kind, Prose};
use super::readability::{self, Counts, Sentence};
use super::words::{self, Swaps};
use super::{Finding, SectionFigures};
use crate::base::diag::Level;
use crate::load::Resolved;
use crate::model::rules::RuleId;
use crate::model::Block;
use std::collections::HashSet;
use std::ops::Range;

pub const LONG_SENTENCE: usize = 20;
pub const LONG_PARAGRAPH: usize = 3;
pub const LONG_LIST: usize = 7;
pub const LONG_SECTION: u32 = 150;

/// The leaflet's sentences, unit by unit, counted once for every rule.
pub struct Language<'a> {
    prose: &'a Prose,
    /// Per unit: its sentences (empty for headings and labels), and whether it is a
    /// phrase rather than sentences (a list item with no full stop).
    sentences: Vec<Vec<Sentence>>,
    phrase: Vec<bool>,
}

impl<'a> Language<'a> {
    pub fn new(prose: &'a Prose, english: bool) -> Language<'a> {
        let mut sentences = Vec::with_capacity(prose.units.len());
        let mut phrase = Vec::with_capacity(prose.units.len());
        for u in &prose.units {
            let (at, body) = u.body();
            let is_phrase = matches!(u.kind, Kind::Item | Kind::Caption)
                && !body
                    .trim_end()
                    .trim_end_matches(['"', '”', '’', ')', '\''])
                    .ends_with(['.', '!', '?', ':']);
            phrase.push(is_phrase);
            sentences.push(if english && u.kind.is_prose() {
                readability::sentences(body, at)
            } else {
                Vec::new()
            });
        }
        Language {
            prose,
            sentences,
            phrase,
        }
    }

    /// Readability counts over some units (sentences only; phrases counted apart).
    pub fn counts(&self, units: Range<usize>) -> Counts {
        let mut c = Counts::default();
        for u in units {
            if self.phrase[u] {
                c.phrases += 1;
            } else {
                self.sentences[u].iter().for_each(|s| c.add(s));
            }
        }
        c
    }

    pub fn findings(
        &self,
        doc: &Resolved,
        sections: &[SectionFigures],
        whole: &Counts,
        aim: f32,
    ) -> Vec<Finding> {
        let mut out = Vec::new();
        self.reading_age(sections, whole, aim, &mut out);
        self.sentences_and_paragraphs(&mut out);
        self.words(doc, &mut out);
        self.acronyms_and_capitals(doc, &mut out);
        self.emphasis(&mut out);
        self.lists_and_sections(doc, &mut out);
        self.reader(doc, &mut out);
        out
    }

    fn reading_age(&self, sections: &[SectionFigures], whole: &Counts, aim: f32, out: &mut Vec<Finding>) {
        if let Some((age, by)) = whole.reading_age() {
            if age > aim + 0.5 {
                out.push(
                    Finding::new(
                        RuleId::ReadingAge,
                        format!("the estimated reading age is about {age:.0} ({by}); aim for 9 to {aim:.0}"),
                    )
                    .fix("shorten the long sentences and swap the hard words found below; then check again"),
                );
            }
        }
        // A section is judged once it has a few sentences: two sentences say little.
        for (i, s) in sections
            .iter()
            .enumerate()
            .filter(|(_, s)| s.counts.sentences >= 3)
        {
            if let Some((age, by)) = s.counts.reading_age() {
                if age > aim + 0.5 {
                    let f = Finding::new(
                        RuleId::SectionReadingAge,
                        format!("\"{}\" reads at about age {age:.0} ({by})", s.title),
                    )
                    .fix("this section is one of the harder ones: start with its long sentences");
                    // Marked on the section's heading, where there is one.
                    let heading = self.prose.sections[i].units.start;
                    out.push(match self.prose.units.get(heading) {
                        Some(u) if s.block.is_some() && matches!(u.kind, Kind::Heading(_)) => {
                            f.in_unit(self.prose, heading, 0..u.text.len())
                        }
                        _ => f,
                    });
                }
            }
        }
    }

    fn sentences_and_paragraphs(&self, out: &mut Vec<Finding>) {
        for (u, sentences) in self.sentences.iter().enumerate() {
            let n = sentences.iter().filter(|s| s.words.len() > 2).count();
            if self.prose.units[u].kind == Kind::Paragraph && n > LONG_PARAGRAPH {
                let (first, last) = (&sentences[0], &sentences[sentences.len() - 1]);
                out.push(
                    Finding::new(
                        RuleId::LongParagraph,
                        format!("this paragraph has {n} sentences; keep to {LONG_PARAGRAPH}"),
                    )
                    .in_unit(self.prose, u, first.range.start..last.range.end)
                    .fix("split it into shorter paragraphs, or turn it into a list"),
                );
            }
            for s in sentences {
                let w = s.words.len();
                if w > LONG_SENTENCE {
                    out.push(
                        Finding::new(
                            RuleId::LongSentence,
                            format!("this sentence has {w} words; keep to {LONG_SENTENCE}"),
                        )
                        .in_unit(self.prose, u, s.range.clone())
                        .fix("split it in two, or make a list of its parts"),
                    );
                }
                if let Some(r) = passive(&self.prose.units[u].text, s) {
                    let text = &self.prose.units[u].text[r.clone()];
                    out.push(
                        Finding::new(RuleId::PassiveVoice, format!("\"{text}\" may be passive voice"))
                            .in_unit(self.prose, u, r)
                            .fix("say who does it: \"the acupuncturist inserts the needles\", not \"the needles are inserted\""),
                    );
                }
            }
        }
    }

    /// Hard words (each occurrence) and medical terms (only the first, and only when
    /// the plain word is not beside it).
    fn words(&self, doc: &Resolved, out: &mut Vec<Finding>) {
        let known: HashSet<String> = doc.check.words.iter().map(|w| w.to_lowercase()).collect();
        let mut seen_medical: HashSet<&str> = HashSet::new();
        for (u, sentences) in self.sentences.iter().enumerate() {
            let text = &self.prose.units[u].text;
            for s in sentences {
                let lower: Vec<String> = s
                    .words
                    .iter()
                    .map(|w| text[w.range.clone()].to_lowercase())
                    .collect();
                for (i, (swap, end)) in matches(words::plain(), &lower) {
                    if known.contains(&lower[i]) {
                        continue;
                    }
                    let r = s.words[i].range.start..s.words[end - 1].range.end;
                    let hard = &text[r.clone()];
                    out.push(
                        Finding::new(
                            RuleId::PlainWords,
                            format!("\"{hard}\" has a plainer alternative"),
                        )
                        .in_unit(self.prose, u, r)
                        .fix(instead(swap.plain, hard)),
                    );
                }
                for (i, (swap, end)) in matches(words::medical(), &lower) {
                    let term = swap.words.join(" ");
                    if known.contains(&term) || !seen_medical.insert(swap.words[0]) {
                        continue;
                    }
                    let sentence = text[s.range.clone()].to_lowercase();
                    let explained = swap
                        .plain
                        .split(';')
                        .any(|p| sentence.contains(&p.trim().to_lowercase()));
                    if !explained {
                        let r = s.words[i].range.start..s.words[end - 1].range.end;
                        let hard = text[r.clone()].to_string();
                        let plain = swap.plain.split(';').next().unwrap_or(swap.plain).trim();
                        // Mid-sentence case for the bracketed term (not "(Inflammatory)").
                        let hard = if hard.chars().skip(1).any(char::is_uppercase) {
                            hard
                        } else {
                            hard.to_lowercase()
                        };
                        out.push(
                            Finding::new(
                                RuleId::MedicalTerm,
                                format!("\"{hard}\" is a medical term, not explained here"),
                            )
                            .in_unit(self.prose, u, r)
                            .fix(format!(
                                "the first time, write the plain word first: \"{plain} ({hard})\""
                            )),
                        );
                    }
                }
            }
        }
    }

    /// Acronyms (first use, in any text the reader sees: headings and labels too) and
    /// runs of capitals.
    fn acronyms_and_capitals(&self, doc: &Resolved, out: &mut Vec<Finding>) {
        let mut seen: HashSet<String> = HashSet::new();
        let known = |w: &str| {
            words::KNOWN_ACRONYMS.contains(&w) || doc.check.acronyms.iter().any(|a| a.eq_ignore_ascii_case(w))
        };
        for (u, unit) in self.prose.units.iter().enumerate() {
            let text = &unit.text;
            let ws = readability::words(text, 0);
            let caps = |w: &str| {
                w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
            };
            let mut run: Vec<Range<usize>> = Vec::new();
            let flush = |run: &mut Vec<Range<usize>>, out: &mut Vec<Finding>| {
                if run.len() >= 3 {
                    let r = run[0].start..run[run.len() - 1].end;
                    out.push(
                        Finding::new(RuleId::Capitals, "words in capitals are harder to read")
                            .in_unit(self.prose, u, r)
                            .fix("write it in normal case; use bold for the one word that matters"),
                    );
                }
                run.clear();
            };
            for (k, w) in ws.iter().enumerate() {
                let word = &text[w.range.clone()];
                // A word in a run of capitals is shouting, not an acronym.
                let beside_caps = [k.wrapping_sub(1), k + 1]
                    .iter()
                    .any(|&j| ws.get(j).is_some_and(|o| caps(&text[o.range.clone()])));
                if caps(word) {
                    run.push(w.range.clone());
                } else {
                    flush(&mut run, out);
                }
                if !caps(word)
                    || beside_caps
                    || word.chars().count() > 6
                    || known(word)
                    || !seen.insert(word.to_string())
                {
                    continue;
                }
                let before = text[..w.range.start].trim_end();
                let after = text[w.range.end..].trim_start();
                let explained = before.ends_with('(') || after.starts_with('(');
                if !explained {
                    out.push(
                        Finding::new(
                            RuleId::Acronym,
                            format!("\"{word}\" is not spelled out the first time it is used"),
                        )
                        .in_unit(self.prose, u, w.range.clone())
                        .fix(format!(
                            "write the words in full the first time, with \"({word})\" after them"
                        )),
                    );
                }
            }
            flush(&mut run, out);
        }
    }

    /// A whole sentence in bold or italics: emphasis loses its point, and italics are
    /// hard for many readers (RNIB).
    fn emphasis(&self, out: &mut Vec<Finding>) {
        for (u, sentences) in self.sentences.iter().enumerate() {
            let unit = &self.prose.units[u];
            for s in sentences.iter().filter(|s| s.words.len() > 2) {
                let core = s.words[0].range.start..s.words[s.words.len() - 1].range.end;
                for (what, italic) in [("bold", false), ("italics", true)] {
                    let covered = unit.span_ranges().any(|(r, span)| {
                        let styled = if italic {
                            span.style.italic
                        } else {
                            span.style.bold
                        };
                        styled && r.start <= core.start && r.end >= core.end
                    });
                    if covered {
                        out.push(
                            Finding::new(RuleId::Emphasis, format!("a whole sentence in {what}"))
                                .in_unit(self.prose, u, s.range.clone())
                                .fix(if italic {
                                    "drop the italics: they are hard to read; put what matters first instead"
                                } else {
                                    "keep bold for a few key words, or put the sentence in a callout"
                                })
                                // RNIB's advice is bold, not italics, for emphasis: a bold
                                // sentence is only worth a note.
                                .level(if italic { Level::Warning } else { Level::Note }),
                        );
                    }
                }
            }
        }
    }

    fn lists_and_sections(&self, doc: &Resolved, out: &mut Vec<Finding>) {
        for (b, block) in doc.leaflet.blocks.iter().enumerate() {
            let n = match block {
                Block::Bullets(v) | Block::Numbered(v) | Block::Checklist(v) => v.len(),
                Block::Urgent(u) => u.items.len(),
                _ => 0,
            };
            if n > LONG_LIST {
                let mut f = Finding::new(
                    RuleId::LongList,
                    format!("this list has {n} items; keep to {LONG_LIST}"),
                )
                .fix("group the items under two or more headings, or keep the ones that matter most");
                f.block = Some(b);
                out.push(f);
            }
        }
        // Words since the last heading or subheading.
        let mut words = 0;
        let mut reported = false;
        for (u, unit) in self.prose.units.iter().enumerate() {
            if matches!(unit.kind, Kind::Heading(_)) {
                (words, reported) = (0, false);
                continue;
            }
            words += self.sentences[u]
                .iter()
                .map(|s| s.words.len() as u32)
                .sum::<u32>();
            if self.phrase[u] {
                words += readability::words(&unit.text, 0).len() as u32;
            }
            if words > LONG_SECTION && !reported {
                reported = true;
                let at = 0..unit
                    .text
                    .len()
                    .min(unit.text.find(['.', '\n']).unwrap_or(unit.text.len()));
                out.push(
                    Finding::new(
                        RuleId::LongSection,
                        format!("more than {LONG_SECTION} words without a heading"),
                    )
                    .in_unit(self.prose, u, at)
                    .fix("add a subheading that says what the next part is about"),
                );
            }
        }
    }

    /// PEMAT items 20 and 21: the reader is spoken to, and told what to do.
    fn reader(&self, doc: &Resolved, out: &mut Vec<Finding>) {
        let texts = || self.prose.units.iter().map(|u| u.text.to_lowercase());
        let says_you = texts().any(|t| {
            readability::words(&t, 0).iter().any(|w| {
                matches!(
                    &t[w.range.clone()],
                    "you" | "your" | "yours" | "yourself" | "you’ll" | "you'll" | "you’re" | "you're"
                )
            })
        });
        if !says_you {
            out.push(Finding::new(RuleId::NoYou, "the leaflet never says \"you\"").fix(
                "speak to the reader: \"you may feel a tingling\", not \"patients may experience tingling\"",
            ));
        }
        let action_block = doc.leaflet.blocks.iter().any(|b| {
            matches!(
                b,
                Block::Checklist(_) | Block::Exercise(_) | Block::WriteIn(_) | Block::Urgent(_)
            )
        });
        let action_sentence = self.sentences.iter().enumerate().any(|(u, ss)| {
            let text = self.prose.units[u].text.to_lowercase();
            ss.iter().any(|s| {
                let first = s.words.first().map(|w| &text[w.range.clone()]).unwrap_or("");
                words::ACTIONS.contains(&first)
                    || words::ACTION_PHRASES
                        .iter()
                        .any(|p| text[s.range.clone()].contains(p))
            })
        });
        if !action_block && !action_sentence {
            out.push(
                Finding::new(RuleId::NoAction, "nothing tells the reader what to do")
                    .fix("add at least one clear step: \"Call us on … if your knee swells\", or a checklist"),
            );
        }
    }
}

/// "use \"now\" instead of \"currently\", or leave it out".
fn instead(plain: &str, hard: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut leave_out = false;
    for p in plain.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        if p.starts_with('(') {
            leave_out = true;
        } else {
            words.push(format!("\"{p}\""));
        }
    }
    match (words.is_empty(), leave_out) {
        (true, _) => format!("leave out \"{hard}\": the sentence reads as well without it"),
        (false, false) => format!("use {} instead of \"{hard}\"", words.join(" or ")),
        (false, true) => format!(
            "use {} instead of \"{hard}\", or leave it out",
            words.join(" or ")
        ),
    }
}

/// Entries of `swaps` found in the lower-case words: (first word index, (entry, end)).
fn matches<'s>(swaps: &'s Swaps, lower: &[String]) -> Vec<(usize, (&'s words::Swap, usize))> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < lower.len() {
        let hit = swaps.get(lower[i].as_str()).and_then(|cands| {
            cands.iter().find(|s| {
                s.words.len() <= lower.len() - i && s.words.iter().zip(&lower[i..]).all(|(a, b)| *a == b)
            })
        });
        match hit {
            Some(s) => {
                found.push((i, (s, i + s.words.len())));
                i += s.words.len();
            }
            None => i += 1,
        }
    }
    found
}

/// "is given", "are usually taken", "were told": a form of "be", at most one adverb,
/// then a past participle. Returns the range from "be" to the participle.
fn passive(text: &str, s: &Sentence) -> Option<Range<usize>> {
    let w: Vec<String> = s
        .words
        .iter()
        .map(|w| text[w.range.clone()].to_lowercase())
        .collect();
    for (i, be) in w.iter().enumerate() {
        if !words::BE.contains(&be.as_str()) {
            continue;
        }
        for (j, word) in w.iter().enumerate().skip(i + 1).take(2) {
            let word = word.as_str();
            let participle = (word.len() > 4 && word.ends_with("ed") && !words::NOT_PASSIVE.contains(&word))
                || words::participles().contains(word);
            if participle {
                return Some(s.words[i].range.start..s.words[j].range.end);
            }
            if !words::BETWEEN.contains(&word) && !word.ends_with("ly") {
                break;
            }
        }
    }
    None
}
