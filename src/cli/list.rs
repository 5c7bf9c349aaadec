//! `leafpress list`: the register of a project's leaflets, each read, laid out and
//! checked in memory (nothing written), on every core, with a progress bar on a
//! terminal; `--due` keeps those due for review and says so in the exit code.

use super::args::ProjectOptions;
use leafpress::base::diag::Level;
use leafpress::load::project::Project;
use leafpress::model::Date;
use leafpress::present::register::{self, Due, Entry, Language, Window};
use leafpress::{Diagnostics, Engine, Options};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Exit codes of `list --due`, for a scheduled job (documented in the README).
pub const EXIT_DUE: u8 = 3;
pub const EXIT_OVERDUE: u8 = 4;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Format {
    /// An aligned table, for people.
    #[default]
    Table,
    /// Comma-separated values with a header row, for a spreadsheet.
    Csv,
    /// One JSON object, for scripts.
    Json,
}

#[derive(clap::Args, Debug)]
pub struct ListArgs {
    /// Content files, or folders: a folder's content/*.yaml (or its *.yaml when it
    /// has no content/). Default: content/ here.
    pub inputs: Vec<PathBuf>,
    /// How to print the register.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Only the leaflets due for review within this time (90d, 12w, 3m, 1y), those
    /// past their review date, and those with none. Exits 3 when any is due, 4 when
    /// any is overdue.
    #[arg(long, value_name = "TIME", value_parser = parse_window)]
    pub due: Option<Window>,
    /// How many leaflets to check at once (default: one per core).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    #[command(flatten)]
    pub project: ProjectOptions,
}

pub fn parse_window(s: &str) -> Result<Window, String> {
    s.parse()
}

/// Prints the register; the exit code says what `--due` found (or 1 when a
/// leaflet could not be read).
pub fn run(engine: &Engine, args: &ListArgs, quiet: bool) -> ExitCode {
    let files = match leaflets(&args.inputs) {
        Ok(f) => f,
        Err(msg) => {
            eprintln!("error: {msg}");
            return ExitCode::from(2);
        }
    };
    let options = Options {
        root: args.project.root.clone(),
        today: args.project.today,
        font_dirs: args.project.font_dir.clone(),
        ..Options::default()
    };
    let today = args.project.today.unwrap_or_else(Date::today);
    let threads = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let (mut entries, failures) = gather(engine, &files, &options, today, threads, quiet);
    for d in &failures {
        super::super::report(d);
    }
    let window = args.due.map(|w| w.days_from(today));
    let mut worst = Due::NotDue;
    if let Some(days) = window {
        entries.retain(|e| e.due(days) != Due::NotDue);
        worst = entries.iter().map(|e| e.due(days)).max().unwrap_or(Due::NotDue);
        // The most urgent first; those with no date after those with one.
        entries.sort_by_key(|e| (e.days_left.is_none(), e.days_left));
    }
    match args.format {
        Format::Table => {
            if entries.is_empty() {
                if !quiet {
                    eprintln!("{}", nothing_due(window, files.len()));
                }
            } else {
                emit(&register::table(&entries));
                if let (Some(days), false) = (window, quiet) {
                    eprintln!("{}", summary(&entries, days));
                }
            }
        }
        Format::Csv => emit(&register::csv(&entries)),
        Format::Json => emit(&(register::json(&entries, today, window) + "\n")),
    }
    match worst {
        Due::Overdue => ExitCode::from(EXIT_OVERDUE),
        Due::Soon | Due::Undated => ExitCode::from(EXIT_DUE),
        Due::NotDue if !failures.is_empty() => ExitCode::from(1),
        Due::NotDue => ExitCode::SUCCESS,
    }
}

/// Prints the register. A reader that stops early (`leafpress list | head`) is not
/// an error: the rest is not wanted.
fn emit(text: &str) {
    use std::io::Write;
    let written = std::io::stdout().lock().write_all(text.as_bytes());
    if let Err(e) = written.and_then(|()| std::io::stdout().lock().flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("error: cannot write the register: {e}");
        }
    }
}

/// "1 overdue, 2 due within 90 days, 1 with no review date".
fn summary(entries: &[Entry], days: i64) -> String {
    let count = |d: Due| entries.iter().filter(|e| e.due(days) == d).count();
    format!(
        "{} overdue, {} due within {days} days, {} with no review date",
        count(Due::Overdue),
        count(Due::Soon),
        count(Due::Undated)
    )
}

fn nothing_due(window: Option<i64>, count: usize) -> String {
    match window {
        Some(days) => format!("none of the {count} leaflets is due for review within {days} days"),
        None => "no leaflets".into(),
    }
}

/// The content files named, each folder's leaflets, or content/ here.
fn leaflets(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    if inputs.is_empty() {
        return yaml_in(Path::new("content")).map_err(|_| {
            "no INPUT given and there is no content/ folder here: name a folder or a YAML file".into()
        });
    }
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let content = input.join("content");
            let dir = if content.is_dir() { content } else { input.clone() };
            let found = yaml_in(&dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
            if found.is_empty() {
                return Err(format!("{} has no .yaml leaflets", dir.display()));
            }
            files.extend(found);
        } else {
            files.push(input.clone());
        }
    }
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(f.clone()));
    Ok(files)
}

fn yaml_in(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
        .collect();
    files.sort();
    Ok(files)
}

/// A leaflet's entry, and why it could not be read or laid out.
type Listed = (Entry, Option<Diagnostics>);

/// Every leaflet's entry, in file order, on `threads` threads; and the errors of
/// those that could not be read or laid out. A progress bar shows on a terminal
/// when there are more than a few.
fn gather(
    engine: &Engine,
    files: &[PathBuf],
    options: &Options,
    today: Date,
    threads: usize,
    quiet: bool,
) -> (Vec<Entry>, Vec<Diagnostics>) {
    let bar = super::pool::progress(files.len(), 3, "leaflets checked", quiet);
    let slots = super::pool::in_parallel(
        files,
        threads,
        &|file| entry(engine, file, options, today),
        &|i, _| super::pool::advance(&bar, &files[i]),
    );
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let mut entries = Vec::new();
    let mut failures = Vec::new();
    for slot in slots {
        let (e, d) = slot;
        entries.push(e);
        failures.extend(d);
    }
    (entries, failures)
}

/// One leaflet's entry: its details as loaded, then its print edition laid out and
/// checked; what fails is counted and returned to be reported.
fn entry(engine: &Engine, file: &Path, options: &Options, today: Date) -> Listed {
    let mut e = Entry {
        file: file.display().to_string(),
        title: String::new(),
        reference: None,
        published: None,
        review: None,
        days_left: None,
        languages: Vec::new(),
        editions: vec!["print".into()],
        pages: None,
        errors: 0,
        warnings: 0,
        problem: None,
    };
    let failed = |mut e: Entry, d: Diagnostics| {
        e.errors = d.items.iter().filter(|i| i.level == Level::Error).count().max(1);
        e.problem = d.items.first().map(|i| i.message.clone());
        (e, Some(d))
    };
    if let Ok(project) = Project::open(file, options.root.as_deref()) {
        if !project.outputs.is_empty() {
            e.editions = project.outputs.iter().map(|o| o.name.clone()).collect();
        }
    }
    let (src, resolved) = match engine.load(file, options) {
        Ok(l) => l,
        Err(d) => return failed(e, d),
    };
    let l = &resolved.leaflet;
    e.title = leafpress::text::plain_text(&l.title);
    e.reference = l.reference.clone();
    e.published = l.published.map(Date::iso);
    e.review = l.review.map(Date::iso);
    e.days_left = l.review.map(|r| r.days_from(today));
    // The language it is written in, then each translation (translations/LANG/NAME.po)
    // with how far it has got: "current", or what is left ("3 fuzzy, 2 missing", or
    // "out of date" when the English changed since its last update).
    e.languages = vec![Language {
        language: l.language.as_str().to_string(),
        status: None,
    }];
    if let Ok(translations) = leafpress::load::translate::status(file, options.root.as_deref()) {
        e.languages.extend(translations.iter().map(|t| Language {
            language: t.language.clone(),
            status: Some(translation_state(t)),
        }));
    }
    match engine.review_loaded(&src, &resolved, options) {
        Ok(r) => {
            e.pages = Some(r.layout.pages.len());
            e.errors = r.review.count(Level::Error);
            e.warnings = r.review.count(Level::Warning);
            (e, None)
        }
        Err(d) => failed(e, d),
    }
}

/// A translation's state in a word or two, for the register.
fn translation_state(t: &leafpress::load::translate::LanguageStatus) -> String {
    if t.current() {
        return "current".into();
    }
    let mut left = Vec::new();
    if t.fuzzy > 0 {
        left.push(format!("{} fuzzy", t.fuzzy));
    }
    if t.missing > 0 {
        left.push(format!("{} missing", t.missing));
    }
    if left.is_empty() {
        "out of date".into()
    } else {
        left.join(", ")
    }
}
