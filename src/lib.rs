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

pub mod cache;
pub mod content;
pub mod diag;
pub mod files;
pub mod images;
pub mod impose;
pub mod layout;
pub mod lint;
pub mod pdf;
pub mod pixels;
pub mod plain;
pub mod project;
pub mod report;
pub mod schema;
pub mod text;
pub mod units;

pub use diag::{Diagnostic, Diagnostics};

use content::{Resolved, Source};
use layout::{Theme, ThemeError};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};
use text::{FontBook, Fonts};

/// How to build: where the PDF goes and how its pages are put on sheets.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    /// Image resolution and compression. Default: print.
    pub target: images::Target,
    /// One page per sheet (with bleed and crop marks for a print shop), or a booklet.
    pub imposition: impose::Imposition,
    /// The folder files may come from, instead of the project's (`--root`).
    pub root: Option<std::path::PathBuf>,
    /// The date review dates are checked against, instead of the clock (`--today`).
    pub today: Option<content::model::Date>,
    /// The large-print edition at this body size (16–24 pt): A4 unless the leaflet
    /// names its page size, everything scaled, nothing below the body size.
    pub large_print: Option<f32>,
    /// Tighten the layout to end on a page count (`--fit`); overrides `page: {fit:}`.
    pub fit: Option<Fit>,
    /// Folders of fonts for the characters the compiled-in faces lack (`--font-dir`).
    pub font_dirs: Vec<std::path::PathBuf>,
}

/// The page count to fit a leaflet to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// At most this many pages, or an error saying how many it reached.
    Pages(usize),
    /// The multiple of 4 below the natural count (no blank pages in a booklet), when
    /// it can be reached; otherwise the natural count, with a warning.
    Booklet,
}

impl std::str::FromStr for Fit {
    type Err = String;
    /// `8` or `booklet`.
    fn from_str(s: &str) -> Result<Fit, String> {
        match s.trim() {
            "booklet" => Ok(Fit::Booklet),
            n => match n.parse::<usize>() {
                Ok(n) if (1..=2000).contains(&n) => Ok(Fit::Pages(n)),
                _ => Err(format!(
                    "\"{s}\" is not a page count: write a number of pages (e.g. 8), or `booklet`"
                )),
            },
        }
    }
}

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
    pub pdf: Vec<u8>,
    pub layout: layout::Document,
    /// What fitting to a page count changed, when it was asked for.
    pub fit: Option<FitReport>,
    /// Every file the build read (see [`content::Resolved::files_read`]).
    pub files_read: Vec<std::path::PathBuf>,
    pub sheets: usize,
    /// Problems that did not stop the build (images too coarse for print).
    pub warnings: Diagnostics,
    pub timings: Timings,
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
    brand_books: Arc<std::sync::Mutex<BrandBooks>>,
}

/// What a book holds besides the compiled-in faces: brand files, font folders, and
/// whether it is for text in a CJK script (then the system's CJK font is added
/// when neither of the others has one).
type BookKey = (
    Option<[Option<std::path::PathBuf>; 4]>,
    Vec<std::path::PathBuf>,
    bool,
);
type BrandBooks = std::collections::HashMap<BookKey, Arc<FontBook>>;

impl Default for Engine {
    /// The compiled-in fonts and the default theme.
    fn default() -> Self {
        Engine {
            book: FontBook::shared_defaults(),
            theme: Arc::new(Theme::default()),
            brand_books: Default::default(),
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
        })
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    pub fn book(&self) -> &Arc<FontBook> {
        &self.book
    }

    /// Reads, lays out and reviews a content file, writing nothing.
    pub fn check(&self, path: &Path, options: &Options) -> Result<Checked, Diagnostics> {
        let t0 = Instant::now();
        let (src, resolved) = load_with(path, options)?;
        let t1 = Instant::now();
        let (layout, warnings, _) = self.lay_out_and_review(&src, &resolved, options)?;
        Ok(Checked {
            layout,
            warnings,
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
        let (src, resolved) = load_with(path, options)?;
        let (layout, warnings, _) = self.lay_out_and_review(&src, &resolved, options)?;
        let theme = self.theme_for(&resolved);
        let review = plain::review(&src, &resolved, &layout, &warnings, &theme);
        Ok(Reviewed { review, layout })
    }

    /// Builds the PDF of a content file.
    pub fn build(&self, path: &Path, options: &Options) -> Result<Built, Diagnostics> {
        let t0 = Instant::now();
        let (src, resolved) = load_with(path, options)?;
        let mut built = self.render(&src, &resolved, options)?;
        built.timings.load = t0.elapsed() - built.timings.layout - built.timings.pdf;
        Ok(built)
    }

    /// Lays out, reviews, imposes and writes a resolved leaflet.
    pub fn render(&self, src: &Source, doc: &Resolved, options: &Options) -> Result<Built, Diagnostics> {
        let t1 = Instant::now();
        let (layout, warnings, fit) = self.lay_out_and_review(src, doc, options)?;
        let t2 = Instant::now();
        if let impose::Imposition::Trifold { .. } = options.imposition {
            if let Err(pages) = impose::trifold::panels(layout.pages.len(), layout.back_cover) {
                return Err(Diagnostics::one(
                    Diagnostic::new(
                        &src.path,
                        format!(
                            "this leaflet needs {pages} panels, and a DL tri-fold has 6 (the front, four inside and the back): {} too many",
                            pages - 6
                        ),
                    )
                    .help(if pages <= 8 {
                        "try `--fit 6` to tighten the spacing, or use fewer words; a booklet (`--booklet`) takes any length".to_string()
                    } else {
                        format!(
                            "cut the text to about {} % of its length, or make a booklet (`--booklet`), which takes any length",
                            600 / pages
                        )
                    }),
                ));
            }
        }
        let sheets = impose::impose(&layout, &options.imposition);
        let placements = images::placements(&layout, &doc.images);
        let prepared = images::prepare(&doc.images, &placements, options.target)
            .map_err(|(block, reason)| pdf_error(src, doc, pdf::Error::Image { block, reason }))?;
        let l = &doc.leaflet;
        let (published, review) = (l.published.map(|d| d.iso()), l.review.map(|d| d.iso()));
        let meta = pdf::Meta {
            title: &text::plain_text(&l.title),
            author: l.author.as_deref(),
            language: &l.language,
            published: published.as_deref(),
            review: review.as_deref(),
        };
        let book = self.book_for(src, doc, options)?;
        let pdf =
            pdf::write(&layout, &sheets, &prepared, &book, &meta).map_err(|e| pdf_error(src, doc, e))?;
        Ok(Built {
            pdf,
            layout,
            fit,
            files_read: doc.files_read(&src.path),
            sheets: sheets.sheets.len(),
            warnings,
            timings: Timings {
                load: Duration::ZERO,
                layout: t2 - t1,
                pdf: t2.elapsed(),
            },
        })
    }

    fn lay_out_and_review(
        &self,
        src: &Source,
        doc: &Resolved,
        options: &Options,
    ) -> Result<(layout::Document, Diagnostics, Option<FitReport>), Diagnostics> {
        let (book, theme) = (self.book_for(src, doc, options)?, self.theme_for(doc));
        let stack = theme.font_stack(&book).map_err(|e| {
            Diagnostics::one(
                Diagnostic::new(&src.path, e.to_string())
                    .help("this is a bug in leafpress; please report it"),
            )
        })?;
        let mut fonts = Fonts::with_book(book, stack);
        fonts.set_language(&doc.leaflet.language);
        let fit = options.fit.or(doc.leaflet.page.fit.map(|n| Fit::Pages(n.into())));
        let (layout, report, fit_warning) = match fit {
            None => (lay_out_with(src, doc, &mut fonts, &theme)?, None, None),
            Some(fit) => fit_to(src, doc, &mut fonts, &theme, fit)?,
        };
        if let Some(e) = lint::missing_glyphs(src, fonts.missing()) {
            return Err(Diagnostics::one(e).with_source(&src.text));
        }
        let placements = images::placements(&layout, &doc.images);
        let mut warnings = lint::review(src, doc, &placements, options);
        warnings.items.extend(fit_warning);
        Ok((layout, warnings, report))
    }
}

impl Engine {
    /// The theme a leaflet is laid out in: its brand's, when it has one, in the
    /// edition asked for.
    fn theme_for(&self, doc: &Resolved) -> Theme {
        let theme = if doc.brand.is_set() {
            doc.brand.theme.clone()
        } else {
            (*self.theme).clone()
        };
        match doc.large_print {
            Some(size) => theme.large_print(size),
            None => theme,
        }
    }

    /// The font book a leaflet needs: the engine's, or one with its brand's fonts,
    /// the `--font-dir` folders' and, for text in a script none of those has (Chinese),
    /// the system's CJK font; read once per set of files and shared by every leaflet
    /// that needs them.
    fn book_for(
        &self,
        src: &Source,
        doc: &Resolved,
        options: &Options,
    ) -> Result<Arc<FontBook>, Diagnostics> {
        let brand = doc.brand.fonts.clone();
        // `--font-dir` folders, then the brand's `more:` files and folders.
        let mut dirs = options.font_dirs.clone();
        dirs.extend(doc.brand.more_fonts.iter().cloned());
        // Only the CJK scripts lack a compiled-in face; a leaflet without them
        // (nearly all) never looks at the system.
        // (Han, kana and Hangul all lie above U+1100: most text is looked at no further.)
        let cjk = src.text.chars().find(|&c| {
            use unicode_script::{Script, UnicodeScript};
            c >= '\u{1100}'
                && matches!(
                    c.script(),
                    Script::Han | Script::Hiragana | Script::Katakana | Script::Hangul
                )
        });
        if brand.is_none() && dirs.is_empty() && cjk.is_none() {
            return Ok(self.book.clone());
        }
        let key = (brand.clone(), dirs.clone(), cjk.is_some());
        let mut books = self.brand_books.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(book) = books.get(&key) {
            return Ok(book.clone());
        }
        let mut book = match &brand {
            Some(files) => project::Brand::font_book(files.clone()).map_err(|e| {
                let (file, span) = doc.brand.fonts_at.clone().unwrap_or_default();
                Diagnostics::one(
                    Diagnostic::new(&file, e.to_string())
                        .at(span)
                        .help("use TrueType or OpenType files whose licence allows embedding"),
                )
                .with_source(&std::fs::read_to_string(&file).unwrap_or_default())
            })?,
            None => FontBook::with_defaults(),
        };
        text::find::add_fonts(&mut book, &dirs).map_err(|(k, e)| {
            match (&doc.brand.fonts_at, k >= options.font_dirs.len()) {
                (Some((file, span)), true) => Diagnostics::one(
                    Diagnostic::new(file, e.to_string())
                        .at(span.clone())
                        .help("use TrueType or OpenType files whose licence allows embedding"),
                )
                .with_source(&std::fs::read_to_string(file).unwrap_or_default()),
                _ => Diagnostics::one(
                    Diagnostic::new(&src.path, e.to_string())
                        .help("check the folder given with `--font-dir`"),
                ),
            }
        })?;
        if let Some(c) = cjk {
            text::find::add_system_cjk(&mut book, c);
        }
        let book = Arc::new(book);
        books.insert(key, book.clone());
        Ok(book)
    }
}

/// Lays `doc` out with the least tightening that ends on the page count `fit` asks
/// for (see [`layout::fit`]); an error when even the tightest clear-print setting
/// cannot (for `Fit::Booklet`, a warning and the natural layout).
fn fit_to(
    src: &Source,
    doc: &Resolved,
    fonts: &mut Fonts,
    theme: &Theme,
    fit: Fit,
) -> Result<(layout::Document, Option<FitReport>, Option<Diagnostic>), Diagnostics> {
    let natural = lay_out_with(src, doc, fonts, theme)?;
    let n = natural.pages.len();
    let target = match fit {
        Fit::Pages(p) => p.max(1),
        Fit::Booklet => (n / 4 * 4).max(4),
    };
    if n <= target {
        let report = FitReport {
            natural: n,
            pages: n,
            tightening: theme.tightened(0.0).1,
        };
        return Ok((natural, Some(report), None));
    }
    let found = layout::fit::search(target, |t| {
        lay_out_with(src, doc, fonts, &theme.tightened(t).0).map(|d| d.pages.len())
    })?;
    let limits = "gaps 60 % of the design's, leading 1.3 × the text size, images 70 % of their width";
    if !found.reached {
        let at = project::find_key(&src.text, "page", "fit");
        let message = format!(
            "this leaflet cannot fit on {target} pages: at the tightest clear-print setting ({limits}) it takes {}",
            found.pages
        );
        return match fit {
            Fit::Pages(_) => Err(
                Diagnostics::one(Diagnostic::new(&src.path, message).at(at).help(format!(
                    "ask for {} pages, shorten the text, or use a larger page",
                    found.pages
                )))
                .with_source(&src.text),
            ),
            Fit::Booklet => Ok((
                natural,
                None,
                Some(
                    Diagnostic::new(&src.path, message)
                        .help(format!(
                            "the booklet keeps its {n} pages and {} blank ones",
                            n.div_ceil(4) * 4 - n
                        ))
                        .warning(),
                ),
            )),
        };
    }
    let (tight, tightening) = theme.tightened(found.t);
    let layout = lay_out_with(src, doc, fonts, &tight)?;
    let report = FitReport {
        natural: n,
        pages: layout.pages.len(),
        tightening,
    };
    Ok((layout, Some(report), None))
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
    let src = Source::read(path)?;
    let project = project::Project::open(path, options.root.as_deref())?;
    let mut leaflet = content::parse(&src)?;
    // Which keys the leaflet wrote itself matters only when there are defaults, or
    // for large print (whether it named a page size). Finding them parses the YAML
    // again, a tenth of a build, so only then.
    let given = if project.source.is_some() || options.large_print.is_some() {
        project::top_level_keys(&src.text)
    } else {
        Default::default()
    };
    if project.source.is_some() {
        project.apply_defaults(&mut leaflet, &given);
    }
    let page_size_given = project.defaults.page.as_ref().is_some() || given.contains("page.size");
    let mut resolved = content::resolve(&src, leaflet, &project)?;
    resolved.addresses_on_paper = options.target == images::Target::Print;
    if let Some(size) = options.large_print {
        large_print(&mut resolved, size, page_size_given);
    }
    if let impose::Imposition::Trifold { .. } = options.imposition {
        trifold(&mut resolved);
    }
    Ok((src, resolved))
}

/// Makes a resolved leaflet the panels of a DL tri-fold: one narrow panel per page,
/// with margins for a panel (8 mm at the sides, 10 mm at top and bottom), a front
/// cover (and a back one for the contact details), no footers.
fn trifold(doc: &mut Resolved) {
    let page = &mut doc.leaflet.page;
    page.size = content::model::PageSize::DlPanel;
    let (side, end) = (units::Length::mm(8.0), units::Length::mm(10.0));
    page.margin = content::model::Margins {
        top: end,
        bottom: end,
        inner: side,
        outer: side,
    };
    let image = doc.leaflet.cover.take().and_then(|c| c.image);
    doc.leaflet.cover = Some(content::model::Cover { enabled: true, image });
    doc.panels = true;
}

/// Makes a resolved leaflet its large-print edition: A4 unless its page size was
/// given (so lines stay near 60–70 characters), and absolute image widths scaled so
/// each image keeps its share of the text width.
fn large_print(doc: &mut Resolved, size: f32, page_size_given: bool) {
    let page = &mut doc.leaflet.page;
    let text_width =
        |p: &content::model::PageSpec| p.size.dimensions().0 - p.margin.inner.pt() - p.margin.outer.pt();
    let before = text_width(page);
    if !page_size_given {
        page.size = content::model::PageSize::A4;
    }
    doc.image_scale = text_width(page) / before.max(1.0);
    doc.large_print = Some(size);
}

/// Lays out a resolved leaflet with the default theme.
pub fn lay_out(src: &Source, doc: &Resolved, fonts: &mut Fonts) -> Result<layout::Document, Diagnostics> {
    lay_out_with(src, doc, fonts, &Theme::default())
}

/// Lays out a resolved leaflet; a block too tall for any page is a located error.
pub fn lay_out_with(
    src: &Source,
    doc: &Resolved,
    fonts: &mut Fonts,
    theme: &Theme,
) -> Result<layout::Document, Diagnostics> {
    layout::lay_out(doc, fonts, theme).map_err(|e| {
        let name = |block: usize| match doc.leaflet.blocks.get(block) {
            Some(b) => (
                format!("block {} ({})", block + 1, b.type_name()),
                doc.block_spans.get(block).cloned().flatten(),
            ),
            None => ("the title".to_string(), None),
        };
        let mm = |pt: f32| pt / units::PT_PER_MM;
        let d = match e {
            layout::LayoutError::TooTall(e) => {
                let (what, span) = name(e.block);
                Diagnostic::new(
                    &src.path,
                    format!(
                        "{what} is {:.0} mm tall, but a page has room for {:.0} mm",
                        mm(e.height),
                        mm(e.available)
                    ),
                )
                .at(span)
                .help("make it smaller (for an image, a smaller `width:` such as 60%) or split it")
            }
            layout::LayoutError::TooManyPages(n) => Diagnostic::new(
                &src.path,
                format!("the leaflet runs to {n} pages; leafpress makes at most {}", layout::MAX_PAGES),
            )
            .help("split it into several leaflets"),
            layout::LayoutError::TooWide(e) => {
                let (what, span) = name(e.block);
                Diagnostic::new(
                    &src.path,
                    format!(
                        "{what} needs {:.0} mm even with every cell wrapped, and the page has {:.0} mm",
                        mm(e.needed),
                        mm(e.available)
                    ),
                )
                .at(span)
                .help("use fewer columns, shorter words in the cells (or a hyphen in a long one), or a wider page")
            }
        };
        Diagnostics::one(d).with_source(&src.text)
    })
}

/// A PDF that cannot be written is a located problem where it can be, and a bug
/// to report where it cannot.
fn pdf_error(src: &Source, doc: &Resolved, e: pdf::Error) -> Diagnostics {
    let block = match &e {
        pdf::Error::Image { block, .. } | pdf::Error::Destination { block: Some(block) } => Some(*block),
        _ => None,
    };
    let help = match &e {
        pdf::Error::Image { .. } => "save the image again as an 8-bit PNG or a JPEG",
        pdf::Error::Font { .. } => "use another font, or report this with the font file",
        _ => "this is a bug in leafpress; please report it with the content file",
    };
    Diagnostics::one(
        Diagnostic::new(&src.path, e.to_string())
            .at(block.and_then(|b| doc.block_spans.get(b).cloned().flatten()))
            .help(help),
    )
    .with_source(&src.text)
}
