//! Fills in, once, what a store written by an older Parallax lacks, when the engine opens it:
//! the analyses (time expressions, quotes, mentions) of articles stored before every one was
//! kept with its version; the story clusterer's state kept as one blob, converted to rows; the
//! near-duplicate index of stores from before it was kept. Afterwards every reader trusts the
//! store. Each step commits in batches, so an interrupted upgrade resumes where it stopped.

use parallax_store::{Store, NEAR_STATE, STORIES_STATE};
use parallax_stories::StoryClusterer;

use crate::ingest::complete;
use crate::{stories, Error, Result};

/// Articles per transaction.
const BATCH: usize = 256;

pub(crate) fn upgrade(store: &mut Store) -> Result<()> {
    analyses(store)?;
    clusterer(store)?;
    near_index(store)
}

fn analyses(store: &mut Store) -> Result<()> {
    loop {
        let records = store.unanalysed(BATCH)?;
        if records.is_empty() {
            return Ok(());
        }
        let records: Vec<_> = records.into_iter().map(complete).collect();
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
