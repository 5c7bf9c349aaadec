//! After a library build whose project has the web edition in `outputs:`, the
//! library's index: out/index.html, listing every leaflet built into that out/
//! folder with a link to each of its editions.

use super::build::{Done, Job};
use leafpress::model::edition::Target;
use leafpress::model::theme::Theme;
use leafpress::output::html::index::{self, Entry, Link};
use std::path::{Path, PathBuf};

/// Writes out/index.html for each out/ folder that holds a web edition from
/// `outputs:`; says where. Returns false when one could not be written.
pub fn write_indexes(jobs: &[Job], done: &[Done], quiet: bool) -> bool {
    // out/NAME/leaflet.html → out/
    let mut folders: Vec<PathBuf> = jobs
        .iter()
        .filter(|j| j.edition.is_some() && j.options.target == Target::Web)
        .filter_map(|j| j.target.parent()?.parent().map(Path::to_path_buf))
        .collect();
    folders.dedup();
    let mut ok = true;
    for out in folders {
        let (entries, brand, theme) = entries(jobs, done, &out);
        if entries.is_empty() {
            continue;
        }
        let name = brand.map_or_else(|| "Leaflets".to_string(), |b| format!("{b}: leaflets"));
        // In the brand's colours and faces, as the leaflets are.
        let theme = theme.unwrap_or_default();
        let html = index::write(
            &name,
            "en",
            &entries,
            &theme,
            concat!("leafpress ", env!("CARGO_PKG_VERSION")),
        );
        let path = out.join("index.html");
        match leafpress::base::files::write_atomically(&path, html.as_bytes()) {
            Ok(()) if !quiet => eprintln!(
                "index of {} leaflet{} → {}",
                entries.len(),
                if entries.len() == 1 { "" } else { "s" },
                path.display()
            ),
            Ok(()) => {}
            Err(e) => {
                eprintln!("error: cannot write {}: {e}", path.display());
                ok = false;
            }
        }
    }
    ok
}

/// The leaflets built into `out`, in input order, each with its editions' files.
fn entries(jobs: &[Job], done: &[Done], out: &Path) -> (Vec<Entry>, Option<String>, Option<Theme>) {
    let mut entries: Vec<(PathBuf, Entry)> = Vec::new();
    let (mut brand, mut theme) = (None, None);
    for (job, d) in jobs.iter().zip(done) {
        let (Ok(b), Some(edition)) = (&d.built, &job.edition) else {
            continue;
        };
        let Ok(rel) = job.target.strip_prefix(out) else {
            continue;
        };
        brand = brand.or_else(|| b.facts.brand.clone());
        theme = theme.or_else(|| b.facts.brand_theme.clone());
        let link = Link {
            edition: edition.clone(),
            href: rel
                .components()
                .map(|c| percent_encoded(&c.as_os_str().to_string_lossy()))
                .collect::<Vec<_>>()
                .join("/"),
            web: b.html.is_some(),
            bytes: b.bytes().len() as u64,
        };
        match entries.iter_mut().find(|(input, _)| *input == job.input) {
            Some((_, e)) => e.links.push(link),
            None => entries.push((
                job.input.clone(),
                Entry {
                    title: b.facts.title.clone(),
                    language: b.facts.language.clone(),
                    review: b.facts.review,
                    links: vec![link],
                },
            )),
        }
    }
    (entries.into_iter().map(|(_, e)| e).collect(), brand, theme)
}

/// A file name as a part of a URL: bytes other than letters, digits and `-._~`
/// as `%XX`, so a name with a space or `#` still links.
fn percent_encoded(name: &str) -> String {
    name.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            b => format!("%{b:02X}"),
        })
        .collect()
}
