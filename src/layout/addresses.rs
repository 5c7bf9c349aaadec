//! Addresses on paper: in print, a link whose text is not its address gets the
//! address after it in a short readable form ("visit our website
//! (riverside-physio.example/knee)"), and a link to a heading gets its page ("see
//! Benefits, page 4"), as ordinary text that reads aloud and extracts with the rest.
//! E-mailed PDFs keep the link text alone: there the link works.

use crate::text::Span;
use std::collections::HashMap;

/// `https://www.riverside-physio.example/knee/` → `riverside-physio.example/knee`;
/// `mailto:` and `tel:` give the address or number.
pub fn short(url: &str) -> String {
    let u = url.trim();
    for scheme in ["mailto:", "tel:"] {
        if let Some(rest) = u.strip_prefix(scheme) {
            return rest.split('?').next().unwrap_or(rest).to_string();
        }
    }
    let u = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"))
        .unwrap_or(u);
    let u = u.strip_prefix("www.").unwrap_or(u);
    u.trim_end_matches('/').to_string()
}

/// Whether the link text already is the address (then nothing is added).
fn says_address(text: &str, address: &str) -> bool {
    let squash = |s: &str| -> String {
        short(s)
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-' && *c != '(' && *c != ')')
            .flat_map(char::to_lowercase)
            .collect()
    };
    let t = squash(text.trim().trim_end_matches(['.', ',', ';', ':']));
    !t.is_empty() && t == squash(address)
}

/// `spans` with each link's address (or heading's page, when `pages` knows it) put
/// after the link as plain text. Returns whether there was a link to a heading, so
/// the caller can lay out again once the pages are known.
pub fn add(spans: Vec<Span>, pages: &HashMap<String, usize>, see_page: &str) -> (Vec<Span>, bool) {
    let mut out: Vec<Span> = Vec::with_capacity(spans.len() + 1);
    let mut internal = false;
    let mut spans = spans.into_iter().peekable();
    while let Some(span) = spans.next() {
        let link = span.link.clone();
        out.push(span);
        let Some(url) = link else { continue };
        // A link split over styles ("**our** website") is one link: add after its end.
        if spans.peek().is_some_and(|next| next.link.as_ref() == Some(&url)) {
            continue;
        }
        let text: String = out
            .iter()
            .rev()
            .take_while(|s| s.link.as_ref() == Some(&url))
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let addition = match url.strip_prefix('#') {
            Some(anchor) => {
                internal = true;
                pages
                    .get(anchor)
                    .map(|p| format!(", {}", see_page.replace("{n}", &(p + 1).to_string())))
            }
            None if says_address(&text, &url) => None,
            None => Some(format!(" ({})", short(&url))),
        };
        if let Some(a) = addition {
            out.push(Span {
                text: a,
                style: out.last().map(|s| s.style).unwrap_or_default(),
                ..Span::default()
            });
        }
    }
    (out, internal)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::parse_inline;

    fn text(spans: &[Span]) -> String {
        spans.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn addresses_follow_link_text_in_short_form() {
        let pages = HashMap::from([("benefits".to_string(), 3)]);
        let (s, internal) = add(
            parse_inline("Visit [our website](https://www.riverside-physio.example/knee/), [call us](tel:01632960123), see [Benefits](#benefits)."),
            &pages,
            "page {n}",
        );
        assert_eq!(
            text(&s),
            "Visit our website (riverside-physio.example/knee), call us (01632960123), see Benefits, page 4."
        );
        assert!(internal);
        // The addition is not part of the link.
        assert!(s
            .iter()
            .any(|x| x.text == " (riverside-physio.example/knee)" && x.link.is_none()));
        // Text that is the address already gets nothing.
        let (s, _) = add(
            parse_inline("[www.nhs.uk](https://www.nhs.uk/) and [hello@x.example](mailto:hello@x.example)"),
            &pages,
            "page {n}",
        );
        assert_eq!(text(&s), "www.nhs.uk and hello@x.example");
    }
}
