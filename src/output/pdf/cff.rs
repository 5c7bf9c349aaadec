//! Two repairs to allsorts' subsets of CID-keyed CFF fonts (Noto Sans CJK).
//!
//! The charset ([`identity_charset`]): allsorts' subsets
//! keep each glyph's original CID in the charset (glyph 20 of the subset may be CID
//! 11679), but a PDF's Identity-H codes are CIDs, and we write the subset's glyph ids.
//! A reader that follows the charset, as PDF/UA validators do, then finds other
//! glyphs (with other widths) than the ones drawn. Renumbering the charset 1, 2, 3…
//! makes every CID its glyph id. The charset is rewritten in place (format 0: one
//! two-byte CID per glyph), so no offset in the font moves; read-fonts finds it.
//!
//! The widths ([`widths_up_front`]): each glyph's charstring states its width before
//! any subroutine call, where every reader finds it (issue 22).

use read_fonts::ps::cff::dict::{entries, Entry};
use read_fonts::ps::cff::index::Index;
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

/// Makes every charstring of an OpenType font's CID-keyed CFF table state its width
/// (or its want of one) before any subroutine call: the calls ahead of the first
/// operator that clears the stack are replaced by the subroutines' code.
///
/// A Type 2 charstring's width is the odd operand before that first operator, and
/// Noto Sans CJK's subroutinised glyphs often reach it through a subroutine
/// (`-161 callgsubr`). Readers that run the charstring (FreeType, fontTools,
/// read-fonts) find the width; a reader that takes the operands before the first
/// operator of any kind, as PDF/UA validators do (page_validation 0.12), takes the
/// subroutine's number for one and reports `/W` wrong (issue 22). Only those
/// glyphs' charstrings change, and only in form: the glyph and its width stay.
///
/// Gives None (keep the bytes) when nothing changes or the font is not laid out as
/// allsorts writes it (offsets as five-byte integers).
pub fn widths_up_front(otf: &[u8]) -> Option<Vec<u8>> {
    use read_fonts::ps::cff::CffFontRef;
    let font = FontRef::new(otf).ok()?;
    let record = font
        .table_directory
        .table_records()
        .iter()
        .find(|r| r.tag() == Tag::new(b"CFF "))?;
    let at = record.offset() as usize;
    let cff = otf.get(at..at + record.length() as usize)?;
    let parsed = CffFontRef::new(cff, 0, None).ok()?;
    if !parsed.is_cid() {
        return None;
    }
    let top = font.cff().ok()?.top_dicts().get(0)?;
    let top_at = top.as_ptr() as usize - cff.as_ptr() as usize;
    let (mut charstrings_at, mut fd_array_at) = (None, None);
    for entry in entries(top, None) {
        match entry.ok()? {
            Entry::CharstringsOffset(o) => charstrings_at = Some(o),
            Entry::FdArrayOffset(o) => fd_array_at = Some(o),
            _ => {}
        }
    }
    let (charstrings_at, fd_array_at) = (charstrings_at?, fd_array_at?);
    // Each Font DICT's local subroutines.
    let fd_array = Index::new(cff.get(fd_array_at..)?, false).ok()?;
    let mut locals = Vec::new();
    for i in 0..fd_array.count() as usize {
        let mut subrs = Index::Empty;
        for entry in entries(fd_array.get(i)?, None) {
            if let Entry::PrivateDictRange(r) = entry.ok()? {
                for e in entries(cff.get(r.clone())?, None) {
                    if let Entry::SubrsOffset(o) = e.ok()? {
                        subrs = Index::new(cff.get(r.start + o..)?, false).ok()?;
                    }
                }
            }
        }
        locals.push(subrs);
    }
    let charstrings = parsed.charstrings();
    let mut changed = false;
    let mut glyphs = Vec::with_capacity(charstrings.count() as usize);
    for g in 0..charstrings.count() {
        let old = charstrings.get(g as usize)?;
        let fd = parsed.subfont_index(read_fonts::types::GlyphId::new(g))?;
        let mut inline = Inliner {
            global: parsed.global_subrs(),
            local: locals.get(fd as usize)?,
            out: Vec::with_capacity(old.len()),
            stack: 0,
            last: None,
            called: false,
            done: false,
        };
        match inline.run(old, 0) {
            Some(()) if inline.done && inline.called => {
                changed = true;
                glyphs.push(inline.out);
            }
            _ => glyphs.push(old.to_vec()),
        }
    }
    if !changed {
        return None;
    }
    // The new CharStrings INDEX (four-byte offsets) takes the old one's place; what
    // follows it moves, so the offsets to it are moved too.
    let old_end = charstrings_at + charstrings.size_in_bytes()?;
    let mut index = Vec::new();
    index.extend_from_slice(&u16::try_from(glyphs.len()).ok()?.to_be_bytes());
    index.push(4);
    let mut offset = 1u32;
    index.extend_from_slice(&offset.to_be_bytes());
    for g in &glyphs {
        offset += g.len() as u32;
        index.extend_from_slice(&offset.to_be_bytes());
    }
    glyphs.iter().for_each(|g| index.extend_from_slice(g));
    let delta = index.len() as i64 - (old_end - charstrings_at) as i64;
    let mut out = Vec::with_capacity(cff.len() + index.len());
    out.extend_from_slice(&cff[..charstrings_at]);
    out.extend_from_slice(&index);
    out.extend_from_slice(&cff[old_end..]);
    let moved = |at: usize| {
        if at >= old_end {
            (at as i64 + delta) as usize
        } else {
            at
        }
    };
    shift_offsets(&mut out, moved(top_at), top.len(), old_end, delta)?;
    let fd_array_new = moved(fd_array_at);
    let fds = Index::new(out.get(fd_array_new..)?, false).ok()?;
    let base = out.as_ptr() as usize;
    let fd_ranges: Vec<(usize, usize)> = (0..fds.count() as usize)
        .map(|i| fds.get(i).map(|d| (d.as_ptr() as usize - base, d.len())))
        .collect::<Option<_>>()?;
    for (at, len) in fd_ranges {
        shift_offsets(&mut out, at, len, old_end, delta)?;
    }
    replace_table(otf, Tag::new(b"CFF "), &out)
}

/// Runs a charstring's operators up to the first that clears the stack, copying them
/// with the subroutines they call in place of the calls; copies the rest as it is.
struct Inliner<'a, 'b> {
    global: &'b Index<'a>,
    local: &'b Index<'a>,
    out: Vec<u8>,
    /// Operands on the stack.
    stack: usize,
    /// Where the last operand starts in `out`, and its value, when it is an integer.
    last: Option<(usize, i32)>,
    /// A subroutine was called ahead of the first operator that clears the stack.
    called: bool,
    /// That operator has been copied.
    done: bool,
}

impl Inliner<'_, '_> {
    /// Copies `cs` (a subroutine's code when `depth` > 0, without its `return`).
    /// None when the charstring does what this does not follow.
    fn run(&mut self, cs: &[u8], depth: usize) -> Option<()> {
        let mut i = 0;
        while i < cs.len() {
            if self.done {
                // The rest as it is, without a subroutine's closing `return`.
                let rest = &cs[i..];
                let rest = match rest.split_last() {
                    Some((11, head)) if depth > 0 => head,
                    _ => rest,
                };
                self.out.extend_from_slice(rest);
                return Some(());
            }
            let b0 = cs[i];
            let (len, value) = match b0 {
                28 => (
                    3,
                    Some(i16::from_be_bytes([*cs.get(i + 1)?, *cs.get(i + 2)?]) as i32),
                ),
                32..=246 => (1, Some(b0 as i32 - 139)),
                247..=250 => (2, Some((b0 as i32 - 247) * 256 + *cs.get(i + 1)? as i32 + 108)),
                251..=254 => (2, Some(-(b0 as i32 - 251) * 256 - *cs.get(i + 1)? as i32 - 108)),
                255 => (5, None),
                _ => (0, None),
            };
            if len > 0 {
                self.last = value.map(|v| (self.out.len(), v));
                self.out.extend_from_slice(cs.get(i..i + len)?);
                self.stack += 1;
                i += len;
                continue;
            }
            i += 1;
            match b0 {
                // callsubr, callgsubr: the subroutine's code instead.
                10 | 29 => {
                    let (at, n) = self.last.take()?;
                    self.out.truncate(at);
                    self.stack -= 1;
                    let subrs = if b0 == 10 { self.local } else { self.global };
                    let body = subrs.get(usize::try_from(n + subrs.subr_bias()).ok()?)?;
                    if depth >= 10 {
                        return None;
                    }
                    self.called = true;
                    self.run(body, depth + 1)?;
                }
                11 if depth > 0 => return Some(()),
                // hintmask, cntrmask: their mask, one bit a stem (here all vstems
                // implied by the operands).
                19 | 20 => {
                    let mask = (self.stack / 2).div_ceil(8);
                    self.out.push(b0);
                    self.out.extend_from_slice(cs.get(i..i + mask)?);
                    i += mask;
                    self.done = true;
                }
                // hstem, vstem, vmoveto, endchar, hstemhm, rmoveto, hmoveto, vstemhm.
                1 | 3 | 4 | 14 | 18 | 21 | 22 | 23 => {
                    self.out.push(b0);
                    self.done = true;
                }
                _ => return None,
            }
            self.last = None;
        }
        Some(())
    }
}

/// Moves by `delta` every offset in a DICT (at `at`, `len` bytes) that points at or
/// past `from`: charset, Encoding, CharStrings, Private, FDArray, FDSelect. None when
/// one is not a five-byte integer (it could not be rewritten in place).
fn shift_offsets(cff: &mut [u8], at: usize, len: usize, from: usize, delta: i64) -> Option<()> {
    let mut operands: Vec<(usize, u8)> = Vec::new();
    let mut i = at;
    while i < at + len {
        let b0 = *cff.get(i)?;
        let size = match b0 {
            28 => 3,
            29 => 5,
            30 => {
                let mut k = i + 1;
                while cff.get(k)? & 0x0f != 0x0f && cff.get(k)? >> 4 != 0x0f {
                    k += 1;
                }
                k + 1 - i
            }
            32..=246 => 1,
            247..=254 => 2,
            _ => 0,
        };
        if size > 0 {
            operands.push((i, b0));
            i += size;
            continue;
        }
        let op = if b0 == 12 {
            i += 1;
            1200 + *cff.get(i)? as u16
        } else {
            b0 as u16
        };
        i += 1;
        let offset = match op {
            15 | 16 | 17 | 1236 | 1237 => operands.first(),
            18 => operands.get(1),
            _ => None,
        };
        if let Some(&(p, kind)) = offset {
            let value = i32::from_be_bytes(cff.get(p + 1..p + 5)?.try_into().ok()?) as i64;
            if kind == 29 && value as usize >= from {
                let new = i32::try_from(value + delta).ok()?;
                cff[p + 1..p + 5].copy_from_slice(&new.to_be_bytes());
            } else if kind != 29 && op != 15 && op != 16 {
                return None;
            }
        }
        operands.clear();
    }
    Some(())
}

/// The font with one table's bytes replaced; the others keep their order.
fn replace_table(otf: &[u8], tag: Tag, table: &[u8]) -> Option<Vec<u8>> {
    let count = u16::from_be_bytes(otf.get(4..6)?.try_into().ok()?) as usize;
    let records = 12 + 16 * count;
    let mut out = otf.get(..records)?.to_vec();
    let mut order: Vec<usize> = (0..count).collect();
    let field = |r: usize, k: usize| {
        let at = 12 + 16 * r + 4 * k;
        Some(u32::from_be_bytes(otf.get(at..at + 4)?.try_into().ok()?) as usize)
    };
    order.sort_by_key(|&r| field(r, 2));
    for r in order {
        let (offset, length) = (field(r, 2)?, field(r, 3)?);
        let bytes = if otf.get(12 + 16 * r..12 + 16 * r + 4)? == tag.to_be_bytes() {
            let sum = checksum(table);
            out[12 + 16 * r + 4..12 + 16 * r + 8].copy_from_slice(&sum.to_be_bytes());
            table
        } else {
            otf.get(offset..offset + length)?
        };
        out.resize(out.len().next_multiple_of(4), 0);
        let at = 12 + 16 * r;
        let start = u32::try_from(out.len()).ok()?;
        out[at + 8..at + 12].copy_from_slice(&start.to_be_bytes());
        out[at + 12..at + 16].copy_from_slice(&(u32::try_from(bytes.len()).ok()?).to_be_bytes());
        out.extend_from_slice(bytes);
    }
    out.resize(out.len().next_multiple_of(4), 0);
    Some(out)
}

fn checksum(table: &[u8]) -> u32 {
    table.chunks(4).fold(0u32, |sum, c| {
        let mut word = [0; 4];
        word[..c.len()].copy_from_slice(c);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}
