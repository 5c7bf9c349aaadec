//! One patient's plan, built like any leaflet: the load stage makes its leaflet in
//! memory ([`crate::load::plan`]) and this engine renders it in the edition asked
//! for. Nothing is written: the caller writes the PDF where the clinician says.

use super::{Built, Engine};
use crate::base::diag::{Diagnostic, Diagnostics};
use crate::load::plan::{self, Asked};
use crate::model::edition::Options;
use crate::model::plan::PlanRequest;
use crate::model::rules::RuleId;
use std::path::Path;
use std::time::Instant;

impl Engine {
    /// Builds the plan `request` asks for in the project `anchor` opens (see
    /// [`plan::project_anchor`]), with the warnings its making gave (a translation
    /// missing). A plan is one patient's, made once: the review date a leaflet
    /// keeps is not asked of it.
    pub fn plan(
        &self,
        request: &PlanRequest,
        asked: Asked,
        anchor: &Path,
        options: &Options,
    ) -> Result<(Built, Vec<Diagnostic>), Vec<Diagnostics>> {
        let t0 = Instant::now();
        let opened = plan::open(request, asked, anchor, options.root.as_deref(), &self.cache)?;
        let mut built = self
            .render(&opened.src, &opened.resolved, options)
            .map_err(|d| vec![d])?;
        built
            .warnings
            .items
            .retain(|w| w.rule != Some(RuleId::ReviewDate.id()));
        built.timings.load = t0.elapsed() - built.timings.layout - built.timings.pdf;
        Ok((built, opened.warnings))
    }
}
