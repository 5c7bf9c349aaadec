//! A leaflet's translation file: translations/LANG/NAME.po in the project's folder,
//! its header (which English it was made from, who translated and checked it) and
//! its entries, made from a leaflet's [`Entry`]s and read back with each entry's line.

use super::entries::{self, Entry};
use crate::base::diag::{Diagnostic, Diagnostics};
use crate::base::source::Source;
use crate::load::parse::Parsed;
use crate::load::project::Project;
use rspolib::{FileOptions, POEntry, POFile};
use std::path::{Path, PathBuf};

/// The header field holding which English the translation's entries are from.
pub const SOURCE_VERSION: &str = "X-Source-Version";
/// The header fields naming the second translator, who checked the translation, and when.
pub const CHECKER: &str = "X-Checker";
pub const CHECKED: &str = "X-Checked-Date";
/// Where gettext's tools (and Poedit) put the translator.
pub const TRANSLATOR: &str = "Last-Translator";
/// The header field naming the English leaflet and its version: its `reference:`
/// (`PIL-0042 v2`), else its title.
pub const PROJECT_ID: &str = "Project-Id-Version";

pub fn project_id(l: &crate::model::Leaflet) -> String {
    l.reference
        .clone()
        .unwrap_or_else(|| crate::text::plain_text(&l.title))
}

/// What a header field holds until someone fills it in.
pub const UNSET: &str = "FULL NAME <EMAIL@ADDRESS>";

/// The folder translations/ goes in: beside leafpress.yaml, else beside the content file.
/// Relative to the current folder when inside it, so the messages that name it stay
/// short.
pub fn translations_folder(content: &Path, project: &Project) -> PathBuf {
    let folder = match &project.source {
        Some(_) => project.home().join("translations"),
        None => content
            .parent()
            .map_or_else(|| PathBuf::from("translations"), |p| p.join("translations")),
    };
    match std::env::current_dir().and_then(|d| d.canonicalize()) {
        Ok(here) => folder
            .strip_prefix(&here)
            .map_or_else(|_| folder.clone(), Path::to_path_buf),
        Err(_) => folder,
    }
}

/// translations/LANG/NAME.po (or .xlf) for the content file `content`.
pub fn file_for(content: &Path, project: &Project, language: &str, extension: &str) -> PathBuf {
    let stem = content
        .file_stem()
        .unwrap_or(content.as_os_str())
        .to_string_lossy();
    translations_folder(content, project)
        .join(language)
        .join(format!("{stem}.{extension}"))
}

/// What the translator is told about a leaflet's texts: its reading age, and the
/// names printed as written.
#[derive(Debug, Clone)]
pub struct Notes {
    /// "9 to 11": the project's `check: reading_age`, else the NHS's aim.
    pub reading_age: String,
    /// The clinic's and brand's names, and the contact's.
    pub names: Vec<String>,
}

impl Notes {
    pub fn of(parsed: &Parsed, project: &Project) -> Notes {
        let reading_age = match project.check.reading_age {
            Some(top) => format!("{top} or below"),
            None => "9 to 11".to_string(),
        };
        let l = &parsed.leaflet;
        let mut names: Vec<String> = [l.author.clone(), project.brand.name.clone()]
            .into_iter()
            .flatten()
            .collect();
        if let Some(b) = &l.brand {
            names.extend(b.name.clone());
        }
        if let Some(c) = &project.defaults.contact {
            names.extend(c.name.clone());
        }
        for b in &l.blocks {
            if let crate::model::Block::Contact(c) = b {
                names.extend(c.name.clone());
            }
        }
        names.sort();
        names.dedup();
        Notes { reading_age, names }
    }
}

/// The PO entry for `e`: its context, the English, and what the translator needs to
/// know (what it is, where, the reading age, what to keep as written).
pub fn po_entry(e: &Entry, notes: &Notes, content: &Source) -> POEntry {
    let mut p = POEntry::new(0);
    p.msgctxt = Some(e.context.clone());
    p.msgid = e.english.clone();
    p.msgstr = Some(String::new());
    let mut comment = vec![
        format!("{} ({}).", capital(e.what), e.place),
        format!("Reading age to aim for: {}.", notes.reading_age),
    ];
    let keep = entries::keep_as_written(&e.english, &notes.names);
    if !keep.is_empty() {
        comment.push(format!("Keep as written: {}.", keep.join("; ")));
    }
    if e.english.contains('*') || e.english.contains("](") {
        comment.push("Keep the markup: **bold**, *italic*, [link text](address) around your words; translate the link text, not the address.".into());
    }
    p.comment = Some(wrap_comment(&comment.join("\n")));
    if let Some(line) = e.block.and_then(|b| super::block_line(content, b)) {
        p.occurrences = vec![(content.path.display().to_string(), line.to_string())];
    }
    p
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A new translation file for `entries`, every msgstr empty.
pub fn new_file(
    entries: &[Entry],
    parsed: &Parsed,
    project: &Project,
    content: &Source,
    language: &str,
) -> POFile {
    let notes = Notes::of(parsed, project);
    let mut po = POFile::new(FileOptions::default());
    let l = &parsed.leaflet;
    po.header = Some(format!(
        "Translation of \"{}\" ({}) into {language}.\nFill in each msgstr; leafpress builds it with `leafpress build {} --lang {language}`.\nPut the translator in Last-Translator, and the second translator who checked it in X-Checker and X-Checked-Date.",
        crate::text::plain_text(&l.title),
        content.path.display(),
        content.path.display()
    ));
    let m = &mut po.metadata;
    m.insert(PROJECT_ID.into(), project_id(l));
    m.insert("PO-Revision-Date".into(), "YEAR-MO-DA HO:MI+ZONE".into());
    m.insert(TRANSLATOR.into(), UNSET.into());
    m.insert("Language-Team".into(), "none".into());
    m.insert("Language".into(), language.into());
    m.insert("MIME-Version".into(), "1.0".into());
    m.insert("Content-Type".into(), "text/plain; charset=UTF-8".into());
    m.insert("Content-Transfer-Encoding".into(), "8bit".into());
    m.insert(SOURCE_VERSION.into(), entries::version(entries));
    m.insert(CHECKER.into(), String::new());
    m.insert(CHECKED.into(), String::new());
    po.entries = entries.iter().map(|e| po_entry(e, &notes, content)).collect();
    po
}

/// The PO file's text, ending with a line break.
pub fn text(po: &POFile) -> String {
    let mut s = po.to_string();
    if !s.ends_with('\n') {
        s.push('\n');
    }
    s
}

/// Reads a translation file, or says where it cannot be read.
pub fn read(path: &Path) -> Result<(Source, POFile), Diagnostics> {
    let src = Source::read(path)?;
    let po = rspolib::pofile(src.text.as_str()).map_err(|e| {
        // rspolib says "… at line N (index …): what": the line, for the snippet.
        let message = e.to_string();
        let line = message
            .split("line ")
            .nth(1)
            .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
            .and_then(|n| n.parse::<usize>().ok());
        let what = message.rsplit("): ").next().unwrap_or(&message);
        Diagnostics::one(
            Diagnostic::new(path, format!("this translation file cannot be read: {what}"))
                .at(line.and_then(|l| line_span(&src.text, l)))
                .help("open it in a PO editor (Poedit), or check it with `msgfmt --check`: each msgid and msgstr is text in double quotes, a \" inside written \\\""),
        )
        .with_source(&src.text)
    })?;
    Ok((src, po))
}

/// A header field, or None when it is empty or still the placeholder.
pub fn header<'a>(po: &'a POFile, key: &str) -> Option<&'a str> {
    po.metadata
        .get(key)
        .map(|v| v.trim())
        .filter(|v| !v.is_empty() && *v != UNSET && !v.starts_with("YEAR-"))
}

/// Where line `line` (1-based) of `text` starts.
pub fn line_span(text: &str, line: usize) -> Option<std::ops::Range<usize>> {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let len = text[start.min(text.len())..]
        .find('\n')
        .unwrap_or(text.len() - start.min(text.len()));
    (start < text.len()).then_some(start..start + len)
}

/// Comment lines broken at spaces to 70 characters or fewer: rspolib 0.1.2 writes a
/// longer comment line wrapped but with its `#. ` prefix on none of the pieces, which
/// no PO reader accepts.
pub fn wrap_comment(comment: &str) -> String {
    const WIDTH: usize = 70;
    let mut out: Vec<String> = Vec::new();
    for line in comment.lines() {
        let mut current = String::new();
        for word in line.split(' ') {
            if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > WIDTH {
                out.push(std::mem::take(&mut current));
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        out.push(current);
    }
    out.join("\n")
}

/// A file's live entries (not obsolete) by their context.
pub fn by_context(catalogue: &rspolib::POFile) -> std::collections::HashMap<&str, &rspolib::POEntry> {
    catalogue
        .entries
        .iter()
        .filter(|e| !e.obsolete)
        .filter_map(|e| Some((e.msgctxt.as_deref()?, e)))
        .collect()
}
