//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod layer;

use leafpress::base::source::Source;
use leafpress::layout::{Document, Item};
use leafpress::load;
use std::path::{Path, PathBuf};

/// Writes `text` to `path`, making its folders first.
pub fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Runs a command to its end: its exit code and what it said on stderr.
pub fn run(cmd: &mut std::process::Command) -> (Option<i32>, String) {
    let out = cmd.output().expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn sample() -> PathBuf {
    repo().join("content/acupuncture-hip-knee.yaml")
}

/// Lays out YAML text as if it were a file in `tests/cases/`.
pub fn lay_out_yaml(yaml: &str) -> Result<(load::Resolved, Document), leafpress::Diagnostics> {
    let src = Source {
        path: repo().join("tests/cases/inline.yaml"),
        text: yaml.to_string(),
    };
    let parsed = load::parse::parse_all(&src)?;
    let project = leafpress::load::project::Project::open(&src.path, None)?;
    let resolved = load::resolve(&src, parsed, &project, &Default::default())?;
    let mut fonts = leafpress::text::Fonts::new();
    let doc = leafpress::lay_out(&src, &resolved, &mut fonts)?;
    Ok((resolved, doc))
}

pub fn lay_out_file(path: &Path) -> (load::Resolved, Document) {
    let (src, resolved) = leafpress::load(path).expect("loads");
    let mut fonts = leafpress::text::Fonts::new();
    let doc = leafpress::lay_out(&src, &resolved, &mut fonts).expect("lays out");
    (resolved, doc)
}

/// The text of a page's runs in drawing order, a line break between baselines.
pub fn page_text(doc: &Document, page: usize) -> String {
    runs_text(doc.pages[page].items.iter())
}

/// Joins text runs, with a line break where the baseline changes.
pub fn runs_text<'a>(items: impl Iterator<Item = &'a leafpress::layout::Placed>) -> String {
    let mut out = String::new();
    let mut last: Option<(f32, f32)> = None;
    for p in items {
        if let Item::Text(run) = &p.item {
            match last {
                Some((baseline, _)) if baseline != run.baseline => out.push('\n'),
                // A gap between runs on one line (after a bullet label) is a word break.
                Some((_, end)) if run.x > end + 0.5 => out.push(' '),
                _ => {}
            }
            last = Some((run.baseline, run.x + run.width));
            out.push_str(&run.text);
        }
    }
    out
}

/// Words of a text, with markup-free comparison in mind (hyphens from breaking removed).
pub fn words(text: &str) -> Vec<String> {
    text.split_whitespace().map(|w| w.to_string()).collect()
}

/// The words a reader should find, in content-file order (markup removed; web
/// addresses as the contact block shows them, without the scheme).
pub fn expected_words(leaflet: &leafpress::model::Leaflet) -> Vec<String> {
    leaflet
        .blocks
        .iter()
        .flat_map(|b| b.texts())
        .map(|t| {
            leafpress::text::plain_text(t)
                .replace("https://", "")
                .replace("http://", "")
        })
        .flat_map(|t| words(&t))
        .collect()
}

/// Panics unless every word of `expected` occurs in `got`, in order.
pub fn assert_words_in_order(expected: &[String], got: &[String]) {
    let mut at = 0;
    for w in expected {
        match got[at..].iter().position(|g| g == w) {
            Some(k) => at += k + 1,
            None => panic!(
                "{w:?} is missing or out of order after word {at}: {:?}",
                &got[at.saturating_sub(5)..(at + 5).min(got.len())]
            ),
        }
    }
}

// ---------------------------------------------------------------------------
// Reading PDFs back: the tools (poppler, qpdf, MuPDF, zbar) with their exit status
// checked, their output parsed; the content streams through lopdf; PDF/UA-1 through
// page_validation. One way each, for every test.

use std::collections::BTreeMap;
use std::ffi::OsStr;

/// What a tool printed.
pub struct Ran {
    pub stdout: String,
    pub stderr: String,
}

/// Runs a tool the tests read PDFs with. Panics, naming the tool, its arguments, its
/// exit status and what it printed, when it cannot be started or does not succeed:
/// no test may take a failed run's empty output for an answer.
pub fn run_tool(name: &str, args: &[&dyn AsRef<OsStr>]) -> Ran {
    let shown: Vec<String> = args
        .iter()
        .map(|a| a.as_ref().to_string_lossy().into_owned())
        .collect();
    let out = std::process::Command::new(name)
        .args(args.iter().map(|a| a.as_ref()))
        .output()
        .unwrap_or_else(|e| {
            panic!("{name} {shown:?} could not be started ({e}): scripts/test installs it (poppler-utils, qpdf, mupdf-tools, zbar-tools)")
        });
    let ran = Ran {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(
        out.status.success(),
        "{name} {shown:?} failed ({}); scripts/test installs it\nstderr:\n{}\nstdout:\n{}",
        out.status,
        ran.stderr,
        ran.stdout
    );
    ran
}

/// A tool's standard output, after it succeeded (see [`run_tool`]).
pub fn tool(name: &str, args: &[&dyn AsRef<OsStr>]) -> String {
    run_tool(name, args).stdout
}

/// `name ARGS… PDF`, with `args` given as text.
fn tool_on(name: &str, args: &[&str], pdf: &Path, tail: &[&str]) -> String {
    let mut all: Vec<&dyn AsRef<OsStr>> = args.iter().map(|a| a as &dyn AsRef<OsStr>).collect();
    all.push(&pdf);
    all.extend(tail.iter().map(|a| a as &dyn AsRef<OsStr>));
    tool(name, &all)
}

/// PDF bytes written to a file in a folder of their own, removed when dropped.
pub struct Saved {
    _dir: tempfile::TempDir,
    pub path: PathBuf,
}

impl std::ops::Deref for Saved {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.path
    }
}

impl AsRef<OsStr> for Saved {
    fn as_ref(&self) -> &OsStr {
        self.path.as_os_str()
    }
}

impl AsRef<Path> for Saved {
    fn as_ref(&self) -> &Path {
        &self.path
    }
}

/// Writes PDF bytes to a temporary file, for the tools that read files.
pub fn save(bytes: &[u8]) -> Saved {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.pdf");
    std::fs::write(&path, bytes).unwrap();
    Saved { _dir: dir, path }
}

/// `pdftotext ARGS PDF -`: the text poppler extracts.
pub fn pdftotext(pdf: &Path, args: &[&str]) -> String {
    tool_on("pdftotext", args, pdf, &["-"])
}

/// A word `pdftotext -bbox` finds: its page (1-based), its box in points from the
/// page's top left, and its text.
#[derive(Clone, Debug)]
pub struct Word {
    pub page: usize,
    pub x_min: f32,
    pub y_min: f32,
    pub x_max: f32,
    pub y_max: f32,
    pub text: String,
}

/// Every word of `pdftotext -bbox ARGS PDF -`, in poppler's reading order.
pub fn pdftotext_words(pdf: &Path, args: &[&str]) -> Vec<Word> {
    let mut all = vec!["-bbox"];
    all.extend_from_slice(args);
    let html = tool_on("pdftotext", &all, pdf, &["-"]);
    assert!(
        html.contains("<doc>"),
        "pdftotext -bbox wrote no document:\n{html}"
    );
    let unescape = |s: &str| {
        s.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    };
    let mut page = 0;
    let mut words = Vec::new();
    for line in html.lines() {
        let line = line.trim();
        if line.starts_with("<page ") {
            page += 1;
        }
        let Some(rest) = line.strip_prefix("<word ") else {
            continue;
        };
        let (attrs, text) = rest
            .split_once('>')
            .unwrap_or_else(|| panic!("a <word> line pdftotext wrote: {line}"));
        let attr = |k: &str| -> f32 {
            let at = attrs
                .find(&format!("{k}=\""))
                .unwrap_or_else(|| panic!("{k} in {line}"))
                + k.len()
                + 2;
            attrs[at..].split('"').next().unwrap().parse().unwrap()
        };
        words.push(Word {
            page,
            x_min: attr("xMin"),
            y_min: attr("yMin"),
            x_max: attr("xMax"),
            y_max: attr("yMax"),
            text: unescape(text.strip_suffix("</word>").unwrap_or(text)),
        });
    }
    words
}

/// A row of `pdffonts`.
#[derive(Clone, Debug)]
pub struct FontRow {
    /// The font's name, with its subset tag (`ABCDEF+Name`).
    pub name: String,
    pub embedded: bool,
    pub subset: bool,
    pub unicode: bool,
    /// The row as printed.
    pub line: String,
}

/// The fonts `pdffonts` lists (name … emb sub uni object-id generation).
pub fn pdffonts(pdf: &Path) -> Vec<FontRow> {
    let text = tool_on("pdffonts", &[], pdf, &[]);
    let mut lines = text.lines();
    assert!(
        lines.next().is_some_and(|l| l.starts_with("name"))
            && lines.next().is_some_and(|l| l.starts_with("---")),
        "pdffonts printed no table:\n{text}"
    );
    lines
        .map(|row| {
            let cols: Vec<&str> = row.split_whitespace().collect();
            let n = cols.len();
            assert!(n >= 7, "a pdffonts row: {row}");
            let yes = |c: &str| match c {
                "yes" => true,
                "no" => false,
                _ => panic!("emb/sub/uni column {c:?} in: {row}"),
            };
            FontRow {
                name: cols[0].to_string(),
                embedded: yes(cols[n - 5]),
                subset: yes(cols[n - 4]),
                unicode: yes(cols[n - 3]),
                line: row.to_string(),
            }
        })
        .collect()
}

/// `pdfinfo PDF`'s fields ("Pages" → "9", "Page size" → "419.528 x 595.276 pts (A5)").
pub fn pdfinfo(pdf: &Path) -> BTreeMap<String, String> {
    let text = tool_on("pdfinfo", &[], pdf, &[]);
    let fields: BTreeMap<String, String> = text
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    assert!(
        fields.contains_key("Pages"),
        "pdfinfo printed no page count:\n{text}"
    );
    fields
}

/// The boxes of one page (1-based) from `pdfinfo -box`: "MediaBox", "CropBox",
/// "BleedBox", "TrimBox", "ArtBox" → [x0, y0, x1, y1] in points.
pub fn page_boxes(pdf: &Path, page: usize) -> BTreeMap<String, [f32; 4]> {
    let p = page.to_string();
    let text = tool_on("pdfinfo", &["-box", "-f", &p, "-l", &p], pdf, &[]);
    let prefix = format!("Page {page:>4} ");
    let boxes: BTreeMap<String, [f32; 4]> = text
        .lines()
        .filter_map(|l| l.strip_prefix(&prefix))
        .filter_map(|l| l.split_once(':'))
        .filter(|(k, _)| k.ends_with("Box"))
        .map(|(k, v)| {
            let n: Vec<f32> = v.split_whitespace().map(|t| t.parse().unwrap()).collect();
            assert_eq!(n.len(), 4, "{k} in:\n{text}");
            (k.to_string(), [n[0], n[1], n[2], n[3]])
        })
        .collect();
    assert!(
        boxes.contains_key("MediaBox"),
        "no boxes for page {page} in:\n{text}"
    );
    boxes
}

/// `pdfinfo -struct-text PDF`: the structure tree with its text, in reading order.
pub fn struct_text(pdf: &Path) -> String {
    tool_on("pdfinfo", &["-struct-text"], pdf, &[])
}

/// The rows of `pdfimages -list ARGS PDF` (page num type width height color comp bpc
/// enc interp object ID x-ppi y-ppi size ratio), split into columns.
pub fn image_rows(pdf: &Path, args: &[&str]) -> Vec<Vec<String>> {
    let mut all = vec!["-list"];
    all.extend_from_slice(args);
    let text = tool_on("pdfimages", &all, pdf, &[]);
    let mut lines = text.lines();
    assert!(
        lines.next().is_some_and(|l| l.starts_with("page"))
            && lines.next().is_some_and(|l| l.starts_with("---")),
        "pdfimages -list printed no table:\n{text}"
    );
    lines
        .map(|l| l.split_whitespace().map(String::from).collect())
        .collect()
}

/// One page's content stream, decoded into operations.
pub fn page_ops(doc: &lopdf::Document, page: lopdf::ObjectId) -> Vec<lopdf::content::Operation> {
    doc.get_and_decode_page_content(page)
        .unwrap_or_else(|e| panic!("the content of page {page:?} decodes: {e}"))
        .operations
}

/// A content-stream operation with the font the last `Tf` before it set (resource
/// name and size; `q`/`Q` save and restore it), on its page.
pub struct Op {
    /// The page's number (1-based) and object.
    pub page: usize,
    pub page_id: lopdf::ObjectId,
    pub font: Option<(Vec<u8>, f32)>,
    pub op: lopdf::content::Operation,
}

/// The `Tf` walk: every page's operations in order, each with the font in force.
pub fn content_ops(doc: &lopdf::Document) -> Vec<Op> {
    let mut out = Vec::new();
    for (page, page_id) in doc.get_pages() {
        let mut font: Option<(Vec<u8>, f32)> = None;
        let mut saved = Vec::new();
        for op in page_ops(doc, page_id) {
            match op.operator.as_str() {
                "q" => saved.push(font.clone()),
                "Q" => font = saved.pop().expect("Q without q"),
                "Tf" => {
                    let name = op.operands[0].as_name().expect("Tf names a font").to_vec();
                    let size = op.operands[1].as_float().expect("Tf gives a size");
                    font = Some((name, size));
                }
                _ => {}
            }
            out.push(Op {
                page: page as usize,
                page_id,
                font: font.clone(),
                op,
            });
        }
    }
    out
}

/// Every font a PDF's pages set, in order: (page, font resource name, size), one per `Tf`.
pub fn fonts_set(pdf: &[u8]) -> Vec<(usize, Vec<u8>, f32)> {
    let doc = lopdf::Document::load_mem(pdf).expect("lopdf reads the PDF");
    content_ops(&doc)
        .into_iter()
        .filter(|o| o.op.operator == "Tf")
        .map(|o| {
            let (name, size) = o.font.unwrap();
            (o.page, name, size)
        })
        .collect()
}

/// A rule of PDF/UA-1 that failed.
#[derive(Clone, Debug)]
pub struct UaFailure {
    pub rule_id: String,
    pub message: String,
}

impl std::fmt::Display for UaFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.rule_id, self.message)
    }
}

/// The PDF/UA-1 rules a PDF fails (page_validation, veraPDF's rules); panics unless the
/// validator reads the file and the profile's rules ran.
pub fn pdf_ua_failures(pdf: &[u8]) -> Vec<UaFailure> {
    use page_validation::{validate_pdf_bytes, ValidationOptions, ValidationProfile};
    let report = validate_pdf_bytes(
        pdf,
        &ValidationOptions::default().profile(ValidationProfile::PdfUa1),
    )
    .expect("the validator reads the file");
    assert!(
        report.rules.total > 50,
        "the UA-1 profile ran ({} rules)",
        report.rules.total
    );
    assert_eq!(report.is_compliant, report.failures.is_empty());
    report
        .failures
        .iter()
        .map(|f| UaFailure {
            rule_id: f.rule_id.to_string(),
            message: f.message.to_string(),
        })
        .collect()
}

/// Panics, listing the failed rules, unless the PDF passes PDF/UA-1.
pub fn assert_pdf_ua(pdf: &[u8], what: &str) {
    let failures = pdf_ua_failures(pdf);
    assert!(
        failures.is_empty(),
        "{what}: {} PDF/UA-1 rules failed:\n{}",
        failures.len(),
        failures
            .iter()
            .map(|f| f.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
}
