//! `build --jobs N` in a project: the order the PDFs are built in, and the cap on
//! threads (`--jobs 1` keeps to one, pictures included), seen from outside the
//! process: the files' modification times, and strace's record of every thread
//! started.

mod common;

use common::repo;
use std::path::Path;
use std::process::Command;
use std::time::SystemTime;

/// A project whose `outputs:` ask for print and e-mail, with `n` copies of the sample
/// (`photos`: each with two pictures that take real work to prepare, a picture far
/// sharper than print needs and a drawing with see-through parts).
fn project(n: usize, photos: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("content")).unwrap();
    std::fs::write(
        root.join("leafpress.yaml"),
        "outputs:\n  - {name: print}\n  - {name: email, for: email}\n",
    )
    .unwrap();
    let sample = std::fs::read_to_string(repo().join("content/acupuncture-hip-knee.yaml")).unwrap();
    for i in 1..=n {
        let mut text = sample.clone();
        if photos {
            // (PNG, not JPEG: the JPEG decoder starts a thread per colour of its own.)
            let (photo, drawing) = (format!("photo-{i}.png"), format!("drawing-{i}.png"));
            let w = 2400 + i as u32;
            image::RgbImage::from_fn(w, 1600, |x, y| {
                image::Rgb([(x % 251) as u8, (y % 241) as u8, ((x ^ y) % 239) as u8])
            })
            .save(root.join("content").join(&photo))
            .unwrap();
            image::RgbaImage::from_fn(1200, 800, |x, y| {
                image::Rgba([(x % 256) as u8, (y % 256) as u8, 90, (x * 255 / 1200) as u8])
            })
            .save(root.join("content").join(&drawing))
            .unwrap();
            text = text.replacen(
                "blocks:\n",
                &format!(
                    "blocks:\n  - image: {{src: {photo}, alt: A photo, width: 40%}}\n  - image: {{src: {drawing}, alt: A drawing, width: 40%}}\n"
                ),
                1,
            );
        }
        std::fs::write(root.join(format!("content/leaflet-{i}.yaml")), text).unwrap();
    }
    dir
}

fn build(dir: &Path, jobs: &str) -> std::process::Output {
    let out = Command::new(env!("CARGO_BIN_EXE_leafpress"))
        .current_dir(dir)
        .args(["build", "--quiet", "--jobs", jobs])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    out
}

fn modified(dir: &Path) -> Vec<SystemTime> {
    let mut times: Vec<SystemTime> = std::fs::read_dir(dir)
        .unwrap()
        .map(|f| f.unwrap().metadata().unwrap().modified().unwrap())
        .collect();
    times.sort();
    times
}

/// Two threads starting the print and e-mail editions of one leaflet together would
/// both want its pictures, one waiting while the other decodes them: so every
/// leaflet's first edition is built before any leaflet's second.
#[test]
fn every_leaflets_first_edition_is_built_before_any_second() {
    let dir = project(3, false);
    build(dir.path(), "1");
    let print = modified(&dir.path().join("out/print"));
    let email = modified(&dir.path().join("out/email"));
    assert_eq!((print.len(), email.len()), (3, 3));
    assert!(
        print.last() < email.first(),
        "an e-mail edition was written before the last print edition: {print:?} {email:?}"
    );
}

/// The leaflet with the most to do (its pictures' files weigh most) starts first, so
/// that no thread is left finishing a photo leaflet alone at the end.
#[test]
fn the_heaviest_leaflet_is_built_first() {
    let dir = project(3, false);
    let content = dir.path().join("content");
    image::RgbImage::from_fn(1600, 1200, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, 7])
    })
    .save(content.join("photo.png"))
    .unwrap();
    let text = std::fs::read_to_string(content.join("leaflet-3.yaml")).unwrap();
    let text = text.replacen(
        "blocks:\n",
        "blocks:\n  - image: {src: photo.png, alt: A photo}\n",
        1,
    );
    std::fs::write(content.join("leaflet-3.yaml"), text).unwrap();
    build(dir.path(), "1");
    let when = |name: &str| {
        std::fs::metadata(dir.path().join("out/print").join(name))
            .unwrap()
            .modified()
            .unwrap()
    };
    assert!(
        when("leaflet-3.pdf") < when("leaflet-1.pdf") && when("leaflet-3.pdf") < when("leaflet-2.pdf"),
        "the leaflet with a photo was not built first"
    );
}

/// The threads a build in `dir` started, by strace's record of the system calls
/// that start them (`clone`, `clone3`).
fn threads_started(dir: &Path, jobs: &str) -> usize {
    let log = dir.join("strace.log");
    let out = Command::new("strace")
        .current_dir(dir)
        .args(["-f", "-qq", "-e", "trace=clone,clone3", "-o"])
        .arg(&log)
        .arg(env!("CARGO_BIN_EXE_leafpress"))
        .args(["build", "--quiet", "--jobs", jobs])
        .output()
        .unwrap_or_else(|e| panic!("strace could not be started ({e}): scripts/test installs it"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(&log).unwrap();
    text.lines().filter(|l| l.contains("clone")).count()
}

/// `--jobs 1` builds one file at a time and starts no thread, not even for a
/// leaflet's pictures, which are otherwise prepared on several.
#[test]
fn jobs_1_keeps_to_one_thread_pictures_included() {
    let dir = project(2, true);
    assert_eq!(threads_started(dir.path(), "1"), 0, "--jobs 1 started threads");
    // The same project on two cores does start threads: the record would show them.
    assert!(
        threads_started(dir.path(), "2") >= 2,
        "--jobs 2 started no threads: the check sees nothing"
    );
    assert_eq!(modified(&dir.path().join("out/print")).len(), 2);
}
