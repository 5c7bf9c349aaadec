//! `leafpress list`: the register of a project's leaflets, read back as a table, as
//! CSV by Python's csv module and as JSON by serde_json; `--due` and its exit codes.

mod common;

use common::*;
use leafpress::model::edition::Options;
use serde_json::Value;
use std::process::Command;

fn leafpress() -> Command {
    Command::new(env!("CARGO_BIN_EXE_leafpress"))
}

/// Exit code, stdout, stderr.
fn run(cmd: &mut Command) -> (Option<i32>, String, String) {
    let out = cmd.output().expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// CSV text as Python's csv module reads it: a list of rows keyed by the header.
fn python_csv(text: &str) -> Vec<Value> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("register.csv");
    std::fs::write(&file, text).unwrap();
    let read = "import csv, json, sys\nwith open(sys.argv[1], newline='') as f:\n    print(json.dumps(list(csv.DictReader(f, strict=True))))";
    let out = tool("python3", &[&"-c", &read, &file]);
    serde_json::from_str::<Vec<Value>>(&out).unwrap()
}

const TODAY: &str = "2030-06-15";

/// A project with leaflets whose review dates fall around [`TODAY`]: one overdue (May
/// 2030 ended 15 days before), one due in 16 days, one not due for years, one with no
/// review date, and one whose title holds a comma and whose reference a comma and quotes.
fn dated_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        &root.join("leafpress.yaml"),
        "outputs:\n  - {name: print}\n  - {name: email, for: email}\n",
    );
    let leaflet = |title: &str, extra: &str| {
        format!("title: {title}\n{extra}blocks:\n  - heading: About\n  - paragraph: Walk every day. Rest when it hurts.\n")
    };
    write(
        &root.join("content/a-overdue.yaml"),
        &leaflet(
            "Old advice",
            "reference: OLD-1 v3\npublished: 2027-05\nreview: 2030-05\n",
        ),
    );
    write(
        &root.join("content/b-soon.yaml"),
        &leaflet("Soon due", "review: 2030-07-01\n"),
    );
    write(
        &root.join("content/c-later.yaml"),
        &leaflet("Fine for now", "review: 2033-01\n"),
    );
    write(&root.join("content/d-undated.yaml"), &leaflet("No date", ""));
    write(
        &root.join("content/e-quoted.yaml"),
        &leaflet(
            "'Knee, hip and back'",
            "reference: 'KNEE \"2\", v1'\nreview: 2035-01-01\n",
        ),
    );
    dir
}

#[test]
fn the_library_is_listed_with_its_pages_and_check_counts() {
    let (code, out, err) = run(leafpress()
        .current_dir(repo())
        .args(["list", "library", "--today", TODAY]));
    assert_eq!(code, Some(0), "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(
        lines[0].starts_with("leaflet  ") && lines[0].ends_with("errors  warnings"),
        "{out}"
    );
    // Columns aligned: every row as wide as the header up to its last column.
    let knee = lines
        .iter()
        .find(|l| l.starts_with("knee-exercises "))
        .expect("the knee leaflet is listed");
    for want in [
        "Exercises after a knee replacement",
        "RPC-PIL-014 v1",
        "2026-09",
        "2029-09",
        "en-GB",
        "print email",
    ] {
        assert!(knee.contains(want), "{want}: {knee}");
    }
    assert_eq!(knee.chars().count(), lines[0].chars().count(), "{out}");

    // The pages and counts are the check's, from the JSON.
    let (code, out, err) = run(leafpress()
        .current_dir(repo())
        .args(["list", "library", "--today", TODAY, "--format", "json"]));
    assert_eq!(code, Some(0), "{err}");
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["today"], TODAY);
    let options = Options {
        today: Some(TODAY.parse().unwrap()),
        ..Options::default()
    };
    let entries = doc["leaflets"].as_array().unwrap();
    assert_eq!(entries.len(), 2);
    for e in entries {
        let file = repo().join(e["file"].as_str().unwrap());
        let reviewed = leafpress::Engine::default().review(&file, &options).unwrap();
        assert_eq!(e["pages"], reviewed.layout.pages.len(), "{file:?}");
        let count = |l| reviewed.review.count(l);
        assert_eq!(
            e["errors"],
            count(leafpress::base::diag::Level::Error),
            "{file:?}"
        );
        assert_eq!(
            e["warnings"],
            count(leafpress::base::diag::Level::Warning),
            "{file:?}"
        );
        assert_eq!(e["editions"], serde_json::json!(["print", "email"]));
        assert_eq!(
            e["languages"],
            serde_json::json!([{"language": "en-GB", "status": null}])
        );
    }
    let knee = entries
        .iter()
        .find(|e| e["title"] == "Exercises after a knee replacement")
        .unwrap();
    // 2029-09 lasts to 30 September 2029, 258 days before 15 June 2030.
    assert_eq!(knee["days_left"], -258);
}

#[test]
fn csv_reads_back_in_a_spreadsheet_reader() {
    let dir = dated_project();
    let (code, out, err) = run(leafpress()
        .current_dir(dir.path())
        .args(["list", "--format", "csv", "--today", TODAY]));
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("\r\n"), "RFC 4180 lines end in CRLF");
    let rows = python_csv(&out);
    assert_eq!(rows.len(), 5);
    let titles: Vec<&str> = rows.iter().map(|r| r["title"].as_str().unwrap()).collect();
    assert_eq!(
        titles,
        [
            "Old advice",
            "Soon due",
            "Fine for now",
            "No date",
            "Knee, hip and back"
        ]
    );
    assert_eq!(rows[4]["reference"], "KNEE \"2\", v1");
    let old = &rows[0];
    assert_eq!(old["file"], "content/a-overdue.yaml");
    assert_eq!(old["reference"], "OLD-1 v3");
    assert_eq!(old["published"], "2027-05");
    assert_eq!(old["review"], "2030-05");
    assert_eq!(old["days_left"], "-15");
    assert_eq!(old["language"], "en-GB");
    assert_eq!(old["language_status"], "source");
    assert_eq!(old["editions"], "print email");
    assert_eq!(old["pages"], "1");
    assert_eq!(rows[1]["days_left"], "16");
    assert_eq!(rows[3]["review"], "");
    assert_eq!(rows[3]["days_left"], "");
}

#[test]
fn due_keeps_the_leaflets_due_and_says_so_in_the_exit_code() {
    let dir = dated_project();
    let list = |due: &str| {
        run(leafpress()
            .current_dir(dir.path())
            .args(["list", "--format", "json", "--today", TODAY, "--due", due]))
    };
    let titles = |out: &str| -> Vec<String> {
        let doc: Value = serde_json::from_str(out).unwrap();
        doc["leaflets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["title"].as_str().unwrap().to_string())
            .collect()
    };
    // Overdue first, then by days left, then those with no date: exit 4 (overdue).
    let (code, out, err) = list("90d");
    assert_eq!(code, Some(4), "{err}");
    assert_eq!(titles(&out), ["Old advice", "Soon due", "No date"]);
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["due_within_days"], 90);

    // A window that reaches the later one: 2033-01-31 is 961 days away.
    let (code, out, _) = list("961d");
    assert_eq!(code, Some(4));
    assert_eq!(
        titles(&out),
        ["Old advice", "Soon due", "Fine for now", "No date"]
    );
    let (_, out, _) = list("960d");
    assert_eq!(titles(&out), ["Old advice", "Soon due", "No date"]);
    // Months are calendar months: 15 June + 3 months is 15 September, 92 days.
    let (_, out, _) = list("3m");
    assert_eq!(
        serde_json::from_str::<Value>(&out).unwrap()["due_within_days"],
        92
    );

    // Nothing overdue: the overdue leaflet's review moved on; due soon ones give 3.
    let old = dir.path().join("content/a-overdue.yaml");
    let text = std::fs::read_to_string(&old)
        .unwrap()
        .replace("review: 2030-05", "review: 2034-05");
    std::fs::write(&old, text).unwrap();
    let (code, _, _) = list("2w");
    assert_eq!(code, Some(3));
    // Nothing due at all: exit 0, and the table says so.
    for f in ["b-soon", "d-undated"] {
        std::fs::remove_file(dir.path().join(format!("content/{f}.yaml"))).unwrap();
    }
    let (code, out, err) = run(leafpress()
        .current_dir(dir.path())
        .args(["list", "--today", TODAY, "--due", "90d"]));
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(out, "");
    assert!(
        err.contains("none of the 3 leaflets is due for review within 90 days"),
        "{err}"
    );
}

#[test]
fn a_bad_length_of_time_is_refused_with_what_to_write() {
    for (bad, says) in [
        ("90", "\"90\" has no unit"),
        ("3x", "\"3x\" has an unknown unit \"x\""),
        ("soon", "\"soon\" is not a length of time"),
        ("20y", "\"20y\" is more than ten years"),
    ] {
        let (code, _, err) = run(leafpress()
            .current_dir(repo())
            .args(["list", "library", "--due", bad]));
        assert_eq!(code, Some(2), "{bad}: {err}");
        assert!(err.contains(says), "{bad}: {err}");
        assert!(err.contains("e.g. 90d, 12w, 3m or 1y"), "{err}");
    }
}

#[test]
fn a_leaflet_that_cannot_be_read_is_listed_as_failed_and_reported() {
    let dir = dated_project();
    write(
        &dir.path().join("content/f-broken.yaml"),
        "title: Broken\nblocks:\n  - paragraf: Oops\n",
    );
    let (code, out, err) = run(leafpress()
        .current_dir(dir.path())
        .args(["list", "--today", TODAY]));
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("f-broken.yaml:3:"), "the error is located: {err}");
    let broken = out.lines().find(|l| l.starts_with("f-broken")).expect("listed");
    assert!(broken.contains("failed"), "{broken}");
    let (_, out, _) = run(leafpress()
        .current_dir(dir.path())
        .args(["list", "--today", TODAY, "--format", "json"]));
    let doc: Value = serde_json::from_str(&out).unwrap();
    let e = doc["leaflets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["file"] == "content/f-broken.yaml")
        .unwrap();
    assert_eq!(e["pages"], Value::Null);
    assert!(e["errors"].as_u64().unwrap() >= 1);
    assert!(e["problem"].as_str().is_some_and(|p| !p.is_empty()));
}

#[test]
fn each_translation_is_listed_with_how_far_it_has_got() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(&root.join("leafpress.yaml"), "outputs:\n  - {name: print}\n");
    write(
        &root.join("content/walk.yaml"),
        "title: Walking\nblocks:\n  - paragraph: Walk every day.\n  - paragraph: Rest when it hurts.\n",
    );
    let (code, _, err) =
        run(leafpress()
            .current_dir(root)
            .args(["translate", "export", "content/walk.yaml", "--lang", "pl"]));
    assert_eq!(code, Some(0), "{err}");
    let (_, json, err) = run(leafpress()
        .current_dir(root)
        .args(["list", "--format", "json", "--today", TODAY]));
    let register: Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}{err}"));
    let languages = &register["leaflets"][0]["languages"];
    assert_eq!(languages[0]["status"], Value::Null, "{languages}");
    assert_eq!(languages[1]["language"], "pl", "{languages}");
    let status = languages[1]["status"].as_str().unwrap();
    assert!(
        status.ends_with(" missing") && !status.starts_with('0'),
        "{status}"
    );
    // The CSV keeps one cell per list: languages and their states, "; " between.
    let (_, csv, _) = run(leafpress()
        .current_dir(root)
        .args(["list", "--format", "csv", "--today", TODAY]));
    let rows = python_csv(&csv);
    assert_eq!(rows[0]["language"], "en-GB; pl", "{rows:?}");
    assert_eq!(
        rows[0]["language_status"],
        format!("source; {status}"),
        "{rows:?}"
    );
}
