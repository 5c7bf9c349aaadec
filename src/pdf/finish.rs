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
use crate::impose::{Sheet, Sheets};
use crate::layout::Rect;

pub fn finish(
    mut lo: lopdf::Document,
    doc: &Document,
    sheets: &Sheets,
    meta: &Meta,
    slots: &[SlotTags],
    contents: Vec<Vec<u8>>,
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
    tags::add_structure(&mut lo, &doc.structure, &pages, slots, &annots, meta.language)?;
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

    // Each page's content stream, written by `draw`, replaces what printpdf wrote
    // from the page's operations (nothing, or the fonts' census).
    for (&page, content) in pages.iter().zip(contents) {
        let ids = lo.get_page_contents(page);
        let Some(&id) = ids.first() else {
            return Err(format!("page {page:?} has no content stream"));
        };
        match lo.get_object_mut(id) {
            Ok(Object::Stream(s)) => s.set_content(content),
            _ => return Err(format!("page {page:?}'s content is not a stream")),
        }
    }
    compress_streams(&mut lo);
    // printpdf's file ID comes from a process-wide counter; derive it from the
    // content instead, so the same input always gives the same bytes.
    let id = Object::String(content_id(&lo).into_bytes(), StringFormat::Hexadecimal);
    lo.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    // Objects that are not streams (the structure tree's many small dictionaries,
    // annotations, the outline) go into compressed object streams with a
    // cross-reference stream (PDF 1.5): the file is a third smaller.
    let mut out = Vec::new();
    let options = lopdf::SaveOptions::builder()
        .use_object_streams(true)
        .use_xref_streams(true)
        .compression_level(6)
        .build();
    lo.save_with_options(&mut out, options)
        .map_err(|e| format!("writing the PDF: {e}"))?;
    Ok(out)
}

/// Flate-compresses every stream that is not compressed yet, on two threads with one
/// reused compressor each. (lopdf's own `compress` uses the slowest level and a new
/// compressor per stream, which cost a third of the build time.)
fn compress_streams(lo: &mut lopdf::Document) {
    let mut streams: Vec<&mut lopdf::Stream> = lo
        .objects
        .values_mut()
        .filter_map(|o| match o {
            Object::Stream(s) if s.dict.get(b"Filter").is_err() && s.allows_compression => Some(s),
            _ => None,
        })
        .collect();
    // Largest first, dealt alternately, so both threads get about half the bytes.
    streams.sort_by_key(|s| std::cmp::Reverse(s.content.len()));
    let (mut a, mut b): (Vec<_>, Vec<_>) = (Vec::new(), Vec::new());
    for (i, s) in streams.into_iter().enumerate() {
        if i % 2 == 0 {
            a.push(s)
        } else {
            b.push(s)
        }
    }
    std::thread::scope(|scope| {
        scope.spawn(move || compress_all(a));
        compress_all(b);
    });
}

fn compress_all(streams: Vec<&mut lopdf::Stream>) {
    let mut z = flate2::Compress::new(flate2::Compression::new(6), true);
    for stream in streams {
        z.reset();
        let mut out = Vec::with_capacity(stream.content.len() / 2 + 64);
        loop {
            match z.compress_vec(
                &stream.content[z.total_in() as usize..],
                &mut out,
                flate2::FlushCompress::Finish,
            ) {
                Ok(flate2::Status::StreamEnd) => break,
                Ok(_) => out.reserve(out.capacity().max(1024)),
                Err(_) => return,
            }
        }
        if out.len() + 19 < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(out);
        }
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
