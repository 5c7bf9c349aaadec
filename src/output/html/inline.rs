//! Inline markup → HTML: bold as `strong`, italic as `em`, links as `a`, text in
//! another language in an element carrying its `lang` and `dir`. Everything is
//! escaped; nothing a content file holds becomes markup of its own.

use crate::text::runs::number_groups;
use crate::text::{locale, parse_inline, Span};
use std::fmt::Write;

pub use crate::base::escape::xml as escape;

/// `dir` for a language: `rtl` or `ltr`.
pub fn dir(tag: &str) -> &'static str {
    if locale::is_rtl(tag) {
        "rtl"
    } else {
        "ltr"
    }
}

/// ` lang="…" dir="…"` for text in language `tag`, or nothing.
pub fn lang_attrs(tag: Option<&str>) -> String {
    match tag {
        Some(t) => format!(" lang=\"{}\" dir=\"{}\"", escape(t), dir(t)),
        None => String::new(),
    }
}

/// A field of a content file as HTML, with the language its whole text is in
/// (a block's `lang:`), which the caller puts on the element that holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Inline {
    pub lang: Option<String>,
    pub html: String,
}

impl Inline {
    /// The element `tag` holding this text, with `attrs` (starting with a space)
    /// and the text's language when it has one of its own.
    pub fn wrapped(&self, tag: &str, attrs: &str) -> String {
        format!(
            "<{tag}{attrs}{}>{}</{tag}>",
            lang_attrs(self.lang.as_deref()),
            self.html
        )
    }
}

/// `src` (inline markup) as HTML. A language covering all of it is lifted out
/// into [`Inline::lang`]; a language on part of it becomes a `span`.
/// `home`: the leaflet's language, whose quotation marks text without a language
/// of its own takes (as in the PDF).
pub fn inline(home: &str, src: &str) -> Inline {
    let parsed = parse_inline(src);
    let spans = locale::quoted_spans(&parsed, home).unwrap_or(parsed);
    let whole = spans.first().and_then(|s| s.lang.clone()).filter(|l| {
        spans
            .iter()
            .all(|s| s.lang.as_deref() == Some(l.as_str()) || s.text.trim().is_empty())
    });
    let mut html = String::new();
    for s in &spans {
        let lang = s.lang.as_deref().filter(|l| whole.as_deref() != Some(*l));
        let rtl = locale::is_rtl(s.lang.as_deref().unwrap_or(home));
        html.push_str(&span(s, lang, rtl));
    }
    Inline { lang: whole, html }
}

/// Spans made by leafpress itself (a label, a phone number) as HTML.
pub fn spans(spans: &[Span]) -> String {
    spans.iter().map(|s| span(s, s.lang.as_deref(), false)).collect()
}

/// One span as HTML; `rtl`: it is read right to left, where numbers written in
/// groups ("01632 960 000") are isolated left to right, as the PDF sets them
/// (`text::runs::number_groups`), or the bidi algorithm would reverse the groups.
fn span(s: &Span, lang: Option<&str>, rtl: bool) -> String {
    let groups = if rtl && !s.isolate {
        number_groups(&s.text)
    } else {
        Vec::new()
    };
    let mut inner = String::new();
    let mut at = 0;
    for g in groups {
        inner.push_str(&escape(&s.text[at..g.start]));
        let _ = write!(inner, "<bdi dir=\"ltr\">{}</bdi>", escape(&s.text[g.clone()]));
        at = g.end;
    }
    inner.push_str(&escape(&s.text[at..]));
    // A line break inside a field (a YAML block scalar) is kept as one.
    let mut inner = inner.replace('\n', "<br>");
    if s.style.italic {
        inner = format!("<em>{inner}</em>");
    }
    if s.style.bold {
        inner = format!("<strong>{inner}</strong>");
    }
    if let Some(uri) = &s.link {
        let mut a = format!("<a href=\"{}\"", escape(uri));
        // A phone number or an address keeps its own order in right-to-left text.
        if s.isolate {
            a.push_str(" dir=\"ltr\"");
        }
        let _ = write!(a, ">{inner}</a>");
        inner = a;
    } else if s.isolate {
        inner = format!("<bdi dir=\"ltr\">{inner}</bdi>");
    }
    match lang {
        Some(l) => format!("<span{}>{inner}</span>", lang_attrs(Some(l))),
        None => inner,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_becomes_elements_and_text_is_escaped() {
        let i = inline("en", "**Pain:** <b>a & b</b> [site](https://x.example/?a=1&b=2)");
        assert_eq!(i.lang, None);
        assert!(i.html.starts_with("<strong>Pain:</strong>"), "{}", i.html);
        assert!(i.html.contains("&lt;b&gt;a &amp; b&lt;/b&gt;"), "{}", i.html);
        assert!(
            i.html
                .contains("<a href=\"https://x.example/?a=1&amp;b=2\">site</a>"),
            "{}",
            i.html
        );
    }

    #[test]
    fn a_language_on_part_is_a_span_and_on_the_whole_is_lifted() {
        let part = inline("en", "Say [Dzień dobry]{lang=pl} and [مرحبا]{lang=ar}.");
        assert!(
            part.html
                .contains("<span lang=\"pl\" dir=\"ltr\">Dzień dobry</span>"),
            "{}",
            part.html
        );
        assert!(
            part.html.contains("<span lang=\"ar\" dir=\"rtl\">مرحبا</span>"),
            "{}",
            part.html
        );
        let whole = inline("en", &crate::text::markup::in_language("**Uwaga** tekst", "pl"));
        assert_eq!(whole.lang.as_deref(), Some("pl"));
        assert_eq!(
            whole.wrapped("p", ""),
            "<p lang=\"pl\" dir=\"ltr\"><strong>Uwaga</strong> tekst</p>"
        );
    }

    #[test]
    fn numbers_in_groups_keep_their_order_in_right_to_left_text() {
        let ur = inline("ur", "کلینک · 01632 960 000");
        assert_eq!(ur.html, "کلینک · <bdi dir=\"ltr\">01632 960 000</bdi>");
        assert_eq!(inline("en", "Call 01632 960 000").html, "Call 01632 960 000");
    }
}
