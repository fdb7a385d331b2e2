//! `Story`: the articles about one real event, as the store keeps and users see it.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A story's description. Its articles are listed from the store (each article names its story).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Story {
    /// Stable: `s` + the id of the article that opened it.
    pub id: String,
    pub title: Option<String>,
    /// The story's strongest terms.
    pub key_terms: Vec<String>,
    /// Earliest and latest publication date of its articles.
    pub first: Option<Date>,
    pub last: Option<Date>,
    /// When a bridging article showed this story and another to be one, the story it joined.
    pub merged_into: Option<String>,
}
