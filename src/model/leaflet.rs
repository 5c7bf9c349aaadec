//! The content file's data model: exactly the keys a clinic writes in YAML.
//!
//! Field names here are a contract with every content file in the wild; renaming one
//! breaks leaflets. Unknown keys are errors, so a typo never silently drops text.

use super::blocks::Block;
pub use super::details::{Cover, Date, Picture};
use crate::base::lang::LanguageTag;
use crate::base::paper;
use crate::base::units::{Length, Pt, Width, PT_PER_MM};
use serde::{de, Deserialize, Deserializer};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Leaflet {
    /// Required: the PDF title and the heading of page 1.
    pub title: String,
    /// A line under the title.
    pub subtitle: Option<String>,
    /// The PDF author.
    pub author: Option<String>,
    /// BCP 47 tag; default `en-GB`.
    #[serde(default)]
    pub language: LanguageTag,
    /// Page size and margins.
    #[serde(default)]
    pub page: PageSpec,
    /// Shown on every page beside the page number.
    pub footer: Option<String>,
    /// A front cover and a back cover with the contact details and the leaflet's details.
    pub cover: Option<Cover>,
    /// When the leaflet was published and is next due for review.
    pub published: Option<Date>,
    /// When the leaflet is next due for review (`check` warns once it has passed).
    pub review: Option<Date>,
    /// The clinic's reference for the leaflet, e.g. `PIL-0042 v2`.
    pub reference: Option<String>,
    /// Where the information comes from (inline markup allowed).
    #[serde(default)]
    pub sources: Vec<String>,
    /// How readers can comment on the leaflet ("Tell us what you think: …").
    pub feedback: Option<String>,
    /// Brand keys that differ for this leaflet from the project's.
    pub brand: Option<crate::model::brand::Brand>,
    /// The leaflet's content, block by block, in reading order.
    pub blocks: Vec<Block>,
    /// Never written in YAML: what building a translation (`--lang`) adds.
    #[serde(skip)]
    pub translated: Option<Translated>,
}

/// What a translation adds to a leaflet besides its text: the back matter's words
/// in its language, and who translated and checked it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Translated {
    /// The labels the translation file gives ("About this leaflet", "Sources"…).
    pub labels: super::labels::LabelOverrides,
    /// "**Translation:** Anna Nowak; checked by Piotr Zieliński, 2026-11-30": a
    /// line of "About this leaflet", in the translation's words.
    pub credit: Option<String>,
    /// The translation file, which `watch` watches too.
    pub file: std::path::PathBuf,
}

/// The top-level keys a project's `defaults:` may give (all but `title` and `blocks`).
pub const DEFAULTABLE: &[&str] = &[
    "subtitle",
    "author",
    "language",
    "page",
    "footer",
    "cover",
    "published",
    "review",
    "reference",
    "sources",
    "feedback",
];

impl Leaflet {
    /// Whether "About this leaflet" has anything to say.
    pub fn has_details(&self) -> bool {
        self.translated.as_ref().is_some_and(|t| t.credit.is_some())
            || self.published.is_some()
            || self.review.is_some()
            || self.reference.is_some()
            || !self.sources.is_empty()
            || self.feedback.is_some()
    }

    /// Whether the leaflet has a front and a back cover.
    pub fn has_cover(&self) -> bool {
        self.cover.as_ref().is_some_and(|c| c.enabled)
    }
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// The words quoted.
    pub text: String,
    /// Who said it; shown as "— Name" under the text.
    pub by: Option<String>,
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Callout {
    /// A title at the top of the box.
    pub title: Option<String>,
    /// The text in the box.
    pub text: String,
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Image {
    /// Path relative to the content file.
    pub src: String,
    /// What the image shows, for readers who cannot see it. Required unless `decorative`.
    pub alt: Option<String>,
    /// A line under the image.
    pub caption: Option<String>,
    /// Share of the text width or a length; default 100%.
    #[serde(
        default = "full_width",
        deserialize_with = "crate::base::units::from_str::deserialize"
    )]
    pub width: Width,
    /// A purely decorative image needs no `alt`.
    #[serde(default)]
    pub decorative: bool,
}

fn full_width() -> Width {
    Width::Percent(100.0)
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FaqEntry {
    /// The question.
    pub q: String,
    /// The answer.
    pub a: String,
}

#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Who to contact (a clinic, a team).
    pub name: Option<String>,
    /// A phone number, printed and linked.
    pub phone: Option<String>,
    /// An e-mail address, printed and linked.
    pub email: Option<String>,
    /// A web address, printed and linked.
    pub web: Option<String>,
    /// A postal address.
    pub address: Option<String>,
    /// Written bare (`- contact`): the project's details fill it in.
    #[serde(skip)]
    pub from_project: bool,
}

impl Contact {
    /// Whether this contact block shows `project`'s details: written bare
    /// (`- contact`), or with the same details written out. (The PDF's back page and
    /// the web page both leave such a block's details to the project's.)
    pub fn shows(&self, project: &Contact) -> bool {
        let same = |a: &Option<String>, b: &Option<String>| {
            a.as_deref().map(str::trim) == b.as_deref().map(str::trim)
        };
        self.from_project
            || (same(&self.name, &project.name)
                && same(&self.phone, &project.phone)
                && same(&self.email, &project.email)
                && same(&self.web, &project.web)
                && same(&self.address, &project.address))
    }

    /// The phone number as a link: `tel:` with its digits and a leading +.
    pub fn tel(phone: &str) -> String {
        let digits: String = phone
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        format!("tel:{digits}")
    }

    /// A web address as it is printed (without `https://`) and as a link (with
    /// `https://` when it has no scheme of its own).
    pub fn web_link(web: &str) -> (&str, String) {
        let uri = if web.contains("://") {
            web.to_string()
        } else {
            format!("https://{web}")
        };
        (
            web.trim_start_matches("https://").trim_start_matches("http://"),
            uri,
        )
    }
}

/// An exercise: a picture beside numbered steps, and how often to do it.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    /// The exercise's name.
    pub title: String,
    /// A picture of the exercise, beside the steps.
    pub image: Option<Picture>,
    /// The steps, numbered.
    pub steps: Vec<String>,
    /// "10 times, 3 times a day": printed emphasised under the steps.
    pub repeat: Option<String>,
}

/// A table with a header row (repeated when the table runs over a page).
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// A line above the table saying what it shows.
    pub caption: Option<String>,
    /// The header row (repeated when the table runs over a page).
    #[serde(default)]
    pub header: Vec<String>,
    /// The rows, each a list of cells.
    pub rows: Vec<Vec<String>>,
}

/// When to get help now: a high-contrast box.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Urgent {
    /// What the box is about, e.g. "Call 999 if".
    pub title: String,
    /// The signs, as a list.
    #[serde(default)]
    pub items: Vec<String>,
    /// Text under the list.
    pub text: Option<String>,
}

/// A QR code for a web address, with the address printed under it.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Qr {
    /// The web address the code opens.
    pub url: String,
    /// A line under the code.
    pub caption: Option<String>,
    /// The code's side, quiet zone included; default 25 mm.
    #[serde(
        default = "qr_size",
        deserialize_with = "crate::base::units::from_str::deserialize"
    )]
    pub size: Length,
}

fn qr_size() -> Length {
    Length::mm(25.0)
}

#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PageSpec {
    /// The page size; default A5.
    #[serde(default, deserialize_with = "crate::base::units::from_str::deserialize")]
    pub size: PageSize,
    /// The margins; default 15mm on every side.
    #[serde(default)]
    pub margin: Margins,
    /// Tighten spacing (within clear-print limits) to end on this many pages.
    pub fit: Option<u16>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PageSize {
    A4,
    #[default]
    A5,
    A6,
    Letter,
    /// One panel of a DL tri-fold (an A4 sheet folded in three), for `--trifold`;
    /// not a size a leaflet names.
    DlPanel,
}

impl PageSize {
    pub const NAMES: &'static [&'static str] = &["A4", "A5", "A6", "Letter"];

    /// Width and height in points, portrait.
    pub fn dimensions(self) -> (Pt, Pt) {
        let (w, h) = match self {
            PageSize::A4 => paper::A4_MM,
            PageSize::A5 => paper::A5_MM,
            PageSize::A6 => paper::A6_MM,
            PageSize::Letter => paper::LETTER_MM,
            PageSize::DlPanel => (paper::DL_NARROW_PANEL_MM, paper::DL_SHEET_MM.1),
        };
        (w * PT_PER_MM, h * PT_PER_MM)
    }
}

impl FromStr for PageSize {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "a4" => Ok(PageSize::A4),
            "a5" => Ok(PageSize::A5),
            "a6" => Ok(PageSize::A6),
            "letter" => Ok(PageSize::Letter),
            _ => Err(format!(
                "unknown page size \"{s}\": use one of {}",
                PageSize::NAMES.join(", ")
            )),
        }
    }
}

/// Page margins. `inner` is the binding side (left on odd pages once booklets exist).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Margins {
    pub top: Length,
    pub bottom: Length,
    pub inner: Length,
    pub outer: Length,
}

impl Default for Margins {
    fn default() -> Self {
        Margins::all(Length::mm(15.0))
    }
}

impl Margins {
    pub fn all(l: Length) -> Self {
        Margins {
            top: l,
            bottom: l,
            inner: l,
            outer: l,
        }
    }
}

impl<'de> Deserialize<'de> for Margins {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Sides {
            #[serde(deserialize_with = "crate::base::units::from_str::deserialize")]
            top: Length,
            #[serde(deserialize_with = "crate::base::units::from_str::deserialize")]
            bottom: Length,
            #[serde(deserialize_with = "crate::base::units::from_str::deserialize")]
            inner: Length,
            #[serde(deserialize_with = "crate::base::units::from_str::deserialize")]
            outer: Length,
        }
        impl<'de> de::Visitor<'de> for V {
            type Value = Margins;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a length such as 15mm, or {top, bottom, inner, outer}")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Margins, E> {
                s.parse().map(Margins::all).map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Margins, E> {
                Err(E::custom(format!(
                    "margin {n} has no unit: write {n}mm (or cm, pt, in)"
                )))
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<Margins, E> {
                Err(E::custom(format!(
                    "margin {n} has no unit: write {n}mm (or cm, pt, in)"
                )))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Margins, A::Error> {
                let s = Sides::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Margins {
                    top: s.top,
                    bottom: s.bottom,
                    inner: s.inner,
                    outer: s.outer,
                })
            }
        }
        d.deserialize_any(V)
    }
}
