//! The clustering pass after each ingest: every stored article without a story (this run's, and
//! any a killed run left) is checked for being a near-duplicate of an earlier article (then it is
//! linked to the earliest published version and takes its story) and otherwise goes through the
//! clusterer, in arrival order; links, assignments, merges, story descriptions and the
//! clusterer's state are saved in one transaction.

use std::collections::BTreeSet;

use parallax_core::document::Document;
use parallax_core::{ArticleId, Published};
use parallax_dedup::{DedupConfig, NearDupIndex};
use parallax_store::{Store, StoryUpdate, STORIES_STATE};
use parallax_stories::{StoryClusterer, StoryConfig};
use rustc_hash::FxHashMap;

use crate::{Error, Result, Run};

/// Loads the clusterer the store saved, or starts one.
pub(crate) fn load(store: &Store, config: &StoryConfig) -> Result<StoryClusterer> {
    match store.state(STORIES_STATE)? {
        Some(bytes) => serde_json::from_slice(&bytes)
            .map_err(|source| Error::StateUnreadable { path: store.path().to_path_buf(), source }),
        None => Ok(StoryClusterer::new(config.clone())),
    }
}

/// The near-duplicate index over every clustered article's text, in arrival order.
pub(crate) fn near_index(store: &Store, config: &DedupConfig) -> Result<NearDupIndex> {
    let mut index = NearDupIndex::new(config.clone());
    for record in store.all()? {
        if record.story.is_some() && record.article.duplicate_of.is_none() {
            index.add(record.article.id.as_str(), &record.article.text);
        }
    }
    Ok(index)
}

/// Clusters every stored article that has no story yet, then fills `story` (and near-duplicate
/// links) on the run's articles.
pub(crate) fn cluster(
    store: &mut Store,
    clusterer: &mut StoryClusterer,
    near: &mut NearDupIndex,
    run: &mut Run,
) -> Result<()> {
    let pending = store.unclustered()?;
    if !pending.is_empty() {
        let mut update = StoryUpdate::default();
        let mut touched: BTreeSet<String> = BTreeSet::new();
        let mut assigned: FxHashMap<ArticleId, String> = FxHashMap::default();
        let mut published: FxHashMap<ArticleId, Option<Published>> = FxHashMap::default();
        // copy -> original, for near-duplicates found in this pass.
        let mut links: FxHashMap<ArticleId, ArticleId> = FxHashMap::default();
        for record in &pending {
            let a = &record.article;
            published.insert(a.id.clone(), a.published);
            // A near-duplicate (a syndicated copy with a new headline, a trimmed ending) is a copy
            // of the earliest published version; it never counts as coverage of its own.
            let mut copy_of = a.duplicate_of.clone();
            if copy_of.is_none() {
                if let Some(link) = near.add(a.id.as_str(), &a.text) {
                    let found = ArticleId::from_string(link.original);
                    let root = root_of(&found, &links);
                    let root_date = match published.get(&root) {
                        Some(d) => *d,
                        None => store.get(root.as_str())?.and_then(|r| r.article.published),
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
                    None => store.get(original.as_str())?.and_then(|r| r.story),
                },
                None => None,
            };
            let story = match original_story {
                Some(s) => clusterer.current(&s).unwrap_or(&s).to_string(),
                None => {
                    let assignment = clusterer.add(a.id.as_str(), a.published.map(|p| p.date()), &Document::of(a));
                    for merged in &assignment.merged {
                        update.merges.push((merged.clone(), assignment.story.clone(), a.id.clone()));
                        touched.insert(merged.clone());
                    }
                    assignment.story
                }
            };
            touched.insert(story.clone());
            assigned.insert(a.id.clone(), story.clone());
            update.assignments.push((a.id.clone(), story));
        }
        update.copies = links.keys().map(|copy| (copy.clone(), root_of(copy, &links))).collect();
        update.copies.sort();
        update.stories = touched.iter().filter_map(|id| clusterer.story(id)).collect();
        update.state = serde_json::to_vec(clusterer).map_err(|source| Error::StateUnwritable { source })?;
        store.save_stories(&update)?;
    }
    for item in &mut run.articles {
        let r = &mut item.record;
        if let Some(stored) = store.get(r.article.id.as_str())? {
            r.story = stored.story;
            r.article.duplicate_of = stored.article.duplicate_of;
        }
    }
    Ok(())
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
