//! QR codes' module grids (error correction M): runs of dark modules merged into
//! rectangles, a 4-module quiet zone, and the smallest size at which the modules
//! stay printable. Encoded when a leaflet is resolved; layout only places them.

use crate::base::units::{Pt, PT_PER_MM};
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
