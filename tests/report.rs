//! The HTML report in a real browser (Debian's Chromium, driven by
//! tests/browser/check-report.mjs with playwright-core, axe-core for accessibility):
//! it loads with no console errors and no requests, passes axe's WCAG 2.1 AA and
//! best-practice rules, and shows every finding of the JSON output, visible,
//! reachable with the keyboard and explained. scripts/test installs what it needs.

use assert_cmd::Command;
use std::collections::BTreeSet;
use std::path::PathBuf;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_html_report_works_in_a_browser_for_every_reader() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("report.html");
    let inputs = [
        "content/acupuncture-hip-knee.yaml",
        "tests/cases/plain/capitals.yaml",
    ];
    let out = Command::cargo_bin("leafpress")
        .unwrap()
        .current_dir(repo())
        .args(["check", "--format", "json", "--today", "2026-11-29", "--report"])
        .arg(&html)
        .args(inputs)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // The ids the report must show: l{leaflet}-{finding id}.
    let mut want = BTreeSet::new();
    for (l, leaflet) in json["leaflets"].as_array().unwrap().iter().enumerate() {
        for f in leaflet["findings"].as_array().unwrap() {
            want.insert(format!("l{}-{}", l + 1, f["id"].as_str().unwrap()));
        }
    }
    assert!(want.len() > 50, "{} findings", want.len());

    let page = std::fs::read_to_string(&html).unwrap();
    assert!(!page.contains("<script"), "the report needs no script");
    assert!(page.contains("<svg class=\"thumb\""), "page thumbnails");

    let seen = open_in_browser(&html);
    assert!(seen["title"]
        .as_str()
        .unwrap()
        .starts_with("Plain-language check"));
    let mut got = BTreeSet::new();
    for f in seen["findings"].as_array().unwrap() {
        let id = f["id"].as_str().unwrap().to_string();
        assert!(f["visible"] == true, "{id} is not visible");
        assert!(f["focusable"] == true, "{id} cannot be reached with Tab");
        assert!(
            f["description"].as_str().is_some_and(|d| d.len() > 10),
            "{id} is not explained: {f}"
        );
        assert!(
            f["description_shown"] == true,
            "{id}'s explanation does not show on focus"
        );
        got.insert(id);
    }
    assert_eq!(got, want, "every finding is in the page, once");
}

/// The text view shows what the PDF prints: a table's rows (its header cells as
/// column headers), a quote's attribution, the back page's sources and feedback,
/// and bold and italics as emphasis, never markup's asterisks; a finding in a table
/// cell is marked in its cell. The page still passes axe in the browser.
#[test]
fn the_text_view_shows_tables_attributions_and_emphasis() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("report.html");
    let out = Command::cargo_bin("leafpress")
        .unwrap()
        .current_dir(repo())
        .args(["check", "--today", "2026-11-29", "--report"])
        .arg(&html)
        .arg("tests/cases/plain/every-text.yaml")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = std::fs::read_to_string(&html).unwrap();
    let start = page.find(r#"<div class="leaflet">"#).expect("the text view");
    let view = &page[start..start + page[start..].find("</div>").unwrap()];
    // The explanations of findings are not the leaflet's text.
    let mut text = view.to_string();
    while let Some(a) = text.find(r#"<span class="tip""#) {
        let b = a + text[a..].find("</span>").unwrap() + "</span>".len();
        text.replace_range(a..b, "");
    }
    for want in [
        "You should take <strong>two tablets</strong> each day, and <em>rest</em> well.",
        r#"<p class="caption">When to take your tablets</p>"#,
        r#"<th scope="col">Time</th><th scope="col">What to do</th>"#,
        "<td>Morning</td>",
        "<td>Evening</td>",
        "<p class=\"by\">— Eddie, a patient at the ",
        "<h4>About this leaflet</h4>",
        "Tablets and you",
        "tell us what you think of this leaflet.",
    ] {
        assert!(text.contains(want), "{want:?} is not in the text view:\n{text}");
    }
    assert!(!text.contains('*'), "markup shown as asterisks:\n{text}");
    let cell = text
        .split("<td>")
        .find(|c| c.contains("glass of water"))
        .expect("the cell");
    assert!(
        cell.starts_with("<mark class=\"warning\"") && cell.contains(">Utilise</mark>"),
        "the hard word is marked in its cell: {cell}"
    );

    let seen = open_in_browser(&html);
    let findings = seen["findings"].as_array().unwrap();
    assert!(findings.len() >= 4, "{findings:#?}");
    for f in findings {
        assert!(f["visible"] == true && f["focusable"] == true, "{f}");
    }
}

/// The report opened in Chromium (tests/browser/check-report.mjs): what the page
/// showed, after asserting no console message, page error, request or axe violation.
fn open_in_browser(html: &std::path::Path) -> serde_json::Value {
    let browser = std::process::Command::new("node")
        .arg(repo().join("tests/browser/check-report.mjs"))
        .arg(html)
        .output()
        .expect("node runs (scripts/test installs it with the browser)");
    assert!(
        browser.status.success(),
        "the browser check did not run: {}",
        String::from_utf8_lossy(&browser.stderr)
    );
    let seen: serde_json::Value = serde_json::from_slice(&browser.stdout).unwrap();
    for key in ["console", "page_errors", "requests", "axe_violations"] {
        assert_eq!(seen[key].as_array().unwrap().len(), 0, "{key}: {:#}", seen[key]);
    }
    seen
}
