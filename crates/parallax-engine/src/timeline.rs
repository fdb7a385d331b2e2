//! Timelines over a run's articles or the store's: feeds articles and their time expressions
//! to `parallax_nlp::time::timeline` and gives each entry the story of the article that first
//! reported it.

use std::collections::HashMap;

use parallax_core::{Article, TimeExpr, TimelineEntry};

use crate::{Engine, Record, Result, Run};

/// Largest story timeline whose statements are compared pairwise for shared happenings.
const MAX_RECONCILE: usize = 2000;

/// A timeline entry with its story (none until the article is clustered).
#[derive(Debug, Clone)]
pub struct Dated {
    pub entry: TimelineEntry,
    pub story: Option<String>,
}

/// The timeline of the articles of one run.
pub fn timeline_of(run: &Run) -> Vec<Dated> {
    let items: Vec<(&Article, &[TimeExpr], Option<&str>)> =
        run.articles.iter().map(|a| (&a.article, a.times.as_slice(), a.story.as_deref())).collect();
    build(&items)
}

fn of_records(records: &[Record]) -> Vec<Dated> {
    let items: Vec<(&Article, &[TimeExpr], Option<&str>)> =
        records.iter().map(|r| (&r.article, r.times.as_slice(), r.story.as_deref())).collect();
    build(&items)
}

fn build(items: &[(&Article, &[TimeExpr], Option<&str>)]) -> Vec<Dated> {
    let stories: HashMap<&str, &str> =
        items.iter().filter_map(|(a, _, story)| story.map(|s| (a.id.as_str(), s))).collect();
    let input: Vec<(&Article, &[TimeExpr])> = items.iter().map(|(a, t, _)| (*a, *t)).collect();
    // Differently worded reports of one happening are matched within a story only: across
    // stories, alike sentences are about look-alike events.
    let mut by_story: Vec<(Option<String>, Vec<TimelineEntry>)> = Vec::new();
    let mut group: HashMap<Option<String>, usize> = HashMap::new();
    for entry in parallax_nlp::time::timeline(&input) {
        let story = entry.articles.first().and_then(|id| stories.get(id.as_str())).map(|s| s.to_string());
        let g = *group.entry(story.clone()).or_insert_with(|| {
            by_story.push((story, Vec::new()));
            by_story.len() - 1
        });
        by_story[g].1.push(entry);
    }
    let mut out: Vec<Dated> = Vec::new();
    for (story, entries) in by_story {
        // Pairwise within a story; a story of thousands of dated statements is left as it is.
        let entries = if story.is_some() && entries.len() <= MAX_RECONCILE {
            parallax_nlp::time::reconcile(entries)
        } else {
            entries
        };
        out.extend(entries.into_iter().map(|entry| Dated { entry, story: story.clone() }));
    }
    out.sort_by(|a, b| a.entry.date.cmp(&b.entry.date));
    out
}

impl Engine {
    /// The timeline of one story (by id; None when there is no such story), or of the whole
    /// store.
    pub fn timeline(&self, story: Option<&str>) -> Result<Option<Vec<Dated>>> {
        match story {
            Some(id) => Ok(self.story(id)?.map(|(_, records)| of_records(&records))),
            None => Ok(Some(of_records(&self.articles()?))),
        }
    }
}
