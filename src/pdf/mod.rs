//! PDF writing: the only module that knows printpdf and lopdf.
//!
//! Layout's pages become printpdf operations ([`draw`]) with subset fonts
//! ([`fonts`]) and images; lopdf then adds what printpdf cannot write ([`finish`]):
//! language, nested outline, viewer preferences and a content-derived file ID.

mod draw;
mod finish;
mod fonts;
mod tags;

use crate::content::{LoadedImage, Pixels};
use crate::layout::{Document, Item};
use printpdf::{
    DictItem, ExternalStream, ExternalXObject, ImageCompression, ImageOptimizationOptions, PdfDocument,
    PdfPage, PdfSaveOptions, Px, RawImage, XObject, XObjectId,
};
use std::collections::{BTreeMap, HashMap};

/// Document metadata.
pub struct Meta<'a> {
    pub title: &'a str,
    pub author: Option<&'a str>,
    pub language: &'a str,
}

/// Writes the laid-out document as PDF bytes.
pub fn write(doc: &Document, images: &HashMap<usize, LoadedImage>, meta: &Meta) -> Result<Vec<u8>, String> {
    let mut pdf = PdfDocument::new(meta.title);
    pdf.metadata.info.author = meta.author.unwrap_or_default().to_string();
    pdf.metadata.info.creator = "leafpress".into();
    pdf.metadata.info.producer = concat!("leafpress ", env!("CARGO_PKG_VERSION")).into();

    let fonts = fonts::embed(doc, &mut pdf)?;
    let xobjects = embed_images(doc, images, &mut pdf)?;
    let painter = draw::Painter {
        height: doc.height,
        fonts: &fonts,
        images: &xobjects,
        structure: &doc.structure,
    };
    let (pages, page_tags): (Vec<PdfPage>, Vec<draw::PageTags>) = doc
        .pages
        .iter()
        .map(|p| {
            let (ops, tags) = painter.page_ops(p);
            let size = |pt: f32| printpdf::Mm(pt / crate::units::PT_PER_MM);
            (PdfPage::new(size(doc.width), size(doc.height), ops), tags)
        })
        .unzip();
    let pdf = pdf.with_pages(pages);
    let opts = PdfSaveOptions {
        subset_fonts: false,
        // Lossless: PNGs are Flate-compressed as they are, never turned into JPEG or
        // downsampled (printpdf's defaults do both).
        image_optimization: Some(ImageOptimizationOptions {
            format: Some(ImageCompression::Flate),
            max_image_size: None,
            auto_optimize: Some(false),
            ..Default::default()
        }),
        ..Default::default()
    };
    let mut warnings = Vec::new();
    let lo = pdf.to_lopdf_document(&opts, &mut warnings);
    finish::finish(lo, doc, meta, &page_tags)
}

fn embed_images(
    doc: &Document,
    images: &HashMap<usize, LoadedImage>,
    pdf: &mut PdfDocument,
) -> Result<HashMap<usize, (XObjectId, u32)>, String> {
    let mut out = HashMap::new();
    let placed = doc
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|p| match p.item {
            Item::Image { block, .. } => Some(block),
            _ => None,
        });
    for block in placed {
        if out.contains_key(&block) {
            continue;
        }
        let Some(img) = images.get(&block) else { continue };
        let id = XObjectId(format!("Im{}", block + 1));
        let xobject = match &img.pixels {
            Pixels::Jpeg { bytes, components } => XObject::External(jpeg_xobject(bytes, img, *components)),
            Pixels::Decoded(d) => {
                let d = match d.color() {
                    ::image::ColorType::L8
                    | ::image::ColorType::La8
                    | ::image::ColorType::Rgb8
                    | ::image::ColorType::Rgba8 => d.clone(),
                    c if c.has_alpha() => ::image::DynamicImage::ImageRgba8(d.to_rgba8()),
                    _ => ::image::DynamicImage::ImageRgb8(d.to_rgb8()),
                };
                XObject::Image(
                    RawImage::from_dynamic_image(d).map_err(|e| format!("{}: {e}", img.path.display()))?,
                )
            }
        };
        pdf.resources.xobjects.map.insert(id.clone(), xobject);
        out.insert(block, (id, img.width_px));
    }
    Ok(out)
}

/// A JPEG embedded as its own bytes (DCTDecode), so it is not compressed twice.
fn jpeg_xobject(jpeg: &[u8], img: &LoadedImage, components: u8) -> ExternalXObject {
    let mut d = BTreeMap::new();
    let space: &[u8] = if components == 1 {
        b"DeviceGray"
    } else {
        b"DeviceRGB"
    };
    d.insert("Type".into(), DictItem::Name(b"XObject".to_vec()));
    d.insert("Subtype".into(), DictItem::Name(b"Image".to_vec()));
    d.insert("Width".into(), DictItem::Int(img.width_px as i64));
    d.insert("Height".into(), DictItem::Int(img.height_px as i64));
    d.insert("BitsPerComponent".into(), DictItem::Int(8));
    d.insert("ColorSpace".into(), DictItem::Name(space.to_vec()));
    d.insert("Filter".into(), DictItem::Name(b"DCTDecode".to_vec()));
    ExternalXObject {
        stream: ExternalStream {
            dict: d,
            content: jpeg.to_vec(),
            compress: false,
        },
        width: Some(Px(img.width_px as usize)),
        height: Some(Px(img.height_px as usize)),
        dpi: None,
    }
}
