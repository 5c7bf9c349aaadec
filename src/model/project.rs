//! A project's `leafpress.yaml`: the brand, the defaults every leaflet under it
//! shares, how `check` reviews them and which editions a library build makes.
//! Finding and reading the file is the load stage's ([`crate::load::project`]).

use super::brand::Brand;
use super::check::CheckSettings;
use super::email::EmailSettings;
use super::outputs;
use super::{Contact, Cover, Date, PageSpec};
use serde::Deserialize;

/// The project file's name.
pub const FILE: &str = "leafpress.yaml";

/// What `defaults:` may hold: any top-level leaflet key but `title` and `blocks`, and
/// the contact details a bare `- contact` block shows.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Defaults {
    /// A subtitle for leaflets that give none.
    pub subtitle: Option<String>,
    /// The PDF author.
    pub author: Option<String>,
    /// BCP 47 tag, e.g. en-GB.
    pub language: Option<crate::base::lang::LanguageTag>,
    /// Page size and margins.
    pub page: Option<PageSpec>,
    /// Shown on every page beside the page number.
    pub footer: Option<String>,
    /// A front cover and a back cover.
    pub cover: Option<Cover>,
    /// When leaflets were published.
    pub published: Option<Date>,
    /// When leaflets are next due for review.
    pub review: Option<Date>,
    /// The clinic's reference.
    pub reference: Option<String>,
    /// Where the information comes from.
    pub sources: Option<Vec<String>>,
    /// How readers can comment on a leaflet.
    pub feedback: Option<String>,
    /// What a bare `- contact` block shows, and the back cover.
    pub contact: Option<Contact>,
}

#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjectFile {
    /// The clinic's look: name, logo, colours, fonts, body size.
    #[serde(default)]
    pub brand: Brand,
    /// Keys every leaflet takes unless it sets them itself.
    #[serde(default)]
    pub defaults: Defaults,
    /// How `leafpress check` reviews the leaflets.
    #[serde(default)]
    pub check: CheckSettings,
    /// The editions `leafpress build` makes of every leaflet, each in out/NAME/.
    #[serde(default)]
    pub outputs: Vec<outputs::Output>,
    /// The words and size limit of the draft `leafpress email` writes.
    #[serde(default)]
    pub email: EmailSettings,
}

/// The schema of leafpress.yaml (for `leafpress schema`).
pub fn schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
    g.clone().into_root_schema_for::<ProjectFile>()
}
