//! The texts of a leaflet a translator translates, each with a context that stays
//! the same when other blocks move or change: the block's `id:`, else its section
//! (the slug of the heading above it) and its kind, counted within that section
//! (`what-is-acupuncture/paragraph-2/`), then the field (`item-3`, `q-2`).
//!
//! One walk ([`walk`]) both lists the texts (export) and replaces them (a build in
//! another language), so the two cannot disagree about what a context names.

use crate::base::source::Source;
use crate::load::spans::Spans;
use crate::model::{Block, Leaflet};
use std::collections::HashMap;

/// One text to translate.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Stable across edits elsewhere in the leaflet (the PO's `msgctxt`).
    pub context: String,
    /// The English, markup as written.
    pub english: String,
    /// What the text is, for the translator ("a list item").
    pub what: &'static str,
    /// Where it appears ("section \"Will it hurt?\"").
    pub place: String,
    /// The block it belongs to (0-based), for its line in the content file.
    pub block: Option<usize>,
}

/// Each block's `id:` as written (the model checks its form and drops it: only
/// translations need it).
pub fn block_ids(src: &Source, spans: &Spans, leaflet: &Leaflet) -> Vec<Option<String>> {
    (0..leaflet.blocks.len())
        .map(|i| {
            let at = spans.value(&format!("blocks.{i}.id"))?;
            let raw = src.text.get(at)?.trim();
            Some(raw.trim_matches(|c| c == '"' || c == '\'').to_string())
        })
        .collect()
}

/// Calls `each` with every translatable text of `leaflet` and its place, in reading
/// order; `each` may change the text.
pub fn walk(leaflet: &mut Leaflet, ids: &[Option<String>], mut each: impl FnMut(&Entry, &mut String)) {
    let mut visit =
        |context: String, what: &'static str, place: &str, block: Option<usize>, text: &mut String| {
            // A block with its own `lang:` is in that language already, and printed
            // as written in every translation.
            if text.starts_with(crate::text::markup::LANG_START) {
                return;
            }
            let entry = Entry {
                context,
                english: text.clone(),
                what,
                place: place.to_string(),
                block,
            };
            each(&entry, text);
        };
    let top = "the title page";
    visit(
        "title".into(),
        "the leaflet's title",
        top,
        None,
        &mut leaflet.title,
    );
    if let Some(t) = leaflet.subtitle.as_mut() {
        visit("subtitle".into(), "the line under the title", top, None, t);
    }
    if let Some(t) = leaflet.footer.as_mut() {
        visit("footer".into(), "the footer on every page", "every page", None, t);
    }
    let about = "\"About this leaflet\" at the end";
    for (i, s) in leaflet.sources.iter_mut().enumerate() {
        visit(
            format!("sources/{}", i + 1),
            "a source of the information",
            about,
            None,
            s,
        );
    }
    if let Some(t) = leaflet.feedback.as_mut() {
        visit("feedback".into(), "how readers can comment", about, None, t);
    }

    let mut section = String::from("opening");
    let mut place = String::from("the opening, before the first heading");
    let mut sections_seen: HashMap<String, usize> = HashMap::new();
    let mut kinds_seen: HashMap<&'static str, usize> = HashMap::new();
    for (i, block) in leaflet.blocks.iter_mut().enumerate() {
        let id = ids.get(i).cloned().flatten();
        if let Block::Heading(t) = block {
            let slug = id
                .clone()
                .unwrap_or_else(|| non_empty(crate::load::anchors::anchor(t)));
            let n = sections_seen.entry(slug.clone()).or_insert(0);
            *n += 1;
            section = if *n == 1 { slug } else { format!("{slug}-{n}") };
            place = format!("section \"{}\"", crate::text::plain_text(t));
            kinds_seen.clear();
            visit(
                format!("{section}/heading"),
                "the heading of a section",
                &place,
                Some(i),
                t,
            );
            continue;
        }
        let kind = block.type_name();
        let base = match id {
            Some(id) => id,
            None => {
                let n = kinds_seen.entry(kind).or_insert(0);
                *n += 1;
                format!("{section}/{kind}-{n}")
            }
        };
        let b = Some(i);
        let mut field = |suffix: &str, what: &'static str, text: &mut String| {
            let context = if suffix.is_empty() {
                base.clone()
            } else {
                format!("{base}/{suffix}")
            };
            visit(context, what, &place, b, text);
        };
        let items = |field: &mut dyn FnMut(&str, &'static str, &mut String), what, v: &mut Vec<String>| {
            for (k, t) in v.iter_mut().enumerate() {
                field(&format!("item-{}", k + 1), what, t);
            }
        };
        match block {
            Block::Heading(_) => {}
            Block::Subheading(t) => field("", "a smaller heading inside a section", t),
            Block::Paragraph(t) => field("", "a paragraph", t),
            Block::Bullets(v) => items(&mut field, "an item of a bulleted list", v),
            Block::Numbered(v) => items(&mut field, "a step of a numbered list", v),
            Block::Checklist(v) => items(&mut field, "an item of a checklist (with a box to tick)", v),
            Block::WriteIn(v) => items(&mut field, "a prompt with lines to write on", v),
            Block::Quote(q) => field("text", "a quotation from a patient (keep its voice)", &mut q.text),
            Block::Callout(c) => {
                if let Some(t) = c.title.as_mut() {
                    field("title", "the title of a box that stands out", t);
                }
                field("text", "the text of a box that stands out", &mut c.text);
            }
            Block::Image(img) => {
                if let Some(t) = img.alt.as_mut() {
                    field(
                        "alt",
                        "a picture's description, read aloud to readers who cannot see it",
                        t,
                    );
                }
                if let Some(t) = img.caption.as_mut() {
                    field("caption", "the line under a picture", t);
                }
            }
            Block::Faq(entries) => {
                for (k, e) in entries.iter_mut().enumerate() {
                    field(&format!("q-{}", k + 1), "a question", &mut e.q);
                    field(
                        &format!("a-{}", k + 1),
                        "the answer to the question before",
                        &mut e.a,
                    );
                }
            }
            Block::Qr(q) => {
                if let Some(t) = q.caption.as_mut() {
                    field("caption", "the line under a QR code", t);
                }
            }
            Block::Exercise(e) => {
                field("title", "the name of an exercise", &mut e.title);
                for (k, s) in e.steps.iter_mut().enumerate() {
                    field(&format!("step-{}", k + 1), "a step of an exercise", s);
                }
                if let Some(t) = e.repeat.as_mut() {
                    field("repeat", "how often to do the exercise", t);
                }
            }
            Block::Table(t) => {
                if let Some(c) = t.caption.as_mut() {
                    field("caption", "the line above a table", c);
                }
                for (k, h) in t.header.iter_mut().enumerate() {
                    field(&format!("header-{}", k + 1), "a table's column heading", h);
                }
                for (r, row) in t.rows.iter_mut().enumerate() {
                    for (c, cell) in row.iter_mut().enumerate() {
                        field(&format!("row-{}/cell-{}", r + 1, c + 1), "a table cell", cell);
                    }
                }
            }
            Block::Urgent(u) => {
                field(
                    "title",
                    "the title of a box saying when to get help now",
                    &mut u.title,
                );
                items(&mut field, "a sign to get help now", &mut u.items);
                if let Some(t) = u.text.as_mut() {
                    field("text", "the text under the signs to get help now", t);
                }
            }
            // Names, numbers and addresses are printed as written in every language.
            Block::Contact(_) | Block::PageBreak => {}
        }
    }
}

/// A heading of no letters or digits still names its section.
fn non_empty(slug: String) -> String {
    if slug.is_empty() {
        "section".into()
    } else {
        slug
    }
}

/// Every translatable text of `leaflet`, in reading order, then the words layout
/// prints around them ([`label_entries`]).
pub fn entries(leaflet: &Leaflet, ids: &[Option<String>]) -> Vec<Entry> {
    let mut copy = leaflet.clone();
    let mut out = Vec::new();
    walk(&mut copy, ids, |e, _| out.push(e.clone()));
    out.extend(label_entries(leaflet));
    out
}

/// The labels of "About this leaflet" a translation supplies, by context: the
/// heading and the credit line's words always (a translation's credit goes there),
/// the others where the leaflet prints them.
pub fn label_entries(leaflet: &Leaflet) -> Vec<Entry> {
    let en = crate::model::labels::Labels::for_language("en");
    let wanted = [
        ("about", en.about.as_str(), true),
        ("published", &en.published, leaflet.published.is_some()),
        ("review", &en.review, leaflet.review.is_some()),
        ("reference", &en.reference, leaflet.reference.is_some()),
        ("sources", &en.sources, !leaflet.sources.is_empty()),
        ("translation", TRANSLATION, true),
        ("checked-by", CHECKED_BY, true),
    ];
    wanted
        .into_iter()
        .filter(|(_, _, used)| *used)
        .map(|(name, english, _)| Entry {
            context: format!("label/{name}"),
            english: english.to_string(),
            what: "a label leafpress prints in \"About this leaflet\" at the end",
            place: "\"About this leaflet\" at the end".into(),
            block: None,
        })
        .collect()
}

/// The credit line's words: "**Translation:** NAME; checked by NAME, DATE".
pub const TRANSLATION: &str = "Translation";
pub const CHECKED_BY: &str = "checked by";

/// Which English the entries are: the first 12 hex digits of an MD5 of every
/// context and text, so any change to the English changes it.
pub fn version(entries: &[Entry]) -> String {
    use md5::{Digest, Md5};
    let mut h = Md5::new();
    for e in entries {
        h.update(e.context.as_bytes());
        h.update([0]);
        h.update(e.english.as_bytes());
        h.update([0]);
    }
    h.finalize().iter().take(6).map(|b| format!("{b:02x}")).collect()
}

/// Words a translator keeps as written, found in `text`: the clinic's names (given),
/// and phone numbers, e-mail and web addresses.
pub fn keep_as_written(text: &str, names: &[String]) -> Vec<String> {
    let plain = crate::text::plain_text(text);
    let mut out: Vec<String> = names
        .iter()
        .filter(|n| !n.trim().is_empty() && plain.contains(n.as_str()))
        .cloned()
        .collect();
    for word in plain.split_whitespace() {
        let w = word.trim_matches(|c: char| matches!(c, ',' | '.' | ';' | ':' | '(' | ')' | '"' | '\''));
        if (w.contains('@') && w.contains('.')) || w.starts_with("http") || w.starts_with("www.") {
            out.push(w.to_string());
        }
    }
    // Phone numbers: a run of digits, spaces and + ( ) - holding 7 digits or more.
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut Vec<String>| {
        let t = run.trim().trim_end_matches(['-', '(']).trim().to_string();
        if t.chars().filter(char::is_ascii_digit).count() >= 7 {
            out.push(t);
        }
        run.clear();
    };
    for c in plain.chars() {
        if c.is_ascii_digit()
            || (!run.is_empty() && matches!(c, ' ' | '+' | '(' | ')' | '-'))
            || (run.is_empty() && c == '+')
        {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaflet(yaml: &str) -> Leaflet {
        serde_yaml::from_str(yaml).unwrap()
    }

    #[test]
    fn contexts_follow_sections_and_kinds_not_positions() {
        let a = leaflet("title: T\nblocks:\n  - paragraph: Hello\n  - heading: Will it hurt?\n  - paragraph: No.\n  - bullets: [a, b]\n  - paragraph: Rarely.\n  - paragraph: Nie.\n    lang: pl\n");
        let ctx: Vec<String> = entries(&a, &[])
            .into_iter()
            .map(|e| e.context)
            .filter(|c| !c.starts_with("label/"))
            .collect();
        assert_eq!(
            ctx,
            [
                "title",
                "opening/paragraph-1",
                "will-it-hurt/heading",
                "will-it-hurt/paragraph-1",
                "will-it-hurt/bullets-1/item-1",
                "will-it-hurt/bullets-1/item-2",
                "will-it-hurt/paragraph-2"
            ]
        );
    }

    #[test]
    fn finds_numbers_and_addresses_to_keep() {
        let k = keep_as_written(
            "Call **Example Clinic** on 01632 960 000 or write to hello@clinic.example.",
            &["Example Clinic".into()],
        );
        assert_eq!(k, ["Example Clinic", "hello@clinic.example", "01632 960 000"]);
    }
}
