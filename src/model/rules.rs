//! The review's rules: each id (as `check: rules:` and `# leafpress: allow` name
//! it), its level unless the project says otherwise, and what it looks for. The
//! review ([`crate::review::plain`]) finds; the project file names rules by these ids.

use crate::base::diag::Level;

/// A rule: its id (as `check: rules:` and `# leafpress: allow` name it), its level
/// unless the project says otherwise, and what it looks for.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub id: &'static str,
    pub level: Level,
    pub about: &'static str,
}

const fn rule(id: &'static str, level: Level, about: &'static str) -> Rule {
    Rule { id, level, about }
}

/// Every rule, in the order the README lists them.
pub const RULES: &[Rule] = &[
    rule(
        "reading-age",
        Level::Warning,
        "the leaflet's estimated reading age is above the aim (11)",
    ),
    rule(
        "section-reading-age",
        Level::Note,
        "a section's estimated reading age is above the aim",
    ),
    rule(
        "long-sentence",
        Level::Warning,
        "a sentence of more than 20 words",
    ),
    rule(
        "long-paragraph",
        Level::Warning,
        "a paragraph of more than 3 sentences",
    ),
    rule(
        "passive-voice",
        Level::Warning,
        "likely passive voice (\"is given\", \"were taken\")",
    ),
    rule(
        "plain-words",
        Level::Warning,
        "a word or phrase with a plainer alternative",
    ),
    rule(
        "medical-term",
        Level::Warning,
        "a medical term not explained in plain words on first use",
    ),
    rule(
        "acronym",
        Level::Warning,
        "an acronym not spelled out on first use",
    ),
    rule("capitals", Level::Warning, "three or more words in capitals"),
    rule(
        "emphasis",
        Level::Warning,
        "a whole sentence in italics (a note when in bold)",
    ),
    rule("long-list", Level::Warning, "a list of more than 7 items"),
    rule(
        "long-section",
        Level::Note,
        "more than 150 words without a heading",
    ),
    rule(
        "no-you",
        Level::Warning,
        "the leaflet never speaks to the reader as \"you\"",
    ),
    rule(
        "no-action",
        Level::Warning,
        "nothing tells the reader what to do (PEMAT item 20)",
    ),
    rule(
        "small-text",
        Level::Warning,
        "text under 12 pt (RNIB Clear Print)",
    ),
    rule(
        "contrast",
        Level::Error,
        "text under 4.5:1 contrast with its background (WCAG AA)",
    ),
    rule(
        "image-resolution",
        Level::Warning,
        "an image under 300 ppi at its printed size",
    ),
    rule(
        "alt-text",
        Level::Warning,
        "alt text that is a file name, starts \"image of\", or runs over 150 characters",
    ),
    rule(
        "link-text",
        Level::Warning,
        "link text that does not say where it goes (\"click here\")",
    ),
    rule(
        "url-link-text",
        Level::Note,
        "a long web address used as link text",
    ),
    rule(
        "review-date",
        Level::Warning,
        "no review date, or the review date has passed",
    ),
    rule("contact", Level::Warning, "no contact details for questions"),
    rule(
        "bleed-margin",
        Level::Warning,
        "a margin under 5 mm in a print-shop build",
    ),
    rule(
        "content",
        Level::Warning,
        "other problems that do not stop a build (YAML traps, links)",
    ),
];

pub fn rule_info(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// Whether `id` names a rule.
pub fn is_rule(id: &str) -> bool {
    rule_info(id).is_some()
}
