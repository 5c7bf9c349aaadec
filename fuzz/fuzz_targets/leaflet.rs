//! Valid-looking leaflets, built from structured random input (every block type,
//! any Unicode text, odd page sizes and margins, images, every edition), so that
//! layout and PDF writing are reached far more often than from raw bytes.
#![no_main]

#[path = "common.rs"]
mod common;

use arbitrary::Arbitrary;
use leafpress::model::edition::Imposition;
use leafpress::model::edition::Options;

#[derive(Arbitrary, Debug)]
enum Block {
    Heading(String),
    Subheading(String),
    Paragraph(String),
    Bullets(Vec<String>),
    Numbered(Vec<String>),
    Quote(String, Option<String>),
    Callout(Option<String>, String),
    Image(u8, String, Option<String>, u8),
    Faq(Vec<(String, String)>),
    Contact(Option<String>, Option<String>),
    Qr(String, u8),
    Exercise(String, Vec<String>, Option<String>),
    Table(Vec<String>, Vec<Vec<String>>),
    Checklist(Vec<String>),
    WriteIn(Vec<String>),
    Urgent(String, Vec<String>),
    PageBreak,
}

#[derive(Arbitrary, Debug)]
struct Leaflet {
    title: String,
    size: u8,
    margin: u8,
    cover: bool,
    footer: Option<String>,
    blocks: Vec<Block>,
    target: bool,
    layout: u8,
    large: u8,
    fit: u8,
}

/// A YAML string that reads back as `s` (serde_yaml quotes it as needed).
fn q(s: &str) -> String {
    serde_yaml::to_string(s)
        .unwrap_or_default()
        .trim_end()
        .to_string()
}

fn list(items: &[String]) -> String {
    format!("[{}]", items.iter().map(|s| q(s)).collect::<Vec<_>>().join(", "))
}

fn yaml(l: &Leaflet) -> String {
    let sizes = ["A4", "A5", "A6", "Letter"];
    let mut y = format!(
        "title: {}\npage: {{size: {}, margin: {}mm}}\ncover: {}\n",
        q(&l.title),
        sizes[l.size as usize % 4],
        l.margin % 45,
        l.cover
    );
    if let Some(f) = &l.footer {
        y += &format!("footer: {}\n", q(f));
    }
    y += "blocks:\n";
    let images = ["gradient.png", "landscape.jpg", "rotated-exif6.jpg"];
    for b in &l.blocks {
        y += &match b {
            Block::Heading(t) => format!("  - heading: {}\n", q(t)),
            Block::Subheading(t) => format!("  - subheading: {}\n", q(t)),
            Block::Paragraph(t) => format!("  - paragraph: {}\n", q(t)),
            Block::Bullets(v) => format!("  - bullets: {}\n", list(v)),
            Block::Numbered(v) => format!("  - numbered: {}\n", list(v)),
            Block::Quote(t, by) => format!(
                "  - quote: {{text: {}, by: {}}}\n",
                q(t),
                by.as_deref().map_or("null".into(), q)
            ),
            Block::Callout(t, x) => format!(
                "  - callout: {{title: {}, text: {}}}\n",
                t.as_deref().map_or("null".into(), q),
                q(x)
            ),
            Block::Image(i, alt, cap, w) => format!(
                "  - image: {{src: images/{}, alt: {}, caption: {}, width: {}%}}\n",
                images[*i as usize % 3],
                q(alt),
                cap.as_deref().map_or("null".into(), q),
                1 + w % 100
            ),
            Block::Faq(e) => format!(
                "  - faq: [{}]\n",
                e.iter()
                    .map(|(a, b)| format!("{{q: {}, a: {}}}", q(a), q(b)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Block::Contact(n, p) => format!(
                "  - contact: {{name: {}, phone: {}}}\n",
                n.as_deref().map_or("null".into(), q),
                p.as_deref().map_or("null".into(), q)
            ),
            Block::Qr(u, s) => format!(
                "  - qr: {{url: {}, size: {}mm}}\n",
                q(&format!("https://x.example/{u}")),
                10 + s % 60
            ),
            Block::Exercise(t, steps, r) => format!(
                "  - exercise: {{title: {}, steps: {}, repeat: {}}}\n",
                q(t),
                list(steps),
                r.as_deref().map_or("null".into(), q)
            ),
            Block::Table(h, rows) => format!(
                "  - table: {{header: {}, rows: [{}]}}\n",
                list(h),
                rows.iter().map(|r| list(r)).collect::<Vec<_>>().join(", ")
            ),
            Block::Checklist(v) => format!("  - checklist: {}\n", list(v)),
            Block::WriteIn(v) => format!("  - write_in: {}\n", list(v)),
            Block::Urgent(t, v) => format!("  - urgent: {{title: {}, items: {}}}\n", q(t), list(v)),
            Block::PageBreak => "  - page_break\n".into(),
        };
    }
    y
}

fn options(l: &Leaflet) -> Options {
    let mut o = Options::default();
    if l.target {
        o.target = leafpress::model::edition::Target::Email;
    }
    o.imposition = match l.layout % 5 {
        0 => Imposition::Booklet,
        1 => Imposition::Trifold {
            crop_marks: l.large % 2 == 0,
        },
        2 => Imposition::Pages {
            bleed: 8.5,
            crop_marks: true,
        },
        _ => Imposition::default(),
    };
    if l.large % 7 == 1 && !matches!(o.imposition, Imposition::Trifold { .. }) {
        o.large_print = Some(16.0 + (l.large % 9) as f32);
    }
    o.fit = match l.fit % 6 {
        0 => Some(leafpress::model::edition::Fit::Pages(1 + l.fit as usize % 8)),
        1 => Some(leafpress::model::edition::Fit::Booklet),
        _ => None,
    };
    o
}

libfuzzer_sys::fuzz_target!(|l: Leaflet| {
    let (text, options) = (yaml(&l), options(&l));
    // To turn a crash or slow input into a test case: LEAFPRESS_FUZZ_SHOW=1 TARGET INPUT.
    if std::env::var_os("LEAFPRESS_FUZZ_SHOW").is_some() {
        eprintln!("{options:?}\n{text}");
    }
    common::check(text.as_bytes(), &options);
});
