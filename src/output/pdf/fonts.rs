//! Subsetting the faces a document uses and registering them with printpdf.
//!
//! printpdf embeds whole fonts unless its heavy `text_layout` feature is on, so each
//! face is subset here (allsorts, already in printpdf's tree) to the glyphs layout
//! placed, and given the `ABCDEF+` tag that marks a subset in the PDF.

use crate::layout::{Document, Item, TextRun};
use crate::text::{Embedding, FaceId, FontBook, Glyph};
use printpdf::{Codepoint, FontId, Op, ParsedFont, PdfFont, PdfFontHandle, Pt, TextItem};
use std::collections::BTreeMap;
use std::ops::Range;

/// A face as embedded: its resource id, the old → new glyph id map, and the text
/// each glyph stands for.
pub struct EmbeddedFace {
    pub id: FontId,
    face: FaceId,
    /// Embedded whole (its licence forbids subsetting), ids unchanged.
    whole: bool,
    /// The subset's glyph id by the face's (0 for glyphs not in it): looked up for
    /// every glyph drawn, so indexed.
    remap: Vec<u16>,
    /// The ToUnicode text of each (old) glyph id. A PDF has one per glyph, so a glyph
    /// drawn for different text (the I of a decomposed İ, a mark) keeps one mapping
    /// here and its clusters carry the real text as ActualText.
    pub unicode: Unicode,
    /// The glyph ids drawn (old ids), in order.
    pub drawn: Vec<u16>,
    /// Each drawn glyph's advance as a PDF viewer applies it by itself (as the /W
    /// array holds it: whole thousandths of an em, truncated), in ems, by old id.
    widths: Vec<f32>,
}

/// Text by glyph id: looked up for every glyph drawn, so indexed, not hashed.
#[derive(Default)]
pub struct Unicode(Vec<Option<String>>);

impl EmbeddedFace {
    /// The code that draws glyph `gid` of the face: its id in the subset.
    pub fn code(&self, gid: u16) -> u16 {
        self.remap.get(gid as usize).copied().unwrap_or(0)
    }

    /// How far the shaper's advance for `glyph` differs from the one a viewer applies
    /// (see `widths`): what the painter moves the next glyph by.
    pub fn adjust(&self, glyph: &Glyph) -> f32 {
        glyph.advance - self.widths.get(glyph.gid as usize).copied().unwrap_or(0.0)
    }
}

impl Unicode {
    pub fn get(&self, gid: u16) -> Option<&str> {
        self.0.get(gid as usize)?.as_deref()
    }

    fn contains(&self, gid: u16) -> bool {
        self.get(gid).is_some()
    }

    /// Sets the text of `gid` unless it has one.
    fn offer(&mut self, gid: u16, text: impl FnOnce() -> String) {
        let i = gid as usize;
        if self.0.len() <= i {
            self.0.resize(i + 1, None);
        }
        if self.0[i].is_none() {
            self.0[i] = Some(text());
        }
    }
}

pub type EmbeddedFonts = BTreeMap<FaceId, EmbeddedFace>;

fn runs_in(doc: &Document, face: FaceId) -> impl Iterator<Item = &TextRun> {
    doc.pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(move |p| match &p.item {
            Item::Text(run) if run.face == face => Some(run),
            _ => None,
        })
}

/// The combining mark a cluster ends with once decomposed (U+0307 for İ), or the
/// whole cluster when it ends with none.
fn last_mark(text: &str) -> String {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    match text.nfd().last() {
        Some(c) if is_combining_mark(c) => c.to_string(),
        _ => text.to_string(),
    }
}

/// Whether text has a presentation form, a compatibility character or a private-use
/// code point: never a glyph's text when the source had the base character.
fn compatibility(text: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    text.chars().any(|c| {
        matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}' | '\u{E000}'..='\u{F8FF}')
            || matches!(c as u32, 0xF0000..=0x10FFFF)
    }) || !text.nfkd().eq(text.nfd())
}

/// What each glyph of a cluster stands for: its one advancing glyph the cluster's
/// letters, its marks the marks, each mark glyph `known` names taking those, the one
/// left (a shadda and its vowel drawn as one glyph) the rest. `None` when the glyphs
/// do not part the cluster so.
pub fn shares<'k>(
    glyphs: &[&Glyph],
    text: &str,
    known: impl Fn(u16) -> Option<&'k str>,
) -> Option<Vec<String>> {
    use unicode_normalization::char::is_combining_mark;
    let mut left: Vec<char> = text.chars().filter(|&c| is_combining_mark(c)).collect();
    let letters: String = text.chars().filter(|&c| !is_combining_mark(c)).collect();
    if letters.is_empty() || glyphs.iter().filter(|g| g.advance != 0.0).count() != 1 {
        return None;
    }
    let mut out = vec![String::new(); glyphs.len()];
    let mut open = None;
    for (i, g) in glyphs.iter().enumerate() {
        if g.advance != 0.0 {
            out[i] = letters.clone();
            continue;
        }
        let taken = known(g.gid).filter(|k| !k.is_empty()).and_then(|k| {
            let mut rest = left.clone();
            for c in k.chars() {
                rest.remove(rest.iter().position(|&m| m == c)?);
            }
            Some((k, rest))
        });
        match taken {
            Some((k, rest)) => {
                out[i] = k.to_string();
                left = rest;
            }
            None if open.is_none() => open = Some(i),
            None => return None,
        }
    }
    match open {
        Some(i) if !left.is_empty() => out[i] = left.into_iter().collect(),
        None if left.is_empty() => {}
        _ => return None,
    }
    Some(out)
}

/// The clusters of a run, in glyph order: (glyph range, text). A cluster's text
/// ends where the next cluster in the text begins, whatever the glyph order (right-
/// to-left runs are in visual order).
/// An iterator, not a list: the painter goes through them once.
pub fn clusters(run: &TextRun) -> impl ExactSizeIterator<Item = (Range<usize>, &str)> {
    crate::text::fonts::glyph_clusters(&run.text, &run.glyphs)
        .into_iter()
        .map(|(g, b)| (g, run.text.get(b).unwrap_or("")))
}

/// Which glyphs of which faces the document draws, their new ids and their text.
/// Quick: the subsets themselves are made by [`subset_all`], meanwhile.
pub fn plan(doc: &Document, book: &FontBook) -> EmbeddedFonts {
    // Every glyph drawn, marked per face by its id: a set's insertion per glyph was a
    // third of this function, and sorting a list of them all a quarter.
    let mut used: BTreeMap<FaceId, Vec<bool>> = BTreeMap::new();
    let mut unicode: BTreeMap<FaceId, Unicode> = BTreeMap::new();
    for page in &doc.pages {
        for placed in &page.items {
            if let Item::Text(run) = &placed.item {
                let marks = used.entry(run.face).or_default();
                for g in run.glyphs.iter() {
                    let gid = g.gid as usize;
                    if marks.len() <= gid {
                        marks.resize(gid + 1, false);
                    }
                    marks[gid] = true;
                }
                // A glyph means what it first stood for alone (so "fi" for the ligature).
                let map = unicode.entry(run.face).or_default();
                // Past the first pages nearly every run draws only glyphs that already
                // have their text, and offering them again changes nothing.
                if run.glyphs.iter().all(|g| map.contains(g.gid)) {
                    continue;
                }
                // The byte ranges, not `clusters`: a glyph's text is looked up only the
                // first time it is offered.
                for (r, bytes) in crate::text::fonts::glyph_clusters(&run.text, &run.glyphs) {
                    if r.len() == 1 {
                        map.offer(run.glyphs[r.start].gid, || {
                            run.text.get(bytes).unwrap_or("").to_string()
                        });
                    }
                }
            }
        }
    }
    let mut out = BTreeMap::new();
    for (face, marks) in used {
        // In ascending order, each once. A face has at most 65,535 glyphs (maxp).
        let gids: Vec<u16> = marks
            .iter()
            .enumerate()
            .filter(|&(_, &drawn)| drawn)
            .map(|(gid, _)| gid as u16)
            .collect();
        let data = book.face(face);
        let mut unicode = unicode.remove(&face).unwrap_or_default();
        // Glyphs only ever drawn inside larger clusters (marks): their own character,
        // or, for a variant the font maps from no character (a mark made for capitals),
        // the mark its cluster ends with. Every glyph gets some text (PDF/UA 7.21.7);
        // ActualText gives whole clusters theirs. A character the font maps to a glyph
        // is not its text when it is a presentation form, a compatibility character or
        // private use (U+FEB6 for a final sheen): the source had the base letter, so
        // such a glyph stands for its part of its clusters (the letter, or the marks)
        // when every cluster it is drawn in agrees.
        if gids.iter().any(|&g| !unicode.contains(g)) {
            let mut cmap: BTreeMap<u16, String> = BTreeMap::new();
            for (c, gid) in data.font.charmap().unicodes() {
                let gid = gid.to_u32() as u16;
                if gids.binary_search(&gid).is_ok() && !unicode.contains(gid) {
                    if let Some(t) = char::from_u32(c).map(String::from).filter(|t| !compatibility(t)) {
                        cmap.entry(gid).or_insert(t);
                    }
                }
            }
            let unmapped = |g: &u16| !unicode.contains(*g) && !cmap.contains_key(g);
            let mut parts: BTreeMap<u16, Option<String>> = BTreeMap::new();
            for run in runs_in(doc, face) {
                for (r, text) in clusters(run) {
                    if r.len() < 2 || !run.glyphs[r.clone()].iter().any(|g| unmapped(&g.gid)) {
                        continue;
                    }
                    let glyphs: Vec<&Glyph> = run.glyphs[r].iter().collect();
                    let shares = shares(&glyphs, text, |g| {
                        unicode.get(g).or(cmap.get(&g).map(String::as_str))
                    });
                    for (i, g) in glyphs.iter().enumerate().filter(|(_, g)| unmapped(&g.gid)) {
                        let share = shares.as_ref().map(|s| s[i].clone());
                        let agreed = parts.entry(g.gid).or_insert_with(|| share.clone());
                        if *agreed != share {
                            *agreed = None;
                        }
                    }
                }
            }
            for (gid, text) in cmap {
                unicode.offer(gid, || text);
            }
            for (gid, text) in parts {
                if let Some(text) = text.filter(|t| !t.is_empty()) {
                    unicode.offer(gid, || text);
                }
            }
            for run in runs_in(doc, face) {
                for (r, text) in clusters(run) {
                    for g in &run.glyphs[r] {
                        unicode.offer(g.gid, || last_mark(text));
                    }
                }
            }
        }
        let drawn = gids;
        let ids = kept(&drawn);
        let whole = data.embedding == Embedding::NoSubsetting;
        let id = FontId(format!("F{}", face.0 as usize + 1));
        let mut widths = vec![0.0; drawn.last().map_or(0, |&g| g as usize + 1)];
        for &gid in &drawn {
            widths[gid as usize] = (data.nominal_advance(gid) * 1000.0 / data.units_per_em).trunc() / 1000.0;
        }
        let mut remap = vec![0; ids.last().map_or(0, |&g| g as usize + 1)];
        for (new, &old) in ids.iter().enumerate() {
            remap[old as usize] = if whole { old } else { new as u16 };
        }
        out.insert(
            face,
            EmbeddedFace {
                id,
                face,
                whole,
                remap,
                unicode,
                drawn,
                widths,
            },
        );
    }
    out
}

/// Makes each face's subset (allsorts), without hinting programs and with CIDs that
/// are glyph ids, for printpdf.
pub fn subset_all(fonts: &EmbeddedFonts, book: &FontBook) -> Result<Vec<(FontId, PdfFont)>, super::Error> {
    fonts
        .values()
        .map(|f| {
            let data = book.face(f.face);
            let err = |reason: String| super::Error::Font {
                name: data.postscript_name.clone(),
                reason,
            };
            let ids = kept(&f.drawn);
            let mut warnings = Vec::new();
            let mut parsed = if f.whole {
                ParsedFont::from_bytes(data.bytes(), data.index as usize, &mut warnings)
            } else {
                let mut bytes = subset(data.bytes(), data.index, &ids).map_err(err)?;
                super::cff::identity_charset(&mut bytes);
                let bytes = super::cff::widths_up_front(&bytes).unwrap_or(bytes);
                let bytes = super::unhint::without_instructions(&bytes).unwrap_or(bytes);
                ParsedFont::from_bytes(&bytes, 0, &mut warnings)
            }
            .ok_or_else(|| err("printpdf could not read it back".into()))?;
            parsed.font_name = Some(if f.whole {
                data.postscript_name.clone()
            } else {
                format!("{}+{}", subset_tag(&ids), data.postscript_name)
            });
            Ok((f.id.clone(), PdfFont::new(parsed)))
        })
        .collect()
}

/// printpdf writes a font's widths (`/W`) and its ToUnicode map from the glyphs that
/// page operations show, and skips a font shown nowhere. The pages' content streams
/// are written by `draw`, not from printpdf operations, so these operations show
/// printpdf every drawn glyph of every face once, with its text; `finish` then puts
/// the real content stream in place of the page they were given to.
pub fn census(fonts: &EmbeddedFonts) -> Vec<Op> {
    let mut ops = vec![Op::StartTextSection];
    for face in fonts.values() {
        ops.push(Op::SetFont {
            font: PdfFontHandle::External(face.id.clone()),
            size: Pt(1.0),
        });
        let glyphs = face
            .drawn
            .iter()
            .map(|&gid| Codepoint {
                gid: face.code(gid),
                offset: 0.0,
                cid: Some(face.unicode.get(gid).unwrap_or_default().to_string()),
            })
            .collect();
        ops.push(Op::ShowText {
            items: vec![TextItem::GlyphIds(glyphs)],
        });
    }
    ops.push(Op::EndTextSection);
    ops
}

/// The glyph ids a subset keeps: .notdef first, then those drawn; a glyph's new id
/// is its place in this list.
fn kept(drawn: &[u16]) -> Vec<u16> {
    std::iter::once(0)
        .chain(drawn.iter().copied().filter(|&g| g != 0))
        .collect()
}

fn subset(bytes: &[u8], index: u32, ids: &[u16]) -> Result<Vec<u8>, String> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::subset::{subset, CmapTarget, SubsetProfile};
    let font = ReadScope::new(bytes)
        .read::<FontData<'_>>()
        .map_err(|e| e.to_string())?;
    let provider = font.table_provider(index as usize).map_err(|e| e.to_string())?;
    // allsorts' PDF profile without the hinting programs (cvt, fpgm, prep) and the
    // name table: a PDF names its fonts itself, and at print resolutions hinting
    // changes nothing (renderings at 300 dpi compared); they were a fifth of the file.
    use allsorts::tag;
    let tables = vec![tag::CMAP, tag::HEAD, tag::HHEA, tag::HMTX, tag::MAXP, tag::POST];
    subset(
        &provider,
        ids,
        &SubsetProfile::Custom(tables),
        CmapTarget::Unicode,
    )
    .map_err(|e| e.to_string())
}

/// Six capital letters derived from the glyph set, so the same text gives the same
/// tag (byte-identical output) and different subsets get different tags.
fn subset_tag(ids: &[u16]) -> String {
    use md5::Digest;
    let mut h = md5::Md5::new();
    for id in ids {
        h.update(id.to_be_bytes());
    }
    let digest = h.finalize();
    let mut v = u64::from_be_bytes(digest[..8].try_into().expect("MD5 has 16 bytes"));
    (0..6)
        .map(|_| {
            let c = (b'A' + (v % 26) as u8) as char;
            v /= 26;
            c
        })
        .collect()
}

#[cfg(test)]
mod tests {
    /// The tag is part of the output bytes: it must not change with the Rust release
    /// (DefaultHasher may), only with the glyphs.
    #[test]
    fn subset_tag_has_a_fixed_definition() {
        assert_eq!(super::subset_tag(&[0, 3, 68, 69]), "ZGHFQN");
        assert_ne!(super::subset_tag(&[0, 3]), super::subset_tag(&[0, 4]));
    }
}
