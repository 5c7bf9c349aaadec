//! Language tags (BCP 47: `en-GB`, `pl`, `ur`, `zh-Hans`), checked in one place
//! whether a leaflet writes them as `language:`, a block's `lang:` or a span's
//! `{lang=…}`.

use serde::{de, Deserialize, Deserializer};
use std::fmt;
use std::str::FromStr;

/// Whether `tag` has the shape of a BCP 47 tag: a 2–3 letter language, then
/// subtags of 1–8 letters or digits.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// A checked language tag, as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LanguageTag(String);

impl LanguageTag {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for LanguageTag {
    /// British English, the language leafpress was made for.
    fn default() -> Self {
        LanguageTag("en-GB".into())
    }
}

impl FromStr for LanguageTag {
    type Err = String;
    fn from_str(s: &str) -> Result<LanguageTag, String> {
        let tag = s.trim();
        if is_language_tag(tag) {
            Ok(LanguageTag(tag.to_string()))
        } else {
            Err(format!(
                "\"{s}\" is not a language tag: write a BCP 47 tag such as `en-GB`, `pl`, `ur` or `zh-Hans`"
            ))
        }
    }
}

impl<'de> Deserialize<'de> for LanguageTag {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<LanguageTag, D::Error> {
        String::deserialize(d)?.parse().map_err(de::Error::custom)
    }
}

impl schemars::JsonSchema for LanguageTag {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "LanguageTag".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$",
            "description": "A BCP 47 language tag, e.g. en-GB, pl, ur, zh-Hans."
        })
    }
}

impl std::ops::Deref for LanguageTag {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_checked_where_they_are_read() {
        assert!(is_language_tag("zh-Hans") && is_language_tag("ur") && is_language_tag("en-GB"));
        assert!(!is_language_tag("English") && !is_language_tag("e") && !is_language_tag("en_GB"));
        let err = serde_yaml::from_str::<LanguageTag>("English")
            .unwrap_err()
            .to_string();
        assert!(err.contains("not a language tag"), "{err}");
        assert_eq!(&*serde_yaml::from_str::<LanguageTag>("pl").unwrap(), "pl");
    }
}
