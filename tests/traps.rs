//! The YAML traps leaflet writers meet: every suggested fix, applied, reads back as
//! the text that was typed; `check --fix` changes those lines and nothing else; and a
//! file with several mistakes reports all of them.

mod common;

use common::*;
use leafpress::base::source::Source;
use leafpress::load::{parse, traps};
use std::process::Command;

fn leafpress() -> Command {
    Command::new(env!("CARGO_BIN_EXE_leafpress"))
}

fn source(path: std::path::PathBuf, text: String) -> Source {
    Source { path, text }
}

/// Each trap case in tests/cases/bad, fixed as its help says, parses; a text fix gives
/// back exactly the text on the line (which the leaflet then holds); the help shows
/// the line as fixed.
#[test]
fn every_suggested_fix_reads_back_as_the_text_typed() {
    let mut cases: Vec<_> = std::fs::read_dir(repo().join("tests/cases/bad"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("trap-"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 28);
    for case in cases {
        let text = std::fs::read_to_string(&case).unwrap();
        let found = traps::check(&text);
        let Some((trap, fix)) = found.iter().find_map(|t| Some((t, t.fix.clone()?))) else {
            panic!("{case:?}: no fix reads as meant: {found:#?}");
        };
        let fixed = traps::apply(&text, &found);
        let leaflet = parse(&source(case.clone(), fixed.clone()))
            .unwrap_or_else(|d| panic!("{case:?} fixed does not parse:\n{fixed}\n{d}"));
        let texts: Vec<&str> = leaflet.blocks.iter().flat_map(|b| b.texts()).collect();
        assert!(
            fix.intended.is_empty() || texts.contains(&fix.intended.as_str()),
            "{case:?}: {:?} not in {texts:?}",
            fix.intended
        );
        // And the help shows exactly that line.
        let help = trap.advice();
        let first = fix.replacement.lines().next().unwrap();
        assert!(
            help.contains(first.trim_start()) || help.contains(&traps::visible(first)),
            "{case:?}: {help}"
        );
    }
}

#[test]
fn check_fix_rewrites_the_traps_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("every-trap.yaml");
    let original = std::fs::read_to_string(repo().join("tests/cases/traps/every-trap.yaml")).unwrap();
    std::fs::write(&file, &original).unwrap();
    let out = leafpress().args(["check", "--fix"]).arg(&file).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("- paragraph: *Always* tell us") && err.contains("+   - paragraph: \"*Always* tell us"),
        "{err}"
    );
    assert!(err.contains("fixed 13 places"), "{err}");
    let fixed = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("every-trap.yaml.bak")).unwrap(),
        original
    );
    // Line by line: a line is either the same, or one of the fixed lines.
    let changes = traps::fix(&original).changes;
    let touched: Vec<usize> = changes
        .iter()
        .flat_map(|c| (c.line..c.line + c.before.lines().count()).collect::<Vec<_>>())
        .collect();
    let mut new_lines = fixed.lines();
    for (n, old) in original.lines().enumerate() {
        if touched.contains(&(n + 1)) {
            continue;
        }
        // Skip the lines a fix added, then the unchanged line must follow as it was.
        let found = new_lines.by_ref().any(|l| l == old);
        assert!(found, "line {} changed or lost: {old:?}", n + 1);
    }
    assert!(fixed.starts_with("# A leaflet with every trap: comments like this one must stay.\n"));
    // The fixed file builds, and holds the text as typed.
    let built = leafpress::build(&file, &Default::default()).unwrap();
    let words: String = (0..built.layout.pages.len())
        .map(|n| page_text(&built.layout, n))
        .collect();
    for text in [
        "Call us on #3 today",
        "# Our team",
        "@clinic on social media",
        "&more text",
        "“Josh” is our",
    ] {
        assert!(words.contains(text), "{text:?} not in:\n{words}");
    }
    // A second run has nothing to fix and leaves the file alone.
    let out = leafpress()
        .args(["check", "--fix", "--no-backup"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing to fix"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), fixed);
}

#[test]
fn three_independent_mistakes_are_three_errors() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("three.yaml");
    std::fs::write(
        &file,
        "title: Three mistakes\nblocks:\n  - paragraph: Fine.\n  - bulets: [one, two]\n  - quote: {text: Fine, bye: Eddie}\n  - image: {src: a.png, alt: A, width: wide}\n  - paragraph: *Always* ask.\n",
    )
    .unwrap();
    let out = leafpress().arg("check").arg(&file).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<&str> = err.lines().filter(|l| l.contains("three.yaml:")).collect();
    assert_eq!(lines.len(), 4, "{err}");
    for (line, at) in lines
        .iter()
        .zip(["three.yaml:4:", "three.yaml:5:", "three.yaml:6:", "three.yaml:7:"])
    {
        assert!(line.contains(at), "in file order: {err}");
    }
    assert!(err.contains("unknown block type \"bulets\""), "{err}");
    assert!(err.contains("unknown key \"bye\""), "{err}");
    assert!(err.contains("\"wide\" is not a length"), "{err}");
    assert!(err.contains("reads as a reference"), "{err}");
    assert!(err.trim_end().ends_with("4 errors"), "{err}");
}

#[test]
fn words_curly_quotes_are_a_warning_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("curly.yaml");
    std::fs::write(&file, "title: T\nblocks:\n  - paragraph: “Quoted by Word”\n").unwrap();
    let out = leafpress().arg("check").arg(&file).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("curly.yaml:3:16: warning[content]: this text is inside Word's curly quotes"),
        "{text}"
    );
}
