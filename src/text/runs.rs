//! Bidi and scripts: itemising text into runs (stretches of one bidi embedding level
//! and one script, each shaped with its own direction, script and language; faces are
//! chosen later, per cluster, by the shaper's fallback), the number groups kept in
//! their order in right-to-left text, and a line's pieces put in visual order.
//!
//! Characters of no script of their own (spaces, digits, punctuation: Common; combining
//! marks: Inherited) join the script around them, as in HarfBuzz and Typst, so that
//! "Ἀθῆναι, 2026" is one Greek run and a mark stays with its base letter.

use harfrust::Script;
use std::ops::Range;
use unicode_bidi::{bidi_class, BidiClass, BidiInfo, Level};
use unicode_script::{Script as Uscript, UnicodeScript};

/// A stretch of text with one direction and one script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// Byte range in the itemised text.
    pub range: Range<usize>,
    /// Bidi embedding level: even is left to right, odd right to left.
    pub level: u8,
    pub script: Script,
}

impl Run {
    pub fn is_rtl(&self) -> bool {
        self.level % 2 == 1
    }
}

/// Splits `text` into runs of one bidi level and one script. `rtl` is the
/// paragraph's base direction; `isolates` are stretches set left to right on their
/// own (phone numbers, addresses), as if between U+2066 and U+2069 — which are
/// not put into the text, so nothing invisible reaches the PDF's text.
pub fn itemize(text: &str, rtl: bool, isolates: &[Range<usize>]) -> Vec<Run> {
    if text.is_empty() {
        return Vec::new();
    }
    // Latin letters, digits and punctuation (curly quotes and dashes included) in a
    // left-to-right paragraph, most of a European leaflet, are one Latin run at level
    // 0: they are all of the Latin script or of none, and none is right to left.
    if !rtl && text.chars().all(plain_latin) {
        return vec![Run {
            range: 0..text.len(),
            level: 0,
            script: Script::LATIN,
        }];
    }
    // Without a right-to-left letter or an explicit embedding, a left-to-right
    // paragraph is all level 0 (curly quotes and dashes make most text non-ASCII).
    let needs_bidi = rtl
        || text.chars().any(|c| {
            use BidiClass::*;
            matches!(
                bidi_class(c),
                R | AL | RLE | RLO | RLI | LRE | LRO | LRI | FSI | PDF | PDI
            )
        });
    let levels = needs_bidi.then(|| {
        let base = if rtl { Level::rtl() } else { Level::ltr() };
        if isolates.is_empty() {
            return BidiInfo::new(text, Some(base)).levels;
        }
        let (mut marked, mut at) = (String::with_capacity(text.len() + 6 * isolates.len()), Vec::new());
        at.resize(text.len(), 0);
        for (i, c) in text.char_indices() {
            if isolates.iter().any(|r| r.start == i) {
                marked.push('\u{2066}');
            }
            at[i] = marked.len();
            marked.push(c);
            if isolates.iter().any(|r| r.end == i + c.len_utf8()) {
                marked.push('\u{2069}');
            }
        }
        let levels = BidiInfo::new(&marked, Some(base)).levels;
        at.iter().map(|&k| levels[k]).collect()
    });
    let mut scripts = resolve_scripts(text);
    // Digits and signs set apart (a phone number, a web address) take the Latin
    // face, not the face of the script around them.
    if !isolates.is_empty() {
        for ((at, c), script) in text.char_indices().zip(scripts.iter_mut()) {
            let common = matches!(c.script(), Uscript::Common | Uscript::Inherited);
            if common && isolates.iter().any(|r| r.contains(&at)) {
                *script = Script::LATIN;
            }
        }
    }
    let mut runs: Vec<Run> = Vec::new();
    for ((at, c), script) in text.char_indices().zip(scripts) {
        let level = levels.as_ref().map_or(0, |l| l[at].number());
        let end = at + c.len_utf8();
        match runs.last_mut() {
            Some(r) if r.level == level && r.script == script => r.range.end = end,
            _ => runs.push(Run {
                range: at..end,
                level,
                script,
            }),
        }
    }
    runs
}

/// Latin-1, Latin Extended-A and -B, and General Punctuation's dashes, quotation
/// marks, bullets and ellipsis (U+2010–2027, U+2030–205E): the Latin script or none
/// (Common), and never a right-to-left letter or a bidi control (U+200F, U+202A–202E
/// and U+2066–2069 lie outside).
fn plain_latin(c: char) -> bool {
    c < '\u{0250}' || ('\u{2010}'..='\u{2027}').contains(&c) || ('\u{2030}'..='\u{205E}').contains(&c)
}

/// Each character's script, with Common and Inherited characters given the script of
/// the text before them (or, at the start, after them); text of no script at all is
/// shaped as Latin.
fn resolve_scripts(text: &str) -> Vec<Script> {
    let own: Vec<Option<Script>> = text
        .chars()
        .map(|c| match c.script() {
            Uscript::Common | Uscript::Inherited | Uscript::Unknown => None,
            s => s.short_name().parse().ok(),
        })
        .collect();
    let first = own.iter().flatten().next().copied().unwrap_or(Script::LATIN);
    let mut current = first;
    own.into_iter()
        .map(|s| {
            if let Some(s) = s {
                current = s;
            }
            current
        })
        .collect()
}

/// Numbers written in groups ("01632 960 000", "+44 20 7946 0000", a page number's
/// "1 / 2"): in right-to-left text bidi would put the groups in right-to-left order,
/// so they are isolated and read as written, as a phone number must.
pub fn number_groups(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if !(chars[i].1.is_ascii_digit() || chars[i].1 == '+') {
            i += 1;
            continue;
        }
        let (mut j, mut last_digit, mut grouped) = (i + 1, i, false);
        let separator = |c: char| matches!(c, ' ' | '-' | '/' | '\u{a0}');
        while j < chars.len() {
            match chars[j].1 {
                c if c.is_ascii_digit() => {
                    last_digit = j;
                    j += 1;
                }
                // Separators ("01632 960 000", "1 / 2") between digits.
                c if separator(c) => match (j..chars.len()).find(|&k| !separator(chars[k].1)) {
                    Some(k) if chars[k].1.is_ascii_digit() => {
                        grouped = true;
                        j = k;
                    }
                    _ => break,
                },
                _ => break,
            }
        }
        if grouped && last_digit > i {
            let (start, (end, c)) = (chars[i].0, chars[last_digit]);
            out.push(start..end + c.len_utf8());
        }
        i = last_digit.max(i) + 1;
    }
    out
}

/// Puts a line's pieces in visual order (UAX #9, rule L2): from the highest level
/// down to the lowest odd one, every stretch at that level or above is reversed.
/// A line of left-to-right text (all level 0) is left as it is.
pub fn reorder(line: &mut super::lines::Line) {
    let Some(highest) = line.pieces.iter().map(|p| p.level).max().filter(|&l| l > 0) else {
        return;
    };
    // With no odd level on the line (a number isolated in right-to-left text, alone
    // on its line) nothing is reversed, as in the reference implementation.
    let Some(lowest_odd) = line.pieces.iter().map(|p| p.level).filter(|l| l % 2 == 1).min() else {
        return;
    };
    for level in (lowest_odd..=highest).rev() {
        let mut i = 0;
        while i < line.pieces.len() {
            if line.pieces[i].level < level {
                i += 1;
                continue;
            }
            let end = line.pieces[i..]
                .iter()
                .position(|p| p.level < level)
                .map_or(line.pieces.len(), |k| i + k);
            line.pieces[i..end].reverse();
            i = end;
        }
    }
    let mut x = 0.0;
    for p in &mut line.pieces {
        p.x = x;
        x += p.width;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_one_latin_run() {
        let runs = itemize("Acupuncture, 2026.", false, &[]);
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].script, Script::LATIN);
    }

    #[test]
    fn the_plain_latin_shortcut_gives_what_the_full_itemizing_gives() {
        use BidiClass::*;
        let plain: Vec<char> = (0..=0x2100u32)
            .filter_map(char::from_u32)
            .filter(|&c| plain_latin(c))
            .collect();
        assert!(plain.len() > 650, "{}", plain.len());
        for c in plain {
            let latin = matches!(c.script(), Uscript::Latin | Uscript::Common | Uscript::Inherited);
            let bidi = matches!(
                bidi_class(c),
                R | AL | RLE | RLO | RLI | LRE | LRO | LRI | FSI | PDF | PDI
            );
            assert!(
                latin && !bidi,
                "U+{:04X} is {:?}, {:?}",
                c as u32,
                c.script(),
                bidi_class(c)
            );
        }
    }

    #[test]
    fn scripts_split_and_neutrals_join_their_neighbours() {
        let text = "Qi (氣) – Ἀθῆναι, 2026";
        let runs = itemize(text, false, &[]);
        let parts: Vec<(&str, Script)> = runs.iter().map(|r| (&text[r.range.clone()], r.script)).collect();
        assert_eq!(
            parts,
            vec![
                ("Qi (", Script::LATIN),
                ("氣) – ", Script::HAN),
                ("Ἀθῆναι, 2026", Script::GREEK),
            ]
        );
    }

    #[test]
    fn right_to_left_text_gets_an_odd_level() {
        let text = "Call شكرا now";
        let runs = itemize(text, false, &[]);
        let arabic = runs
            .iter()
            .find(|r| r.script == Script::ARABIC)
            .expect("an Arabic run");
        assert!(arabic.is_rtl());
        assert_eq!(&text[arabic.range.clone()], "شكرا");
        assert!(!runs[0].is_rtl());
    }

    #[test]
    fn an_isolated_phone_number_keeps_its_order_in_right_to_left_text() {
        let text = "فون: 01632 960 000";
        let number = text.find('0').unwrap()..text.len();
        // Without the isolate, the groups of digits take the paragraph's direction.
        let loose = itemize(text, true, &[]);
        assert!(loose.iter().any(|r| r.range.start > number.start && r.level == 1));
        let runs = itemize(text, true, std::slice::from_ref(&number));
        let inside: Vec<&Run> = runs.iter().filter(|r| r.range.start >= number.start).collect();
        assert!(inside.iter().all(|r| r.level == 2), "{runs:?}");
    }

    #[test]
    fn a_combining_mark_stays_with_its_letter() {
        let text = "e\u{323}\u{302}t";
        let runs = itemize(text, false, &[]);
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].range, 0..text.len());
    }
}
