//! Where each image ended up: its widest placed width, from which the image stage
//! works out the resolution it needs.

use super::page::{Document, Item};
use crate::images::{ImageKey, LoadedImage, Placement};
use std::collections::HashMap;

/// Every placed image, blocks' in their order, then the cover picture and the logo.
pub fn placements(doc: &Document, images: &HashMap<ImageKey, LoadedImage>) -> Vec<Placement> {
    let mut widest: HashMap<ImageKey, f32> = HashMap::new();
    for item in doc.pages.iter().flat_map(|p| &p.items) {
        if let Item::Image { rect, image } = &item.item {
            let w = widest.entry(*image).or_default();
            *w = w.max(rect.w);
        }
    }
    let mut out: Vec<Placement> = widest
        .into_iter()
        .filter_map(|(image, width_pt)| {
            let img = images.get(&image)?;
            let inches = width_pt / 72.0;
            Some(Placement {
                image,
                inches,
                // A vector picture is sharp at any size.
                ppi: if img.vector.is_some() {
                    f32::INFINITY
                } else {
                    img.width_px as f32 / inches
                },
            })
        })
        .collect();
    out.sort_by_key(|p| p.image);
    out
}
