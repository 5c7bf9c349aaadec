//! `leafpress watch`: build, then build again whenever a file the last build read
//! changes (the leaflet, its images, its brand's fonts and logo, leafpress.yaml).
//! Editors save by writing or by replacing a file, so the folders are watched, not
//! the files. Changes are gathered until the files have been quiet for a moment;
//! a failed build prints its located error and keeps the last good PDF; Ctrl-C
//! stops it (exit 0).

use super::build::{describe, run_one, Job};
use leafpress::Engine;
use notify::{RecursiveMode, Watcher};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

/// How long the files must stay quiet before a rebuild: long enough for an editor's
/// save (often write, then rename) to finish, short enough not to be noticed.
const QUIET: Duration = Duration::from_millis(25);

/// "14:03:27", local time when the system says what it is.
fn clock() -> String {
    let now = time::OffsetDateTime::now_local().unwrap_or_else(|_| time::OffsetDateTime::now_utc());
    format!("{:02}:{:02}:{:02}", now.hour(), now.minute(), now.second())
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// Builds `job`, prints one status line (or the error), and returns the files it
/// read (the content file and its project's leafpress.yaml even when it failed).
fn build(engine: &Engine, job: &Job, quiet: bool) -> Vec<PathBuf> {
    let done = run_one(engine, job);
    match &done.built {
        Ok(b) => {
            if !b.warnings.items.is_empty() && !quiet {
                super::super::report(&b.warnings);
            }
            eprintln!(
                "[{}] {} → {} ({}, {:.0} ms)",
                clock(),
                job.input.display(),
                job.target.display(),
                describe(job, b),
                done.ms
            );
            b.files_read.iter().map(|p| absolute(p)).collect()
        }
        Err(d) => {
            super::super::report(d);
            eprintln!(
                "[{}] {} did not build; {} is the last good PDF. Waiting for the next save…",
                clock(),
                job.input.display(),
                job.target.display()
            );
            let input = absolute(&job.input);
            let project = input
                .ancestors()
                .skip(1)
                .map(|d| d.join(leafpress::model::project::FILE))
                .find(|f| f.is_file());
            std::iter::once(input).chain(project).collect()
        }
    }
}

/// Runs until Ctrl-C. Returns false if the watcher cannot start.
pub fn run(engine: &Engine, jobs: &[Job], quiet: bool) -> bool {
    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = stop.clone();
        if let Err(e) = ctrlc::set_handler(move || stop.store(true, Ordering::SeqCst)) {
            eprintln!("error: cannot catch Ctrl-C: {e}");
            return false;
        }
    }
    let (tx, rx) = mpsc::channel();
    let mut watcher = match notify::recommended_watcher(move |e: notify::Result<notify::Event>| {
        // Reading a file is an event too (ours, when building): only changes count.
        match e {
            Ok(e) if !matches!(e.kind, notify::EventKind::Access(_)) => {
                let _ = tx.send(e.paths);
            }
            _ => {}
        }
    }) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("error: cannot watch files: {e}");
            return false;
        }
    };
    let mut read: Vec<Vec<PathBuf>> = jobs.iter().map(|j| build(engine, j, quiet)).collect();
    let mut folders: BTreeSet<PathBuf> = BTreeSet::new();
    let mut watch_folders = |read: &[Vec<PathBuf>], folders: &mut BTreeSet<PathBuf>| {
        for f in read.iter().flatten() {
            if let Some(dir) = f.parent() {
                if folders.insert(dir.to_path_buf()) {
                    if let Err(e) = watcher.watch(dir, RecursiveMode::NonRecursive) {
                        eprintln!("warning: cannot watch {}: {e}", dir.display());
                    }
                }
            }
        }
    };
    watch_folders(&read, &mut folders);
    if !quiet {
        eprintln!(
            "[{}] watching {} file(s); Ctrl-C to stop",
            clock(),
            read.iter().map(Vec::len).sum::<usize>()
        );
    }
    while !stop.load(Ordering::SeqCst) {
        let Ok(paths) = rx.recv_timeout(Duration::from_millis(100)) else {
            continue;
        };
        // Gather everything that changes until the files are quiet.
        let mut changed: BTreeSet<PathBuf> = paths.into_iter().collect();
        let deadline = Instant::now() + Duration::from_millis(500);
        while let Ok(more) = rx.recv_timeout(QUIET) {
            changed.extend(more);
            if Instant::now() > deadline {
                break;
            }
        }
        for (i, job) in jobs.iter().enumerate() {
            // Never the PDF itself (it may sit beside the leaflet).
            let target = absolute(&job.target);
            if changed.iter().any(|c| *c != target && read[i].contains(c)) {
                read[i] = build(engine, job, quiet);
            }
        }
        watch_folders(&read, &mut folders);
    }
    if !quiet {
        eprintln!("[{}] stopped", clock());
    }
    true
}
