//! A short, deterministic fuzz run over the whole pipeline (issue 12 asks for a long
//! one with a real fuzzer; this is the budget CI can afford): mutated copies of every
//! content file in the repository, and generated leaflets with random blocks, text
//! in many scripts and odd page sizes. Every input must either build or be refused
//! with a located diagnostic, never panic; every PDF must have the pages layout said
//! and come out the same twice.

mod common;

use common::*;
use leafpress::model::edition::Options;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

/// xorshift64*: a fixed sequence, so a failure reproduces from its case number.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const PIECES: &[&str] = &[
    "*",
    "**",
    "[",
    "]",
    "(",
    ")",
    "#",
    ": ",
    " #",
    "\"",
    "'",
    "-",
    "- ",
    "\n",
    "\n  ",
    "\t",
    "{",
    "}",
    "&a",
    "*a",
    "!",
    "|",
    ">",
    "%",
    "@",
    "`",
    "\\",
    "İ",
    "ŋ",
    "e\u{301}",
    "שלום",
    "مرحبا",
    "বাংলা",
    "中文",
    "🙂",
    "\u{200f}",
    "\u{0}",
    "10000mm",
    "0mm",
    "-5mm",
    "1e38in",
    "200%",
    "0%",
    "page_break",
    "contact",
    "qr",
    "table",
    "~",
    "null",
];

/// A copy of `text` with a few random edits: deletions, duplications, insertions.
fn mutate(text: &str, rng: &mut Rng) -> String {
    let mut s: Vec<char> = text.chars().collect();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(s.len() + 1);
        match rng.below(4) {
            0 if !s.is_empty() => {
                let end = (at + 1 + rng.below(20)).min(s.len());
                s.drain(at.min(end)..end);
            }
            1 if !s.is_empty() => {
                let end = (at + 1 + rng.below(40)).min(s.len());
                let copy: Vec<char> = s[at.min(end)..end].to_vec();
                s.splice(at.min(end)..at.min(end), copy);
            }
            _ => {
                let piece: Vec<char> = rng.pick(PIECES).chars().collect();
                s.splice(at..at, piece);
            }
        }
    }
    s.into_iter().collect()
}

const WORDS: &[&str] = &[
    "knee",
    "Acupuncture",
    "pain",
    "**bold**",
    "*soft*",
    "[a link](https://clinic.example)",
    "Supercalifragilisticexpialidociousnessfulness",
    "Достопримечательность",
    "İstanbul",
    "Việt",
    "ἄλγος",
    "শুভ",
    "مرحبا",
    "→",
    "–",
    "\"quoted\"",
    "5-10",
    "e.g.",
    "01632 960 000",
    "1 / 2",
    "آکیوپنکچر",
    "(acupuncture)",
    "ਸੂਈਆਂ",
    "சிகிச்சை",
    "针灸治疗",
    "“Qi“（气）",
    "[dzień dobry]{lang=pl}",
    "[السلام]{lang=ur}",
    "[x]{lang=}",
    "ۍ",
    "𐀀",
];

fn text(rng: &mut Rng, words: usize) -> String {
    let n = 1 + rng.below(words);
    let s: Vec<&str> = (0..n).map(|_| rng.pick(WORDS)).collect();
    format!("\"{}\"", s.join(" ").replace('"', "'"))
}

/// A valid-looking leaflet with random blocks, to reach layout and writing.
fn generate(rng: &mut Rng) -> String {
    let size = rng.pick(&["A4", "A5", "A6", "Letter"]);
    let margin = rng.pick(&["3mm", "10mm", "15mm", "25mm", "40mm"]);
    let language = rng.pick(&[
        "en-GB", "ur", "ar", "fa", "bn", "pa", "ta", "zh-Hans", "pl", "ro", "el",
    ]);
    let mut y = format!(
        "title: {}\nlanguage: {language}\npage: {{size: {size}, margin: {margin}}}\nblocks:\n",
        text(rng, 12)
    );
    for _ in 0..1 + rng.below(25) {
        let block = match rng.below(14) {
            0 => format!("  - heading: {}", text(rng, 10)),
            1 => format!("  - subheading: {}", text(rng, 6)),
            2 | 3 => format!("  - paragraph: {}", text(rng, 120)),
            4 => format!("  - bullets: [{}, {}]", text(rng, 20), text(rng, 20)),
            5 => format!("  - numbered: [{}]", text(rng, 30)),
            6 => format!("  - quote: {{text: {}, by: {}}}", text(rng, 200), text(rng, 3)),
            7 => format!(
                "  - callout: {{title: {}, text: {}}}",
                text(rng, 5),
                text(rng, 40)
            ),
            8 => format!("  - faq: [{{q: {}, a: {}}}]", text(rng, 10), text(rng, 60)),
            9 => format!(
                "  - table: {{header: [{}, {}], rows: [[{}, {}], [{}, \"\"]]}}",
                text(rng, 2),
                text(rng, 2),
                text(rng, 8),
                text(rng, 3),
                text(rng, 5)
            ),
            10 => format!("  - checklist: [{}, {}]", text(rng, 8), text(rng, 8)),
            11 => format!(
                "  - urgent: {{title: {}, items: [{}]}}",
                text(rng, 4),
                text(rng, 12)
            ),
            12 => format!(
                "  - qr: {{url: \"https://clinic.example/{}\"}}",
                "x".repeat(rng.below(200))
            ),
            _ => "  - page_break".to_string(),
        };
        y.push_str(&block);
        y.push('\n');
        // Now and then a block in another language.
        if rng.below(6) == 0 && !block.ends_with("page_break") {
            y.push_str(&format!(
                "    lang: {}\n",
                rng.pick(&["ur", "pl", "ar", "zh", "bn", "x"])
            ));
        }
    }
    y
}

/// Any edition: print or e-mail, pages, a booklet or a tri-fold, large print, fitted
/// to a page count (the editions reach code the default build does not).
fn edition(rng: &mut Rng) -> Options {
    use leafpress::model::edition::Imposition;
    let mut o = Options::default();
    if rng.below(3) == 0 {
        o.target = leafpress::model::edition::Target::Email;
    }
    o.imposition = match rng.below(6) {
        0 => Imposition::Booklet,
        1 => Imposition::Trifold {
            crop_marks: rng.below(2) == 0,
        },
        2 => Imposition::Pages {
            bleed: 8.5,
            crop_marks: true,
        },
        _ => Imposition::Pages {
            bleed: 0.0,
            crop_marks: false,
        },
    };
    if rng.below(5) == 0 && !matches!(o.imposition, Imposition::Trifold { .. }) {
        o.large_print = Some(16.0 + rng.below(9) as f32);
    }
    o.fit = match rng.below(6) {
        0 => Some(leafpress::model::edition::Fit::Pages(1 + rng.below(8))),
        1 => Some(leafpress::model::edition::Fit::Booklet),
        _ => None,
    };
    o
}

/// Builds `yaml` as a file in `dir` (beside the test images); panics only on a broken
/// property, never on a refused input.
fn run(dir: &Path, name: &str, yaml: &str, options: &Options) {
    let path = dir.join(name);
    std::fs::write(&path, yaml).unwrap();
    let result = catch_unwind(AssertUnwindSafe(|| leafpress::build(&path, options)));
    match result {
        Err(_) => panic!("{name} panicked; its input:\n{yaml}"),
        Ok(Err(d)) => assert!(!d.items.is_empty(), "{name}: refused without a reason"),
        Ok(Ok(built)) => {
            let again = leafpress::build(&path, options).unwrap();
            assert_eq!(
                built.pdf, again.pdf,
                "{name}: the same input gave different bytes ({options:?})"
            );
            let doc = lopdf::Document::load_mem(&built.pdf).expect("the PDF reads back");
            // One PDF page a sheet: a page each, or booklet and tri-fold sides.
            assert_eq!(
                doc.get_pages().len(),
                built.sheets,
                "{name}: sheets ({options:?})"
            );
            if options.imposition == leafpress::model::edition::Imposition::default() {
                assert_eq!(built.sheets, built.layout.pages.len(), "{name}: page count");
            }
        }
    }
}

/// The budget: `LEAFPRESS_FUZZ=N` runs N times as many cases (the long run).
fn budget(base: usize) -> usize {
    base * std::env::var("LEAFPRESS_FUZZ")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1)
}

#[test]
fn mutated_and_generated_leaflets_build_or_are_refused_never_panic() {
    let (fuzz_mutants, fuzz_generated) = (budget(240), budget(60));
    // The images the cases name resolve beside the files, as in tests/cases.
    let dir = tempfile::tempdir().unwrap();
    let images = repo().join("tests/cases/images");
    std::fs::create_dir_all(dir.path().join("images")).unwrap();
    for e in std::fs::read_dir(&images).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.path().join("images").join(e.file_name())).unwrap();
    }
    let mut seeds: Vec<String> = Vec::new();
    for folder in [
        "content",
        "tests/cases",
        "tests/cases/bad",
        "tests/cases/traps",
        "tests/cases/plain",
        "tests/cases/languages",
        "library/content",
    ] {
        let mut files: Vec<_> = std::fs::read_dir(repo().join(folder))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
            .collect();
        files.sort();
        seeds.extend(
            files
                .iter()
                .map(|f| std::fs::read_to_string(f).unwrap_or_default()),
        );
    }
    let mut rng = Rng(0x5EED_1EAF);
    for case in 0..fuzz_mutants {
        let seed = &seeds[case % seeds.len()];
        let yaml = mutate(seed, &mut rng);
        // Most mutants in the default edition, a quarter in another.
        let options = if rng.below(4) == 0 {
            edition(&mut rng)
        } else {
            Options::default()
        };
        run(dir.path(), &format!("mutant{case}.yaml"), &yaml, &options);
    }
    for case in 0..fuzz_generated {
        let yaml = generate(&mut rng);
        let options = edition(&mut rng);
        run(dir.path(), &format!("generated{case}.yaml"), &yaml, &options);
    }
}
