//! Line breaking: styled spans → lines that fit a width.
//!
//! Breaks fall at Unicode line-break opportunities (UAX #14). Ragged-right text needs
//! no paragraph-wide optimisation, so lines are filled greedily. A word longer than
//! the whole line is broken inside: at a hyphenation point with a hyphen, or (for
//! URLs, e-mail addresses and words with no such point) between characters.

use super::fonts::{width, FaceId, Fonts, Glyph};
use super::markup::{Span, Style};
use crate::units::Pt;
use std::ops::Range;
use std::rc::Rc;
use unicode_linebreak::{linebreaks, BreakOpportunity};

/// A run of glyphs in one face and one span, placed on a line.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// Index of the span this text came from (its style and link).
    pub span: usize,
    pub face: FaceId,
    /// The characters the glyphs stand for (for text extraction).
    pub text: Rc<str>,
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
}

/// A paragraph shaped once, word by word, ready to be fitted to any width: headings
/// are balanced and runts avoided by fitting the same words again, not reshaping them.
pub struct Shaped {
    text: String,
    /// (byte range, span index) covering `text`.
    runs: Vec<(Range<usize>, usize)>,
    styles: Vec<Style>,
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
    for (i, span) in para.spans.iter().enumerate() {
        let start = text.len();
        text.push_str(&span.text);
        runs.push((start..text.len(), i));
        styles.push(Style {
            bold: span.style.bold || para.base.bold,
            italic: span.style.italic || para.base.italic,
        });
    }
    let mut shaped = Shaped {
        text,
        runs,
        styles,
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
        self.lines.push(std::mem::take(&mut self.current));
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
            for syllable in hypher::hyphenate(word, hypher::Lang::English) {
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
            let pick = |this: &mut Self, options: &[usize]| -> Option<(usize, Vec<Piece>)> {
                options.iter().rev().filter(|&&e| e > start).find_map(|&e| {
                    let (mut pieces, mut w) = shaped.measure(this.fonts, start..e);
                    if hyphenated(&e) {
                        let hyphen = shaped.hyphen_piece(this.fonts, e);
                        w += hyphen.width;
                        pieces.push(hyphen);
                    }
                    (this.cursor + w <= this.max).then_some((e, pieces))
                })
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
        let face = FaceId::for_style(self.styles[span]);
        let glyphs = fonts.shape(face, "-");
        let w = width(&glyphs, self.size);
        Piece {
            span,
            face,
            text: "-".into(),
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

    /// Shapes a range of the text, split where the span or the face changes.
    fn measure(&self, fonts: &mut Fonts, range: Range<usize>) -> (Vec<Piece>, Pt) {
        let mut pieces = Vec::new();
        let mut total = 0.0;
        if range.is_empty() {
            return (pieces, total);
        }
        for (r, span) in &self.runs {
            if r.start >= range.end || r.end <= range.start {
                continue;
            }
            let r = r.start.max(range.start)..r.end.min(range.end);
            let preferred = FaceId::for_style(self.styles[*span]);
            // Split where the face changes (a character the main face lacks).
            let mut chunks: Vec<(FaceId, Range<usize>)> = Vec::new();
            for (i, c) in self.text[r.clone()].char_indices() {
                let face = fonts.face_for(preferred, c);
                let at = r.start + i;
                match chunks.last_mut() {
                    Some((f, range)) if *f == face => range.end = at + c.len_utf8(),
                    _ => chunks.push((face, at..at + c.len_utf8())),
                }
            }
            for (face, range) in chunks {
                let text = &self.text[range];
                let glyphs = fonts.shape(face, text);
                let w = width(&glyphs, self.size);
                total += w;
                pieces.push(Piece {
                    span: *span,
                    face,
                    text: text.into(),
                    glyphs,
                    x: 0.0,
                    width: w,
                });
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

    #[test]
    fn kerning_is_applied() {
        let mut fonts = Fonts::new();
        let g = fonts.shape(FaceId::Regular, "AV");
        assert!(g.iter().any(|g| g.adjust != 0.0), "{g:?}");
    }

    #[test]
    fn missing_glyphs_fall_back() {
        let ls = lines("Qi → α", 12.0, 300.0);
        let faces: Vec<FaceId> = ls[0].pieces.iter().map(|p| p.face).collect();
        assert!(faces.contains(&FaceId::Fallback));
        assert!(faces.contains(&FaceId::Regular));
    }
}
