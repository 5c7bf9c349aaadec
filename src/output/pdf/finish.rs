//! Post-processing printpdf's output with lopdf: what printpdf has no API for.
//!
//! - `/Lang`, `DisplayDocTitle`, `/PageMode /UseOutlines` (printpdf writes it as a string);
//! - a nested outline (H1 > H2) whose entries jump to the heading itself, not the page top;
//! - link annotations that print (`/F 4`) and describe themselves (`/Contents`);
//! - no fake PDF/X marker, no 1970 dates, and a file ID derived from the content,
//!   so identical input gives byte-identical output.

use crate::layout::Document;
use lopdf::{dictionary, Dictionary, Object, ObjectId, StringFormat};

use super::draw::SlotTags;
use super::{tags, Meta};
use crate::layout::Rect;
use crate::output::impose::{Sheet, Sheets};

pub fn finish(
    mut lo: lopdf::Document,
    doc: &Document,
    sheets: &Sheets,
    meta: &Meta,
    slots: &[SlotTags],
    contents: impl FnOnce() -> (Vec<Deflated>, Deflater),
) -> Result<Vec<u8>, String> {
    let err = |e: lopdf::Error| format!("finishing the PDF: {e}");
    lo.version = "1.7".into();
    let pages: Vec<ObjectId> = lo.get_pages().into_values().collect();

    // Annotations become indirect objects (a structure element can only point at
    // those), print (/F 4), describe themselves, and are visited in structure order.
    let mut annots: Vec<Vec<ObjectId>> = Vec::new();
    for &page_id in &pages {
        let direct: Vec<Object> = match lo.get_dictionary(page_id).map_err(err)?.get(b"Annots") {
            Ok(Object::Array(a)) => a.clone(),
            _ => Vec::new(),
        };
        let mut ids = Vec::new();
        for a in direct {
            let Object::Dictionary(mut d) = a else { continue };
            let uri = d
                .get(b"A")
                .and_then(Object::as_dict)
                .and_then(|a| a.get(b"URI"))
                .and_then(Object::as_str)
                .map(|u| String::from_utf8_lossy(u).into_owned())
                .unwrap_or_default();
            d.set("F", 4);
            let contents = if uri.is_empty() {
                "Link to another part of this leaflet".to_string()
            } else {
                format!("Link to {uri}")
            };
            d.set("Contents", text_string(&contents));
            d.set("P", Object::Reference(page_id));
            ids.push(lo.add_object(d));
        }
        let page = lo.get_dictionary_mut(page_id).map_err(err)?;
        if ids.is_empty() {
            page.remove(b"Annots");
        } else {
            page.set(
                "Annots",
                ids.iter().map(|&id| Object::Reference(id)).collect::<Vec<_>>(),
            );
            page.set("Tabs", Object::Name(b"S".to_vec()));
        }
        annots.push(ids);
    }
    for (&page_id, sheet) in pages.iter().zip(&sheets.sheets) {
        let page = lo.get_dictionary_mut(page_id).map_err(err)?;
        page.set("TrimBox", pdf_box(sheet, sheet.trim));
        page.set("BleedBox", pdf_box(sheet, sheet.bleed));
    }
    let elements = tags::add_structure(&mut lo, &doc.structure, &pages, slots, &annots, meta.language)?;
    tags::add_xmp(&mut lo, meta)?;

    let outline = build_outline(&mut lo, doc, sheets, &pages);
    let catalog = lo.catalog_mut().map_err(err)?;
    catalog.set("Lang", text_string(meta.language));
    catalog.set("ViewerPreferences", dictionary! { "DisplayDocTitle" => true });
    match outline {
        Some(root) => {
            catalog.set("Outlines", Object::Reference(root));
            catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
        }
        None => {
            catalog.remove(b"Outlines");
            catalog.remove(b"PageMode");
        }
    }

    if let Ok(Object::Reference(info_id)) = lo.trailer.get(b"Info").cloned() {
        let info = lo.get_dictionary_mut(info_id).map_err(err)?;
        for key in [
            "GTS_PDFXVersion",
            "Identifier",
            "Trapped",
            "CreationDate",
            "ModDate",
        ] {
            info.remove(key.as_bytes());
        }
        for key in ["Subject", "Keywords", "Author"] {
            if matches!(info.get(key.as_bytes()), Ok(Object::String(s, _)) if s.is_empty()) {
                info.remove(key.as_bytes());
            }
        }
        info.set("Title", text_string(meta.title));
        if let Some(p) = meta.published {
            // PDF dates may stop at the month: D:YYYYMM or D:YYYYMMDD.
            info.set("CreationDate", text_string(&format!("D:{}", p.replace('-', ""))));
        }
        if let Some(a) = meta.author {
            info.set("Author", text_string(a));
        }
    }

    // Each page's content stream, written by `draw` (and compressed meanwhile),
    // replaces what printpdf wrote from the page's operations (nothing, or the fonts'
    // census).
    let (contents, mut z) = contents();
    for (&page, content) in pages.iter().zip(contents) {
        let ids = lo.get_page_contents(page);
        let Some(&id) = ids.first() else {
            return Err(format!("page {page:?} has no content stream"));
        };
        match lo.get_object_mut(id) {
            Ok(Object::Stream(s)) => {
                if content.flate {
                    s.dict.set("Filter", "FlateDecode");
                } else {
                    s.dict.remove(b"Filter");
                }
                s.set_content(content.bytes);
            }
            _ => return Err(format!("page {page:?}'s content is not a stream")),
        }
    }
    // The rest (fonts, their ToUnicode maps) are a fifth of the bytes: one thread.
    for o in lo.objects.values_mut() {
        if let Object::Stream(s) = o {
            if s.dict.get(b"Filter").is_err() && s.allows_compression {
                if let Some(out) = z.deflate(&s.content) {
                    s.dict.set("Filter", "FlateDecode");
                    s.set_content(out);
                }
            }
        }
    }
    // printpdf's file ID comes from a process-wide counter; derive it from the
    // content instead, so the same input always gives the same bytes.
    let id = Object::String(content_id(&lo).into_bytes(), StringFormat::Hexadecimal);
    lo.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    // Objects that are not streams (the structure tree's many small dictionaries,
    // annotations, the outline) go into compressed object streams with a
    // cross-reference stream (PDF 1.5): the file is a third smaller.
    Ok(super::save::save(&lo, &elements, &mut z))
}

/// A stream's bytes, and whether they are Flate-compressed.
pub struct Deflated {
    pub bytes: Vec<u8>,
    pub flate: bool,
}

/// Compresses each of `streams` where that makes it smaller; gives back the
/// compressor for the rest of the file.
pub fn deflate_all(streams: impl IntoIterator<Item = Vec<u8>>) -> (Vec<Deflated>, Deflater) {
    let mut z = Deflater::default();
    let out = streams
        .into_iter()
        .map(|bytes| match z.deflate(&bytes) {
            Some(out) => Deflated {
                bytes: out,
                flate: true,
            },
            None => Deflated { bytes, flate: false },
        })
        .collect();
    (out, z)
}

/// One compressor for every stream: a new one allocates and sets up its tables,
/// which cost as much as compressing the sample's fonts.
pub struct Deflater(libdeflater::Compressor);

impl Default for Deflater {
    fn default() -> Self {
        // libdeflate's level 1, its own hash-table match finder: the sample's 17
        // streams (69 KB) compress in 0.20 ms against 0.63 ms at level 6, a twentieth
        // of the build, for 5 % more bytes (27.9 KB against 26.6 KB; 2-9 % on other
        // leaflets). Levels 2-5 cost nearly as much time as 6 (0.45-0.58 ms).
        let level = libdeflater::CompressionLvl::new(1).unwrap_or_default();
        Deflater(libdeflater::Compressor::new(level))
    }
}

impl Deflater {
    /// `data` compressed (zlib, as FlateDecode reads it), if that saves more than the
    /// filter's own entry costs.
    pub fn deflate(&mut self, data: &[u8]) -> Option<Vec<u8>> {
        let z = &mut self.0;
        let mut out = vec![0; z.zlib_compress_bound(data.len())];
        let n = z.zlib_compress(data, &mut out).ok()?;
        out.truncate(n);
        (n + 19 < data.len()).then_some(out)
    }
}

/// A file identifier that depends only on what the file shows.
/// The streams (page content, fonts, images, XMP with the title) carry everything
/// visible; the other objects follow from them.
fn content_id(lo: &lopdf::Document) -> String {
    use md5::Digest;
    let mut h = md5::Md5::new();
    h.update((lo.objects.len() as u64).to_be_bytes());
    for (id, object) in &lo.objects {
        if let Object::Stream(s) = object {
            h.update(id.0.to_be_bytes());
            h.update(id.1.to_be_bytes());
            h.update((s.content.len() as u64).to_be_bytes());
            h.update(&s.content);
        }
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// A PDF text string: ASCII as is, anything else as UTF-16BE with a byte order mark.
pub fn text_string(s: &str) -> Object {
    if s.is_ascii() {
        Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        bytes.extend(s.encode_utf16().flat_map(|u| u.to_be_bytes()));
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

/// Writes the outline tree; returns the Outlines dictionary, or None with no headings.
/// A rectangle on a sheet as a PDF box: [left bottom right top] in PDF space.
fn pdf_box(sheet: &Sheet, r: Rect) -> Object {
    let v = [r.x, sheet.height - r.bottom(), r.right(), sheet.height - r.y];
    Object::Array(
        v.iter()
            .map(|&n| Object::Real((n * 100.0).round() / 100.0))
            .collect(),
    )
}

fn build_outline(
    lo: &mut lopdf::Document,
    doc: &Document,
    sheets: &Sheets,
    pages: &[ObjectId],
) -> Option<ObjectId> {
    if doc.outline.is_empty() {
        return None;
    }
    let root = lo.new_object_id();
    // (entry id, children ids) for each level-1 entry; level-2 entries hang under the
    // latest level-1 entry, or at the top when none came before.
    let mut top: Vec<(ObjectId, Vec<ObjectId>)> = Vec::new();
    let mut dicts: Vec<(ObjectId, Dictionary)> = Vec::new();
    for entry in &doc.outline {
        let Some(at) = sheets.place(entry.dest) else {
            continue;
        };
        let id = lo.new_object_id();
        let dest = vec![
            Object::Reference(pages[at.sheet]),
            Object::Name(b"XYZ".to_vec()),
            Object::Real(at.x),
            Object::Real(sheets.sheets[at.sheet].height - at.y),
            Object::Null,
        ];
        dicts.push((
            id,
            dictionary! { "Title" => text_string(&entry.title), "Dest" => dest },
        ));
        match (entry.level, top.last_mut()) {
            (2.., Some((_, children))) => children.push(id),
            _ => top.push((id, Vec::new())),
        }
    }
    let mut dicts: std::collections::HashMap<ObjectId, Dictionary> = dicts.into_iter().collect();
    let link =
        |dicts: &mut std::collections::HashMap<ObjectId, Dictionary>, parent: ObjectId, ids: &[ObjectId]| {
            for (k, id) in ids.iter().enumerate() {
                let d = dicts.get_mut(id).expect("entry was created above");
                d.set("Parent", Object::Reference(parent));
                if k > 0 {
                    d.set("Prev", Object::Reference(ids[k - 1]));
                }
                if k + 1 < ids.len() {
                    d.set("Next", Object::Reference(ids[k + 1]));
                }
            }
        };
    let top_ids: Vec<ObjectId> = top.iter().map(|(id, _)| *id).collect();
    link(&mut dicts, root, &top_ids);
    for (id, children) in &top {
        if children.is_empty() {
            continue;
        }
        link(&mut dicts, *id, children);
        let d = dicts.get_mut(id).expect("entry was created above");
        d.set("First", Object::Reference(children[0]));
        d.set("Last", Object::Reference(*children.last().expect("not empty")));
        // Positive: the level-2 entries show, as a reader scanning the outline wants.
        d.set("Count", children.len() as i64);
    }
    let total = dicts.len() as i64;
    for (id, d) in dicts {
        lo.objects.insert(id, Object::Dictionary(d));
    }
    let outlines = dictionary! {
        "Type" => "Outlines",
        "First" => Object::Reference(top_ids[0]),
        "Last" => Object::Reference(*top_ids.last().expect("not empty")),
        "Count" => total,
    };
    lo.objects.insert(root, Object::Dictionary(outlines));
    Some(root)
}
