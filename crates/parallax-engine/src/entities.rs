//! Entities over a run's articles, a story's or the store's: links their mentions with
//! `parallax_nlp::entities::link` (articles stored before mentions were are read on the fly),
//! and puts quote speakers under the canonical names. Entities are derived, never stored:
//! linking again after new articles may merge a bare surname into the one full name it now
//! stands for.

use std::borrow::Cow;

use parallax_core::document::Document;
use parallax_core::{ArticleId, Mention};
use parallax_nlp::entities::Linked;

use crate::contract::QuoteJson;
use crate::ingest::find_mentions;
use crate::Record;

/// The entities of these articles, and which entity each article's names stand for.
pub(crate) fn link<'a>(records: impl IntoIterator<Item = &'a Record>) -> Linked {
    let items: Vec<(ArticleId, Cow<'a, [Mention]>)> = records
        .into_iter()
        .map(|r| {
            let mentions = if r.mentions.is_empty() {
                Cow::Owned(find_mentions(&r.article, &Document::of(&r.article)))
            } else {
                Cow::Borrowed(&r.mentions[..])
            };
            (r.article.id.clone(), mentions)
        })
        .collect();
    parallax_nlp::entities::link(&items)
}

/// The quotes of these articles, each speaker under its canonical name: "Berg" in one article,
/// "Anna Berg" in another, "Chancellor Anna Berg" as the quote finder saw her are one speaker.
pub(crate) fn quotes_of<'a>(records: impl IntoIterator<Item = &'a Record>, linked: &Linked) -> Vec<QuoteJson> {
    records
        .into_iter()
        .flat_map(|r| {
            r.quotes.iter().map(|q| {
                let mut json = QuoteJson::new(&r.article.id, q);
                if let Some(name) = linked.canonical(&r.article.id, &q.speaker) {
                    json.quote.speaker = name.to_string();
                }
                json
            })
        })
        .collect()
}
