//! `translate export --format xliff`: the same entries as the PO file, as XLIFF 2.0
//! for agency CAT tools: one `<unit>` per text, named by its context, with the
//! translator's notes. Written here rather than with an XML crate: it is a fixed
//! shape of elements whose only variable parts are escaped text.

use super::{po, English};

/// `&`, `<`, `>` and quotes as entities: the only characters XML text and
/// attribute values cannot hold as themselves.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
    out
}

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
