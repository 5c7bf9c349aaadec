//! `leafpress check`: the plain-language and clear-print review of one leaflet or a
//! library, in the terminal, as JSON, or as an HTML report.

use leafpress::base::diag::{Diagnostic, Diagnostics, Level};
use leafpress::present::report;
use leafpress::{Engine, Options, Reviewed};
use std::path::{Path, PathBuf};

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Format {
    /// Findings grouped by section, for people.
    #[default]
    Text,
    /// One JSON object (fields documented in the README), for scripts and CI.
    Json,
}

pub struct Request<'a> {
    pub inputs: &'a [PathBuf],
    pub options: &'a Options,
    pub format: Format,
    /// Warnings fail the check too.
    pub strict: bool,
    pub html: Option<&'a Path>,
}

/// Reviews every input; returns whether all passed (no errors, and no warnings when
/// strict). Leaflets that cannot be read or laid out are reported and fail, while
/// the others are still checked.
pub fn run(engine: &Engine, req: &Request) -> bool {
    let mut reviewed: Vec<Reviewed> = Vec::new();
    let mut failures: Vec<Diagnostics> = Vec::new();
    let mut passed = true;
    for input in req.inputs {
        match engine.review(input, req.options) {
            Ok(r) => {
                let worst_fails = r
                    .review
                    .findings
                    .iter()
                    .any(|f| f.level == Level::Error || (req.strict && f.level == Level::Warning));
                passed &= !worst_fails;
                if req.format == Format::Text {
                    print!("{}", report::text(&r.review));
                    if req.inputs.len() > 1 {
                        println!();
                    }
                }
                reviewed.push(r);
            }
            Err(d) => {
                passed = false;
                if req.format == Format::Text {
                    super::super::report(&d);
                }
                failures.push(d);
            }
        }
    }
    if req.format == Format::Json {
        let pairs: Vec<_> = reviewed.iter().map(|r| r.review.clone()).collect();
        let doc = report::json::document(&pairs, &failures);
        println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
    }
    if let Some(path) = req.html {
        let pairs: Vec<_> = reviewed.iter().map(|r| (&r.review, &r.layout)).collect();
        let page = report::html::page(&pairs, &failures);
        if let Err(e) = leafpress::base::files::write_atomically(path, page.as_bytes()) {
            super::super::report(&Diagnostics::one(
                Diagnostic::new(path, format!("cannot write the report: {e}"))
                    .help("check that the folder exists and is writable"),
            ));
            return false;
        }
        if req.format == Format::Text {
            eprintln!("report written to {}", path.display());
        }
    }
    if req.format == Format::Text && reviewed.len() + failures.len() > 1 {
        let errors: usize = reviewed.iter().map(|r| r.review.count(Level::Error)).sum();
        let warnings: usize = reviewed.iter().map(|r| r.review.count(Level::Warning)).sum();
        let n = |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
        println!(
            "{} checked: {} could not be read, {}, {}",
            n(reviewed.len() + failures.len(), "leaflet", "leaflets"),
            failures.len(),
            n(errors, "error", "errors"),
            n(warnings, "warning", "warnings")
        );
    }
    passed
}
