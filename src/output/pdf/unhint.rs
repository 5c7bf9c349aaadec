//! TrueType glyphs without their hinting instructions, for embedding. Hinting
//! moves outlines onto a low-resolution pixel grid; printers and PDF viewers at
//! today's resolutions render the same without it (checked at 300 dpi), and in a
//! subset of Atkinson Hyperlegible the instructions are about two fifths of `glyf`.
//! allsorts subsets (and drops the `fpgm`/`prep`/`cvt` programs); it cannot rebuild
//! a font from outside its crate, so this rewrites the three tables it must (`glyf`,
//! `loca`, `head`) and copies the others.

/// The font with every glyph's instructions removed, or None when it is not a
/// TrueType font this understands (then it is embedded as it was).
pub fn without_instructions(font: &[u8]) -> Option<Vec<u8>> {
    let u16_at = |b: &[u8], at: usize| b.get(at..at + 2).map(|s| u16::from_be_bytes([s[0], s[1]]));
    let u32_at = |b: &[u8], at: usize| {
        b.get(at..at + 4)
            .map(|s| u32::from_be_bytes([s[0], s[1], s[2], s[3]]))
    };
    let count = usize::from(u16_at(font, 4)?);
    let mut tables: Vec<([u8; 4], &[u8])> = Vec::with_capacity(count);
    for i in 0..count {
        let r = 12 + 16 * i;
        let tag: [u8; 4] = font.get(r..r + 4)?.try_into().ok()?;
        let (off, len) = (u32_at(font, r + 8)? as usize, u32_at(font, r + 12)? as usize);
        tables.push((tag, font.get(off..off.checked_add(len)?)?));
    }
    let table = |t: &[u8; 4]| tables.iter().find(|(tag, _)| tag == t).map(|(_, d)| *d);
    let (head, maxp, loca, glyf) = (table(b"head")?, table(b"maxp")?, table(b"loca")?, table(b"glyf")?);
    let glyphs = usize::from(u16_at(maxp, 4)?);
    let long = u16_at(head, 50)? == 1;
    let offset = |i: usize| -> Option<usize> {
        if long {
            u32_at(loca, 4 * i).map(|v| v as usize)
        } else {
            u16_at(loca, 2 * i).map(|v| 2 * v as usize)
        }
    };
    let mut new_glyf = Vec::with_capacity(glyf.len());
    let mut new_loca = Vec::with_capacity(4 * (glyphs + 1));
    for i in 0..glyphs {
        new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
        let g = glyf.get(offset(i)?..offset(i + 1)?)?;
        if !g.is_empty() {
            new_glyf.extend_from_slice(&strip(g)?);
            // Glyphs start on even offsets.
            if new_glyf.len() % 2 == 1 {
                new_glyf.push(0);
            }
        }
    }
    new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
    let mut new_head = head.to_vec();
    new_head.get_mut(50..52)?.copy_from_slice(&1u16.to_be_bytes()); // long loca
    new_head.get_mut(8..12)?.copy_from_slice(&[0; 4]); // checkSumAdjustment, below
    let mut new_maxp = maxp.to_vec();
    if u32_at(maxp, 0)? == 0x0001_0000 {
        new_maxp.get_mut(26..28)?.copy_from_slice(&[0, 0]); // maxSizeOfInstructions
    }
    let rebuilt: Vec<([u8; 4], &[u8])> = tables
        .iter()
        .map(|(tag, data)| {
            let data: &[u8] = match tag {
                b"glyf" => &new_glyf,
                b"loca" => &new_loca,
                b"head" => &new_head,
                b"maxp" => &new_maxp,
                _ => data,
            };
            (*tag, data)
        })
        .collect();
    let mut out = font.get(..12)?.to_vec();
    let mut at = 12 + 16 * count;
    let mut body = Vec::new();
    for (tag, data) in &rebuilt {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(at as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        body.extend_from_slice(data);
        while body.len() % 4 != 0 {
            body.push(0);
        }
        at = 12 + 16 * count + body.len();
    }
    out.extend_from_slice(&body);
    // The whole file sums to 0xB1B0AFBA once head's adjustment is set.
    let adjust = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
    let head_at = 12 + 16 * count + {
        let mut pos = 0;
        for (tag, data) in &rebuilt {
            if tag == b"head" {
                break;
            }
            pos += data.len().div_ceil(4) * 4;
        }
        pos
    };
    out.get_mut(head_at + 8..head_at + 12)?
        .copy_from_slice(&adjust.to_be_bytes());
    Some(out)
}

/// One glyph without its instructions.
fn strip(g: &[u8]) -> Option<Vec<u8>> {
    let contours = i16::from_be_bytes([*g.first()?, *g.get(1)?]);
    if contours >= 0 {
        // Header, end points, instruction length and instructions, then the points.
        let at = 10 + 2 * contours as usize;
        let len = usize::from(u16::from_be_bytes([*g.get(at)?, *g.get(at + 1)?]));
        let mut out = g.get(..at)?.to_vec();
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(g.get(at + 2 + len..)?);
        return Some(out);
    }
    // A composite: components until one without MORE_COMPONENTS; the instructions,
    // if its WE_HAVE_INSTRUCTIONS is set, follow the last.
    let mut out = g.to_vec();
    let mut at = 10;
    loop {
        let flags = u16::from_be_bytes([*g.get(at)?, *g.get(at + 1)?]);
        let args = if flags & 0x0001 != 0 { 4 } else { 2 };
        let scale = if flags & 0x0008 != 0 {
            2
        } else if flags & 0x0040 != 0 {
            4
        } else if flags & 0x0080 != 0 {
            8
        } else {
            0
        };
        let next = at + 4 + args + scale;
        if flags & 0x0020 == 0 {
            if flags & 0x0100 != 0 {
                out.get_mut(at..at + 2)?
                    .copy_from_slice(&(flags & !0x0100).to_be_bytes());
            }
            out.truncate(next);
            return Some(out);
        }
        at = next;
    }
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, c| {
        let mut word = [0u8; 4];
        word[..c.len()].copy_from_slice(c);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

#[cfg(test)]
mod tests {
    use read_fonts::{FontRef, TableProvider};

    /// The outlines survive (same points), the instructions do not, and the file
    /// reads back as a font.
    #[test]
    fn outlines_stay_instructions_go() {
        let original: &[u8] = include_bytes!("../../../fonts/AtkinsonHyperlegible-Regular.ttf");
        let stripped = super::without_instructions(original).expect("a TrueType font");
        assert!(stripped.len() < original.len());
        let (a, b) = (FontRef::new(original).unwrap(), FontRef::new(&stripped).unwrap());
        let (ga, gb) = (a.glyf().unwrap(), b.glyf().unwrap());
        let (la, lb) = (a.loca(None).unwrap(), b.loca(None).unwrap());
        let n = a.maxp().unwrap().num_glyphs();
        assert_eq!(n, b.maxp().unwrap().num_glyphs());
        for gid in 0..n {
            let gid = read_fonts::types::GlyphId::new(gid.into());
            let (x, y) = (la.get_glyf(gid, &ga).unwrap(), lb.get_glyf(gid, &gb).unwrap());
            match (x, y) {
                (
                    Some(read_fonts::tables::glyf::Glyph::Simple(x)),
                    Some(read_fonts::tables::glyf::Glyph::Simple(y)),
                ) => {
                    assert_eq!(x.points().collect::<Vec<_>>(), y.points().collect::<Vec<_>>());
                    assert!(y.instructions().is_empty());
                }
                (
                    Some(read_fonts::tables::glyf::Glyph::Composite(x)),
                    Some(read_fonts::tables::glyf::Glyph::Composite(y)),
                ) => {
                    assert_eq!(x.components().count(), y.components().count());
                }
                (None, None) => {}
                _ => panic!("glyph {gid} changed kind"),
            }
        }
        // The other tables are as they were: the letters still map to glyphs.
        assert!(b
            .cmap()
            .unwrap()
            .map_codepoint('K')
            .is_some_and(|g| g.to_u32() != 0));
    }
}
