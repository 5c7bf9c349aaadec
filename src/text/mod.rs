//! Text: inline markup → styled spans → runs (bidi level, script) → shaped glyphs
//! (with fallback per cluster) → lines that fit a width.

pub mod book;
pub mod find;
pub mod fonts;
pub mod lines;
pub mod locale;
pub mod markup;
pub mod runs;
pub mod shipped;

pub use book::{Embedding, FaceId, FamilyId, FontBook, FontError};
pub use fonts::{Fonts, Glyph, RunProps, Segment};
pub use lines::{fit, shape, Line, Paragraph, Piece, Shaped};
pub use markup::{parse_inline, plain_text, Span, Style};
