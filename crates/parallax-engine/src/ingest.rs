//! One ingest run: discover inputs, read and clean them on worker threads, store them in input
//! order, one transaction per input.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use parallax_core::document::Document;
use parallax_core::{Article, Mention, TimeExpr};
use parallax_extract::extract;
use parallax_ingest::{discover, read, Input};
use parallax_nlp::quotes::QuoteModel;
use parallax_store::{Record, Store, Stored};

use crate::{with_source, Config, Progress, Result};

/// What became of one article of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Added,
    /// An exact copy of an earlier article (its body is stored once).
    Duplicate,
    /// Stored by an earlier run; nothing was written.
    Existing,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Added => "added",
            Status::Duplicate => "duplicate",
            Status::Existing => "existing",
        }
    }
}

/// One article of a run: as stored (its `story` set by this run's clustering), and what the
/// run did with it.
#[derive(Debug, Clone)]
pub struct RunArticle {
    pub record: Record,
    pub status: Status,
}

/// An input, or one record of it, that was not stored, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Failure {
    pub source: String,
    pub reason: String,
}

/// Everything one run did, in input order.
#[derive(Debug, Default)]
pub struct Run {
    pub articles: Vec<RunArticle>,
    /// Inputs that could not be read (unreadable, binary, empty, too large, bad JSON line).
    pub failed: Vec<Failure>,
    /// Inputs read fine that hold no article (nothing left after cleaning: an error page).
    pub skipped: Vec<Failure>,
    pub inputs: usize,
}

impl Run {
    pub fn count(&self, status: &Status) -> usize {
        self.articles.iter().filter(|a| &a.status == status).count()
    }

    /// Its counts, failures and skipped inputs.
    pub fn summary(&self) -> crate::contract::RunSummary {
        crate::contract::RunSummary::new(self)
    }
}

/// What a worker made of one input.
struct Prepared {
    shown: String,
    records: Vec<Record>,
    failed: Vec<Failure>,
    skipped: Vec<Failure>,
}

pub(crate) fn run(store: &mut Store, config: &Config, paths: &[PathBuf], progress: &dyn Progress) -> Result<Run> {
    let (inputs, walk_errors) = discover(paths);
    let mut run = Run { inputs: inputs.len(), ..Run::default() };
    run.failed.extend(walk_errors.iter().map(|e| Failure { source: e.path().to_string(), reason: e.to_string() }));
    progress.start(inputs.len());

    let threads = match config.threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::sync_channel::<(usize, Prepared)>(threads * 4);
    let mut result = Ok(());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (next, inputs) = (&next, &inputs);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(input) = inputs.get(i) else { break };
                if tx.send((i, prepare(input, config))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        // Store in input order, whatever order the workers finish in.
        let mut pending = BTreeMap::new();
        let mut want = 0;
        for (i, prepared) in rx.iter() {
            pending.insert(i, prepared);
            while let Some(prepared) = pending.remove(&want) {
                want += 1;
                if result.is_ok() {
                    result = commit(store, prepared, &mut run, progress);
                }
            }
            if result.is_err() {
                // Let the workers drain; nothing more is stored.
                next.store(usize::MAX / 2, Ordering::Relaxed);
            }
        }
    });
    progress.finish();
    result.map(|()| run)
}

fn prepare(input: &Input, config: &Config) -> Prepared {
    let shown = input.display();
    let mut prepared = Prepared { shown: shown.clone(), records: Vec::new(), failed: Vec::new(), skipped: Vec::new() };
    // A panic in a stage is a bug, but one input must not take the batch down with it.
    let outcome = std::panic::catch_unwind(|| {
        read(input, &config.read).map(|o| {
            let records: Vec<Result<Record, Failure>> = o
                .docs
                .iter()
                .map(|doc| {
                    let out = extract(doc, &config.extract);
                    if let Some(reason) = out.not_article {
                        return Err(Failure { source: doc.source.clone(), reason });
                    }
                    // A headline with no body left is still an article (a stub, a brief); with
                    // neither, the input was a page of junk.
                    if out.article.text.trim().is_empty() && out.article.title.is_none() {
                        return Err(Failure {
                            source: doc.source.clone(),
                            reason: "no article text left after cleaning (an error, consent or index page?)".into(),
                        });
                    }
                    let mut warnings = out.warnings;
                    if out.article.text.is_empty() {
                        warnings.push("no body text left after cleaning: only the title is kept".into());
                    }
                    // Analysed once; every stage reads the same document.
                    let doc = Document::of(&out.article);
                    let times = tag_times(&out.article, &doc);
                    let quotes = parallax_nlp::quotes::find_with(&doc, &config.quotes, QuoteModel::embedded());
                    let mentions = find_mentions(&out.article, &doc);
                    Ok(Record { article: out.article, warnings, story: None, times, quotes, mentions })
                })
                .collect();
            (records, o.errors, o.skipped)
        })
    });
    match outcome {
        Ok(Ok((records, errors, skipped))) => {
            prepared.skipped.extend(skipped.into_iter().map(|s| Failure { source: s.source, reason: s.reason }));
            for r in records {
                match r {
                    Ok(record) => prepared.records.push(record),
                    Err(skip) => prepared.skipped.push(skip),
                }
            }
            prepared
                .failed
                .extend(errors.iter().map(|e| Failure { source: e.path().to_string(), reason: e.to_string() }));
        }
        Ok(Err(e)) => prepared.failed.push(Failure { source: shown, reason: e.to_string() }),
        Err(_) => prepared.failed.push(Failure {
            source: shown.clone(),
            reason: format!("{shown}: internal error while reading (a bug: please report it)"),
        }),
    }
    prepared
}

/// The article's time expressions (`doc` is its document), anchored at its publication day.
pub(crate) fn tag_times(article: &Article, doc: &Document<'_>) -> Vec<TimeExpr> {
    parallax_nlp::time::tag(doc, article.published.map(|p| p.date()))
}

/// The article's entity mentions (`doc` is its document), without its own outlet ("Varnia
/// Today" in Varnia Today's article is who wrote it, not who is in it).
pub(crate) fn find_mentions(article: &Article, doc: &Document<'_>) -> Vec<Mention> {
    let mut mentions = parallax_nlp::entities::mentions(doc);
    if let Some(outlet) = &article.outlet {
        parallax_nlp::entities::drop_outlet(&mut mentions, outlet);
    }
    mentions
}

/// Fills in what an article stored by an earlier version lacks: time expressions, quotes,
/// mentions.
pub(crate) fn complete(mut r: Record) -> Record {
    if !(r.times.is_empty() || r.quotes.is_empty() || r.mentions.is_empty()) {
        return r;
    }
    let doc = Document::of(&r.article);
    if r.times.is_empty() {
        r.times = tag_times(&r.article, &doc);
    }
    if r.quotes.is_empty() {
        r.quotes = parallax_nlp::quotes::find(&doc);
    }
    if r.mentions.is_empty() {
        r.mentions = find_mentions(&r.article, &doc);
    }
    r
}

fn commit(store: &mut Store, prepared: Prepared, run: &mut Run, progress: &dyn Progress) -> Result<()> {
    let outcomes = store.add(&prepared.records)?;
    for (record, outcome) in prepared.records.into_iter().zip(outcomes) {
        let (status, record) = match outcome {
            Stored::Added => (Status::Added, record),
            Stored::Duplicate(of) => {
                let article = Article { duplicate_of: Some(of), ..record.article };
                (Status::Duplicate, Record { article, ..record })
            }
            Stored::Existing => match store.get(record.article.id.as_str())? {
                // Stored by an earlier run, perhaps before times, quotes or mentions were.
                Some(r) => {
                    let article = with_source(r.article, &record.article.source);
                    (Status::Existing, complete(Record { article, warnings: record.warnings, ..r }))
                }
                None => (Status::Existing, record),
            },
        };
        run.articles.push(RunArticle { record, status });
    }
    run.failed.extend(prepared.failed);
    run.skipped.extend(prepared.skipped);
    progress.advance(&prepared.shown);
    Ok(())
}
