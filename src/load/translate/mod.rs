//! Translations that stay in step with the English: one PO file per leaflet and
//! language (translations/LANG/NAME.po), made from the English ([`export`]), merged
//! when the English changes as msgmerge does ([`update`]), counted ([`status`]) and
//! applied when a language is built ([`apply`]): the English structure and pictures,
//! the translation's text.

pub mod entries;
pub mod merge;
pub mod po;
pub mod proof;
mod status;
pub mod xliff;

pub use entries::Entry;
pub use merge::{update, Merged};
pub use status::{status, LanguageStatus};

use crate::base::diag::{Diagnostic, Diagnostics};
use crate::base::source::Source;
use crate::load::parse::Parsed;
use crate::load::project::Project;
use crate::model::edition::Translation;
use crate::model::labels::LabelOverrides;
use crate::model::{Block, Translated};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A content file read for its translations: parsed, with its project's defaults,
/// its blocks' ids and its texts.
pub struct English {
    pub src: Source,
    pub parsed: Parsed,
    pub project: Project,
    pub ids: Vec<Option<String>>,
    pub entries: Vec<Entry>,
}

impl English {
    pub fn open(path: &Path, root: Option<&Path>) -> Result<English, Diagnostics> {
        let src = Source::read(path)?;
        let project = Project::open(path, root)?;
        let mut parsed = crate::load::parse::parse_all(&src)?;
        if project.source.is_some() {
            project.apply_defaults(&mut parsed.leaflet, &parsed.spans);
        }
        let ids = entries::block_ids(&src, &parsed.spans, &parsed.leaflet);
        check_ids(&src, &parsed, &ids)?;
        let entries = entries::entries(&parsed.leaflet, &ids);
        Ok(English {
            src,
            parsed,
            project,
            ids,
            entries,
        })
    }

    /// translations/LANG/NAME.EXT for this leaflet.
    pub fn file(&self, language: &str, extension: &str) -> PathBuf {
        po::file_for(&self.src.path, &self.project, language, extension)
    }

    /// The languages this leaflet has a PO file in, by folder name, sorted.
    pub fn languages(&self) -> Vec<String> {
        let folder = po::translations_folder(&self.src.path, &self.project);
        let mut found: Vec<String> = std::fs::read_dir(&folder)
            .map(|d| {
                d.filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|lang| self.file(lang, "po").is_file())
                    .collect()
            })
            .unwrap_or_default();
        found.sort();
        found
    }
}

/// Two blocks with one `id:` would share their translations.
fn check_ids(src: &Source, parsed: &Parsed, ids: &[Option<String>]) -> Result<(), Diagnostics> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut problems = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        let Some(id) = id.as_deref() else { continue };
        if let Some(first) = seen.insert(id, i) {
            problems.push(
                Diagnostic::new(
                    &src.path,
                    format!("blocks {} and {} both have `id: {id}`", first + 1, i + 1),
                )
                .at(parsed.spans.value(&format!("blocks.{i}.id")))
                .help("give each block an id of its own: translations find a block's text by it"),
            );
        }
    }
    Diagnostics::none_or(problems, &src.text)
}

/// The line (1-based) block `block` starts on in `content`.
pub fn block_line(content: &Source, block: usize) -> Option<usize> {
    let at = *crate::load::parse::block_offsets(&content.text).get(block)?;
    Some(content.text[..at].matches('\n').count() + 1)
}

/// An entry's English as a message quotes it: plain text, cut at 70 characters.
fn quoted(english: &str) -> String {
    let plain = crate::text::plain_text(english);
    let mut short: String = plain.chars().take(70).collect();
    if short.len() < plain.len() {
        short.push('…');
    }
    format!("\"{short}\"")
}

/// Writes a new translation file for `language` (PO, or XLIFF 2 with `xliff`),
/// refusing to replace one that exists: that is `update`'s job, which keeps the
/// translations.
pub fn export(path: &Path, root: Option<&Path>, language: &str, xliff: bool) -> Result<PathBuf, Diagnostics> {
    let english = English::open(path, root)?;
    let target = english.file(language, if xliff { "xlf" } else { "po" });
    if target.exists() {
        return Err(Diagnostics::one(
            Diagnostic::new(
                &target,
                "this translation file exists already: exporting again would lose its translations",
            )
            .help(format!(
                "run `leafpress translate update {}` to bring it up to date with the English",
                path.display()
            )),
        ));
    }
    let text = if xliff {
        xliff::write(&english, language)
    } else {
        po::text(&po::new_file(
            &english.entries,
            &english.parsed,
            &english.project,
            &english.src,
            language,
        ))
    };
    write(&target, &text)?;
    Ok(target)
}

/// Writes `text` to `target`, making its folder.
fn write(target: &Path, text: &str) -> Result<(), Diagnostics> {
    if let Some(parent) = target.parent() {
        let _ = std::fs::create_dir_all(parent);
    }
    crate::base::files::write_atomically(target, text.as_bytes()).map_err(|e| {
        Diagnostics::one(
            Diagnostic::new(target, format!("cannot write the translation file: {e}"))
                .help("check that the folder is writable and the file is not open in another program"),
        )
    })
}

/// Puts the translation `t` into a parsed leaflet: each text from its PO entry, the
/// language, and pictures a language has its own of (`images/knee.ur.png` beside
/// `images/knee.png`). Entries fuzzy, missing or made from other English stop the
/// build, listed with their English and their line in the PO, unless
/// `allow_incomplete` (then their English is kept, with one warning).
pub fn apply(
    src: &Source,
    parsed: &mut Parsed,
    project: &Project,
    t: &Translation,
) -> Result<(), Diagnostics> {
    let language = t.language.as_str();
    let file = po::file_for(&src.path, project, language, "po");
    if !file.is_file() {
        return Err(Diagnostics::one(
            Diagnostic::new(
                &src.path,
                format!(
                    "this leaflet has no translation into {language}: {} does not exist",
                    file.display()
                ),
            )
            .help(format!(
                "run `leafpress translate export {} --lang {language}` and give that file to the translator",
                src.path.display()
            )),
        ));
    }
    let (po_src, catalogue) = po::read(&file)?;
    let by_context = po::by_context(&catalogue);
    let ids = entries::block_ids(src, &parsed.spans, &parsed.leaflet);
    check_ids(src, parsed, &ids)?;
    let mut problems = Vec::new();
    let update = format!("run `leafpress translate update {}`", src.path.display());
    // The translation of `e`, or the problem that stops it being used.
    let mut lookup = |e: &Entry| -> Option<String> {
        let english = quoted(&e.english);
        let found = by_context.get(e.context.as_str());
        let problem = match found {
            Some(p) if p.msgid != e.english => Diagnostic::new(
                &file,
                format!(
                    "{english} ({}) changed in the English since this file was updated",
                    e.context
                ),
            )
            .help(format!("{update}, then check the entry")),
            Some(p) if p.fuzzy() => Diagnostic::new(&file, format!("fuzzy: {english} ({})", e.context))
                .help("the English changed: check the translation, then remove the `fuzzy` flag"),
            Some(p) if p.msgstr.as_deref().is_none_or(|s| s.trim().is_empty()) => {
                Diagnostic::new(&file, format!("not translated: {english} ({})", e.context))
                    .help("write the translation in its msgstr")
            }
            Some(p) => return p.msgstr.clone(),
            None => Diagnostic::new(
                &file,
                format!("missing: {english} ({}) is not in the file", e.context),
            )
            .help(format!("{update} to add it")),
        };
        let at = found.and_then(|p| po::line_span(&po_src.text, p.linenum));
        problems.push(problem.at(at));
        None
    };
    entries::walk(&mut parsed.leaflet, &ids, |e, text| {
        if let Some(t) = lookup(e) {
            *text = t;
        }
    });
    let mut labels = std::collections::BTreeMap::new();
    for e in entries::label_entries(&parsed.leaflet) {
        let name = e.context.trim_start_matches("label/").to_string();
        labels.insert(name, lookup(&e).unwrap_or(e.english));
    }
    let total = entries::entries(&parsed.leaflet, &ids).len();
    if !problems.is_empty() {
        let n = problems.len();
        // A file nobody has started: one line, not one per text.
        if n == total && !t.allow_incomplete {
            return Err(Diagnostics::one(
                Diagnostic::new(&file, format!("nothing is translated yet: the file's {n} texts are all to do"))
                    .help("send the file to the translator; once it comes back, build again (or add --allow-incomplete to see the layout with the English)"),
            ));
        }
        if !t.allow_incomplete {
            let mut d = Diagnostics {
                items: problems,
                source: None,
            }
            .with_source(&po_src.text);
            if let Some(last) = d.items.last_mut() {
                let help = last.help.take().unwrap_or_default();
                last.help = Some(format!(
                    "{help}\n{n} entr{} of the {language} translation not ready; to build with their English, add --allow-incomplete",
                    if n == 1 { "y" } else { "ies" }
                ));
            }
            return Err(d);
        }
        parsed.warnings.push(
            Diagnostic::new(
                &file,
                format!(
                    "{n} entr{} not translated or fuzzy: printed in English",
                    if n == 1 { "y is" } else { "ies are" }
                ),
            )
            .warning()
            .help(format!(
                "`leafpress translate status {}` lists them",
                src.path.display()
            )),
        );
    }
    parsed.leaflet.language = t.language.clone();
    own_pictures(src, parsed, language);
    let label = |name: &str| labels.get(name).cloned();
    parsed.leaflet.translated = Some(Translated {
        labels: LabelOverrides {
            about: label("about"),
            published: label("published"),
            review: label("review"),
            reference: label("reference"),
            sources: label("sources"),
            ..LabelOverrides::default()
        },
        credit: credit(
            &catalogue,
            &label("translation").unwrap_or_default(),
            &label("checked-by").unwrap_or_default(),
        ),
        file: file.clone(),
    });
    Ok(())
}

/// `images/knee.png` → `images/knee.ur.png` where the language has its own picture.
fn own_pictures(src: &Source, parsed: &mut Parsed, language: &str) {
    let base = src.path.parent().unwrap_or(Path::new("."));
    let swap = |given: &mut String| {
        let p = Path::new(given.as_str());
        let (Some(stem), Some(ext)) = (p.file_stem(), p.extension()) else {
            return;
        };
        let own = p.with_file_name(format!(
            "{}.{language}.{}",
            stem.to_string_lossy(),
            ext.to_string_lossy()
        ));
        if base.join(&own).is_file() {
            *given = own.to_string_lossy().into_owned();
        }
    };
    for block in &mut parsed.leaflet.blocks {
        match block {
            Block::Image(i) => swap(&mut i.src),
            Block::Exercise(e) => {
                if let Some(p) = e.image.as_mut() {
                    swap(&mut p.src);
                }
            }
            _ => {}
        }
    }
}

/// "**Translation:** Anna Nowak; checked by Piotr Zieliński, 2026-11-30" in "About
/// this leaflet", from the PO header (names without their e-mail addresses), in the
/// translation's words; nothing when the header names nobody.
fn credit(catalogue: &rspolib::POFile, translation: &str, checked_by: &str) -> Option<String> {
    let name = |key| po::header(catalogue, key).map(|v| v.split(" <").next().unwrap_or(v).trim().to_string());
    let (by, checker, date) = (name(po::TRANSLATOR), name(po::CHECKER), name(po::CHECKED));
    if by.is_none() && checker.is_none() {
        return None;
    }
    let mut line = format!("**{translation}:** {}", by.unwrap_or_else(|| "?".into()));
    if let Some(c) = checker {
        line.push_str(&format!("; {checked_by} {c}"));
        if let Some(d) = date {
            line.push_str(&format!(", {d}"));
        }
    }
    Some(line)
}
