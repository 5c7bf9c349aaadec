//! The DL tri-fold: an A4 landscape sheet, printed on both sides and roll-folded in
//! three, holding six panels of 210 mm by 100, 100 and 97 mm (the panel that folds
//! in is 3 mm narrower, so it tucks inside). The outside shows 5 | 6 | 1 (1 is the
//! front, 6 the back), the inside 2 | 3 | 4. Laid-out pages are one narrow panel
//! wide; a wide panel centres its page.

use super::{crop_marks, Sheet, Sheets, Slot, MARK_GAP, MARK_LENGTH, MARK_ROOM, MARK_WIDTH};
use crate::base::colour::Color;
use crate::base::units::{Pt, PT_PER_MM};
use crate::layout::{Document, Item, Rect};

pub use crate::base::paper::{DL_NARROW_PANEL_MM as NARROW_PANEL_MM, DL_SHEET_MM as SHEET_MM};
/// Panels 1 to 6: the side of the sheet (0 outside, 1 inside), the left edge and
/// the width, in mm.
pub const PANELS: [(usize, f32, f32); 6] = [
    (0, 197.0, 100.0),
    (1, 0.0, 100.0),
    (1, 100.0, 100.0),
    (1, 200.0, NARROW_PANEL_MM),
    (0, 0.0, NARROW_PANEL_MM),
    (0, 97.0, 100.0),
];

/// The panel (0-based, so 0 is panel 1) each laid-out page goes on: the front cover
/// on 1, the back cover (when there is one) on 6, the pages between on 2 onwards.
/// `Err(panels)` when the leaflet needs more than six.
pub fn panels(pages: usize, back_cover: bool) -> Result<Vec<usize>, usize> {
    if pages > 6 {
        return Err(pages);
    }
    Ok((0..pages)
        .map(|p| {
            if back_cover && p + 1 == pages && p > 0 {
                5
            } else {
                p
            }
        })
        .collect())
}

/// The two sides of the sheet, outside first (it carries the front). Print both
/// sides, flipping on the short edge.
pub fn impose(doc: &Document, marks: bool) -> Sheets {
    let mm = |v: f32| v * PT_PER_MM;
    let margin = if marks { MARK_ROOM } else { 0.0 };
    let trim = Rect {
        x: margin,
        y: margin,
        w: mm(SHEET_MM.0),
        h: mm(SHEET_MM.1),
    };
    let page_of = panels(doc.pages.len(), doc.back_cover).unwrap_or_default();
    let sheets = (0..2)
        .map(|side| {
            let slots = page_of
                .iter()
                .enumerate()
                .filter(|(_, &panel)| PANELS[panel].0 == side)
                .map(|(page, &panel)| {
                    let (_, x, w) = PANELS[panel];
                    Slot {
                        page,
                        dx: margin + mm(x) + (mm(w) - doc.width) / 2.0,
                        dy: margin + (trim.h - doc.height) / 2.0,
                    }
                })
                .collect();
            let mut items = Vec::new();
            if marks {
                items = crop_marks(trim, 0.0);
                items.extend(fold_marks(trim, side));
            }
            Sheet {
                width: trim.w + 2.0 * margin,
                height: trim.h + 2.0 * margin,
                trim,
                bleed: trim,
                slots,
                marks: items,
            }
        })
        .collect();
    Sheets { sheets }
}

/// Short rules above and below the trim where the sheet folds (outside the trim,
/// so they are cut away).
fn fold_marks(trim: Rect, side: usize) -> Vec<Item> {
    let folds: [f32; 2] = if side == 0 { [97.0, 197.0] } else { [100.0, 200.0] };
    let (start, end) = (MARK_GAP, MARK_GAP + MARK_LENGTH);
    folds
        .iter()
        .flat_map(|&f| {
            let x = trim.x + f * PT_PER_MM;
            [
                (trim.y - start, trim.y - end),
                (trim.bottom() + start, trim.bottom() + end),
            ]
            .map(|(y0, y1)| Item::Rule {
                from: (x, y0),
                to: (x, y1),
                color: Color(0, 0, 0),
                width: MARK_WIDTH,
            })
        })
        .collect()
}

/// The page width a panel is laid out at.
pub fn panel_width() -> Pt {
    NARROW_PANEL_MM * PT_PER_MM
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panels_are_filled_front_first_back_last() {
        assert_eq!(panels(6, true), Ok(vec![0, 1, 2, 3, 4, 5]));
        // A short leaflet: front, two inside panels, and the back on 6.
        assert_eq!(panels(4, true), Ok(vec![0, 1, 2, 5]));
        assert_eq!(panels(5, false), Ok(vec![0, 1, 2, 3, 4]));
        assert_eq!(panels(8, true), Err(8));
        // The widths add up to the sheet on both sides.
        for side in 0..2 {
            let w: f32 = PANELS.iter().filter(|p| p.0 == side).map(|p| p.2).sum();
            assert_eq!(w, SHEET_MM.0);
        }
    }
}
