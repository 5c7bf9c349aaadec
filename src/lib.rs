//! leafpress turns a structured YAML file into a print-ready, paginated PDF leaflet.
//!
//! The crate is built in stages. Each hands plain data to the next and imports only
//! the stages listed before it (`tests/architecture.rs` reads every `crate::` path
//! and fails on one that climbs):
//!
//! 1. [`base`]: units and paper sizes, colours and contrast, language tags, a file's
//!    text ([`base::source::Source`]), located [`Diagnostic`]s, atomic writes.
//! 2. [`text`]: fonts, inline markup → styled spans → shaped glyphs (harfrust) →
//!    lines (UAX #14 breaks, hyphenation only for words longer than a line).
//! 3. [`model`]: what a clinic writes, as data: the leaflet ([`model::Leaflet`], its
//!    blocks from one table of kinds), `leafpress.yaml` (brand, defaults, `check:`,
//!    `outputs:`), the review's rules, the design ([`model::theme::Theme`]) and the
//!    edition asked for ([`model::edition::Options`] → [`model::edition::PageSetup`]).
//! 4. [`images`]: pictures decoded, kept in an engine's [`images::cache::Cache`] and
//!    prepared for print or e-mail at their placed size.
//! 5. [`load`](mod@load): a content file and its project read and parsed once, with a source
//!    map from a YAML parser's marks ([`load::spans::Spans`]), traps explained and
//!    fixed, and resolved ([`load::Resolved`]: checks made, images read). Every problem
//!    becomes a located [`Diagnostic`]; nothing after this stage fails on bad input.
//! 6. [`layout`]: blocks → flow children → pages of positioned items
//!    ([`layout::Document`]) on an edition's pages, with keep-with-next, orphan and
//!    widow rules, and the logical structure every content item belongs to.
//! 7. [`review`]: the laid-out leaflet reviewed: what a build warns about
//!    ([`review::lint`]) and `check`'s plain-language and clear-print review
//!    ([`review::plain`]).
//! 8. [`output`]: pages → sheets ([`output::impose`]: one per page, booklet pairs,
//!    tri-fold panels, bleed and marks) → a tagged (PDF/UA-1) PDF ([`output::pdf`]),
//!    the only stage that knows PDF.
//! 9. [`present`]: the review in the terminal, as JSON or as an HTML page, and JSON
//!    Schemas for editors.
//! 10. [`engine`]: what builds share (fonts, the theme, the image cache) and one
//!     edition of one leaflet run through the stages above.
//!
//! The command line (`src/main.rs`, `src/cli/`) stands on the engine.
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
