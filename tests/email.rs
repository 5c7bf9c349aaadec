//! `leafpress email`: the draft read back by a real MIME reader (Python's `email`
//! package, policy.default), its attachment by poppler, its errors and warnings as
//! a clinic sees them.

mod common;

use common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn leafpress() -> Command {
    Command::new(env!("CARGO_BIN_EXE_leafpress"))
}

/// What Python's MIME reader makes of a message: its headers, the structure, the
/// plain and HTML bodies, and each attachment's decoded name and type, its bytes
/// written to `dir`/attachment-N.
const READ: &str = r#"
import email, json, sys
from email import policy
path, out = sys.argv[1], sys.argv[2]
with open(path, 'rb') as f:
    m = email.message_from_binary_file(f, policy=policy.default)
atts = []
for i, a in enumerate(m.iter_attachments()):
    p = f"{out}/attachment-{i}"
    with open(p, 'wb') as w:
        w.write(a.get_payload(decode=True))
    atts.append({"name": a.get_filename(), "type": a.get_content_type(), "path": p})
print(json.dumps({
    "headers": {k: str(v) for k, v in m.items()},
    "defects": [str(d) for p in m.walk() for d in p.defects],
    "structure": [p.get_content_type() for p in m.walk()],
    "plain": m.get_body(('plain',)).get_content(),
    "html": m.get_body(('html',)).get_content(),
    "attachments": atts,
}))
"#;

fn read_eml(path: &Path) -> Value {
    let dir = path.parent().unwrap().join("read");
    std::fs::create_dir_all(&dir).unwrap();
    let out = tool("python3", &[&"-c", &READ, &path, &dir]);
    serde_json::from_str(&out).expect("the reader prints JSON")
}

fn knee() -> PathBuf {
    repo().join("library/content/knee-exercises.yaml")
}

/// A project in a temporary folder: leafpress.yaml with `project`, and the Urdu
/// leaflet as content/ur.yaml.
fn urdu_project(project: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("leafpress.yaml"), project);
    let ur = std::fs::read_to_string(repo().join("tests/cases/languages/ur.yaml")).unwrap();
    write(&dir.path().join("content/ur.yaml"), &ur);
    dir
}

const URDU_TITLE: &str = "کولہے اور گھٹنے کے درد کے لیے آکیوپنکچر";

#[test]
fn the_draft_opens_unsent_with_both_bodies_and_the_email_pdf_attached() {
    let dir = tempfile::tempdir().unwrap();
    let eml = dir.path().join("knee.eml");
    let (code, err) = run(leafpress()
        .arg("email")
        .arg(knee())
        .args(["--to", "ann@example.org", "-o"])
        .arg(&eml));
    assert_eq!(code, Some(0), "{err}");
    let m = read_eml(&eml);
    assert_eq!(m["defects"], Value::Array(vec![]), "the reader found defects");
    let h = &m["headers"];
    assert_eq!(h["X-Unsent"], "1");
    assert_eq!(h["Subject"], "Exercises after a knee replacement");
    assert_eq!(h["To"], "ann@example.org");
    // The mail program fills these in when it sends.
    for absent in ["From", "Date", "Message-ID", "Bcc"] {
        assert!(h.get(absent).is_none(), "{absent} is set: {h}");
    }
    assert_eq!(
        m["structure"],
        serde_json::json!([
            "multipart/mixed",
            "multipart/alternative",
            "text/plain",
            "text/html",
            "application/pdf"
        ])
    );
    let plain = m["plain"].as_str().unwrap();
    assert!(
        plain.starts_with("Hello,\n\nHere is our leaflet “Exercises after a knee replacement”."),
        "{plain}"
    );
    // The default signature: the brand and the project's contact details, in full.
    assert!(
        plain.contains("Riverside Physiotherapy Clinic\nPhone: 01632 960 123"),
        "{plain}"
    );
    assert!(plain.contains("Web: https://riverside-physio.example"), "{plain}");
    let html = m["html"].as_str().unwrap();
    assert!(html.contains("<html lang=\"en-GB\" dir=\"ltr\">"), "{html}");
    assert!(
        html.contains("<a href=\"https://riverside-physio.example\">https://riverside-physio.example</a>"),
        "link text is the full address: {html}"
    );

    let atts = m["attachments"].as_array().unwrap();
    assert_eq!(atts.len(), 1);
    assert_eq!(atts[0]["name"], "Exercises after a knee replacement.pdf");
    assert_eq!(atts[0]["type"], "application/pdf");
    let pdf = PathBuf::from(atts[0]["path"].as_str().unwrap());
    // The same bytes `build --for email` writes.
    let built = dir.path().join("knee-email.pdf");
    let (code, err) = run(leafpress()
        .arg("build")
        .arg(knee())
        .args(["--for", "email", "-o"])
        .arg(&built));
    assert_eq!(code, Some(0), "{err}");
    assert!(
        std::fs::read(&pdf).unwrap() == std::fs::read(&built).unwrap(),
        "the attachment is not the email edition"
    );
    let (resolved, _) = lay_out_file(&knee());
    assert_words_in_order(&expected_words(&resolved.leaflet), &words(&pdftotext(&pdf, &[])));
}

#[test]
fn a_secure_prefix_and_an_urdu_title_are_encoded_and_read_back() {
    let dir = urdu_project("email: {subject_prefix: \"[secure]\"}\n");
    let (code, err) = run(leafpress()
        .current_dir(dir.path())
        .args(["email", "content/ur.yaml"]));
    assert_eq!(code, Some(0), "{err}");
    // out/ beside leafpress.yaml, named after the content file.
    let eml = dir.path().join("out/ur.eml");
    assert!(err.contains("out/ur.eml"), "{err}");
    let raw = std::fs::read(&eml).unwrap();
    let raw_text = String::from_utf8(raw.clone()).expect("a message is 7-bit text");
    assert!(
        raw.is_ascii(),
        "headers and bodies are encoded for 7-bit transport"
    );
    assert!(raw_text.contains("Subject: =?utf-8?"), "RFC 2047 subject");
    assert!(raw_text.contains("filename*0*=UTF-8''"), "RFC 2231 file name");

    let m = read_eml(&eml);
    assert_eq!(m["headers"]["Subject"], format!("[secure] {URDU_TITLE}"));
    assert_eq!(m["attachments"][0]["name"], format!("{URDU_TITLE}.pdf"));
    let html = m["html"].as_str().unwrap();
    assert!(
        html.contains(&format!("<span lang=\"ur\" dir=\"rtl\">{URDU_TITLE}</span>")),
        "{html}"
    );
    // In plain text the title is isolated, so its direction does not move the full stop.
    assert!(m["plain"]
        .as_str()
        .unwrap()
        .contains(&format!("“\u{2068}{URDU_TITLE}\u{2069}”.")));
    let pdf = PathBuf::from(m["attachments"][0]["path"].as_str().unwrap());
    // pdftotext puts marks and line breaks around right-to-left text.
    let squeeze = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}'))
            .collect()
    };
    let text = pdftotext(&pdf, &["-raw", "-enc", "UTF-8"]);
    assert!(squeeze(&text).contains(&squeeze(URDU_TITLE)), "{text}");
}

#[test]
fn the_words_come_from_leafpress_yaml() {
    let dir = urdu_project(
        "email:\n  greeting: \"Dear patient,\"\n  body: |\n    Your leaflet {title} is attached.\n\n    Read more at https://example.org/ur.\n  signature: \"The physio team\"\n",
    );
    let eml = dir.path().join("x.eml");
    let (code, err) = run(leafpress()
        .current_dir(dir.path())
        .args(["email", "content/ur.yaml", "-o"])
        .arg(&eml));
    assert_eq!(code, Some(0), "{err}");
    let m = read_eml(&eml);
    let plain = m["plain"].as_str().unwrap();
    assert_eq!(
        plain,
        format!("Dear patient,\n\nYour leaflet \u{2068}{URDU_TITLE}\u{2069} is attached.\n\nRead more at https://example.org/ur.\n\nThe physio team\n")
    );
    let html = m["html"].as_str().unwrap();
    assert!(
        html.contains("<a href=\"https://example.org/ur\">https://example.org/ur</a>."),
        "{html}"
    );
}

#[test]
fn two_runs_write_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.eml"), dir.path().join("b.eml"));
    for f in [&a, &b] {
        let (code, err) = run(leafpress().arg("email").arg(knee()).arg("-o").arg(f));
        assert_eq!(code, Some(0), "{err}");
    }
    assert!(std::fs::read(&a).unwrap() == std::fs::read(&b).unwrap());
}

#[test]
fn a_bad_address_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let eml = dir.path().join("x.eml");
    for bad in ["ann@", "ann.example.org", "Ann <ann@example.org>", "ann@example"] {
        let (code, err) = run(leafpress()
            .arg("email")
            .arg(knee())
            .args(["--to", bad, "-o"])
            .arg(&eml));
        assert_eq!(code, Some(2), "{bad}: {err}");
        assert!(
            err.contains(&format!(
                "\"{bad}\" is not an email address: write it as name@example.org"
            )),
            "{err}"
        );
        assert!(!eml.exists());
    }
}

#[test]
fn a_message_over_the_limit_is_written_with_a_warning_that_says_what_to_do() {
    let dir = urdu_project("# the clinic's settings\nemail:\n  max_size: 20KB\n");
    let (code, err) = run(leafpress()
        .current_dir(dir.path())
        .args(["email", "content/ur.yaml"]));
    assert_eq!(code, Some(0), "{err}");
    assert!(dir.path().join("out/ur.eml").exists());
    let size = std::fs::metadata(dir.path().join("out/ur.eml")).unwrap().len();
    let kb = size.div_ceil(1024);
    assert!(err.contains("warning: the email draft out/ur.eml is "), "{err}");
    assert!(
        err.contains(&format!("is {kb} KB, more than the 20 KB set as its limit")),
        "{err}"
    );
    assert!(err.contains("leafpress.yaml:3:13"), "located at max_size: {err}");
    assert!(err.contains("use fewer or smaller photos"), "{err}");
    assert!(err.contains("`email: {max_size: 35MB}`"), "{err}");

    // Under the default 10 MB: no warning.
    let dir = urdu_project("email: {}\n");
    let (_, err) = run(leafpress()
        .current_dir(dir.path())
        .args(["email", "content/ur.yaml"]));
    assert!(!err.contains("warning: the email draft"), "{err}");
}

#[test]
fn bad_email_settings_are_located_in_leafpress_yaml() {
    let cases = [
        (
            "email:\n  greting: Hi\n",
            "leafpress.yaml:2:3",
            "unknown field \"greting\"",
        ),
        (
            "email:\n  max_size: 10\n",
            "leafpress.yaml:2:",
            "10 has no unit: write a size such as 10MB",
        ),
        (
            "email:\n  max_size: 10GB\n",
            "leafpress.yaml:2:",
            "unknown unit \"GB\"",
        ),
        (
            "email:\n  body: \"Your {titel}\"\n",
            "leafpress.yaml:2:9",
            "the email body has \"{titel}\", which leafpress does not fill in",
        ),
    ];
    for (yaml, at, says) in cases {
        let dir = urdu_project(yaml);
        let (code, err) = run(leafpress()
            .current_dir(dir.path())
            .args(["email", "content/ur.yaml"]));
        assert_eq!(code, Some(1), "{yaml}: {err}");
        assert!(err.contains(at), "{yaml}: not at {at}: {err}");
        assert!(err.contains(says), "{yaml}: {err}");
        assert!(!dir.path().join("out").exists(), "nothing written");
    }
}

#[test]
fn o_names_only_an_eml_file_so_no_pdf_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("knee.pdf");
    std::fs::write(&pdf, b"%PDF-1.7 the print edition").unwrap();
    let (code, err) = run(leafpress().arg("email").arg(knee()).arg("-o").arg(&pdf));
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("does not end in .eml: an email draft is a .eml file"),
        "{err}"
    );
    assert_eq!(std::fs::read(&pdf).unwrap(), b"%PDF-1.7 the print edition");
}

/// The HTML letter opened in Chromium by tests/browser/check-report.mjs (the report's
/// check: playwright-core, axe-core's WCAG 2.1 A/AA and best-practice rules): no
/// violation, console message or request, for an English letter with the brand's
/// signature and for one quoting an Urdu title.
#[test]
fn the_html_letter_passes_axe_in_a_browser() {
    let dir = urdu_project("email: {subject_prefix: \"[secure]\"}\n");
    let ur = dir.path().join("ur.eml");
    let knee_eml = dir.path().join("knee.eml");
    let (code, err) = run(leafpress()
        .current_dir(dir.path())
        .args(["email", "content/ur.yaml", "-o"])
        .arg(&ur));
    assert_eq!(code, Some(0), "{err}");
    let (code, err) = run(leafpress().arg("email").arg(knee()).arg("-o").arg(&knee_eml));
    assert_eq!(code, Some(0), "{err}");
    for eml in [ur, knee_eml] {
        let html = eml.with_extension("html");
        std::fs::write(&html, read_eml(&eml)["html"].as_str().unwrap()).unwrap();
        let browser = Command::new("node")
            .arg(repo().join("tests/browser/check-report.mjs"))
            .arg(&html)
            .output()
            .expect("node runs (scripts/test installs it with the browser)");
        assert!(
            browser.status.success(),
            "the browser check did not run: {}",
            String::from_utf8_lossy(&browser.stderr)
        );
        let seen: Value = serde_json::from_slice(&browser.stdout).unwrap();
        for key in ["console", "page_errors", "requests", "axe_violations"] {
            assert_eq!(
                seen[key].as_array().unwrap().len(),
                0,
                "{eml:?} {key}: {:#}",
                seen[key]
            );
        }
    }
}

#[test]
fn large_print_attaches_the_large_print_email_edition() {
    let dir = tempfile::tempdir().unwrap();
    let eml = dir.path().join("knee.eml");
    let (code, err) = run(leafpress()
        .arg("email")
        .arg(knee())
        .args(["--large-print=18", "-o"])
        .arg(&eml));
    assert_eq!(code, Some(0), "{err}");
    let m = read_eml(&eml);
    assert_eq!(
        m["attachments"][0]["name"],
        "Exercises after a knee replacement (large print).pdf"
    );
    let built = dir.path().join("knee-large-print-email.pdf");
    let (code, err) = run(leafpress()
        .arg("build")
        .arg(knee())
        .args(["--large-print=18", "--for", "email", "-o"])
        .arg(&built));
    assert_eq!(code, Some(0), "{err}");
    let attached = std::fs::read(m["attachments"][0]["path"].as_str().unwrap()).unwrap();
    assert!(
        attached == std::fs::read(&built).unwrap(),
        "the attachment is the large-print email edition"
    );
}

#[test]
fn the_letter_is_marked_in_the_language_its_words_are_in() {
    // leafpress's own words are English, whatever the project's language.
    let dir = urdu_project("defaults: {language: ur}\n");
    let (code, err) = run(leafpress()
        .current_dir(dir.path())
        .args(["email", "content/ur.yaml"]));
    assert_eq!(code, Some(0), "{err}");
    let html = read_eml(&dir.path().join("out/ur.eml"))["html"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(html.contains("<html lang=\"en-GB\" dir=\"ltr\">"), "{html}");
    assert!(
        html.contains(&format!("<span lang=\"ur\" dir=\"rtl\">{URDU_TITLE}</span>")),
        "{html}"
    );

    // The clinic's own words are in the project's language: right to left, and the
    // title, in the same language, needs no marking of its own.
    let dir =
        urdu_project("defaults: {language: ur}\nemail:\n  greeting: \"السلام علیکم،\"\n  body: \"{title}\"\n");
    let (code, err) = run(leafpress()
        .current_dir(dir.path())
        .args(["email", "content/ur.yaml"]));
    assert_eq!(code, Some(0), "{err}");
    let m = read_eml(&dir.path().join("out/ur.eml"));
    let html = m["html"].as_str().unwrap();
    assert!(html.contains("<html lang=\"ur\" dir=\"rtl\">"), "{html}");
    assert!(!html.contains("<span lang="), "{html}");
    assert_eq!(m["plain"], format!("السلام علیکم،\n\n{URDU_TITLE}\n"));
}

#[test]
fn with_web_attaches_the_web_edition_as_built() {
    let dir = tempfile::tempdir().unwrap();
    let eml = dir.path().join("knee.eml");
    let (code, err) = run(leafpress()
        .arg("email")
        .arg(knee())
        .args(["--with-web", "-o"])
        .arg(&eml));
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains(".pdf and Exercises after a knee replacement.html"),
        "{err}"
    );
    let m = read_eml(&eml);
    assert_eq!(m["defects"], Value::Array(vec![]), "the reader found defects");
    assert_eq!(
        m["structure"],
        serde_json::json!([
            "multipart/mixed",
            "multipart/alternative",
            "text/plain",
            "text/html",
            "application/pdf",
            "text/html"
        ])
    );
    assert_eq!(
        m["attachments"][1]["name"],
        "Exercises after a knee replacement.html"
    );
    let page = dir.path().join("knee.html");
    let (code, err) = run(leafpress()
        .arg("build")
        .arg(knee())
        .args(["--for", "web", "-o"])
        .arg(&page));
    assert_eq!(code, Some(0), "{err}");
    let attached = std::fs::read(m["attachments"][1]["path"].as_str().unwrap()).unwrap();
    assert!(
        attached == std::fs::read(&page).unwrap(),
        "the attachment is the web edition, byte for byte"
    );
}
