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
//! 4. [`lint`]: the laid-out document reviewed: what a build warns about; and for
//!    `check`, [`plain`]: the plain-language and clear-print review, which
//!    [`report`] shows in the terminal, as JSON or as an HTML page.
//! 5. [`impose`]: pages → sheets (one per page; booklet pairs; bleed and crop marks).
//! 6. [`images`]: each placed image resampled and encoded for print or e-mail.
//! 7. [`pdf`]: sheets → a tagged (PDF/UA-1) PDF with subset, embedded fonts, links,
//!    outline and metadata.
//!
//! [`build`] and [`check`] run the pipeline with the compiled-in fonts and the default
//! theme; an [`Engine`] holds a font book and a theme of your own, shared by every
//! build made with it (on any thread).
//!
//! ```no_run
//! let path = std::path::Path::new("content/acupuncture-hip-knee.yaml");
//! let built = leafpress::build(path, &leafpress::Options::default()).unwrap();
//! std::fs::write("leaflet.pdf", &built.pdf).unwrap();
//! ```
#![forbid(unsafe_code)]

// The stages, lowest first: each imports only the ones before it in this list
// (tests/architecture.rs keeps it so). Blank lines keep rustfmt from sorting them.
pub mod base;

pub mod text;

pub mod model;

pub mod images;

pub mod load;

pub mod layout;

pub mod review;

pub mod output;

pub mod present;

pub mod engine;

pub use base::diag::{Diagnostic, Diagnostics};
pub use engine::{
    build, check, lay_out, lay_out_with, load, load_with, Built, Checked, Engine, FitReport, Reviewed,
    Timings,
};
pub use model::edition::{Fit, Options};
