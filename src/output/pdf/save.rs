//! Writing the finished document as PDF 1.5+ bytes: streams as they are, every other
//! object in compressed object streams, and a compressed cross-reference stream.
//!
//! lopdf can write this layout (`save_with_options`), but it clones every object and
//! serialises each small one three times: 7.6M of the sample's 54M instructions, and
//! 13 MB of a 267-page leaflet's peak memory. Here each object is written once.

use super::finish::Deflater;
use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};
use std::io::Write;

/// Objects per object stream, as qpdf and lopdf write them.
const PER_STREAM: usize = 100;

/// Where each object is found: a byte offset, or a place in an object stream.
#[derive(Clone, Copy)]
enum Entry {
    Free,
    At(usize),
    InStream { stream: u32, index: u32 },
}

pub fn save(lo: &Document, written: &super::tags::Written, z: &mut Deflater) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 * 1024);
    out.extend_from_slice(b"%PDF-");
    out.extend_from_slice(lo.version.as_bytes());
    // Bytes over 127 in a comment mark the file as binary for transfer programs.
    out.extend_from_slice(b"\n%\xE2\xE3\xCF\xD3\n");

    let mut next_id = (lo.objects.keys().chain(written.iter().map(|(id, _)| id)))
        .map(|id| id.0)
        .max()
        .unwrap_or(0)
        + 1;
    let mut entries = vec![Entry::Free; next_id as usize];
    let mut small: Vec<(ObjectId, Small)> = Vec::new();
    for (&id, object) in &lo.objects {
        match object {
            Object::Stream(_) => {}
            _ if id.1 == 0 => {
                small.push((id, Small::Object(object)));
                continue;
            }
            _ => {}
        }
        entries[id.0 as usize] = Entry::At(out.len());
        indirect(&mut out, id, object);
    }

    small.extend(written.iter().map(|(id, bytes)| (*id, Small::Written(bytes))));
    // In id order, as before the structure elements were written apart.
    small.sort_by_key(|(id, _)| *id);
    for group in small.chunks(PER_STREAM) {
        let stream_id = next_id;
        next_id += 1;
        // The header ("id offset" pairs), then the objects, each after a space.
        let mut body = Vec::new();
        let mut header = Vec::new();
        for (index, &(id, ref object)) in group.iter().enumerate() {
            integer(&mut header, id.0);
            header.push(b' ');
            integer(&mut header, body.len());
            header.push(b' ');
            match object {
                Small::Object(object) => object_bytes(&mut body, object),
                Small::Written(bytes) => body.extend_from_slice(bytes),
            }
            body.push(b' ');
            entries[id.0 as usize] = Entry::InStream {
                stream: stream_id,
                index: index as u32,
            };
        }
        let first = header.len();
        header.extend_from_slice(&body);
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"ObjStm".to_vec()));
        dict.set("N", group.len() as i64);
        dict.set("First", first as i64);
        entries.push(Entry::At(out.len()));
        stream_object(&mut out, (stream_id, 0), dict, &header, z);
    }

    // The cross-reference stream: type, field 2, field 3, in 1 + 4 + 2 bytes.
    let xref_id = next_id;
    let xref_at = out.len();
    entries.push(Entry::At(xref_at));
    let mut table = Vec::with_capacity(entries.len() * 7);
    for entry in &entries {
        let (kind, a, b): (u8, u32, u16) = match *entry {
            Entry::Free => (0, 0, if table.is_empty() { 0xFFFF } else { 0 }),
            Entry::At(offset) => (1, offset as u32, 0),
            Entry::InStream { stream, index } => (2, stream, index as u16),
        };
        table.push(kind);
        table.extend_from_slice(&a.to_be_bytes());
        table.extend_from_slice(&b.to_be_bytes());
    }
    let mut dict = Dictionary::new();
    for key in [&b"Root"[..], b"Info", b"ID"] {
        if let Ok(v) = lo.trailer.get(key) {
            dict.set(key.to_vec(), v.clone());
        }
    }
    dict.set("Type", Object::Name(b"XRef".to_vec()));
    dict.set("Size", entries.len() as i64);
    dict.set("W", vec![1.into(), 4.into(), 2.into()]);
    stream_object(&mut out, (xref_id, 0), dict, &table, z);
    write!(out, "startxref\n{xref_at}\n%%EOF\n").expect("writing to memory");
    out
}

fn indirect(out: &mut Vec<u8>, id: ObjectId, object: &Object) {
    match object {
        Object::Stream(s) => {
            let mut dict = s.dict.clone();
            dict.set("Length", s.content.len() as i64);
            raw_stream(out, id, &dict, &s.content);
        }
        _ => {
            writeln!(out, "{} {} obj", id.0, id.1).expect("writing to memory");
            object_bytes(out, object);
            out.extend_from_slice(b"\nendobj\n");
        }
    }
}

/// A stream of our own making, compressed.
fn stream_object(out: &mut Vec<u8>, id: ObjectId, mut dict: Dictionary, data: &[u8], z: &mut Deflater) {
    let packed = z.deflate(data);
    if packed.is_some() {
        dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
    }
    let data = packed.as_deref().unwrap_or(data);
    dict.set("Length", data.len() as i64);
    raw_stream(out, id, &dict, data);
}

fn raw_stream(out: &mut Vec<u8>, id: ObjectId, dict: &Dictionary, data: &[u8]) {
    writeln!(out, "{} {} obj", id.0, id.1).expect("writing to memory");
    dictionary(out, dict);
    out.extend_from_slice(b"stream\n");
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream\nendobj\n");
}

/// A direct object's bytes. Tokens are separated by a space wherever one could be
/// needed; compression takes the rest.
/// An object that goes in an object stream: a lopdf one, or one already written.
enum Small<'a> {
    Object(&'a Object),
    Written(&'a [u8]),
}

pub(super) fn object_bytes(out: &mut Vec<u8>, object: &Object) {
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Object::Integer(i) => integer(out, *i),
        // Display never uses an exponent, which PDF has no syntax for.
        Object::Real(r) => {
            write!(out, "{}", if r.is_finite() { *r } else { 0.0 }).expect("writing to memory")
        }
        Object::Name(n) => name(out, n),
        Object::String(s, StringFormat::Literal) => {
            out.push(b'(');
            for &b in s {
                match b {
                    b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', b]),
                    // A reader takes a bare CR (or CR LF) in a literal string as LF.
                    b'\r' => out.extend_from_slice(b"\\r"),
                    _ => out.push(b),
                }
            }
            out.push(b')');
        }
        Object::String(s, StringFormat::Hexadecimal) => {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push(b'<');
            for &b in s {
                out.extend_from_slice(&[HEX[(b >> 4) as usize], HEX[(b & 15) as usize]]);
            }
            out.push(b'>');
        }
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                object_bytes(out, item);
            }
            out.push(b']');
        }
        Object::Dictionary(d) => dictionary(out, d),
        Object::Reference(id) => {
            integer(out, id.0);
            out.push(b' ');
            integer(out, id.1);
            out.extend_from_slice(b" R");
        }
        // A stream is always an indirect object; `save` writes it as one, never inside
        // another (lopdf's model allows it, PDF does not).
        Object::Stream(s) => dictionary(out, &s.dict),
    }
}

fn dictionary(out: &mut Vec<u8>, d: &Dictionary) {
    out.extend_from_slice(b"<<");
    for (key, value) in d {
        name(out, key);
        out.push(b' ');
        object_bytes(out, value);
    }
    out.extend_from_slice(b">>");
}

/// An integer in decimal. itoa, not `write!`: references and offsets are most of an
/// object stream's numbers, and core::fmt took 0.4M of the sample's instructions.
fn integer(out: &mut Vec<u8>, n: impl itoa::Integer) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// A name, with `#xx` for whitespace, delimiters and bytes outside ! to ~.
fn name(out: &mut Vec<u8>, n: &[u8]) {
    out.push(b'/');
    // Nearly every name is letters and digits, which never need escaping.
    if n.iter().all(u8::is_ascii_alphanumeric) {
        out.extend_from_slice(n);
        return;
    }
    for &b in n {
        if b" \t\n\r\x0C()<>[]{}/%#".contains(&b) || !(33..=126).contains(&b) {
            write!(out, "#{b:02X}").expect("writing to memory");
        } else {
            out.push(b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    fn bytes(o: &Object) -> String {
        let mut out = Vec::new();
        object_bytes(&mut out, o);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn objects_are_written_as_pdf_syntax() {
        let d = dictionary! {
            "Type" => "StructElem",
            "K" => vec![Object::Integer(3), Object::Reference((12, 0))],
            "Alt" => Object::String(b"a (b) \\ c\r".to_vec(), StringFormat::Literal),
            "ID" => Object::String(vec![0xAB, 0x01], StringFormat::Hexadecimal),
            "A B" => Object::Real(0.5),
            "On" => true,
        };
        assert_eq!(
            bytes(&Object::Dictionary(d)),
            "<</Type /StructElem/K [3 12 0 R]/Alt (a \\(b\\) \\\\ c\\r)/ID <AB01>/A#20B 0.5/On true>>"
        );
    }

    /// The file reads back whole through lopdf's own parser, object by object, with
    /// the small objects from object streams and streams byte for byte.
    #[test]
    fn a_saved_document_reads_back() {
        let mut doc = Document::with_version("1.7");
        let content = lopdf::Stream::new(dictionary! {}, b"BT ET".to_vec());
        let content_id = doc.add_object(content);
        let mut ids = Vec::new();
        for i in 0..250 {
            ids.push(doc.add_object(dictionary! { "N" => i, "Name" => "Elem" }));
        }
        let pages = doc.add_object(dictionary! { "Type" => "Pages", "Kids" => vec![], "Count" => 0 });
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
        doc.trailer.set("Root", catalog);
        let bytes = save(&doc, &Vec::new(), &mut Deflater::default());
        let back = Document::load_mem(&bytes).expect("lopdf reads it");
        for (k, id) in ids.iter().enumerate() {
            let d = back.get_dictionary(*id).expect("each small object is found");
            assert_eq!(d.get(b"N").unwrap().as_i64().unwrap(), k as i64);
        }
        let s = back.get_object(content_id).unwrap().as_stream().unwrap();
        assert_eq!(s.content, b"BT ET");
        assert_eq!(
            back.catalog()
                .unwrap()
                .get(b"Pages")
                .unwrap()
                .as_reference()
                .unwrap(),
            pages
        );

        // lopdf finds objects by the numbers in each object stream's header; a reader
        // that follows the cross-reference stream (poppler) takes (stream, index) from
        // it: each index must point at its own object.
        let xref = back
            .objects
            .values()
            .filter_map(|o| o.as_stream().ok())
            .find(|s| s.dict.get(b"Type").and_then(Object::as_name).ok() == Some(b"XRef"))
            .expect("a cross-reference stream");
        let table = xref.decompressed_content().unwrap();
        let mut checked = 0;
        for (n, e) in table.chunks(7).enumerate() {
            if e[0] != 2 {
                continue;
            }
            let container = u32::from_be_bytes(e[1..5].try_into().unwrap());
            let index = u16::from_be_bytes(e[5..7].try_into().unwrap()) as usize;
            let objstm = back.get_object((container, 0)).unwrap().as_stream().unwrap();
            let header = objstm.decompressed_content().unwrap();
            let numbers: Vec<u32> = String::from_utf8_lossy(&header)
                .split_whitespace()
                .map_while(|t| t.parse().ok())
                .collect();
            assert_eq!(numbers[2 * index], n as u32, "entry {n} points at another object");
            checked += 1;
        }
        assert_eq!(checked, 252);
    }
}
