//! Every problem in one run. serde stops at the first structural error; when the
//! whole file does not parse, each top-level entry and each block is parsed on its
//! own, so an unknown key in block 2 does not hide a wrong type in block 7. Each
//! error keeps its place in the file.

use super::parse::{block_offsets, humanize};
use crate::base::diag::Diagnostic;
use crate::base::source::Source;
use crate::model::{Block, Leaflet};
use std::ops::Range;

/// A piece of the file parsed on its own: its text, and where each of its lines
/// starts in the file (piece offset → file offset).
struct Piece {
    /// Where the piece is in the file.
    range: Range<usize>,
    text: String,
    /// (offset in `text`, offset in the file) for the start of each line.
    lines: Vec<(usize, usize)>,
}

impl Piece {
    fn to_file(&self, at: usize) -> usize {
        let k = self.lines.partition_point(|&(p, _)| p <= at).saturating_sub(1);
        let (p, f) = self.lines.get(k).copied().unwrap_or((0, 0));
        f + (at - p)
    }
}

/// The problems of a file whose whole does not parse, each located and with the
/// byte range of the piece it was found in; empty when the pieces all parse (the
/// problem is in how they fit together).
pub fn problems(src: &Source) -> Vec<(Diagnostic, Range<usize>)> {
    let text = &src.text;
    let mut out = Vec::new();
    let entries = top_level_entries(text);
    let has = |k: &str| entries.iter().any(|(key, _)| key == k);
    for (key, range) in &entries {
        if key == "blocks" {
            continue;
        }
        // The entry alone in a leaflet that has what every leaflet needs.
        let mut doc = text[range.clone()].to_string();
        if !doc.ends_with('\n') {
            doc.push('\n');
        }
        if key != "title" {
            doc.push_str("title: x\n");
        }
        doc.push_str("blocks: []\n");
        if let Err(e) = serde_yaml::from_str::<Leaflet>(&doc) {
            let at = e.location().map(|l| l.index()).filter(|&i| i < range.len());
            out.push((
                located(src, &e.to_string(), at.map(|i| range.start + i)),
                range.clone(),
            ));
        }
    }
    if !has("title") {
        out.push((located(src, "missing field `title`", None), 0..0));
    }
    if !has("blocks") {
        out.push((located(src, "missing field `blocks`", None), 0..0));
    }
    for (i, piece) in block_pieces(text).into_iter().enumerate() {
        if let Err(e) = serde_yaml::from_str::<Block>(&piece.text) {
            let at = e.location().map(|l| piece.to_file(l.index()));
            let msg = e.to_string();
            // serde names the place inside the block (`quote: …`); put the block first,
            // as a whole-file parse would.
            let raw = match msg.split_once(": ") {
                Some((path, _)) if !path.contains(' ') => format!("blocks[{i}].{msg}"),
                _ => format!("blocks[{i}]: {msg}"),
            };
            out.push((located(src, &raw, at), piece.range.clone()));
        }
    }
    out
}

/// A piece of a file as a leaflet of its own: one block of `blocks:`, or a top-level
/// entry with what every leaflet needs. `check --fix` reads a fix there when something
/// elsewhere in the file is wrong.
pub(super) struct Alone {
    pub doc: String,
    /// Where the piece is in the file.
    pub range: Range<usize>,
    /// Where the piece starts in `doc`.
    prefix: usize,
}

impl Alone {
    /// Where byte `at` of `doc` is in the file.
    pub fn file_offset(&self, at: usize) -> usize {
        (at.max(self.prefix) - self.prefix + self.range.start).min(self.range.end)
    }

    /// A scalar of `doc` located in the file; None for what was added around the piece.
    pub fn in_file(&self, mut s: super::traps::Scalar) -> Option<super::traps::Scalar> {
        let len = self.range.len();
        if s.range.start < self.prefix || s.range.start - self.prefix >= len {
            return None;
        }
        s.range = self.file_offset(s.range.start)..self.file_offset(s.range.end);
        Some(s)
    }
}

/// A piece of a file: a top-level entry, or one block of `blocks:`.
pub(super) struct Part {
    pub range: Range<usize>,
    /// The entry's key; None for a block.
    key: Option<String>,
}

/// The file's pieces, in file order (the `blocks:` line itself, and anything before
/// the first entry, in none).
pub(super) fn parts(text: &str) -> Vec<Part> {
    let offsets = block_offsets(text);
    let mut out = Vec::new();
    for (key, range) in top_level_entries(text) {
        if key != "blocks" {
            out.push(Part {
                range,
                key: Some(key),
            });
            continue;
        }
        let starts: Vec<usize> = offsets
            .iter()
            .filter(|o| range.contains(o))
            .map(|&o| text[..o].rfind('\n').map_or(0, |n| n + 1))
            .collect();
        for (k, &start) in starts.iter().enumerate() {
            let end = starts.get(k + 1).copied().unwrap_or(range.end);
            out.push(Part {
                range: start..end,
                key: None,
            });
        }
    }
    out
}

impl Part {
    /// The piece as a leaflet of its own.
    pub fn alone(&self, text: &str) -> Alone {
        let body = &text[self.range.clone()];
        let (mut doc, prefix) = match &self.key {
            None => (format!("title: x\nblocks:\n{body}"), "title: x\nblocks:\n".len()),
            Some(_) => (body.to_string(), 0),
        };
        if !doc.ends_with('\n') {
            doc.push('\n');
        }
        if let Some(key) = &self.key {
            if key != "title" {
                doc.push_str("title: x\n");
            }
            doc.push_str("blocks: []\n");
        }
        Alone {
            doc,
            range: self.range.clone(),
            prefix,
        }
    }
}

fn located(src: &Source, raw: &str, at: Option<usize>) -> Diagnostic {
    let span = at.map(|a| super::parse::token_span(&src.text, a));
    humanize(&src.path, raw).at(span)
}

/// Each top-level `key: …` entry: its key and byte range (to the next entry).
fn top_level_entries(text: &str) -> Vec<(String, Range<usize>)> {
    let mut out: Vec<(String, Range<usize>)> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let starts_entry = line
            .split_once(':')
            .is_some_and(|(k, _)| !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
        if starts_entry {
            if let Some(last) = out.last_mut() {
                last.1.end = at;
            }
            let key = line
                .split_once(':')
                .map(|(k, _)| k.to_string())
                .unwrap_or_default();
            out.push((key, at..text.len()));
        }
        at += line.len();
    }
    out
}

/// Each item of `blocks:`, dedented to stand alone.
fn block_pieces(text: &str) -> Vec<Piece> {
    let starts = block_offsets(text);
    let end_of_blocks = top_level_entries(text)
        .into_iter()
        .find(|(k, _)| k == "blocks")
        .map_or(text.len(), |(_, r)| r.end);
    let mut pieces = Vec::new();
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(end_of_blocks, |&next| {
            // The next item's "- " begins its line.
            text[..next].rfind('\n').map_or(next, |n| n + 1)
        });
        let col = start - text[..start].rfind('\n').map_or(0, |n| n + 1);
        let mut piece = Piece {
            range: start..end.max(start),
            text: String::new(),
            lines: Vec::new(),
        };
        let mut at = start;
        for (n, line) in text[start..end.max(start)].split_inclusive('\n').enumerate() {
            // The first line starts at the item's content; the others lose up to as
            // many spaces as the content was indented.
            let cut = if n == 0 {
                0
            } else {
                line.len() - line.trim_start_matches(' ').len()
            }
            .min(col);
            piece.lines.push((piece.text.len(), at + cut));
            piece.text.push_str(&line[cut..]);
            at += line.len();
        }
        pieces.push(piece);
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn three_mistakes_in_three_blocks_are_three_errors() {
        let text = "title: T\nblocks:\n  - paragraph: Fine.\n  - bulets: [a]\n  - quote: {text: Q, bye: Eddie}\n  - image: {src: a.png, width: wide}\n";
        let src = Source {
            path: Path::new("x.yaml").to_path_buf(),
            text: text.into(),
        };
        let problems: Vec<Diagnostic> = problems(&src).into_iter().map(|(d, _)| d).collect();
        let messages: Vec<String> = problems.iter().map(|d| d.message.clone()).collect();
        assert_eq!(problems.len(), 3, "{messages:?}");
        assert!(
            messages[0].contains("unknown block type \"bulets\" in block 2"),
            "{messages:?}"
        );
        assert!(messages[1].contains("unknown key \"bye\""), "{messages:?}");
        assert!(messages[2].contains("\"wide\""), "{messages:?}");
        let line = |d: &Diagnostic| d.line_col(text).unwrap().0;
        assert_eq!(problems.iter().map(line).collect::<Vec<_>>(), [4, 5, 6]);
    }
}
