//! What the front-ends ask of the engine: a run's analysis, the stories, one story, the
//! articles, one article, timelines and entities. Every answer is a `contract` value that holds
//! all a report needs, so the CLI and the server only format or serialise it.

use std::collections::BTreeSet;
use std::path::PathBuf;

use parallax_core::Entity;

use crate::contract::{ArticleJson, QuoteJson, StoryJson, TimeJson, TimelineJson};
use crate::entities::{link, quotes_of};
use crate::timeline::timeline_of;
use crate::{Analysis, ArticleView, Engine, EntityKind, Progress, Record, Result, Run, StoryView};

impl Engine {
    /// Ingests `paths` (see [`Engine::ingest`]) and analyses this run's articles: their stories
    /// (with every stored article of them), quotes, entities, time expressions and timeline.
    pub fn analyze(&mut self, paths: &[PathBuf], progress: &dyn Progress) -> Result<Analysis> {
        let run = self.ingest(paths, progress)?;
        self.analysis(&run)
    }

    /// The analysis of a run already ingested.
    pub fn analysis(&self, run: &Run) -> Result<Analysis> {
        let records: Vec<&Record> = run.articles.iter().map(|a| &a.record).collect();
        let linked = link(records.iter().copied());
        Ok(Analysis {
            articles: run.articles.iter().map(ArticleJson::from_run).collect(),
            stories: self.stories_of(&records)?,
            quotes: quotes_of(records.iter().copied(), &linked),
            entities: linked.entities,
            times: records.iter().flat_map(|r| r.times.iter().map(|t| TimeJson::new(&r.article.id, t))).collect(),
            timeline: timeline_of(records.iter().copied(), &self.config.timeline),
            run: run.summary(),
        })
    }

    /// The stories these articles belong to, in order of first appearance.
    fn stories_of(&self, records: &[&Record]) -> Result<Vec<StoryJson>> {
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for id in records.iter().filter_map(|r| r.story.as_deref()) {
            if seen.insert(id) {
                if let Some((story, members)) = self.store.story(id)? {
                    out.push(StoryJson::new(&story, &members));
                }
            }
        }
        Ok(out)
    }

    /// Current stories, most recent first.
    pub fn stories(&self) -> Result<Vec<StoryJson>> {
        let mut out = Vec::new();
        for (story, _) in self.store.stories()? {
            if let Some((story, members)) = self.store.story(&story.id)? {
                out.push(StoryJson::new(&story, &members));
            }
        }
        Ok(out)
    }

    /// One story by id (a merged story's id leads to the story it joined) with its articles,
    /// their quotes, entities and timeline; `None` when there is no such story.
    pub fn story(&self, id: &str) -> Result<Option<StoryView>> {
        let Some((story, records)) = self.store.story(id)? else { return Ok(None) };
        let linked = link(&records);
        Ok(Some(StoryView {
            story: StoryJson::new(&story, &records),
            articles: records.iter().map(ArticleJson::stored).collect(),
            quotes: quotes_of(&records, &linked),
            entities: linked.entities,
            timeline: timeline_of(&records, &self.config.timeline),
        }))
    }

    /// All stored articles, in arrival order.
    pub fn articles(&self) -> Result<Vec<ArticleJson>> {
        Ok(self.store.all()?.iter().map(ArticleJson::stored).collect())
    }

    /// One article by id or unique id prefix, with its copies, quotes and time expressions.
    pub fn article(&self, id: &str) -> Result<Option<ArticleView>> {
        let Some(record) = self.store.get(id)? else { return Ok(None) };
        let copies = self.store.copies_of(&record.article.id)?;
        Ok(Some(ArticleView {
            copies: copies.iter().map(ToString::to_string).collect(),
            quotes: record.quotes.iter().map(|q| QuoteJson::new(&record.article.id, q)).collect(),
            times: record.times.iter().map(|t| TimeJson::new(&record.article.id, t)).collect(),
            article: ArticleJson::stored(&record),
        }))
    }

    /// The timeline of one story (by id; `None` when there is no such story), or of the whole
    /// store, oldest first.
    pub fn timeline(&self, story: Option<&str>) -> Result<Option<Vec<TimelineJson>>> {
        match story {
            Some(id) => Ok(self.store.story(id)?.map(|(_, records)| timeline_of(&records, &self.config.timeline))),
            None => Ok(Some(timeline_of(&self.store.all()?, &self.config.timeline))),
        }
    }

    /// The entities of every stored article, most widely mentioned first; only those of `kind`
    /// when one is given.
    pub fn entities(&self, kind: Option<EntityKind>) -> Result<Vec<Entity>> {
        let mut entities = link(&self.store.all()?).entities;
        entities.retain(|e| kind.is_none_or(|k| e.kind == k));
        Ok(entities)
    }

    /// Number of stored articles.
    pub fn count(&self) -> Result<usize> {
        Ok(self.store.count()?)
    }
}
