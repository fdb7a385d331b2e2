//! `extract`: read and clean inputs without storing anything, for looking at what the
//! extractor makes of a page (and for scoring it). Inputs are processed on one thread per
//! core and come back in input order; non-articles come back too, marked, with their text.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use parallax_extract::extract;
use parallax_ingest::{discover, read};

use crate::contract::ExtractedJson;
use crate::{Config, Failure};

/// Everything `extract` did, in input order.
#[derive(Debug, Default)]
pub struct ExtractRun {
    /// Every document read, articles or not (`not_article` says why not).
    pub items: Vec<ExtractedJson>,
    pub failed: Vec<Failure>,
    /// Records passed over on purpose (an archive's images, a feed item with no text).
    pub skipped: Vec<Failure>,
}

type Outcome = (Vec<ExtractedJson>, Vec<Failure>, Vec<Failure>);

/// Reads and cleans every input under `paths`; nothing is stored.
pub fn extract_paths(paths: &[PathBuf], config: &Config) -> ExtractRun {
    let (inputs, walk_errors) = discover(paths);
    let threads = match config.threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, Outcome)> = std::thread::scope(|scope| {
        scope.spawn(parallax_extract::warm_up);
        let workers: Vec<_> = (0..threads.min(inputs.len().max(1)))
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(input) = inputs.get(i) else { break };
                        mine.push((i, one(input, config)));
                    }
                    mine
                })
            })
            .collect();
        // A worker only panics outside `one`'s catch_unwind, which nothing there can do.
        workers.into_iter().flat_map(|w| w.join().unwrap_or_default()).collect()
    });
    done.sort_by_key(|(i, _)| *i);
    let mut run = ExtractRun::default();
    run.failed.extend(walk_errors.iter().map(|e| Failure { source: e.path().to_string(), reason: e.to_string() }));
    for (_, (items, failed, skipped)) in done {
        run.items.extend(items);
        run.failed.extend(failed);
        run.skipped.extend(skipped);
    }
    run
}

fn one(input: &parallax_ingest::Input, config: &Config) -> Outcome {
    let shown = input.display();
    // A panic in a stage is a bug, but one input must not take the batch down with it.
    let outcome = std::panic::catch_unwind(|| {
        read(input, &config.read).map(|o| {
            let items = o.docs.iter().map(|doc| ExtractedJson::new(&extract(doc, &config.extract))).collect();
            let failed =
                o.errors.iter().map(|e| Failure { source: e.path().to_string(), reason: e.to_string() }).collect();
            let skipped = o.skipped.into_iter().map(|s| Failure { source: s.source, reason: s.reason }).collect();
            (items, failed, skipped)
        })
    });
    match outcome {
        Ok(Ok(done)) => done,
        Ok(Err(e)) => (Vec::new(), vec![Failure { source: shown, reason: e.to_string() }], Vec::new()),
        Err(_) => {
            let reason = format!("{shown}: internal error while reading (a bug: please report it)");
            (Vec::new(), vec![Failure { source: shown, reason }], Vec::new())
        }
    }
}
