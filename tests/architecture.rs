//! The house's rules, read from the source: every file of src/ belongs to a stage,
//! and a stage imports only the stages below it. A `crate::` path anywhere in code
//! (a `use`, a path in an expression, a serde attribute's string) is an import of
//! the stage it names; `super::` paths that climb out of a stage count the same.
//! Comments are not read: a doc link is not a dependency.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The stages, lowest first. A stage may import itself and any stage before it.
const STAGES: &[(&str, &str)] = &[
    (
        "base",
        "units, colours, a file's text, diagnostics, atomic writes",
    ),
    ("text", "fonts, shaping, inline markup, line breaking"),
    (
        "model",
        "a leaflet's and a project's data, the design, the edition",
    ),
    (
        "images",
        "decoding, pixels, preparing for a target, the image cache",
    ),
    (
        "load",
        "reading and parsing files with locations, traps and fixes, resolving",
    ),
    ("layout", "blocks to positioned pages"),
    ("review", "the build's warnings and the plain-language review"),
    ("output", "imposition and the PDF"),
    ("present", "reports and schemas"),
    ("engine", "fonts, theme and caches owned; editions run"),
    ("cli", "the command line (src/main.rs and src/cli/)"),
];

/// Files bigger than this are to be split (the house rule is ~600 lines).
const MAX_LINES: usize = 640;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rank(stage: &str) -> Option<usize> {
    STAGES.iter().position(|(s, _)| *s == stage)
}

/// Every .rs file under src/, relative to it.
fn files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&src(), &mut out);
    out.sort();
    out.into_iter()
        .map(|p| p.strip_prefix(src()).unwrap().to_path_buf())
        .collect()
}

/// The stage a file belongs to: its top folder under src/ (lib.rs is the crate's
/// table of contents and belongs to none; main.rs is the command line).
fn stage_of(file: &Path) -> Option<String> {
    let first = file.components().next()?.as_os_str().to_str()?;
    match first {
        "lib.rs" => None,
        "main.rs" => Some("cli".into()),
        f if f.ends_with(".rs") => Some(f.trim_end_matches(".rs").into()),
        f => Some(f.into()),
    }
}

/// The module path of a file inside the library (src/load/parse.rs → [load, parse]).
fn module_path(file: &Path) -> Vec<String> {
    let mut parts: Vec<String> = file
        .iter()
        .map(|c| c.to_str().unwrap().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The code of a file without its comments (line comments and doc comments),
/// line by line; string contents are kept (serde names functions in strings).
fn code_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| {
            let mut in_str = false;
            let bytes = line.as_bytes();
            for i in 0..bytes.len() {
                match bytes[i] {
                    b'"' if i == 0 || bytes[i - 1] != b'\\' => in_str = !in_str,
                    b'/' if !in_str && bytes.get(i + 1) == Some(&b'/') => return line[..i].to_string(),
                    _ => {}
                }
            }
            line.to_string()
        })
        .collect()
}

/// The top-level modules (stages) a line of code names through `crate::`, through
/// `crate::{a, b}` groups, and through `super::` chains that climb to the crate root.
fn named_stages(line: &str, module: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut rest = line;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().last();
        let after = &rest[at + "crate::".len()..];
        rest = after;
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // `leafpress_crate::` or similar: not this crate's root
        }
        if let Some(group) = after.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                let name = ident(item.trim());
                if !name.is_empty() {
                    out.push(name);
                }
            }
        } else {
            out.push(ident(after));
        }
    }
    // `super::super::x` from src/a/b.rs climbs past the crate root's child `a`.
    let mut rest = line;
    while let Some(at) = rest.find("super::") {
        let before = rest[..at].chars().last();
        let mut after = &rest[at..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            rest = &after["super::".len()..];
            continue;
        }
        let mut depth = module.len();
        while let Some(next) = after.strip_prefix("super::") {
            depth = depth.saturating_sub(1);
            after = next;
        }
        if depth == 0 {
            out.push(ident(after));
        }
        rest = after;
    }
    out
}

/// What every file imports: (file, line number, stage named, the line).
fn imports() -> Vec<(PathBuf, usize, String, String)> {
    let mut out = Vec::new();
    for file in files() {
        let text = std::fs::read_to_string(src().join(&file)).unwrap();
        let module = module_path(&file);
        for (n, line) in code_lines(&text).iter().enumerate() {
            for stage in named_stages(line, &module) {
                out.push((file.clone(), n + 1, stage, line.trim().to_string()));
            }
        }
    }
    out
}

/// The problems of the source tree with the stage table: files outside any stage,
/// and imports of a stage above the importer's.
fn violations() -> Vec<String> {
    let mut problems = Vec::new();
    for file in files() {
        if let Some(stage) = stage_of(&file) {
            if rank(&stage).is_none() {
                problems.push(format!(
                    "src/{}: belongs to no stage (\"{stage}\" is not in STAGES in tests/architecture.rs)",
                    file.display()
                ));
            }
        }
    }
    for (file, line, named, code) in imports() {
        let Some(stage) = stage_of(&file) else { continue };
        if stage == "cli" {
            continue; // the binary's `crate::` is the binary itself
        }
        let (Some(own), Some(other)) = (rank(&stage), rank(&named)) else {
            continue; // a crate-root item (e.g. `crate::Diagnostics`) or a stage flagged above
        };
        if other > own {
            let allowed: Vec<&str> = STAGES[..=own].iter().map(|(s, _)| *s).collect();
            problems.push(format!(
                "src/{}:{line}: {stage} imports {named}, a stage above it: `{code}` ({stage} may import only {})",
                file.display(),
                allowed.join(", ")
            ));
        }
    }
    problems
}

#[test]
fn every_stage_imports_only_the_stages_below_it() {
    let problems = violations();
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

#[test]
fn the_crate_root_declares_the_stages_in_order() {
    let lib = std::fs::read_to_string(src().join("lib.rs")).unwrap();
    let declared: Vec<&str> = lib
        .lines()
        .filter_map(|l| l.strip_prefix("pub mod ")?.strip_suffix(';'))
        .collect();
    let expected: Vec<&str> = STAGES.iter().map(|(s, _)| *s).filter(|s| *s != "cli").collect();
    assert_eq!(
        declared, expected,
        "src/lib.rs declares the stages of STAGES, lowest first"
    );
    let main = std::fs::read_to_string(src().join("main.rs")).unwrap();
    let modules: Vec<&str> = main
        .lines()
        .filter_map(|l| {
            l.trim_start_matches("pub ")
                .strip_prefix("mod ")?
                .strip_suffix(';')
        })
        .collect();
    assert_eq!(modules, ["cli"], "src/main.rs holds only the cli module");
}

#[test]
fn no_mutable_state_outside_base() {
    // Global mutable state: a `static` lock, cell or atomic. (A `OnceLock` filled once
    // with data that never changes, such as a word list, is a constant.)
    let mut problems = Vec::new();
    for file in files() {
        let text = std::fs::read_to_string(src().join(&file)).unwrap();
        for (n, line) in code_lines(&text).iter().enumerate() {
            let l = line.trim_start();
            let is_static = l.starts_with("static ")
                || l.starts_with("pub static ")
                || l.starts_with("pub(crate) static ");
            let mutable = ["Mutex", "RwLock", "Atomic", "RefCell", "Cell<", "static mut"]
                .iter()
                .any(|m| l.contains(m));
            if is_static && mutable && stage_of(&file).as_deref() != Some("base") {
                problems.push(format!("src/{}:{}: `{}`", file.display(), n + 1, l));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "global mutable state:\n{}",
        problems.join("\n")
    );
}

#[test]
fn only_the_output_stage_knows_pdf() {
    let mut problems = Vec::new();
    for file in files() {
        if stage_of(&file).as_deref() == Some("output") {
            continue;
        }
        let text = std::fs::read_to_string(src().join(&file)).unwrap();
        for (n, line) in code_lines(&text).iter().enumerate() {
            if line.contains("printpdf::") || line.contains("lopdf::") {
                problems.push(format!("src/{}:{}: `{}`", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "PDF crates outside the output stage:\n{}",
        problems.join("\n")
    );
}

#[test]
fn no_file_is_much_over_600_lines() {
    let long: BTreeMap<String, usize> = files()
        .into_iter()
        .map(|f| {
            let lines = std::fs::read_to_string(src().join(&f)).unwrap().lines().count();
            (format!("src/{}", f.display()), lines)
        })
        .filter(|(_, n)| *n > MAX_LINES)
        .collect();
    assert!(
        long.is_empty(),
        "split these (at most {MAX_LINES} lines): {long:?}"
    );
}

#[test]
fn the_reader_sees_through_groups_super_and_strings() {
    // The checks above are only as good as this reading of a line.
    let module = ["load".to_string(), "parse".to_string()];
    assert_eq!(
        named_stages("use crate::{base::diag, model::Block};", &module),
        ["base", "model"]
    );
    assert_eq!(
        named_stages("x: crate::layout::Item, // crate::engine", &module),
        ["layout", "engine"]
    );
    assert_eq!(
        named_stages("use super::super::layout::Item;", &module),
        ["layout"]
    );
    assert_eq!(named_stages("use super::traps;", &module), Vec::<String>::new());
    assert_eq!(
        named_stages(
            "#[serde(deserialize_with = \"crate::base::units::from_str\")]",
            &module
        ),
        ["base"]
    );
    assert_eq!(code_lines("let a = 1; // crate::engine\n"), ["let a = 1; "]);
    assert_eq!(code_lines("let s = \"a // b\";"), ["let s = \"a // b\";"]);
}
