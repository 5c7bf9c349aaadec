//! Characters nobody sees, pasted from Word or a web page: a no-break space (U+00A0)
//! or a narrow one (U+202F), a zero-width space (U+200B), a byte-order mark (U+FEFF)
//! in the middle of a file, a tab. Where YAML needs a plain space (indentation, after
//! `-`, after `key:`) one is a trap, named on its line and column; a zero-width one is
//! dropped wherever it is (inside text it is only a warning). A no-break space inside
//! text is typography, and stays.

use super::{is_key, is_text_key, key_of, rewrite_lines, Fix, Line, Trap};

pub(super) fn no_break(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{202f}')
}

pub(super) fn zero_width(c: char) -> bool {
    matches!(c, '\u{200b}' | '\u{feff}')
}

/// The character named for a practice manager: what it is, its code, where it
/// usually comes from.
pub(super) fn name(c: char) -> &'static str {
    match c {
        '\u{a0}' => "a no-break space, U+00A0, probably pasted from Word",
        '\u{202f}' => "a narrow no-break space, U+202F, probably pasted from Word",
        '\u{200b}' => "a zero-width space, U+200B, probably pasted from a web page",
        '\u{feff}' => "a byte-order mark, U+FEFF, probably left where two files were joined",
        '\t' => "a tab",
        _ => "an invisible character",
    }
}

fn short_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{a0}' => "no-break space",
        '\u{202f}' => "narrow no-break space",
        '\u{200b}' => "zero-width space",
        '\u{feff}' => "byte-order mark",
        '\t' => "tab",
        _ => return None,
    })
}

/// A line with its indentation shown (`·` for each space) and its invisible
/// characters named (`⟨no-break space⟩`).
pub fn visible(line: &str) -> String {
    let body = line.trim_start_matches(' ');
    let mut out = "·".repeat(line.len() - body.len());
    for c in body.chars() {
        match short_name(c) {
            Some(n) => {
                out.push('⟨');
                out.push_str(n);
                out.push('⟩');
            }
            None => out.push(c),
        }
    }
    out
}

/// Scripts written without spaces, where a zero-width space marks where a line may
/// break: there it is meant, and stays.
fn spaceless(c: char) -> bool {
    matches!(c, '\u{0e00}'..='\u{0eff}' | '\u{0f00}'..='\u{0fff}' | '\u{1000}'..='\u{109f}' | '\u{1780}'..='\u{17ff}')
}

/// The run of spaces a line starts with, and what a paste put among them.
#[derive(Debug, Clone, Copy)]
pub(super) struct Lead {
    /// Where the line's content starts (bytes).
    pub end: usize,
    /// Its width with each no-break space as a space (tabs and zero-width ones not
    /// counted).
    pub cols: usize,
    pub tabs: usize,
    /// The first character in it that is not a plain space, and where.
    pub odd: Option<(usize, char)>,
}

pub(super) fn lead(t: &str) -> Lead {
    let mut lead = Lead {
        end: t.len(),
        cols: 0,
        tabs: 0,
        odd: None,
    };
    for (i, c) in t.char_indices() {
        match c {
            ' ' => lead.cols += 1,
            '\t' => lead.tabs += 1,
            c if no_break(c) => lead.cols += 1,
            c if zero_width(c) => {}
            _ => {
                lead.end = i;
                break;
            }
        }
        if c != ' ' && lead.odd.is_none() {
            lead.odd = Some((i, c));
        }
    }
    lead
}

/// A line that looks empty but holds a no-break or zero-width space: YAML reads it
/// as text.
pub(super) fn blank(line: &Line) -> Option<Trap> {
    let (at, c) = line
        .text
        .char_indices()
        .find(|&(_, c)| no_break(c) || zero_width(c))?;
    let at = line.start + at;
    let mut trap = Trap::new(
        at..at + c.len_utf8(),
        format!(
            "this line looks empty, but holds {}: YAML reads it as text",
            name(c)
        ),
    );
    trap.silent = true;
    trap.help = "leave the line empty".into();
    Some(trap.fixed_by(vec![Fix {
        lines: line.range(),
        replacement: String::new(),
        intended: String::new(),
        texts: Some(Vec::new()),
        help: "leave the line empty".into(),
        spacing: true,
        in_text: false,
        continues: false,
    }]))
}

/// Where an invisible character is.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Place {
    AfterDash,
    AfterColon(String),
    /// Between the `- ` or `key: ` and the value.
    ValueStart,
    /// Anywhere else (a zero-width one).
    Inside,
}

/// An invisible character out of place: where in the line, which, where it stands,
/// and whether inside text (None: as the value is).
type Found = (usize, char, Place, Option<bool>);

/// A line as meant: its indentation in plain spaces, a plain space where YAML needs
/// one, zero-width characters dropped.
#[derive(Debug)]
pub(super) struct Shape {
    pub clean: String,
    /// The first invisible character out of place after the indentation.
    pub first: Option<(usize, char, Place)>,
    /// Every one of them is inside text.
    pub in_text: bool,
    /// The characters dropped from the line (where, how many bytes), in order.
    pub dropped: Vec<(usize, usize)>,
}

impl Shape {
    /// Where byte `at` of the line as meant is in the line as written, when only
    /// characters were dropped from it.
    pub fn written(&self, at: usize) -> usize {
        let mut o = at;
        for &(p, len) in &self.dropped {
            if p <= o {
                o += len;
            }
        }
        o
    }
}

/// The line `t`, whose indentation is `lead`, as meant at column `indent`; `text_list`:
/// its items are text; `continues`: it carries on a text begun above.
pub(super) fn shape(t: &str, lead: &Lead, indent: usize, text_list: bool, continues: bool) -> Shape {
    let mut clean = " ".repeat(indent);
    let mut found: Vec<Found> = Vec::new();
    let mut i = lead.end;
    let mut item = false;
    // List markers, and what follows each.
    while t[i..].starts_with('-') {
        match t[i + 1..].chars().next() {
            None => {
                clean.push('-');
                i += 1;
                item = true;
                break;
            }
            Some(' ') => {
                clean.push_str("- ");
                i += 2;
            }
            Some(c) if no_break(c) || zero_width(c) || c == '\t' => {
                found.push((i + 1, c, Place::AfterDash, Some(false)));
                clean.push_str("- ");
                i += 1 + c.len_utf8();
            }
            Some(_) => break,
        }
        item = true;
        // The spaces before the item's value: plain ones kept, others noted and dropped.
        for c in t[i..].chars() {
            if c == ' ' {
                clean.push(' ');
            } else if no_break(c) || zero_width(c) {
                found.push((i, c, Place::ValueStart, None));
            } else {
                break;
            }
            i += c.len_utf8();
        }
    }
    // The rest, without its zero-width characters (each kept where a script needs it).
    let rest = &t[i..];
    let mut plain = String::with_capacity(rest.len());
    let mut dropped: Vec<(usize, usize, char)> = Vec::new(); // (offset in `plain`, in `t`, char)
    let chars: Vec<(usize, char)> = rest.char_indices().collect();
    for (k, &(at, c)) in chars.iter().enumerate() {
        let meant = k > 0 && spaceless(chars[k - 1].1) && chars.get(k + 1).is_some_and(|n| spaceless(n.1));
        if zero_width(c) && !meant {
            dropped.push((plain.len(), i + at, c));
        } else {
            plain.push(c);
        }
    }
    let in_line = |at: usize| {
        i + at
            + dropped
                .iter()
                .filter(|(p, _, _)| *p <= at)
                .map(|(_, _, c)| c.len_utf8())
                .sum::<usize>()
    };
    // A key, and the spaces after its colon.
    let key = key_of(&plain)
        .map(|(k, _)| k.to_string())
        .filter(|k| !(item && text_list && !is_key(k)) && (item || !continues));
    let key_end = key.as_ref().map_or(0, |k| k.len() + 1);
    if let Some(k) = &key {
        let mut j = key_end;
        let mut out = plain[..j].to_string();
        let mut spaced = false;
        for c in plain[key_end..].chars() {
            if c == ' ' {
                out.push(' ');
                spaced = true;
            } else if no_break(c) && !spaced {
                found.push((in_line(j), c, Place::AfterColon(k.clone()), Some(false)));
                out.push(' ');
                spaced = true;
            } else if no_break(c) {
                found.push((in_line(j), c, Place::ValueStart, None));
            } else {
                break;
            }
            j += c.len_utf8();
        }
        out.push_str(&plain[j..]);
        plain = out;
    }
    // Whether the value is text: a text key's, a text item, a line of text carried on
    // (not a `>` text, a quote or a list, which YAML reads by their first character).
    let value = plain[key_end..].trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    let text = !value.starts_with(['|', '>', '"', '\'', '[', '{', '&', '*', '!', '#', '%', '@', '`'])
        && match &key {
            Some(k) => is_text_key(k),
            None if item => text_list,
            None => continues,
        };
    for &(at, in_t, c) in &dropped {
        found.push((in_t, c, Place::Inside, Some(text && at >= key_end)));
    }
    found.sort_by_key(|f| f.0);
    let in_text = found.iter().all(|f| f.3.unwrap_or(text));
    clean.push_str(&plain);
    let dropped = found
        .iter()
        .filter(|f| matches!(f.2, Place::ValueStart | Place::Inside))
        .map(|f| (f.0, f.1.len_utf8()))
        .collect();
    Shape {
        clean,
        first: found.into_iter().next().map(|(at, c, p, _)| (at, c, p)),
        in_text,
        dropped,
    }
}

/// The trap for a line's invisible characters: one, named where the first is, with
/// the line rewritten as meant (indented at each of `columns` when a tab leaves the
/// width open).
pub(super) fn trap(
    lines: &[Line],
    n: usize,
    lead: &Lead,
    shape: &Shape,
    columns: &[usize],
    continues: bool,
) -> Trap {
    let line = lines[n];
    let indent = columns[0];
    let (at, c, place) = match (lead.odd, &shape.first) {
        (Some((at, c)), _) => (at, c, None),
        (None, Some((at, c, p))) => (*at, *c, Some(p.clone())),
        (None, None) => (lead.end, ' ', None),
    };
    let in_text = lead.odd.is_none() && shape.in_text;
    let what = name(c);
    let (message, head) = match &place {
        None => indent_words(c),
        Some(Place::AfterDash) => (
            format!("the `-` is followed by {what}: YAML needs a plain space there, so it reads the line as text, not as an item"),
            "write a plain space after the `-`".to_string(),
        ),
        Some(Place::AfterColon(k)) if !k.is_empty() => (
            format!("after `{k}:` comes {what}: YAML needs a plain space there, so it reads `{k}:` as text, not as a key"),
            format!("write a plain space after `{k}:`"),
        ),
        Some(Place::ValueStart) if in_text => (
            format!("this text starts with {what}: it prints as a space before the text"),
            "remove it".to_string(),
        ),
        Some(Place::Inside) if in_text => (
            format!("this text holds {what}: it cannot be seen, and prints as nothing"),
            "remove it".to_string(),
        ),
        Some(_) => (
            format!("hidden here is {what}: YAML reads it as part of the line"),
            "remove it".to_string(),
        ),
    };
    let at = line.start + at;
    let mut trap = Trap::new(at..at + c.len_utf8().max(1), message);
    trap.warning = in_text;
    trap.silent = !in_text;
    trap.help = format!("{head}, so that the line reads:\n{}", visible(&shape.clean));
    let fixes = columns
        .iter()
        .map(|&col| {
            let replacement = format!(
                "{}{}",
                " ".repeat(col),
                &shape.clean[indent.min(shape.clean.len())..]
            );
            let head = match place {
                None if !zero_width(c) => format!("{head} ({col})"),
                _ => head.clone(),
            };
            let mut fix = rewrite_lines(
                lines,
                n,
                n,
                replacement.clone(),
                format!("{head}:\n{}", visible(&replacement)),
            );
            fix.spacing = true;
            fix.in_text = in_text;
            fix.continues = continues;
            fix
        })
        .collect();
    trap.fixed_by(fixes)
}

/// What is said of an invisible character in a line's indentation, and the advice.
pub(super) fn indent_words(c: char) -> (String, String) {
    let what = name(c);
    if c == '\t' {
        (
            "this line is indented with a tab, which YAML does not allow".into(),
            "indent with spaces".into(),
        )
    } else if no_break(c) {
        (
            format!("this line is indented with {what}: YAML counts only plain spaces as indentation"),
            "indent with plain spaces".into(),
        )
    } else {
        (
            format!("this line starts with {what}: it cannot be seen, but YAML reads it as text, not as indentation"),
            "remove it".into(),
        )
    }
}

/// A comment's (or a bracket's) line indented with invisible characters: the same
/// line at each of `columns`.
pub(super) fn indent_trap(lines: &[Line], n: usize, lead: &Lead, columns: &[usize]) -> Trap {
    let line = lines[n];
    let (at, c) = lead.odd.unwrap_or((0, ' '));
    let (message, head) = indent_words(c);
    let at = line.start + at;
    let mut trap = Trap::new(at..at + c.len_utf8(), message);
    trap.silent = true;
    trap.help = head.clone();
    let body = &line.text[lead.end..];
    let fixes = columns
        .iter()
        .map(|&col| {
            let replacement = format!("{}{body}", " ".repeat(col));
            let mut fix = rewrite_lines(
                lines,
                n,
                n,
                replacement.clone(),
                format!("{head} ({col}):\n{}", visible(&replacement)),
            );
            fix.spacing = true;
            fix
        })
        .collect();
    trap.fixed_by(fixes)
}
