//! SVG pictures (a clinic's logo as its designer sent it) read into plain shapes that
//! the PDF draws as vectors: sharp at any size, in print and on screen.
//!
//! usvg resolves the file (units, styles, `<use>`, transforms) into paths. What a
//! logo needs is kept: filled and stroked paths in solid colours. What would print
//! wrongly if dropped (text not turned into outlines, gradients, patterns, clip
//! paths, masks, filters, embedded pictures) is refused with what to do instead, and
//! nothing outside the file is read: `<image href>` is never followed.

use crate::base::colour::Color;
use std::sync::Arc;
use usvg::tiny_skia_path::PathSegment;

/// A picture as shapes, in its own units (y down), `width` × `height`.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawing {
    pub width: f32,
    pub height: f32,
    pub shapes: Vec<Shape>,
}

/// One path, filled, stroked or both (fill first).
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub path: Vec<Segment>,
    pub fill: Option<Fill>,
    pub stroke: Option<Stroke>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Segment {
    Move(f32, f32),
    Line(f32, f32),
    Cubic(f32, f32, f32, f32, f32, f32),
    Close,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fill {
    pub color: Color,
    pub even_odd: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stroke {
    pub color: Color,
    pub width: f32,
    /// 0 butt, 1 round, 2 square (as PDF numbers them).
    pub cap: u8,
    /// 0 miter, 1 round, 2 bevel.
    pub join: u8,
    pub miter_limit: f32,
    pub dash: Option<Vec<f32>>,
}

/// Whether `bytes` look like an SVG file (or the name ends in .svg).
pub fn is_svg(name: &str, bytes: &[u8]) -> bool {
    if name.to_ascii_lowercase().ends_with(".svg") {
        return true;
    }
    let head = &bytes[..bytes.len().min(512)];
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    text.starts_with("<svg") || (text.starts_with("<?xml") && text.contains("<svg"))
}

/// An SVG larger than this is no logo (a designer's logo is a few KB to a few
/// hundred): bounded time and memory for a hostile file.
const MAX_SVG_BYTES: usize = 4 << 20;
/// Path segments at most, after `<use>` and transforms are resolved.
const MAX_SEGMENTS: usize = 200_000;

/// Reads an SVG file's bytes into a drawing, or says why it cannot be used.
pub fn read(bytes: &[u8]) -> Result<Arc<Drawing>, String> {
    if bytes.len() > MAX_SVG_BYTES {
        return Err(format!(
            "the SVG file is {:.1} MB; a logo or drawing is far smaller (export it again, or send a PNG)",
            bytes.len() as f64 / 1e6
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| "the SVG file is not UTF-8 text".to_string())?;
    // Text needs fonts, which would have to come from this computer: a logo's words
    // must be outlines, as print shops ask for anyway.
    let doc = usvg::roxmltree::Document::parse_with_options(
        text,
        usvg::roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .map_err(|e| format!("the SVG file cannot be read ({e})"))?;
    if doc.descendants().any(|n| n.tag_name().name() == "text") {
        return Err(
            "the SVG has text that is not outlines; in the design program, convert the text to outlines (paths) and save it again"
                .into(),
        );
    }
    // `<image href="…">` is never followed: a picture cannot pull in files from
    // elsewhere on the computer, or from the web.
    let options = usvg::Options {
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: Box::new(|_, _, _| None),
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    };
    let tree =
        usvg::Tree::from_str(text, &options).map_err(|e| format!("the SVG file cannot be read ({e})"))?;
    let size = tree.size();
    let mut drawing = Drawing {
        width: size.width(),
        height: size.height(),
        shapes: Vec::new(),
    };
    if doc
        .descendants()
        .any(|n| matches!(n.tag_name().name(), "image" | "foreignObject"))
    {
        return Err("the SVG holds a picture of its own; export it with every part as a vector shape".into());
    }
    group(tree.root(), &mut drawing)?;
    if drawing.shapes.iter().map(|s| s.path.len()).sum::<usize>() > MAX_SEGMENTS {
        return Err("the SVG has too many shapes for a logo or drawing (simplify it, or send a PNG)".into());
    }
    if drawing.shapes.is_empty() {
        return Err("the SVG draws nothing".into());
    }
    Ok(Arc::new(drawing))
}

fn group(g: &usvg::Group, out: &mut Drawing) -> Result<(), String> {
    if g.clip_path().is_some() || g.mask().is_some() || !g.filters().is_empty() {
        return Err(
            "the SVG uses clipping, masks or filters, which leafpress cannot draw yet; flatten them in the design program (or send a PNG)"
                .into(),
        );
    }
    if g.opacity().get() < 1.0 {
        return Err("the SVG has a see-through group; give it solid colours (or send a PNG)".into());
    }
    for node in g.children() {
        match node {
            usvg::Node::Group(g) => group(g, out)?,
            usvg::Node::Path(p) => {
                if let Some(shape) = path(p)? {
                    out.shapes.push(shape);
                }
            }
            usvg::Node::Image(_) => {
                return Err(
                    "the SVG holds a picture of its own; export it with every part as a vector shape".into(),
                )
            }
            usvg::Node::Text(_) => {
                return Err(
                    "the SVG has text that is not outlines; convert the text to outlines (paths)".into(),
                )
            }
        }
    }
    Ok(())
}

/// A solid colour, or why a paint cannot be used.
fn solid(paint: &usvg::Paint, opacity: f32) -> Result<Color, String> {
    let usvg::Paint::Color(c) = paint else {
        return Err("the SVG uses gradients or patterns; give the logo solid colours (or send a PNG)".into());
    };
    if opacity < 1.0 {
        return Err("the SVG has see-through colours; give the logo solid colours (or send a PNG)".into());
    }
    Ok(Color(c.red, c.green, c.blue))
}

fn path(p: &usvg::Path) -> Result<Option<Shape>, String> {
    if !p.is_visible() {
        return Ok(None);
    }
    let fill = p
        .fill()
        .map(|f| {
            Ok::<_, String>(Fill {
                color: solid(f.paint(), f.opacity().get())?,
                even_odd: f.rule() == usvg::FillRule::EvenOdd,
            })
        })
        .transpose()?;
    let ts = p.abs_transform();
    // A stroke's width grows with the transform's scale (uniform in a logo).
    let scale = (ts.sx * ts.sy - ts.kx * ts.ky).abs().sqrt();
    let stroke = p
        .stroke()
        .map(|s| {
            Ok::<_, String>(Stroke {
                color: solid(s.paint(), s.opacity().get())?,
                width: s.width().get() * scale,
                cap: match s.linecap() {
                    usvg::LineCap::Butt => 0,
                    usvg::LineCap::Round => 1,
                    usvg::LineCap::Square => 2,
                },
                join: match s.linejoin() {
                    usvg::LineJoin::Miter | usvg::LineJoin::MiterClip => 0,
                    usvg::LineJoin::Round => 1,
                    usvg::LineJoin::Bevel => 2,
                },
                miter_limit: s.miterlimit().get(),
                dash: s.dasharray().map(|d| d.iter().map(|v| v * scale).collect()),
            })
        })
        .transpose()?;
    if fill.is_none() && stroke.is_none() {
        return Ok(None);
    }
    let at = |x: f32, y: f32| {
        let mut pt = usvg::tiny_skia_path::Point::from_xy(x, y);
        ts.map_point(&mut pt);
        (pt.x, pt.y)
    };
    let mut segments = Vec::new();
    let mut last = (0.0, 0.0);
    for seg in p.data().segments() {
        segments.push(match seg {
            PathSegment::MoveTo(a) => {
                last = at(a.x, a.y);
                Segment::Move(last.0, last.1)
            }
            PathSegment::LineTo(a) => {
                last = at(a.x, a.y);
                Segment::Line(last.0, last.1)
            }
            // PDF has no quadratic curves: the cubic with the same shape.
            PathSegment::QuadTo(c, a) => {
                let (c, a) = (at(c.x, c.y), at(a.x, a.y));
                let c1 = (
                    last.0 + 2.0 / 3.0 * (c.0 - last.0),
                    last.1 + 2.0 / 3.0 * (c.1 - last.1),
                );
                let c2 = (a.0 + 2.0 / 3.0 * (c.0 - a.0), a.1 + 2.0 / 3.0 * (c.1 - a.1));
                last = a;
                Segment::Cubic(c1.0, c1.1, c2.0, c2.1, a.0, a.1)
            }
            PathSegment::CubicTo(c1, c2, a) => {
                let (c1, c2, a) = (at(c1.x, c1.y), at(c2.x, c2.y), at(a.x, a.y));
                last = a;
                Segment::Cubic(c1.0, c1.1, c2.0, c2.1, a.0, a.1)
            }
            PathSegment::Close => Segment::Close,
        });
    }
    Ok(Some(Shape {
        path: segments,
        fill,
        stroke,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_logo_becomes_solid_shapes_in_its_own_units() {
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" width="200" height="100">
            <rect x="10" y="10" width="80" height="80" fill="#1F5F75"/>
            <g transform="translate(100 0) scale(2)"><circle cx="25" cy="25" r="20" fill="none" stroke="#000" stroke-width="3"/></g>
        </svg>"##;
        let d = read(svg).unwrap();
        assert_eq!((d.width, d.height), (200.0, 100.0));
        assert_eq!(d.shapes.len(), 2);
        assert_eq!(d.shapes[0].fill.unwrap().color, Color::hex(0x1F5F75));
        let stroke = d.shapes[1].stroke.as_ref().unwrap();
        assert!(
            (stroke.width - 6.0).abs() < 0.01,
            "scaled with its group: {}",
            stroke.width
        );
        // The circle sits in the right half, where its group put it.
        let xs: Vec<f32> = d.shapes[1]
            .path
            .iter()
            .filter_map(|s| match s {
                Segment::Move(x, _) | Segment::Line(x, _) | Segment::Cubic(.., x, _) => Some(*x),
                Segment::Close => None,
            })
            .collect();
        assert!(xs.iter().all(|&x| (100.0..=200.0).contains(&x)), "{xs:?}");
    }

    #[test]
    fn what_would_print_wrongly_is_refused_with_advice() {
        let text = br#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text x="0" y="9">Clinic</text></svg>"#;
        assert!(read(text).unwrap_err().contains("outlines"));
        let gradient = br#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><defs><linearGradient id="g"><stop offset="0" stop-color="red"/><stop offset="1" stop-color="blue"/></linearGradient></defs><rect width="10" height="10" fill="url(#g)"/></svg>"#;
        assert!(read(gradient).unwrap_err().contains("solid colours"));
        let outside = br#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><image href="/etc/passwd" width="10" height="10"/><rect width="5" height="5"/></svg>"#;
        assert!(read(outside).unwrap_err().contains("picture of its own"));
        assert!(read(b"not svg").is_err());
    }

    #[test]
    fn svg_is_known_by_name_or_content() {
        assert!(is_svg("logo.SVG", b""));
        assert!(is_svg(
            "logo",
            b"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
        ));
        assert!(!is_svg("logo.png", b"\x89PNG"));
    }
}
