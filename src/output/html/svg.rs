//! An SVG picture written back from its checked shapes (`images::vector`): only
//! paths in solid colours, so nothing of the original file (scripts, links,
//! external references) reaches the page, and the same shapes give the same bytes.

use super::inline::escape;
use crate::images::vector::{Drawing, Segment};
use std::fmt::Write;

/// The drawing as an inline `<svg>`: an image named `alt`, or hidden from screen
/// readers when decorative (`None`). `width_em`: its width on the page.
pub fn svg(d: &Drawing, alt: Option<&str>, width_em: Option<f32>) -> String {
    let label = match alt {
        Some(a) => format!(" role=\"img\" aria-label=\"{}\"", escape(a)),
        None => " aria-hidden=\"true\"".to_string(),
    };
    let style = width_em.map_or(String::new(), |w| format!(" style=\"inline-size:{w:.1}em\""));
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\"{label}{style} focusable=\"false\">",
        n(d.width),
        n(d.height),
        n(d.width),
        n(d.height)
    );
    for s in &d.shapes {
        let mut path = String::new();
        for seg in &s.path {
            let _ = match *seg {
                Segment::Move(x, y) => write!(path, "M{} {}", n(x), n(y)),
                Segment::Line(x, y) => write!(path, "L{} {}", n(x), n(y)),
                Segment::Cubic(a, b, c, e, x, y) => {
                    write!(path, "C{} {} {} {} {} {}", n(a), n(b), n(c), n(e), n(x), n(y))
                }
                Segment::Close => write!(path, "Z"),
            };
        }
        let fill = match &s.fill {
            Some(f) if f.even_odd => format!(" fill=\"{}\" fill-rule=\"evenodd\"", f.color),
            Some(f) => format!(" fill=\"{}\"", f.color),
            None => " fill=\"none\"".to_string(),
        };
        let stroke = match &s.stroke {
            Some(st) => {
                let cap = ["butt", "round", "square"][st.cap.min(2) as usize];
                let join = ["miter", "round", "bevel"][st.join.min(2) as usize];
                let dash = st.dash.as_ref().map_or(String::new(), |d| {
                    let v: Vec<String> = d.iter().map(|x| n(*x)).collect();
                    format!(" stroke-dasharray=\"{}\"", v.join(" "))
                });
                format!(
                    " stroke=\"{}\" stroke-width=\"{}\" stroke-linecap=\"{cap}\" stroke-linejoin=\"{join}\" stroke-miterlimit=\"{}\"{dash}",
                    st.color,
                    n(st.width),
                    n(st.miter_limit)
                )
            }
            None => String::new(),
        };
        let _ = write!(out, "<path d=\"{path}\"{fill}{stroke}/>");
    }
    out.push_str("</svg>");
    out
}

/// A coordinate with at most two decimals and no trailing zeros: small and the
/// same bytes on every machine.
fn n(v: f32) -> String {
    let s = format!("{:.2}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}
