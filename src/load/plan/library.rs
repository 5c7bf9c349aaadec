//! The exercise library: `exercises/ID.yaml` beside leafpress.yaml, each read with
//! the same located errors as a leaflet, its picture checked and made whole, and its
//! translations in `exercises/LANG/ID.yaml`.

use super::super::parse::{humanize, token_span};
use super::super::project::Project;
use super::super::spans::Spans;
use crate::base::diag::{Diagnostic, Diagnostics};
use crate::base::source::Source;
use crate::model::plan::dose::{Dose, DOSE_EXAMPLES};
use crate::model::plan::ExerciseFile;
use std::path::{Path, PathBuf};

/// The folder the project's exercises are in.
pub fn folder(project: &Project) -> PathBuf {
    relative(&project.home().join("exercises"))
}

/// `path` relative to the current folder when inside it, so messages stay short.
pub fn relative(path: &Path) -> PathBuf {
    match std::env::current_dir().and_then(|d| d.canonicalize()) {
        Ok(here) => path
            .strip_prefix(&here)
            .map_or_else(|_| path.to_path_buf(), Path::to_path_buf),
        Err(_) => path.to_path_buf(),
    }
}

/// The ids of the exercises in `dir` (`wall-push` for wall-push.yaml), sorted.
pub fn ids(dir: &Path) -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
                .filter_map(|p| Some(p.file_stem()?.to_string_lossy().into_owned()))
                .collect()
        })
        .unwrap_or_default();
    ids.sort();
    ids.dedup();
    ids
}

/// The file of exercise `id` in `dir`, `.yaml` or `.yml`.
pub fn file_of(dir: &Path, id: &str) -> Option<PathBuf> {
    ["yaml", "yml"]
        .iter()
        .map(|e| dir.join(format!("{id}.{e}")))
        .find(|p| p.is_file())
}

/// One exercise file read and checked: its text, where each key is, and its dose.
#[derive(Debug, Clone)]
pub struct Read {
    pub file: ExerciseFile,
    pub src: Source,
    pub spans: Spans,
    /// The file's own dose, read (when it gives one).
    pub dose: Option<Dose>,
}

/// Reads the exercise file at `path`: every problem in it located, its picture
/// checked (inside the project, there, described) and its path made whole.
pub fn read(path: &Path, project: &Project) -> Result<Read, Diagnostics> {
    let src = Source::read(path)?;
    let mut file = serde_yaml::from_str::<ExerciseFile>(&src.text).map_err(|e| {
        let span = e.location().map(|l| token_span(&src.text, l.index()));
        let mut d = humanize(&src.path, &e.to_string()).at(span);
        if d.help.is_none() {
            d = d.help("an exercise file has `name:`, `picture: {src, alt}`, `steps:`, and may have `dose:` and `cautions:`; see library/exercises/wall-push.yaml");
        }
        Diagnostics::one(d).with_source(&src.text)
    })?;
    let spans = Spans::of(&src.text);
    let mut problems = Vec::new();
    let at =
        |key: &str, msg: String, help: &str| Diagnostic::new(&src.path, msg).at(spans.at(key)).help(help);
    if file.name.trim().is_empty() {
        problems.push(at(
            "name",
            "the exercise has no name".into(),
            "write its name after `name:`, e.g. `name: Sit to stand`",
        ));
    }
    if file.steps.is_empty() {
        problems.push(at(
            "steps",
            "the exercise has no steps".into(),
            "list the steps under `steps:`, one a line starting with `- `",
        ));
    }
    for (i, step) in file.steps.iter().enumerate() {
        if step.trim().is_empty() {
            problems.push(
                Diagnostic::new(&src.path, format!("step {} is empty", i + 1))
                    .at(spans.value(&format!("steps.{i}")))
                    .help("write the step, or delete the line"),
            );
        }
    }
    for (i, caution) in file.cautions.iter().enumerate() {
        if caution.trim().is_empty() {
            problems.push(
                Diagnostic::new(&src.path, format!("caution {} is empty", i + 1))
                    .at(spans.value(&format!("cautions.{i}")))
                    .help("write the caution, or delete the line"),
            );
        }
    }
    let dose = match file.dose.as_deref().map(str::parse::<Dose>) {
        None => None,
        Some(Ok(d)) => Some(d),
        Some(Err(e)) => {
            problems.push(
                Diagnostic::new(
                    &src.path,
                    format!(
                        "the dose \"{}\": {e}",
                        file.dose.as_deref().unwrap_or_default().trim()
                    ),
                )
                .at(part_of(&src.text, spans.value("dose"), &e.part))
                .help(format!("write a dose like {DOSE_EXAMPLES}")),
            );
            None
        }
    };
    if let Some(picture) = &mut file.picture {
        if picture.lacks_alt() {
            problems.push(at(
                "picture",
                "the picture has no alt text".into(),
                "add `alt:` saying what the picture shows, for readers who cannot see it",
            ));
        }
        let dir = path.parent().unwrap_or(Path::new("."));
        match project.inside(dir, &picture.src) {
            Ok(whole) if whole.is_file() => picture.src = whole.display().to_string(),
            Ok(_) => problems.push(
                Diagnostic::new(
                    &src.path,
                    format!("the picture \"{}\" does not exist", picture.src),
                )
                .at(spans.value("picture.src"))
                .help(format!(
                    "`src` counts from this file's folder ({}); check the name",
                    project.shown(dir)
                )),
            ),
            Err(message) => problems.push(
                Diagnostic::new(&src.path, message)
                    .at(spans.value("picture.src"))
                    .help("copy the picture into the project folder, or widen it with --root DIR"),
            ),
        }
    }
    Diagnostics::none_or(problems, &src.text)?;
    Ok(Read {
        file,
        src,
        spans,
        dose,
    })
}

/// Where `part` is written inside the node at `node` (the whole node when it is
/// not found there, or when `part` is empty).
pub fn part_of(
    text: &str,
    node: Option<std::ops::Range<usize>>,
    part: &str,
) -> Option<std::ops::Range<usize>> {
    let node = node?;
    let written = text.get(node.clone())?.to_lowercase();
    match written.find(&part.to_lowercase()) {
        Some(i) if !part.is_empty() && written.len() == text[node.clone()].len() => {
            Some(node.start + i..node.start + i + part.len())
        }
        _ => Some(node),
    }
}
