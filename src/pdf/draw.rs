//! Layout items → printpdf operations. The one place that flips layout's top-left,
//! y-down coordinates into PDF's bottom-left, y-up space.

use super::fonts::EmbeddedFonts;
use crate::impose::Sheets;
use crate::layout::page::Edges;
use crate::layout::structure::{NodeId, Structure};
use crate::layout::{Color, Item, LinkTarget, Placed, Rect, Role, TextRun};
use printpdf::{
    Actions, BorderArray, Codepoint, CurTransMat, Destination, DictItem, LinePoint, LinkAnnotation, Op,
    PaintMode, PdfFontHandle, Point, Polygon, PolygonRing, Pt, TextItem, TextMatrix, WindingOrder, XObjectId,
    XObjectTransform,
};
use smallvec::SmallVec;
use std::collections::{BTreeMap, HashMap};

pub struct Painter<'a> {
    pub height: f32,
    pub fonts: &'a EmbeddedFonts,
    /// Image XObjects by content block index, with their pixel width.
    pub images: &'a HashMap<usize, (XObjectId, u32)>,
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
    /// the rest as artifacts. Returns the tagging events in painting order.
    pub fn paint(
        &self,
        ops: &mut Vec<Op>,
        items: &[Placed],
        at: Placement,
        counts: &mut SheetCounts,
    ) -> Vec<(NodeId, Tagged)> {
        let mut events = Vec::new();
        // Content is drawn in page coordinates, moved into place on the sheet.
        let moved = at.dx != 0.0 || at.dy != 0.0 || at.sheet_height != self.height;
        if moved {
            ops.push(Op::SaveGraphicsState);
            let (x, y) = (round(at.dx), round(at.sheet_height - self.height - at.dy));
            ops.push(Op::SetTransformationMatrix {
                matrix: CurTransMat::Translate(Pt(x), Pt(y)),
            });
        }
        let mut in_text = false;
        let mut open: Option<Marked> = None;
        let mut font: Option<(printpdf::FontId, f32)> = None;
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
                    ops.push(Op::EndMarkedContent);
                }
                if is_text != in_text {
                    ops.push(if is_text {
                        Op::StartTextSection
                    } else {
                        Op::EndTextSection
                    });
                    in_text = is_text;
                }
                ops.push(match wanted {
                    Marked::Artifact => Op::BeginMarkedContent {
                        tag: "Artifact".into(),
                    },
                    Marked::Node(node, lang) => {
                        let mcid = counts.mcids;
                        counts.mcids += 1;
                        events.push((node, Tagged::Mcid(mcid)));
                        let mut map = BTreeMap::new();
                        map.insert("MCID".to_string(), DictItem::Int(mcid));
                        if let Some(lang) = lang {
                            // A span in another language (PDF/UA: Matterhorn 11-001).
                            map.insert(
                                "Lang".to_string(),
                                DictItem::String {
                                    data: lang.as_bytes().to_vec(),
                                    literal: true,
                                },
                            );
                        }
                        Op::BeginMarkedContentWithProperties {
                            tag: self.structure.nodes[node].kind.name().into(),
                            properties: DictItem::Dict { map },
                        }
                    }
                });
                open = Some(wanted);
            }
            match &placed.item {
                Item::Text(run) => self.text(ops, run, &mut font, &mut colour),
                Item::Fill {
                    rect,
                    color,
                    radius,
                    edges,
                } => {
                    ops.push(Op::SaveGraphicsState);
                    ops.push(Op::SetFillColor { col: rgb(*color) });
                    ops.push(Op::DrawPolygon {
                        polygon: Polygon {
                            rings: vec![PolygonRing {
                                points: self.rounded(*rect, *radius, *edges),
                            }],
                            mode: PaintMode::Fill,
                            winding_order: WindingOrder::NonZero,
                        },
                    });
                    ops.push(Op::RestoreGraphicsState);
                }
                Item::Cells {
                    rect,
                    cell,
                    runs,
                    color,
                } => {
                    // One path of rectangles, a run of dark modules each: vector, so it
                    // prints sharp at any size.
                    let rings = runs
                        .iter()
                        .map(|&(row, col, len)| {
                            let x0 = rect.x + col as f32 * cell;
                            let y0 = rect.y + row as f32 * cell;
                            let (x1, y1) = (x0 + len as f32 * cell, y0 + cell);
                            PolygonRing {
                                points: vec![
                                    self.pt(x0, y0, false),
                                    self.pt(x1, y0, false),
                                    self.pt(x1, y1, false),
                                    self.pt(x0, y1, false),
                                ],
                            }
                        })
                        .collect();
                    ops.push(Op::SaveGraphicsState);
                    ops.push(Op::SetFillColor { col: rgb(*color) });
                    ops.push(Op::DrawPolygon {
                        polygon: Polygon {
                            rings,
                            mode: PaintMode::Fill,
                            winding_order: WindingOrder::NonZero,
                        },
                    });
                    ops.push(Op::RestoreGraphicsState);
                }
                Item::Stroke {
                    rect,
                    color,
                    width,
                    radius,
                    edges,
                } => {
                    ops.push(Op::SaveGraphicsState);
                    ops.push(Op::SetOutlineColor { col: rgb(*color) });
                    ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                    for points in self.outline(*rect, *radius, *edges) {
                        ops.push(Op::DrawLine {
                            line: printpdf::Line {
                                points,
                                is_closed: false,
                            },
                        });
                    }
                    ops.push(Op::RestoreGraphicsState);
                }
                Item::Rule {
                    from,
                    to,
                    color,
                    width,
                } => {
                    ops.push(Op::SaveGraphicsState);
                    ops.push(Op::SetOutlineColor { col: rgb(*color) });
                    ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                    ops.push(Op::DrawLine {
                        line: printpdf::Line {
                            points: vec![self.pt(from.0, from.1, false), self.pt(to.0, to.1, false)],
                            is_closed: false,
                        },
                    });
                    ops.push(Op::RestoreGraphicsState);
                }
                Item::Image { rect, block } => {
                    if let Some((id, width_px)) = self.images.get(block) {
                        let scale = rect.w / *width_px as f32;
                        ops.push(Op::UseXobject {
                            id: id.clone(),
                            transform: XObjectTransform {
                                translate_x: Some(Pt(rect.x)),
                                translate_y: Some(Pt(self.height - rect.bottom())),
                                scale_x: Some(scale),
                                scale_y: Some(scale),
                                dpi: Some(72.0),
                                ..Default::default()
                            },
                        });
                    }
                }
                Item::Link { rect, target } => ops.push(Op::LinkAnnotation {
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
            ops.push(Op::EndMarkedContent);
        }
        if in_text {
            ops.push(Op::EndTextSection);
        }
        if moved {
            ops.push(Op::RestoreGraphicsState);
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
        let at = at.unwrap_or(crate::impose::SheetPoint {
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
        ops: &mut Vec<Op>,
        run: &TextRun,
        font: &mut Option<(printpdf::FontId, f32)>,
        colour: &mut Option<Color>,
    ) {
        let Some(face) = self.fonts.get(&run.face) else {
            return;
        };
        if run.glyphs.is_empty() {
            return;
        }
        if font.as_ref() != Some(&(face.id.clone(), run.size)) {
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(face.id.clone()),
                size: Pt(run.size),
            });
            *font = Some((face.id.clone(), run.size));
        }
        if *colour != Some(run.color) {
            ops.push(Op::SetFillColor { col: rgb(run.color) });
            *colour = Some(run.color);
        }
        ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(round(run.x)), Pt(round(self.height - run.baseline))),
        });
        let mut show: Vec<TextItem> = Vec::new();
        // A run whose glyphs do not read back one by one (Indic syllables: layout
        // says so) is given whole, as ActualText.
        if let Some(logical) = &run.logical {
            let mut map = BTreeMap::new();
            map.insert("ActualText".to_string(), utf16_string(logical));
            ops.push(Op::BeginMarkedContentWithProperties {
                tag: "Span".into(),
                properties: DictItem::Dict { map },
            });
        }
        let whole = run.logical.is_some();
        let rtl = run.rtl;
        // Positions in thousandths of an em from the run's start: where the viewer's
        // pen is (each glyph moves it by its /W width) and where the shaper's pen is
        // at the start of the cluster. Each glyph is moved to where the shaper put it
        // (TJ numbers are subtracted from the pen), so rounding never accumulates.
        let mut pen = 0.0f32;
        let mut glyphs_left = run.glyphs.len();
        // Each cluster with where it starts (visual order, left to right).
        let mut clusters = Vec::new();
        let mut at = 0.0f32;
        for (range, text) in super::fonts::clusters(run) {
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
            if actual {
                flush(ops, &mut show);
                let mut map = BTreeMap::new();
                map.insert("ActualText".to_string(), utf16_string(text));
                ops.push(Op::BeginMarkedContentWithProperties {
                    tag: "Span".into(),
                    properties: DictItem::Dict { map },
                });
            }
            for (target, g) in placed {
                let dy = g.y_offset * run.size;
                if dy != 0.0 {
                    // Raised or lowered (a mark above or below): its own show, with a rise.
                    flush(ops, &mut show);
                    ops.push(Op::SetLineOffset {
                        multiplier: round(dy),
                    });
                }
                let step = (target - pen).round();
                if step != 0.0 {
                    // After a glyph, as that glyph's TJ number; at the start of a show,
                    // as a number of its own.
                    match show.last_mut() {
                        Some(TextItem::GlyphIds(ids)) if !ids.is_empty() => {
                            let last = ids.len() - 1;
                            ids[last].offset -= step;
                        }
                        _ => show.push(TextItem::Offset(-step)),
                    }
                    pen += step;
                }
                let cp = Codepoint {
                    gid: face.remap.get(&g.gid).copied().unwrap_or(0),
                    offset: 0.0,
                    cid: Some(face.unicode.get(g.gid).unwrap_or_default().to_string()),
                };
                match show.last_mut() {
                    Some(TextItem::GlyphIds(ids)) => ids.push(cp),
                    _ => {
                        let mut ids = Vec::with_capacity(glyphs_left);
                        ids.push(cp);
                        show.push(TextItem::GlyphIds(ids));
                    }
                }
                glyphs_left -= 1;
                pen += (g.advance - g.adjust) * 1000.0;
                if dy != 0.0 {
                    flush(ops, &mut show);
                    ops.push(Op::SetLineOffset { multiplier: 0.0 });
                }
            }
            if actual {
                flush(ops, &mut show);
                ops.push(Op::EndMarkedContent);
            }
        }
        flush(ops, &mut show);
        if whole {
            ops.push(Op::EndMarkedContent);
        }
    }

    fn pt(&self, x: f32, y: f32, bezier: bool) -> LinePoint {
        LinePoint {
            p: Point {
                x: Pt(round(x)),
                y: Pt(round(self.height - y)),
            },
            bezier,
        }
    }

    /// A closed rounded rectangle; corners on an open edge stay square.
    fn rounded(&self, r: Rect, radius: f32, edges: Edges) -> Vec<LinePoint> {
        let top = if edges.open_top { 0.0 } else { radius };
        let bottom = if edges.open_bottom { 0.0 } else { radius };
        let (x0, y0, x1, y1) = (r.x, r.y, r.right(), r.bottom());
        let mut pts = Vec::new();
        pts.push(self.pt(x0 + top, y0, false));
        pts.extend(self.corner((x1 - top, y0), (x1, y0), (x1, y0 + top)));
        pts.extend(self.corner((x1, y1 - bottom), (x1, y1), (x1 - bottom, y1)));
        pts.extend(self.corner((x0 + bottom, y1), (x0, y1), (x0, y1 - bottom)));
        pts.extend(self.corner((x0, y0 + top), (x0, y0), (x0 + top, y0)));
        pts
    }

    /// The stroked outline, as open paths that leave out the cut edges.
    fn outline(&self, r: Rect, radius: f32, edges: Edges) -> Vec<Vec<LinePoint>> {
        let (x0, y0, x1, y1) = (r.x, r.y, r.right(), r.bottom());
        let top = if edges.open_top { 0.0 } else { radius };
        let bottom = if edges.open_bottom { 0.0 } else { radius };
        // Walk clockwise from the middle of the left edge; break the path at cut edges.
        let mut paths = vec![vec![self.pt(x0, (y0 + y1) / 2.0, false)]];
        let add =
            |paths: &mut Vec<Vec<LinePoint>>, pts: Vec<LinePoint>| paths.last_mut().unwrap().extend(pts);
        add(&mut paths, self.corner((x0, y0 + top), (x0, y0), (x0 + top, y0)));
        if edges.open_top {
            paths.push(vec![self.pt(x1, y0, false)]);
        }
        add(&mut paths, self.corner((x1 - top, y0), (x1, y0), (x1, y0 + top)));
        add(
            &mut paths,
            self.corner((x1, y1 - bottom), (x1, y1), (x1 - bottom, y1)),
        );
        if edges.open_bottom {
            paths.push(vec![self.pt(x0, y1, false)]);
        }
        add(
            &mut paths,
            self.corner((x0 + bottom, y1), (x0, y1), (x0, y1 - bottom)),
        );
        add(&mut paths, vec![self.pt(x0, (y0 + y1) / 2.0, false)]);
        paths.retain(|p| p.len() > 1);
        paths
    }

    /// A line to `from`, then a quarter-circle bezier around `corner` to `to`.
    fn corner(&self, from: (f32, f32), corner: (f32, f32), to: (f32, f32)) -> Vec<LinePoint> {
        if from == corner {
            return vec![self.pt(corner.0, corner.1, false)];
        }
        // 0.5523 places the control points so the bezier is within 0.03% of a circle.
        const K: f32 = 0.552_284_8;
        let c1 = (from.0 + (corner.0 - from.0) * K, from.1 + (corner.1 - from.1) * K);
        let c2 = (to.0 + (corner.0 - to.0) * K, to.1 + (corner.1 - to.1) * K);
        vec![
            self.pt(from.0, from.1, false),
            self.pt(c1.0, c1.1, true),
            self.pt(c2.0, c2.1, true),
            self.pt(to.0, to.1, false),
        ]
    }
}

/// A PDF text string in UTF-16BE with its byte-order mark, as ActualText wants.
fn utf16_string(s: &str) -> DictItem {
    let mut data = vec![0xFE, 0xFF];
    data.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
    DictItem::String { data, literal: false }
}

fn flush(ops: &mut Vec<Op>, show: &mut Vec<TextItem>) {
    if !show.is_empty() {
        ops.push(Op::ShowText {
            items: std::mem::take(show),
        });
    }
}

/// Positions to 1/100 pt (3.5 µm): far below what any printer resolves, and short
/// numbers keep content streams small and quick to write.
fn round(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

/// Three decimals tell every 8-bit level apart (they are 0.0039 apart) and write
/// "0.122" where "0.12156863" said no more.
fn rgb(c: Color) -> printpdf::Color {
    let v = |b: u8| (b as f32 / 255.0 * 1000.0).round() / 1000.0;
    printpdf::Color::Rgb(printpdf::Rgb::new(v(c.0), v(c.1), v(c.2), None))
}
