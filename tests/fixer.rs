//! `check --fix` keeps a promise: a place it changes reads, once fixed, as the text the
//! writer meant (every string the file held, in order, and nothing else); a place it
//! cannot fix that way is left byte for byte as it was, with the reason said.
//!
//! Checked on the mistakes a user met (issue 21), on every file in tests/cases, and on
//! mistakes made on purpose in the good files, line by line (a fixed seed).

mod common;

use common::*;
use leafpress::base::source::Source;
use leafpress::load::{parse, traps};
use std::path::{Path, PathBuf};

/// Every string value of a YAML text, in order (keys left out); None when it is not YAML.
fn strings(text: &str) -> Option<Vec<String>> {
    fn walk(v: &serde_yaml::Value, out: &mut Vec<String>) {
        match v {
            serde_yaml::Value::String(s) => out.push(s.clone()),
            serde_yaml::Value::Sequence(items) => items.iter().for_each(|i| walk(i, out)),
            serde_yaml::Value::Mapping(m) => m.values().for_each(|i| walk(i, out)),
            serde_yaml::Value::Tagged(t) => walk(&t.value, out),
            _ => {}
        }
    }
    let value: serde_yaml::Value = serde_yaml::from_str(text).ok()?;
    let mut out = Vec::new();
    walk(&value, &mut out);
    Some(out)
}

/// Whether the text reads as a leaflet (what `check` and `build` need first).
fn reads(text: &str) -> bool {
    parse(&Source {
        path: PathBuf::from("x.yaml"),
        text: text.to_string(),
    })
    .is_ok()
}

fn nth_line(text: &str, n: usize) -> Option<&str> {
    text.split('\n').nth(n)
}

/// The mistakes of issue 21, and the text each file was meant to hold.
#[test]
fn the_reported_mistakes_are_fixed_to_what_was_meant() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "an item one space short of the items above",
            "title: T\nblocks:\n  - bullets:\n      - one\n      - two\n     - three\n",
            &["T", "one", "two", "three"],
        ),
        (
            "an unclosed quote",
            "title: T\nblocks:\n  - paragraph: \"Josh is our acupuncturist.\n",
            &["T", "Josh is our acupuncturist."],
        ),
        (
            "a no-break space after `heading:`",
            "title: T\nblocks:\n  - heading:\u{a0}Welcome\n  - paragraph: Hi.\n",
            &["T", "Welcome", "Hi."],
        ),
        (
            "what the old fix made of it: a no-break space before the heading",
            "title: T\nblocks:\n  - heading: \u{a0}Welcome\n  - paragraph: Hi.\n",
            &["T", "Welcome", "Hi."],
        ),
        (
            "Word's curly quotes around text with a colon",
            "title: T\nblocks:\n  - paragraph: \u{201c}Note: bring your glasses.\u{201d}\n",
            &["T", "Note: bring your glasses."],
        ),
        (
            "curly quotes around a list item with a colon",
            "title: T\nblocks:\n  - bullets:\n      - \u{201c}Monday: 9am to 5pm\u{201d}\n      - \u{2018}Tuesday: closed\u{2019}\n",
            &["T", "Monday: 9am to 5pm", "Tuesday: closed"],
        ),
        (
            "a no-break space after `-`",
            "title: T\nblocks:\n  - bullets:\n      - one\n      -\u{a0}two\n",
            &["T", "one", "two"],
        ),
        (
            "a no-break space after `- `",
            "title: T\nblocks:\n  - bullets:\n      - one\n      - \u{a0}two\n",
            &["T", "one", "two"],
        ),
        (
            "no-break spaces as indentation",
            "title: T\nblocks:\n  - bullets:\n      - one\n\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}- two\n",
            &["T", "one", "two"],
        ),
        (
            "a narrow no-break space as indentation",
            "title: T\nblocks:\n  - paragraph: One.\n\u{202f} - paragraph: Two.\n",
            &["T", "One.", "Two."],
        ),
        (
            "a zero-width space in a block type",
            "title: T\nblocks:\n  - para\u{200b}graph: Hello.\n",
            &["T", "Hello."],
        ),
        (
            "a zero-width space in the text",
            "title: T\nblocks:\n  - paragraph: Hel\u{200b}lo.\n",
            &["T", "Hello."],
        ),
        (
            "a byte-order mark in the middle of the file",
            "title: T\nblocks:\n  - paragraph: One.\n\u{feff}  - paragraph: Two.\n",
            &["T", "One.", "Two."],
        ),
        (
            "a tab as indentation",
            "title: T\nblocks:\n  - bullets:\n      - one\n\t- two\n      - three\n",
            &["T", "one", "two", "three"],
        ),
    ];
    for (what, bad, meant) in cases {
        let meant: Vec<String> = meant.iter().map(|s| s.to_string()).collect();
        assert!(
            !reads(bad) || strings(bad) != Some(meant.clone()),
            "{what}: no mistake"
        );
        let fixed = traps::fix(bad).text;
        assert!(reads(&fixed), "{what}: the fixed file does not read:\n{fixed}");
        assert_eq!(strings(&fixed).unwrap(), meant, "{what}:\n{fixed}");
    }
}

fn leafpress() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("leafpress").unwrap()
}

/// What a practice manager sees: the real column, the corrected line with its spaces
/// shown, the invisible character named; and a place left alone says why.
#[test]
fn check_fix_says_what_it_did_and_why_it_left_a_place() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hours.yaml");
    std::fs::write(
        &file,
        "title: Opening hours\nblocks:\n  - bullets:\n      - Wear loose clothes\n     - Bring a towel\n  - heading:\u{a0}Welcome\n",
    )
    .unwrap();
    let out = leafpress()
        .args(["check", "--fix", "--no-backup"])
        .arg(&file)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("hours.yaml:5: this item is indented by 5 spaces and the one above by 6"),
        "{err}"
    );
    assert!(
        err.contains("- ·····- Bring a towel\n+ ······- Bring a towel"),
        "{err}"
    );
    assert!(
        err.contains("hours.yaml:6: after `heading:` comes a no-break space, U+00A0"),
        "{err}"
    );
    assert!(
        err.contains("- ··- heading:⟨no-break space⟩Welcome\n+ ··- heading: Welcome"),
        "{err}"
    );
    assert!(err.contains("fixed 2 places"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "title: Opening hours\nblocks:\n  - bullets:\n      - Wear loose clothes\n      - Bring a towel\n  - heading: Welcome\n"
    );

    // A misplaced key in a block that has another mistake: no column makes the block
    // read, so the line stays as it is and the reason is given.
    let stuck = dir.path().join("stuck.yaml");
    let text = "title: T\nblocks:\n  - quote:\n      text: Hello\n      bye: Eddie\n     by: Pat\n";
    std::fs::write(&stuck, text).unwrap();
    let out = leafpress()
        .args(["check", "--fix", "--no-backup"])
        .arg(&stuck)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(std::fs::read_to_string(&stuck).unwrap(), text);
    assert!(err.contains("stuck.yaml:6: left as it is:"), "{err}");
    assert!(err.contains("unknown key \"bye\""), "{err}");
    assert_eq!(out.status.code(), Some(1), "{err}");
}

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            yaml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml") {
            out.push(path);
        }
    }
}

/// The text an `# expect:` line shows as the corrected line, when it is one item of
/// text (`- paragraph: "&more about us"`).
fn expected_text(line: &str) -> Option<String> {
    let shown = line.strip_prefix("# expect: ")?;
    if !shown.starts_with("- ") {
        return None;
    }
    let strings = strings(shown)?;
    (strings.len() == 1).then(|| strings[0].clone())
}

/// Every file in tests/cases: a good one is left as it is; a bad one is fixed to read
/// as its `# expect:` lines say, or left as it was with a reason.
#[test]
fn every_case_file_is_fixed_to_what_was_meant_or_left_with_a_reason() {
    let mut files = Vec::new();
    yaml_files(&repo().join("tests/cases"), &mut files);
    files.sort();
    assert!(files.len() > 80, "{}", files.len());
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
        let name = file.strip_prefix(repo()).unwrap().display().to_string();
        let fixed = traps::fix(&text);
        if reads(&text) {
            assert_eq!(fixed.text, text, "{name}: a file that reads was changed");
            continue;
        }
        if fixed.text == text {
            // Left as it is: `check` says why (the file does not read).
            continue;
        }
        let now = strings(&fixed.text);
        let wanted: Vec<String> = text.lines().filter_map(expected_text).collect();
        for w in &wanted {
            assert!(
                now.as_ref().is_some_and(|s| s.contains(w)),
                "{name}: {w:?} not in the fixed file:\n{}",
                fixed.text
            );
        }
        assert!(
            reads(&fixed.text) || !fixed.left.is_empty(),
            "{name}: fixed into a file that does not read, with nothing said:\n{}",
            fixed.text
        );
        // The lines not changed are all there, in order.
        let changed: usize = fixed.changes.iter().map(|c| c.before.lines().count()).sum();
        let after: Vec<&str> = fixed.text.lines().collect();
        let (mut kept, mut from) = (0, 0);
        for l in text.lines() {
            if let Some(k) = after[from..].iter().position(|a| *a == l) {
                kept += 1;
                from += k + 1;
            }
        }
        assert!(
            kept + changed >= text.lines().count(),
            "{name}: more than the traps changed:\n{}",
            fixed.text
        );
        // A second run has nothing more to do.
        assert_eq!(
            traps::fix(&fixed.text).text,
            fixed.text,
            "{name}: a second run changes it again"
        );
    }
}

/// xorshift64*: the same mistakes on every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n.max(1)
    }
}

const KINDS: &[&str] = &[
    "a tab as indentation",
    "a no-break space after `-`",
    "no-break spaces as indentation",
    "curly quotes around a value with a colon",
    "an unclosed quote",
    "an indent one space off",
    "a zero-width space",
];

const TEXT_KEYS: &[&str] = &[
    "title",
    "subtitle",
    "author",
    "footer",
    "heading",
    "subheading",
    "paragraph",
    "text",
    "caption",
    "alt",
    "q",
    "a",
    "by",
    "name",
    "address",
    "repeat",
];

/// A line's indentation, and what follows it.
fn split_indent(line: &str) -> (usize, &str) {
    let body = line.trim_start_matches(' ');
    (line.len() - body.len(), body)
}

/// The value of a `key: value` or `- value` line that holds one line of text: where it
/// starts in the line.
fn text_value(line: &str) -> Option<usize> {
    let (indent, body) = split_indent(line);
    let (at, value) = if let Some(v) = body.strip_prefix("- ") {
        (indent + 2, v)
    } else {
        let (key, v) = body.split_once(": ")?;
        if !TEXT_KEYS.contains(&key) {
            return None;
        }
        (indent + key.len() + 2, v)
    };
    let plain = !value.is_empty()
        && !value.starts_with([
            '>', '|', '[', '{', '"', '\'', '&', '*', '!', '%', '@', '`', '#', '-',
        ])
        && !value.contains(" #")
        && !value.contains(": ")
        && !value.ends_with(':')
        && !value.contains(['\u{201c}', '\u{201d}', '\\', '"']);
    plain.then_some(at)
}

/// One mistake of `kind` made on line `n` of `good`: the good text it stands for (the same
/// file, or with the line rewritten as it was meant) and the text with the mistake.
fn mistake(good: &str, n: usize, kind: &str, rng: &mut Rng) -> Option<(String, String)> {
    let lines: Vec<&str> = good.split('\n').collect();
    let line = lines[n];
    let (indent, body) = split_indent(line);
    if body.trim().is_empty() || body.starts_with('#') {
        return None;
    }
    let with = |new: String| {
        let mut l = lines.clone();
        l[n] = &new;
        l.join("\n")
    };
    let (meant, bad) = match kind {
        "a tab as indentation" if indent > 0 => (line.to_string(), format!("\t{body}")),
        "a no-break space after `-`" => {
            let item = body.strip_prefix("- ")?;
            if rng.below(2) == 0 {
                (line.to_string(), format!("{}-\u{a0}{item}", &line[..indent]))
            } else {
                (line.to_string(), format!("{}- \u{a0}{item}", &line[..indent]))
            }
        }
        "no-break spaces as indentation" if indent > 0 => {
            if rng.below(2) == 0 {
                (line.to_string(), format!("{}{body}", "\u{a0}".repeat(indent)))
            } else {
                (
                    line.to_string(),
                    format!("{}\u{a0}{body}", " ".repeat(indent - 1)),
                )
            }
        }
        "curly quotes around a value with a colon" => {
            let at = text_value(line)?;
            let value = &line[at..];
            (
                format!("{}\"Note: {value}\"", &line[..at]),
                format!("{}\u{201c}Note: {value}\u{201d}", &line[..at]),
            )
        }
        "an unclosed quote" => {
            let at = text_value(line)?;
            (line.to_string(), format!("{}\"{}", &line[..at], &line[at..]))
        }
        "an indent one space off" => {
            if indent > 0 && rng.below(2) == 0 {
                (line.to_string(), line[1..].to_string())
            } else {
                (line.to_string(), format!(" {line}"))
            }
        }
        "a zero-width space" => {
            let cuts: Vec<usize> = (0..=line.len()).filter(|&i| line.is_char_boundary(i)).collect();
            let at = cuts[rng.below(cuts.len())];
            (
                line.to_string(),
                format!("{}\u{200b}{}", &line[..at], &line[at..]),
            )
        }
        _ => return None,
    };
    Some((with(meant), with(bad)))
}

/// Mistakes made on purpose, each kind on a few lines of each good file: fixed to the
/// text the good file holds, or left as typed with a reason.
#[test]
fn made_mistakes_are_fixed_to_what_was_meant_or_left_with_a_reason() {
    let mut goods: Vec<PathBuf> = Vec::new();
    for dir in ["content", "tests/cases"] {
        for entry in std::fs::read_dir(repo().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "yaml") {
                goods.push(path);
            }
        }
    }
    goods.sort();
    let mut rng = Rng(0x1eaf_9e55);
    let mut tried = vec![0usize; KINDS.len()];
    let mut fixed_count = vec![0usize; KINDS.len()];
    let mut failures = Vec::new();
    for path in &goods {
        let text = std::fs::read_to_string(path).unwrap();
        let good = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        assert!(reads(&good), "{name} does not read");
        let count = good.split('\n').count();
        for (k, kind) in KINDS.iter().enumerate() {
            let mut made = 0;
            for _ in 0..40 {
                if made == 5 {
                    break;
                }
                let n = rng.below(count);
                let Some((meant, bad)) = mistake(&good, n, kind, &mut rng) else {
                    continue;
                };
                if bad == meant || !reads(&meant) {
                    continue;
                }
                let Some(want) = strings(&meant) else { continue };
                if reads(&bad) && strings(&bad).as_ref() == Some(&want) {
                    continue; // YAML reads it the same: no mistake at all
                }
                made += 1;
                tried[k] += 1;
                let fixed = traps::fix(&bad);
                if reads(&fixed.text) && strings(&fixed.text).as_ref() == Some(&want) {
                    fixed_count[k] += 1;
                    continue;
                }
                // Not fixed: the line is as it was typed, and something says why.
                let same = nth_line(&fixed.text, n) == nth_line(&bad, n);
                let said = !fixed.left.is_empty() || !reads(&fixed.text);
                if !(same && said) {
                    failures.push(format!(
                        "{name}:{} {kind}: {}\n  typed: {:?}\n  fixed: {:?}",
                        n + 1,
                        if same {
                            "left with nothing said"
                        } else {
                            "changed, but not to what was meant"
                        },
                        nth_line(&bad, n).unwrap_or(""),
                        nth_line(&fixed.text, n).unwrap_or("")
                    ));
                }
            }
        }
    }
    let summary: Vec<String> = KINDS
        .iter()
        .enumerate()
        .map(|(k, kind)| format!("{kind}: {} of {} fixed", fixed_count[k], tried[k]))
        .collect();
    eprintln!("{}", summary.join("\n"));
    assert!(
        failures.is_empty(),
        "{}\n\n{}",
        failures.join("\n"),
        summary.join("\n")
    );
    let total: usize = tried.iter().sum();
    assert!((150..=400).contains(&total), "{total} mistakes made");
    // The fixer fixes most of them (the rest are said, not guessed).
    for (k, kind) in KINDS.iter().enumerate() {
        assert!(
            fixed_count[k] * 10 >= tried[k] * 9,
            "{kind}: only {} of {} fixed\n{}",
            fixed_count[k],
            tried[k],
            summary.join("\n")
        );
    }
}

/// A file built to be slow (thousands of traps no fix can mend, every line one space
/// deeper than the last) is checked and fixed in moments, not minutes.
#[test]
fn a_file_full_of_traps_is_checked_quickly() {
    let mut stuck = String::from("title: T\nblocks:\n");
    for i in 0..2000 {
        stuck.push_str(&format!(
            "  - quote:\n      text: Hello\n      bye: Eddie\n     by: Pat{i}\n"
        ));
    }
    let mut stairs = String::from("title: T\nblocks:\n  - paragraph: x\n");
    for i in 0..3000 {
        let key = ["text", "caption", "name", "alt", "by"][i % 5];
        stairs.push_str(&format!("{}{key}: v{i}\n", " ".repeat(i % 600)));
    }
    for (name, text) in [("stuck", stuck), ("stairs", stairs)] {
        let t = std::time::Instant::now();
        let found = traps::check(&text);
        let fixed = traps::fix(&text);
        let took = t.elapsed();
        assert!(!found.is_empty(), "{name}");
        assert!(
            took.as_secs() < 20,
            "{name}: {took:?} for {} traps, {} left",
            found.len(),
            fixed.left.len()
        );
        eprintln!("{name}: {took:?}");
    }
}
