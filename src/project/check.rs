//! `check:` in leafpress.yaml: how a clinic tunes the plain-language review.
//!
//! ```yaml
//! check:
//!   reading_age: 11          # the top of the aim (NHS: 9 to 11)
//!   acronyms: [NHS, GP]      # known to every reader: no need to spell them out
//!   words: [acupuncture]     # words this clinic's readers know
//!   rules:
//!     passive-voice: off     # or note, warning, error
//!     long-sentence: error
//! ```

use crate::content::Source;
use crate::diag::{did_you_mean, Diagnostic, Diagnostics, Level};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, Deserialize, PartialEq, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckSettings {
    /// Rules turned off or given another level, by rule id.
    #[serde(default)]
    pub rules: BTreeMap<String, RuleLevel>,
    /// The reading age a leaflet should not go above (default 11).
    pub reading_age: Option<f32>,
    /// Acronyms the readers know, beyond the built-in few (NHS, GP, UK…).
    #[serde(default)]
    pub acronyms: Vec<String>,
    /// Words never flagged as hard or medical (a clinic's own treatment names).
    #[serde(default)]
    pub words: Vec<String>,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RuleLevel {
    Off,
    Note,
    Warning,
    Error,
}

impl RuleLevel {
    /// The level a finding gets, or None when the rule is off.
    pub fn level(self) -> Option<Level> {
        match self {
            RuleLevel::Off => None,
            RuleLevel::Note => Some(Level::Note),
            RuleLevel::Warning => Some(Level::Warning),
            RuleLevel::Error => Some(Level::Error),
        }
    }
}

impl CheckSettings {
    /// Every rule id named must exist, and the reading age must be one a leaflet can
    /// aim at: a typo would silently turn nothing off.
    pub fn validate(&self, src: &Source) -> Result<(), Diagnostics> {
        let ids: Vec<&str> = crate::plain::RULES.iter().map(|r| r.id).collect();
        let mut problems = Vec::new();
        for id in self.rules.keys() {
            if !ids.contains(&id.as_str()) {
                let help = match did_you_mean(id, &ids) {
                    Some(near) => format!("did you mean `{near}`? The rules are listed in the README"),
                    None => format!("the rules are: {}", ids.join(", ")),
                };
                problems.push(
                    Diagnostic::new(&src.path, format!("there is no check rule \"{id}\""))
                        .at(super::find_key(&src.text, "rules", id))
                        .help(help),
                );
            }
        }
        if let Some(age) = self.reading_age {
            if !(7.0..=18.0).contains(&age) {
                problems.push(
                    Diagnostic::new(&src.path, format!("a reading age of {age} is not one to aim at"))
                        .at(super::find_key(&src.text, "check", "reading_age"))
                        .help("NHS guidance aims at 9 to 11 (up to 14 where medical terms make that hard)"),
                );
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Diagnostics {
                items: problems,
                source: Some(src.text.clone()),
            })
        }
    }
}
