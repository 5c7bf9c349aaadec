//! The embedded font faces, and shaping text with them (kerning, ligatures) through
//! harfrust. Glyph advances come from the shaper, never from printpdf, so the PDF
//! writer draws exactly what layout measured.

use super::markup::Style;
use harfrust::{Buffer, Direction, Font, ShapeOptions, ShapePlan, ShaperFont};
use std::collections::HashMap;
use std::rc::Rc;

/// One of the faces every leaflet can use. The fallback covers what Atkinson
/// Hyperlegible lacks (Greek, arrows, maths signs), character by character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FaceId {
    Regular,
    Bold,
    Italic,
    BoldItalic,
    Fallback,
}

impl FaceId {
    pub const ALL: [FaceId; 5] = [
        FaceId::Regular,
        FaceId::Bold,
        FaceId::Italic,
        FaceId::BoldItalic,
        FaceId::Fallback,
    ];

    pub fn for_style(style: Style) -> FaceId {
        match (style.bold, style.italic) {
            (false, false) => FaceId::Regular,
            (true, false) => FaceId::Bold,
            (false, true) => FaceId::Italic,
            (true, true) => FaceId::BoldItalic,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// A face's bytes and the name the PDF gives it.
pub struct FaceData {
    pub postscript_name: &'static str,
    pub bytes: &'static [u8],
}

pub const FACES: [FaceData; 5] = [
    FaceData {
        postscript_name: "AtkinsonHyperlegible-Regular",
        bytes: include_bytes!("../../fonts/AtkinsonHyperlegible-Regular.ttf"),
    },
    FaceData {
        postscript_name: "AtkinsonHyperlegible-Bold",
        bytes: include_bytes!("../../fonts/AtkinsonHyperlegible-Bold.ttf"),
    },
    FaceData {
        postscript_name: "AtkinsonHyperlegible-Italic",
        bytes: include_bytes!("../../fonts/AtkinsonHyperlegible-Italic.ttf"),
    },
    FaceData {
        postscript_name: "AtkinsonHyperlegible-BoldItalic",
        bytes: include_bytes!("../../fonts/AtkinsonHyperlegible-BoldItalic.ttf"),
    },
    FaceData {
        postscript_name: "DejaVuSans",
        bytes: include_bytes!("../../fonts/DejaVuSans.ttf"),
    },
];

/// One shaped glyph. Advances are in ems, so they scale with any font size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    pub gid: u16,
    /// The advance the shaper chose (kerning included).
    pub advance: f32,
    /// How far that differs from the font's own advance, which is what a PDF
    /// viewer applies by itself; the writer adds this as a TJ adjustment.
    pub adjust: f32,
    /// Byte offset of this glyph's cluster in the shaped text.
    pub cluster: u32,
}

struct Face {
    font: Font,
    /// Coverage of U+0000–U+00FF, looked up on every character laid out.
    latin1: [bool; 256],
    plan: ShapePlan,
    upem: f32,
    ascent: f32,
    descent: f32,
}

/// The faces, parsed once, with a cache of shaped words: leaflets repeat words a lot.
pub struct Fonts {
    faces: Vec<Face>,
    /// Shaped words per face, looked up by `&str` without allocating.
    cache: [HashMap<String, Rc<[Glyph]>>; 5],
    buffer: Option<Buffer>,
}

impl Default for Fonts {
    fn default() -> Self {
        Self::new()
    }
}

impl Fonts {
    pub fn new() -> Fonts {
        let faces = FACES
            .iter()
            .map(|f| {
                // The faces are compiled in and known good; failing here is a build defect.
                let font = Font::new(f.bytes, 0).expect("embedded font parses");
                let upem = font.units_per_em() as f32;
                let (ascent, descent) = font
                    .metrics()
                    .hhea_line
                    .as_ref()
                    .map(|l| (l.ascender.to_f32() / upem, -l.descender.to_f32() / upem))
                    .unwrap_or((0.8, 0.2));
                let plan = ShapePlan::new(
                    &font,
                    Direction::LeftToRight,
                    Some(harfrust::Script::LATIN),
                    None,
                    &[],
                );
                let charmap = font.charmap();
                let latin1 = std::array::from_fn(|c| charmap.map_unicode(c as u32).is_some());
                Face {
                    font,
                    latin1,
                    plan,
                    upem,
                    ascent,
                    descent,
                }
            })
            .collect();
        Fonts {
            faces,
            cache: Default::default(),
            buffer: Some(Buffer::new()),
        }
    }

    fn face(&self, id: FaceId) -> &Face {
        &self.faces[id.index()]
    }

    /// Ascender and descender (positive) in ems.
    pub fn vertical_metrics(&self, id: FaceId) -> (f32, f32) {
        let f = self.face(id);
        (f.ascent, f.descent)
    }

    pub fn has_char(&self, id: FaceId, c: char) -> bool {
        let face = self.face(id);
        match face.latin1.get(c as usize) {
            Some(&known) => known,
            None => face.font.charmap().map_unicode(c).is_some(),
        }
    }

    /// The face to draw `c` with: `preferred` if it has the character, else the fallback.
    pub fn face_for(&self, preferred: FaceId, c: char) -> FaceId {
        if c.is_whitespace() || c.is_control() || self.has_char(preferred, c) {
            preferred
        } else {
            FaceId::Fallback
        }
    }

    /// Shapes `text` (one face, one line's worth or less) into glyphs.
    pub fn shape(&mut self, face: FaceId, text: &str) -> Rc<[Glyph]> {
        if let Some(g) = self.cache[face.index()].get(text) {
            return g.clone();
        }
        let glyphs: Rc<[Glyph]> = self.shape_uncached(face, text).into();
        self.cache[face.index()].insert(text.to_string(), glyphs.clone());
        glyphs
    }

    fn shape_uncached(&mut self, id: FaceId, text: &str) -> Vec<Glyph> {
        let mut buffer = self.buffer.take().unwrap_or_default();
        buffer.clear();
        buffer.push_str(text);
        buffer.set_direction(Direction::LeftToRight);
        buffer.set_script(Some(harfrust::Script::LATIN));
        let face = &self.faces[id.index()];
        let shaper = ShaperFont::new(&face.font);
        let options = ShapeOptions::new().plan(Some(&face.plan));
        let glyphs = match harfrust::shape(&shaper, &mut buffer, options) {
            Ok(()) => {
                let metrics = face.font.glyph_metrics();
                buffer
                    .glyph_infos()
                    .iter()
                    .zip(buffer.glyph_positions())
                    .map(|(info, pos)| {
                        let gid = info.glyph_id as u16;
                        let nominal = metrics.h_advance(harfrust::GlyphId::new(info.glyph_id));
                        Glyph {
                            gid,
                            advance: pos.x_advance as f32 / face.upem,
                            adjust: (pos.x_advance as f32 - nominal) / face.upem,
                            cluster: info.cluster,
                        }
                    })
                    .collect()
            }
            // Shaping only fails on a malformed buffer, which push_str cannot make;
            // an empty result still measures and draws as nothing.
            Err(_) => Vec::new(),
        };
        self.buffer = Some(buffer);
        glyphs
    }
}

/// Width of shaped glyphs at `size`, in points.
pub fn width(glyphs: &[Glyph], size: f32) -> f32 {
    glyphs.iter().map(|g| g.advance).sum::<f32>() * size
}
