//! The `leafpress` binary, end to end: building, checking, exit codes, and every kind
//! of bad input failing with a located, actionable message and no PDF written.

mod common;

use assert_cmd::Command;
use common::*;

fn leafpress() -> Command {
    let mut c = Command::cargo_bin("leafpress").unwrap();
    c.current_dir(repo());
    c
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn builds_the_sample() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("x.pdf");
    let out = leafpress()
        .args(["build", "content/acupuncture-hip-knee.yaml", "-o"])
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-1.7"));
    assert!(bytes.trim_ascii_end().ends_with(b"%%EOF"));
    assert!(stderr(&out).contains("pages"), "the build reports what it made");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&pdf).unwrap().permissions().mode() & 0o777;
        assert_eq!(
            mode, 0o644,
            "the PDF is readable by others, not private like a temporary file"
        );
    }
    // Nothing but the PDF is left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("x.pdf")]);
}

#[test]
fn identical_input_gives_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.pdf", "b.pdf"] {
        leafpress()
            .args(["build", "tests/cases/every-block.yaml", "-o"])
            .arg(dir.path().join(name))
            .assert()
            .success();
    }
    let a = std::fs::read(dir.path().join("a.pdf")).unwrap();
    let b = std::fs::read(dir.path().join("b.pdf")).unwrap();
    assert!(a == b, "two builds of the same file differ");
}

#[test]
fn with_no_input_builds_every_content_file_into_out() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("content")).unwrap();
    std::fs::copy(sample(), dir.path().join("content/one.yaml")).unwrap();
    std::fs::write(
        dir.path().join("content/two.yaml"),
        "title: Two\nblocks:\n  - paragraph: Hello.\n",
    )
    .unwrap();
    Command::cargo_bin("leafpress")
        .unwrap()
        .current_dir(dir.path())
        .arg("build")
        .assert()
        .success();
    assert!(dir.path().join("out/one.pdf").is_file());
    assert!(dir.path().join("out/two.pdf").is_file());
}

#[test]
fn several_inputs_go_to_out_dir() {
    let dir = tempfile::tempdir().unwrap();
    leafpress()
        .args([
            "build",
            "content/acupuncture-hip-knee.yaml",
            "tests/cases/every-block.yaml",
            "--out-dir",
        ])
        .arg(dir.path())
        .assert()
        .success();
    assert!(dir.path().join("acupuncture-hip-knee.pdf").is_file());
    assert!(dir.path().join("every-block.pdf").is_file());
}

#[test]
fn usage_errors_exit_2() {
    let out = leafpress()
        .args([
            "build",
            "content/acupuncture-hip-knee.yaml",
            "tests/cases/every-block.yaml",
            "-o",
            "x.pdf",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--out-dir"));
    assert_eq!(
        leafpress()
            .args(["build", "--no-such-flag"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
    // `check` with no file checks content/*.yaml; with no content/ folder that is a
    // usage error.
    let empty = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("leafpress")
        .unwrap()
        .current_dir(empty.path())
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no content/ folder"), "{}", stderr(&out));
}

#[test]
fn check_validates_without_writing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("content")).unwrap();
    std::fs::copy(sample(), dir.path().join("content/leaflet.yaml")).unwrap();
    let out = Command::cargo_bin("leafpress")
        .unwrap()
        .current_dir(dir.path())
        .args(["check", "content/leaflet.yaml"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("content/leaflet.yaml: Reading age about"),
        "{text}"
    );
    assert!(text.contains("content/leaflet.yaml: 0 errors,"), "{text}");
    assert!(!dir.path().join("out").exists(), "check wrote output");
}

/// Each file in tests/cases/bad/ states, in `# expect:` lines, what its error
/// message must contain (file:line:col included where the problem can be located).
#[test]
fn bad_inputs_fail_with_located_advice() {
    let dir = repo().join("tests/cases/bad");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 10);
    for case in cases {
        let text = std::fs::read_to_string(&case).unwrap();
        let expects: Vec<&str> = text
            .lines()
            .filter_map(|l| l.strip_prefix("# expect: "))
            .collect();
        assert!(!expects.is_empty(), "{} has no `# expect:` line", case.display());
        let rel = case.strip_prefix(repo()).unwrap();
        let out = leafpress().arg("check").arg(rel).output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{}: {err}", rel.display());
        assert!(!err.contains("panicked"), "{}: {err}", rel.display());
        for e in expects {
            assert!(err.contains(e), "{}: expected {e:?} in:\n{err}", rel.display());
        }
    }
}

#[test]
fn a_failed_build_keeps_the_previous_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("leaflet.pdf");
    std::fs::write(&pdf, b"the previous, good PDF").unwrap();
    let out = leafpress()
        .args(["build", "tests/cases/bad/unknown-block.yaml", "-o"])
        .arg(&pdf)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read(&pdf).unwrap(), b"the previous, good PDF");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file is left behind"
    );
}

#[test]
fn a_file_that_is_not_utf8_is_named_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = dir.path().join("latin1.yaml");
    std::fs::write(&yaml, b"title: Caf\xe9\nblocks:\n  - paragraph: x\n").unwrap();
    let out = leafpress().arg("check").arg(&yaml).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("not UTF-8"), "{err}");
    assert!(err.contains("latin1.yaml:1:11"), "{err}");
}

#[test]
fn a_missing_content_file_is_reported() {
    let out = leafpress()
        .args(["build", "content/nope.yaml", "-o", "/dev/null"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("cannot read the content file"));
}

/// Every file directly in tests/cases/ is a leaflet that must check cleanly: a byte-order
/// mark (Notepad), words longer than a line, every block type.
#[test]
fn good_cases_check_cleanly() {
    let mut cases: Vec<_> = std::fs::read_dir(repo().join("tests/cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    cases.sort();
    assert!(cases.iter().any(|c| c.ends_with("bom.yaml")));
    for case in cases {
        let rel = case.strip_prefix(repo()).unwrap();
        let out = leafpress().arg("check").arg(rel).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}: {}", rel.display(), stderr(&out));
    }
}

/// On x86-64 and ARM64 Linux the binary is static (`.cargo/config.toml`): no program
/// interpreter (the dynamic loader) in its ELF program headers, and linked at a fixed
/// address (ET_EXEC, not a position-independent ET_DYN). The loader cost an eighth of
/// building the sample (docs/internals.md). Read from the file itself, no tool needed.
#[cfg(all(
    target_os = "linux",
    target_env = "gnu",
    any(target_arch = "x86_64", target_arch = "aarch64")
))]
#[test]
fn the_linux_binary_needs_no_dynamic_loader() {
    let elf = std::fs::read(env!("CARGO_BIN_EXE_leafpress")).unwrap();
    let u16_at = |at: usize| u16::from_le_bytes([elf[at], elf[at + 1]]) as usize;
    let u64_at = |at: usize| u64::from_le_bytes(elf[at..at + 8].try_into().unwrap()) as usize;
    assert_eq!(&elf[..4], b"\x7fELF");
    const ET_EXEC: usize = 2;
    assert_eq!(
        u16_at(16),
        ET_EXEC,
        "the binary should be linked at a fixed address"
    );
    let (table, size, count) = (u64_at(0x20), u16_at(0x36), u16_at(0x38));
    const PT_INTERP: u32 = 3;
    let interpreters = (0..count)
        .filter(|i| u32::from_le_bytes(elf[table + i * size..][..4].try_into().unwrap()) == PT_INTERP)
        .count();
    assert_eq!(
        interpreters, 0,
        "the binary asks for a dynamic loader: is it statically linked?"
    );
}
