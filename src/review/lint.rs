//! Review of a laid-out leaflet: what a build warns about without stopping.
//!
//! It reads the resolved content and what layout produced (placed images, the
//! characters the fonts could not set), never the PDF, so `check` and `build` report
//! the same things. The plain-language and clear-print review builds on this.

use crate::base::diag::{Diagnostic, Diagnostics};
use crate::base::source::Source;
use crate::base::units::PT_PER_MM;
use crate::images::{self, ImageKey, Placement};
use crate::load::Resolved;
use crate::model::edition::Options;
use crate::model::edition::Target;
use crate::model::rules::RuleId;
use crate::model::Block;
use std::collections::BTreeSet;

/// A print shop's cut may wander this far: text nearer the trim may be cut.
const PRINT_SHOP_SAFE: f32 = 5.0 * PT_PER_MM;

/// Everything a build of `doc` laid out as `layout` should warn about.
pub fn review(src: &Source, doc: &Resolved, placements: &[Placement], options: &Options) -> Diagnostics {
    let mut items: Vec<Diagnostic> = doc.warnings.clone();
    if options.target == Target::Print {
        items.extend(coarse_images(src, doc, placements));
    }
    items.extend(margins_for_bleed(src, doc, options));
    items.extend(review_date(src, doc, options));
    Diagnostics {
        items,
        source: Some(src.text.clone()),
    }
}

/// Images placed below 300 ppi look soft in print.
fn coarse_images<'a>(
    src: &'a Source,
    doc: &'a Resolved,
    placements: &'a [Placement],
) -> impl Iterator<Item = Diagnostic> + 'a {
    images::too_coarse_for_print(placements)
        .into_iter()
        .map(move |p| {
            let block = match p.image {
                ImageKey::Block(b) => Some(b),
                ImageKey::Logo | ImageKey::Cover => None,
            };
            let name = match (p.image, block.and_then(|b| doc.leaflet.blocks.get(b))) {
                (_, Some(Block::Image(img))) => img.src.clone(),
                (ImageKey::Logo, _) => "the logo".to_string(),
                (ImageKey::Cover, _) => "the cover picture".to_string(),
                (ImageKey::Block(b), _) => format!("block {}", b + 1),
            };
            Diagnostic::new(
                &src.path,
                format!(
                    "image \"{name}\" is placed at {:.0} ppi; print wants 300 ppi",
                    p.ppi
                ),
            )
            .at(block.and_then(|b| doc.block_span(b)))
            .help("use a larger image, or a smaller `width:`; it will look soft in print")
            .rule(RuleId::ImageResolution.id())
            .warning()
        })
}

/// With bleed the PDF goes to a print shop, whose cut may touch text in thin margins.
fn margins_for_bleed(src: &Source, doc: &Resolved, options: &Options) -> Option<Diagnostic> {
    let m = doc.leaflet.page.margin;
    let smallest = [m.top, m.bottom, m.inner, m.outer]
        .iter()
        .map(|l| l.pt())
        .fold(f32::MAX, f32::min);
    (options.imposition.bleed() > 0.0 && smallest < PRINT_SHOP_SAFE).then(|| {
        Diagnostic::new(
            &src.path,
            "a page margin is under 5 mm: a print shop's cut may touch the text",
        )
        .help("use margins of at least 5 mm (15mm is the default) for print-shop output")
        .rule(RuleId::BleedMargin.id())
        .warning()
    })
}

/// Patient-information standards ask for a review date, and for the review to
/// happen: a leaflet in a project (or one that gives `published:`) without one, or
/// past it, is warned about. The date comes from `--today` or the clock, and only
/// ever reaches this warning, never the PDF.
fn review_date(src: &Source, doc: &Resolved, options: &Options) -> Option<Diagnostic> {
    let l = &doc.leaflet;
    let today = options.today.unwrap_or_else(crate::model::Date::today);
    let at = |key: &str| doc.spans.key(key);
    match l.review {
        Some(r) if r.passed(today) => Some(
            Diagnostic::new(
                &src.path,
                format!("this leaflet was due for review in {}", r.words()),
            )
            .at(at("review"))
            .help("check the content is still right, then set a new `review:` date")
            .rule(RuleId::ReviewDate.id())
            .warning(),
        ),
        None if doc.in_project || l.published.is_some() => Some(
            Diagnostic::new(&src.path, "this leaflet has no review date")
                .at(at("published"))
                .help("add `review: YYYY-MM` (NHS trusts review leaflets every 2–3 years)")
                .rule(RuleId::ReviewDate.id())
                .warning(),
        ),
        _ => None,
    }
}

/// Where `text` is first used in a YAML source, outside comments.
fn first_use(source: &str, text: &str) -> Option<std::ops::Range<usize>> {
    source
        .match_indices(text)
        .map(|(at, _)| at)
        .find(|&at| {
            let line_start = source[..at].rfind('\n').map_or(0, |k| k + 1);
            !source[line_start..at].trim_start().starts_with('#')
        })
        .map(|at| at..at + text.len())
}

/// Characters no font in the book has would print as empty boxes: an error that
/// names them, their Unicode block and the font to add.
pub fn missing_glyphs(src: &Source, missing: &BTreeSet<char>) -> Option<Diagnostic> {
    if missing.is_empty() {
        return None;
    }
    let name = |c: char| {
        let block = unicode_blocks::find_unicode_block(c).map_or("no block", |b| b.name());
        format!("{c} (U+{:04X}, {block})", c as u32)
    };
    let list: Vec<String> = missing.iter().take(6).map(|&c| name(c)).collect();
    let more = missing.len().saturating_sub(6);
    Some(
        Diagnostic::new(
            &src.path,
            format!(
                "no font leafpress has or can find sets {}{}: they would print as empty boxes",
                list.join(", "),
                if more > 0 {
                    format!(" and {more} more characters")
                } else {
                    String::new()
                }
            ),
        )
        // Where the first of them is used in the file.
        .at(missing
            .iter()
            .filter_map(|c| first_use(&src.text, &c.to_string()))
            .min_by_key(|r| r.start))
        .help(crate::text::find::advice(missing))
        .rule(RuleId::MissingGlyph.id()),
    )
}
