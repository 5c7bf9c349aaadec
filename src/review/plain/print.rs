//! The clear-print rules, read off the laid-out pages and the content: text size,
//! contrast with what is under the text, alt text, link text, contact details.

use super::prose::Prose;
use super::Finding;
use crate::base::colour::contrast;
use crate::base::colour::Color;
use crate::base::diag::Level;
use crate::layout::page::{Item, Role};
use crate::layout::structure::Kind;
use crate::layout::{Document, Owner};
use crate::load::Resolved;
use crate::model::rules::RuleId;
use crate::model::theme::Theme;
use crate::model::Block;
use std::collections::BTreeMap;

/// RNIB Clear Print: 12 pt at least.
pub const MIN_SIZE: f32 = 12.0;
/// WCAG AA: 4.5:1 for text, 3:1 for large text (18 pt, or 14 pt bold).
pub const MIN_CONTRAST: f32 = 4.5;
pub const MIN_CONTRAST_LARGE: f32 = 3.0;
pub const LONG_ALT: usize = 150;

pub fn findings(doc: &Resolved, layout: &Document, prose: &Prose, theme: &Theme) -> Vec<Finding> {
    let mut out = Vec::new();
    text_on_pages(doc, layout, theme, &mut out);
    alt_text(doc, &mut out);
    links(prose, &mut out);
    contact(doc, layout, &mut out);
    out
}

/// What a block is, in a reader's words, for "captions are 11 pt".
fn what(doc: &Resolved, role: Role) -> String {
    match role {
        Role::Artifact => "footers and page numbers".into(),
        Role::Content { owner, .. } => match owner.block().and_then(|b| doc.leaflet.blocks.get(b)) {
            Some(Block::Image(_)) | Some(Block::Table(_)) | Some(Block::Qr(_)) => "captions".into(),
            Some(Block::Quote(_)) => "who said a quote".into(),
            Some(b) => format!("text of `{}` blocks", b.type_name()),
            None => "the cover and back page".into(),
        },
    }
}

/// Small text and faint text, one finding per kind of text (not per line).
fn text_on_pages(doc: &Resolved, layout: &Document, theme: &Theme, out: &mut Vec<Finding>) {
    // Bold text of 14 pt or more counts as large (WCAG): the bold styles' sizes.
    let bold_sizes: Vec<f32> = [
        &theme.title,
        &theme.heading,
        &theme.subheading,
        &theme.question,
        &theme.quote_by,
    ]
    .iter()
    .filter(|s| s.bold)
    .map(|s| s.size)
    .collect();
    // (what, size in tenths) → (first page, count); (what, text, ground) → first page.
    let mut small: BTreeMap<(String, u32), (usize, usize, Role, String)> = BTreeMap::new();
    let mut faint: BTreeMap<(String, Color, Color), (usize, f32, String)> = BTreeMap::new();
    for (p, page) in layout.pages.iter().enumerate() {
        for (i, placed) in page.items.iter().enumerate() {
            let Item::Text(run) = &placed.item else { continue };
            if run.text.trim().is_empty() {
                continue;
            }
            let kind = what(doc, placed.role);
            if run.size < MIN_SIZE - 0.05 {
                let e = small
                    .entry((kind.clone(), (run.size * 10.0).round() as u32))
                    .or_insert((p, 0, placed.role, run.text.clone()));
                e.1 += 1;
            }
            // The ground is the last box drawn under the run's middle, else the paper.
            let (x, y) = (run.x + run.width / 2.0, run.baseline - run.size / 3.0);
            let ground = page.items[..i]
                .iter()
                .rev()
                .find_map(|it| match &it.item {
                    Item::Fill { rect, color, .. }
                        if x >= rect.x && x <= rect.x + rect.w && y >= rect.y && y <= rect.y + rect.h =>
                    {
                        Some(*color)
                    }
                    _ => None,
                })
                .unwrap_or(Color(255, 255, 255));
            let ratio = contrast(run.color, ground);
            let bold = bold_sizes.iter().any(|b| (b - run.size).abs() < 0.05);
            let needed = if run.size >= 18.0 || (bold && run.size >= 14.0) {
                MIN_CONTRAST_LARGE
            } else {
                MIN_CONTRAST
            };
            if ratio < needed {
                faint
                    .entry((kind, run.color, ground))
                    .or_insert((p, ratio, run.text.clone()));
            }
        }
    }
    for ((kind, tenths), (page, n, role, text)) in small {
        let size = tenths as f32 / 10.0;
        let mut f = Finding::new(
            RuleId::SmallText,
            format!(
                "{kind}: {size} pt ({n} line{}, first on page {}); clear print is 12 pt or more",
                if n == 1 { "" } else { "s" },
                page + 1
            ),
        )
        .fix(
            "readers who need larger text can have the large-print edition: `leafpress build --large-print`",
        );
        f.page = Some(page);
        match role {
            Role::Artifact => f.level = Level::Note,
            // The first line found, to locate the finding in the YAML.
            Role::Content { owner, .. } => {
                f.block = owner.block().filter(|&b| b < doc.leaflet.blocks.len());
                f.text = text;
            }
        }
        out.push(f);
    }
    let hex = |c: Color| format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2);
    for ((kind, ink, ground), (page, ratio, text)) in faint {
        let mut f = Finding::new(
            RuleId::Contrast,
            format!(
                "{kind} in {} on {} has a contrast of {ratio:.1}:1 (page {}); text needs 4.5:1",
                hex(ink),
                hex(ground),
                page + 1
            ),
        )
        .fix("use a darker text colour (or a lighter background) in `brand: colors:`");
        f.text = text;
        f.page = Some(page);
        out.push(f);
    }
}

/// Alt text a screen reader user would not thank us for. (No alt text at all stops
/// the build, so it never gets here.)
fn alt_text(doc: &Resolved, out: &mut Vec<Finding>) {
    let mut check = |alt: &str, block: Option<usize>| {
        let a = alt.trim();
        let lower = a.to_lowercase();
        let problem = if [".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"]
            .iter()
            .any(|e| lower.ends_with(e))
            || (!a.contains(' ') && (a.contains('_') || a.contains('-')) && a.len() > 3)
        {
            Some("is a file name")
        } else if [
            "image of",
            "picture of",
            "photo of",
            "a picture of",
            "an image of",
            "a photo of",
            "graphic of",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
        {
            Some("starts with \"image of\" (screen readers already say it is an image)")
        } else if a.chars().count() > LONG_ALT {
            Some("runs over 150 characters")
        } else {
            None
        };
        if let Some(p) = problem {
            let mut f = Finding::new(RuleId::AltText, format!("the alt text \"{}\" {p}", shorten(a, 60)))
                .fix("say in a short sentence what the picture shows that matters, e.g. \"A woman lying on her back, bending one knee\"");
            f.block = block;
            f.text = a.to_string();
            out.push(f);
        }
    };
    for (b, block) in doc.leaflet.blocks.iter().enumerate() {
        match block {
            Block::Image(img) if !img.decorative => check(img.alt.as_deref().unwrap_or(""), Some(b)),
            Block::Exercise(e) => {
                if let Some(p) = e.image.as_ref().filter(|p| !p.decorative) {
                    check(p.alt.as_deref().unwrap_or(""), Some(b));
                }
            }
            _ => {}
        }
    }
    if let Some(p) = doc
        .leaflet
        .cover
        .as_ref()
        .and_then(|c| c.image.as_ref())
        .filter(|p| !p.decorative)
    {
        check(p.alt.as_deref().unwrap_or(""), None);
    }
}

fn links(prose: &Prose, out: &mut Vec<Finding>) {
    for (u, unit) in prose.units.iter().enumerate() {
        for (r, span) in unit.span_ranges() {
            let Some(url) = &span.link else { continue };
            let text = span.text.trim().trim_end_matches(['.', ':']).to_lowercase();
            if super::words::VAGUE_LINKS.contains(&text.as_str()) {
                out.push(
                    Finding::new(
                        RuleId::LinkText,
                        format!(
                            "the link text \"{}\" does not say where it goes",
                            span.text.trim()
                        ),
                    )
                    .in_unit(prose, u, r)
                    .fix(format!(
                        "use words that name the page, e.g. \"NHS advice on knee pain\" (it goes to {url})"
                    )),
                );
            } else if (text.contains("://") || text.starts_with("www.")) && text.len() > 40 {
                out.push(
                    Finding::new(
                        RuleId::UrlLinkText,
                        "a long web address as link text is hard to read and to say aloud",
                    )
                    .in_unit(prose, u, r)
                    .fix(
                        "use words that name the page, and keep the address short (a QR code helps on paper)",
                    ),
                );
            }
        }
    }
}

/// Contact details as printed: a `- contact` block, or the back cover's (which only
/// an edition with covers prints; layout adds them as the back page's group).
fn contact(doc: &Resolved, layout: &Document, out: &mut Vec<Finding>) {
    let block = doc.leaflet.blocks.iter().any(|b| matches!(b, Block::Contact(_)));
    let back = layout
        .structure
        .nodes
        .iter()
        .any(|n| n.kind == Kind::Div && n.owner == Owner::About);
    if block || back {
        return;
    }
    let mut f = match &doc.back_contact {
        None => Finding::new(RuleId::Contact, "the leaflet does not say who to contact with questions")
            .fix("add a `- contact:` block with a phone number (or set `defaults: contact:` in leafpress.yaml)"),
        Some(_) => Finding::new(
            RuleId::Contact,
            "the printed leaflet has no contact details: the project's are printed only on a back cover, and this leaflet has none",
        )
        .fix("add `- contact` where readers look for it (it prints the project's details), or turn the cover on with `cover: true`"),
    };
    // Pointed at `cover: false`, when that is what leaves them out.
    if doc.back_contact.is_some() && doc.leaflet.cover.as_ref().is_some_and(|c| !c.enabled) {
        f.span = doc.spans.at("cover");
    }
    out.push(f);
}

fn shorten(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}
