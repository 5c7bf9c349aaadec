//! YAML traps: lines a leaflet writer types naturally that YAML reads as something
//! else (a reference, a comment, a list, a new key), or refuses with a parser's
//! message. Each is found on its line, said in the writer's words, and given a
//! corrected line that parses to exactly the text that was typed.
//!
//! Some traps lose text without any YAML error (`&`, `!`, `#`): they are errors even
//! when the file parses. Word's curly quotes around a value are only a warning.

use crate::model::blocks::{BlockKind, Holds};
use std::ops::Range;

pub use super::fix::{apply, fix, Fixed};

/// One trap on one line.
#[derive(Debug, Clone, PartialEq)]
pub struct Trap {
    /// What to underline.
    pub span: Range<usize>,
    pub message: String,
    pub help: String,
    /// The corrected line(s), when one can be made safely.
    pub fix: Option<Fix>,
    /// YAML accepts the line but drops or changes text.
    pub silent: bool,
    /// Only worth a warning (the text prints, perhaps not as meant).
    pub warning: bool,
}

/// A rewrite of whole lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Fix {
    /// Byte range of the lines replaced, without the final line break.
    pub lines: Range<usize>,
    pub replacement: String,
    /// The text the writer meant, which the replacement parses to.
    pub intended: String,
}

/// Keys besides the block types whose value is text a writer types in their own
/// words (the block types that hold one text come from [`BLOCK_KINDS`]).
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

struct Line<'a> {
    start: usize,
    text: &'a str,
    crlf: bool,
}

/// Every trap in a content file, in file order.
pub fn scan(text: &str) -> Vec<Trap> {
    let mut lines = Vec::new();
    let mut at = 0;
    for l in text.split_inclusive('\n') {
        lines.push(Line {
            start: at,
            text: l.trim_end_matches(['\n', '\r']),
            crlf: l.ends_with("\r\n"),
        });
        at += l.len();
    }
    let mut traps = Vec::new();
    // The key of the nearest list above each list item, by the item's indent.
    let mut list_key: Vec<(usize, String)> = Vec::new();
    // The indents of the lists open at this point, and whether the last item opened
    // a list or block of its own (so a deeper item is its child, not a slip).
    let mut open_lists: Vec<usize> = Vec::new();
    let mut last_opens = false;
    // Inside a `|` or `>` block: its lines are text, not YAML, down to this indent.
    let mut block_text: Option<usize> = None;
    for (n, line) in lines.iter().enumerate() {
        let t = line.text;
        let body = t.trim_start_matches(' ');
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        let indent = t.len() - body.len();
        match block_text {
            Some(key_indent) if indent > key_indent => continue,
            _ => block_text = None,
        }
        if body.starts_with('\t') || t[..indent].contains('\t') {
            traps.push(tab(line, indent));
            continue;
        }
        list_key.retain(|(i, _)| *i < indent);
        // List markers: `- `, maybe several (`- - x`).
        let mut rest = body;
        let mut item = false;
        while let Some(r) = rest.strip_prefix("- ").or_else(|| (rest == "-").then_some("")) {
            item = true;
            rest = r.trim_start_matches(' ');
        }
        let col = t.len() - rest.len();
        if item {
            // An item must line up with a list that is open: the one it is in, an
            // outer one it returns to, or a new one the item above opened.
            let mut popped = None;
            while open_lists.last().is_some_and(|&top| top > indent) {
                popped = open_lists.pop();
            }
            match open_lists.last().copied() {
                Some(top) if top == indent => {}
                Some(top) if !last_opens => {
                    // Deeper than its list with nothing opened above: YAML joins a
                    // plain item to the one above ("card - Bring your letter"), or
                    // refuses the line; either way text is not where it was put.
                    traps.push(Trap {
                        silent: true,
                        ..misaligned(line, indent, top)
                    });
                }
                _ => match popped {
                    Some(outer) if outer > indent && !last_opens => {
                        traps.push(misaligned(line, indent, outer))
                    }
                    _ => open_lists.push(indent),
                },
            }
            last_opens = key_of(rest).is_some_and(|(_, v)| rest[v..].trim().is_empty());
        } else if key_of(rest).is_some() {
            last_opens = key_of(rest).is_some_and(|(_, v)| rest[v..].trim().is_empty());
        }
        // `-paragraph: …`: the dash without its space.
        if let Some(r) = rest.strip_prefix('-') {
            if r.split_once(':').is_some_and(|(k, _)| is_key(k)) {
                traps.push(dash_without_space(line, col));
                continue;
            }
        }
        // `- Monday: 9am to 5pm` in a list of text is text, not a key.
        let parent = list_key.last().map(|(_, k)| k.as_str()).unwrap_or("");
        let text_item = item && is_text_list(parent);
        let keyed = key_of(rest).filter(|(k, _)| !text_item || is_key(k));
        let Some((key, value_at)) = keyed else {
            if item {
                let parent = list_key.last().map(|(_, k)| k.as_str()).unwrap_or("");
                if is_text_list(parent) {
                    traps.extend(value_traps(&lines, n, col, None, col, item));
                }
            }
            continue;
        };
        // `paragraph:text`: the colon without its space.
        if let Some(after) = rest[key.len()..].strip_prefix(':') {
            if !after.is_empty() && !after.starts_with(' ') && is_key(key) {
                traps.push(colon_without_space(line, col, key));
                continue;
            }
        }
        let value_col = col + value_at;
        let value = rest[value_at..].trim();
        // A block header (`|`, `>-`, maybe with a comment): the lines below are text.
        if value.starts_with(['|', '>']) && block_header(value) {
            block_text = Some(indent.max(col));
            continue;
        }
        if value.is_empty() {
            // The list or block under this key.
            list_key.push((indent, key.to_string()));
            continue;
        }
        if is_text_key(key) {
            traps.extend(value_traps(&lines, n, value_col, Some(key), col, item));
        }
    }
    traps
}

/// Whether `v` (starting `|` or `>`) is a block scalar's header: indicators, then
/// nothing but perhaps a comment.
fn block_header(v: &str) -> bool {
    let rest = v[1..].trim_start_matches(|c: char| c == '-' || c == '+' || c.is_ascii_digit());
    let rest = rest.trim_start();
    rest.is_empty() || (rest.starts_with('#') && v[1..].len() > rest.len())
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

/// The traps in the value starting at column `col` of line `n`.
fn value_traps(
    lines: &[Line],
    n: usize,
    col: usize,
    key: Option<&str>,
    key_col: usize,
    item: bool,
) -> Option<Trap> {
    let line = &lines[n];
    let v = &line.text[col..];
    let start = line.start + col;
    let first = v.chars().next()?;
    let token = v.find(' ').unwrap_or(v.len()).max(first.len_utf8());
    let span = start..start + token;
    let said = |msg: String, silent: bool| Trap {
        span: span.clone(),
        message: msg,
        help: String::new(),
        fix: None,
        silent,
        warning: false,
    };
    let trap = match first {
        '*' => said(
            "this text starts with `*`, which YAML reads as a reference, not as italics".into(),
            false,
        ),
        '&' => said(
            "this text starts with `&`, which YAML reads as a label and leaves out of the text".into(),
            true,
        ),
        '!' => said(
            "this text starts with `!`, which YAML reads as a type and leaves out of the text".into(),
            true,
        ),
        '@' => said(
            "this text starts with `@`, which YAML does not allow at the start".into(),
            false,
        ),
        '`' => said(
            "this text starts with a backtick, which YAML does not allow at the start".into(),
            false,
        ),
        '%' => said(
            "this text starts with `%`, which YAML does not allow at the start".into(),
            false,
        ),
        '#' => said(
            "this text starts with `#`, which YAML reads as a comment: the text is left out".into(),
            true,
        ),
        '|' | '>' if !block_header(v) => said(
            format!(
                "this text starts with `{first}`, which YAML reads as the start of text on the lines below"
            ),
            false,
        ),
        '[' => said(
            "this text starts with `[`, which YAML reads as a list, not as a link".into(),
            false,
        ),
        '{' => said(
            "this text starts with `{`, which YAML reads as a group of keys".into(),
            false,
        ),
        '"' | '\'' if !closed_quote(v) => said(
            format!("this text starts with a quote, so YAML takes the text to end at the next `{first}`"),
            false,
        ),
        '“' | '‘' if v.trim_end().ends_with(['”', '’']) => Trap {
            warning: true,
            help: "they print as they are; if you meant them as YAML quotes, use straight ones (\"…\")"
                .into(),
            ..said(
                "this text is inside Word's curly quotes, which are printed, not read as YAML quotes".into(),
                false,
            )
        },
        '"' | '\'' => return None,
        _ => {
            // `#3`, `#hashtag`: text; `# note` after text is a comment the writer meant.
            let hash = v
                .match_indices(" #")
                .map(|(i, _)| i)
                .find(|&i| v[i + 2..].chars().next().is_some_and(|c| !c.is_whitespace()));
            if let Some(i) = hash {
                Trap {
                    span: start + i + 1..start + v.len(),
                    ..said(
                        "YAML reads ` #` as the start of a comment: everything after it is left out".into(),
                        true,
                    )
                }
            } else if let Some(i) = v.find(": ").or_else(|| v.ends_with(':').then(|| v.len() - 1)) {
                Trap {
                    span: start + i..start + i + 1,
                    ..said(
                        "this text has `: ` in it, which YAML reads as the start of a new key".into(),
                        false,
                    )
                }
            } else {
                return None;
            }
        }
    };
    let mut trap = trap;
    if trap.warning {
        return Some(trap);
    }
    trap.fix = quote_fix(lines, n, col, key_col, item, key);
    trap.help = match &trap.fix {
        Some(f) if f.replacement.contains('\n') => format!(
            "write it as a folded block (text on the lines below, indented):\n{}",
            f.replacement
                .lines()
                .map(|l| l
                    .get(key_col.min(l.len() - l.trim_start().len())..)
                    .unwrap_or(l)
                    .trim_end())
                .collect::<Vec<_>>()
                .join("\n")
        ),
        Some(f) => format!("put the text in quotes:\n{}", f.replacement.trim_start()),
        None => "put the text in quotes (\"…\"), and write any `\"` inside it as `\\\"`".into(),
    };
    Some(trap)
}

/// Whether `v` is one whole quoted scalar (and nothing but a comment after it).
fn closed_quote(v: &str) -> bool {
    let q = v.chars().next().unwrap_or('"');
    let mut chars = v.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        match (q, c) {
            ('"', '\\') => {
                chars.next();
            }
            ('\'', '\'') if chars.peek().map(|p| p.1) == Some('\'') => {
                chars.next();
            }
            (_, c) if c == q => {
                let after = v[i + c.len_utf8()..].trim_start();
                return after.is_empty() || after.starts_with('#');
            }
            _ => {}
        }
    }
    false
}

/// The value from line `n` (and its continuation lines) quoted, or as a `>-` block
/// when it runs over several lines; only if that parses back to the text typed.
fn quote_fix(
    lines: &[Line],
    n: usize,
    col: usize,
    key_col: usize,
    item: bool,
    key: Option<&str>,
) -> Option<Fix> {
    let line = &lines[n];
    let head = &line.text[..col];
    // Continuation lines: more indented than the key, and not a key or item themselves.
    let mut last = n;
    for (k, l) in lines.iter().enumerate().skip(n + 1) {
        let body = l.text.trim_start_matches(' ');
        if body.is_empty() {
            break;
        }
        let indent = l.text.len() - body.len();
        if indent <= key_col || body.starts_with("- ") || key_of(body).is_some() {
            break;
        }
        last = k;
    }
    let parts: Vec<&str> = std::iter::once(line.text[col..].trim_end())
        .chain(lines[n + 1..=last].iter().map(|l| l.text.trim()))
        .collect();
    let intended = parts.join(" ");
    let replacement = if last == n {
        // Double quotes, unless the text has some and no apostrophe: 'say "no"' reads
        // better to a writer than "say \"no\"".
        if intended.contains('"') && !intended.contains('\'') {
            format!("{head}'{intended}'")
        } else {
            format!(
                "{head}\"{}\"",
                intended.replace('\\', "\\\\").replace('"', "\\\"")
            )
        }
    } else {
        let pad = " ".repeat(key_col + 2);
        let body: Vec<String> = parts.iter().map(|p| format!("{pad}{p}")).collect();
        // The file's own line ending, so a Windows file stays one.
        let eol = if lines.get(n + 1).is_some_and(|l| l.crlf) {
            "\r\n"
        } else {
            "\n"
        };
        format!("{}>-{eol}{}", head, body.join(eol))
    };
    // The fix must give back exactly the text typed.
    let probe = match (key, item) {
        (Some(_), _) => replacement.trim_start().trim_start_matches("- ").to_string(),
        (None, _) => format!("x: {}", replacement.trim_start().trim_start_matches("- ")),
    };
    let dedent = |s: &str| {
        s.lines()
            .map(|l| l.get(key_col.min(l.len() - l.trim_start().len())..).unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let parsed: serde_yaml::Mapping = serde_yaml::from_str(&dedent(&probe)).ok()?;
    let value = parsed.values().next()?.as_str()?;
    (value == intended).then(|| Fix {
        lines: line.start..lines[last].start + lines[last].text.len(),
        replacement,
        intended,
    })
}

fn tab(line: &Line, indent: usize) -> Trap {
    let at = line.start + line.text.find('\t').unwrap_or(indent);
    let fixed = line.text.replace('\t', "  ");
    Trap {
        span: at..at + 1,
        message: "this line is indented with a tab, which YAML does not allow".into(),
        help: format!("indent with spaces:\n{}", fixed.trim_start()),
        fix: None,
        silent: false,
        warning: false,
    }
}

fn misaligned(line: &Line, indent: usize, prev: usize) -> Trap {
    let fixed = format!("{}{}", " ".repeat(prev), line.text.trim_start());
    Trap {
        help: format!("line it up with the item above ({prev} spaces)"),
        ..rewrite(
            line,
            line.start..line.start + indent.max(1),
            format!("this item is indented by {indent} spaces and the one above by {prev}: YAML does not read it as the next item"),
            fixed,
        )
    }
}

fn dash_without_space(line: &Line, col: usize) -> Trap {
    let at = line.start + col;
    let fixed = format!("{}- {}", &line.text[..col], &line.text[col + 1..]);
    rewrite(
        line,
        at..at + 1,
        "a `-` that starts an item needs a space after it".into(),
        fixed,
    )
}

fn colon_without_space(line: &Line, col: usize, key: &str) -> Trap {
    let at = line.start + col + key.len();
    let split = col + key.len() + 1;
    let fixed = format!("{} {}", &line.text[..split], &line.text[split..]);
    rewrite(
        line,
        at..at + 1,
        format!("`{key}:` needs a space after the colon"),
        fixed,
    )
}

/// A trap fixed by writing its whole line another way (spacing, not text).
fn rewrite(line: &Line, span: Range<usize>, message: String, fixed: String) -> Trap {
    Trap {
        span,
        message,
        help: format!("write:\n{}", fixed.trim_start()),
        fix: Some(Fix {
            lines: line.start..line.start + line.text.len(),
            replacement: fixed.clone(),
            intended: fixed,
        }),
        silent: false,
        warning: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(line: &str) -> Trap {
        let text = format!("title: T\nblocks:\n{line}\n");
        let traps = scan(&text);
        assert_eq!(traps.len(), 1, "{line}: {traps:?}");
        traps.into_iter().next().unwrap()
    }

    #[test]
    fn each_trap_is_named_and_fixed() {
        let t = one("  - paragraph: *Always* tell us if you are pregnant.");
        assert!(t.message.contains("reads as a reference"));
        assert_eq!(
            t.fix.unwrap().replacement,
            "  - paragraph: \"*Always* tell us if you are pregnant.\""
        );
        let t = one("  - paragraph: \"Josh\" is our acupuncturist.");
        assert_eq!(
            t.fix.unwrap().replacement,
            "  - paragraph: '\"Josh\" is our acupuncturist.'"
        );
        assert!(one("  - paragraph: Call us on #3 today").silent);
        assert!(one("  - paragraph: &more text").silent);
        assert!(one("  - paragraph: Note: bring your glasses.")
            .message
            .contains("`: `"));
        assert!(one("  - paragraph: “Quoted by Word”").warning);
        assert!(one("  -paragraph: no space").message.contains("space after it"));
        assert!(one("  - paragraph:no space").message.contains("after the colon"));
        assert!(one("  - bullets:\n    - *one* thing")
            .message
            .contains("reference"));
    }

    #[test]
    fn fine_lines_are_left_alone() {
        let text = "title: \"Quoted: fine\"\nsubtitle: 'It''s fine'\nblocks:\n  - paragraph: A plain line, with commas.\n  - bullets: [one, two]\n  - image: {src: a.png, alt: A}\n  - paragraph: >-\n      *Folded* text: fine\n";
        assert_eq!(scan(text), Vec::new());
    }

    /// What a review found: comments after text, opening hours in a list, a
    /// compact list followed by a block, an item one space too far, block headers.
    #[test]
    fn a_reviewers_cases() {
        let fine = "title: Acupuncture for Hip and Knee Pain        # required; the title\nblocks:\n  - paragraph: Please arrive early # TODO check with Sue\n  - bullets:\n    - Bring your letter\n  - paragraph: >-  # folded so it wraps\n      *Always* ask: we help.\n";
        assert_eq!(scan(fine), Vec::new());
        let hours = "title: T\nblocks:\n  - bullets:\n      - Monday: 9am to 5pm\n";
        let t = scan(hours);
        assert_eq!(t.len(), 1, "{t:?}");
        assert_eq!(
            t[0].fix.as_ref().unwrap().replacement,
            "      - \"Monday: 9am to 5pm\""
        );
        let slip = "title: T\nblocks:\n  - bullets:\n    - Bring your card\n     - Bring your letter\n";
        let t = scan(slip);
        assert!(t.len() == 1 && t[0].silent, "{t:?}");
    }

    #[test]
    fn text_over_several_lines_becomes_a_folded_block() {
        let text = "title: T\nblocks:\n  - paragraph: *Always* tell us\n      if you are pregnant.\n";
        let traps = scan(text);
        let fix = traps[0].fix.as_ref().unwrap();
        assert_eq!(fix.intended, "*Always* tell us if you are pregnant.");
        assert!(fix.replacement.contains(">-\n"), "{}", fix.replacement);
    }
}
