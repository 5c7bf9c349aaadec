//! Tables: column widths from their content (each column's narrowest, its longest
//! word, and its widest, all on one line, as browsers' automatic table layout does),
//! wrapped cell text with inline markup, a header row on a tint that is repeated
//! when the table runs over a page, and rows that are never split.

use super::flow::{Builder, Chunk, Frame, FrameStyle};
use super::page::{Item, Placed, Rect, Role};
use super::structure::Owner;
use super::structure::{Kind, NodeId, Structure};
use crate::base::units::Pt;
use crate::model::theme::TextStyle;
use crate::model::Table;
use crate::text::{parse_inline, Span};

/// A table that does not fit the text width even with every cell wrapped.
#[derive(Debug, Clone, PartialEq)]
pub struct TooWide {
    pub owner: Owner,
    pub needed: Pt,
    pub available: Pt,
}

impl Builder<'_> {
    pub(super) fn table(&mut self, i: Owner, table: &Table) {
        let t = self.theme.clone();
        let pad = t.cell_padding;
        let head = TextStyle { bold: true, ..t.body };
        let cells: Vec<(Vec<Vec<Span>>, bool)> = std::iter::once((&table.header, true))
            .filter(|(h, _)| !h.is_empty())
            .chain(table.rows.iter().map(|r| (r, false)))
            .map(|(row, header)| (row.iter().map(|c| self.inline(c)).collect(), header))
            .collect();
        let columns = cells.iter().map(|(r, _)| r.len()).max().unwrap_or(0);
        if columns == 0 {
            return;
        }
        // Each column's narrowest (its longest word) and widest (all on one line).
        let (mut min, mut max) = (vec![0.0f32; columns], vec![0.0f32; columns]);
        for (row, header) in &cells {
            let style = if *header { &head } else { &t.body };
            for (c, spans) in row.iter().enumerate() {
                let one_line = self.lines(spans, style, Pt::MAX).first().map_or(0.0, |l| l.width);
                // The longest piece between break opportunities (spaces, and after
                // hyphens, as lines break), each in its own span's style.
                let longest_word = spans
                    .iter()
                    .flat_map(|s| {
                        s.text
                            .split_whitespace()
                            .flat_map(|w| w.split_inclusive('-'))
                            .map(move |w| Span {
                                text: w.to_string(),
                                style: s.style,
                                link: None,
                                lang: s.lang.clone(),
                                isolate: s.isolate,
                            })
                            .collect::<Vec<_>>()
                    })
                    .map(|word| {
                        self.lines(&[word], style, Pt::MAX)
                            .first()
                            .map_or(0.0, |l| l.width)
                    })
                    .fold(0.0, f32::max);
                min[c] = min[c].max(longest_word + 2.0 * pad);
                max[c] = max[c].max(one_line + 2.0 * pad);
            }
        }
        let (sum_min, sum_max) = (min.iter().sum::<Pt>(), max.iter().sum::<Pt>());
        let available = self.width;
        if sum_min > available + 0.01 {
            self.too_wide.get_or_insert(TooWide {
                owner: i,
                needed: sum_min,
                available,
            });
            return;
        }
        // Wide enough for every cell on one line: share out what is left in proportion;
        // otherwise give each column its narrowest and share the rest by what it wants.
        let widths: Vec<Pt> = if sum_max <= 0.0 {
            vec![available / columns as Pt; columns]
        } else if sum_max <= available {
            max.iter()
                .map(|w| w + (available - sum_max) * w / sum_max)
                .collect()
        } else {
            let want = (sum_max - sum_min).max(f32::EPSILON);
            min.iter()
                .zip(&max)
                .map(|(lo, hi)| lo + (hi - lo) * (available - sum_min) / want)
                .collect()
        };
        let node = self.structure.add(Kind::Table, Structure::ROOT, i);
        let mut rows = Vec::new();
        if let Some(caption) = &table.caption {
            let role = self.node(Kind::Caption, node, i);
            let style = TextStyle { bold: true, ..t.body };
            let mut caption_rows = self.text_rows(&parse_inline(caption), &style, 0.0, available, role);
            if let Some(last) = caption_rows.last_mut() {
                last.height += t.label_gap;
            }
            rows.extend(caption_rows);
        }
        let header_row = (!table.header.is_empty()).then_some(rows.len());
        let (mut thead, mut tbody): (Option<NodeId>, Option<NodeId>) = (None, None);
        for (row, header) in &cells {
            let group = if *header {
                *thead.get_or_insert_with(|| self.structure.add(Kind::THead, node, i))
            } else {
                *tbody.get_or_insert_with(|| self.structure.add(Kind::TBody, node, i))
            };
            let tr = self.structure.add(Kind::TR, group, i);
            let style = if *header { &head } else { &t.body };
            let mut chunk = Chunk::default();
            let mut x = 0.0;
            let mut bottom: Pt = 0.0;
            for (c, spans) in row.iter().enumerate() {
                let kind = if *header { Kind::TH } else { Kind::TD };
                let role = self.node(kind, tr, i);
                let y = if spans.iter().all(|s| s.text.trim().is_empty()) {
                    // An empty cell still stands in its row for a screen reader: an empty
                    // run carries its tag, so the cells after it keep their columns.
                    chunk.items.push(Placed {
                        item: Item::Text(super::page::TextRun {
                            x: x + pad,
                            baseline: pad + style.size,
                            face: self.fonts.primary(crate::text::Style::default()),
                            size: style.size,
                            color: style.color,
                            text: String::new(),
                            glyphs: Vec::new(),
                            width: 0.0,
                            rtl: false,
                            lang: None,
                            logical: None,
                        }),
                        role,
                    });
                    pad + style.leading
                } else {
                    self.text_at(
                        &mut chunk.items,
                        spans,
                        style,
                        x + pad,
                        pad,
                        widths[c] - 2.0 * pad,
                        0.0,
                        None,
                        role,
                    )
                };
                bottom = bottom.max(y);
                x += widths[c];
            }
            let height = bottom + pad;
            let mut furniture = Vec::new();
            if *header {
                furniture.push(Item::Fill {
                    rect: Rect {
                        x: 0.0,
                        y: 0.0,
                        w: available,
                        h: height,
                    },
                    color: t.tint,
                    radius: 0.0,
                    edges: Default::default(),
                });
            }
            furniture.push(Item::Rule {
                from: (0.0, height),
                to: (available, height),
                color: if *header { t.accent } else { t.caption.color },
                width: if *header { 2.0 * t.table_rule } else { t.table_rule },
            });
            // Backgrounds first, so the text is drawn over them.
            let mut items: Vec<Placed> = furniture
                .into_iter()
                .map(|item| Placed {
                    item,
                    role: Role::Artifact,
                })
                .collect();
            items.append(&mut chunk.items);
            chunk.items = items;
            chunk.height = height;
            chunk.need = height;
            rows.push(chunk);
        }
        self.space(t.box_gap);
        self.push(super::flow::Child::Frame(Frame {
            rows,
            padding: 0.0,
            style: FrameStyle::Plain,
            header: header_row,
            owner: Some(i),
        }));
        self.space(t.box_gap);
    }
}
