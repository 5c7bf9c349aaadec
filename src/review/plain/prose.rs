//! The leaflet's words as a reader meets them: sections (heading to heading) of
//! units (a paragraph, a list item, a caption…), each knowing its block and what kind
//! of text it is, so the rules can tell sentences from headings, labels and phrases.

use crate::load::Resolved;
use crate::model::theme::Labels;
use crate::model::Block;
use crate::text::markup::{parse_inline, Span};
use std::ops::Range;

/// What a unit of text is to a reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `heading` (1) or `subheading` (2): not prose.
    Heading(u8),
    /// Running text: a paragraph, a quote, a callout, an FAQ answer.
    Paragraph,
    /// One item of a list (bullets, numbered, checklist, urgent items, exercise steps):
    /// a sentence when it ends like one, else a phrase.
    Item,
    /// An FAQ question: a sentence, never a heading.
    Question,
    /// A caption under an image, QR code or table.
    Caption,
    /// A title of a box (callout, exercise, urgent), or a label layout prints
    /// ("Sources"): read like a heading.
    Label,
    /// A table cell, in `row` (0 for the header row, when there is one). A body cell
    /// reads like a list item (a sentence when it ends like one, else a phrase); a
    /// header cell like a heading.
    Cell { row: usize, header: bool },
    /// Who said a quote, printed under it: a name, not prose.
    Attribution,
    /// One of the sources listed on the back page: a reference, not prose.
    Source,
}

impl Kind {
    /// Whether the unit's sentences count towards readability and sentence rules.
    pub fn is_prose(self) -> bool {
        matches!(
            self,
            Kind::Paragraph | Kind::Item | Kind::Question | Kind::Caption | Kind::Cell { header: false, .. }
        )
    }
}

#[derive(Debug, Clone)]
pub struct Unit {
    /// The content block it is in; None for what layout adds (the back page).
    pub block: Option<usize>,
    /// Where in the YAML its text is looked for from: its block, its table row, its
    /// quote's `by:`, or the top-level key (`feedback`, `sources.0`); None when the
    /// file does not write it (a project's default).
    pub start: Option<usize>,
    pub kind: Kind,
    pub section: usize,
    /// The styled text (bold, italic, links), as the PDF shows it.
    pub spans: Vec<Span>,
    /// The same text without markup.
    pub text: String,
    /// A bold lead-in such as "**Few side effects:**": a label, left out of sentences.
    pub label: Range<usize>,
}

impl Unit {
    /// The part of the text after a bold lead-in label.
    pub fn body(&self) -> (usize, &str) {
        (self.label.end, &self.text[self.label.end..])
    }

    /// Each span's byte range in [`Unit::text`].
    pub fn span_ranges(&self) -> impl Iterator<Item = (Range<usize>, &Span)> {
        let mut at = 0;
        self.spans.iter().map(move |s| {
            let r = at..at + s.text.len();
            at = r.end;
            (r, s)
        })
    }
}

/// Heading to heading; section 0 is what comes before the first heading, and the
/// back page's "About this leaflet" is the last when the leaflet has one.
#[derive(Debug, Clone)]
pub struct Section {
    pub title: String,
    /// The heading's block, None for the opening section and the back page.
    pub block: Option<usize>,
    pub units: Range<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Prose {
    pub units: Vec<Unit>,
    pub sections: Vec<Section>,
}

/// The leaflet's text in reading order, as the PDF prints it, with the back page in
/// the words of the leaflet's language (see [`extract_with`]).
pub fn extract(doc: &Resolved) -> Prose {
    extract_with(doc, &Labels::for_language(&doc.leaflet.language))
}

/// The leaflet's text in reading order, as the PDF prints it: every block's text
/// (a table's caption, header and cells, a quote's attribution included), then the
/// back page's heading, sources and feedback in `labels`' words.
pub fn extract_with(doc: &Resolved, labels: &Labels) -> Prose {
    let mut p = Prose::default();
    p.sections.push(Section {
        title: "Before the first heading".into(),
        block: None,
        units: 0..0,
    });
    for (i, block) in doc.leaflet.blocks.iter().enumerate() {
        if let Block::Heading(t) = block {
            p.section(crate::text::plain_text(t), Some(i));
        }
        let from = doc.block_span(i).map(|s| s.start);
        let at = |path: String| {
            doc.spans
                .value(&format!("blocks.{i}.{path}"))
                .map(|s| s.start)
                .or(from)
        };
        let mut add = |kind: Kind, src: &str| p.push(Some(i), from, kind, src);
        match block {
            Block::Heading(t) => add(Kind::Heading(1), t),
            Block::Subheading(t) => add(Kind::Heading(2), t),
            Block::Paragraph(t) => add(Kind::Paragraph, t),
            Block::Bullets(items) | Block::Numbered(items) | Block::Checklist(items) => {
                items.iter().for_each(|t| add(Kind::Item, t))
            }
            Block::Quote(q) => {
                add(Kind::Paragraph, &q.text);
                if let Some(by) = &q.by {
                    p.push(Some(i), at("quote.by".into()), Kind::Attribution, by);
                }
            }
            Block::Callout(c) => {
                if let Some(t) = &c.title {
                    add(Kind::Label, t);
                }
                add(Kind::Paragraph, &c.text);
            }
            Block::Image(img) => {
                if let Some(c) = &img.caption {
                    add(Kind::Caption, c);
                }
            }
            Block::Faq(entries) => {
                for e in entries {
                    add(Kind::Question, &e.q);
                    add(Kind::Paragraph, &e.a);
                }
            }
            Block::Qr(q) => {
                if let Some(c) = &q.caption {
                    add(Kind::Caption, c);
                }
            }
            Block::Exercise(e) => {
                add(Kind::Label, &e.title);
                e.steps.iter().for_each(|t| add(Kind::Item, t));
                if let Some(r) = &e.repeat {
                    add(Kind::Item, r);
                }
            }
            Block::Table(t) => {
                if let Some(c) = &t.caption {
                    add(Kind::Caption, c);
                }
                let header = !t.header.is_empty();
                let rows = std::iter::once((&t.header, at("table.header".into())))
                    .filter(|_| header)
                    .chain(
                        t.rows
                            .iter()
                            .enumerate()
                            .map(|(r, row)| (row, at(format!("table.rows.{r}")))),
                    );
                for (row, (cells, start)) in rows.enumerate() {
                    let kind = Kind::Cell {
                        row,
                        header: header && row == 0,
                    };
                    cells.iter().for_each(|c| p.push(Some(i), start, kind, c));
                }
            }
            Block::Urgent(u) => {
                add(Kind::Label, &u.title);
                u.items.iter().for_each(|t| add(Kind::Item, t));
                if let Some(t) = &u.text {
                    add(Kind::Paragraph, t);
                }
            }
            // Contact details, write-in prompts and page breaks are not prose.
            Block::Contact(_) | Block::WriteIn(_) | Block::PageBreak => {}
        }
    }
    back_page(&mut p, doc, labels);
    let n = p.units.len();
    if let Some(last) = p.sections.last_mut() {
        last.units.end = n;
    }
    // An opening section with nothing in it (the leaflet starts with a heading).
    if p.sections.len() > 1 && p.sections[0].units.is_empty() {
        p.sections.remove(0);
        p.units.iter_mut().for_each(|u| u.section -= 1);
    }
    p
}

/// What layout prints after the content when the leaflet has details (see
/// `layout::cover`): "About this leaflet", the sources under their label, the
/// feedback line. The dates and reference are leafpress's words and figures.
fn back_page(p: &mut Prose, doc: &Resolved, labels: &Labels) {
    let leaflet = &doc.leaflet;
    if !leaflet.has_details() {
        return;
    }
    let at = |path: &str| doc.spans.value(path).map(|s| s.start);
    p.section(labels.about.clone(), None);
    p.push(None, None, Kind::Heading(1), &labels.about);
    if !leaflet.sources.is_empty() {
        p.push(None, at("sources"), Kind::Label, &labels.sources);
        for (n, s) in leaflet.sources.iter().enumerate() {
            p.push(None, at(&format!("sources.{n}")), Kind::Source, s);
        }
    }
    if let Some(f) = &leaflet.feedback {
        p.push(None, at("feedback"), Kind::Paragraph, f);
    }
}

impl Prose {
    /// The section block `b` is in.
    pub fn section_of_block(&self, b: usize) -> usize {
        self.sections
            .iter()
            .rposition(|s| s.block.is_some_and(|h| h <= b))
            .unwrap_or(0)
    }

    /// Starts a section at the next unit.
    fn section(&mut self, title: String, block: Option<usize>) {
        let n = self.units.len();
        if let Some(last) = self.sections.last_mut() {
            last.units.end = n;
        }
        self.sections.push(Section {
            title,
            block,
            units: n..n,
        });
    }

    fn push(&mut self, block: Option<usize>, start: Option<usize>, kind: Kind, src: &str) {
        let spans = parse_inline(src);
        let text: String = spans.iter().map(|s| s.text.as_str()).collect();
        // "**Few side effects:** Some patients…": the bold part names the item.
        let label = match spans.as_slice() {
            [first, _, ..] if first.style.bold && first.text.trim_end().ends_with(':') => 0..first.text.len(),
            _ => 0..0,
        };
        self.units.push(Unit {
            block,
            start,
            kind,
            section: self.sections.len() - 1,
            spans,
            text,
            label,
        });
    }
}

/// Where `needle` (plain text from a unit of the block starting at `from`) is written
/// in the YAML source: its words in order, with any line breaks, indentation or
/// markup between them. Falls back to the first word, then None.
pub fn locate(source: &str, from: usize, needle: &str) -> Option<Range<usize>> {
    let words: Vec<&str> = needle.split_whitespace().collect();
    let first = *words.first()?;
    let mut search = from.min(source.len());
    let mut fallback = None;
    while let Some(found) = find_from(source, search, first) {
        let mut end = found.end;
        let mut matched = 1;
        for w in &words[1..] {
            let gap = source[end..]
                .char_indices()
                .find(|(_, c)| !(c.is_whitespace() || matches!(c, '*' | '_' | '>' | '|' | '-')))
                .map_or(source.len() - end, |(i, _)| i);
            match find_at(source, end + gap, w) {
                Some(e) if gap > 0 || w.starts_with(|c: char| !c.is_alphanumeric()) => {
                    end = e;
                    matched += 1;
                }
                _ => break,
            }
        }
        if matched == words.len() {
            return Some(found.start..end);
        }
        fallback.get_or_insert(found.start..end);
        search = found.start + first.len().max(1);
    }
    fallback
}

/// `word` at exactly `at`, comparing quotes and apostrophes loosely (the PDF's are
/// curly, the YAML's often straight). Returns the end.
fn find_at(source: &str, at: usize, word: &str) -> Option<usize> {
    let mut s = source.get(at..)?.char_indices();
    for w in word.chars() {
        let (_, c) = s.next()?;
        if fold(c) != fold(w) {
            return None;
        }
    }
    Some(s.next().map_or(source.len(), |(i, _)| at + i))
}

fn find_from(source: &str, from: usize, word: &str) -> Option<Range<usize>> {
    let first = fold(word.chars().next()?);
    source
        .get(from..)?
        .char_indices()
        .filter(|(_, c)| fold(*c) == first)
        .find_map(|(i, _)| find_at(source, from + i, word).map(|end| from + i..end))
}

fn fold(c: char) -> char {
    match c {
        '‘' | '’' | '\'' => '\'',
        '“' | '”' | '"' => '"',
        '–' | '—' => '-',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_text_folded_across_lines() {
        let src = "- paragraph: >-\n    The session lasts\n    about an hour. It doesn't hurt.\n";
        let r = locate(src, 0, "about an hour. It doesn’t hurt.").unwrap();
        assert_eq!(&src[r], "about an hour. It doesn't hurt.");
        let r = locate(src, 0, "The session lasts about").unwrap();
        assert_eq!(&src[r], "The session lasts\n    about");
    }

    #[test]
    fn locates_through_markup_and_falls_back_to_the_first_word() {
        let src = "- bullets:\n  - \"**Few side effects:** some bruising\"\n";
        let r = locate(src, 0, "Few side effects: some").unwrap();
        assert_eq!(&src[r], "Few side effects:** some");
        let r = locate(src, 0, "Few other things").unwrap();
        assert_eq!(&src[r], "Few");
    }
}
