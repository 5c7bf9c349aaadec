//! `check --report FILE.html`: one self-contained page (no scripts, no network) that
//! shows each leaflet's text with every finding marked where it is, explained on
//! hover or keyboard focus; the reading age of each section as a chart and a table;
//! the findings that belong to no sentence; and the pages as thumbnails.

use super::{excerpt, figures, position, summary, thumbs};
use crate::base::diag::{Diagnostics, Level};
use crate::layout::Document;
use crate::review::plain::prose::Kind;
use crate::review::plain::{Finding, Review};
use crate::text::markup::Style;
use std::fmt::Write;
use std::ops::Range;

pub use crate::base::escape::xml as escape;

const STYLE: &str = r#"
:root{--ink:#1a1a1a;--muted:#4a4a4a;--line:#c9ced3}
body{font:16px/1.5 system-ui,"Atkinson Hyperlegible",sans-serif;color:var(--ink);background:#fff;margin:0}
header,main{max-width:60rem;margin:0 auto;padding:1rem 1.5rem}
header{border-bottom:1px solid var(--line)}
h1{font-size:1.6rem;margin:.2rem 0}
h2{font-size:1.4rem;margin:2rem 0 .3rem;color:#14524e}
h3{font-size:1.15rem;margin:1.6rem 0 .4rem;border-bottom:1px solid var(--line)}
.file,.note{color:var(--muted);margin:.2rem 0}
.summary{font-size:1.15rem;font-weight:600;background:#f3f6f7;padding:.6rem .8rem;border-left:4px solid #14524e}
.leaflet{max-width:40rem}
.leaflet h4{font-size:1.1rem;margin:1.2rem 0 .3rem;color:#14524e}
.leaflet h5{font-size:1rem;margin:1rem 0 .2rem}
.leaflet .label{font-weight:700;margin-bottom:.2rem}
.leaflet .caption{font-style:normal;color:var(--muted)}
mark{color:var(--ink);border-radius:2px;padding:0 1px;border-bottom:2px solid}
mark.error{background:#ffdcdc;border-color:#a4001d}
mark.warning{background:#fff0b3;border-color:#7a5c00}
mark.note{background:#deecff;border-color:#1d4f91}
mark mark{background:#ffd966;border-bottom-width:3px}
mark.note mark,mark mark.note{background:#c9defa}
.leaflet .question{font-weight:700}
.leaflet .by{color:var(--muted);font-weight:700}
mark:focus{outline:3px solid #14524e;outline-offset:1px}
.tip{display:none;position:absolute;z-index:10;max-width:26rem;background:#1a1a1a;color:#fff;padding:.5rem .7rem;border-radius:4px;font-size:.9rem;font-weight:400;line-height:1.4}
mark:hover+.tip,mark:focus+.tip{display:block}
.badge{display:inline-block;min-width:4.6rem;font-size:.8rem;font-weight:700;text-transform:uppercase;letter-spacing:.03em}
.badge.error{color:#a4001d}.badge.warning{color:#6b5000}.badge.note{color:#1d4f91}
ul.whole{list-style:none;padding:0}
ul.whole li{margin:.5rem 0}
ul.whole [tabindex]:focus{outline:3px solid #14524e}
.fixline{display:block;color:var(--muted);margin-left:4.9rem}
table{border-collapse:collapse;margin:.5rem 0;font-size:.95rem}
th,td{border:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}
ul.pages{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1rem}
ul.pages figure{margin:0}
.thumb{border:1px solid var(--line);box-shadow:0 1px 3px #0002}
figcaption{font-size:.9rem;color:var(--muted)}
"#;

/// The report for every leaflet checked (with its pages), and those that failed.
pub fn page(reviews: &[(&Review, &Document)], failures: &[Diagnostics]) -> String {
    let mut s = String::new();
    let title = match reviews {
        [(r, _)] => format!("Plain-language check: {}", r.title),
        _ => format!(
            "Plain-language check: {} leaflets",
            reviews.len() + failures.len()
        ),
    };
    let _ = write!(
        s,
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"><title>{}</title><style>{STYLE}</style></head><body><header><h1>{}</h1><p class="note">Made by leafpress {}. Reading ages are estimates from readability formulas: use them to decide what to work on first, then read the leaflet with a patient in mind.</p></header><main>"#,
        escape(&title),
        escape(&title),
        env!("CARGO_PKG_VERSION")
    );
    for (i, (r, layout)) in reviews.iter().enumerate() {
        leaflet(&mut s, i + 1, r, layout);
    }
    for d in failures {
        let file = d
            .items
            .first()
            .map(|i| i.file.display().to_string())
            .unwrap_or_default();
        let _ = write!(s, "<article><h2>{} could not be checked</h2><ul>", escape(&file));
        for i in &d.items {
            let _ = write!(
                s,
                "<li>{}{}</li>",
                escape(&i.message),
                i.help
                    .as_deref()
                    .map(|h| format!(" — {}", escape(h)))
                    .unwrap_or_default()
            );
        }
        s.push_str("</ul></article>");
    }
    s.push_str("</main></body></html>\n");
    s
}

fn level_word(l: Level) -> &'static str {
    match l {
        Level::Error => "Error",
        Level::Warning => "Warning",
        Level::Note => "Note",
    }
}

/// "Warning · long-sentence: this sentence has 27 words. Fix: split it in two."
fn explanation(f: &Finding) -> String {
    let mut e = format!("{} · {}: {}.", level_word(f.level), f.rule, f.message);
    if let Some(fix) = &f.fix {
        let _ = write!(e, " Fix: {fix}.");
    }
    escape(&e)
}

fn leaflet(s: &mut String, n: usize, r: &Review, layout: &Document) {
    let id = |i: usize| format!("l{n}-f{}", i + 1);
    let _ = write!(
        s,
        r#"<article aria-labelledby="l{n}"><h2 id="l{n}">{}</h2><p class="file">{} · {} pages · language {}</p><p class="summary">{}</p>"#,
        escape(&r.title),
        escape(&r.file.display().to_string()),
        r.pages,
        escape(&r.language),
        escape(&summary(r))
    );
    if let Some(f) = figures(r) {
        let _ = write!(s, r#"<p class="note">{}</p>"#, escape(&f));
    }
    chart(s, n, r);

    // Findings tied to no sentence: leaflet-wide, layout, images.
    let loose: Vec<usize> = (0..r.findings.len())
        .filter(|&i| r.findings[i].unit.is_none())
        .collect();
    let _ = write!(
        s,
        r#"<h3 id="l{n}-whole">Findings about the whole leaflet and its pages ({})</h3>"#,
        loose.len()
    );
    if loose.is_empty() {
        s.push_str("<p>None.</p>");
    } else {
        s.push_str(r#"<ul class="whole">"#);
        for &i in &loose {
            let f = &r.findings[i];
            let place = position(r, f)
                .map(|(l, c)| format!(" (line {l}, column {c})"))
                .unwrap_or_default();
            let fid = id(i);
            let _ = write!(
                s,
                r#"<li><span class="badge {lv}">{}</span> <span tabindex="0" data-finding="{fid}" aria-describedby="{fid}-d">{}{}</span><span class="fixline" id="{fid}-d">{} · {}</span></li>"#,
                level_word(f.level),
                escape(&f.message),
                escape(&place),
                f.rule,
                escape(f.fix.as_deref().map_or("", |x| x)),
                lv = f.level.name()
            );
        }
        s.push_str("</ul>");
    }

    let _ = write!(
        s,
        r#"<h3 id="l{n}-text">The leaflet's text, with findings marked</h3><p class="note">Tab to a marked passage, or point at it, to see what was found and how to fix it.</p><div class="leaflet">"#
    );
    text(s, r, &id);
    s.push_str("</div>");

    let _ = write!(s, r#"<h3 id="l{n}-pages">Pages</h3><ul class="pages">"#);
    for p in 0..layout.pages.len() {
        let on_page = r.findings.iter().filter(|f| f.page == Some(p)).count();
        let _ = write!(
            s,
            "<li><figure>{}<figcaption>Page {}</figcaption></figure></li>",
            thumbs::page(layout, p, 150.0, on_page),
            p + 1
        );
    }
    s.push_str("</ul></article>");
}

/// Reading age per section: bars against the aim, then the same figures as a table.
fn chart(s: &mut String, n: usize, r: &Review) {
    if !r.english || r.sections.is_empty() {
        return;
    }
    // Sections with no sentences (contact details) have no bar; the table lists them.
    let rows: Vec<(&str, Option<f32>)> = r
        .sections
        .iter()
        .filter(|x| x.counts.sentences > 0)
        .map(|x| (x.title.as_str(), x.counts.reading_age().map(|a| a.0)))
        .collect();
    let (left, width, bar_h) = (250.0, 360.0, 22.0);
    let scale = |age: f32| (age.clamp(5.0, 21.0) - 5.0) / 16.0 * width;
    let h = rows.len() as f32 * (bar_h + 6.0) + 26.0;
    let described: Vec<String> = rows
        .iter()
        .map(|(t, a)| match a {
            Some(a) => format!("{t}: {a:.0}"),
            None => format!("{t}: no sentences"),
        })
        .collect();
    let _ = write!(
        s,
        r##"<h3 id="l{n}-ages">Reading age by section</h3><svg role="img" aria-label="Reading age by section, aim 9 to {aim:.0}. {}" viewBox="0 0 {w:.0} {h:.0}" width="{w:.0}" height="{h:.0}" xmlns="http://www.w3.org/2000/svg"><rect x="{ax:.1}" y="0" width="{aw:.1}" height="{bh:.0}" fill="#e3f1e8"/>"##,
        escape(&described.join("; ")),
        aim = r.aim,
        w = left + width + 50.0,
        ax = left + scale(9.0),
        aw = scale(r.aim) - scale(9.0),
        bh = h - 20.0
    );
    for (i, (title, age)) in rows.iter().enumerate() {
        let y = i as f32 * (bar_h + 6.0) + 4.0;
        let _ = write!(
            s,
            r##"<text x="{:.0}" y="{:.1}" font-size="13" text-anchor="end" fill="#1a1a1a">{}</text>"##,
            left - 8.0,
            y + 15.0,
            escape(&excerpt(title, 28))
        );
        if let Some(a) = age {
            let over = *a > r.aim + 0.5;
            let _ = write!(
                s,
                r##"<rect x="{left:.0}" y="{y:.1}" width="{:.1}" height="{bar_h:.0}" fill="{}"/><text x="{:.1}" y="{:.1}" font-size="13" fill="#1a1a1a">{a:.0}</text>"##,
                scale(*a).max(1.0),
                if over { "#b3541e" } else { "#2e7d5b" },
                left + scale(*a) + 6.0,
                y + 15.0
            );
        }
    }
    for age in [5, 9, 11, 14, 17, 21] {
        let x = left + scale(age as f32);
        let _ = write!(
            s,
            r##"<text x="{x:.1}" y="{:.1}" font-size="11" text-anchor="middle" fill="#4a4a4a">{age}</text>"##,
            h - 4.0
        );
    }
    s.push_str("</svg>");
    s.push_str(r#"<table><caption class="note">The figures behind the chart (estimates; SMOG needs 30 sentences)</caption><thead><tr><th scope="col">Section</th><th scope="col">Sentences</th><th scope="col">Words</th><th scope="col">List phrases</th><th scope="col">Flesch–Kincaid grade</th><th scope="col">Reading ease</th><th scope="col">Reading age</th></tr></thead><tbody>"#);
    let num = |v: Option<f32>, d: usize| v.map_or("–".to_string(), |v| format!("{v:.d$}"));
    let mut row = |title: &str, c: &crate::review::plain::readability::Counts| {
        let _ = write!(
            s,
            r#"<tr><th scope="row">{}</th><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td></tr>"#,
            escape(title),
            c.sentences,
            c.words,
            c.phrases,
            num(c.flesch_kincaid(), 1),
            num(c.reading_ease(), 0),
            num(c.reading_age().map(|a| a.0), 0)
        );
    };
    for x in &r.sections {
        row(&x.title, &x.counts);
    }
    row("Whole leaflet", &r.whole);
    s.push_str("</tbody></table>");
}

/// What is open in the text view while units are written: a list or a table of
/// one block (None: the back page's sources).
#[derive(PartialEq)]
enum Open {
    List(Option<usize>, &'static str),
    Table(Option<usize>, usize),
}

impl Open {
    fn close(&self) -> &'static str {
        match self {
            Open::List(_, "ol") => "</ol>",
            Open::List(..) => "</ul>",
            Open::Table(..) => "</tr></table>",
        }
    }
}

/// The leaflet's units in order, as the PDF prints them (lists, tables, a quote's
/// attribution, bold and italics), each finding in it marked.
fn text(s: &mut String, r: &Review, id: &dyn Fn(usize) -> String) {
    let mut open: Option<Open> = None;
    for (u, unit) in r.prose.units.iter().enumerate() {
        let marks: Vec<(Range<usize>, usize)> = r
            .findings
            .iter()
            .enumerate()
            .filter(|(_, f)| f.unit == Some(u))
            .filter_map(|(i, f)| f.at.clone().map(|a| (a, i)))
            .collect();
        let styles: Vec<(Range<usize>, Style)> =
            unit.span_ranges().map(|(at, span)| (at, span.style)).collect();
        // A bold lead-in ("Few side effects:") stays bold; marks never cross it.
        let cut = unit.label.end;
        let (label_marks, rest_marks): (Vec<_>, Vec<_>) = marks.into_iter().partition(|(a, _)| a.end <= cut);
        let rest_marks: Vec<_> = rest_marks
            .into_iter()
            .map(|(a, i)| (a.start.max(cut) - cut..a.end - cut, i))
            .collect();
        let rest_styles: Vec<_> = styles
            .iter()
            .filter(|(a, _)| a.end > cut)
            .map(|(a, st)| (a.start.max(cut) - cut..a.end - cut, *st))
            .collect();
        let body = format!(
            "{}{}",
            marked(&unit.text[..cut], &label_marks, &styles, r, id),
            marked(&unit.text[cut..], &rest_marks, &rest_styles, r, id)
        );
        let want = match unit.kind {
            Kind::Item => Some(Open::List(unit.block, "ul")),
            Kind::Source => Some(Open::List(unit.block, "ol")),
            Kind::Cell { row, .. } => Some(Open::Table(unit.block, row)),
            _ => None,
        };
        match (&open, &want) {
            (Some(o), Some(w)) if o == w => {}
            // The next row of the same table.
            (Some(Open::Table(b, _)), Some(Open::Table(c, _))) if b == c => {
                s.push_str("</tr><tr>");
                open = want;
            }
            _ => {
                if let Some(o) = open.take() {
                    s.push_str(o.close());
                }
                match &want {
                    Some(Open::List(_, tag)) => {
                        let _ = write!(s, "<{tag}>");
                    }
                    Some(Open::Table(..)) => s.push_str(r#"<table class="cells"><tr>"#),
                    None => {}
                }
                open = want;
            }
        }
        match unit.kind {
            Kind::Heading(1) => {
                let _ = write!(s, "<h4>{body}</h4>");
            }
            Kind::Heading(_) => {
                let _ = write!(s, "<h5>{body}</h5>");
            }
            Kind::Item | Kind::Source => {
                let _ = write!(s, "<li>{body}</li>");
            }
            Kind::Cell { header: true, .. } => {
                let _ = write!(s, r#"<th scope="col">{body}</th>"#);
            }
            Kind::Cell { header: false, .. } => {
                let _ = write!(s, "<td>{body}</td>");
            }
            Kind::Label => {
                let _ = write!(s, r#"<p class="label">{body}</p>"#);
            }
            Kind::Caption => {
                let _ = write!(s, r#"<p class="caption">{body}</p>"#);
            }
            Kind::Question => {
                let _ = write!(s, r#"<p class="question">{body}</p>"#);
            }
            Kind::Attribution => {
                let _ = write!(s, r#"<p class="by">— {body}</p>"#);
            }
            Kind::Paragraph => {
                let _ = write!(s, "<p>{body}</p>");
            }
        }
    }
    if let Some(o) = open {
        s.push_str(o.close());
    }
}

/// `text[from..to]`, escaped, each piece in its span's emphasis (`<strong>`,
/// `<em>`); `styles` are the spans' ranges in `text`.
fn styled(text: &str, from: usize, to: usize, styles: &[(Range<usize>, Style)]) -> String {
    let mut out = String::new();
    let mut at = from;
    for (range, style) in styles.iter().filter(|(r, _)| r.end > from && r.start < to) {
        let (a, b) = (range.start.max(at), range.end.min(to));
        if a > at {
            out.push_str(&escape(&text[at..a]));
        }
        if b <= a {
            continue;
        }
        let piece = escape(&text[a..b]);
        let _ = match (style.bold, style.italic) {
            (true, true) => write!(out, "<strong><em>{piece}</em></strong>"),
            (true, false) => write!(out, "<strong>{piece}</strong>"),
            (false, true) => write!(out, "<em>{piece}</em>"),
            (false, false) => write!(out, "{piece}"),
        };
        at = b;
    }
    if to > at {
        out.push_str(&escape(&text[at..to]));
    }
    out
}

/// `text` with each finding's range in a focusable `<mark>`, its explanation just
/// after it. Ranges nest (a word inside a long sentence); one that would cross
/// another's end is cut at it.
fn marked(
    text: &str,
    marks: &[(Range<usize>, usize)],
    styles: &[(Range<usize>, Style)],
    r: &Review,
    id: &dyn Fn(usize) -> String,
) -> String {
    let mut sorted: Vec<(Range<usize>, usize)> = marks.to_vec();
    sorted.sort_by_key(|(a, i)| (a.start, std::cmp::Reverse(a.end), *i));
    let mut out = String::new();
    let mut pos = 0;
    let mut stack: Vec<(usize, usize)> = Vec::new();
    let close = |out: &mut String, pos: &mut usize, (end, i): (usize, usize)| {
        out.push_str(&styled(text, *pos, end, styles));
        *pos = end;
        let f = &r.findings[i];
        let _ = write!(
            out,
            r#"</mark><span class="tip" role="tooltip" id="{}-d">{}</span>"#,
            id(i),
            explanation(f)
        );
    };
    for (range, i) in sorted {
        while let Some(&top) = stack.last() {
            if top.0 <= range.start {
                close(&mut out, &mut pos, top);
                stack.pop();
            } else {
                break;
            }
        }
        let end = stack.last().map_or(range.end, |t| range.end.min(t.0));
        let start = range.start.max(pos);
        if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        out.push_str(&styled(text, pos, start, styles));
        pos = start;
        let f = &r.findings[i];
        let fid = id(i);
        let _ = write!(
            out,
            r#"<mark class="{}" id="{fid}" tabindex="0" data-finding="{fid}" aria-describedby="{fid}-d">"#,
            f.level.name()
        );
        stack.push((end, i));
    }
    while let Some(top) = stack.pop() {
        close(&mut out, &mut pos, top);
    }
    out.push_str(&styled(text, pos, text.len(), styles));
    out
}
