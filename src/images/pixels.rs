//! A picture's pixels, decoded when they are first needed.
//!
//! A PNG is decoded as it is read. A JPEG is only checked when it is read (its
//! header, and its data down to the end-of-image marker): a print build passes most
//! photos through byte for byte and never needs their pixels. When a JPEG must be
//! shrunk, it is decoded at the smallest DCT scale (1/8, 1/4, 1/2 or whole) that still
//! gives at least the size wanted, before any filter: a quarter or less of the work.

use ::image::metadata::Orientation;
use ::image::{DynamicImage, ImageFormat, ImageReader, Limits};
use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

#[derive(Clone)]
pub struct Pixels(Arc<Inner>);

struct Inner {
    jpeg: Option<JpegSource>,
    full: OnceLock<Result<DynamicImage, String>>,
}

struct JpegSource {
    bytes: Arc<[u8]>,
    orientation: Orientation,
    limits: Limits,
}

impl std::fmt::Debug for Pixels {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0.full.get() {
            Some(Ok(img)) => write!(f, "Pixels({}×{})", img.width(), img.height()),
            _ => write!(f, "Pixels(not decoded)"),
        }
    }
}

impl Pixels {
    /// Pixels already decoded (and turned upright).
    pub fn decoded(img: DynamicImage) -> Pixels {
        let full = OnceLock::new();
        let _ = full.set(Ok(img));
        Pixels(Arc::new(Inner { jpeg: None, full }))
    }

    /// A JPEG file, decoded within `limits` when needed, then turned by `orientation`.
    pub fn jpeg(bytes: Arc<[u8]>, orientation: Orientation, limits: Limits) -> Pixels {
        Pixels(Arc::new(Inner {
            jpeg: Some(JpegSource {
                bytes,
                orientation,
                limits,
            }),
            full: OnceLock::new(),
        }))
    }

    /// Every pixel, upright.
    pub fn full(&self) -> Result<&DynamicImage, String> {
        self.0
            .full
            .get_or_init(|| match &self.0.jpeg {
                Some(source) => decode_jpeg(source),
                None => Err("no pixels".into()),
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Upright pixels at least `width` × `height`: a JPEG not yet decoded whole is
    /// decoded at a reduced DCT scale where that still gives as many, else the whole.
    pub fn at_least(&self, width: u32, height: u32) -> Result<Cow<'_, DynamicImage>, String> {
        if let (Some(source), None) = (&self.0.jpeg, self.0.full.get()) {
            if let Some(img) = scaled_jpeg(source, width, height) {
                return Ok(Cow::Owned(img));
            }
        }
        self.full().map(Cow::Borrowed)
    }

    /// The bytes the decoded pixels take (0 while a JPEG is not decoded).
    pub fn decoded_len(&self) -> usize {
        match self.0.full.get() {
            Some(Ok(img)) => img.as_bytes().len(),
            _ => 0,
        }
    }
}

fn decode_jpeg(source: &JpegSource) -> Result<DynamicImage, String> {
    let mut reader = ImageReader::with_format(std::io::Cursor::new(&*source.bytes), ImageFormat::Jpeg);
    reader.limits(source.limits.clone());
    let mut img = reader
        .decode()
        .map_err(|e| format!("the image is damaged ({e})"))?;
    img.apply_orientation(source.orientation);
    Ok(img)
}

/// The JPEG decoded at the smallest DCT scale that gives at least `width` × `height`
/// once upright, or None where that is the whole image or the decoder cannot (CMYK,
/// 16-bit): then it is decoded whole.
fn scaled_jpeg(source: &JpegSource, width: u32, height: u32) -> Option<DynamicImage> {
    let (w, h) = if turns(source.orientation) {
        (height, width)
    } else {
        (width, height)
    };
    let mut decoder = jpeg_decoder::Decoder::new(&*source.bytes);
    decoder.read_info().ok()?;
    let info = decoder.info()?;
    // The decoder takes the smallest scale that reaches the size in either axis; it
    // must reach it in both, so the scale is chosen here and asked for exactly.
    let at = |len: u16, eighths: u32| (len as u32 * eighths).div_ceil(8);
    let eighths = [1, 2, 4]
        .into_iter()
        .find(|&e| at(info.width, e) >= w && at(info.height, e) >= h)?;
    let want = (at(info.width, eighths) as u16, at(info.height, eighths) as u16);
    let (sw, sh) = decoder.scale(want.0, want.1).ok()?;
    if (sw, sh) != want {
        return None;
    }
    let data = decoder.decode().ok()?;
    let (sw, sh) = (sw as u32, sh as u32);
    let mut img = match decoder.info()?.pixel_format {
        jpeg_decoder::PixelFormat::L8 => {
            DynamicImage::ImageLuma8(::image::GrayImage::from_raw(sw, sh, data)?)
        }
        jpeg_decoder::PixelFormat::RGB24 => {
            DynamicImage::ImageRgb8(::image::RgbImage::from_raw(sw, sh, data)?)
        }
        _ => return None,
    };
    img.apply_orientation(source.orientation);
    Some(img)
}

/// Whether `orientation` turns the image a quarter, so its width is the file's height.
pub fn turns(orientation: Orientation) -> bool {
    use ::image::metadata::Orientation::*;
    matches!(orientation, Rotate90 | Rotate270 | Rotate90FlipH | Rotate270FlipH)
}

/// The number of colour components in the frame header of a JPEG whose data reads
/// through to its end-of-image marker (segments of the lengths they declare,
/// entropy-coded data with only stuffed bytes and restart markers in it, more scans
/// where a progressive JPEG has them), or None. A file cut short (the usual damage)
/// gives None; damage inside the coded data shows when it is decoded.
pub fn jpeg_components(bytes: &[u8]) -> Option<u8> {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut components = None;
    let mut at = 2;
    loop {
        // Fill bytes may come before a marker.
        while bytes.get(at) == Some(&0xFF) && bytes.get(at + 1) == Some(&0xFF) {
            at += 1;
        }
        let (Some(&0xFF), Some(&marker)) = (bytes.get(at), bytes.get(at + 1)) else {
            return None;
        };
        at += 2;
        match marker {
            0xD9 => return components,
            0xD0..=0xD7 | 0x01 => continue,
            _ => {}
        }
        let len = bytes
            .get(at..at + 2)
            .map(|b| u16::from_be_bytes([b[0], b[1]]) as usize)?;
        if len < 2 || at + len > bytes.len() {
            return None;
        }
        // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC): after the length, the
        // precision, height and width come the components.
        if (0xC0..=0xCF).contains(&marker) && ![0xC4, 0xC8, 0xCC].contains(&marker) {
            components = Some(*bytes.get(at + 7)?);
        }
        at += len;
        if marker == 0xDA {
            // Entropy-coded data: up to the next marker that is not a stuffed 0xFF
            // or a restart.
            loop {
                match (bytes.get(at), bytes.get(at + 1)) {
                    (Some(0xFF), Some(0x00 | 0xD0..=0xD7)) => at += 2,
                    (Some(0xFF), Some(_)) => break,
                    (Some(_), _) => at += 1,
                    (None, _) => return None,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg(w: u32, h: u32) -> Vec<u8> {
        let img =
            ::image::RgbImage::from_fn(w, h, |x, y| ::image::Rgb([(x % 256) as u8, (y % 256) as u8, 90]));
        let mut bytes = Vec::new();
        jpeg_encoder::Encoder::new(&mut bytes, 85)
            .encode(img.as_raw(), w as u16, h as u16, jpeg_encoder::ColorType::Rgb)
            .unwrap();
        bytes
    }

    #[test]
    fn a_jpeg_cut_short_is_not_intact() {
        let bytes = jpeg(64, 48);
        assert_eq!(jpeg_components(&bytes), Some(3));
        for cut in [bytes.len() - 2, bytes.len() / 2, 40, 3] {
            assert_eq!(jpeg_components(&bytes[..cut]), None, "cut at {cut}");
        }
        assert_eq!(jpeg_components(b"GIF89a"), None);
        // Bytes after the end marker (some cameras add them) do no harm.
        let mut trailing = bytes.clone();
        trailing.extend_from_slice(b"trailer");
        assert_eq!(jpeg_components(&trailing), Some(3));
    }

    /// The smallest DCT scale that still gives the size wanted, turned upright.
    #[test]
    fn a_jpeg_to_shrink_is_decoded_at_a_reduced_scale() {
        let limits = Limits::default();
        let p = Pixels::jpeg(jpeg(800, 600).into(), Orientation::NoTransforms, limits.clone());
        let img = p.at_least(190, 140).unwrap();
        assert_eq!((img.width(), img.height()), (200, 150), "1/4 scale");
        let img = p.at_least(500, 300).unwrap();
        assert_eq!((img.width(), img.height()), (800, 600), "whole: 1/2 is too small");
        // Turned a quarter: the wanted width is the file's height.
        let p = Pixels::jpeg(jpeg(800, 600).into(), Orientation::Rotate90, limits);
        let img = p.at_least(70, 100).unwrap();
        assert_eq!((img.width(), img.height()), (75, 100), "1/8 scale, upright");
        assert_eq!(p.decoded_len(), 0, "never decoded whole");
        assert_eq!(p.full().unwrap().width(), 600);
    }
}
