//! The leaflet's front and back: the title block (with the logo beside it when the
//! brand has one), or a front cover (logo at the top right, as the NHS places it;
//! title, subtitle, a picture, the brand's name at the foot), and the back matter
//! (a back cover with the contact details, and "About this leaflet": dates,
//! reference, sources, feedback).

use super::flow::{Builder, Child, Chunk};
use super::page::{Item, Placed, Rect, Role};
use super::structure::Owner;
use super::structure::{Kind, Structure};
use crate::base::units::Pt;
use crate::images::ImageKey;
use crate::model::theme::TextStyle;
use crate::model::{Block, Leaflet};
use crate::text::plain_text;

impl Builder<'_> {
    /// The title and subtitle over a rule, the logo (if any) at the top right.
    pub(super) fn title_block(&mut self, leaflet: &Leaflet) {
        let t = self.theme.clone();
        let mut chunk = Chunk::default();
        let logo = self.logo(&mut chunk, t.logo_height, 0.0);
        let text_width = match logo {
            Some(w) => self.width - w - t.footer_gap,
            None => self.width,
        };
        let mut y = self.title_lines(&mut chunk, leaflet, &t.title, text_width, 0.0);
        if logo.is_some() {
            y = y.max(t.logo_height);
        }
        y += t.title_rule_gap;
        chunk.items.push(Placed {
            item: Item::Rule {
                from: (0.0, y),
                to: (self.width, y),
                color: t.accent,
                width: t.title_rule,
            },
            role: Role::Artifact,
        });
        y += t.title_rule;
        chunk.height = y;
        chunk.need = y;
        self.push(Child::Keep {
            chunk,
            owner: Owner::Title,
        });
        self.space(t.title_gap);
    }

    /// A front cover filling page 1.
    pub(super) fn cover(&mut self, leaflet: &Leaflet) {
        let t = self.theme.clone();
        let mut chunk = Chunk::default();
        let logo = self.logo(&mut chunk, t.cover_logo_height, 0.0);
        let top = if logo.is_some() {
            t.cover_logo_height + t.cover_gap
        } else {
            0.0
        };
        let mut y = self.title_lines(&mut chunk, leaflet, &t.cover_title, self.width, top);
        // The brand's name sits at the foot of the page.
        let name_style = TextStyle {
            color: t.accent,
            bold: true,
            ..t.subtitle
        };
        let name_lines = match self.brand_name.clone() {
            Some(name) => {
                let spans = self.inline(&name);
                self.lines(&spans, &name_style, self.width)
            }
            None => Vec::new(),
        };
        let foot = self.body_height - name_lines.len() as Pt * name_style.leading;
        if let Some(img) = self.images.get(&ImageKey::Cover) {
            // As wide as the text, or narrower to fit between the title and the foot.
            let room = (foot - y - 2.0 * t.cover_gap).max(0.0);
            let aspect = img.height_px as Pt / img.width_px.max(1) as Pt;
            let w = self.width.min(room / aspect.max(f32::EPSILON));
            if w > 0.0 {
                // A picture with alt text is a figure; a decorative one is furniture.
                let alt = leaflet
                    .cover
                    .as_ref()
                    .and_then(|c| c.image.as_ref())
                    .filter(|i| !i.decorative)
                    .and_then(|i| i.alt.as_deref());
                let role = match alt {
                    Some(alt) => {
                        let figure = self.structure.add(Kind::Figure, Structure::ROOT, Owner::Title);
                        self.structure.with_alt(figure, plain_text(alt));
                        self.role(figure)
                    }
                    None => Role::Artifact,
                };
                y += t.cover_gap;
                chunk.items.push(Placed {
                    item: Item::Image {
                        rect: Rect {
                            x: (self.width - w) / 2.0,
                            y,
                            w,
                            h: w * aspect,
                        },
                        image: ImageKey::Cover,
                    },
                    role,
                });
            }
        }
        if !name_lines.is_empty() {
            let role = self.node(Kind::P, Structure::ROOT, Owner::Title);
            for (k, line) in name_lines.iter().enumerate() {
                let ly = foot + k as Pt * name_style.leading;
                self.draw_line(&mut chunk.items, line, &[], &name_style, 0.0, ly, role);
            }
        }
        // A title too long for the cover makes the chunk taller than a page, which
        // pagination reports (naming the title) rather than drawing over the name.
        let bottom = y + name_lines.len() as Pt * name_style.leading;
        chunk.height = self.body_height.max(bottom);
        chunk.need = chunk.height;
        self.push(Child::Keep {
            chunk,
            owner: Owner::Title,
        });
        self.push(Child::PageBreak);
    }

    /// The title (balanced) and subtitle from `top`, `width` wide; returns the bottom.
    fn title_lines(
        &mut self,
        chunk: &mut Chunk,
        leaflet: &Leaflet,
        style: &TextStyle,
        width: Pt,
        top: Pt,
    ) -> Pt {
        let t = self.theme.clone();
        // The title belongs to no block; it is the document's first heading.
        let role = self.node(Kind::H1, Structure::ROOT, Owner::Title);
        let mut y = top;
        let spans = self.inline(&leaflet.title);
        for line in self.balanced_lines(&spans, style, width) {
            self.draw_line(&mut chunk.items, &line, &[], style, 0.0, y, role);
            y += style.leading;
        }
        if let Some(sub) = &leaflet.subtitle {
            let role = self.node(Kind::P, Structure::ROOT, Owner::Title);
            y += t.subtitle_gap;
            let spans = self.inline(sub);
            for line in self.lines(&spans, &t.subtitle, width) {
                self.draw_line(&mut chunk.items, &line, &[], &t.subtitle, 0.0, y, role);
                y += t.subtitle.leading;
            }
        }
        y
    }

    /// Places the logo `height` tall at the top right (at `top`); returns its width.
    fn logo(&mut self, chunk: &mut Chunk, height: Pt, top: Pt) -> Option<Pt> {
        let img = self.images.get(&ImageKey::Logo)?;
        let aspect = img.width_px as Pt / img.height_px.max(1) as Pt;
        // A very wide logo is kept to a third of the measure.
        let w = (height * aspect).min(self.width / 3.0);
        let h = w / aspect.max(f32::EPSILON);
        let figure = self.structure.add(Kind::Figure, Structure::ROOT, Owner::Title);
        self.structure
            .with_alt(figure, self.logo_alt.clone().unwrap_or_default());
        chunk.items.push(Placed {
            item: Item::Image {
                rect: Rect {
                    x: self.width - w,
                    y: top,
                    w,
                    h,
                },
                image: ImageKey::Logo,
            },
            role: self.role(figure),
        });
        Some(w)
    }

    /// What layout adds after the content: with a cover, a back cover (the contact
    /// details, then the leaflet's details); without, the details at the end.
    ///
    /// Contact details are printed once: when a `- contact` block already shows the
    /// project's details, the back cover leaves them out (the block stands where the
    /// author put it, under its own heading, and is in every edition, covers or not).
    /// A back cover with nothing left to show is not made at all (`back_page` stays
    /// false), so no edition puts an empty page where the outside back would be.
    pub(super) fn back_matter(&mut self, leaflet: &Leaflet) {
        let has_details = leaflet.has_details();
        if self.covers {
            let back = self.back_contact.clone().filter(|c| {
                !leaflet
                    .blocks
                    .iter()
                    .any(|b| matches!(b, Block::Contact(shown) if shown.shows(c)))
            });
            if back.is_some() || has_details {
                self.push(Child::PageBreak);
                self.back_page = true;
            }
            if let Some(contact) = back {
                self.block(Owner::About, &Block::Contact(contact));
            }
        }
        if !has_details {
            return;
        }
        let labels = self.labels.clone();
        let t = self.theme.clone();
        // A section of its own (H1), not part of the content's last section.
        self.heading(
            Owner::About,
            &labels.about,
            &t.heading,
            1,
            t.heading_above,
            t.heading_below,
        );
        let mut dates = Vec::new();
        if let Some(p) = leaflet.published {
            dates.push(format!("**{}:** {}", labels.published, p.words()));
        }
        if let Some(r) = leaflet.review {
            dates.push(format!("**{}:** {}", labels.review, r.words()));
        }
        if let Some(r) = &leaflet.reference {
            dates.push(format!("**{}:** {}", labels.reference, escape(r)));
        }
        if !dates.is_empty() {
            self.block(Owner::About, &Block::Paragraph(dates.join(" · ")));
        }
        if !leaflet.sources.is_empty() {
            self.block(Owner::About, &Block::Paragraph(format!("**{}**", labels.sources)));
            self.block(Owner::About, &Block::Numbered(leaflet.sources.clone()));
        }
        if let Some(f) = &leaflet.feedback {
            self.block(Owner::About, &Block::Paragraph(f.clone()));
        }
        if let Some(credit) = leaflet.translated.as_ref().and_then(|t| t.credit.clone()) {
            self.block(Owner::About, &Block::Paragraph(credit));
        }
    }
}

use crate::text::markup::escape;
