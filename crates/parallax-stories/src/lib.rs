//! Stories: articles about the same real event grouped incrementally, as they arrive.
//!
//! Each article joins the most similar open story or opens a new one; nothing is re-clustered.
//! Similarity is the cosine of tf-idf vectors in which names and title words weigh more; time
//! decides between look-alikes: a story is open to an article only while their publication
//! dates are close (the same two leaders' phone call a month later is a new story however
//! similar its words). When one article is close to two stories that are close to each other,
//! they are one story: the younger is merged into the older, and the merge is recorded.
//!
//! Work per article is bounded: candidate stories come from an inverted index over each
//! story's strongest terms, and very common terms are not looked up.
#![warn(clippy::disallowed_methods, reason = "pure stage")]

mod features;

use jiff::civil::Date;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

pub use features::{features, term_of, Features, Term};

/// Knobs of the clusterer.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoryConfig {
    /// Cosine similarity an article needs to join a story.
    pub join: f32,
    /// Cosine similarity of the event-specific terms (names, figures) an article needs to join a
    /// story, when both have such terms: what keeps look-alike events apart.
    pub join_specific: f32,
    /// Similarity to a second story (and between the two stories) that merges them.
    pub merge: f32,
    /// Cosine of two stories' event-specific terms that a merge needs: more than one article
    /// needs to join, since a merge moves every member of a story at once.
    #[serde(default = "default_merge_specific")]
    pub merge_specific: f32,
    /// Days between an article and a story's nearest publication date past which the story is
    /// closed to it.
    pub max_gap_days: i32,
    /// Terms of an article used to find candidate stories.
    pub query_terms: usize,
    /// Terms a story keeps in its centroid (the rest is pruned: memory stays bounded).
    pub centroid_terms: usize,
    /// Stories a term may point to before it is too common to look up.
    pub max_postings: usize,
}

impl Default for StoryConfig {
    fn default() -> StoryConfig {
        // Chosen on ECB+ dev by B3 F1 minus the look-alike merge rate (sweep of join 0.2-0.4,
        // join_specific 0.2-0.5; merge_specific 0.35-0.6): separating look-alike events counts as
        // much as grouping.
        StoryConfig {
            join: 0.2,
            join_specific: 0.35,
            merge: 0.35,
            merge_specific: default_merge_specific(),
            max_gap_days: 10,
            query_terms: 24,
            centroid_terms: 400,
            max_postings: 400,
        }
    }
}

fn default_merge_specific() -> f32 {
    0.5
}

/// A story's state in the clusterer.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Story {
    id: String,
    centroid: FxHashMap<Term, f32>,
    norm: f32,
    /// The centroid of the event-specific terms.
    specific: FxHashMap<Term, f32>,
    specific_norm: f32,
    size: u32,
    first: Option<Date>,
    last: Option<Date>,
    /// Terms under which the index lists this story.
    indexed: FxHashSet<Term>,
    merged_into: Option<usize>,
    title: Option<String>,
    title_score: f32,
}

/// Where an article went.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    /// The story it joined or opened.
    pub story: String,
    /// Its similarity to that story (1.0 for a new story).
    pub similarity: f32,
    /// Stories merged into `story` because of this article, by id.
    pub merged: Vec<String>,
}

/// A story as users see it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StorySummary {
    pub id: String,
    pub title: Option<String>,
    pub key_terms: Vec<String>,
    pub size: u32,
    pub first: Option<Date>,
    pub last: Option<Date>,
}

/// The incremental clusterer; a value the engine owns, saves and restores.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct StoryClusterer {
    config: StoryConfig,
    docs: u32,
    df: FxHashMap<Term, u32>,
    stories: Vec<Story>,
    by_id: FxHashMap<String, usize>,
    index: FxHashMap<Term, Vec<u32>>,
    vocab: FxHashMap<Term, String>,
}

impl StoryClusterer {
    pub fn new(config: StoryConfig) -> StoryClusterer {
        StoryClusterer { config, ..StoryClusterer::default() }
    }

    /// Adds one article: `id` names the story it opens, if it opens one.
    pub fn add(&mut self, id: &str, published: Option<Date>, title: Option<&str>, text: &str) -> Assignment {
        let feats = features(title, text);
        self.docs += 1;
        for (t, _) in &feats.terms {
            *self.df.entry(*t).or_default() += 1;
        }
        for (t, w) in feats.words {
            self.vocab.entry(t).or_insert(w);
        }
        let vector = self.weigh(&feats.terms);
        let specific = self.weigh(&feats.specific);

        let mut scored: Vec<(usize, f32)> = self
            .candidates(&vector)
            .into_iter()
            .filter(|&s| self.open_to(s, published))
            .filter(|&s| self.specific_agrees(&specific, s))
            .map(|s| (s, self.similarity(&vector, s)))
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));

        let Some(&(best, sim)) = scored.first().filter(|(_, sim)| *sim >= self.config.join) else {
            let s = self.open(id, &vector, &specific, published, title);
            return Assignment { story: self.stories[s].id.clone(), similarity: 1.0, merged: Vec::new() };
        };
        self.join(best, &vector, &specific, published, title, sim);
        let mut merged = Vec::new();
        for &(other, other_sim) in &scored[1..] {
            if other_sim < self.config.merge {
                break;
            }
            if self.story_similarity(best, other) >= self.config.join && self.stories_specific_agree(best, other) {
                let (keep, gone) = if best < other { (best, other) } else { (other, best) };
                self.merge(keep, gone);
                merged.push(self.stories[gone].id.clone());
            }
        }
        let story = self.resolve(best);
        Assignment { story: self.stories[story].id.clone(), similarity: sim, merged }
    }

    /// The story an id now belongs to (following merges); `None` for an unknown id.
    pub fn current(&self, id: &str) -> Option<&str> {
        self.by_id.get(id).map(|&s| self.stories[self.resolve(s)].id.as_str())
    }

    /// A summary of the story `id` (following merges).
    pub fn summary(&self, id: &str) -> Option<StorySummary> {
        let s = self.resolve(*self.by_id.get(id)?);
        let story = &self.stories[s];
        let mut terms: Vec<(&Term, &f32)> = story.centroid.iter().collect();
        terms.sort_by(|a, b| b.1.total_cmp(a.1).then(a.0.cmp(b.0)));
        let key_terms = terms.iter().filter_map(|(t, _)| self.vocab.get(t).cloned()).take(8).collect();
        Some(StorySummary {
            id: story.id.clone(),
            title: story.title.clone(),
            key_terms,
            size: story.size,
            first: story.first,
            last: story.last,
        })
    }

    /// Number of articles added.
    pub fn len(&self) -> usize {
        self.docs as usize
    }

    pub fn is_empty(&self) -> bool {
        self.docs == 0
    }

    /// Number of current stories (not merged away).
    pub fn stories_count(&self) -> usize {
        self.stories.iter().filter(|s| s.merged_into.is_none()).count()
    }

    /// The article's unit tf-idf vector, strongest terms first.
    fn weigh(&self, terms: &[(Term, f32)]) -> Vec<(Term, f32)> {
        let n = self.docs as f32;
        let mut v: Vec<(Term, f32)> = terms
            .iter()
            .map(|&(t, w)| {
                let df = self.df.get(&t).copied().unwrap_or(1) as f32;
                (t, (1.0 + w.ln().max(0.0)) * (1.0 + n / df).ln())
            })
            .collect();
        let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt().max(f32::EPSILON);
        for (_, w) in &mut v {
            *w /= norm;
        }
        v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    }

    fn candidates(&self, vector: &[(Term, f32)]) -> Vec<usize> {
        let mut out: FxHashSet<usize> = FxHashSet::default();
        for (t, _) in vector.iter().take(self.config.query_terms) {
            if let Some(postings) = self.index.get(t) {
                if postings.len() > self.config.max_postings {
                    continue;
                }
                out.extend(postings.iter().map(|&s| self.resolve(s as usize)));
            }
        }
        let mut out: Vec<usize> = out.into_iter().collect();
        out.sort_unstable();
        out
    }

    /// Whether the story's dates leave it open to an article published on `date`. Undated
    /// articles and stories are open to each other.
    fn open_to(&self, s: usize, date: Option<Date>) -> bool {
        let story = &self.stories[s];
        let (Some(d), Some(first), Some(last)) = (date, story.first, story.last) else {
            return true;
        };
        let gap = if d > last {
            (d - last).get_days()
        } else if d < first {
            (first - d).get_days()
        } else {
            0
        };
        gap <= self.config.max_gap_days
    }

    fn similarity(&self, vector: &[(Term, f32)], s: usize) -> f32 {
        let story = &self.stories[s];
        let dot: f32 = vector.iter().filter_map(|(t, w)| story.centroid.get(t).map(|c| c * w)).sum();
        dot / story.norm.max(f32::EPSILON)
    }

    /// Whether the article's names and figures fit the story's: true when either has too few to
    /// judge by.
    fn specific_agrees(&self, specific: &[(Term, f32)], s: usize) -> bool {
        let story = &self.stories[s];
        if specific.len() < 3 || story.specific.len() < 3 {
            return true;
        }
        let dot: f32 = specific.iter().filter_map(|(t, w)| story.specific.get(t).map(|c| c * w)).sum();
        dot / story.specific_norm.max(f32::EPSILON) >= self.config.join_specific
    }

    fn stories_specific_agree(&self, a: usize, b: usize) -> bool {
        let (a, b) = (&self.stories[a], &self.stories[b]);
        if a.specific.len() < 3 || b.specific.len() < 3 {
            return true;
        }
        let dot: f32 = a.specific.iter().filter_map(|(t, w)| b.specific.get(t).map(|c| c * w)).sum();
        dot / (a.specific_norm * b.specific_norm).max(f32::EPSILON) >= self.config.merge_specific
    }

    fn story_similarity(&self, a: usize, b: usize) -> f32 {
        let (a, b) = (&self.stories[a], &self.stories[b]);
        let (small, large) = if a.centroid.len() < b.centroid.len() { (a, b) } else { (b, a) };
        let dot: f32 = small.centroid.iter().filter_map(|(t, w)| large.centroid.get(t).map(|c| c * w)).sum();
        dot / (a.norm * b.norm).max(f32::EPSILON)
    }

    fn open(
        &mut self,
        id: &str,
        vector: &[(Term, f32)],
        specific: &[(Term, f32)],
        date: Option<Date>,
        title: Option<&str>,
    ) -> usize {
        let s = self.stories.len();
        self.stories.push(Story {
            id: format!("s{id}"),
            centroid: FxHashMap::default(),
            norm: 0.0,
            specific: FxHashMap::default(),
            specific_norm: 0.0,
            size: 0,
            first: None,
            last: None,
            indexed: FxHashSet::default(),
            merged_into: None,
            title: None,
            title_score: 0.0,
        });
        self.by_id.insert(self.stories[s].id.clone(), s);
        self.join(s, vector, specific, date, title, 1.0);
        s
    }

    fn join(
        &mut self,
        s: usize,
        vector: &[(Term, f32)],
        specific: &[(Term, f32)],
        date: Option<Date>,
        title: Option<&str>,
        sim: f32,
    ) {
        let story = &mut self.stories[s];
        for (t, w) in vector {
            *story.centroid.entry(*t).or_default() += w;
        }
        for (t, w) in specific {
            *story.specific.entry(*t).or_default() += w;
        }
        story.size += 1;
        if let Some(d) = date {
            story.first = Some(story.first.map_or(d, |f| f.min(d)));
            story.last = Some(story.last.map_or(d, |l| l.max(d)));
        }
        // The title of the member most like the story so far names it.
        if let Some(t) = title.filter(|_| sim >= story.title_score || story.title.is_none()) {
            story.title = Some(t.to_string());
            story.title_score = sim;
        }
        self.refresh(s);
    }

    /// Prunes the centroid, recomputes its norm and indexes its strongest terms.
    fn refresh(&mut self, s: usize) {
        let limit = self.config.centroid_terms;
        let story = &mut self.stories[s];
        if story.centroid.len() > limit * 2 {
            let mut weights: Vec<f32> = story.centroid.values().copied().collect();
            weights.sort_by(|a, b| b.total_cmp(a));
            let cut = weights[limit];
            story.centroid.retain(|_, w| *w > cut);
        }
        if story.specific.len() > limit * 2 {
            let mut weights: Vec<f32> = story.specific.values().copied().collect();
            weights.sort_by(|a, b| b.total_cmp(a));
            let cut = weights[limit];
            story.specific.retain(|_, w| *w > cut);
        }
        story.norm = story.centroid.values().map(|w| w * w).sum::<f32>().sqrt();
        story.specific_norm = story.specific.values().map(|w| w * w).sum::<f32>().sqrt();
        let mut top: Vec<(Term, f32)> = story.centroid.iter().map(|(t, w)| (*t, *w)).collect();
        top.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        for (t, _) in top.into_iter().take(self.config.query_terms * 2) {
            if story.indexed.insert(t) {
                self.index.entry(t).or_default().push(s as u32);
            }
        }
    }

    fn merge(&mut self, keep: usize, gone: usize) {
        let absorbed = std::mem::take(&mut self.stories[gone].centroid);
        let absorbed_specific = std::mem::take(&mut self.stories[gone].specific);
        let (size, first, last) = (self.stories[gone].size, self.stories[gone].first, self.stories[gone].last);
        self.stories[gone].merged_into = Some(keep);
        let target = &mut self.stories[keep];
        for (t, w) in absorbed {
            *target.centroid.entry(t).or_default() += w;
        }
        for (t, w) in absorbed_specific {
            *target.specific.entry(t).or_default() += w;
        }
        target.size += size;
        target.first = match (target.first, first) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        target.last = match (target.last, last) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        self.refresh(keep);
    }

    fn resolve(&self, mut s: usize) -> usize {
        while let Some(next) = self.stories[s].merged_into {
            s = next;
        }
        s
    }
}

#[cfg(test)]
mod tests;
