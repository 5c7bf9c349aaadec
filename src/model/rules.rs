//! The review's rules: each id (as `check: rules:` and `# leafpress: allow` name
//! it), its level unless the project says otherwise, and what it looks for. The
//! review ([`crate::review::plain`]) finds; the project file names rules by these
//! ids. Findings carry a [`RuleId`], so a rule that does not exist cannot be named
//! in code.

use crate::base::diag::Level;

/// A rule: its id (as `check: rules:` and `# leafpress: allow` name it), its level
/// unless the project says otherwise, and what it looks for.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub rule: RuleId,
    pub id: &'static str,
    pub level: Level,
    pub about: &'static str,
}

/// The rules, one line each: the enum and the table are made from the same list.
macro_rules! rules {
    ($($variant:ident = $id:literal, $level:ident, $about:literal;)*) => {
        /// A rule of the review, by name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RuleId {
            $($variant,)*
        }

        /// Every rule, in the order docs/rules.md lists them.
        pub const RULES: &[Rule] = &[
            $(Rule { rule: RuleId::$variant, id: $id, level: Level::$level, about: $about },)*
        ];
    };
}

rules! {
    ReadingAge = "reading-age", Warning, "the leaflet's estimated reading age is above the aim (11)";
    SectionReadingAge = "section-reading-age", Note, "a section's estimated reading age is above the aim";
    LongSentence = "long-sentence", Warning, "a sentence of more than 20 words";
    LongParagraph = "long-paragraph", Warning, "a paragraph of more than 3 sentences";
    PassiveVoice = "passive-voice", Warning, "likely passive voice (\"is given\", \"were taken\")";
    PlainWords = "plain-words", Warning, "a word or phrase with a plainer alternative";
    MedicalTerm = "medical-term", Warning, "a medical term not explained in plain words on first use";
    Acronym = "acronym", Warning, "an acronym not spelled out on first use";
    Capitals = "capitals", Warning, "three or more words in capitals";
    Emphasis = "emphasis", Warning, "a whole sentence in italics (a note when in bold)";
    LongList = "long-list", Warning, "a list of more than 7 items";
    LongSection = "long-section", Note, "more than 150 words without a heading";
    NoYou = "no-you", Warning, "the leaflet never speaks to the reader as \"you\"";
    NoAction = "no-action", Warning, "nothing tells the reader what to do (PEMAT item 20)";
    SmallText = "small-text", Warning, "text under 12 pt (RNIB Clear Print)";
    Contrast = "contrast", Error, "text under 4.5:1 contrast with its background (WCAG AA)";
    ImageResolution = "image-resolution", Warning, "an image under 300 ppi at its printed size";
    AltText = "alt-text", Warning, "alt text that is a file name, starts \"image of\", or runs over 150 characters";
    LinkText = "link-text", Warning, "link text that does not say where it goes (\"click here\")";
    UrlLinkText = "url-link-text", Note, "a long web address used as link text";
    ReviewDate = "review-date", Warning, "no review date, or the review date has passed";
    Contact = "contact", Warning, "no contact details for questions";
    MissingGlyph = "missing-glyph", Error, "a character no font has (the build stops and names the font to add)";
    BleedMargin = "bleed-margin", Warning, "a margin under 5 mm in a print-shop build";
    Content = "content", Warning, "other problems that do not stop a build (YAML traps, links)";
}

impl RuleId {
    /// This rule's row of [`RULES`].
    pub fn info(self) -> &'static Rule {
        // The table is in the enum's order: both come from one list.
        &RULES[self as usize]
    }

    /// The id a project file and `# leafpress: allow` write (`long-sentence`).
    pub fn id(self) -> &'static str {
        self.info().id
    }

    /// The rule an id names, if any.
    pub fn named(id: &str) -> Option<RuleId> {
        rule_info(id).map(|r| r.rule)
    }
}

/// A rule compares equal to its id, as reports and tests name it.
impl PartialEq<&str> for RuleId {
    fn eq(&self, id: &&str) -> bool {
        self.id() == *id
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

impl serde::Serialize for RuleId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

pub fn rule_info(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_rule_is_its_own_row() {
        for (i, r) in RULES.iter().enumerate() {
            assert_eq!(r.rule as usize, i);
            assert_eq!(RuleId::named(r.id), Some(r.rule));
        }
    }
}
