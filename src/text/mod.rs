//! Text: inline markup → styled spans → shaped glyphs → lines that fit a width.

pub mod fonts;
pub mod lines;
pub mod markup;

pub use fonts::{FaceId, Fonts, Glyph};
pub use lines::{fit, shape, Line, Paragraph, Piece, Shaped};
pub use markup::{parse_inline, plain_text, Span, Style};
