//! The word lists the language rules use, compiled in from `data/plain/` (where each
//! file's source and licence are recorded) and parsed on first use.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// A hard word or phrase and what to write instead.
#[derive(Debug)]
pub struct Swap {
    /// Lower-case words, e.g. `["in", "order", "to"]`.
    pub words: Vec<&'static str>,
    pub plain: &'static str,
}

/// Entries by their first word, so a sentence is scanned once, word by word.
pub type Swaps = HashMap<&'static str, Vec<Swap>>;

fn swaps(tsv: &'static str) -> Swaps {
    let mut map: Swaps = HashMap::new();
    for line in tsv
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let Some((hard, plain)) = line.split_once('\t') else {
            continue;
        };
        let words: Vec<&str> = hard.split_whitespace().collect();
        if let Some(first) = words.first() {
            map.entry(*first).or_default().push(Swap {
                words,
                plain: plain.trim(),
            });
        }
    }
    // Longest first: "in order to" before "in order".
    map.values_mut()
        .for_each(|v| v.sort_by_key(|s| std::cmp::Reverse(s.words.len())));
    map
}

/// plainlanguage.gov's simple words and phrases.
pub fn plain() -> &'static Swaps {
    static S: OnceLock<Swaps> = OnceLock::new();
    S.get_or_init(|| swaps(include_str!("../../../data/plain/words.tsv")))
}

/// Medical terms and the words patients know.
pub fn medical() -> &'static Swaps {
    static S: OnceLock<Swaps> = OnceLock::new();
    S.get_or_init(|| swaps(include_str!("../../../data/plain/medical.tsv")))
}

/// Irregular past participles ("given", "taken"), for the passive-voice rule.
pub fn participles() -> &'static HashSet<&'static str> {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| {
        include_str!("../../../data/plain/participles.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// Forms of "to be" that make a passive with a participle.
pub const BE: &[&str] = &["am", "is", "are", "was", "were", "be", "been", "being"];

/// Words that may sit between "be" and the participle ("is usually given").
pub const BETWEEN: &[&str] = &[
    "not",
    "also",
    "often",
    "usually",
    "always",
    "never",
    "sometimes",
    "then",
    "still",
    "just",
    "only",
    "generally",
    "typically",
    "normally",
    "commonly",
    "rarely",
    "already",
    "first",
    "now",
    "being",
    "been",
];

/// -ed words that after "be" describe a state, not an action done to someone.
pub const NOT_PASSIVE: &[&str] = &[
    "tired",
    "worried",
    "interested",
    "pleased",
    "married",
    "retired",
    "scared",
    "bored",
    "excited",
    "concerned",
    "supposed",
    "used",
    "ashamed",
    "relaxed",
    "confused",
    "surprised",
    "embarrassed",
    "frightened",
    "exhausted",
    "need",
    "bed",
    "red",
    "shed",
    "feed",
    "seed",
    "speed",
    "based",
];

/// Acronyms every reader in the UK knows.
pub const KNOWN_ACRONYMS: &[&str] = &[
    "NHS", "GP", "UK", "OK", "TV", "AM", "PM", "QR", "PIN", "ID", "A&E",
];

/// Verbs that start an instruction ("Call us", "Rest your knee"): PEMAT's action.
pub const ACTIONS: &[&str] = &[
    "ask", "avoid", "book", "bring", "call", "cancel", "check", "contact", "do", "don't", "don’t", "drink",
    "eat", "email", "find", "follow", "go", "keep", "let", "lie", "look", "make", "phone", "put", "read",
    "remember", "repeat", "rest", "ring", "see", "sit", "speak", "stand", "start", "stop", "take", "talk",
    "tell", "text", "tick", "try", "use", "visit", "wait", "walk", "wear", "write", "never", "always",
    "please", "bend", "lift", "hold", "raise", "place", "slowly", "gently",
];

/// Phrases that also give the reader something to do.
pub const ACTION_PHRASES: &[&str] = &[
    "you should",
    "you can",
    "you must",
    "you need to",
    "you may want",
    "you could",
];

/// Link text that says nothing about where the link goes.
pub const VAGUE_LINKS: &[&str] = &[
    "click here",
    "here",
    "this link",
    "link",
    "read more",
    "more",
    "more info",
    "more information",
    "this page",
    "this",
    "click",
    "go",
    "website",
    "this website",
];
