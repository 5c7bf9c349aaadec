//! Syllables: looked up in CMUdict (as textstat does), and for words it lacks,
//! counted from hyphenation points (as textstat does). The dictionary is compiled in
//! as sorted `word count` lines and searched in place, so a process that never
//! checks pays nothing for it.

use std::sync::OnceLock;

static DICT: &str = include_str!("../../../data/plain/syllables.txt");

/// Where each line of [`DICT`] starts: built once, on the first lookup (~1 ms).
fn lines() -> &'static [u32] {
    static LINES: OnceLock<Vec<u32>> = OnceLock::new();
    LINES.get_or_init(|| {
        let mut v = vec![0u32];
        v.extend(
            DICT.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i as u32 + 1)
                .filter(|&i| (i as usize) < DICT.len()),
        );
        v
    })
}

fn entry(start: u32) -> (&'static str, u8) {
    let line = DICT[start as usize..].split('\n').next().unwrap_or("");
    let (word, n) = line.split_once(' ').unwrap_or((line, "1"));
    (word, n.trim().parse().unwrap_or(1))
}

/// CMUdict's count for `word` (lower case, straight apostrophes), if it has the word.
pub fn lookup(word: &str) -> Option<u8> {
    let lines = lines();
    lines
        .binary_search_by(|&start| entry(start).0.cmp(word))
        .ok()
        .map(|i| entry(lines[i]).1)
}

/// The syllables of one word, of any case; a hyphenated word counts its parts
/// (textstat runs them together and mostly misses the dictionary).
pub fn count(word: &str) -> u32 {
    word.split('-')
        .filter(|p| !p.is_empty())
        .map(|part| {
            let w: String = part
                .chars()
                .map(|c| if c == '’' || c == '‘' { '\'' } else { c })
                .flat_map(char::to_lowercase)
                .collect();
            lookup(&w).map_or_else(|| by_patterns(&w), u32::from)
        })
        .sum()
}

/// A word CMUdict lacks: the pieces the TeX hyphenation patterns cut it into, as
/// textstat counts it (with pyphen and the same patterns). That undercounts some
/// long medical words ("paracetamol" 3), as textstat does; the figures stay
/// comparable with the tool clinics already know.
pub fn by_patterns(word: &str) -> u32 {
    if !word.chars().any(char::is_alphabetic) {
        // A number or symbol: said as one word's worth.
        return u32::from(word.chars().any(char::is_alphanumeric));
    }
    hypher::hyphenate(word, hypher::Lang::English).count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionary_first_then_rules() {
        assert_eq!(count("acupuncture"), 4);
        assert_eq!(count("the"), 1);
        assert_eq!(count("Inflammation"), 4);
        assert_eq!(count("pain-relieving"), 4);
        assert_eq!(count("don’t"), 1);
        // Not in CMUdict: hyphenation points + 1.
        assert_eq!(lookup("acupoints"), None);
        // Really 6; textstat (pyphen, the same patterns) says 4 too.
        assert_eq!(count("musculoskeletal"), 4);
        assert_eq!(count("30"), 1);
    }
}
