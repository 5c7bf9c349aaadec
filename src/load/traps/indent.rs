//! Indentation: an item or key that lines up with nothing above it, a tab whose
//! width nobody knows, a line of `>` text indented unlike the others. Each is said
//! with the real columns, and fixed at the column the lines around it give (the
//! likeliest first; the fixer keeps the first that reads as meant).

use super::spacing::{self, visible};
use super::{rewrite_lines, BlockText, Line, Scan, Trap, LOOK, LOOK_BYTES};

/// The columns a tab-indented line may be meant at, likeliest first: the next line's,
/// the line above's (and its content's), the open levels, then tab widths.
pub(super) fn tab_columns(s: &Scan, lines: &[Line], n: usize) -> Vec<usize> {
    let mut cols = Vec::new();
    for l in lines[n + 1..].iter().take(LOOK) {
        let next = l.lead;
        let body = &l.text[next.end..];
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        if next.odd.is_none() {
            cols.push(next.cols);
        }
        break;
    }
    if let Some((indent, content)) = s.prev {
        cols.extend([indent, content + 2, content]);
    }
    cols.extend(s.opener.map(|o| o + 2));
    cols.extend(s.levels.iter().rev());
    let own = lines[n].lead;
    cols.extend([2, 4, 8].map(|w| own.tabs * w + own.cols));
    let mut seen = Vec::new();
    cols.retain(|c| {
        let new = !seen.contains(c);
        seen.push(*c);
        new
    });
    cols.truncate(8);
    cols
}

/// Records a line at `indent` (its items' dashes and its key at these columns) as a
/// place the lines below may line up with.
pub(super) fn settle(
    levels: &mut Vec<usize>,
    indent: usize,
    dashes: impl Iterator<Item = usize>,
    key: Option<usize>,
) {
    while levels.last().is_some_and(|&l| l > indent) {
        levels.pop();
    }
    if levels.last() != Some(&indent) {
        levels.push(indent);
    }
    for c in dashes.chain(key) {
        if levels.last().is_some_and(|&l| l < c) {
            levels.push(c);
        }
    }
}

/// An item at `indent` that belongs at one of `cols` (likeliest first); `above` is
/// the indent of the item before it.
pub(super) fn misaligned_item(
    lines: &[Line],
    n: usize,
    line: Line,
    indent: usize,
    cols: &[usize],
    above: Option<usize>,
) -> Trap {
    let message = match above {
        Some(a) if a == cols[0] => format!(
            "this item is indented by {indent} spaces and the one above by {a}: YAML does not read it as the next item"
        ),
        _ if cols.len() == 1 => format!(
            "this item is indented by {indent} spaces, but the list above it by {}: YAML does not read it as its next item",
            cols[0]
        ),
        _ => format!(
            "this item is indented by {indent} spaces, but the lists above it by {}: YAML does not read it as an item of either",
            cols.iter().map(|c| c.to_string()).collect::<Vec<_>>().join(" and ")
        ),
    };
    let advice = |c: usize| {
        if Some(c) == above {
            format!("line it up with the item above ({c} spaces)")
        } else {
            format!("line it up with the items at {c} spaces")
        }
    };
    moved(lines, n, line, indent, cols, message, advice)
}

/// The line at `indent` moved to each of `cols`: alone, or else with the lines under
/// it (deeper than both columns: its keys, its items, its text) moved as far.
fn moved(
    lines: &[Line],
    n: usize,
    line: Line,
    indent: usize,
    cols: &[usize],
    message: String,
    advice: impl Fn(usize) -> String,
) -> Trap {
    let body = &line.text[indent.min(line.text.len())..];
    let mut trap = Trap::new(line.start..line.start + indent.max(1), message);
    trap.help = advice(cols[0]);
    let mut fixes = Vec::new();
    for &c in cols {
        let first = format!("{}{body}", " ".repeat(c));
        let help = format!("{}:\n{}", advice(c), visible(&first));
        let mut fix = rewrite_lines(lines, n, n, first.clone(), help.clone());
        fix.spacing = true;
        fixes.push(fix);
        let deeper = indent.max(c);
        let (mut last, mut size) = (n, 0);
        for (k, l) in lines.iter().enumerate().skip(n + 1).take(LOOK) {
            let under = l.lead;
            size += l.text.len();
            if size > LOOK_BYTES {
                break;
            }
            if under.end == l.text.len() {
                continue;
            }
            if under.cols <= deeper && under.tabs == 0 {
                break;
            }
            last = k;
        }
        if last == n || last == n + LOOK || size > LOOK_BYTES {
            continue; // nothing under it, or too much to move in one go
        }
        let mut replacement = first;
        for k in n + 1..=last {
            let t = lines[k].text;
            replacement.push_str(if lines[k - 1].crlf { "\r\n" } else { "\n" });
            let spaces = t.len() - t.trim_start_matches(' ').len();
            match c.checked_sub(indent) {
                _ if t.trim().is_empty() => replacement.push_str(t),
                Some(more) => replacement.push_str(&format!("{}{t}", " ".repeat(more))),
                None => replacement.push_str(&t[(indent - c).min(spaces)..]),
            }
        }
        let mut fix = rewrite_lines(lines, n, last, replacement, help);
        fix.spacing = true;
        fixes.push(fix);
    }
    trap.fixed_by(fixes)
}

impl Scan {
    /// A key's place among the keys and items above; returns the column it belongs at.
    pub(super) fn key_line(
        &mut self,
        lines: &[Line],
        n: usize,
        line: Line,
        indent: usize,
        traps: &mut Vec<Trap>,
    ) -> usize {
        if self.levels.contains(&indent) || self.opener.is_some_and(|o| indent > o) {
            return indent;
        }
        let above = self.prev.map(|p| p.1);
        let mut cols = self.levels.clone();
        cols.sort_by_key(|&c| (c.abs_diff(indent), Some(c) != above));
        cols.truncate(3);
        let message = match above {
            Some(a) if a == cols[0] => format!(
                "this line is indented by {indent} spaces and the line above by {a}: YAML does not read it as the next key"
            ),
            _ => format!(
                "this line is indented by {indent} spaces, but the keys above it by {}: YAML does not read it as one of them",
                cols[0]
            ),
        };
        let advice = |c: usize| {
            if Some(c) == above {
                format!("line it up with the line above ({c} spaces)")
            } else {
                format!("line it up with the keys at {c} spaces")
            }
        };
        traps.push(moved(lines, n, line, indent, &cols, message, advice));
        cols[0]
    }
}

/// The traps of a `|` or `>` text: lines indented with invisible characters, a line
/// of `>` text indented more or less than the others (YAML keeps it on a line of its
/// own, or ends the text there), zero-width characters. One fix for all of them: the
/// text with every line at the indentation most of its lines have.
pub(super) fn block_traps(lines: &[Line], b: &BlockText) -> Vec<Trap> {
    let written: Vec<(usize, spacing::Lead)> = b
        .lines
        .iter()
        .map(|&k| (k, lines[k].lead))
        .filter(|(k, l)| l.end < lines[*k].text.len())
        .collect();
    let Some(&(last, _)) = written.last() else {
        return Vec::new();
    };
    // The commonest indentation of the lines written in plain spaces (the first on a tie).
    let plain: Vec<usize> = written
        .iter()
        .filter(|(_, l)| l.odd.is_none())
        .map(|(_, l)| l.cols)
        .collect();
    let target = plain
        .iter()
        .copied()
        .max_by_key(|c| {
            (
                plain.iter().filter(|p| *p == c).count(),
                std::cmp::Reverse(plain.iter().position(|p| p == c)),
            )
        })
        .unwrap_or(b.parent + 2)
        .max(b.parent + 1);
    let off = |l: &spacing::Lead| {
        !b.explicit && l.odd.is_none() && (l.cols < target || (b.folded && l.cols > target))
    };
    // A line as it was meant: at the indentation meant, without zero-width characters.
    // Made only for a block with a trap (nearly every block has none, and making it
    // for every line of every text was half of the scan).
    let meant = |line: &Line, l: &spacing::Lead| {
        let at = if l.odd.is_some() && !b.explicit || off(l) {
            target
        } else {
            l.cols
        };
        let at = if b.explicit && l.odd.is_some() {
            l.cols.max(b.parent + 1)
        } else {
            at
        };
        let body: String = line.text[l.end..]
            .chars()
            .filter(|&c| !spacing::zero_width(c))
            .collect();
        (at, format!("{}{body}", " ".repeat(at)))
    };
    let mut traps = Vec::new();
    for &(k, ref l) in &written {
        let line = lines[k];
        let body = &line.text[l.end..];
        let zero = body.char_indices().find(|&(_, c)| spacing::zero_width(c));
        let off = off(l);
        let mut trap = None;
        if let Some((at, c)) = l.odd {
            let (message, _) = spacing::indent_words(c);
            let mut t = Trap::new(line.start + at..line.start + at + c.len_utf8(), message);
            t.silent = true;
            trap = Some(t);
        } else if off {
            // YAML takes the text's indentation from its first line: a first line
            // short of the others leaves each of them on a line of its own.
            let first = written.first().is_some_and(|(f, _)| *f == k);
            let message = if first {
                format!("this line of text is indented by {} spaces and the lines below it by {target}: YAML keeps each of them on a line of its own, with the extra spaces before it", l.cols)
            } else if l.cols > target {
                format!("this line of text is indented by {} spaces and the lines around it by {target}: YAML keeps it on a line of its own, with the extra spaces before it", l.cols)
            } else {
                format!("this line of text is indented by {} spaces, less than the lines above it ({target}): YAML reads the text as ending on the line above", l.cols)
            };
            let mut t = Trap::new(line.start..line.start + l.cols.max(1), message);
            t.silent = first || l.cols > target;
            trap = Some(t);
        } else if let Some((at, c)) = zero {
            let at = line.start + l.end + at;
            let mut t = Trap::new(
                at..at + c.len_utf8(),
                format!(
                    "this text holds {}: it cannot be seen, and prints as nothing",
                    spacing::name(c)
                ),
            );
            t.warning = true;
            trap = Some(t);
        }
        if let Some(mut t) = trap {
            let (at, new) = meant(&line, l);
            t.help = if new != line.text && (l.odd.is_some() || off) {
                format!(
                    "line it up with the rest of the text ({at} spaces):\n{}",
                    visible(&new)
                )
            } else {
                "remove it".into()
            };
            traps.push(t);
        }
    }
    if traps.is_empty() {
        return traps;
    }
    // One rewrite of the whole text: its header line, then its lines as meant.
    let mut replacement = lines[b.header].text.to_string();
    let mut written_iter = written.iter().peekable();
    for k in b.header + 1..=last {
        replacement.push_str(if lines[k - 1].crlf { "\r\n" } else { "\n" });
        match written_iter.peek() {
            Some((w, l)) if *w == k => {
                replacement.push_str(&meant(&lines[k], l).1);
                written_iter.next();
            }
            _ => replacement.push_str(lines[k].text),
        }
    }
    let only_zero = traps.iter().all(|t| t.warning);
    let mut fix = rewrite_lines(lines, b.header, last, replacement, String::new());
    fix.spacing = true;
    fix.in_text = only_zero;
    for t in &mut traps {
        let mut f = fix.clone();
        f.help = t.help.clone();
        *t = t.clone().fixed_by(vec![f]);
    }
    traps
}
