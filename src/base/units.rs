//! Lengths as the content file writes them (`15mm`, `1.2cm`, `12pt`, `0.5in`, `70%`)
//! and their one conversion to PostScript points, the unit every later stage uses.

use std::fmt;
use std::str::FromStr;

/// Points (1/72 inch): the single unit of layout and PDF writing.
pub type Pt = f32;

pub const PT_PER_MM: f32 = 72.0 / 25.4;

/// An absolute length, stored in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Length(pub Pt);

impl Length {
    pub fn mm(mm: f32) -> Self {
        Length(mm * PT_PER_MM)
    }
    pub fn pt(self) -> Pt {
        self.0
    }
}

/// No length on a leaflet page comes near 10 m; anything longer is a typo.
const MAX_LENGTH: Pt = 10_000.0 * PT_PER_MM;

const UNITS: &str = "mm, cm, pt or in (for example 15mm)";

impl FromStr for Length {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let t = s.trim();
        let split = t
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == '+'))
            .unwrap_or(t.len());
        let (num, unit) = (t[..split].trim(), t[split..].trim());
        let value: f32 = num
            .parse()
            .map_err(|_| format!("\"{s}\" is not a length: write a number and a unit, {UNITS}"))?;
        let per = match unit.to_ascii_lowercase().as_str() {
            "mm" => PT_PER_MM,
            "cm" => PT_PER_MM * 10.0,
            "pt" => 1.0,
            "in" => 72.0,
            "" => return Err(format!("\"{s}\" has no unit: write {UNITS}")),
            other => return Err(format!("unknown unit \"{other}\" in \"{s}\": use {UNITS}")),
        };
        if value < 0.0 {
            return Err(format!("\"{s}\" must be zero or more"));
        }
        // Checked after the unit is applied: 1e38 is a finite f32, 1e38in is not.
        let pt = value * per;
        if !pt.is_finite() || pt > MAX_LENGTH {
            return Err(format!("\"{s}\" is far too long for a page: use at most 10 m"));
        }
        Ok(Length(pt))
    }
}

impl fmt::Display for Length {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.1}mm", self.0 / PT_PER_MM)
    }
}

/// A width: a share of the text width, or an absolute length.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Width {
    Percent(f32),
    Absolute(Length),
}

impl Width {
    pub fn resolve(self, text_width: Pt) -> Pt {
        match self {
            Width::Percent(p) => text_width * p / 100.0,
            Width::Absolute(l) => l.pt(),
        }
    }
}

impl FromStr for Width {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().strip_suffix('%') {
            Some(num) => {
                let p: f32 = num.trim().parse().map_err(|_| {
                    format!("\"{s}\" is not a width: write a percentage such as 70% or a length such as 80mm")
                })?;
                if !(p > 0.0 && p <= 100.0) {
                    return Err(format!("width {s} must be more than 0% and at most 100%"));
                }
                Ok(Width::Percent(p))
            }
            None => match s.parse::<Length>()? {
                // A zero-width figure would be invisible: a typo, not a choice.
                Length(pt) if pt <= 0.0 => Err(format!("width {s} must be more than zero")),
                l => Ok(Width::Absolute(l)),
            },
        }
    }
}

/// Deserialises any `FromStr` type from a YAML string (or bare number), so the
/// parse error carries the YAML location.
pub(crate) mod from_str {
    use serde::{de, Deserializer};
    use std::fmt;
    use std::marker::PhantomData;
    use std::str::FromStr;

    pub fn deserialize<'de, D, T>(d: D) -> Result<T, D::Error>
    where
        D: Deserializer<'de>,
        T: FromStr<Err = String>,
    {
        // A visitor, not an untagged enum: anything but a scalar is refused at once,
        // without buffering (and so expanding) what the YAML put there.
        struct V<T>(PhantomData<T>);
        impl<T: FromStr<Err = String>> de::Visitor<'_> for V<T> {
            type Value = T;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a length such as 15mm or a width such as 70%")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<T, E> {
                s.parse().map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<T, E> {
                self.visit_str(&n.to_string())
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<T, E> {
                self.visit_str(&n.to_string())
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<T, E> {
                self.visit_str(&n.to_string())
            }
        }
        d.deserialize_any(V(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_units() {
        assert!((Length::from_str("15mm").unwrap().0 - 42.52).abs() < 0.01);
        assert!((Length::from_str("1.5 cm").unwrap().0 - 42.52).abs() < 0.01);
        assert_eq!(Length::from_str("12pt").unwrap().0, 12.0);
        assert_eq!(Length::from_str("1in").unwrap().0, 72.0);
    }

    #[test]
    fn rejects_bad_lengths_with_advice() {
        assert!(Length::from_str("15").unwrap_err().contains("no unit"));
        assert!(Length::from_str("15mmm").unwrap_err().contains("unknown unit"));
        assert!(Length::from_str("abc").unwrap_err().contains("not a length"));
        assert!(Length::from_str("-3mm").unwrap_err().contains("zero or more"));
    }

    #[test]
    fn widths() {
        assert_eq!(Width::from_str("70%").unwrap().resolve(200.0), 140.0);
        assert!(Width::from_str("170%").is_err());
        assert_eq!(Width::from_str("72pt").unwrap().resolve(1.0), 72.0);
        assert!(Width::from_str("0mm").unwrap_err().contains("more than zero"));
        assert!(Width::from_str("0%").unwrap_err().contains("more than 0%"));
    }

    #[test]
    fn a_length_is_checked_after_its_unit() {
        // 1e38 fits an f32; 1e38 inches does not.
        let huge = format!("1{}in", "0".repeat(38));
        assert!(Length::from_str(&huge).unwrap_err().contains("far too long"));
        assert!(Length::from_str("20m").is_err());
        assert!(Length::from_str("1e3mm").is_err());
    }
}
