//! Where `leafpress build` writes: every edition to a file of its own (x.pdf,
//! x-email.pdf, x-booklet.pdf…), into out/ in the project's folder wherever the
//! command runs, never two PDFs to one file; and the line it prints says where the
//! file went and, for a booklet, how many of its pages are blank.

use std::path::Path;
use std::process::{Command, Output};

fn leafpress(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_leafpress"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn built(dir: &Path, args: &[&str]) -> String {
    let out = leafpress(dir, args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    stderr(&out)
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

const LEAFLET: &str =
    "title: Knee\npublished: 2026-01\nreview: 2028-01\nblocks:\n  - paragraph: Rest your knee.\n";

#[test]
fn every_edition_writes_its_own_file_and_none_replaces_the_print_pdf() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.yaml"), LEAFLET).unwrap();
    let out = dir.path().join("out");
    let said = built(dir.path(), &["build", "x.yaml"]);
    assert!(said.contains("x.yaml → out/x.pdf ("), "{said}");
    let print = std::fs::read(out.join("x.pdf")).unwrap();
    for (flags, file) in [
        (&["--for", "email"][..], "x-email.pdf"),
        (&["--booklet"], "x-booklet.pdf"),
        (&["--large-print"], "x-large-print.pdf"),
        (&["--trifold"], "x-trifold.pdf"),
    ] {
        let said = built(dir.path(), &[&["build", "x.yaml"][..], flags].concat());
        assert!(
            said.contains(&format!("x.yaml → out/{file} (")),
            "{flags:?}: {said}"
        );
        assert!(
            std::fs::read(out.join("x.pdf")).unwrap() == print,
            "{flags:?} replaced the print PDF"
        );
    }
    assert_eq!(
        names(&out),
        [
            "x-booklet.pdf",
            "x-email.pdf",
            "x-large-print.pdf",
            "x-trifold.pdf",
            "x.pdf"
        ]
    );

    // Combinations compose in a fixed order; a print shop's bleed and trim marks
    // name one; fitting to a page count renames nothing.
    for (flags, file) in [
        (
            &["--for", "email", "--large-print"][..],
            "x-large-print-email.pdf",
        ),
        (&["--for", "email", "--booklet"], "x-booklet-email.pdf"),
        (&["--bleed", "3mm", "--crop-marks"], "x-print-shop.pdf"),
        (&["--trifold", "--crop-marks"], "x-trifold-print-shop.pdf"),
        (&["--fit", "1"], "x.pdf"),
    ] {
        let said = built(dir.path(), &[&["build", "x.yaml"][..], flags].concat());
        assert!(
            said.contains(&format!("x.yaml → out/{file} (")),
            "{flags:?}: {said}"
        );
        assert!(out.join(file).is_file(), "{flags:?}");
    }
    // -o and --out-dir still win.
    built(
        dir.path(),
        &["build", "x.yaml", "--for", "email", "-o", "mine.pdf"],
    );
    assert!(dir.path().join("mine.pdf").is_file());
    built(dir.path(), &["build", "x.yaml", "--booklet", "--out-dir", "shop"]);
    assert_eq!(names(&dir.path().join("shop")), ["x-booklet.pdf"]);
}

/// A project made with `leafpress new`, built from inside its content/ folder.
#[test]
fn out_is_in_the_project_folder_wherever_the_command_runs() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().canonicalize().unwrap();
    built(&project, &["new", "Knee test"]);
    let content = project.join("content");
    let said = built(&content, &["build", "knee-test.yaml"]);
    assert!(project.join("out/knee-test.pdf").is_file(), "{said}");
    assert!(!content.join("out").exists(), "{said}");
    // The line says where the file went: in full, as it is not under the folder the
    // command ran in.
    let whole = project.join("out/knee-test.pdf");
    assert!(
        said.contains(&format!("knee-test.yaml → {} (", whole.display())),
        "{said}"
    );
    // From the project folder, the short way.
    let said = built(&project, &["build", "content/knee-test.yaml", "--for", "email"]);
    assert!(
        said.contains("content/knee-test.yaml → out/knee-test-email.pdf ("),
        "{said}"
    );
    // --out-dir still wins, from where the command runs.
    built(&content, &["build", "knee-test.yaml", "--out-dir", "here"]);
    assert_eq!(names(&content.join("here")), ["knee-test.pdf"]);
    assert_eq!(
        names(&project.join("out")),
        ["knee-test-email.pdf", "knee-test.pdf"]
    );
}

/// Two PDFs a build would write to one file are refused before anything is built:
/// `outputs:` named alike but for capitals (one folder on Windows and macOS), and
/// two leaflets with one name (x.yaml and x.yml).
#[test]
fn a_build_never_writes_two_pdfs_to_one_file() {
    let dir = tempfile::tempdir().unwrap();
    built(dir.path(), &["new", "Knee test"]);
    let settings = dir.path().join("leafpress.yaml");
    let plain = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(
        &settings,
        format!("{plain}outputs:\n  - {{name: print, booklet: true}}\n  - {{name: Print, for: email}}\n"),
    )
    .unwrap();
    let out = leafpress(dir.path(), &["build"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("outputs \"print\" and \"Print\" differ only in capitals")
            && err.contains("leafpress.yaml:")
            && err.contains("name: Print"),
        "{err}"
    );
    assert!(!dir.path().join("out").exists(), "{err}");

    std::fs::write(&settings, plain).unwrap();
    std::fs::copy(
        dir.path().join("content/knee-test.yaml"),
        dir.path().join("content/knee-test.yml"),
    )
    .unwrap();
    let out = leafpress(dir.path(), &["build"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "content/knee-test.yaml and content/knee-test.yml would both be written to out/knee-test.pdf"
        ),
        "{err}"
    );
    assert!(!dir.path().join("out").exists(), "{err}");
}

/// "5 pages + 3 blank on 2 sheets of paper, both sides": a booklet says how many of
/// the pages it prints are blank.
#[test]
fn a_booklet_says_how_many_pages_are_blank() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("five.yaml"),
        "title: Five\ncover: true\npublished: 2026-01\nreview: 2028-01\nblocks:\n\
         \x20 - paragraph: Two.\n  - page_break\n  - paragraph: Three.\n  - page_break\n\
         \x20 - paragraph: Four.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("one.yaml"), LEAFLET).unwrap();
    let said = built(dir.path(), &["build", "five.yaml", "--booklet"]);
    assert!(
        said.contains(
            "five.yaml → out/five-booklet.pdf (5 pages + 3 blank on 2 sheets of paper, both sides, "
        ),
        "{said}"
    );
    let said = built(dir.path(), &["build", "one.yaml", "--booklet"]);
    assert!(
        said.contains("one.yaml → out/one-booklet.pdf (1 page + 3 blank on 1 sheet of paper, both sides, "),
        "{said}"
    );
}
