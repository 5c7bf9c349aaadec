//! `translate export --format xliff`: the same entries as the PO file, as XLIFF 2.0
//! for agency CAT tools: one `<unit>` per text, named by its context, with the
//! translator's notes. Written here rather than with an XML crate: it is a fixed
//! shape of elements whose only variable parts are escaped text. `translate import`
//! reads the file back (roxmltree) into the PO file the build uses.

use super::{po, English};
use crate::base::diag::{Diagnostic, Diagnostics};
use crate::base::source::Source;
use std::path::{Path, PathBuf};

use crate::base::escape::xml as escape;

/// A unit's `id` is an XML name token, which cannot hold `/`: the context with `.`
/// for `/` (contexts hold letters, digits and hyphens besides), and the context
/// itself as its `name`.
pub fn unit_id(context: &str) -> String {
    context.replace('/', ".")
}

/// The XLIFF 2.0 document of `english`'s texts for translation into `language`.
pub fn write(english: &English, language: &str) -> String {
    let notes = po::Notes::of(&english.parsed, &english.project);
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.push_str(&format!(
        "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"{}\" trgLang=\"{}\">\n",
        escape(english.parsed.leaflet.language.as_str()),
        escape(language)
    ));
    x.push_str(&format!(
        "  <file id=\"f1\" original=\"{}\">\n",
        escape(&english.src.path.display().to_string())
    ));
    x.push_str(&format!(
        "    <notes><note category=\"source-version\">{}</note></notes>\n",
        super::entries::version(&english.entries)
    ));
    for e in &english.entries {
        let entry = po::po_entry(e, &notes, &english.src);
        x.push_str(&format!(
            "    <unit id=\"{}\" name=\"{}\">\n      <notes>\n",
            escape(&unit_id(&e.context)),
            escape(&e.context)
        ));
        for line in entry.comment.as_deref().unwrap_or("").lines() {
            x.push_str(&format!(
                "        <note category=\"description\">{}</note>\n",
                escape(line)
            ));
        }
        x.push_str(&format!(
            "      </notes>\n      <segment>\n        <source>{}</source>\n      </segment>\n    </unit>\n",
            escape(&e.english)
        ));
    }
    x.push_str("  </file>\n</xliff>\n");
    x
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Imported {
    pub file: PathBuf,
    /// Targets taken for the English they were made for.
    pub taken: usize,
    /// Targets made for other English than the leaflet's now: taken, fuzzy.
    pub fuzzy: usize,
    /// Units the leaflet no longer has, or with no target: left alone.
    pub skipped: usize,
}

/// One unit read back: its context (`name`), source and target.
struct Unit {
    context: String,
    source: String,
    target: String,
}

/// The text of an element, inline elements' text included.
fn text_of(node: roxmltree::Node) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}

fn units(src: &Source, language: &str) -> Result<Vec<Unit>, Diagnostics> {
    let doc = roxmltree::Document::parse(&src.text).map_err(|e| {
        let at = po::line_span(&src.text, e.pos().row as usize);
        Diagnostics::one(
            Diagnostic::new(&src.path, format!("this XLIFF file is not well-formed XML: {e}"))
                .at(at)
                .help("export it again from the translation tool, as XLIFF 2.0"),
        )
        .with_source(&src.text)
    })?;
    let root = doc.root_element();
    let wrong =
        |msg: String, help: &str| Diagnostics::one(Diagnostic::new(&src.path, msg).help(help.to_string()));
    if root.tag_name().name() != "xliff" || root.attribute("version").is_none_or(|v| !v.starts_with('2')) {
        return Err(wrong(
            "this is not an XLIFF 2 file".into(),
            "export it from the translation tool as XLIFF 2.0, the version `translate export --format xliff` wrote",
        ));
    }
    if let Some(target) = root.attribute("trgLang") {
        if !target.eq_ignore_ascii_case(language) {
            return Err(wrong(
                format!("this file is a translation into {target}, not {language}"),
                "put it in the folder of its own language, or give that language with --lang",
            ));
        }
    }
    Ok(root
        .descendants()
        .filter(|n| n.has_tag_name(("urn:oasis:names:tc:xliff:document:2.0", "unit")))
        .map(|u| {
            let part = |name: &str| {
                u.descendants()
                    .find(|n| n.tag_name().name() == name)
                    .map(text_of)
                    .unwrap_or_default()
            };
            Unit {
                context: u
                    .attribute("name")
                    .map(str::to_string)
                    .unwrap_or_else(|| u.attribute("id").unwrap_or("").replace('.', "/")),
                source: part("source"),
                target: part("target"),
            }
        })
        .collect())
}

/// Reads translations/LANG/NAME.xlf's targets into translations/LANG/NAME.po (made
/// from the English when there is none): a target for the English as it is becomes
/// the translation; one made for other English is taken fuzzy, with that English as
/// its previous msgid, for the translator to check.
pub fn import(path: &Path, root: Option<&Path>, language: &str) -> Result<Imported, Diagnostics> {
    let english = English::open(path, root)?;
    let xlf = english.file(language, "xlf");
    let src = Source::read(&xlf)?;
    let units = units(&src, language)?;
    let po_path = english.file(language, "po");
    let mut catalogue = if po_path.is_file() {
        let (_, old) = po::read(&po_path)?;
        super::merge::merge(&old, &english, language).0
    } else {
        po::new_file(
            &english.entries,
            &english.parsed,
            &english.project,
            &english.src,
            language,
        )
    };
    let mut done = Imported {
        file: po_path.clone(),
        ..Imported::default()
    };
    for unit in units {
        let entry = catalogue
            .entries
            .iter_mut()
            .find(|e| !e.obsolete && e.msgctxt.as_deref() == Some(unit.context.as_str()));
        match entry {
            Some(e) if !unit.target.trim().is_empty() => {
                e.msgstr = Some(unit.target);
                e.flags.retain(|f| f != "fuzzy");
                e.previous_msgid = None;
                if e.msgid == unit.source {
                    done.taken += 1;
                } else {
                    e.flags.push("fuzzy".into());
                    e.previous_msgid = Some(unit.source);
                    done.fuzzy += 1;
                }
            }
            _ => done.skipped += 1,
        }
    }
    super::write(&po_path, &po::text(&catalogue))?;
    Ok(done)
}
