//! The `leafpress` command: a thin shell over the library.

mod cli;

use cli::args::*;

use clap::Parser;
use leafpress::model::Date;
use leafpress::{Diagnostics, Engine, Options};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

// A build makes and frees many small objects (PDF operators, glyph strings); glibc's
// malloc spent a fifth of the sample's instructions on them, mimalloc about a third of that.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
        Command::Plan(args) => cli::plan::run(&engine, args, cli.quiet),
        Command::Schema { kind } => {
            let schema = match kind {
                SchemaKind::Content => leafpress::present::schema::content(),
                SchemaKind::Project => leafpress::present::schema::project(),
                SchemaKind::Exercise => leafpress::present::schema::exercise(),
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
            // (Asking the system for its cores reads cgroup files: not for one leaflet.)
            let given = threads;
            let threads = threads.unwrap_or_else(|| match jobs.len() {
                0 | 1 => 1,
                _ => std::thread::available_parallelism().map_or(1, |n| n.get()),
            });
            let engine = cli::build::sharing(&engine, given, threads, jobs.len());
            let ok = cli::build::library(&engine, &jobs, threads, cli.quiet, cli.verbose);
            if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Command::Email(args) => cli::email::run(&engine, &args, cli.quiet),
        Command::List(args) => cli::list::run(&engine, &args, cli.quiet),
        Command::Translate { action } => cli::translate::run(&engine, action, or_library, cli.quiet),
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
                    failed |= !cli::fix::fix_file(input, !no_backup);
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
    flags.check().map_err(|msg| usage(&msg))?;
    let one_edition = flags.given() || !outputs;
    let jobs = cli::build::jobs(
        &inputs,
        &flags.options(project),
        one_edition,
        output.as_deref(),
        out_dir.as_deref(),
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
