//! The plain-language review: each rule fires on a case made for it
//! (tests/cases/plain/RULE.yaml, with `# expect: RULE [LINE]` lines) and stays quiet
//! on a clean leaflet; the project can turn rules off or re-level them; a block can
//! allow a rule; the JSON keeps its documented shape; the exit code follows --strict.

mod common;

use assert_cmd::Command;
use common::repo;
use leafpress::base::diag::Level;
use leafpress::model::Date;
use leafpress::review::plain::Review;
use leafpress::{Engine, Options};
use std::path::Path;

fn options() -> Options {
    Options {
        today: Some(Date {
            year: 2026,
            month: 11,
            day: Some(29),
        }),
        ..Options::default()
    }
}

fn review(path: &Path) -> Review {
    Engine::default()
        .review(path, &options())
        .unwrap_or_else(|d| panic!("{}: {d}", path.display()))
        .review
}

fn line_of(r: &Review, f: &leafpress::review::plain::Finding) -> Option<usize> {
    leafpress::present::report::position(r, f).map(|p| p.0)
}

fn listing(r: &Review) -> String {
    r.findings
        .iter()
        .map(|f| format!("{:?} {}@{:?}: {}\n", f.level, f.rule, line_of(r, f), f.message))
        .collect()
}

#[test]
fn every_rule_fires_on_its_case_at_its_line() {
    let dir = repo().join("tests/cases/plain");
    let mut fired = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let expects: Vec<(String, Option<usize>)> = text
            .lines()
            .filter_map(|l| l.strip_prefix("# expect: "))
            .map(|e| {
                let mut parts = e.split_whitespace();
                (
                    parts.next().unwrap().to_string(),
                    parts.next().map(|n| n.parse().unwrap()),
                )
            })
            .collect();
        if expects.is_empty() {
            continue;
        }
        let r = review(&path);
        for (rule, line) in expects {
            let rule = leafpress::review::plain::rule_info(&rule)
                .unwrap_or_else(|| panic!("{rule} is not a rule"))
                .id;
            let hit = r
                .findings
                .iter()
                .find(|f| f.rule == rule && (line.is_none() || line_of(&r, f) == line));
            assert!(
                hit.is_some(),
                "{}: expected {rule} at {line:?}, found:\n{}",
                path.display(),
                listing(&r)
            );
            fired.push(rule);
        }
    }
    // Every rule but those needing a theme or a build option (tested below) has a
    // case; a missing glyph stops the build (tests/cases/bad/missing-glyph.yaml).
    for rule in leafpress::review::plain::RULES {
        if !matches!(rule.id, "contrast" | "bleed-margin" | "missing-glyph") {
            assert!(fired.contains(&rule.id), "no case for {}", rule.id);
        }
    }
}

#[test]
fn a_clean_leaflet_gets_no_warnings() {
    let r = review(&repo().join("tests/cases/plain/clean.yaml"));
    // Only the footer's 10 pt, which is page furniture, is worth a note.
    let loud: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.level != Level::Note || f.rule != "small-text")
        .collect();
    assert!(loud.is_empty(), "{}", listing(&r));
    let (age, _) = r.whole.reading_age().unwrap();
    assert!(age <= 11.0, "reading age {age}");
}

#[test]
fn faint_text_and_thin_margins_are_found() {
    let mut theme = leafpress::model::theme::Theme::default();
    theme.caption.color = leafpress::base::colour::Color::hex(0xAAAAAA);
    let engine = Engine::new(leafpress::text::FontBook::shared_defaults(), theme).unwrap();
    let case = repo().join("tests/cases/plain/small-text.yaml");
    let r = engine.review(&case, &options()).unwrap().review;
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "contrast")
        .unwrap_or_else(|| panic!("{}", listing(&r)));
    assert_eq!(f.level, Level::Error);
    assert!(
        f.message.contains("#AAAAAA on #FFFFFF has a contrast of 2.3:1"),
        "{}",
        f.message
    );

    let mut o = options();
    o.imposition = leafpress::model::edition::Imposition::Pages {
        bleed: 8.5,
        crop_marks: false,
    };
    let dir = tempfile::tempdir().unwrap();
    let thin = dir.path().join("thin.yaml");
    std::fs::write(&thin, "title: T\npage: {margin: 4mm}\nblocks:\n  - paragraph: You can call us.\n  - contact: {phone: 01632 960 000}\n").unwrap();
    let r = Engine::default().review(&thin, &o).unwrap().review;
    assert!(
        r.findings.iter().any(|f| f.rule == "bleed-margin"),
        "{}",
        listing(&r)
    );
}

/// A project turns rules off or re-levels them; a comment allows a rule for one block.
#[test]
fn projects_and_blocks_set_what_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("leafpress.yaml"),
        "check:\n  rules:\n    passive-voice: off\n    long-sentence: error\n  acronyms: [DVT]\n",
    )
    .unwrap();
    let text = "title: T\nblocks:\n  - paragraph: >-\n      You should call the clinic on the number below if your knee becomes hot, red,\n      swollen or much more painful than it was on the day you went home. The needles are inserted. A DVT check is done.\n  # leafpress: allow long-sentence, plain-words\n  - paragraph: You should call the clinic on the number below if your knee becomes hot, red or much more painful than it was when you went home and utilise ice.\n  - contact: {phone: 01632 960 000}\n";
    let file = dir.path().join("t.yaml");
    std::fs::write(&file, text).unwrap();
    let r = review(&file);
    let rules: Vec<(&str, Level, Option<usize>)> = r
        .findings
        .iter()
        .map(|f| (f.rule.id(), f.level, line_of(&r, f)))
        .collect();
    assert!(
        rules.contains(&("long-sentence", Level::Error, Some(4))),
        "{}",
        listing(&r)
    );
    assert!(!rules.iter().any(|x| x.0 == "passive-voice"), "{}", listing(&r));
    assert!(!rules.iter().any(|x| x.0 == "acronym"), "{}", listing(&r));
    assert!(
        !rules.iter().any(|x| x.2 == Some(7)),
        "the allowed block: {}",
        listing(&r)
    );

    // A rule id that does not exist is a located error with a suggestion.
    std::fs::write(
        dir.path().join("leafpress.yaml"),
        "check:\n  rules:\n    long-sentences: off\n",
    )
    .unwrap();
    let d = Engine::default()
        .review(&file, &options())
        .err()
        .expect("an unknown rule fails");
    let text = d.render_plain();
    assert!(
        text.contains("leafpress.yaml:3:5: error: there is no check rule \"long-sentences\""),
        "{text}"
    );
    assert!(text.contains("did you mean `long-sentence`?"), "{text}");
}

fn leafpress() -> Command {
    let mut c = Command::cargo_bin("leafpress").unwrap();
    c.current_dir(repo());
    c
}

/// The JSON fields docs/internals.md documents, with their types.
#[test]
fn json_keeps_its_documented_shape() {
    let out = leafpress()
        .args([
            "check",
            "--format",
            "json",
            "--today",
            "2026-11-29",
            "content/acupuncture-hip-knee.yaml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], 1);
    let l = &v["leaflets"][0];
    for key in ["file", "title", "language", "summary"] {
        assert!(l[key].is_string(), "{key}");
    }
    assert!(l["pages"].is_u64());
    let read = &l["readability"];
    assert_eq!(read["estimate"], true);
    for key in ["sentences", "words", "syllables", "polysyllables", "phrases"] {
        assert!(read["whole"][key].is_u64(), "{key}");
    }
    for key in [
        "flesch_kincaid_grade",
        "flesch_reading_ease",
        "smog_grade",
        "reading_age",
    ] {
        assert!(read["whole"][key].is_f64(), "{key}");
    }
    assert!(read["sections"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["title"].is_string()));
    for key in ["error", "warning", "note"] {
        assert!(l["counts"][key].is_u64(), "{key}");
    }
    let findings = l["findings"].as_array().unwrap();
    assert!(findings.len() > 10);
    for f in findings {
        for key in ["id", "rule", "severity", "message", "file"] {
            assert!(f[key].is_string(), "{key} in {f}");
        }
        assert!(["error", "warning", "note"].contains(&f["severity"].as_str().unwrap()));
        for key in [
            "fix",
            "text",
            "line",
            "column",
            "end_line",
            "end_column",
            "section",
            "page",
        ] {
            assert!(f.get(key).is_some(), "{key} in {f}");
        }
    }
    let long = findings.iter().find(|f| f["rule"] == "long-sentence").unwrap();
    assert!(long["line"].as_u64().unwrap() > 10 && long["column"].as_u64().unwrap() >= 1);
    assert!(v["failed"].as_array().unwrap().is_empty());
}

#[test]
fn strict_fails_on_warnings_and_failures_are_reported_with_the_rest() {
    let sample = "content/acupuncture-hip-knee.yaml";
    let plain = leafpress().args(["check", sample]).output().unwrap();
    assert_eq!(plain.status.code(), Some(0), "warnings alone pass");
    let strict = leafpress().args(["check", "--strict", sample]).output().unwrap();
    assert_eq!(strict.status.code(), Some(1), "--strict fails on warnings");
    let both = leafpress()
        .args([
            "check",
            "--format",
            "json",
            sample,
            "tests/cases/bad/unknown-block.yaml",
        ])
        .output()
        .unwrap();
    assert_eq!(both.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&both.stdout).unwrap();
    assert_eq!(
        v["leaflets"].as_array().unwrap().len(),
        1,
        "the good one is still checked"
    );
    assert!(v["failed"][0]["problems"][0]["message"]
        .as_str()
        .unwrap()
        .contains("unknown block type"));
}

/// The default design passes its own check: no reading text under 12 pt and no faint
/// colour on the sample or on any leaflet of tests/cases/ (only the footer, page
/// furniture, gets a note); a theme that sets captions at 11 pt is still found, at
/// the caption.
#[test]
fn the_default_design_passes_its_own_check() {
    let mut files = vec![repo().join("content/acupuncture-hip-knee.yaml")];
    let mut cases: Vec<_> = std::fs::read_dir(repo().join("tests/cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 5, "{cases:?}");
    files.extend(cases);
    let mut found = String::new();
    for file in &files {
        let r = review(file);
        for f in &r.findings {
            let design = (f.rule == "small-text" && f.level != Level::Note) || f.rule == "contrast";
            if design {
                found += &format!(
                    "{}: {} {}: {}\n",
                    file.display(),
                    f.level.name(),
                    f.rule,
                    f.message
                );
            }
        }
    }
    assert!(
        found.is_empty(),
        "the default design fails its own check:\n{found}"
    );

    let mut theme = leafpress::model::theme::Theme::default();
    theme.caption.size = 11.0;
    let engine = Engine::new(leafpress::text::FontBook::shared_defaults(), theme).unwrap();
    let r = engine
        .review(&repo().join("tests/cases/plain/small-text.yaml"), &options())
        .unwrap()
        .review;
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "small-text" && f.level == Level::Warning)
        .unwrap_or_else(|| panic!("{}", listing(&r)));
    assert!(f.message.starts_with("captions: 11 pt"), "{}", f.message);
    assert_eq!(line_of(&r, f), Some(11), "{}", listing(&r));
}

/// Reviews a case of tests/cases/plain/ in a project with contact details (and no
/// cover by default): a copy of the case beside a leafpress.yaml.
fn in_project(case: &str, edit: impl Fn(String) -> String) -> leafpress::engine::Reviewed {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("leafpress.yaml"),
        "defaults:\n  contact: {name: Riverside Clinic, phone: 01632 960 123, email: hello@riverside.example}\n",
    )
    .unwrap();
    let text = std::fs::read_to_string(repo().join("tests/cases/plain").join(case)).unwrap();
    let file = dir.path().join(case);
    std::fs::write(&file, edit(text)).unwrap();
    Engine::default()
        .review(&file, &options())
        .unwrap_or_else(|d| panic!("{case}: {d}"))
}

/// How many runs of the laid-out pages show `needle`, and the owners they belong to.
fn printed(doc: &leafpress::layout::Document, needle: &str) -> Vec<leafpress::layout::Owner> {
    doc.pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|p| match (&p.item, p.role) {
            (leafpress::layout::Item::Text(run), leafpress::layout::Role::Content { owner, .. })
                if run.text.contains(needle) =>
            {
                Some(owner)
            }
            _ => None,
        })
        .collect()
}

/// Contact details are checked as printed, not as the project has them: a leaflet
/// that turns its cover off (so no back cover prints the project's details) and has
/// no contact block is warned, at `cover:`; with the cover on it is not. A bare
/// `- contact` and a back cover print the details once, in the block.
#[test]
fn contact_details_are_checked_as_printed_and_printed_once() {
    let case = "contact-cover-off.yaml";
    let text = std::fs::read_to_string(repo().join("tests/cases/plain").join(case)).unwrap();
    let expects: Vec<(String, usize)> = text
        .lines()
        .filter_map(|l| l.strip_prefix("# in a project with contact details, expect: "))
        .map(|e| {
            let (rule, line) = e.split_once(' ').unwrap();
            (rule.to_string(), line.parse().unwrap())
        })
        .collect();
    assert!(!expects.is_empty(), "{case} names what it expects");
    let r = in_project(case, |t| t).review;
    for (rule, line) in expects {
        assert!(
            r.findings
                .iter()
                .any(|f| f.rule == rule.as_str() && line_of(&r, f) == Some(line)),
            "{case}: expected {rule} at {line}, found:\n{}",
            listing(&r)
        );
    }
    let on = in_project(case, |t| t.replace("cover: false", "cover: true"));
    assert!(
        !on.review.findings.iter().any(|f| f.rule == "contact"),
        "the back cover prints them: {}",
        listing(&on.review)
    );
    assert_eq!(printed(&on.layout, "960 123").len(), 1);

    let once = in_project("contact-once.yaml", |t| t);
    assert!(
        !once.review.findings.iter().any(|f| f.rule == "contact"),
        "{}",
        listing(&once.review)
    );
    let owners = printed(&once.layout, "960 123");
    assert_eq!(
        owners.len(),
        1,
        "the phone number is printed {} times: {owners:?}",
        owners.len()
    );
    assert!(owners[0].block().is_some(), "printed in the block: {owners:?}");
}
