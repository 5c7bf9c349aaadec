//! `outputs:` in leafpress.yaml: the editions `leafpress build` makes of every
//! leaflet, each into its own folder under out/.
//!
//! ```yaml
//! outputs:
//!   - {name: print, booklet: true}
//!   - {name: email, for: email}
//!   - {name: large-print, large_print: 16}
//! ```

use crate::content::Source;
use crate::diag::{Diagnostic, Diagnostics};
use crate::impose::Imposition;
use crate::units::Length;
use crate::{Fit, Options};
use serde::{Deserialize, Deserializer};

/// One edition.
#[derive(Debug, Clone, Deserialize, PartialEq, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Output {
    /// The folder under out/ its PDFs go in, e.g. `print`.
    pub name: String,
    /// `print` (images up to 300 ppi) or `email` (smaller images, a small file).
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
}

#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Purpose {
    #[default]
    Print,
    Email,
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
    crate::units::from_str::deserialize(d).map(Some)
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
                Purpose::Print => crate::images::Target::Print,
                Purpose::Email => crate::images::Target::Email,
            },
            imposition: Imposition::chosen(self.booklet, self.trifold, self.bleed, self.crop_marks),
            large_print: self.large_print,
            fit: self.fit,
            ..base.clone()
        }
    }

    /// What the command line refuses, refused here too, located in leafpress.yaml.
    pub fn validate_all(outputs: &[Output], src: &Source) -> Result<(), Diagnostics> {
        let mut problems = Vec::new();
        let at = |name: &str| {
            src.text
                .find(&format!("name: {name}"))
                .map(|i| i + 6..i + 6 + name.len())
        };
        for (i, o) in outputs.iter().enumerate() {
            let mut bad = |msg: String, help: &str| {
                problems.push(
                    Diagnostic::new(&src.path, msg)
                        .at(at(&o.name))
                        .help(help.to_string()),
                );
            };
            let ok_name = !o.name.is_empty()
                && o.name
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
            if !ok_name {
                bad(
                    format!(
                        "output {} is named \"{}\", which cannot be a folder name",
                        i + 1,
                        o.name
                    ),
                    "use letters, digits, - and _, e.g. `name: print`",
                );
            }
            if outputs[..i].iter().any(|p| p.name == o.name) {
                bad(
                    format!("two outputs are named \"{}\"", o.name),
                    "give each output its own name: it is the folder its PDFs go in",
                );
            }
            let layouts = [o.booklet, o.trifold, o.bleed.is_some()]
                .iter()
                .filter(|b| **b)
                .count();
            if layouts > 1 {
                bad(
                    format!(
                        "output \"{}\" asks for more than one of booklet, trifold and bleed",
                        o.name
                    ),
                    "choose one: a booklet, a tri-fold, or single pages with bleed",
                );
            }
            if o.trifold && o.large_print.is_some() {
                bad(
                    format!("output \"{}\" asks for a large-print tri-fold", o.name),
                    "large print goes on A4 pages; make it its own output",
                );
            }
            if let Some(size) = o.large_print {
                if !(16.0..=24.0).contains(&size) {
                    bad(
                        format!("output \"{}\": large print is 16 to 24 pt, not {size}", o.name),
                        "write e.g. `large_print: 16`",
                    );
                }
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
