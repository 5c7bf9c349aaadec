//! Setting text for layout: shaped words fitted into lines (balanced for headings,
//! without runts for running text), lines turned into positioned runs with their
//! links, and the page footer. The flow builder calls these for every block.

use super::flow::Builder;
use super::page::{Item, LinkTarget, Placed, Rect, Role, TextRun};
use super::structure::Kind;
use crate::base::units::Pt;
use crate::model::theme::TextStyle;
use crate::text::locale;
use crate::text::{fit, parse_inline, shape, Fonts, Glyph, Line, Paragraph, Shaped, Span, Style};

impl Builder<'_> {
    /// Lines of a heading or title, as even in length as their count allows
    /// ("Benefits of Acupuncture / for Hip and Knee Pain", not a lone last word).
    pub(super) fn balanced_lines(&mut self, spans: &[Span], style: &TextStyle, width: Pt) -> Vec<Line> {
        let shaped = self.shape(spans, style);
        let mut best = fit(self.fonts, &shaped, width);
        let n = best.len();
        if n < 2 {
            return best;
        }
        // The narrowest measure that still gives n lines.
        let (mut narrow, mut wide) = (width / 2.0, width);
        for _ in 0..10 {
            let mid = (narrow + wide) / 2.0;
            let lines = fit(self.fonts, &shaped, mid);
            if lines.len() == n {
                wide = mid;
                best = lines;
            } else {
                narrow = mid;
            }
        }
        best
    }

    /// Lines of running text without a "runt" (a last line of one short word): the
    /// text is re-broken up to 12% narrower when that keeps its line count.
    pub(super) fn paragraph_lines(&mut self, spans: &[Span], style: &TextStyle, width: Pt) -> Vec<Line> {
        let shaped = self.shape(spans, style);
        let lines = fit(self.fonts, &shaped, width);
        let n = lines.len();
        let (runt_width, squeeze) = (self.theme.runt_width, self.theme.runt_squeeze);
        let runt = |line: &Line| {
            let text: String = line.pieces.iter().map(|p| &*p.text).collect();
            !text.trim().contains(' ') && line.width < width * runt_width
        };
        if n < 2 || !runt(&lines[n - 1]) {
            return lines;
        }
        // Six tries, each a sixth of the squeeze narrower.
        for step in 1..=6 {
            let narrower = fit(self.fonts, &shaped, width * (1.0 - squeeze * step as f32 / 6.0));
            if narrower.len() == n && !runt(&narrower[n - 1]) {
                return narrower;
            }
        }
        lines
    }

    pub(super) fn lines(&mut self, spans: &[Span], style: &TextStyle, width: Pt) -> Vec<Line> {
        let shaped = self.shape(spans, style);
        fit(self.fonts, &shaped, width)
    }

    /// Whether text reads right to left: a paragraph all in one language in that
    /// language's direction, otherwise in the leaflet's.
    pub(super) fn reads_rtl(&self, spans: &[Span]) -> bool {
        let mut langs = spans
            .iter()
            .filter(|s| !s.text.trim().is_empty())
            .map(|s| s.lang.as_deref());
        match langs.next() {
            Some(Some(first)) if langs.all(|l| l == Some(first)) => locale::is_rtl(first),
            _ => self.fonts.rtl(),
        }
    }

    /// Shapes text in its language's direction (a paragraph all in one language
    /// takes that language's; otherwise the leaflet's) and quotation marks.
    fn shape(&mut self, spans: &[Span], style: &TextStyle) -> Shaped {
        let base = Style {
            bold: style.bold,
            italic: false,
        };
        let rtl = self.reads_rtl(spans);
        let quoted = locale::quoted_spans(spans, self.fonts.language());
        let spans = quoted.as_deref().unwrap_or(spans);
        shape(
            self.fonts,
            &Paragraph {
                spans,
                base,
                size: style.size,
                rtl,
            },
        )
    }

    /// Positions one line's pieces as text runs, with link areas and underlines.
    /// `spans` gives the links (empty when the text has none to draw); linked text
    /// belongs to a Link element inside `role`'s element.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn draw_line(
        &mut self,
        out: &mut Vec<Placed>,
        line: &Line,
        spans: &[Span],
        style: &TextStyle,
        x: Pt,
        top: Pt,
        role: Role,
    ) {
        let link_of = |piece: &crate::text::Piece| spans.get(piece.span).and_then(|s| s.link.as_deref());
        // Pieces are placed in reading order (the PDF's content then reads in it), at
        // their visual places.
        let mut order: Vec<&crate::text::Piece> = line.pieces.iter().collect();
        if line.pieces.iter().any(|p| p.level > 0) {
            order.sort_by_key(|p| p.at);
        }
        let roles: Vec<Role> = order
            .iter()
            .map(|&piece| match (role, link_of(piece)) {
                (Role::Content { owner, node }, Some(_)) => {
                    let link = *self
                        .link_nodes
                        .entry((node, piece.span))
                        .or_insert_with(|| self.structure.add(Kind::Link, node, owner));
                    self.role(link)
                }
                _ => role,
            })
            .collect();
        let baseline = top + baseline_offset(self.fonts, style);
        let theme = self.theme;
        let flush = |out: &mut Vec<Placed>, area: Option<(String, Pt, Pt, Role)>| {
            if let Some((uri, x0, x1, role)) = area {
                let target = match uri.strip_prefix('#') {
                    Some(anchor) => LinkTarget::Anchor(anchor.to_string()),
                    None => LinkTarget::Uri(uri),
                };
                out.push(Placed {
                    item: Item::Rule {
                        from: (x0, baseline + theme.link_underline_offset),
                        to: (x1, baseline + theme.link_underline_offset),
                        color: theme.accent,
                        width: theme.link_underline,
                    },
                    role: Role::Artifact,
                });
                out.push(Placed {
                    item: Item::Link {
                        rect: Rect {
                            x: x0,
                            y: top,
                            w: x1 - x0,
                            h: style.leading,
                        },
                        target,
                    },
                    role,
                });
            }
        };
        let mut link_area: Option<(String, Pt, Pt, Role)> = None;
        let mut last_link = None;
        // A right-to-left page is mirrored whole once laid out (see `script::mirror`),
        // which would reverse the pieces of each line too: they are placed mirrored
        // within the line here, so the mirror puts them back in visual order.
        let rtl_page = self.fonts.rtl();
        let extent = line.pieces.iter().map(|p| p.x + p.width).fold(0.0, f32::max);
        // On a right-to-left page the line's first letter (at the right margin) may
        // reach past its advance (Nastaliq's kāf, by up to a third of an em): the line
        // moves in by that much, so the ink keeps to the margin. At most half an em.
        let x = if rtl_page {
            let rightmost = line
                .pieces
                .iter()
                .filter(|p| !p.text.trim().is_empty())
                .max_by(|a, b| (a.x + a.width).total_cmp(&(b.x + b.width)));
            let overhang = rightmost
                .and_then(|p| p.glyphs.last().map(|g| self.fonts.overhang(p.face, g)))
                .unwrap_or(0.0);
            x + overhang.min(0.5) * style.size
        } else {
            x
        };
        let first_run = out.len();
        // What of the line is still to place: a new run reserves room for all of it,
        // so joining the pieces after it never grows (and doubles) its buffers.
        let (mut glyphs_left, mut text_left) = line
            .pieces
            .iter()
            .fold((0, 0), |(g, t), p| (g + p.glyphs.len(), t + p.text.len()));
        for (&piece, &role) in order.iter().zip(&roles) {
            glyphs_left -= piece.glyphs.len();
            text_left -= piece.text.len();
            let link = link_of(piece);
            let color = if link.is_some() { theme.accent } else { style.color };
            let visible = !piece.text.trim().is_empty();
            let px = if rtl_page {
                x + extent - piece.x - piece.width
            } else {
                x + piece.x
            };
            match (&mut link_area, link) {
                (Some((uri, x0, x1, _)), Some(l)) if uri == l && visible => {
                    *x0 = x0.min(px);
                    *x1 = x1.max(px + piece.width);
                }
                (Some((uri, _, _, _)), Some(l)) if uri == l => {}
                (_, Some(l)) if visible => {
                    flush(out, link_area.take());
                    link_area = Some((l.to_string(), px, px + piece.width, role));
                }
                (_, None) => flush(out, link_area.take()),
                _ => {}
            }
            let rtl = piece.level % 2 == 1;
            // Runs that continue one another in reading order (same face, colour,
            // element, link and direction) become one run, so the PDF gets one text
            // operation per line, not per word. A run's text is in reading order and
            // its glyphs in visual order (left to right, after the page's mirror).
            if let Some(Placed {
                item: Item::Text(last),
                role: last_role,
            }) = out.last_mut()
            {
                // The next piece in reading order sits after the last one on the page:
                // to its right, or (right to left) to its left; on a mirrored page the
                // sides swap before the mirror.
                let leftwards = rtl != rtl_page;
                let touches = if leftwards {
                    (px + piece.width - last.x).abs() < 0.01
                } else {
                    (last.x + last.width - px).abs() < 0.01
                };
                let joins = last.face == piece.face
                    && last.color == color
                    && last.size == style.size
                    && last.baseline == baseline
                    && *last_role == role
                    && last_link == link_of(piece)
                    && last.rtl == rtl
                    && last.lang.as_deref() == self.fonts.lang_tag(piece.lang)
                    && touches;
                if joins {
                    let offset = last.text.len() as u32;
                    let glyphs = piece.glyphs.iter().map(|g| Glyph {
                        cluster: g.cluster + offset,
                        ..*g
                    });
                    // Glyphs stay in visual order: right to left, what comes next in
                    // reading order is drawn to the left.
                    if rtl {
                        last.glyphs.splice(0..0, glyphs);
                    } else {
                        last.glyphs.extend(glyphs);
                    }
                    if leftwards {
                        last.x = px;
                    }
                    last.text.push_str(&piece.text);
                    last.width += piece.width;
                    continue;
                }
            }
            last_link = link_of(piece);
            out.push(Placed {
                item: Item::Text(TextRun {
                    x: px,
                    baseline,
                    face: piece.face,
                    size: style.size,
                    color,
                    text: {
                        let mut text = String::with_capacity(piece.text.len() + text_left);
                        text.push_str(&piece.text);
                        text
                    },
                    glyphs: {
                        let mut glyphs = Vec::with_capacity(piece.glyphs.len() + glyphs_left);
                        glyphs.extend_from_slice(&piece.glyphs);
                        glyphs
                    },
                    width: piece.width,
                    rtl,
                    lang: self.fonts.lang_tag(piece.lang).map(str::to_string),
                    logical: None,
                }),
                role,
            });
        }
        for placed in &mut out[first_run..] {
            if let Item::Text(run) = &mut placed.item {
                // A line split into several runs (a link, another face) reserved too
                // much for all but its last: every run is kept until the PDF is written.
                if run.glyphs.capacity() > run.glyphs.len() {
                    run.glyphs = run.glyphs.as_slice().to_vec();
                }
                if run.text.capacity() > run.text.len() {
                    run.text = run.text.as_str().to_owned();
                }
                // Indic text is given whole as ActualText (see `needs_actual_text`).
                if needs_actual_text(&run.text) {
                    run.logical = Some(run.text.clone());
                }
            }
        }
        flush(out, link_area.take());
    }

    /// Height of the footer's lines (with the widest page numbers a leaflet has).
    pub fn footer_height(&mut self, text: Option<&str>, width: Pt) -> Pt {
        let style = self.theme.footer;
        let widest = self.labels.page_number(888, 888);
        let number = self.lines(&parse_inline(&widest), &style, width);
        let number_width = number.first().map_or(0.0, |l| l.width);
        let gap = self.theme.footer_gap;
        let lines = match text {
            Some(t) => self
                .lines(&parse_inline(t), &style, width - number_width - gap)
                .len(),
            None => 1,
        };
        style.leading * lines.max(1) as Pt
    }

    /// Page furniture: `text` on the left and `number` on the right, in the bottom
    /// margin below `body` on a page `height` tall (page coordinates). All artifacts.
    pub fn footer(&mut self, text: Option<&str>, number: &str, body: Rect, height: Pt) -> Vec<Placed> {
        let style = self.theme.footer;
        let number_line = self.lines(&parse_inline(number), &style, body.w);
        let number_width = number_line.first().map_or(0.0, |l| l.width);
        let text_lines = match text {
            Some(t) => self.lines(
                &parse_inline(t),
                &style,
                body.w - number_width - self.theme.footer_gap,
            ),
            None => Vec::new(),
        };
        // Centred in the bottom margin, but never nearer the trim than its clearance
        // and never into the text area.
        let block = style.leading * text_lines.len().max(1) as Pt;
        let centred = body.bottom() + (height - body.bottom() - block) / 2.0;
        let safe = height - self.theme.footer_clearance - block;
        let top = centred.min(safe).max(body.bottom());
        let mut items = Vec::new();
        for line in &number_line {
            self.draw_line(
                &mut items,
                line,
                &[],
                &style,
                body.right() - number_width,
                top,
                Role::Artifact,
            );
        }
        for (k, line) in text_lines.iter().enumerate() {
            let y = top + k as Pt * style.leading;
            self.draw_line(&mut items, line, &[], &style, body.x, y, Role::Artifact);
        }
        items
    }
}

/// Whether a run's text is given whole as its ActualText: Indic scripts, whose
/// glyphs are reordered and merged within a syllable (ি drawn before its consonant),
/// so that extractors given the glyphs one by one put spaces inside words.
fn needs_actual_text(text: &str) -> bool {
    text.chars().any(locale::is_indic)
}

/// Where the baseline sits below the top of a line: the font's ascender plus half
/// the extra leading, so text is optically centred in its line (in the face of the
/// leaflet's own script: Nastaliq sits lower than Latin).
pub fn baseline_offset(fonts: &mut Fonts, style: &TextStyle) -> Pt {
    let face = fonts.home_face(Style {
        bold: style.bold,
        italic: false,
    });
    let (asc, desc) = fonts.vertical_metrics(face);
    (style.leading - (asc + desc) * style.size) / 2.0 + asc * style.size
}
