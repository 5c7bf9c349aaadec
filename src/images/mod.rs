//! Images prepared for where the PDF is going, once layout knows their placed size.
//!
//! - `print` keeps up to 300 ppi at the placed size: larger images are resampled down
//!   (Lanczos), smaller ones are kept and reported, since print shops want 300 ppi.
//! - `email` resamples to about 150 ppi and recompresses photos as JPEG, for a small file.
//! - `web` takes pictures by pixels for a screen instead ([`screen`]).
//!
//! JPEGs that need no change are embedded byte for byte; PNG line art stays lossless.

pub mod cache;
pub mod decode;
pub mod pixels;
pub mod screen;
pub mod vector;

use crate::model::edition::Target;
use ::image::{imageops::FilterType, DynamicImage, GenericImageView};
pub use decode::{Jpeg, LoadedImage};
use std::collections::HashMap;

/// Which picture of a leaflet an image is: a block's (an image or an exercise's
/// picture), the brand's logo, or the cover's picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ImageKey {
    Block(usize),
    Cover,
    Logo,
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
    /// Lossless: zlib data of PNG-filtered rows (what a PDF's FlateDecode takes with
    /// PNG predictors), grey or RGB, with the alpha channel as its own grey plane.
    Png {
        color: Vec<u8>,
        /// 1 (grey) or 3 (RGB).
        components: u8,
        alpha: Option<Vec<u8>>,
        width_px: u32,
        height_px: u32,
    },
    Pixels(DynamicImage),
    /// An SVG's shapes, for the PDF to draw as vectors.
    Vector(std::sync::Arc<vector::Drawing>),
}

impl Prepared {
    /// The bytes it holds (for the cache's budget).
    pub fn byte_len(&self) -> usize {
        match self {
            Prepared::Jpeg { bytes, .. } => bytes.len(),
            Prepared::Png { color, alpha, .. } => color.len() + alpha.as_ref().map_or(0, Vec::len),
            Prepared::Pixels(p) => p.as_bytes().len(),
            Prepared::Vector(d) => d.shapes.iter().map(|s| s.path.len() * 28).sum(),
        }
    }

    pub fn width_px(&self) -> u32 {
        match self {
            Prepared::Jpeg { width_px, .. } | Prepared::Png { width_px, .. } => *width_px,
            Prepared::Pixels(p) => p.width(),
            Prepared::Vector(_) => 0,
        }
    }
}

/// An image as placed: its widest placement decides the resolution it needs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    pub image: ImageKey,
    /// Placed width in inches.
    pub inches: f32,
    /// The image's pixels per inch at that width (infinite for a vector picture).
    pub ppi: f32,
}

/// Placed images coarser than print wants (300 ppi).
pub fn too_coarse_for_print(placements: &[Placement]) -> Vec<Placement> {
    placements
        .iter()
        .filter(|p| p.ppi < Target::Print.max_ppi() - 0.5)
        .copied()
        .collect()
}

/// Up to this resolution at its placed size (twice what print needs), a JPEG is
/// printed as it is: a 2400 px photo across an A5 page (516 ppi) goes in as its
/// file, as Typst puts it, instead of being decoded, filtered and compressed a second
/// time, which cost about 30 ms of CPU (80 → 48 ms for the leaflet of benches/photos.sh)
/// and, at print's quality, made its PDF hardly smaller (1.43 against 1.46 MB).
pub const PASS_THROUGH_PPI: f32 = 600.0;

/// Prepares every placed image for `target`; or the picture
/// whose data turned out damaged when it was decoded, and why.
///
/// Images that cost work (decoding, resampling, compressing: not a JPEG or PNG passed
/// through, a vector or one already in the cache) are independent of each other:
/// with two or more of them, they are prepared on up to as many threads as the
/// processor has cores, the first on the calling thread.
pub fn prepare(
    cache: &cache::Cache,
    images: &HashMap<ImageKey, LoadedImage>,
    placements: &[Placement],
    target: Target,
    threads: Option<usize>,
) -> Result<HashMap<ImageKey, Prepared>, (ImageKey, String)> {
    let placed: Vec<(&Placement, &LoadedImage)> = placements
        .iter()
        .filter_map(|p| Some((p, images.get(&p.image)?)))
        .collect();
    let costly = placed
        .iter()
        .filter(|(p, img)| costs_work(cache, img, p.inches, p.ppi, target))
        .count();
    let one = |(p, img): &(&Placement, &LoadedImage)| {
        prepare_one(cache, img, p.inches, p.ppi, target, threads != Some(1))
            .map(|prepared| (p.image, prepared))
            .map_err(|reason| (p.image, reason))
    };
    let threads = match (costly, threads) {
        (0 | 1, _) | (_, Some(1)) => 1,
        (_, Some(n)) => n.min(costly),
        _ => std::thread::available_parallelism().map_or(1, |n| n.get().min(costly)),
    };
    if threads <= 1 {
        return placed.iter().map(one).collect();
    }
    // The costliest first (most pixels), so no thread is left with a big one at the end.
    let mut order: Vec<usize> = (0..placed.len()).collect();
    order.sort_by_key(|&i| {
        std::cmp::Reverse(u64::from(placed[i].1.width_px) * u64::from(placed[i].1.height_px))
    });
    let next = std::sync::atomic::AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let at = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(&i) = order.get(at) else { break done };
            done.push((i, one(&placed[i])));
        }
    };
    let mut results: Vec<_> = std::thread::scope(|s| {
        let helpers: Vec<_> = (1..threads).map(|_| s.spawn(work)).collect();
        let mut all = work();
        for h in helpers {
            all.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        all
    });
    // In placement order, so the first damaged picture is the one reported.
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

/// Whether preparing an image costs real work: not a vector, not a JPEG or PNG that
/// goes in as the file's own data, not one already prepared in the cache.
fn costs_work(cache: &cache::Cache, img: &LoadedImage, inches: f32, ppi: f32, target: Target) -> bool {
    if img.vector.is_some() {
        return false;
    }
    let shrink = shrinks(img, ppi, target);
    let as_is = !shrink && (img.jpeg.is_some() || (img.png.is_some() && target == Target::Print));
    !as_is && !cache.is_prepared(img, target, prepared_width(img, inches, ppi, target))
}

/// One image for the target, kept between builds made with one cache ([`cache`]).
fn prepare_one(
    cache: &cache::Cache,
    img: &LoadedImage,
    inches: f32,
    ppi: f32,
    target: Target,
    split: bool,
) -> Result<Prepared, String> {
    // Vectors are as sharp at any size and for any target.
    if let Some(d) = &img.vector {
        return Ok(Prepared::Vector(d.clone()));
    }
    let width = prepared_width(img, inches, ppi, target);
    cache.prepared(img, target, width, || {
        prepare_anew(img, inches, ppi, target, split)
    })
}

/// The width an image is resampled to for the target, or 0 when it is kept as it is.
fn prepared_width(img: &LoadedImage, inches: f32, ppi: f32, target: Target) -> u32 {
    if shrinks(img, ppi, target) {
        (inches * target.max_ppi()).ceil().max(1.0) as u32
    } else {
        0
    }
}

/// Whether an image placed at `ppi` is resampled for the target.
fn shrinks(img: &LoadedImage, ppi: f32, target: Target) -> bool {
    // 10% leeway: resampling 330 ppi to 300 costs sharpness for almost no bytes. A
    // JPEG for print goes in byte for byte up to 600 ppi: decoding, filtering and
    // compressing it again would cost time and a second generation of artefacts.
    let leeway = match (target, &img.jpeg) {
        (Target::Print, Some(_)) => PASS_THROUGH_PPI / target.max_ppi(),
        _ => 1.1,
    };
    ppi > target.max_ppi() * leeway
}

/// `split`: the alpha plane may be compressed on a thread of its own.
fn prepare_anew(
    img: &LoadedImage,
    inches: f32,
    ppi: f32,
    target: Target,
    split: bool,
) -> Result<Prepared, String> {
    let shrink = shrinks(img, ppi, target);
    // (A JPEG is a photograph without its pixels being looked at.)
    let photo = img.was_jpeg || looks_like_photo(img.pixels.full()?);
    Ok(match (&img.jpeg, shrink) {
        (Some(Jpeg { bytes, components }), false) => Prepared::Jpeg {
            bytes: bytes.to_vec(),
            components: *components,
            width_px: img.width_px,
            height_px: img.height_px,
        },
        // A lossless picture that needs no resampling, and stays lossless (print, or
        // e-mail when it is not a photograph): the file's own compressed rows.
        (None, false) if img.png.is_some() && (target == Target::Print || !photo) => {
            let png = img.png.as_ref().expect("checked just above");
            Prepared::Png {
                color: png.idat.clone(),
                components: png.components,
                alpha: None,
                width_px: img.width_px,
                height_px: img.height_px,
            }
        }
        _ => {
            let pixels = if shrink {
                let w = (inches * target.max_ppi()).ceil().max(1.0) as u32;
                let h = ((w as f32) * img.height_px as f32 / img.width_px as f32)
                    .round()
                    .max(1.0) as u32;
                // A JPEG is decoded at the smallest DCT scale that gives w × h.
                resample(img.pixels.at_least(w, h)?.as_ref(), w, h)
            } else {
                img.pixels.full()?.clone()
            };
            // A JPEG stays a JPEG when resampled; a PNG stays lossless for print and
            // becomes a JPEG only for e-mail, and only when it is a photograph.
            let reencode = !pixels.color().has_alpha()
                && match target {
                    Target::Print => img.was_jpeg,
                    Target::Email | Target::Web => photo,
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
                None => png_planes(&pixels, split).unwrap_or(Prepared::Pixels(pixels)),
            }
        }
    })
}

/// Lanczos-3 with fast_image_resize (SIMD where the processor has it: several times
/// faster than `image`'s own); alpha is premultiplied while filtering, so
/// transparent edges do not darken.
pub(super) fn resample(src: &DynamicImage, w: u32, h: u32) -> DynamicImage {
    use fast_image_resize::{FilterType as Filter, ResizeAlg, ResizeOptions, Resizer};
    if (src.width(), src.height()) == (w, h) {
        return src.clone();
    }
    let mut dst = DynamicImage::new(w, h, src.color());
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(Filter::Lanczos3));
    match Resizer::new().resize(src, &mut dst, &options) {
        Ok(()) => dst,
        // A pixel layout it does not take (16-bit with alpha, say): the slow way.
        Err(_) => src.resize_exact(w, h, FilterType::Lanczos3),
    }
}

/// Encodes pixels the way a PNG file holds them, with the png crate's fast encoder
/// (fdeflate, row filters chosen per row): three to ten times faster than deflating
/// raw pixels at level 6, and smaller, since filtered rows compress better. The zlib
/// data is taken out of the PNG's IDAT chunks as it is. Alpha becomes a grey plane
/// of its own (a PDF's soft mask), or nothing when every pixel is opaque.
fn png_planes(img: &DynamicImage, split: bool) -> Option<Prepared> {
    let (w, h) = (img.width(), img.height());
    let grey = matches!(img.color().channel_count(), 1 | 2);
    let colour = |rows: &[u8]| {
        let kind = if grey {
            png::ColorType::Grayscale
        } else {
            png::ColorType::Rgb
        };
        png_idat(rows, w, h, kind)
    };
    let (color, alpha) = match img {
        // The usual picture with alpha: its colour and alpha split in one pass, and the
        // (smaller) alpha plane compressed on another thread meanwhile.
        DynamicImage::ImageRgba8(rgba) => {
            let mut rgb = Vec::with_capacity(rgba.len() / 4 * 3);
            let mut a = Vec::with_capacity(rgba.len() / 4);
            for p in rgba.as_raw().chunks_exact(4) {
                rgb.extend_from_slice(&p[..3]);
                a.push(p[3]);
            }
            if a.iter().all(|&v| v == 255) {
                (colour(&rgb)?, None)
            } else if !split {
                (
                    colour(&rgb)?,
                    Some(png_idat(&a, w, h, png::ColorType::Grayscale)?),
                )
            } else {
                std::thread::scope(|s| {
                    let mask = s.spawn(|| png_idat(&a, w, h, png::ColorType::Grayscale));
                    let color = colour(&rgb);
                    let mask = mask.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
                    Some((color?, Some(mask?)))
                })?
            }
        }
        _ => {
            let color = if grey {
                colour(img.to_luma8().as_raw())?
            } else {
                colour(img.to_rgb8().as_raw())?
            };
            let alpha = if img.color().has_alpha() {
                let a: Vec<u8> = img.to_rgba8().pixels().map(|p| p.0[3]).collect();
                match a.iter().all(|&v| v == 255) {
                    true => None,
                    false => Some(png_idat(&a, w, h, png::ColorType::Grayscale)?),
                }
            } else {
                None
            };
            (color, alpha)
        }
    };
    Some(Prepared::Png {
        color,
        components: if grey { 1 } else { 3 },
        alpha,
        width_px: w,
        height_px: h,
    })
}

/// A PNG file's own compressed rows, as a PDF takes them (FlateDecode with PNG
/// predictors): the IDAT chunks' data joined.
#[derive(Debug, Clone, PartialEq)]
pub struct PngAsIs {
    pub idat: Vec<u8>,
    /// 1 (grey) or 3 (RGB).
    pub components: u8,
}

/// The IDAT data of a PNG file a PDF can take as it is: 8 bits a sample, grey or RGB,
/// not interlaced, with no transparency (tRNS). Anything else is decoded and encoded.
pub fn png_as_is(file: &[u8]) -> Option<PngAsIs> {
    let mut chunks = png_chunks(file);
    let (kind, ihdr) = chunks.next()?;
    // Width, height, bit depth, colour type, compression, filter, interlace.
    if kind != b"IHDR" || ihdr.len() != 13 || ihdr[8] != 8 || ihdr[10..13] != [0, 0, 0] {
        return None;
    }
    let components = match ihdr[9] {
        0 => 1,
        2 => 3,
        _ => return None,
    };
    let mut idat = Vec::with_capacity(file.len());
    for (kind, body) in chunks {
        match kind {
            b"tRNS" => return None,
            b"IDAT" => idat.extend_from_slice(body),
            _ => {}
        }
    }
    (!idat.is_empty()).then_some(PngAsIs { idat, components })
}

/// A PNG file's chunks after its signature: (type, data), up to the first that does
/// not fit the file.
fn png_chunks(file: &[u8]) -> impl Iterator<Item = (&[u8], &[u8])> {
    let mut at = 8; // the PNG signature
    std::iter::from_fn(move || {
        let len = u32::from_be_bytes(file.get(at..at + 4)?.try_into().ok()?) as usize;
        let kind = file.get(at + 4..at + 8)?;
        let body = file.get(at + 8..(at + 8).checked_add(len)?)?;
        at += 12 + len;
        Some((kind, body))
    })
}

/// The zlib stream of a PNG encoding of 8-bit rows: its IDAT chunks' data, joined.
fn png_idat(rows: &[u8], w: u32, h: u32, color: png::ColorType) -> Option<Vec<u8>> {
    let mut file = Vec::with_capacity(rows.len() / 2 + 1024);
    {
        let mut encoder = png::Encoder::new(&mut file, w, h);
        encoder.set_color(color);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Fast);
        let mut writer = encoder.write_header().ok()?;
        writer.write_image_data(rows).ok()?;
        writer.finish().ok()?;
    }
    let mut data = Vec::with_capacity(file.len());
    for (kind, body) in png_chunks(&file) {
        if kind == b"IDAT" {
            data.extend_from_slice(body);
        }
    }
    (!data.is_empty()).then_some(data)
}

/// A JPEG of the pixels at `quality`: with jpeg-encoder (AVX2 where the processor
/// has it), or image's own encoder for a side over 65,535 pixels.
pub(super) fn encode_jpeg(img: &DynamicImage, quality: u8) -> Option<(Vec<u8>, u8)> {
    let mut bytes = Vec::new();
    let (pixels, components) = match img.color().channel_count() {
        1 | 2 => (DynamicImage::ImageLuma8(img.to_luma8()), 1),
        _ => (DynamicImage::ImageRgb8(img.to_rgb8()), 3),
    };
    if let (Ok(w), Ok(h)) = (u16::try_from(pixels.width()), u16::try_from(pixels.height())) {
        let color = if components == 1 {
            jpeg_encoder::ColorType::Luma
        } else {
            jpeg_encoder::ColorType::Rgb
        };
        let encoder = jpeg_encoder::Encoder::new(&mut bytes, quality);
        encoder.encode(pixels.as_bytes(), w, h, color).ok()?;
        return Some((bytes, components));
    }
    let encoder = ::image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, quality);
    pixels.write_with_encoder(encoder).ok()?;
    Some((bytes, components))
}

/// A photograph (many distinct colours) rather than line art or a logo (few), judged
/// from up to 4096 pixels spread over the image.
pub(super) fn looks_like_photo(img: &DynamicImage) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn png_file(color: png::ColorType, depth: png::BitDepth, interlaced: bool, trns: bool) -> Vec<u8> {
        let (w, h) = (5u32, 3u32);
        let samples = color.samples() * if depth == png::BitDepth::Sixteen { 2 } else { 1 };
        let mut file = Vec::new();
        let mut encoder = png::Encoder::new(&mut file, w, h);
        encoder.set_color(color);
        encoder.set_depth(depth);
        if trns {
            encoder.set_trns(vec![0u8, 0, 0, 0, 0, 0]);
        }
        let mut writer = encoder.write_header().unwrap();
        writer
            .write_image_data(&vec![7u8; samples * (w * h) as usize])
            .unwrap();
        writer.finish().unwrap();
        if interlaced {
            // The png crate writes no Adam7; the flag in IHDR is what is read here
            // (after the signature, the chunk's length and type: the 13th data byte).
            file[8 + 8 + 12] = 1;
        }
        file
    }

    /// A picture as read, with these pixels (the cache's tests use it too).
    pub(super) fn loaded(id: u64, pixels: pixels::Pixels, (w, h): (u32, u32)) -> LoadedImage {
        LoadedImage {
            path: format!("{id}.png").into(),
            width_px: w,
            height_px: h,
            pixels,
            jpeg: None,
            was_jpeg: false,
            png: None,
            vector: None,
            id,
        }
    }

    /// Images prepared together (on several threads) are the images prepared one at
    /// a time; and of two damaged pictures, the first placed is the one reported.
    #[test]
    fn images_prepared_together_are_the_ones_prepared_alone() {
        let rgba = |seed: u32| {
            DynamicImage::ImageRgba8(::image::RgbaImage::from_fn(900, 600, |x, y| {
                ::image::Rgba([(x * seed) as u8, (y + seed) as u8, (x ^ y) as u8, (x / 4) as u8])
            }))
        };
        let mut images = HashMap::new();
        let mut placements = Vec::new();
        for (i, seed) in [3u32, 5, 7].into_iter().enumerate() {
            let key = ImageKey::Block(i);
            images.insert(
                key,
                loaded(i as u64 + 1, pixels::Pixels::decoded(rgba(seed)), (900, 600)),
            );
            placements.push(Placement {
                image: key,
                inches: 2.0,
                ppi: 450.0,
            });
        }
        for target in [Target::Print, Target::Email] {
            let together = prepare(&cache::Cache::default(), &images, &placements, target, None).unwrap();
            // On one thread (`--jobs 1`), the alpha plane compressed in turn: the same.
            let serial = prepare(&cache::Cache::default(), &images, &placements, target, Some(1)).unwrap();
            for p in &placements {
                let (Prepared::Png { alpha: a, .. }, Prepared::Png { alpha: b, .. }) =
                    (&together[&p.image], &serial[&p.image])
                else {
                    panic!("PNG planes expected");
                };
                assert!(a.is_some() && a == b, "{:?} on one thread", p.image);
                let alone = prepare(&cache::Cache::default(), &images, &[*p], target, None).unwrap();
                let (
                    Prepared::Png {
                        color: a, alpha: aa, ..
                    },
                    Prepared::Png {
                        color: b, alpha: ba, ..
                    },
                ) = (&together[&p.image], &alone[&p.image])
                else {
                    panic!("PNG planes expected");
                };
                assert!(a == b && aa == ba, "{:?} for {target:?}", p.image);
                assert_eq!(together[&p.image].width_px(), (2.0 * target.max_ppi()) as u32);
            }
        }
        // A JPEG cut short shows it when decoded; both are, the first placed is said.
        let mut file = Vec::new();
        jpeg_encoder::Encoder::new(&mut file, 80)
            .encode(&[90u8; 3 * 64 * 64], 64, 64, jpeg_encoder::ColorType::Rgb)
            .unwrap();
        file.truncate(file.len() / 2);
        let cut = || {
            pixels::Pixels::jpeg(
                file.clone().into(),
                ::image::metadata::Orientation::NoTransforms,
                Default::default(),
            )
        };
        images.insert(ImageKey::Block(7), loaded(8, cut(), (64, 64)));
        images.insert(ImageKey::Block(8), loaded(9, cut(), (64, 64)));
        let late = |b| Placement {
            image: ImageKey::Block(b),
            inches: 0.1,
            ppi: 640.0,
        };
        placements.insert(1, late(7));
        placements.push(late(8));
        let (key, reason) = prepare(
            &cache::Cache::default(),
            &images,
            &placements,
            Target::Print,
            None,
        )
        .unwrap_err();
        assert_eq!(key, ImageKey::Block(7), "{reason}");
        assert!(reason.contains("damaged"), "{reason}");
    }

    /// Only what a PDF's PNG predictors read the same way goes in as it is.
    #[test]
    fn only_opaque_8_bit_grey_or_rgb_pngs_pass_as_they_are() {
        use png::{BitDepth::*, ColorType::*};
        let kind = |c, d, i, t| png_as_is(&png_file(c, d, i, t)).map(|p| p.components);
        assert_eq!(kind(Rgb, Eight, false, false), Some(3));
        assert_eq!(kind(Grayscale, Eight, false, false), Some(1));
        assert_eq!(kind(Rgba, Eight, false, false), None);
        assert_eq!(kind(GrayscaleAlpha, Eight, false, false), None);
        assert_eq!(kind(Rgb, Sixteen, false, false), None);
        assert_eq!(kind(Rgb, Eight, true, false), None);
        assert_eq!(kind(Rgb, Eight, false, true), None);
        assert_eq!(png_as_is(b"\x89PNG\r\n\x1a\n"), None);
        assert_eq!(png_as_is(&[]), None);
    }
}
