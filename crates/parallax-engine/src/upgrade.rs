//! Fills in, once, what a store written by an older Parallax lacks, when the engine opens it:
//! the analyses (time expressions, quotes, mentions) of articles stored by older language
//! stages (or before analyses were versioned), found again; the story clusterer's state kept as one blob, converted to rows; the
//! near-duplicate index of stores from before it was kept. Afterwards every reader trusts the
//! store. Each step commits in batches, so an interrupted upgrade resumes where it stopped.

use parallax_store::{Store, NEAR_STATE, STORIES_STATE};
use parallax_stories::StoryClusterer;

use parallax_core::document::Document;

use crate::ingest::analyse;
use crate::{stories, Config, Error, Result};

/// Articles per transaction.
const BATCH: usize = 256;

pub(crate) fn upgrade(store: &mut Store, config: &Config) -> Result<()> {
    analyses(store, config)?;
    clusterer(store)?;
    near_index(store)
}

/// Analyses again every article whose stored analyses are older than the stages': an empty
/// list from before versions were kept may mean "not looked for", and a newer stage finds
/// other things (issue 14's quote scorer).
fn analyses(store: &mut Store, config: &Config) -> Result<()> {
    let mut done = 0;
    loop {
        let mut records = store.unanalysed(BATCH)?;
        if records.is_empty() {
            if done > 0 {
                tracing::info!(store = %store.path().display(), articles = done, "stored articles analysed again");
            }
            return Ok(());
        }
        for r in &mut records {
            (r.times, r.quotes, r.mentions) = analyse(&r.article, &Document::of(&r.article), config);
        }
        done += records.len();
        store.set_analyses(&records)?;
    }
}

fn clusterer(store: &mut Store) -> Result<()> {
    let Some(blob) = store.state(STORIES_STATE)? else { return Ok(()) };
    let mut whole: StoryClusterer = serde_json::from_slice(&blob)
        .map_err(|source| Error::StateUnreadable { path: store.path().to_path_buf(), source })?;
    // Holding its whole state, the clusterer hands all of it over as changes.
    let rows = stories::rows(whole.take_changes())?;
    Ok(store.convert_clusterer(&rows)?)
}

fn near_index(store: &mut Store) -> Result<()> {
    if store.state(NEAR_STATE)?.is_some() {
        return Ok(());
    }
    let mut after = 0;
    loop {
        let docs = store.near_originals(after, BATCH)?;
        let done = docs.len() < BATCH;
        after = docs.last().map_or(after, |(seq, _, _)| *seq);
        let rows: Vec<(i64, Vec<u64>)> =
            docs.iter().map(|(seq, _, text)| (*seq, parallax_dedup::sign(text).bands.to_vec())).collect();
        store.index_near(&rows, done)?;
        if done {
            return Ok(());
        }
    }
}
