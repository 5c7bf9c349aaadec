//! `outputs:` in leafpress.yaml: the editions `leafpress build` makes of every
//! leaflet, each into its own folder under out/ (out/print/NAME.pdf,
//! out/email/NAME.pdf), so no edition replaces another's PDFs.
//!
//! ```yaml
//! outputs:
//!   - {name: print, booklet: true}
//!   - {name: email, for: email}
//!   - {name: large-print, large_print: 16}
//!   - {name: translations, languages: [ur, pl]}   # the English and each translation
//! ```

use crate::base::units::Length;
use crate::model::edition::Imposition;
use crate::model::edition::{Fit, Options};
use serde::{Deserialize, Deserializer};

/// One edition.
#[derive(Debug, Clone, Deserialize, PartialEq, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Output {
    /// The folder under out/ its PDFs go in, e.g. `print`: a name of its own, not
    /// another's in other capitals (one folder on Windows and macOS).
    pub name: String,
    /// `print` (images up to 300 ppi), `email` (smaller images, a small file) or
    /// `web` (one HTML page, NAME.html, that reflows on any screen).
    #[serde(default, rename = "for")]
    pub purpose: Purpose,
    /// Two pages a side of an A4 sheet in booklet order.
    #[serde(default)]
    pub booklet: bool,
    /// A DL tri-fold.
    #[serde(default)]
    pub trifold: bool,
    /// Bleed for a print shop, e.g. `3mm`.
    #[serde(default, deserialize_with = "some_length")]
    pub bleed: Option<Length>,
    /// Trim marks (and fold marks on a tri-fold).
    #[serde(default)]
    pub crop_marks: bool,
    /// The large-print edition at this body size, 16 to 24 (pt).
    pub large_print: Option<f32>,
    /// A page count to fit to, or `booklet`.
    #[serde(default, deserialize_with = "some_fit")]
    #[schemars(with = "Option<FitSchema>")]
    pub fit: Option<Fit>,
    /// Translations built too, besides the English, e.g. `[ur, pl]`: each from
    /// translations/LANG/NAME.po, as NAME-LANG.pdf.
    #[serde(default)]
    pub languages: Vec<crate::base::lang::LanguageTag>,
}

#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Purpose {
    #[default]
    Print,
    Email,
    Web,
}

/// How `fit:` is written: a number of pages, or `booklet`.
#[derive(schemars::JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum FitSchema {
    Pages(u16),
    Booklet(BookletWord),
}

#[derive(schemars::JsonSchema)]
#[allow(dead_code)]
enum BookletWord {
    #[serde(rename = "booklet")]
    Booklet,
}

fn some_length<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Length>, D::Error> {
    crate::base::units::from_str::deserialize(d).map(Some)
}

fn some_fit<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Fit>, D::Error> {
    let v = serde_yaml::Value::deserialize(d)?;
    let s = match &v {
        serde_yaml::Value::Number(n) => n.to_string(),
        serde_yaml::Value::String(s) => s.clone(),
        _ => String::new(),
    };
    s.parse().map(Some).map_err(serde::de::Error::custom)
}

impl Output {
    /// The build options for this edition, on top of `base` (root, today).
    pub fn options(&self, base: &Options) -> Options {
        Options {
            target: match self.purpose {
                Purpose::Print => crate::model::edition::Target::Print,
                Purpose::Email => crate::model::edition::Target::Email,
                Purpose::Web => crate::model::edition::Target::Web,
            },
            imposition: Imposition::chosen(self.booklet, self.trifold, self.bleed, self.crop_marks),
            large_print: self.large_print,
            fit: self.fit,
            ..base.clone()
        }
    }
}
