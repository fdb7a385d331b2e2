//! The clusterer's state kept outside memory, a part at a time: globals (config, counts), one
//! row per term (document frequency, display word), postings (term, story) and one record per
//! story. A clusterer resumed over such a store ([`StoryClusterer::resume`]) reads, before each
//! article, only what that article touches — its terms, the postings of its strongest terms,
//! the heads of the stories listed there and the whole of those still open to it — and
//! [`StoryClusterer::take_changes`] hands back what changed. Loading the whole state instead
//! costs time in proportion to everything ever clustered, on every run.
//!
//! What is read is exactly what [`StoryClusterer::add`] would find in memory, so every
//! decision is the same as with the whole state loaded. No I/O here: the engine implements
//! [`SavedState`] over its store.

use jiff::civil::Date;
use parallax_core::document::{Document, Text};
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

use crate::{features, Features, Story, StoryClusterer, StoryConfig, Term, Vectors};

/// Read access to a saved state, implemented by the engine over its store.
pub trait SavedState {
    type Error;
    /// The saved rows of those of `terms` that have one.
    fn terms(&self, terms: &[Term]) -> Result<Vec<TermRow>, Self::Error>;
    /// Up to `limit` of the stories listed under `term`.
    fn postings(&self, term: Term, limit: usize) -> Result<Vec<u32>, Self::Error>;
    /// The heads of `stories`; an error when one is missing.
    fn heads(&self, stories: &[u32]) -> Result<Vec<StoryHead>, Self::Error>;
    /// The whole of `stories`; an error when one is missing.
    fn stories(&self, stories: &[u32]) -> Result<Vec<(u32, SavedStory)>, Self::Error>;
    /// The number of the story with id `id`.
    fn story_number(&self, id: &str) -> Result<Option<u32>, Self::Error>;
}

/// What the clusterer keeps of a term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermRow {
    pub term: Term,
    /// Articles it occurs in (0 for a full name, which only the event-specific vectors use).
    pub df: u32,
    /// How it is shown; the first word seen with this hash wins.
    pub word: Option<String>,
}

/// A story's fields that candidates are filtered on, stored beside the whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryHead {
    pub number: u32,
    pub id: String,
    pub first: Option<Date>,
    pub last: Option<Date>,
    /// The story it was merged into, by number.
    pub merged_into: Option<u32>,
}

/// A whole story as the clusterer keeps it: opaque, serialised by the engine.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SavedStory(Story);

/// The state that is not per term or per story.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Globals {
    config: StoryConfig,
    docs: u32,
    stories: u32,
}

impl Globals {
    /// The globals of a store with nothing clustered yet.
    pub fn new(config: StoryConfig) -> Globals {
        Globals { config, docs: 0, stories: 0 }
    }

    /// The settings the store's clusterer started with, which it keeps.
    pub fn config(&self) -> &StoryConfig {
        &self.config
    }
}

/// What to write back: the globals, and every term, posting and story that changed.
#[derive(Debug, Clone)]
pub struct Changes {
    pub globals: Globals,
    pub terms: Vec<TermRow>,
    /// (term, story number) listed since the last changes.
    pub postings: Vec<(Term, u32)>,
    pub stories: Vec<(StoryHead, SavedStory)>,
}

/// What a clusterer resumed over a store holds, and what changed since it was read.
#[derive(Debug, Clone, Default)]
pub(crate) struct Partial {
    /// Terms whose document frequency and word are in memory (or known to have none).
    terms: FxHashSet<Term>,
    /// Terms whose postings are in memory in full, or past `max_postings` (all a lookup needs).
    postings: FxHashSet<Term>,
    changed_terms: FxHashSet<Term>,
    changed_stories: FxHashSet<usize>,
    new_postings: Vec<(Term, u32)>,
}

impl Partial {
    pub(crate) fn counted(&mut self, feats: &Features) {
        self.changed_terms.extend(feats.terms.iter().map(|(t, _)| *t));
        self.changed_terms.extend(feats.words.keys().copied());
    }

    pub(crate) fn changed(&mut self, s: usize) {
        self.changed_stories.insert(s);
    }

    pub(crate) fn indexed(&mut self, term: Term, s: u32) {
        self.new_postings.push((term, s));
    }
}

impl StoryClusterer {
    /// A clusterer over a saved state, holding nothing yet: use the `_from` methods, which read
    /// what they need from `source` first.
    pub fn resume(globals: Globals) -> StoryClusterer {
        let mut clusterer = StoryClusterer::new(globals.config);
        clusterer.docs = globals.docs;
        clusterer.stories.count = globals.stories as usize;
        clusterer.partial = Some(Box::default());
        clusterer
    }

    /// [`StoryClusterer::add`], reading from `source` what the article touches.
    pub fn add_from<S: SavedState>(
        &mut self,
        source: &S,
        id: &str,
        published: Option<Date>,
        doc: &Document<'_>,
    ) -> Result<crate::Assignment, S::Error> {
        let title = doc.title.as_ref().map(Text::as_str);
        let feats = features(doc);
        self.read_terms(source, feats.terms.iter().chain(&feats.specific).chain(&feats.lead).map(|(t, _)| *t))?;
        let article = self.count(feats);
        self.read_candidates(source, &article, published)?;
        Ok(self.place(id, published, title, &article))
    }

    /// [`StoryClusterer::current`], reading the story from `source` first.
    pub fn current_from<S: SavedState>(&mut self, source: &S, id: &str) -> Result<Option<String>, S::Error> {
        self.read_story_named(source, id)?;
        Ok(self.current(id).map(str::to_string))
    }

    /// [`StoryClusterer::story`], reading the story and the words of its key terms from
    /// `source` first.
    pub fn story_from<S: SavedState>(
        &mut self,
        source: &S,
        id: &str,
    ) -> Result<Option<parallax_core::Story>, S::Error> {
        self.read_story_named(source, id)?;
        let Some(&at) = self.by_id.get(id) else { return Ok(None) };
        let s = self.resolve(at);
        // A story merged into another is shown only as a pointer to it.
        if s == at {
            self.read_whole(source, &[s])?;
        }
        if s == at && self.partial.is_some() {
            // `summary` shows the first eight of the strongest terms that have a word.
            let mut terms: Vec<(Term, f32)> = self.stories[s].centroid.iter().map(|(t, w)| (*t, *w)).collect();
            terms.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let mut shown = 0;
            for chunk in terms.chunks(16) {
                if shown >= 8 {
                    break;
                }
                self.read_terms(source, chunk.iter().map(|(t, _)| *t))?;
                shown += chunk.iter().filter(|(t, _)| self.vocab.contains_key(t)).count();
            }
        }
        Ok(self.story(id))
    }

    /// What changed since the clusterer was resumed or last asked; for a clusterer holding its
    /// whole state (made with `new`, or read whole from an older store), all of it.
    pub fn take_changes(&mut self) -> Changes {
        let globals = Globals { config: self.config.clone(), docs: self.docs, stories: self.stories.len() as u32 };
        let (mut terms, postings, mut stories): (Vec<Term>, Vec<(Term, u32)>, Vec<usize>) = match &mut self.partial {
            Some(partial) => (
                partial.changed_terms.drain().collect(),
                std::mem::take(&mut partial.new_postings),
                partial.changed_stories.drain().collect(),
            ),
            None => (
                self.df.keys().chain(self.vocab.keys()).copied().collect::<FxHashSet<Term>>().into_iter().collect(),
                self.index.iter().flat_map(|(t, list)| list.iter().map(|&s| (*t, s))).collect(),
                self.stories.full.keys().copied().collect(),
            ),
        };
        terms.sort_unstable();
        stories.sort_unstable();
        Changes {
            globals,
            terms: terms
                .into_iter()
                .map(|term| TermRow {
                    term,
                    df: self.df.get(&term).copied().unwrap_or(0),
                    word: self.vocab.get(&term).cloned(),
                })
                .collect(),
            postings,
            stories: stories.into_iter().map(|s| (self.head_of(s), SavedStory(self.stories[s].clone()))).collect(),
        }
    }

    fn head_of(&self, s: usize) -> StoryHead {
        let story = self.stories.head(s);
        StoryHead {
            number: s as u32,
            id: story.id.clone(),
            first: story.first,
            last: story.last,
            merged_into: story.merged_into.map(|m| m as u32),
        }
    }

    /// Reads the document frequencies and words of the terms not in memory yet.
    fn read_terms<S: SavedState>(&mut self, source: &S, terms: impl Iterator<Item = Term>) -> Result<(), S::Error> {
        let Some(partial) = &mut self.partial else { return Ok(()) };
        let mut wanted: Vec<Term> = terms.filter(|t| !partial.terms.contains(t)).collect();
        if wanted.is_empty() {
            return Ok(());
        }
        wanted.sort_unstable();
        wanted.dedup();
        for row in source.terms(&wanted)? {
            // No frequency is no entry: `weigh` counts a term it has never seen as seen once.
            if row.df > 0 {
                self.df.insert(row.term, row.df);
            }
            if let Some(word) = row.word {
                self.vocab.insert(row.term, word);
            }
        }
        partial.terms.extend(wanted);
        Ok(())
    }

    /// Reads what placing the article looks at: the postings of its strongest terms, the heads
    /// of the stories listed there (and of the stories they were merged into), and the whole of
    /// those open to it.
    fn read_candidates<S: SavedState>(
        &mut self,
        source: &S,
        article: &Vectors,
        published: Option<Date>,
    ) -> Result<(), S::Error> {
        let Some(partial) = &mut self.partial else { return Ok(()) };
        for (t, _) in article.terms.iter().take(self.config.query_terms) {
            if partial.postings.insert(*t) {
                // One past the limit is enough to know the term is too common to look up.
                let saved = source.postings(*t, self.config.max_postings + 1)?;
                // Postings listed since the clusterer was resumed are not saved yet.
                let list = self.index.entry(*t).or_default();
                let added = std::mem::replace(list, saved);
                list.extend(added);
            }
        }
        let posted: Vec<usize> = self.posted(&article.terms).collect();
        self.read_heads(source, posted)?;
        let open: Vec<usize> =
            self.candidates(&article.terms).into_iter().filter(|&s| self.open_to(s, published)).collect();
        self.read_whole(source, &open)
    }

    /// Reads the story `id` names, and the heads of the stories it was merged into.
    fn read_story_named<S: SavedState>(&mut self, source: &S, id: &str) -> Result<(), S::Error> {
        if self.partial.is_none() || self.by_id.contains_key(id) {
            return Ok(());
        }
        if let Some(number) = source.story_number(id)? {
            self.by_id.insert(id.to_string(), number as usize);
            self.read_heads(source, vec![number as usize])?;
        }
        Ok(())
    }

    /// Reads the heads of the stories not in memory, and of the stories they were merged into:
    /// a story in memory always has the stories it leads to in memory too.
    fn read_heads<S: SavedState>(&mut self, source: &S, stories: Vec<usize>) -> Result<(), S::Error> {
        let mut wanted = stories;
        loop {
            wanted.retain(|&s| !self.stories.has(s));
            wanted.sort_unstable();
            wanted.dedup();
            if wanted.is_empty() {
                return Ok(());
            }
            let numbers: Vec<u32> = wanted.iter().map(|&s| s as u32).collect();
            wanted.clear();
            for head in source.heads(&numbers)? {
                let s = head.number as usize;
                wanted.extend(head.merged_into.map(|m| m as usize));
                self.by_id.insert(head.id.clone(), s);
                self.stories.heads.insert(s, head_only(head));
            }
        }
    }

    /// Reads the whole of the stories held only by their heads.
    fn read_whole<S: SavedState>(&mut self, source: &S, stories: &[usize]) -> Result<(), S::Error> {
        if self.partial.is_none() {
            return Ok(());
        }
        let wanted: Vec<u32> =
            stories.iter().filter(|s| !self.stories.full.contains_key(s)).map(|&s| s as u32).collect();
        if wanted.is_empty() {
            return Ok(());
        }
        for (number, SavedStory(story)) in source.stories(&wanted)? {
            let s = number as usize;
            self.stories.heads.remove(&s);
            self.by_id.insert(story.id.clone(), s);
            self.stories.full.insert(s, story);
        }
        Ok(())
    }
}

/// A story known only by its head: enough for [`StoryClusterer::resolve`] and the date window.
fn head_only(head: StoryHead) -> Story {
    Story::blank(head.id, head.first, head.last, head.merged_into.map(|m| m as usize))
}

#[cfg(test)]
mod tests {
    use std::convert::Infallible;

    use super::*;
    use rustc_hash::FxHashMap;

    use crate::Assignment;

    /// A saved state in memory, written the way the engine writes its store.
    #[derive(Default)]
    struct Memory {
        globals: Option<Globals>,
        terms: FxHashMap<Term, TermRow>,
        postings: FxHashMap<Term, Vec<u32>>,
        stories: FxHashMap<u32, (StoryHead, SavedStory)>,
    }

    impl Memory {
        fn save(&mut self, changes: Changes) {
            self.globals = Some(changes.globals);
            for row in changes.terms {
                let saved = self.terms.entry(row.term).or_insert_with(|| TermRow { word: None, ..row.clone() });
                saved.df = row.df;
                saved.word = saved.word.take().or(row.word);
            }
            for (term, story) in changes.postings {
                self.postings.entry(term).or_default().push(story);
            }
            for (head, story) in changes.stories {
                self.stories.insert(head.number, (head, story));
            }
        }

        fn resume(&self) -> StoryClusterer {
            StoryClusterer::resume(self.globals.clone().unwrap_or_else(|| Globals::new(config())))
        }
    }

    impl SavedState for Memory {
        type Error = Infallible;

        fn terms(&self, terms: &[Term]) -> Result<Vec<TermRow>, Infallible> {
            Ok(terms.iter().filter_map(|t| self.terms.get(t).cloned()).collect())
        }

        fn postings(&self, term: Term, limit: usize) -> Result<Vec<u32>, Infallible> {
            Ok(self.postings.get(&term).map(|p| p.iter().take(limit).copied().collect()).unwrap_or_default())
        }

        fn heads(&self, stories: &[u32]) -> Result<Vec<StoryHead>, Infallible> {
            Ok(stories.iter().map(|s| self.stories[s].0.clone()).collect())
        }

        fn stories(&self, stories: &[u32]) -> Result<Vec<(u32, SavedStory)>, Infallible> {
            Ok(stories.iter().map(|s| (*s, self.stories[s].1.clone())).collect())
        }

        fn story_number(&self, id: &str) -> Result<Option<u32>, Infallible> {
            Ok(self.stories.values().find(|(h, _)| h.id == id).map(|(h, _)| h.number))
        }
    }

    /// Merges made easier than by default, so that the articles below exercise them.
    fn config() -> StoryConfig {
        StoryConfig { merge: 0.3, merge_stories: 0.3, merge_specific: 0.2, ..StoryConfig::default() }
    }

    /// Invented articles: events on a few topics over two months, each told several times
    /// with its own names and figures, some told in two halves that a later article bridges.
    fn articles() -> Vec<(String, Date, String, String)> {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        let mut out = Vec::new();
        for i in 0..240u64 {
            let event = i / 6;
            let topic = event % 5;
            let day = jiff::civil::date(2026, 1, 1) + jiff::Span::new().days((event * 2 + next(3)) as i64);
            let names = [format!("Kessel{event}"), format!("Varga{event}"), format!("Olm{event}")];
            // Each half of an event has its own words; the names and the figure are shared.
            let sentence = |next: &mut dyn FnMut(u64) -> u64, half: u64| {
                let words: Vec<String> = (0..7).map(|_| format!("topic{topic}w{}", next(10) + half * 10)).collect();
                format!(
                    "The {} met {} and {} about {} figures. ",
                    words.join(" "),
                    names[next(3) as usize],
                    names[next(3) as usize],
                    4000 + event
                )
            };
            // The last telling of an event uses both halves: it may bridge two stories.
            let part = if i % 6 == 5 { 2 } else { i % 2 };
            let text: String = (0..5)
                .map(|_| {
                    let half = if part == 2 { next(2) } else { part };
                    sentence(&mut next, half)
                })
                .collect();
            let title = match part {
                2 => format!("topic{topic}w1 and topic{topic}w11"),
                half => format!("topic{topic}w{}", half * 10 + 1),
            };
            out.push((format!("{i:04}"), day, title, text));
        }
        out
    }

    #[test]
    fn a_clusterer_resumed_pass_by_pass_decides_as_one_holding_everything() {
        let articles = articles();
        let mut whole = StoryClusterer::new(config());
        let expected: Vec<Assignment> = articles
            .iter()
            .map(|(id, day, title, text)| whole.add(id, Some(*day), &Document::new(Some(title), text)))
            .collect();
        let merges = expected.iter().filter(|a| !a.merged.is_empty()).count();
        let stories: FxHashSet<&str> = expected.iter().map(|a| a.story.as_str()).collect();
        assert!(merges > 0, "the articles exercise merges ({} stories)", stories.len());

        let mut memory = Memory::default();
        let mut got = Vec::new();
        // Passes of uneven sizes, each over a clusterer that holds nothing when it starts.
        for pass in articles.chunks(37) {
            let mut clusterer = memory.resume();
            for (id, day, title, text) in pass {
                got.push(clusterer.add_from(&memory, id, Some(*day), &Document::new(Some(title), text)).unwrap());
            }
            memory.save(clusterer.take_changes());
        }
        assert_eq!(got, expected);

        let mut resumed = memory.resume();
        for (id, ..) in &articles {
            let story = format!("s{id}");
            assert_eq!(resumed.current_from(&memory, &story).unwrap().as_deref(), whole.current(&story), "{story}");
            assert_eq!(resumed.story_from(&memory, &story).unwrap(), whole.story(&story), "{story}");
        }
    }
}
