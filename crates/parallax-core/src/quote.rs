//! `Quote`: who said what in an article — a direct quotation or reported speech, its speaker
//! and the outlet it came through.
//!
//! Plain data: finding quotes and resolving speakers is `parallax-nlp`'s job, keeping them the
//! store's.

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
    /// The words quoted or reported: the text at `start..end`, except that a direct quote's
    /// cue between its parts (`"…," she said. "…"`) is left out, written " … ", and so is the
    /// opening mark of each paragraph it continues into.
    pub text: String,
    /// The speaker's fullest name in the article (or the description when it names nobody).
    pub speaker: String,
    pub kind: QuoteKind,
    /// The outlet the words came through ("as quoted by CNN"), if the article says so.
    pub via: Option<String>,
}

crate::names::named!(QuoteKind, "a quote kind (direct, indirect)", {
    Direct => "direct",
    Indirect => "indirect",
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip() {
        for kind in QuoteKind::ALL {
            assert_eq!(kind.as_str().parse::<QuoteKind>(), Ok(*kind));
        }
        let err = "reported".parse::<QuoteKind>().unwrap_err();
        assert_eq!(err.to_string(), "not a quote kind (direct, indirect): \"reported\"");
    }
}
