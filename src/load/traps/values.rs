//! Traps in a text value: a first character YAML reads as something else (`*`, `&`,
//! `!`, `#`, `[`…), ` #` or `: ` inside the text, a quote that is never closed or
//! closes before the text ends, Word's curly quotes used as YAML quotes; and the two
//! spacing slips `-paragraph:` and `paragraph:text`.

use super::{key_of, read_now, rewrite_lines, Fix, Line, Trap};

/// Whether `v` (starting `|` or `>`) is a block scalar's header: indicators, then
/// nothing but perhaps a comment.
pub(super) fn block_header(v: &str) -> bool {
    let rest = v[1..].trim_start_matches(|c: char| c == '-' || c == '+' || c.is_ascii_digit());
    let rest = rest.trim_start();
    rest.is_empty() || (rest.starts_with('#') && v[1..].len() > rest.len())
}

/// The brackets still open after `s`, with `depth` open before it (quoted text
/// skipped).
pub(super) fn flow_depth(s: &str, mut depth: usize) -> usize {
    let mut quote = None;
    for c in s.chars() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '[' | '{') => depth += 1,
            (None, ']' | '}') => depth = depth.saturating_sub(1),
            (None, '#') if depth == 0 => break,
            _ => {}
        }
    }
    depth
}

/// The traps in the value starting at column `col` of `line` (line `n`).
pub(super) fn value_traps(lines: &[Line], n: usize, line: Line, col: usize, key_col: usize) -> Option<Trap> {
    let v = &line.text[col..];
    let start = line.start + col;
    let first = v.chars().next()?;
    let token = v.find(' ').unwrap_or(v.len()).max(first.len_utf8());
    let said = |msg: &str, silent: bool| {
        let mut t = Trap::new(start..start + token, msg);
        t.silent = silent;
        t
    };
    let trap = match first {
        '*' => said(
            "this text starts with `*`, which YAML reads as a reference, not as italics",
            false,
        ),
        '&' => said(
            "this text starts with `&`, which YAML reads as a label and leaves out of the text",
            true,
        ),
        '!' => said(
            "this text starts with `!`, which YAML reads as a type and leaves out of the text",
            true,
        ),
        '@' => said(
            "this text starts with `@`, which YAML does not allow at the start",
            false,
        ),
        '`' => said(
            "this text starts with a backtick, which YAML does not allow at the start",
            false,
        ),
        '%' => said(
            "this text starts with `%`, which YAML does not allow at the start",
            false,
        ),
        '#' => said(
            "this text starts with `#`, which YAML reads as a comment: the text is left out",
            true,
        ),
        '|' | '>' if !block_header(v) => said(
            &format!(
                "this text starts with `{first}`, which YAML reads as the start of text on the lines below"
            ),
            false,
        ),
        '[' => said(
            "this text starts with `[`, which YAML reads as a list, not as a link",
            false,
        ),
        '{' => said(
            "this text starts with `{`, which YAML reads as a group of keys",
            false,
        ),
        '"' | '\'' => return quoted(lines, n, line, col, key_col, first, said("", false)),
        '“' | '‘' | '”' | '„' if curly_close(v).is_some() => {
            return curly(lines, n, line, col, said("", false));
        }
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
                        "YAML reads ` #` as the start of a comment: everything after it is left out",
                        true,
                    )
                }
            } else if let Some(i) = v.find(": ").or_else(|| v.ends_with(':').then(|| v.len() - 1)) {
                Trap {
                    span: start + i..start + i + 1,
                    ..said(
                        "this text has `: ` in it, which YAML reads as the start of a new key",
                        false,
                    )
                }
            } else {
                return None;
            }
        }
    };
    let fix = quote_fix(lines, n, line, col, key_col);
    let mut trap = trap;
    trap.help = "put the text in quotes (\"…\"), and write any `\"` inside it as `\\\"`".into();
    Some(trap.fixed_by(fix.into_iter().collect()))
}

/// The closing curly quote `v` ends with, when it is wrapped in a pair.
fn curly_close(v: &str) -> Option<char> {
    let v = v.trim_end();
    let last = v.chars().last()?;
    (v.chars().count() > 2 && matches!(last, '”' | '’' | '“')).then_some(last)
}

/// Word's curly quotes around a value: printed as they are, unless YAML cannot read
/// the value without them (a `: ` or ` #` inside); then they were meant as YAML
/// quotes, and straight ones keep the text.
fn curly(lines: &[Line], n: usize, line: Line, col: usize, base: Trap) -> Option<Trap> {
    let v = line.text[col..].trim_end();
    let open = v.chars().next()?;
    let close = curly_close(v)?;
    let inner = &v[open.len_utf8()..v.len() - close.len_utf8()];
    let breaks = inner.contains(": ") || inner.ends_with(':') || inner.contains(" #");
    if !breaks {
        let mut t = Trap {
            warning: true,
            ..base
        };
        t.message =
            "this text is inside Word's curly quotes, which are printed, not read as YAML quotes".into();
        t.help = "they print as they are; if you meant them as YAML quotes, use straight ones (\"…\")".into();
        return Some(t);
    }
    let mut t = base;
    t.message = "curly quotes from Word around this value: YAML only understands straight quotes".into();
    t.help = "write the quotes as straight ones (\"…\")".into();
    let single = matches!(open, '‘');
    let order: [char; 2] = if single { ['\'', '"'] } else { ['"', '\''] };
    let head = &line.text[..col];
    let fixes = order
        .iter()
        .filter_map(|&q| {
            let replacement = format!("{head}{}", quote(q, inner));
            checked(lines, n, n, replacement, inner, "write it with straight quotes")
        })
        .collect();
    Some(t.fixed_by(fixes))
}

/// `text` in quotes `q`, written so that YAML reads it back.
fn quote(q: char, text: &str) -> String {
    match q {
        '"' => format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\"")),
        _ => format!("'{}'", text.replace('\'', "''")),
    }
}

/// A fix writing lines `first..=last` as `replacement`, if that reads as `intended`
/// on its own; its help shows the corrected line(s).
fn checked(
    lines: &[Line],
    first: usize,
    last: usize,
    replacement: String,
    intended: &str,
    advice: &str,
) -> Option<Fix> {
    let shown = replacement
        .lines()
        .map(str::trim_start)
        .collect::<Vec<_>>()
        .join("\n");
    let fix = read_now(
        lines,
        last,
        rewrite_lines(lines, first, last, replacement, format!("{advice}:\n{shown}")),
    );
    (fix.texts.as_deref() == Some(&[intended.to_string()][..])).then(|| Fix {
        intended: intended.to_string(),
        ..fix
    })
}

/// The lines after `n` that carry on its value: more indented than the key, and not
/// a key or item themselves.
fn continuation(lines: &[Line], n: usize, key_col: usize) -> usize {
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
    last
}

/// A value starting with a quote: fine when the quote closes at its end (on this
/// line or a later one); never closed, it is closed; closed before the text ends,
/// the quotes are text and the whole is quoted.
fn quoted(
    lines: &[Line],
    n: usize,
    line: Line,
    col: usize,
    key_col: usize,
    q: char,
    base: Trap,
) -> Option<Trap> {
    let v = &line.text[col..];
    if closed_quote(v) {
        return None;
    }
    let last = continuation(lines, n, key_col);
    let parts: Vec<&str> = std::iter::once(v.trim_end())
        .chain(lines[n + 1..=last].iter().map(|l| l.text.trim()))
        .collect();
    let joined = parts.join("\n");
    if last > n && closed_quote(&joined) {
        return None; // YAML's own text over several lines
    }
    if !unclosed(&joined, q) {
        let mut t = base;
        t.message = format!("this text starts with a quote, so YAML takes the text to end at the next `{q}`");
        t.help = "put the text in quotes (\"…\"), and write any `\"` inside it as `\\\"`".into();
        return Some(t.fixed_by(quote_fix(lines, n, line, col, key_col).into_iter().collect()));
    }
    let mut t = base;
    t.message =
        "this text starts with a quote that is never closed: YAML looks for its end on the lines below"
            .into();
    t.help = format!("close the quote with a `{q}` at the end of the text");
    // The text meant: without the opening quote; a ` # ` after it is a comment.
    let text = parts.join(" ");
    let text = &text[q.len_utf8()..];
    let (text, comment) = match text.find(" # ") {
        Some(i) if last == n => (&text[..i], &text[i..]),
        _ => (text, ""),
    };
    let head = &line.text[..col];
    let mut fixes = Vec::new();
    if last > n && !text.contains(q) && !(q == '"' && text.contains('\\')) {
        // Closed where the text ends, its lines kept.
        let mut replacement = line.text.to_string();
        for (k, l) in lines.iter().enumerate().take(last + 1).skip(n + 1) {
            replacement.push_str(if lines[k - 1].crlf { "\r\n" } else { "\n" });
            replacement.push_str(l.text.trim_end());
        }
        replacement.push(q);
        fixes.extend(checked(
            lines,
            n,
            last,
            replacement,
            text,
            "close the quote at the end of the text",
        ));
    }
    let other = if q == '"' { '\'' } else { '"' };
    let order = if text.contains(q) && !text.contains(other) {
        [other, q]
    } else {
        [q, other]
    };
    for c in order {
        let replacement = format!("{head}{}{comment}", quote(c, text));
        fixes.extend(checked(
            lines,
            n,
            last,
            replacement,
            text,
            "close the quote at the end of the text",
        ));
    }
    Some(t.fixed_by(fixes))
}

/// Whether a value starting with quote `q` leaves it open: an odd number of such
/// quotes (apostrophes inside words not counted), and not an elision such as `'Tis`.
fn unclosed(v: &str, q: char) -> bool {
    let chars: Vec<char> = v.chars().collect();
    let count = (0..chars.len())
        .filter(|&i| chars[i] == q)
        .filter(|&i| match q {
            '"' => i == 0 || chars[i - 1] != '\\',
            _ => {
                !(i > 0
                    && chars[i - 1].is_alphanumeric()
                    && chars.get(i + 1).is_some_and(|c| c.is_alphanumeric()))
            }
        })
        .count();
    let word: String = chars[1..]
        .iter()
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    let elision = q == '\''
        && ([
            "tis", "twas", "til", "till", "em", "cause", "bout", "round", "n", "s",
        ]
        .contains(&word.as_str())
            || word.starts_with(|c: char| c.is_ascii_digit()));
    count % 2 == 1 && !elision
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
/// when it runs over several lines; only if that reads back as the text typed.
fn quote_fix(lines: &[Line], n: usize, line: Line, col: usize, key_col: usize) -> Option<Fix> {
    let head = &line.text[..col];
    let last = continuation(lines, n, key_col);
    let parts: Vec<&str> = std::iter::once(line.text[col..].trim_end())
        .chain(lines[n + 1..=last].iter().map(|l| l.text.trim()))
        .collect();
    let intended = parts.join(" ");
    if last == n {
        // Double quotes, unless the text has some and no apostrophe: 'say "no"' reads
        // better to a writer than "say \"no\"".
        let q = if intended.contains('"') && !intended.contains('\'') {
            '\''
        } else {
            '"'
        };
        let replacement = format!("{head}{}", quote(q, &intended));
        return checked(lines, n, n, replacement, &intended, "put the text in quotes");
    }
    let pad = " ".repeat(key_col + 2);
    let body: Vec<String> = parts.iter().map(|p| format!("{pad}{p}")).collect();
    // The file's own line ending, so a Windows file stays one.
    let eol = if lines[n].crlf { "\r\n" } else { "\n" };
    let replacement = format!("{head}>-{eol}{}", body.join(eol));
    let shown = replacement
        .lines()
        .map(|l| {
            l.get(key_col.min(l.len() - l.trim_start().len())..)
                .unwrap_or(l)
                .trim_end()
        })
        .collect::<Vec<_>>()
        .join("\n");
    let fix = read_now(
        lines,
        last,
        rewrite_lines(
            lines,
            n,
            last,
            replacement,
            format!("write it as a folded block (text on the lines below, indented):\n{shown}"),
        ),
    );
    let reads = fix.texts.as_deref() == Some(&[intended.clone()][..]);
    reads.then_some(Fix { intended, ..fix })
}

pub(super) fn dash_without_space(lines: &[Line], n: usize, line: Line, col: usize) -> Trap {
    let at = line.start + col;
    let fixed = format!("{}- {}", &line.text[..col], &line.text[col + 1..]);
    rewrite(
        lines,
        n,
        at..at + 1,
        "a `-` that starts an item needs a space after it".into(),
        fixed,
    )
}

pub(super) fn colon_without_space(lines: &[Line], n: usize, line: Line, col: usize, key: &str) -> Trap {
    let at = line.start + col + key.len();
    let split = col + key.len() + 1;
    let fixed = format!("{} {}", &line.text[..split], &line.text[split..]);
    rewrite(
        lines,
        n,
        at..at + 1,
        format!("`{key}:` needs a space after the colon"),
        fixed,
    )
}

/// A trap fixed by writing its whole line another way (spacing, not text).
fn rewrite(lines: &[Line], n: usize, span: std::ops::Range<usize>, message: String, fixed: String) -> Trap {
    let help = format!("write:\n{}", fixed.trim_start());
    let mut fix = rewrite_lines(lines, n, n, fixed, help.clone());
    fix.spacing = true;
    let mut trap = Trap::new(span, message);
    trap.help = help;
    trap.fixed_by(vec![fix])
}
