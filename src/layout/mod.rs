//! Layout: a resolved leaflet → pages of positioned items ([`Document`]).
//!
//! Blocks become flow children ([`flow`]), pagination places them with keep and
//! widow rules ([`paginate`]), and page furniture (footer, page number) is added last,
//! when the page count is known.

pub mod flow;
pub mod page;
pub mod paginate;
pub mod structure;
pub mod theme;

pub use page::{Document, Item, OutlineEntry, Page, Placed, Rect, Role, TextRun};
pub use paginate::TooTall;
pub use theme::{Color, TextStyle, Theme};

use crate::content::Resolved;
use crate::text::{parse_inline, Fonts};

/// Lays out a resolved leaflet. Fails only when a block cannot fit on an empty page.
pub fn lay_out(doc: &Resolved, fonts: &mut Fonts, theme: &Theme) -> Result<Document, TooTall> {
    let leaflet = &doc.leaflet;
    let (width, height) = leaflet.page.size.dimensions();
    let m = leaflet.page.margin;
    let body = Rect {
        x: m.inner.pt(),
        y: m.top.pt(),
        w: width - m.inner.pt() - m.outer.pt(),
        h: height - m.top.pt() - m.bottom.pt(),
    };
    let mut builder = flow::Builder::new(fonts, theme, body.w, &doc.images);
    builder.leaflet(leaflet);
    let children = std::mem::take(&mut builder.children);
    let structure = std::mem::take(&mut builder.structure);
    let (mut pages, outline) = paginate::Paginator::new(theme, body).run(&children)?;
    let total = pages.len();
    for (n, page) in pages.iter_mut().enumerate() {
        footer(
            fonts,
            theme,
            leaflet.footer.as_deref(),
            n + 1,
            total,
            body,
            height,
            page,
        );
    }
    Ok(Document {
        width,
        height,
        body,
        pages,
        outline,
        structure,
    })
}

/// Footer text on the left and "n / N" on the right, centred in the bottom margin.
#[allow(clippy::too_many_arguments)]
fn footer(
    fonts: &mut Fonts,
    theme: &Theme,
    text: Option<&str>,
    n: usize,
    total: usize,
    body: Rect,
    height: f32,
    page: &mut Page,
) {
    let style = theme.footer;
    // Centred in the bottom margin, but never closer than 5 mm to the trim (print
    // shops cut within 3 mm) and never into the text area.
    let centred = body.bottom() + (height - body.bottom() - style.leading) / 2.0;
    let safe = height - 5.0 * crate::units::PT_PER_MM - style.leading;
    let top = centred.min(safe).max(body.bottom());
    let number = format!("{n} / {total}");
    let no_images = Default::default();
    let mut builder = flow::Builder::new(fonts, theme, body.w, &no_images);
    let mut items = Vec::new();
    let number_line = builder_lines(&mut builder, &number, &style, body.w);
    let number_width = number_line.first().map_or(0.0, |l| l.width);
    for line in &number_line {
        builder.draw_line_public(&mut items, line, &style, body.right() - number_width, top);
    }
    if let Some(text) = text {
        let lines = builder_lines(&mut builder, text, &style, body.w - number_width - 12.0);
        for (k, line) in lines.iter().enumerate() {
            builder.draw_line_public(&mut items, line, &style, body.x, top + k as f32 * style.leading);
        }
    }
    page.items.extend(items.into_iter().map(|p| Placed {
        role: Role::Artifact,
        ..p
    }));
}

fn builder_lines(b: &mut flow::Builder, text: &str, style: &TextStyle, width: f32) -> Vec<crate::text::Line> {
    b.lines_public(&parse_inline(text), style, width)
}
