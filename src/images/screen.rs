//! Pictures for a screen (the web edition): at most [`SCREEN_WIDTH_PX`] wide, as a
//! file a browser shows from a `data:` URI. Always re-encoded, so a camera's
//! metadata (place, time, device) never reaches a web page, and the same picture
//! gives the same bytes.

use super::decode::LoadedImage;
use ::image::DynamicImage;

/// Twice a 40 em column at 16 px: sharp on a phone's or laptop's high-density screen.
pub const SCREEN_WIDTH_PX: u32 = 1280;

/// An encoded picture for a web page.
#[derive(Debug, Clone, PartialEq)]
pub struct ScreenImage {
    /// `image/jpeg` or `image/png`.
    pub mime: &'static str,
    pub bytes: Vec<u8>,
    pub width_px: u32,
    pub height_px: u32,
}

/// `img` at most `max_width` pixels wide: a photograph as a JPEG, anything else
/// (line art, a logo, a picture with transparency) as a PNG. `None` for an SVG,
/// which a page draws from its shapes instead; the reason when the data is damaged.
pub fn for_screen(img: &LoadedImage, max_width: u32) -> Result<Option<ScreenImage>, String> {
    if img.vector.is_some() {
        return Ok(None);
    }
    let (w, h) = fitted(img.width_px, img.height_px, max_width);
    let pixels = if (w, h) == (img.width_px, img.height_px) {
        std::borrow::Cow::Borrowed(img.pixels.full()?)
    } else {
        std::borrow::Cow::Owned(super::resample(img.pixels.at_least(w, h)?.as_ref(), w, h))
    };
    let photo = img.was_jpeg || super::looks_like_photo(&pixels);
    if photo && !pixels.color().has_alpha() {
        if let Some((bytes, _)) = super::encode_jpeg(&pixels, 80) {
            return Ok(Some(ScreenImage {
                mime: "image/jpeg",
                bytes,
                width_px: pixels.width(),
                height_px: pixels.height(),
            }));
        }
    }
    Ok(Some(ScreenImage {
        mime: "image/png",
        bytes: png_file(&pixels)?,
        width_px: pixels.width(),
        height_px: pixels.height(),
    }))
}

/// The size `w` × `h` takes at most `max_width` wide, aspect kept.
fn fitted(w: u32, h: u32, max_width: u32) -> (u32, u32) {
    if w <= max_width {
        return (w, h);
    }
    let h = (h as f32 * max_width as f32 / w.max(1) as f32).round().max(1.0) as u32;
    (max_width, h)
}

/// A whole PNG file (8 bits a channel), as the image crate writes it.
fn png_file(img: &DynamicImage) -> Result<Vec<u8>, String> {
    let img = match img.color().channel_count() {
        1 => DynamicImage::ImageLuma8(img.to_luma8()),
        2 => DynamicImage::ImageLumaA8(img.to_luma_alpha8()),
        3 => DynamicImage::ImageRgb8(img.to_rgb8()),
        _ => DynamicImage::ImageRgba8(img.to_rgba8()),
    };
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, ::image::ImageFormat::Png)
        .map_err(|e| format!("cannot encode it as PNG: {e}"))?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_pictures_are_narrowed_and_narrow_ones_kept() {
        assert_eq!(fitted(2560, 1000, 1280), (1280, 500));
        assert_eq!(fitted(640, 480, 1280), (640, 480));
    }
}
