//! `leafpress build`: one leaflet, or a library of them in every edition its project
//! asks for (`outputs:` in leafpress.yaml), built in parallel with the fonts parsed
//! once and shared. Every job's PDF is the same bytes whichever thread builds it and
//! in whatever order; messages come out in input order.

use leafpress::model::edition::{Imposition, Target, Translation};
use leafpress::{Built, Diagnostic, Diagnostics, Engine, Options};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// One PDF to make: a leaflet in one edition.
#[derive(Debug, Clone)]
pub struct Job {
    pub input: PathBuf,
    /// The edition's name (`outputs:`), or None for the one the flags describe.
    pub edition: Option<String>,
    pub options: Options,
    pub target: PathBuf,
}

/// `-o` naming the other kind of file than the edition makes (a web page into
/// `x.pdf`, a PDF into `x.html`): refused, so no file holds what its name denies.
fn wrong_kind(output: &Path, target: Target) -> Result<(), Diagnostics> {
    let ext = output
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let web = target == Target::Web;
    let (wrong, makes, right) = match ext.as_str() {
        "pdf" if web => (true, "--for web makes a web page", "html"),
        "html" | "htm" if !web => (true, "this edition makes a PDF", "pdf"),
        _ => (false, "", ""),
    };
    if !wrong {
        return Ok(());
    }
    Err(Diagnostics::one(
        Diagnostic::new(output, format!("-o names a .{ext} file, but {makes}"))
            .help(format!("name it {}", output.with_extension(right).display())),
    ))
}

/// What became of a job.
pub struct Done {
    pub built: Result<Built, Diagnostics>,
    pub ms: f64,
}

/// The jobs for `inputs`: with edition flags (or `-o`), that one edition; otherwise
/// each leaflet's project's `outputs:`, or the one default edition. Each PDF goes in
/// `out_dir`, or out/ in the leaflet's project (see [`project_out`]); each edition
/// has a file name of its own ([`pdf_name`]), and no two jobs write the same file.
pub fn jobs(
    inputs: &[PathBuf],
    flags: &Options,
    flags_given: bool,
    output: Option<&Path>,
    out_dir: Option<&Path>,
) -> Result<Vec<Job>, Diagnostics> {
    use leafpress::load::project::Project;
    if let Some(o) = output {
        wrong_kind(o, flags.target)?;
    }
    let want_outputs = !flags_given && output.is_none();
    let mut jobs = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        // A file named twice is built once.
        if inputs[..i].contains(input) {
            continue;
        }
        // The project gives `outputs:` and the folder out/ is in. When only the folder
        // is wanted, a project that cannot be read is left to the build to report.
        let project = if want_outputs {
            Some(Project::open(input, flags.root.as_deref())?)
        } else if output.is_none() && out_dir.is_none() {
            Project::open(input, flags.root.as_deref()).ok()
        } else {
            None
        };
        let dir = out_dir.map_or_else(|| project_out(project.as_ref()), Path::to_path_buf);
        let outputs = match &project {
            Some(p) if want_outputs => {
                distinct_outputs(p)?;
                p.outputs.clone()
            }
            _ => Vec::new(),
        };
        if outputs.is_empty() {
            jobs.push(Job {
                input: input.clone(),
                edition: None,
                options: flags.clone(),
                target: output.map_or_else(|| dir.join(pdf_name(input, flags)), Path::to_path_buf),
            });
        }
        for o in outputs {
            // `--lang` builds that language alone; otherwise the English and each of
            // the output's `languages:`.
            let translations: Vec<Option<Translation>> = match &flags.translation {
                Some(t) => vec![Some(t.clone())],
                None => std::iter::once(None)
                    .chain(o.languages.iter().map(|language| {
                        Some(Translation {
                            language: language.clone(),
                            allow_incomplete: false,
                        })
                    }))
                    .collect(),
            };
            for translation in translations {
                let options = Options {
                    translation: translation.clone(),
                    ..o.options(flags)
                };
                jobs.push(Job {
                    input: input.clone(),
                    // Each output has its own folder: the name inside it is the leaflet's,
                    // with a translation's language (`-ur`) to keep it apart (`.html` for
                    // the web edition).
                    target: dir.join(&o.name).join(pdf_name(
                        input,
                        &Options {
                            translation,
                            target: match options.target {
                                Target::Web => Target::Web,
                                _ => Target::Print,
                            },
                            ..Options::default()
                        },
                    )),
                    edition: Some(o.name.clone()),
                    options,
                });
            }
        }
    }
    // `-o` with more than one job is the caller's usage error.
    if output.is_none() {
        distinct_targets(&jobs)?;
    }
    Ok(jobs)
}

/// out/ in the folder holding the leaflet's leafpress.yaml, wherever the command
/// runs; without a project, out/ here. Relative to the current folder when inside
/// it, so the line a build prints stays short; otherwise the whole path.
pub fn project_out(project: Option<&leafpress::load::project::Project>) -> PathBuf {
    let Some(home) = project
        .and_then(|p| p.source.as_ref())
        .and_then(|s| s.path.parent())
    else {
        return PathBuf::from("out");
    };
    let out = home.join("out");
    match std::env::current_dir().and_then(|d| d.canonicalize()) {
        Ok(here) => out
            .strip_prefix(&here)
            .map_or_else(|_| out.clone(), Path::to_path_buf),
        Err(_) => out,
    }
}

/// Two `outputs:` whose names differ only in capitals are one folder on Windows and
/// macOS: one edition would replace the other's PDFs. (Equal names are refused when
/// the project is read.)
fn distinct_outputs(project: &leafpress::load::project::Project) -> Result<(), Diagnostics> {
    let Some(src) = &project.source else {
        return Ok(());
    };
    let mut problems = Vec::new();
    for (i, o) in project.outputs.iter().enumerate() {
        if let Some(p) = project.outputs[..i]
            .iter()
            .find(|p| p.name != o.name && p.name.to_lowercase() == o.name.to_lowercase())
        {
            problems.push(
                Diagnostic::new(
                    &src.path,
                    format!(
                        "outputs \"{}\" and \"{}\" differ only in capitals: on Windows and macOS they are one folder, and one edition would replace the other",
                        p.name, o.name
                    ),
                )
                .at(project.spans.value(&format!("outputs.{i}.name")))
                .help("give each output a name of its own, e.g. `print` and `large-print`"),
            );
        }
    }
    Diagnostics::none_or(problems, &src.text)
}

/// Refuses two jobs that would write one file (compared without capitals, as
/// Windows and macOS do), e.g. content/x.yaml and content/x.yml, before any is built.
fn distinct_targets(jobs: &[Job]) -> Result<(), Diagnostics> {
    let key = |j: &Job| j.target.to_string_lossy().to_lowercase();
    for (i, job) in jobs.iter().enumerate() {
        if let Some(other) = jobs[..i].iter().find(|o| key(o) == key(job)) {
            return Err(Diagnostics::one(
                Diagnostic::new(
                    &job.input,
                    format!(
                        "{} and {} would both be written to {}",
                        other.input.display(),
                        job.input.display(),
                        job.target.display()
                    ),
                )
                .help("rename one of the leaflets, or build them one at a time with -o FILE"),
            ));
        }
    }
    Ok(())
}

/// `leaflet.yaml` → `leaflet.pdf` for print, or with the edition's name:
/// `leaflet-email.pdf`, `leaflet-booklet.pdf`, `leaflet-large-print-email.pdf`…
/// (see [`Options::name`]), so no edition replaces another's file.
pub fn pdf_name(input: &Path, options: &Options) -> PathBuf {
    let stem = input.file_stem().unwrap_or(input.as_os_str()).to_string_lossy();
    PathBuf::from(options.file_name(&stem))
}

/// Builds and writes one job.
pub fn run_one(engine: &Engine, job: &Job) -> Done {
    let start = Instant::now();
    let built = engine.build(&job.input, &job.options).and_then(|b| {
        if let Some(parent) = job.target.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        leafpress::base::files::write_atomically(&job.target, b.bytes()).map_err(|e| {
            let what = if b.html.is_some() { "web page" } else { "PDF" };
            Diagnostics::one(
                Diagnostic::new(&job.target, format!("cannot write the {what}: {e}"))
                    .help(format!("check that the folder exists and is writable, and that the {what} is not open in another program")),
            )
        })?;
        Ok(b)
    });
    Done {
        built,
        ms: start.elapsed().as_secs_f64() * 1000.0,
    }
}

/// The engine for `jobs` builds on `threads` threads: `--jobs N` (`given`) caps every
/// thread, so each build at once gets its share of N for its pictures and pages.
pub fn sharing(engine: &Engine, given: Option<usize>, threads: usize, jobs: usize) -> Engine {
    match given {
        Some(n) => engine.with_threads(n / threads.min(jobs).max(1)),
        None => engine.clone(),
    }
}

/// Runs every job on `threads` threads, calling `each` as each finishes (from the
/// worker, in any order); returns the results in job order.
pub fn run_all(
    engine: &Engine,
    jobs: &[Job],
    threads: usize,
    each: &(dyn Fn(usize, &Done) + Sync),
) -> Vec<Done> {
    let order = super::schedule::order(jobs);
    let done = super::pool::in_parallel(&order, threads, &|&i| run_one(engine, &jobs[i]), &|k, d| {
        each(order[k], d)
    });
    // Back in the jobs' order, for the summary.
    let mut done: Vec<(usize, Done)> = order.into_iter().zip(done).collect();
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, d)| d).collect()
}

/// "9 pages + 3 blank on 3 sheets of paper, both sides, fitted from 10: …".
pub fn describe(job: &Job, built: &Built) -> String {
    if built.html.is_some() {
        return "one web page".to_string();
    }
    let pages = built.layout.pages.len();
    // A booklet's PDF pages are the two sides of each sheet of paper, each side two
    // pages; the ones no page of the leaflet fills are printed blank.
    let sheets = match job.options.imposition {
        Imposition::Booklet => format!(
            "{} on {} sheet{} of paper, both sides",
            match (built.sheets * 2).saturating_sub(pages) {
                0 => String::new(),
                blank => format!(" + {blank} blank"),
            },
            built.sheets.div_ceil(2),
            if built.sheets > 2 { "s" } else { "" }
        ),
        Imposition::Trifold { .. } => " as tri-fold panels on one A4 sheet, both sides".to_string(),
        _ => String::new(),
    };
    let fitted = match built.fit {
        Some(f) if f.natural != f.pages => {
            format!(", fitted from {}: {}", f.natural, f.tightening.describe())
        }
        _ => String::new(),
    };
    let plural = if pages == 1 { "" } else { "s" };
    format!("{pages} page{plural}{sheets}{fitted}")
}

/// The table printed after a library build: one row a PDF.
pub fn summary(jobs: &[Job], done: &[Done]) -> String {
    let mut rows: Vec<[String; 6]> = vec![[
        "leaflet".into(),
        "edition".into(),
        "pages".into(),
        "sheets".into(),
        "size".into(),
        "warnings".into(),
    ]];
    for (job, d) in jobs.iter().zip(done) {
        let name = job
            .input
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let edition = job.edition.clone().unwrap_or_else(|| job.options.name());
        rows.push(match &d.built {
            Ok(b) if b.html.is_some() => [
                name,
                edition,
                "web".into(),
                String::new(),
                format!("{:.0} KB", b.bytes().len() as f64 / 1024.0),
                b.warnings.items.len().to_string(),
            ],
            Ok(b) => [
                name,
                edition,
                b.layout.pages.len().to_string(),
                match job.options.imposition {
                    Imposition::Booklet => b.sheets.div_ceil(2).to_string(),
                    Imposition::Trifold { .. } => "1".into(),
                    _ => b.sheets.to_string(),
                },
                format!("{:.0} KB", b.pdf.len() as f64 / 1024.0),
                b.warnings.items.len().to_string(),
            ],
            Err(_) => [
                name,
                edition,
                "failed".into(),
                String::new(),
                String::new(),
                String::new(),
            ],
        });
    }
    leafpress::present::table::aligned(&rows, &[2, 3, 4, 5])
}

/// The line under the table: what was built, in which editions, and how long the whole
/// build took, e.g. "Built 72 PDFs (36 leaflets × print, email) in 1.9 s on 2 threads".
pub fn total(jobs: &[Job], done: &[Done], threads: usize, took: std::time::Duration) -> String {
    let mut leaflets: Vec<&Path> = jobs.iter().map(|j| j.input.as_path()).collect();
    leaflets.dedup();
    let mut editions: Vec<String> = Vec::new();
    for job in jobs {
        let name = job.edition.clone().unwrap_or_else(|| job.options.name());
        if !editions.contains(&name) {
            editions.push(name);
        }
    }
    let failed = done.iter().filter(|d| d.built.is_err()).count();
    let built = jobs.len() - failed;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let threads = threads.clamp(1, jobs.len());
    let secs = took.as_secs_f64();
    format!(
        "Built {} ({} × {}) in {} on {}{}",
        // A web page is a file, not a PDF.
        plural(
            built,
            if jobs.iter().any(|j| j.options.target == Target::Web) {
                "file"
            } else {
                "PDF"
            }
        ),
        plural(leaflets.len(), "leaflet"),
        editions.join(", "),
        match secs {
            s if s < 1.0 => format!("{:.0} ms", s * 1000.0),
            s if s < 10.0 => format!("{s:.2} s"),
            s => format!("{s:.1} s"),
        },
        plural(threads, "thread"),
        if failed > 0 {
            format!("; {failed} failed (see above)")
        } else {
            String::new()
        }
    )
}

/// Builds every job, with a progress bar on a terminal (or nothing until the end
/// when not one), then each PDF's line (or its located error) in job order and, for
/// more than one PDF, a summary table. Returns whether all were built.
pub fn library(engine: &Engine, jobs: &[Job], threads: usize, quiet: bool, verbose: bool) -> bool {
    let start = Instant::now();
    let bar = super::pool::progress(jobs.len(), 1, "PDFs", quiet);
    let done = run_all(engine, jobs, threads, &|i, _| {
        super::pool::advance(&bar, &jobs[i].input)
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let mut ok = true;
    for (job, d) in jobs.iter().zip(&done) {
        match &d.built {
            Ok(b) => {
                if !b.warnings.items.is_empty() {
                    super::super::report(&b.warnings);
                }
                if !quiet {
                    eprintln!(
                        "{} → {} ({}, {:.0} KB, {:.0} ms)",
                        job.input.display(),
                        job.target.display(),
                        describe(job, b),
                        b.bytes().len() as f64 / 1024.0,
                        d.ms
                    );
                }
                if verbose {
                    let t = b.timings;
                    eprintln!(
                        "  read {:.1} ms, lay out and review {:.1} ms, impose, images and PDF {:.1} ms",
                        t.load.as_secs_f64() * 1000.0,
                        t.layout.as_secs_f64() * 1000.0,
                        t.pdf.as_secs_f64() * 1000.0
                    );
                }
            }
            Err(e) => {
                ok = false;
                super::super::report(e);
            }
        }
    }
    ok &= super::index::write_indexes(jobs, &done, quiet);
    if jobs.len() > 1 && !quiet {
        eprint!("\n{}", summary(jobs, &done));
        eprintln!("{}", total(jobs, &done, threads, start.elapsed()));
    }
    // The process ends next: freeing every leaflet's pages and PDF one by one would
    // only keep it waiting (measured: see docs/internals.md).
    std::mem::forget(done);
    ok
}
