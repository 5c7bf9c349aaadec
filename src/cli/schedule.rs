//! The order a library's PDFs are built in on several threads.
//!
//! Every leaflet's first edition comes before any leaflet's second: two threads
//! starting the print and e-mail editions of one leaflet together would both want its
//! pictures, and the second would wait while the first decodes them; later, they are
//! decoded. Within that, the heaviest leaflets first (the text and the pictures it
//! names, by their files' sizes), so that the build does not end with one thread
//! busy on a photo leaflet while the others have nothing left.

use super::build::Job;
use std::collections::HashMap;
use std::path::Path;

/// The jobs' indices in the order to start them.
pub fn order(jobs: &[Job]) -> Vec<usize> {
    if jobs.len() <= 1 {
        return (0..jobs.len()).collect();
    }
    let mut seen: HashMap<&Path, usize> = HashMap::new();
    let ranks: Vec<usize> = jobs
        .iter()
        .map(|j| {
            let n = seen.entry(j.input.as_path()).or_default();
            *n += 1;
            *n
        })
        .collect();
    let mut weights: HashMap<&Path, u64> = HashMap::new();
    for j in jobs {
        weights
            .entry(j.input.as_path())
            .or_insert_with(|| weight(&j.input));
    }
    let mut order: Vec<usize> = (0..jobs.len()).collect();
    order.sort_by_key(|&i| (ranks[i], std::cmp::Reverse(weights[jobs[i].input.as_path()])));
    order
}

/// How much work a leaflet is likely to be, in bytes: its file and every picture
/// file it names beside it (a photo takes longer than pages of text). A file that
/// cannot be read weighs nothing: its build will say why.
fn weight(input: &Path) -> u64 {
    let Ok(text) = std::fs::read_to_string(input) else {
        return 0;
    };
    let dir = input.parent().unwrap_or(Path::new("."));
    let pictures: u64 = text
        .split(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | ',' | '{' | '}' | '[' | ']'))
        .filter(|word| {
            let ext = word.rsplit_once('.').map_or("", |(_, ext)| ext);
            ["jpg", "jpeg", "png", "webp", "gif", "tif", "tiff", "svg"]
                .iter()
                .any(|e| ext.eq_ignore_ascii_case(e))
        })
        .filter_map(|name| std::fs::metadata(dir.join(name)).ok())
        .map(|m| m.len())
        .sum();
    text.len() as u64 + pictures
}
