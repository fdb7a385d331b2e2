//! The clustering pass after each ingest: every stored article without a story (this run's, and
//! any a killed run left) is checked for being a near-duplicate of an earlier article (then it is
//! linked to the earliest published version and takes its story) and otherwise goes through the
//! clusterer, in arrival order; links, assignments, merges, story descriptions, the clusterer's
//! changed state and the near-duplicate index's are saved in one transaction.
//!
//! The pass reads only what its articles touch: the store's buckets for each article's band
//! keys, and the clusterer's rows for its terms and candidate stories. Rebuilding the index or
//! loading the clusterer whole would cost time in proportion to the store on every run.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use parallax_core::document::Document;
use parallax_core::{ArticleId, Published};
use parallax_dedup::{find_copy, sign, DedupConfig, Documents, Signed};
use parallax_store::{ClusterRows, ClusterStory, Pending, Store, StoryUpdate, CLUSTERER_STATE};
use parallax_stories::{Changes, Globals, SavedState, SavedStory, StoryClusterer, StoryConfig, StoryHead, TermRow};
use rustc_hash::FxHashMap;

use crate::{Config, Error, Result, Run};

/// Clusters every stored article that has no story yet, then fills `story` (and near-duplicate
/// links) on the run's articles.
pub(crate) fn cluster(store: &mut Store, config: &Config, run: &mut Run) -> Result<()> {
    let pending = store.unclustered()?;
    if !pending.is_empty() {
        let update = pass(store, config, &pending)?;
        store.save_stories(&update)?;
    }
    let ids: Vec<&ArticleId> = run.articles.iter().map(|a| &a.record.article.id).collect();
    let placed: FxHashMap<ArticleId, _> = store.placements(&ids)?.into_iter().map(|p| (p.id.clone(), p)).collect();
    for item in &mut run.articles {
        let r = &mut item.record;
        if let Some(p) = placed.get(&r.article.id) {
            r.story = p.story.clone();
            r.article.duplicate_of = p.duplicate_of.clone();
        }
    }
    Ok(())
}

/// One pass over the pending articles, in arrival order: what to save.
fn pass(store: &Store, config: &Config, pending: &[Pending]) -> Result<StoryUpdate> {
    let saved = Saved(store);
    let globals: Globals = match store.state(CLUSTERER_STATE)? {
        Some(bytes) => serde_json::from_slice(&bytes)
            .map_err(|source| Error::StateUnreadable { path: store.path().to_path_buf(), source })?,
        None => Globals::new(config.stories.clone()),
    };
    // Stories already formed under the store's settings would not be comparable with ones formed
    // under others, so a store keeps its own; say so rather than ignore the request silently.
    if globals.config() != &config.stories && config.stories != StoryConfig::default() {
        tracing::warn!(
            store = %store.path().display(),
            "the store keeps the [stories] settings it started with; the ones given are not applied"
        );
    }
    let mut clusterer = StoryClusterer::resume(globals);
    let mut near = Near::new(store, &config.dedup);
    let mut update = StoryUpdate::default();
    let mut touched: BTreeSet<String> = BTreeSet::new();
    let mut assigned: FxHashMap<ArticleId, String> = FxHashMap::default();
    let mut published: FxHashMap<ArticleId, Option<Published>> = FxHashMap::default();
    // copy -> original, for near-duplicates found in this pass.
    let mut links: FxHashMap<ArticleId, ArticleId> = FxHashMap::default();
    for Pending { seq, article: a } in pending {
        published.insert(a.id.clone(), a.published);
        // A near-duplicate (a syndicated copy with a new headline, a trimmed ending) is a copy
        // of the earliest published version; it never counts as coverage of its own.
        let mut copy_of = a.duplicate_of.clone();
        if copy_of.is_none() {
            if let Some(found) = near.add(*seq, &a.id, &a.text)? {
                let root = root_of(&found, &links);
                let root_date = match published.get(&root) {
                    Some(d) => *d,
                    None => placement(store, &root)?.and_then(|p| p.published),
                };
                // The earliest published version is the original; ties go to the smaller id, so
                // the choice does not depend on arrival order.
                if precedes((a.published, &a.id), (root_date, &root)) {
                    links.insert(root, a.id.clone());
                } else {
                    links.insert(a.id.clone(), root.clone());
                    copy_of = Some(root);
                }
            }
        }
        // A copy goes where its original went, without weighing on the story's terms.
        let original_story = match &copy_of {
            Some(original) => match assigned.get(original) {
                Some(s) => Some(s.clone()),
                None => placement(store, original)?.and_then(|p| p.story),
            },
            None => None,
        };
        let story = match original_story {
            Some(s) => clusterer.current_from(&saved, &s)?.unwrap_or(s),
            None => {
                let doc = Document::of(a);
                let assignment = clusterer.add_from(&saved, a.id.as_str(), a.published.map(|p| p.date()), &doc)?;
                for merged in &assignment.merged {
                    update.merges.push((merged.clone(), assignment.story.clone(), a.id.clone()));
                    touched.insert(merged.clone());
                }
                assignment.story
            }
        };
        tracing::debug!(article = %a.id, story = %story, copy_of = ?copy_of.as_ref().map(ArticleId::as_str), "clustered");
        touched.insert(story.clone());
        assigned.insert(a.id.clone(), story.clone());
        update.assignments.push((a.id.clone(), story));
    }
    update.copies = links.keys().map(|copy| (copy.clone(), root_of(copy, &links))).collect();
    update.copies.sort();
    for id in &touched {
        update.stories.extend(clusterer.story_from(&saved, id)?);
    }
    update.clusterer = rows(clusterer.take_changes())?;
    (update.near_added, update.near_removed) = near.changes(&update.copies)?;
    Ok(update)
}

fn placement(store: &Store, id: &ArticleId) -> Result<Option<parallax_store::Placement>> {
    Ok(store.placements(&[id])?.into_iter().next())
}

/// The original a copy leads to, following this pass's links.
fn root_of(id: &ArticleId, links: &FxHashMap<ArticleId, ArticleId>) -> ArticleId {
    let mut id = id;
    for _ in 0..links.len() + 1 {
        match links.get(id) {
            Some(next) if next != id => id = next,
            _ => break,
        }
    }
    id.clone()
}

/// Whether article `a` comes before `b` as the original of a copy: published earlier
/// ([`Published::chronological`]), then the smaller id.
fn precedes(a: (Option<Published>, &ArticleId), b: (Option<Published>, &ArticleId)) -> bool {
    Published::chronological(a.0.as_ref(), b.0.as_ref()).then_with(|| a.1.cmp(b.1)).is_lt()
}

/// The clusterer's changes as the store's rows.
pub(crate) fn rows(changes: Changes) -> Result<ClusterRows> {
    let to_json = |source| Error::StateUnwritable { source };
    Ok(ClusterRows {
        globals: serde_json::to_vec(&changes.globals).map_err(to_json)?,
        terms: changes.terms.into_iter().map(|t| (t.term, t.df, t.word)).collect(),
        postings: changes.postings,
        stories: changes
            .stories
            .into_iter()
            .map(|(head, story)| {
                Ok(ClusterStory {
                    number: head.number,
                    id: head.id,
                    first: head.first,
                    last: head.last,
                    merged_into: head.merged_into,
                    state: serde_json::to_vec(&story).map_err(to_json)?,
                })
            })
            .collect::<Result<_>>()?,
    })
}

/// The clusterer's saved state, read from the store.
struct Saved<'a>(&'a Store);

impl SavedState for Saved<'_> {
    type Error = Error;

    fn terms(&self, terms: &[u64]) -> Result<Vec<TermRow>> {
        Ok(self.0.cluster_terms(terms)?.into_iter().map(|(term, df, word)| TermRow { term, df, word }).collect())
    }

    fn postings(&self, term: u64, limit: usize) -> Result<Vec<u32>> {
        Ok(self.0.cluster_postings(term, limit)?)
    }

    fn heads(&self, stories: &[u32]) -> Result<Vec<StoryHead>> {
        Ok(self
            .0
            .cluster_stories(stories, false)?
            .into_iter()
            .map(|s| StoryHead { number: s.number, id: s.id, first: s.first, last: s.last, merged_into: s.merged_into })
            .collect())
    }

    fn stories(&self, stories: &[u32]) -> Result<Vec<(u32, SavedStory)>> {
        self.0
            .cluster_stories(stories, true)?
            .into_iter()
            .map(|s| {
                let story = serde_json::from_slice(&s.state).map_err(|source| Error::StoryUnreadable {
                    path: self.0.path().to_path_buf(),
                    story: s.id.clone(),
                    source,
                })?;
                Ok((s.number, story))
            })
            .collect()
    }

    fn story_number(&self, id: &str) -> Result<Option<u32>> {
        Ok(self.0.cluster_story_number(id)?)
    }
}

/// (seq, band keys) of documents.
type Bands = Vec<(i64, Vec<u64>)>;

/// The near-duplicate index during one pass: the store's, and this pass's documents, which are
/// saved at its end. Documents are numbered by arrival (`seq`).
struct Near<'a> {
    store: &'a Store,
    config: DedupConfig,
    /// This pass's documents.
    added: BTreeMap<i64, (ArticleId, Signed)>,
    /// This pass's buckets, oldest first.
    buckets: FxHashMap<(usize, u64), Vec<i64>>,
    /// Stored documents found as originals, by id.
    found: FxHashMap<ArticleId, i64>,
}

impl<'a> Near<'a> {
    fn new(store: &'a Store, config: &DedupConfig) -> Near<'a> {
        Near {
            store,
            config: config.clone(),
            added: BTreeMap::new(),
            buckets: FxHashMap::default(),
            found: FxHashMap::default(),
        }
    }

    /// Adds a document and returns the earlier one it copies, if any.
    fn add(&mut self, seq: i64, id: &ArticleId, text: &str) -> Result<Option<ArticleId>> {
        let signed = sign(text);
        let original = match find_copy(&self.config, &signed, &*self)? {
            Some(found) => {
                let doc = found.doc as i64;
                Some(match self.added.get(&doc) {
                    Some((id, _)) => id.clone(),
                    None => {
                        let id = self.store.near_document(doc)?.0;
                        self.found.insert(id.clone(), doc);
                        id
                    }
                })
            }
            None => None,
        };
        for (band, key) in signed.bands.iter().enumerate() {
            self.buckets.entry((band, *key)).or_default().push(seq);
        }
        self.added.insert(seq, (id.clone(), signed));
        Ok(original)
    }

    /// What the index keeps after the pass: this pass's documents that are not copies enter it,
    /// and stored ones found to be copies leave it.
    fn changes(&self, copies: &[(ArticleId, ArticleId)]) -> Result<(Bands, Bands)> {
        let copies: FxHashMap<&ArticleId, ()> = copies.iter().map(|(c, _)| (c, ())).collect();
        let added = self
            .added
            .iter()
            .filter(|(_, (id, _))| !copies.contains_key(id))
            .map(|(seq, (_, signed))| (*seq, signed.bands.to_vec()))
            .collect();
        let mut removed = Vec::new();
        for (id, &seq) in &self.found {
            if copies.contains_key(id) {
                removed.push((seq, sign(&self.store.near_document(seq)?.1).bands.to_vec()));
            }
        }
        removed.sort();
        Ok((added, removed))
    }
}

impl Documents for Near<'_> {
    type Error = Error;

    fn buckets(&self, keys: &[u64; parallax_dedup::BANDS], limit: usize) -> Result<Vec<Vec<u64>>> {
        let stored = self.store.near_buckets(keys, limit)?;
        Ok(stored
            .into_iter()
            .zip(keys.iter().enumerate())
            .map(|(mut docs, (band, key))| {
                if let Some(list) = self.buckets.get(&(band, *key)) {
                    docs.extend(list.iter().rev().take(limit));
                }
                docs.sort_unstable_by(|a, b| b.cmp(a));
                docs.truncate(limit);
                docs.into_iter().map(|d| d as u64).collect()
            })
            .collect())
    }

    fn shingles(&self, doc: u64) -> Result<Cow<'_, [u64]>> {
        Ok(match self.added.get(&(doc as i64)) {
            Some((_, signed)) => Cow::Borrowed(&signed.shingles),
            None => Cow::Owned(parallax_dedup::shingles(&self.store.near_document(doc as i64)?.1)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> ArticleId {
        ArticleId::from_string(s.to_string())
    }

    #[test]
    fn the_original_is_the_earliest_instant_not_the_earliest_clock_reading() {
        let berlin: Published = "2026-03-20T09:30:00+01:00".parse().unwrap();
        let new_york: Published = "2026-03-20T06:05:00-04:00".parse().unwrap();
        // 08:30 UTC comes before 10:05 UTC although "09:30" reads later than "06:05" as text.
        assert!(precedes((Some(berlin), &id("b")), (Some(new_york), &id("a"))));
        assert!(!precedes((Some(new_york), &id("a")), (Some(berlin), &id("b"))));
    }

    #[test]
    fn a_bare_day_ties_with_a_time_that_day_and_the_smaller_id_wins() {
        let day: Published = "2026-03-20".parse().unwrap();
        let morning: Published = "2026-03-20T06:00:00Z".parse().unwrap();
        assert!(precedes((Some(day), &id("a")), (Some(morning), &id("b"))));
        assert!(precedes((Some(morning), &id("a")), (Some(day), &id("b"))));
        assert!(precedes((Some(day), &id("z")), (None, &id("a"))), "a dated version before an undated one");
    }
}
