//! One repair to allsorts' subsets of CID-keyed CFF fonts (Noto Sans CJK): they
//! keep each glyph's original CID in the charset (glyph 20 of the subset may be CID
//! 11679), but a PDF's Identity-H codes are CIDs, and we write the subset's glyph ids.
//! A reader that follows the charset, as PDF/UA validators do, then finds other
//! glyphs (with other widths) than the ones drawn. Renumbering the charset 1, 2, 3…
//! makes every CID its glyph id. The charset is rewritten in place (format 0: one
//! two-byte CID per glyph), so no offset in the font moves.

/// Makes the CFF table of an OpenType font's bytes map glyph n to CID n. Returns
/// false (the bytes untouched) when the font has no CID-keyed CFF table with a
/// format 0 charset.
pub fn identity_charset(otf: &mut [u8]) -> bool {
    let Some(cff) = table(otf, b"CFF ") else {
        return false;
    };
    let Some((charset, glyphs)) = charset_and_glyphs(&otf[cff.clone()]) else {
        return false;
    };
    let at = cff.start + charset;
    // Format 0: a format byte, then the CID of every glyph but .notdef.
    let end = at + 1 + 2 * glyphs.saturating_sub(1);
    if otf.get(at) != Some(&0) || end > cff.end {
        return false;
    }
    for (k, slot) in otf[at + 1..end].chunks_exact_mut(2).enumerate() {
        slot.copy_from_slice(&(k as u16 + 1).to_be_bytes());
    }
    true
}

fn u16_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u16::from_be_bytes([*b.get(at)?, *b.get(at + 1)?]) as usize)
}

fn u32_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?) as usize)
}

/// The byte range of a table of an OpenType font.
fn table(otf: &[u8], tag: &[u8; 4]) -> Option<std::ops::Range<usize>> {
    let count = u16_at(otf, 4)?;
    (0..count).find_map(|i| {
        let rec = 12 + 16 * i;
        (otf.get(rec..rec + 4)? == tag).then_some(())?;
        let (offset, length) = (u32_at(otf, rec + 8)?, u32_at(otf, rec + 12)?);
        (offset + length <= otf.len()).then_some(offset..offset + length)
    })
}

/// An INDEX at `at`: its entries' byte ranges and where it ends.
fn index(b: &[u8], at: usize) -> Option<(Vec<std::ops::Range<usize>>, usize)> {
    let count = u16_at(b, at)?;
    if count == 0 {
        return Some((Vec::new(), at + 2));
    }
    let size = *b.get(at + 2)? as usize;
    let offset = |k: usize| -> Option<usize> {
        let p = at + 3 + k * size;
        Some(
            b.get(p..p + size)?
                .iter()
                .fold(0usize, |n, &x| n << 8 | x as usize),
        )
    };
    let data = at + 3 + (count + 1) * size - 1;
    let ranges = (0..count)
        .map(|k| Some(data + offset(k)?..data + offset(k + 1)?))
        .collect::<Option<Vec<_>>>()?;
    let end = ranges.last()?.end;
    Some((ranges, end))
}

/// From a CID-keyed CFF table: the charset's offset and the number of glyphs.
fn charset_and_glyphs(cff: &[u8]) -> Option<(usize, usize)> {
    let header = *cff.get(2)? as usize;
    let (_, after_names) = index(cff, header)?;
    let (top, _) = index(cff, after_names)?;
    let dict = cff.get(top.first()?.clone())?;
    let (mut charset, mut char_strings, mut cid_keyed) = (None, None, false);
    let mut operands: Vec<i64> = Vec::new();
    let mut i = 0;
    while i < dict.len() {
        let b0 = dict[i];
        match b0 {
            28 => {
                operands.push(i16::from_be_bytes([*dict.get(i + 1)?, *dict.get(i + 2)?]) as i64);
                i += 3;
            }
            29 => {
                operands.push(i32::from_be_bytes(dict.get(i + 1..i + 5)?.try_into().ok()?) as i64);
                i += 5;
            }
            30 => {
                // A real number: nibbles up to an 0xf one; its value is not needed.
                i += 1;
                while i < dict.len() && dict[i] & 0x0f != 0x0f && dict[i] & 0xf0 != 0xf0 {
                    i += 1;
                }
                i += 1;
                operands.push(0);
            }
            32..=246 => {
                operands.push(b0 as i64 - 139);
                i += 1;
            }
            247..=250 => {
                operands.push((b0 as i64 - 247) * 256 + *dict.get(i + 1)? as i64 + 108);
                i += 2;
            }
            251..=254 => {
                operands.push(-(b0 as i64 - 251) * 256 - *dict.get(i + 1)? as i64 - 108);
                i += 2;
            }
            12 => {
                // ROS (12 30) makes a font CID-keyed.
                cid_keyed |= *dict.get(i + 1)? == 30;
                operands.clear();
                i += 2;
            }
            op => {
                match op {
                    15 => charset = operands.last().copied(),
                    17 => char_strings = operands.last().copied(),
                    _ => {}
                }
                operands.clear();
                i += 1;
            }
        }
    }
    let charset = usize::try_from(charset?).ok()?;
    let (glyphs, _) = index(cff, usize::try_from(char_strings?).ok()?)?;
    (cid_keyed && charset > 2).then_some((charset, glyphs.len()))
}
