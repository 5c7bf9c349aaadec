//! `check --format json`: one object for the whole run, with field names that stay
//! put (the README documents them; `version` changes if they ever must).

use super::{figures, position, summary};
use crate::base::diag::{Diagnostics, Level};
use crate::review::plain::readability::Counts;
use crate::review::plain::Review;
use serde_json::{json, Value};

pub const VERSION: u32 = 1;

/// The figures of one text (leaflet or section).
fn readability(c: &Counts) -> Value {
    let round = |v: Option<f32>| v.map(|v| (v * 10.0).round() / 10.0);
    json!({
        "sentences": c.sentences,
        "words": c.words,
        "syllables": c.syllables,
        "polysyllables": c.polysyllables,
        "phrases": c.phrases,
        "flesch_kincaid_grade": round(c.flesch_kincaid()),
        "flesch_reading_ease": round(c.reading_ease()),
        "smog_grade": round(c.smog()),
        "reading_age": round(c.reading_age().map(|a| a.0)),
        "reading_age_by": c.reading_age().map(|a| a.1),
    })
}

fn level(l: Level) -> &'static str {
    l.name()
}

/// One reviewed leaflet.
pub fn leaflet(r: &Review) -> Value {
    let findings: Vec<Value> = r
        .findings
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let (line, column) = position(r, f).map_or((None, None), |(l, c)| (Some(l), Some(c)));
            let end = f.span.as_ref().and_then(|s| {
                crate::base::diag::Diagnostic::new(&r.file, "")
                    .at(Some(s.end..s.end))
                    .line_col(&r.source)
            });
            json!({
                "id": format!("f{}", i + 1),
                "rule": f.rule,
                "severity": level(f.level),
                "message": f.message,
                "fix": f.fix,
                "text": f.text,
                "file": r.file.display().to_string(),
                "line": line,
                "column": column,
                "end_line": end.map(|e| e.0),
                "end_column": end.map(|e| e.1),
                "section": r.section_of(f).map(|s| r.prose.sections[s].title.clone()),
                "page": f.page.map(|p| p + 1),
            })
        })
        .collect();
    let sections: Vec<Value> = r
        .sections
        .iter()
        .map(|s| {
            let mut v = readability(&s.counts);
            v["title"] = json!(s.title);
            v
        })
        .collect();
    json!({
        "file": r.file.display().to_string(),
        "title": r.title,
        "language": r.language,
        "pages": r.pages,
        "summary": summary(r),
        "readability": {
            "estimate": true,
            "note": figures(r),
            "aim": r.aim,
            "checked": r.english,
            "whole": readability(&r.whole),
            "sections": sections,
        },
        "counts": {
            "error": r.count(Level::Error),
            "warning": r.count(Level::Warning),
            "note": r.count(Level::Note),
        },
        "findings": findings,
    })
}

/// A leaflet that could not be checked (it does not load or lay out).
pub fn failed(d: &Diagnostics) -> Value {
    let problems: Vec<Value> = d
        .items
        .iter()
        .map(|i| {
            let lc = d.source.as_deref().and_then(|s| i.line_col(s));
            json!({
                "file": i.file.display().to_string(),
                "severity": level(i.level),
                "message": i.message,
                "fix": i.help,
                "line": lc.map(|x| x.0),
                "column": lc.map(|x| x.1),
            })
        })
        .collect();
    json!({ "file": d.items.first().map(|i| i.file.display().to_string()), "problems": problems })
}

/// The whole run.
pub fn document(reviews: &[Review], failures: &[Diagnostics]) -> Value {
    json!({
        "version": VERSION,
        "tool": format!("leafpress {}", env!("CARGO_PKG_VERSION")),
        "leaflets": reviews.iter().map(leaflet).collect::<Vec<_>>(),
        "failed": failures.iter().map(failed).collect::<Vec<_>>(),
    })
}
