//! `leafpress check --fix`: a content file's traps rewritten in place when the fixed
//! file reads as meant, each change shown as a diff (spaces shown as `·`, invisible
//! characters named), each place left alone said with its reason; the original kept
//! as a .bak when asked.

use leafpress::load::traps::{self, visible};
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
    let fixed = traps::fix(&src.text);
    let at =
        |span: &std::ops::Range<usize>| src.text[..span.start.min(src.text.len())].matches('\n').count() + 1;
    for t in &fixed.left {
        if let Some(why) = &t.refused {
            eprintln!("{}:{}: left as it is: {why}", input.display(), at(&t.span));
        }
    }
    if fixed.changes.is_empty() {
        if leafpress::load::parse(&src).is_ok() {
            eprintln!("{}: nothing to fix", input.display());
        } else {
            eprintln!(
                "{}: nothing leafpress can fix safely; see the problems below",
                input.display()
            );
        }
        return true;
    }
    for change in &fixed.changes {
        eprintln!("{}:{}: {}", input.display(), change.line, change.message);
        // Spaces shown (and invisible characters named) where they are the change.
        let unseen = |c: char| matches!(c, '\u{a0}' | '\u{202f}' | '\u{200b}' | '\u{feff}' | '\t');
        let spaces = change.spacing || change.before.contains(unseen);
        let show = |l: &str| if spaces { visible(l) } else { l.to_string() };
        for l in change.before.lines() {
            eprintln!("- {}", show(l));
        }
        for l in change.after.lines() {
            eprintln!("+ {}", show(l));
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
    let left = fixed.left.iter().filter(|t| t.refused.is_some()).count();
    eprintln!(
        "{}: fixed {n} place{}{}{}",
        input.display(),
        if n == 1 { "" } else { "s" },
        match left {
            0 => String::new(),
            1 => ", left 1 as it was (see above)".into(),
            k => format!(", left {k} as they were (see above)"),
        },
        kept.map(|k| format!(" (the original is kept as {})", k.display()))
            .unwrap_or_default()
    );
    true
}
