//! Diagnostics: what went wrong, where in which file, and what to do about it.
//!
//! Every stage reports problems as [`Diagnostic`]s that point into the input, so the
//! binary can print them all together, with the offending line underlined.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem with the input, located as precisely as the stage that found it can.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// An error stops the build; a warning travels beside the output.
    pub level: Level,
    /// The file the problem is in.
    pub file: PathBuf,
    /// Byte range in that file, when known.
    pub span: Option<std::ops::Range<usize>>,
    /// Lower-case summary, e.g. `unknown block type "bulets"`.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
    /// The review rule that found it (`long-sentence`), for findings a leaflet's
    /// project may turn off or re-level; build errors have none.
    pub rule: Option<&'static str>,
}

impl Diagnostic {
    pub fn new(file: &Path, message: impl Into<String>) -> Self {
        Diagnostic {
            level: Level::Error,
            file: file.to_path_buf(),
            span: None,
            message: message.into(),
            help: None,
            rule: None,
        }
    }

    pub fn warning(mut self) -> Self {
        self.level = Level::Warning;
        self
    }

    pub fn level(mut self, level: Level) -> Self {
        self.level = level;
        self
    }

    pub fn rule(mut self, rule: &'static str) -> Self {
        self.rule = Some(rule);
        self
    }

    pub fn at(mut self, span: Option<std::ops::Range<usize>>) -> Self {
        self.span = span;
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// 1-based line and column of the start of the span in `source`.
    pub fn line_col(&self, source: &str) -> Option<(usize, usize)> {
        let start = self.span.as_ref()?.start.min(source.len());
        let before = &source[..start];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Some((line, col))
    }
}

/// How much a problem matters, worst first (so sorting puts errors on top).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Error,
    Warning,
    /// Advice: worth a look, never a failure (not even with `check --strict`).
    Note,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note => "note",
        }
    }
}

/// All the problems found in one input: reported together, never one at a time.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics {
    pub items: Vec<Diagnostic>,
    /// The text the spans index into, for printing snippets.
    pub source: Option<String>,
}

impl Diagnostics {
    /// `Ok` when there are no problems; else all of them, shown in `source`.
    pub fn none_or(problems: Vec<Diagnostic>, source: &str) -> Result<(), Diagnostics> {
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Diagnostics {
                items: problems,
                source: Some(source.to_string()),
            })
        }
    }

    pub fn one(d: Diagnostic) -> Self {
        Diagnostics {
            items: vec![d],
            source: None,
        }
    }

    pub fn with_source(mut self, source: &str) -> Self {
        self.source = Some(source.to_string());
        self
    }

    /// Plain `file:line:col: error: message` lines with `help:` under them: the form
    /// editors and CI logs understand.
    pub fn render_plain(&self) -> String {
        let mut out = String::new();
        for d in &self.items {
            let place = match self.source.as_deref().and_then(|s| d.line_col(s)) {
                Some((l, c)) => format!("{}:{l}:{c}", d.file.display()),
                None => d.file.display().to_string(),
            };
            let rule = d.rule.map(|r| format!("[{r}]")).unwrap_or_default();
            out.push_str(&format!("{place}: {}{rule}: {}\n", d.level.name(), d.message));
            if let Some(h) = &d.help {
                out.push_str(&format!("  help: {h}\n"));
            }
        }
        out
    }

    /// The same problems with the offending source line shown and underlined.
    pub fn render_snippets(&self) -> String {
        self.render_snippets_styled(false)
    }

    /// [`Self::render_snippets`], coloured with ANSI escapes when `color` (for a
    /// terminal that has not asked for `NO_COLOR`).
    pub fn render_snippets_styled(&self, color: bool) -> String {
        use codespan_reporting::diagnostic::{Diagnostic as Cs, Label};
        use codespan_reporting::files::SimpleFiles;
        use codespan_reporting::term;

        let mut files = SimpleFiles::new();
        let config = term::Config::default();
        let mut out = String::new();
        for d in &self.items {
            let mut cs = match d.level {
                Level::Error => Cs::error(),
                Level::Warning => Cs::warning(),
                Level::Note => Cs::note(),
            }
            .with_message(&d.message);
            if let Some(rule) = d.rule {
                cs = cs.with_code(rule);
            }
            let mut notes = Vec::new();
            match (&self.source, &d.span) {
                (Some(src), Some(span)) => {
                    let id = files.add(d.file.display().to_string(), src.clone());
                    cs = cs.with_labels(vec![Label::primary(id, span.clone())]);
                }
                _ => notes.push(format!("in {}", d.file.display())),
            }
            if let Some(h) = &d.help {
                notes.push(format!("help: {h}"));
            }
            cs = cs.with_notes(notes);
            let rendered = if color {
                let mut ansi = Ansi(Vec::new());
                term::emit_to_write_style(&mut ansi, &config, &files, &cs)
                    .map(|()| String::from_utf8_lossy(&ansi.0).into_owned())
            } else {
                term::emit_into_string(&config, &files, &cs)
            };
            match rendered {
                Ok(text) => out.push_str(&text),
                // A span the snippet renderer cannot show still gets the plain form.
                Err(_) => return self.render_plain(),
            }
        }
        out
    }
}

/// Colours for codespan's renderer as plain ANSI escapes: red errors, yellow
/// warnings, cyan notes, bold headers, blue gutters.
struct Ansi(Vec<u8>);

impl std::io::Write for Ansi {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Ansi {
    fn set(&mut self, code: &str) -> std::io::Result<()> {
        self.0.extend_from_slice(format!("\x1b[{code}m").as_bytes());
        Ok(())
    }
    fn severity(s: codespan_reporting::diagnostic::Severity) -> &'static str {
        use codespan_reporting::diagnostic::Severity;
        match s {
            Severity::Bug | Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Note | Severity::Help => "1;36",
        }
    }
}

impl codespan_reporting::term::WriteStyle for Ansi {
    fn set_header(&mut self, severity: codespan_reporting::diagnostic::Severity) -> std::io::Result<()> {
        self.set(Ansi::severity(severity))
    }
    fn set_header_message(&mut self) -> std::io::Result<()> {
        self.set("0;1")
    }
    fn set_line_number(&mut self) -> std::io::Result<()> {
        self.set("0;34")
    }
    fn set_note_bullet(&mut self) -> std::io::Result<()> {
        self.set("0;34")
    }
    fn set_source_border(&mut self) -> std::io::Result<()> {
        self.set("0;34")
    }
    fn set_label(
        &mut self,
        severity: codespan_reporting::diagnostic::Severity,
        _: codespan_reporting::diagnostic::LabelStyle,
    ) -> std::io::Result<()> {
        self.set(Ansi::severity(severity))
    }
    fn reset(&mut self) -> std::io::Result<()> {
        self.set("0")
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render_plain())
    }
}

impl std::error::Error for Diagnostics {}

/// The closest of `options` to `given`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(given: &str, options: &[&'a str]) -> Option<&'a str> {
    options
        .iter()
        .map(|o| (strsim::jaro_winkler(&given.to_lowercase(), o), *o))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, o)| o)
}
