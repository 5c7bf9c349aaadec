//! What a leaflet's language decides about setting its text: direction, the faces
//! for its script, quotation marks, hyphenation and the digits of list numbers.
//! Everything here is keyed by a BCP 47 tag (`ur`, `pt-BR`, `zh-Hans`); a tag leafpress
//! knows nothing about gets the English conventions, never an error.

use harfrust::Script;

/// The primary language subtag, lower-cased: `zh` for `zh-Hans-CN`.
pub fn primary(tag: &str) -> String {
    tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase()
}

/// Languages written right to left: those whose script is (tags name it, as in
/// `ku-Arab` or `pa-Arab`, or their usual one is) Arabic or Hebrew.
pub fn is_rtl(tag: &str) -> bool {
    matches!(script(tag), Some(Script::ARABIC | Script::HEBREW))
}

/// The script a language is written in, where that is not Latin.
pub fn script(tag: &str) -> Option<Script> {
    let s = match primary(tag).as_str() {
        "ar" | "ur" | "fa" | "ps" | "ckb" | "sd" | "ug" => Script::ARABIC,
        _ if tag.contains("Arab") => Script::ARABIC,
        "he" | "yi" => Script::HEBREW,
        "el" => Script::GREEK,
        "ru" | "uk" | "bg" | "be" | "sr" | "mk" | "kk" | "ky" | "mn" | "tg" => Script::CYRILLIC,
        "bn" | "as" => Script::BENGALI,
        "pa" if !tag.contains("Arab") => Script::GURMUKHI,
        "gu" => Script::GUJARATI,
        "hi" | "mr" | "ne" | "sa" => Script::DEVANAGARI,
        "ta" => Script::TAMIL,
        "am" | "ti" => Script::ETHIOPIC,
        "zh" | "ja" => Script::HAN,
        "ko" => Script::HANGUL,
        _ => return None,
    };
    Some(s)
}

/// The compiled-in families for a script in language `tag` in a leaflet in `home`,
/// best first. An Urdu leaflet is set in Nastaliq, with Naskh for the letters
/// Nastaliq lacks (Sorani's ڕ ێ ڵ); every other language of the Arabic script in
/// Naskh, and so is Urdu inside a leaflet in another language, whose lines are not
/// spaced for Nastaliq (twice as tall as Latin: it would reach into the line above).
pub fn families(script: Script, tag: &str, home: &str) -> &'static [&'static str] {
    match script {
        Script::LATIN | Script::GREEK | Script::CYRILLIC => &["Noto Sans"],
        Script::ARABIC if primary(tag) == "ur" && primary(home) == "ur" => {
            &["Noto Nastaliq Urdu", "Noto Naskh Arabic"]
        }
        Script::ARABIC => &["Noto Naskh Arabic"],
        Script::BENGALI => &["Noto Sans Bengali"],
        Script::GURMUKHI => &["Noto Sans Gurmukhi"],
        Script::GUJARATI => &["Noto Sans Gujarati"],
        Script::DEVANAGARI => &["Noto Sans Devanagari"],
        Script::TAMIL => &["Noto Sans Tamil"],
        Script::ETHIOPIC => &["Noto Sans Ethiopic"],
        _ => &[],
    }
}

/// Whether `script` is set with a CJK face (none is compiled in).
pub fn is_cjk(script: Script) -> bool {
    matches!(
        script,
        Script::HAN | Script::HIRAGANA | Script::KATAKANA | Script::HANGUL | Script::BOPOMOFO
    )
}

/// The region suffixes of Noto Sans CJK's faces (SC, TC, HK, JP, KR), in the order a
/// language prefers them: simplified Chinese glyph forms differ from traditional
/// and Japanese ones for the same code points.
pub fn cjk_preference(tag: &str) -> [&'static str; 5] {
    let t = tag.to_ascii_lowercase();
    match primary(tag).as_str() {
        "ja" => ["JP", "SC", "TC", "HK", "KR"],
        "ko" => ["KR", "SC", "TC", "JP", "HK"],
        "zh" if t.contains("hant") || t.contains("-tw") => ["TC", "HK", "SC", "JP", "KR"],
        "zh" if t.contains("-hk") || t.contains("-mo") => ["HK", "TC", "SC", "JP", "KR"],
        _ => ["SC", "TC", "HK", "JP", "KR"],
    }
}

/// A letter of `script`, to ask whether a face covers it.
pub fn sample(script: Script) -> Option<char> {
    let c = match script {
        Script::LATIN => 'a',
        Script::GREEK => 'α',
        Script::CYRILLIC => 'д',
        Script::ARABIC => 'ب',
        Script::HEBREW => 'ב',
        Script::BENGALI => 'ক',
        Script::GURMUKHI => 'ਕ',
        Script::GUJARATI => 'ક',
        Script::DEVANAGARI => 'क',
        Script::TAMIL => 'க',
        Script::ETHIOPIC => 'ሀ',
        Script::HAN => '中',
        Script::HANGUL => '한',
        _ => return None,
    };
    Some(c)
}

/// Whether `c` is a letter or sign of an Indic (Brahmic) script, whose shaping
/// reorders and merges glyphs within a syllable.
pub fn is_indic(c: char) -> bool {
    // Devanagari to Malayalam, and Sinhala: contiguous blocks.
    matches!(c as u32, 0x0900..=0x0DFF)
}

/// Quotation marks: (open, close, inner open, inner close), from CLDR's
/// `delimiters` for each language (common/main/*.xml, CLDR 46).
pub fn quotes(tag: &str) -> [char; 4] {
    match primary(tag).as_str() {
        "pl" | "ro" | "hu" => ['„', '”', '«', '»'],
        "de" | "cs" | "sk" | "lt" | "sl" | "et" | "bg" | "is" => ['„', '“', '‚', '‘'],
        "ru" | "uk" | "be" => ['«', '»', '„', '“'],
        "fr" | "el" | "es" | "it" | "sq" | "fa" | "ps" | "ca" | "nb" | "no" => ['«', '»', '“', '”'],
        "ar" | "ur" => ['”', '“', '’', '‘'],
        "zh" if tag.to_ascii_lowercase().contains("hant") => ['「', '」', '『', '』'],
        "ja" => ['「', '」', '『', '』'],
        _ => ['“', '”', '‘', '’'],
    }
}

/// Replaces English curly quotes (what smart punctuation makes of straight ones)
/// with the language's. A closing single quote outside a single-quoted stretch is an
/// apostrophe ("it’s") and stays.
pub fn localise_quotes(text: &str, marks: [char; 4]) -> Option<String> {
    if marks == ['“', '”', '‘', '’'] || !text.contains(['“', '”', '‘', '’']) {
        return None;
    }
    let mut inner = false;
    Some(
        text.chars()
            .map(|c| match c {
                '“' => marks[0],
                '”' => marks[1],
                '‘' => {
                    inner = true;
                    marks[2]
                }
                '’' if inner => {
                    inner = false;
                    marks[3]
                }
                c => c,
            })
            .collect(),
    )
}

/// A paragraph's spans with each one's quotation marks in its language (`home`
/// for spans without one of their own), after [`balance_quotes`]; `None` when it
/// has no curly quotes to change. The PDF and the web page both print these.
pub fn quoted_spans(spans: &[crate::text::Span], home: &str) -> Option<Vec<crate::text::Span>> {
    if !spans.iter().any(|s| s.text.contains(['“', '”', '‘'])) {
        return None;
    }
    let mut texts: Vec<String> = spans.iter().map(|s| s.text.clone()).collect();
    balance_quotes(&mut texts);
    Some(
        spans
            .iter()
            .zip(texts)
            .map(|(s, text)| crate::text::Span {
                text: localise_quotes(&text, quotes(s.lang.as_deref().unwrap_or(home))).unwrap_or(text),
                ..s.clone()
            })
            .collect(),
    )
}

/// Smart punctuation decides each straight quote by its neighbours; between Chinese
/// characters it can make two opening marks (作“Qi“（气）). A second opening mark
/// while one is open closes it. `texts` are a paragraph's spans, in order.
pub fn balance_quotes(texts: &mut [String]) {
    let mut open = false;
    for t in texts.iter_mut() {
        if !t.contains(['“', '”']) {
            continue;
        }
        let fixed: String = t
            .chars()
            .map(|c| match c {
                '“' if open => {
                    open = false;
                    '”'
                }
                '“' => {
                    open = true;
                    c
                }
                '”' => {
                    open = false;
                    c
                }
                c => c,
            })
            .collect();
        *t = fixed;
    }
}

/// Hyphenation patterns for the language, if hypher has them (it has none for
/// Romanian or Somali: their long words break between letters).
pub fn hyphenation(tag: &str) -> Option<hypher::Lang> {
    let p = primary(tag);
    let code: [u8; 2] = p.as_bytes().try_into().ok()?;
    hypher::Lang::from_iso(code)
}

/// List numbers in the digits the language uses for them: Urdu and Persian write
/// Extended Arabic-Indic digits; everyone else (Arabic in the UK included) 0–9.
pub fn list_number(n: usize, tag: &str) -> String {
    let digits = n.to_string();
    match primary(tag).as_str() {
        "ur" | "fa" => digits
            .chars()
            .map(|d| char::from_u32(0x06F0 + d.to_digit(10).unwrap_or(0)).unwrap_or(d))
            .collect(),
        _ => digits,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direction_and_script_follow_the_tag() {
        assert!(is_rtl("ur") && is_rtl("ar-EG") && is_rtl("fa") && is_rtl("ckb"));
        assert!(!is_rtl("en-GB") && !is_rtl("pa") && !is_rtl("ku"));
        assert!(is_rtl("ku-Arab"));
        assert_eq!(script("pa"), Some(Script::GURMUKHI));
        assert_eq!(script("zh-Hans"), Some(Script::HAN));
        assert_eq!(script("pl"), None);
    }

    #[test]
    fn quotes_follow_the_language_and_apostrophes_stay() {
        let pl = localise_quotes("“Qi” i ‘tak’, it’s", quotes("pl")).unwrap();
        assert_eq!(pl, "„Qi” i «tak», it’s");
        assert_eq!(localise_quotes("“Qi”", quotes("en-GB")), None);
        assert_eq!(localise_quotes("“Ци”", quotes("ru")).unwrap(), "«Ци»");
    }

    #[test]
    fn a_second_opening_quote_closes_the_first() {
        let mut t = vec!["叫作“Qi“（气）的能量".to_string(), "“a” “b”".to_string()];
        balance_quotes(&mut t);
        assert_eq!(t, ["叫作“Qi”（气）的能量", "“a” “b”"]);
    }

    #[test]
    fn urdu_lists_count_in_urdu_digits() {
        assert_eq!(list_number(12, "ur"), "۱۲");
        assert_eq!(list_number(12, "ar"), "12");
        assert_eq!(hyphenation("ro"), None);
        assert_eq!(hyphenation("pl"), Some(hypher::Lang::Polish));
    }
}
