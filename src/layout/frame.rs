//! Boxes: a frame of rows kept whole on a page (split between rows, with open
//! edges, only when taller than a page), and how each style of box is decorated.

use super::flow::Chunk;
use super::page::{Edges, Item, Rect};
use super::structure::Owner;
use crate::base::units::Pt;
use crate::model::theme::{Color, Theme};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameStyle {
    /// Tint background with an accent rule on the left.
    Quote,
    /// Accent border.
    Callout,
    /// Tint background.
    Tinted,
    /// The urgent colour's border on its own pale tint: when to get help now.
    Urgent,
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
    /// A row drawn again (as page furniture) at the top of every page the frame
    /// continues on: a table's header.
    pub header: Option<usize>,
    /// The block, when a row too tall for a page is an error to report (tables).
    pub owner: Option<Owner>,
}

impl Frame {
    /// How many rows must start together on a page: two, or a table's caption, its
    /// header and the first row after it.
    pub fn lead_rows(&self) -> usize {
        self.header.map_or(2, |h| h + 2).min(self.rows.len())
    }

    pub fn height(&self) -> Pt {
        self.rows.iter().map(|r| r.height).sum::<Pt>() + 2.0 * self.padding
    }
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
        FrameStyle::Callout => vec![border(
            rect,
            theme.accent,
            theme.callout_border,
            theme.radius,
            edges,
        )],
        FrameStyle::Tinted => vec![Item::Fill {
            rect,
            color: theme.tint,
            radius: theme.radius,
            edges,
        }],
        FrameStyle::Urgent => vec![
            Item::Fill {
                rect,
                color: theme.urgent_tint,
                radius: theme.radius,
                edges,
            },
            border(rect, theme.urgent, theme.urgent_border, theme.radius, edges),
        ],
        FrameStyle::Plain => Vec::new(),
    }
}

/// A border `width` thick drawn just inside `rect`, so the box keeps its outer size.
fn border(rect: Rect, color: Color, width: Pt, radius: Pt, edges: Edges) -> Item {
    let half = width / 2.0;
    Item::Stroke {
        rect: Rect {
            x: rect.x + half,
            y: rect.y + half,
            w: rect.w - width,
            h: rect.h - width,
        },
        color,
        width,
        radius,
        edges,
    }
}
