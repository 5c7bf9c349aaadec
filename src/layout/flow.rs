//! Blocks → flow children: lines, unbreakable chunks, boxes and spaces, each with the
//! data pagination needs to decide breaks by look-ahead (`need`, `sticky`).
//!
//! Items inside a child are positioned relative to the child's top-left corner,
//! where x = 0 is the left edge of the text area.

pub use super::frame::{frame_decoration, Frame, FrameStyle};
use super::page::{Item, Placed, Rect, Role};
use super::structure::Owner;
use super::structure::{Kind, NodeId, Structure};
use super::typeset::baseline_offset;
use crate::base::units::Pt;
use crate::images::ImageKey;
use crate::images::LoadedImage;
use crate::model::theme::{Labels, TextStyle, Theme};
use crate::model::{Block, Contact, Leaflet};
use crate::text::locale;
use crate::text::{parse_inline, plain_text, Fonts, Span};
use std::collections::HashMap;

/// A piece of flow that is placed whole.
#[derive(Debug, Clone, Default)]
pub struct Chunk {
    pub height: Pt,
    /// Space that must be free below the top of this chunk for it to start on the
    /// current page: its own height, or more to keep following lines with it
    /// (orphan and widow control).
    pub need: Pt,
    /// Keep with the next child (headings, and the last lines of a list's label).
    pub sticky: bool,
    pub items: Vec<Placed>,
    /// A heading to list in the outline and link to: (level, title, anchor).
    pub outline: Option<(u8, String, String)>,
}

/// A list item's bullet or number, hung in the indent beside its first line.
pub(super) struct Label<'a> {
    pub text: &'a str,
    /// Size relative to the text.
    pub scale: f32,
    pub role: Role,
    /// An empty tick box drawn as a square, instead of the text.
    pub tick_box: bool,
}

#[derive(Debug, Clone)]
pub enum Child {
    /// One line of running text; pages may break before it.
    Line(Chunk),
    /// Unbreakable content (title block, heading, image).
    Keep {
        chunk: Chunk,
        owner: Owner,
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
    pub labels: &'a Labels,
    /// Width of the text area.
    pub width: Pt,
    pub images: &'a HashMap<ImageKey, LoadedImage>,
    pub children: Vec<Child>,
    /// The logical structure, built in reading order as blocks are laid out.
    pub structure: Structure,
    /// Link elements by (element the link sits in, span index).
    pub link_nodes: HashMap<(NodeId, usize), NodeId>,
    /// Each block's heading anchor (see [`crate::load::anchors::anchors`]).
    anchors: &'a [Option<String>],
    /// Height of the text area (a cover fills it).
    pub body_height: Pt,
    /// The brand's name and the logo's alt text, for the cover and title block.
    pub brand_name: Option<String>,
    pub logo_alt: Option<String>,
    /// The contact details a back cover shows.
    pub back_contact: Option<Contact>,
    /// What absolute image widths are multiplied by (see [`PageSetup`](crate::model::edition::PageSetup)).
    pub image_scale: Pt,
    /// The first table too wide for the page, if any.
    pub too_wide: Option<super::table::TooWide>,
    /// The last space was set by a heading and must not grow.
    pinned: bool,
    /// On paper: links' addresses and headings' pages printed after them.
    pub addresses: bool,
    /// A front cover and a back one (the edition's choice: a tri-fold always has them).
    pub covers: bool,
    /// Each heading anchor's page (0-based), once a first pass has placed them.
    pub anchor_pages: HashMap<String, usize>,
    /// Some text links to a heading (so its page is worth a second pass).
    pub internal_links: bool,
    /// A back cover was made (see `back_matter`).
    pub back_page: bool,
    /// The children holding the lines of the last paragraph that reads as a list's
    /// label ("**Sources**", "You may feel:"), kept with the list if one follows.
    lead_in: std::ops::Range<usize>,
}

impl<'a> Builder<'a> {
    pub fn new(
        fonts: &'a mut Fonts,
        theme: &'a Theme,
        labels: &'a Labels,
        width: Pt,
        images: &'a HashMap<ImageKey, LoadedImage>,
        anchors: &'a [Option<String>],
    ) -> Self {
        Builder {
            anchors,
            body_height: 0.0,
            brand_name: None,
            logo_alt: None,
            back_contact: None,
            too_wide: None,
            image_scale: 1.0,
            covers: false,
            back_page: false,
            fonts,
            theme,
            labels,
            width,
            images,
            children: Vec::new(),
            structure: Structure::default(),
            link_nodes: HashMap::new(),
            pinned: false,
            addresses: false,
            anchor_pages: HashMap::new(),
            internal_links: false,
            lead_in: 0..0,
        }
    }

    /// The styled spans of inline text; on paper with each link's address after it.
    pub(super) fn inline(&mut self, text: &str) -> Vec<Span> {
        let spans = parse_inline(text);
        if !self.addresses {
            return spans;
        }
        let (spans, internal) = super::addresses::add(spans, &self.anchor_pages, &self.labels.see_page);
        self.internal_links |= internal;
        spans
    }

    pub fn leaflet(&mut self, leaflet: &Leaflet) {
        if self.covers {
            self.cover(leaflet);
        } else {
            self.title_block(leaflet);
        }
        for (i, block) in leaflet.blocks.iter().enumerate() {
            self.block(Owner::Block(i), block);
        }
        self.back_matter(leaflet);
    }

    pub(super) fn block(&mut self, i: Owner, block: &Block) {
        let t = self.theme.clone();
        match block {
            Block::Heading(text) => self.heading(i, text, &t.heading, 1, t.heading_above, t.heading_below),
            Block::Subheading(text) => {
                self.heading(i, text, &t.subheading, 2, t.subheading_above, t.subheading_below)
            }
            Block::Paragraph(text) => {
                self.space(t.paragraph_gap);
                let spans = self.inline(text);
                let role = self.node(Kind::P, Structure::ROOT, i);
                let from = self.children.len();
                self.paragraph(&spans, &t.body, 0.0, None, role);
                if is_lead_in(text) {
                    self.lead_in = from..self.children.len();
                }
                self.space(t.paragraph_gap);
            }
            Block::Bullets(items) | Block::Numbered(items) => {
                self.keep_lead_in();
                self.space(t.list_gap);
                let numbered = matches!(block, Block::Numbered(_));
                let list = self.structure.add(Kind::L, Structure::ROOT, i);
                for (n, item) in items.iter().enumerate() {
                    if n > 0 {
                        self.space(t.item_gap);
                    }
                    let (text, scale) = if numbered {
                        (
                            format!("{}.", locale::list_number(n + 1, self.fonts.language())),
                            1.0,
                        )
                    } else {
                        (t.bullet.clone(), t.bullet_scale)
                    };
                    let spans = self.inline(item);
                    let li = self.structure.add(Kind::LI, list, i);
                    let lbl = self.node(Kind::Lbl, li, i);
                    let body = self.node(Kind::LBody, li, i);
                    let label = Label {
                        text: &text,
                        scale,
                        role: lbl,
                        tick_box: false,
                    };
                    self.paragraph(&spans, &t.body, t.list_indent, Some(label), body);
                }
                self.space(t.list_gap);
            }
            Block::Quote(q) => {
                let inner = self.width - t.quote_rule - 2.0 * t.box_padding;
                let x = t.quote_rule + t.box_padding;
                let quote = self.structure.add(Kind::BlockQuote, Structure::ROOT, i);
                let role = self.node(Kind::P, quote, i);
                let spans = self.inline(&q.text);
                let mut rows = self.text_rows(&spans, &t.body, x, inner, role);
                if let Some(by) = &q.by {
                    let mut spans = self.inline(by);
                    spans.insert(
                        0,
                        Span {
                            text: self.labels.quote_by.clone(),
                            ..Span::default()
                        },
                    );
                    let role = self.node(Kind::P, quote, i);
                    if let Some(last) = rows.last_mut() {
                        last.height += t.item_gap;
                    }
                    rows.extend(self.text_rows(&spans, &t.quote_by, x, inner, role));
                }
                self.frame(rows, FrameStyle::Quote);
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
                    let spans = self.inline(title);
                    rows.extend(self.text_rows(&spans, &style, x, inner, role));
                    if let Some(last) = rows.last_mut() {
                        last.height += t.label_gap;
                    }
                }
                let role = self.node(Kind::P, div, i);
                let spans = self.inline(&c.text);
                rows.extend(self.text_rows(&spans, &t.body, x, inner, role));
                self.frame(rows, FrameStyle::Callout);
            }
            Block::Faq(entries) => {
                self.space(t.paragraph_gap);
                let faq = self.structure.add(Kind::Div, Structure::ROOT, i);
                for (n, e) in entries.iter().enumerate() {
                    if n > 0 {
                        self.space(t.paragraph_gap + t.item_gap);
                    }
                    let mut q = self.inline(&e.q);
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
                        last.height += t.label_gap;
                    }
                    let role = self.node(Kind::P, entry, i);
                    let spans = self.inline(&e.a);
                    rows.extend(self.text_rows(&spans, &t.body, 0.0, self.width, role));
                    self.push(Child::Frame(Frame {
                        rows,
                        padding: 0.0,
                        style: FrameStyle::Plain,
                        header: None,
                        owner: None,
                    }));
                }
                self.space(t.paragraph_gap);
            }
            Block::Contact(c) => {
                let inner = self.width - 2.0 * t.box_padding;
                let div = self.structure.add(Kind::Div, Structure::ROOT, i);
                let rows = super::blocks::contact_lines(c, self.labels)
                    .into_iter()
                    .flat_map(|(spans, bold)| {
                        let style = TextStyle { bold, ..t.body };
                        let role = self.node(Kind::P, div, i);
                        self.text_rows(&spans, &style, t.box_padding, inner, role)
                    })
                    .collect();
                self.frame(rows, FrameStyle::Tinted);
            }
            Block::Image(img) => self.image(i, img),
            Block::Qr(q) => self.qr(i, q),
            Block::Exercise(e) => self.exercise(i, e),
            Block::Table(table) => self.table(i, table),
            Block::Checklist(items) => self.checklist(i, items),
            Block::WriteIn(items) => self.write_in(i, items),
            Block::Urgent(u) => self.urgent(i, u),
            Block::PageBreak => self.push(Child::PageBreak),
        }
    }

    pub(super) fn heading(
        &mut self,
        i: Owner,
        text: &str,
        style: &TextStyle,
        level: u8,
        above: Pt,
        below: Pt,
    ) {
        self.space(above);
        // Headings layout adds (the back matter) are anchored by their text, with a
        // suffix if a heading of the leaflet's own already has it.
        let anchor = i
            .block()
            .and_then(|b| self.anchors.get(b))
            .cloned()
            .flatten()
            .unwrap_or_else(|| {
                let base = crate::load::anchors::anchor(text);
                let taken = |a: &str| self.anchors.iter().flatten().any(|x| x == a);
                let mut a = base.clone();
                let mut n = 1;
                while taken(&a) {
                    n += 1;
                    a = format!("{base}-{n}");
                }
                a
            });
        let mut chunk = Chunk {
            sticky: true,
            outline: Some((level, plain_text(text), anchor)),
            ..Chunk::default()
        };
        let kind = if level == 1 { Kind::H1 } else { Kind::H2 };
        let role = self.node(kind, Structure::ROOT, i);
        let spans = self.inline(text);
        let against = self.reads_rtl(&spans) != self.fonts.rtl();
        let mut y = 0.0;
        for line in self.balanced_lines(&spans, style, self.width) {
            let x = self.line_start(against, &line, 0.0);
            self.draw_line(&mut chunk.items, &line, &spans, style, x, y, role);
            y += style.leading;
        }
        chunk.height = y;
        chunk.need = y;
        self.push(Child::Keep { chunk, owner: i });
        self.pinned_space(below);
    }

    /// A list starts: the label just before it (nothing but space between) keeps its
    /// last two lines with the list's first item, so a page never ends with
    /// "**Sources**" and leaves the sources overleaf. The lines before them may still
    /// break as a paragraph's lines do.
    pub(super) fn keep_lead_in(&mut self) {
        let lines = std::mem::take(&mut self.lead_in);
        if lines.is_empty()
            || lines.end > self.children.len()
            || self.children[lines.end..]
                .iter()
                .any(|c| !matches!(c, Child::Space(_)))
        {
            return;
        }
        for child in self.children[lines].iter_mut().rev().take(2) {
            if let Child::Line(chunk) = child {
                chunk.sticky = true;
            }
        }
    }

    /// Where a line starts: at `indent`, or, for text written the other way from the
    /// page (an Urdu block in an English leaflet), so that it ends at the other margin.
    fn line_start(&self, against: bool, line: &crate::text::Line, indent: Pt) -> Pt {
        if !against {
            return indent;
        }
        let extent = line.pieces.iter().map(|p| p.x + p.width).fold(0.0, f32::max);
        indent + (self.width - indent - extent).max(0.0)
    }

    pub(super) fn frame(&mut self, rows: Vec<Chunk>, style: FrameStyle) {
        let t = self.theme;
        self.space(t.box_gap);
        self.push(Child::Frame(Frame {
            rows,
            padding: t.box_padding,
            style,
            header: None,
            owner: None,
        }));
        self.space(t.box_gap);
    }

    fn image(&mut self, i: Owner, img: &crate::model::Image) {
        let t = self.theme.clone();
        let Some(loaded) = self.picture(i) else { return };
        let w = match img.width {
            crate::base::units::Width::Absolute(l) => l.pt() * self.image_scale,
            share => share.resolve(self.width),
        }
        .min(self.width)
            * t.image_share;
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
                image: ImageKey::Block(i.block().unwrap_or_default()),
            },
            role,
        });
        let mut y = h;
        if let Some(caption) = &img.caption {
            let role = self.node(Kind::Caption, Structure::ROOT, i);
            y += t.caption_gap;
            let spans = self.inline(caption);
            for line in self.lines(&spans, &t.caption, self.width) {
                let x = (self.width - line.width) / 2.0;
                self.draw_line(&mut chunk.items, &line, &[], &t.caption, x, y, role);
                y += t.caption.leading;
            }
        }
        self.keep_boxed(chunk, y, i);
    }

    /// Content `height` tall placed whole, with box spacing above and below (images,
    /// exercises, QR codes).
    pub(super) fn keep_boxed(&mut self, mut chunk: Chunk, height: Pt, owner: Owner) {
        chunk.height = height;
        chunk.need = height;
        let gap = self.theme.box_gap;
        self.space(gap);
        self.push(Child::Keep { chunk, owner });
        self.space(gap);
    }

    /// A paragraph as one child per line, with orphan and widow control; `label`
    /// (a bullet or number) hangs in the indent beside the first line.
    pub(super) fn paragraph(
        &mut self,
        spans: &[Span],
        style: &TextStyle,
        indent: Pt,
        label: Option<Label>,
        role: Role,
    ) {
        let lines = self.paragraph_lines(spans, style, self.width - indent);
        let n = lines.len();
        // Text written the other way from the page (an Urdu block in an English
        // leaflet) is set from the other margin.
        let against = self.reads_rtl(spans) != self.fonts.rtl();
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
                if let Some(label) = &label {
                    self.draw_label(&mut chunk.items, label, style, 0.0, 0.0, indent);
                }
            }
            let x = self.line_start(against, line, indent);
            self.draw_line(&mut chunk.items, line, spans, style, x, 0.0, role);
            self.push(Child::Line(chunk));
        }
    }

    /// A list label at (x, top) in an indent `width` wide: its text on the line's
    /// baseline whatever its size, or an empty tick box (a real square, not a glyph
    /// a font may lack) standing on the baseline, x-height tall and more.
    pub(super) fn draw_label(
        &mut self,
        out: &mut Vec<Placed>,
        label: &Label,
        style: &TextStyle,
        x: Pt,
        top: Pt,
        width: Pt,
    ) {
        let baseline = top + baseline_offset(self.fonts, style);
        if label.tick_box {
            let side = style.size * self.theme.tick_box;
            out.push(Placed {
                item: Item::Stroke {
                    rect: Rect {
                        x: x + self.theme.tick_box_line / 2.0,
                        y: baseline - side,
                        w: side,
                        h: side,
                    },
                    color: style.color,
                    width: self.theme.tick_box_line,
                    radius: 0.0,
                    edges: Default::default(),
                },
                role: Role::Artifact,
            });
            return;
        }
        let label_style = TextStyle {
            color: self.theme.accent,
            bold: true,
            size: style.size * label.scale,
            ..*style
        };
        let label_spans = [Span {
            text: label.text.to_string(),
            ..Span::default()
        }];
        let from = out.len();
        for l in self.lines(&label_spans, &label_style, width) {
            self.draw_line(out, &l, &[], &label_style, x, top, label.role);
        }
        for item in &mut out[from..] {
            if let Item::Text(run) = &mut item.item {
                run.baseline = baseline;
            }
        }
    }

    /// Lines of text as rows of a frame.
    pub(super) fn text_rows(
        &mut self,
        spans: &[Span],
        style: &TextStyle,
        x: Pt,
        width: Pt,
        role: Role,
    ) -> Vec<Chunk> {
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

    /// A block's picture (an image block's, or an exercise's).
    pub(super) fn picture(&self, owner: Owner) -> Option<&'a LoadedImage> {
        self.images.get(&ImageKey::Block(owner.block()?))
    }

    /// A new element of `kind` under `parent`, as the role of the items that show it.
    pub(super) fn node(&mut self, kind: Kind, parent: NodeId, owner: Owner) -> Role {
        let node = self.structure.add(kind, parent, owner);
        self.role(node)
    }

    pub(super) fn role(&self, node: NodeId) -> Role {
        Role::Content {
            owner: self.structure.nodes[node].owner,
            node,
        }
    }

    /// Adds vertical space. Adjacent spaces collapse to the larger one, so a
    /// paragraph's space after and a list's space before are not added up.
    pub(super) fn space(&mut self, pt: Pt) {
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

    pub(super) fn push(&mut self, child: Child) {
        self.pinned = false;
        self.children.push(child);
    }
}

/// Whether a paragraph reads as the label of what follows it: all in bold
/// ("**Sources**", "**Before you come:**"), or ending with a colon ("You may feel:").
pub(super) fn is_lead_in(text: &str) -> bool {
    let spans = parse_inline(text);
    let shown: Vec<&Span> = spans.iter().filter(|s| !s.text.trim().is_empty()).collect();
    !shown.is_empty() && (shown.iter().all(|s| s.style.bold) || plain_text(text).trim_end().ends_with(':'))
}
