//! One repair to allsorts' subsets of CID-keyed CFF fonts (Noto Sans CJK): they
//! keep each glyph's original CID in the charset (glyph 20 of the subset may be CID
//! 11679), but a PDF's Identity-H codes are CIDs, and we write the subset's glyph ids.
//! A reader that follows the charset, as PDF/UA validators do, then finds other
//! glyphs (with other widths) than the ones drawn. Renumbering the charset 1, 2, 3…
//! makes every CID its glyph id. The charset is rewritten in place (format 0: one
//! two-byte CID per glyph), so no offset in the font moves; read-fonts finds it.

use read_fonts::ps::cff::dict::{entries, Entry};
use read_fonts::{types::Tag, FontRef, TableProvider};

/// Makes the CFF table of an OpenType font's bytes map glyph n to CID n. Returns
/// false (the bytes untouched) when the font has no CID-keyed CFF table with a
/// format 0 charset.
pub fn identity_charset(otf: &mut [u8]) -> bool {
    let Some((at, glyphs)) = charset(otf) else {
        return false;
    };
    // A format byte, then the CID of every glyph but .notdef.
    let end = at + 1 + 2 * glyphs.saturating_sub(1);
    if otf.get(at) != Some(&0) || end > otf.len() {
        return false;
    }
    for (k, slot) in otf[at + 1..end].chunks_exact_mut(2).enumerate() {
        slot.copy_from_slice(&(k as u16 + 1).to_be_bytes());
    }
    true
}

/// Where a CID-keyed CFF table's charset starts in the font's bytes, and how many
/// glyphs the font has.
fn charset(otf: &[u8]) -> Option<(usize, usize)> {
    let font = FontRef::new(otf).ok()?;
    let table = font
        .table_directory
        .table_records()
        .iter()
        .find(|r| r.tag() == Tag::new(b"CFF "))?
        .offset() as usize;
    let cff = font.cff().ok()?;
    let top = cff.top_dicts().get(0)?;
    let (mut charset, mut cid_keyed) = (None, false);
    for entry in entries(top, None) {
        match entry.ok()? {
            Entry::Charset(offset) => charset = Some(offset),
            Entry::Ros { .. } => cid_keyed = true,
            _ => {}
        }
    }
    let glyphs = font.maxp().ok()?.num_glyphs() as usize;
    // Offsets 0–2 name the predefined charsets, which CID-keyed fonts never use.
    let charset = charset.filter(|&c| cid_keyed && c > 2)?;
    Some((table + charset, glyphs))
}
