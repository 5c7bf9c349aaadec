//! QR codes placed as vector modules: the grid resolve encoded, its runs of dark
//! modules drawn as rectangles inside a 4-module quiet zone.

use super::flow::{Builder, Chunk};
use super::page::{Item, LinkTarget, Placed, Rect};
use super::structure::Owner;
use super::structure::{Kind, Structure};
use crate::base::units::Pt;
use crate::load::qr::{Grid, QUIET_ZONE};
use crate::model::theme::Color;
use crate::text::parse_inline;

impl Builder<'_> {
    /// A QR code, centred, with its caption and its address in words beneath (for
    /// readers without a phone), kept whole. Resolve has checked it fits its size.
    pub(super) fn qr(&mut self, i: Owner, q: &crate::model::Qr) {
        let t = self.theme.clone();
        let Ok(grid) = Grid::new(&q.url) else {
            return;
        };
        let side = q.size.pt().min(self.width);
        let cell = side / grid.span() as Pt;
        let x = (self.width - side) / 2.0;
        let div = self.structure.add(Kind::Div, Structure::ROOT, i);
        let figure = self.structure.add(Kind::Figure, div, i);
        self.structure
            .with_alt(figure, format!("QR code: a link to {}", q.url));
        let mut chunk = Chunk::default();
        let quiet = QUIET_ZONE as Pt * cell;
        chunk.items.push(Placed {
            item: Item::Cells {
                rect: Rect {
                    x: x + quiet,
                    y: quiet,
                    w: side - 2.0 * quiet,
                    h: side - 2.0 * quiet,
                },
                cell,
                runs: grid.runs,
                color: Color(0, 0, 0),
            },
            role: self.role(figure),
        });
        // The whole code is a link too, for readers of the PDF on a screen.
        let link = self.structure.add(Kind::Link, div, i);
        chunk.items.push(Placed {
            item: Item::Link {
                rect: Rect {
                    x,
                    y: 0.0,
                    w: side,
                    h: side,
                },
                target: LinkTarget::Uri(q.url.clone()),
            },
            role: self.role(link),
        });
        let mut y = side;
        // The address in words, exactly as it must be typed: a span of its own, not
        // markup (which would curl quotes and read `*` and `_` as emphasis).
        let shown = q.url.trim_start_matches("https://").trim_start_matches("http://");
        let address = vec![crate::text::Span {
            text: shown.to_string(),
            link: Some(q.url.clone()),
            ..Default::default()
        }];
        let caption = q.caption.as_deref().map(parse_inline);
        for spans in caption.iter().chain([&address]) {
            let role = self.node(Kind::P, div, i);
            y += t.caption_gap;
            for line in self.lines(spans, &t.caption, self.width) {
                let lx = (self.width - line.width) / 2.0;
                self.draw_line(&mut chunk.items, &line, spans, &t.caption, lx, y, role);
                y += t.caption.leading;
            }
        }
        self.keep_boxed(chunk, y, i);
    }
}
