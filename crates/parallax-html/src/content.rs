//! Finding the article among the blocks.
//!
//! Every block gets a weight: positive for prose (enough words outside links, punctuation of
//! sentences), negative for link lists and crumbs. The weights are summed up the tree, and the
//! element with the largest sum is the article's container: it holds the most prose for the
//! least furniture, so it is neither a single paragraph nor the whole page. Prose below an
//! element whose names mark it as furniture (comments, related stories) still counts for that
//! element, but only a little for its ancestors, so a long comment thread does not pull the
//! choice up to the page. Inside the container, furniture subtrees, captions and link-dense
//! blocks are dropped.

use crate::blocks::{Block, Kind};
use crate::dom::{Dom, NodeId, DOCUMENT};
use crate::hints::Hint;

/// Share of its weight that prose under a furniture element passes on to the ancestors.
const FURNITURE_DAMPING: f32 = 0.3;

/// Share of a block's words inside links above which it is furniture (a link list, crumbs),
/// not prose.
const MAX_LINK_DENSITY: f32 = 0.5;
/// Words outside links a punctuated block needs to count as prose.
const MIN_SENTENCE_WORDS: f32 = 10.0;
/// Words a block without sentence punctuation needs to count as prose (a long caption-less
/// paragraph of a sloppy page), at `UNPUNCTUATED_WEIGHT` of its words.
const MIN_UNPUNCTUATED_WORDS: f32 = 25.0;
const UNPUNCTUATED_WEIGHT: f32 = 0.5;
/// How much more a block counts when the page's JSON-LD `articleBody` contains it: the page's
/// own statement of its text beats any guess from markup.
const METADATA_BOOST: f32 = 2.0;
/// How much more an element's sum counts when it says it is the article body
/// (`itemprop=articleBody`, hint 2) or when its names say article text (hint 1): enough to win
/// a near tie with its parent, not to beat an element with clearly more prose.
const ARTICLE_BODY_BOOST: f32 = 1.5;
const ARTICLE_NAME_BOOST: f32 = 1.1;
/// Share of the container's prose a furniture-named element must hold to be kept anyway: then
/// its names were wrong or too broad; a long comment thread beside a short article holds less.
const FURNITURE_HOLDS_ALL: f32 = 0.8;
/// A block with any links and fewer words than this is dropped inside the container ("Share",
/// "Read more").
const MIN_LINKED_BLOCK_WORDS: u32 = 5;

/// The article's blocks.
pub(crate) struct Selection {
    /// Indices into the blocks, in document order.
    pub(crate) kept: Vec<usize>,
    /// Words outside links in the kept blocks.
    pub(crate) words: u32,
    /// Words inside links in the whole page.
    pub(crate) page_link_words: u32,
}

/// A block's weight in the search for the container. `agrees`: the page's metadata
/// (JSON-LD `articleBody`) contains this block's text; `None` when there is no such metadata.
fn weight(b: &Block, agrees: Option<bool>) -> f32 {
    let own = b.words.saturating_sub(b.link_words) as f32;
    let density = b.link_density();
    let base = match b.kind {
        Kind::Caption => -1.0,
        Kind::Heading(_) => 0.0,
        _ if density <= MAX_LINK_DENSITY && own >= MIN_SENTENCE_WORDS && b.punct >= 1 => own * (1.0 - density),
        _ if density <= MAX_LINK_DENSITY && own >= MIN_UNPUNCTUATED_WORDS => own * UNPUNCTUATED_WEIGHT,
        // Short plain text (a date, a table cell, a one-line answer) says little either way;
        // links are what furniture is made of.
        _ => -(b.link_words as f32),
    };
    // Prose the metadata does not contain counts for nothing: the container is then the
    // element that holds what the metadata says, and no more. Its unmatched paragraphs (a
    // truncated `articleBody`) still come out when they sit in that element.
    match agrees {
        Some(true) if base >= 0.0 => base * METADATA_BOOST + own,
        Some(false) if base > 0.0 => 0.0,
        _ => base,
    }
}

pub(crate) fn select(
    dom: &Dom,
    blocks: &[Block],
    hints: &[Hint],
    agrees: &dyn Fn(&Block) -> Option<bool>,
) -> Selection {
    let n = dom.nodes.len();
    let mut score = vec![0.0f32; n];
    // Prose weight per element, undamped: how much of the article an element holds.
    let mut prose = vec![0.0f32; n];
    for b in blocks {
        let mut w = weight(b, agrees(b));
        let p = w.max(0.0);
        let mut node = Some(b.owner);
        while let Some(id) = node {
            score[id] += w;
            prose[id] += p;
            if hints[id] < 0 && w > 0.0 {
                w *= FURNITURE_DAMPING;
            }
            node = dom.nodes[id].parent;
        }
    }
    // Elements inside furniture compete with the damped weight their ancestors see: a block
    // of teasers in the sidebar loses to the article it sits beside.
    let mut damp = vec![1.0f32; n];
    for id in 1..n {
        // Parents come before their children in the arena except after tree-builder moves;
        // those rare nodes just keep no damping.
        if let Some(p) = dom.nodes[id].parent.filter(|&p| p < id) {
            damp[id] = damp[p] * if hints[p] < 0 { FURNITURE_DAMPING } else { 1.0 };
        }
    }
    let boosted = |id: NodeId| {
        let s = score[id] * damp[id];
        match hints[id] {
            2 => s * ARTICLE_BODY_BOOST,
            1 => s * ARTICLE_NAME_BOOST,
            _ => s,
        }
    };
    let mut container = DOCUMENT;
    for id in 1..n {
        if dom.nodes[id].element().is_some() && boosted(id) >= boosted(container) {
            container = id;
        }
    }

    let page_link_words = blocks.iter().map(|b| b.link_words).sum();
    let mut kept = Vec::new();
    let mut words = 0;
    for (i, b) in blocks.iter().enumerate() {
        if !inside(dom, b.owner, container) || b.kind == Kind::Caption {
            continue;
        }
        // Furniture between the block and the container, unless it holds nearly all of the
        // container's prose (then its names were wrong, or too broad). A long comment thread
        // beside a short article holds most, not nearly all.
        let mut node = Some(b.owner);
        let mut furniture = false;
        while let Some(id) = node.filter(|&id| id != container) {
            if hints[id] < 0 && prose[id] < prose[container] * FURNITURE_HOLDS_ALL {
                furniture = true;
                break;
            }
            node = dom.nodes[id].parent;
        }
        if furniture {
            continue;
        }
        let density = b.link_density();
        if density > MAX_LINK_DENSITY || (b.words < MIN_LINKED_BLOCK_WORDS && b.link_words > 0) {
            continue;
        }
        words += b.words - b.link_words;
        kept.push(i);
    }
    Selection { kept, words, page_link_words }
}

/// Whether `node` is `ancestor` or below it.
fn inside(dom: &Dom, mut node: NodeId, ancestor: NodeId) -> bool {
    loop {
        if node == ancestor {
            return true;
        }
        match dom.nodes[node].parent {
            Some(p) => node = p,
            None => return false,
        }
    }
}
