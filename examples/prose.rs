//! Prints the running text `leafpress check` computes readability from (sentences
//! only: no headings, labels, contact details or list phrases), one unit per
//! paragraph, so the figures can be compared with another tool's on the same text.
//!
//! cargo run --example prose -- content/acupuncture-hip-knee.yaml > prose.txt

use leafpress::review::plain::prose::{extract, Kind};

fn main() {
    let path = std::env::args().nth(1).expect("usage: prose LEAFLET.yaml");
    let (_, doc) = leafpress::load(std::path::Path::new(&path)).unwrap_or_else(|d| {
        eprint!("{d}");
        std::process::exit(1)
    });
    for unit in extract(&doc).units.iter().filter(|u| u.kind.is_prose()) {
        let (_, body) = unit.body();
        let body = body.trim();
        let sentence_like = body
            .trim_end_matches(['"', '”', '’', ')', '\''])
            .ends_with(['.', '!', '?', ':']);
        if matches!(unit.kind, Kind::Item | Kind::Caption) && !sentence_like {
            continue;
        }
        println!("{body}\n");
    }
}
