//! Layout items → content-stream operators (and link annotations for printpdf). The
//! one place that flips layout's top-left, y-down coordinates into PDF's bottom-left,
//! y-up space.

use super::content::Content;
use super::fonts::EmbeddedFonts;
use crate::base::colour::Color;
use crate::layout::page::Edges;
use crate::layout::structure::{NodeId, Structure};
use crate::layout::{Item, LinkTarget, Placed, Rect, Role, TextRun};
use crate::output::impose::Sheets;
use crate::text::FaceId;
use printpdf::{Actions, BorderArray, Destination, LinkAnnotation, Op, Pt, XObjectId};
use smallvec::SmallVec;
use std::collections::HashMap;

pub struct Painter<'a> {
    pub height: f32,
    pub fonts: &'a EmbeddedFonts,
    /// Image XObjects by content block index, with their pixel width.
    pub images: &'a HashMap<crate::images::ImageKey, (XObjectId, u32)>,
    pub structure: &'a Structure,
    /// Where internal links land.
    pub sheets: &'a Sheets,
}

/// What one placed page contributes to the structure tree, in painting order: each
/// marked-content id and each link annotation, with the element it belongs to.
#[derive(Debug, Default)]
pub struct SlotTags {
    /// The laid-out page.
    pub page: usize,
    /// The sheet (PDF page) it is painted on.
    pub sheet: usize,
    pub events: Vec<(NodeId, Tagged)>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tagged {
    /// Marked content with this MCID (MCIDs count from 0 on each sheet).
    Mcid(i64),
    /// The sheet's n-th link annotation.
    Annot(usize),
}

/// Where a page goes on its sheet: top-left corner at (dx, dy) of a sheet this tall.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    pub dx: f32,
    pub dy: f32,
    pub sheet_height: f32,
}

/// Numbering that runs on across the pages painted on one sheet.
#[derive(Debug, Default)]
pub struct SheetCounts {
    pub mcids: i64,
    pub annots: usize,
}

/// The marked-content sequence currently open: an artifact, or content of an
/// element, in a language of its own where the element's text is in several.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Marked<'a> {
    Artifact,
    Node(NodeId, Option<&'a str>),
}

impl Painter<'_> {
    /// Paints one page's items (or a sheet's marks) at `at`, every item inside a
    /// marked-content sequence: content tagged with its element's type and an MCID,
    /// the rest as artifacts. Link annotations go to `annots`, for printpdf to write.
    /// Returns the tagging events in painting order.
    pub fn paint(
        &self,
        out: &mut Content,
        annots: &mut Vec<Op>,
        items: &[Placed],
        at: Placement,
        counts: &mut SheetCounts,
    ) -> Vec<(NodeId, Tagged)> {
        let mut events = Vec::new();
        // Content is drawn in page coordinates, moved into place on the sheet.
        let moved = at.dx != 0.0 || at.dy != 0.0 || at.sheet_height != self.height;
        if moved {
            out.op("q");
            out.translate(at.dx, at.sheet_height - self.height - at.dy, "cm");
        }
        let mut in_text = false;
        let mut open: Option<Marked> = None;
        let mut font: Option<(FaceId, f32)> = None;
        // Fill colour outside q/Q: boxes set theirs inside q/Q, so this stays true.
        let mut colour: Option<Color> = None;
        for placed in items {
            if let Item::Link { .. } = placed.item {
                // An annotation is not content: it joins its Link element as an object reference.
                if let Role::Content { node, .. } = placed.role {
                    events.push((node, Tagged::Annot(counts.annots)));
                }
                counts.annots += 1;
            }
            let is_text = matches!(placed.item, Item::Text(_));
            let lang = match &placed.item {
                Item::Text(run) => run.lang.as_deref(),
                _ => None,
            };
            let wanted = match placed.role {
                Role::Content { node, .. } => Marked::Node(node, lang),
                Role::Artifact => Marked::Artifact,
            };
            let is_content = !matches!(placed.item, Item::Link { .. });
            if is_content && (open != Some(wanted) || is_text != in_text) {
                // Marked content and text objects must nest: close, switch, reopen.
                if open.take().is_some() {
                    out.op("EMC");
                }
                if is_text != in_text {
                    out.op(if is_text { "BT" } else { "ET" });
                    in_text = is_text;
                }
                match wanted {
                    Marked::Artifact => {
                        out.name("Artifact");
                        out.op("BMC");
                    }
                    Marked::Node(node, lang) => {
                        let mcid = counts.mcids;
                        counts.mcids += 1;
                        events.push((node, Tagged::Mcid(mcid)));
                        // A span in another language carries its own (PDF/UA: Matterhorn 11-001).
                        let tag = self.structure.nodes[node].kind.name();
                        out.begin_marked(tag, Some(mcid), lang, None);
                    }
                }
                open = Some(wanted);
            }
            match &placed.item {
                Item::Text(run) => self.text(out, run, &mut font, &mut colour),
                Item::Fill {
                    rect,
                    color,
                    radius,
                    edges,
                } => {
                    out.op("q");
                    out.fill_rgb(*color);
                    self.rounded(out, *rect, *radius, *edges);
                    out.op("h");
                    out.op("f");
                    out.op("Q");
                }
                Item::Cells {
                    rect,
                    cell,
                    runs,
                    color,
                } => {
                    // One path of rectangles, a run of dark modules each: vector, so it
                    // prints sharp at any size.
                    out.op("q");
                    out.fill_rgb(*color);
                    for &(row, col, len) in runs {
                        let x0 = rect.x + col as f32 * cell;
                        let y1 = rect.y + (row + 1) as f32 * cell;
                        out.nums(&[x0, self.height - y1, len as f32 * cell, *cell]);
                        out.op("re");
                    }
                    out.op("f");
                    out.op("Q");
                }
                Item::Stroke {
                    rect,
                    color,
                    width,
                    radius,
                    edges,
                } => {
                    out.op("q");
                    out.stroke_rgb(*color);
                    out.fine(*width);
                    out.op("w");
                    self.outline(out, *rect, *radius, *edges);
                    out.op("Q");
                }
                Item::Rule {
                    from,
                    to,
                    color,
                    width,
                } => {
                    out.op("q");
                    out.stroke_rgb(*color);
                    out.fine(*width);
                    out.op("w");
                    self.point(out, *from, "m");
                    self.point(out, *to, "l");
                    out.op("S");
                    out.op("Q");
                }
                Item::Image { rect, image } => {
                    // An image is a unit square, scaled to its place.
                    if let Some((id, _)) = self.images.get(image) {
                        out.op("q");
                        out.nums(&[rect.w, 0.0, 0.0, rect.h, rect.x, self.height - rect.bottom()]);
                        out.op("cm");
                        out.name(&id.0);
                        out.op("Do");
                        out.op("Q");
                    }
                }
                Item::Link { rect, target } => annots.push(Op::LinkAnnotation {
                    link: LinkAnnotation::new(
                        printpdf::Rect::from_xywh(
                            Pt(round(rect.x + at.dx)),
                            Pt(round(at.sheet_height - rect.bottom() - at.dy)),
                            Pt(round(rect.w)),
                            Pt(round(rect.h)),
                        ),
                        self.action(target),
                        Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                        None,
                        None,
                    ),
                }),
            }
        }
        if open.is_some() {
            out.op("EMC");
        }
        if in_text {
            out.op("ET");
        }
        if moved {
            out.op("Q");
        }
        events
    }

    /// A web, mail or phone link opens its URI; a destination is shown at the top
    /// of the window. `write` has checked that every destination is on a sheet.
    fn action(&self, target: &LinkTarget) -> Actions {
        let at = match target {
            LinkTarget::Uri(uri) => return Actions::uri(uri.clone()),
            LinkTarget::Dest(d) => self.sheets.place(*d),
            LinkTarget::Anchor(_) => None,
        };
        let at = at.unwrap_or(crate::output::impose::SheetPoint {
            sheet: 0,
            x: 0.0,
            y: 0.0,
        });
        Actions::go_to(Destination::Xyz {
            page: at.sheet + 1,
            left: Some(at.x),
            top: Some(self.sheets.sheets[at.sheet].height - at.y),
            zoom: None,
        })
    }

    fn text(
        &self,
        out: &mut Content,
        run: &TextRun,
        font: &mut Option<(FaceId, f32)>,
        colour: &mut Option<Color>,
    ) {
        let Some(face) = self.fonts.get(&run.face) else {
            return;
        };
        if run.glyphs.is_empty() {
            return;
        }
        if *font != Some((run.face, run.size)) {
            out.name(&face.id.0);
            out.num(run.size);
            out.op("Tf");
            *font = Some((run.face, run.size));
        }
        if *colour != Some(run.color) {
            out.fill_rgb(run.color);
            *colour = Some(run.color);
        }
        out.translate(run.x, self.height - run.baseline, "Tm");
        // A run whose glyphs do not read back one by one (Indic syllables: layout
        // says so) is given whole, as ActualText.
        if let Some(logical) = &run.logical {
            out.begin_marked("Span", None, None, Some(logical));
        }
        let whole = run.logical.is_some();
        let rtl = run.rtl;
        // Positions in thousandths of an em from the run's start: where the viewer's
        // pen is (each glyph moves it by its /W width) and where the shaper's pen is
        // at the start of the cluster. Each glyph is moved to where the shaper put it
        // (TJ numbers are subtracted from the pen), so rounding never accumulates.
        let mut pen = 0.0f32;
        // Each cluster with where it starts (visual order, left to right).
        let groups = super::fonts::clusters(run);
        let mut clusters = Vec::with_capacity(groups.len());
        let mut at = 0.0f32;
        for (range, text) in groups {
            let advance: f32 = run.glyphs[range.clone()].iter().map(|g| g.advance).sum();
            clusters.push((range, text, at));
            at += advance * 1000.0;
        }
        // Right to left, clusters are drawn in reading order (from the right), each
        // moved to its place: text read in content order (the structure tree, screen
        // readers) then comes out in reading order, and extractors that sort by
        // position (pdftotext) still find every glyph where it is seen.
        if rtl {
            clusters.reverse();
        }
        for (range, text, at) in clusters {
            let glyphs = &run.glyphs[range];
            // A left-to-right cluster of one glyph (nearly every letter): no order to
            // work out, and ActualText only if its mapping is not the cluster's text.
            if let ([g], false) = (glyphs, rtl) {
                let actual = !whole && face.unicode.get(g.gid).is_none_or(|m| m != text);
                if actual {
                    out.end_show();
                    out.begin_marked("Span", None, None, Some(text));
                }
                show(out, face, run.size, g, at + g.x_offset * 1000.0, &mut pen);
                if actual {
                    out.end_show();
                    out.op("EMC");
                }
                continue;
            }
            let mut x = 0.0;
            let mut placed: SmallVec<[(f32, &crate::text::Glyph); 2]> = glyphs
                .iter()
                .map(|g| {
                    let target = at + (x + g.x_offset) * 1000.0;
                    x += g.advance;
                    (target, g)
                })
                .collect();
            if rtl {
                placed.reverse();
            }
            // Marks (no advance) first, the letters that advance last: text extractors
            // take a cluster to end where its last glyph does. Right to left, in reading
            // order, the letter comes first and its marks after it.
            if placed.len() > 1 {
                placed.sort_by_key(|(_, g)| (g.advance != 0.0) != rtl);
            }
            // Where the glyphs' own mappings, in the order they are drawn, do not spell
            // the cluster exactly (I + U+0307 for İ is not İ to a reader comparing
            // text), the text is given as ActualText, so extraction and screen readers
            // get it exactly.
            // Right to left, a letter drawn as several glyphs (Nastaliq's alef and
            // madda) is given as one character: extractors reverse the glyphs of a
            // right-to-left word one by one, but cannot reverse a single character.
            let one_letter = rtl && placed.len() > 1 && text.chars().count() == 1;
            let actual = !whole
                && (one_letter
                    || match placed.as_slice() {
                        [(_, g)] => face.unicode.get(g.gid).is_none_or(|m| m != text),
                        _ => {
                            let mapped: String = placed
                                .iter()
                                .filter_map(|(_, g)| face.unicode.get(g.gid))
                                .collect();
                            mapped != text
                        }
                    });
            // Right to left, extractors reverse the characters of an ActualText as
            // they reverse a word's glyphs, putting marks before their letter: each
            // glyph whose own mapping is not its part of the cluster (the letter, its
            // marks) is given that part alone.
            let parts = (actual && rtl && !one_letter)
                .then(|| {
                    let glyphs: SmallVec<[&crate::text::Glyph; 4]> = placed.iter().map(|(_, g)| *g).collect();
                    super::fonts::shares(&glyphs, text, |g| face.unicode.get(g))
                })
                .flatten();
            let actual = actual && parts.is_none();
            if actual {
                out.end_show();
                out.begin_marked("Span", None, None, Some(text));
            }
            for (i, (target, g)) in placed.into_iter().enumerate() {
                let part = parts
                    .as_ref()
                    .map(|p| p[i].as_str())
                    .filter(|p| face.unicode.get(g.gid) != Some(*p));
                if let Some(part) = part {
                    out.end_show();
                    out.begin_marked("Span", None, None, Some(part));
                }
                show(out, face, run.size, g, target, &mut pen);
                if part.is_some() {
                    out.end_show();
                    out.op("EMC");
                }
            }
            if actual {
                out.end_show();
                out.op("EMC");
            }
        }
        out.end_show();
        if whole {
            out.op("EMC");
        }
    }

    /// A point in layout's coordinates, and the path operator that goes to it.
    fn point(&self, out: &mut Content, (x, y): (f32, f32), operator: &str) {
        out.nums(&[x, self.height - y]);
        out.op(operator);
    }

    /// A closed rounded rectangle's path (to be closed with `h`); corners on an open
    /// edge stay square.
    fn rounded(&self, out: &mut Content, r: Rect, radius: f32, edges: Edges) {
        let top = if edges.open_top { 0.0 } else { radius };
        let bottom = if edges.open_bottom { 0.0 } else { radius };
        let (x0, y0, x1, y1) = (r.x, r.y, r.right(), r.bottom());
        self.point(out, (x0 + top, y0), "m");
        self.corner(out, (x1 - top, y0), (x1, y0), (x1, y0 + top));
        self.corner(out, (x1, y1 - bottom), (x1, y1), (x1 - bottom, y1));
        self.corner(out, (x0 + bottom, y1), (x0, y1), (x0, y1 - bottom));
        self.corner(out, (x0, y0 + top), (x0, y0), (x0 + top, y0));
    }

    /// The stroked outline, as open paths that leave out the cut edges.
    fn outline(&self, out: &mut Content, r: Rect, radius: f32, edges: Edges) {
        let (x0, y0, x1, y1) = (r.x, r.y, r.right(), r.bottom());
        let top = if edges.open_top { 0.0 } else { radius };
        let bottom = if edges.open_bottom { 0.0 } else { radius };
        // Walk clockwise from the middle of the left edge; break the path at cut edges
        // (a new subpath starts there with `m`).
        self.point(out, (x0, (y0 + y1) / 2.0), "m");
        self.corner(out, (x0, y0 + top), (x0, y0), (x0 + top, y0));
        if edges.open_top {
            self.point(out, (x1, y0), "m");
        }
        self.corner(out, (x1 - top, y0), (x1, y0), (x1, y0 + top));
        self.corner(out, (x1, y1 - bottom), (x1, y1), (x1 - bottom, y1));
        if edges.open_bottom {
            self.point(out, (x0, y1), "m");
        }
        self.corner(out, (x0 + bottom, y1), (x0, y1), (x0, y1 - bottom));
        self.point(out, (x0, (y0 + y1) / 2.0), "l");
        out.op("S");
    }

    /// A line to `from`, then a quarter-circle bezier around `corner` to `to`.
    fn corner(&self, out: &mut Content, from: (f32, f32), corner: (f32, f32), to: (f32, f32)) {
        if from == corner {
            self.point(out, corner, "l");
            return;
        }
        // 0.5523 places the control points so the bezier is within 0.03% of a circle.
        const K: f32 = 0.552_284_8;
        let c1 = (from.0 + (corner.0 - from.0) * K, from.1 + (corner.1 - from.1) * K);
        let c2 = (to.0 + (corner.0 - to.0) * K, to.1 + (corner.1 - to.1) * K);
        self.point(out, from, "l");
        out.nums(&[
            c1.0,
            self.height - c1.1,
            c2.0,
            self.height - c2.1,
            to.0,
            self.height - to.1,
        ]);
        out.op("c");
    }
}

/// Link rectangles to 1/100 pt, as content is.
fn round(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

/// Shows glyph `g` of `face` at `target` (thousandths of an em from the run's
/// start), moving the viewer's `pen` there first if it is not already.
fn show(
    out: &mut Content,
    face: &super::fonts::EmbeddedFace,
    size: f32,
    g: &crate::text::Glyph,
    target: f32,
    pen: &mut f32,
) {
    let dy = g.y_offset * size;
    if dy != 0.0 {
        // Raised or lowered (a mark above or below): its own show, with a rise.
        out.end_show();
        out.num(dy);
        out.op("Ts");
    }
    let step = (target - *pen).round();
    if step != 0.0 {
        // TJ numbers are subtracted from the pen.
        out.kern(-step);
        *pen += step;
    }
    out.glyph(face.code(g.gid));
    *pen += (g.advance - face.adjust(g)) * 1000.0;
    if dy != 0.0 {
        out.end_show();
        out.bytes.extend_from_slice(b"0 ");
        out.op("Ts");
    }
}
