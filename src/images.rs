//! Images prepared for where the PDF is going, once layout knows their placed size.
//!
//! - `print` keeps up to 300 ppi at the placed size: larger images are resampled down
//!   (Lanczos), smaller ones are kept and reported, since print shops want 300 ppi.
//! - `email` resamples to about 150 ppi and recompresses photos as JPEG, for a small file.
//!
//! JPEGs that need no change are embedded byte for byte; PNG line art stays lossless.

use crate::content::{Jpeg, LoadedImage};
use crate::layout::{Document, Item};
use ::image::{imageops::FilterType, DynamicImage, GenericImageView};
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Target {
    /// Office printer or print shop: sharp images, lossless where the source is.
    #[default]
    Print,
    /// Attached to an e-mail, read on screens: small.
    Email,
}

impl Target {
    /// Pixels per inch above which images are resampled down.
    pub fn max_ppi(self) -> f32 {
        match self {
            Target::Print => 300.0,
            Target::Email => 150.0,
        }
    }

    fn jpeg_quality(self) -> u8 {
        match self {
            Target::Print => 92,
            Target::Email => 80,
        }
    }
}

/// What the PDF embeds for one image.
#[derive(Debug, Clone)]
pub enum Prepared {
    Jpeg {
        bytes: Vec<u8>,
        components: u8,
        width_px: u32,
        height_px: u32,
    },
    Pixels(DynamicImage),
}

impl Prepared {
    pub fn width_px(&self) -> u32 {
        match self {
            Prepared::Jpeg { width_px, .. } => *width_px,
            Prepared::Pixels(p) => p.width(),
        }
    }
}

/// An image as placed: its widest placement decides the resolution it needs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    pub block: usize,
    /// Placed width in inches.
    pub inches: f32,
    /// The image's pixels per inch at that width.
    pub ppi: f32,
}

/// Every placed image, in block order.
pub fn placements(doc: &Document, images: &HashMap<usize, LoadedImage>) -> Vec<Placement> {
    let mut widest: HashMap<usize, f32> = HashMap::new();
    for item in doc.pages.iter().flat_map(|p| &p.items) {
        if let Item::Image { rect, block } = &item.item {
            let w = widest.entry(*block).or_default();
            *w = w.max(rect.w);
        }
    }
    let mut out: Vec<Placement> = widest
        .into_iter()
        .filter_map(|(block, width_pt)| {
            let img = images.get(&block)?;
            let inches = width_pt / 72.0;
            Some(Placement {
                block,
                inches,
                ppi: img.width_px as f32 / inches,
            })
        })
        .collect();
    out.sort_by_key(|p| p.block);
    out
}

/// Placed images coarser than print wants (300 ppi).
pub fn too_coarse_for_print(placements: &[Placement]) -> Vec<Placement> {
    placements
        .iter()
        .filter(|p| p.ppi < Target::Print.max_ppi() - 0.5)
        .copied()
        .collect()
}

/// Up to this resolution at its placed size, a JPEG is printed as it is.
pub const PASS_THROUGH_PPI: f32 = 450.0;

/// Prepares every placed image for `target`, by block.
pub fn prepare(
    images: &HashMap<usize, LoadedImage>,
    placements: &[Placement],
    target: Target,
) -> HashMap<usize, Prepared> {
    placements
        .iter()
        .filter_map(|p| {
            Some((
                p.block,
                prepare_one(images.get(&p.block)?, p.inches, p.ppi, target),
            ))
        })
        .collect()
}

fn prepare_one(img: &LoadedImage, inches: f32, ppi: f32, target: Target) -> Prepared {
    // 10% leeway: resampling 330 ppi to 300 costs sharpness for almost no bytes. A
    // JPEG for print goes in byte for byte up to 450 ppi: decoding, filtering and
    // compressing it again would cost time and a second generation of artefacts.
    let leeway = match (target, &img.jpeg) {
        (Target::Print, Some(_)) => PASS_THROUGH_PPI / target.max_ppi(),
        _ => 1.1,
    };
    let shrink = ppi > target.max_ppi() * leeway;
    let photo = img.was_jpeg || looks_like_photo(&img.pixels);
    match (&img.jpeg, shrink) {
        (Some(Jpeg { bytes, components }), false) => Prepared::Jpeg {
            bytes: bytes.clone(),
            components: *components,
            width_px: img.width_px,
            height_px: img.height_px,
        },
        _ => {
            let pixels = if shrink {
                let w = (inches * target.max_ppi()).ceil().max(1.0) as u32;
                let h = ((w as f32) * img.height_px as f32 / img.width_px as f32)
                    .round()
                    .max(1.0) as u32;
                resample(&img.pixels, w, h)
            } else {
                img.pixels.clone()
            };
            // A JPEG stays a JPEG when resampled; a PNG stays lossless for print and
            // becomes a JPEG only for e-mail, and only when it is a photograph.
            let reencode = !pixels.color().has_alpha()
                && match target {
                    Target::Print => img.was_jpeg,
                    Target::Email => photo,
                };
            match reencode
                .then(|| encode_jpeg(&pixels, target.jpeg_quality()))
                .flatten()
            {
                Some((bytes, components)) => Prepared::Jpeg {
                    bytes,
                    components,
                    width_px: pixels.width(),
                    height_px: pixels.height(),
                },
                None => Prepared::Pixels(pixels),
            }
        }
    }
}

/// Lanczos-3 with fast_image_resize (SIMD where the processor has it: several times
/// faster than `image`'s own); alpha is premultiplied while filtering, so
/// transparent edges do not darken.
fn resample(src: &DynamicImage, w: u32, h: u32) -> DynamicImage {
    use fast_image_resize::{FilterType as Filter, ResizeAlg, ResizeOptions, Resizer};
    let mut dst = DynamicImage::new(w, h, src.color());
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(Filter::Lanczos3));
    match Resizer::new().resize(src, &mut dst, &options) {
        Ok(()) => dst,
        // A pixel layout it does not take (16-bit with alpha, say): the slow way.
        Err(_) => src.resize_exact(w, h, FilterType::Lanczos3),
    }
}

fn encode_jpeg(img: &DynamicImage, quality: u8) -> Option<(Vec<u8>, u8)> {
    let mut bytes = Vec::new();
    let (pixels, components) = match img.color().channel_count() {
        1 | 2 => (DynamicImage::ImageLuma8(img.to_luma8()), 1),
        _ => (DynamicImage::ImageRgb8(img.to_rgb8()), 3),
    };
    let encoder = ::image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, quality);
    pixels.write_with_encoder(encoder).ok()?;
    Some((bytes, components))
}

/// A photograph (many distinct colours) rather than line art or a logo (few), judged
/// from up to 4096 pixels spread over the image.
fn looks_like_photo(img: &DynamicImage) -> bool {
    let (w, h) = img.dimensions();
    let step = ((w as u64 * h as u64 / 4096).max(1) as f64).sqrt().max(1.0) as u32;
    let mut colours = std::collections::HashSet::new();
    for y in (0..h).step_by(step as usize) {
        for x in (0..w).step_by(step as usize) {
            let p = img.get_pixel(x, y).0;
            colours.insert([p[0] >> 2, p[1] >> 2, p[2] >> 2]);
        }
    }
    colours.len() > 512
}
