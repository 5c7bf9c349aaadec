//! `email:` in leafpress.yaml: the words of the draft `leafpress email` writes and
//! how large a message may be before it is worth a warning.
//!
//! ```yaml
//! email:
//!   subject_prefix: "[secure]"     # NHSmail encrypts a message whose subject starts so
//!   greeting: "Dear patient,"
//!   body: "Here is our leaflet {title}, as we discussed."
//!   signature: "Riverside Physiotherapy Clinic"
//!   max_size: 35MB                 # NHSmail's limit; default 10MB
//! ```

use serde::{Deserialize, Deserializer};
use std::fmt;
use std::str::FromStr;

/// What `{title}` in the greeting, body or signature becomes: the leaflet's title.
pub const TITLE_FIELD: &str = "{title}";

#[derive(Debug, Clone, Default, Deserialize, PartialEq, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EmailSettings {
    /// Put before the title in the subject, e.g. `[secure]` (NHSmail's encryption).
    pub subject_prefix: Option<String>,
    /// The first line. Default: "Hello,".
    pub greeting: Option<String>,
    /// The message; `{title}` is the leaflet's title. Default: a few lines saying the
    /// leaflet is attached and how to open it.
    pub body: Option<String>,
    /// The sign-off. Default: the brand's name, then the contact details' phone and
    /// web address.
    pub signature: Option<String>,
    /// A warning is given when a message is larger than this, e.g. `35MB`. Default: 10MB.
    #[serde(default, deserialize_with = "some_size")]
    #[schemars(with = "Option<String>")]
    pub max_size: Option<MailSize>,
}

impl EmailSettings {
    /// The size above which a message is worth a warning: `max_size`, or 10 MB, what
    /// many mail services accept (NHSmail allows 35 MB).
    pub fn limit(&self) -> MailSize {
        self.max_size.unwrap_or(MailSize(10 * MailSize::MB))
    }
}

/// A message size in bytes, written `10MB`, `500KB` or `35 MB`. A megabyte is
/// 1024 × 1024 bytes, as mail programs count them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct MailSize(pub u64);

impl MailSize {
    pub const KB: u64 = 1024;
    pub const MB: u64 = 1024 * 1024;
}

impl fmt::Display for MailSize {
    /// `12.3 MB`, `850 KB`: what a mail program shows.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let b = self.0 as f64;
        if self.0 >= MailSize::MB {
            let mb = b / MailSize::MB as f64;
            if mb.fract() == 0.0 {
                write!(f, "{mb:.0} MB")
            } else {
                write!(f, "{mb:.1} MB")
            }
        } else {
            write!(f, "{:.0} KB", (b / MailSize::KB as f64).ceil())
        }
    }
}

impl FromStr for MailSize {
    type Err = String;
    fn from_str(s: &str) -> Result<MailSize, String> {
        let t = s.trim();
        let split = t
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(t.len());
        let (num, unit) = (t[..split].trim(), t[split..].trim());
        let help = "write a size such as 10MB or 500KB";
        let value: f64 = num
            .parse()
            .map_err(|_| format!("\"{s}\" is not a size: {help}"))?;
        let per = match unit.to_ascii_uppercase().as_str() {
            "MB" => MailSize::MB,
            "KB" => MailSize::KB,
            "" => return Err(format!("\"{s}\" has no unit: {help}")),
            other => return Err(format!("unknown unit \"{other}\" in \"{s}\": {help}")),
        };
        let bytes = value * per as f64;
        // Below a few kilobytes no leaflet fits; above a gigabyte no mail service
        // takes it: either is a typing slip.
        if !(10.0 * MailSize::KB as f64..=1024.0 * MailSize::MB as f64).contains(&bytes) {
            return Err(format!(
                "\"{s}\" is not a message size a mail service has: use 10KB to 1024MB (NHSmail allows 35MB)"
            ));
        }
        Ok(MailSize(bytes as u64))
    }
}

fn some_size<'de, D: Deserializer<'de>>(d: D) -> Result<Option<MailSize>, D::Error> {
    let v = serde_yaml::Value::deserialize(d)?;
    match &v {
        serde_yaml::Value::String(s) => s.parse().map(Some).map_err(serde::de::Error::custom),
        serde_yaml::Value::Number(n) => Err(serde::de::Error::custom(format!(
            "{n} has no unit: write a size such as 10MB or 500KB"
        ))),
        _ => Err(serde::de::Error::custom(
            "max_size is a size such as 10MB or 500KB",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_and_show_as_mail_programs_count() {
        assert_eq!("10MB".parse(), Ok(MailSize(10 * MailSize::MB)));
        assert_eq!(" 35 mb ".parse(), Ok(MailSize(35 * MailSize::MB)));
        assert_eq!("500KB".parse(), Ok(MailSize(500 * MailSize::KB)));
        assert_eq!(MailSize(10 * MailSize::MB).to_string(), "10 MB");
        assert_eq!(MailSize(MailSize::MB * 3 / 2).to_string(), "1.5 MB");
        assert_eq!(MailSize(1000).to_string(), "1 KB");
        assert!("10".parse::<MailSize>().unwrap_err().contains("no unit"));
        assert!("10GB".parse::<MailSize>().unwrap_err().contains("unknown unit"));
        assert!("1KB".parse::<MailSize>().unwrap_err().contains("10KB to 1024MB"));
    }
}
