//! Links inside a leaflet (`[text](#anchor)`): each must name one of its headings.

use super::spans::Spans;
use crate::base::diag::Diagnostic;
use crate::base::source::Source;
use crate::model::Leaflet;
use std::ops::Range;

/// Every `[text](#anchor)` must name a heading of this leaflet; a link to a heading
/// text that several headings share is warned about (it goes to the first).
pub(super) fn check(
    src: &Source,
    nodes: &Spans,
    leaflet: &Leaflet,
    anchors: &[Option<String>],
) -> Vec<Diagnostic> {
    let names: Vec<&str> = anchors.iter().flatten().map(String::as_str).collect();
    let mut problems = Vec::new();
    // Every text that can hold a link: the blocks' texts (by block), and the back
    // matter (by the node it is written in).
    let blocks = leaflet
        .blocks
        .iter()
        .enumerate()
        .flat_map(|(i, block)| block.texts().into_iter().map(move |text| (Place::Block(i), text)));
    let sources = leaflet
        .sources
        .iter()
        .enumerate()
        .map(|(k, text)| (Place::Source(k), text.as_str()));
    let feedback = leaflet
        .feedback
        .iter()
        .map(|text| (Place::Feedback, text.as_str()));
    for (place, text) in blocks.chain(sources).chain(feedback) {
        // No `#`, no link to a heading (and most texts have none).
        if !text.contains('#') {
            continue;
        }
        for span in crate::text::parse_inline(text) {
            let Some(target) = span.link.as_deref().and_then(|l| l.strip_prefix('#')) else {
                continue;
            };
            let at = || {
                let block = || match place {
                    Place::Block(i) => nodes.head(&format!("blocks.{i}")),
                    _ => None,
                };
                within(&src.text, nodes.value(&place.path()), &format!("#{target}")).or_else(block)
            };
            if names.contains(&target) {
                // (plain anchor of the heading's text, its unique anchor) for each heading.
                let others: Vec<String> = leaflet
                    .blocks
                    .iter()
                    .zip(anchors)
                    .filter_map(|(b, a)| Some((a.as_deref()?, super::anchors::anchor(b.texts().first()?))))
                    .filter(|(unique, base)| *unique != target && base == target)
                    .map(|(unique, _)| format!("#{unique}"))
                    .collect();
                if !others.is_empty() {
                    problems.push(
                        Diagnostic::new(
                            &src.path,
                            format!(
                                "link to \"#{target}\" in {}: {} headings have that text; it goes to the first",
                                place.name(),
                                others.len() + 1
                            ),
                        )
                        .at(at())
                        .help(format!("the others are {}; rename one heading if you meant another", others.join(", ")))
                        .warning(),
                    );
                }
                continue;
            }
            let d = Diagnostic::new(
                &src.path,
                format!(
                    "link to \"#{target}\" in {}: no heading has that anchor",
                    place.name()
                ),
            )
            .at(at());
            problems.push(match crate::base::diag::did_you_mean(target, &names) {
                Some(s) => d.help(format!("did you mean \"#{s}\"? A heading's anchor is its text in lower case, words joined by hyphens")),
                None if names.is_empty() => d.help("internal links point at headings, and this leaflet has none"),
                None => d.help(format!("headings' anchors: {}", names.iter().map(|n| format!("#{n}")).collect::<Vec<_>>().join(", "))),
            });
        }
    }
    problems
}

/// Where a text that can hold a link is written.
#[derive(Clone, Copy)]
enum Place {
    Block(usize),
    Source(usize),
    Feedback,
}

impl Place {
    /// As a message names it.
    fn name(self) -> String {
        match self {
            Place::Block(i) => format!("block {}", i + 1),
            Place::Source(k) => format!("source {}", k + 1),
            Place::Feedback => "`feedback`".into(),
        }
    }

    /// Its node's path in the file.
    fn path(self) -> String {
        match self {
            Place::Block(i) => format!("blocks.{i}"),
            Place::Source(k) => format!("sources.{k}"),
            Place::Feedback => "feedback".into(),
        }
    }
}

/// Where `part` is written inside the node at `node` (a link target in a
/// paragraph, a `{lang=…}` in a block): the parser places the node, and the part is
/// looked for only within it.
pub(super) fn within(text: &str, node: Option<Range<usize>>, part: &str) -> Option<Range<usize>> {
    let node = node?;
    let at = node.start + text.get(node.clone())?.find(part)?;
    Some(at..at + part.len())
}
