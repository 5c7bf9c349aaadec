//! One patient's plan as an ordinary leaflet, made in memory: the plan template
//! ([`template`]) with its details filled in, the chosen exercises from the
//! project's library ([`library`]) with their doses in words, and a week-by-week
//! tick chart, resolved like any leaflet so that every edition builds it. Nothing
//! here writes a file: the patient's name only ever reaches the PDF's bytes.

pub mod library;
pub mod request;
pub mod sheet;
pub mod template;

use super::parse::Parsed;
use super::project::Project;
use super::spans::Spans;
use super::Resolved;
use crate::base::diag::{did_you_mean, Diagnostic, Diagnostics};
use crate::base::lang::LanguageTag;
use crate::base::source::Source;
use crate::images::cache::Cache;
use crate::model::plan::dose::{Dose, DOSE_EXAMPLES};
use crate::model::plan::words::{PlanWords, PLAN_LANGUAGES};
use crate::model::plan::PlanRequest;
use crate::model::{Block, Callout, Exercise, Table};
use crate::text::markup::in_language;
use std::path::{Path, PathBuf};

/// Where a plan's exercises were asked for: on the command line, or in a plan file
/// (with where each item is written), for locating what is wrong with one.
#[derive(Clone, Copy)]
pub enum Asked<'a> {
    CommandLine,
    File { src: &'a Source, spans: &'a Spans },
}

/// A plan made into a leaflet: the template's source (for messages), the leaflet
/// resolved, and what did not stop it (a translation missing).
pub struct Opened {
    pub src: Source,
    pub resolved: Resolved,
    pub warnings: Vec<Diagnostic>,
}

/// The file a plan asked for on the command line opens its project by: the
/// nearest leafpress.yaml in `dir` or above, else a name in `dir` (no project).
pub fn project_anchor(dir: &Path) -> PathBuf {
    dir.ancestors()
        .map(|d| d.join(crate::model::project::FILE))
        .find(|f| f.is_file())
        .unwrap_or_else(|| dir.join(crate::model::project::FILE))
}

/// Makes the plan's leaflet: every unknown id and unreadable dose reported at once
/// (each in its own file's terms), then the template filled and resolved.
pub fn open(
    request: &PlanRequest,
    asked: Asked,
    anchor: &Path,
    root: Option<&Path>,
    cache: &Cache,
) -> Result<Opened, Vec<Diagnostics>> {
    let project = Project::open(anchor, root).map_err(|d| vec![d])?;
    let language = request
        .language
        .clone()
        .or_else(|| project.defaults.language.clone())
        .unwrap_or_default();
    let primary = language
        .as_str()
        .split('-')
        .next()
        .unwrap_or("en")
        .to_ascii_lowercase();
    let dir = library::folder(&project);
    let ids = library::ids(&dir);
    if ids.is_empty() {
        return Err(vec![Diagnostics::one(
            Diagnostic::new(&dir, "there are no exercises here to make a plan from")
                .help("put one file per exercise in the exercises/ folder beside leafpress.yaml, named by its id (exercises/wall-push.yaml); library/exercises/ in leafpress's source has six to copy"),
        )]);
    }
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let mut chosen = Vec::new();
    for (i, item) in request.items.iter().enumerate() {
        // Only an id the folder lists: `../notes` names no exercise, and no file
        // outside exercises/ is read for one.
        let path = ids
            .contains(&item.id)
            .then(|| library::file_of(&dir, &item.id))
            .flatten();
        let Some(path) = path else {
            let names: Vec<&str> = ids.iter().map(String::as_str).collect();
            let help = match did_you_mean(&item.id, &names) {
                Some(s) => format!("did you mean \"{s}\"? (the exercises are {})", names.join(", ")),
                None => format!("the exercises are {}", names.join(", ")),
            };
            problems.push(item_problem(
                asked,
                i,
                &item.id,
                format!("there is no exercise \"{}\" in {}", item.id, project.shown(&dir)),
                help,
            ));
            continue;
        };
        let english = match library::read(&path, &project) {
            Ok(r) => r,
            Err(d) => {
                problems.push(d);
                continue;
            }
        };
        let dose = match item.dose.as_deref() {
            Some(written) => match written.parse::<Dose>() {
                Ok(d) => d,
                Err(e) => {
                    problems.push(dose_problem(asked, i, &item.id, written, &e));
                    continue;
                }
            },
            None => match english.dose {
                Some(d) => d,
                None => {
                    problems.push(item_problem(
                        asked,
                        i,
                        &item.id,
                        format!("\"{}\" has no usual dose, and the plan gives none", item.id),
                        format!(
                            "give one (`{}=10x2/day`), or add `dose: 10x2/day` to {}",
                            item.id,
                            project.shown(&path)
                        ),
                    ));
                    continue;
                }
            },
        };
        let (text, text_language) = match translation(&dir, &language, &primary, &item.id) {
            None if primary == "en" => (english, "en".to_string()),
            None => {
                warnings.push(
                    Diagnostic::new(
                        &path,
                        format!(
                            "\"{}\" has no {} translation, so it is printed in English",
                            item.id, language
                        ),
                    )
                    .help(format!(
                        "add exercises/{primary}/{}.yaml, with the same keys",
                        item.id
                    ))
                    .warning(),
                );
                (english, "en".to_string())
            }
            Some(file) => match library::read(&file, &project) {
                Ok(r) => (r, language.as_str().to_string()),
                Err(d) => {
                    problems.push(d);
                    continue;
                }
            },
        };
        chosen.push((text, text_language, dose));
    }
    let (src, parsed, own_template) = template::choose(&project, &primary).map_err(|d| {
        problems.push(d);
        std::mem::take(&mut problems)
    })?;
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut leaflet = parsed.leaflet;
    // The language's own template is in it (whether or not it says so); another
    // keeps its own language, and the exercises in the one asked for are marked so.
    if own_template {
        leaflet.language = language.clone();
    } else if primary != "en" {
        warnings.push(
            Diagnostic::new(
                &src.path,
                format!("there is no plan template in {language}, so the first page is in English"),
            )
            .help(format!(
                "add {} beside leafpress.yaml: a copy of the English template, translated (see the README)",
                template::file_name(Some(&primary))
            ))
            .warning(),
        );
    }
    let words = PlanWords::for_language(leaflet.language.as_str());
    let leaflet_primary = leaflet
        .language
        .as_str()
        .split('-')
        .next()
        .unwrap_or("en")
        .to_ascii_lowercase();
    // Text in another language than the leaflet's is marked so, for screen readers.
    let marked = |text: String, lang: &str| {
        let primary = lang.split('-').next().unwrap_or(lang);
        if primary.eq_ignore_ascii_case(&leaflet_primary) {
            text
        } else {
            in_language(&text, lang)
        }
    };
    if words.language != leaflet_primary {
        warnings.push(
            Diagnostic::new(
                &src.path,
                format!(
                    "the plan's own words (doses, the tick chart) are in English: leafpress has them in {}",
                    PLAN_LANGUAGES.join(", ")
                ),
            )
            .help("ask for them to be added (src/model/plan/words.rs), or use the English words' language in the template")
            .warning(),
        );
    }
    let start = request.start;
    let first = time::Date::from_calendar_date(
        i32::from(start.year),
        time::Month::try_from(start.month).unwrap_or(time::Month::January),
        start.day.unwrap_or(1),
    )
    .map_err(|e| {
        vec![Diagnostics::one(
            Diagnostic::new(
                &src.path,
                format!("the start, {}, is not a day: {e}", start.iso()),
            )
            .help("write the first day as YYYY-MM-DD"),
        )]
    })?;
    let last = first + time::Duration::days(i64::from(request.weeks) * 7 - 1);
    let date = |d: time::Date| words.date(d.year(), u8::from(d.month()), d.day());
    let values = [
        ("patient", Some(escape(&request.patient))),
        ("clinician", request.clinician.as_deref().map(escape)),
        ("start", Some(date(first))),
        ("end", Some(date(last))),
        ("weeks", Some(request.weeks.to_string())),
    ];
    leaflet.title = template::fill(&leaflet.title, &values).unwrap_or_default();
    leaflet.subtitle = leaflet.subtitle.and_then(|s| template::fill(&s, &values));
    leaflet.footer = leaflet.footer.and_then(|s| template::fill(&s, &values));
    let mut blocks = Vec::new();
    for mut block in std::mem::take(&mut leaflet.blocks) {
        match &block {
            Block::Paragraph(p) if p == template::EXERCISES => {
                for (read, lang, dose) in &chosen {
                    let f = &read.file;
                    let mark = |t: &String| marked(t.clone(), lang);
                    blocks.push(Block::Exercise(Exercise {
                        title: mark(&f.name),
                        image: f.picture.clone().map(|mut p| {
                            p.alt = p.alt.map(|a| marked(a, lang));
                            p
                        }),
                        steps: f.steps.iter().map(mark).collect(),
                        repeat: Some(marked(dose.words(&words), words.language)),
                    }));
                    if !f.cautions.is_empty() {
                        blocks.push(Block::Callout(Callout {
                            title: Some(marked(words.take_care.clone(), words.language)),
                            text: marked(f.cautions.join(" "), lang),
                        }));
                    }
                }
            }
            Block::Paragraph(p) if p == template::CHART => blocks.push(chart(&words, first, request.weeks)),
            _ => {
                let mut complete = true;
                for text in template::texts_mut(&mut block) {
                    match template::fill(text, &values) {
                        Some(filled) => *text = filled,
                        None => complete = false,
                    }
                }
                if complete {
                    blocks.push(block);
                }
            }
        }
    }
    leaflet.blocks = blocks;
    // The generated leaflet has no text of its own to point into: its problems were
    // located in the template and the exercise files above.
    let parsed = Parsed {
        leaflet,
        spans: Spans::default(),
        warnings: parsed.warnings,
    };
    let resolved = super::resolve(&src, parsed, &project, cache).map_err(|d| vec![d])?;
    Ok(Opened {
        src,
        resolved,
        warnings,
    })
}

/// The translation of exercise `id` into `language`: `exercises/ur-PK/ID.yaml`,
/// else `exercises/ur/ID.yaml`.
fn translation(dir: &Path, language: &LanguageTag, primary: &str, id: &str) -> Option<PathBuf> {
    [language.as_str(), primary]
        .iter()
        .filter(|l| !l.eq_ignore_ascii_case("en"))
        .find_map(|l| library::file_of(&dir.join(l), id))
}

/// The tick chart: a row a week (from its first day), a column a day of the week,
/// starting on the plan's first day, each cell a box to tick.
fn chart(words: &PlanWords, first: time::Date, weeks: u8) -> Block {
    let weekday = usize::from(first.weekday().number_days_from_monday());
    let mut header = vec![words.week_header.clone()];
    header.extend((0..7).map(|d| words.days[(weekday + d) % 7].to_string()));
    let rows = (0..weeks)
        .map(|w| {
            let day = first + time::Duration::days(i64::from(w) * 7);
            let label = format!(
                "{} ({})",
                words.week.replace("{n}", &(w + 1).to_string()),
                words.short_date(u8::from(day.month()), day.day())
            );
            std::iter::once(label)
                .chain((0..7).map(|_| String::new()))
                .collect()
        })
        .collect();
    Block::Table(Table {
        caption: Some(words.chart_caption.clone()),
        header,
        rows,
    })
}

/// A name as text, its markup characters escaped so it prints as typed.
fn escape(name: &str) -> String {
    crate::text::markup::escape(name.trim())
}

/// A problem with the `i`th exercise asked for, where it was asked.
fn item_problem(asked: Asked, i: usize, id: &str, message: String, help: String) -> Diagnostics {
    match asked {
        Asked::CommandLine => {
            Diagnostics::one(Diagnostic::new(Path::new(&format!("--exercise {id}")), message).help(help))
        }
        Asked::File { src, spans } => Diagnostics::one(
            Diagnostic::new(&src.path, message)
                .at(spans.head(&format!("exercises.{i}")))
                .help(help),
        )
        .with_source(&src.text),
    }
}

/// A dose that cannot be read, pointing at the part at fault.
fn dose_problem(
    asked: Asked,
    i: usize,
    id: &str,
    written: &str,
    e: &crate::model::plan::dose::DoseError,
) -> Diagnostics {
    let message = format!("the dose of \"{id}\", \"{}\": {e}", written.trim());
    let help = format!("write a dose like {DOSE_EXAMPLES}");
    match asked {
        Asked::CommandLine => Diagnostics::one(
            Diagnostic::new(Path::new(&format!("--exercise {id}={}", written.trim())), message).help(help),
        ),
        Asked::File { src, spans } => {
            let node = spans
                .value(&format!("exercises.{i}.{id}"))
                .or_else(|| spans.value(&format!("exercises.{i}")));
            Diagnostics::one(
                Diagnostic::new(&src.path, message)
                    .at(library::part_of(&src.text, node, &e.part))
                    .help(help),
            )
            .with_source(&src.text)
        }
    }
}
