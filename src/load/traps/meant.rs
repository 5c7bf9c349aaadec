//! What lines of YAML read as: every scalar a real parser (saphyr-parser) finds, with
//! where it is written and whether it is a key; and the texts a rewritten line holds
//! when read on its own, which a fix must still hold in the file.

use crate::load::spans::Bytes;
use saphyr_parser::{Event, Parser};
use std::ops::Range;

/// One scalar of a YAML text.
#[derive(Debug, Clone, PartialEq)]
pub struct Scalar {
    /// Where it is written (bytes).
    pub range: Range<usize>,
    /// The 0-based line it starts on.
    pub line: usize,
    pub value: String,
    /// A mapping's key rather than a value.
    pub key: bool,
}

/// Every scalar written in `text`, in order (implicit nulls left out), or the byte
/// offset of the first syntax error.
pub fn scalars(text: &str) -> Result<Vec<Scalar>, usize> {
    let bytes = Bytes::new(text);
    // For each open collection: a mapping, and whether a key comes next.
    let mut open: Vec<(bool, bool)> = Vec::new();
    let advance = |open: &mut Vec<(bool, bool)>| {
        if let Some((true, key_next)) = open.last_mut() {
            *key_next = !*key_next;
        }
    };
    let mut out = Vec::new();
    let mut parser = Parser::new_from_str(text);
    while let Some(event) = parser.next_event() {
        let (event, span) = event.map_err(|e| bytes.at(*e.marker()))?;
        match event {
            Event::Scalar(value, ..) => {
                let key = matches!(open.last(), Some((true, true)));
                advance(&mut open);
                // A `>` text's span runs to the next token: its text ends at its last letter.
                let mut range = bytes.range(span);
                range.end = range.start + text[range.clone()].trim_end().len();
                if !range.is_empty() {
                    out.push(Scalar {
                        range,
                        line: span.start.line().saturating_sub(1),
                        value: value.into_owned(),
                        key,
                    });
                }
            }
            Event::Alias(_) => advance(&mut open),
            Event::MappingStart(..) => {
                advance(&mut open);
                open.push((true, true));
            }
            Event::SequenceStart(..) => {
                advance(&mut open);
                open.push((false, false));
            }
            Event::MappingEnd | Event::SequenceEnd => {
                open.pop();
            }
            Event::StreamEnd => break,
            _ => {}
        }
    }
    Ok(out)
}

/// The texts `replacement` holds when read on its own, with the deeper lines below
/// it (`below`, the file's lines after the ones it replaces) that carry on its text:
/// every value that starts in it, in order. None when that does not read as YAML.
pub fn meant<'a>(below: impl Iterator<Item = &'a str>, replacement: &str) -> Option<Vec<String>> {
    let own: Vec<&str> = replacement.lines().collect();
    if own.is_empty() {
        return Some(Vec::new());
    }
    let indent = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let base = own.iter().find(|l| !l.trim().is_empty()).map_or(0, |l| indent(l));
    let mut doc: Vec<&str> = own.clone();
    let mut size = replacement.len();
    for (k, l) in below.enumerate() {
        size += l.len();
        if k == super::LOOK || size > super::LOOK_BYTES {
            return None; // more than a leaflet's text: not read here
        }
        if l.trim().is_empty() {
            doc.push("");
        } else if indent(l) > base && !l.trim_start().starts_with('#') {
            doc.push(l);
        } else {
            break;
        }
    }
    while doc.len() > own.len() && doc.last() == Some(&"") {
        doc.pop();
    }
    let cut = doc
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| indent(l))
        .min()
        .unwrap_or(0);
    let alone: Vec<&str> = doc.iter().map(|l| l.get(cut..).unwrap_or("")).collect();
    let found = scalars(&alone.join("\n")).ok()?;
    Some(
        found
            .into_iter()
            .filter(|s| !s.key && s.line < own.len())
            .map(|s| s.value)
            .collect(),
    )
}

/// Fills in what `fix` reads as, when the scan left it to be read (`text` is the
/// file the fix is for).
pub fn read(text: &str, fix: &mut super::Fix) {
    if fix.texts.is_some() {
        return;
    }
    let below = text[fix.lines.end.min(text.len())..]
        .split('\n')
        .skip(1)
        .map(|l| l.strip_suffix('\r').unwrap_or(l));
    fix.texts = meant(below, &fix.replacement);
    if let Some([one]) = fix.texts.as_deref() {
        if fix.intended.is_empty() {
            fix.intended = one.clone();
        }
    }
}
