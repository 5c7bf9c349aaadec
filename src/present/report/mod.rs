//! How `check` reports a review: a summary line and findings grouped by section for
//! the terminal ([`text`]), stable JSON for scripts ([`json`]), and one
//! self-contained HTML page for people ([`html`]).

pub mod html;
pub mod json;
mod thumbs;

use crate::base::diag::Level;
use crate::model::rules::RuleId;
use crate::review::plain::{Finding, Review};
use std::fmt::Write;

/// What each rule's findings are called in the summary line (singular, plural).
fn noun(rule: &str) -> (&'static str, &'static str) {
    match rule {
        "long-sentence" => ("long sentence", "long sentences"),
        "long-paragraph" => ("long paragraph", "long paragraphs"),
        "passive-voice" => ("passive verb", "passive verbs"),
        "plain-words" => ("hard word", "hard words"),
        "medical-term" => ("unexplained medical term", "unexplained medical terms"),
        "acronym" => ("acronym not spelled out", "acronyms not spelled out"),
        "capitals" => ("run of capitals", "runs of capitals"),
        "emphasis" => ("sentence in bold or italics", "sentences in bold or italics"),
        "long-list" => ("long list", "long lists"),
        "long-section" => (
            "long stretch without a heading",
            "long stretches without a heading",
        ),
        "small-text" => ("kind of text under 12 pt", "kinds of text under 12 pt"),
        "contrast" => ("faint text colour", "faint text colours"),
        "image-resolution" => ("image too coarse for print", "images too coarse for print"),
        "alt-text" => ("weak alt text", "weak alt texts"),
        "link-text" => ("vague link", "vague links"),
        "url-link-text" => ("address as link text", "addresses as link text"),
        "content" => ("content warning", "content warnings"),
        _ => ("other finding", "other findings"),
    }
}

/// "Reading age about 14 (aim for 9–11): 6 long sentences, 3 hard words, 1 image too
/// coarse for print".
pub fn summary(r: &Review) -> String {
    let mut s = match (r.english, r.whole.reading_age()) {
        (true, Some((age, _))) => format!("Reading age about {age:.0} (aim for 9–{:.0})", r.aim),
        (true, None) => "Too little running text to estimate a reading age".to_string(),
        (false, _) => format!(
            "Language \"{}\": the language checks are English-only; print checks only",
            r.language
        ),
    };
    // Counted rule by rule, in the README's order (the language first).
    let counts: Vec<(&str, usize)> = crate::review::plain::RULES
        .iter()
        .filter(|rule| !matches!(rule.rule, RuleId::ReadingAge | RuleId::SectionReadingAge))
        .map(|rule| (rule.id, r.findings.iter().filter(|f| f.rule == rule.rule).count()))
        .filter(|(_, n)| *n > 0)
        .collect();
    let sentence_rules: Vec<String> = counts
        .iter()
        .filter(|(rule, _)| {
            !matches!(
                *rule,
                "no-you" | "no-action" | "contact" | "review-date" | "bleed-margin"
            )
        })
        .map(|(rule, n)| {
            let (one, many) = noun(rule);
            format!("{n} {}", if *n == 1 { one } else { many })
        })
        .collect();
    let whole: Vec<&str> = [
        RuleId::NoYou,
        RuleId::NoAction,
        RuleId::Contact,
        RuleId::ReviewDate,
    ]
    .iter()
    .filter(|rule| r.findings.iter().any(|f| f.rule == **rule))
    .map(|rule| match *rule {
        RuleId::NoYou => "never says \"you\"",
        RuleId::NoAction => "no action for the reader",
        RuleId::Contact => "no contact details",
        _ => "review date missing or passed",
    })
    .collect();
    let parts: Vec<String> = sentence_rules
        .into_iter()
        .chain(whole.iter().map(|s| s.to_string()))
        .collect();
    if parts.is_empty() {
        s.push_str(": nothing to fix");
    } else {
        let _ = write!(s, ": {}", parts.join(", "));
    }
    s
}

/// The estimates under the summary: every figure, with what it rests on.
pub fn figures(r: &Review) -> Option<String> {
    if !r.english || r.whole.words == 0 {
        return None;
    }
    let c = &r.whole;
    let smog = match c.smog() {
        Some(g) => format!("SMOG grade {g:.1}"),
        None => format!("SMOG needs 30 sentences (has {})", c.sentences),
    };
    Some(format!(
        "estimates from {} sentence{}, {} words{}: {smog}, Flesch–Kincaid grade {:.1}, Flesch Reading Ease {:.0}",
        c.sentences,
        plural(c.sentences as usize),
        c.words,
        match c.phrases {
            0 => String::new(),
            n => format!(" ({n} list phrase{} left out)", plural(n as usize)),
        },
        c.flesch_kincaid().unwrap_or(0.0),
        c.reading_ease().unwrap_or(0.0)
    ))
}

/// The terminal report: summary, figures, then the findings section by section
/// (leaflet-wide ones first), each as `file:line:col: level[rule]: message` with
/// the text found and the fix under it.
pub fn text(r: &Review) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}: {}", r.file.display(), summary(r));
    if let Some(f) = figures(r) {
        let _ = writeln!(out, "  {f}");
    }
    let mut current: Option<Option<usize>> = None;
    // A section's reading age is in its header line.
    for f in r.findings.iter().filter(|f| f.rule != RuleId::SectionReadingAge) {
        let section = r.section_of(f);
        if current != Some(section) {
            current = Some(section);
            let title = match section {
                Some(s) => {
                    let sec = &r.prose.sections[s];
                    let age = r
                        .sections
                        .get(s)
                        .and_then(|x| x.counts.reading_age().filter(|_| x.counts.sentences >= 3))
                        .map(|(a, _)| format!(" (reading age about {a:.0})"))
                        .unwrap_or_default();
                    format!("{}{age}", sec.title)
                }
                None => "The whole leaflet".to_string(),
            };
            let _ = writeln!(out, "\n{title}");
        }
        let place = match f.span.as_ref().and_then(|_| position(r, f)) {
            Some((l, c)) => format!("{}:{l}:{c}", r.file.display()),
            None => r.file.display().to_string(),
        };
        let _ = writeln!(out, "  {place}: {}[{}]: {}", f.level.name(), f.rule, f.message);
        if !f.text.is_empty() && !f.message.contains(&f.text) {
            let t = excerpt(&f.text, 100);
            let quoted = t.starts_with(['“', '"', '‘']);
            let _ = writeln!(
                out,
                "      {}{t}{}",
                if quoted { "" } else { "“" },
                if quoted { "" } else { "”" }
            );
        }
        if let Some(fix) = &f.fix {
            let _ = writeln!(out, "      → {fix}");
        }
    }
    let (e, w, n) = (
        r.count(Level::Error),
        r.count(Level::Warning),
        r.count(Level::Note),
    );
    let _ = writeln!(
        out,
        "\n{}: {e} error{}, {w} warning{}, {n} note{} ({} page{})",
        r.file.display(),
        plural(e),
        plural(w),
        plural(n),
        r.pages,
        plural(r.pages)
    );
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// 1-based line and column of a finding in the YAML.
pub fn position(r: &Review, f: &Finding) -> Option<(usize, usize)> {
    let d = crate::base::diag::Diagnostic::new(&r.file, "").at(f.span.clone());
    d.line_col(&r.source)
}

/// Up to `n` characters, on one line.
pub fn excerpt(s: &str, n: usize) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() <= n {
        one
    } else {
        format!("{}…", one.chars().take(n).collect::<String>().trim_end())
    }
}
