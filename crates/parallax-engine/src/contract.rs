//! The JSON that `parallax analyze --format json` prints (and, later, the API answers): the
//! contract the evaluation scripts and users' tools read. Every shape lives here, pinned by
//! snapshot tests; fields are only ever added.
//!
//! Every part of the contract is filled from what the stages found: never invented.

use parallax_core::{Article, ArticleId, Entity, Quote, QuoteKind, TimeExpr, TimelineEntry};
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
    pub entities: Vec<Entity>,
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
    pub entities: Vec<Entity>,
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

/// One quote of an article: the article's id, then the quote as core defines it — speaker,
/// words (direct) or reported clause (indirect), char offsets into the article's `text`, kind,
/// and the outlet it came through (`via`).
#[derive(Debug, Serialize)]
pub struct QuoteJson {
    pub article: ArticleId,
    #[serde(flatten)]
    pub quote: Quote,
}

impl QuoteJson {
    pub(crate) fn new(article: &ArticleId, quote: &Quote) -> QuoteJson {
        QuoteJson { article: article.clone(), quote: quote.clone() }
    }
}

/// One time expression of an article: the article's id, then the expression as core defines
/// it — text, char offsets, TIMEX3 `type`, `value`, `mod`, and whether it could be resolved.
#[derive(Debug, Serialize)]
pub struct TimeJson {
    pub article: ArticleId,
    #[serde(flatten)]
    pub time: TimeExpr,
}

impl TimeJson {
    pub(crate) fn new(article: &ArticleId, time: &TimeExpr) -> TimeJson {
        TimeJson { article: article.clone(), time: time.clone() }
    }
}

/// One dated statement: the entry as core defines it (day, sentence, articles that say so,
/// their outlets, the mention, conflicting days), the article that said it first, and its
/// story (none until that article is clustered).
#[derive(Debug, Serialize)]
pub struct TimelineJson {
    #[serde(flatten)]
    pub entry: TimelineEntry,
    pub article: Option<ArticleId>,
    pub story: Option<String>,
}

impl TimelineJson {
    pub(crate) fn new(entry: &TimelineEntry, story: Option<String>) -> TimelineJson {
        TimelineJson { article: entry.articles.first().cloned(), entry: entry.clone(), story }
    }
}

/// One article: the article as core defines it (metadata, clean text, `duplicate_of`), its
/// story, what the run did with it (`added`, `duplicate`, `existing`; `stored` when read back)
/// and what the cleaner warned about.
#[derive(Debug, Serialize)]
pub struct ArticleJson {
    #[serde(flatten)]
    pub article: Article,
    pub story: Option<String>,
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
    /// Quoted (`direct`) or reported (`indirect`): a report marks reported words as a
    /// paraphrase, never in quotation marks.
    pub kind: QuoteKind,
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
                    .map(|(article, outlet, text, kind)| RenderingJson { article, outlet, text, kind })
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
        ArticleJson {
            article: record.article.clone(),
            story: record.story.clone(),
            status,
            warnings: record.warnings.clone(),
        }
    }
}

/// One document as `parallax extract --format json` prints it: the article as core defines it
/// (the extraction contract's `source`, `title`, `authors`, `published`, `text`, and the rest
/// of what the page said), why it is not an article when it is not, and the cleaner's warnings.
#[derive(Debug, Serialize)]
pub struct ExtractedJson {
    #[serde(flatten)]
    pub article: Article,
    /// `null` for an article, else why the page is not one (an index or error page).
    pub not_article: Option<String>,
    pub warnings: Vec<String>,
}

impl ExtractedJson {
    pub(crate) fn new(item: &parallax_extract::Extracted) -> ExtractedJson {
        ExtractedJson {
            article: item.article.clone(),
            not_article: item.not_article.clone(),
            warnings: item.warnings.clone(),
        }
    }
}
