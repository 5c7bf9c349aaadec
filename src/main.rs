//! The `leafpress` command: a thin shell over the library.

mod cli;

use clap::{Parser, Subcommand};
use leafpress::base::units::Length;
use leafpress::model::edition::Imposition;
use leafpress::model::edition::Target;
use leafpress::model::Date;
use leafpress::{Diagnostics, Engine, Options};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

// A build makes and frees many small objects (PDF operators, glyph strings); glibc's
// malloc spent a fifth of the sample's instructions on them, mimalloc about a third of that.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser, Debug)]
#[command(
    name = "leafpress",
    version,
    about = "Turn a YAML leaflet into a print-ready PDF"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Say nothing but errors (and warnings).
    #[arg(short, long, global = true)]
    quiet: bool,
    /// Say more: each stage's time for every PDF.
    #[arg(short, long, global = true, conflicts_with = "quiet")]
    verbose: bool,
}

/// Whether to colour messages: on a terminal, unless `NO_COLOR` is set (no-color.org).
fn colour() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

#[derive(clap::Args, Debug)]
struct OutputOptions {
    /// Where the PDF goes: print keeps images up to 300 ppi; email resamples them to
    /// about 150 ppi and recompresses photos, for a small attachment.
    #[arg(long = "for", value_enum, default_value_t = Purpose::Print)]
    purpose: Purpose,
    /// Impose two pages per landscape sheet in booklet order, for duplex printing
    /// (flip on the short edge), then fold and staple.
    #[arg(long, conflicts_with_all = ["bleed", "crop_marks", "trifold"])]
    booklet: bool,
    /// A DL tri-fold: six panels on the two sides of an A4 landscape sheet (outside
    /// 5 | 6 | 1, inside 2 | 3 | 4), folded in three; print both sides, flipping on
    /// the short edge. With --crop-marks, trim and fold marks outside the sheet.
    #[arg(long, conflicts_with_all = ["bleed", "large_print"])]
    trifold: bool,
    /// Extend each page by this much on every side for a print shop (e.g. 3mm);
    /// sets TrimBox and BleedBox.
    #[arg(long, value_name = "LEN", value_parser = parse_length)]
    bleed: Option<Length>,
    /// Add trim marks outside the bleed.
    #[arg(long)]
    crop_marks: bool,
    /// Build the large-print edition (`--large-print` or `--large-print=20`): body text
    /// PT points, 16 to 24 (16 if not given),
    /// everything in proportion, on A4 unless the leaflet names its page size.
    #[arg(long, value_name = "PT", num_args = 0..=1, require_equals = true, default_missing_value = "16", value_parser = parse_large_print)]
    large_print: Option<f32>,
    /// Tighten spacing (gaps to 60 %, leading to 1.3 × the size, images to 70 %, at
    /// the least) to end on N pages; `booklet`: the multiple of 4 below the natural
    /// count, so a booklet has no blank pages.
    #[arg(long, value_name = "N|booklet", value_parser = parse_fit)]
    fit: Option<leafpress::model::edition::Fit>,
}

fn parse_fit(s: &str) -> Result<leafpress::model::edition::Fit, String> {
    s.parse()
}

fn parse_large_print(s: &str) -> Result<f32, String> {
    let size: f32 = s
        .trim()
        .trim_end_matches("pt")
        .parse()
        .map_err(|_| format!("\"{s}\" is not a size: write a number of points from 16 to 24"))?;
    if (16.0..=24.0).contains(&size) {
        Ok(size)
    } else {
        Err(format!(
            "large print is 16 to 24 pt (RNIB); {size} is outside that"
        ))
    }
}

/// Where files may come from, and what day it is.
#[derive(clap::Args, Debug, Clone)]
struct ProjectOptions {
    /// Let leaflets use files anywhere inside DIR (default: the folder holding
    /// leafpress.yaml, or the content file's folder).
    #[arg(long, value_name = "DIR")]
    root: Option<PathBuf>,
    /// Check review dates against this day (YYYY-MM-DD) instead of today.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    today: Option<Date>,
    /// Also use the fonts (.ttf, .otf, .ttc) in DIR for characters the built-in
    /// ones lack, such as Chinese (may be given more than once).
    #[arg(long, value_name = "DIR")]
    font_dir: Vec<PathBuf>,
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse()
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Purpose {
    Print,
    Email,
}

impl OutputOptions {
    /// Whether any edition flag was given (then it, not `outputs:`, is built).
    fn given(&self) -> bool {
        self.purpose != Purpose::Print
            || self.booklet
            || self.trifold
            || self.bleed.is_some()
            || self.crop_marks
            || self.large_print.is_some()
            || self.fit.is_some()
    }

    fn options(&self, project: &ProjectOptions) -> Options {
        Options {
            root: project.root.clone(),
            today: project.today,
            font_dirs: project.font_dir.clone(),
            large_print: self.large_print,
            fit: self.fit,
            target: match self.purpose {
                Purpose::Print => Target::Print,
                Purpose::Email => Target::Email,
            },
            // clap keeps --booklet, --trifold and --bleed apart.
            imposition: Imposition::chosen(self.booklet, self.trifold, self.bleed, self.crop_marks),
        }
    }
}

fn parse_length(s: &str) -> Result<Length, String> {
    s.parse()
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum SchemaKind {
    /// A leaflet's YAML.
    Content,
    /// leafpress.yaml.
    Project,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Start a new leaflet from a template: content/NAME.yaml, and the project
    /// around it (leafpress.yaml, assets/, schemas for your editor) when there is none.
    New {
        /// The leaflet's title, e.g. "Knee replacement exercises".
        #[arg(required_unless_present = "list")]
        title: Option<String>,
        /// Which template (see --list).
        #[arg(long, default_value = "general")]
        template: String,
        /// List the templates.
        #[arg(long)]
        list: bool,
    },
    /// Build, then build again each time a file the leaflet uses is saved (the YAML,
    /// its images and fonts, leafpress.yaml); a failed build keeps the last good
    /// PDF. With no INPUT, watches every content/*.yaml. Ctrl-C stops.
    Watch {
        /// Content files (YAML).
        inputs: Vec<PathBuf>,
        /// Output file (only with a single input). Default: out/NAME.pdf.
        #[arg(short, long, conflicts_with = "out_dir")]
        output: Option<PathBuf>,
        /// Folder for the PDFs. Default: out.
        #[arg(long)]
        out_dir: Option<PathBuf>,
        #[command(flatten)]
        output_options: OutputOptions,
        #[command(flatten)]
        project: ProjectOptions,
    },
    /// Print the JSON Schema of a content file or of leafpress.yaml, for editors.
    Schema {
        #[arg(value_enum, default_value_t = SchemaKind::Content)]
        kind: SchemaKind,
    },
    /// Print a shell completion script (e.g. `leafpress completions bash > ~/.local/share/bash-completion/completions/leafpress`).
    Completions { shell: clap_complete::Shell },
    /// Print the manual page (roff), e.g. `leafpress man > leafpress.1`.
    Man,
    /// Build PDFs. With no INPUT, builds every content/*.yaml into out/.
    Build {
        /// Content files (YAML).
        inputs: Vec<PathBuf>,
        /// Output file (only with a single input). Default: out/NAME.pdf.
        #[arg(short, long, conflicts_with = "out_dir")]
        output: Option<PathBuf>,
        /// Folder for the PDFs. Default: out.
        #[arg(long)]
        out_dir: Option<PathBuf>,
        /// How many PDFs to build at once (default: one per core).
        #[arg(short, long, value_name = "N")]
        jobs: Option<usize>,
        #[command(flatten)]
        output_options: OutputOptions,
        #[command(flatten)]
        project: ProjectOptions,
    },
    /// Review leaflets for plain language and clear print (reading age, long
    /// sentences, hard words, small or faint text…), writing no PDF. With no INPUT,
    /// checks every content/*.yaml. Exits 1 on errors (and warnings with --strict).
    Check {
        /// Content files (YAML).
        inputs: Vec<PathBuf>,
        /// How to print the findings.
        #[arg(long, value_enum, default_value_t = cli::check::Format::Text)]
        format: cli::check::Format,
        /// Fail (exit 1) on warnings too, not only errors.
        #[arg(long)]
        strict: bool,
        /// Also write a self-contained HTML report: the text with each finding
        /// marked in place, reading age per section, page thumbnails.
        #[arg(long, value_name = "FILE.html")]
        report: Option<PathBuf>,
        /// Rewrite the YAML traps found (text YAML misreads) into quoted text, keeping
        /// the original as NAME.yaml.bak; a file that already reads correctly is left alone.
        #[arg(long)]
        fix: bool,
        /// With --fix: keep no .bak copy.
        #[arg(long, requires = "fix")]
        no_backup: bool,
        #[command(flatten)]
        project: ProjectOptions,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // One engine for every input: the fonts are parsed once.
    let engine = Engine::default();
    match cli.command {
        Command::New {
            title,
            template,
            list,
        } => {
            if list {
                cli::new::list();
                return ExitCode::SUCCESS;
            }
            let here = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
            match cli::new::create(
                title.as_deref().unwrap_or_default(),
                &template,
                &here,
                Date::today(),
            ) {
                Ok(file) => {
                    let rel = file.strip_prefix(&here).unwrap_or(&file);
                    eprintln!(
                        "next: edit {} and run `leafpress build {}`",
                        rel.display(),
                        rel.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(msg) => {
                    eprintln!("error: {msg}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Watch {
            inputs,
            output,
            out_dir,
            output_options,
            project,
        } => {
            // One edition: the flags' (a library's `outputs:` are for `build`).
            let jobs = match plan(inputs, output, out_dir, &output_options, &project, false) {
                Ok(j) => j,
                Err(code) => return code,
            };
            if cli::watch::run(&engine, &jobs, cli.quiet) {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Command::Schema { kind } => {
            let schema = match kind {
                SchemaKind::Content => leafpress::present::schema::content(),
                SchemaKind::Project => leafpress::present::schema::project(),
            };
            println!("{}", serde_json::to_string_pretty(&schema).unwrap_or_default());
            ExitCode::SUCCESS
        }
        Command::Completions { shell } => {
            use clap::CommandFactory;
            clap_complete::generate(shell, &mut Cli::command(), "leafpress", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Command::Man => {
            use clap::CommandFactory;
            match clap_mangen::Man::new(Cli::command()).render(&mut std::io::stdout()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Build {
            inputs,
            output,
            out_dir,
            jobs: threads,
            output_options,
            project,
        } => {
            let jobs = match plan(inputs, output, out_dir, &output_options, &project, true) {
                Ok(j) => j,
                Err(code) => return code,
            };
            let threads =
                threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
            let ok = cli::build::library(&engine, &jobs, threads, cli.quiet, cli.verbose);
            if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Command::Check {
            inputs,
            project,
            fix,
            no_backup,
            format,
            strict,
            report: html,
        } => {
            let inputs = match or_library(inputs) {
                Ok(i) => i,
                Err(msg) => return usage(&msg),
            };
            // Fixing first, then checking what the fixed files hold.
            let mut failed = false;
            if fix {
                for input in &inputs {
                    failed |= !fix_file(input, !no_backup);
                }
            }
            let options = Options {
                root: project.root,
                today: project.today,
                font_dirs: project.font_dir,
                ..Options::default()
            };
            failed |= !cli::check::run(
                &engine,
                &cli::check::Request {
                    inputs: &inputs,
                    options: &options,
                    format,
                    strict,
                    html: html.as_deref(),
                },
            );
            if failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
    }
}

/// `check --fix`: rewrites the traps of one file, showing each change as a diff.
/// Returns false when the file cannot be read or written.
fn fix_file(input: &Path, backup: bool) -> bool {
    let src = match leafpress::base::source::Source::read(input) {
        Ok(s) => s,
        Err(d) => {
            report(&d);
            return false;
        }
    };
    // A file that already reads as written is never touched.
    if leafpress::load::parse(&src).is_ok() {
        eprintln!("{}: nothing to fix", input.display());
        return true;
    }
    let fixed = leafpress::load::traps::fix(&src.text);
    if fixed.changes.is_empty() {
        eprintln!(
            "{}: nothing leafpress can fix safely; see the problems below",
            input.display()
        );
        return true;
    }
    for (line, before, after) in &fixed.changes {
        eprintln!("{}:{line}", input.display());
        for l in before.lines() {
            eprintln!("- {l}");
        }
        for l in after.lines() {
            eprintln!("+ {l}");
        }
    }
    let mut kept = None;
    if backup {
        // Never over an earlier copy: a second run must not lose the first original.
        let bak = (1..)
            .map(|k| match k {
                1 => PathBuf::from(format!("{}.bak", input.display())),
                k => PathBuf::from(format!("{}.bak{k}", input.display())),
            })
            .find(|p| !p.exists())
            .expect("some name is free");
        if let Err(e) = std::fs::write(&bak, &src.text) {
            eprintln!(
                "error: cannot keep a copy as {}: {e}; nothing was changed",
                bak.display()
            );
            return false;
        }
        kept = Some(bak);
    }
    if let Err(e) = leafpress::base::files::write_atomically(input, fixed.text.as_bytes()) {
        eprintln!("error: cannot write {}: {e}", input.display());
        return false;
    }
    let n = fixed.changes.len();
    eprintln!(
        "{}: fixed {n} place{}{}",
        input.display(),
        if n == 1 { "" } else { "s" },
        kept.map(|k| format!(" (the original is kept as {})", k.display()))
            .unwrap_or_default()
    );
    true
}

/// The PDFs `build` (or `watch`) makes: each leaflet named (or every one in
/// content/) in the flags' edition, or with `outputs` in each its project lists.
fn plan(
    inputs: Vec<PathBuf>,
    output: Option<PathBuf>,
    out_dir: Option<PathBuf>,
    flags: &OutputOptions,
    project: &ProjectOptions,
    outputs: bool,
) -> Result<Vec<cli::build::Job>, ExitCode> {
    let inputs = or_library(inputs).map_err(|msg| usage(&msg))?;
    let out_dir = out_dir.unwrap_or_else(|| PathBuf::from("out"));
    let one_edition = flags.given() || !outputs;
    let jobs = cli::build::jobs(
        &inputs,
        &flags.options(project),
        one_edition,
        output.as_deref(),
        &out_dir,
    )
    .map_err(|d| {
        report(&d);
        ExitCode::from(1)
    })?;
    if output.is_some() && jobs.len() > 1 {
        return Err(usage("-o names one file; with several inputs use --out-dir DIR"));
    }
    Ok(jobs)
}

/// The files named, or with none, every leaflet in content/.
fn or_library(inputs: Vec<PathBuf>) -> Result<Vec<PathBuf>, String> {
    if inputs.is_empty() {
        default_inputs()
    } else {
        Ok(inputs)
    }
}

fn default_inputs() -> Result<Vec<PathBuf>, String> {
    let dir = Path::new("content");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|_| "no INPUT given and there is no content/ folder here: name a YAML file".to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err("content/ has no .yaml files: name a YAML file to build".into());
    }
    Ok(files)
}

fn report(d: &Diagnostics) {
    eprint!("{}", d.render_snippets_styled(colour()));
    let errors = d
        .items
        .iter()
        .filter(|i| i.level == leafpress::base::diag::Level::Error)
        .count();
    if errors > 1 {
        eprintln!("{errors} errors");
    }
}

fn usage(msg: &str) -> ExitCode {
    eprintln!("error: {msg}");
    ExitCode::from(2)
}

#[cfg(test)]
mod tests {
    #[test]
    fn cli_definition_is_valid() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
