//! `Mention`: a named person, organisation or place in one article's text, and `Entity`: one
//! such thing across all the articles of a run or of the store, under one canonical name.
//!
//! Plain data: finding mentions and linking them is `parallax-nlp`'s job, keeping mentions the
//! store's. Entities are derived (linked again from the stored mentions), never stored.

use serde::{Deserialize, Serialize};

use crate::article::ArticleId;

/// What a named thing is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    /// Named events, storms, treaties and the like.
    Other,
}

/// A name (or a description that stands for one, "the chancellor") in an article's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Char (Unicode scalar value) offsets into the article's `text`, end exclusive. A name's
    /// span leaves out titles and honorifics ("Chancellor Anna Berg" → "Anna Berg").
    pub start: usize,
    pub end: usize,
    /// The text at `start..end` ("Berg", "the chancellor", "KESSEL").
    pub text: String,
    pub kind: EntityKind,
    /// Whom or what it names, as fully as the article says it, without titles: "Anna Berg" for
    /// "Berg" and for "the chancellor"; "National Unity Party" for "NUP"; "Kessel" for "KESSEL".
    pub name: String,
    /// The role or title the article gives at this mention: "chancellor", "mayor of Kessel".
    pub role: Option<String>,
}

/// One person, organisation or place across articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable: `e-` + a hash of the canonical name and the kind ([`Entity::id_for`]).
    pub id: String,
    /// The canonical name: the fullest form the articles give, without titles.
    pub name: String,
    pub kind: EntityKind,
    /// Other names it goes by in the articles ("Berg", "NUP"), sorted.
    pub aliases: Vec<String>,
    /// Roles and titles the articles give it, most often given first.
    pub roles: Vec<String>,
    /// The articles that mention it, in the order they were given.
    pub articles: Vec<ArticleId>,
}

impl Entity {
    /// The id of the entity with this canonical name and kind: the same in every run.
    pub fn id_for(name: &str, kind: EntityKind) -> String {
        let mut buf = Vec::with_capacity(name.len() + 16);
        buf.extend_from_slice(kind.as_str().as_bytes());
        buf.push(0);
        buf.extend_from_slice(name.as_bytes());
        format!("e-{:012x}", xxhash_rust::xxh3::xxh3_64(&buf) >> 16)
    }
}

crate::names::named!(EntityKind, "an entity kind (person, organization, place, other)", {
    Person => "person",
    Organization => "organization" | "organisation",
    Place => "place",
    Other => "other",
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_and_ids_are_stable() {
        for kind in EntityKind::ALL {
            assert_eq!(kind.as_str().parse::<EntityKind>(), Ok(*kind));
        }
        let id = Entity::id_for("Anna Berg", EntityKind::Person);
        assert_eq!(id, Entity::id_for("Anna Berg", EntityKind::Person));
        assert_ne!(id, Entity::id_for("Anna Berg", EntityKind::Place));
        assert!(id.starts_with("e-") && id.len() == 14, "{id}");
    }
}
