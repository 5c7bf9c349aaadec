//! Paper sizes in millimetres, portrait: the pages a leaflet names, and the DL
//! tri-fold's sheet and panels (which the page model and the imposition both use).

pub const A4_MM: (f32, f32) = (210.0, 297.0);
pub const A5_MM: (f32, f32) = (148.0, 210.0);
pub const A6_MM: (f32, f32) = (105.0, 148.0);
pub const LETTER_MM: (f32, f32) = (215.9, 279.4);

/// The DL tri-fold's sheet: A4 landscape.
pub const DL_SHEET_MM: (f32, f32) = (297.0, 210.0);
/// The tri-fold's panel that folds in: 3 mm narrower than the other two (100 mm), so
/// it tucks inside. Every laid-out page of a tri-fold is this wide.
pub const DL_NARROW_PANEL_MM: f32 = 97.0;
