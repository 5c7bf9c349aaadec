//! Addresses on paper: a print build shows each link's address after its text, in
//! short form, and a heading's page after a link to it, as ordinary text in the text
//! layer and the structure tree; an e-mail build keeps the link text alone.

mod common;

use common::{pdftotext, repo, struct_text};
use std::process::Command;

fn build(args: &[&str]) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("x.pdf");
    let out = Command::new(env!("CARGO_BIN_EXE_leafpress"))
        .current_dir(repo())
        .args(["build", "tests/cases/every-block.yaml", "-o"])
        .arg(&pdf)
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // One line: the tools break lines where the page does (an address may break
    // after a slash).
    let one_line = |text: String| {
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace("/ ", "/")
    };
    (one_line(pdftotext(&pdf, &[])), one_line(struct_text(&pdf)))
}

#[test]
fn print_shows_addresses_and_email_does_not() {
    let (text, tree) = build(&[]);
    assert!(
        text.contains("a link to the clinic (physio.example/visit)."),
        "{text}"
    );
    assert!(
        text.contains("Internal links jump to a heading: see the lists, page 1."),
        "{text}"
    );
    // In the structure tree the address is the paragraph's text, after the Link.
    assert!(tree.contains(r#"Link (inline) "link to the clinic""#), "{tree}");
    assert!(
        tree.contains(r#"" (physio.example/visit). “Straight quotes”"#),
        "{tree}"
    );
    assert!(
        tree.contains(r#"Link (inline) "see the lists""#) && tree.contains(r#"", page 1.""#),
        "{tree}"
    );
    // Booklets are print editions too.
    let (text, _) = build(&["--booklet"]);
    assert!(text.contains("(physio.example/visit)"), "{text}");

    let (text, tree) = build(&["--for", "email"]);
    assert!(text.contains("a link to the clinic. “Straight"), "{text}");
    assert!(text.contains("see the lists. "), "{text}");
    assert!(
        !text.contains("physio.example/visit") && !tree.contains("physio.example/visit"),
        "{tree}"
    );
    assert!(!tree.contains("page 1."), "{tree}");
}
