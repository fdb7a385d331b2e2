//! HTML to article text: a saved page in, its main text (paragraphs, headings, lists, in
//! order) and its metadata out; navigation, adverts, comments, related links, share bars,
//! cookie notices and footers left behind.
//!
//! A library of the extract stage (`parallax-extract` calls it for HTML bodies); pure, no I/O.
//! Decoding bytes to text (charsets) is the reader's job in `parallax-ingest`.
//!
//! Design, measured on the development pages before writing it: the readability.js port
//! `dom_smoothie` scored F1 0.948 / 0.930 (AEB / L3S-GN1 dev sets) at about 420 / 700 pages/s on
//! one core, and the older `readability` crate 0.863 / 0.921; trafilatura scores 0.965 / 0.896.
//! Readability picks one candidate from per-paragraph scores propagated two levels up and then
//! prunes it with fixed rules, so whole sections of a long article are lost when the
//! paragraphs sit at different depths, and link lists inside the candidate stay. Here every
//! block's weight (prose positive, links negative) is summed over the whole tree and the
//! element with the largest sum wins (module `content`); the page's own metadata (JSON-LD
//! `articleBody`, `itemprop=articleBody`) weighs in as evidence, and the result is cleaned of
//! furniture inside the container. The tree comes from html5ever (module `dom`).
#![warn(clippy::disallowed_methods, reason = "pure stage")]
#![forbid(unsafe_code)]

mod blocks;
mod content;
mod dom;
mod hints;
mod meta;

use html5ever::local_name;
use rustc_hash::FxHashSet;

pub use meta::Meta;

use blocks::{Block, Kind};
use dom::{Dom, DOCUMENT};

/// What kind of page it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    Article,
    /// A list of links to articles (a front page, a section page, search results).
    Index,
    /// "Page not found" and its kin.
    Error,
}

/// One page's article.
#[derive(Debug, Clone)]
pub struct Page {
    pub kind: PageKind,
    pub meta: Meta,
    /// The article's paragraphs, headings and list items, in order.
    pub paragraphs: Vec<String>,
}

/// Shingles a JSON-LD `articleBody` needs to be used as evidence: a teaser-length body says
/// nothing about which blocks are the article.
const MIN_ARTICLE_BODY_SHINGLES: usize = 20;
/// Blocks with fewer shingles are too short to check against the `articleBody`.
const MIN_BLOCK_SHINGLES: usize = 3;
/// An error page's title is short ("404 – Page not found") and its text under this many words.
const MAX_ERROR_TITLE_WORDS: usize = 8;
const MAX_ERROR_PAGE_WORDS: u32 = 150;
/// An index page: not typed an article, fewer than `MAX_INDEX_WORDS` words selected, fewer
/// than two prose blocks (`INDEX_PROSE_BLOCK_WORDS` words, under `INDEX_PROSE_LINK_DENSITY`
/// in links), and more than `INDEX_LINKS_PER_WORD` link words per selected word. A short
/// article with a long menu stays an article: it has its prose blocks.
const MAX_INDEX_WORDS: u32 = 100;
const INDEX_PROSE_BLOCK_WORDS: u32 = 30;
const INDEX_PROSE_LINK_DENSITY: f32 = 0.2;
const INDEX_LINKS_PER_WORD: u32 = 5;

/// Finds the article in a whole HTML document.
pub fn extract_page(html: &str) -> Page {
    let dom = Dom::parse(html);
    let meta = meta::read(&dom);
    let root = dom.find(&local_name!("body")).unwrap_or(DOCUMENT);
    let blocks = blocks::blocks(&dom, root);
    let hints = hints::hints(&dom);
    let body = meta.article_body.as_deref().map(Shingles::new).filter(|s| s.len() >= MIN_ARTICLE_BODY_SHINGLES);
    let agrees = |b: &Block| body.as_ref().and_then(|s| s.contains_block(&b.text));
    let selection = content::select(&dom, &blocks, &hints, &agrees);
    let paragraphs: Vec<String> = selection.kept.iter().map(|&i| blocks[i].text.clone()).collect();
    let kind = page_kind(&meta, &selection, &blocks);
    Page { kind, meta, paragraphs }
}

/// The text of an HTML fragment that is all article (a feed item's content): every visible
/// block but captions, in order.
pub fn fragment_paragraphs(html: &str) -> Vec<String> {
    let dom = Dom::parse_fragment(html);
    blocks::blocks(&dom, DOCUMENT).into_iter().filter(|b| b.kind != Kind::Caption).map(|b| b.text).collect()
}

/// Error pages say so in their title; index pages are mostly links, with little prose.
fn page_kind(meta: &Meta, selection: &content::Selection, blocks: &[Block]) -> PageKind {
    let title = meta.title.as_deref().unwrap_or("").to_ascii_lowercase();
    let error_title = ["404", "page not found", "not found", "error"].iter().any(|p| title.contains(p))
        && title.split_whitespace().count() <= MAX_ERROR_TITLE_WORDS;
    if error_title && selection.words < MAX_ERROR_PAGE_WORDS {
        return PageKind::Error;
    }
    let article_typed = meta.page_type.as_deref().is_some_and(|t| t.contains("article") || t.contains("posting"));
    let prose_blocks = blocks
        .iter()
        .filter(|b| b.words >= INDEX_PROSE_BLOCK_WORDS && b.link_density() < INDEX_PROSE_LINK_DENSITY)
        .count();
    if !article_typed
        && selection.words < MAX_INDEX_WORDS
        && prose_blocks < 2
        && selection.page_link_words > selection.words * INDEX_LINKS_PER_WORD
    {
        return PageKind::Index;
    }
    PageKind::Article
}

/// Hashed 4-word shingles of a text: does a block's text occur in the page's `articleBody`?
struct Shingles(FxHashSet<u64>);

impl Shingles {
    fn new(text: &str) -> Shingles {
        Shingles(shingles(text).collect())
    }

    fn len(&self) -> usize {
        self.0.len()
    }

    /// `None` for blocks too short to tell.
    fn contains_block(&self, text: &str) -> Option<bool> {
        let mut total = 0usize;
        let mut hits = 0usize;
        for s in shingles(text) {
            total += 1;
            hits += usize::from(self.0.contains(&s));
        }
        // Half its shingles in the metadata: the block is the metadata's text, edited a little.
        (total >= MIN_BLOCK_SHINGLES).then_some(hits * 2 >= total)
    }
}

fn shingles(text: &str) -> impl Iterator<Item = u64> + '_ {
    let words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.chars()
                .flat_map(char::to_lowercase)
                .fold(0xcbf2_9ce4_8422_2325u64, |h, c| (h ^ c as u64).wrapping_mul(0x100_0000_01b3))
        })
        .collect();
    (0..words.len().saturating_sub(3)).map(move |i| words[i..i + 4].iter().fold(0u64, |h, w| h.rotate_left(17) ^ w))
}

#[cfg(test)]
mod tests;
