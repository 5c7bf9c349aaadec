//! The plan template: an ordinary leaflet (the project's `plan-template.yaml`, or
//! one built in) whose texts name the plan's details (`{patient}`, `{start}`…) and
//! whose `- paragraph: "{exercises}"` and `- paragraph: "{chart}"` mark where the
//! exercises and the tick chart go.

use super::super::parse::{parse_all, Parsed};
use super::super::project::Project;
use crate::base::diag::{Diagnostic, Diagnostics};
use crate::base::source::Source;
use crate::model::Block;
use std::path::PathBuf;

/// The details a template's texts may name.
pub const PLACEHOLDERS: &[&str] = &["patient", "clinician", "start", "end", "weeks"];
/// The paragraphs that stand for the plan's generated parts.
pub const EXERCISES: &str = "{exercises}";
pub const CHART: &str = "{chart}";

const BUILT_IN: &[(&str, &str)] = &[
    ("en", include_str!("templates/en.yaml")),
    ("ur", include_str!("templates/ur.yaml")),
    ("ar", include_str!("templates/ar.yaml")),
];

/// The template file's name in a project, for a language (`plan-template.ur.yaml`)
/// or for every other (`plan-template.yaml`).
pub fn file_name(language: Option<&str>) -> String {
    match language {
        Some(l) => format!("plan-template.{l}.yaml"),
        None => "plan-template.yaml".into(),
    }
}

/// The template for a plan in `language` (its primary subtag), the first of: the
/// project's `plan-template.LANG.yaml`; its `plan-template.yaml` when that is in the
/// language; the built-in one for the language; the project's `plan-template.yaml`
/// in its own language; the built-in English one. Read and parsed with every problem
/// located; with whether it is in the language asked for.
pub fn choose(project: &Project, language: &str) -> Result<(Source, Parsed, bool), Diagnostics> {
    let home = super::library::relative(&project.home());
    let in_project = |name: String| Some(home.join(name)).filter(|p| p.is_file());
    let built_in = |l: &str| {
        BUILT_IN
            .iter()
            .find(|(tag, _)| *tag == l)
            .map(|(tag, text)| Source {
                // Never a file: a name for messages, in no folder.
                path: PathBuf::from(format!("(the built-in {tag} plan template)")),
                text: text.to_string(),
            })
    };
    if let Some(path) = in_project(file_name(Some(language))) {
        let src = Source::read(&path)?;
        let parsed = read(project, &src)?;
        return Ok((src, parsed, true));
    }
    let generic = match in_project(file_name(None)) {
        Some(path) => {
            let src = Source::read(&path)?;
            let parsed = read(project, &src)?;
            let primary = parsed.leaflet.language.as_str().split('-').next().unwrap_or("");
            let in_language = primary.eq_ignore_ascii_case(language);
            if in_language || built_in(language).is_none() {
                return Ok((src, parsed, in_language));
            }
            Some((src, parsed))
        }
        None => None,
    };
    match built_in(language) {
        Some(src) => {
            let parsed = read(project, &src)?;
            Ok((src, parsed, true))
        }
        None => match generic {
            Some((src, parsed)) => Ok((src, parsed, false)),
            None => {
                let src = built_in("en").expect("English is built in");
                let parsed = read(project, &src)?;
                Ok((src, parsed, language == "en"))
            }
        },
    }
}

/// A template parsed, in its project, and checked.
fn read(project: &Project, src: &Source) -> Result<Parsed, Diagnostics> {
    let mut parsed = parse_all(src)?;
    if project.source.is_some() {
        project.apply_defaults(&mut parsed.leaflet, &parsed.spans);
        // A plan is one patient's, not a published leaflet: the project's "About
        // this leaflet" details (a page of their own) are for its leaflets, unless
        // the template writes them itself.
        let l = &mut parsed.leaflet;
        let own = |key: &str| parsed.spans.has(key);
        if !own("published") {
            l.published = None;
        }
        if !own("review") {
            l.review = None;
        }
        if !own("reference") {
            l.reference = None;
        }
        if !own("feedback") {
            l.feedback = None;
        }
        if !own("sources") {
            l.sources.clear();
        }
    }
    check(src, &parsed)?;
    Ok(parsed)
}

/// Every `{name}` in a template's texts is one it can fill, and the exercises have
/// their place.
fn check(src: &Source, parsed: &Parsed) -> Result<(), Diagnostics> {
    let mut problems = Vec::new();
    let l = &parsed.leaflet;
    let mut texts: Vec<(String, &str)> = vec![("title".into(), l.title.as_str())];
    texts.extend(l.subtitle.iter().map(|s| ("subtitle".into(), s.as_str())));
    texts.extend(l.footer.iter().map(|s| ("footer".into(), s.as_str())));
    for (i, b) in l.blocks.iter().enumerate() {
        texts.extend(b.texts().into_iter().map(|t| (format!("blocks.{i}"), t)));
    }
    for (at, text) in &texts {
        if *text == EXERCISES || *text == CHART {
            continue;
        }
        for name in names(text) {
            if !PLACEHOLDERS.contains(&name) {
                let help = match crate::base::diag::did_you_mean(name, PLACEHOLDERS) {
                    Some(s) => format!("did you mean {{{s}}}?"),
                    None => format!(
                        "a plan template can name {} ({{exercises}} and {{chart}} as a paragraph of their own)",
                        PLACEHOLDERS.iter().map(|p| format!("{{{p}}}")).collect::<Vec<_>>().join(", ")
                    ),
                };
                problems.push(
                    Diagnostic::new(
                        &src.path,
                        format!("the plan template names {{{name}}}, which a plan does not have"),
                    )
                    .at(super::library::part_of(
                        &src.text,
                        parsed.spans.value(at),
                        &format!("{{{name}}}"),
                    ))
                    .help(help),
                );
            }
        }
    }
    if !l
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Paragraph(p) if p == EXERCISES))
    {
        problems.push(
            Diagnostic::new(&src.path, "the plan template has no place for the exercises")
                .at(parsed.spans.key("blocks"))
                .help("add `- paragraph: \"{exercises}\"` where the exercises go (and `- paragraph: \"{chart}\"` for the tick chart)"),
        );
    }
    Diagnostics::none_or(problems, &src.text)
}

/// The `{name}`s in a text: letters and `_` only, so `[Polski]{lang=pl}` is not one.
pub fn names(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close)
                if close > 0 && after[..close].chars().all(|c| c.is_ascii_lowercase() || c == '_') =>
            {
                out.push(&after[..close]);
                rest = &after[close + 1..];
            }
            _ => rest = after,
        }
    }
    out
}

/// `text` with each `{name}` filled from `values`; None when it names one the plan
/// does not give (that text, and its block, is left out).
pub fn fill(text: &str, values: &[(&str, Option<String>)]) -> Option<String> {
    let mut out = text.to_string();
    for name in names(text) {
        let value = values.iter().find(|(n, _)| *n == name)?.1.as_deref()?;
        out = out.replace(&format!("{{{name}}}"), value);
    }
    Some(out)
}

/// Every text of a block, to fill in place.
pub fn texts_mut(block: &mut Block) -> Vec<&mut String> {
    match block {
        Block::Heading(t) | Block::Subheading(t) | Block::Paragraph(t) => vec![t],
        Block::Bullets(items) | Block::Numbered(items) | Block::Checklist(items) | Block::WriteIn(items) => {
            items.iter_mut().collect()
        }
        Block::Quote(q) => std::iter::once(&mut q.text).chain(q.by.as_mut()).collect(),
        Block::Callout(c) => c.title.as_mut().into_iter().chain([&mut c.text]).collect(),
        Block::Image(i) => i.caption.as_mut().into_iter().collect(),
        Block::Faq(entries) => entries.iter_mut().flat_map(|e| [&mut e.q, &mut e.a]).collect(),
        Block::Contact(c) => [
            &mut c.name,
            &mut c.phone,
            &mut c.email,
            &mut c.web,
            &mut c.address,
        ]
        .into_iter()
        .filter_map(Option::as_mut)
        .collect(),
        Block::Qr(q) => q.caption.as_mut().into_iter().collect(),
        Block::Exercise(e) => std::iter::once(&mut e.title)
            .chain(e.steps.iter_mut())
            .chain(e.repeat.as_mut())
            .collect(),
        Block::Table(t) => t
            .caption
            .as_mut()
            .into_iter()
            .chain(t.header.iter_mut())
            .chain(t.rows.iter_mut().flatten())
            .collect(),
        Block::Urgent(u) => std::iter::once(&mut u.title)
            .chain(u.items.iter_mut())
            .chain(u.text.as_mut())
            .collect(),
        Block::PageBreak => Vec::new(),
    }
}
