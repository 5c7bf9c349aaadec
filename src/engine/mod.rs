//! The engine: what builds share (fonts, the design, the image cache) and the
//! pipeline run for one edition of one leaflet: load → layout → review → output.
//! The edition ([`Options`]) decides the pages (`PageSetup`) and the theme; the
//! loaded content is the same for every edition.

mod errors;
mod fit;
mod fonts;
mod plan;
mod web;

use crate::base::diag::Diagnostics;
use crate::base::source::Source;
use crate::images::{self, Placement};
use crate::layout;
use crate::load::{self, Resolved};
use crate::model::edition::{Fit, Imposition, Options};
use crate::model::theme::{Theme, ThemeError};
use crate::output::{impose, pdf};
use crate::review::{lint, plain};
use crate::text::{self, FontBook, Fonts};
pub use errors::lay_out_with;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What fitting did: the page counts before and after, and the tightening.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FitReport {
    pub natural: usize,
    pub pages: usize,
    pub tightening: layout::fit::Tightening,
}

/// How long each stage took.
#[derive(Debug, Clone, Copy, Default)]
pub struct Timings {
    /// Reading, parsing and resolving (images decoded).
    pub load: Duration,
    /// Shaping, line breaking, pagination and the review.
    pub layout: Duration,
    /// Imposition, image preparation and PDF writing.
    pub pdf: Duration,
}

/// A finished leaflet.
pub struct Built {
    /// The PDF; empty for the web edition, which is [`Built::html`].
    pub pdf: Vec<u8>,
    /// The web edition's page (`--for web`).
    pub html: Option<String>,
    /// What a library's index lists of the leaflet.
    pub facts: Facts,
    pub layout: layout::Document,
    /// What fitting to a page count changed, when it was asked for.
    pub fit: Option<FitReport>,
    /// Every file the build read (see [`Resolved::files_read`]).
    pub files_read: Vec<std::path::PathBuf>,
    pub sheets: usize,
    /// Problems that did not stop the build (images too coarse for print).
    pub warnings: Diagnostics,
    pub timings: Timings,
}

impl Built {
    /// The file's bytes: the web page or the PDF.
    pub fn bytes(&self) -> &[u8] {
        self.html.as_ref().map_or(&self.pdf, |h| h.as_bytes())
    }
}

/// A leaflet's title (inline markup), language and next review date.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    pub title: String,
    pub language: String,
    pub review: Option<crate::model::Date>,
    /// The clinic's name (the brand's), for a library's index.
    pub brand: Option<String>,
    /// The brand's design, when the project has a brand, for a library's index.
    pub brand_theme: Option<Theme>,
}

impl Facts {
    fn of(doc: &Resolved) -> Facts {
        let l = &doc.leaflet;
        Facts {
            title: l.title.clone(),
            language: l.language.as_str().to_string(),
            review: l.review,
            brand: doc.brand.brand.name.clone(),
            brand_theme: doc.brand.is_set().then(|| doc.brand.theme.clone()),
        }
    }
}

/// A leaflet checked and laid out, with nothing written.
pub struct Checked {
    pub layout: layout::Document,
    pub warnings: Diagnostics,
    pub timings: Timings,
}

/// A leaflet reviewed, with the pages it was reviewed on (for the report's thumbnails).
pub struct Reviewed {
    pub review: plain::Review,
    pub layout: layout::Document,
}

/// What builds share: the fonts, parsed once, and the design. Cloning is cheap, and
/// an engine may be used from several threads at once.
#[derive(Clone)]
pub struct Engine {
    book: Arc<FontBook>,
    theme: Arc<Theme>,
    /// Books with more than the compiled-in faces (brand fonts, font folders, a
    /// system CJK font), by what they hold.
    brand_books: Arc<std::sync::Mutex<fonts::BrandBooks>>,
    /// Pictures decoded and prepared by earlier builds with this engine.
    cache: Arc<images::cache::Cache>,
    /// Threads one build may run on at most, its own included (for its pictures, and
    /// a long PDF's fonts and pages); `None`: as many as the machine has cores.
    threads: Option<usize>,
}

impl Default for Engine {
    /// The compiled-in fonts and the default theme.
    fn default() -> Self {
        Engine {
            book: FontBook::shared_defaults(),
            theme: Arc::new(Theme::default()),
            brand_books: Default::default(),
            cache: Default::default(),
            threads: None,
        }
    }
}

impl Engine {
    /// An engine with a font book and a theme of your own; every family the theme
    /// names must be in the book, and every number must make sense.
    pub fn new(book: Arc<FontBook>, theme: Theme) -> Result<Engine, ThemeError> {
        theme.validate()?;
        theme.font_stack(&book)?;
        Ok(Engine {
            book,
            theme: Arc::new(theme),
            brand_books: Default::default(),
            cache: Default::default(),
            threads: None,
        })
    }

    /// The same engine (the same fonts and pictures), with each build using at most
    /// `threads` threads (at least one): `build --jobs N` shares N among the files
    /// it builds at once, so with `--jobs 1` leafpress starts no thread (the JPEG
    /// decoder still decodes each colour of a large photo on a thread of its own).
    pub fn with_threads(&self, threads: usize) -> Engine {
        Engine {
            threads: Some(threads.max(1)),
            ..self.clone()
        }
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    pub fn book(&self) -> &Arc<FontBook> {
        &self.book
    }

    /// Reads a content file in its project (`leafpress.yaml`, defaults, brand, root),
    /// with the pictures this engine has already read kept. The same for every edition.
    pub fn load(&self, path: &Path, options: &Options) -> Result<(Source, Resolved), Diagnostics> {
        // An exercise of a plan's library reads as a one-exercise leaflet.
        if load::plan::sheet::is_exercise_file(path) {
            return load::plan::sheet::open(path, options.root.as_deref(), &self.cache);
        }
        load::open(
            path,
            options.root.as_deref(),
            &self.cache,
            options.translation.as_ref(),
        )
    }

    /// Reads, lays out and reviews a content file, writing nothing.
    pub fn check(&self, path: &Path, options: &Options) -> Result<Checked, Diagnostics> {
        let t0 = Instant::now();
        let (src, resolved) = self.load(path, options)?;
        let t1 = Instant::now();
        let laid = self.lay_out_and_review(&src, &resolved, options)?;
        Ok(Checked {
            layout: laid.layout,
            warnings: laid.warnings,
            timings: Timings {
                load: t1 - t0,
                layout: t1.elapsed(),
                pdf: Duration::ZERO,
            },
        })
    }

    /// Reads, lays out and reviews a content file for plain language and clear
    /// print (`leafpress check`), writing nothing.
    pub fn review(&self, path: &Path, options: &Options) -> Result<Reviewed, Diagnostics> {
        let (src, resolved) = self.load(path, options)?;
        self.review_loaded(&src, &resolved, options)
    }

    /// Reviews a leaflet already loaded (`leafpress list` reads its details first).
    pub fn review_loaded(
        &self,
        src: &Source,
        resolved: &Resolved,
        options: &Options,
    ) -> Result<Reviewed, Diagnostics> {
        let laid = self.lay_out_and_review(src, resolved, options)?;
        let mut review = plain::review(src, resolved, &laid.layout, &laid.warnings, &laid.theme);
        if load::plan::sheet::is_exercise_file(&src.path) {
            // A plan prints the clinic's details; one exercise needs none of its own.
            review
                .findings
                .retain(|f| f.rule != crate::model::rules::RuleId::Contact);
        }
        Ok(Reviewed {
            review,
            layout: laid.layout,
        })
    }

    /// Builds the PDF of a content file.
    pub fn build(&self, path: &Path, options: &Options) -> Result<Built, Diagnostics> {
        let t0 = Instant::now();
        let (src, resolved) = self.load(path, options)?;
        let mut built = self.render(&src, &resolved, options)?;
        built.timings.load = t0.elapsed() - built.timings.layout - built.timings.pdf;
        Ok(built)
    }

    /// Builds a leaflet made in memory (a translation's proof), its files looked for
    /// as if it were the content file `src.path`.
    pub fn build_model(
        &self,
        src: &Source,
        leaflet: crate::model::Leaflet,
        options: &Options,
    ) -> Result<Built, Diagnostics> {
        let project = load::project::Project::open(&src.path, options.root.as_deref())?;
        let parsed = load::parse::Parsed {
            leaflet,
            spans: Default::default(),
            warnings: Vec::new(),
        };
        let resolved = load::resolve(src, parsed, &project, &self.cache)?;
        self.render(src, &resolved, options)
    }

    /// Lays out, reviews, imposes and writes a resolved leaflet in the edition
    /// `options` asks for.
    pub fn render(&self, src: &Source, doc: &Resolved, options: &Options) -> Result<Built, Diagnostics> {
        if options.target == crate::model::edition::Target::Web {
            return self.render_web(src, doc, options);
        }
        let t1 = Instant::now();
        let laid = self.lay_out_and_review(src, doc, options)?;
        let t2 = Instant::now();
        let layout = laid.layout;
        if let Imposition::Trifold { .. } = options.imposition {
            if let Err(pages) = impose::trifold::panels(layout.pages.len(), layout.back_cover) {
                return Err(errors::too_long_for_trifold(src, pages));
            }
        }
        let sheets = impose::impose(&layout, &options.imposition);
        let prepared = images::prepare(
            &self.cache,
            &doc.images,
            &laid.placements,
            options.target,
            self.threads,
        )
        .map_err(|(image, reason)| errors::pdf_error(src, doc, pdf::Error::Image { image, reason }))?;
        let l = &doc.leaflet;
        let (published, review) = (l.published.map(|d| d.iso()), l.review.map(|d| d.iso()));
        let meta = pdf::Meta {
            title: &text::plain_text(&l.title),
            author: l.author.as_deref(),
            language: &l.language,
            published: published.as_deref(),
            review: review.as_deref(),
        };
        let parallel = self.threads.is_none_or(|n| n > 1);
        let pdf = pdf::write(&layout, &sheets, &prepared, &laid.book, &meta, parallel)
            .map_err(|e| errors::pdf_error(src, doc, e))?;
        Ok(Built {
            pdf,
            html: None,
            facts: Facts::of(doc),
            layout,
            fit: laid.fit,
            files_read: doc.files_read(&src.path),
            sheets: sheets.sheets.len(),
            warnings: laid.warnings,
            timings: Timings {
                load: Duration::ZERO,
                layout: t2 - t1,
                pdf: t2.elapsed(),
            },
        })
    }

    /// The pages of one edition, the review of them, and what the PDF stage needs
    /// from the way there (the book, where the images went).
    fn lay_out_and_review(
        &self,
        src: &Source,
        doc: &Resolved,
        options: &Options,
    ) -> Result<Laid, Diagnostics> {
        let (book, theme) = (self.book_for(src, doc, options)?, self.theme_for(doc, options));
        let stack = theme.font_stack(&book).map_err(|e| {
            Diagnostics::one(
                crate::base::diag::Diagnostic::new(&src.path, e.to_string())
                    .help("this is a bug in leafpress; please report it"),
            )
        })?;
        let mut fonts = Fonts::with_book(book.clone(), stack);
        fonts.set_language(&doc.leaflet.language);
        let setup = options.page_setup(&doc.leaflet, || doc.page_size_named());
        let fit = options.fit.or(doc.leaflet.page.fit.map(|n| Fit::Pages(n.into())));
        let (layout, report, fit_warning) = match fit {
            None => (lay_out_with(src, doc, &setup, &mut fonts, &theme)?, None, None),
            Some(fit) => fit::fit_to(src, doc, &setup, &mut fonts, &theme, fit)?,
        };
        if let Some(e) = lint::missing_glyphs(src, fonts.missing()) {
            return Err(Diagnostics::one(e).with_source(&src.text));
        }
        let placements = layout::placements::placements(&layout, &doc.images);
        let mut warnings = lint::review(src, doc, &placements, options);
        warnings.items.extend(fit_warning);
        Ok(Laid {
            layout,
            warnings,
            fit: report,
            placements,
            book,
            theme,
        })
    }

    /// The theme a leaflet is laid out in: its brand's, when it has one, in the
    /// edition asked for.
    fn theme_for(&self, doc: &Resolved, options: &Options) -> Theme {
        let theme = if doc.brand.is_set() {
            doc.brand.theme.clone()
        } else {
            (*self.theme).clone()
        };
        match options.large_print {
            Some(size) => theme.large_print(size),
            None => theme,
        }
    }
}

/// One edition laid out and reviewed.
struct Laid {
    layout: layout::Document,
    warnings: Diagnostics,
    fit: Option<FitReport>,
    placements: Vec<Placement>,
    book: Arc<FontBook>,
    theme: Theme,
}

/// Builds a content file with the compiled-in fonts and the default theme.
pub fn build(path: &Path, options: &Options) -> Result<Built, Diagnostics> {
    Engine::default().build(path, options)
}

/// Checks a content file (content, images, layout) with the default engine.
pub fn check(path: &Path, options: &Options) -> Result<Checked, Diagnostics> {
    Engine::default().check(path, options)
}

/// Reads, parses and resolves a content file: everything short of layout.
pub fn load(path: &Path) -> Result<(Source, Resolved), Diagnostics> {
    load_with(path, &Options::default())
}

/// Reads a content file in its project (`leafpress.yaml`, defaults, brand, root).
pub fn load_with(path: &Path, options: &Options) -> Result<(Source, Resolved), Diagnostics> {
    Engine::default().load(path, options)
}

/// Lays out a resolved leaflet as printed, with the default theme.
pub fn lay_out(src: &Source, doc: &Resolved, fonts: &mut Fonts) -> Result<layout::Document, Diagnostics> {
    let setup = Options::default().page_setup(&doc.leaflet, || doc.page_size_named());
    lay_out_with(src, doc, &setup, fonts, &Theme::default())
}
