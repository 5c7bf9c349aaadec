//! PDF writing: the only module that knows printpdf and lopdf.
//!
//! Layout's pages become content streams (`draw`, `content`); printpdf writes
//! the pages around them, the subset fonts (`fonts`) and the images; lopdf then adds
//! what printpdf cannot write (`finish`): the structure tree, language, nested
//! outline, viewer preferences and a content-derived file ID.

mod cff;
mod content;
mod draw;
mod finish;
mod fonts;
mod save;
mod tags;
mod unhint;
mod vector;

use crate::images::{ImageKey, Prepared};
use crate::layout::{Document, Item, LinkTarget, Owner, Placed, Role};
use crate::output::impose::Sheets;
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
    /// The leaflet's dates, ISO 8601 (`2026-03` or `2026-03-14`).
    pub published: Option<&'a str>,
    pub review: Option<&'a str>,
}

/// What can stop the PDF from being written. Layout and resolve have checked the
/// input, so each of these is a defect or a resource problem, never silent.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    #[error("the font {name} could not be embedded: {reason}")]
    Font { name: String, reason: String },
    #[error("the image{} could not be embedded: {reason}", image_name(*.image))]
    Image { image: ImageKey, reason: String },
    #[error("a link{} points at no placed heading", block_name(*.owner))]
    Destination { owner: Option<Owner> },
    #[error("printpdf could not write the PDF: {0}")]
    Writer(String),
    #[error("finishing the PDF: {0}")]
    Finish(String),
}

/// Writes the laid-out document, imposed on `sheets`, as PDF bytes; `parallel`: a
/// long one may use two more threads.
pub fn write(
    doc: &Document,
    sheets: &Sheets,
    images: &HashMap<ImageKey, Prepared>,
    book: &crate::text::FontBook,
    meta: &Meta,
    parallel: bool,
) -> Result<Vec<u8>, Error> {
    check_destinations(doc, sheets)?;
    let mut pdf = PdfDocument::new(meta.title);
    pdf.metadata.info.author = meta.author.unwrap_or_default().to_string();
    pdf.metadata.info.creator = "leafpress".into();
    pdf.metadata.info.producer = concat!("leafpress ", env!("CARGO_PKG_VERSION")).into();

    let fonts = fonts::plan(doc, book);
    // Two cores: the fonts are subset while the pages are painted, and each page's
    // content stream is compressed on the other core as soon as it is painted, while
    // the next is painted and printpdf and the structure tree are built.
    // A thread costs more than it saves on a short leaflet: under this many pages
    // the subsetting and compressing wait for the painting, on this core.
    let parallel = parallel && doc.pages.len() >= PARALLEL_PAGES;
    std::thread::scope(|scope| {
        let subsets = task(scope, parallel, || fonts::subset_all(&fonts, book));
        let xobjects = embed_images(images, &mut pdf)?;
        let painter = draw::Painter {
            height: doc.height,
            fonts: &fonts,
            images: &xobjects,
            structure: &doc.structure,
            sheets,
        };
        let (painted, to_deflate) = std::sync::mpsc::channel();
        let deflated = task(scope, parallel, move || finish::deflate_all(to_deflate));
        let (pages, slot_tags) = paint(&painter, doc, sheets, painted);
        for (id, font) in joined(subsets)? {
            pdf.resources.fonts.map.insert(id, font);
        }
        pdf.with_pages(pages);
        // printpdf's page operations are only the link annotations, and on the first
        // page the fonts' census; `finish` puts the content streams in place.
        if let Some(first) = pdf.pages.first_mut() {
            first.ops.extend(fonts::census(&fonts));
        }
        let opts = PdfSaveOptions {
            subset_fonts: false,
            // Images come prepared (see `images`): printpdf must not recompress or
            // downsample them, which its defaults do.
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
        // The operations are in `lo` now: free them before the structure tree and the
        // object streams are built (a third of the peak memory of a long leaflet).
        drop(pdf);
        // printpdf reports what it could not write as warnings: an error among them
        // means the file would be wrong, so it is ours too.
        if let Some(w) = warnings
            .iter()
            .find(|w| w.severity == printpdf::PdfParseErrorSeverity::Error)
        {
            return Err(Error::Writer(w.msg.clone()));
        }
        finish::finish(lo, doc, sheets, meta, &slot_tags, || joined(deflated)).map_err(Error::Finish)
    })
}

/// The page count from which the fonts are subset and the pages compressed on a
/// second thread (measured: below it the thread's start and handover cost more).
const PARALLEL_PAGES: usize = 12;

/// Work done on another thread, or put off until it is joined.
enum Task<'scope, T> {
    Thread(std::thread::ScopedJoinHandle<'scope, T>),
    Later(Box<dyn FnOnce() -> T + Send + 'scope>),
}

fn task<'scope, T: Send + 'scope>(
    scope: &'scope std::thread::Scope<'scope, '_>,
    parallel: bool,
    work: impl FnOnce() -> T + Send + 'scope,
) -> Task<'scope, T> {
    if parallel {
        Task::Thread(scope.spawn(work))
    } else {
        Task::Later(Box::new(work))
    }
}

/// A task's result; a helper thread's panic goes on in this thread.
fn joined<T>(task: Task<'_, T>) -> T {
    match task {
        Task::Thread(handle) => handle
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        Task::Later(work) => work(),
    }
}

/// Each sheet's printpdf page (with the sheet's link annotations) and what each
/// placed page contributes to the structure tree, in the laid-out pages' order. Each
/// sheet's content stream goes to `contents` as soon as it is painted.
fn paint(
    painter: &draw::Painter,
    doc: &Document,
    sheets: &Sheets,
    contents: std::sync::mpsc::Sender<Vec<u8>>,
) -> (Vec<PdfPage>, Vec<draw::SlotTags>) {
    let mut slot_tags = Vec::new();
    let mut pages = Vec::new();
    for (n, sheet) in sheets.sheets.iter().enumerate() {
        let mut out = content::Content::default();
        let mut annots = Vec::new();
        let mut counts = draw::SheetCounts::default();
        for slot in &sheet.slots {
            let at = draw::Placement {
                dx: slot.dx,
                dy: slot.dy,
                sheet_height: sheet.height,
            };
            let events = painter.paint(
                &mut out,
                &mut annots,
                &doc.pages[slot.page].items,
                at,
                &mut counts,
            );
            slot_tags.push(draw::SlotTags {
                page: slot.page,
                sheet: n,
                events,
            });
        }
        let marks: Vec<Placed> = sheet
            .marks
            .iter()
            .map(|m| Placed {
                item: m.clone(),
                role: Role::Artifact,
            })
            .collect();
        let at = draw::Placement {
            dx: 0.0,
            dy: 0.0,
            sheet_height: sheet.height,
        };
        painter.paint(&mut out, &mut annots, &marks, at, &mut counts);
        let size = |pt: f32| printpdf::Mm(pt / crate::base::units::PT_PER_MM);
        pages.push(PdfPage::new(size(sheet.width), size(sheet.height), annots));
        // The receiving thread lives until `finish` has every stream.
        contents
            .send(out.bytes)
            .expect("the compressing thread waits for every page");
    }
    // The structure tree follows the laid-out pages' order, whatever sheet they are on.
    slot_tags.sort_by_key(|t| t.page);
    (pages, slot_tags)
}

fn image_name(image: ImageKey) -> String {
    match image {
        ImageKey::Logo => " of the logo".into(),
        ImageKey::Cover => " of the cover".into(),
        ImageKey::Block(b) => format!(" in block {}", b + 1),
    }
}

fn block_name(owner: Option<Owner>) -> String {
    match owner {
        None => String::new(),
        Some(Owner::Title) => " on the cover".into(),
        Some(Owner::About) => " on the back page".into(),
        Some(Owner::Block(b)) => format!(" in block {}", b + 1),
    }
}

/// Every internal link and bookmark must land on a sheet; the painter relies on it.
fn check_destinations(doc: &Document, sheets: &Sheets) -> Result<(), Error> {
    if doc.outline.iter().any(|e| sheets.place(e.dest).is_none()) {
        return Err(Error::Destination { owner: None });
    }
    for placed in doc.pages.iter().flat_map(|p| &p.items) {
        if let Item::Link { target, .. } = &placed.item {
            let ok = match target {
                LinkTarget::Uri(_) => true,
                LinkTarget::Dest(d) => sheets.place(*d).is_some(),
                LinkTarget::Anchor(_) => false,
            };
            if !ok {
                let owner = match placed.role {
                    Role::Content { owner, .. } => Some(owner),
                    Role::Artifact => None,
                };
                return Err(Error::Destination { owner });
            }
        }
    }
    Ok(())
}

fn embed_images(
    images: &HashMap<ImageKey, Prepared>,
    pdf: &mut PdfDocument,
) -> Result<HashMap<ImageKey, (XObjectId, u32)>, Error> {
    let mut keys: Vec<_> = images.keys().copied().collect();
    keys.sort();
    let mut out = HashMap::new();
    for key in keys {
        let id = XObjectId(match key {
            ImageKey::Logo => "Logo".to_string(),
            ImageKey::Cover => "Cover".to_string(),
            ImageKey::Block(b) => format!("Im{}", b + 1),
        });
        let prepared = &images[&key];
        let xobject = match prepared {
            Prepared::Jpeg {
                bytes,
                components,
                width_px,
                height_px,
            } => XObject::External(jpeg_xobject(bytes, *width_px, *height_px, *components)),
            Prepared::Png {
                color,
                components,
                alpha,
                width_px,
                height_px,
            } => XObject::External(png_xobject(
                color,
                *components,
                alpha.as_deref(),
                *width_px,
                *height_px,
            )),
            Prepared::Pixels(d) => {
                let d = match d.color() {
                    ::image::ColorType::L8
                    | ::image::ColorType::La8
                    | ::image::ColorType::Rgb8
                    | ::image::ColorType::Rgba8 => d.clone(),
                    c if c.has_alpha() => ::image::DynamicImage::ImageRgba8(d.to_rgba8()),
                    _ => ::image::DynamicImage::ImageRgb8(d.to_rgb8()),
                };
                // The colour types are converted to ones printpdf takes just above.
                match RawImage::from_dynamic_image(d) {
                    Ok(raw) => XObject::Image(raw),
                    Err(reason) => return Err(Error::Image { image: key, reason }),
                }
            }
            Prepared::Vector(d) => XObject::External(vector::form_xobject(d)),
        };
        pdf.resources.xobjects.map.insert(id.clone(), xobject);
        out.insert(key, (id, prepared.width_px()));
    }
    Ok(out)
}

/// The dictionary of an 8-bit image XObject, grey or RGB, with its filter.
fn image_dict(width: u32, height: u32, components: u8, filter: &[u8]) -> BTreeMap<String, DictItem> {
    let space: &[u8] = if components == 1 {
        b"DeviceGray"
    } else {
        b"DeviceRGB"
    };
    let mut d = BTreeMap::new();
    d.insert("Type".into(), DictItem::Name(b"XObject".to_vec()));
    d.insert("Subtype".into(), DictItem::Name(b"Image".to_vec()));
    d.insert("Width".into(), DictItem::Int(width as i64));
    d.insert("Height".into(), DictItem::Int(height as i64));
    d.insert("BitsPerComponent".into(), DictItem::Int(8));
    d.insert("ColorSpace".into(), DictItem::Name(space.to_vec()));
    d.insert("Filter".into(), DictItem::Name(filter.to_vec()));
    d
}

/// An image stream whose bytes go in as they are (already compressed).
fn image_xobject(
    dict: BTreeMap<String, DictItem>,
    content: &[u8],
    width: u32,
    height: u32,
) -> ExternalXObject {
    ExternalXObject {
        stream: ExternalStream {
            dict,
            content: content.to_vec(),
            compress: false,
        },
        width: Some(Px(width as usize)),
        height: Some(Px(height as usize)),
        dpi: None,
    }
}

/// Lossless pixels as PNG-filtered zlib data (FlateDecode with PNG predictors), the
/// alpha plane as a soft mask of the same kind.
fn png_xobject(
    color: &[u8],
    components: u8,
    alpha: Option<&[u8]>,
    width: u32,
    height: u32,
) -> ExternalXObject {
    let dict = |components: u8| {
        let mut parms = BTreeMap::new();
        parms.insert("Predictor".into(), DictItem::Int(15));
        parms.insert("Colors".into(), DictItem::Int(components as i64));
        parms.insert("BitsPerComponent".into(), DictItem::Int(8));
        parms.insert("Columns".into(), DictItem::Int(width as i64));
        let mut d = image_dict(width, height, components, b"FlateDecode");
        d.insert("DecodeParms".into(), DictItem::Dict { map: parms });
        d
    };
    let mut d = dict(components);
    if let Some(alpha) = alpha {
        let mask = image_xobject(dict(1), alpha, width, height).stream;
        d.insert("SMask".into(), DictItem::Stream { stream: mask });
    }
    image_xobject(d, color, width, height)
}

/// A JPEG embedded as its own bytes (DCTDecode), so it is not compressed twice.
fn jpeg_xobject(jpeg: &[u8], width: u32, height: u32, components: u8) -> ExternalXObject {
    image_xobject(
        image_dict(width, height, components, b"DCTDecode"),
        jpeg,
        width,
        height,
    )
}
