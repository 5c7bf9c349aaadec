//! The content keys about a leaflet rather than in it: its cover, its dates, its
//! reference and sources (what patient-information standards ask a leaflet to show).

use serde::{de, Deserialize, Deserializer};
use std::fmt;
use std::str::FromStr;

/// A calendar date as a leaflet states it: a month (`2026-03`) or a day (`2026-03-14`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    /// `None` when only the month is given.
    pub day: Option<u8>,
}

/// The months' English names (a plan's dates use them too).
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// Today, from the machine's clock (UTC).
    pub fn today() -> Date {
        let d = time::OffsetDateTime::now_utc().date();
        Date {
            year: d.year().clamp(0, 9999) as u16,
            month: u8::from(d.month()),
            day: Some(d.day()),
        }
    }

    /// The last day it stands for: a month-only date lasts to the month's end.
    fn last_day(self) -> (u16, u8, u8) {
        (self.year, self.month, self.day.unwrap_or(31))
    }

    /// Whether this date has passed by `today`.
    pub fn passed(self, today: Date) -> bool {
        self.last_day() < today.last_day()
    }

    /// The calendar day of [`Date::last_day`], for counting days.
    fn calendar(self) -> Option<time::Date> {
        let month = time::Month::try_from(self.month).ok()?;
        let (y, _, d) = self.last_day();
        let d = d.min(month.length(i32::from(y)));
        time::Date::from_calendar_date(i32::from(y), month, d).ok()
    }

    /// Days from `today` to the last day this date stands for: 0 on the day, negative
    /// once it has passed (a month-only review date lasts to the month's end).
    pub fn days_from(self, today: Date) -> i64 {
        match (self.calendar(), today.calendar()) {
            (Some(a), Some(b)) => i64::from(a.to_julian_day() - b.to_julian_day()),
            _ => 0,
        }
    }

    /// The same day `months` calendar months later (the 31st becomes the month's last day).
    pub fn plus_months(self, months: u32) -> Date {
        let total = u32::from(self.month) - 1 + months;
        let year = (u32::from(self.year) + total / 12).min(9999) as u16;
        let month = (total % 12 + 1) as u8;
        let last = time::Month::try_from(month).map_or(28, |m| m.length(i32::from(year)));
        Date {
            year,
            month,
            day: self.day.map(|d| d.min(last)),
        }
    }

    /// In words, as a patient reads it: "March 2026", "14 March 2026".
    pub fn words(self) -> String {
        let month = MONTHS[(self.month - 1) as usize];
        match self.day {
            Some(d) => format!("{d} {month} {}", self.year),
            None => format!("{month} {}", self.year),
        }
    }

    /// ISO 8601, for XMP: `2026-03` or `2026-03-14`.
    pub fn iso(self) -> String {
        match self.day {
            Some(d) => format!("{:04}-{:02}-{d:02}", self.year, self.month),
            None => format!("{:04}-{:02}", self.year, self.month),
        }
    }
}

impl FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Date, String> {
        let bad = || {
            format!(
                "\"{s}\" is not a date: write the year, month and day as 2026-03-14, or the month as 2026-03"
            )
        };
        let parts: Vec<&str> = s.trim().split('-').collect();
        let num = |p: &str, len: usize| {
            (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse::<u16>().ok())
                .flatten()
        };
        let (year, month, day) = match parts.as_slice() {
            [y, m] => (num(y, 4), num(m, 2), None),
            [y, m, d] => (num(y, 4), num(m, 2), Some(num(d, 2).ok_or_else(bad)?)),
            _ => return Err(bad()),
        };
        let (year, month) = (year.ok_or_else(bad)?, month.ok_or_else(bad)?);
        if !(1..=12).contains(&month) {
            return Err(format!("\"{s}\": there is no month {month}"));
        }
        let days = match month {
            2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        if let Some(d) = day {
            if d == 0 || d > days {
                return Err(format!("\"{s}\": month {month} of {year} has {days} days"));
            }
        }
        Ok(Date {
            year,
            month: month as u8,
            day: day.map(|d| d as u8),
        })
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        crate::base::units::from_str::deserialize(d)
    }
}

/// A picture beside something else (a cover, an exercise): where it is, and what it
/// shows for readers who cannot see it.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Picture {
    /// Path relative to the file that names it.
    pub src: String,
    /// What the picture shows, for readers who cannot see it. Required unless `decorative`.
    pub alt: Option<String>,
    /// A purely decorative picture needs no `alt`.
    #[serde(default)]
    pub decorative: bool,
}

impl Picture {
    /// A picture that shows something (not `decorative`) must say what, in `alt`.
    pub fn lacks_alt(&self) -> bool {
        !self.decorative && self.alt.as_deref().is_none_or(|a| a.trim().is_empty())
    }
}

/// `cover: true` or `false`, or `cover: {image: {src, alt}}`.
#[derive(Debug, Clone)]
pub struct Cover {
    /// `cover: false` turns off a cover the project's defaults ask for.
    pub enabled: bool,
    pub image: Option<Picture>,
}

impl<'de> Deserialize<'de> for Cover {
    /// `true`, `false`, or a map.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Cover, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = Cover;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("`true`, `false`, or `{image: {src: …, alt: …}}`")
            }
            fn visit_bool<E: de::Error>(self, enabled: bool) -> Result<Cover, E> {
                Ok(Cover { enabled, image: None })
            }
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Cover, A::Error> {
                #[derive(Deserialize)]
                #[serde(deny_unknown_fields)]
                struct Fields {
                    image: Option<Picture>,
                }
                let f = Fields::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Cover {
                    enabled: true,
                    image: f.image,
                })
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_count_to_the_last_day_a_date_stands_for() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(d("2030-07-01").days_from(d("2030-06-15")), 16);
        // A month-only date lasts to its end: 31 May is 15 days before 15 June.
        assert_eq!(d("2030-05").days_from(d("2030-06-15")), -15);
        assert_eq!(d("2028-02").days_from(d("2028-02-01")), 28);
        assert_eq!(d("2026-01-31").plus_months(1), d("2026-02-28"));
        assert_eq!(d("2026-11-30").plus_months(3), d("2027-02-28"));
    }

    #[test]
    fn dates_read_and_compare() {
        let d: Date = "2026-03".parse().unwrap();
        assert_eq!(d.words(), "March 2026");
        assert_eq!("2026-03-14".parse::<Date>().unwrap().words(), "14 March 2026");
        assert!("2026-02-30".parse::<Date>().unwrap_err().contains("has 28 days"));
        assert!("2024-02-29".parse::<Date>().is_ok());
        assert!("March 2026".parse::<Date>().unwrap_err().contains("2026-03-14"));
        assert!("2026-13".parse::<Date>().is_err());
        let today: Date = "2026-03-20".parse().unwrap();
        assert!(!d.passed(today), "a month lasts to its end");
        assert!("2026-02".parse::<Date>().unwrap().passed(today));
        assert_eq!(d.iso(), "2026-03");
    }
}
