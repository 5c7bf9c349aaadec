//! How much of an exercise to do, as a clinician writes it on the command line
//! (`10x2/day`, `30s x3/day`, `10x1/day for 2 weeks`), and as a patient reads it
//! ("10 times, twice a day").

use super::words::PlanWords;
use std::fmt;
use std::str::FromStr;

/// One exercise's dose: how much each time, how many times, per what, for how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dose {
    pub amount: Amount,
    /// How many times in each `per`.
    pub times: u16,
    pub per: Period,
    /// Only for the first this many weeks of the plan.
    pub weeks: Option<u16>,
}

/// What one go of the exercise is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Amount {
    /// Repeat it this many times.
    Reps(u16),
    /// Hold it this many seconds.
    Seconds(u16),
    /// Keep it up this many minutes.
    Minutes(u16),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Day,
    Week,
}

/// A dose that cannot be read: which part, what is wrong with it, and the same
/// dose written correctly where that can be guessed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DoseError {
    /// The part at fault, as written ("ten", "/month"), or the whole dose.
    pub part: String,
    pub message: String,
}

impl fmt::Display for DoseError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// How a dose is written, for every error's help.
pub const DOSE_EXAMPLES: &str =
    "10x2/day (10 times, twice a day), 30s x3/day (hold 30 seconds, 3 times a day), 5min x1/day, 10x3/week, 10x2/day for 2 weeks";

/// Far beyond any exercise: a typo, not a dose (bounded text for hostile input too).
const MOST: u16 = 500;

fn number(part: &str, what: &str) -> Result<u16, DoseError> {
    let err = |message: String| DoseError {
        part: part.to_string(),
        message,
    };
    if part.is_empty() {
        return Err(err(format!("{what} is missing")));
    }
    if !part.chars().all(|c| c.is_ascii_digit()) {
        return Err(err(format!(
            "{what}, \"{part}\", is not a whole number: write it in digits"
        )));
    }
    match part.parse::<u16>() {
        Ok(0) => Err(err(format!("{what} is 0: it must be at least 1"))),
        Ok(n) if n <= MOST => Ok(n),
        _ => Err(err(format!("{what}, {part}, is more than {MOST}: is it a typo?"))),
    }
}

impl FromStr for Dose {
    type Err = DoseError;

    fn from_str(s: &str) -> Result<Dose, DoseError> {
        let whole = s.trim();
        let err = |part: &str, message: String| DoseError {
            part: part.to_string(),
            message,
        };
        if whole.is_empty() {
            return Err(err(whole, "the dose is empty".into()));
        }
        let lower = whole.to_lowercase();
        let (main, weeks) = match lower.split_once(" for ") {
            Some((m, rest)) => (m.trim(), Some(rest.trim())),
            None => (lower.as_str(), None),
        };
        let Some((amount, rest)) = main.split_once(['x', '×']) else {
            return Err(err(
                whole,
                format!("\"{whole}\" has no `x` between how much each time and how many times"),
            ));
        };
        let amount = amount.trim();
        let Some((times, per)) = rest.split_once('/') else {
            return Err(err(
                rest.trim(),
                format!(
                    "\"{whole}\" says how many times but not in what: add /day or /week after \"{}\"",
                    rest.trim()
                ),
            ));
        };
        let digits = amount.find(|c: char| !c.is_ascii_digit()).unwrap_or(amount.len());
        let (n, unit) = (&amount[..digits], amount[digits..].trim());
        let n = number(n, "how much each time (before the `x`)").map_err(|mut e| {
            if e.part.is_empty() || !amount.starts_with(|c: char| c.is_ascii_digit()) {
                e.part = amount.to_string();
                e.message = format!(
                    "how much each time (before the `x`), \"{amount}\", is not a number: write it in digits"
                );
            }
            e
        })?;
        let amount = match unit {
            "" => Amount::Reps(n),
            "s" | "sec" | "secs" | "second" | "seconds" => Amount::Seconds(n),
            "m" | "min" | "mins" | "minute" | "minutes" => Amount::Minutes(n),
            other => {
                return Err(err(
                    other,
                    format!(
                        "\"{other}\" after {n} is not a unit: write nothing for times, `s` for seconds or `min` for minutes"
                    ),
                ))
            }
        };
        // `8x/day` could mean 8 times a day or 8 repetitions once: it is asked.
        let times = number(times.trim(), "how many times (after the `x`)").map_err(|mut e| {
            if e.part.is_empty() {
                e.part = main.to_string();
                e.message = format!(
                    "\"{whole}\" does not say how many times after the `x`: write {n}x1/{per} for once, or 1x{n}/{per} for {n} times", per = per.trim()
                );
            }
            e
        })?;
        let per = match per.trim() {
            "day" | "d" => Period::Day,
            "week" | "wk" | "w" => Period::Week,
            other => {
                return Err(err(
                    other,
                    format!("\"/{other}\" is not a period: write /day or /week"),
                ))
            }
        };
        let weeks = match weeks {
            None => None,
            Some(w) => {
                let mut words = w.split_whitespace();
                let (n, unit) = (words.next().unwrap_or(""), words.next());
                let n = number(n, "the number of weeks (after `for`)")?;
                match (unit, words.next()) {
                    (Some("week" | "weeks"), None) => Some(n),
                    _ => {
                        return Err(err(
                            w,
                            format!("\"for {w}\" is not a length of time: write `for 2 weeks`"),
                        ))
                    }
                }
            }
        };
        Ok(Dose {
            amount,
            times,
            per,
            weeks,
        })
    }
}

impl Dose {
    /// In words and numbers, in the plan's language: "10 times, twice a day".
    pub fn words(&self, w: &PlanWords) -> String {
        let amount = match self.amount {
            Amount::Reps(n) => w.reps.replace("{n}", &n.to_string()),
            Amount::Seconds(n) => w.hold_seconds.replace("{n}", &n.to_string()),
            Amount::Minutes(n) => w.minutes.replace("{n}", &n.to_string()),
        };
        let how_often = match (self.times, self.per) {
            (1, Period::Day) => w.once_a_day.clone(),
            (2, Period::Day) => w.twice_a_day.clone(),
            (n, Period::Day) => w.times_a_day.replace("{n}", &n.to_string()),
            (1, Period::Week) => w.once_a_week.clone(),
            (n, Period::Week) => w.times_a_week.replace("{n}", &n.to_string()),
        };
        let mut out = format!("{amount}{}{how_often}", w.comma);
        if let Some(weeks) = self.weeks {
            out.push_str(&w.comma);
            out.push_str(&w.for_weeks.replace("{n}", &weeks.to_string()));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en(s: &str) -> String {
        s.parse::<Dose>().unwrap().words(&PlanWords::for_language("en"))
    }

    #[test]
    fn reads_the_documented_forms() {
        assert_eq!(en("10x2/day"), "10 times, twice a day");
        assert_eq!(en("8x3/day"), "8 times, 3 times a day");
        assert_eq!(en("30s x3/day"), "hold for 30 seconds, 3 times a day");
        assert_eq!(en("5min x1/day"), "5 minutes, once a day");
        assert_eq!(en("10 × 3 / week"), "10 times, 3 times a week");
        assert_eq!(
            en("10x2/day for 2 weeks"),
            "10 times, twice a day, for the first 2 weeks"
        );
    }

    #[test]
    fn odd_text_is_an_error_never_a_panic() {
        for s in [
            "",
            "x",
            "/",
            "×",
            "x/",
            "10x",
            "/day",
            "10×2/day",
            "１０x2/day",
            "10x2/day for",
            " for 2 weeks",
            "10x2/day for 2",
            "10x2/day for 2 fortnights",
            "😀x2/day",
            "10x2/😀",
            "99999x2/day",
            "10x99999/day",
            "10sx/day",
            "10x2/day/day",
            "x2/day",
        ] {
            match s.parse::<Dose>() {
                Ok(d) => assert_eq!(s, "10×2/day", "{s} read as {d:?}"),
                Err(e) => assert!(!e.message.is_empty(), "{s}"),
            }
        }
    }

    #[test]
    fn names_the_part_it_cannot_read() {
        let e = |s: &str| s.parse::<Dose>().unwrap_err();
        assert_eq!(e("ten x2/day").part, "ten");
        assert_eq!(e("10x2/month").part, "month");
        assert_eq!(e("10x2").part, "2");
        assert_eq!(e("10q x2/day").part, "q");
        assert_eq!(e("10xtwo/day").part, "two");
        assert_eq!(e("10x0/day").part, "0");
        assert!(e("8x/day").message.contains("8x1/day for once, or 1x8/day"));
        assert!(e("10 2/day").message.contains("no `x`"));
        assert_eq!(e("10x2/day for a while").part, "a");
    }
}
