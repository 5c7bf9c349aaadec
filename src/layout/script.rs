//! What the leaflet's script changes in layout: lines spaced for its face's height
//! (Nastaliq is twice as tall as Latin), and for a right-to-left language the whole
//! page mirrored — text set from the right margin, list labels, indents, the quote
//! rule and the footer on the other side — while every line keeps the visual order
//! bidi gave it (numbers, addresses and English words read left to right).

use super::page::{Document, Item, LinkTarget, Rect, Role};
use crate::base::units::Pt;
use crate::model::theme::{TextStyle, Theme};
use crate::text::{Fonts, Style};

/// The theme with its line spacing opened up for the leaflet's own script, when
/// that script's face is taller than the main family's (ascender plus descender):
/// by the ratio to the power 0.75, so Nastaliq's 2.5 em against Atkinson's 1.24
/// gives lines 1.69 times as far apart (its title's strokes met at 1.42), Naskh's
/// 1.27 times; Latin, Greek, Cyrillic and the Indic faces here stay within 7 % and
/// are left alone.
pub fn spaced_for_script(theme: &Theme, fonts: &mut Fonts) -> Option<Theme> {
    let extent = |fonts: &Fonts, face| {
        let (a, d) = fonts.vertical_metrics(face);
        a + d
    };
    let home = fonts.home_face(Style::default());
    let ratio = extent(fonts, home) / extent(fonts, fonts.primary(Style::default()));
    if !ratio.is_finite() || ratio <= 1.07 {
        return None;
    }
    let k = ratio.powf(0.75);
    let open = |st: TextStyle| TextStyle {
        leading: st.leading * k,
        ..st
    };
    Some(Theme {
        body: open(theme.body),
        title: open(theme.title),
        subtitle: open(theme.subtitle),
        heading: open(theme.heading),
        subheading: open(theme.subheading),
        question: open(theme.question),
        quote_by: open(theme.quote_by),
        caption: open(theme.caption),
        footer: open(theme.footer),
        cover_title: open(theme.cover_title),
        ..theme.clone()
    })
}

/// Mirrors every page about its vertical centre line: each item keeps its size and
/// its contents (a line of text is not reversed again, an image is not flipped).
pub fn mirror(doc: &mut Document) {
    let w = doc.width;
    let flip = |r: &mut Rect| r.x = w - r.x - r.w;
    let flip_x = |x: Pt| w - x;
    for item in doc.pages.iter_mut().flat_map(|p| p.items.iter_mut()) {
        match &mut item.item {
            Item::Text(run) => run.x = w - run.x - run.width,
            Item::Fill { rect, .. } | Item::Stroke { rect, .. } | Item::Image { rect, .. } => flip(rect),
            Item::Cells { rect, .. } => flip(rect),
            Item::Rule { from, to, .. } => {
                // Keep the rule drawn from its left end.
                let (a, b) = (flip_x(from.0), flip_x(to.0));
                from.0 = a.min(b);
                to.0 = a.max(b);
                if a > b {
                    std::mem::swap(&mut from.1, &mut to.1);
                }
            }
            Item::Link { rect, target } => {
                flip(rect);
                if let LinkTarget::Dest(d) = target {
                    d.x = flip_x(d.x);
                }
            }
        }
    }
    for entry in &mut doc.outline {
        entry.dest.x = flip_x(entry.dest.x);
    }
    flip(&mut doc.body);
}

/// Gives each structure element whose text is all in one other language than the
/// leaflet's (a block with `lang:`) that language, which the PDF then states once on
/// the element; runs keep a language of their own only inside elements of mixed
/// language (a `[Polski]{lang=pl}` span), where the PDF states it on the run.
pub fn settle_languages(doc: &mut Document) {
    use std::collections::HashMap;
    // Per element: its one language so far (`None` once it has text in two).
    let mut seen: HashMap<usize, Option<Option<String>>> = HashMap::new();
    for item in doc.pages.iter().flat_map(|p| p.items.iter()) {
        if let (Item::Text(run), Role::Content { node, .. }) = (&item.item, item.role) {
            if run.text.trim().is_empty() {
                continue;
            }
            let entry = seen.entry(node).or_insert_with(|| Some(run.lang.clone()));
            if entry.as_ref().is_some_and(|l| *l != run.lang) {
                *entry = None;
            }
        }
    }
    for (node, lang) in seen {
        if let Some(Some(lang)) = lang {
            doc.structure.nodes[node].lang = Some(lang);
        }
    }
    for item in doc.pages.iter_mut().flat_map(|p| p.items.iter_mut()) {
        if let (Item::Text(run), Role::Content { node, .. }) = (&mut item.item, item.role) {
            if doc.structure.nodes[node].lang.is_some() {
                run.lang = None;
            }
        }
    }
}
