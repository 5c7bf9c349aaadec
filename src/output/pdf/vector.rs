//! An SVG's shapes as a form XObject: drawn with the same `cm` and `Do` as a raster
//! image (the form's matrix maps the drawing onto the unit square, y up), so the
//! painter, the tagging and the placement need nothing of their own.

use super::content::Content;
use crate::images::vector::{Drawing, Segment};
use printpdf::{DictItem, ExternalStream, ExternalXObject};
use std::collections::BTreeMap;

pub fn form_xobject(d: &Drawing) -> ExternalXObject {
    let mut c = Content::default();
    for shape in &d.shapes {
        if let Some(f) = &shape.fill {
            c.fill_rgb(f.color);
        }
        if let Some(s) = &shape.stroke {
            c.stroke_rgb(s.color);
            c.num(s.width);
            c.op("w");
            c.num(s.cap as f32);
            c.op("J");
            c.num(s.join as f32);
            c.op("j");
            c.num(s.miter_limit);
            c.op("M");
            c.bytes.push(b'[');
            for v in s.dash.iter().flatten() {
                c.num(*v);
            }
            c.bytes.extend_from_slice(b"] 0 d\n");
        }
        for seg in &shape.path {
            match *seg {
                Segment::Move(x, y) => {
                    c.nums(&[x, y]);
                    c.op("m");
                }
                Segment::Line(x, y) => {
                    c.nums(&[x, y]);
                    c.op("l");
                }
                Segment::Cubic(a, b, cc, dd, e, f) => {
                    c.nums(&[a, b, cc, dd, e, f]);
                    c.op("c");
                }
                Segment::Close => c.op("h"),
            }
        }
        let even_odd = shape.fill.is_some_and(|f| f.even_odd);
        c.op(match (shape.fill.is_some(), shape.stroke.is_some(), even_odd) {
            (true, true, false) => "B",
            (true, true, true) => "B*",
            (true, false, false) => "f",
            (true, false, true) => "f*",
            _ => "S",
        });
    }
    let (w, h) = (d.width.max(f32::EPSILON), d.height.max(f32::EPSILON));
    let mut dict = BTreeMap::new();
    dict.insert("Type".into(), DictItem::Name(b"XObject".to_vec()));
    dict.insert("Subtype".into(), DictItem::Name(b"Form".to_vec()));
    dict.insert(
        "BBox".into(),
        DictItem::Array(vec![
            DictItem::Real(0.0),
            DictItem::Real(0.0),
            DictItem::Real(w),
            DictItem::Real(h),
        ]),
    );
    // The drawing's units (y down) onto the unit square (y up), where images live.
    dict.insert(
        "Matrix".into(),
        DictItem::Array(vec![
            DictItem::Real(1.0 / w),
            DictItem::Real(0.0),
            DictItem::Real(0.0),
            DictItem::Real(-1.0 / h),
            DictItem::Real(0.0),
            DictItem::Real(1.0),
        ]),
    );
    ExternalXObject {
        stream: ExternalStream {
            dict,
            content: c.bytes,
            compress: true,
        },
        width: None,
        height: None,
        dpi: None,
    }
}
