//! What an element's `class`, `id` and `role` say it is: page furniture (comments, sharing,
//! related links, navigation, adverts) or article text. Names, not sites: these are the words
//! every CMS and CSS framework uses, the same evidence readability-style extractors weigh.

use parallax_core::lexicon;
use rustc_hash::FxHashMap;

use crate::dom::{Dom, Element, Tag};

/// Negative when an element's names mark it as furniture, positive when they mark the article,
/// 2 for `itemprop=articleBody` (the page's own statement), 0 when they say nothing.
pub(crate) type Hint = i8;

/// Longest `class`/`id` value read: longer ones are generated (utility-class soup, hashes)
/// and say nothing a reader would.
const MAX_NAMES_LEN: usize = 200;

pub(crate) fn hint(e: &Element) -> Hint {
    if e.attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("articlebody")) {
        return 2;
    }
    match e.attr("role") {
        Some("navigation" | "complementary" | "contentinfo" | "banner" | "search" | "menu" | "dialog") => return -1,
        Some("main" | "article") => return 1,
        _ => {}
    }
    let mut neg = false;
    let mut pos = false;
    for attr in ["class", "id"] {
        let Some(value) = e.attr(attr) else { continue };
        if value.len() > MAX_NAMES_LEN {
            continue;
        }
        let lower = value.to_ascii_lowercase();
        // Parts match inside other words ("comment-list", "postShare"); the furniture words are
        // too short or common for that ("ad" is in "header", "nav" in "canvas").
        if lexicon::FURNITURE_CLASS_PARTS.iter().any(|s| lower.contains(s))
            || lower.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| lexicon::FURNITURE_CLASS_WORDS.contains(w))
        {
            neg = true;
        } else if lexicon::ARTICLE_CLASS_PARTS.iter().any(|s| lower.contains(s)) {
            pos = true;
        }
    }
    if neg {
        -1
    } else {
        Hint::from(pos)
    }
}

/// Hints of every node (0 for non-elements); page furniture tags (`nav`, `aside`, `footer`,
/// `header`) count as negative whatever their names.
pub(crate) fn hints(dom: &Dom) -> Vec<Hint> {
    // Pages repeat the same few class names hundreds of times: judge each name once.
    let mut known: FxHashMap<(&str, &str), Hint> = FxHashMap::default();
    dom.nodes
        .iter()
        .map(|n| match n.element() {
            Some(e) if e.tag == Tag::Furniture => -1,
            Some(e) if e.tag == Tag::Main => hint(e).max(1),
            Some(e) if e.attr("itemprop").is_some() || e.attr("role").is_some() => hint(e),
            Some(e) => match (e.attr("class"), e.attr("id")) {
                (None, None) => 0,
                (class, id) => *known.entry((class.unwrap_or(""), id.unwrap_or(""))).or_insert_with(|| hint(e)),
            },
            None => 0,
        })
        .collect()
}
