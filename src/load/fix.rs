//! `check --fix`, with a guarantee: a trap's fix is kept only when the file so fixed
//! reads as a leaflet (or, when something else in it is wrong, the block or entry that
//! holds the fix does) and the fixed lines hold exactly the text the writer meant,
//! nothing joined to them, nothing else changed. Otherwise the place is left byte for
//! byte as it was, and the reason is given. Fixes are made in rounds (a line with two
//! traps gets the second once the first is fixed) and reported as a diff.

use super::pieces;
use super::traps::{read, scalars, scan, Fix, Scalar, Trap};
use crate::model::Leaflet;
use std::ops::Range;

/// One place `check --fix` changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// Its first line (1-based, in the file as it was).
    pub line: usize,
    /// The lines as they were, and as they are now (without the final line break).
    pub before: String,
    pub after: String,
    /// What was wrong there.
    pub message: String,
    /// Only spaces and invisible characters changed: show them when showing it.
    pub spacing: bool,
}

/// What `check --fix` did to a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Fixed {
    pub text: String,
    /// In file order.
    pub changes: Vec<Change>,
    /// The traps left, each with why (its [`Trap::refused`]), or with no fix known.
    pub left: Vec<Trap>,
}

/// The traps of `text`, each with the fix that reads as meant in the file, or with
/// none and the reason ([`Trap::refused`]).
pub fn check(text: &str) -> Vec<Trap> {
    if text.len() > 1_000_000 {
        // No leaflet is this long: its traps are said, their fixes not tried.
        return scan(text);
    }
    decide(text).0
}

/// The file with every trap fixed that can be fixed as meant, and nothing else
/// changed: comments, order, spacing and line breaks stay as they are.
pub fn fix(text: &str) -> Fixed {
    let mut segments: Vec<Segment> = text
        .split_inclusive('\n')
        .enumerate()
        .map(|(i, l)| Segment {
            lines: i..i + 1,
            text: l.to_string(),
            messages: Vec::new(),
            spacing: false,
        })
        .collect();
    let mut current = text.to_string();
    let mut rounds = 0;
    let left = loop {
        let (traps, applied) = decide(&current);
        if applied.is_empty() || rounds == 8 {
            break left_over(&current, traps);
        }
        rounds += 1;
        apply_to(&mut segments, &current, &traps, &applied);
        current = segments.iter().map(|s| s.text.as_str()).collect();
    };
    let was: Vec<&str> = text.split_inclusive('\n').collect();
    let changes = segments
        .iter()
        .filter_map(|s| {
            let before = was[s.lines.clone()].concat();
            (before != s.text).then(|| Change {
                line: s.lines.start + 1,
                before: without_eol(&before),
                after: without_eol(&s.text),
                message: s.messages.join("; "),
                spacing: s.spacing,
            })
        })
        .collect();
    Fixed {
        text: current,
        changes,
        left,
    }
}

/// The text with the fix of each trap that has one rewritten.
pub fn apply(text: &str, traps: &[Trap]) -> String {
    let fixes: Vec<&Fix> = traps.iter().filter_map(|t| t.fix.as_ref()).collect();
    splice(text, &fixes).0
}

/// Lines of the file as it was (`lines`), as they are now (`text`, with its line
/// breaks).
struct Segment {
    lines: Range<usize>,
    text: String,
    messages: Vec<String>,
    spacing: bool,
}

fn without_eol(s: &str) -> String {
    s.strip_suffix('\n')
        .map_or(s, |s| s.strip_suffix('\r').unwrap_or(s))
        .to_string()
}

fn reads(text: &str) -> Result<(), serde_yaml::Error> {
    serde_yaml::from_str::<Leaflet>(text).map(|_| ())
}

/// The most traps whose fixes one round tries (a leaflet has a handful).
const MOST: usize = 300;

/// The traps of one round, each with its fix verified or refused, and which of them
/// to apply now (one fix per line at a time).
fn decide(text: &str) -> (Vec<Trap>, Vec<usize>) {
    let mut traps = scan(text);
    if traps.iter().all(|t| t.fixes.is_empty()) {
        // Nothing to try: the file need not be parsed twice more (a third of reading
        // the sample, which has no traps, went here).
        return (traps, Vec::new());
    }
    // In a file that reads, only what changes text is fixed: the rest is no trap there.
    let fine = reads(text).is_ok();
    let mut chosen: Vec<(usize, usize)> = Vec::new();
    let mut shared: Vec<(usize, usize)> = Vec::new();
    let mut taken: Vec<Range<usize>> = Vec::new();
    for (i, t) in traps.iter().enumerate() {
        if t.fixes.is_empty() || (fine && !t.silent && !t.warning) {
            continue;
        }
        let same = |j: usize| {
            let (a, b) = (&traps[j].fixes[0], &t.fixes[0]);
            a.lines == b.lines && a.replacement == b.replacement
        };
        if let Some(&(j, _)) = chosen.iter().find(|&&(j, _)| same(j)) {
            shared.push((i, j));
            continue;
        }
        let start = t.fixes.iter().map(|f| f.lines.start).min().unwrap_or(0);
        let end = t.fixes.iter().map(|f| f.lines.end).max().unwrap_or(0);
        if taken.iter().any(|r| r.start <= end && start <= r.end) {
            continue; // the next round
        }
        if chosen.len() == MOST {
            break; // the rest in the next rounds: a file of traps stays quick to check
        }
        chosen.push((i, 0));
        taken.push(start..end);
    }
    let before = scalars(text).ok();
    for &(i, _) in &chosen {
        traps[i].fixes.iter_mut().for_each(|f| read(text, f));
    }
    let mut reasons: Vec<Vec<(String, String)>> = vec![Vec::new(); traps.len()];
    let mut refused = Vec::new();
    while !chosen.is_empty() {
        let fixes: Vec<&Fix> = chosen.iter().map(|&(i, c)| &traps[i].fixes[c]).collect();
        let (after, regions) = splice(text, &fixes);
        let failed = verify(before.as_deref(), &after, &fixes, &regions);
        if failed.is_empty() {
            break;
        }
        // Each fix that failed gives way to its next way of writing the line, or is refused.
        let mut gone = Vec::new();
        for (k, why) in failed {
            let (i, c) = chosen[k];
            let how = traps[i].fixes[c].help.lines().next().unwrap_or("");
            reasons[i].push((how.trim_end_matches(':').to_string(), why));
            if c + 1 < traps[i].fixes.len() {
                chosen[k].1 += 1;
            } else {
                gone.push(k);
                refused.push(i);
            }
        }
        gone.sort_unstable();
        for k in gone.into_iter().rev() {
            chosen.remove(k);
        }
    }
    let mut applied = Vec::new();
    for &(i, c) in &chosen {
        traps[i].fix = Some(traps[i].fixes[c].clone());
        applied.push(i);
    }
    for &i in &refused {
        traps[i].fix = None;
        traps[i].refused = Some(why_not(&reasons[i]));
    }
    for &(i, j) in &shared {
        if applied.contains(&j) {
            applied.push(i);
        } else if refused.contains(&j) {
            traps[i].fix = None;
            traps[i].refused = traps[j].refused.clone();
        }
    }
    applied.sort_unstable();
    (traps, applied)
}

/// Why no way of fixing a place was kept: each way tried and what it gave (once
/// when they all gave the same).
fn why_not(tried: &[(String, String)]) -> String {
    let mut whys: Vec<&str> = tried.iter().map(|(_, w)| w.as_str()).collect();
    whys.dedup();
    match whys.as_slice() {
        [one] => one.to_string(),
        _ => tried
            .iter()
            .map(|(how, why)| format!("{how}: {why}"))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// The problems a fixed file still has: traps whose fixes were refused, and those
/// with no fix, where they matter.
fn left_over(text: &str, traps: Vec<Trap>) -> Vec<Trap> {
    let fine = reads(text).is_ok();
    traps
        .into_iter()
        .filter(|t| t.refused.is_some() || (t.fixes.is_empty() && !t.warning && (!fine || t.silent)))
        .collect()
}

/// The text with `fixes` made, and where each replacement now is.
fn splice(text: &str, fixes: &[&Fix]) -> (String, Vec<Range<usize>>) {
    let mut order: Vec<usize> = (0..fixes.len()).collect();
    order.sort_by_key(|&k| fixes[k].lines.start);
    let mut out = String::with_capacity(text.len() + 64);
    let mut regions = vec![0..0; fixes.len()];
    let mut at = 0;
    for k in order {
        let f = fixes[k];
        if f.lines.start < at {
            continue;
        }
        out.push_str(&text[at..f.lines.start]);
        regions[k] = out.len()..out.len() + f.replacement.len();
        out.push_str(&f.replacement);
        at = f.lines.end;
    }
    out.push_str(&text[at..]);
    (out, regions)
}

/// Makes the fixes (verified, one per place) in the file's segments, merging the
/// segments a fix spans.
fn apply_to(segments: &mut Vec<Segment>, current: &str, traps: &[Trap], applied: &[usize]) {
    let mut starts = vec![0];
    starts.extend(current.match_indices('\n').map(|(i, _)| i + 1));
    let mut line_segment = Vec::new();
    let mut offsets = Vec::new();
    let mut at = 0;
    for (s, seg) in segments.iter().enumerate() {
        offsets.push(at);
        at += seg.text.len();
        line_segment.extend(std::iter::repeat_n(
            s,
            seg.text.split_inclusive('\n').count().max(1),
        ));
    }
    // One rewrite per place, with the message of each trap it fixes.
    let mut fixes: Vec<(&Fix, Vec<String>)> = Vec::new();
    for &i in applied {
        let Some(f) = &traps[i].fix else { continue };
        match fixes.iter_mut().find(|(g, _)| g.lines == f.lines) {
            Some((_, messages)) => messages.push(traps[i].message.clone()),
            None => fixes.push((f, vec![traps[i].message.clone()])),
        }
    }
    fixes.sort_by_key(|(f, _)| std::cmp::Reverse(f.lines.start));
    for (f, new_messages) in fixes {
        let line = |at: usize| starts.partition_point(|&s| s <= at).saturating_sub(1);
        let (Some(&s0), Some(&s1)) = (
            line_segment.get(line(f.lines.start)),
            line_segment.get(line(f.lines.end)),
        ) else {
            continue;
        };
        let mut merged: String = segments[s0..=s1].iter().map(|s| s.text.as_str()).collect();
        let base = offsets[s0];
        merged.replace_range(f.lines.start - base..f.lines.end - base, &f.replacement);
        let mut messages: Vec<String> = segments[s0..=s1]
            .iter()
            .flat_map(|s| s.messages.clone())
            .collect();
        messages.extend(new_messages);
        let seg = Segment {
            lines: segments[s0].lines.start..segments[s1].lines.end,
            text: merged,
            messages,
            spacing: segments[s0..=s1]
                .iter()
                .all(|s| s.spacing || s.messages.is_empty())
                && f.spacing,
        };
        segments.splice(s0..=s1, [seg]);
    }
}

/// Which of the fixes, made together, do not read as meant, and why (one per block
/// that does not read: the fix nearest before its error).
fn verify(
    before: Option<&[Scalar]>,
    after: &str,
    fixes: &[&Fix],
    regions: &[Range<usize>],
) -> Vec<(usize, String)> {
    let mut failed = Vec::new();
    if reads(after).is_ok() {
        match scalars(after) {
            Ok(found) => {
                for (k, f) in fixes.iter().enumerate() {
                    if let Err(why) = same_text(before, &found, f, &regions[k]) {
                        failed.push((k, why));
                    }
                }
            }
            Err(_) => failed.push((0, "YAML cannot read the file so fixed".to_string())),
        }
        return failed;
    }
    // Something else in the file is wrong: each fix's own block (or entry) must read.
    let parts = pieces::parts(after);
    let mut by_part: Vec<(Option<usize>, Vec<usize>)> = Vec::new();
    for (k, r) in regions.iter().enumerate() {
        let p = parts.iter().position(|p| p.range.contains(&r.start));
        match by_part.iter_mut().find(|(q, _)| *q == p) {
            Some((_, ks)) => ks.push(k),
            None => by_part.push((p, vec![k])),
        }
    }
    for (p, ks) in by_part {
        let Some(p) = p else {
            let e = reads(after).err().map(|e| said(&e, false)).unwrap_or_default();
            failed.extend(
                ks.iter()
                    .map(|&k| (k, format!("the file would still not read: {e}"))),
            );
            continue;
        };
        let alone = parts[p].alone(after);
        match reads(&alone.doc) {
            Ok(()) => {
                let Ok(found) = scalars(&alone.doc) else {
                    failed.push((ks[0], "YAML cannot read it so fixed".to_string()));
                    continue;
                };
                let found: Vec<Scalar> = found.into_iter().filter_map(|s| alone.in_file(s)).collect();
                for &k in &ks {
                    if let Err(why) = same_text(before, &found, fixes[k], &regions[k]) {
                        failed.push((k, why));
                    }
                }
            }
            Err(e) => {
                let at = e
                    .location()
                    .map_or(alone.range.start, |l| alone.file_offset(l.index()));
                let blame = ks
                    .iter()
                    .copied()
                    .filter(|&k| regions[k].start <= at)
                    .max_by_key(|&k| regions[k].start)
                    .unwrap_or(ks[0]);
                let why = said(&e, true);
                failed.push((
                    blame,
                    if !regions[blame].contains(&at) && at < regions[blame].start {
                        format!("its block would still not read, for another reason: {why} (fix that first)")
                    } else {
                        format!("it would still not read: {why}")
                    },
                ));
            }
        }
    }
    failed
}

/// A parser's error in a writer's words (without the block number of a piece read
/// on its own).
fn said(e: &serde_yaml::Error, piece: bool) -> String {
    let d = super::parse::humanize(std::path::Path::new(""), &e.to_string());
    match d.message.find(" in block ") {
        Some(i) if piece => d.message[..i].to_string(),
        _ => d.message,
    }
}

/// Whether the fixed lines (now at `region`) hold the text meant: the texts the fix
/// reads as on its own, nothing run on from the lines around; or, for invisible
/// characters dropped from text, the same texts less them.
fn same_text(
    before: Option<&[Scalar]>,
    found: &[Scalar],
    fix: &Fix,
    region: &Range<usize>,
) -> Result<(), String> {
    if region.is_empty() {
        return Ok(());
    }
    let here: Vec<&Scalar> = found
        .iter()
        .filter(|s| !s.key && s.range.start < region.end && s.range.end > region.start)
        .collect();
    if let (true, Some(before)) = (fix.in_text, before) {
        let was: Vec<&Scalar> = before
            .iter()
            .filter(|s| !s.key && s.range.start < fix.lines.end && s.range.end > fix.lines.start)
            .collect();
        let same = was.len() == here.len()
            && was
                .iter()
                .zip(&here)
                .all(|(w, h)| less_invisible(&w.value, &h.value));
        return if same {
            Ok(())
        } else {
            Err(format!("the text would read {}", quoted(&here)))
        };
    }
    let (above, own): (Vec<&Scalar>, Vec<&Scalar>) = here.iter().partition(|s| s.range.start < region.start);
    if !above.is_empty() {
        let words: Vec<&str> = fix.replacement.split_whitespace().collect();
        let carried = fix.continues
            && above.iter().any(|s| {
                let text: Vec<&str> = s.value.split_whitespace().collect();
                text.windows(words.len().max(1)).any(|w| w == words.as_slice())
            });
        if !carried {
            return Err(format!(
                "its text would run on from the line above: {}",
                quoted(&above)
            ));
        }
    }
    if let Some(texts) = &fix.texts {
        let now: Vec<&str> = own.iter().map(|s| s.value.as_str()).collect();
        if now != *texts {
            return Err(format!("the text would read {}", quoted(&own)));
        }
    }
    if !fix.intended.is_empty() && !own.iter().any(|s| s.value == fix.intended) {
        return Err(format!("“{}” would not be a text of its own", fix.intended));
    }
    Ok(())
}

/// Whether `now` is `was` with only invisible characters (zero-width and no-break
/// spaces) left out.
fn less_invisible(was: &str, now: &str) -> bool {
    let mut now = now.chars().peekable();
    for c in was.chars() {
        if now.peek() == Some(&c) {
            now.next();
        } else if !matches!(c, '\u{200b}' | '\u{feff}' | '\u{a0}' | '\u{202f}') {
            return false;
        }
    }
    now.next().is_none()
}

fn quoted(texts: &[&Scalar]) -> String {
    if texts.is_empty() {
        return "nothing".into();
    }
    texts
        .iter()
        .map(|s| format!("“{}”", s.value))
        .collect::<Vec<_>>()
        .join(", ")
}
