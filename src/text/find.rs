//! Finding fonts leafpress does not ship. Chinese, Japanese and Korean faces are
//! 8–20 MB each, too large to compile in: a leaflet in those scripts uses one given
//! with `--font-dir`, or one installed on the system where the usual packages put it.

use super::book::{FontBook, FontError};
use std::path::{Path, PathBuf};

/// Where the usual packages install Noto Sans CJK (regular, then bold): Debian and
/// Ubuntu (`fonts-noto-cjk`), Fedora (`google-noto-sans-cjk-fonts`), Arch
/// (`noto-fonts-cjk`), and a user's own fonts folder.
const CJK_FOLDERS: [&str; 5] = [
    "/usr/share/fonts/opentype/noto",
    "/usr/share/fonts/google-noto-cjk",
    "/usr/share/fonts/noto-cjk",
    "/usr/share/fonts/truetype/noto",
    "/usr/local/share/fonts",
];
const CJK_FILES: [&str; 2] = ["NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc"];

/// The system's Noto Sans CJK collections, regular first (empty when not installed).
pub fn system_cjk() -> Vec<PathBuf> {
    let home = std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share/fonts"));
    let folders = CJK_FOLDERS.iter().map(PathBuf::from).chain(home);
    for folder in folders {
        let files: Vec<PathBuf> = CJK_FILES
            .iter()
            .map(|f| folder.join(f))
            .filter(|p| p.is_file())
            .collect();
        if !files.is_empty() {
            return files;
        }
    }
    Vec::new()
}

/// Adds font files and folders to `book`: a folder's usable fonts (the others are
/// skipped), a collection's faces, a single file. A folder that cannot be read or a
/// file named on its own that cannot be used is an error, with its place in `paths`:
/// the fonts a leaflet needs may be there.
pub fn add_fonts(book: &mut FontBook, paths: &[PathBuf]) -> Result<(), (usize, FontError)> {
    for (k, path) in paths.iter().enumerate() {
        let loaded = if path.is_dir() {
            book.load_dir(path).map(|_| ())
        } else if is_collection(path) {
            book.load_collection(path).map(|_| ())
        } else {
            book.load_file_as_named(path).map(|_| ())
        };
        loaded.map_err(|e| (k, e))?;
    }
    Ok(())
}

/// Whether a file is a font collection (`.ttc`, `.otc`).
pub fn is_collection(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("ttc") || e.eq_ignore_ascii_case("otc"))
}

/// Adds the system's Noto Sans CJK when no face in `book` has `c` (a CJK character
/// of the leaflet). An unreadable system font is as good as none: the characters
/// still missing are then reported with what to install.
pub fn add_system_cjk(book: &mut FontBook, c: char) {
    if book.faces().any(|(_, f)| f.has_char(c)) {
        return;
    }
    for file in system_cjk() {
        let _ = book.load_collection(&file);
    }
}

/// What to install for characters no font has: a package and a font, by the script
/// of the first of them that has one.
pub fn advice(missing: &std::collections::BTreeSet<char>) -> String {
    use unicode_script::{Script, UnicodeScript};
    let first = missing.iter().next().copied().unwrap_or(' ');
    let c = missing
        .iter()
        .copied()
        .find(|c| !matches!(c.script(), Script::Common | Script::Inherited | Script::Unknown))
        .unwrap_or(first);
    match c.script() {
        Script::Han | Script::Hiragana | Script::Katakana | Script::Hangul | Script::Bopomofo => {
            "install Noto Sans CJK (Debian and Ubuntu: `sudo apt install fonts-noto-cjk`; Fedora: \
             `google-noto-sans-cjk-fonts`), or give a CJK font's folder with `--font-dir`"
                .to_string()
        }
        Script::Common | Script::Inherited | Script::Unknown => format!(
            "replace it, or give a folder with a font that has U+{:04X} with `--font-dir` \
             (Noto Sans Symbols 2 and Noto Emoji cover most signs)",
            c as u32
        ),
        s => {
            let name = s.full_name().replace('_', " ");
            format!("give a folder with a font for {name} (Noto Sans {name}, notofonts.github.io) with `--font-dir`")
        }
    }
}
