//! Entities over a run's articles or the store's: links their mentions with
//! `parallax_nlp::entities::link`. Entities are derived, never stored: linking again after new
//! articles may merge a bare surname into the one full name it now stands for.

use parallax_core::{ArticleId, Entity, EntityKind, Mention};
pub use parallax_nlp::entities::Linked;

use crate::{Engine, Result, Run};

/// The entities of the articles of one run, and which entity each article's names stand for.
pub fn entities_of(run: &Run) -> Linked {
    let items: Vec<(ArticleId, &[Mention])> =
        run.articles.iter().map(|a| (a.article.id.clone(), a.mentions.as_slice())).collect();
    parallax_nlp::entities::link(&items)
}

impl Engine {
    /// The entities of every stored article, most widely mentioned first; only those of `kind`
    /// when one is given.
    pub fn entities(&self, kind: Option<EntityKind>) -> Result<Vec<Entity>> {
        let items: Vec<(ArticleId, Vec<Mention>)> =
            self.articles()?.into_iter().map(|r| (r.article.id, r.mentions)).collect();
        let mut entities = parallax_nlp::entities::link(&items).entities;
        if let Some(kind) = kind {
            entities.retain(|e| e.kind == kind);
        }
        Ok(entities)
    }
}
