//! `Quote`: who said what in an article — a direct quotation or reported speech, its speaker
//! and the outlet it came through.
//!
//! Plain data: finding quotes and resolving speakers is `parallax-nlp`'s job, keeping them the
//! store's.

use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Direct (the speaker's words in quotation marks) or indirect (reported speech; a clause that
/// only quotes some words in marks counts as indirect too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Indirect,
}

/// A quote in an article's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Char (Unicode scalar value) offsets into the article's `text`, end exclusive: the quoted
    /// words (without the marks) or the reported clause.
    pub start: usize,
    pub end: usize,
    /// The text at `start..end`.
    pub text: String,
    /// The speaker's fullest name in the article (or the description when it names nobody).
    pub speaker: String,
    pub kind: QuoteKind,
    /// The outlet the words came through ("as quoted by CNN"), if the article says so.
    pub via: Option<String>,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
        }
    }
}

impl FromStr for QuoteKind {
    type Err = String;

    /// The inverse of [`QuoteKind::as_str`]; the error is the unknown word.
    fn from_str(s: &str) -> Result<QuoteKind, String> {
        match s {
            "direct" => Ok(QuoteKind::Direct),
            "indirect" => Ok(QuoteKind::Indirect),
            other => Err(format!("not a quote kind: {other:?}")),
        }
    }
}
