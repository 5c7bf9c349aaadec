//! QR codes as vector modules: the module grid (error correction M), runs of dark
//! modules merged into rectangles, a 4-module quiet zone, and the smallest size
//! at which the modules stay printable.

use super::flow::{Builder, Chunk};
use super::page::{Item, LinkTarget, Placed, Rect};
use super::structure::{Kind, Structure};
use super::theme::Color;
use crate::text::parse_inline;
use crate::units::{Pt, PT_PER_MM};
use qrcode::{Color as Module, EcLevel, QrCode};

/// Modules smaller than this do not survive an office printer or a phone camera.
pub const MIN_MODULE: Pt = 0.4 * PT_PER_MM;
/// The light margin the standard asks for around the code, in modules.
pub const QUIET_ZONE: usize = 4;

/// A code's dark modules: `(row, first column, length)` runs on a `width`-square grid.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    pub width: usize,
    pub runs: Vec<(u16, u16, u16)>,
}

impl Grid {
    /// The grid for `url`, or why it cannot be made.
    pub fn new(url: &str) -> Result<Grid, String> {
        let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M)
            .map_err(|e| format!("the address cannot be made into a QR code ({e})"))?;
        let width = code.width();
        let colors = code.to_colors();
        let mut runs = Vec::new();
        for row in 0..width {
            let mut col = 0;
            while col < width {
                if colors[row * width + col] == Module::Dark {
                    let start = col;
                    while col < width && colors[row * width + col] == Module::Dark {
                        col += 1;
                    }
                    runs.push((row as u16, start as u16, (col - start) as u16));
                } else {
                    col += 1;
                }
            }
        }
        Ok(Grid { width, runs })
    }

    /// Modules across, quiet zone included.
    pub fn span(&self) -> usize {
        self.width + 2 * QUIET_ZONE
    }

    /// The smallest side (quiet zone included) at which modules stay printable.
    pub fn min_side(&self) -> Pt {
        self.span() as Pt * MIN_MODULE
    }
}

impl Builder<'_> {
    /// A QR code, centred, with its caption and its address in words beneath (for
    /// readers without a phone), kept whole. Resolve has checked it fits its size.
    pub(super) fn qr(&mut self, i: usize, q: &crate::content::model::Qr) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_address_is_a_small_grid_and_a_long_one_needs_more_room() {
        let short = Grid::new("https://riverside.example/knee").unwrap();
        assert_eq!(short.width, 29, "version 3 at level M");
        assert!(short.min_side() < 25.0 * PT_PER_MM);
        let long = Grid::new(&format!("https://riverside.example/{}", "x".repeat(400))).unwrap();
        assert!(long.min_side() > 25.0 * PT_PER_MM);
        // Every dark module is covered once.
        let dark: usize = short.runs.iter().map(|r| r.2 as usize).sum();
        assert!(dark > short.width * short.width / 3);
    }
}
