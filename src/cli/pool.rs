//! Work on many files at once: a few worker threads taking the next item until none
//! is left, and a progress bar on a terminal. `build` and `list` share it.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// `work` on each item on up to `threads` threads, calling `each` as each finishes
/// (from the worker, in any order); returns the results in the items' order. One
/// item or one thread runs here, with no thread started.
pub fn in_parallel<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    work: &(dyn Fn(&T) -> R + Sync),
    each: &(dyn Fn(usize, &R) + Sync),
) -> Vec<R> {
    if threads <= 1 || items.len() <= 1 {
        return items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let done = work(item);
                each(i, &done);
                done
            })
            .collect();
    }
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<R>>> = items.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|s| {
        for _ in 0..threads.min(items.len()) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(i) else { break };
                let done = work(item);
                each(i, &done);
                *slots[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(done);
            });
        }
    });
    slots
        .into_iter()
        .map(|m| {
            m.into_inner()
                .unwrap_or_else(|e| e.into_inner())
                .expect("every item ran")
        })
        .collect()
}

/// A progress bar counting `len` items ("3/10 PDFs knee.yaml"), when stderr is a
/// terminal, there are more than `least`, and the user did not ask for quiet.
pub fn progress(len: usize, least: usize, what: &str, quiet: bool) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    (len > least && !quiet && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(len as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template(&format!("{{bar:30}} {{pos}}/{{len}} {what} {{msg}}"))
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    })
}

/// Moves the bar on by one finished file.
pub fn advance(bar: &Option<indicatif::ProgressBar>, file: &std::path::Path) {
    if let Some(bar) = bar {
        bar.set_message(
            file.file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
        );
        bar.inc(1);
    }
}
