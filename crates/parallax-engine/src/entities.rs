//! Entities over a run's articles, a story's or the store's: links their mentions with
//! `parallax_nlp::entities::link`, and puts quote speakers under the canonical names. Entities
//! are derived, never stored: linking again after new articles may merge a bare surname into
//! the one full name it now stands for.

use parallax_core::{ArticleId, Mention};
use parallax_nlp::entities::Linked;

use crate::contract::QuoteJson;
use crate::Record;

/// The entities of these articles, and which entity each article's names stand for.
pub(crate) fn link<'a>(records: impl IntoIterator<Item = &'a Record>) -> Linked {
    let items: Vec<(ArticleId, &[Mention])> =
        records.into_iter().map(|r| (r.article.id.clone(), r.mentions.as_slice())).collect();
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
