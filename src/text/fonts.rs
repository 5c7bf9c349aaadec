//! Shaping text with the faces of a [`FontBook`] (kerning, ligatures, mark
//! placement) through harfrust, with fallback per cluster. Glyph advances and offsets
//! come from the shaper, never from printpdf, so the PDF writer draws exactly what
//! layout measured.
//!
//! Each run's stack of families follows its script and language: the theme's
//! families, with the compiled-in Noto family for the script first where the main
//! family lacks that script (Urdu: Nastaliq, then Naskh), then Noto Sans and DejaVu
//! Sans. Fallback works as in Typst: a run is shaped with the first family of its
//! stack; the clusters that came out as glyph 0 (.notdef) are shaped again,
//! together, with the next family, and so on. A cluster (a letter and its combining
//! marks) is never split between faces, and the letters around a missing one keep
//! the face of the rest.

use super::book::{FaceId, FamilyId, FontBook};
use super::locale;
use super::markup::Style;
use harfrust::{Buffer, Direction, Language, Script, ShapeOptions, ShapePlan, ShaperFont};
use rustc_hash::FxBuildHasher;
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use std::rc::Rc;
use std::sync::Arc;

/// One shaped glyph. Advances and offsets are in ems, so they scale with any size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    pub gid: u16,
    /// The advance the shaper chose (kerning included). Where it differs from the
    /// font's own ([`super::book::Face::nominal_advance`]) the PDF writer moves the
    /// next glyph; that difference is not kept here, as every glyph of a long
    /// leaflet lives until the PDF is written.
    pub advance: f32,
    /// Where the glyph is drawn relative to the pen (combining marks, cursive
    /// attachment); y grows upwards, as in the font.
    pub x_offset: f32,
    pub y_offset: f32,
    /// Byte offset of this glyph's cluster in the shaped text.
    pub cluster: u32,
}

/// How a run is shaped, besides its face.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RunProps {
    pub script: Script,
    pub rtl: bool,
    /// The run's language, as [`Fonts::lang_id`] numbers them (0: the leaflet's).
    pub lang: u8,
}

/// Text shaped with one face: a piece of a run after fallback.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub face: FaceId,
    /// Byte range in the text given to [`Fonts::shape_run`].
    pub range: Range<usize>,
    /// Clusters count from the start of `range`.
    pub glyphs: Rc<[Glyph]>,
    /// The text of `range`, shared by every line that sets it.
    pub text: Rc<str>,
}

/// A stack of families is chosen per script and language.
type StackKey = (Script, u8);

/// Shaped text by the text itself. FxHash: the keys are a leaflet's own words,
/// and SipHash's defence against chosen collisions cost 5 % of the sample's build.
type Words = HashMap<String, Rc<[Glyph]>, FxBuildHasher>;

/// Runs shaped with fallback, by style and run properties, then by their text.
type Runs = Vec<((Style, RunProps), HashMap<String, Rc<[Segment]>, FxBuildHasher>)>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Key {
    face: FaceId,
    props: RunProps,
}

/// A build's shaping context: the shared font book, the families tried in order,
/// and caches of plans and shaped words (leaflets repeat words a lot).
pub struct Fonts {
    book: Arc<FontBook>,
    /// The theme's families: the main one first, then its fallbacks.
    stack: Vec<FamilyId>,
    /// Languages met so far, by [`RunProps::lang`]: the leaflet's first.
    langs: Vec<(String, Option<Language>)>,
    /// Each script and language's stack of families, worked out once.
    stacks: Vec<(StackKey, Rc<[FamilyId]>)>,
    /// The leaflet's language is written right to left.
    rtl: bool,
    /// [`Fonts::home_face`] per style (regular, bold, italic, bold italic), once found.
    home: [Option<FaceId>; 4],
    /// Plans and shaped text per face and run properties: a handful of keys, so a
    /// list; shaped text is looked up by `&str` without allocating.
    plans: Vec<(Key, ShapePlan)>,
    cache: Vec<(Key, Words)>,
    /// Whole runs after fallback: nearly every word and space of a leaflet comes
    /// again, and looking it up here skips finding its stack and faces.
    runs: Runs,
    buffer: Option<Buffer>,
    /// Characters no face in the book has: they print as empty boxes.
    missing: BTreeSet<char>,
}

impl Default for Fonts {
    fn default() -> Self {
        Self::new()
    }
}

impl Fonts {
    /// The compiled-in faces: Atkinson Hyperlegible, falling back to DejaVu Sans.
    pub fn new() -> Fonts {
        let book = FontBook::shared_defaults();
        let stack = ["Atkinson Hyperlegible", "DejaVu Sans"]
            .iter()
            .filter_map(|name| book.family_named(name))
            .collect();
        Fonts::with_book(book, stack)
    }

    /// Shapes with `stack`'s families, in order, from `book`. An empty stack is
    /// a caller's bug; it is given the book's first family.
    pub fn with_book(book: Arc<FontBook>, mut stack: Vec<FamilyId>) -> Fonts {
        if stack.is_empty() {
            stack.push(FamilyId(0));
        }
        Fonts {
            book,
            stack,
            langs: vec![(String::new(), None)],
            stacks: Vec::new(),
            rtl: false,
            home: [None; 4],
            plans: Vec::new(),
            cache: Vec::new(),
            runs: Vec::new(),
            buffer: Some(Buffer::new()),
            missing: BTreeSet::new(),
        }
    }

    /// The leaflet's language, which shaping rules (`tr` for Turkish i/İ forms, `ur`
    /// for Urdu's), faces and hyphenation follow (BCP 47).
    pub fn set_language(&mut self, tag: &str) {
        if self.langs[0].0 != tag {
            self.langs[0] = (tag.to_string(), tag.parse().ok());
            self.rtl = locale::is_rtl(tag);
            self.home = [None; 4];
            self.stacks.clear();
            self.plans.clear();
            self.cache.clear();
        }
    }

    /// Whether the leaflet's language is written right to left.
    pub fn rtl(&self) -> bool {
        self.rtl
    }

    /// The leaflet's language tag (empty until set).
    pub fn language(&self) -> &str {
        &self.langs[0].0
    }

    /// A number for a language of a span (`None`: the leaflet's), for [`RunProps`].
    pub fn lang_id(&mut self, tag: Option<&str>) -> u8 {
        let Some(tag) = tag else { return 0 };
        if let Some(i) = self.langs.iter().position(|(t, _)| t == tag) {
            return i as u8;
        }
        // A leaflet with hundreds of languages shapes the rest as its own.
        if self.langs.len() >= u8::MAX as usize {
            return 0;
        }
        self.langs.push((tag.to_string(), tag.parse().ok()));
        (self.langs.len() - 1) as u8
    }

    /// The tag [`Fonts::lang_id`] gave `id` (`None` for the leaflet's own).
    pub fn lang_tag(&self, id: u8) -> Option<&str> {
        (id != 0)
            .then(|| self.langs.get(id as usize).map(|(t, _)| t.as_str()))
            .flatten()
    }

    /// The families a run of `props` is shaped with, in order.
    fn stack_for(&mut self, props: RunProps) -> Rc<[FamilyId]> {
        let key = (props.script, props.lang);
        if let Some((_, s)) = self.stacks.iter().find(|(k, _)| *k == key) {
            return s.clone();
        }
        let tag = self.langs[props.lang as usize].0.clone();
        let book = &self.book;
        let mut script_families: Vec<FamilyId> = locale::families(props.script, &tag, &self.langs[0].0)
            .iter()
            .filter_map(|name| book.family_named(name))
            .collect();
        if locale::is_cjk(props.script) {
            // No CJK face is compiled in: any the book was given, by the language's
            // preferred region (Noto Sans CJK SC for zh-Hans).
            let names = book.family_names();
            for region in locale::cjk_preference(&tag) {
                for (i, name) in names.iter().enumerate() {
                    let upper = name.to_ascii_uppercase();
                    if upper.contains("CJK") && upper.ends_with(&format!(" {region}")) {
                        script_families.push(FamilyId(i as u16));
                    }
                }
            }
        }
        // The leaflet's own script counts too: a Greek leaflet sets its digits and
        // Latin words in the face of its Greek, not in a face that lacks Greek. Only
        // where that face has the run's letters: Urdu's Latin words and web addresses
        // stay out of Nastaliq, whose Latin punctuation is its own.
        let home = locale::script(&self.langs[0].0)
            .filter(|&s| s != props.script && !locale::is_cjk(s))
            .map(|s| locale::families(s, &self.langs[0].0, &self.langs[0].0))
            .unwrap_or(&[]);
        let main = self.stack[0];
        let has = |family: FamilyId, script: Script| {
            locale::sample(script).is_none_or(|c| book.face(book.family(family).regular).has_char(c))
        };
        let mut stack: Vec<FamilyId> = Vec::new();
        // A CJK face comes after the main family, as a Latin face sets the digits and
        // Latin letters of Chinese text (and allsorts mis-subsets the widths of Noto
        // Sans CJK's proportional digits: PDF/UA's width check caught it).
        if !has(main, props.script) && !locale::is_cjk(props.script) {
            stack.extend(&script_families);
        }
        if let Some(home_script) = locale::script(&self.langs[0].0) {
            if !has(main, home_script) && props.script != home_script {
                stack.extend(
                    home.iter()
                        .filter_map(|n| book.family_named(n))
                        .filter(|&f| has(f, props.script)),
                );
            }
        }
        // The main family, the script's own faces, then the theme's fallbacks: Noto
        // Sans before DejaVu Sans sets an İ the main face lacks in a matching face.
        stack.push(main);
        stack.extend(&script_families);
        stack.extend(["Noto Sans"].iter().filter_map(|n| book.family_named(n)));
        stack.extend(&self.stack[1..]);
        stack.extend(["DejaVu Sans"].iter().filter_map(|n| book.family_named(n)));
        let mut seen = BTreeSet::new();
        stack.retain(|f| seen.insert(*f));
        let stack: Rc<[FamilyId]> = stack.into();
        self.stacks.push((key, stack.clone()));
        stack
    }

    /// Hyphenation patterns for the leaflet's language, if there are any.
    pub fn hyphenation(&self) -> Option<hypher::Lang> {
        match self.langs[0].0.as_str() {
            // Not set (a test, a caller shaping loose text): English, the default's.
            "" => Some(hypher::Lang::English),
            tag => locale::hyphenation(tag),
        }
    }

    pub fn book(&self) -> &Arc<FontBook> {
        &self.book
    }

    /// The main family's face for `style`: what text of that style is measured in.
    pub fn primary(&self, style: Style) -> FaceId {
        self.book.family(self.stack[0]).face(style)
    }

    /// The face the leaflet's own script is set in, for `style`: the main family's
    /// for Latin, Noto Nastaliq Urdu's for Urdu. Lines are spaced and centred on it.
    pub fn home_face(&mut self, style: Style) -> FaceId {
        let slot = style.bold as usize + 2 * style.italic as usize;
        if let Some(face) = self.home[slot] {
            return face;
        }
        let script = locale::script(self.language())
            .filter(|&s| !locale::is_cjk(s) || locale::sample(s).is_some_and(|c| self.covered(c)))
            .unwrap_or(Script::LATIN);
        let stack = self.stack_for(RunProps {
            script,
            rtl: false,
            lang: 0,
        });
        // The first family of the stack that has the script's letters (a CJK face
        // follows the main family in its stack).
        let sample = locale::sample(script);
        let family = stack
            .iter()
            .copied()
            .find(|&f| sample.is_none_or(|c| self.book.face(self.book.family(f).regular).has_char(c)))
            .unwrap_or(stack[0]);
        let face = self.book.family(family).face(style);
        self.home[slot] = Some(face);
        face
    }

    /// Whether any face of the book has `c`.
    fn covered(&self, c: char) -> bool {
        self.book.faces().any(|(_, f)| f.has_char(c))
    }

    /// How far a glyph's ink reaches past the end of its advance, in ems (0 when it
    /// stays inside): a Nastaliq kāf's stroke reaches well to the right of it.
    pub fn overhang(&self, id: FaceId, glyph: &Glyph) -> f32 {
        let face = self.book.face(id);
        let shaper = ShaperFont::new(&face.font);
        shaper
            .glyph_extents(harfrust::GlyphId::new(glyph.gid as u32))
            .map_or(0.0, |e| {
                let right = glyph.x_offset + (e.x_bearing + e.width) as f32 / face.units_per_em;
                (right - glyph.advance).max(0.0)
            })
    }

    /// Ascender and descender (positive) in ems.
    pub fn vertical_metrics(&self, id: FaceId) -> (f32, f32) {
        let f = self.book.face(id);
        (f.ascent, f.descent)
    }

    /// Characters that no face had, in any text shaped so far.
    pub fn missing(&self) -> &BTreeSet<char> {
        &self.missing
    }

    /// Shapes one run (one script and direction) in `style`, falling back per cluster.
    /// Segments come in logical order.
    pub fn shape_run(&mut self, text: &str, style: Style, props: RunProps) -> Rc<[Segment]> {
        let at = slot(&mut self.runs, (style, props));
        if let Some(segments) = self.runs[at].1.get(text) {
            return segments.clone();
        }
        let mut out = Vec::new();
        let stack = self.stack_for(props);
        self.shape_from(text, 0, style, props, (&stack, 0), &mut out);
        let segments: Rc<[Segment]> = out.into();
        self.runs[at].1.insert(text.to_string(), segments.clone());
        segments
    }

    fn shape_from(
        &mut self,
        text: &str,
        offset: usize,
        style: Style,
        props: RunProps,
        (stack, depth): (&[FamilyId], usize),
        out: &mut Vec<Segment>,
    ) {
        let face = match stack.get(depth) {
            Some(&family) => self.book.family(family).face(style),
            None => self.last_resort(text, style),
        };
        let glyphs = self.shape(face, props, text);
        let last = depth >= stack.len();
        // A letter the face lacks but builds from parts (İ as I and a dot above) is
        // set whole by a later family that has it, if one does: the whole letter is
        // the designer's, and its text reads back as one character.
        let book = &self.book;
        let built = |r: &Range<usize>| {
            let mut chars = text[r.clone()].chars();
            matches!((chars.next(), chars.next()), (Some(c), None)
                if c as u32 >= 0x80
                    && !book.face(face).has_char(c)
                    && stack[(depth + 1).min(stack.len())..]
                        .iter()
                        .any(|&f| book.face(book.family(f).face(style)).has_char(c)))
        };
        let lacking = |r: &Range<usize>| {
            glyphs
                .iter()
                .any(|g| g.gid == 0 && r.contains(&(g.cluster as usize)))
                || (!last && built(r))
        };
        // (Plain ASCII with every glyph found, nearly every word, needs no look.)
        let clean = !glyphs.iter().any(|g| g.gid == 0) && (last || text.is_ascii());
        let bounds = if clean {
            Vec::new()
        } else {
            cluster_bounds(text, &glyphs)
        };
        if last || clean || !bounds.iter().any(&lacking) {
            if last && glyphs.iter().any(|g| g.gid == 0) {
                self.missing.extend(
                    missing_clusters(text, &glyphs)
                        .flat_map(|r| text[r].chars())
                        .filter(|c| !c.is_whitespace() && !c.is_control()),
                );
            }
            out.push(Segment {
                face,
                range: offset..offset + text.len(),
                glyphs,
                text: text.into(),
            });
            return;
        }
        // Alternate between stretches this face has and stretches it lacks.
        let mut groups: Vec<(bool, Range<usize>)> = Vec::new();
        for r in bounds {
            let bad = lacking(&r);
            match groups.last_mut() {
                Some((b, range)) if *b == bad => range.end = r.end,
                _ => groups.push((bad, r)),
            }
        }
        for (bad, r) in groups {
            if bad {
                self.shape_from(
                    &text[r.clone()],
                    offset + r.start,
                    style,
                    props,
                    (stack, depth + 1),
                    out,
                );
            } else {
                // The glyphs shaped in context are kept; clusters rebased to the stretch.
                let part: Rc<[Glyph]> = glyphs
                    .iter()
                    .filter(|g| r.contains(&(g.cluster as usize)))
                    .map(|g| Glyph {
                        cluster: g.cluster - r.start as u32,
                        ..*g
                    })
                    .collect();
                out.push(Segment {
                    face,
                    range: offset + r.start..offset + r.end,
                    glyphs: part,
                    text: text[r.clone()].into(),
                });
            }
        }
    }

    /// When no family of the stack has a character: the face of the leaflet's own
    /// script, if it has it (a full-width colon in a Chinese leaflet takes the
    /// Chinese face, not the first CJK face of the collection), else any face in the
    /// book that has it, else the main face (which prints .notdef, and is reported).
    fn last_resort(&mut self, text: &str, style: Style) -> FaceId {
        let Some(first) = text.chars().find(|c| !c.is_whitespace()) else {
            return self.primary(style);
        };
        let home = self.home_face(style);
        if self.book.face(home).has_char(first) {
            return home;
        }
        self.book
            .faces()
            .find(|(_, f)| f.has_char(first))
            .map_or_else(|| self.primary(style), |(id, _)| id)
    }

    /// Shapes `text` with one face (one word's worth or less), cached.
    pub fn shape(&mut self, face: FaceId, props: RunProps, text: &str) -> Rc<[Glyph]> {
        let key = Key { face, props };
        let at = slot(&mut self.cache, key);
        if let Some(g) = self.cache[at].1.get(text) {
            return g.clone();
        }
        let glyphs = self.shape_uncached(key, text);
        self.cache[at].1.insert(text.to_string(), glyphs.clone());
        glyphs
    }

    /// Collected straight into the shared list: through a `Vec` every new word was
    /// allocated and copied twice.
    fn shape_uncached(&mut self, key: Key, text: &str) -> Rc<[Glyph]> {
        let face = self.book.face(key.face);
        let direction = if key.props.rtl {
            Direction::RightToLeft
        } else {
            Direction::LeftToRight
        };
        let language = self.langs[key.props.lang as usize].1.clone();
        let at = match self.plans.iter().position(|(k, _)| *k == key) {
            Some(at) => at,
            None => {
                let plan = ShapePlan::new(
                    &face.font,
                    direction,
                    Some(key.props.script),
                    language.as_ref(),
                    &[],
                );
                self.plans.push((key, plan));
                self.plans.len() - 1
            }
        };
        let plan = &self.plans[at].1;
        let mut buffer = self.buffer.take().unwrap_or_default();
        buffer.clear();
        buffer.push_str(text);
        buffer.set_direction(direction);
        buffer.set_script(Some(key.props.script));
        buffer.set_language(language);
        let shaper = ShaperFont::new(&face.font);
        let options = ShapeOptions::new().plan(Some(plan));
        let upem = face.units_per_em;
        let glyphs = match harfrust::shape(&shaper, &mut buffer, options) {
            Ok(()) => {
                buffer
                    .glyph_infos()
                    .iter()
                    .zip(buffer.glyph_positions())
                    .map(|(info, pos)| Glyph {
                        // A face has at most 65 535 glyphs (maxp), so ids fit.
                        gid: info.glyph_id as u16,
                        advance: pos.x_advance as f32 / upem,
                        x_offset: pos.x_offset as f32 / upem,
                        y_offset: pos.y_offset as f32 / upem,
                        cluster: info.cluster,
                    })
                    .collect()
            }
            // Shaping only fails on a malformed buffer, which push_str cannot make;
            // an empty result still measures and draws as nothing.
            Err(_) => Rc::from([]),
        };
        self.buffer = Some(buffer);
        glyphs
    }
}

/// Where `key`'s map is in a short list of maps by key (a handful of faces and
/// styles: a list, searched, not a map of maps), added empty if it is not there.
fn slot<K: PartialEq, V: Default>(list: &mut Vec<(K, V)>, key: K) -> usize {
    match list.iter().position(|(k, _)| *k == key) {
        Some(at) => at,
        None => {
            list.push((key, V::default()));
            list.len() - 1
        }
    }
}

/// The clusters of shaped text in glyph order: (glyph range, byte range of `text`).
/// A cluster's text ends where the next cluster in the text begins, whatever the
/// glyph order (right-to-left runs are in visual order).
pub fn glyph_clusters(text: &str, glyphs: &[Glyph]) -> Vec<(Range<usize>, Range<usize>)> {
    // One pass: the PDF stage groups every run's glyphs twice, and two passes with a
    // list of groups between them cost half again as much.
    let len = text.len();
    let start = |r: &Range<usize>| glyphs[r.start].cluster as usize;
    let mut out: Vec<(Range<usize>, Range<usize>)> = Vec::with_capacity(glyphs.len());
    let mut ascending = true;
    for (i, g) in glyphs.iter().enumerate() {
        if let Some((r, _)) = out.last_mut() {
            let last = glyphs[r.start].cluster;
            if last == g.cluster {
                r.end = i + 1;
                continue;
            }
            ascending &= last < g.cluster;
        }
        out.push((i..i + 1, 0..0));
    }
    // Left-to-right text (nearly all of it) has ascending clusters: each ends where
    // the next begins. Otherwise the next start is looked up among all of them.
    if ascending {
        for k in 0..out.len() {
            let s = start(&out[k].0);
            let end = out.get(k + 1).map_or(len, |(r, _)| start(r));
            out[k].1 = s.min(len)..end.min(len);
        }
    } else {
        let mut starts: Vec<usize> = out.iter().map(|(r, _)| start(r)).collect();
        starts.sort_unstable();
        for (r, bytes) in &mut out {
            let s = start(r);
            let end = starts
                .get(starts.partition_point(|&x| x <= s))
                .copied()
                .unwrap_or(len);
            *bytes = s.min(len)..end.min(len);
        }
    }
    out
}

/// The byte ranges of the clusters of shaped text, in logical order.
pub fn cluster_bounds(text: &str, glyphs: &[Glyph]) -> Vec<Range<usize>> {
    let mut bounds: Vec<Range<usize>> = glyph_clusters(text, glyphs).into_iter().map(|(_, b)| b).collect();
    bounds.sort_unstable_by_key(|b| b.start);
    bounds.retain(|b| !b.is_empty());
    bounds
}

fn missing_clusters<'a>(text: &'a str, glyphs: &'a [Glyph]) -> impl Iterator<Item = Range<usize>> + 'a {
    cluster_bounds(text, glyphs).into_iter().filter(move |r| {
        glyphs
            .iter()
            .any(|g| g.gid == 0 && r.contains(&(g.cluster as usize)))
    })
}

/// Width of shaped glyphs at `size`, in points.
pub fn width(glyphs: &[Glyph], size: f32) -> f32 {
    glyphs.iter().map(|g| g.advance).sum::<f32>() * size
}
