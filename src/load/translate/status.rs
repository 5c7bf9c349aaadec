//! How far each language's translation of a leaflet has got, against the English
//! as it is now: entries done, fuzzy and missing, which English the file was last
//! made from or updated to, who translated and checked it, and whether it is current.

use super::{po, English};
use crate::base::diag::Diagnostics;
use std::path::{Path, PathBuf};

/// One language's translation of one leaflet.
#[derive(Debug, Clone, PartialEq)]
pub struct LanguageStatus {
    pub language: String,
    pub file: PathBuf,
    /// Entries translated for the English as it is.
    pub done: usize,
    /// Entries marked fuzzy, or made for other English than the leaflet's now.
    pub fuzzy: usize,
    /// Entries with no translation, or not in the file at all.
    pub missing: usize,
    /// The file's `X-Source-Version`: the English it was exported or updated from.
    pub made_from: Option<String>,
    /// `Project-Id-Version`: the English leaflet's reference (or title) when the
    /// file was exported or last updated.
    pub reference: Option<String>,
    /// The English's version now (see [`super::entries::version`]).
    pub english: String,
    /// `Last-Translator`, `X-Checker` and `X-Checked-Date` from the header.
    pub translator: Option<String>,
    pub checker: Option<String>,
    pub checked: Option<String>,
}

impl LanguageStatus {
    /// Up to date with the English, and every entry done: it builds as it is.
    pub fn current(&self) -> bool {
        self.fuzzy == 0 && self.missing == 0 && self.made_from.as_deref() == Some(self.english.as_str())
    }
}

/// The status of every translation of the leaflet at `path` (translations/*/NAME.po),
/// by language.
pub fn status(path: &Path, root: Option<&Path>) -> Result<Vec<LanguageStatus>, Diagnostics> {
    let english = English::open(path, root)?;
    english
        .languages()
        .into_iter()
        .map(|lang| one(&english, &lang))
        .collect()
}

fn one(english: &English, language: &str) -> Result<LanguageStatus, Diagnostics> {
    let file = english.file(language, "po");
    let (_, catalogue) = po::read(&file)?;
    let by_context = po::by_context(&catalogue);
    let (mut done, mut fuzzy, mut missing) = (0, 0, 0);
    for e in &english.entries {
        match by_context.get(e.context.as_str()) {
            Some(p) if p.msgstr.as_deref().is_none_or(|s| s.trim().is_empty()) => missing += 1,
            Some(p) if p.fuzzy() || p.msgid != e.english => fuzzy += 1,
            Some(_) => done += 1,
            None => missing += 1,
        }
    }
    let header = |key| po::header(&catalogue, key).map(str::to_string);
    Ok(LanguageStatus {
        language: language.to_string(),
        file,
        done,
        fuzzy,
        missing,
        made_from: header(po::SOURCE_VERSION),
        reference: header(po::PROJECT_ID),
        english: super::entries::version(&english.entries),
        translator: header(po::TRANSLATOR),
        checker: header(po::CHECKER),
        checked: header(po::CHECKED),
    })
}
