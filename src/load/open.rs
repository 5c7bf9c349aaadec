//! A content file opened in its project: read once, parsed once, its source map
//! made once, the project's defaults applied and everything resolved.

use super::project::Project;
use super::Resolved;
use crate::base::diag::Diagnostics;
use crate::base::source::Source;
use crate::images::cache::Cache;
use crate::model::edition::Translation;
use std::path::Path;

/// Reads the content file at `path` in its project (`leafpress.yaml`, defaults,
/// brand; `root` widens the folder files may come from), resolved with the
/// pictures `cache` already holds.
/// With `translation`, the text is the translation's (see [`super::translate::apply`]).
pub fn open(
    path: &Path,
    root: Option<&Path>,
    cache: &Cache,
    translation: Option<&Translation>,
) -> Result<(Source, Resolved), Diagnostics> {
    let src = Source::read(path)?;
    let project = Project::open(path, root)?;
    let mut parsed = super::parse::parse_all(&src)?;
    if project.source.is_some() {
        project.apply_defaults(&mut parsed.leaflet, &parsed.spans);
    }
    if let Some(t) = translation {
        super::translate::apply(&src, &mut parsed, &project, t)?;
    }
    let resolved = super::resolve(&src, parsed, &project, cache)?;
    Ok((src, resolved))
}
