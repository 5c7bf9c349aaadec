//! A library's web index (out/index.html): every leaflet with its title, language
//! and next review date, its web page as the main link and each PDF linked as the
//! NHS asks ("Knee pain – print (PDF, 27 KB)"), so no one opens a PDF unawares.

use super::inline::{dir, escape, inline};
use crate::model::theme::Theme;
use crate::model::Date;
use std::fmt::Write;

/// One leaflet of the library.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The title, as inline markup.
    pub title: String,
    /// Its language tag.
    pub language: String,
    pub review: Option<Date>,
    /// Every edition built, in `outputs:` order.
    pub links: Vec<Link>,
}

/// One edition's file, relative to the index.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// The edition's name in `outputs:` (`print`, `email`, `web`).
    pub edition: String,
    /// A relative address, `/`-separated (`web/knee.html`).
    pub href: String,
    /// A web page (the leaflet itself) rather than a PDF.
    pub web: bool,
    pub bytes: u64,
}

/// A file's size as people read it: "27 KB", "1.4 MB".
pub fn size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024).max(1))
    }
}

/// The index page of `entries`, titled `name` (the clinic's name, or "Leaflets"),
/// in language `lang`, styled like the leaflets.
pub fn write(name: &str, lang: &str, entries: &[Entry], theme: &Theme, generator: &str) -> String {
    let mut out = super::head(lang, name, None, &super::style::css(theme, lang), generator);
    out.push_str("<body>\n<div class=\"leaflet index\">\n<main>\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(name));
    for e in entries {
        let title = inline(&e.language, &e.title);
        let plain = crate::text::plain_text(&e.title);
        let lang_attr = format!(" lang=\"{}\" dir=\"{}\"", escape(&e.language), dir(&e.language));
        out.push_str("<section class=\"entry\">\n");
        match e.links.iter().find(|l| l.web) {
            Some(w) => {
                let _ = writeln!(
                    out,
                    "<h2{lang_attr}><a href=\"{}\">{}</a></h2>",
                    escape(&w.href),
                    title.html
                );
            }
            None => {
                let _ = writeln!(out, "<h2{lang_attr}>{}</h2>", title.html);
            }
        }
        let _ = write!(out, "<p>Language: {}", escape(&e.language));
        if let Some(r) = e.review {
            let _ = write!(out, " · Next review: {}", escape(&r.words()));
        }
        out.push_str("</p>\n<ul>\n");
        for l in e.links.iter().filter(|l| !l.web) {
            // The link names the leaflet, the edition, that it is a PDF and its size.
            let _ = writeln!(
                out,
                "<li><a href=\"{}\"><span{lang_attr}>{}</span> – {} (PDF, {})</a></li>",
                escape(&l.href),
                escape(&plain),
                escape(&l.edition),
                size(l.bytes)
            );
        }
        out.push_str("</ul>\n</section>\n");
    }
    out.push_str("</main>\n</div>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_the_nhs_writes_them() {
        assert_eq!(size(27 * 1024), "27 KB");
        assert_eq!(size(100), "1 KB");
        assert_eq!(size(1536 * 1024), "1.5 MB");
    }
}
