//! A clinic's brand: name, logo, three colours, a font family and a body size. It
//! becomes a [`Theme`] and, with brand fonts, a [`FontBook`]. Colours are checked
//! against WCAG AA (4.5:1) before anything is laid out; a failure comes back with its
//! measured ratio and one set of shades of the same hues that passes every check at
//! once, so the advice, followed, never fails in turn.

use super::theme::Theme;
use crate::base::colour::{contrast, lightness, luminance, ratio, shades, Color};
use crate::base::units::Length;
use crate::text::{FontBook, FontError, Style};
use serde::{Deserialize, Deserializer};
use std::path::PathBuf;

#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Brand {
    /// The clinic's name, on the cover.
    pub name: Option<String>,
    /// The clinic's logo (PNG, JPEG or SVG), on the cover or beside the title.
    pub logo: Option<Logo>,
    /// The brand's colours, checked for contrast.
    pub colors: Option<Colors>,
    /// The brand's font files.
    pub fonts: Option<Fonts>,
    /// Body text size, at least 12 pt; everything else scales with it.
    #[serde(default, deserialize_with = "some_length")]
    pub size: Option<Length>,
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Logo {
    /// Path relative to leafpress.yaml.
    pub src: String,
    /// What the logo says (usually the clinic's name), for screen readers.
    pub alt: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Colors {
    /// Headings, rules, links, bullets.
    pub accent: Option<Color>,
    /// Box backgrounds.
    pub tint: Option<Color>,
    /// Body text.
    pub text: Option<Color>,
}

/// Font files, relative to the project file. A family needs a regular and a bold;
/// `more:` alone (a Chinese font for the clinic's Chinese leaflets) needs neither.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fonts {
    /// The regular face (required with fonts).
    pub regular: Option<String>,
    /// The bold face (required with fonts).
    pub bold: Option<String>,
    /// The italic face.
    pub italic: Option<String>,
    /// The bold italic face.
    pub bold_italic: Option<String>,
    /// Font files (.ttf, .otf, .ttc) or folders of them, for scripts neither the
    /// brand's family nor leafpress's own faces set: a CJK font for Chinese leaflets.
    #[serde(default)]
    pub more: Vec<String>,
}

fn some_length<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Length>, D::Error> {
    crate::base::units::from_str::deserialize(d).map(Some)
}

/// The family name brand fonts are filed under in the book.
pub const FAMILY: &str = "Brand";

/// The least body size (RNIB Clear Print).
const MIN_SIZE: f32 = 12.0;

/// The largest body size a brand may set (RNIB's large print tops out near here).
const MAX_SIZE: f32 = 24.0;

/// WCAG AA for normal text.
pub const MIN_CONTRAST: f32 = 4.5;

const WHITE: Color = Color(255, 255, 255);

/// The three colours the checks read, by their keys in `colors:`.
const KEYS: [&str; 3] = ["accent", "tint", "text"];
const ACCENT: usize = 0;
const TINT: usize = 1;
const TEXT: usize = 2;

/// "a", "a and b", "a, b and c".
fn and(items: &[String]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => items.join(""),
    }
}

/// The accent, tint and text colours (in [`KEYS`] order) nearest `given` that pass
/// every check at once: each a shade of its own hue, the change in lightness (CIE L*)
/// summed over the three as small as can be; each colour changed costs a little more
/// (one more key to write), a colour the brand did not write (a default) twice as
/// much and more. Black and white stand behind every hue, so there is an answer.
fn passing_set(given: [Color; 3], written: [bool; 3]) -> [Color; 3] {
    const BLACK: Color = Color(0, 0, 0);
    // Each colour's candidates: (colour, luminance, cost), cheapest first.
    let candidates: Vec<Vec<(Color, f32, f32)>> = (0..3)
        .map(|i| {
            let weight = if written[i] { 1.0 } else { 2.0 };
            let mut all: Vec<(Color, f32, f32)> = shades(given[i])
                .into_iter()
                .chain([given[i]])
                .map(|c| {
                    let change = (lightness(c) - lightness(given[i])).abs();
                    // Each colour changed is one more thing to write; a default, a key more.
                    let step = match (c == given[i], written[i]) {
                        (true, _) => 0.0,
                        (false, true) => 1.0,
                        (false, false) => 5.0,
                    };
                    (c, change * weight + step)
                })
                .chain([(BLACK, 1000.0), (WHITE, 1000.0)])
                .map(|(c, cost)| (c, luminance(c), cost))
                .collect();
            all.sort_by(|a, b| a.2.total_cmp(&b.2));
            all
        })
        .collect();
    let white = luminance(WHITE);
    let on = |fg: &Vec<(Color, f32, f32)>, tint: f32| {
        fg.iter()
            .find(|(_, l, _)| ratio(*l, white) >= MIN_CONTRAST && ratio(*l, tint) >= MIN_CONTRAST)
            .copied()
    };
    let mut best = (f32::INFINITY, [BLACK, WHITE, BLACK]);
    for &(tint, tint_lum, tint_cost) in &candidates[TINT] {
        if tint_cost >= best.0 {
            break;
        }
        if let (Some(accent), Some(text)) =
            (on(&candidates[ACCENT], tint_lum), on(&candidates[TEXT], tint_lum))
        {
            let cost = tint_cost + accent.2 + text.2;
            if cost < best.0 {
                best = (cost, [accent.0, tint, text.0]);
            }
        }
    }
    best.1
}

impl Brand {
    /// This brand with `over`'s keys put in its place (a leaflet's `brand:`).
    pub fn merged(&self, over: &Brand) -> Brand {
        let colors = match (&self.colors, &over.colors) {
            (Some(a), Some(b)) => Some(Colors {
                accent: b.accent.or(a.accent),
                tint: b.tint.or(a.tint),
                text: b.text.or(a.text),
            }),
            (a, b) => b.clone().or_else(|| a.clone()),
        };
        Brand {
            name: over.name.clone().or_else(|| self.name.clone()),
            logo: over.logo.clone().or_else(|| self.logo.clone()),
            colors,
            fonts: over.fonts.clone().or_else(|| self.fonts.clone()),
            size: over.size.or(self.size),
        }
    }

    /// The default theme in this brand's colours, size and fonts.
    pub fn theme(&self) -> Theme {
        let mut t = match self.size {
            Some(size) if size.pt() > MIN_SIZE => Theme::default().scaled(size.pt() / MIN_SIZE),
            _ => Theme::default(),
        };
        if let Some(c) = &self.colors {
            if let Some(accent) = c.accent {
                t.accent = accent;
                for s in [&mut t.title, &mut t.cover_title, &mut t.heading, &mut t.quote_by] {
                    s.color = accent;
                }
            }
            if let Some(tint) = c.tint {
                t.tint = tint;
            }
            if let Some(text) = c.text {
                for s in [&mut t.body, &mut t.subtitle, &mut t.subheading, &mut t.question] {
                    s.color = text;
                }
            }
        }
        if self
            .fonts
            .as_ref()
            .is_some_and(|f| f.regular.is_some() && f.bold.is_some())
        {
            // The default faces stay behind the brand's, for what it lacks.
            t.fonts.insert(0, FAMILY.into());
        }
        t
    }

    /// Problems with the colours and size: (key, message, help).
    pub fn problems(&self) -> Vec<(&'static str, String, String)> {
        let mut out = Vec::new();
        if let Some(size) = self.size {
            if size.pt() > MAX_SIZE + 0.01 {
                out.push((
                    "size",
                    format!(
                        "the brand's body size is {:.1} pt; leaflets are set from 12 to 24 pt",
                        size.pt()
                    ),
                    "write a size from `12pt` to `24pt`; large print is an edition of its own".to_string(),
                ));
            }
            if size.pt() < MIN_SIZE - 0.01 {
                out.push((
                    "size",
                    format!(
                        "the brand's body size is {:.1} pt; clear print needs at least 12 pt",
                        size.pt()
                    ),
                    "write `size: 12pt` or more".to_string(),
                ));
            }
        }
        if let Some(problem) = self.colour_problem() {
            out.push(problem);
        }
        out
    }

    /// The first colour check that fails (with the others that fail too), and one
    /// set of colours that passes every check at once: advice that, followed, never
    /// leads to another failure.
    fn colour_problem(&self) -> Option<(&'static str, String, String)> {
        let theme = self.theme();
        let given = [theme.accent, theme.tint, theme.body.color];
        let c = self.colors.clone().unwrap_or_default();
        let written = [c.accent.is_some(), c.tint.is_some(), c.text.is_some()];
        // "your accent #4FB3AC", "the default tint #EAF4F2".
        let name = |i: usize| {
            let whose = if written[i] { "your" } else { "the default" };
            let what = if i == TEXT { "text colour" } else { KEYS[i] };
            format!("{whose} {what} {}", given[i])
        };
        let checks = [
            (
                ACCENT,
                format!("{} (headings, links) on white", name(ACCENT)),
                None,
            ),
            (TEXT, format!("{} on white", name(TEXT)), None),
            (
                TINT,
                format!("{} on {} (quote and contact boxes)", name(TEXT), name(TINT)),
                Some(TEXT),
            ),
            (
                TINT,
                format!("links in {} on {}", name(ACCENT), name(TINT)),
                Some(ACCENT),
            ),
        ];
        let failing: Vec<(usize, String, f32)> = checks
            .into_iter()
            .filter_map(|(key, what, on_tint)| {
                let ratio = match on_tint {
                    Some(fg) => contrast(given[fg], given[TINT]),
                    None => contrast(given[key], WHITE),
                };
                (ratio < MIN_CONTRAST).then_some((key, what, ratio))
            })
            .collect();
        let (key, what, ratio) = failing.first()?;
        let mut message = format!("{what}: contrast {ratio:.2}:1, and text needs at least 4.5:1 (WCAG AA)");
        for (_, what, ratio) in &failing[1..] {
            message.push_str(&format!("; {what}: {ratio:.2}:1"));
        }
        let fixed = passing_set(given, written);
        let changed: Vec<usize> = (0..3).filter(|&i| fixed[i] != given[i]).collect();
        // Located at a key the advice changes and someone wrote, else the failing one.
        let at = changed.iter().copied().find(|&i| written[i]).unwrap_or(*key);
        let uses: Vec<String> = changed
            .iter()
            .map(|&i| format!("`{}: \"{}\"`", KEYS[i], fixed[i]))
            .collect();
        let shades: Vec<String> = changed
            .iter()
            .enumerate()
            .map(|(n, &i)| {
                let way = if lightness(fixed[i]) < lightness(given[i]) {
                    "darker"
                } else {
                    "lighter"
                };
                let one = if n == 0 { "shade" } else { "one" };
                format!("a {way} {one} of {}", name(i))
            })
            .collect();
        let their = if changed.len() > 1 {
            "their hues"
        } else {
            "its hue"
        };
        let tint = match (changed.len(), changed.contains(&TINT)) {
            (1, true) => "on it".to_string(),
            (_, true) => "on the tint, all at once".to_string(),
            _ => format!("on {}", name(TINT)),
        };
        let help = format!(
            "use {}, {}: the nearest of {their} with which the accent and the text pass 4.5:1 on white and {tint}",
            and(&uses),
            and(&shades),
        );
        Some((KEYS[at], message, help))
    }

    /// A book with the default faces and this brand's, whose files are given as
    /// resolved paths (regular, bold, italic, bold italic).
    pub fn font_book(files: [Option<PathBuf>; 4]) -> Result<FontBook, FontError> {
        let mut book = FontBook::with_defaults();
        let styles = [(false, false), (true, false), (false, true), (true, true)];
        for (file, (bold, italic)) in files.into_iter().zip(styles) {
            if let Some(path) = file {
                book.load_file(&path, FAMILY, Style { bold, italic })?;
            }
        }
        Ok(book)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::colour::to_hsl;

    #[test]
    fn contrast_matches_wcag() {
        assert!((contrast(Color(0, 0, 0), WHITE) - 21.0).abs() < 0.01);
        // The default teal: 7.5:1 on white (DESIGN.md).
        assert!((contrast(Color::hex(0x1B5E5A), WHITE) - 7.5).abs() < 0.1);
        assert!((contrast(Color::hex(0x777777), WHITE) - 4.48).abs() < 0.01);
    }

    #[test]
    fn a_failing_colour_gets_a_passing_shade_of_its_hue() {
        let brand: Brand = serde_yaml::from_str("colors: {accent: \"#4FB3AC\"}").unwrap();
        let problems = brand.problems();
        assert_eq!(problems.len(), 1, "{problems:?}");
        let (key, msg, help) = &problems[0];
        assert_eq!(*key, "accent");
        assert!(msg.contains("contrast 2.51:1") && msg.contains("4.5:1"), "{msg}");
        let shade: Color = help.split('"').nth(1).unwrap().parse().unwrap();
        assert!(contrast(shade, WHITE) >= 4.5);
        let (h0, _, _) = to_hsl(Color::hex(0x4FB3AC));
        let (h1, _, _) = to_hsl(shade);
        assert!((h0 - h1).abs() < 0.02, "same hue");
    }

    #[test]
    fn a_dark_tint_is_named_and_lightened() {
        let brand: Brand = serde_yaml::from_str("colors: {tint: \"#8FB8B4\"}").unwrap();
        let problems = brand.problems();
        assert_eq!(problems[0].0, "tint", "{problems:?}");
        assert!(problems[0].2.contains("lighter"));
        assert!(Brand::default().problems().is_empty());
    }
}
