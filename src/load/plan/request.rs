//! A plan file (`leafpress plan plans/khan.yaml`) read into a [`PlanRequest`], with
//! every problem located; and the checks a plan from the command line shares.

use super::super::parse::{humanize, token_span};
use super::super::spans::Spans;
use crate::base::diag::{Diagnostic, Diagnostics};
use crate::base::source::Source;
use crate::model::plan::{PlanFile, PlanRequest, DEFAULT_WEEKS, MAX_WEEKS};
use crate::model::Date;
use std::path::Path;

/// A patient's name longer than this is not a name (bounded text on the page).
pub const MAX_NAME: usize = 100;

/// What is wrong with a patient's (or clinician's) name, if anything.
pub fn name_problem(name: &str, what: &str) -> Option<String> {
    if name.trim().is_empty() {
        Some(format!("the {what}'s name is empty"))
    } else if name.chars().any(char::is_control) {
        Some(format!(
            "the {what}'s name holds a control character, which prints as nothing"
        ))
    } else if name.chars().count() > MAX_NAME {
        Some(format!("the {what}'s name is longer than {MAX_NAME} characters"))
    } else {
        None
    }
}

/// What is wrong with a plan's first day or length, if anything.
pub fn start_problem(start: Date) -> Option<String> {
    start
        .day
        .is_none()
        .then(|| format!("the start, {}, is a month, not a day", start.iso()))
}

pub fn weeks_problem(weeks: u8) -> Option<String> {
    (!(1..=MAX_WEEKS).contains(&weeks))
        .then(|| format!("a plan runs for 1 to {MAX_WEEKS} weeks, not {weeks}"))
}

/// Reads the plan file at `path`: the request, the file, and where each key is.
pub fn read(path: &Path, today: Date) -> Result<(PlanRequest, Source, Spans), Diagnostics> {
    let src = Source::read(path)?;
    let file = serde_yaml::from_str::<PlanFile>(&src.text).map_err(|e| {
        let span = e.location().map(|l| token_span(&src.text, l.index()));
        let mut d = humanize(&src.path, &e.to_string()).at(span);
        if d.help.is_none() {
            d = d.help("a plan file has `patient:`, `exercises:` (one `- id: dose` a line) and may have `clinician:`, `start:`, `weeks:` and `language:`");
        }
        Diagnostics::one(d).with_source(&src.text)
    })?;
    let spans = Spans::of(&src.text);
    let mut problems = Vec::new();
    let at =
        |key: &str, msg: String, help: &str| Diagnostic::new(&src.path, msg).at(spans.value(key)).help(help);
    if let Some(p) = name_problem(&file.patient, "patient") {
        problems.push(at("patient", p, "write the patient's name after `patient:`"));
    }
    if let Some(p) = file
        .clinician
        .as_deref()
        .and_then(|c| name_problem(c, "clinician"))
    {
        problems.push(at(
            "clinician",
            p,
            "write your name after `clinician:`, or delete the line",
        ));
    }
    if let Some(p) = file.start.and_then(start_problem) {
        problems.push(at(
            "start",
            p,
            "write the first day as YYYY-MM-DD, e.g. `start: 2026-12-07`",
        ));
    }
    if let Some(p) = file.weeks.and_then(weeks_problem) {
        problems.push(at(
            "weeks",
            p,
            "write how many weeks the tick chart covers, e.g. `weeks: 6`",
        ));
    }
    if file.exercises.is_empty() {
        problems.push(at(
            "exercises",
            "the plan has no exercises".into(),
            "list them under `exercises:`, one a line: `- wall-push: 10x2/day`",
        ));
    }
    Diagnostics::none_or(problems, &src.text)?;
    let request = PlanRequest {
        patient: file.patient.trim().to_string(),
        clinician: file.clinician.map(|c| c.trim().to_string()),
        start: file.start.unwrap_or(today),
        weeks: file.weeks.unwrap_or(DEFAULT_WEEKS),
        language: file.language,
        items: file.exercises,
    };
    Ok((request, src, spans))
}
