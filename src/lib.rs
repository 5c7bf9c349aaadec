//! leafpress turns a structured YAML file into a print-ready, paginated PDF leaflet.
//!
//! The pipeline, one module per stage, each handing plain data to the next:
//!
//! 1. [`content`]: read the YAML ([`content::Source`]), parse it into the content
//!    model ([`content::Leaflet`]) and resolve it ([`content::Resolved`]: checks made,
//!    images read). Every problem becomes a located [`Diagnostic`]; nothing after this
//!    stage fails on bad input.
//! 2. [`text`]: inline markup → styled spans → shaped glyphs (harfrust) → lines
//!    (UAX #14 breaks, hyphenation only for words longer than a line).
//! 3. [`layout`]: blocks → flow children → pages of positioned items
//!    ([`layout::Document`]), with keep-with-next, orphan and widow rules.
//! 4. [`pdf`]: items → PDF with subset, embedded fonts, links, outline and metadata.
//!
//! ```no_run
//! let built = leafpress::build_file(std::path::Path::new("content/acupuncture-hip-knee.yaml")).unwrap();
//! std::fs::write("leaflet.pdf", &built.pdf).unwrap();
//! ```
#![forbid(unsafe_code)]

pub mod content;
pub mod diag;
pub mod layout;
pub mod pdf;
pub mod text;
pub mod units;

pub use diag::{Diagnostic, Diagnostics};

use content::{Resolved, Source};
use layout::Theme;
use std::path::Path;

/// A finished leaflet.
pub struct Built {
    pub pdf: Vec<u8>,
    pub layout: layout::Document,
}

/// Reads, parses and resolves a content file: everything short of layout.
pub fn load(path: &Path) -> Result<(Source, Resolved), Diagnostics> {
    let src = Source::read(path)?;
    let leaflet = content::parse(&src)?;
    let resolved = content::resolve(&src, leaflet)?;
    Ok((src, resolved))
}

/// Lays out a resolved leaflet with the default theme.
pub fn lay_out(
    src: &Source,
    doc: &Resolved,
    fonts: &mut text::Fonts,
) -> Result<layout::Document, Diagnostics> {
    layout::lay_out(doc, fonts, &Theme::default()).map_err(|e| {
        let (what, span) = match doc.leaflet.blocks.get(e.block) {
            Some(b) => (
                format!("block {} ({})", e.block + 1, b.type_name()),
                doc.block_spans.get(e.block).cloned().flatten(),
            ),
            None => ("the title".to_string(), None),
        };
        Diagnostics::one(
            Diagnostic::new(
                &src.path,
                format!(
                    "{what} is {:.0} mm tall, but a page has room for {:.0} mm",
                    e.height / units::PT_PER_MM,
                    e.available / units::PT_PER_MM
                ),
            )
            .at(span)
            .help("make it smaller (for an image, a smaller `width:` such as 60%) or split it"),
        )
        .with_source(&src.text)
    })
}

/// Builds the PDF of a content file.
pub fn build_file(path: &Path) -> Result<Built, Diagnostics> {
    let (src, resolved) = load(path)?;
    render(&src, &resolved)
}

/// Lays out and writes a resolved leaflet.
pub fn render(src: &Source, doc: &Resolved) -> Result<Built, Diagnostics> {
    let mut fonts = text::Fonts::new();
    let layout = lay_out(src, doc, &mut fonts)?;
    let l = &doc.leaflet;
    let meta = pdf::Meta {
        title: &text::plain_text(&l.title),
        author: l.author.as_deref(),
        language: &l.language,
    };
    let pdf = pdf::write(&layout, &doc.images, &meta).map_err(|e| {
        Diagnostics::one(Diagnostic::new(&src.path, e).help("this is a bug in leafpress; please report it"))
    })?;
    Ok(Built { pdf, layout })
}
