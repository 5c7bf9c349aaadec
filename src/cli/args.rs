//! The command line's words: every command, option and value, as clap reads them,
//! and how the edition switches become the library's [`Options`].

use clap::{Parser, Subcommand};
use leafpress::base::lang::LanguageTag;
use leafpress::base::units::Length;
use leafpress::model::edition::Imposition;
use leafpress::model::edition::Target;
use leafpress::model::edition::Translation;
use leafpress::model::Date;
use leafpress::Options;
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "leafpress",
    version,
    about = "Turn a YAML leaflet into a print-ready PDF"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Say nothing but errors (and warnings).
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Say more: each stage's time for every PDF.
    #[arg(short, long, global = true, conflicts_with = "quiet")]
    pub verbose: bool,
}

/// Whether to colour messages: on a terminal, unless `NO_COLOR` is set (no-color.org).
pub fn colour() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

#[derive(clap::Args, Debug)]
pub struct OutputOptions {
    /// Where the leaflet goes: print keeps images up to 300 ppi; email resamples them
    /// to about 150 ppi and recompresses photos, for a small attachment; web writes
    /// one HTML page (NAME.html) that fits any screen, for a website or a phone.
    #[arg(long = "for", value_enum, default_value_t = Purpose::Print)]
    pub purpose: Purpose,
    /// Impose two pages per landscape sheet in booklet order, for duplex printing
    /// (flip on the short edge), then fold and staple.
    #[arg(long, conflicts_with_all = ["bleed", "crop_marks", "trifold"])]
    pub booklet: bool,
    /// A DL tri-fold: six panels on the two sides of an A4 landscape sheet (outside
    /// 5 | 6 | 1, inside 2 | 3 | 4), folded in three; print both sides, flipping on
    /// the short edge. With --crop-marks, trim and fold marks outside the sheet.
    #[arg(long, conflicts_with_all = ["bleed", "large_print"])]
    pub trifold: bool,
    /// Extend each page by this much on every side for a print shop (e.g. 3mm);
    /// sets TrimBox and BleedBox.
    #[arg(long, value_name = "LEN", value_parser = parse_length)]
    pub bleed: Option<Length>,
    /// Add trim marks outside the bleed.
    #[arg(long)]
    pub crop_marks: bool,
    /// Build the large-print edition (`--large-print` or `--large-print=20`): body text
    /// PT points, 16 to 24 (16 if not given),
    /// everything in proportion, on A4 unless the leaflet names its page size.
    #[arg(long, value_name = "PT", num_args = 0..=1, require_equals = true, default_missing_value = "16", value_parser = parse_large_print)]
    pub large_print: Option<f32>,
    /// Tighten spacing (gaps to 60 %, leading to 1.3 × the size, images to 70 %, at
    /// the least) to end on N pages; `booklet`: the multiple of 4 below the natural
    /// count, so a booklet has no blank pages.
    #[arg(long, value_name = "N|booklet", value_parser = parse_fit)]
    pub fit: Option<leafpress::model::edition::Fit>,
    /// Build the translation into LANG (e.g. `ur`) from translations/LANG/NAME.po:
    /// the English layout and pictures with the translated text, as NAME-LANG.pdf.
    #[arg(long, value_name = "LANG", value_parser = parse_language)]
    pub lang: Option<LanguageTag>,
    /// With --lang: build even when entries are fuzzy or not translated, printing
    /// their English.
    #[arg(long, requires = "lang")]
    pub allow_incomplete: bool,
}

pub fn parse_language(s: &str) -> Result<LanguageTag, String> {
    s.parse()
}

pub fn parse_fit(s: &str) -> Result<leafpress::model::edition::Fit, String> {
    s.parse()
}

pub fn parse_large_print(s: &str) -> Result<f32, String> {
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
pub struct ProjectOptions {
    /// Let leaflets use files anywhere inside DIR (default: the folder holding
    /// leafpress.yaml, or the content file's folder).
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Check review dates against this day (YYYY-MM-DD) instead of today.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<Date>,
    /// Also use the fonts (.ttf, .otf, .ttc) in DIR for characters the built-in
    /// ones lack, such as Chinese (may be given more than once).
    #[arg(long, value_name = "DIR")]
    pub font_dir: Vec<PathBuf>,
}

pub fn parse_date(s: &str) -> Result<Date, String> {
    s.parse()
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Print,
    Email,
    Web,
}

impl OutputOptions {
    /// Whether any edition flag was given (then it, not `outputs:`, is built).
    pub fn given(&self) -> bool {
        self.purpose != Purpose::Print
            || self.booklet
            || self.trifold
            || self.bleed.is_some()
            || self.crop_marks
            || self.large_print.is_some()
            || self.fit.is_some()
    }

    /// Switches that make no sense together, which clap cannot see: a web page has
    /// no pages to impose, enlarge or fit.
    pub fn check(&self) -> Result<(), String> {
        let paper = [
            ("--booklet", self.booklet),
            ("--trifold", self.trifold),
            ("--bleed", self.bleed.is_some()),
            ("--crop-marks", self.crop_marks),
            ("--large-print", self.large_print.is_some()),
            ("--fit", self.fit.is_some()),
        ];
        match paper.iter().find(|(_, on)| *on) {
            Some((flag, _)) if self.purpose == Purpose::Web => Err(format!(
                "{flag} is for paper, and --for web makes a web page that fits any screen: leave out one of them"
            )),
            _ => Ok(()),
        }
    }

    pub fn options(&self, project: &ProjectOptions) -> Options {
        Options {
            root: project.root.clone(),
            today: project.today,
            font_dirs: project.font_dir.clone(),
            large_print: self.large_print,
            fit: self.fit,
            target: match self.purpose {
                Purpose::Print => Target::Print,
                Purpose::Email => Target::Email,
                Purpose::Web => Target::Web,
            },
            // clap keeps --booklet, --trifold and --bleed apart.
            imposition: Imposition::chosen(self.booklet, self.trifold, self.bleed, self.crop_marks),
            translation: self.lang.clone().map(|language| Translation {
                language,
                allow_incomplete: self.allow_incomplete,
            }),
        }
    }
}

pub fn parse_length(s: &str) -> Result<Length, String> {
    s.parse()
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SchemaKind {
    /// A leaflet's YAML.
    Content,
    /// leafpress.yaml.
    Project,
    /// An exercise file of a plan's library (exercises/ID.yaml).
    Exercise,
}

#[derive(Subcommand, Debug)]
pub enum Command {
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
        /// Output file (only with a single input). Default: out/NAME.pdf for print,
        /// NAME-email.pdf, NAME-booklet.pdf, NAME-large-print.pdf, NAME-trifold.pdf…
        /// for the other editions.
        #[arg(short, long, conflicts_with = "out_dir")]
        output: Option<PathBuf>,
        /// Folder for the PDFs. Default: out/ beside leafpress.yaml (wherever the
        /// command runs), or out/ here when there is none.
        #[arg(long)]
        out_dir: Option<PathBuf>,
        #[command(flatten)]
        output_options: OutputOptions,
        #[command(flatten)]
        project: ProjectOptions,
    },
    /// Make one patient's exercise plan from the project's exercises/ folder: their
    /// name and start on the first page, each exercise with its dose in words, a
    /// week-by-week tick chart, the stop-and-call box and the clinic's details.
    Plan(super::plan::PlanArgs),
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
        /// Output file (only with a single input). Default: out/NAME.pdf for print,
        /// NAME-email.pdf, NAME-booklet.pdf, NAME-large-print.pdf, NAME-trifold.pdf…
        /// for the other editions.
        #[arg(short, long, conflicts_with = "out_dir")]
        output: Option<PathBuf>,
        /// Folder for the PDFs. Default: out/ beside leafpress.yaml (wherever the
        /// command runs), or out/ here when there is none.
        #[arg(long)]
        out_dir: Option<PathBuf>,
        /// How many threads to build on: PDFs built at once, and the threads each
        /// uses for its pictures (default: one per core; 1: one file at a time).
        #[arg(short, long, value_name = "N")]
        jobs: Option<usize>,
        #[command(flatten)]
        output_options: OutputOptions,
        #[command(flatten)]
        project: ProjectOptions,
    },
    /// Write an email draft (out/NAME.eml) with the email edition of the PDF attached,
    /// for your mail program to open ready to send. leafpress sends nothing.
    Email(super::email::EmailArgs),
    /// List every leaflet: title, reference, published and review dates, days left,
    /// language, editions, pages, and the check's errors and warnings. With no INPUT,
    /// lists content/*.yaml.
    List(super::list::ListArgs),
    /// Translations kept in step with the English: export a leaflet's texts for a
    /// translator (translations/LANG/NAME.po), update them when the English changes,
    /// see how far each language has got, and print a proof for the checker.
    Translate {
        #[command(subcommand)]
        action: TranslateAction,
    },
    /// Review leaflets for plain language and clear print (reading age, long
    /// sentences, hard words, small or faint text…), writing no PDF. With no INPUT,
    /// checks every content/*.yaml. Exits 1 on errors (and warnings with --strict).
    Check {
        /// Content files (YAML).
        inputs: Vec<PathBuf>,
        /// How to print the findings.
        #[arg(long, value_enum, default_value_t = super::check::Format::Text)]
        format: super::check::Format,
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

/// What `leafpress translate` does.
#[derive(Subcommand, Debug)]
pub enum TranslateAction {
    /// Write translations/LANG/NAME.po (or .xlf): every text of the leaflet, with
    /// what it is, where it appears and what to keep as written.
    Export {
        /// Content files (YAML); with none, every content/*.yaml.
        inputs: Vec<PathBuf>,
        /// The language to translate into, e.g. `ur`, `pl`, `ar`.
        #[arg(long, value_name = "LANG", value_parser = parse_language)]
        lang: LanguageTag,
        /// `po` for Poedit, Weblate and gettext; `xliff` (XLIFF 2.0) for agencies' tools.
        #[arg(long, value_enum, default_value_t = TranslationFormat::Po)]
        format: TranslationFormat,
        #[command(flatten)]
        project: ProjectOptions,
    },
    /// Read a translation returned as XLIFF (translations/LANG/NAME.xlf) into its PO
    /// file, which the build uses; a text translated from other English is marked fuzzy.
    Import {
        /// Content files (YAML); with none, every content/*.yaml.
        inputs: Vec<PathBuf>,
        /// The translation's language, e.g. `ur`.
        #[arg(long, value_name = "LANG", value_parser = parse_language)]
        lang: LanguageTag,
        #[command(flatten)]
        project: ProjectOptions,
    },
    /// Bring translation files up to date with the English: changed texts become
    /// fuzzy (keeping the old English), new ones untranslated, removed ones obsolete.
    Update {
        /// Content files (YAML); with none, every content/*.yaml.
        inputs: Vec<PathBuf>,
        /// Only this language (default: every language the leaflet has a file in).
        #[arg(long, value_name = "LANG", value_parser = parse_language)]
        lang: Option<LanguageTag>,
        #[command(flatten)]
        project: ProjectOptions,
    },
    /// Show, per leaflet and language: texts done, fuzzy and missing, the English
    /// the file was made from, the translator and checker, and whether it is current.
    Status {
        /// Content files (YAML); with none, every content/*.yaml.
        inputs: Vec<PathBuf>,
        #[command(flatten)]
        project: ProjectOptions,
    },
    /// Write an A4 PDF with the English and the translation side by side, text by
    /// text, for the translator who checks it: out/NAME-LANG-proof.pdf.
    Proof {
        /// Content files (YAML); with none, every content/*.yaml.
        inputs: Vec<PathBuf>,
        /// The translation to proof, e.g. `ur`.
        #[arg(long, value_name = "LANG", value_parser = parse_language)]
        lang: LanguageTag,
        /// Folder for the PDF. Default: out/ beside leafpress.yaml, or out/ here.
        #[arg(long)]
        out_dir: Option<PathBuf>,
        #[command(flatten)]
        project: ProjectOptions,
    },
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum TranslationFormat {
    Po,
    Xliff,
}
