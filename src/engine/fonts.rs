//! The font book each leaflet is set with: the engine's compiled-in faces, or a
//! book with the brand's fonts, `--font-dir` folders and, for Chinese, Japanese or
//! Korean text, the system's CJK font; read once per set of files and shared.

use super::Engine;
use crate::base::diag::{Diagnostic, Diagnostics};
use crate::base::source::Source;
use crate::load::Resolved;
use crate::model::edition::Options;
use crate::text::{self, FontBook};
use std::sync::Arc;

/// What a book holds besides the compiled-in faces: brand files, font folders, and
/// whether it is for text in a CJK script (then the system's CJK font is added
/// when neither of the others has one).
pub(super) type BookKey = (
    Option<[Option<std::path::PathBuf>; 4]>,
    Vec<std::path::PathBuf>,
    bool,
);
pub(super) type BrandBooks = std::collections::HashMap<BookKey, Arc<FontBook>>;

impl Engine {
    /// The font book a leaflet needs: the engine's, or one with its brand's fonts,
    /// the `--font-dir` folders' and, for text in a script none of those has (Chinese),
    /// the system's CJK font; read once per set of files and shared by every leaflet
    /// that needs them.
    pub(super) fn book_for(
        &self,
        src: &Source,
        doc: &Resolved,
        options: &Options,
    ) -> Result<Arc<FontBook>, Diagnostics> {
        let brand = doc.brand.fonts.clone();
        // `--font-dir` folders, then the brand's `more:` files and folders.
        let mut dirs = options.font_dirs.clone();
        dirs.extend(doc.brand.more_fonts.iter().cloned());
        // Only the CJK scripts lack a compiled-in face; a leaflet without them
        // (nearly all) never looks at the system.
        // (Han, kana and Hangul all lie above U+1100: most text is looked at no further.)
        let cjk = src.text.chars().find(|&c| {
            use unicode_script::{Script, UnicodeScript};
            c >= '\u{1100}'
                && matches!(
                    c.script(),
                    Script::Han | Script::Hiragana | Script::Katakana | Script::Hangul
                )
        });
        if brand.is_none() && dirs.is_empty() && cjk.is_none() {
            return Ok(self.book.clone());
        }
        let key = (brand.clone(), dirs.clone(), cjk.is_some());
        let mut books = self.brand_books.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(book) = books.get(&key) {
            return Ok(book.clone());
        }
        let mut book = match &brand {
            Some(files) => crate::model::brand::Brand::font_book(files.clone()).map_err(|e| {
                let (file, span, text) = doc.brand.fonts_at.clone().unwrap_or_default();
                Diagnostics::one(
                    Diagnostic::new(&file, e.to_string())
                        .at(span)
                        .help("use TrueType or OpenType files whose licence allows embedding"),
                )
                .with_source(&text)
            })?,
            None => FontBook::with_defaults(),
        };
        text::find::add_fonts(&mut book, &dirs).map_err(|(k, e)| {
            match (&doc.brand.fonts_at, k >= options.font_dirs.len()) {
                (Some((file, span, text)), true) => Diagnostics::one(
                    Diagnostic::new(file, e.to_string())
                        .at(span.clone())
                        .help("use TrueType or OpenType files whose licence allows embedding"),
                )
                .with_source(text),
                _ => Diagnostics::one(
                    Diagnostic::new(&src.path, e.to_string())
                        .help("check the folder given with `--font-dir`"),
                ),
            }
        })?;
        if let Some(c) = cjk {
            text::find::add_system_cjk(&mut book, c);
        }
        let book = Arc::new(book);
        books.insert(key, book.clone());
        Ok(book)
    }
}
