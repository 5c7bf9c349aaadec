//! Layout: a resolved leaflet → pages of positioned items ([`Document`]).
//!
//! Blocks become flow children ([`flow`]), pagination places them with keep and
//! widow rules ([`paginate`]), and page furniture (footer, page number) is added last,
//! when the page count is known.

pub mod addresses;
mod blocks;
mod cover;
pub mod fit;
pub mod flow;
pub mod frame;
pub mod page;
pub mod paginate;
pub mod placements;
pub mod qr;
pub mod script;
pub mod structure;
pub mod table;
mod typeset;

pub use page::{Destination, Document, Item, LinkTarget, OutlineEntry, Page, Placed, Rect, Role, TextRun};
pub use paginate::TooTall;
use std::collections::HashMap;
pub use structure::Owner;

use crate::load::Resolved;
use crate::model::edition::PageSetup;
use crate::model::theme::Theme;
use crate::text::Fonts;

/// Lays out a resolved leaflet. Fails only when a block cannot fit on an empty page.
/// Why a leaflet cannot be laid out: a block taller than a page, or a table wider
/// than one.
#[derive(Debug, Clone, PartialEq)]
pub enum LayoutError {
    TooTall(TooTall),
    TooWide(table::TooWide),
    /// More pages than [`MAX_PAGES`].
    TooManyPages(usize),
}

/// No leaflet runs to more pages than this; a file that does is refused.
pub const MAX_PAGES: usize = 2_000;

impl From<TooTall> for LayoutError {
    fn from(e: TooTall) -> Self {
        LayoutError::TooTall(e)
    }
}

pub fn lay_out(
    doc: &Resolved,
    setup: &PageSetup,
    fonts: &mut Fonts,
    theme: &Theme,
) -> Result<Document, LayoutError> {
    // Faces, shaping, direction and hyphenation follow the leaflet's language.
    fonts.set_language(&doc.leaflet.language);
    let (mut document, internal_links) = pass(doc, setup, fonts, theme, HashMap::new())?;
    // On paper a link to a heading prints the heading's page, known only once laid
    // out: lay out again with the pages, until they no longer move (they rarely do).
    if setup.addresses_on_paper && internal_links {
        for _ in 0..3 {
            let pages = anchor_pages(&document);
            let (next, _) = pass(doc, setup, fonts, theme, pages.clone())?;
            let settled = anchor_pages(&next) == pages;
            document = next;
            if settled {
                break;
            }
        }
    }
    Ok(document)
}

fn anchor_pages(doc: &Document) -> HashMap<String, usize> {
    doc.outline
        .iter()
        .map(|e| (e.anchor.clone(), e.dest.page))
        .collect()
}

/// One layout, with the headings' pages printed after links to them when known.
fn pass(
    doc: &Resolved,
    setup: &PageSetup,
    fonts: &mut Fonts,
    theme: &Theme,
    anchor_pages: HashMap<String, usize>,
) -> Result<(Document, bool), LayoutError> {
    let leaflet = &doc.leaflet;
    let spaced = script::spaced_for_script(theme, fonts);
    let theme = spaced.as_ref().unwrap_or(theme);
    let (width, height) = setup.size.dimensions();
    let m = setup.margin;
    let mut body = Rect {
        x: m.inner.pt(),
        y: m.top.pt(),
        w: width - m.inner.pt() - m.outer.pt(),
        h: height - m.top.pt() - m.bottom.pt(),
    };
    let mut labels = theme.labels_for(&leaflet.language);
    if let Some(t) = &leaflet.translated {
        labels = labels.with(&t.labels);
    }
    let mut builder = flow::Builder::new(fonts, theme, &labels, body.w, &doc.images, &doc.anchors);
    builder.brand_name = doc.brand.brand.name.clone();
    builder.logo_alt = doc.brand.logo_alt.clone();
    builder.back_contact = doc.back_contact.clone();
    builder.image_scale = setup.image_scale;
    builder.addresses = setup.addresses_on_paper;
    builder.covers = setup.cover;
    builder.anchor_pages = anchor_pages;
    // A footer that wraps to more lines than the bottom margin holds (with its
    // clearance kept from the edge) takes its room from the text area, never the edge.
    if !setup.panels {
        let footer_room = builder.footer_height(leaflet.footer.as_deref(), body.w) + theme.footer_clearance;
        body.h -= (footer_room - m.bottom.pt()).max(0.0);
    }
    builder.body_height = body.h;
    builder.leaflet(leaflet);
    if let Some(e) = builder.too_wide.take() {
        return Err(LayoutError::TooWide(e));
    }
    let children = std::mem::take(&mut builder.children);
    let structure = std::mem::take(&mut builder.structure);
    let (mut pages, outline) = paginate::Paginator::new(theme, body).run(children)?;
    if pages.len() > MAX_PAGES {
        return Err(LayoutError::TooManyPages(pages.len()));
    }
    // Footers come last, when the page count is known; they are artifacts and add
    // nothing to the structure.
    let total = pages.len();
    let back_cover = builder.back_page && total > 1;
    for (n, page) in pages.iter_mut().enumerate() {
        // A front cover carries no footer or page number; it still counts as page 1.
        if (n == 0 && setup.cover) || setup.panels {
            continue;
        }
        // A booklet's back cover is its outside back, after any blank pages: it keeps
        // the footer and loses the number, as the front cover has none.
        let number = if back_cover && n + 1 == total && !setup.number_back_cover {
            String::new()
        } else {
            labels.page_number(n + 1, total)
        };
        page.items
            .extend(builder.footer(leaflet.footer.as_deref(), &number, body, height));
    }
    // Links to headings become destinations now that every heading has its place.
    // Resolve has checked every anchor; one it did not know stays an anchor, which
    // the PDF writer refuses.
    let dests: std::collections::HashMap<&str, Destination> =
        outline.iter().map(|e| (e.anchor.as_str(), e.dest)).collect();
    for item in pages.iter_mut().flat_map(|p| p.items.iter_mut()) {
        if let Item::Link { target, .. } = &mut item.item {
            if let LinkTarget::Anchor(a) = target {
                if let Some(&d) = dests.get(a.as_str()) {
                    *target = LinkTarget::Dest(d);
                }
            }
        }
    }
    let internal_links = builder.internal_links;
    let mut document = Document {
        back_cover,
        width,
        height,
        body,
        pages,
        outline,
        structure,
    };
    script::settle_languages(&mut document);
    if crate::text::locale::is_rtl(&leaflet.language) {
        script::mirror(&mut document);
    }
    Ok((document, internal_links))
}
