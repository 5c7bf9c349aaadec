//! Imposition: laid-out pages → the sheets the PDF holds.
//!
//! Usually one sheet per page. For a print shop, `bleed` enlarges each sheet around
//! its page (TrimBox = the page, BleedBox = page + bleed) and `crop_marks` adds trim
//! marks outside the bleed. For an office printer, `booklet` puts two pages side by
//! side on landscape sheets in saddle-stitch order, for duplex printing flipped on
//! the short edge. Pages keep their own coordinates; a sheet places them by offset.

pub mod trifold;

use crate::base::colour::Color;
use crate::base::units::{Pt, PT_PER_MM};
use crate::layout::{Destination, Document, Item, Rect};
pub use crate::model::edition::Imposition;

/// One page of laid-out content placed on a sheet, its top-left corner at (dx, dy).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Slot {
    pub page: usize,
    pub dx: Pt,
    pub dy: Pt,
}

/// A physical page of the PDF. Rectangles are in sheet coordinates (top-left, y down).
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub width: Pt,
    pub height: Pt,
    /// Where the finished piece is cut (the TrimBox).
    pub trim: Rect,
    /// How far printed colour may reach (the BleedBox).
    pub bleed: Rect,
    pub slots: Vec<Slot>,
    /// Printer's marks, outside the bleed; never content.
    pub marks: Vec<Item>,
}

/// The imposed document: its sheets, each holding laid-out pages.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheets {
    pub sheets: Vec<Sheet>,
}

/// A point on a sheet (top-left origin, y down), as a PDF destination needs it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SheetPoint {
    pub sheet: usize,
    pub x: Pt,
    pub y: Pt,
}

impl Sheets {
    /// Where a point of a laid-out page lands: the one place page points are mapped
    /// to sheet points. `None` for a page on no sheet.
    pub fn place(&self, d: Destination) -> Option<SheetPoint> {
        let (sheet, dx, dy) = self.locate(d.page)?;
        Some(SheetPoint {
            sheet,
            x: d.x + dx,
            y: d.y + dy,
        })
    }

    /// The sheet index and offset of a laid-out page.
    pub fn locate(&self, page: usize) -> Option<(usize, Pt, Pt)> {
        self.sheets.iter().enumerate().find_map(|(i, s)| {
            s.slots
                .iter()
                .find(|slot| slot.page == page)
                .map(|slot| (i, slot.dx, slot.dy))
        })
    }
}

/// Length of a crop mark, and its distance from the bleed edge.
pub(crate) const MARK_LENGTH: Pt = 6.0 * PT_PER_MM;
pub(crate) const MARK_GAP: Pt = 3.0;
/// The room marks need outside the bleed (or the trim).
pub(crate) const MARK_ROOM: Pt = MARK_GAP + MARK_LENGTH + MARK_GAP;
pub(crate) const MARK_WIDTH: Pt = 0.25;

pub fn impose(doc: &Document, imposition: &Imposition) -> Sheets {
    match *imposition {
        Imposition::Booklet => booklet(doc),
        Imposition::Trifold { crop_marks } => trifold::impose(doc, crop_marks),
        Imposition::Pages { bleed, crop_marks } => pages(doc, bleed, crop_marks),
    }
}

fn pages(doc: &Document, bleed: Pt, crop_marks: bool) -> Sheets {
    let (w, h) = (doc.width, doc.height);
    let margin = bleed + if crop_marks { MARK_ROOM } else { 0.0 };
    let trim = Rect {
        x: margin,
        y: margin,
        w,
        h,
    };
    let bleed_box = Rect {
        x: margin - bleed,
        y: margin - bleed,
        w: w + 2.0 * bleed,
        h: h + 2.0 * bleed,
    };
    let marks = if crop_marks {
        self::crop_marks(trim, bleed)
    } else {
        Vec::new()
    };
    let sheets = (0..doc.pages.len())
        .map(|page| Sheet {
            width: w + 2.0 * margin,
            height: h + 2.0 * margin,
            trim,
            bleed: bleed_box,
            slots: vec![Slot {
                page,
                dx: margin,
                dy: margin,
            }],
            marks: marks.clone(),
        })
        .collect();
    Sheets { sheets }
}

/// Saddle-stitch order, padded with blank pages to a multiple of four: sheet k of N
/// pages has [N−2k+2 | 2k−1] on its front and [2k | N−2k+1] on its back.
pub fn booklet_order(pages: usize) -> Vec<[usize; 2]> {
    let n = pages.div_ceil(4).max(1) * 4;
    (1..=n / 4)
        .flat_map(|k| [[n - 2 * k + 2, 2 * k - 1], [2 * k, n - 2 * k + 1]])
        .collect()
}

fn booklet(doc: &Document) -> Sheets {
    let (w, h) = (doc.width, doc.height);
    // A5 pages go on A4 landscape (297 × 210 mm), centred; other sizes on a sheet
    // exactly twice as wide.
    let a4 = (297.0 * PT_PER_MM, 210.0 * PT_PER_MM);
    let is_a5 = (w - 148.0 * PT_PER_MM).abs() < 1.0 && (h - 210.0 * PT_PER_MM).abs() < 1.0;
    let (sw, sh) = if is_a5 { a4 } else { (2.0 * w, h) };
    let (x0, y0) = ((sw - 2.0 * w) / 2.0, (sh - h) / 2.0);
    let full = Rect {
        x: 0.0,
        y: 0.0,
        w: sw,
        h: sh,
    };
    let n = doc.pages.len();
    let padded = n.div_ceil(4).max(1) * 4;
    // Position p (1-based) in the folded booklet holds this laid-out page, or a blank.
    // A back cover stays the outside back: the blanks go before it, not after it.
    let page_at = |p: usize| match doc.back_cover {
        true if p == padded => Some(n - 1),
        true if p < n => Some(p - 1),
        true => None,
        false => (p <= n).then(|| p - 1),
    };
    let sheets = booklet_order(n)
        .into_iter()
        .map(|pair| Sheet {
            width: sw,
            height: sh,
            trim: full,
            bleed: full,
            slots: pair
                .iter()
                .enumerate()
                .filter_map(|(side, &p)| {
                    Some(Slot {
                        page: page_at(p)?,
                        dx: x0 + side as Pt * w,
                        dy: y0,
                    })
                })
                .collect(),
            marks: Vec::new(),
        })
        .collect();
    Sheets { sheets }
}

/// Two short rules at each corner of `trim`, in line with its edges, starting
/// outside the bleed so they are cut away.
pub(crate) fn crop_marks(trim: Rect, bleed: Pt) -> Vec<Item> {
    let start = bleed + MARK_GAP;
    let end = start + MARK_LENGTH;
    let rule = |from: (Pt, Pt), to: (Pt, Pt)| Item::Rule {
        from,
        to,
        color: Color(0, 0, 0),
        width: MARK_WIDTH,
    };
    let mut marks = Vec::new();
    for (x, sx) in [(trim.x, -1.0), (trim.right(), 1.0)] {
        for (y, sy) in [(trim.y, -1.0), (trim.bottom(), 1.0)] {
            marks.push(rule((x + sx * start, y), (x + sx * end, y)));
            marks.push(rule((x, y + sy * start), (x, y + sy * end)));
        }
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saddle_stitch_order() {
        assert_eq!(booklet_order(8), vec![[8, 1], [2, 7], [6, 3], [4, 5]]);
        // 9 pages are padded to 12: pages 10–12 are blank.
        assert_eq!(
            booklet_order(9),
            vec![[12, 1], [2, 11], [10, 3], [4, 9], [8, 5], [6, 7]]
        );
        assert_eq!(booklet_order(1), vec![[4, 1], [2, 3]]);
    }

    /// Page points become sheet points in one place, for links and bookmarks alike.
    #[test]
    fn destinations_are_placed_on_their_sheet() {
        let a5 = (148.0 * PT_PER_MM, 210.0 * PT_PER_MM);
        let doc = Document {
            width: a5.0,
            height: a5.1,
            body: Rect::default(),
            pages: vec![Default::default(); 3],
            outline: Vec::new(),
            structure: Default::default(),
            back_cover: false,
        };
        let d = Destination {
            page: 1,
            x: 10.0,
            y: 20.0,
        };
        // Booklet of 4: sheet 1 (back of the first) holds [2 | 3]; page 2 is on the left.
        let booklet = impose(&doc, &Imposition::Booklet);
        let at = booklet.place(d).unwrap();
        let x0 = (297.0 * PT_PER_MM - 2.0 * a5.0) / 2.0;
        assert_eq!(at.sheet, 1);
        assert!((at.x - (x0 + 10.0)).abs() < 1e-3 && (at.y - 20.0).abs() < 1e-3);
        // With bleed, every sheet is offset by the bleed.
        let bled = impose(
            &doc,
            &Imposition::Pages {
                bleed: 9.0,
                crop_marks: false,
            },
        );
        let at = bled.place(d).unwrap();
        assert_eq!((at.sheet, at.x, at.y), (1, 19.0, 29.0));
        assert!(bled.place(Destination { page: 7, ..d }).is_none());
    }

    /// Five pages with a back cover: pages 1–4, three blanks, then the back cover on
    /// the outside back (position 8, the left half of the first sheet's front).
    #[test]
    fn a_back_cover_stays_outside_and_blanks_go_before_it() {
        let doc = Document {
            width: 100.0,
            height: 100.0,
            body: Rect::default(),
            pages: vec![Default::default(); 5],
            outline: Vec::new(),
            structure: Default::default(),
            back_cover: true,
        };
        let sheets = impose(&doc, &Imposition::Booklet);
        let pages: Vec<Vec<usize>> = sheets
            .sheets
            .iter()
            .map(|s| s.slots.iter().map(|slot| slot.page).collect())
            .collect();
        // Sheet fronts and backs: [8 | 1], [2 | 7], [6 | 3], [4 | 5] with 5–7 blank.
        assert_eq!(pages, vec![vec![4, 0], vec![1], vec![2], vec![3]]);
        assert_eq!(sheets.sheets[0].slots[0].dx, 0.0, "the back cover is on the left");
    }
}
