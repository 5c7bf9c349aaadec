//! The web edition: a resolved leaflet (the same content the PDF is laid out
//! from) written as one self-contained, accessible HTML page. Pictures are inline
//! (`data:` URIs, or SVG drawn from their checked shapes), there is no script and
//! no font file, and a Content-Security-Policy forbids every request, so the page
//! works offline and tells no one it was opened. Same input, same bytes.

mod blocks;
pub mod index;
mod inline;
mod style;
mod svg;

pub use inline::escape;
pub use style::{readable, Palette};

use crate::base::units::Pt;
use crate::images::screen::ScreenImage;
use crate::images::ImageKey;
use crate::load::Resolved;
use crate::model::labels::Labels;
use crate::model::theme::Theme;
use crate::model::Block;
use inline::{dir, inline};
use std::collections::HashMap;
use std::fmt::Write;

/// Everything a web page is made from.
pub struct Page<'a> {
    pub doc: &'a Resolved,
    pub theme: &'a Theme,
    pub labels: &'a Labels,
    /// Raster pictures prepared for screens; SVG pictures are drawn from `doc`.
    pub images: &'a HashMap<ImageKey, ScreenImage>,
    /// The printed leaflet's text width: what an absolute image width is a share of.
    pub text_width: Pt,
    /// leafpress's version, for the generator meta.
    pub generator: &'a str,
}

/// No request of any kind: styles and pictures are inside the file; forms never
/// post. (`'unsafe-inline'` for styles is the one inline stylesheet.)
pub const CSP: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'";

/// The page's head: language, direction, title, the policy, the stylesheet.
pub fn head(lang: &str, title: &str, description: Option<&str>, css: &str, generator: &str) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta name=\"generator\" content=\"{}\">\n<title>{}</title>\n",
        escape(lang),
        dir(lang),
        escape(generator),
        escape(title)
    );
    if let Some(d) = description {
        let _ = writeln!(out, "<meta name=\"description\" content=\"{}\">", escape(d));
    }
    let _ = write!(out, "<style>\n{css}\n</style>\n</head>\n");
    out
}

/// The leaflet as one HTML page.
pub fn write(page: &Page) -> String {
    let l = &page.doc.leaflet;
    let title = crate::text::plain_text(&l.title);
    let subtitle = l.subtitle.as_deref().map(crate::text::plain_text);
    let mut out = head(
        l.language.as_str(),
        &title,
        subtitle.as_deref(),
        &style::css(page.theme, l.language.as_str()),
        page.generator,
    );
    out.push_str("<body>\n<div class=\"leaflet\">\n");
    out.push_str(&cover(page));
    out.push_str("<main>\n");
    for (i, b) in l.blocks.iter().enumerate() {
        let html = blocks::block(page, i, b);
        if !html.is_empty() {
            out.push_str(&html);
            out.push('\n');
        }
    }
    out.push_str("</main>\n");
    out.push_str(&back_matter(page));
    out.push_str("</div>\n</body>\n</html>\n");
    out
}

/// The title block, as the cover shows it: the logo, the title and subtitle, the
/// cover picture, the clinic's name.
fn cover(page: &Page) -> String {
    let l = &page.doc.leaflet;
    let h = l.language.as_str();
    let mut out = String::from("<header class=\"cover\" data-block=\"title\">\n");
    if page.doc.images.contains_key(&ImageKey::Logo) {
        let alt = page.doc.brand.logo_alt.as_deref();
        let logo = blocks::picture(page, ImageKey::Logo, alt, None);
        // The class sizes an `img`; an SVG logo is wrapped so it sizes the same.
        out.push_str(&logo.replacen("<img ", "<img class=\"logo\" ", 1).replacen(
            "<svg ",
            "<svg class=\"logo\" ",
            1,
        ));
        out.push('\n');
    }
    out.push_str(&inline(h, &l.title).wrapped("h1", ""));
    if let Some(s) = &l.subtitle {
        out.push_str(&inline(h, s).wrapped("p", " class=\"subtitle\""));
    }
    if l.has_cover() {
        let pic = l.cover.as_ref().and_then(|c| c.image.as_ref());
        if let Some(p) = pic.filter(|_| page.doc.images.contains_key(&ImageKey::Cover)) {
            let alt = (!p.decorative).then(|| p.alt.as_deref().unwrap_or_default());
            let _ = write!(
                out,
                "<figure>{}</figure>",
                blocks::picture(page, ImageKey::Cover, alt, None)
            );
        }
        if let Some(name) = &page.doc.brand.brand.name {
            out.push_str(&inline(h, name).wrapped("p", " class=\"brand\""));
        }
    }
    out.push_str("\n</header>\n");
    out
}

/// What the back page holds: the project's contact details (unless a block shows
/// them), then "About this leaflet" with the dates, reference, sources and the
/// feedback line, in the PDF's words; then the footer's text.
fn back_matter(page: &Page) -> String {
    let l = &page.doc.leaflet;
    let h = l.language.as_str();
    let labels = page.labels;
    let mut out = String::new();
    let back = page.doc.back_contact.as_ref().filter(|c| {
        l.has_cover()
            && !l
                .blocks
                .iter()
                .any(|b| matches!(b, Block::Contact(shown) if shown.shows(c)))
    });
    if let Some(c) = back {
        out.push_str(&blocks::contact(h, c, labels, " data-block=\"back\""));
        out.push('\n');
    }
    if l.has_details() {
        out.push_str("<section class=\"about\" aria-labelledby=\"about\" data-block=\"about\">\n");
        let _ = writeln!(out, "<h2 id=\"about\">{}</h2>", escape(&labels.about));
        let mut dates = Vec::new();
        if let Some(p) = l.published {
            dates.push(format!("**{}:** {}", labels.published, p.words()));
        }
        if let Some(r) = l.review {
            dates.push(format!("**{}:** {}", labels.review, r.words()));
        }
        if let Some(r) = &l.reference {
            dates.push(format!("**{}:** {}", labels.reference, markup_escape(r)));
        }
        if !dates.is_empty() {
            out.push_str(&inline(h, &dates.join(" · ")).wrapped("p", ""));
        }
        if !l.sources.is_empty() {
            let _ = write!(out, "<p><strong>{}</strong></p><ol>", escape(&labels.sources));
            for s in &l.sources {
                out.push_str(&inline(h, s).wrapped("li", ""));
            }
            out.push_str("</ol>");
        }
        if let Some(f) = &l.feedback {
            out.push_str(&inline(h, f).wrapped("p", ""));
        }
        out.push_str("\n</section>\n");
    }
    if let Some(f) = &l.footer {
        out.push_str(&inline(h, f).wrapped("footer", " class=\"leaflet-footer\""));
        out.push('\n');
    }
    out
}

/// Plain text made safe to pass through inline markup (as the PDF's back page does).
use crate::text::markup::escape as markup_escape;
