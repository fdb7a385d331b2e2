//! `TimeExpr`: a time expression found in an article's text, with its TIMEX3 value, and
//! `TimelineEntry`: one dated statement of a timeline.
//!
//! Plain data: finding and normalising expressions is `parallax-nlp`'s job, keeping them the
//! store's. Values follow TimeML 1.2.1 (`2023-03-03`, `2023-W21`, `P2M`, `PRESENT_REF`, ...).

use serde::{Deserialize, Serialize};

use crate::article::ArticleId;

/// The TIMEX3 type of a time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimeKind {
    /// A calendar point or period: "March 3", "last week", "the third quarter".
    Date,
    /// A point within a day: "10 p.m. Wednesday", "this morning".
    Time,
    /// An amount of time: "two months", "the past three years".
    Duration,
    /// A recurrence: "every Tuesday", "daily".
    Set,
}

/// TIMEX3's `mod`: how the expression qualifies its value ("early March", "more than two years").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TimeMod {
    Approx,
    LessThan,
    MoreThan,
    EqualOrLess,
    EqualOrMore,
    Start,
    Mid,
    End,
}

/// A time expression in an article's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeExpr {
    /// Char (Unicode scalar value) offsets into the article's `text`, end exclusive.
    pub start: usize,
    pub end: usize,
    /// The expression as written.
    pub text: String,
    /// TIMEX3 `type`.
    #[serde(rename = "type")]
    pub kind: TimeKind,
    /// The TIMEX3 value. Relative expressions that could not be anchored (the article has no
    /// publication date) keep placeholders: `XXXX-WXX-2` for "on Tuesday".
    pub value: String,
    /// TIMEX3 `mod`: `APPROX`, `START`, `MORE_THAN`, ...
    #[serde(rename = "mod")]
    pub modifier: Option<TimeMod>,
    /// False when the value depends on a reference time that was not known.
    pub resolved: bool,
}

/// One dated statement of a timeline: what an article says happened (or will happen) on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The articles that report it, first reporter first.
    pub articles: Vec<ArticleId>,
    /// Their outlets, where known, without repeats.
    pub outlets: Vec<String>,
    /// The sentence that mentions the date.
    pub text: String,
    /// The time expression as written in the first article ("on Tuesday").
    pub mention: String,
    /// Other days that articles of the same story give for the same happening: a conflict.
    #[serde(default)]
    pub conflicts: Vec<String>,
}

crate::names::named!(TimeKind, "a TIMEX3 type (DATE, TIME, DURATION, SET)", {
    Date => "DATE",
    Time => "TIME",
    Duration => "DURATION",
    Set => "SET",
});

crate::names::named!(TimeMod, "a TIMEX3 mod (APPROX, LESS_THAN, MORE_THAN, EQUAL_OR_LESS, EQUAL_OR_MORE, START, MID, END)", {
    Approx => "APPROX",
    LessThan => "LESS_THAN",
    MoreThan => "MORE_THAN",
    EqualOrLess => "EQUAL_OR_LESS",
    EqualOrMore => "EQUAL_OR_MORE",
    Start => "START",
    Mid => "MID",
    End => "END",
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for kind in TimeKind::ALL {
            assert_eq!(kind.as_str().parse::<TimeKind>(), Ok(*kind));
        }
        for m in ["APPROX", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE", "START", "MID", "END"] {
            assert_eq!(m.parse::<TimeMod>().map(TimeMod::as_str), Ok(m));
        }
        assert!("SOON".parse::<TimeMod>().is_err());
    }
}
