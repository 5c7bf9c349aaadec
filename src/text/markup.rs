//! Inline markup (`**bold**`, `*italic*`, `[text](url)`) → styled spans, via
//! pulldown-cmark with smart punctuation, so "quotes" come out curly.
//!
//! Content fields are inline text, not documents: block syntax that Markdown would
//! swallow (`1. ` or `- ` at the start, `# `) is given back as the literal text.
//!
//! A span in another language is written `[Polski]{lang=pl}` (the attribute form of
//! Pandoc and djot). Before Markdown sees the text it becomes the language's
//! marks ([`LANG_START`] tag [`LANG_TEXT`] text [`LANG_END`]), which a block's `lang:`
//! key also uses, and which parsing turns into each span's `lang`.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Style {
    pub bold: bool,
    pub italic: bool,
}

/// A run of text in one style, possibly a link.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Span {
    pub text: String,
    pub style: Style,
    pub link: Option<String>,
    /// The BCP 47 tag of a span in another language than the leaflet's.
    pub lang: Option<String>,
    /// Set left to right whatever the text around it (a phone number, a web
    /// address): a bidi isolate, so "01632 960 000" keeps its order in Urdu.
    pub isolate: bool,
}

/// Marks around text in another language: Unicode noncharacters, which are
/// reserved for a program's internal use and never appear in interchanged text.
pub const LANG_START: char = '\u{FDD0}';
pub const LANG_TEXT: char = '\u{FDD1}';
pub const LANG_END: char = '\u{FDD2}';

/// `text` marked as being in language `tag`.
pub fn in_language(text: &str, tag: &str) -> String {
    format!("{LANG_START}{tag}{LANG_TEXT}{text}{LANG_END}")
}

pub use crate::base::lang::is_language_tag;

/// The `[text]{lang=tag}` spans of `src` (byte range of the whole form, and the tag
/// as written), for checking tags where they are written.
pub fn language_spans(src: &str) -> Vec<(std::ops::Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(k) = src[from..].find("]{lang=") {
        let close = from + k;
        let tag_start = close + "]{lang=".len();
        let Some(len) = src[tag_start..].find('}') else {
            break;
        };
        let end = tag_start + len + 1;
        // The `[` that opens this span: the nearest unmatched one before it.
        let mut depth = 0;
        let open = src[..close].char_indices().rev().find_map(|(i, c)| match c {
            ']' => {
                depth += 1;
                None
            }
            '[' if depth == 0 => Some(i),
            '[' => {
                depth -= 1;
                None
            }
            _ => None,
        });
        if let Some(open) = open {
            out.push((open..end, src[tag_start..end - 1].trim_matches(['"', '\'', ' '])));
        }
        from = end;
    }
    out
}

/// Rewrites `[text]{lang=tag}` into the language marks.
fn mark_languages(src: &str) -> std::borrow::Cow<'_, str> {
    let spans = language_spans(src);
    if spans.is_empty() {
        return src.into();
    }
    let mut out = String::with_capacity(src.len());
    let mut at = 0;
    for (range, tag) in spans {
        if range.start < at {
            continue;
        }
        let inner_end = range.start + src[range.clone()].rfind("]{lang=").unwrap_or(0);
        out.push_str(&src[at..range.start]);
        out.push_str(&in_language(&src[range.start + 1..inner_end], tag));
        at = range.end;
    }
    out.push_str(&src[at..]);
    out.into()
}

pub fn parse_inline(src: &str) -> Vec<Span> {
    if let Some(text) = unmarked(src) {
        return vec![Span {
            text,
            ..Span::default()
        }];
    }
    parse_marked(src)
}

/// The text of `src` when Markdown would give it back as one plain span, as most
/// of a leaflet's texts are: one line, opening with no block marker (`1.`, `-`,
/// `#`, an indent), with no character markup or smart punctuation would act on but
/// an apostrophe between letters, which becomes ’ (it's → it’s), as the parser
/// makes it. Then the parser is not run.
fn unmarked(src: &str) -> Option<String> {
    let first = src.chars().next()?;
    let last = src.chars().next_back()?;
    if first.is_ascii_punctuation() || first.is_ascii_digit() || first.is_whitespace() || last.is_whitespace()
    {
        return None;
    }
    let mut apostrophes = false;
    let mut prev = 0;
    for &b in src.as_bytes() {
        match b {
            b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'&' | b'~' | b'#' | b'"' => {
                return None
            }
            // `--` and `...` become dashes and an ellipsis.
            b'-' | b'.' if prev == b => return None,
            b'\'' => apostrophes = true,
            0..=0x1f | 0x7f => return None,
            _ => {}
        }
        prev = b;
    }
    if !src.is_ascii()
        && src
            .chars()
            .any(|c| c.is_control() || matches!(c, LANG_START | LANG_TEXT | LANG_END))
    {
        return None;
    }
    if !apostrophes {
        return Some(src.to_string());
    }
    let mut out = String::with_capacity(src.len() + 4);
    let mut prev = first;
    let mut chars = src.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' if prev.is_alphanumeric() && chars.peek().is_some_and(|n| n.is_alphanumeric()) => {
                out.push('’')
            }
            '\'' => return None,
            c => out.push(c),
        }
        prev = c;
    }
    Some(out)
}

/// [`parse_inline`] through the Markdown parser.
fn parse_marked(src: &str) -> Vec<Span> {
    let marked = mark_languages(src);
    let src: &str = &marked;
    let mut spans: Vec<Span> = Vec::new();
    // The language of the text being read: a stack, as marks may nest; `None` on
    // top while a tag is being read.
    let mut langs: Vec<Option<String>> = Vec::new();
    let mut style = Style::default();
    let mut depth_bold = 0;
    let mut depth_italic = 0;
    let mut link: Option<String> = None;
    let mut blocks_seen = 0;
    let mut in_item = false;
    let mut list_numbers: Vec<Option<u64>> = Vec::new();
    let mut push = |spans: &mut Vec<Span>, text: &str, style: Style, link: &Option<String>| {
        let add = |spans: &mut Vec<Span>, text: &str, lang: Option<&String>| {
            if text.is_empty() {
                return;
            }
            match spans.last_mut() {
                Some(last) if last.style == style && &last.link == link && last.lang.as_ref() == lang => {
                    last.text.push_str(text)
                }
                _ => spans.push(Span {
                    text: text.to_string(),
                    style,
                    link: link.clone(),
                    lang: lang.cloned(),
                    isolate: false,
                }),
            }
        };
        if !text.contains([LANG_START, LANG_TEXT, LANG_END]) && !matches!(langs.last(), Some(None)) {
            add(spans, text, langs.last().and_then(|l| l.as_ref()));
            return;
        }
        let mut rest = text;
        while let Some(at) = rest.find([LANG_START, LANG_TEXT, LANG_END]) {
            let mark = rest[at..].chars().next().unwrap_or(LANG_END);
            match langs.last_mut() {
                // Reading a tag: its characters, up to the mark that ends it.
                Some(t @ None) if mark == LANG_TEXT => *t = Some(rest[..at].to_string()),
                Some(None) => {}
                _ => add(spans, &rest[..at], langs.last().and_then(|l| l.as_ref())),
            }
            match mark {
                LANG_START => langs.push(None),
                LANG_END => {
                    langs.pop();
                }
                _ => {}
            }
            rest = &rest[at + mark.len_utf8()..];
        }
        // (A tag is never cut by a Markdown event: it is letters, digits and hyphens.)
        if !matches!(langs.last(), Some(None)) {
            add(spans, rest, langs.last().and_then(|l| l.as_ref()));
        }
    };
    let opts = Options::ENABLE_SMART_PUNCTUATION;
    for event in Parser::new_ext(src, opts) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => {
                push(&mut spans, &t, style, &link)
            }
            Event::SoftBreak => push(&mut spans, " ", style, &link),
            Event::HardBreak => push(&mut spans, "\n", style, &link),
            Event::Start(Tag::Strong) => {
                depth_bold += 1;
                style.bold = true;
            }
            Event::End(TagEnd::Strong) => {
                depth_bold -= 1;
                style.bold = depth_bold > 0;
            }
            Event::Start(Tag::Emphasis) => {
                depth_italic += 1;
                style.italic = true;
            }
            Event::End(TagEnd::Emphasis) => {
                depth_italic -= 1;
                style.italic = depth_italic > 0;
            }
            Event::Start(Tag::Link { dest_url, .. }) => link = Some(dest_url.to_string()),
            Event::End(TagEnd::Link) => link = None,
            // Block structure Markdown saw in what the author meant as plain text:
            // give back the marker it consumed, and join blocks with a line break.
            Event::Start(Tag::Paragraph)
            | Event::Start(Tag::Heading { .. })
            | Event::Start(Tag::BlockQuote(_)) => {
                if blocks_seen > 0 && !in_item {
                    push(&mut spans, "\n", style, &link);
                }
                in_item = false;
                blocks_seen += 1;
                if let Event::Start(Tag::Heading { level, .. }) = &event {
                    push(
                        &mut spans,
                        &format!("{} ", "#".repeat(*level as usize)),
                        style,
                        &link,
                    );
                }
            }
            Event::Start(Tag::List(first)) => list_numbers.push(first),
            Event::End(TagEnd::List(_)) => {
                list_numbers.pop();
            }
            Event::Start(Tag::Item) => {
                if blocks_seen > 0 {
                    push(&mut spans, "\n", style, &link);
                }
                blocks_seen += 1;
                // The item's own paragraph (in a loose list) must not add a second break.
                in_item = true;
                let marker = match list_numbers.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}. ", *n - 1)
                    }
                    _ => "- ".to_string(),
                };
                push(&mut spans, &marker, style, &link);
            }
            Event::Rule => push(&mut spans, "---", style, &link),
            _ => {}
        }
    }
    spans
}

/// Plain text made safe to pass through inline markup: each character markup (or a
/// plan's template) would read, behind a backslash, so the text prints as typed.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '[' | ']' | '`' | '<' | '>' | '~' | '{' | '}' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The text without markup, e.g. for bookmarks and alt text.
pub fn plain_text(src: &str) -> String {
    parse_inline(src).into_iter().map(|s| s.text).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_italic_links() {
        let s = parse_inline("**Pain:** it *helps*, see [the site](https://x.example).");
        assert_eq!(s[0].text, "Pain:");
        assert!(s[0].style.bold);
        assert_eq!(s[1].text, " it ");
        assert!(s[2].style.italic);
        assert_eq!(s[4].link.as_deref(), Some("https://x.example"));
        assert_eq!(s[4].text, "the site");
    }

    #[test]
    fn text_taken_as_unmarked_is_what_the_parser_makes_of_it() {
        // Random strings of letters, digits, spaces and the characters Markdown and
        // smart punctuation act on: each the shortcut takes must parse the same.
        let alphabet: Vec<char> = "aZé1 '\".-*_()!:’#\n&;/[]<>\\`~{}=+\t|?,\u{a0}".chars().collect();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut taken = 0;
        for _ in 0..100_000 {
            let mut s = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            for k in 0..(seed % 12 + 1) {
                s.push(alphabet[((seed >> (k * 5)) as usize) % alphabet.len()]);
            }
            if let Some(text) = unmarked(&s) {
                taken += 1;
                let expected = vec![Span {
                    text,
                    ..Span::default()
                }];
                assert_eq!(parse_marked(&s), expected, "{s:?}");
            }
        }
        assert!(taken > 1_500, "{taken}");
        for s in [
            "It's 5-10 sessions: don't worry!",
            "rock'n'roll, l'été",
            "Tel: 01632 960 000 (9am–5pm)",
            "e.g. two  spaces,\u{a0}a no-break space",
            "Acupuncture – what to expect?",
        ] {
            let text = unmarked(s).unwrap_or_else(|| panic!("{s:?} is plain"));
            assert_eq!(
                parse_marked(s),
                vec![Span {
                    text,
                    ..Span::default()
                }],
                "{s:?}"
            );
        }
        assert_eq!(unmarked("It's").as_deref(), Some("It’s"));
        for s in [
            "1. First",
            "- item",
            "'quoted'",
            "wait...",
            "a -- b",
            "**bold**",
            "[x](#y)",
            "line\nbreak",
        ] {
            assert_eq!(unmarked(s), None, "{s:?}");
        }
    }

    #[test]
    fn smart_quotes_and_literal_numbers() {
        assert_eq!(plain_text("(pronounced \"chi\") it's"), "(pronounced “chi”) it’s");
        assert_eq!(plain_text("1. How many?"), "1. How many?");
        assert_eq!(plain_text("5-10 sessions"), "5-10 sessions");
        assert_eq!(plain_text("- one\n- two"), "- one\n- two");
        assert_eq!(plain_text("first\n\nsecond"), "first\nsecond");
    }
}
