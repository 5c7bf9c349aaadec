//! Flow children → pages. Breaks are decided on data: a child starts on the current
//! page only if its `need` fits; headings and a list's label (sticky) also need what
//! follows them; boxes stay whole unless taller than a page. At the top of a page
//! everything is placed, so pagination always makes progress.

use super::flow::{frame_decoration, Child, Chunk, Frame};
use super::page::{Destination, Edges, Item, OutlineEntry, Page, Placed, Rect, Role};
use super::structure::Owner;
use crate::base::units::Pt;
use crate::model::theme::Theme;

/// A block that cannot fit on an empty page.
#[derive(Debug, Clone, PartialEq)]
pub struct TooTall {
    pub owner: Owner,
    pub height: Pt,
    pub available: Pt,
}

pub struct Paginator<'a> {
    theme: &'a Theme,
    body: Rect,
    pages: Vec<Page>,
    outline: Vec<OutlineEntry>,
    /// Distance from the top of the body area to the next free line.
    y: Pt,
}

impl<'a> Paginator<'a> {
    pub fn new(theme: &'a Theme, body: Rect) -> Self {
        Paginator {
            theme,
            body,
            pages: vec![Page::default()],
            outline: Vec::new(),
            y: 0.0,
        }
    }

    /// Takes the children by value: each line's items move onto their page, so a long
    /// leaflet is never held twice (the flow and the pages) at once.
    pub fn run(mut self, mut children: Vec<Child>) -> Result<(Vec<Page>, Vec<OutlineEntry>), TooTall> {
        for i in 0..children.len() {
            match &children[i] {
                Child::Space(s) => {
                    if self.y > 0.0 {
                        self.y = (self.y + s).min(self.body.h);
                    }
                }
                Child::PageBreak => {
                    if self.y > 0.0 {
                        self.new_page();
                    }
                }
                Child::Line(chunk) | Child::Keep { chunk, .. } => {
                    if let Child::Keep { owner, .. } = &children[i] {
                        if chunk.height > self.body.h {
                            return Err(TooTall {
                                owner: *owner,
                                height: chunk.height,
                                available: self.body.h,
                            });
                        }
                    }
                    self.make_room(self.need_of(&children, i, chunk));
                    if let Child::Line(chunk) | Child::Keep { chunk, .. } = &mut children[i] {
                        let items = std::mem::take(&mut chunk.items);
                        self.place_items(chunk, items);
                    }
                }
                Child::Frame(frame) => self.frame(frame)?,
            }
        }
        if self.pages.len() > 1 && self.pages.last().is_some_and(|p| p.items.is_empty()) {
            self.pages.pop();
        }
        Ok((self.pages, self.outline))
    }

    /// What must fit below the cursor for `chunk` to start here: for a sticky
    /// chunk (a heading, a list's label), also what follows up to the first real
    /// content's need (through any sticky chunks between: a heading over a label).
    fn need_of(&self, children: &[Child], i: usize, chunk: &Chunk) -> Pt {
        if !chunk.sticky {
            return chunk.need;
        }
        let mut need = chunk.height;
        for next in &children[i + 1..] {
            match next {
                Child::Space(s) => need += s,
                Child::Keep { chunk, .. } | Child::Line(chunk) if chunk.sticky => need += chunk.height,
                Child::Keep { chunk, .. } | Child::Line(chunk) => return need + chunk.need,
                Child::Frame(f) => {
                    // A box that fits a page comes whole; a taller one needs its first rows.
                    let whole = f.height();
                    let first = f.padding + f.rows.iter().take(f.lead_rows()).map(|r| r.height).sum::<Pt>();
                    return need + if whole <= self.body.h { whole } else { first };
                }
                Child::PageBreak => return need,
            }
        }
        need
    }

    fn make_room(&mut self, need: Pt) {
        if self.y > 0.0 && self.y + need > self.body.h + 0.01 {
            self.new_page();
        }
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = 0.0;
    }

    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("there is always a page")
    }

    /// Places a chunk at the cursor.
    fn place(&mut self, chunk: &Chunk) {
        self.place_items(chunk, chunk.items.clone());
    }

    /// Places a chunk's items (given apart, so they can be moved) at the cursor.
    fn place_items(&mut self, chunk: &Chunk, items: Vec<Placed>) {
        let (ox, oy) = (self.body.x, self.body.y + self.y);
        if let Some((level, title, anchor)) = &chunk.outline {
            let page = self.pages.len() - 1;
            self.outline.push(OutlineEntry {
                level: *level,
                title: title.clone(),
                anchor: anchor.clone(),
                dest: Destination {
                    page,
                    x: ox,
                    y: (oy - self.theme.destination_air).max(0.0),
                },
            });
        }
        self.page().items.extend(items.into_iter().map(|p| Placed {
            item: shift(p.item, ox, oy),
            role: p.role,
        }));
        self.y += chunk.height;
    }

    fn frame(&mut self, frame: &Frame) -> Result<(), TooTall> {
        let total = frame.height();
        if total <= self.body.h {
            self.make_room(total);
            self.fragment(frame, &frame.rows, Edges::default());
            return Ok(());
        }
        // A row that cannot fit an empty page (with the header above it) would run off
        // it: that is the author's to fix, like any block too tall for a page.
        let header = frame.header.map_or(0.0, |h| frame.rows[h].height);
        if let (Some(owner), Some(row)) = (
            frame.owner,
            frame.rows.iter().find(|r| header + r.height > self.body.h),
        ) {
            return Err(TooTall {
                owner,
                height: header + row.height,
                available: self.body.h,
            });
        }
        // Taller than a page: fill pages row by row, drawing each part as a box open
        // where it is cut. Start on a fresh page unless the first rows (a table's
        // caption, header and first row) still fit here.
        let min_start = frame.padding
            + frame
                .rows
                .iter()
                .take(frame.lead_rows())
                .map(|r| r.height)
                .sum::<Pt>();
        self.make_room(min_start);
        let mut start = 0;
        while start < frame.rows.len() {
            let open_top = start > 0;
            let top_pad = if open_top { 0.0 } else { frame.padding };
            // A continued table starts again with its header row, as page furniture.
            let repeat = frame
                .header
                .filter(|&h| open_top && start > h)
                .map(|h| furniture(&frame.rows[h]));
            let mut h = top_pad + repeat.as_ref().map_or(0.0, |r| r.height);
            let mut end = start;
            while end < frame.rows.len() {
                let closing = if end + 1 == frame.rows.len() {
                    frame.padding
                } else {
                    0.0
                };
                let placed_any = end > start;
                if self.y + h + frame.rows[end].height + closing > self.body.h + 0.01 && placed_any {
                    break;
                }
                h += frame.rows[end].height;
                end += 1;
            }
            let open_bottom = end < frame.rows.len();
            let mut rows: Vec<Chunk> = repeat.into_iter().collect();
            rows.extend_from_slice(&frame.rows[start..end]);
            self.fragment(
                frame,
                &rows,
                Edges {
                    open_top,
                    open_bottom,
                },
            );
            start = end;
            if open_bottom {
                self.new_page();
            }
        }
        Ok(())
    }

    /// Draws rows of a frame with their decoration, open on the given edges.
    fn fragment(&mut self, frame: &Frame, rows: &[Chunk], edges: Edges) {
        let top_pad = if edges.open_top { 0.0 } else { frame.padding };
        let bottom_pad = if edges.open_bottom { 0.0 } else { frame.padding };
        let h = top_pad + rows.iter().map(|r| r.height).sum::<Pt>() + bottom_pad;
        let rect = Rect {
            x: self.body.x,
            y: self.body.y + self.y,
            w: self.body.w,
            h,
        };
        let decoration = frame_decoration(self.theme, frame.style, rect, edges);
        self.page()
            .items
            .extend(decoration.into_iter().map(|item| Placed {
                item,
                role: Role::Artifact,
            }));
        self.y += top_pad;
        for row in rows {
            self.place(row);
        }
        self.y += bottom_pad;
    }
}

/// A copy of a row whose every item is page furniture (an artifact), so a repeated
/// header is read once, where it first stands.
fn furniture(row: &Chunk) -> Chunk {
    Chunk {
        items: row
            .items
            .iter()
            .filter(|p| !matches!(p.item, Item::Link { .. }))
            .map(|p| Placed {
                item: p.item.clone(),
                role: Role::Artifact,
            })
            .collect(),
        ..row.clone()
    }
}

fn shift(mut item: Item, dx: Pt, dy: Pt) -> Item {
    match &mut item {
        Item::Text(run) => {
            run.x += dx;
            run.baseline += dy;
        }
        Item::Fill { rect, .. }
        | Item::Stroke { rect, .. }
        | Item::Image { rect, .. }
        | Item::Cells { rect, .. }
        | Item::Link { rect, .. } => *rect = rect.translate(dx, dy),
        Item::Rule { from, to, .. } => {
            *from = (from.0 + dx, from.1 + dy);
            *to = (to.0 + dx, to.1 + dy);
        }
    }
    item
}
