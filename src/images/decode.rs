//! Reading a picture: its file checked (size, format, a JPEG read to its end) and
//! decoded upright, or kept as it is where a PDF can take it so.

use super::cache::Cache;
use ::image::{DynamicImage, ImageFormat, ImageReader, Limits};
use std::path::{Path, PathBuf};

/// Larger sides than this are not photos for a leaflet but mistakes (or attacks):
/// 12 000 px is 1 m at 300 ppi.
pub const MAX_IMAGE_SIDE: u32 = 12_000;
/// Decoded pixels may use at most this much memory.
const MAX_IMAGE_BYTES: u64 = 400 * 1024 * 1024;

/// A read and checked image: its upright size, its pixels (a JPEG's decoded only
/// when needed), and what of the file can go into a PDF as it is.
#[derive(Debug, Clone)]
pub struct LoadedImage {
    pub path: PathBuf,
    pub width_px: u32,
    pub height_px: u32,
    pub pixels: super::pixels::Pixels,
    /// The file's own JPEG bytes, when they can be embedded as they are (grey or
    /// YCbCr, no EXIF turn needed), so a photo is not compressed a second time.
    pub jpeg: Option<Jpeg>,
    /// The file was a JPEG (a photograph), even if it cannot be passed through.
    pub was_jpeg: bool,
    /// A PNG's own compressed rows (8-bit grey or RGB, not interlaced, opaque, no
    /// turn needed), which a PDF takes as they are: written unchanged when the image
    /// needs no resampling, never larger than the file.
    pub png: Option<super::PngAsIs>,
    /// An SVG's shapes: drawn as vectors, never as pixels.
    pub vector: Option<std::sync::Arc<super::vector::Drawing>>,
    /// Which decoding this is ([`super::cache::Cache`]): the same for the same file
    /// bytes in one cache, so what is prepared from it can be kept.
    pub id: u64,
}

#[derive(Debug, Clone)]
pub struct Jpeg {
    pub bytes: std::sync::Arc<[u8]>,
    pub components: u8,
}

/// Reads, checks and decodes one image, applying its EXIF orientation.
pub fn load_image(path: &Path, cache: &Cache) -> Result<LoadedImage, String> {
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!("file not found ({})", path.display()),
        _ => format!("cannot read it: {e}"),
    })?;
    cache.decoded(path, bytes, |bytes, id| decode_image(path, bytes, id))
}

/// Checks and decodes an image file's bytes, applying its EXIF orientation.
fn decode_image(path: &Path, file: &std::sync::Arc<[u8]>, id: u64) -> Result<LoadedImage, String> {
    let bytes: &[u8] = file;
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    if super::vector::is_svg(&name, bytes) {
        let drawing = super::vector::read(bytes)?;
        // Its size in the SVG's own units gives the shape of its box; a vector has no
        // pixels to count, so the placeholder below is never drawn or resampled.
        let (w, h) = (drawing.width.round().max(1.0), drawing.height.round().max(1.0));
        return Ok(LoadedImage {
            path: path.to_path_buf(),
            width_px: w as u32,
            height_px: h as u32,
            pixels: super::pixels::Pixels::decoded(DynamicImage::new_luma8(1, 1)),
            jpeg: None,
            was_jpeg: false,
            png: None,
            vector: Some(drawing),
            id,
        });
    }
    let mut reader = ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| format!("cannot read it: {e}"))?;
    let format = match reader.format() {
        Some(f @ (ImageFormat::Png | ImageFormat::Jpeg)) => f,
        Some(f) => return Err(format!("{f:?} images are not supported")),
        None => return Err("the file is not a PNG or JPEG image".into()),
    };
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_IMAGE_SIDE);
    limits.max_image_height = Some(MAX_IMAGE_SIDE);
    limits.max_alloc = Some(MAX_IMAGE_BYTES);
    reader.limits(limits.clone());
    let mut decoder = reader.into_decoder().map_err(image_error)?;
    use ::image::metadata::Orientation;
    use ::image::ImageDecoder;
    let orientation = decoder.orientation().map_err(image_error)?;
    let upright = orientation == Orientation::NoTransforms;
    let turn = |(w, h): (u32, u32)| {
        if super::pixels::turns(orientation) {
            (h, w)
        } else {
            (w, h)
        }
    };
    let (pixels, (width_px, height_px), jpeg, png) = if format == ImageFormat::Jpeg {
        // Checked now, decoded only if a build needs its pixels (`pixels`).
        if decoder.total_bytes() > MAX_IMAGE_BYTES {
            return Err(image_error(::image::ImageError::Limits(
                ::image::error::LimitError::from_kind(::image::error::LimitErrorKind::InsufficientMemory),
            )));
        }
        let Some(components) = super::pixels::jpeg_components(bytes) else {
            return Err(
                "the image is damaged: its JPEG data stops before its end (was the file cut short?)".into(),
            );
        };
        let size = turn(decoder.dimensions());
        // The cache's copy of the file's bytes, for decoding and for passing through.
        let bytes = file.clone();
        // Only the kinds a PDF viewer decodes the same way (grey, YCbCr) and that need
        // no turn are passed through untouched.
        let jpeg = (upright && matches!(components, 1 | 3)).then(|| Jpeg {
            bytes: bytes.clone(),
            components,
        });
        (
            super::pixels::Pixels::jpeg(bytes, orientation, limits),
            size,
            jpeg,
            None,
        )
    } else {
        let mut img = DynamicImage::from_decoder(decoder).map_err(image_error)?;
        img.apply_orientation(orientation);
        let size = (img.width(), img.height());
        let png = upright.then(|| super::png_as_is(bytes)).flatten();
        (super::pixels::Pixels::decoded(img), size, None, png)
    };
    Ok(LoadedImage {
        path: path.to_path_buf(),
        vector: None,
        png,
        width_px,
        height_px,
        pixels,
        jpeg,
        was_jpeg: format == ImageFormat::Jpeg,
        id,
    })
}

fn image_error(e: ::image::ImageError) -> String {
    match e {
        ::image::ImageError::Limits(_) => format!(
            "the image is too large (more than {MAX_IMAGE_SIDE} pixels on a side, or too much memory); scale it down"
        ),
        other => format!("the image is damaged or not really an image ({other})"),
    }
}
