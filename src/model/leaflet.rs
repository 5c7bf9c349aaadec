//! The content file's data model: exactly the keys a clinic writes in YAML.
//!
//! Field names here are a contract with every content file in the wild; renaming one
//! breaks leaflets. Unknown keys are errors, so a typo never silently drops text.

pub use super::details::{Cover, Date, Picture};
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
    #[serde(default = "default_language")]
    pub language: String,
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
        self.published.is_some()
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

fn default_language() -> String {
    "en-GB".into()
}

/// One item of `blocks:`, written as a one-key map (`- heading: …`), or bare
/// (`- page_break`; `- contact` for the project's contact details).
#[derive(Debug, Clone)]
pub enum Block {
    Heading(String),
    Subheading(String),
    Paragraph(String),
    Bullets(Vec<String>),
    Numbered(Vec<String>),
    Quote(Quote),
    Callout(Callout),
    Image(Image),
    Faq(Vec<FaqEntry>),
    Contact(Contact),
    Qr(Qr),
    Exercise(Exercise),
    Table(Table),
    Checklist(Vec<String>),
    WriteIn(Vec<String>),
    Urgent(Urgent),
    PageBreak,
}

/// The block type names, as written in YAML, for messages and suggestions.
pub const BLOCK_TYPES: &[&str] = &[
    "heading",
    "subheading",
    "paragraph",
    "bullets",
    "numbered",
    "quote",
    "callout",
    "image",
    "faq",
    "contact",
    "qr",
    "exercise",
    "table",
    "checklist",
    "write_in",
    "urgent",
    "page_break",
];

/// An empty value: what `- page_break:` may have after it, and nothing else (text
/// there would be lost).
struct Nothing;

impl<'de> Deserialize<'de> for Nothing {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Nothing, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = Nothing;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("nothing after `page_break`")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Nothing, E> {
                Ok(Nothing)
            }
            fn visit_none<E: de::Error>(self) -> Result<Nothing, E> {
                Ok(Nothing)
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for Block {
    /// By hand rather than derived: a derived enum cannot take `- contact` both bare
    /// and with its fields. Each value is read with its own type, so errors keep
    /// their place in the file.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Block, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = Block;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a block such as `- paragraph: text`")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Block, E> {
                match s {
                    "page_break" => Ok(Block::PageBreak),
                    "contact" => Ok(Block::Contact(Contact {
                        from_project: true,
                        ..Contact::default()
                    })),
                    t if BLOCK_TYPES.contains(&t) => Err(E::custom(format!(
                        "block type `{t}` needs content: write `- {t}: …`"
                    ))),
                    other => Err(E::unknown_variant(other, BLOCK_TYPES)),
                }
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Block, A::Error> {
                // The block's type, and `lang:` (text in another language than the
                // leaflet's) before or after it.
                let mut block: Option<Block> = None;
                let mut lang: Option<String> = None;
                while let Some(key) = map.next_key::<String>()? {
                    if key == "lang" {
                        let tag: String = map.next_value()?;
                        if !crate::text::markup::is_language_tag(&tag) {
                            return Err(de::Error::custom(format!(
                                "`lang: {tag}` is not a language tag: write a BCP 47 tag such as `pl`, `ur` or `zh-Hans`"
                            )));
                        }
                        lang = Some(tag);
                        continue;
                    }
                    if block.is_some() {
                        // Worded for the reader by `load`.
                        return Err(de::Error::custom("expected map with a single key"));
                    }
                    block = Some(match key.as_str() {
                        "heading" => Block::Heading(map.next_value()?),
                        "subheading" => Block::Subheading(map.next_value()?),
                        "paragraph" => Block::Paragraph(map.next_value()?),
                        "bullets" => Block::Bullets(map.next_value()?),
                        "numbered" => Block::Numbered(map.next_value()?),
                        "quote" => Block::Quote(map.next_value()?),
                        "callout" => Block::Callout(map.next_value()?),
                        "image" => Block::Image(map.next_value()?),
                        "faq" => Block::Faq(map.next_value()?),
                        "qr" => Block::Qr(map.next_value()?),
                        "exercise" => Block::Exercise(map.next_value()?),
                        "table" => Block::Table(map.next_value()?),
                        "checklist" => Block::Checklist(map.next_value()?),
                        "write_in" => Block::WriteIn(map.next_value()?),
                        "urgent" => Block::Urgent(map.next_value()?),
                        // `- contact:` with nothing after it: the project's details.
                        "contact" => {
                            Block::Contact(map.next_value::<Option<Contact>>()?.unwrap_or(Contact {
                                from_project: true,
                                ..Contact::default()
                            }))
                        }
                        "page_break" => {
                            map.next_value::<Nothing>()?;
                            Block::PageBreak
                        }
                        other => return Err(de::Error::unknown_variant(other, BLOCK_TYPES)),
                    });
                }
                let Some(mut block) = block else {
                    return Err(de::Error::custom(
                        "a block needs a type: write `- paragraph: …` beside `lang:`",
                    ));
                };
                if let Some(tag) = lang {
                    block.set_language(&tag);
                }
                Ok(block)
            }
        }
        d.deserialize_any(V)
    }
}

impl Block {
    /// Marks the block's text as being in language `tag` (its `lang:` key). Web
    /// addresses, phone numbers, file names and alt text are left as they are.
    pub fn set_language(&mut self, tag: &str) {
        let mark = |t: &mut String| *t = crate::text::markup::in_language(t, tag);
        let marks = |v: &mut Vec<String>| v.iter_mut().for_each(mark);
        match self {
            Block::Heading(t) | Block::Subheading(t) | Block::Paragraph(t) => mark(t),
            Block::Bullets(items)
            | Block::Numbered(items)
            | Block::Checklist(items)
            | Block::WriteIn(items) => marks(items),
            Block::Quote(q) => {
                mark(&mut q.text);
                q.by.iter_mut().for_each(mark);
            }
            Block::Callout(c) => {
                mark(&mut c.text);
                c.title.iter_mut().for_each(mark);
            }
            Block::Image(i) => i.caption.iter_mut().for_each(mark),
            Block::Faq(entries) => entries.iter_mut().for_each(|e| {
                mark(&mut e.q);
                mark(&mut e.a);
            }),
            Block::Contact(c) => c.name.iter_mut().for_each(mark),
            Block::Exercise(e) => {
                mark(&mut e.title);
                marks(&mut e.steps);
                e.repeat.iter_mut().for_each(mark);
            }
            Block::Table(t) => {
                t.caption.iter_mut().for_each(mark);
                marks(&mut t.header);
                t.rows.iter_mut().for_each(marks);
            }
            Block::Urgent(u) => {
                mark(&mut u.title);
                marks(&mut u.items);
                u.text.iter_mut().for_each(mark);
            }
            Block::Qr(_) | Block::PageBreak => {}
        }
    }

    /// Every text field of the block, in reading order (markup included).
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Block::Heading(t) | Block::Subheading(t) | Block::Paragraph(t) => vec![t],
            Block::Bullets(items) | Block::Numbered(items) => items.iter().map(String::as_str).collect(),
            Block::Quote(q) => std::iter::once(q.text.as_str()).chain(q.by.as_deref()).collect(),
            Block::Callout(c) => c.title.as_deref().into_iter().chain([c.text.as_str()]).collect(),
            Block::Image(i) => i.caption.as_deref().into_iter().collect(),
            Block::Faq(entries) => entries
                .iter()
                .flat_map(|e| [e.q.as_str(), e.a.as_str()])
                .collect(),
            Block::Contact(c) => [&c.name, &c.phone, &c.email, &c.web, &c.address]
                .into_iter()
                .filter_map(|f| f.as_deref())
                .collect(),
            Block::Qr(q) => q.caption.as_deref().into_iter().collect(),
            Block::Exercise(e) => std::iter::once(e.title.as_str())
                .chain(e.steps.iter().map(String::as_str))
                .chain(e.repeat.as_deref())
                .collect(),
            Block::Table(t) => t
                .caption
                .as_deref()
                .into_iter()
                .chain(t.header.iter().map(String::as_str))
                .chain(t.rows.iter().flatten().map(String::as_str))
                .collect(),
            Block::Checklist(items) | Block::WriteIn(items) => items.iter().map(String::as_str).collect(),
            Block::Urgent(u) => std::iter::once(u.title.as_str())
                .chain(u.items.iter().map(String::as_str))
                .chain(u.text.as_deref())
                .collect(),
            Block::PageBreak => Vec::new(),
        }
    }

    pub fn type_name(&self) -> &'static str {
        match self {
            Block::Heading(_) => "heading",
            Block::Subheading(_) => "subheading",
            Block::Paragraph(_) => "paragraph",
            Block::Bullets(_) => "bullets",
            Block::Numbered(_) => "numbered",
            Block::Quote(_) => "quote",
            Block::Callout(_) => "callout",
            Block::Image(_) => "image",
            Block::Faq(_) => "faq",
            Block::Contact(_) => "contact",
            Block::Qr(_) => "qr",
            Block::Exercise(_) => "exercise",
            Block::Table(_) => "table",
            Block::Checklist(_) => "checklist",
            Block::WriteIn(_) => "write_in",
            Block::Urgent(_) => "urgent",
            Block::PageBreak => "page_break",
        }
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
