//! Colours and the maths of reading them: sRGB values as a leaflet writes them
//! ("#1B5E5A"), WCAG 2 contrast, and shades of one hue for advice that keeps a
//! brand's colour recognisable.

use serde::{de, Deserialize, Deserializer};
use std::fmt;
use std::str::FromStr;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Color(pub u8, pub u8, pub u8);

impl Color {
    pub const fn hex(v: u32) -> Color {
        Color((v >> 16) as u8, (v >> 8) as u8, v as u8)
    }
}

impl FromStr for Color {
    type Err = String;
    fn from_str(s: &str) -> Result<Color, String> {
        let hex = s.trim().trim_start_matches('#');
        match u32::from_str_radix(hex, 16) {
            Ok(v) if hex.len() == 6 => Ok(Color::hex(v)),
            _ => Err(format!(
                "\"{s}\" is not a colour: write six hex digits, e.g. \"#1B5E5A\""
            )),
        }
    }
}

impl fmt::Display for Color {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }
}

impl<'de> Deserialize<'de> for Color {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Color, D::Error> {
        String::deserialize(d)?.parse().map_err(de::Error::custom)
    }
}

/// WCAG 2 contrast ratio of two sRGB colours, 1 to 21.
pub fn contrast(a: Color, b: Color) -> f32 {
    ratio(luminance(a), luminance(b))
}

/// WCAG 2 contrast ratio of two relative luminances (see [`luminance`]).
pub fn ratio(la: f32, lb: f32) -> f32 {
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// WCAG 2 relative luminance, 0 (black) to 1 (white).
pub fn luminance(c: Color) -> f32 {
    let ch = |v: u8| {
        let s = v as f32 / 255.0;
        if s <= 0.04045 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * ch(c.0) + 0.7152 * ch(c.1) + 0.0722 * ch(c.2)
}

/// CIE L*: lightness as the eye sees it, 0 (black) to 100 (white); the distance
/// between two shades of one hue.
pub fn lightness(c: Color) -> f32 {
    let y = luminance(c);
    if y <= 216.0 / 24389.0 {
        y * 24389.0 / 27.0
    } else {
        116.0 * y.cbrt() - 16.0
    }
}

/// How far apart two hues are (as [`to_hsl`] gives them), 0 to 0.5 of the wheel.
pub fn hue_distance(a: f32, b: f32) -> f32 {
    let d = (a - b).rem_euclid(1.0);
    d.min(1.0 - d)
}

/// How colourful `c` is in sRGB steps (the largest channel less the smallest):
/// under about 12 its hue is a grey's and not worth keeping.
pub fn chroma(c: Color) -> u8 {
    let (hi, lo) = (c.0.max(c.1).max(c.2), c.0.min(c.1).min(c.2));
    hi - lo
}

/// Every shade of `c` that keeps its hue once written as sRGB (lightness from black
/// to white in 400 steps, hue and saturation kept; shades too dark or too light to
/// hold the hue left out), darkest first. A grey's shades are all greys.
pub fn shades(c: Color) -> Vec<Color> {
    let (h, s, _) = to_hsl(c);
    let grey = chroma(c) < 12;
    let mut out: Vec<Color> = Vec::new();
    for step in 0..=400 {
        let shade = from_hsl(h, s, step as f32 / 400.0);
        let keeps_hue = grey || (chroma(shade) >= 6 && hue_distance(to_hsl(shade).0, h) <= 0.02);
        if keeps_hue && out.last() != Some(&shade) {
            out.push(shade);
        }
    }
    out
}

pub fn to_hsl(c: Color) -> (f32, f32, f32) {
    let (r, g, b) = (c.0 as f32 / 255.0, c.1 as f32 / 255.0, c.2 as f32 / 255.0);
    let (max, min) = (r.max(g).max(b), r.min(g).min(b));
    let l = (max + min) / 2.0;
    if max == min {
        return (0.0, 0.0, l);
    }
    let d = max - min;
    let s = if l > 0.5 {
        d / (2.0 - max - min)
    } else {
        d / (max + min)
    };
    let h = if max == r {
        (g - b) / d + if g < b { 6.0 } else { 0.0 }
    } else if max == g {
        (b - r) / d + 2.0
    } else {
        (r - g) / d + 4.0
    };
    (h / 6.0, s, l)
}

fn from_hsl(h: f32, s: f32, l: f32) -> Color {
    let q = if l < 0.5 { l * (1.0 + s) } else { l + s - l * s };
    let p = 2.0 * l - q;
    let channel = |t: f32| {
        let t = t.rem_euclid(1.0);
        let v = if t < 1.0 / 6.0 {
            p + (q - p) * 6.0 * t
        } else if t < 0.5 {
            q
        } else if t < 2.0 / 3.0 {
            p + (q - p) * (2.0 / 3.0 - t) * 6.0
        } else {
            p
        };
        (v * 255.0).round().clamp(0.0, 255.0) as u8
    };
    if s == 0.0 {
        let v = (l * 255.0).round().clamp(0.0, 255.0) as u8;
        return Color(v, v, v);
    }
    Color(channel(h + 1.0 / 3.0), channel(h), channel(h - 1.0 / 3.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shades_keep_the_hue_and_run_from_dark_to_light() {
        for c in [
            Color::hex(0x4FB3AC),
            Color::hex(0x8FB8B4),
            Color::hex(0xC0392B),
            Color::hex(0x2A5DB0),
        ] {
            let all = shades(c);
            assert!(all.len() > 100, "{c}: {}", all.len());
            let (h, _, _) = to_hsl(c);
            for s in &all {
                assert!(hue_distance(to_hsl(*s).0, h) <= 0.02, "{c} → {s}");
            }
            assert!(all.windows(2).all(|w| lightness(w[0]) <= lightness(w[1])), "{c}");
            // Dark enough for text on white, light enough for a box behind it.
            assert!(contrast(all[0], Color(255, 255, 255)) > 12.0, "{c}: {}", all[0]);
            assert!(lightness(*all.last().unwrap()) > 90.0, "{c}");
        }
        assert!(shades(Color::hex(0x1F1F1F)).contains(&Color(0, 0, 0)));
        assert!((lightness(Color(255, 255, 255)) - 100.0).abs() < 0.01);
        assert!((hue_distance(0.98, 0.01) - 0.03).abs() < 1e-6);
    }
}
