//! An exercise file on its own, as a one-exercise leaflet, so that `leafpress check`
//! reviews its words as it reviews any leaflet's (the findings located in the
//! exercise file itself) and `leafpress build` shows it on a page.

use super::super::project::Project;
use super::library;
use crate::base::diag::Diagnostics;
use crate::base::lang::LanguageTag;
use crate::base::source::Source;
use crate::images::cache::Cache;
use crate::load::parse::Parsed;
use crate::load::spans::Spans;
use crate::load::Resolved;
use crate::model::plan::words::PlanWords;
use crate::model::{Block, Callout, Exercise, Leaflet, PageSpec};
use std::path::Path;

/// Whether `path` is an exercise file: a YAML file in a folder named `exercises`,
/// or in a language's folder inside one (`exercises/ur/wall-push.yaml`).
pub fn is_exercise_file(path: &Path) -> bool {
    let Ok(abs) = std::path::absolute(path) else {
        return false;
    };
    let named = |p: Option<&Path>| p.and_then(Path::file_name).is_some_and(|n| n == "exercises");
    let parent = abs.parent();
    named(parent) || named(parent.and_then(Path::parent))
}

/// The exercise file at `path` as a leaflet: its name the title, the exercise (its
/// usual dose in words), its cautions in a box; in the language of its folder.
pub fn open(path: &Path, root: Option<&Path>, cache: &Cache) -> Result<(Source, Resolved), Diagnostics> {
    let project = Project::open(path, root)?;
    let read = library::read(path, &project)?;
    let folder = std::path::absolute(path)
        .ok()
        .and_then(|p| Some(p.parent()?.file_name()?.to_string_lossy().into_owned()));
    let language: LanguageTag = match folder.as_deref().map(str::parse::<LanguageTag>) {
        Some(Ok(tag)) => tag,
        _ => project.defaults.language.clone().unwrap_or_default(),
    };
    let words = PlanWords::for_language(language.as_str());
    let f = &read.file;
    let mut blocks = vec![Block::Exercise(Exercise {
        title: f.name.clone(),
        image: f.picture.clone(),
        steps: f.steps.clone(),
        repeat: read.dose.map(|d| d.words(&words)),
    })];
    if !f.cautions.is_empty() {
        blocks.push(Block::Callout(Callout {
            title: Some(words.take_care.clone()),
            text: f.cautions.join(" "),
        }));
    }
    let leaflet = Leaflet {
        title: f.name.clone(),
        subtitle: None,
        author: None,
        language,
        page: PageSpec::default(),
        footer: project.defaults.footer.clone(),
        cover: None,
        published: None,
        review: None,
        reference: None,
        sources: Vec::new(),
        feedback: None,
        brand: None,
        blocks,
        translated: None,
    };
    let parsed = Parsed {
        leaflet,
        spans: Spans::default(),
        warnings: Vec::new(),
    };
    let mut resolved = super::super::resolve(&read.src, parsed, &project, cache)?;
    // Not a leaflet the clinic publishes: no review date is asked of it.
    resolved.in_project = false;
    // The review finds each text by searching the file from its block's start.
    let from = |key: &str| read.spans.at(key).map(|s| s.start..s.start);
    let mut places = vec![from("name"), from("cautions")];
    places.truncate(resolved.leaflet.blocks.len());
    resolved.block_places = places.into();
    Ok((read.src, resolved))
}
