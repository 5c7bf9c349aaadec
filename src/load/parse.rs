//! Reading a content file: bytes → UTF-8 text → [`Leaflet`], with every serde error
//! turned into a located diagnostic that says what to change.

use super::spans::Spans;
use super::traps::{self, Trap};
use crate::base::diag::{did_you_mean, Diagnostic, Diagnostics};
use crate::base::source::Source;
use crate::model::{Leaflet, BLOCK_TYPES};
use std::ops::Range;
use std::path::Path;

/// Content files larger than this are refused unread (a long leaflet is ~20 KB).
pub const MAX_FILE_BYTES: u64 = 5_000_000;
/// Deeper YAML than this is no leaflet: bounded time and stack for hostile files.
pub const MAX_DEPTH: usize = 64;

/// A content file parsed: the leaflet, where each of its nodes is written, and
/// what YAML accepted but the author may not have meant (warnings).
#[derive(Debug, Clone)]
pub struct Parsed {
    pub leaflet: Leaflet,
    pub spans: Spans,
    pub warnings: Vec<Diagnostic>,
}

/// Parses the YAML into the content model. Only the first structural problem can be
/// reported (serde stops there); later checks collect all theirs.
pub fn parse(src: &Source) -> Result<Leaflet, Diagnostics> {
    parse_all(src).map(|p| p.leaflet)
}

/// Parses the YAML into the content model, with the file's source map and the
/// warnings its traps give: each made once.
pub fn parse_all(src: &Source) -> Result<Parsed, Diagnostics> {
    let blank = |l: &str| l.trim().is_empty() || l.trim_start().starts_with('#');
    if src.text.lines().all(blank) {
        return Err(Diagnostics::one(
            Diagnostic::new(&src.path, "the file is empty").help(
                "a leaflet needs at least `title:` and `blocks:`; see content/acupuncture-hip-knee.yaml",
            ),
        ));
    }
    if let Some(at) = too_deep(&src.text) {
        return Err(Diagnostics::one(
            Diagnostic::new(
                &src.path,
                format!("the YAML nests more than {MAX_DEPTH} levels deep here; no leaflet needs that"),
            )
            .at(Some(at..at + 1))
            .help("check the indentation and the brackets on this line"),
        )
        .with_source(&src.text));
    }
    // Each trap with the fix that reads as meant in this file (or why there is none).
    let (warnings, traps): (Vec<Trap>, Vec<Trap>) =
        traps::check(&src.text).into_iter().partition(|t| t.warning);
    let whole = serde_yaml::from_str::<Leaflet>(&src.text);
    let mut problems = match whole {
        // A file that parses can still have lost text to a trap YAML accepts.
        Ok(leaflet) if !traps.iter().any(|t| t.silent) => {
            return Ok(Parsed {
                leaflet,
                spans: Spans::of(&src.text),
                warnings: warnings.iter().map(|t| trap_diagnostic(src, t)).collect(),
            })
        }
        Ok(_) => traps
            .iter()
            .filter(|t| t.silent)
            .map(|t| trap_diagnostic(src, t))
            .collect(),
        Err(e) => {
            // Every problem: the traps, and each piece's own errors on other lines.
            let trap_lines: Vec<usize> = traps.iter().map(|t| line_of(&src.text, t.span.start)).collect();
            let mut all: Vec<Diagnostic> = traps.iter().map(|t| trap_diagnostic(src, t)).collect();
            // A piece holding a trap would only repeat it in the parser's words.
            all.extend(
                super::pieces::problems(src)
                    .into_iter()
                    .filter(|(d, piece)| {
                        !traps.iter().any(|t| piece.contains(&t.span.start))
                            && d.span
                                .as_ref()
                                .is_none_or(|s| !trap_lines.contains(&line_of(&src.text, s.start)))
                    })
                    .map(|(d, _)| d),
            );
            if all.is_empty() {
                let span = e.location().map(|l| token_span(&src.text, l.index()));
                all.push(humanize(&src.path, &e.to_string()).at(span));
            }
            all
        }
    };
    for d in &mut problems {
        // serde points at the map; the second time the key is written is the news.
        if let Some(name) = d
            .message
            .strip_prefix('`')
            .and_then(|m| m.split_once("` is written twice"))
        {
            let from = d.span.as_ref().map_or(0, |s| s.start);
            let key = format!("{}:", name.0);
            let col = src.text[..from].rfind('\n').map_or(from, |n| from - n - 1);
            // The same key at the same indent, within this map: its second writing.
            let again = src.text[from..]
                .match_indices(&key)
                .map(|(i, _)| from + i)
                .filter(|&i| src.text[..i].rfind('\n').map_or(i, |n| i - n - 1) == col)
                .filter(|&i| src.text[i - col..i].trim().is_empty())
                .nth(1);
            if let Some(at) = again {
                d.span = Some(at..at + name.0.len());
            }
        }
    }
    problems.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
    problems.dedup_by(|a, b| a.span == b.span && a.message == b.message);
    Err(Diagnostics {
        items: problems,
        source: Some(src.text.clone()),
    })
}

/// Where the YAML first nests deeper than [`MAX_DEPTH`]: open brackets, plus the
/// indentation levels and list markers of the line.
fn too_deep(text: &str) -> Option<usize> {
    let mut indents: Vec<usize> = Vec::new();
    let mut brackets = 0usize;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_start_matches(' ');
        let indent = line.len() - body.len();
        if !body.trim().is_empty() && !body.starts_with('#') && brackets == 0 {
            while indents.last().is_some_and(|&i| i >= indent) {
                indents.pop();
            }
            indents.push(indent);
        }
        let markers = body.matches("- ").count();
        for (i, c) in line.char_indices() {
            match c {
                '[' | '{' => brackets += 1,
                ']' | '}' => brackets = brackets.saturating_sub(1),
                _ => {}
            }
            if brackets + indents.len() + markers > MAX_DEPTH {
                return Some(at + i);
            }
        }
        at += line.len();
    }
    None
}

fn line_of(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].matches('\n').count()
}

/// A trap as an error (or warning) with its corrected line.
pub fn trap_diagnostic(src: &Source, t: &Trap) -> Diagnostic {
    let d = Diagnostic::new(&src.path, t.message.clone())
        .at(Some(t.span.clone()))
        .help(t.advice());
    if t.warning {
        d.warning()
    } else {
        d
    }
}

/// The span of the word starting at `at`, so the snippet underlines the whole key.
pub(super) fn token_span(text: &str, at: usize) -> Range<usize> {
    let at = at.min(text.len());
    let len = text[at..]
        .find(|c: char| c.is_whitespace() || c == ':' || c == ',' || c == ']' || c == '}')
        .unwrap_or(text.len() - at);
    at..at + len.max(1).min(text.len() - at)
}

/// Rewrites serde's wording into the terms a content author uses.
pub(super) fn humanize(path: &Path, raw: &str) -> Diagnostic {
    let msg = raw.rsplit_once(" at line ").map_or(raw, |(m, _)| m);
    let (place, msg) = match msg.split_once(": ") {
        Some((p, m)) if !p.contains(' ') => (describe_path(p), m),
        _ => (String::new(), msg),
    };
    let in_place = if place.is_empty() {
        String::new()
    } else {
        format!(" in {place}")
    };
    let quoted = |m: &str| -> Vec<String> { m.split('`').skip(1).step_by(2).map(String::from).collect() };

    if let Some(rest) = msg.strip_prefix("unknown variant ") {
        let names = quoted(rest);
        let given = names.first().cloned().unwrap_or_default();
        let d = Diagnostic::new(path, format!("unknown block type \"{given}\"{in_place}"));
        return match did_you_mean(&given, BLOCK_TYPES) {
            Some(s) => d.help(format!("did you mean \"{s}\"?")),
            None => d.help(format!("block types are: {}", BLOCK_TYPES.join(", "))),
        };
    }
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        let names = quoted(rest);
        let given = names.first().cloned().unwrap_or_default();
        let allowed: Vec<&str> = names.iter().skip(1).map(String::as_str).collect();
        let d = Diagnostic::new(path, format!("unknown key \"{given}\"{in_place}"));
        return match did_you_mean(&given, &allowed) {
            Some(s) => d.help(format!("did you mean \"{s}\"?")),
            None if allowed.is_empty() => d.help("remove this key"),
            None => d.help(format!("allowed keys here: {}", allowed.join(", "))),
        };
    }
    if let Some(rest) = msg.strip_prefix("missing field ") {
        let name = quoted(rest).first().cloned().unwrap_or_default();
        return Diagnostic::new(path, format!("missing key \"{name}\"{in_place}"))
            .help(format!("add `{name}: …`"));
    }
    if let Some(rest) = msg.strip_prefix("duplicate field ") {
        let name = quoted(rest).first().cloned().unwrap_or_default();
        return Diagnostic::new(path, format!("`{name}` is written twice{in_place}"))
            .help("keep one of them, with the text you mean");
    }
    if msg.contains("expected map with a single key") {
        return Diagnostic::new(path, format!("a block must have exactly one type{in_place}"))
            .help("write each block as `- paragraph: text` (with `lang: pl` beside it for text in another language); check the indentation of the lines under it");
    }
    if msg.contains("recursion limit exceeded") || msg.contains("repetition limit exceeded") {
        return Diagnostic::new(path, "the YAML nests or repeats aliases too much to be a leaflet")
            .help("remove the `&anchor` / `*alias` references");
    }
    if msg.contains("expected a YAML tag starting with '!'") {
        return Diagnostic::new(path, format!("a block type must be a key{in_place}"))
            .help("write `- paragraph: text`, one block type per item");
    }
    // Other messages (ours, from value parsers) already say what is wrong; the
    // snippet shows where. Only a block number adds something.
    if place.starts_with("block") {
        Diagnostic::new(path, format!("{msg}{in_place}"))
    } else {
        Diagnostic::new(path, msg)
    }
}

/// `blocks[3].quote` → `block 4 (quote)`, which is how an author counts.
fn describe_path(p: &str) -> String {
    if let Some(rest) = p.strip_prefix("blocks[") {
        if let Some((n, tail)) = rest.split_once(']') {
            if let Ok(i) = n.parse::<usize>() {
                let tail = tail.trim_start_matches('.');
                return if tail.is_empty() {
                    format!("block {}", i + 1)
                } else {
                    format!("block {} ({tail})", i + 1)
                };
            }
        }
    }
    format!("`{p}`")
}

/// Byte offsets where each top-level `blocks:` item starts, for locating problems
/// found after parsing. Returns an empty list for layouts it does not recognise
/// (such as a flow-style `blocks: [...]`), so callers fall back to no location.
pub fn block_offsets(text: &str) -> Vec<usize> {
    let mut offsets = Vec::new();
    let mut in_blocks = false;
    let mut indent: Option<usize> = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let body = line.trim_end();
        if body.trim_start().starts_with('#') || body.trim().is_empty() {
            continue;
        }
        let lead = body.len() - body.trim_start().len();
        if lead == 0 && !body.starts_with('-') {
            in_blocks = body.starts_with("blocks:");
            continue;
        }
        if !in_blocks {
            continue;
        }
        let rest = &body[lead..];
        if rest.starts_with("- ") || rest == "-" {
            match indent {
                None => indent = Some(lead),
                Some(i) if i != lead => continue,
                _ => {}
            }
            let item = rest.trim_start_matches('-').trim_start();
            offsets.push(start + lead + (rest.len() - item.len()));
        }
    }
    offsets
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_block_items() {
        let t = "title: x\nblocks:\n  - heading: A\n  - bullets:\n      - one\n  - page_break\nfooter: y\n";
        let o = block_offsets(t);
        assert_eq!(o.len(), 3);
        assert!(t[o[1]..].starts_with("bullets:"));
        assert!(t[o[2]..].starts_with("page_break"));
    }

    #[test]
    fn rewrites_unknown_variant() {
        let d = humanize(
            Path::new("x.yaml"),
            "blocks[2]: unknown variant `bulets`, expected one of `heading`, `bullets` at line 5 column 5",
        );
        assert_eq!(d.message, "unknown block type \"bulets\" in block 3");
        assert_eq!(d.help.as_deref(), Some("did you mean \"bullets\"?"));
    }
}
