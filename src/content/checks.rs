//! The checks the blocks for exercises, tables and the like need beyond "has text":
//! a picture's alt text, a table's shape. Each problem names the row or cell.

use super::load::Source;
use super::model::Block;
use crate::diag::Diagnostic;
use std::ops::Range;

/// Problems with block `i` (its span, when it could be located).
pub fn block(src: &Source, i: usize, block: &Block, span: Option<Range<usize>>) -> Vec<Diagnostic> {
    let n = i + 1;
    let at = |msg: String, help: &str, place: Option<Range<usize>>| {
        Diagnostic::new(&src.path, msg)
            .at(place.or_else(|| span.clone()))
            .help(help)
    };
    let mut out = Vec::new();
    match block {
        Block::Exercise(e) => {
            if let Some(img) = &e.image {
                if !img.decorative && img.alt.as_deref().is_none_or(|a| a.trim().is_empty()) {
                    out.push(at(
                        format!("the picture of exercise {n} ({}) has no alt text", e.title.trim()),
                        "add `alt:` saying what the picture shows (the position and the movement), for readers who cannot see it",
                        find(&src.text, &img.src, &span),
                    ));
                }
            }
        }
        Block::Table(t) => {
            if t.rows.is_empty() {
                out.push(at(
                    format!("the table in block {n} has no rows"),
                    "add `rows:`, each a list of cells such as `- [Heel slides, 10 times]`",
                    None,
                ));
            }
            let columns = if t.header.is_empty() {
                t.rows.first().map_or(0, Vec::len)
            } else {
                t.header.len()
            };
            for (r, row) in t.rows.iter().enumerate() {
                if row.len() != columns {
                    let what = if t.header.is_empty() {
                        "the first row"
                    } else {
                        "the header"
                    };
                    out.push(at(
                        format!(
                            "row {} of the table in block {n} has {} cells, and {what} has {columns}",
                            r + 1,
                            row.len()
                        ),
                        "give every row one cell per column; write \"\" for a cell left empty",
                        row.first().and_then(|c| find(&src.text, c, &span)),
                    ));
                }
            }
        }
        _ => {}
    }
    out
}

/// Where `value` first appears from the block's start.
fn find(text: &str, value: &str, block: &Option<Range<usize>>) -> Option<Range<usize>> {
    let from = block.as_ref().map_or(0, |b| b.start);
    text.get(from..)?
        .find(value)
        .map(|i| from + i..from + i + value.len())
}
