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
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn luminance(c: Color) -> f32 {
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

/// The nearest shade of `c` (same hue and saturation, lightness stepped towards black,
/// or white when `lighter`) for which `ok` holds.
pub fn shade_until(c: Color, ok: impl Fn(Color) -> bool, lighter: bool) -> Option<Color> {
    let (h, s, l) = to_hsl(c);
    (1..=100).find_map(|step| {
        let l = if lighter {
            l + (1.0 - l) * step as f32 / 100.0
        } else {
            l * (1.0 - step as f32 / 100.0)
        };
        let shade = from_hsl(h, s, l);
        ok(shade).then_some(shade)
    })
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
        let v = (l * 255.0).round() as u8;
        return Color(v, v, v);
    }
    Color(channel(h + 1.0 / 3.0), channel(h), channel(h - 1.0 / 3.0))
}
