//! The checks the blocks for exercises, tables and the like need beyond "has text":
//! a picture's alt text, a table's shape. Each problem names the row or cell.

use super::spans::Spans;
use crate::base::diag::Diagnostic;
use crate::base::source::Source;
use crate::model::Block;
use std::ops::Range;

/// Problems with block `i`, each placed by `spans` (at the part, or else the block).
pub fn block(src: &Source, spans: &Spans, i: usize, block: &Block) -> Vec<Diagnostic> {
    let n = i + 1;
    let at = |msg: String, help: &str, place: Option<Range<usize>>| {
        Diagnostic::new(&src.path, msg)
            .at(place.or_else(|| spans.head(&format!("blocks.{i}"))))
            .help(help)
    };
    let mut out = Vec::new();
    match block {
        Block::Exercise(e) => {
            if let Some(img) = &e.image {
                if img.lacks_alt() {
                    out.push(at(
                        format!("the picture of exercise {n} ({}) has no alt text", e.title.trim()),
                        "add `alt:` saying what the picture shows (the position and the movement), for readers who cannot see it",
                        spans.value(&format!("blocks.{i}.exercise.image.src")),
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
            if !t.rows.is_empty()
                && t.rows
                    .iter()
                    .flatten()
                    .chain(&t.header)
                    .all(|c| c.trim().is_empty())
            {
                out.push(at(
                    format!("the table in block {n} has no text in any cell"),
                    "write the table's text in its cells, or delete the block",
                    None,
                ));
            }
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
                        spans.value(&format!("blocks.{i}.table.rows.{r}")),
                    ));
                }
            }
        }
        _ => {}
    }
    out
}
