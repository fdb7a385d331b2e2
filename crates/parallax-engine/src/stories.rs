//! The clustering pass after each ingest: every stored article without a story (this run's, and
//! any a killed run left) goes through the clusterer in arrival order; assignments, merges, story
//! descriptions and the clusterer's state are saved in one transaction.

use std::collections::BTreeSet;

use parallax_core::{ArticleId, Story};
use parallax_store::{Store, StoryUpdate, STORIES_STATE};
use parallax_stories::{StoryClusterer, StoryConfig};
use rustc_hash::FxHashMap;

use crate::{Error, Result, Run};

/// Loads the clusterer the store saved, or starts one.
pub(crate) fn load(store: &Store, config: &StoryConfig) -> Result<StoryClusterer> {
    match store.state(STORIES_STATE)? {
        Some(bytes) => serde_json::from_slice(&bytes).map_err(|e| {
            Error::State(format!("{}: the saved story clusterer is unreadable: {e}", store.path().display()))
        }),
        None => Ok(StoryClusterer::new(config.clone())),
    }
}

/// Clusters every stored article that has no story yet, then fills `story` on the run's articles.
pub(crate) fn cluster(store: &mut Store, clusterer: &mut StoryClusterer, run: &mut Run) -> Result<()> {
    let pending = store.unclustered()?;
    if !pending.is_empty() {
        let mut update = StoryUpdate::default();
        let mut touched: BTreeSet<String> = BTreeSet::new();
        let mut assigned: FxHashMap<ArticleId, String> = FxHashMap::default();
        for record in &pending {
            let a = &record.article;
            // An exact copy goes where its original went, without weighing on the story's terms.
            let original_story = match &a.duplicate_of {
                Some(original) => match assigned.get(original) {
                    Some(s) => Some(s.clone()),
                    None => store.get(original.as_str())?.and_then(|r| r.story),
                },
                None => None,
            };
            let story = match original_story {
                Some(s) => clusterer.current(&s).unwrap_or(&s).to_string(),
                None => {
                    let assignment =
                        clusterer.add(a.id.as_str(), a.published.map(|p| p.date()), a.title.as_deref(), &a.text);
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
        update.stories = touched.iter().filter_map(|id| describe(clusterer, id)).collect();
        update.state =
            serde_json::to_vec(clusterer).map_err(|e| Error::State(format!("cannot save the story clusterer: {e}")))?;
        store.save_stories(&update)?;
    }
    for item in &mut run.articles {
        item.story = store.get(item.article.id.as_str())?.and_then(|r| r.story);
    }
    Ok(())
}

/// The story `id` as the store keeps it: a merged story points at the one it joined.
fn describe(clusterer: &StoryClusterer, id: &str) -> Option<Story> {
    let current = clusterer.current(id)?;
    if current != id {
        return Some(Story {
            id: id.to_string(),
            title: None,
            key_terms: Vec::new(),
            first: None,
            last: None,
            merged_into: Some(current.to_string()),
        });
    }
    let s = clusterer.summary(id)?;
    Some(Story { id: s.id, title: s.title, key_terms: s.key_terms, first: s.first, last: s.last, merged_into: None })
}
