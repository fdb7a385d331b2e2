//! The JSON that `parallax analyze --format json` prints (and, later, the API answers): the
//! contract the evaluation scripts and users' tools read. Every shape lives here, pinned by
//! snapshot tests; fields are only ever added.
//!
//! Parts of the contract that later stages fill (`stories`, `quotes`, `entities`, `times`,
//! `timeline`, `story`) are present and empty until those stages exist: never invented.

use serde::Serialize;

use crate::{Failure, Run, RunArticle, Status};

/// The whole answer of `analyze`.
#[derive(Debug, Serialize)]
pub struct AnalyzeReport {
    pub articles: Vec<ArticleJson>,
    pub stories: Vec<serde_json::Value>,
    pub quotes: Vec<serde_json::Value>,
    pub entities: Vec<serde_json::Value>,
    pub times: Vec<serde_json::Value>,
    pub timeline: Vec<serde_json::Value>,
    pub run: RunSummary,
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

/// Counts of the run, and what failed or was skipped with the reason.
#[derive(Debug, Serialize)]
pub struct RunSummary {
    pub inputs: usize,
    pub articles: usize,
    pub added: usize,
    pub duplicates: usize,
    pub existing: usize,
    pub failed: Vec<FailureJson>,
    pub skipped: Vec<FailureJson>,
}

#[derive(Debug, Serialize)]
pub struct FailureJson {
    pub source: String,
    pub reason: String,
}

impl AnalyzeReport {
    pub fn new(run: &Run) -> AnalyzeReport {
        AnalyzeReport {
            articles: run.articles.iter().map(ArticleJson::from_run).collect(),
            stories: Vec::new(),
            quotes: Vec::new(),
            entities: Vec::new(),
            times: Vec::new(),
            timeline: Vec::new(),
            run: RunSummary::new(run),
        }
    }
}

impl RunSummary {
    pub fn new(run: &Run) -> RunSummary {
        let failures = |list: &[Failure]| {
            list.iter().map(|f| FailureJson { source: f.source.clone(), reason: f.reason.clone() }).collect()
        };
        RunSummary {
            inputs: run.inputs,
            articles: run.articles.len(),
            added: run.count(&Status::Added),
            duplicates: run.count(&Status::Duplicate),
            existing: run.count(&Status::Existing),
            failed: failures(&run.failed),
            skipped: failures(&run.skipped),
        }
    }
}

impl ArticleJson {
    pub fn from_run(item: &RunArticle) -> ArticleJson {
        ArticleJson::new(&item.article, status_name(&item.status), &item.warnings)
    }

    pub fn new(a: &parallax_core::Article, status: &'static str, warnings: &[String]) -> ArticleJson {
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
            story: None,
            duplicate_of: a.duplicate_of.as_ref().map(ToString::to_string),
            status,
            warnings: warnings.to_vec(),
        }
    }
}

fn status_name(status: &Status) -> &'static str {
    match status {
        Status::Added => "added",
        Status::Duplicate => "duplicate",
        Status::Existing => "existing",
    }
}
