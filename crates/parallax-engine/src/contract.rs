//! The JSON that `parallax analyze --format json` prints (and, later, the API answers): the
//! contract the evaluation scripts and users' tools read. Every shape lives here, pinned by
//! snapshot tests; fields are only ever added.
//!
//! Every part of the contract is filled from what the stages found: never invented.

use serde::Serialize;

use crate::{Failure, Record, Run, RunArticle, Status, Story};

/// The whole answer of `analyze`: the run's articles and everything derived from them.
#[derive(Debug, Serialize)]
pub struct Analysis {
    pub articles: Vec<ArticleJson>,
    /// The stories the run's articles belong to, in order of first appearance, with all their
    /// stored articles.
    pub stories: Vec<StoryJson>,
    /// Speakers under their canonical names across the run's articles.
    pub quotes: Vec<QuoteJson>,
    pub entities: Vec<EntityJson>,
    pub times: Vec<TimeJson>,
    pub timeline: Vec<TimelineJson>,
    pub run: RunSummary,
}

/// One story with everything about it (`parallax story ID`): its description, its stored
/// articles, their quotes (speakers under their canonical names across the story), entities and
/// timeline.
#[derive(Debug, Serialize)]
pub struct StoryView {
    pub story: StoryJson,
    pub articles: Vec<ArticleJson>,
    pub quotes: Vec<QuoteJson>,
    pub entities: Vec<EntityJson>,
    pub timeline: Vec<TimelineJson>,
}

/// One stored article with what was found in it (`parallax articles show ID`).
#[derive(Debug, Serialize)]
pub struct ArticleView {
    pub article: ArticleJson,
    /// Stored exact copies of it.
    pub copies: Vec<String>,
    pub quotes: Vec<QuoteJson>,
    pub times: Vec<TimeJson>,
}

/// One quote: who said it, the words (direct) or the reported clause (indirect), where they
/// are in which article's `text` (char offsets), and the outlet they came through.
#[derive(Debug, Serialize)]
pub struct QuoteJson {
    pub article: String,
    pub speaker: String,
    pub text: String,
    pub kind: &'static str,
    pub start: usize,
    pub end: usize,
    pub via: Option<String>,
}

impl QuoteJson {
    pub(crate) fn new(article: &parallax_core::ArticleId, q: &parallax_core::Quote) -> QuoteJson {
        QuoteJson {
            article: article.to_string(),
            speaker: q.speaker.clone(),
            text: q.text.clone(),
            kind: q.kind.as_str(),
            start: q.start,
            end: q.end,
            via: q.via.clone(),
        }
    }
}

/// One person, organisation or place across the run's articles: its canonical name (the
/// fullest form the articles give, without titles), the other names it goes by, the roles the
/// articles give it and the articles that mention it.
#[derive(Debug, Serialize)]
pub struct EntityJson {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    pub articles: Vec<String>,
}

impl EntityJson {
    pub(crate) fn new(e: &parallax_core::Entity) -> EntityJson {
        EntityJson {
            id: e.id.clone(),
            name: e.name.clone(),
            kind: e.kind.as_str(),
            aliases: e.aliases.clone(),
            roles: e.roles.clone(),
            articles: e.articles.iter().map(ToString::to_string).collect(),
        }
    }
}

/// One time expression: where it is in which article's `text` (char offsets) and its TIMEX3
/// type and value.
#[derive(Debug, Serialize)]
pub struct TimeJson {
    pub article: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub value: String,
    /// TIMEX3 `mod`: `APPROX`, `START`, `MORE_THAN`, ...
    #[serde(rename = "mod")]
    pub modifier: Option<&'static str>,
    /// False when the value needed a publication date the article lacks (it keeps `X`s).
    pub resolved: bool,
}

impl TimeJson {
    pub(crate) fn new(article: &parallax_core::ArticleId, t: &parallax_core::TimeExpr) -> TimeJson {
        TimeJson {
            article: article.to_string(),
            text: t.text.clone(),
            start: t.start,
            end: t.end,
            kind: t.kind.as_str(),
            value: t.value.clone(),
            modifier: t.modifier.map(parallax_core::TimeMod::as_str),
            resolved: t.resolved,
        }
    }
}

/// One dated statement: the day, the sentence that says what happened then, the article that
/// said it first (and all that did), and its story.
#[derive(Debug, Serialize)]
pub struct TimelineJson {
    pub date: String,
    pub story: Option<String>,
    pub article: String,
    pub text: String,
    pub articles: Vec<String>,
    pub outlets: Vec<String>,
    /// The time expression as the first article wrote it.
    pub mention: String,
    /// Other days that articles of the same story give for this happening.
    pub conflicts: Vec<String>,
}

impl TimelineJson {
    pub(crate) fn new(e: &parallax_core::TimelineEntry, story: Option<String>) -> TimelineJson {
        TimelineJson {
            date: e.date.clone(),
            story,
            article: e.articles.first().map(ToString::to_string).unwrap_or_default(),
            text: e.text.clone(),
            articles: e.articles.iter().map(ToString::to_string).collect(),
            outlets: e.outlets.clone(),
            mention: e.mention.clone(),
            conflicts: e.conflicts.clone(),
        }
    }
}

/// One article as the contract shows it.
#[derive(Debug, Serialize)]
pub struct ArticleJson {
    pub id: String,
    pub source: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub section: Option<String>,
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub language: Option<String>,
    pub place: Option<String>,
    pub text: String,
    pub story: Option<String>,
    pub duplicate_of: Option<String>,
    pub status: &'static str,
    pub warnings: Vec<String>,
}

/// One story: its articles (all stored ones, not only this run's) and what describes it.
#[derive(Debug, Serialize)]
pub struct StoryJson {
    pub id: String,
    pub title: Option<String>,
    pub articles: Vec<String>,
    pub key_terms: Vec<String>,
    pub first_published: Option<String>,
    pub last_published: Option<String>,
    /// Outlets that covered it independently: an exact or syndicated copy does not count.
    pub outlets: Vec<String>,
    pub article_count: usize,
    /// Articles that are copies of another article in the store.
    pub copies: usize,
    /// The same speaker's words rendered differently by the story's articles.
    pub quote_variants: Vec<QuoteVariantsJson>,
}

/// One speaker's words as several articles render them: the first rendering (earliest
/// published) is the reference; `differences[i]` lists what rendering `i + 1` drops (`-words`)
/// and adds (`+words`) against it.
#[derive(Debug, Serialize)]
pub struct QuoteVariantsJson {
    pub speaker: String,
    pub renderings: Vec<RenderingJson>,
    pub differences: Vec<Vec<String>>,
}

#[derive(Debug, Serialize)]
pub struct RenderingJson {
    pub article: String,
    pub outlet: Option<String>,
    pub text: String,
}

impl QuoteVariantsJson {
    /// The variant groups among the quotes of a story's articles; copies are left out (they
    /// repeat their original word for word).
    pub(crate) fn of_story(records: &[Record]) -> Vec<QuoteVariantsJson> {
        let mut own: Vec<&Record> = records.iter().filter(|r| r.article.duplicate_of.is_none()).collect();
        // A total order (sorting needs one, and `Published::chronological` lets a bare day tie
        // with every time that day): the instant, a bare day at its midnight, undated last.
        own.sort_by_key(|r| (r.article.published.is_none(), r.article.published.map(|p| p.instant()), &r.article.id));
        let renderings: Vec<parallax_nlp::quotes::Rendering<'_>> = own
            .iter()
            .flat_map(|r| {
                r.quotes.iter().map(|q| parallax_nlp::quotes::Rendering {
                    article: r.article.id.as_str(),
                    outlet: r.article.outlet.as_deref(),
                    quote: q,
                })
            })
            .collect();
        parallax_nlp::quotes::variants(&renderings)
            .into_iter()
            .map(|g| QuoteVariantsJson {
                speaker: g.speaker,
                renderings: g
                    .renderings
                    .into_iter()
                    .map(|(article, outlet, text)| RenderingJson { article, outlet, text })
                    .collect(),
                differences: g
                    .differences
                    .into_iter()
                    .map(|edits| {
                        edits
                            .into_iter()
                            .map(|e| match e {
                                parallax_nlp::quotes::Edit::Dropped(w) => format!("-{w}"),
                                parallax_nlp::quotes::Edit::Added(w) => format!("+{w}"),
                            })
                            .collect()
                    })
                    .collect(),
            })
            .collect()
    }
}

impl StoryJson {
    pub(crate) fn new(story: &Story, records: &[Record]) -> StoryJson {
        let mut outlets: Vec<String> = Vec::new();
        for r in records.iter().filter(|r| r.article.duplicate_of.is_none()) {
            if let Some(o) = &r.article.outlet {
                if !outlets.contains(o) {
                    outlets.push(o.clone());
                }
            }
        }
        // Compared as instants: as text "09:30+01:00" would come after "06:05-04:00".
        let published: Vec<parallax_core::Published> = records.iter().filter_map(|r| r.article.published).collect();
        let first = published.iter().min_by_key(|p| p.instant()).map(|p| p.to_string());
        let last = published.iter().max_by_key(|p| p.instant()).map(|p| p.to_string());
        StoryJson {
            id: story.id.clone(),
            title: story.title.clone(),
            articles: records.iter().map(|r| r.article.id.to_string()).collect(),
            key_terms: story.key_terms.clone(),
            first_published: first,
            last_published: last,
            outlets,
            article_count: records.len(),
            copies: records.iter().filter(|r| r.article.duplicate_of.is_some()).count(),
            quote_variants: QuoteVariantsJson::of_story(records),
        }
    }
}

/// Counts of the run, and what failed or was skipped with the reason.
#[derive(Debug, Serialize)]
pub struct RunSummary {
    pub inputs: usize,
    pub articles: usize,
    pub added: usize,
    pub duplicates: usize,
    pub existing: usize,
    pub failed: Vec<Failure>,
    pub skipped: Vec<Failure>,
}

impl RunSummary {
    pub(crate) fn new(run: &Run) -> RunSummary {
        RunSummary {
            inputs: run.inputs,
            articles: run.articles.len(),
            added: run.count(&Status::Added),
            duplicates: run.count(&Status::Duplicate),
            existing: run.count(&Status::Existing),
            failed: run.failed.clone(),
            skipped: run.skipped.clone(),
        }
    }
}

impl ArticleJson {
    /// An article as this run left it.
    pub(crate) fn from_run(item: &RunArticle) -> ArticleJson {
        ArticleJson::new(&item.record, item.status.as_str())
    }

    /// An article as the store keeps it.
    pub(crate) fn stored(record: &Record) -> ArticleJson {
        ArticleJson::new(record, "stored")
    }

    fn new(record: &Record, status: &'static str) -> ArticleJson {
        let a = &record.article;
        ArticleJson {
            id: a.id.to_string(),
            source: a.source.clone(),
            url: a.url.clone(),
            outlet: a.outlet.clone(),
            section: a.section.clone(),
            title: a.title.clone(),
            authors: a.authors.clone(),
            published: a.published.map(|p| p.to_string()),
            language: a.language.clone(),
            place: a.place.clone(),
            text: a.text.clone(),
            story: record.story.clone(),
            duplicate_of: a.duplicate_of.as_ref().map(ToString::to_string),
            status,
            warnings: record.warnings.clone(),
        }
    }
}

/// One document as `parallax extract --format json` prints it: the fields of the extraction
/// contract (`source`, `title`, `authors`, `published`, `text`) and what else the page said.
#[derive(Debug, Serialize)]
pub struct ExtractedJson {
    pub source: String,
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub text: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub language: Option<String>,
    /// `null` for an article, else why the page is not one (an index or error page).
    pub not_article: Option<String>,
    pub warnings: Vec<String>,
}

impl ExtractedJson {
    pub(crate) fn new(item: &parallax_extract::Extracted) -> ExtractedJson {
        let a = &item.article;
        ExtractedJson {
            source: a.source.clone(),
            title: a.title.clone(),
            authors: a.authors.clone(),
            published: a.published.map(|p| p.to_string()),
            text: a.text.clone(),
            url: a.url.clone(),
            outlet: a.outlet.clone(),
            language: a.language.clone(),
            not_article: item.not_article.clone(),
            warnings: item.warnings.clone(),
        }
    }
}
