//! Inline markup (`**bold**`, `*italic*`, `[text](url)`) → styled spans, via
//! pulldown-cmark with smart punctuation, so "quotes" come out curly.
//!
//! Content fields are inline text, not documents: block syntax that Markdown would
//! swallow (`1. ` or `- ` at the start, `# `) is given back as the literal text.

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
}

pub fn parse_inline(src: &str) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    let mut style = Style::default();
    let mut depth_bold = 0;
    let mut depth_italic = 0;
    let mut link: Option<String> = None;
    let mut blocks_seen = 0;
    let mut in_item = false;
    let mut list_numbers: Vec<Option<u64>> = Vec::new();
    let push = |spans: &mut Vec<Span>, text: &str, style: Style, link: &Option<String>| match spans.last_mut()
    {
        Some(last) if last.style == style && &last.link == link => last.text.push_str(text),
        _ => spans.push(Span {
            text: text.to_string(),
            style,
            link: link.clone(),
        }),
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
    fn smart_quotes_and_literal_numbers() {
        assert_eq!(plain_text("(pronounced \"chi\") it's"), "(pronounced “chi”) it’s");
        assert_eq!(plain_text("1. How many?"), "1. How many?");
        assert_eq!(plain_text("5-10 sessions"), "5-10 sessions");
        assert_eq!(plain_text("- one\n- two"), "- one\n- two");
        assert_eq!(plain_text("first\n\nsecond"), "first\nsecond");
    }
}
