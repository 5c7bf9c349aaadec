//! YAML traps: lines a leaflet writer types naturally that YAML reads as something
//! else (a reference, a comment, a list, a new key), or refuses with a parser's
//! message. Each is found on its line, said in the writer's words, and given ways to
//! write the line that read back as exactly the text that was typed; [`check`] and
//! [`fix`] keep only a way that reads so in the whole file.
//!
//! Text pasted from Word or a web page brings characters nobody sees: a no-break
//! space, a zero-width space, a byte-order mark, a tab. Where one breaks the YAML
//! (indentation, after `-` or `key:`) it is named on its line and column; inside text
//! a no-break space is typography and stays.
//!
//! Some traps lose text without any YAML error (`&`, `!`, `#`): they are errors even
//! when the file parses. Word's curly quotes around a value are only a warning,
//! unless YAML cannot read the value without them.

use crate::model::blocks::{BlockKind, Holds};
use std::ops::Range;

mod indent;
mod meant;
mod spacing;
mod values;

pub use super::fix::{apply, check, fix, Change, Fixed};
pub(super) use meant::{read, scalars, Scalar};
pub use spacing::visible;

/// One trap on one line.
#[derive(Debug, Clone, PartialEq)]
pub struct Trap {
    /// What to underline.
    pub span: Range<usize>,
    pub message: String,
    /// What to do, in words (the corrected line is in the fix's own help).
    pub help: String,
    /// From [`scan`]: the likeliest of [`Trap::fixes`]. From [`check`]: the one that
    /// reads as meant in the file, or none (then [`Trap::refused`] says why).
    pub fix: Option<Fix>,
    /// The ways to rewrite the line(s), likeliest first, each still to be tried in
    /// the file.
    pub fixes: Vec<Fix>,
    /// Why none of the fixes was kept, when they were tried.
    pub refused: Option<String>,
    /// YAML accepts the line but drops or changes text.
    pub silent: bool,
    /// Only worth a warning (the text prints, perhaps not as meant).
    pub warning: bool,
}

impl Trap {
    fn new(span: Range<usize>, message: impl Into<String>) -> Trap {
        Trap {
            span,
            message: message.into(),
            help: String::new(),
            fix: None,
            fixes: Vec::new(),
            refused: None,
            silent: false,
            warning: false,
        }
    }

    /// The trap with these ways to fix it (the likeliest first).
    fn fixed_by(mut self, fixes: Vec<Fix>) -> Trap {
        self.fix = fixes.first().cloned();
        self.fixes = fixes;
        self
    }

    /// What `check` says to do: the corrected line when there is a fix, else the
    /// advice, and why `check --fix` leaves it when it tried.
    pub fn advice(&self) -> String {
        match (&self.fix, &self.refused) {
            (Some(f), _) if !f.help.is_empty() => f.help.clone(),
            (_, Some(why)) => format!("{}\n(`check --fix` leaves this line as it is: {why})", self.help),
            _ => self.help.clone(),
        }
    }
}

/// A rewrite of whole lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Fix {
    /// Byte range of the lines replaced, without the final line break.
    pub lines: Range<usize>,
    pub replacement: String,
    /// The text the writer meant here, which the replacement reads as ("" when the
    /// lines hold no text of their own, such as `- bullets:`).
    pub intended: String,
    /// Every text the replacement holds, in order, read on its own (with the deeper
    /// lines below it that carry on its text); None when it cannot be read alone.
    pub texts: Option<Vec<String>>,
    /// What to do, with the corrected line(s).
    pub help: String,
    /// Only spaces and invisible characters change: show them when showing the lines.
    pub spacing: bool,
    /// Only invisible characters inside text are dropped.
    pub in_text: bool,
    /// The line carries on a text begun on a line above.
    pub continues: bool,
}

/// Keys besides the block types whose value is text a writer types in their own
/// words (the block types that hold one text come from [`BLOCK_KINDS`]).
///
/// [`BLOCK_KINDS`]: crate::model::blocks::BLOCK_KINDS
const TEXT_KEYS: &[&str] = &[
    "title",
    "subtitle",
    "author",
    "footer",
    "text",
    "by",
    "q",
    "a",
    "caption",
    "alt",
    "name",
    "address",
    "feedback",
    "reference",
    "repeat",
];

/// Keys besides the block types whose items (`- …` under them) are text (the block
/// types that hold a list of texts come from [`BLOCK_KINDS`]).
///
/// [`BLOCK_KINDS`]: crate::model::blocks::BLOCK_KINDS
const TEXT_LISTS: &[&str] = &["sources", "steps", "items", "header"];

/// Whether `key`'s value is text a writer types in their own words.
fn is_text_key(key: &str) -> bool {
    TEXT_KEYS.contains(&key) || BlockKind::named(key).is_some_and(|k| k.info().holds == Holds::Text)
}

/// Whether the items under `key` are text.
fn is_text_list(key: &str) -> bool {
    TEXT_LISTS.contains(&key) || BlockKind::named(key).is_some_and(|k| k.info().holds == Holds::Texts)
}

/// The content format's keys besides the block types and the top-level keys, to spot
/// `key:value` without its space and to tell a key from text such as `Monday: 9am`.
const FIELD_KEYS: &[&str] = &[
    "title",
    "brand",
    "blocks",
    "text",
    "by",
    "q",
    "a",
    "src",
    "alt",
    "caption",
    "width",
    "decorative",
    "name",
    "phone",
    "email",
    "web",
    "address",
    "url",
    "size",
    "margin",
    "steps",
    "repeat",
    "header",
    "rows",
    "items",
];

fn is_key(k: &str) -> bool {
    use crate::model::{BLOCK_TYPES, DEFAULTABLE};
    BLOCK_TYPES.contains(&k) || DEFAULTABLE.contains(&k) || FIELD_KEYS.contains(&k)
}

/// How many lines below a trap are read to fix it (its items, its text): a leaflet's
/// longest text is a few dozen; a file built to be slow has no more.
const LOOK: usize = 120;
/// And how many bytes of them.
const LOOK_BYTES: usize = 16_000;

#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    start: usize,
    text: &'a str,
    crlf: bool,
    /// Its indentation, read once.
    lead: spacing::Lead,
}

impl Line<'_> {
    fn range(&self) -> Range<usize> {
        self.start..self.start + self.text.len()
    }
}

fn lines_of(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut at = 0;
    for l in text.split_inclusive('\n') {
        let text = l.trim_end_matches(['\n', '\r']);
        lines.push(Line {
            start: at,
            text,
            crlf: l.ends_with("\r\n"),
            lead: spacing::lead(text),
        });
        at += l.len();
    }
    lines
}

/// A `|` or `>` text being read: its lines are text, not YAML.
#[derive(Debug)]
struct BlockText {
    /// The line of the `key: >-` (or `- >-`).
    header: usize,
    /// Its lines are indented more than this.
    parent: usize,
    folded: bool,
    /// An indentation indicator (`>2`) fixes the indentation: it is not guessed.
    explicit: bool,
    /// The lines in it, blank ones too.
    lines: Vec<usize>,
}

/// What the lines above tell about the line being read.
#[derive(Debug, Default)]
struct Scan {
    /// The key of the nearest list above each list item, by the item's indent.
    list_key: Vec<(usize, String)>,
    /// The indents of the lists open at this point.
    open_lists: Vec<usize>,
    /// Whether the last item or key opened a list or block of its own (so a deeper
    /// item is its child, not a slip).
    last_opens: bool,
    /// The columns where keys and items may carry on (innermost last).
    levels: Vec<usize>,
    /// The column of the key (or `-`) the line above opened, when it did.
    opener: Option<usize>,
    /// A text begun above that a deeper line carries on: its key's (or dash's) column.
    text_from: Option<usize>,
    /// The indent and content column of the last line read.
    prev: Option<(usize, usize)>,
    /// The indent of the last item read.
    prev_item: Option<usize>,
    /// Brackets still open from a `[` or `{` value that runs over lines.
    flow: usize,
    block: Option<BlockText>,
}

/// Every trap in a content file, in file order.
pub fn scan(text: &str) -> Vec<Trap> {
    let lines = lines_of(text);
    let mut s = Scan {
        levels: vec![0],
        ..Scan::default()
    };
    let mut traps = Vec::new();
    for n in 0..lines.len() {
        s.line(&lines, n, &mut traps);
    }
    s.end_block(&lines, &mut traps);
    traps.sort_by_key(|t| t.span.start);
    traps
}

impl Scan {
    fn line(&mut self, lines: &[Line], n: usize, traps: &mut Vec<Trap>) {
        let line = lines[n];
        let lead = line.lead;
        let body = &line.text[lead.end..];
        if body.is_empty() {
            if let Some(b) = &mut self.block {
                b.lines.push(n);
            }
            traps.extend(spacing::blank(&line));
            return;
        }
        if let Some(b) = &mut self.block {
            // A tab leaves the width open: an item or a key after it ends the text.
            let structure = body.starts_with("- ") || key_of(body).is_some_and(|(k, _)| is_key(k));
            if (lead.tabs > 0 && !structure) || (lead.tabs == 0 && lead.cols > b.parent) {
                b.lines.push(n);
                return;
            }
            self.end_block(lines, traps);
        }
        if body.starts_with('#') {
            if lead.odd.is_some() {
                let col = self.prev.map_or(0, |p| p.0);
                traps.push(spacing::indent_trap(lines, n, &lead, &[col]));
            }
            return;
        }
        if self.flow > 0 {
            self.flow = values::flow_depth(body, self.flow);
            if lead.odd.is_some() {
                let col = self.prev.map_or(2, |p| p.1 + 2);
                traps.push(spacing::indent_trap(lines, n, &lead, &[col]));
            }
            return;
        }
        let columns = if lead.tabs > 0 {
            indent::tab_columns(self, lines, n)
        } else {
            vec![lead.cols]
        };
        let indent = columns[0];
        self.list_key.retain(|(i, _)| *i < indent);
        let parent = self.list_key.last().map(|(_, k)| k.clone()).unwrap_or_default();
        let continues = self.text_from.is_some_and(|o| indent > o) && !known_key(body);
        let shape = spacing::shape(line.text, &lead, indent, is_text_list(&parent), continues);
        let quiet = lead.odd.is_some() || shape.first.is_some();
        // Invisible characters only inside the text leave the line's shape as it is:
        // its other traps are said too, where they are in the line as written.
        let mut only_text = false;
        if quiet {
            let trap = spacing::trap(lines, n, &lead, &shape, &columns, continues);
            only_text = trap.warning;
            traps.push(trap);
        }
        let clean = Line {
            text: &shape.clean,
            ..line
        };
        let mut found = Vec::new();
        self.structure(lines, n, clean, indent, &mut found);
        if only_text {
            for t in &mut found {
                let at = |o: usize| line.start + shape.written(o - line.start);
                t.span = at(t.span.start)..at(t.span.end);
            }
        }
        if !quiet || only_text {
            traps.append(&mut found);
        }
    }

    /// The shape of a line (items, keys, where its value starts) and its traps;
    /// `line` is the line as meant (spaces for the invisible characters).
    fn structure(&mut self, lines: &[Line], n: usize, line: Line, indent: usize, traps: &mut Vec<Trap>) {
        let t = line.text;
        let body = &t[indent.min(t.len())..];
        // List markers: `- `, maybe several (`- - x`).
        let mut rest = body;
        let mut item = false;
        let mut dashes = Vec::new();
        while let Some(r) = rest.strip_prefix("- ").or_else(|| (rest == "-").then_some("")) {
            dashes.push(t.len() - rest.len());
            item = true;
            rest = r.trim_start_matches(' ');
        }
        let col = t.len() - rest.len();
        let parent = self.list_key.last().map(|(_, k)| k.clone()).unwrap_or_default();
        let text_item = item && is_text_list(&parent);
        let keyed = key_of(rest).filter(|(k, _)| !text_item || is_key(k));
        let continues = !item && self.text_from.is_some_and(|o| indent > o) && !known_key(rest);
        let mut at = indent;
        if item {
            at = self.item(lines, n, line, indent, traps);
        } else if keyed.is_some() && !continues {
            at = self.key_line(lines, n, line, indent, traps);
        }
        let value = keyed.map_or(rest, |(_, v)| &rest[v..]).trim();
        let opens = value.is_empty() || value.starts_with('#');
        if item || keyed.is_some() {
            self.last_opens = keyed.is_some() && opens;
        }
        if !continues {
            let shift = at as isize - indent as isize;
            let moved = |c: usize| (c as isize + shift).max(0) as usize;
            indent::settle(
                &mut self.levels,
                moved(indent),
                dashes.iter().map(|&d| moved(d)),
                keyed.map(|_| moved(col)),
            );
            self.opener = match (keyed, item) {
                (Some(_), _) if opens => Some(moved(col)),
                (None, true) if rest.is_empty() => dashes.last().map(|&d| moved(d)),
                _ => None,
            };
            self.prev = Some((moved(indent), moved(col)));
        }
        // What the next lines may carry on.
        let block = value.starts_with(['|', '>']) && values::block_header(value);
        let scalar = !(value.is_empty() || value.starts_with(['[', '{', '#']) || block);
        self.text_from = match (continues, scalar) {
            (true, _) => self.text_from,
            (false, true) => Some(if keyed.is_some() {
                col
            } else {
                dashes.last().copied().unwrap_or(indent)
            }),
            (false, false) => None,
        };
        if value.starts_with(['[', '{']) {
            self.flow = values::flow_depth(value, 0);
        }
        // `-paragraph: …`: the dash without its space.
        if let Some(r) = rest.strip_prefix('-') {
            if r.split_once(':').is_some_and(|(k, _)| is_key(k)) {
                traps.push(values::dash_without_space(lines, n, line, col));
                return;
            }
        }
        let Some((key, value_at)) = keyed else {
            if item {
                if value.starts_with(['|', '>']) && values::block_header(value) {
                    self.open_block(n, dashes.last().copied().unwrap_or(indent), value);
                } else if text_item {
                    traps.extend(values::value_traps(lines, n, line, col, col));
                }
            }
            return;
        };
        // `paragraph:text`: the colon without its space.
        if let Some(after) = rest[key.len()..].strip_prefix(':') {
            if !after.is_empty() && !after.starts_with(' ') && is_key(key) {
                traps.push(values::colon_without_space(lines, n, line, col, key));
                return;
            }
        }
        let value_col = col + value_at;
        // A block header (`|`, `>-`, maybe with a comment): the lines below are text.
        if value.starts_with(['|', '>']) && values::block_header(value) {
            self.open_block(n, indent.max(col), value);
            return;
        }
        if value.is_empty() {
            // The list or block under this key.
            self.list_key.push((indent, key.to_string()));
            return;
        }
        if is_text_key(key) {
            traps.extend(values::value_traps(lines, n, line, value_col, col));
        }
    }

    /// An item's place among the lists above; returns the column it belongs at.
    fn item(&mut self, lines: &[Line], n: usize, line: Line, indent: usize, traps: &mut Vec<Trap>) -> usize {
        // An item must line up with a list that is open: the one it is in, an outer
        // one it returns to, or a new one the item above opened.
        let mut popped = None;
        while self.open_lists.last().is_some_and(|&top| top > indent) {
            popped = self.open_lists.pop();
        }
        let above = self.prev_item.replace(indent);
        let mut at = indent;
        match self.open_lists.last().copied() {
            Some(top) if top == indent => {}
            Some(top) if !self.last_opens => {
                // Deeper than its list with nothing opened above: YAML joins a plain
                // item to the one above ("card - Bring your letter"), or refuses the
                // line; either way the text is not where it was put.
                let mut cols = popped.into_iter().chain([top]).collect::<Vec<_>>();
                cols.sort_by_key(|&c| c.abs_diff(indent));
                at = cols[0];
                let mut trap = indent::misaligned_item(lines, n, line, indent, &cols, above);
                trap.silent = true;
                traps.push(trap);
            }
            _ => match popped {
                Some(outer) if outer > indent && !self.last_opens => {
                    at = outer;
                    self.open_lists.push(outer);
                    traps.push(indent::misaligned_item(lines, n, line, indent, &[outer], above));
                }
                _ => self.open_lists.push(indent),
            },
        }
        if at != indent {
            self.prev_item = Some(at);
        }
        at
    }

    fn open_block(&mut self, n: usize, parent: usize, header: &str) {
        self.block = Some(BlockText {
            header: n,
            parent,
            folded: header.starts_with('>'),
            explicit: header[1..].starts_with(|c: char| c.is_ascii_digit())
                || header[1..]
                    .trim_start_matches(['-', '+'])
                    .starts_with(|c: char| c.is_ascii_digit()),
            lines: Vec::new(),
        });
        self.text_from = None;
        self.opener = None;
    }

    fn end_block(&mut self, lines: &[Line], traps: &mut Vec<Trap>) {
        if let Some(b) = self.block.take() {
            traps.extend(indent::block_traps(lines, &b));
        }
    }
}

/// Whether `body` starts with one of the format's keys (`subtitle:`): a line written
/// as a key, even where YAML would read it as more of the text above.
fn known_key(body: &str) -> bool {
    key_of(body).is_some_and(|(k, v)| is_key(k) && (v == body.len() || body[..v].ends_with(' ')))
}

/// `key` and the offset of its value in `rest`, if `rest` starts `key: ` or `key:`.
fn key_of(rest: &str) -> Option<(&str, usize)> {
    let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))?;
    if end == 0 || !rest[end..].starts_with(':') {
        return None;
    }
    let after = &rest[end + 1..];
    let value = after.len() - after.trim_start_matches(' ').len();
    Some((&rest[..end], end + 1 + value))
}

/// A fix that writes lines `first..=last` as `replacement`, with `help` (the advice
/// with the corrected line); what it reads as is read when it is tried
/// ([`meant::read`]), or at once by [`read_now`].
fn rewrite_lines(lines: &[Line], first: usize, last: usize, replacement: String, help: String) -> Fix {
    Fix {
        lines: lines[first].start..lines[last].range().end,
        help,
        replacement,
        intended: String::new(),
        texts: None,
        spacing: false,
        in_text: false,
        continues: false,
    }
}

/// `fix` with what it reads as, from the lines below line `last`.
fn read_now(lines: &[Line], last: usize, mut fix: Fix) -> Fix {
    fix.texts = meant::meant(lines[last + 1..].iter().map(|l| l.text), &fix.replacement);
    if let Some([one]) = fix.texts.as_deref() {
        fix.intended = one.clone();
    }
    fix
}

#[cfg(test)]
mod tests;
