//! leafpress.yaml's settings checked where the model cannot check them: rule ids
//! that exist, a reading age to aim at, editions that can be built, each problem
//! located in the project file; the email draft's words.

use super::spans::Spans;
use crate::base::diag::{did_you_mean, Diagnostic, Diagnostics};
use crate::base::source::Source;
use crate::model::check::CheckSettings;
use crate::model::email::{EmailSettings, TITLE_FIELD};
use crate::model::outputs::Output;

/// Every rule id named must exist, and the reading age must be one a leaflet can
/// aim at: a typo would silently turn nothing off.
pub fn check_settings(settings: &CheckSettings, src: &Source, spans: &Spans) -> Result<(), Diagnostics> {
    let ids: Vec<&str> = crate::model::rules::RULES.iter().map(|r| r.id).collect();
    let mut problems = Vec::new();
    for id in settings.rules.keys() {
        if !ids.contains(&id.as_str()) {
            let help = match did_you_mean(id, &ids) {
                Some(near) => format!("did you mean `{near}`? The rules are listed in docs/rules.md"),
                None => format!("the rules are: {}", ids.join(", ")),
            };
            problems.push(
                Diagnostic::new(&src.path, format!("there is no check rule \"{id}\""))
                    .at(spans.key(&format!("check.rules.{id}")))
                    .help(help),
            );
        }
    }
    if let Some(age) = settings.reading_age {
        if !(7.0..=18.0).contains(&age) {
            problems.push(
                Diagnostic::new(&src.path, format!("a reading age of {age} is not one to aim at"))
                    .at(spans.key("check.reading_age"))
                    .help("NHS guidance aims at 9 to 11 (up to 14 where medical terms make that hard)"),
            );
        }
    }
    Diagnostics::none_or(problems, &src.text)
}

/// What the command line refuses, refused here too, located in leafpress.yaml.
pub fn outputs(outputs: &[Output], src: &Source, spans: &Spans) -> Result<(), Diagnostics> {
    let mut problems = Vec::new();
    // An output is named by its `name:`, or by where it starts.
    let at = |i: usize| {
        let path = format!("outputs.{i}");
        spans.value(&format!("{path}.name")).or_else(|| spans.head(&path))
    };
    for (i, o) in outputs.iter().enumerate() {
        let mut bad = |msg: String, help: &str| {
            problems.push(Diagnostic::new(&src.path, msg).at(at(i)).help(help.to_string()));
        };
        let ok_name = !o.name.is_empty()
            && o.name
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
        if !ok_name {
            bad(
                format!(
                    "output {} is named \"{}\", which cannot be a folder name",
                    i + 1,
                    o.name
                ),
                "use letters, digits, - and _, e.g. `name: print`",
            );
        }
        if outputs[..i].iter().any(|p| p.name == o.name) {
            bad(
                format!("two outputs are named \"{}\"", o.name),
                "give each output its own name: it is the folder its PDFs go in",
            );
        }
        let layouts = [o.booklet, o.trifold, o.bleed.is_some()]
            .iter()
            .filter(|b| **b)
            .count();
        if layouts > 1 {
            bad(
                format!(
                    "output \"{}\" asks for more than one of booklet, trifold and bleed",
                    o.name
                ),
                "choose one: a booklet, a tri-fold, or single pages with bleed",
            );
        }
        if o.trifold && o.large_print.is_some() {
            bad(
                format!("output \"{}\" asks for a large-print tri-fold", o.name),
                "large print goes on A4 pages; make it its own output",
            );
        }
        // A web page has no pages: the paper switches would be dropped unseen.
        let paper = [
            ("booklet", o.booklet),
            ("trifold", o.trifold),
            ("bleed", o.bleed.is_some()),
            ("crop_marks", o.crop_marks),
            ("large_print", o.large_print.is_some()),
            ("fit", o.fit.is_some()),
        ];
        if let (crate::model::outputs::Purpose::Web, Some((key, _))) =
            (o.purpose, paper.iter().find(|(_, on)| *on))
        {
            bad(
                format!("output \"{}\" is for the web, and `{key}` is for paper", o.name),
                "a web page fits any screen: remove it, or make a print output of its own for it",
            );
        }
        if let Some(size) = o.large_print {
            if !(16.0..=24.0).contains(&size) {
                bad(
                    format!("output \"{}\": large print is 16 to 24 pt, not {size}", o.name),
                    "write e.g. `large_print: 16`",
                );
            }
        }
    }
    Diagnostics::none_or(problems, &src.text)
}

/// The draft's words, checked where serde cannot: a subject prefix on one line (a
/// line break would end the Subject header), and no `{…}` field but `{title}`, so a
/// misspelt `{titel}` is not mailed to a patient as written.
pub fn email(settings: &EmailSettings, src: &Source, spans: &Spans) -> Result<(), Diagnostics> {
    let mut problems = Vec::new();
    if let Some(prefix) = &settings.subject_prefix {
        if prefix.contains(['\n', '\r']) {
            problems.push(
                Diagnostic::new(&src.path, "the subject prefix runs over more than one line")
                    .at(spans.value("email.subject_prefix"))
                    .help("write it on one line, e.g. `subject_prefix: \"[secure]\"`"),
            );
        }
    }
    let texts = [
        ("greeting", &settings.greeting),
        ("body", &settings.body),
        ("signature", &settings.signature),
    ];
    for (key, text) in texts {
        let Some(text) = text else { continue };
        let rest = text.replace(TITLE_FIELD, "");
        if let Some(open) = rest.find('{') {
            let field: String = rest[open..]
                .chars()
                .take_while(|c| *c != '}')
                .chain(std::iter::once('}'))
                .collect();
            problems.push(
                Diagnostic::new(
                    &src.path,
                    format!("the email {key} has \"{field}\", which leafpress does not fill in"),
                )
                .at(spans.value(&format!("email.{key}")))
                .help(format!(
                    "write `{TITLE_FIELD}` for the leaflet's title; other text in braces is not allowed"
                )),
            );
        }
    }
    Diagnostics::none_or(problems, &src.text)
}
