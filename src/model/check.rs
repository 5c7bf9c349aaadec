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

use crate::base::diag::Level;
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
