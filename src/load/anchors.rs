//! Headings' anchors: the names links to a heading point at.

use crate::model::{Block, Leaflet};

/// Each block's anchor: `Some` for headings and subheadings, made unique in reading
/// order ("benefits", then "benefits-2"), so two headings with the same text can both
/// be linked to. Resolve checks links against these; layout places them.
pub fn anchors(leaflet: &Leaflet) -> Vec<Option<String>> {
    // Every anchor a heading's own text gives is taken first, so a later "Step 2"
    // keeps `step-2` even when two earlier "Step" headings need a suffix.
    let own: std::collections::HashSet<String> = leaflet
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading(t) | Block::Subheading(t) => Some(anchor(t)),
            _ => None,
        })
        .collect();
    let mut issued = std::collections::HashSet::new();
    leaflet
        .blocks
        .iter()
        .map(|b| match b {
            Block::Heading(t) | Block::Subheading(t) => {
                let base = anchor(t);
                let mut candidate = base.clone();
                let mut n = 1;
                while !issued.insert(candidate.clone()) {
                    n += 1;
                    candidate = format!("{base}-{n}");
                    // A suffix must not take another heading's own anchor.
                    while own.contains(&candidate) {
                        n += 1;
                        candidate = format!("{base}-{n}");
                    }
                }
                Some(candidate)
            }
            _ => None,
        })
        .collect()
}

/// The anchor of a heading, for internal links: `[see Benefits](#benefits-of-acupuncture)`.
/// Lower case, letters and digits kept, every other run of characters one hyphen.
pub fn anchor(heading: &str) -> String {
    let text = crate::text::plain_text(heading).to_lowercase();
    let mut out = String::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_headings_get_unused_suffixes() {
        let leaflet: Leaflet = serde_yaml::from_str(
            "title: t\nblocks:\n  - heading: Benefits\n  - heading: Benefits\n  - heading: Benefits 2\n  - paragraph: p\n  - subheading: Benefits\n",
        )
        .unwrap();
        let a: Vec<Option<String>> = anchors(&leaflet);
        let a: Vec<Option<&str>> = a.iter().map(|a| a.as_deref()).collect();
        assert_eq!(
            a,
            [
                Some("benefits"),
                Some("benefits-3"),
                Some("benefits-2"),
                None,
                Some("benefits-4")
            ]
        );
    }
}
