//! The JSON Schemas editors use agree with the parser: every good content file in
//! the repository (and what `leafpress new` writes) validates against the content
//! schema, every project file against the project schema, and the structural bad
//! cases (unknown key, wrong type, unknown block, two types in a block, a missing
//! title, an unknown page size, a margin without a unit) are rejected by it.

mod common;

use common::repo;
use std::path::{Path, PathBuf};
use std::process::Command;

fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    v.sort();
    v
}

fn validator(kind: &str) -> jsonschema::Validator {
    let out = Command::new(env!("CARGO_BIN_EXE_leafpress"))
        .args(["schema", kind])
        .output()
        .unwrap();
    assert!(out.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    jsonschema::validator_for(&schema).expect("a valid JSON Schema")
}

fn read(path: &Path) -> serde_json::Value {
    // A byte-order mark (Notepad) is not part of the YAML: editors and leafpress drop it.
    let text = std::fs::read_to_string(path).unwrap();
    let yaml: serde_yaml::Value = serde_yaml::from_str(text.trim_start_matches('\u{feff}'))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::to_value(yaml).unwrap()
}

fn problems(v: &jsonschema::Validator, path: &Path) -> Vec<String> {
    v.iter_errors(&read(path))
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn good_files_validate() {
    let content = validator("content");
    let mut files = Vec::new();
    for dir in [
        "content",
        "library/content",
        "tests/cases",
        "tests/cases/plain",
        "tests/cases/languages",
    ] {
        files.extend(yaml_files(&repo().join(dir)));
    }
    // What `new` writes, from both templates.
    let dir = tempfile::tempdir().unwrap();
    for (title, template) in [("General leaflet", "general"), ("Exercise sheet", "exercise")] {
        let out = Command::new(env!("CARGO_BIN_EXE_leafpress"))
            .current_dir(dir.path())
            .args(["new", title, "--template", template])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    files.extend(yaml_files(&dir.path().join("content")));
    assert!(files.len() > 30, "{} files", files.len());
    for f in &files {
        let p = problems(&content, f);
        assert!(p.is_empty(), "{}: {p:?}", f.display());
    }
    // The exercise library, English and translations, against the exercise schema;
    // a misspelt key in one is rejected.
    let exercise = validator("exercise");
    let library = repo().join("library/exercises");
    let mut exercises = yaml_files(&library);
    exercises.extend(yaml_files(&library.join("ur")));
    exercises.extend(yaml_files(&library.join("ar")));
    assert!(exercises.len() >= 10, "{exercises:?}");
    for f in &exercises {
        let p = problems(&exercise, f);
        assert!(p.is_empty(), "{}: {p:?}", f.display());
        assert!(!problems(&content, f).is_empty(), "an exercise is not a leaflet");
    }
    let bad = dir.path().join("bad-exercise.yaml");
    std::fs::write(
        &bad,
        "name: Bridge
step: [Lie down.]
",
    )
    .unwrap();
    assert!(!problems(&exercise, &bad).is_empty());
    let project = validator("project");
    for f in [
        repo().join("library/leafpress.yaml"),
        dir.path().join("leafpress.yaml"),
    ] {
        let p = problems(&project, &f);
        assert!(p.is_empty(), "{}: {p:?}", f.display());
    }
}

#[test]
fn structural_mistakes_are_rejected() {
    let content = validator("content");
    let bad = repo().join("tests/cases/bad");
    for name in [
        "unknown-key",
        "wrong-type",
        "unknown-block",
        "two-types-in-one-block",
        "missing-title",
        "unknown-page-size",
        "margin-without-unit",
    ] {
        let p = problems(&content, &bad.join(format!("{name}.yaml")));
        assert!(!p.is_empty(), "{name} passes the schema");
    }
    // A typo in leafpress.yaml too.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("leafpress.yaml");
    std::fs::write(&file, "brand:\n  colours: {accent: \"#1B5E5A\"}\n").unwrap();
    assert!(!problems(&validator("project"), &file).is_empty());
}
