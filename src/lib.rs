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
//!    ([`layout::Document`]), with keep-with-next, orphan and widow rules, and the
//!    logical structure (headings, lists, figures…) every content item belongs to.
//! 4. [`impose`]: pages → sheets (one per page; booklet pairs; bleed and crop marks).
//! 5. [`images`]: each placed image resampled and encoded for print or e-mail.
//! 6. [`pdf`]: sheets → a tagged (PDF/UA-1) PDF with subset, embedded fonts, links,
//!    outline and metadata.
//!
//! ```no_run
//! let built = leafpress::build_file(std::path::Path::new("content/acupuncture-hip-knee.yaml")).unwrap();
//! std::fs::write("leaflet.pdf", &built.pdf).unwrap();
//! ```
#![forbid(unsafe_code)]

pub mod content;
pub mod diag;
pub mod images;
pub mod impose;
pub mod layout;
pub mod pdf;
pub mod text;
pub mod units;

pub use diag::{Diagnostic, Diagnostics};

use content::{Resolved, Source};
use layout::Theme;
use std::path::Path;

/// How to build: where the PDF goes and how its pages are put on sheets.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Options {
    /// Image resolution and compression. Default: print.
    pub target: images::Target,
    /// Sheets for an office printer, bleed and crop marks for a print shop.
    /// Default: one sheet per page, no bleed.
    pub impose: impose::ImposeOptions,
}

/// A finished leaflet.
pub struct Built {
    pub pdf: Vec<u8>,
    pub layout: layout::Document,
    pub sheets: usize,
    /// Problems that did not stop the build (images too coarse for print).
    pub warnings: Diagnostics,
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

/// What a build would warn about: images too coarse for print (print builds), margins
/// too small for a print shop's cut (builds with bleed).
pub fn warnings(
    src: &Source,
    doc: &Resolved,
    placements: &[images::Placement],
    options: &Options,
) -> Diagnostics {
    let mut items = Vec::new();
    if options.target == images::Target::Print {
        for p in images::too_coarse_for_print(placements) {
            let name = match doc.leaflet.blocks.get(p.block) {
                Some(content::Block::Image(img)) => img.src.clone(),
                _ => format!("block {}", p.block + 1),
            };
            items.push(
                Diagnostic::new(
                    &src.path,
                    format!(
                        "image \"{name}\" is placed at {:.0} ppi; print wants 300 ppi",
                        p.ppi
                    ),
                )
                .at(doc.block_spans.get(p.block).cloned().flatten())
                .help("use a larger image, or a smaller `width:`; it will look soft in print")
                .warning(),
            );
        }
    }
    let m = doc.leaflet.page.margin;
    let smallest = [m.top, m.bottom, m.inner, m.outer]
        .iter()
        .map(|l| l.pt())
        .fold(f32::MAX, f32::min);
    if options.impose.bleed > 0.0 && smallest < 5.0 * units::PT_PER_MM {
        items.push(
            Diagnostic::new(
                &src.path,
                "a page margin is under 5 mm: a print shop's cut may touch the text",
            )
            .help("use margins of at least 5 mm (15mm is the default) for print-shop output")
            .warning(),
        );
    }
    Diagnostics {
        items,
        source: Some(src.text.clone()),
    }
}

/// Builds the PDF of a content file with the default options.
pub fn build_file(path: &Path) -> Result<Built, Diagnostics> {
    build_file_with(path, &Options::default())
}

pub fn build_file_with(path: &Path, options: &Options) -> Result<Built, Diagnostics> {
    let (src, resolved) = load(path)?;
    render(&src, &resolved, options)
}

/// Lays out, imposes and writes a resolved leaflet.
pub fn render(src: &Source, doc: &Resolved, options: &Options) -> Result<Built, Diagnostics> {
    let mut fonts = text::Fonts::new();
    let layout = lay_out(src, doc, &mut fonts)?;
    let sheets = impose::impose(&layout, &options.impose);
    let placements = images::placements(&layout, &doc.images);
    let prepared = images::prepare(&doc.images, &placements, options.target);
    let warnings = warnings(src, doc, &placements, options);
    let l = &doc.leaflet;
    let meta = pdf::Meta {
        title: &text::plain_text(&l.title),
        author: l.author.as_deref(),
        language: &l.language,
    };
    let pdf = pdf::write(&layout, &sheets, &prepared, fonts.book(), &meta).map_err(|e| {
        Diagnostics::one(Diagnostic::new(&src.path, e).help("this is a bug in leafpress; please report it"))
    })?;
    Ok(Built {
        pdf,
        layout,
        sheets: sheets.sheets.len(),
        warnings,
    })
}
