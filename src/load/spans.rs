//! Where each key and item of a YAML file is written: one pass of a real YAML
//! parser's events (saphyr-parser) over the text, indexed by path (`title`,
//! `page.size`, `blocks.3`, `check.rules.passive-voice`). serde_yaml gives locations
//! only for its own errors; every later problem (an empty heading, a margin too
//! wide, a rule id that does not exist) is located through this index, never by
//! searching the text for a key's name.

use saphyr_parser::{Event, Marker, Parser, Span};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// The places of a YAML file's nodes, by path. Empty for text that is not YAML.
///
/// The index is made when a place is first asked for: a file that builds without a
/// problem to point at never needs one, and parsing the file a second time for it
/// was a twentieth of building the sample.
#[derive(Debug, Clone, Default)]
pub struct Spans {
    text: Arc<str>,
    nodes: OnceLock<HashMap<String, Node>>,
}

/// Two indexes of the same text are the same, made yet or not.
impl PartialEq for Spans {
    fn eq(&self, other: &Spans) -> bool {
        self.text == other.text
    }
}

#[derive(Debug, Clone, PartialEq)]
struct Node {
    /// The key it is written under, in a mapping.
    key: Option<Range<usize>>,
    /// The node itself: a scalar's text, or a collection from its start to its end.
    value: Range<usize>,
    /// A mapping's first key (what a block is named by: `heading` in `- heading: …`).
    first_key: Option<Range<usize>>,
}

/// An open collection while the events are read.
struct Open {
    path: String,
    map: bool,
    /// In a mapping: the key just read, whose value comes next.
    key: Option<(String, Range<usize>)>,
    /// In a sequence: the index of the next item.
    next: usize,
}

impl Spans {
    /// The index of `text`: every node up to the first syntax error, if any.
    pub fn of(text: &str) -> Spans {
        Spans {
            text: text.into(),
            nodes: OnceLock::new(),
        }
    }

    /// Whether the index has been made: a build with nothing to point at never
    /// makes it.
    pub fn indexed(&self) -> bool {
        self.nodes.get().is_some()
    }

    fn nodes(&self) -> &HashMap<String, Node> {
        self.nodes.get_or_init(|| Index::of(&self.text).nodes)
    }

    /// Whether the file writes `path` (`page.size`, `blocks.2`).
    pub fn has(&self, path: &str) -> bool {
        self.nodes().contains_key(path)
    }

    /// Where the key of `path` is written (`page.fit` → `fit`).
    pub fn key(&self, path: &str) -> Option<Range<usize>> {
        self.nodes().get(path)?.key.clone()
    }

    /// Where the value of `path` is written: a scalar's text, or a collection's extent.
    pub fn value(&self, path: &str) -> Option<Range<usize>> {
        Some(self.nodes().get(path)?.value.clone())
    }

    /// Where a node is named: a mapping by its first key (`heading` in `- heading:
    /// Benefits`), anything else by its value (`page_break` in `- page_break`).
    pub fn head(&self, path: &str) -> Option<Range<usize>> {
        let node = self.nodes().get(path)?;
        Some(node.first_key.clone().unwrap_or_else(|| node.value.clone()))
    }

    /// The key of `path` where there is one, else its value: what a message about
    /// `path` points at.
    pub fn at(&self, path: &str) -> Option<Range<usize>> {
        self.key(path).or_else(|| self.value(path))
    }

    /// How many items the sequence at `path` has (0 when it is not one).
    pub fn len(&self, path: &str) -> usize {
        (0..).take_while(|i| self.has(&format!("{path}.{i}"))).count()
    }
}

/// The index itself, made in one pass of the parser's events.
#[derive(Default)]
struct Index {
    nodes: HashMap<String, Node>,
}

impl Index {
    fn of(text: &str) -> Index {
        let bytes = Bytes::new(text);
        let mut spans = Index::default();
        let mut open: Vec<Open> = Vec::new();
        let mut parser = Parser::new_from_str(text);
        while let Some(Ok((event, span))) = parser.next_event() {
            let range = bytes.range(span);
            match event {
                Event::Scalar(value, ..) => {
                    if let Some(top) = open.last_mut().filter(|o| o.map && o.key.is_none()) {
                        top.key = Some((value.into_owned(), range.clone()));
                        let path = top.path.clone();
                        if let Some(node) = spans.nodes.get_mut(&path) {
                            node.first_key.get_or_insert(range);
                        }
                    } else {
                        spans.start(&mut open, range);
                    }
                }
                Event::Alias(_) => {
                    spans.start(&mut open, range);
                }
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    let path = spans.start(&mut open, range);
                    open.push(Open {
                        path,
                        map: matches!(event, Event::MappingStart(..)),
                        key: None,
                        next: 0,
                    });
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    if let Some(done) = open.pop() {
                        if let Some(node) = spans.nodes.get_mut(&done.path) {
                            node.value.end = range.end.max(node.value.start);
                        }
                    }
                }
                _ => {}
            }
        }
        spans
    }

    /// Records a node starting at `range` in the innermost open collection, and
    /// returns its path.
    fn start(&mut self, open: &mut [Open], range: Range<usize>) -> String {
        let (path, key) = match open.last_mut() {
            None => (String::new(), None),
            Some(top) if top.map => {
                let (name, at) = top.key.take().unwrap_or_default();
                (join(&top.path, &name), Some(at))
            }
            Some(top) => {
                top.next += 1;
                (join(&top.path, &(top.next - 1).to_string()), None)
            }
        };
        self.nodes.entry(path.clone()).or_insert(Node {
            key,
            value: range,
            first_key: None,
        });
        path
    }
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    }
}

/// Byte offsets for the parser's marks, which count characters: each line's start,
/// and the line walked to the column.
pub(super) struct Bytes<'a> {
    text: &'a str,
    lines: Vec<usize>,
}

impl<'a> Bytes<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        let mut lines = vec![0];
        lines.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Bytes { text, lines }
    }

    pub(super) fn at(&self, m: Marker) -> usize {
        let start = self
            .lines
            .get(m.line().saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len());
        self.text[start..]
            .char_indices()
            .nth(m.col())
            .map_or(self.text.len(), |(i, _)| start + i)
    }

    pub(super) fn range(&self, span: Span) -> Range<usize> {
        let start = self.at(span.start);
        start..self.at(span.end).max(start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_at(text: &str, r: Option<Range<usize>>) -> &str {
        &text[r.expect("located")]
    }

    #[test]
    fn keys_items_and_values_are_found_by_path() {
        let text = "title: Knee pain\npage: {size: A4, fit: 8}\nblocks:\n  - heading: Benefits\n  - page_break\n  - list:\n      - one\n      - \"twö\"\n";
        let s = Spans::of(text);
        assert_eq!(text_at(text, s.key("title")), "title");
        assert_eq!(text_at(text, s.value("title")), "Knee pain");
        assert_eq!(text_at(text, s.key("page.fit")), "fit");
        assert_eq!(text_at(text, s.value("page.size")), "A4");
        assert_eq!(text_at(text, s.head("blocks.0")), "heading");
        assert_eq!(text_at(text, s.head("blocks.1")), "page_break");
        assert_eq!(text_at(text, s.value("blocks.2.list.1")), "\"twö\"");
        assert_eq!(s.len("blocks"), 3);
        assert!(s.has("page.size") && !s.has("page.margin") && !s.has("subtitle"));
    }

    #[test]
    fn text_past_wide_characters_is_located_in_bytes() {
        let text = "title: Ćwiczenia – kolano\nsubtitle: 膝の痛み\nfooter: x\n";
        let s = Spans::of(text);
        assert_eq!(text_at(text, s.value("subtitle")), "膝の痛み");
        assert_eq!(text_at(text, s.key("footer")), "footer");
    }

    #[test]
    fn broken_yaml_keeps_what_came_before_the_error() {
        let s = Spans::of("title: x\nblocks:\n  - heading: [unclosed\n");
        assert!(s.has("title"));
        assert_eq!(Spans::of(""), Spans::default());
    }
}
