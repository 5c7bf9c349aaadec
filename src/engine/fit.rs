//! Fitting to a page count: the least tightening that ends on the pages asked for.

use super::{lay_out_with, FitReport};
use crate::base::diag::{Diagnostic, Diagnostics};
use crate::base::source::Source;
use crate::layout;
use crate::load::Resolved;
use crate::model::edition::{Fit, PageSetup};
use crate::model::theme::Theme;
use crate::text::Fonts;

/// Lays `doc` out with the least tightening that ends on the page count `fit` asks
/// for (see [`layout::fit`]); an error when even the tightest clear-print setting
/// cannot (for `Fit::Booklet`, a warning and the natural layout).
pub(super) fn fit_to(
    src: &Source,
    doc: &Resolved,
    setup: &PageSetup,
    fonts: &mut Fonts,
    theme: &Theme,
    fit: Fit,
) -> Result<(layout::Document, Option<FitReport>, Option<Diagnostic>), Diagnostics> {
    let natural = lay_out_with(src, doc, setup, fonts, theme)?;
    let n = natural.pages.len();
    let target = match fit {
        Fit::Pages(p) => p.max(1),
        Fit::Booklet => (n / 4 * 4).max(4),
    };
    if n <= target {
        let report = FitReport {
            natural: n,
            pages: n,
            tightening: theme.tightened(0.0).1,
        };
        return Ok((natural, Some(report), None));
    }
    let found = layout::fit::search(target, |t| {
        lay_out_with(src, doc, setup, fonts, &theme.tightened(t).0).map(|d| d.pages.len())
    })?;
    let limits = "gaps 60 % of the design's, leading 1.3 × the text size, images 70 % of their width";
    if !found.reached {
        let at = doc.spans.key("page.fit");
        let message = format!(
            "this leaflet cannot fit on {target} pages: at the tightest clear-print setting ({limits}) it takes {}",
            found.pages
        );
        return match fit {
            Fit::Pages(_) => Err(
                Diagnostics::one(Diagnostic::new(&src.path, message).at(at).help(format!(
                    "ask for {} pages, shorten the text, or use a larger page",
                    found.pages
                )))
                .with_source(&src.text),
            ),
            Fit::Booklet => Ok((
                natural,
                None,
                Some(
                    Diagnostic::new(&src.path, message)
                        .help(format!(
                            "the booklet keeps its {n} pages and {} blank ones",
                            n.div_ceil(4) * 4 - n
                        ))
                        .warning(),
                ),
            )),
        };
    }
    let (tight, tightening) = theme.tightened(found.t);
    let layout = lay_out_with(src, doc, setup, fonts, &tight)?;
    let report = FitReport {
        natural: n,
        pages: layout.pages.len(),
        tightening,
    };
    Ok((layout, Some(report), None))
}
