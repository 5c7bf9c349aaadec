//! The font book: every face a build may use, parsed once and shared read-only.
//!
//! Faces come from the compiled-in defaults (Atkinson Hyperlegible, DejaVu Sans and
//! the Noto faces for other scripts, parsed only when a leaflet uses them) or from
//! files (a clinic's brand fonts, a `fonts/` folder, a system CJK font). Each is identified by a
//! [`FaceId`], grouped into a [`Family`] (regular, bold, italic, bold italic), and
//! carries the embedding permission its OS/2 table grants. A book is `Send + Sync`:
//! one `Arc<FontBook>` serves every build of a library, on any thread.

use super::markup::Style;
use harfrust::Font;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// A face in a [`FontBook`]: its index in the book.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FaceId(pub u16);

/// A family in a [`FontBook`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FamilyId(pub u16);

/// What a font's licence lets a PDF do with it (OS/2 `fsType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Embedding {
    /// Installable or editable: may be embedded.
    Allowed,
    /// Print and preview only: may be embedded in a document that is not edited.
    PreviewAndPrint,
    /// Restricted licence (bit 1): must not be embedded.
    Restricted,
    /// Embedded whole only (bit 8): the licence forbids subsetting.
    NoSubsetting,
    /// Outlines may not be embedded, only bitmaps (bit 9).
    BitmapOnly,
}

impl Embedding {
    fn from_fs_type(fs: u16) -> Embedding {
        // Usage bits 0–3: when several are set the least restrictive wins (OpenType).
        let usage = if fs & 0x000F == 0 || fs & 0x0008 != 0 {
            Embedding::Allowed
        } else if fs & 0x0004 != 0 {
            Embedding::PreviewAndPrint
        } else if fs & 0x0002 != 0 {
            return Embedding::Restricted;
        } else {
            Embedding::Allowed
        };
        if fs & 0x0200 != 0 {
            Embedding::BitmapOnly
        } else if fs & 0x0100 != 0 {
            Embedding::NoSubsetting
        } else {
            usage
        }
    }

    /// Whether the face may go into a PDF at all (whole, for `NoSubsetting`).
    pub fn permits_pdf(self) -> bool {
        !matches!(self, Embedding::Restricted | Embedding::BitmapOnly)
    }
}

/// A face's bytes: compiled in, or read from a file and shared with the shaper.
#[derive(Clone)]
enum Bytes {
    Static(&'static [u8]),
    Shared(Arc<Vec<u8>>),
}

impl AsRef<[u8]> for Bytes {
    fn as_ref(&self) -> &[u8] {
        match self {
            Bytes::Static(b) => b,
            Bytes::Shared(b) => b,
        }
    }
}

/// One parsed face.
pub struct Face {
    /// The PostScript name the PDF gives the font.
    pub postscript_name: String,
    bytes: Bytes,
    /// Index in a font collection (0 for a plain TTF/OTF).
    pub index: u32,
    pub font: Font,
    pub units_per_em: f32,
    /// Ascender and descender (positive), in ems.
    pub ascent: f32,
    pub descent: f32,
    pub embedding: Embedding,
    /// OS/2 weight class (400 regular, 700 bold).
    pub weight: u16,
    /// Coverage of U+0000–U+00FF, looked up for nearly every character laid out.
    latin1: [bool; 256],
}

impl Face {
    pub fn bytes(&self) -> &[u8] {
        self.bytes.as_ref()
    }

    /// Glyph `gid`'s own advance (its hmtx width, without kerning), in font units.
    pub fn nominal_advance(&self, gid: u16) -> f32 {
        self.font
            .glyph_metrics()
            .h_advance(harfrust::GlyphId::new(gid as u32))
    }

    pub fn has_char(&self, c: char) -> bool {
        match self.latin1.get(c as usize) {
            Some(&known) => known,
            None => self.font.charmap().map_unicode(c).is_some(),
        }
    }
}

/// Up to four faces under one name; a missing style falls back to the nearest one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Family {
    pub name: String,
    pub regular: FaceId,
    pub bold: Option<FaceId>,
    pub italic: Option<FaceId>,
    pub bold_italic: Option<FaceId>,
    /// `regular` was filed as regular (not the first face standing in for it).
    regular_given: bool,
}

impl Family {
    /// The face for a style: bold italic falls back to bold, then italic, then regular.
    pub fn face(&self, style: Style) -> FaceId {
        let wanted = match (style.bold, style.italic) {
            (false, false) => None,
            (true, false) => self.bold,
            (false, true) => self.italic,
            (true, true) => self.bold_italic.or(self.bold).or(self.italic),
        };
        wanted.unwrap_or(self.regular)
    }
}

/// Why a font file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FontError {
    #[error("cannot read the font file {path}: {reason}")]
    Unreadable { path: PathBuf, reason: String },
    #[error("{name} is not a TrueType or OpenType font leafpress can read")]
    NotAFont { name: String },
    #[error("the licence of {name} does not allow embedding it in a PDF (OS/2 fsType)")]
    NotEmbeddable { name: String },
    #[error("too many fonts: a font book holds at most 65,535 faces and families")]
    TooMany,
}

/// A face of the book: parsed when it is added (files, whose errors must be
/// reported) or the first time it is used (the compiled-in faces: most leaflets
/// need two of the two dozen).
struct Slot {
    bytes: Bytes,
    index: u32,
    name: String,
    /// The weight a compiled-in face is filed with, known before it is parsed.
    weight: u16,
    face: OnceLock<Face>,
}

#[derive(Default)]
pub struct FontBook {
    faces: Vec<Slot>,
    families: Vec<Family>,
}

impl FontBook {
    pub fn new() -> FontBook {
        FontBook::default()
    }

    /// A book holding the compiled-in faces (see [`super::shipped`]). Nothing is
    /// parsed yet.
    pub fn with_defaults() -> FontBook {
        let mut book = FontBook::new();
        for (bytes, family, style) in super::shipped::FACES {
            let id = FaceId(book.faces.len() as u16);
            book.faces.push(Slot {
                bytes: Bytes::Static(bytes),
                index: 0,
                name: family.to_string(),
                weight: if style.bold { 700 } else { 400 },
                face: OnceLock::new(),
            });
            book.add_to_family(family, style, id);
        }
        book
    }

    /// The compiled-in book, parsed once per process and shared.
    pub fn shared_defaults() -> Arc<FontBook> {
        static BOOK: OnceLock<Arc<FontBook>> = OnceLock::new();
        BOOK.get_or_init(|| Arc::new(FontBook::with_defaults())).clone()
    }

    /// Reads a TTF or OTF file into the book, as `style` of `family`.
    pub fn load_file(&mut self, path: &Path, family: &str, style: Style) -> Result<FaceId, FontError> {
        let (id, _) = self.read_file(path)?;
        self.add_to_family(family, style, id);
        Ok(id)
    }

    /// Adds a font file's first face to the book: its id and the file's name.
    fn read_file(&mut self, path: &Path) -> Result<(FaceId, String), FontError> {
        let (bytes, name) = read_font_file(path)?;
        Ok((self.add(Bytes::Shared(bytes), 0, &name)?, name))
    }

    /// Reads every `.ttf` and `.otf` file in a folder (a clinic's `fonts/`), filing
    /// each under the family and style its own tables name. Files that cannot be used
    /// are returned with the reason, the rest are loaded.
    pub fn load_dir(&mut self, dir: &Path) -> Result<(Vec<FaceId>, Vec<FontError>), FontError> {
        let unreadable = |e: std::io::Error| FontError::Unreadable {
            path: dir.to_path_buf(),
            reason: e.to_string(),
        };
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(unreadable)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                    ["ttf", "otf", "ttc", "otc"]
                        .iter()
                        .any(|x| e.eq_ignore_ascii_case(x))
                })
            })
            .collect();
        // Sorted, so face ids (and so the output bytes) do not depend on the disk.
        files.sort();
        let (mut ids, mut errors) = (Vec::new(), Vec::new());
        for path in files {
            let loaded = if super::find::is_collection(&path) {
                self.load_collection(&path)
            } else {
                self.load_file_as_named(&path).map(|id| vec![id])
            };
            match loaded {
                Ok(more) => ids.extend(more),
                Err(e) => errors.push(e),
            }
        }
        Ok((ids, errors))
    }

    /// Reads a font collection (`.ttc`: Noto Sans CJK has ten faces in 20 MB), filing
    /// each face under the family and style its tables give.
    pub fn load_collection(&mut self, path: &Path) -> Result<Vec<FaceId>, FontError> {
        let (bytes, name) = read_font_file(path)?;
        let count = match read_fonts::FileRef::new(&bytes) {
            Ok(read_fonts::FileRef::Collection(c)) => c.len(),
            Ok(read_fonts::FileRef::Font(_)) => 1,
            Err(_) => return Err(FontError::NotAFont { name }),
        };
        let mut ids = Vec::new();
        for index in 0..count {
            let Ok(raw) = read_fonts::FontRef::from_index(&bytes, index) else {
                continue;
            };
            let family = [
                read_fonts::types::NameId::TYPOGRAPHIC_FAMILY_NAME,
                read_fonts::types::NameId::FAMILY_NAME,
            ]
            .into_iter()
            .find_map(|n| name_string(&raw, n))
            .unwrap_or_else(|| name.clone());
            // A face that cannot be used (its licence, its tables) is skipped: the
            // collection's others may serve.
            let Ok(id) = self.add(Bytes::Shared(bytes.clone()), index, &format!("{name} #{index}")) else {
                continue;
            };
            let face = self.face(id);
            let italic = {
                use read_fonts::TableProvider;
                raw.os2().is_ok_and(|o| o.fs_selection().bits() & 1 != 0)
            };
            let style = Style {
                bold: face.weight >= 600,
                italic,
            };
            self.add_to_family(&family, style, id);
            ids.push(id);
        }
        if ids.is_empty() {
            return Err(FontError::NotEmbeddable { name });
        }
        Ok(ids)
    }

    /// Reads a font file, filing it under the family and style its tables give
    /// (typographic family name; OS/2 weight and italic bit).
    pub fn load_file_as_named(&mut self, path: &Path) -> Result<FaceId, FontError> {
        let (id, name) = self.read_file(path)?;
        let raw = read_fonts::FontRef::from_index(self.face(id).bytes(), 0)
            .map_err(|_| FontError::NotAFont { name: name.clone() })?;
        let family = [
            read_fonts::types::NameId::TYPOGRAPHIC_FAMILY_NAME,
            read_fonts::types::NameId::FAMILY_NAME,
        ]
        .into_iter()
        .find_map(|n| name_string(&raw, n))
        .unwrap_or_else(|| name.clone());
        let style = {
            use read_fonts::TableProvider;
            raw.os2().map_or(Style::default(), |os2| Style {
                bold: os2.us_weight_class() >= 600,
                italic: os2.fs_selection().bits() & 1 != 0,
            })
        };
        self.add_to_family(&family, style, id);
        Ok(id)
    }

    /// Adds font bytes (a face of a collection at `index`) to the book.
    pub fn add_bytes(&mut self, bytes: Vec<u8>, index: u32, name: &str) -> Result<FaceId, FontError> {
        self.add(Bytes::Shared(Arc::new(bytes)), index, name)
    }

    fn add(&mut self, bytes: Bytes, index: u32, name: &str) -> Result<FaceId, FontError> {
        let id = FaceId(u16::try_from(self.faces.len()).map_err(|_| FontError::TooMany)?);
        let face = parse(bytes.clone(), index, name)?;
        self.faces.push(Slot {
            bytes,
            index,
            name: name.to_string(),
            weight: face.weight,
            face: OnceLock::from(face),
        });
        Ok(id)
    }

    /// Files `face` under `family` as `style`, creating the family with it as its
    /// regular face if the family is new. Where the style is taken, the face whose
    /// weight is nearer the style's (400 regular, 700 bold) keeps it: a folder of
    /// Thin to Black files gives Regular and Bold, not the last two read.
    pub fn add_to_family(&mut self, family: &str, style: Style, face: FaceId) -> FamilyId {
        let at = match self.families.iter().position(|f| f.name == family) {
            Some(at) => at,
            None if self.families.len() >= u16::MAX as usize => return FamilyId(0),
            None => {
                self.families.push(Family {
                    name: family.to_string(),
                    regular: face,
                    bold: None,
                    italic: None,
                    bold_italic: None,
                    regular_given: false,
                });
                self.families.len() - 1
            }
        };
        let target: i32 = if style.bold { 700 } else { 400 };
        let distance = |id: FaceId| (self.faces[id.0 as usize].weight as i32 - target).abs();
        let new = distance(face);
        let f = &self.families[at];
        let slot = match (style.bold, style.italic) {
            // Until a regular face is filed, the family's first face stands in.
            (false, false) => f.regular_given.then_some(f.regular),
            (true, false) => f.bold,
            (false, true) => f.italic,
            (true, true) => f.bold_italic,
        };
        if slot.is_none_or(|old| new < distance(old)) {
            let f = &mut self.families[at];
            match (style.bold, style.italic) {
                (false, false) => {
                    f.regular = face;
                    f.regular_given = true;
                }
                (true, false) => f.bold = Some(face),
                (false, true) => f.italic = Some(face),
                (true, true) => f.bold_italic = Some(face),
            }
        }
        FamilyId(at as u16)
    }

    /// A face, parsed on first use.
    pub fn face(&self, id: FaceId) -> &Face {
        let slot = &self.faces[id.0 as usize];
        slot.face.get_or_init(|| {
            // Only compiled-in faces wait to be parsed, and they are known good: a
            // failure here is a build defect, which the tests parse every face to catch.
            parse(slot.bytes.clone(), slot.index, &slot.name).expect("a compiled-in font parses")
        })
    }

    /// Every face, parsing each (for the last resort of fallback: a character no
    /// family of the stack has).
    pub fn faces(&self) -> impl Iterator<Item = (FaceId, &Face)> {
        (0..self.faces.len()).map(|i| (FaceId(i as u16), self.face(FaceId(i as u16))))
    }

    pub fn face_count(&self) -> usize {
        self.faces.len()
    }

    pub fn family(&self, id: FamilyId) -> &Family {
        &self.families[id.0 as usize]
    }

    /// A family by name (case-insensitive).
    pub fn family_named(&self, name: &str) -> Option<FamilyId> {
        self.families
            .iter()
            .position(|f| f.name.eq_ignore_ascii_case(name))
            .map(|i| FamilyId(i as u16))
    }

    pub fn family_names(&self) -> Vec<&str> {
        self.families.iter().map(|f| f.name.as_str()).collect()
    }
}

/// A font file's bytes and its file name (what messages call it).
fn read_font_file(path: &Path) -> Result<(Arc<Vec<u8>>, String), FontError> {
    let bytes = std::fs::read(path).map_err(|e| FontError::Unreadable {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    Ok((Arc::new(bytes), name))
}

/// Parses a face: its shaping tables, metrics and embedding permission.
fn parse(bytes: Bytes, index: u32, name: &str) -> Result<Face, FontError> {
    let not_a_font = || FontError::NotAFont {
        name: name.to_string(),
    };
    let raw = read_fonts::FontRef::from_index(bytes.as_ref(), index).map_err(|_| not_a_font())?;
    let (fs_type, weight) = {
        use read_fonts::TableProvider;
        raw.os2().map_or((0, 400), |t| (t.fs_type(), t.us_weight_class()))
    };
    let postscript_name = postscript_name(&raw).unwrap_or_else(|| name.replace(' ', ""));
    let font = match &bytes {
        Bytes::Static(b) => Font::new(*b, index),
        Bytes::Shared(b) => Font::new(b.clone() as Arc<dyn AsRef<[u8]> + Send + Sync>, index),
    }
    .ok_or_else(not_a_font)?;
    if font.num_glyphs() == 0 {
        return Err(not_a_font());
    }
    let embedding = Embedding::from_fs_type(fs_type);
    if !embedding.permits_pdf() {
        return Err(FontError::NotEmbeddable {
            name: name.to_string(),
        });
    }
    let units_per_em = font.units_per_em().max(1) as f32;
    let (ascent, descent) = font
        .metrics()
        .hhea_line
        .as_ref()
        .map(|l| {
            (
                l.ascender.to_f32() / units_per_em,
                -l.descender.to_f32() / units_per_em,
            )
        })
        .filter(|(a, d)| a.is_finite() && d.is_finite() && *a > 0.0)
        .unwrap_or((0.8, 0.2));
    let charmap = font.charmap();
    let latin1 = std::array::from_fn(|c| charmap.map_unicode(c as u32).is_some());
    Ok(Face {
        postscript_name,
        bytes,
        index,
        font,
        units_per_em,
        ascent,
        descent,
        embedding,
        weight,
        latin1,
    })
}

/// The PostScript name from the `name` table (ID 6), which a PDF's BaseFont uses.
fn postscript_name(font: &read_fonts::FontRef) -> Option<String> {
    let s = name_string(font, read_fonts::types::NameId::POSTSCRIPT_NAME)?;
    // A PDF name allows no spaces or delimiters; fonts do not always comply.
    let clean: String = s
        .chars()
        .filter(|c| c.is_ascii_graphic() && !"()<>[]{}/%".contains(*c))
        .collect();
    (!clean.is_empty()).then_some(clean)
}

/// A string of the `name` table, if the font has one for `id`.
fn name_string(font: &read_fonts::FontRef, id: read_fonts::types::NameId) -> Option<String> {
    use read_fonts::TableProvider;
    let name = font.name().ok()?;
    let data = name.string_data();
    name.name_record()
        .iter()
        .filter(|r| r.name_id() == id)
        .find_map(|r| {
            let s: String = r.string(data).ok()?.chars().collect();
            (!s.trim().is_empty()).then(|| s.trim().to_string())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_form_two_families_with_names_and_permissions() {
        let book = FontBook::with_defaults();
        let atkinson = book.family_named("atkinson hyperlegible").expect("family");
        let bold = book.family(atkinson).face(Style {
            bold: true,
            italic: false,
        });
        assert_eq!(book.face(bold).postscript_name, "AtkinsonHyperlegible-Bold");
        let dejavu = book.family_named("DejaVu Sans").expect("family");
        // DejaVu has one face here: every style falls back to it.
        let f = book.family(dejavu);
        assert_eq!(
            f.face(Style {
                bold: true,
                italic: true
            }),
            f.regular
        );
        assert!(book.faces().all(|(_, f)| f.embedding.permits_pdf()));
    }

    #[test]
    fn fs_type_bits() {
        assert_eq!(Embedding::from_fs_type(0), Embedding::Allowed);
        assert_eq!(Embedding::from_fs_type(0x0002), Embedding::Restricted);
        assert_eq!(Embedding::from_fs_type(0x0004), Embedding::PreviewAndPrint);
        assert_eq!(Embedding::from_fs_type(0x0008), Embedding::Allowed);
        assert_eq!(Embedding::from_fs_type(0x0108), Embedding::NoSubsetting);
    }

    #[test]
    fn a_file_that_is_not_a_font_is_refused() {
        let mut book = FontBook::new();
        let err = book.add_bytes(b"not a font at all".to_vec(), 0, "x.ttf");
        assert_eq!(err, Err(FontError::NotAFont { name: "x.ttf".into() }));
        let dir = std::env::temp_dir().join("leafpress-no-such-font.ttf");
        assert!(matches!(
            book.load_file(&dir, "X", Style::default()),
            Err(FontError::Unreadable { .. })
        ));
    }

    #[test]
    fn a_fonts_folder_is_filed_by_the_fonts_own_names() {
        let dir = std::env::temp_dir().join(format!("leafpress-fonts-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let fonts = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
        for f in ["AtkinsonHyperlegible-Bold.ttf", "AtkinsonHyperlegible-Italic.ttf"] {
            std::fs::copy(fonts.join(f), dir.join(f)).unwrap();
        }
        std::fs::write(dir.join("broken.ttf"), b"not a font").unwrap();
        std::fs::write(dir.join("notes.txt"), b"ignored").unwrap();
        let mut book = FontBook::new();
        let (ids, errors) = book.load_dir(&dir).unwrap();
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(ids.len(), 2);
        assert_eq!(
            errors,
            vec![FontError::NotAFont {
                name: "broken.ttf".into()
            }]
        );
        let family = book.family(
            book.family_named("Atkinson Hyperlegible")
                .expect("named from its tables"),
        );
        assert_eq!(family.bold, Some(ids[0]));
        assert_eq!(family.italic, Some(ids[1]));
    }

    #[test]
    fn the_weight_nearest_the_style_keeps_it() {
        let fonts = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
        let mut book = FontBook::new();
        let bold = Style {
            bold: true,
            italic: false,
        };
        // Bold (700) filed first as bold stands in for regular until a regular comes.
        let b = book
            .load_file(&fonts.join("AtkinsonHyperlegible-Bold.ttf"), "A", bold)
            .unwrap();
        let family = book.family_named("A").unwrap();
        assert_eq!(book.family(family).regular, b);
        let r = book
            .load_file(
                &fonts.join("AtkinsonHyperlegible-Regular.ttf"),
                "A",
                Style::default(),
            )
            .unwrap();
        assert_eq!(book.family(family).regular, r);
        // A 400-weight face filed as bold does not displace the 700 one.
        book.load_file(&fonts.join("AtkinsonHyperlegible-Regular.ttf"), "A", bold)
            .unwrap();
        assert_eq!(book.family(family).bold, Some(b));
    }

    #[test]
    fn a_book_is_shared_between_threads() {
        fn send_sync<T: Send + Sync>() {}
        send_sync::<FontBook>();
    }
}
