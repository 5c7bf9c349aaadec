//! `leafpress new "Title"`: a leaflet that builds at once, from a template whose
//! comments say what each block is for, in a project with the schemas an editor
//! needs. It never overwrites anything but the generated schemas.

use leafpress::model::Date;
use std::path::{Path, PathBuf};

/// The templates, by name: (name, what it is, text).
pub const TEMPLATES: &[(&str, &str, &str)] = &[
    (
        "general",
        "a patient leaflet: headings, text, lists, a callout, an urgent box, questions, contact",
        include_str!("../../templates/general.yaml"),
    ),
    (
        "exercise",
        "an exercise sheet: exercises with steps, a plan table, a checklist, lines to write on",
        include_str!("../../templates/exercise.yaml"),
    ),
];

const PROJECT: &str = include_str!("../../templates/leafpress.yaml");

/// "Knee replacement exercises" → "knee-replacement-exercises".
pub fn slug(title: &str) -> String {
    let mut s = String::new();
    for c in title.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            s.push(c);
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    s.trim_end_matches('-').to_string()
}

/// A YAML double-quoted string: the title may hold `:` or `#`.
fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

pub fn list() {
    println!("Templates (leafpress new \"Title\" --template NAME):");
    for (name, about, _) in TEMPLATES {
        println!("  {name:<10} {about}");
    }
}

/// Writes the leaflet (and the project around it when there is none); returns the
/// content file's path, or a message naming what is in the way.
pub fn create(title: &str, template: &str, dir: &Path, today: Date) -> Result<PathBuf, String> {
    let Some((_, _, text)) = TEMPLATES.iter().find(|t| t.0 == template) else {
        let names: Vec<&str> = TEMPLATES.iter().map(|t| t.0).collect();
        return Err(format!(
            "there is no template \"{template}\": use one of {}",
            names.join(", ")
        ));
    };
    let name = slug(title);
    if name.is_empty() {
        return Err("the title needs at least one letter or digit (it names the file)".into());
    }
    // The project: the nearest leafpress.yaml above, or a new one here.
    let found = dir
        .ancestors()
        .find(|d| d.join(leafpress::model::project::FILE).is_file());
    let home = found.map_or_else(|| dir.to_path_buf(), Path::to_path_buf);
    let content = home.join("content");
    let file = content.join(format!("{name}.yaml"));
    if file.exists() {
        return Err(format!(
            "{} already exists: leafpress never overwrites a leaflet; choose another title or edit that file",
            file.display()
        ));
    }
    let write = |path: &Path, text: &str| -> Result<(), String> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("cannot make {}: {e}", parent.display()))?;
        }
        leafpress::base::files::write_atomically(path, text.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    let mut made = Vec::new();
    if found.is_none() {
        write(&home.join(leafpress::model::project::FILE), PROJECT)?;
        std::fs::create_dir_all(home.join("assets")).map_err(|e| format!("cannot make assets/: {e}"))?;
        made.push(leafpress::model::project::FILE.to_string());
        made.push("assets/".to_string());
    }
    // The schemas are leafpress's own files: brought up to date every time.
    let schemas = home.join(".leafpress");
    let pretty = |s: schemars::Schema| serde_json::to_string_pretty(&s).unwrap_or_default() + "\n";
    write(
        &schemas.join("content.schema.json"),
        &pretty(leafpress::present::schema::content()),
    )?;
    write(
        &schemas.join("project.schema.json"),
        &pretty(leafpress::present::schema::project()),
    )?;
    write(
        &schemas.join("exercise.schema.json"),
        &pretty(leafpress::present::schema::exercise()),
    )?;
    let rel = format!("content/{name}.yaml");
    let review = Date {
        year: today.year + 2,
        ..today
    };
    let leaflet = text
        .replace("{{schema}}", "../.leafpress/content.schema.json")
        .replace("{{path}}", &rel)
        .replace("{{title}}", &quoted(title.trim()))
        .replace("{{month}}", &format!("{:04}-{:02}", today.year, today.month))
        .replace("{{review}}", &format!("{:04}-{:02}", review.year, review.month));
    write(&file, &leaflet)?;
    made.push(rel);
    made.push(".leafpress/ (schemas for your editor)".into());
    for m in made {
        eprintln!("created {m}");
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    #[test]
    fn slugs_are_file_names() {
        assert_eq!(
            super::slug("Knee replacement exercises"),
            "knee-replacement-exercises"
        );
        assert_eq!(super::slug("  Hip: after surgery (v2)! "), "hip-after-surgery-v2");
        assert_eq!(super::slug("Zdrowie – kolano"), "zdrowie-kolano");
    }
}
