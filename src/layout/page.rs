//! What layout hands the PDF writer: pages of positioned items, in points, with the
//! origin at the page's top-left corner and y growing downwards. Plain data, so tests
//! can check every position without a PDF.

use super::structure::Owner;
use super::structure::{NodeId, Structure};
use crate::base::units::Pt;
use crate::images::ImageKey;
use crate::model::theme::Color;
use crate::text::{FaceId, Glyph};

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    pub x: Pt,
    pub y: Pt,
    pub w: Pt,
    pub h: Pt,
}

impl Rect {
    pub fn right(&self) -> Pt {
        self.x + self.w
    }
    pub fn bottom(&self) -> Pt {
        self.y + self.h
    }
    pub fn translate(self, dx: Pt, dy: Pt) -> Rect {
        Rect {
            x: self.x + dx,
            y: self.y + dy,
            ..self
        }
    }
}

/// Shaped text on one baseline, in one face and colour.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    pub x: Pt,
    pub baseline: Pt,
    pub face: FaceId,
    pub size: Pt,
    pub color: Color,
    pub text: String,
    pub glyphs: Vec<Glyph>,
    /// Advance width, for bounds checks.
    pub width: Pt,
    /// The text reads right to left: `text` is in reading order, `glyphs` (as
    /// always) in visual order, left to right.
    pub rtl: bool,
    /// The text's language where it is not the leaflet's (BCP 47).
    pub lang: Option<String>,
    /// Text the PDF gives as the run's ActualText, where the glyphs one by one do
    /// not read back as it (Indic syllables).
    pub logical: Option<String>,
}

/// Which edges of a box are drawn: a box split across pages is open where it is cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Edges {
    pub open_top: bool,
    pub open_bottom: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text(TextRun),
    /// A filled rectangle, rounded by `radius` on the corners that are closed.
    Fill {
        rect: Rect,
        color: Color,
        radius: Pt,
        edges: Edges,
    },
    /// A rectangle's outline, centred on `rect`'s edges.
    Stroke {
        rect: Rect,
        color: Color,
        width: Pt,
        radius: Pt,
        edges: Edges,
    },
    /// A straight rule (underlines, the title rule).
    Rule {
        from: (Pt, Pt),
        to: (Pt, Pt),
        color: Color,
        width: Pt,
    },
    /// The image of content block `block`, scaled into `rect`.
    Image {
        rect: Rect,
        image: ImageKey,
    },
    /// Square modules (a QR code), drawn as one path: `(row, column, length)` runs of
    /// `cell`-sized squares from the top-left corner of `rect`.
    Cells {
        rect: Rect,
        cell: Pt,
        runs: Vec<(u16, u16, u16)>,
        color: Color,
    },
    /// A clickable area.
    Link {
        rect: Rect,
        target: LinkTarget,
    },
}

/// A point on a laid-out page (top-left origin): where a link or bookmark jumps to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Destination {
    /// 0-based page index.
    pub page: usize,
    pub x: Pt,
    pub y: Pt,
}

/// Where a link goes.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkTarget {
    /// A web, e-mail or phone address.
    Uri(String),
    /// A heading's anchor, before pagination has placed it; [`super::lay_out`] turns
    /// every one into a `Dest`.
    Anchor(String),
    /// A place in this document.
    Dest(Destination),
}

/// What an item is to a reader: content of a block (in reading order), or page
/// furniture (footers, decoration) that assistive technology should skip.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Shows (part of) structure element `node`, which belongs to content block `block`.
    Content {
        owner: Owner,
        node: NodeId,
    },
    Artifact,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub item: Item,
    pub role: Role,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    pub items: Vec<Placed>,
}

/// A heading, for the PDF outline (bookmarks).
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    /// 1 for `heading`, 2 for `subheading`.
    pub level: u8,
    pub title: String,
    /// What `[text](#anchor)` links use to point here (see [`crate::load::anchors::anchors`]).
    pub anchor: String,
    /// The heading itself, with a little air above it.
    pub dest: Destination,
}

/// A laid-out leaflet.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub width: Pt,
    pub height: Pt,
    /// The area body content must stay inside (the page minus its margins).
    pub body: Rect,
    pub pages: Vec<Page>,
    pub outline: Vec<OutlineEntry>,
    /// The logical structure that content items point into.
    pub structure: Structure,
    /// The last page is a back cover: a booklet keeps it on the outside.
    pub back_cover: bool,
}
