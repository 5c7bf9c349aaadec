//! `check --fix`: the file with every trap that has a safe fix rewritten, and the
//! list of what changed, for the command line to show as a diff.

use super::traps::{scan, Fix, Trap};

/// What `check --fix` did to a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Fixed {
    pub text: String,
    /// (1-based line, the lines before, the lines after), in file order.
    pub changes: Vec<(usize, String, String)>,
    /// Traps found that have no safe fix; they are reported, not guessed at.
    pub left: Vec<Trap>,
}

/// The file with every trap that has a safe fix rewritten, and nothing else changed:
/// comments, order, spacing and line breaks stay as they are.
pub fn fix(text: &str) -> Fixed {
    let traps: Vec<Trap> = scan(text).into_iter().filter(|t| !t.warning).collect();
    let (fixable, left): (Vec<Trap>, Vec<Trap>) = traps.into_iter().partition(|t| t.fix.is_some());
    let mut changes: Vec<(usize, String, String)> = fixable
        .iter()
        .filter_map(|t| t.fix.as_ref())
        .map(|f| {
            let line = text[..f.lines.start].matches('\n').count() + 1;
            (line, text[f.lines.clone()].to_string(), f.replacement.clone())
        })
        .collect();
    changes.dedup_by_key(|c| c.0);
    Fixed {
        text: apply(text, &fixable),
        changes,
        left,
    }
}

/// The text with every trap that has a fix rewritten.
pub fn apply(text: &str, traps: &[Trap]) -> String {
    let mut fixes: Vec<&Fix> = traps.iter().filter_map(|t| t.fix.as_ref()).collect();
    fixes.sort_by_key(|f| f.lines.start);
    fixes.dedup_by_key(|f| f.lines.start);
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0;
    for f in fixes {
        if f.lines.start < at {
            continue;
        }
        out.push_str(&text[at..f.lines.start]);
        out.push_str(&f.replacement);
        at = f.lines.end;
    }
    out.push_str(&text[at..]);
    out
}
