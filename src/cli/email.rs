//! `leafpress email x.yaml [--to ADDRESS]`: builds the email edition in memory and
//! writes out/x.eml, a draft a mail program opens ready to send, with the PDF
//! attached. leafpress sends nothing, and keeps the address only in that file.

use super::args::ProjectOptions;
use leafpress::load::project::Project;
use leafpress::model::edition::Target;
use leafpress::model::email::MailSize;
use leafpress::present::email::{attachment_name, Attachment, Letter};
use leafpress::{Diagnostic, Diagnostics, Engine, Options};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct EmailArgs {
    /// The content file (YAML).
    pub input: PathBuf,
    /// Who it is for; the draft's To. Leave it out to fill it in in your mail program.
    #[arg(long, value_name = "ADDRESS", value_parser = parse_address)]
    pub to: Option<String>,
    /// The file to write, ending in .eml. Default: out/NAME.eml beside leafpress.yaml.
    #[arg(short, long, value_name = "FILE.eml", value_parser = parse_eml)]
    pub output: Option<PathBuf>,
    /// Attach the large-print edition (`--large-print` or `--large-print=20`, 16 to 24
    /// pt), for a reader who asked for large print, as `build --large-print --for email`
    /// makes it.
    #[arg(long, value_name = "PT", num_args = 0..=1, require_equals = true, default_missing_value = "16", value_parser = super::args::parse_large_print)]
    pub large_print: Option<f32>,
    /// Attach the web edition too (TITLE.html, one page with its pictures inside):
    /// a patient can open it on a phone and make the text as large as they need.
    #[arg(long)]
    pub with_web: bool,
    #[command(flatten)]
    pub project: ProjectOptions,
}

/// A draft's file name: it must end in .eml, so that `-o` can never replace a PDF
/// (or anything else) with a message.
pub fn parse_eml(s: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(s);
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("eml")) {
        Ok(path)
    } else {
        Err(format!(
            "\"{s}\" does not end in .eml: an email draft is a .eml file, e.g. -o knee.eml"
        ))
    }
}

/// An address as a mail program takes it in To: `name@example.org`.
pub fn parse_address(s: &str) -> Result<String, String> {
    let s = s.trim();
    // The shape RFC 5322 gives an address; a name with it ("Ann <a@b>") is not taken,
    // so what is checked is what goes in the draft.
    let bare = !s.contains(['<', '>', ' ', ',', ';']);
    if bare
        && email_address::EmailAddress::is_valid(s)
        && s.rsplit('@').next().is_some_and(|d| d.contains('.'))
    {
        Ok(s.to_string())
    } else {
        Err(format!(
            "\"{s}\" is not an email address: write it as name@example.org, with no name or <> around it"
        ))
    }
}

/// Writes the draft; returns the exit code (1 when the leaflet cannot be built or
/// the file cannot be written).
pub fn run(engine: &Engine, args: &EmailArgs, quiet: bool) -> ExitCode {
    match draft(engine, args, quiet) {
        Ok(()) => ExitCode::SUCCESS,
        Err(d) => {
            super::super::report(&d);
            ExitCode::from(1)
        }
    }
}

fn draft(engine: &Engine, args: &EmailArgs, quiet: bool) -> Result<(), Diagnostics> {
    let options = Options {
        target: Target::Email,
        large_print: args.large_print,
        root: args.project.root.clone(),
        today: args.project.today,
        font_dirs: args.project.font_dir.clone(),
        ..Options::default()
    };
    let project = Project::open(&args.input, options.root.as_deref())?;
    let (src, resolved) = engine.load(&args.input, &options)?;
    // The same bytes as `build --for email` writes to x-email.pdf.
    let built = engine.render(&src, &resolved, &options)?;
    if !built.warnings.items.is_empty() {
        super::super::report(&built.warnings);
    }
    let leaflet = &resolved.leaflet;
    let title = leafpress::text::plain_text(&leaflet.title);
    let language = project.defaults.language.clone().unwrap_or_default();
    let letter = Letter {
        title: &title,
        title_language: &leaflet.language,
        language: &language,
        settings: &project.email,
        brand: &resolved.brand.brand,
        contact: resolved.back_contact.as_ref(),
        to: args.to.as_deref(),
    };
    let mut attachments = vec![Attachment {
        name: match args.large_print {
            Some(_) => attachment_name(&format!("{title} (large print)"), "pdf"),
            None => attachment_name(&title, "pdf"),
        },
        mime: "application/pdf".into(),
        bytes: built.pdf,
    }];
    if args.with_web {
        let web = Options {
            target: Target::Web,
            large_print: None,
            ..options.clone()
        };
        let page = engine.render(&src, &resolved, &web)?;
        attachments.push(Attachment {
            name: attachment_name(&title, "html"),
            mime: "text/html".into(),
            bytes: page.html.unwrap_or_default().into_bytes(),
        });
    }
    let message = letter.draft(&attachments);
    let target = args.output.clone().unwrap_or_else(|| {
        let stem = args.input.file_stem().unwrap_or_default().to_string_lossy();
        super::build::project_out(Some(&project)).join(format!("{stem}.eml"))
    });
    leafpress::base::files::write_atomically(&target, &message).map_err(|e| {
        Diagnostics::one(
            Diagnostic::new(&target, format!("cannot write the email draft: {e}"))
                .help("check that the folder exists and is writable, and that the file is not open in another program"),
        )
    })?;
    let size = MailSize(message.len() as u64);
    let limit = project.email.limit();
    if size > limit {
        super::super::report(&too_large(
            &project,
            &target,
            size,
            MailSize(attachments[0].bytes.len() as u64),
        ));
    }
    if !quiet {
        eprintln!(
            "{} → {} (email draft, {size}, with {} attached; open it in your mail program to send)",
            args.input.display(),
            target.display(),
            attachments
                .iter()
                .map(|a| a.name.as_str())
                .collect::<Vec<_>>()
                .join(" and ")
        );
    }
    Ok(())
}

/// The warning for a message above `email: {max_size}` (10 MB unless set), located
/// at the setting when leafpress.yaml has one: the size, the limit, what to do.
fn too_large(project: &Project, target: &std::path::Path, size: MailSize, pdf: MailSize) -> Diagnostics {
    let limit = project.email.limit();
    let at = project.spans.value("email.max_size");
    let (file, text) = match &project.source {
        Some(s) => (s.path.clone(), Some(&s.text)),
        None => (target.to_path_buf(), None),
    };
    let d = Diagnostic::new(
        &file,
        format!(
            "the email draft {} is {size}, more than the {limit} {}",
            target.display(),
            if at.is_some() {
                "set as its limit"
            } else {
                "many mail services accept (the default limit)"
            }
        ),
    )
    .warning()
    .at(at)
    .help(format!(
        "the PDF in it ({pdf}) is already the email edition, with pictures at about 150 ppi: use fewer or \
         smaller photos, or send the leaflet's web address instead. If your mail service takes more \
         (NHSmail: 35 MB), set that in leafpress.yaml: `email: {{max_size: 35MB}}`"
    ));
    let ds = Diagnostics::one(d);
    match text {
        Some(t) => ds.with_source(t),
        None => ds,
    }
}
