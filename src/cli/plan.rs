//! `leafpress plan`: one patient's exercise plan, from the command line's options or
//! a plan file, written only where the clinician says (default `plan-START.pdf`
//! here), never over another file unless asked, and never with the patient's name
//! in anything but the PDF.

use super::args::{parse_date, OutputOptions, ProjectOptions};
use leafpress::base::lang::LanguageTag;
use leafpress::load::plan::{self, request, Asked};
use leafpress::model::plan::{PlanItem, PlanRequest, DEFAULT_WEEKS};
use leafpress::model::Date;
use leafpress::{Diagnostic, Diagnostics, Engine};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct PlanArgs {
    /// A plan file (patient, clinician, start, weeks, language, exercises) instead
    /// of --patient and --exercise.
    #[arg(value_name = "PLAN.yaml", conflicts_with_all = ["patient", "exercises"])]
    pub file: Option<PathBuf>,
    /// The patient's name, printed on the first page (and nowhere else).
    #[arg(long, required_unless_present = "file")]
    pub patient: Option<String>,
    /// An exercise from the project's exercises/ folder, with its dose when not the
    /// usual one: `wall-push=10x2/day`, `bridge=30s x3/day`, `heel-slide`. In order;
    /// give it once for each exercise.
    #[arg(long = "exercise", value_name = "ID[=DOSE]", required_unless_present = "file")]
    pub exercises: Vec<String>,
    /// Who made the plan.
    #[arg(long, value_name = "NAME")]
    pub clinician: Option<String>,
    /// The first day (YYYY-MM-DD); default today.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub start: Option<Date>,
    /// How many weeks the tick chart covers (1 to 52; default 6).
    #[arg(long, value_name = "N")]
    pub weeks: Option<u8>,
    /// Where the PDF goes. Default: plan-START.pdf in this folder (plan-START-email.pdf
    /// and so on for the other editions), never named after the patient.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Addressed to the patient, when the plan goes out as an email draft (`-o
    /// FILE.eml`); the address is kept only in that file.
    #[arg(long, value_name = "ADDRESS", value_parser = super::email::parse_address)]
    pub to: Option<String>,
    /// Replace the file at the output's name if there is one (by default it is kept:
    /// it may be another patient's plan).
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub output_options: OutputOptions,
    #[command(flatten)]
    pub project: ProjectOptions,
}

/// Makes and writes the plan; the exit code says whether it was written.
pub fn run(engine: &Engine, args: PlanArgs, quiet: bool) -> ExitCode {
    let today = args.project.today.unwrap_or_else(Date::today);
    let here = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let mut options = args.output_options.options(&args.project);
    // `--lang` (the build's switch) is the plan's language: exercises from
    // exercises/LANG/ when translated, English otherwise. A plan is made in its
    // language, not translated from a PO file, and its file name has no language.
    let lang = args.output_options.lang.clone();
    options.translation = None;
    // `-o plan.eml`: an email draft with the plan's email edition attached.
    let draft = args
        .output
        .as_ref()
        .is_some_and(|o| o.extension().is_some_and(|e| e.eq_ignore_ascii_case("eml")));
    if args.to.is_some() && !draft {
        eprintln!("error: --to is for an email draft: add -o FILE.eml (e.g. -o plan.eml)");
        return ExitCode::from(2);
    }
    if draft {
        options.target = leafpress::model::edition::Target::Email;
    }
    // The plan file's source stays alive for locating its problems.
    let from_file = match &args.file {
        Some(path) => match request::read(path, today) {
            Ok(read) => Some(read),
            Err(d) => return failed(&[d]),
        },
        None => None,
    };
    let (mut request, asked, anchor) = match &from_file {
        Some((request, src, spans)) => (request.clone(), Asked::File { src, spans }, src.path.clone()),
        None => {
            let request = PlanRequest {
                patient: args.patient.clone().unwrap_or_default().trim().to_string(),
                clinician: None,
                start: today,
                weeks: DEFAULT_WEEKS,
                language: None,
                items: args.exercises.iter().map(|e| PlanItem::parse_arg(e)).collect(),
            };
            (request, Asked::CommandLine, plan::project_anchor(&here))
        }
    };
    // The options win over the file's keys.
    request.clinician = args
        .clinician
        .clone()
        .map(|c| c.trim().to_string())
        .or(request.clinician);
    request.start = args.start.unwrap_or(request.start);
    request.weeks = args.weeks.unwrap_or(request.weeks);
    request.language = lang.or(request.language);
    let problems: Vec<String> = [
        request::name_problem(&request.patient, "patient"),
        request
            .clinician
            .as_deref()
            .and_then(|c| request::name_problem(c, "clinician")),
        request::start_problem(request.start),
        request::weeks_problem(request.weeks),
    ]
    .into_iter()
    .flatten()
    .collect();
    if let Some(p) = problems.first() {
        eprintln!("error: {p}");
        return ExitCode::from(2);
    }
    let target = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("plan-{}{}.pdf", request.start.iso(), options.suffix())));
    // Checked before building, so a clinician is not kept waiting for a refusal;
    // the write itself refuses too, should a file appear meanwhile.
    if !args.force && target.exists() {
        return refuse(&target);
    }
    let (built, warnings) = match engine.plan(&request, asked, &anchor, &options) {
        Ok(b) => b,
        Err(ds) => return failed(&ds),
    };
    for w in &warnings {
        crate::report(&Diagnostics::one(w.clone()));
    }
    if !built.warnings.items.is_empty() {
        crate::report(&built.warnings);
    }
    let bytes = if draft {
        match email_draft(&built, &anchor, &options, args.to.as_deref()) {
            Ok(b) => b,
            Err(d) => return failed(&[d]),
        }
    } else {
        built.pdf.clone()
    };
    let written = if args.force {
        leafpress::base::files::write_atomically(&target, &bytes)
    } else {
        leafpress::base::files::write_new(&target, &bytes)
    };
    match written {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return refuse(&target),
        Err(e) => {
            return failed(&[Diagnostics::one(
                Diagnostic::new(&target, format!("cannot write the plan: {e}"))
                    .help("check that the folder exists and is writable, and that the PDF is not open in another program"),
            )])
        }
    }
    if !quiet {
        // The name stays out of messages, which may end up in a terminal's log.
        let pages = built.layout.pages.len();
        eprintln!(
            "plan → {} ({pages} page{}, {:.0} KB, {:.0} ms)",
            target.display(),
            if pages == 1 { "" } else { "s" },
            bytes.len() as f64 / 1024.0,
            (built.timings.load + built.timings.layout + built.timings.pdf).as_secs_f64() * 1000.0
        );
    }
    ExitCode::SUCCESS
}

fn refuse(target: &Path) -> ExitCode {
    eprintln!(
        "error: {} already exists, and may be another patient's plan: it is kept\n  help: name another file with -o FILE, or add --force to replace it",
        target.display()
    );
    ExitCode::from(1)
}

fn failed(problems: &[Diagnostics]) -> ExitCode {
    for d in problems {
        crate::report(d);
    }
    let errors: usize = problems.iter().map(|d| d.items.len()).sum();
    if errors > 1 {
        eprintln!("{errors} errors");
    }
    ExitCode::from(1)
}

/// The plan as an email draft (the same message `leafpress email` writes for a
/// leaflet): the project's letter, with the plan's email edition attached. It is
/// made in memory and written only to the file the clinician named.
fn email_draft(
    built: &leafpress::Built,
    anchor: &Path,
    options: &leafpress::Options,
    to: Option<&str>,
) -> Result<Vec<u8>, Diagnostics> {
    use leafpress::present::email::{attachment_name, Attachment, Letter};
    let project = leafpress::load::project::Project::open(anchor, options.root.as_deref())?;
    let title_language: LanguageTag = built.facts.language.parse().unwrap_or_default();
    let language = project.defaults.language.clone().unwrap_or_default();
    let letter = Letter {
        title: &built.facts.title,
        title_language: &title_language,
        language: &language,
        settings: &project.email,
        brand: &project.brand,
        contact: project.defaults.contact.as_ref(),
        to,
    };
    Ok(letter.draft(&[Attachment {
        name: attachment_name(&built.facts.title, "pdf"),
        mime: "application/pdf".into(),
        bytes: built.pdf.clone(),
    }]))
}
