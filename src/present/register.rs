//! The register of a project's leaflets (`leafpress list`): one [`Entry`] a leaflet,
//! with its details, review date, editions, pages and the check's counts, shown as
//! an aligned table, CSV for a spreadsheet, or JSON for a script; and which are due
//! for review within a window (`--due 90d`).

use crate::model::Date;
use serde::Serialize;

/// One leaflet of the register.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Entry {
    /// The content file, as named or found.
    pub file: String,
    pub title: String,
    pub reference: Option<String>,
    /// ISO 8601, as written (`2026-03` or `2026-03-14`).
    pub published: Option<String>,
    /// The next review, ISO 8601.
    pub review: Option<String>,
    /// Days from today to the review date's last day; negative once passed.
    pub days_left: Option<i64>,
    pub languages: Vec<Language>,
    /// The editions `leafpress build` makes of it (`outputs:`, or `print`).
    pub editions: Vec<String>,
    /// Pages of the print edition; None when it could not be laid out.
    pub pages: Option<usize>,
    /// The check's errors and warnings (a leaflet that cannot be read or laid out
    /// counts its errors here).
    pub errors: usize,
    pub warnings: usize,
    /// Why it could not be read or laid out, in one line.
    pub problem: Option<String>,
}

/// A language a leaflet is in, and how far its translation has got.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Language {
    /// BCP 47, e.g. `en-GB`.
    pub language: String,
    /// The translation's state, once translations are tracked (PO files); None for
    /// the language the leaflet is written in.
    pub status: Option<String>,
}

/// Where a leaflet stands against a review window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Due {
    /// Review date after the window.
    NotDue,
    /// No review date: one is owed.
    Undated,
    /// Review date within the window.
    Soon,
    /// Review date passed.
    Overdue,
}

impl Entry {
    /// Where this leaflet stands, for a window of `days` days from today.
    pub fn due(&self, days: i64) -> Due {
        match self.days_left {
            None => Due::Undated,
            Some(d) if d < 0 => Due::Overdue,
            Some(d) if d <= days => Due::Soon,
            Some(_) => Due::NotDue,
        }
    }
}

/// A review window: `90d`, `12w`, `3m` (calendar months) or `1y`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    Days(u32),
    Months(u32),
}

impl std::str::FromStr for Window {
    type Err = String;
    fn from_str(s: &str) -> Result<Window, String> {
        let t = s.trim();
        let help = "write a number and d, w, m or y, e.g. 90d, 12w, 3m or 1y";
        let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
        let (num, unit) = (&t[..split], t[split..].trim());
        let n: u32 = num
            .parse()
            .map_err(|_| format!("\"{s}\" is not a length of time: {help}"))?;
        let w = match unit {
            "d" => Window::Days(n),
            "w" => Window::Days(n.saturating_mul(7)),
            "m" => Window::Months(n),
            "y" => Window::Months(n.saturating_mul(12)),
            "" => return Err(format!("\"{s}\" has no unit: {help}")),
            _ => return Err(format!("\"{s}\" has an unknown unit \"{unit}\": {help}")),
        };
        // Ten years covers any review cycle (NHS: 2 to 3 years); more is a slip.
        if w.days_from(Date {
            year: 2000,
            month: 1,
            day: Some(1),
        }) > 3660
        {
            return Err(format!("\"{s}\" is more than ten years: {help}"));
        }
        Ok(w)
    }
}

impl Window {
    /// How many days the window reaches from `today`.
    pub fn days_from(self, today: Date) -> i64 {
        match self {
            Window::Days(d) => i64::from(d),
            Window::Months(m) => today.plus_months(m).days_from(today),
        }
    }
}

/// The column titles of the table and the CSV.
const COLUMNS: [&str; 12] = [
    "file",
    "title",
    "reference",
    "published",
    "review",
    "days_left",
    "language",
    "language_status",
    "editions",
    "pages",
    "errors",
    "warnings",
];

fn cells(e: &Entry) -> [String; 12] {
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    // "; " between languages: a status has spaces of its own ("3 fuzzy, 2 missing").
    let languages =
        |f: &dyn Fn(&Language) -> String| e.languages.iter().map(f).collect::<Vec<_>>().join("; ");
    [
        e.file.clone(),
        e.title.clone(),
        opt(&e.reference),
        opt(&e.published),
        opt(&e.review),
        e.days_left.map(|d| d.to_string()).unwrap_or_default(),
        languages(&|l| l.language.clone()),
        languages(&|l| l.status.clone().unwrap_or_else(|| "source".into())),
        e.editions.join(" "),
        e.pages.map(|p| p.to_string()).unwrap_or_default(),
        e.errors.to_string(),
        e.warnings.to_string(),
    ]
}

/// CSV (RFC 4180): a header row, then one row a leaflet; a field with a comma, a
/// quote or a line break is quoted, its quotes doubled. Lines end in CRLF.
pub fn csv(entries: &[Entry]) -> String {
    fn field(v: &str) -> String {
        if v.contains([',', '"', '\r', '\n']) {
            format!("\"{}\"", v.replace('"', "\"\""))
        } else {
            v.to_string()
        }
    }
    let mut out = String::new();
    let header: Vec<String> = COLUMNS.iter().map(|c| field(c)).collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for e in entries {
        let row: Vec<String> = cells(e).iter().map(|c| field(c)).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The register as JSON (`--format json`), its keys in this order.
#[derive(Debug, Serialize)]
pub struct Register<'a> {
    /// The day days are counted from, ISO 8601.
    pub today: String,
    /// The `--due` window in days, when one was asked for.
    pub due_within_days: Option<i64>,
    pub leaflets: &'a [Entry],
}

/// The register as JSON: the day it was made for, the window when one was asked
/// for, and the entries, each with its keys in [`Entry`]'s order.
pub fn json(entries: &[Entry], today: Date, due_days: Option<i64>) -> String {
    let register = Register {
        today: today.iso(),
        due_within_days: due_days,
        leaflets: entries,
    };
    serde_json::to_string_pretty(&register).unwrap_or_default()
}

/// The register as a table for a terminal: columns aligned, numbers to the right,
/// long titles cut with "…", a leaflet that failed marked so.
pub fn table(entries: &[Entry]) -> String {
    const TITLE_WIDTH: usize = 40;
    let head = [
        "leaflet",
        "title",
        "reference",
        "published",
        "review",
        "days",
        "language",
        "editions",
        "pages",
        "errors",
        "warnings",
    ];
    let mut rows: Vec<Vec<String>> = vec![head.iter().map(|s| s.to_string()).collect()];
    for e in entries {
        let c = cells(e);
        let title: String = if e.title.chars().count() > TITLE_WIDTH {
            e.title.chars().take(TITLE_WIDTH - 1).chain(['…']).collect()
        } else {
            e.title.clone()
        };
        let name = std::path::Path::new(&e.file)
            .file_stem()
            .map_or_else(|| e.file.clone(), |s| s.to_string_lossy().into_owned());
        let languages: Vec<String> = e
            .languages
            .iter()
            .map(|l| match &l.status {
                Some(s) => format!("{} ({s})", l.language),
                None => l.language.clone(),
            })
            .collect();
        rows.push(vec![
            name,
            title,
            c[2].clone(),
            c[3].clone(),
            e.review.clone().unwrap_or_else(|| "none".into()),
            c[5].clone(),
            languages.join(" "),
            c[8].clone(),
            if e.problem.is_some() && e.pages.is_none() {
                "failed".into()
            } else {
                c[9].clone()
            },
            c[10].clone(),
            c[11].clone(),
        ]);
    }
    super::table::aligned(&rows, &[5, 8, 9, 10])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_read_in_days_weeks_months_and_years() {
        let today: Date = "2026-01-31".parse().unwrap();
        assert_eq!("90d".parse::<Window>().unwrap().days_from(today), 90);
        assert_eq!("12w".parse::<Window>().unwrap().days_from(today), 84);
        // 31 January + 1 month is the last day of February.
        assert_eq!("1m".parse::<Window>().unwrap().days_from(today), 28);
        assert_eq!("1y".parse::<Window>().unwrap().days_from(today), 365);
        assert!("90".parse::<Window>().unwrap_err().contains("has no unit"));
        assert!("3x".parse::<Window>().unwrap_err().contains("unknown unit \"x\""));
        assert!("soon"
            .parse::<Window>()
            .unwrap_err()
            .contains("is not a length of time"));
        assert!("11y"
            .parse::<Window>()
            .unwrap_err()
            .contains("more than ten years"));
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let e = Entry {
            file: "a.yaml".into(),
            title: "Knee, \"hip\"\nand back".into(),
            reference: None,
            published: None,
            review: None,
            days_left: None,
            languages: vec![],
            editions: vec![],
            pages: None,
            errors: 0,
            warnings: 0,
            problem: None,
        };
        let text = csv(&[e]);
        assert!(text.contains("a.yaml,\"Knee, \"\"hip\"\"\nand back\","), "{text}");
    }
}
