//! The default look (see docs/design in the README): clear-print sizes, a dark teal
//! accent with at least 7:1 contrast on white, pale tint boxes. All in points.

use crate::units::{Pt, PT_PER_MM};

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Color(pub u8, pub u8, pub u8);

impl Color {
    pub const fn hex(v: u32) -> Color {
        Color((v >> 16) as u8, (v >> 8) as u8, v as u8)
    }
}

/// Size, line height and colour of one kind of text.
#[derive(Debug, Clone, Copy)]
pub struct TextStyle {
    pub size: Pt,
    pub leading: Pt,
    pub color: Color,
    pub bold: bool,
}

#[derive(Debug, Clone)]
pub struct Theme {
    pub body: TextStyle,
    pub title: TextStyle,
    pub subtitle: TextStyle,
    pub heading: TextStyle,
    pub subheading: TextStyle,
    pub question: TextStyle,
    pub quote_by: TextStyle,
    pub caption: TextStyle,
    pub footer: TextStyle,
    pub accent: Color,
    pub tint: Color,
    /// Between paragraphs.
    pub paragraph_gap: Pt,
    /// Above and below lists, so two lists in a row read as two.
    pub list_gap: Pt,
    /// Below the title block's rule.
    pub title_gap: Pt,
    pub heading_above: Pt,
    pub heading_below: Pt,
    pub subheading_above: Pt,
    pub subheading_below: Pt,
    /// Hanging indent of list items.
    pub list_indent: Pt,
    pub item_gap: Pt,
    pub box_padding: Pt,
    /// Space above and below quote boxes, callouts and images.
    pub box_gap: Pt,
    pub quote_rule: Pt,
    pub callout_border: Pt,
    pub radius: Pt,
    pub link_underline: Pt,
}

impl Default for Theme {
    fn default() -> Self {
        let ink = Color::hex(0x1F1F1F);
        let accent = Color::hex(0x1B5E5A);
        let muted = Color::hex(0x5A5A5A);
        let style = |size, leading, color, bold| TextStyle {
            size,
            leading,
            color,
            bold,
        };
        Theme {
            body: style(12.0, 17.0, ink, false),
            title: style(24.0, 28.0, accent, true),
            subtitle: style(14.0, 18.0, ink, false),
            heading: style(16.0, 20.0, accent, true),
            subheading: style(13.0, 17.0, ink, true),
            question: style(12.0, 17.0, ink, true),
            quote_by: style(11.0, 15.0, accent, true),
            caption: style(11.0, 15.0, muted, false),
            footer: style(10.0, 12.0, muted, false),
            accent,
            tint: Color::hex(0xEAF4F2),
            paragraph_gap: 8.0,
            list_gap: 10.0,
            title_gap: 12.0,
            // A heading sits nearer its own text than the text before it (about 2:1).
            heading_above: 18.0,
            heading_below: 5.0,
            subheading_above: 12.0,
            subheading_below: 3.0,
            list_indent: 6.0 * PT_PER_MM,
            item_gap: 4.0,
            box_padding: 10.0,
            box_gap: 12.0,
            quote_rule: 3.0,
            callout_border: 1.5,
            radius: 4.0,
            link_underline: 0.6,
        }
    }
}
