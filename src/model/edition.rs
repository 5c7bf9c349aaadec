//! The edition asked for: where the PDF goes (print or e-mail), how its pages are
//! put on sheets, large print, a page count to fit. It is chosen on the command
//! line or in `outputs:`, and never stored in the content it is made from.

use super::details::Date;
use super::{Leaflet, Margins, PageSize};
use crate::base::units::{Length, Pt};

/// How to build: where the PDF goes and how its pages are put on sheets.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    /// Image resolution and compression. Default: print.
    pub target: Target,
    /// One page per sheet (with bleed and crop marks for a print shop), or a booklet.
    pub imposition: Imposition,
    /// The folder files may come from, instead of the project's (`--root`).
    pub root: Option<std::path::PathBuf>,
    /// The date review dates are checked against, instead of the clock (`--today`).
    pub today: Option<Date>,
    /// The large-print edition at this body size (16–24 pt): A4 unless the leaflet
    /// names its page size, everything scaled, nothing below the body size.
    pub large_print: Option<f32>,
    /// Tighten the layout to end on a page count (`--fit`); overrides `page: {fit:}`.
    pub fit: Option<Fit>,
    /// Folders of fonts for the characters the compiled-in faces lack (`--font-dir`).
    pub font_dirs: Vec<std::path::PathBuf>,
    /// The translated edition (`--lang`): the English structure with a PO file's text.
    pub translation: Option<Translation>,
}

/// A translated edition: the leaflet's blocks and pictures, with the text of
/// translations/LANG/NAME.po.
#[derive(Debug, Clone, PartialEq)]
pub struct Translation {
    /// The translation's language, as its folder under translations/ names it.
    pub language: crate::base::lang::LanguageTag,
    /// Build even with entries fuzzy or missing, keeping their English.
    pub allow_incomplete: bool,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Target {
    /// Office printer or print shop: sharp images, lossless where the source is.
    #[default]
    Print,
    /// Attached to an e-mail, read on screens: small.
    Email,
    /// One self-contained HTML page that reflows on any screen (`output::html`):
    /// no pages, so imposition, large print and fitting do not apply.
    Web,
}

impl Target {
    /// Pixels per inch above which images are resampled down.
    pub fn max_ppi(self) -> f32 {
        match self {
            Target::Print => 300.0,
            Target::Email | Target::Web => 150.0,
        }
    }

    /// How finely photos are re-encoded.
    pub fn jpeg_quality(self) -> u8 {
        match self {
            Target::Print => 92,
            Target::Email | Target::Web => 80,
        }
    }
}

/// How laid-out pages are put on the PDF's sheets.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Imposition {
    /// One page per sheet, for screens and office printers; for a print shop, with
    /// `bleed` added on every side (0 for none) and crop marks outside it.
    Pages { bleed: Pt, crop_marks: bool },
    /// Two pages per landscape sheet in saddle-stitch order, for duplex printing.
    Booklet,
    /// A DL tri-fold: six panels on the two sides of an A4 landscape sheet, with
    /// trim and fold marks outside it when asked (see `output::impose::trifold`).
    Trifold { crop_marks: bool },
}

impl Default for Imposition {
    fn default() -> Self {
        Imposition::Pages {
            bleed: 0.0,
            crop_marks: false,
        }
    }
}

impl Imposition {
    /// The imposition the command line's (or an `outputs:` entry's) switches ask for:
    /// a booklet, a tri-fold (with fold marks), or pages with bleed and trim marks.
    pub fn chosen(
        booklet: bool,
        trifold: bool,
        bleed: Option<crate::base::units::Length>,
        crop_marks: bool,
    ) -> Imposition {
        if booklet {
            Imposition::Booklet
        } else if trifold {
            Imposition::Trifold { crop_marks }
        } else {
            Imposition::Pages {
                bleed: bleed.map_or(0.0, crate::base::units::Length::pt),
                crop_marks,
            }
        }
    }

    /// The bleed around each page (none on a booklet's sheets).
    pub fn bleed(&self) -> Pt {
        match self {
            Imposition::Pages { bleed, .. } => *bleed,
            Imposition::Booklet | Imposition::Trifold { .. } => 0.0,
        }
    }
}

/// The pages an edition lays a leaflet out on: what layout takes besides the
/// content and the design. Made from the leaflet and the edition's [`Options`]
/// ([`Options::page_setup`]); the content itself is never changed for an edition.
#[derive(Debug, Clone, PartialEq)]
pub struct PageSetup {
    pub size: PageSize,
    pub margin: Margins,
    /// A front cover, and a back one for the contact details and the leaflet's details.
    pub cover: bool,
    /// What absolute image widths are multiplied by: an edition on wider pages keeps
    /// each image's share of the text width.
    pub image_scale: f32,
    /// Print editions show each link's address after its text, and a heading's page
    /// after a link to it; on screen the link itself works.
    pub addresses_on_paper: bool,
    /// The panels of a DL tri-fold: no footers or page numbers (a folded sheet has no
    /// pages to number).
    pub panels: bool,
    /// The back cover carries its page number. Not in a booklet: there the back cover
    /// is the outside back, after any blank pages imposition adds, and "5 / 5" on the
    /// eighth page printed would be wrong (the front cover has no number either).
    pub number_back_cover: bool,
}

impl PageSetup {
    /// The leaflet's own pages, printed: what `--for print` with no other switch gives.
    pub fn print(leaflet: &Leaflet) -> PageSetup {
        Options::default().page_setup(leaflet, || true)
    }

    /// The width between the side margins.
    pub fn text_width(&self) -> Pt {
        self.size.dimensions().0 - self.margin.inner.pt() - self.margin.outer.pt()
    }
}

impl Options {
    /// What a file name adds for this edition: nothing for print, else `-` and its
    /// [`name`](Options::name), e.g. `-email`, `-large-print-booklet-email`.
    /// A translation puts its language first (`-ur`, `-ur-email`), so it never
    /// replaces the English of the same edition.
    pub fn suffix(&self) -> String {
        let lang = self
            .translation
            .as_ref()
            .map(|t| format!("-{}", t.language.as_str()));
        let parts: String = self.name_parts().iter().map(|p| format!("-{p}")).collect();
        format!("{}{parts}", lang.unwrap_or_default())
    }

    /// The file an edition of `stem` is written to: `stem.pdf`, `stem-email.pdf`…,
    /// or `stem.html` for the web edition (its extension keeps it apart).
    pub fn file_name(&self, stem: &str) -> String {
        match self.target {
            Target::Web => format!("{stem}.html"),
            _ => format!("{stem}{}.pdf", self.suffix()),
        }
    }

    /// The edition's name: `print`, or its parts in a fixed order: large print, then
    /// how pages go on paper (`booklet`, `trifold`, `print-shop` for bleed or trim
    /// marks), then `email`; e.g. `large-print-email`, `booklet-email`, `print-shop`.
    /// Fitting to a page count does not rename an edition.
    pub fn name(&self) -> String {
        let parts = self.name_parts();
        if parts.is_empty() {
            "print".to_string()
        } else {
            parts.join("-")
        }
    }

    fn name_parts(&self) -> Vec<&'static str> {
        // A web page has no pages to impose, enlarge or fit.
        if self.target == Target::Web {
            return vec!["web"];
        }
        let mut parts = Vec::new();
        if self.large_print.is_some() {
            parts.push("large-print");
        }
        match self.imposition {
            Imposition::Booklet => parts.push("booklet"),
            Imposition::Trifold { crop_marks } => {
                parts.push("trifold");
                if crop_marks {
                    parts.push("print-shop");
                }
            }
            Imposition::Pages { bleed, crop_marks } => {
                if bleed > 0.0 || crop_marks {
                    parts.push("print-shop");
                }
            }
        }
        if self.target == Target::Email {
            parts.push("email");
        }
        parts
    }

    /// The pages this edition lays `leaflet` out on. `page_size_named`: whether the
    /// leaflet (or the project's defaults) chose its page size, which large print
    /// keeps; asked only for large print (finding out means indexing the file).
    pub fn page_setup(&self, leaflet: &Leaflet, page_size_named: impl FnOnce() -> bool) -> PageSetup {
        let mut setup = PageSetup {
            size: leaflet.page.size,
            margin: leaflet.page.margin,
            cover: leaflet.has_cover(),
            image_scale: 1.0,
            addresses_on_paper: self.target == Target::Print,
            panels: false,
            number_back_cover: self.imposition != Imposition::Booklet,
        };
        // Large print: A4 unless the page size was chosen (so lines stay near 60–70
        // characters), and absolute image widths scaled with the text width.
        if self.large_print.is_some() {
            let before = setup.text_width();
            if !page_size_named() {
                setup.size = PageSize::A4;
            }
            setup.image_scale = setup.text_width() / before.max(1.0);
        }
        // A tri-fold: one narrow panel per page, with margins for a panel (8 mm at the
        // sides, 10 mm at top and bottom), a front cover (and a back one for the
        // contact details), no footers.
        if let Imposition::Trifold { .. } = self.imposition {
            let (side, end) = (Length::mm(8.0), Length::mm(10.0));
            setup.size = PageSize::DlPanel;
            setup.margin = Margins {
                top: end,
                bottom: end,
                inner: side,
                outer: side,
            };
            setup.cover = true;
            setup.panels = true;
        }
        setup
    }
}
