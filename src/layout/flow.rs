//! Blocks → flow children: lines, unbreakable chunks, boxes and spaces, each with the
//! data pagination needs to decide breaks by look-ahead (`need`, `sticky`).
//!
//! Items inside a child are positioned relative to the child's top-left corner,
//! where x = 0 is the left edge of the text area.

use super::page::{Edges, Item, Placed, Rect, Role, TextRun};
use super::structure::{Kind, NodeId, Structure};
use super::theme::{TextStyle, Theme};
use crate::content::model::{Block, Contact, Leaflet};
use crate::content::LoadedImage;
use crate::text::{fit, parse_inline, plain_text, shape, Fonts, Glyph, Line, Paragraph, Shaped, Span, Style};
use crate::units::Pt;
use std::collections::HashMap;

const TITLE: usize = usize::MAX;

/// A piece of flow that is placed whole.
#[derive(Debug, Clone, Default)]
pub struct Chunk {
    pub height: Pt,
    /// Space that must be free below the top of this chunk for it to start on the
    /// current page: its own height, or more to keep following lines with it
    /// (orphan and widow control).
    pub need: Pt,
    /// Keep with the next child (headings).
    pub sticky: bool,
    pub items: Vec<Placed>,
    /// A heading to list in the outline: (level, title).
    pub outline: Option<(u8, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameStyle {
    /// Tint background with an accent rule on the left.
    Quote,
    /// Accent border.
    Callout,
    /// Tint background.
    Tinted,
    /// No decoration; only kept together.
    Plain,
}

/// A box of rows, kept whole on one page; split between rows (with open edges)
/// only when it is taller than a page.
#[derive(Debug, Clone)]
pub struct Frame {
    pub rows: Vec<Chunk>,
    pub padding: Pt,
    pub style: FrameStyle,
    pub block: usize,
}

impl Frame {
    pub fn height(&self) -> Pt {
        self.rows.iter().map(|r| r.height).sum::<Pt>() + 2.0 * self.padding
    }
}

#[derive(Debug, Clone)]
pub enum Child {
    /// One line of running text; pages may break before it.
    Line(Chunk),
    /// Unbreakable content (title block, heading, image).
    Keep {
        chunk: Chunk,
        block: usize,
    },
    Frame(Frame),
    /// Vertical space; dropped at the top of a page.
    Space(Pt),
    PageBreak,
}

/// Turns a leaflet into flow children.
pub struct Builder<'a> {
    pub fonts: &'a mut Fonts,
    pub theme: &'a Theme,
    /// Width of the text area.
    pub width: Pt,
    pub images: &'a HashMap<usize, LoadedImage>,
    pub children: Vec<Child>,
    /// The logical structure, built in reading order as blocks are laid out.
    pub structure: Structure,
    /// Link elements by (element the link sits in, span index).
    pub link_nodes: HashMap<(NodeId, usize), NodeId>,
    /// The last space was set by a heading and must not grow.
    pinned: bool,
}

impl<'a> Builder<'a> {
    pub fn new(
        fonts: &'a mut Fonts,
        theme: &'a Theme,
        width: Pt,
        images: &'a HashMap<usize, LoadedImage>,
    ) -> Self {
        Builder {
            fonts,
            theme,
            width,
            images,
            children: Vec::new(),
            structure: Structure::default(),
            link_nodes: HashMap::new(),
            pinned: false,
        }
    }

    pub fn leaflet(&mut self, leaflet: &Leaflet) {
        self.title_block(leaflet);
        for (i, block) in leaflet.blocks.iter().enumerate() {
            self.block(i, block);
        }
    }

    fn title_block(&mut self, leaflet: &Leaflet) {
        let t = self.theme.clone();
        // The title belongs to no block (TITLE is never a block index); it is the
        // document's first heading.
        let role = self.node(Kind::H1, Structure::ROOT, TITLE);
        let mut chunk = Chunk::default();
        let mut y = 0.0;
        for line in self.balanced_lines(&parse_inline(&leaflet.title), &t.title, self.width) {
            self.draw_line(&mut chunk.items, &line, &[], &t.title, 0.0, y, role);
            y += t.title.leading;
        }
        if let Some(sub) = &leaflet.subtitle {
            let role = self.node(Kind::P, Structure::ROOT, TITLE);
            y += 4.0;
            for line in self.lines(&parse_inline(sub), &t.subtitle, self.width) {
                self.draw_line(&mut chunk.items, &line, &[], &t.subtitle, 0.0, y, role);
                y += t.subtitle.leading;
            }
        }
        y += 8.0;
        chunk.items.push(Placed {
            item: Item::Rule {
                from: (0.0, y),
                to: (self.width, y),
                color: t.accent,
                width: 1.0,
            },
            role: Role::Artifact,
        });
        y += 1.0;
        chunk.height = y;
        chunk.need = y;
        chunk.outline = None;
        self.push(Child::Keep { chunk, block: TITLE });
        self.space(t.title_gap);
    }

    fn block(&mut self, i: usize, block: &Block) {
        let t = self.theme.clone();
        match block {
            Block::Heading(text) => self.heading(i, text, &t.heading, 1, t.heading_above, t.heading_below),
            Block::Subheading(text) => {
                self.heading(i, text, &t.subheading, 2, t.subheading_above, t.subheading_below)
            }
            Block::Paragraph(text) => {
                self.space(t.paragraph_gap);
                let spans = parse_inline(text);
                let role = self.node(Kind::P, Structure::ROOT, i);
                self.paragraph(&spans, &t.body, 0.0, None, role);
                self.space(t.paragraph_gap);
            }
            Block::Bullets(items) | Block::Numbered(items) => {
                self.space(t.list_gap);
                let numbered = matches!(block, Block::Numbered(_));
                let list = self.structure.add(Kind::L, Structure::ROOT, i);
                for (n, item) in items.iter().enumerate() {
                    if n > 0 {
                        self.space(t.item_gap);
                    }
                    let label = if numbered {
                        format!("{}.", n + 1)
                    } else {
                        "•".to_string()
                    };
                    let spans = parse_inline(item);
                    let li = self.structure.add(Kind::LI, list, i);
                    let lbl = self.node(Kind::Lbl, li, i);
                    let body = self.node(Kind::LBody, li, i);
                    self.paragraph(&spans, &t.body, t.list_indent, Some((&label, lbl)), body);
                }
                self.space(t.list_gap);
            }
            Block::Quote(q) => {
                let inner = self.width - t.quote_rule - 2.0 * t.box_padding;
                let x = t.quote_rule + t.box_padding;
                let quote = self.structure.add(Kind::BlockQuote, Structure::ROOT, i);
                let role = self.node(Kind::P, quote, i);
                let mut rows = self.text_rows(&parse_inline(&q.text), &t.body, x, inner, role);
                if let Some(by) = &q.by {
                    let mut spans = parse_inline(by);
                    spans.insert(
                        0,
                        Span {
                            text: "— ".into(),
                            ..Span::default()
                        },
                    );
                    let role = self.node(Kind::P, quote, i);
                    if let Some(last) = rows.last_mut() {
                        last.height += t.item_gap;
                    }
                    rows.extend(self.text_rows(&spans, &t.quote_by, x, inner, role));
                }
                self.frame(i, rows, FrameStyle::Quote);
            }
            Block::Callout(c) => {
                let inner = self.width - 2.0 * t.box_padding;
                let x = t.box_padding;
                let mut rows = Vec::new();
                let div = self.structure.add(Kind::Div, Structure::ROOT, i);
                if let Some(title) = &c.title {
                    let role = self.node(Kind::P, div, i);
                    let style = TextStyle {
                        color: t.accent,
                        bold: true,
                        ..t.body
                    };
                    rows.extend(self.text_rows(&parse_inline(title), &style, x, inner, role));
                    if let Some(last) = rows.last_mut() {
                        last.height += 3.0;
                    }
                }
                let role = self.node(Kind::P, div, i);
                rows.extend(self.text_rows(&parse_inline(&c.text), &t.body, x, inner, role));
                self.frame(i, rows, FrameStyle::Callout);
            }
            Block::Faq(entries) => {
                self.space(t.paragraph_gap);
                let faq = self.structure.add(Kind::Div, Structure::ROOT, i);
                for (n, e) in entries.iter().enumerate() {
                    if n > 0 {
                        self.space(t.paragraph_gap + t.item_gap);
                    }
                    let mut q = parse_inline(&e.q);
                    q.insert(
                        0,
                        Span {
                            text: format!("{}. ", n + 1),
                            ..Span::default()
                        },
                    );
                    let entry = self.structure.add(Kind::Div, faq, i);
                    let role = self.node(Kind::P, entry, i);
                    let mut rows = self.text_rows(&q, &t.question, 0.0, self.width, role);
                    if let Some(last) = rows.last_mut() {
                        last.height += 3.0;
                    }
                    let role = self.node(Kind::P, entry, i);
                    rows.extend(self.text_rows(&parse_inline(&e.a), &t.body, 0.0, self.width, role));
                    self.push(Child::Frame(Frame {
                        rows,
                        padding: 0.0,
                        style: FrameStyle::Plain,
                        block: i,
                    }));
                }
                self.space(t.paragraph_gap);
            }
            Block::Contact(c) => {
                let inner = self.width - 2.0 * t.box_padding;
                let div = self.structure.add(Kind::Div, Structure::ROOT, i);
                let rows = contact_lines(c)
                    .into_iter()
                    .flat_map(|(spans, bold)| {
                        let style = TextStyle { bold, ..t.body };
                        let role = self.node(Kind::P, div, i);
                        self.text_rows(&spans, &style, t.box_padding, inner, role)
                    })
                    .collect();
                self.frame(i, rows, FrameStyle::Tinted);
            }
            Block::Image(img) => self.image(i, img),
            Block::PageBreak => self.push(Child::PageBreak),
        }
    }

    fn heading(&mut self, i: usize, text: &str, style: &TextStyle, level: u8, above: Pt, below: Pt) {
        self.space(above);
        let mut chunk = Chunk {
            sticky: true,
            outline: Some((level, plain_text(text))),
            ..Chunk::default()
        };
        let kind = if level == 1 { Kind::H1 } else { Kind::H2 };
        let role = self.node(kind, Structure::ROOT, i);
        let spans = parse_inline(text);
        let mut y = 0.0;
        for line in self.balanced_lines(&spans, style, self.width) {
            self.draw_line(&mut chunk.items, &line, &spans, style, 0.0, y, role);
            y += style.leading;
        }
        chunk.height = y;
        chunk.need = y;
        self.push(Child::Keep { chunk, block: i });
        self.pinned_space(below);
    }

    fn frame(&mut self, block: usize, rows: Vec<Chunk>, style: FrameStyle) {
        let t = self.theme;
        self.space(t.box_gap);
        self.push(Child::Frame(Frame {
            rows,
            padding: t.box_padding,
            style,
            block,
        }));
        self.space(t.box_gap);
    }

    fn image(&mut self, i: usize, img: &crate::content::model::Image) {
        let t = self.theme.clone();
        let Some(loaded) = self.images.get(&i) else { return };
        let w = img.width.resolve(self.width).min(self.width);
        let h = w * loaded.height_px as f32 / loaded.width_px.max(1) as f32;
        // A decorative image is page furniture; any other is a figure with its alt text.
        let role = match (&img.alt, img.decorative) {
            (Some(alt), false) => {
                let figure = self.structure.add(Kind::Figure, Structure::ROOT, i);
                self.structure.with_alt(figure, plain_text(alt));
                self.role(figure)
            }
            _ => Role::Artifact,
        };
        let mut chunk = Chunk::default();
        chunk.items.push(Placed {
            item: Item::Image {
                rect: Rect {
                    x: (self.width - w) / 2.0,
                    y: 0.0,
                    w,
                    h,
                },
                block: i,
            },
            role,
        });
        let mut y = h;
        if let Some(caption) = &img.caption {
            let role = self.node(Kind::Caption, Structure::ROOT, i);
            y += 4.0;
            for line in self.lines(&parse_inline(caption), &t.caption, self.width) {
                let x = (self.width - line.width) / 2.0;
                self.draw_line(&mut chunk.items, &line, &[], &t.caption, x, y, role);
                y += t.caption.leading;
            }
        }
        chunk.height = y;
        chunk.need = y;
        self.space(t.box_gap);
        self.push(Child::Keep { chunk, block: i });
        self.space(t.box_gap);
    }

    /// A paragraph as one child per line, with orphan and widow control; `label`
    /// (a bullet or number) hangs in the indent beside the first line.
    fn paragraph(
        &mut self,
        spans: &[Span],
        style: &TextStyle,
        indent: Pt,
        label: Option<(&str, Role)>,
        role: Role,
    ) {
        let lines = self.paragraph_lines(spans, style, self.width - indent);
        let n = lines.len();
        for (k, line) in lines.iter().enumerate() {
            let mut chunk = Chunk {
                height: style.leading,
                need: style.leading,
                ..Chunk::default()
            };
            // A first line never stays alone at a page foot, and a last line never
            // starts a page alone: each needs the next line beside it.
            if n >= 2 && (k == 0 || k == n - 2) {
                chunk.need = 2.0 * style.leading;
            }
            if k == 0 {
                if let Some((label, label_role)) = label {
                    // A bullet at text size is a speck; it is drawn larger, on the
                    // text's baseline.
                    let size = if label == "•" {
                        style.size * 1.3
                    } else {
                        style.size
                    };
                    let label_style = TextStyle {
                        color: self.theme.accent,
                        bold: true,
                        size,
                        ..*style
                    };
                    let label_spans = [Span {
                        text: label.to_string(),
                        ..Span::default()
                    }];
                    let baseline = baseline_offset(self.fonts, style);
                    let from = chunk.items.len();
                    for l in self.lines(&label_spans, &label_style, indent) {
                        self.draw_line(&mut chunk.items, &l, &[], &label_style, 0.0, 0.0, label_role);
                    }
                    for item in &mut chunk.items[from..] {
                        if let Item::Text(run) = &mut item.item {
                            run.baseline = baseline;
                        }
                    }
                }
            }
            self.draw_line(&mut chunk.items, line, spans, style, indent, 0.0, role);
            self.push(Child::Line(chunk));
        }
    }

    /// Lines of text as rows of a frame.
    fn text_rows(&mut self, spans: &[Span], style: &TextStyle, x: Pt, width: Pt, role: Role) -> Vec<Chunk> {
        self.paragraph_lines(spans, style, width)
            .iter()
            .map(|line| {
                let mut chunk = Chunk {
                    height: style.leading,
                    need: style.leading,
                    ..Chunk::default()
                };
                self.draw_line(&mut chunk.items, line, spans, style, x, 0.0, role);
                chunk
            })
            .collect()
    }

    /// Lines of a heading or title, as even in length as their count allows
    /// ("Benefits of Acupuncture / for Hip and Knee Pain", not a lone last word).
    fn balanced_lines(&mut self, spans: &[Span], style: &TextStyle, width: Pt) -> Vec<Line> {
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
    fn paragraph_lines(&mut self, spans: &[Span], style: &TextStyle, width: Pt) -> Vec<Line> {
        let shaped = self.shape(spans, style);
        let lines = fit(self.fonts, &shaped, width);
        let n = lines.len();
        let runt = |line: &Line| {
            let text: String = line.pieces.iter().map(|p| p.text.as_str()).collect();
            !text.trim().contains(' ') && line.width < width * 0.25
        };
        if n < 2 || !runt(&lines[n - 1]) {
            return lines;
        }
        for step in 1..=6 {
            let narrower = fit(self.fonts, &shaped, width * (1.0 - 0.02 * step as f32));
            if narrower.len() == n && !runt(&narrower[n - 1]) {
                return narrower;
            }
        }
        lines
    }

    fn lines(&mut self, spans: &[Span], style: &TextStyle, width: Pt) -> Vec<Line> {
        let shaped = self.shape(spans, style);
        fit(self.fonts, &shaped, width)
    }

    fn shape(&mut self, spans: &[Span], style: &TextStyle) -> Shaped {
        let base = Style {
            bold: style.bold,
            italic: false,
        };
        shape(
            self.fonts,
            &Paragraph {
                spans,
                base,
                size: style.size,
            },
        )
    }

    /// Positions one line's pieces as text runs, with link areas and underlines.
    /// `spans` gives the links (empty when the text has none to draw); linked text
    /// belongs to a Link element inside `role`'s element.
    #[allow(clippy::too_many_arguments)]
    fn draw_line(
        &mut self,
        out: &mut Vec<Placed>,
        line: &Line,
        spans: &[Span],
        style: &TextStyle,
        x: Pt,
        top: Pt,
        role: Role,
    ) {
        let link_of = |piece: &crate::text::Piece| spans.get(piece.span).and_then(|s| s.link.clone());
        let roles: Vec<Role> = line
            .pieces
            .iter()
            .map(|piece| match (role, link_of(piece)) {
                (Role::Content { block, node }, Some(_)) => {
                    let link = *self
                        .link_nodes
                        .entry((node, piece.span))
                        .or_insert_with(|| self.structure.add(Kind::Link, node, block));
                    self.role(link)
                }
                _ => role,
            })
            .collect();
        let baseline = top + baseline_offset(self.fonts, style);
        let theme = self.theme;
        let flush = |out: &mut Vec<Placed>, area: Option<(String, Pt, Pt, Role)>| {
            if let Some((uri, x0, x1, role)) = area {
                out.push(Placed {
                    item: Item::Rule {
                        from: (x0, baseline + 1.8),
                        to: (x1, baseline + 1.8),
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
                        uri,
                    },
                    role,
                });
            }
        };
        let mut link_area: Option<(String, Pt, Pt, Role)> = None;
        let mut last_link = None;
        for (piece, &role) in line.pieces.iter().zip(&roles) {
            let link = link_of(piece);
            let color = if link.is_some() { theme.accent } else { style.color };
            let visible = !piece.text.trim().is_empty();
            let px = x + piece.x;
            match (&mut link_area, link) {
                (Some((uri, _, x1, _)), Some(l)) if *uri == l && visible => *x1 = px + piece.width,
                (Some((uri, _, _, _)), Some(l)) if *uri == l => {}
                (_, Some(l)) if visible => {
                    flush(out, link_area.take());
                    link_area = Some((l, px, px + piece.width, role));
                }
                (_, None) => flush(out, link_area.take()),
                _ => {}
            }
            // Runs that continue one another (same face, colour, element and link)
            // become one run, so the PDF gets one text operation per line, not per word.
            if let Some(Placed {
                item: Item::Text(last),
                role: last_role,
            }) = out.last_mut()
            {
                let joins = last.face == piece.face
                    && last.color == color
                    && last.size == style.size
                    && last.baseline == baseline
                    && *last_role == role
                    && last_link == link_of(piece)
                    && (last.x + last.width - px).abs() < 0.01;
                if joins {
                    let offset = last.text.len() as u32;
                    last.glyphs.extend(piece.glyphs.iter().map(|g| Glyph {
                        cluster: g.cluster + offset,
                        ..*g
                    }));
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
                    text: piece.text.clone(),
                    glyphs: piece.glyphs.to_vec(),
                    width: piece.width,
                }),
                role,
            });
        }
        flush(out, link_area.take());
    }

    /// A new element of `kind` under `parent`, as the role of the items that show it.
    fn node(&mut self, kind: Kind, parent: NodeId, block: usize) -> Role {
        let node = self.structure.add(kind, parent, block);
        self.role(node)
    }

    fn role(&self, node: NodeId) -> Role {
        Role::Content {
            block: self.structure.nodes[node].block,
            node,
        }
    }

    /// Height of the footer's lines (with the widest page numbers a leaflet has).
    pub fn footer_height(&mut self, text: Option<&str>, width: Pt) -> Pt {
        let style = self.theme.footer;
        let number = self.lines(&parse_inline("888 / 888"), &style, width);
        let number_width = number.first().map_or(0.0, |l| l.width);
        let lines = match text {
            Some(t) => self
                .lines(&parse_inline(t), &style, width - number_width - 12.0)
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
            Some(t) => self.lines(&parse_inline(t), &style, body.w - number_width - 12.0),
            None => Vec::new(),
        };
        // Centred in the bottom margin, but never closer than 5 mm to the trim (print
        // shops cut within 3 mm) and never into the text area.
        let block = style.leading * text_lines.len().max(1) as Pt;
        let centred = body.bottom() + (height - body.bottom() - block) / 2.0;
        let safe = height - 5.0 * crate::units::PT_PER_MM - block;
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

    /// Adds vertical space. Adjacent spaces collapse to the larger one, so a
    /// paragraph's space after and a list's space before are not added up.
    fn space(&mut self, pt: Pt) {
        match self.children.last_mut() {
            // Under a heading the heading's own space holds: its text belongs to it.
            Some(Child::Space(_)) if self.pinned => {}
            Some(Child::Space(s)) => *s = s.max(pt),
            _ => self.children.push(Child::Space(pt)),
        }
    }

    /// Space that the next block's space before does not widen.
    fn pinned_space(&mut self, pt: Pt) {
        self.space(pt);
        self.pinned = true;
    }

    fn push(&mut self, child: Child) {
        self.pinned = false;
        self.children.push(child);
    }
}

/// Where the baseline sits below the top of a line: the font's ascender plus half
/// the extra leading, so text is optically centred in its line.
pub fn baseline_offset(fonts: &Fonts, style: &TextStyle) -> Pt {
    let face = crate::text::FaceId::for_style(Style {
        bold: style.bold,
        italic: false,
    });
    let (asc, desc) = fonts.vertical_metrics(face);
    (style.leading - (asc + desc) * style.size) / 2.0 + asc * style.size
}

/// The contact block's lines: (spans, bold).
fn contact_lines(c: &Contact) -> Vec<(Vec<Span>, bool)> {
    let mut out = Vec::new();
    if let Some(name) = &c.name {
        out.push((parse_inline(name), true));
    }
    let field = |label: &str, text: &str, uri: Option<String>| {
        vec![
            Span {
                text: format!("{label}: "),
                style: Style {
                    bold: true,
                    italic: false,
                },
                link: None,
            },
            Span {
                text: text.to_string(),
                style: Style::default(),
                link: uri,
            },
        ]
    };
    if let Some(p) = &c.phone {
        let digits: String = p.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
        out.push((field("Phone", p, Some(format!("tel:{digits}"))), false));
    }
    if let Some(e) = &c.email {
        out.push((field("Email", e, Some(format!("mailto:{e}"))), false));
    }
    if let Some(w) = &c.web {
        let uri = if w.contains("://") {
            w.clone()
        } else {
            format!("https://{w}")
        };
        let shown = w.trim_start_matches("https://").trim_start_matches("http://");
        out.push((field("Web", shown, Some(uri)), false));
    }
    if let Some(a) = &c.address {
        let mut spans = vec![Span {
            text: "Address: ".into(),
            style: Style {
                bold: true,
                italic: false,
            },
            link: None,
        }];
        spans.extend(parse_inline(a));
        out.push((spans, false));
    }
    out
}

/// Decoration of a frame fragment spanning `rect`.
pub fn frame_decoration(theme: &Theme, style: FrameStyle, rect: Rect, edges: Edges) -> Vec<Item> {
    match style {
        FrameStyle::Quote => vec![
            Item::Fill {
                rect,
                color: theme.tint,
                radius: theme.radius,
                edges,
            },
            Item::Fill {
                rect: Rect {
                    w: theme.quote_rule,
                    ..rect
                },
                color: theme.accent,
                radius: 0.0,
                edges,
            },
        ],
        FrameStyle::Callout => {
            let half = theme.callout_border / 2.0;
            let inset = Rect {
                x: rect.x + half,
                y: rect.y + half,
                w: rect.w - 2.0 * half,
                h: rect.h - 2.0 * half,
            };
            vec![Item::Stroke {
                rect: inset,
                color: theme.accent,
                width: theme.callout_border,
                radius: theme.radius,
                edges,
            }]
        }
        FrameStyle::Tinted => vec![Item::Fill {
            rect,
            color: theme.tint,
            radius: theme.radius,
            edges,
        }],
        FrameStyle::Plain => Vec::new(),
    }
}
