//! `leafpress translate export | update | status | proof`: the command line over
//! `load::translate`, one leaflet after another, every message saying which file.

use super::args::{colour, TranslateAction, TranslationFormat};
use leafpress::load::translate::{self, English};
use leafpress::{Diagnostics, Engine, Options};
use std::path::PathBuf;
use std::process::ExitCode;

/// What is done to each leaflet named.
type Each = dyn Fn(&PathBuf) -> Result<(), Diagnostics>;

/// Runs `action`; `inputs` turns no files named into every content/*.yaml.
pub fn run(
    engine: &Engine,
    action: TranslateAction,
    inputs: fn(Vec<PathBuf>) -> Result<Vec<PathBuf>, String>,
    quiet: bool,
) -> ExitCode {
    let (files, each): (Vec<PathBuf>, Box<Each>) = match action {
        TranslateAction::Export {
            inputs: i,
            lang,
            format,
            project,
        } => (
            i,
            Box::new(move |input| {
                let xliff = format == TranslationFormat::Xliff;
                let file = translate::export(input, project.root.as_deref(), lang.as_str(), xliff)?;
                if !quiet {
                    eprintln!("{} → {}", input.display(), file.display());
                }
                Ok(())
            }),
        ),
        TranslateAction::Update {
            inputs: i,
            lang,
            project,
        } => (
            i,
            Box::new(move |input| {
                let done = translate::update(input, project.root.as_deref(), lang.as_deref())?;
                if done.is_empty() && !quiet {
                    eprintln!(
                        "{}: no translations yet (`leafpress translate export {} --lang LANG` makes one)",
                        input.display(),
                        input.display()
                    );
                }
                for m in done {
                    if !quiet {
                        eprintln!(
                            "{} → {}: {} kept, {} fuzzy, {} new, {} obsolete",
                            input.display(),
                            m.file.display(),
                            m.kept,
                            m.fuzzy,
                            m.new,
                            m.obsolete
                        );
                    }
                }
                Ok(())
            }),
        ),
        TranslateAction::Import {
            inputs: i,
            lang,
            project,
        } => (
            i,
            Box::new(move |input| {
                let done = translate::xliff::import(input, project.root.as_deref(), lang.as_str())?;
                if !quiet {
                    eprintln!(
                        "{} → {}: {} translated, {} fuzzy (made for other English), {} left alone",
                        input.display(),
                        done.file.display(),
                        done.taken,
                        done.fuzzy,
                        done.skipped
                    );
                }
                Ok(())
            }),
        ),
        TranslateAction::Status { inputs: i, project } => (
            i,
            Box::new(move |input| {
                print!(
                    "{}",
                    status_lines(input, &translate::status(input, project.root.as_deref())?)
                );
                Ok(())
            }),
        ),
        TranslateAction::Proof {
            inputs: i,
            lang,
            out_dir,
            project,
        } => {
            let engine = engine.clone();
            (
                i,
                Box::new(move |input| {
                    let english = English::open(input, project.root.as_deref())?;
                    let leaflet = translate::proof::proof(&english, lang.as_str())?;
                    let options = Options {
                        root: project.root.clone(),
                        font_dirs: project.font_dir.clone(),
                        ..Options::default()
                    };
                    let built = engine.build_model(&english.src, leaflet, &options)?;
                    let dir = out_dir
                        .clone()
                        .unwrap_or_else(|| super::build::project_out(Some(&english.project)));
                    let stem = input.file_stem().unwrap_or_default().to_string_lossy();
                    let target = dir.join(format!("{stem}-{}-proof.pdf", lang.as_str()));
                    let _ = std::fs::create_dir_all(&dir);
                    leafpress::base::files::write_atomically(&target, &built.pdf).map_err(|e| {
                        Diagnostics::one(
                            leafpress::Diagnostic::new(&target, format!("cannot write the proof: {e}"))
                                .help("check that the folder is writable and the PDF is not open in another program"),
                        )
                    })?;
                    if !quiet {
                        eprintln!(
                            "{} → {} ({} pages, A4)",
                            input.display(),
                            target.display(),
                            built.layout.pages.len()
                        );
                    }
                    Ok(())
                }),
            )
        }
    };
    let files = match inputs(files) {
        Ok(f) => f,
        Err(msg) => {
            eprintln!("error: {msg}");
            return ExitCode::from(2);
        }
    };
    let mut failed = false;
    for input in &files {
        if let Err(d) = each(input) {
            eprint!("{}", d.render_snippets_styled(colour()));
            let errors = d.items.len();
            if errors > 1 {
                eprintln!("{errors} errors");
            }
            failed = true;
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The status of one leaflet's translations, a line each:
/// `content/x.yaml  ur  40 done, 2 fuzzy, 1 missing  from 3f2a…  (English 9c1d…)  translator …  checker …  NOT CURRENT`.
fn status_lines(input: &std::path::Path, all: &[translate::LanguageStatus]) -> String {
    if all.is_empty() {
        return format!(
            "{}: no translations (make one with `leafpress translate export {} --lang LANG`)\n",
            input.display(),
            input.display()
        );
    }
    let mut out = String::new();
    for s in all {
        let of = s
            .reference
            .as_deref()
            .map(|r| format!(" of {r}"))
            .unwrap_or_default();
        let from = match s.made_from.as_deref() {
            Some(v) if v == s.english => format!("made from English {v}{of} (as it is now)"),
            Some(v) => format!("made from English {v}{of}, now {}", s.english),
            None => format!("English it was made from not recorded, now {}", s.english),
        };
        let checked = match (&s.checker, &s.checked) {
            (Some(c), Some(d)) => format!("checked by {c} on {d}"),
            (Some(c), None) => format!("checked by {c}"),
            _ => "not checked".into(),
        };
        out.push_str(&format!(
            "{}  {}: {} done, {} fuzzy, {} missing; {}; translated by {}; {}; {}\n",
            input.display(),
            s.language,
            s.done,
            s.fuzzy,
            s.missing,
            from,
            s.translator.as_deref().unwrap_or("nobody recorded"),
            checked,
            if s.current() {
                "current".to_string()
            } else if s.made_from.as_deref() != Some(s.english.as_str()) {
                format!(
                    "NOT CURRENT: run `leafpress translate update {}`, then translate what is fuzzy or missing",
                    input.display()
                )
            } else {
                "NOT CURRENT: translate what is fuzzy or missing".to_string()
            }
        ));
    }
    out
}
