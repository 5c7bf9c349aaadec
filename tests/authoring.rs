//! The authoring tools: `new` in an empty folder, `watch` rebuilding on save, a
//! library built in parallel in every edition its project asks for (the same bytes
//! as one at a time), completions and a man page, quiet and colourless output.

mod common;

use common::repo;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn leafpress(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_leafpress"));
    c.current_dir(dir).env_remove("NO_COLOR");
    c
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn new_makes_a_leaflet_that_builds_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let out = leafpress(dir.path())
        .args(["new", "Knee replacement exercises"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    for f in [
        "leafpress.yaml",
        "content/knee-replacement-exercises.yaml",
        ".leafpress/content.schema.json",
        ".leafpress/project.schema.json",
        ".leafpress/exercise.schema.json",
    ] {
        assert!(dir.path().join(f).is_file(), "{f}");
    }
    assert!(dir.path().join("assets").is_dir());
    let text = std::fs::read_to_string(dir.path().join("content/knee-replacement-exercises.yaml")).unwrap();
    assert!(
        text.starts_with("# yaml-language-server: $schema=../.leafpress/content.schema.json\n"),
        "{text}"
    );
    assert!(text.contains("title: \"Knee replacement exercises\""));
    // It builds at once, as a new user would try it.
    let out = leafpress(dir.path()).arg("build").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.path().join("out/knee-replacement-exercises.pdf").is_file());
    // Never over an existing leaflet.
    std::fs::write(
        dir.path().join("content/knee-replacement-exercises.yaml"),
        "title: mine\n",
    )
    .unwrap();
    let out = leafpress(dir.path())
        .args(["new", "Knee replacement exercises"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("knee-replacement-exercises.yaml already exists"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("content/knee-replacement-exercises.yaml")).unwrap(),
        "title: mine\n"
    );
    // Templates are listed; an unknown one names the others.
    let out = leafpress(dir.path()).args(["new", "--list"]).output().unwrap();
    let list = String::from_utf8_lossy(&out.stdout);
    assert!(list.contains("general") && list.contains("exercise"), "{list}");
    let out = leafpress(dir.path())
        .args(["new", "X", "--template", "leaflet"])
        .output()
        .unwrap();
    assert!(stderr(&out).contains("there is no template \"leaflet\": use one of general, exercise"));
}

/// Copies the physiotherapy library (with its `outputs:`: print booklets and
/// e-mail PDFs) and `extra` more copies of its knee leaflet.
fn library(extra: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let lib = repo().join("library");
    for f in [
        "leafpress.yaml",
        "assets/logo.png",
        "assets/heel-slide.png",
        "fonts/Lato-Regular.ttf",
        "fonts/Lato-Bold.ttf",
        "fonts/Lato-Italic.ttf",
    ] {
        let to = dir.path().join(f);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(lib.join(f), to).unwrap();
    }
    std::fs::create_dir_all(dir.path().join("content")).unwrap();
    std::fs::copy(
        repo().join("content/acupuncture-hip-knee.yaml"),
        dir.path().join("content/acupuncture.yaml"),
    )
    .unwrap();
    for i in 0..=extra {
        std::fs::copy(
            lib.join("content/knee-exercises.yaml"),
            dir.path().join(format!("content/knee-{i}.yaml")),
        )
        .unwrap();
    }
    dir
}

fn pdfs(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut v = Vec::new();
    for edition in std::fs::read_dir(dir).unwrap() {
        for f in std::fs::read_dir(edition.unwrap().path()).unwrap() {
            let p = f.unwrap().path();
            v.push((
                p.strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(&p).unwrap(),
            ));
        }
    }
    v.sort();
    v
}

#[test]
fn a_library_builds_every_edition_in_parallel_with_the_bytes_of_a_serial_build() {
    let lib = library(3);
    let run = |jobs: &str, out: &str| {
        leafpress(lib.path())
            .args(["build", "--jobs", jobs, "--out-dir", out])
            .output()
            .unwrap()
    };
    let serial = run("1", "one");
    assert!(serial.status.success(), "{}", stderr(&serial));
    let parallel = run("2", "two");
    assert!(parallel.status.success(), "{}", stderr(&parallel));
    let (a, b) = (pdfs(&lib.path().join("one")), pdfs(&lib.path().join("two")));
    assert_eq!(a.len(), 10, "5 leaflets × print and email");
    assert!(
        a.iter().any(|(p, _)| p == Path::new("print/knee-2.pdf"))
            && a.iter().any(|(p, _)| p == Path::new("email/acupuncture.pdf"))
    );
    assert!(a == b, "the parallel build's PDFs differ from the serial build's");
    // The summary table, in input order, then the count; no colour off a terminal.
    let err = stderr(&parallel);
    let squashed = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        squashed(&err).contains("leaflet edition pages sheets size warnings acupuncture print 10 3 "),
        "{err}"
    );
    // The last line: how many PDFs, of how many leaflets in which editions, the time.
    let last = err.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("Built 10 PDFs (5 leaflets × print, email) in ")
            && (last.ends_with(" s on 2 threads") || last.ends_with(" ms on 2 threads")),
        "{err}"
    );
    assert!(!err.contains('\x1b'), "colour off a terminal");
    // An edition flag builds that one edition, beside the others.
    let one = leafpress(lib.path())
        .args(["build", "--for", "email", "--quiet", "content/knee-0.yaml"])
        .output()
        .unwrap();
    assert!(
        one.status.success() && stderr(&one).is_empty(),
        "{}",
        stderr(&one)
    );
    assert!(lib.path().join("out/knee-0-email.pdf").is_file());

    // A broken leaflet is reported, located; the others still build; exit 1.
    std::fs::write(
        lib.path().join("content/broken.yaml"),
        "title: Broken\nblocks:\n  - bulets: [a]\n",
    )
    .unwrap();
    let out = run("2", "three");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("broken.yaml:3:5") && err.contains("unknown block type \"bulets\""),
        "{err}"
    );
    assert_eq!(pdfs(&lib.path().join("three")).len(), 10, "{err}");
    assert!(squashed(&err).contains("broken print failed"), "{err}");
}

fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn watch_rebuilds_on_save_keeps_the_last_good_pdf_and_stops_on_ctrl_c() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = dir.path().join("leaflet.yaml");
    let pdf = dir.path().join("leaflet.pdf");
    std::fs::write(&yaml, "title: First\nblocks:\n  - paragraph: You can rest.\n").unwrap();
    let log = dir.path().join("log.txt");
    let mut child = leafpress(dir.path())
        .args(["watch", "leaflet.yaml", "-o", "leaflet.pdf"])
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    wait_for("the first PDF", || {
        std::fs::read_to_string(&log)
            .unwrap_or_default()
            .contains("watching")
    });
    let first = std::fs::read(&pdf).unwrap();
    // Save a change: a new PDF.
    std::fs::write(&yaml, "title: Second\nblocks:\n  - paragraph: You can rest.\n").unwrap();
    wait_for("the rebuilt PDF", || std::fs::read(&pdf).unwrap() != first);
    let second = std::fs::read(&pdf).unwrap();
    // Save a mistake: the error is shown and the PDF stays.
    std::fs::write(&yaml, "title: Third\nblocks:\n  - bulets: [a]\n").unwrap();
    wait_for("the error", || {
        std::fs::read_to_string(&log).unwrap().contains("did not build")
    });
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        second,
        "a failed build keeps the last good PDF"
    );
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(
        text.contains("leaflet.yaml:3:5") && text.contains("is the last good PDF"),
        "{text}"
    );
    // Ctrl-C: exit 0.
    Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "watch did not stop");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(
        status.code(),
        Some(0),
        "{}",
        std::fs::read_to_string(&log).unwrap()
    );
}

#[test]
fn completions_man_page_and_version() {
    let dir = repo();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = leafpress(&dir).args(["completions", shell]).output().unwrap();
        let script = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && script.contains("leafpress") && script.contains("watch"),
            "{shell}"
        );
    }
    let man = leafpress(&dir).arg("man").output().unwrap();
    let page = String::from_utf8_lossy(&man.stdout);
    assert!(
        page.starts_with(".ie") || page.contains(".TH leafpress"),
        "{page}"
    );
    let version = leafpress(&dir).arg("--version").output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("leafpress {}", env!("CARGO_PKG_VERSION"))
    );
}
