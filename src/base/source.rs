//! A file's text as read: size-checked, its byte-order mark dropped, UTF-8 or a
//! located error; kept whole so that every later problem can be shown in place.

use super::diag::{Diagnostic, Diagnostics};
use std::path::Path;

/// Content files larger than this are refused unread (a long leaflet is ~20 KB).
pub const MAX_FILE_BYTES: u64 = 5_000_000;

/// A content file's text, kept for locating and showing problems.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: std::path::PathBuf,
    pub text: String,
}

impl Source {
    pub fn read(path: &Path) -> Result<Source, Diagnostics> {
        // Checked before reading: a huge file is refused without being loaded.
        if let Ok(meta) = std::fs::metadata(path) {
            if meta.len() > MAX_FILE_BYTES {
                return Err(Diagnostics::one(
                    Diagnostic::new(
                        path,
                        format!(
                            "the content file is {:.1} MB; a leaflet's YAML is at most 5 MB",
                            meta.len() as f64 / 1_000_000.0
                        ),
                    )
                    .help("split it into several leaflets, or check it is the file you meant"),
                ));
            }
        }
        let bytes = std::fs::read(path).map_err(|e| {
            Diagnostics::one(
                Diagnostic::new(path, format!("cannot read the content file: {e}"))
                    .help("check the path; content files usually live in content/"),
            )
        })?;
        Source::from_bytes(path, bytes)
    }

    pub fn from_bytes(path: &Path, mut bytes: Vec<u8>) -> Result<Source, Diagnostics> {
        // Windows Notepad and some Word exports start UTF-8 files with a byte-order
        // mark; YAML would read it as part of the first key ("missing key blocks").
        if bytes.starts_with(b"\xEF\xBB\xBF") {
            bytes.drain(..3);
        }
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Source {
                path: path.to_path_buf(),
                text,
            }),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let valid = String::from_utf8_lossy(&e.as_bytes()[..at]).into_owned();
                Err(Diagnostics::one(
                    Diagnostic::new(path, "the file is not UTF-8 text")
                        .at(Some(at..at))
                        .help("save it as UTF-8 (in most editors: Save As → Encoding → UTF-8)"),
                )
                .with_source(&valid))
            }
        }
    }
}
