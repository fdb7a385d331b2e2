//! One ingest run: discover inputs, read and clean them on worker threads, store them in input
//! order, one transaction per input. An article already stored (its id hashes the input's path
//! and bytes, so it is known before cleaning) is neither cleaned nor analysed again: the run
//! reads it back from the store.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Mutex, MutexGuard, PoisonError};

use parallax_core::document::Document;
use parallax_core::{Article, ArticleId, Mention, Quote, TimeExpr};
use parallax_extract::extract;
use parallax_ingest::{discover, read, Input};
use parallax_nlp::quotes::QuoteModel;
use parallax_store::{Record, Store, Stored};

use crate::{with_source, Config, Error, Progress, Result};

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
    /// Its articles, in input order.
    items: Vec<Item>,
    failed: Vec<Failure>,
    skipped: Vec<Failure>,
    /// The store could not say which articles it holds.
    error: Option<Error>,
}

enum Item {
    /// Cleaned and analysed, to be stored.
    New(Box<Record>),
    /// Stored by an earlier run: its id, and its source as this run gives it.
    Stored(ArticleId, String),
}

/// The store, shared by the thread that writes it and the workers that ask it which articles
/// it already holds.
fn lock<'a, 's>(store: &'a Mutex<&'s mut Store>) -> MutexGuard<'a, &'s mut Store> {
    // A panic while holding the lock cannot leave the store half-written: its transactions
    // roll back.
    store.lock().unwrap_or_else(PoisonError::into_inner)
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
    let store = Mutex::new(store);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (next, inputs, store) = (&next, &inputs, &store);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(input) = inputs.get(i) else { break };
                if tx.send((i, prepare(input, config, store))).is_err() {
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
                    result = commit(&mut lock(&store), prepared, &mut run, progress);
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

fn prepare(input: &Input, config: &Config, store: &Mutex<&mut Store>) -> Prepared {
    let shown = input.display();
    let mut prepared =
        Prepared { shown: shown.clone(), items: Vec::new(), failed: Vec::new(), skipped: Vec::new(), error: None };
    // A panic in a stage is a bug, but one input must not take the batch down with it.
    let outcome = std::panic::catch_unwind(|| {
        read(input, &config.read).map(|o| {
            let ids: Vec<&ArticleId> = o.docs.iter().map(|doc| &doc.id).collect();
            let stored: Result<HashSet<ArticleId>> =
                lock(store).existing(&ids).map(|ids| ids.into_iter().collect()).map_err(Error::from);
            let stored = match stored {
                Ok(stored) => stored,
                Err(e) => return (Vec::new(), Some(e), o.errors, o.skipped),
            };
            let items: Vec<Result<Item, Failure>> = o
                .docs
                .iter()
                .map(|doc| {
                    if stored.contains(&doc.id) {
                        return Ok(Item::Stored(doc.id.clone(), doc.source.clone()));
                    }
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
                    let (times, quotes, mentions) = analyse(&out.article, &doc, config);
                    Ok(Item::New(Box::new(Record {
                        article: out.article,
                        warnings,
                        story: None,
                        times,
                        quotes,
                        mentions,
                    })))
                })
                .collect();
            (items, None, o.errors, o.skipped)
        })
    });
    match outcome {
        Ok(Ok((items, error, errors, skipped))) => {
            prepared.error = error;
            prepared.skipped.extend(skipped.into_iter().map(|s| Failure { source: s.source, reason: s.reason }));
            for item in items {
                match item {
                    Ok(item) => prepared.items.push(item),
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

/// What the language stages find in an article analysed as `doc`: its time expressions, quotes
/// and entity mentions. A change to what they find bumps `parallax_store::ANALYSIS_VERSION`, so
/// stored articles are analysed again once (`upgrade`).
pub(crate) fn analyse(
    article: &Article,
    doc: &Document<'_>,
    config: &Config,
) -> (Vec<TimeExpr>, Vec<Quote>, Vec<Mention>) {
    let times = tag_times(article, doc);
    let quotes = parallax_nlp::quotes::find_with(doc, &config.quotes, QuoteModel::embedded());
    let mentions = find_mentions(article, doc);
    (times, quotes, mentions)
}

fn commit(store: &mut Store, prepared: Prepared, run: &mut Run, progress: &dyn Progress) -> Result<()> {
    if let Some(e) = prepared.error {
        return Err(e);
    }
    // The articles to store, and where each article of the input comes from: `None` for the
    // next one to store, else the id and source of one stored before.
    let mut new = Vec::new();
    let mut order: Vec<Option<(ArticleId, String)>> = Vec::with_capacity(prepared.items.len());
    for item in prepared.items {
        match item {
            Item::New(record) => {
                new.push(*record);
                order.push(None);
            }
            Item::Stored(id, source) => order.push(Some((id, source))),
        }
    }
    let outcomes = store.add(&new)?;
    // Articles stored before (by an earlier run, or earlier in this one) are read back at once.
    let ids: Vec<&ArticleId> = order
        .iter()
        .flatten()
        .map(|(id, _)| id)
        .chain(new.iter().zip(&outcomes).filter(|(_, o)| **o == Stored::Existing).map(|(r, _)| &r.article.id))
        .collect();
    let earlier: HashMap<ArticleId, Record> =
        store.records(&ids)?.into_iter().map(|r| (r.article.id.clone(), r)).collect();
    let stored_before = |id: &ArticleId, source: &str| -> Result<(Status, Record)> {
        let r = earlier.get(id).cloned().ok_or_else(|| parallax_store::Error::Missing {
            path: store.path().to_path_buf(),
            record: format!("article {id}"),
        })?;
        Ok((Status::Existing, Record { article: with_source(r.article, source), ..r }))
    };
    let mut new = new.into_iter().zip(outcomes);
    for from in order {
        let (status, record) = match from {
            Some((id, source)) => stored_before(&id, &source)?,
            None => match new.next().expect("one outcome per article stored") {
                (record, Stored::Added) => (Status::Added, record),
                (record, Stored::Duplicate(of)) => {
                    let article = Article { duplicate_of: Some(of), ..record.article };
                    (Status::Duplicate, Record { article, ..record })
                }
                (record, Stored::Existing) => stored_before(&record.article.id, &record.article.source)?,
            },
        };
        run.articles.push(RunArticle { record, status });
    }
    run.failed.extend(prepared.failed);
    run.skipped.extend(prepared.skipped);
    progress.advance(&prepared.shown);
    Ok(())
}
