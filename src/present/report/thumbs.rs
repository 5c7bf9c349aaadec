//! Page thumbnails for the HTML report, drawn as SVG straight from the laid-out
//! pages (no PDF rasteriser needed): boxes, rules, text in a generic sans-serif face,
//! and a grey frame where a picture goes. At thumbnail size that is the page.

use crate::base::colour::Color;
use crate::layout::page::Item;
use crate::layout::Document;
use std::fmt::Write;

fn rgb(c: Color) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// One page as an `<svg>`, `width` CSS pixels wide, labelled for screen readers.
pub fn page(doc: &Document, index: usize, width: f32, findings: usize) -> String {
    let (w, h) = (doc.width, doc.height);
    let mut s = String::new();
    let label = match findings {
        0 => format!("Page {}", index + 1),
        1 => format!("Page {}: 1 finding", index + 1),
        n => format!("Page {}: {n} findings", index + 1),
    };
    let _ = write!(
        s,
        r##"<svg class="thumb" role="img" aria-label="{label}" viewBox="0 0 {w:.0} {h:.0}" width="{width:.0}" height="{:.0}" xmlns="http://www.w3.org/2000/svg"><rect width="{w:.0}" height="{h:.0}" fill="#fff"/>"##,
        width * h / w
    );
    let Some(p) = doc.pages.get(index) else {
        s.push_str("</svg>");
        return s;
    };
    for placed in &p.items {
        match &placed.item {
            Item::Text(run) => {
                let _ = write!(
                    s,
                    r#"<text x="{:.1}" y="{:.1}" font-size="{:.1}" fill="{}" textLength="{:.1}" lengthAdjust="spacingAndGlyphs">{}</text>"#,
                    run.x,
                    run.baseline,
                    run.size,
                    rgb(run.color),
                    run.width.max(0.1),
                    super::html::escape(&run.text)
                );
            }
            Item::Fill {
                rect, color, radius, ..
            } => {
                let _ = write!(
                    s,
                    r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="{radius:.1}" fill="{}"/>"#,
                    rect.x,
                    rect.y,
                    rect.w,
                    rect.h,
                    rgb(*color)
                );
            }
            Item::Stroke {
                rect,
                color,
                width,
                radius,
                ..
            } => {
                let _ = write!(
                    s,
                    r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="{radius:.1}" fill="none" stroke="{}" stroke-width="{width:.1}"/>"#,
                    rect.x,
                    rect.y,
                    rect.w,
                    rect.h,
                    rgb(*color)
                );
            }
            Item::Rule {
                from,
                to,
                color,
                width,
            } => {
                let _ = write!(
                    s,
                    r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{}" stroke-width="{width:.1}"/>"#,
                    from.0,
                    from.1,
                    to.0,
                    to.1,
                    rgb(*color)
                );
            }
            Item::Image { rect, .. } => {
                let _ = write!(
                    s,
                    r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="#dde3e8" stroke="#8a96a0"/><path d="M{:.1} {:.1}L{:.1} {:.1}M{:.1} {:.1}L{:.1} {:.1}" stroke="#8a96a0"/>"##,
                    rect.x,
                    rect.y,
                    rect.w,
                    rect.h,
                    rect.x,
                    rect.y,
                    rect.x + rect.w,
                    rect.y + rect.h,
                    rect.x + rect.w,
                    rect.y,
                    rect.x,
                    rect.y + rect.h
                );
            }
            Item::Cells {
                rect,
                cell,
                runs,
                color,
            } => {
                let mut d = String::new();
                for (row, col, len) in runs {
                    let _ = write!(
                        d,
                        "M{:.1} {:.1}h{:.1}v{:.1}h-{:.1}z",
                        rect.x + *col as f32 * cell,
                        rect.y + *row as f32 * cell,
                        *len as f32 * cell,
                        cell,
                        *len as f32 * cell
                    );
                }
                let _ = write!(s, r#"<path d="{d}" fill="{}"/>"#, rgb(*color));
            }
            Item::Link { .. } => {}
        }
    }
    s.push_str("</svg>");
    s
}
