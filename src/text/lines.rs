//! Line breaking: styled spans → lines that fit a width.
//!
//! Breaks fall at Unicode line-break opportunities (UAX #14). Ragged-right text needs
//! no paragraph-wide optimisation, so lines are filled greedily. A word longer than
//! the whole line is broken inside: at a hyphenation point with a hyphen, or (for
//! URLs, e-mail addresses and words with no such point) between characters.

use super::book::FaceId;
use super::fonts::{width, Fonts, Glyph, RunProps};
use super::markup::{Span, Style};
use super::runs::{itemize, number_groups, reorder, Run};
use crate::base::units::Pt;
use std::ops::Range;
use std::rc::Rc;
use unicode_linebreak::{linebreaks, BreakOpportunity};

/// A run of glyphs in one face, one span and one direction, placed on a line.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// Index of the span this text came from (its style and link).
    pub span: usize,
    pub face: FaceId,
    /// Bidi embedding level: odd is right to left, and then the glyphs are in
    /// visual order. Lines put their pieces in visual order by it.
    pub level: u8,
    /// The characters the glyphs stand for (for text extraction).
    pub text: Rc<str>,
    /// Where that text starts in the paragraph: a line's pieces in logical order,
    /// whatever their visual order.
    pub at: usize,
    /// The text's language, as [`Fonts::lang_id`] numbers them (0: the leaflet's).
    pub lang: u8,
    pub glyphs: Rc<[Glyph]>,
    /// Offset from the start of the line.
    pub x: Pt,
    pub width: Pt,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line {
    pub pieces: Vec<Piece>,
    /// Width of the visible content (trailing spaces excluded).
    pub width: Pt,
}

/// What to break: spans in a base style at one size.
pub struct Paragraph<'a> {
    pub spans: &'a [Span],
    /// Added to every span's style (headings are bold throughout).
    pub base: Style,
    pub size: Pt,
    /// The paragraph's base direction is right to left.
    pub rtl: bool,
}

/// A paragraph shaped once, word by word, ready to be fitted to any width: headings
/// are balanced and runts avoided by fitting the same words again, not reshaping them.
pub struct Shaped {
    text: String,
    /// (byte range, span index) covering `text`.
    runs: Vec<(Range<usize>, usize)>,
    styles: Vec<Style>,
    /// Each span's language, as [`Fonts::lang_id`] numbers them.
    langs: Vec<u8>,
    /// Runs of one bidi level and one script, covering `text`.
    items: Vec<Run>,
    size: Pt,
    words: Vec<Word>,
}

/// The text between two break opportunities: a word and the spaces after it.
struct Word {
    content: Range<usize>,
    pieces: Vec<Piece>,
    width: Pt,
    spaces: Vec<Piece>,
    /// A line must end after this word (a hard line break).
    hard_break: bool,
}

pub fn shape(fonts: &mut Fonts, para: &Paragraph) -> Shaped {
    let mut text = String::new();
    let mut runs = Vec::new();
    let mut styles = Vec::new();
    let mut langs = Vec::new();
    for (i, span) in para.spans.iter().enumerate() {
        langs.push(fonts.lang_id(span.lang.as_deref()));
        let start = text.len();
        text.push_str(&span.text);
        runs.push((start..text.len(), i));
        styles.push(Style {
            bold: span.style.bold || para.base.bold,
            italic: span.style.italic || para.base.italic,
        });
    }
    let isolates: Vec<Range<usize>> = runs
        .iter()
        .filter(|(_, i)| para.spans[*i].isolate)
        .map(|(r, _)| r.clone())
        .collect();
    let mut isolates = isolates;
    if para.rtl {
        isolates.extend(number_groups(&text));
    }
    let items = itemize(&text, para.rtl, &isolates);
    let mut shaped = Shaped {
        text,
        runs,
        styles,
        langs,
        items,
        size: para.size,
        words: Vec::new(),
    };
    let mut start = 0;
    let breaks: Vec<_> = linebreaks(&shaped.text).collect();
    for (end, opportunity) in breaks {
        let segment = &shaped.text[start..end];
        let content = start..start + segment.trim_end().len();
        let ws = &shaped.text[content.end..end];
        let kept = ws.trim_end_matches(['\n', '\r', '\u{2028}', '\u{2029}']).len();
        let (pieces, width) = shaped.measure(fonts, content.clone());
        let (spaces, _) = shaped.measure(fonts, content.end..content.end + kept);
        let hard_break = opportunity == BreakOpportunity::Mandatory && end < shaped.text.len();
        shaped.words.push(Word {
            content,
            pieces,
            width,
            spaces,
            hard_break,
        });
        start = end;
    }
    shaped
}

/// Fills lines greedily with the shaped words.
pub fn fit(fonts: &mut Fonts, shaped: &Shaped, max_width: Pt) -> Vec<Line> {
    let mut b = Breaker {
        fonts,
        shaped,
        max: max_width,
        lines: Vec::new(),
        current: Line::default(),
        cursor: 0.0,
    };
    for word in &shaped.words {
        b.place_word(word);
        if word.hard_break {
            b.end_line();
        }
    }
    if !b.current.pieces.is_empty() || b.lines.is_empty() {
        b.end_line();
    }
    b.lines
}

struct Breaker<'f, 's> {
    fonts: &'f mut Fonts,
    shaped: &'s Shaped,
    max: Pt,
    lines: Vec<Line>,
    current: Line,
    /// x where the next content goes, including trailing spaces already placed.
    cursor: Pt,
}

impl Breaker<'_, '_> {
    fn end_line(&mut self) {
        let mut line = std::mem::take(&mut self.current);
        // The next line will hold about as many pieces: room for them at once, not by
        // doubling from four (a fifth of fitting the sample's lines).
        self.current.pieces.reserve(line.pieces.len());
        reorder(&mut line);
        self.lines.push(line);
        self.cursor = 0.0;
    }

    /// Places one word (and the spaces after it), starting a new line if it does not fit.
    fn place_word(&mut self, word: &Word) {
        if self.cursor + word.width > self.max && !self.current.pieces.is_empty() {
            self.end_line();
        }
        if word.width > self.max {
            self.place_overlong(word.content.clone());
        } else {
            self.append(word.pieces.iter().cloned());
        }
        // Spaces are drawn (so extracted text keeps its word gaps) but never count
        // towards the line's width.
        for p in &word.spaces {
            let mut p = p.clone();
            p.x = self.cursor;
            self.cursor += p.width;
            self.current.pieces.push(p);
        }
    }

    fn append(&mut self, pieces: impl IntoIterator<Item = Piece>) {
        for mut p in pieces {
            p.x = self.cursor;
            self.cursor += p.width;
            self.current.pieces.push(p);
        }
        self.current.width = self.cursor;
    }

    /// Breaks a word wider than a line into line-sized chunks.
    fn place_overlong(&mut self, range: Range<usize>) {
        let shaped = self.shaped;
        let word = &shaped.text[range.clone()];
        let url_like =
            word.contains("://") || word.contains('@') || word.contains('/') || word.starts_with("www.");
        let mut candidates: Vec<usize> = Vec::new();
        if !url_like {
            let mut at = range.start;
            let patterns = self.fonts.hyphenation();
            for syllable in patterns
                .into_iter()
                .flat_map(|lang| hypher::hyphenate(word, lang))
            {
                at += syllable.len();
                if at < range.end {
                    candidates.push(at);
                }
            }
        }
        let char_bounds: Vec<usize> = word
            .char_indices()
            .skip(1)
            .map(|(i, _)| range.start + i)
            .collect();
        let mut start = range.start;
        loop {
            let (rest, rest_w) = shaped.measure(self.fonts, start..range.end);
            if self.cursor + rest_w <= self.max {
                self.append(rest);
                return;
            }
            let hyphenated = |e: &usize| !url_like && candidates.contains(e);
            // The last option that fits, by bisection (width grows with the text):
            // trying them one by one from the end made a long word cubic in its length.
            let pick = |this: &mut Self, options: &[usize]| -> Option<(usize, Vec<Piece>)> {
                let options: Vec<usize> = options.iter().copied().filter(|&e| e > start).collect();
                let mut try_end = |e: usize| {
                    let (mut pieces, mut w) = shaped.measure(this.fonts, start..e);
                    if hyphenated(&e) {
                        let hyphen = shaped.hyphen_piece(this.fonts, e);
                        w += hyphen.width;
                        pieces.push(hyphen);
                    }
                    (this.cursor + w <= this.max).then_some((e, pieces))
                };
                let (mut lo, mut hi) = (0, options.len());
                let mut best = None;
                while lo < hi {
                    let mid = (lo + hi) / 2;
                    match try_end(options[mid]) {
                        Some(fits) => {
                            best = Some(fits);
                            lo = mid + 1;
                        }
                        None => hi = mid,
                    }
                }
                best
            };
            let chosen = pick(self, &candidates).or_else(|| pick(self, &char_bounds));
            match chosen {
                Some((end, pieces)) => {
                    self.append(pieces);
                    start = end;
                }
                None if self.current.pieces.is_empty() => {
                    // Not even one character fits: place one anyway, so the
                    // breaker always makes progress.
                    let end = char_bounds
                        .iter()
                        .copied()
                        .find(|&e| e > start)
                        .unwrap_or(range.end);
                    let (pieces, _) = shaped.measure(self.fonts, start..end);
                    self.append(pieces);
                    start = end;
                }
                None => {}
            }
            if start >= range.end {
                return;
            }
            self.end_line();
        }
    }
}

impl Shaped {
    fn hyphen_piece(&self, fonts: &mut Fonts, at: usize) -> Piece {
        let span = self.span_at(at.saturating_sub(1));
        let face = fonts.primary(self.styles[span]);
        // The hyphen goes with the text it ends, in that text's direction.
        let level = self
            .items
            .iter()
            .find(|r| r.range.contains(&at.saturating_sub(1)))
            .map_or(0, |r| r.level);
        let props = RunProps {
            script: harfrust::Script::COMMON,
            rtl: level % 2 == 1,
            lang: 0,
        };
        let glyphs = fonts.shape(face, props, "-");
        let w = width(&glyphs, self.size);
        Piece {
            span,
            face,
            level,
            text: "-".into(),
            at,
            lang: self.langs[span],
            glyphs,
            x: 0.0,
            width: w,
        }
    }

    fn span_at(&self, at: usize) -> usize {
        self.runs
            .iter()
            .find(|(r, _)| r.contains(&at))
            .map_or(0, |(_, s)| *s)
    }

    /// Shapes a range of the text: split into spans (style, link) and runs (script,
    /// direction), each shaped with fallback per cluster.
    fn measure(&self, fonts: &mut Fonts, range: Range<usize>) -> (Vec<Piece>, Pt) {
        if range.is_empty() {
            return (Vec::new(), 0.0);
        }
        // A word is one piece or a few (a face change, a link): room for four at once,
        // as the first push would make, without the call that grows it.
        let mut pieces = Vec::with_capacity(4);
        let mut total = 0.0;
        for (r, span) in &self.runs {
            let r = r.start.max(range.start)..r.end.min(range.end);
            if r.is_empty() {
                continue;
            }
            for item in &self.items {
                let part = item.range.start.max(r.start)..item.range.end.min(r.end);
                if part.is_empty() {
                    continue;
                }
                let props = RunProps {
                    script: item.script,
                    rtl: item.is_rtl(),
                    lang: self.langs[*span],
                };
                for seg in fonts
                    .shape_run(&self.text[part.clone()], self.styles[*span], props)
                    .iter()
                {
                    let w = width(&seg.glyphs, self.size);
                    total += w;
                    pieces.push(Piece {
                        span: *span,
                        face: seg.face,
                        level: item.level,
                        text: seg.text.clone(),
                        at: part.start + seg.range.start,
                        lang: self.langs[*span],
                        glyphs: seg.glyphs.clone(),
                        x: 0.0,
                        width: w,
                    });
                }
            }
        }
        (pieces, total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::markup::parse_inline;

    fn lines(src: &str, size: Pt, max: Pt) -> Vec<Line> {
        let spans = parse_inline(src);
        let mut fonts = Fonts::new();
        let para = Paragraph {
            spans: &spans,
            base: Style::default(),
            size,
            rtl: false,
        };
        let shaped = shape(&mut fonts, &para);
        fit(&mut fonts, &shaped, max)
    }

    fn text(l: &Line) -> String {
        l.pieces.iter().map(|p| &*p.text).collect()
    }

    #[test]
    fn every_line_fits() {
        let ls = lines("Acupuncture is an ancient Chinese healing practice that involves the insertion of thin, sterile needles.", 12.0, 150.0);
        assert!(ls.len() > 2);
        for l in &ls {
            assert!(l.width <= 150.0 + 0.01, "{} is {}", text(l), l.width);
        }
        let joined: String = ls.iter().map(text).collect();
        assert_eq!(joined, "Acupuncture is an ancient Chinese healing practice that involves the insertion of thin, sterile needles.");
    }

    #[test]
    fn overlong_word_is_hyphenated() {
        let ls = lines("Pneumonoultramicroscopicsilicovolcanoconiosis", 12.0, 80.0);
        assert!(ls.len() > 1);
        for l in &ls {
            assert!(l.width <= 80.01);
        }
        assert!(text(&ls[0]).ends_with('-'));
        let joined: String = ls
            .iter()
            .map(|l| text(l).trim_end_matches('-').to_string())
            .collect();
        assert_eq!(joined, "Pneumonoultramicroscopicsilicovolcanoconiosis");
    }

    #[test]
    fn overlong_url_breaks_without_hyphen() {
        let url = "https://acupuncture-clinic.example/leaflets/hip-and-knee-pain/2026";
        let ls = lines(url, 12.0, 100.0);
        assert!(ls.len() > 1);
        assert!(ls.iter().all(|l| l.width <= 100.01));
        let joined: String = ls.iter().map(text).collect();
        assert_eq!(joined, url);
    }

    /// Right-to-left words inside left-to-right text come out in visual order: the
    /// later Arabic word on the left, each word's glyphs as the shaper ordered them.
    #[test]
    fn right_to_left_words_are_put_in_visual_order() {
        let ls = lines("Call شكرا جدا now", 12.0, 400.0);
        let order: Vec<&str> = ls[0]
            .pieces
            .iter()
            .map(|p| p.text.trim())
            .filter(|t| !t.is_empty())
            .collect();
        assert_eq!(order, ["Call", "جدا", "شكرا", "now"]);
        let xs: Vec<f32> = ls[0].pieces.iter().map(|p| p.x).collect();
        assert!(xs.windows(2).all(|w| w[0] <= w[1]), "{xs:?}");
    }

    const LATIN: RunProps = RunProps {
        script: harfrust::Script::LATIN,
        rtl: false,
        lang: 0,
    };

    fn family_face(fonts: &Fonts, family: &str) -> FaceId {
        let book = fonts.book();
        book.family(book.family_named(family).unwrap()).regular
    }

    #[test]
    fn kerning_is_applied() {
        let mut fonts = Fonts::new();
        let regular = fonts.primary(Style::default());
        let g = fonts.shape(regular, LATIN, "AV");
        let face = fonts.book().face(regular);
        assert!(
            g.iter()
                .any(|g| g.advance != face.nominal_advance(g.gid) / face.units_per_em),
            "{g:?}"
        );
    }

    #[test]
    fn missing_glyphs_fall_back() {
        let fonts = Fonts::new();
        let (atkinson, dejavu) = (
            fonts.primary(Style::default()),
            family_face(&fonts, "DejaVu Sans"),
        );
        let ls = lines("Qi → α", 12.0, 300.0);
        let faces: Vec<FaceId> = ls[0].pieces.iter().map(|p| p.face).collect();
        assert!(faces.contains(&dejavu));
        assert!(faces.contains(&atkinson));
    }

    /// A letter the main face lacks comes from the fallback; the letters around it
    /// stay in Atkinson (fallback is per cluster, not per word). A Turkish İ, which
    /// Atkinson could only build from I and a combining dot, is set whole by Noto
    /// Sans, which has it.
    #[test]
    fn fallback_takes_only_the_missing_cluster() {
        let mut fonts = Fonts::new();
        let atkinson = fonts.primary(Style::default());
        let face = fonts.book().face(atkinson);
        assert!(
            !face.has_char('ŋ') && !face.has_char('İ'),
            "the test needs letters Atkinson lacks"
        );
        let word = "Kaŋlo";
        let segs = fonts.shape_run(word, Style::default(), LATIN);
        let parts: Vec<(&str, bool)> = segs
            .iter()
            .map(|s| (&word[s.range.clone()], s.face == atkinson))
            .collect();
        assert_eq!(parts, vec![("Ka", true), ("ŋ", false), ("lo", true)]);
        assert!(segs.iter().all(|s| s.glyphs.iter().all(|g| g.gid != 0)));

        let word = "İstanbul";
        let segs = fonts.shape_run(word, Style::default(), LATIN);
        let parts: Vec<(&str, bool)> = segs
            .iter()
            .map(|s| (&word[s.range.clone()], s.face == atkinson))
            .collect();
        assert_eq!(parts, vec![("İ", false), ("stanbul", true)]);
        assert_eq!(segs[0].glyphs.len(), 1, "one glyph for İ: {segs:?}");
        assert!(segs.iter().all(|s| s.glyphs.iter().all(|g| g.gid != 0)));
    }

    /// e + U+0323 + U+0302 (ệ decomposed): the marks stay in one cluster with their
    /// letter, in one face, and carry the offsets the shaper gave them.
    #[test]
    fn combining_marks_keep_the_shapers_offsets() {
        let text = "Vie\u{323}\u{302}t";
        let mut fonts = Fonts::new();
        let segs = fonts.shape_run(text, Style::default(), LATIN);
        let seg = segs
            .iter()
            .find(|s| s.range.contains(&3))
            .expect("a segment holds the e");
        assert!(
            seg.range.start <= 2 && seg.range.end >= 7,
            "the cluster was split: {segs:?}"
        );
        // The same cluster shaped directly with that face gives the same positions.
        let cluster = &text[2..7];
        let direct = fonts.shape(seg.face, LATIN, cluster);
        let ours: Vec<&Glyph> = seg
            .glyphs
            .iter()
            .filter(|g| {
                (seg.range.start + g.cluster as usize) >= 2 && (seg.range.start + g.cluster as usize) < 7
            })
            .collect();
        assert_eq!(ours.len(), direct.len());
        for (a, b) in ours.iter().zip(direct.iter()) {
            assert_eq!((a.gid, a.x_offset, a.y_offset), (b.gid, b.x_offset, b.y_offset));
        }
        // Whether the font composes ệ or attaches two marks, nothing is .notdef, and
        // attached marks sit off the baseline.
        assert!(seg.glyphs.iter().all(|g| g.gid != 0));
        if direct.len() > 1 {
            assert!(
                direct.iter().any(|g| g.y_offset != 0.0 || g.x_offset != 0.0),
                "{direct:?}"
            );
        }
    }
}
