//! The faces compiled into leafpress: Atkinson Hyperlegible (the main family, chosen
//! for low-vision readers), DejaVu Sans (arrows, maths signs) and the Noto faces for
//! the scripts clinics translate into (fonts/noto/README.md: source, version,
//! licence). [`super::FontBook::with_defaults`] files them; each is parsed only when
//! a run needs it.

use super::markup::Style;

/// (bytes, family, style), in face-id order: the output of a leaflet that uses only
/// Atkinson Hyperlegible does not change when faces are added after it.
pub const FACES: [(&[u8], &str, Style); 23] = [
    (
        include_bytes!("../../fonts/AtkinsonHyperlegible-Regular.ttf"),
        "Atkinson Hyperlegible",
        REGULAR,
    ),
    (
        include_bytes!("../../fonts/AtkinsonHyperlegible-Bold.ttf"),
        "Atkinson Hyperlegible",
        BOLD,
    ),
    (
        include_bytes!("../../fonts/AtkinsonHyperlegible-Italic.ttf"),
        "Atkinson Hyperlegible",
        ITALIC,
    ),
    (
        include_bytes!("../../fonts/AtkinsonHyperlegible-BoldItalic.ttf"),
        "Atkinson Hyperlegible",
        BOLD_ITALIC,
    ),
    (
        include_bytes!("../../fonts/DejaVuSans.ttf"),
        "DejaVu Sans",
        REGULAR,
    ),
    (
        include_bytes!("../../fonts/noto/NotoSans-Regular.ttf"),
        "Noto Sans",
        REGULAR,
    ),
    (
        include_bytes!("../../fonts/noto/NotoSans-Bold.ttf"),
        "Noto Sans",
        BOLD,
    ),
    (
        include_bytes!("../../fonts/noto/NotoNaskhArabic-Regular.ttf"),
        "Noto Naskh Arabic",
        REGULAR,
    ),
    (
        include_bytes!("../../fonts/noto/NotoNaskhArabic-Bold.ttf"),
        "Noto Naskh Arabic",
        BOLD,
    ),
    (
        include_bytes!("../../fonts/noto/NotoNastaliqUrdu-Regular.ttf"),
        "Noto Nastaliq Urdu",
        REGULAR,
    ),
    (
        include_bytes!("../../fonts/noto/NotoNastaliqUrdu-Bold.ttf"),
        "Noto Nastaliq Urdu",
        BOLD,
    ),
    (
        include_bytes!("../../fonts/noto/NotoSansBengali-Regular.ttf"),
        "Noto Sans Bengali",
        REGULAR,
    ),
    (
        include_bytes!("../../fonts/noto/NotoSansBengali-Bold.ttf"),
        "Noto Sans Bengali",
        BOLD,
    ),
    (
        include_bytes!("../../fonts/noto/NotoSansGurmukhi-Regular.ttf"),
        "Noto Sans Gurmukhi",
        REGULAR,
    ),
    (
        include_bytes!("../../fonts/noto/NotoSansGurmukhi-Bold.ttf"),
        "Noto Sans Gurmukhi",
        BOLD,
    ),
    (
        include_bytes!("../../fonts/noto/NotoSansGujarati-Regular.ttf"),
        "Noto Sans Gujarati",
        REGULAR,
    ),
    (
        include_bytes!("../../fonts/noto/NotoSansGujarati-Bold.ttf"),
        "Noto Sans Gujarati",
        BOLD,
    ),
    (
        include_bytes!("../../fonts/noto/NotoSansDevanagari-Regular.ttf"),
        "Noto Sans Devanagari",
        REGULAR,
    ),
    (
        include_bytes!("../../fonts/noto/NotoSansDevanagari-Bold.ttf"),
        "Noto Sans Devanagari",
        BOLD,
    ),
    (
        include_bytes!("../../fonts/noto/NotoSansTamil-Regular.ttf"),
        "Noto Sans Tamil",
        REGULAR,
    ),
    (
        include_bytes!("../../fonts/noto/NotoSansTamil-Bold.ttf"),
        "Noto Sans Tamil",
        BOLD,
    ),
    (
        include_bytes!("../../fonts/noto/NotoSansEthiopic-Regular.ttf"),
        "Noto Sans Ethiopic",
        REGULAR,
    ),
    (
        include_bytes!("../../fonts/noto/NotoSansEthiopic-Bold.ttf"),
        "Noto Sans Ethiopic",
        BOLD,
    ),
];

const REGULAR: Style = Style {
    bold: false,
    italic: false,
};
const BOLD: Style = Style {
    bold: true,
    italic: false,
};
const ITALIC: Style = Style {
    bold: false,
    italic: true,
};
const BOLD_ITALIC: Style = Style {
    bold: true,
    italic: true,
};
