//! Each block as the element a screen reader expects: headings, lists, figures
//! with captions, labelled regions for boxes, tables with header cells, real
//! checkboxes and labelled fields, an address with working links.

use super::inline::{escape, inline, lang_attrs, spans, Inline};
use super::Page;
use crate::base::units::Width;
use crate::images::ImageKey;
use crate::model::labels::Labels;
use crate::model::{Block, Contact};
use crate::text::{Span, Style};
use std::fmt::Write;

/// The HTML of block `i`, or nothing for a page break (a web page has no pages).
pub fn block(page: &Page, i: usize, b: &Block) -> String {
    // `data-block` ties the element to the content file's block (the tests compare
    // each block's text with the PDF's).
    let at = format!(" data-block=\"{i}\"");
    let h = page.doc.leaflet.language.as_str();
    match b {
        Block::Heading(t) => {
            let id = anchor_attr(page, i);
            inline(h, t).wrapped("h2", &format!("{at}{id}"))
        }
        Block::Subheading(t) => {
            let id = anchor_attr(page, i);
            inline(h, t).wrapped("h3", &format!("{at}{id}"))
        }
        Block::Paragraph(t) => inline(h, t).wrapped("p", &at),
        Block::Bullets(items) => list(h, "ul", &at, items),
        Block::Numbered(items) => list(h, "ol", &at, items),
        Block::Quote(q) => {
            let mut out = format!(
                "<figure class=\"quote\"{at}><blockquote>{}</blockquote>",
                inline(h, &q.text).wrapped("p", "")
            );
            if let Some(by) = &q.by {
                let by = inline(h, by);
                let _ = write!(
                    out,
                    "<figcaption{}>{}{}</figcaption>",
                    lang_attrs(by.lang.as_deref()),
                    escape(&page.labels.quote_by),
                    by.html
                );
            }
            out + "</figure>"
        }
        Block::Callout(c) => {
            let id = format!("b{i}-title");
            let (open, title) = match &c.title {
                Some(t) => (
                    format!("<section class=\"callout\"{at} aria-labelledby=\"{id}\">"),
                    inline(h, t).wrapped("p", &format!(" class=\"box-title\" id=\"{id}\"")),
                ),
                None => (format!("<div class=\"callout\"{at}>"), String::new()),
            };
            let close = if c.title.is_some() { "</section>" } else { "</div>" };
            format!("{open}{title}{}{close}", inline(h, &c.text).wrapped("p", ""))
        }
        Block::Urgent(u) => {
            let id = format!("b{i}-title");
            let mut out = format!(
                "<section class=\"urgent\"{at} aria-labelledby=\"{id}\">{}",
                inline(h, &u.title).wrapped("p", &format!(" class=\"box-title\" id=\"{id}\""))
            );
            if !u.items.is_empty() {
                out.push_str(&list(h, "ul", "", &u.items));
            }
            if let Some(t) = &u.text {
                out.push_str(&inline(h, t).wrapped("p", ""));
            }
            out + "</section>"
        }
        Block::Image(img) => {
            let alt = (!img.decorative).then(|| img.alt.as_deref().unwrap_or_default());
            let share = match img.width {
                Width::Percent(p) => p,
                Width::Absolute(l) => l.pt() / page.text_width * 100.0,
            }
            .clamp(5.0, 100.0);
            let mut out = format!(
                "<figure{at}>{}",
                picture(page, ImageKey::Block(i), alt, Some(share))
            );
            if let Some(c) = &img.caption {
                out.push_str(&inline(h, c).wrapped("figcaption", ""));
            }
            out + "</figure>"
        }
        Block::Faq(entries) => {
            // Numbered as the PDF numbers them, so a question can be named on the phone.
            let mut out = format!("<dl class=\"faq\"{at}>");
            for (n, e) in entries.iter().enumerate() {
                let q = inline(h, &e.q);
                let q = Inline {
                    html: format!("{}. {}", n + 1, q.html),
                    ..q
                };
                out.push_str(&q.wrapped("dt", ""));
                out.push_str(&inline(h, &e.a).wrapped("dd", ""));
            }
            out + "</dl>"
        }
        Block::Contact(c) => contact(h, c, page.labels, &at),
        Block::Qr(q) => {
            // On a screen the code is the link it encodes; the address is shown as
            // it must be typed, as the PDF prints it.
            let shown = q.url.trim_start_matches("https://").trim_start_matches("http://");
            let mut out = format!("<div class=\"qr\"{at}>");
            if let Some(c) = &q.caption {
                out.push_str(&inline(h, c).wrapped("p", ""));
            }
            let _ = write!(
                out,
                "<p><a href=\"{}\" dir=\"ltr\">{}</a></p></div>",
                escape(&q.url),
                escape(shown)
            );
            out
        }
        Block::Exercise(e) => {
            let title = inline(h, &e.title);
            let mut out = format!(
                "<figure class=\"exercise\"{at}>{}",
                title.wrapped("figcaption", "")
            );
            if let Some(p) = &e.image {
                let alt = (!p.decorative).then(|| p.alt.as_deref().unwrap_or_default());
                out.push_str(&picture(page, ImageKey::Block(i), alt, None));
            }
            out.push_str(&list(h, "ol", "", &e.steps));
            if let Some(r) = &e.repeat {
                out.push_str(&inline(h, r).wrapped("p", ""));
            }
            out + "</figure>"
        }
        Block::Table(t) => table(h, i, &at, t),
        Block::Checklist(items) => {
            let mut out = format!("<ul class=\"checklist\"{at}>");
            for (k, item) in items.iter().enumerate() {
                let text = inline(h, item);
                let _ = write!(
                    out,
                    "<li><input type=\"checkbox\" id=\"b{i}-{k}\">{}</li>",
                    text.wrapped("label", &format!(" for=\"b{i}-{k}\""))
                );
            }
            out + "</ul>"
        }
        Block::WriteIn(items) => {
            // Fields a reader can type in on screen and that print as boxes to write
            // in; nothing typed is kept or sent anywhere.
            let mut out = format!("<div class=\"write-in\"{at}>");
            for (k, item) in items.iter().enumerate() {
                let text = inline(h, item);
                let _ = write!(
                    out,
                    "{}<textarea id=\"b{i}-{k}\" rows=\"2\"></textarea>",
                    text.wrapped("label", &format!(" for=\"b{i}-{k}\""))
                );
            }
            out + "</div>"
        }
        Block::PageBreak => String::new(),
    }
}

fn anchor_attr(page: &Page, i: usize) -> String {
    match page.doc.anchors.get(i).cloned().flatten() {
        Some(a) => format!(" id=\"{}\"", escape(&a)),
        None => String::new(),
    }
}

fn list(h: &str, tag: &str, attrs: &str, items: &[String]) -> String {
    let mut out = format!("<{tag}{attrs}>");
    for item in items {
        out.push_str(&inline(h, item).wrapped("li", ""));
    }
    let _ = write!(out, "</{tag}>");
    out
}

/// A picture from the page's images: an `img` with a `data:` URI, or an inline SVG.
/// `alt`: `None` when decorative. `share`: its width as a share of the column (%).
pub fn picture(page: &Page, key: ImageKey, alt: Option<&str>, share: Option<f32>) -> String {
    let style = share.map_or(String::new(), |s| format!(" style=\"inline-size:{s:.0}%\""));
    if let Some(img) = page.images.get(&key) {
        use base64::Engine as _;
        let data = base64::engine::general_purpose::STANDARD.encode(&img.bytes);
        return format!(
            "<img src=\"data:{};base64,{data}\" alt=\"{}\" width=\"{}\" height=\"{}\"{style}>",
            img.mime,
            escape(alt.unwrap_or_default()),
            img.width_px,
            img.height_px
        );
    }
    match page.doc.images.get(&key).and_then(|l| l.vector.as_ref()) {
        Some(d) => {
            let svg = super::svg::svg(d, alt, None);
            match share {
                Some(s) => format!("<div style=\"inline-size:{s:.0}%;margin-inline:auto\">{svg}</div>"),
                None => svg,
            }
        }
        None => String::new(),
    }
}

fn table(h: &str, i: usize, at: &str, t: &crate::model::Table) -> String {
    // A table wider than a phone scrolls in its own region (WCAG 1.4.10 allows
    // it), which the keyboard can reach and a screen reader names.
    let caption = t.caption.as_ref().map(|c| inline(h, c));
    let label = match &caption {
        Some(_) => format!(" aria-labelledby=\"b{i}-caption\""),
        None => " aria-label=\"Table\"".to_string(),
    };
    let mut out = format!("<div class=\"table\" role=\"region\" tabindex=\"0\"{label}{at}><table>");
    if let Some(c) = &caption {
        out.push_str(&c.wrapped("caption", &format!(" id=\"b{i}-caption\"")));
    }
    if !t.header.is_empty() {
        out.push_str("<thead><tr>");
        for h in &t.header {
            out.push_str(&inline(h, h).wrapped("th", " scope=\"col\""));
        }
        out.push_str("</tr></thead>");
    }
    out.push_str("<tbody>");
    for row in &t.rows {
        out.push_str("<tr>");
        for cell in row {
            out.push_str(&inline(h, cell).wrapped("td", ""));
        }
        out.push_str("</tr>");
    }
    out + "</tbody></table></div>"
}

/// Contact details as an `address`: name, then phone, e-mail and web as links
/// (`tel:`, `mailto:`), then the postal address, as the PDF's contact box.
pub fn contact(h: &str, c: &Contact, labels: &Labels, at: &str) -> String {
    let mut out = format!("<address class=\"contact\"{at}>");
    if let Some(name) = &c.name {
        let n = inline(h, name);
        out.push_str(
            &Inline {
                html: format!("<strong>{}</strong>", n.html),
                ..n
            }
            .wrapped("p", ""),
        );
    }
    let label = |l: &str| Span {
        text: format!("{l}{}", labels.colon),
        style: Style {
            bold: true,
            italic: false,
        },
        ..Span::default()
    };
    let linked = |text: &str, uri: String| Span {
        text: text.to_string(),
        link: Some(uri),
        isolate: true,
        ..Span::default()
    };
    let mut line = |l: &str, value: Span| {
        let _ = write!(out, "<p>{} {}</p>", spans(&[label(l)]), spans(&[value]));
    };
    if let Some(p) = &c.phone {
        line(&labels.phone, linked(p, Contact::tel(p)));
    }
    if let Some(e) = &c.email {
        line(&labels.email, linked(e, format!("mailto:{e}")));
    }
    if let Some(w) = &c.web {
        let (shown, uri) = Contact::web_link(w);
        line(&labels.web, linked(shown, uri));
    }
    if let Some(a) = &c.address {
        let a = inline(h, a);
        let _ = write!(
            out,
            "<p>{} <span{}>{}</span></p>",
            spans(&[label(&labels.address)]),
            lang_attrs(a.lang.as_deref()),
            a.html
        );
    }
    out + "</address>"
}
