//! The blocks that make a leaflet usable beyond prose: exercises (a picture beside
//! numbered steps), checklists with tick boxes, lines to write on, and the box that
//! says when to get help now. Tables are in [`super::table`].

use super::flow::{Builder, Child, Chunk, FrameStyle, Label};
use super::page::{Item, Placed, Rect, Role};
use super::structure::Owner;
use super::structure::{Kind, Structure};
use crate::base::units::Pt;
use crate::images::ImageKey;
use crate::model::theme::{Labels, TextStyle};
use crate::model::{Contact, Exercise, Urgent};
use crate::text::locale;
use crate::text::{parse_inline, plain_text, Span, Style};

impl Builder<'_> {
    /// Lines of `spans` drawn into `out` from `top`, at `x`, `width` wide; returns the
    /// bottom. `label` hangs in `indent` beside the first line.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn text_at(
        &mut self,
        out: &mut Vec<Placed>,
        spans: &[Span],
        style: &TextStyle,
        x: Pt,
        top: Pt,
        width: Pt,
        indent: Pt,
        label: Option<&Label>,
        role: Role,
    ) -> Pt {
        let mut y = top;
        for (k, line) in self
            .paragraph_lines(spans, style, width - indent)
            .iter()
            .enumerate()
        {
            if k == 0 {
                if let Some(label) = label {
                    self.draw_label(out, label, style, x, y, indent);
                }
            }
            self.draw_line(out, line, spans, style, x + indent, y, role);
            y += style.leading;
        }
        y
    }

    /// One list item as a row of a box: `label` in the indent, the text beside it, and
    /// the gap to the next item unless it is the `last`.
    fn item_row(&mut self, text: &str, x: Pt, width: Pt, label: &Label, role: Role, last: bool) -> Chunk {
        let t = self.theme;
        let (style, indent, gap) = (t.body, t.list_indent, t.item_gap);
        let mut row = Chunk::default();
        let spans = self.inline(text);
        let bottom = self.text_at(
            &mut row.items,
            &spans,
            &style,
            x,
            0.0,
            width,
            indent,
            Some(label),
            role,
        );
        row.height = bottom + if last { 0.0 } else { gap };
        row.need = row.height;
        row
    }

    /// An exercise, kept whole: its title, then the picture beside the numbered steps
    /// (above them on a narrow measure or in large print), then how often.
    pub(super) fn exercise(&mut self, i: Owner, e: &Exercise) {
        let t = self.theme.clone();
        let div = self.structure.add(Kind::Div, Structure::ROOT, i);
        let mut chunk = Chunk::default();
        let title_style = TextStyle {
            color: t.accent,
            ..t.question
        };
        let role = self.node(Kind::P, div, i);
        let spans = self.inline(&e.title);
        let mut y = self.text_at(
            &mut chunk.items,
            &spans,
            &title_style,
            0.0,
            0.0,
            self.width,
            0.0,
            None,
            role,
        );
        y += t.label_gap;
        let beside = self.width >= t.narrow_measure && t.body.size < 16.0;
        let (mut x, mut width, mut picture_bottom) = (0.0, self.width, y);
        if let (Some(img), Some(loaded)) = (&e.image, self.picture(i)) {
            let aspect = loaded.height_px as Pt / loaded.width_px.max(1) as Pt;
            let w = if beside {
                self.width * t.exercise_picture
            } else {
                (self.width * 0.6).min(self.width)
            };
            // A tall picture is narrowed to half the page's height, so the exercise
            // still fits a page.
            let w = w.min(self.body_height / 2.0 / aspect.max(f32::EPSILON));
            let (px, py) = if beside {
                (0.0, y)
            } else {
                ((self.width - w) / 2.0, y)
            };
            let role = match (&img.alt, img.decorative) {
                (Some(alt), false) => {
                    let figure = self.structure.add(Kind::Figure, div, i);
                    self.structure.with_alt(figure, plain_text(alt));
                    self.role(figure)
                }
                _ => Role::Artifact,
            };
            chunk.items.push(Placed {
                item: Item::Image {
                    rect: Rect {
                        x: px,
                        y: py,
                        w,
                        h: w * aspect,
                    },
                    image: ImageKey::Block(i.block().unwrap_or_default()),
                },
                role,
            });
            if beside {
                x = w + t.box_padding;
                width = self.width - x;
                picture_bottom = py + w * aspect;
            } else {
                y = py + w * aspect + t.caption_gap * 2.0;
            }
        }
        let list = self.structure.add(Kind::L, div, i);
        for (k, step) in e.steps.iter().enumerate() {
            if k > 0 {
                y += t.item_gap;
            }
            let li = self.structure.add(Kind::LI, list, i);
            let number = format!("{}.", locale::list_number(k + 1, self.fonts.language()));
            let label = Label {
                text: &number,
                scale: 1.0,
                role: self.node(Kind::Lbl, li, i),
                tick_box: false,
            };
            let role = self.node(Kind::LBody, li, i);
            let spans = self.inline(step);
            y = self.text_at(
                &mut chunk.items,
                &spans,
                &t.body,
                x,
                y,
                width,
                t.list_indent,
                Some(&label),
                role,
            );
        }
        if let Some(repeat) = &e.repeat {
            y += t.item_gap;
            let style = TextStyle {
                bold: true,
                color: t.accent,
                ..t.body
            };
            let role = self.node(Kind::P, div, i);
            let spans = self.inline(repeat);
            y = self.text_at(&mut chunk.items, &spans, &style, x, y, width, 0.0, None, role);
        }
        self.keep_boxed(chunk, y.max(picture_bottom), i);
    }

    /// Items with empty tick boxes, hung like a list, kept together on a page (a
    /// list to tick off is used whole; one item alone overleaf gets missed).
    pub(super) fn checklist(&mut self, i: Owner, items: &[String]) {
        let t = self.theme.clone();
        let list = self.structure.add(Kind::L, Structure::ROOT, i);
        let mut rows = Vec::new();
        for (n, item) in items.iter().enumerate() {
            let li = self.structure.add(Kind::LI, list, i);
            let body = self.node(Kind::LBody, li, i);
            // The box is drawn, not read: the list itself says these are items.
            let label = Label {
                text: "",
                scale: 1.0,
                role: Role::Artifact,
                tick_box: true,
            };
            let row = self.item_row(item, 0.0, self.width, &label, body, n + 1 == items.len());
            rows.push(row);
        }
        self.keep_lead_in();
        self.space(t.list_gap);
        self.push(Child::Frame(super::flow::Frame {
            rows,
            padding: 0.0,
            style: FrameStyle::Plain,
            header: None,
            owner: None,
        }));
        self.space(t.list_gap);
    }

    /// A label and a ruled line to write on: beside the label when at least
    /// `write_in_min` is left on its last line, else a full line under it.
    pub(super) fn write_in(&mut self, i: Owner, items: &[String]) {
        let t = self.theme.clone();
        self.space(t.paragraph_gap);
        for (n, item) in items.iter().enumerate() {
            if n > 0 {
                self.space(t.item_gap);
            }
            let style = TextStyle { bold: true, ..t.body };
            let spans = self.inline(item);
            let role = self.node(Kind::P, Structure::ROOT, i);
            let mut chunk = Chunk::default();
            let lines = self.paragraph_lines(&spans, &style, self.width);
            let last = lines.last().map_or(0.0, |l| l.width);
            let gap = t.footer_gap;
            let beside = self.width - last - gap >= t.write_in_min;
            // Handwriting needs more height than print: a line beside the label has
            // that room above the label; a line of its own gets it above itself.
            let room = (t.write_in_height - style.leading).max(0.0);
            let mut y = if beside { room } else { 0.0 };
            for line in &lines {
                self.draw_line(&mut chunk.items, line, &spans, &style, 0.0, y, role);
                y += style.leading;
            }
            let baseline = super::typeset::baseline_offset(self.fonts, &style);
            let (from, rule_y) = if beside {
                (last + gap, y - style.leading + baseline + t.link_underline_offset)
            } else {
                (0.0, y + t.write_in_height)
            };
            chunk.items.push(Placed {
                item: Item::Rule {
                    from: (from, rule_y),
                    to: (self.width, rule_y),
                    color: style.color,
                    width: t.tick_box_line,
                },
                role: Role::Artifact,
            });
            chunk.height = rule_y + t.item_gap;
            chunk.need = chunk.height;
            self.push(Child::Keep { chunk, owner: i });
        }
        self.space(t.paragraph_gap);
    }

    /// When to get help now: a box in the urgent colour, kept whole.
    pub(super) fn urgent(&mut self, i: Owner, u: &Urgent) {
        let t = self.theme.clone();
        let inner = self.width - 2.0 * t.box_padding;
        let x = t.box_padding;
        let div = self.structure.add(Kind::Div, Structure::ROOT, i);
        let title_style = TextStyle {
            color: t.urgent,
            bold: true,
            size: t.heading.size,
            leading: t.heading.leading,
        };
        let role = self.node(Kind::P, div, i);
        let spans = self.inline(&u.title);
        let mut rows = self.text_rows(&spans, &title_style, x, inner, role);
        if let Some(last) = rows.last_mut() {
            last.height += t.label_gap;
        }
        if !u.items.is_empty() {
            let list = self.structure.add(Kind::L, div, i);
            for (n, item) in u.items.iter().enumerate() {
                let li = self.structure.add(Kind::LI, list, i);
                let label = Label {
                    text: &t.bullet,
                    scale: t.bullet_scale,
                    role: self.node(Kind::Lbl, li, i),
                    tick_box: false,
                };
                let role = self.node(Kind::LBody, li, i);
                let mut row = self.item_row(item, x, inner, &label, role, n + 1 == u.items.len());
                // The bullet in the urgent colour, as the box says.
                for p in &mut row.items {
                    if let (Item::Text(run), true) = (&mut p.item, p.role == label.role) {
                        run.color = t.urgent;
                    }
                }
                rows.push(row);
            }
        }
        if let Some(text) = &u.text {
            // After the list: the lesser step ("call 111 if…").
            if let Some(last) = rows.last_mut() {
                last.height += t.item_gap;
            }
            let role = self.node(Kind::P, div, i);
            let spans = self.inline(text);
            rows.extend(self.text_rows(&spans, &t.body, x, inner, role));
        }
        self.frame(rows, FrameStyle::Urgent);
    }
}

/// The contact block's lines: (spans, bold).
pub(super) fn contact_lines(c: &Contact, labels: &Labels) -> Vec<(Vec<Span>, bool)> {
    let mut out = Vec::new();
    if let Some(name) = &c.name {
        out.push((parse_inline(name), true));
    }
    let field = |label: &str, text: &str, uri: Option<String>| {
        vec![
            Span {
                text: format!("{label}{}", labels.colon),
                style: Style {
                    bold: true,
                    italic: false,
                },
                ..Span::default()
            },
            // Numbers and addresses keep their own order in right-to-left text.
            Span {
                text: text.to_string(),
                link: uri,
                isolate: true,
                ..Span::default()
            },
        ]
    };
    if let Some(p) = &c.phone {
        out.push((field(&labels.phone, p, Some(Contact::tel(p))), false));
    }
    if let Some(e) = &c.email {
        out.push((field(&labels.email, e, Some(format!("mailto:{e}"))), false));
    }
    if let Some(w) = &c.web {
        let (shown, uri) = Contact::web_link(w);
        out.push((field(&labels.web, shown, Some(uri)), false));
    }
    if let Some(a) = &c.address {
        let mut spans = vec![Span {
            text: format!("{}{}", labels.address, labels.colon),
            style: Style {
                bold: true,
                italic: false,
            },
            ..Span::default()
        }];
        spans.extend(parse_inline(a));
        out.push((spans, false));
    }
    out
}
