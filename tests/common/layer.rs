//! A PDF's text as its content streams give it: each glyph's ToUnicode text, or
//! the ActualText of the marked-content span around it (what makes Indic
//! syllables and Nastaliq whole), in content order.

use super::content_ops;
use lopdf::Object;
use std::collections::BTreeMap;

/// What the content streams say, in content order: each glyph's ToUnicode text, or
/// the ActualText of the span around it; and every glyph id drawn.
pub struct TextLayer {
    pub text: String,
    pub glyphs: Vec<u16>,
}

fn to_unicode(lo: &lopdf::Document, font: &lopdf::Dictionary) -> BTreeMap<u16, String> {
    let mut map = BTreeMap::new();
    let Ok(stream) = font
        .get(b"ToUnicode")
        .and_then(|o| o.as_reference())
        .and_then(|id| lo.get_object(id))
        .and_then(|o| o.as_stream())
    else {
        return map;
    };
    let data = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    let text = String::from_utf8_lossy(&data);
    let hex = |h: &str| -> Vec<u16> {
        let h = h.trim_matches(['<', '>']);
        (0..h.len() / 4)
            .map(|i| u16::from_str_radix(&h[4 * i..4 * i + 4], 16).unwrap())
            .collect()
    };
    let mut in_bfchar = false;
    for line in text.lines() {
        let line = line.trim();
        if line.ends_with("beginbfchar") {
            in_bfchar = true;
        } else if line == "endbfchar" {
            in_bfchar = false;
        } else if in_bfchar {
            let parts: Vec<&str> = line.split_whitespace().collect();
            if let [gid, uni] = parts[..] {
                map.insert(hex(gid)[0], String::from_utf16_lossy(&hex(uni)));
            }
        }
    }
    assert!(
        !text.contains("beginbfrange"),
        "a ranged ToUnicode: the test reads bfchar only"
    );
    map
}

pub fn text_layer(pdf: &[u8]) -> TextLayer {
    let lo = lopdf::Document::load_mem(pdf).unwrap();
    let mut layer = TextLayer {
        text: String::new(),
        glyphs: Vec::new(),
    };
    // The Tf walk: each operation with the font resource in force; each page's
    // fonts' ToUnicode maps, and its open marked-content sequences (each with its
    // ActualText, if it has one), afresh on every page.
    let mut page = None;
    let mut fonts: BTreeMap<Vec<u8>, BTreeMap<u16, String>> = BTreeMap::new();
    let mut spans: Vec<Option<String>> = Vec::new();
    for o in content_ops(&lo) {
        if page != Some(o.page_id) {
            page = Some(o.page_id);
            fonts = lo
                .get_page_fonts(o.page_id)
                .unwrap()
                .into_iter()
                .map(|(name, font)| (name, to_unicode(&lo, font)))
                .collect();
            assert!(spans.is_empty(), "marked content left open at the end of a page");
        }
        let font = o.font.as_ref().and_then(|(name, _)| fonts.get(name));
        let op = &o.op;
        match op.operator.as_str() {
            "BDC" => {
                let actual = op
                    .operands
                    .get(1)
                    .and_then(|o| o.as_dict().ok())
                    .and_then(|d| d.get(b"ActualText").ok())
                    .and_then(|o| o.as_str().ok())
                    .map(|b| lopdf::decode_text_string(&Object::string_literal(b.to_vec())).unwrap());
                spans.push(actual);
            }
            "BMC" => spans.push(None),
            "EMC" => {
                if let Some(Some(actual)) = spans.pop() {
                    if !spans.iter().any(Option::is_some) {
                        layer.text.push_str(&actual);
                    }
                }
            }
            "TJ" | "Tj" => {
                let strings: Vec<&[u8]> = match &op.operands[0] {
                    Object::Array(items) => items.iter().filter_map(|o| o.as_str().ok()).collect(),
                    o => o.as_str().ok().into_iter().collect(),
                };
                for s in strings {
                    for pair in s.chunks(2) {
                        let gid = u16::from_be_bytes([pair[0], pair[1]]);
                        layer.glyphs.push(gid);
                        if !spans.iter().any(Option::is_some) {
                            let t = font.and_then(|f| f.get(&gid)).map_or("\u{fffd}", String::as_str);
                            layer.text.push_str(t);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    layer
}
