//! `leafpress check --fix`: a content file's traps rewritten in place, each change
//! shown as a diff, the original kept as a .bak when asked.

use std::path::{Path, PathBuf};

/// `check --fix`: rewrites the traps of one file, showing each change as a diff.
/// Returns false when the file cannot be read or written.
pub fn fix_file(input: &Path, backup: bool) -> bool {
    let src = match leafpress::base::source::Source::read(input) {
        Ok(s) => s,
        Err(d) => {
            crate::report(&d);
            return false;
        }
    };
    // A file that already reads as written is never touched.
    if leafpress::load::parse(&src).is_ok() {
        eprintln!("{}: nothing to fix", input.display());
        return true;
    }
    let fixed = leafpress::load::traps::fix(&src.text);
    if fixed.changes.is_empty() {
        eprintln!(
            "{}: nothing leafpress can fix safely; see the problems below",
            input.display()
        );
        return true;
    }
    for (line, before, after) in &fixed.changes {
        eprintln!("{}:{line}", input.display());
        for l in before.lines() {
            eprintln!("- {l}");
        }
        for l in after.lines() {
            eprintln!("+ {l}");
        }
    }
    let mut kept = None;
    if backup {
        // Never over an earlier copy: a second run must not lose the first original.
        let bak = (1..)
            .map(|k| match k {
                1 => PathBuf::from(format!("{}.bak", input.display())),
                k => PathBuf::from(format!("{}.bak{k}", input.display())),
            })
            .find(|p| !p.exists())
            .expect("some name is free");
        if let Err(e) = std::fs::write(&bak, &src.text) {
            eprintln!(
                "error: cannot keep a copy as {}: {e}; nothing was changed",
                bak.display()
            );
            return false;
        }
        kept = Some(bak);
    }
    if let Err(e) = leafpress::base::files::write_atomically(input, fixed.text.as_bytes()) {
        eprintln!("error: cannot write {}: {e}", input.display());
        return false;
    }
    let n = fixed.changes.len();
    eprintln!(
        "{}: fixed {n} place{}{}",
        input.display(),
        if n == 1 { "" } else { "s" },
        kept.map(|k| format!(" (the original is kept as {})", k.display()))
            .unwrap_or_default()
    );
    true
}
