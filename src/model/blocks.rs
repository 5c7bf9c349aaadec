//! A leaflet's blocks: the [`Block`] enum, and the one table of block kinds
//! ([`BLOCK_KINDS`]: YAML name, what the value holds, what it is for) that the
//! model's reader, the JSON Schema and the YAML traps all take their names from.

use super::leaflet::{Callout, Contact, Exercise, FaqEntry, Image, Qr, Quote, Table, Urgent};
use crate::base::lang::LanguageTag;
use serde::{de, Deserialize, Deserializer};
use std::fmt;

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

/// The kinds of block, one per [`Block`] variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    Heading,
    Subheading,
    Paragraph,
    Bullets,
    Numbered,
    Quote,
    Callout,
    Image,
    Faq,
    Contact,
    Qr,
    Exercise,
    Table,
    Checklist,
    WriteIn,
    Urgent,
    PageBreak,
}

/// What follows `- TYPE:`, as far as the YAML traps and the schema need to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holds {
    /// One text (`- heading: Benefits`).
    Text,
    /// A list of texts, one per item.
    Texts,
    /// Keys of its own (`- image: {src: …, alt: …}`).
    Fields,
    /// Nothing (`- page_break`).
    Nothing,
}

/// One kind of block: its YAML name, what it holds and what it is for.
#[derive(Debug, Clone, Copy)]
pub struct KindInfo {
    pub kind: BlockKind,
    /// As written in YAML.
    pub name: &'static str,
    pub holds: Holds,
    /// What it is for, in a clinic's words (the editor's hover text).
    pub about: &'static str,
}

const fn kind(kind: BlockKind, name: &'static str, holds: Holds, about: &'static str) -> KindInfo {
    KindInfo {
        kind,
        name,
        holds,
        about,
    }
}

/// Every kind of block, in the README's order: the one table the model, the
/// schema and the YAML traps take block names from.
pub const BLOCK_KINDS: [KindInfo; 17] = {
    use BlockKind as K;
    use Holds::*;
    [
        kind(
            K::Heading,
            "heading",
            Text,
            "A section heading (in the PDF's bookmarks).",
        ),
        kind(
            K::Subheading,
            "subheading",
            Text,
            "A smaller heading inside a section.",
        ),
        kind(
            K::Paragraph,
            "paragraph",
            Text,
            "Running text. Markup: **bold**, *italic*, [link text](https://…).",
        ),
        kind(
            K::Bullets,
            "bullets",
            Texts,
            "A list with bullets: one item per line.",
        ),
        kind(
            K::Numbered,
            "numbered",
            Texts,
            "A numbered list, for steps in order.",
        ),
        kind(
            K::Quote,
            "quote",
            Fields,
            "A quotation in a box, with who said it.",
        ),
        kind(
            K::Callout,
            "callout",
            Fields,
            "A box that stands out, with an optional title.",
        ),
        kind(
            K::Image,
            "image",
            Fields,
            "A picture (PNG, JPEG or SVG) with alt text for readers who cannot see it.",
        ),
        kind(K::Faq, "faq", Fields, "Questions and answers."),
        kind(
            K::Contact,
            "contact",
            Fields,
            "Contact details; `- contact` alone shows the project's.",
        ),
        kind(
            K::Qr,
            "qr",
            Fields,
            "A QR code for a web address, with the address printed under it.",
        ),
        kind(
            K::Exercise,
            "exercise",
            Fields,
            "An exercise: title, picture, numbered steps and how often.",
        ),
        kind(K::Table, "table", Fields, "A table with a header row."),
        kind(
            K::Checklist,
            "checklist",
            Texts,
            "Items with tick boxes, to take along or do.",
        ),
        kind(K::WriteIn, "write_in", Texts, "Labels with lines to write on."),
        kind(
            K::Urgent,
            "urgent",
            Fields,
            "A red box for when to get help at once.",
        ),
        kind(K::PageBreak, "page_break", Nothing, "Start a new page here."),
    ]
};

/// The block type names, as written in YAML, for messages and suggestions.
pub const BLOCK_TYPES: &[&str] = &NAMES;

const NAMES: [&str; BLOCK_KINDS.len()] = {
    let mut names = [""; BLOCK_KINDS.len()];
    let mut i = 0;
    while i < names.len() {
        names[i] = BLOCK_KINDS[i].name;
        i += 1;
    }
    names
};

impl BlockKind {
    /// The kind a YAML key names, if any.
    pub fn named(name: &str) -> Option<BlockKind> {
        BLOCK_KINDS.iter().find(|k| k.name == name).map(|k| k.kind)
    }

    /// This kind's row of [`BLOCK_KINDS`].
    pub fn info(self) -> &'static KindInfo {
        // The table is in the enum's order (a test checks it).
        &BLOCK_KINDS[self as usize]
    }

    /// Reads this kind's value (what follows `- TYPE:`) from a block's map, with
    /// the value's own type, so errors keep their place in the file.
    fn read<'de, A: de::MapAccess<'de>>(self, map: &mut A) -> Result<Block, A::Error> {
        use BlockKind as K;
        Ok(match self {
            K::Heading => Block::Heading(map.next_value()?),
            K::Subheading => Block::Subheading(map.next_value()?),
            K::Paragraph => Block::Paragraph(map.next_value()?),
            K::Bullets => Block::Bullets(map.next_value()?),
            K::Numbered => Block::Numbered(map.next_value()?),
            K::Quote => Block::Quote(map.next_value()?),
            K::Callout => Block::Callout(map.next_value()?),
            K::Image => Block::Image(map.next_value()?),
            K::Faq => Block::Faq(map.next_value()?),
            K::Qr => Block::Qr(map.next_value()?),
            K::Exercise => Block::Exercise(map.next_value()?),
            K::Table => Block::Table(map.next_value()?),
            K::Checklist => Block::Checklist(map.next_value()?),
            K::WriteIn => Block::WriteIn(map.next_value()?),
            K::Urgent => Block::Urgent(map.next_value()?),
            // `- contact:` with nothing after it: the project's details.
            K::Contact => Block::Contact(map.next_value::<Option<Contact>>()?.unwrap_or(Contact {
                from_project: true,
                ..Contact::default()
            })),
            K::PageBreak => {
                map.next_value::<Nothing>()?;
                Block::PageBreak
            }
        })
    }
}

/// Whether `id` can name a block for its translations: lower-case letters, digits
/// and hyphens, as it goes into every entry's context (`msgctxt`) unchanged.
pub fn check_id(id: &str) -> Result<(), String> {
    let ok = !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-');
    if ok {
        Ok(())
    } else {
        Err(format!(
            "the block id \"{id}\" is not usable: write lower-case letters, digits and hyphens, e.g. `id: what-to-bring`"
        ))
    }
}

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
                match BlockKind::named(s) {
                    Some(BlockKind::PageBreak) => Ok(Block::PageBreak),
                    Some(BlockKind::Contact) => Ok(Block::Contact(Contact {
                        from_project: true,
                        ..Contact::default()
                    })),
                    Some(_) => Err(E::custom(format!(
                        "block type `{s}` needs content: write `- {s}: …`"
                    ))),
                    None => Err(E::unknown_variant(s, BLOCK_TYPES)),
                }
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Block, A::Error> {
                // The block's type, and `lang:` (text in another language than the
                // leaflet's) before or after it.
                let mut block: Option<Block> = None;
                let mut lang: Option<String> = None;
                while let Some(key) = map.next_key::<String>()? {
                    if key == "lang" {
                        let tag: LanguageTag = map.next_value()?;
                        lang = Some(tag.to_string());
                        continue;
                    }
                    // The block's name for translations (`load::translate` reads it
                    // from the source map); checked here so a bad one is located.
                    if key == "id" {
                        let id: String = map.next_value()?;
                        if let Err(why) = check_id(&id) {
                            return Err(de::Error::custom(why));
                        }
                        continue;
                    }
                    if block.is_some() {
                        // Worded for the reader by `load`.
                        return Err(de::Error::custom("expected map with a single key"));
                    }
                    let Some(kind) = BlockKind::named(&key) else {
                        return Err(de::Error::unknown_variant(&key, BLOCK_TYPES));
                    };
                    block = Some(kind.read(&mut map)?);
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

    /// What kind of block this is.
    pub fn kind(&self) -> BlockKind {
        match self {
            Block::Heading(_) => BlockKind::Heading,
            Block::Subheading(_) => BlockKind::Subheading,
            Block::Paragraph(_) => BlockKind::Paragraph,
            Block::Bullets(_) => BlockKind::Bullets,
            Block::Numbered(_) => BlockKind::Numbered,
            Block::Quote(_) => BlockKind::Quote,
            Block::Callout(_) => BlockKind::Callout,
            Block::Image(_) => BlockKind::Image,
            Block::Faq(_) => BlockKind::Faq,
            Block::Contact(_) => BlockKind::Contact,
            Block::Qr(_) => BlockKind::Qr,
            Block::Exercise(_) => BlockKind::Exercise,
            Block::Table(_) => BlockKind::Table,
            Block::Checklist(_) => BlockKind::Checklist,
            Block::WriteIn(_) => BlockKind::WriteIn,
            Block::Urgent(_) => BlockKind::Urgent,
            Block::PageBreak => BlockKind::PageBreak,
        }
    }

    /// The block's type as written in YAML (`write_in`).
    pub fn type_name(&self) -> &'static str {
        self.kind().info().name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kind_table_is_in_the_enums_order_and_names_each_kind_once() {
        for (i, k) in BLOCK_KINDS.iter().enumerate() {
            assert_eq!(k.kind as usize, i, "{} is out of order", k.name);
            assert_eq!(BlockKind::named(k.name), Some(k.kind));
            assert!(!k.about.is_empty());
        }
        assert_eq!(BLOCK_TYPES.len(), 17);
    }
}
