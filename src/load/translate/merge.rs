//! `translate update`: a translation file brought up to date with the English, as
//! msgmerge does it. An entry whose English changed keeps its translation, marked
//! fuzzy with the English it was made for (`#| msgid`); a new text is untranslated;
//! a text gone from the English is kept as obsolete (`#~`), so nothing a translator
//! wrote is lost. An entry whose context changed (its heading was reworded) finds its
//! translation by its English: the same English as it was, or, failing that, a
//! similar one (then fuzzy).

use super::{po, English};
use crate::base::diag::Diagnostics;
use rspolib::{POEntry, POFile};
use std::path::{Path, PathBuf};

/// What an update did to one language's file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Merged {
    pub language: String,
    pub file: PathBuf,
    /// Entries whose translation still fits the English.
    pub kept: usize,
    /// Entries whose English changed: fuzzy now.
    pub fuzzy: usize,
    /// New texts, untranslated.
    pub new: usize,
    /// Texts gone from the English, kept as obsolete.
    pub obsolete: usize,
}

/// How alike two English texts must be for a translation of one to be offered,
/// fuzzy, for the other (normalised Levenshtein; msgmerge's own threshold is 0.6).
const SIMILAR: f64 = 0.6;

/// Updates the translation files of `language` (or of every language the leaflet
/// has one in) to its English.
pub fn update(path: &Path, root: Option<&Path>, language: Option<&str>) -> Result<Vec<Merged>, Diagnostics> {
    let english = English::open(path, root)?;
    let languages = match language {
        Some(l) => vec![l.to_string()],
        None => english.languages(),
    };
    let mut done = Vec::new();
    for lang in languages {
        let file = english.file(&lang, "po");
        if !file.is_file() {
            return Err(Diagnostics::one(
                crate::base::diag::Diagnostic::new(&file, "there is no translation file to update here")
                    .help(format!(
                        "make it with `leafpress translate export {} --lang {lang}`",
                        path.display()
                    )),
            ));
        }
        let (_, old) = po::read(&file)?;
        let (merged, counts) = merge(&old, &english, &lang);
        super::write(&file, &po::text(&merged))?;
        done.push(Merged {
            language: lang,
            file,
            ..counts
        });
    }
    Ok(done)
}

fn translated(e: &POEntry) -> bool {
    e.msgstr.as_deref().is_some_and(|s| !s.trim().is_empty())
}

/// Whether an old entry (first) carries its translation to a fresh one.
type Matches = dyn Fn(&POEntry, &POEntry) -> bool;

/// `old` merged with the English of `english`.
pub fn merge(old: &POFile, english: &English, language: &str) -> (POFile, Merged) {
    let notes = po::Notes::of(&english.parsed, &english.project);
    let fresh: Vec<POEntry> = english
        .entries
        .iter()
        .map(|e| po::po_entry(e, &notes, &english.src))
        .collect();
    let mut used = vec![false; old.entries.len()];
    let mut out: Vec<Option<POEntry>> = vec![None; fresh.len()];
    let mut counts = Merged::default();
    // 1. The same place with the same English; 2. the same English elsewhere (a
    // block inserted before it renumbered its context, or its heading was reworded);
    // 3. the same place with changed English, fuzzy.
    let passes: [&Matches; 3] = [
        &|o, n| !o.obsolete && o.msgctxt == n.msgctxt && o.msgid == n.msgid,
        &|o, n| translated(o) && o.msgid == n.msgid,
        &|o, n| !o.obsolete && o.msgctxt == n.msgctxt,
    ];
    for matches in passes {
        for (k, new) in fresh.iter().enumerate() {
            if out[k].is_some() {
                continue;
            }
            let found = (0..old.entries.len()).find(|&i| !used[i] && matches(&old.entries[i], new));
            if let Some(i) = found {
                used[i] = true;
                out[k] = Some(carry(new, &old.entries[i]));
            }
        }
    }
    // 4. By similar English: offered, fuzzy.
    for (k, new) in fresh.iter().enumerate() {
        if out[k].is_some() {
            continue;
        }
        let best = (0..old.entries.len())
            .filter(|&i| !used[i] && translated(&old.entries[i]))
            .map(|i| {
                (
                    i,
                    strsim::normalized_levenshtein(&old.entries[i].msgid, &new.msgid),
                )
            })
            .filter(|&(_, s)| s >= SIMILAR)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((i, _)) = best {
            used[i] = true;
            out[k] = Some(carry(new, &old.entries[i]));
        }
    }
    let mut entries: Vec<POEntry> = Vec::new();
    for (k, new) in fresh.into_iter().enumerate() {
        let e = out[k].take().unwrap_or(new);
        if !translated(&e) {
            counts.new += 1;
        } else if e.fuzzy() {
            counts.fuzzy += 1;
        } else {
            counts.kept += 1;
        }
        entries.push(e);
    }
    // Translations of texts the English no longer has: kept, obsolete.
    for (i, o) in old.entries.iter().enumerate() {
        if !used[i] && translated(o) {
            let mut gone = o.clone();
            gone.obsolete = true;
            gone.previous_msgid = None;
            gone.occurrences.clear();
            if !o.obsolete {
                counts.obsolete += 1;
            }
            entries.push(gone);
        }
    }
    let mut file = POFile::new(rspolib::FileOptions::default());
    file.header = old.header.clone();
    file.metadata = old.metadata.clone();
    file.metadata_is_fuzzy = old.metadata_is_fuzzy;
    file.metadata.insert(
        po::SOURCE_VERSION.into(),
        super::entries::version(&english.entries),
    );
    file.metadata.insert("Language".into(), language.into());
    file.metadata
        .insert(po::PROJECT_ID.into(), po::project_id(&english.parsed.leaflet));
    file.entries = entries;
    (file, counts)
}

/// The fresh entry `new` with the translation of `old`: unchanged when the English
/// is the same, else fuzzy with the English the translation was made for.
fn carry(new: &POEntry, old: &POEntry) -> POEntry {
    let mut e = new.clone();
    e.tcomment = old.tcomment.as_deref().map(po::wrap_comment);
    if !translated(old) {
        return e;
    }
    e.msgstr = old.msgstr.clone();
    if old.msgid == new.msgid {
        e.flags = old.flags.clone();
        e.previous_msgid = old.previous_msgid.clone();
    } else {
        e.flags = old.flags.clone();
        if !e.flags.iter().any(|f| f == "fuzzy") {
            e.flags.push("fuzzy".into());
        }
        // A translation already fuzzy was made for the older English still.
        e.previous_msgid = Some(old.previous_msgid.clone().unwrap_or_else(|| old.msgid.clone()));
    }
    e
}
