//! `RawDoc`: one input document as a reader found it, before any cleaning.
//!
//! Readers fill only what the input format states outright (a metadata line, JSON fields);
//! deciding what is junk, which token is an outlet and where the body starts is the
//! extractor's job.

use crate::article::{ArticleId, Published};

/// Metadata an input format carries outside the text itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawMeta {
    /// The `<source>` token of a `date YYYY-MM-DD <source>` line, verbatim: a URL, an outlet,
    /// a section name, or `unknown`.
    pub source_token: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<Published>,
}

/// One document from one input (a file, a JSON Lines record, stdin).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawDoc {
    /// Stable id derived from where the document came from and its raw bytes, so re-reading
    /// the same input yields the same id whatever the cleaner's version.
    pub id: ArticleId,
    /// Where it came from, as the user gave it: `path/as/given.txt`, `feed.jsonl:3`, `-`.
    pub source: String,
    pub meta: RawMeta,
    /// The title line when the input's layout marks one.
    pub title: Option<String>,
    /// Everything after the metadata and title lines, decoded to UTF-8, unchanged otherwise.
    pub body: String,
    /// Recoverable oddities the reader met (a malformed metadata line, a guessed encoding).
    pub warnings: Vec<String>,
}
