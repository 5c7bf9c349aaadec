//! What stops a layout or a PDF, as located diagnostics: the block too tall or
//! too wide, the leaflet too long for a tri-fold, an image that would not embed.

use crate::base::diag::{Diagnostic, Diagnostics};
use crate::base::source::Source;
use crate::base::units;
use crate::images;
use crate::layout;
use crate::load::Resolved;
use crate::model::edition::PageSetup;
use crate::model::theme::Theme;
use crate::output::pdf;
use crate::text::Fonts;

/// A leaflet too long for a DL tri-fold's six panels: by how many, and what to do.
pub(super) fn too_long_for_trifold(src: &Source, pages: usize) -> Diagnostics {
    Diagnostics::one(
        Diagnostic::new(
            &src.path,
            format!(
                "this leaflet needs {pages} panels, and a DL tri-fold has 6 (the front, four inside and the back): {} too many",
                pages - 6
            ),
        )
        .help(if pages <= 8 {
            "try `--fit 6` to tighten the spacing, or use fewer words; a booklet (`--booklet`) takes any length".to_string()
        } else {
            format!(
                "cut the text to about {} % of its length, or make a booklet (`--booklet`), which takes any length",
                600 / pages
            )
        }),
    )
}

/// Lays out a resolved leaflet; a block too tall for any page is a located error.
pub fn lay_out_with(
    src: &Source,
    doc: &Resolved,
    setup: &PageSetup,
    fonts: &mut Fonts,
    theme: &Theme,
) -> Result<layout::Document, Diagnostics> {
    layout::lay_out(doc, setup, fonts, theme).map_err(|e| {
        let name = |owner: layout::Owner| match owner.block().map(|i| (i, doc.leaflet.blocks.get(i))) {
            Some((i, Some(b))) => (
                format!("block {} ({})", i + 1, b.type_name()),
                doc.block_span(i),
            ),
            _ if owner == layout::Owner::About => ("the back page".to_string(), None),
            _ => ("the title".to_string(), None),
        };
        let mm = |pt: f32| pt / units::PT_PER_MM;
        let d = match e {
            layout::LayoutError::TooTall(e) => {
                let (what, span) = name(e.owner);
                Diagnostic::new(
                    &src.path,
                    format!(
                        "{what} is {:.0} mm tall, but a page has room for {:.0} mm",
                        mm(e.height),
                        mm(e.available)
                    ),
                )
                .at(span)
                .help("make it smaller (for an image, a smaller `width:` such as 60%) or split it")
            }
            layout::LayoutError::TooManyPages(n) => Diagnostic::new(
                &src.path,
                format!("the leaflet runs to {n} pages; leafpress makes at most {}", layout::MAX_PAGES),
            )
            .help("split it into several leaflets"),
            layout::LayoutError::TooWide(e) => {
                let (what, span) = name(e.owner);
                Diagnostic::new(
                    &src.path,
                    format!(
                        "{what} needs {:.0} mm even with every cell wrapped, and the page has {:.0} mm",
                        mm(e.needed),
                        mm(e.available)
                    ),
                )
                .at(span)
                .help("use fewer columns, shorter words in the cells (or a hyphen in a long one), or a wider page")
            }
        };
        Diagnostics::one(d).with_source(&src.text)
    })
}

/// A PDF that cannot be written is a located problem where it can be, and a bug
/// to report where it cannot.
pub(super) fn pdf_error(src: &Source, doc: &Resolved, e: pdf::Error) -> Diagnostics {
    let block = match &e {
        pdf::Error::Image {
            image: images::ImageKey::Block(b),
            ..
        } => Some(*b),
        pdf::Error::Destination { owner: Some(owner) } => owner.block(),
        _ => None,
    };
    let help = match &e {
        pdf::Error::Image { .. } => "save the image again as an 8-bit PNG or a JPEG",
        pdf::Error::Font { .. } => "use another font, or report this with the font file",
        _ => "this is a bug in leafpress; please report it with the content file",
    };
    Diagnostics::one(
        Diagnostic::new(&src.path, e.to_string())
            .at(block.and_then(|b| doc.block_span(b)))
            .help(help),
    )
    .with_source(&src.text)
}
