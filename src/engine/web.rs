//! The web edition through the engine: the leaflet is laid out as printed all the
//! same (so a web build reports what a PDF build would: missing characters, review
//! dates), then its content is written as one page by `output::html`.

use super::{errors, Built, Engine, Facts, Timings};
use crate::base::diag::Diagnostics;
use crate::base::source::Source;
use crate::images::screen::{for_screen, SCREEN_WIDTH_PX};
use crate::load::Resolved;
use crate::model::edition::{Imposition, Options};
use crate::output::{html, pdf};
use std::time::{Duration, Instant};

impl Engine {
    /// The web page of a resolved leaflet. Imposition, large print and fitting are
    /// for pages, which a web page has none of: they are left out.
    pub(super) fn render_web(
        &self,
        src: &Source,
        doc: &Resolved,
        options: &Options,
    ) -> Result<Built, Diagnostics> {
        let t1 = Instant::now();
        let pages = Options {
            imposition: Imposition::default(),
            large_print: None,
            fit: None,
            ..options.clone()
        };
        let laid = self.lay_out_and_review(src, doc, &pages)?;
        let t2 = Instant::now();
        // Sorted, so pictures are prepared (and any damage reported) in one order.
        let mut keys: Vec<_> = doc.images.keys().copied().collect();
        keys.sort();
        let mut images = std::collections::HashMap::new();
        for key in keys {
            let prepared = for_screen(&doc.images[&key], SCREEN_WIDTH_PX)
                .map_err(|reason| errors::pdf_error(src, doc, pdf::Error::Image { image: key, reason }))?;
            if let Some(p) = prepared {
                images.insert(key, p);
            }
        }
        let labels = laid.theme.labels_for(doc.leaflet.language.as_str());
        let setup = pages.page_setup(&doc.leaflet, || doc.page_size_named());
        let page = html::Page {
            doc,
            theme: &laid.theme,
            labels: &labels,
            images: &images,
            text_width: setup.text_width(),
            generator: concat!("leafpress ", env!("CARGO_PKG_VERSION")),
        };
        Ok(Built {
            pdf: Vec::new(),
            html: Some(html::write(&page)),
            facts: Facts::of(doc),
            layout: laid.layout,
            fit: None,
            files_read: doc.files_read(&src.path),
            sheets: 0,
            warnings: laid.warnings,
            timings: Timings {
                load: Duration::ZERO,
                layout: t2 - t1,
                pdf: t2.elapsed(),
            },
        })
    }
}
