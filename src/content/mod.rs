//! Content: the YAML model, loading it with located errors, and resolving it
//! (checks and images) so later stages cannot fail on bad input.

pub mod load;
pub mod model;
pub mod resolve;

pub use load::{parse, Source};
pub use model::{Block, Leaflet};
pub use resolve::{resolve, Jpeg, LoadedImage, Resolved};

/// Each block's anchor: `Some` for headings and subheadings, made unique in reading
/// order ("benefits", then "benefits-2"), so two headings with the same text can both
/// be linked to. Resolve checks links against these; layout places them.
pub fn anchors(leaflet: &Leaflet) -> Vec<Option<String>> {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    leaflet
        .blocks
        .iter()
        .map(|b| match b {
            Block::Heading(t) | Block::Subheading(t) => {
                let base = anchor(t);
                let n = seen.entry(base.clone()).or_insert(0);
                *n += 1;
                Some(if *n == 1 { base } else { format!("{base}-{n}") })
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
