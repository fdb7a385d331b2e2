//! Named entities: people, organisations and places in article text ([`mentions`], one pass per
//! article, run on the ingest workers) and across articles under one canonical name ([`link`]).
//!
//! Rules and word lists, no model: capitalised runs whose capitals are not grammar, kinds from
//! the evidence around them, roles from titles and appositions, and names resolved within an
//! article before they are linked across articles. See `find.rs` and `link.rs` for the steps.
//! Deliberately not here: lowercase names, pronoun coreference (the quote finder resolves its
//! speakers), and entity types beyond person, organisation, place and `other`.

mod find;
mod lexicon;
mod link;
mod token;

#[cfg(test)]
mod tests;

use parallax_core::Mention;

pub use find::mentions;
pub use link::{link, Linked};

/// Drops the mentions of the article's own outlet ("Varnia Today" in an article from
/// `varniatoday.example`, "the Kessel Courier" in one from "The Kessel Courier"): the outlet
/// is who wrote the story, not who is in it.
pub fn drop_outlet(mentions: &mut Vec<Mention>, outlet: &str) {
    let outlet = outlet_key(outlet);
    if outlet.len() < 3 {
        return;
    }
    mentions.retain(|m| outlet_key(&m.name) != outlet);
}

/// "The Kessel Courier", "www.kesselcourier.example", "https://kessel-courier.example/x" →
/// "kesselcourier".
fn outlet_key(s: &str) -> String {
    let s = s.trim();
    let s = s.split("://").nth(1).unwrap_or(s);
    let s = s.strip_prefix("www.").unwrap_or(s);
    let host = !s.contains(' ') && s.contains('.');
    let s = if host { s.split(['.', '/']).next().unwrap_or(s) } else { s };
    let low = s.to_lowercase();
    let low = low.strip_prefix("the ").unwrap_or(&low);
    low.chars().filter(|c| c.is_alphanumeric()).collect()
}
