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
    /// The language the input declares (`<html lang>`), as written: `en`, `en-GB`.
    pub language: Option<String>,
}

/// What [`RawDoc::body`] holds, and so how the extractor turns it into text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum BodyFormat {
    /// Plain text, paragraphs separated by blank lines.
    #[default]
    Text,
    /// A whole HTML page (a saved file, a WARC response): the article is somewhere in it,
    /// among navigation, adverts and comments.
    Html,
    /// HTML that is all article (a feed item's content): markup to text, nothing to search.
    HtmlFragment,
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
    /// Everything after the metadata and title lines, decoded to UTF-8, unchanged otherwise;
    /// markup still in it when [`RawDoc::format`] says HTML.
    pub body: String,
    pub format: BodyFormat,
    /// Recoverable oddities the reader met (a malformed metadata line, a guessed encoding).
    pub warnings: Vec<String>,
}
