//! The web edition's stylesheet: the theme's colours and faces, a dark theme whose
//! brand colours are derived to pass contrast, logical properties (so a
//! right-to-left page mirrors itself), reflow to 320 px, and a print stylesheet.

use crate::base::colour::{contrast, lightness, shades, Color};
use crate::model::theme::Theme;
use crate::text::locale;

/// WCAG 2.2 AA for body text (1.4.3), with a hair of room for rounding.
const AA: f32 = 4.6;
const WHITE: Color = Color(0xFF, 0xFF, 0xFF);
/// The dark theme's page: not pure black, which makes light text glare.
const DARK_PAGE: Color = Color(0x12, 0x12, 0x12);
const DARK_INK: Color = Color(0xE8, 0xE8, 0xE8);
const DARK_MUTED: Color = Color(0xB8, 0xB8, 0xB8);

/// The colours of one theme (light or dark), each checked against what it sits on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    pub page: Color,
    pub ink: Color,
    pub muted: Color,
    pub accent: Color,
    pub tint: Color,
    pub urgent: Color,
    pub urgent_tint: Color,
}

impl Palette {
    /// The leaflet's own colours on white, each moved (within its hue) only as far
    /// as contrast needs.
    pub fn light(t: &Theme) -> Palette {
        let surfaces = [WHITE, t.tint, t.urgent_tint];
        Palette {
            page: WHITE,
            ink: readable(t.body.color, &surfaces),
            muted: readable(t.caption.color, &[WHITE, t.tint]),
            accent: readable(t.accent, &[WHITE, t.tint]),
            tint: t.tint,
            urgent: readable(t.urgent, &[WHITE, t.urgent_tint]),
            urgent_tint: t.urgent_tint,
        }
    }

    /// Light text on a dark page; the boxes' tints become dark shades of their hue
    /// and the accent and urgent colours light ones that pass on them.
    pub fn dark(t: &Theme) -> Palette {
        let tint = shade_near(t.accent, 18.0);
        let urgent_tint = shade_near(t.urgent, 16.0);
        Palette {
            page: DARK_PAGE,
            ink: readable(DARK_INK, &[DARK_PAGE, tint, urgent_tint]),
            muted: readable(DARK_MUTED, &[DARK_PAGE, tint]),
            accent: readable(t.accent, &[DARK_PAGE, tint]),
            tint,
            urgent: readable(t.urgent, &[DARK_PAGE, urgent_tint]),
            urgent_tint,
        }
    }

    fn vars(&self) -> String {
        format!(
            "--page:{};--ink:{};--muted:{};--accent:{};--tint:{};--urgent:{};--urgent-tint:{};",
            self.page, self.ink, self.muted, self.accent, self.tint, self.urgent, self.urgent_tint
        )
    }
}

/// `c`, or the shade of its hue nearest to it that reads at AA on every one of
/// `on`; black or white when no shade does.
pub fn readable(c: Color, on: &[Color]) -> Color {
    let passes = |x: Color| on.iter().all(|&b| contrast(x, b) >= AA);
    if passes(c) {
        return c;
    }
    let l = lightness(c);
    shades(c)
        .into_iter()
        .filter(|&s| passes(s))
        .min_by(|a, b| (lightness(*a) - l).abs().total_cmp(&(lightness(*b) - l).abs()))
        .unwrap_or_else(|| {
            let worst = |x: Color| on.iter().map(|&b| contrast(x, b)).fold(f32::MAX, f32::min);
            if worst(Color(0, 0, 0)) >= worst(WHITE) {
                Color(0, 0, 0)
            } else {
                WHITE
            }
        })
}

/// The shade of `c`'s hue whose lightness (L*) is nearest `l`.
fn shade_near(c: Color, l: f32) -> Color {
    shades(c)
        .into_iter()
        .min_by(|a, b| (lightness(*a) - l).abs().total_cmp(&(lightness(*b) - l).abs()))
        .unwrap_or(DARK_PAGE)
}

/// The stylesheet for a leaflet in theme `t` and language `lang`.
pub fn css(t: &Theme, lang: &str) -> String {
    // The leaflet's faces first, then the faces the PDF sets its language's script
    // in (Noto Nastaliq Urdu for Urdu), for readers who have them installed; the web
    // edition embeds no font (see docs/internals.md), so after them the system's UI
    // face reads every script the leaflet may hold.
    let script = locale::script(lang).map_or(&[][..], |s| locale::families(s, lang, lang));
    // The script's faces after the main face (which sets the Latin text, as in the
    // PDF) and before its fallbacks, which may hold a few of the script's letters.
    // (A brand's fonts are filed under a name of leafpress's own, which no reader's
    // machine has: left out.)
    let theme = || {
        t.fonts
            .iter()
            .map(String::as_str)
            .filter(|f| *f != crate::model::brand::FAMILY)
    };
    let faces: String = theme()
        .take(1)
        .chain(script.iter().copied())
        .chain(theme().skip(1))
        .map(|f| format!("\"{}\", ", f.replace(['"', '\\', '<', '>'], "")))
        .collect();
    let (light, dark) = (Palette::light(t), Palette::dark(t));
    format!(
        ":root{{color-scheme:light dark;{light}}}\n\
@media (prefers-color-scheme: dark){{:root{{{dark}}}}}\n\
{BASE}\n\
body{{font-family:{faces}system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",sans-serif;}}\n\
@media print{{:root{{{light}}}}}\n\
{PRINT}",
        light = light.vars(),
        dark = dark.vars(),
    )
}

/// Sizes in rem and em, so a reader's own text size scales everything; no fixed
/// heights, so text spacing overrides (WCAG 1.4.12) never clip; logical properties
/// (inline/block) so `dir="rtl"` mirrors the page; Urdu and Persian lists counted
/// in Extended Arabic-Indic digits, as the PDF counts them (`locale::list_number`),
/// and Nastaliq, which climbs and falls, given the room the PDF gives it.
const BASE: &str = r#"*,*::before,*::after{box-sizing:border-box}
html{background:var(--page);color:var(--ink);-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font-size:1.125rem;line-height:1.55;overflow-wrap:break-word}
.leaflet{max-inline-size:40em;margin-inline:auto;padding:1.25rem 1rem 3rem}
header.cover{border-block-end:0.2rem solid var(--accent);padding-block-end:1rem;margin-block-end:1.5rem}
.logo{display:block;max-block-size:4rem;inline-size:auto;max-inline-size:60%;margin-block-end:1rem}
h1,h2,h3{color:var(--accent);line-height:1.25;margin-block:1.6em 0.5em}
h1{font-size:2rem;margin-block-start:0}
h2{font-size:1.5rem}
h3{font-size:1.2rem;color:var(--ink)}
.subtitle{font-size:1.25rem;margin-block:0.25rem 0}
.brand{font-weight:bold;color:var(--accent)}
p{margin-block:0 0.8em}
ul,ol{padding-inline-start:1.6em;margin-block:0 1em}
li{margin-block-end:0.35em}
li::marker{color:var(--accent)}
:lang(ur){line-height:2.1}
:lang(ur) ol,:lang(fa) ol{list-style-type:persian}
a{color:var(--accent);text-decoration-thickness:0.08em;text-underline-offset:0.15em}
a:hover{text-decoration-thickness:0.15em}
:focus-visible{outline:0.2rem solid var(--accent);outline-offset:0.15rem}
img,svg{max-inline-size:100%;block-size:auto}
figure{margin:1.5rem 0}
figure img,figure svg{display:block;margin-inline:auto}
figcaption{color:var(--muted);font-size:1rem;margin-block-start:0.5rem}
figure:not([class]) figcaption{text-align:center}
.quote{background:var(--tint);border-inline-start:0.3rem solid var(--accent);padding:1rem;border-start-end-radius:0.4rem;border-end-end-radius:0.4rem}
.quote blockquote{margin:0}
.quote figcaption{color:var(--accent);font-weight:bold}
.callout,.urgent,.contact{border:0.15rem solid var(--accent);border-radius:0.4rem;padding:1rem;margin-block:1.5rem}
.urgent{border-color:var(--urgent);background:var(--urgent-tint);border-width:0.25rem}
.box-title{font-weight:bold;color:var(--accent)}
.urgent .box-title{color:var(--urgent)}
.callout>:last-child,.urgent>:last-child,.contact>:last-child,.quote p:last-child{margin-block-end:0}
address.contact{font-style:normal;background:var(--tint)}
.faq dt{font-weight:bold;margin-block-start:1em}
.faq dd{margin:0 0 0.8em}
.exercise{border-block-start:0.15rem solid var(--accent);padding-block-start:0.75rem}
.exercise figcaption{color:var(--accent);font-weight:bold;font-size:1.2rem;margin:0 0 0.5rem}
.exercise img,.exercise svg{max-inline-size:min(100%,24rem);margin-block-end:0.75rem;margin-inline:0}
.table{overflow-x:auto;margin-block:1.5rem}
table{border-collapse:collapse;min-inline-size:100%}
caption{text-align:start;font-weight:bold;margin-block-end:0.5rem}
th,td{text-align:start;vertical-align:top;padding:0.4rem 0.6rem;border-block-end:0.06rem solid var(--muted)}
th{background:var(--tint);border-block-end:0.15rem solid var(--accent)}
.checklist{list-style:none;padding-inline-start:0}
.checklist li{display:flex;gap:0.6rem;align-items:flex-start}
.checklist input{inline-size:1.5rem;block-size:1.5rem;margin:0.1rem 0 0;flex:none;accent-color:var(--accent)}
.write-in label{display:block;font-weight:bold;margin-block:0.8rem 0.3rem}
.write-in textarea{display:block;inline-size:100%;min-block-size:3rem;font:inherit;color:inherit;background:var(--page);border:0.1rem solid var(--muted);border-radius:0.3rem;padding:0.4rem}
.qr{text-align:center}
.qr svg{inline-size:8rem;display:block;margin:0 auto 0.5rem}
.about{margin-block-start:3rem;border-block-start:0.1rem solid var(--muted);padding-block-start:0.5rem}
footer.leaflet-footer{color:var(--muted);font-size:1rem;margin-block-start:2rem}
.index td a{display:inline-block;min-block-size:1.5rem;padding-block:0.1rem}
@media (max-width:30em){body{font-size:1.0625rem}h1{font-size:1.6rem}h2{font-size:1.3rem}}"#;

/// A4 paper: the light palette whatever the screen's theme (set before this) with
/// black text, no boxes split, link addresses printed after their text (paper has
/// no links).
const PRINT: &str = r#"@media print{@page{size:A4;margin:18mm}
:root{--page:#fff;--ink:#000;--muted:#333}
body{font-size:12pt}
.leaflet{max-inline-size:none;padding:0}
h1,h2,h3{break-after:avoid}
figure,.callout,.urgent,.contact,.quote,.exercise,tr,li{break-inside:avoid}
.table{overflow:visible}
a[href^="http"]::after{content:" (" attr(href) ")";font-size:0.9em;overflow-wrap:anywhere}
.write-in textarea{min-block-size:4rem;resize:none}}"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_themes_pass_aa_for_the_default_and_a_pale_brand() {
        let base = Theme::default();
        let pale = Theme {
            accent: Color::hex(0x7FD3C6),
            body: crate::model::theme::TextStyle {
                color: Color::hex(0x999999),
                ..base.body
            },
            ..base
        };
        for t in [Theme::default(), pale] {
            for p in [Palette::light(&t), Palette::dark(&t)] {
                for (fg, bg) in [
                    (p.ink, p.page),
                    (p.ink, p.tint),
                    (p.ink, p.urgent_tint),
                    (p.accent, p.page),
                    (p.accent, p.tint),
                    (p.muted, p.page),
                    (p.urgent, p.urgent_tint),
                ] {
                    assert!(contrast(fg, bg) >= 4.5, "{fg} on {bg}: {}", contrast(fg, bg));
                }
            }
        }
        // A brand colour that passes is kept as it is.
        assert_eq!(Palette::light(&Theme::default()).accent, Theme::default().accent);
    }
}
