//! The whole design in one value: fonts, sizes, colours, every space and rule, and
//! the words layout prints itself ("Phone:", "1 / 9"). The default is the clear-print
//! look of DESIGN.md: 12 pt Atkinson Hyperlegible on 17 pt lines, a dark teal accent
//! with at least 7:1 contrast on white, pale tint boxes. All lengths in points.
//!
//! A theme can be read from data (`serde`, every key optional) and scaled for large
//! print; layout takes nothing from anywhere else.

pub use super::labels::{LabelOverrides, Labels};
pub use crate::base::colour::Color;
use crate::base::units::{Pt, PT_PER_MM};
use crate::text::{FamilyId, FontBook};
use serde::Deserialize;

/// Size, line height and colour of one kind of text.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextStyle {
    pub size: Pt,
    pub leading: Pt,
    pub color: Color,
    #[serde(default)]
    pub bold: bool,
}

/// Why a theme cannot be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ThemeError {
    #[error("the theme names the font family \"{name}\", which is not loaded (loaded: {loaded})")]
    UnknownFamily { name: String, loaded: String },
    #[error("the theme names no font family")]
    NoFonts,
    #[error("theme value `{key}` is {value}: {rule}")]
    Invalid {
        key: &'static str,
        value: f32,
        rule: &'static str,
    },
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Theme {
    /// Font families, main first; each later one supplies what the earlier lack.
    pub fonts: Vec<String>,
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
    /// Between the title and the subtitle.
    pub subtitle_gap: Pt,
    /// Between the title block's text and its rule.
    pub title_rule_gap: Pt,
    /// Thickness of the rule under the title block.
    pub title_rule: Pt,
    /// Below the title block's rule.
    pub title_gap: Pt,
    pub heading_above: Pt,
    pub heading_below: Pt,
    pub subheading_above: Pt,
    pub subheading_below: Pt,
    /// Hanging indent of list items.
    pub list_indent: Pt,
    pub item_gap: Pt,
    /// The bullet, and its size relative to the text (at text size it is a speck).
    pub bullet: String,
    pub bullet_scale: f32,
    /// Under a callout's title and an FAQ question.
    pub label_gap: Pt,
    pub box_padding: Pt,
    /// Space above and below quote boxes, callouts and images.
    pub box_gap: Pt,
    /// Between an image and its caption.
    pub caption_gap: Pt,
    pub quote_rule: Pt,
    pub callout_border: Pt,
    pub radius: Pt,
    pub link_underline: Pt,
    /// How far below the baseline a link's underline runs.
    pub link_underline_offset: Pt,
    /// Space shown above a heading when a link or bookmark jumps to it.
    pub destination_air: Pt,
    /// Between the footer text and the page number.
    pub footer_gap: Pt,
    /// The footer keeps at least this far from the page's bottom edge (print shops
    /// cut within 3 mm).
    pub footer_clearance: Pt,
    /// A last line narrower than this share of the measure, holding one word, is a
    /// runt; a paragraph is re-broken up to `runt_squeeze` narrower to avoid one.
    pub runt_width: f32,
    pub runt_squeeze: f32,
    /// The logo's height beside the title, and on a cover.
    pub logo_height: Pt,
    pub cover_logo_height: Pt,
    /// The title on a cover.
    pub cover_title: TextStyle,
    /// Between the parts of a cover (logo, title, picture).
    pub cover_gap: Pt,
    /// The urgent box: its colour (border and title) and its background.
    pub urgent: Color,
    pub urgent_tint: Color,
    pub urgent_border: Pt,
    /// A checklist's tick box: its side (a share of the text size) and line.
    pub tick_box: f32,
    pub tick_box_line: Pt,
    /// The shortest line a write-in gives to write on.
    pub write_in_min: Pt,
    /// The room under a write-in label's line, for handwriting.
    pub write_in_height: Pt,
    /// An exercise's picture: its share of the text width, beside the steps; below
    /// this text width (or in large print) it goes above them.
    pub exercise_picture: f32,
    pub narrow_measure: Pt,
    /// The share of its given width each image is set at: 1, except when a leaflet
    /// is tightened to fit a page count (see `layout::fit`).
    pub image_share: f32,
    /// Inside table cells, and the rules between rows.
    pub cell_padding: Pt,
    pub table_rule: Pt,
    /// Words layout prints that the theme fixes; the others are the leaflet
    /// language's.
    pub labels: LabelOverrides,
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
            fonts: vec!["Atkinson Hyperlegible".into(), "DejaVu Sans".into()],
            body: style(12.0, 17.0, ink, false),
            title: style(24.0, 28.0, accent, true),
            subtitle: style(14.0, 18.0, ink, false),
            heading: style(16.0, 20.0, accent, true),
            subheading: style(13.0, 17.0, ink, true),
            question: style(12.0, 17.0, ink, true),
            // No reading text under 12 pt (RNIB Clear Print; `check`'s small-text
            // rule): an attribution and a caption differ from the body by weight
            // and colour, not size. Only the footer, page furniture, is smaller.
            quote_by: style(12.0, 16.0, accent, true),
            caption: style(12.0, 16.0, muted, false),
            footer: style(10.0, 12.0, muted, false),
            accent,
            tint: Color::hex(0xEAF4F2),
            paragraph_gap: 8.0,
            list_gap: 10.0,
            subtitle_gap: 4.0,
            title_rule_gap: 8.0,
            title_rule: 1.0,
            title_gap: 12.0,
            // A heading sits nearer its own text than the text before it (about 2:1).
            heading_above: 18.0,
            heading_below: 5.0,
            subheading_above: 12.0,
            subheading_below: 3.0,
            list_indent: 6.0 * PT_PER_MM,
            item_gap: 4.0,
            bullet: "•".into(),
            bullet_scale: 1.3,
            label_gap: 3.0,
            box_padding: 10.0,
            box_gap: 12.0,
            caption_gap: 4.0,
            quote_rule: 3.0,
            callout_border: 1.5,
            radius: 4.0,
            link_underline: 0.6,
            link_underline_offset: 1.8,
            destination_air: 4.0,
            footer_gap: 12.0,
            footer_clearance: 5.0 * PT_PER_MM,
            runt_width: 0.25,
            runt_squeeze: 0.12,
            logo_height: 14.0 * PT_PER_MM,
            cover_logo_height: 20.0 * PT_PER_MM,
            cover_title: style(30.0, 35.0, accent, true),
            cover_gap: 24.0,
            // 7.8:1 on white, 6.8:1 on its tint; body text 14.5:1 on the tint.
            urgent: Color::hex(0xA4161A),
            urgent_tint: Color::hex(0xFDEDED),
            urgent_border: 2.5,
            tick_box: 0.85,
            tick_box_line: 1.0,
            write_in_min: 60.0 * PT_PER_MM,
            write_in_height: 26.0,
            exercise_picture: 1.0 / 3.0,
            narrow_measure: 95.0 * PT_PER_MM,
            image_share: 1.0,
            cell_padding: 5.0,
            table_rule: 0.75,
            labels: LabelOverrides::default(),
        }
    }
}

impl Theme {
    /// The labels to print in a leaflet in language `tag`.
    pub fn labels_for(&self, tag: &str) -> Labels {
        Labels::for_language(tag).with(&self.labels)
    }

    /// The same design `factor` times larger (large print): every size, line, space,
    /// padding and rule, so proportions hold. Colours, words and the footer's
    /// clearance from the trim (a print-shop fact, not a design one) stay.
    pub fn scaled(&self, factor: f32) -> Theme {
        let s = |v: Pt| v * factor;
        let t = |st: TextStyle| TextStyle {
            size: s(st.size),
            leading: s(st.leading),
            ..st
        };
        Theme {
            body: t(self.body),
            title: t(self.title),
            subtitle: t(self.subtitle),
            heading: t(self.heading),
            subheading: t(self.subheading),
            question: t(self.question),
            quote_by: t(self.quote_by),
            caption: t(self.caption),
            cover_title: t(self.cover_title),
            logo_height: s(self.logo_height),
            cover_logo_height: s(self.cover_logo_height),
            cover_gap: s(self.cover_gap),
            urgent_border: s(self.urgent_border),
            tick_box_line: s(self.tick_box_line),
            write_in_min: s(self.write_in_min),
            write_in_height: s(self.write_in_height),
            cell_padding: s(self.cell_padding),
            table_rule: s(self.table_rule),
            footer: t(self.footer),
            paragraph_gap: s(self.paragraph_gap),
            list_gap: s(self.list_gap),
            subtitle_gap: s(self.subtitle_gap),
            title_rule_gap: s(self.title_rule_gap),
            title_rule: s(self.title_rule),
            title_gap: s(self.title_gap),
            heading_above: s(self.heading_above),
            heading_below: s(self.heading_below),
            subheading_above: s(self.subheading_above),
            subheading_below: s(self.subheading_below),
            list_indent: s(self.list_indent),
            item_gap: s(self.item_gap),
            label_gap: s(self.label_gap),
            box_padding: s(self.box_padding),
            box_gap: s(self.box_gap),
            caption_gap: s(self.caption_gap),
            quote_rule: s(self.quote_rule),
            callout_border: s(self.callout_border),
            radius: s(self.radius),
            link_underline: s(self.link_underline),
            link_underline_offset: s(self.link_underline_offset),
            destination_air: s(self.destination_air),
            footer_gap: s(self.footer_gap),
            ..self.clone()
        }
    }

    /// The large-print edition of this theme: body text `size` points and everything
    /// else in proportion, no text smaller than the body (captions, footers, page
    /// numbers and labels included).
    pub fn large_print(&self, size: Pt) -> Theme {
        let mut t = self.scaled(size / self.body.size);
        let body = t.body;
        for s in [
            &mut t.title,
            &mut t.subtitle,
            &mut t.heading,
            &mut t.subheading,
            &mut t.question,
            &mut t.quote_by,
            &mut t.caption,
            &mut t.footer,
            &mut t.cover_title,
        ] {
            if s.size < body.size {
                s.leading *= body.size / s.size;
                s.size = body.size;
            }
        }
        t
    }

    /// The theme's families in `book`, main first.
    pub fn font_stack(&self, book: &FontBook) -> Result<Vec<FamilyId>, ThemeError> {
        if self.fonts.is_empty() {
            return Err(ThemeError::NoFonts);
        }
        self.fonts
            .iter()
            .map(|name| {
                book.family_named(name).ok_or_else(|| ThemeError::UnknownFamily {
                    name: name.clone(),
                    loaded: book.family_names().join(", "),
                })
            })
            .collect()
    }

    /// Checks every number: a theme read from data must not put a negative size
    /// or NaN into a PDF.
    pub fn validate(&self) -> Result<(), ThemeError> {
        let check = |key: &'static str, value: f32, ok: bool, rule: &'static str| {
            if value.is_finite() && ok {
                Ok(())
            } else {
                Err(ThemeError::Invalid { key, value, rule })
            }
        };
        let styles = [
            ("body", self.body),
            ("title", self.title),
            ("subtitle", self.subtitle),
            ("heading", self.heading),
            ("subheading", self.subheading),
            ("question", self.question),
            ("quote_by", self.quote_by),
            ("caption", self.caption),
            ("footer", self.footer),
            ("cover_title", self.cover_title),
        ];
        for (key, s) in styles {
            check(
                key,
                s.size,
                s.size >= 4.0 && s.size <= 200.0,
                "a text size is 4–200 pt",
            )?;
            check(
                key,
                s.leading,
                s.leading >= s.size,
                "lines must be at least as tall as the text",
            )?;
        }
        let spaces = [
            ("paragraph_gap", self.paragraph_gap),
            ("list_gap", self.list_gap),
            ("subtitle_gap", self.subtitle_gap),
            ("title_rule_gap", self.title_rule_gap),
            ("title_rule", self.title_rule),
            ("title_gap", self.title_gap),
            ("heading_above", self.heading_above),
            ("heading_below", self.heading_below),
            ("subheading_above", self.subheading_above),
            ("subheading_below", self.subheading_below),
            ("list_indent", self.list_indent),
            ("item_gap", self.item_gap),
            ("label_gap", self.label_gap),
            ("box_padding", self.box_padding),
            ("box_gap", self.box_gap),
            ("caption_gap", self.caption_gap),
            ("quote_rule", self.quote_rule),
            ("callout_border", self.callout_border),
            ("radius", self.radius),
            ("link_underline", self.link_underline),
            ("link_underline_offset", self.link_underline_offset),
            ("destination_air", self.destination_air),
            ("footer_gap", self.footer_gap),
            ("footer_clearance", self.footer_clearance),
            ("logo_height", self.logo_height),
            ("cover_logo_height", self.cover_logo_height),
            ("cover_gap", self.cover_gap),
            ("urgent_border", self.urgent_border),
            ("tick_box_line", self.tick_box_line),
            ("write_in_min", self.write_in_min),
            ("write_in_height", self.write_in_height),
            ("narrow_measure", self.narrow_measure),
            ("cell_padding", self.cell_padding),
            ("table_rule", self.table_rule),
        ];
        for (key, v) in spaces {
            check(key, v, (0.0..=500.0).contains(&v), "a space or rule is 0–500 pt")?;
        }
        check(
            "bullet_scale",
            self.bullet_scale,
            self.bullet_scale > 0.0 && self.bullet_scale <= 4.0,
            "between 0 and 4",
        )?;
        check(
            "runt_width",
            self.runt_width,
            (0.0..1.0).contains(&self.runt_width),
            "a share of the line, 0 to under 1",
        )?;
        check(
            "image_share",
            self.image_share,
            self.image_share > 0.0 && self.image_share <= 1.0,
            "a share of the image's width, over 0 and up to 1",
        )?;
        check(
            "runt_squeeze",
            self.runt_squeeze,
            (0.0..=0.5).contains(&self.runt_squeeze),
            "a share of the line, 0 to 0.5",
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_theme_reads_from_data_with_defaults_for_the_rest() {
        let t: Theme = serde_yaml::from_str(
            "accent: \"#7A1F5C\"\nbody: {size: 13, leading: 18, color: \"#111111\"}\nlabels: {phone: Tel}\n",
        )
        .unwrap();
        assert_eq!(t.accent, Color::hex(0x7A1F5C));
        assert_eq!(t.body.size, 13.0);
        assert_eq!(t.heading, Theme::default().heading);
        let labels = t.labels_for("pl");
        assert_eq!(labels.phone, "Tel");
        // The labels the theme leaves alone follow the leaflet's language.
        assert_eq!(labels.address, "Adres");
        assert_eq!(Theme::default().labels_for("pl").phone, "Telefon");
        assert!(serde_yaml::from_str::<Theme>("accent: teal").is_err());
        assert!(serde_yaml::from_str::<Theme>("acent: \"#000000\"").is_err());
    }

    #[test]
    fn scaling_keeps_proportions_and_colours() {
        let base = Theme::default();
        let big = base.scaled(16.0 / 12.0);
        assert_eq!(big.body.size, 16.0);
        assert!((big.body.leading / big.body.size - base.body.leading / base.body.size).abs() < 1e-6);
        assert!((big.box_padding - base.box_padding * 16.0 / 12.0).abs() < 1e-4);
        assert_eq!(big.accent, base.accent);
        assert_eq!(big.footer_clearance, base.footer_clearance);
    }

    #[test]
    fn the_default_reading_text_is_12_pt_or_more() {
        let t = Theme::default();
        for s in [
            t.body,
            t.title,
            t.subtitle,
            t.heading,
            t.subheading,
            t.question,
            t.quote_by,
            t.caption,
            t.cover_title,
        ] {
            assert!(s.size >= 12.0, "{s:?}");
        }
        assert!(t.footer.size < 12.0, "the footer is furniture, and small");
    }

    #[test]
    fn large_print_sets_nothing_below_the_body_size() {
        let t = Theme::default().large_print(18.0);
        assert_eq!(t.body.size, 18.0);
        for s in [t.caption, t.footer, t.quote_by, t.subtitle, t.heading] {
            assert!(s.size >= 18.0 && s.leading >= s.size, "{s:?}");
        }
        assert!(t.heading.size > t.body.size, "headings stay larger");
        assert_eq!(t.validate(), Ok(()));
    }

    #[test]
    fn labels_follow_the_language() {
        assert_eq!(Labels::for_language("pl-PL").phone, "Telefon");
        assert_eq!(Labels::for_language("en-GB").phone, "Phone");
        assert_eq!(Labels::for_language("xx").address, "Address");
        assert_eq!(Labels::default().page_number(2, 9), "2 / 9");
    }

    #[test]
    fn nonsense_numbers_are_refused() {
        assert_eq!(Theme::default().validate(), Ok(()));
        assert_eq!(Theme::default().scaled(1.5).validate(), Ok(()));
        let t: Theme = serde_yaml::from_str("body: {size: -12, leading: 17, color: \"#000000\"}").unwrap();
        assert!(t.validate().unwrap_err().to_string().contains("`body` is -12"));
        let t = Theme {
            box_gap: f32::NAN,
            ..Theme::default()
        };
        assert!(matches!(
            t.validate(),
            Err(ThemeError::Invalid { key: "box_gap", .. })
        ));
    }

    #[test]
    fn a_family_the_book_lacks_is_named() {
        let book = FontBook::with_defaults();
        let theme = Theme {
            fonts: vec!["Lexend".into()],
            ..Theme::default()
        };
        let err = theme.font_stack(&book).unwrap_err();
        assert!(err.to_string().contains("\"Lexend\""), "{err}");
        assert_eq!(Theme::default().font_stack(&book).unwrap().len(), 2);
    }
}
