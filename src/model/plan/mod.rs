//! One patient's exercise plan: the exercise library's files ([`ExerciseFile`]),
//! the plan a clinician asks for ([`PlanFile`], or the same from the command line),
//! the dose grammar ([`dose`]) and the plan's own words ([`words`]).

pub mod dose;
pub mod words;

use super::details::{Date, Picture};
use crate::base::lang::LanguageTag;
use serde::{de, Deserialize, Deserializer};
use std::fmt;

/// One exercise of the library: `exercises/ID.yaml`, its id the file's name. A
/// translation is `exercises/LANG/ID.yaml` with the same keys.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExerciseFile {
    /// The exercise's name, as the patient reads it ("Sit to stand").
    pub name: String,
    /// A picture of the exercise (path relative to this file), with alt text.
    pub picture: Option<Picture>,
    /// The steps, in order.
    pub steps: Vec<String>,
    /// The dose when the plan gives none, e.g. `10x2/day` (see the README).
    pub dose: Option<String>,
    /// What to watch out for, printed in a box under the exercise.
    #[serde(default)]
    pub cautions: Vec<String>,
}

/// The longest plan: a year of weeks.
pub const MAX_WEEKS: u8 = 52;
/// The plan's length when none is given.
pub const DEFAULT_WEEKS: u8 = 6;

/// A plan written as a file (`leafpress plan plans/khan.yaml`): the same as the
/// command line's options.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanFile {
    /// The patient's name, printed on the first page.
    pub patient: String,
    /// Who made the plan.
    pub clinician: Option<String>,
    /// The first day (YYYY-MM-DD); default today.
    pub start: Option<Date>,
    /// How many weeks the tick chart covers (1 to 52; default 6).
    pub weeks: Option<u8>,
    /// The plan's language (BCP 47); default the project's, or en-GB.
    pub language: Option<LanguageTag>,
    /// The exercises: `- wall-push: 10x2/day`, or `- heel-slide` for its usual dose.
    pub exercises: Vec<PlanItem>,
}

/// One exercise of a plan: its id, and a dose when not the usual one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanItem {
    pub id: String,
    pub dose: Option<String>,
}

impl PlanItem {
    /// `wall-push=10x2/day` or `wall-push`, as `--exercise` takes it.
    pub fn parse_arg(s: &str) -> PlanItem {
        match s.split_once('=') {
            Some((id, dose)) => PlanItem {
                id: id.trim().to_string(),
                dose: Some(dose.trim().to_string()),
            },
            None => PlanItem {
                id: s.trim().to_string(),
                dose: None,
            },
        }
    }
}

impl<'de> Deserialize<'de> for PlanItem {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = PlanItem;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "an exercise id with its dose (`- wall-push: 10x2/day`) or alone (`- heel-slide`)",
                )
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<PlanItem, E> {
                Ok(PlanItem::parse_arg(s))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<PlanItem, A::Error> {
                let Some((id, dose)) = map.next_entry::<String, Option<DoseText>>()? else {
                    return Err(de::Error::custom(
                        "an exercise here is empty: write `- wall-push: 10x2/day`",
                    ));
                };
                if map.next_key::<String>()?.is_some() {
                    return Err(de::Error::custom(
                        "one exercise a line: `- wall-push: 10x2/day`, then `- sit-to-stand: 8x3/day` on the next",
                    ));
                }
                Ok(PlanItem {
                    id,
                    dose: dose.map(|d| d.0),
                })
            }
        }
        d.deserialize_any(V)
    }
}

/// A dose as written: text, or a bare number YAML would read as one (`- x: 10`).
struct DoseText(String);

impl<'de> Deserialize<'de> for DoseText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = DoseText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a dose such as 10x2/day")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<DoseText, E> {
                Ok(DoseText(s.to_string()))
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<DoseText, E> {
                Ok(DoseText(n.to_string()))
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<DoseText, E> {
                Ok(DoseText(n.to_string()))
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<DoseText, E> {
                Ok(DoseText(n.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

/// A plan as asked for, from the command line or a [`PlanFile`]: everything
/// checked that needs no file (the start is a day, the weeks in range).
#[derive(Debug, Clone)]
pub struct PlanRequest {
    pub patient: String,
    pub clinician: Option<String>,
    /// The first day: a whole date.
    pub start: Date,
    pub weeks: u8,
    /// None: the template's language (the project's default, or en-GB).
    pub language: Option<LanguageTag>,
    pub items: Vec<PlanItem>,
}
