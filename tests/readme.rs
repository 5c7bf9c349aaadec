//! The README's promises to a new user, kept true: its first code block holds the two
//! developer commands, and the first-leaflet walk-through, run as written in an empty
//! folder, makes the files it names and every edition line of its table.

use std::path::{Path, PathBuf};
use std::process::Command;

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap()
}

/// The README section under `## title`, up to the next `## `.
fn section(text: &str, title: &str) -> String {
    let start = text
        .find(&format!("\n## {title}"))
        .unwrap_or_else(|| panic!("README has a section \"{title}\""));
    let rest = &text[start + 1..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |e| e + 3);
    rest[..end].to_string()
}

/// `leafpress …` commands in backticks or code blocks, in the order a reader meets
/// them, as a user would type them.
fn commands(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for line in text.split('`').flat_map(str::lines) {
        let line = line.split(" #").next().unwrap_or("").trim();
        if let Some(args) = line.strip_prefix("leafpress ") {
            let mut words = Vec::new();
            let mut quoted: Option<String> = None;
            for w in args.split_whitespace() {
                match (&mut quoted, w.strip_prefix('"')) {
                    (Some(q), _) => {
                        q.push(' ');
                        q.push_str(w.trim_end_matches('"'));
                        if w.ends_with('"') {
                            words.push(quoted.take().unwrap());
                        }
                    }
                    (None, Some(rest)) if rest.ends_with('"') => {
                        words.push(rest.trim_end_matches('"').into())
                    }
                    (None, Some(rest)) => quoted = Some(rest.into()),
                    (None, None) => words.push(w.into()),
                }
            }
            out.push(words);
        }
    }
    out
}

fn leafpress(dir: &Path, args: &[String]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_leafpress"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    (out.status.success(), text)
}

#[test]
fn the_first_code_block_builds_the_sample_and_runs_the_tests() {
    let text = readme();
    let block = text.split("```").nth(1).expect("a code block");
    let lines: Vec<&str> = block.lines().skip(1).filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 2, "two commands: {lines:?}");
    assert!(lines[0].starts_with("cargo run --release -- build content/acupuncture-hip-knee.yaml"));
    assert!(lines[1].starts_with("scripts/test"));
}

#[test]
fn the_first_leaflet_walk_through_works_as_written() {
    let text = readme();
    let walk = section(&text, "Your first leaflet in five minutes");
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("clinic-leaflets");
    std::fs::create_dir(&project).unwrap();
    let cmds = commands(&walk);
    assert!(cmds.len() >= 5, "{cmds:?}");
    for cmd in &cmds {
        if cmd.first().is_some_and(|c| c == "watch") {
            continue; // runs until Ctrl-C; tests/authoring.rs tests it
        }
        let (ok, out) = leafpress(&project, cmd);
        // `check` exits 1 when it finds errors; the walk-through's leaflet has none.
        assert!(ok, "`leafpress {}` failed:\n{out}", cmd.join(" "));
    }
    // Every file the walk-through names is there.
    for name in walk
        .split('`')
        .filter(|p| p.starts_with("out/") || p.starts_with("content/"))
    {
        let name = name.split_whitespace().next().unwrap();
        if name.ends_with(".pdf") || name.ends_with(".yaml") || name.ends_with(".eml") {
            assert!(project.join(name).is_file(), "{name} is made as the README says");
        }
    }
}

#[test]
fn every_edition_in_the_table_writes_the_file_it_names() {
    let text = readme();
    let editions = section(&text, "Editions: print, email, booklet, large print, tri-fold");
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let (ok, out) = leafpress(root, &["new".into(), "Leaflet".into()]);
    assert!(ok, "{out}");
    std::fs::rename(root.join("content/leaflet.yaml"), root.join("leaflet.yaml")).unwrap();
    let mut checked = 0;
    for line in editions
        .lines()
        .filter(|l| l.starts_with("leafpress build leaflet.yaml"))
    {
        let Some(named) = line.split("# → ").nth(1).and_then(|r| r.split(':').next()) else {
            continue;
        };
        let named = named.split(',').next().unwrap().trim();
        let args = commands(line).remove(0);
        let (ok, out) = leafpress(root, &args);
        assert!(ok, "`{line}` failed:\n{out}");
        let file: PathBuf = root.join(named);
        assert!(file.is_file(), "`{line}` wrote {named}:\n{out}");
        checked += 1;
    }
    assert!(checked >= 6, "the table's editions were read: {checked}");
}

#[test]
fn the_email_section_writes_the_drafts_it_names() {
    let text = readme();
    let email = section(&text, "Emailing a leaflet to a patient: `leafpress email`");
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let (ok, out) = leafpress(root, &["new".into(), "Knee".into()]);
    assert!(ok, "{out}");
    let mut checked = 0;
    for line in email.lines().filter(|l| l.starts_with("leafpress email")) {
        let named = line
            .split("# → ")
            .nth(1)
            .and_then(|r| r.split([',', ' ']).next())
            .unwrap();
        let args = commands(line).remove(0);
        let (ok, out) = leafpress(root, &args);
        assert!(ok, "`{line}` failed:\n{out}");
        assert!(root.join(named).is_file(), "`{line}` wrote {named}:\n{out}");
        checked += 1;
    }
    assert_eq!(checked, 5, "the section's commands were read");
}

#[test]
fn the_plan_section_works_as_written() {
    let text = readme();
    let plan = section(&text, "One patient's exercise plan");
    // A new project, with the sample exercises copied in as the section says.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let (ok, out) = leafpress(root, &["new".into(), "Leaflet".into()]);
    assert!(ok, "{out}");
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("library/exercises");
    let copied = Command::new("cp")
        .arg("-r")
        .arg(&from)
        .arg(root.join("exercises"))
        .status()
        .unwrap();
    assert!(copied.success());
    let first = plan.split("```").nth(1).expect("a code block");
    let cmds = commands(first);
    assert_eq!(cmds.len(), 1, "{cmds:?}");
    let (ok, out) = leafpress(root, &cmds[0]);
    assert!(ok, "`leafpress {}` failed:\n{out}", cmds[0].join(" "));
    assert!(
        root.join("plan-2026-12-07.pdf").is_file(),
        "the file the section names:\n{out}"
    );
    // The plan file, as printed, builds too (its `language: ur` included).
    let yaml = plan
        .split("```yaml")
        .find(|b| b.trim_start().starts_with("patient:"))
        .and_then(|b| b.split("```").next())
        .expect("a plan file");
    std::fs::create_dir(root.join("plans")).unwrap();
    std::fs::write(root.join("plans/khan.yaml"), yaml).unwrap();
    let (ok, out) = leafpress(
        root,
        &[
            "plan".into(),
            "plans/khan.yaml".into(),
            "-o".into(),
            "khan.pdf".into(),
        ],
    );
    assert!(ok, "the plan file failed:\n{out}");
    // Every row of the dose table is what the plan prints.
    let words = leafpress::model::plan::words::PlanWords::for_language("en");
    let mut rows = 0;
    for line in plan.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        let dose: leafpress::model::plan::dose::Dose = cells[0].trim_matches('`').parse().unwrap();
        assert_eq!(dose.words(&words), cells[1], "{line}");
        rows += 1;
    }
    assert!(rows >= 6, "the dose table was read: {rows}");
}
