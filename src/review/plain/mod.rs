//! The plain-language and clear-print review (`leafpress check`).
//!
//! It reads the leaflet as a reader meets it ([`prose`]: headings, paragraphs, list
//! items, captions, each with its block) and as it is printed (the laid-out
//! [`crate::layout::Document`]: sizes, colours, placed images), so it can say what a
//! prose linter cannot: that a list item is a phrase and not a sentence, that a
//! caption is 11 pt, that a heading colour is faint on its box. Each finding has a
//! rule id, a level, the text and, where the YAML can be searched, its place.
//!
//! Readability figures are estimates (the NHS recommends tools only to help
//! prioritise); they are counted as textstat counts, on sentences only.

pub mod language;
pub mod print;
pub mod prose;
pub mod readability;
pub mod syllables;
pub mod words;

use crate::base::diag::{Diagnostic, Diagnostics, Level};
use crate::base::source::Source;
use crate::layout::Document;
use crate::load::Resolved;
pub use crate::model::rules::{rule_info, Rule, RuleId, RULES};
use crate::model::theme::Theme;
use prose::Prose;
use readability::Counts;
use std::ops::Range;
use std::path::PathBuf;

/// One thing the review found.
#[derive(Debug, Clone)]
pub struct Finding {
    pub rule: RuleId,
    pub level: Level,
    pub message: String,
    /// What to write instead, or what to do.
    pub fix: Option<String>,
    /// The text found (a sentence, a word, a caption), as printed.
    pub text: String,
    /// The unit of [`Review::prose`] it is in, and where in that unit's text.
    pub unit: Option<usize>,
    pub at: Option<Range<usize>>,
    /// The content block, when the finding belongs to one.
    pub block: Option<usize>,
    /// Where in the YAML, when it could be found.
    pub span: Option<Range<usize>>,
    /// The page it is on, for layout findings.
    pub page: Option<usize>,
}

impl Finding {
    pub fn new(rule: RuleId, message: impl Into<String>) -> Finding {
        Finding {
            rule,
            level: rule.info().level,
            message: message.into(),
            fix: None,
            text: String::new(),
            unit: None,
            at: None,
            block: None,
            span: None,
            page: None,
        }
    }

    pub fn fix(mut self, fix: impl Into<String>) -> Self {
        self.fix = Some(fix.into());
        self
    }

    /// In `unit`, at `at` in its text.
    pub fn in_unit(mut self, prose: &Prose, unit: usize, at: Range<usize>) -> Self {
        let u = &prose.units[unit];
        self.text = u.text.get(at.clone()).unwrap_or_default().to_string();
        self.block = u.block;
        self.unit = Some(unit);
        self.at = Some(at);
        self
    }

    pub fn level(mut self, level: Level) -> Self {
        self.level = level;
        self
    }
}

/// Readability of the whole leaflet or one section.
#[derive(Debug, Clone)]
pub struct SectionFigures {
    pub title: String,
    pub block: Option<usize>,
    pub counts: Counts,
}

/// Everything `check` found in one leaflet.
#[derive(Debug, Clone)]
pub struct Review {
    pub file: PathBuf,
    pub source: String,
    pub title: String,
    pub language: String,
    /// False when the leaflet is not in English: the language rules and readability
    /// formulas are English-only, and are left out rather than guessed.
    pub english: bool,
    pub aim: f32,
    pub whole: Counts,
    pub sections: Vec<SectionFigures>,
    pub findings: Vec<Finding>,
    pub prose: Prose,
    pub pages: usize,
}

/// Reviews a leaflet: the build's own warnings (`lint`), then language and print.
pub fn review(
    src: &Source,
    doc: &Resolved,
    layout: &Document,
    warnings: &Diagnostics,
    theme: &Theme,
) -> Review {
    let prose = prose::extract_with(doc, &theme.labels_for(&doc.leaflet.language));
    let english = doc.leaflet.language.to_ascii_lowercase().starts_with("en");
    let aim = doc.check.reading_age.unwrap_or(11.0);
    let lang = language::Language::new(&prose, english);
    let mut findings: Vec<Finding> = warnings.items.iter().map(from_lint).collect();
    let mut sections = Vec::new();
    let mut whole = Counts::default();
    if english {
        for s in &prose.sections {
            let counts = lang.counts(s.units.clone());
            whole.merge(&counts);
            sections.push(SectionFigures {
                title: s.title.clone(),
                block: s.block,
                counts,
            });
        }
        findings.extend(lang.findings(doc, &sections, &whole, aim));
    }
    findings.extend(print::findings(doc, layout, &prose, theme));
    let mut r = Review {
        file: src.path.clone(),
        source: src.text.clone(),
        title: crate::text::plain_text(&doc.leaflet.title),
        language: doc.leaflet.language.to_string(),
        english,
        aim,
        whole,
        sections,
        findings,
        prose,
        pages: layout.pages.len(),
    };
    settle(&mut r, src, doc);
    r
}

/// A build warning as a finding of its rule.
fn from_lint(d: &Diagnostic) -> Finding {
    // Build warnings name their rule by id; those with none are the `content` rule's.
    let rule = d.rule.and_then(RuleId::named).unwrap_or(RuleId::Content);
    let mut f = Finding::new(rule, d.message.clone());
    f.level = d.level;
    f.fix = d.help.clone();
    f.span = d.span.clone();
    f
}

/// Locates each finding in the YAML, applies the project's levels and the blocks'
/// `# leafpress: allow` comments, and orders them: by section, worst first.
fn settle(r: &mut Review, src: &Source, doc: &Resolved) {
    let starts: Vec<Option<usize>> = doc
        .block_spans()
        .iter()
        .map(|s| s.as_ref().map(|s| s.start))
        .collect();
    let allowed: Vec<Vec<String>> = starts
        .iter()
        .map(|s| s.map(|s| allows(&src.text, s)).unwrap_or_default())
        .collect();
    let settings = &doc.check;
    let units = &r.prose.units;
    r.findings.retain_mut(|f| {
        if f.span.is_none() {
            // Text is looked for from where its unit is written (a table's row, the
            // `feedback:` key), else from its block.
            let start = match f.unit {
                Some(u) => units[u].start,
                None => f.block.and_then(|b| starts.get(b).copied().flatten()),
            };
            f.span = match (start, f.text.is_empty()) {
                (Some(s), false) => prose::locate(&src.text, s, &f.text).or(Some(s..s)),
                (Some(s), true) => Some(s..s),
                _ => None,
            };
        }
        if let Some(b) = f.block {
            if allowed
                .get(b)
                .is_some_and(|a| a.iter().any(|id| id == f.rule.id() || id == "all"))
            {
                return false;
            }
        }
        match settings.rules.get(f.rule.id()).map(|l| l.level()) {
            Some(None) => false,
            Some(Some(level)) => {
                f.level = level;
                true
            }
            None => true,
        }
    });
    let findings = std::mem::take(&mut r.findings);
    let mut keyed: Vec<(Option<usize>, Level, usize, Finding)> = findings
        .into_iter()
        .map(|f| {
            (
                r.section_of(&f),
                f.level,
                f.span.as_ref().map_or(0, |s| s.start),
                f,
            )
        })
        .collect();
    // Leaflet-wide findings first, then section by section; worst first in each.
    keyed.sort_by_key(|k| (k.0, k.1, k.2));
    r.findings = keyed.into_iter().map(|k| k.3).collect();
}

/// The rule ids a `# leafpress: allow long-sentence, passive-voice` comment turns off
/// for the block starting at `start`: on the lines just above it or at the end of
/// its first line.
pub fn allows(text: &str, start: usize) -> Vec<String> {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let mut comments: Vec<&str> = Vec::new();
    if let Some(i) = text[line_start..line_end].find(" #") {
        comments.push(&text[line_start + i + 2..line_end]);
    }
    for line in text[..line_start].lines().rev() {
        match line.trim_start().strip_prefix('#') {
            Some(c) => comments.push(c),
            None => break,
        }
    }
    comments
        .iter()
        .filter_map(|c| c.trim().strip_prefix("leafpress:"))
        .filter_map(|c| c.trim().strip_prefix("allow"))
        .flat_map(|ids| {
            ids.split([',', ' '])
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        })
        .collect()
}

impl Review {
    /// The findings as diagnostics, for the terminal and editors.
    pub fn diagnostics(&self) -> Diagnostics {
        Diagnostics {
            items: self
                .findings
                .iter()
                .map(|f| {
                    let mut d = Diagnostic::new(&self.file, &f.message)
                        .level(f.level)
                        .rule(f.rule.id())
                        .at(f.span.clone());
                    d.help = f.fix.clone();
                    d
                })
                .collect(),
            source: Some(self.source.clone()),
        }
    }

    pub fn count(&self, level: Level) -> usize {
        self.findings.iter().filter(|f| f.level == level).count()
    }

    /// The section a finding is in, if it is in one.
    pub fn section_of(&self, f: &Finding) -> Option<usize> {
        match (f.unit, f.block) {
            (Some(u), _) => Some(self.prose.units[u].section),
            (None, Some(b)) => Some(self.prose.section_of_block(b)),
            _ => None,
        }
    }
}
