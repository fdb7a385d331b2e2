//! Timelines over a run's articles, a story's or the store's: feeds articles and their time
//! expressions to `parallax_nlp::time::Timeline` and gives each entry the story of the article
//! that first reported it.

use std::collections::HashMap;

use parallax_core::document::Document;
use parallax_core::{Article, TimeExpr, TimelineEntry};
use parallax_nlp::time::{Timeline, TimelineConfig};

use crate::contract::TimelineJson;
use crate::Record;

/// Largest story timeline whose statements are compared pairwise for shared happenings.
const MAX_RECONCILE: usize = 2000;

/// An article on its way into a timeline: its time expressions and its story.
type Item<'a> = (&'a Article, &'a [TimeExpr], Option<&'a str>);

/// The timeline of these articles, oldest first.
pub(crate) fn timeline_of<'a>(
    records: impl IntoIterator<Item = &'a Record>,
    config: &TimelineConfig,
) -> Vec<TimelineJson> {
    let items: Vec<Item<'_>> =
        records.into_iter().map(|r| (&r.article, r.times.as_slice(), r.story.as_deref())).collect();
    build(&items, config)
}

/// The timeline of `items`.
fn build(items: &[Item<'_>], config: &TimelineConfig) -> Vec<TimelineJson> {
    let stories: HashMap<&str, &str> =
        items.iter().filter_map(|(a, _, story)| story.map(|s| (a.id.as_str(), s))).collect();
    let mut timeline = Timeline::default();
    for (article, times, _) in items {
        // One document per article, dropped once its statements are in.
        timeline.add(article, &Document::of(article), times);
    }
    // Differently worded reports of one happening are matched within a story only: across
    // stories, alike sentences are about look-alike events.
    let mut by_story: Vec<(Option<String>, Vec<TimelineEntry>)> = Vec::new();
    let mut group: HashMap<Option<String>, usize> = HashMap::new();
    for entry in timeline.entries() {
        let story = entry.articles.first().and_then(|id| stories.get(id.as_str())).map(|s| s.to_string());
        let g = *group.entry(story.clone()).or_insert_with(|| {
            by_story.push((story, Vec::new()));
            by_story.len() - 1
        });
        by_story[g].1.push(entry);
    }
    let mut out: Vec<TimelineJson> = Vec::new();
    for (story, entries) in by_story {
        // Pairwise within a story; a story of thousands of dated statements is left as it is.
        let entries = if story.is_some() && entries.len() <= MAX_RECONCILE {
            parallax_nlp::time::reconcile(entries, config)
        } else {
            entries
        };
        out.extend(entries.iter().map(|entry| TimelineJson::new(entry, story.clone())));
    }
    out.sort_by(|a, b| a.entry.date.cmp(&b.entry.date));
    out
}
