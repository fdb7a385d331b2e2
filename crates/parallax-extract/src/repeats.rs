//! Repeated material: the headline again in the body, teasers that repeat the opening, the
//! whole body twice, a repeated heading. Every sentence of the body comes out once, in order.
//!
//! The unit is the sentence (after glue was split in `paragraphs`), compared by
//! [`text::key`](parallax_core::text::key) so that quote styles and spacing do not hide a copy.
//! The first occurrence is kept, which keeps the order when a copy is trimmed; except that a
//! paragraph whose sentences all reappear inside one fuller paragraph later (a teaser, a pull
//! quote) gives way to that paragraph, which is where those sentences belong.

use parallax_core::text;
// Sentence keys are hashed a few times per sentence: FxHash, not SipHash (no untrusted-key DoS
// concern inside one article's text).
use rustc_hash::FxHashMap as HashMap;

/// Sentences shorter than this (in words) are only deduplicated as whole paragraphs: "Yes."
/// twice in a body can be real, a four-word heading twice is not.
const MIN_SENTENCE_WORDS: usize = 4;

struct Sentence<'a> {
    text: &'a str,
    /// [`text::key_hash`]: the same for copies that differ in case, punctuation, quote style.
    key: u64,
    words: usize,
}

/// Paragraphs shorter than this (in words) may recur in an HTML page's own text (table
/// cells, list items, a refrain in a recipe); longer ones twice are a copy.
const MIN_REPEATED_PARAGRAPH_WORDS: usize = 8;

/// Removes the later copies of whole paragraphs, for text that comes from an HTML page's own
/// elements (see `Origin::Html`).
pub(crate) fn remove_repeated_paragraphs(paras: Vec<String>) -> Vec<String> {
    let mut seen: HashMap<u64, ()> = HashMap::default();
    paras
        .into_iter()
        .filter(|p| {
            let (key, words) = text::key_hash(p);
            words < MIN_REPEATED_PARAGRAPH_WORDS || seen.insert(key, ()).is_none()
        })
        .collect()
}

/// Removes repeats from `paras`, given the headline `title`.
pub(crate) fn remove_repeats(paras: Vec<String>, title: Option<&str>) -> Vec<String> {
    let title_key = title.map(text::key).filter(|k| k.contains(' '));
    let title_len = title.map_or(0, str::len);
    let paras: Vec<String> = paras
        .into_iter()
        .filter(|p| p.len() > title_len * 2 || title_key.as_deref() != Some(text::key(p).as_str()))
        .collect();

    let split: Vec<Vec<Sentence>> = paras
        .iter()
        .map(|p| {
            text::sentences(p)
                .into_iter()
                .map(|r| {
                    let s = &p[r];
                    let (key, words) = text::key_hash(s);
                    Sentence { text: s, key, words }
                })
                .filter(|s| s.words > 0)
                .collect()
        })
        .collect();

    let mut count: HashMap<u64, u32> = HashMap::default();
    for s in split.iter().flatten() {
        *count.entry(s.key).or_default() += 1;
    }
    let truncated = |s: &Sentence| ends_with_ellipsis(s.text);
    // Most articles repeat nothing: keep every paragraph as it is, without rebuilding it.
    if count.values().all(|&c| c == 1) && !split.iter().flatten().any(truncated) {
        let keep: Vec<bool> = split.iter().map(|s| !s.is_empty()).collect();
        drop(split);
        return paras.into_iter().zip(keep).filter_map(|(p, k)| k.then_some(p)).collect();
    }

    // Which paragraphs give way to a fuller one later, found in one backward pass that knows,
    // for each sentence, the nearest later paragraph holding it.
    let mut next_para: HashMap<u64, usize> = HashMap::default();
    let mut gives: Vec<bool> = vec![false; split.len()];
    for i in (0..split.len()).rev() {
        gives[i] = gives_way(i, &split, &count, &next_para);
        for s in &split[i] {
            next_para.insert(s.key, i);
        }
    }

    let mut seen_sentences: HashMap<u64, ()> = HashMap::default();
    let mut seen_paras: HashMap<Vec<u64>, ()> = HashMap::default();
    let all: Vec<&Sentence> = split.iter().flatten().collect();
    // Per paragraph: dropped, kept whole, or rebuilt from the sentences that stay.
    let mut decisions: Vec<Option<Option<String>>> = Vec::with_capacity(split.len());
    let mut position = 0;
    for (i, sents) in split.iter().enumerate() {
        let start = position;
        position += sents.len();
        let para_key: Vec<u64> = sents.iter().map(|s| s.key).collect();
        if gives[i] || sents.is_empty() || seen_paras.insert(para_key, ()).is_some() {
            decisions.push(None);
            continue;
        }
        let mut kept: Vec<&str> = Vec::new();
        for (k, s) in sents.iter().enumerate() {
            let long = s.words >= MIN_SENTENCE_WORDS;
            if long && (seen_sentences.contains_key(&s.key) || is_truncated_copy(s, &all[start + k + 1..])) {
                continue;
            }
            if long {
                seen_sentences.insert(s.key, ());
            }
            kept.push(s.text);
        }
        decisions.push(match kept.len() {
            0 => None,
            n if n == sents.len() => Some(None),
            _ => Some(Some(kept.join(" "))),
        });
    }
    drop(split);
    paras
        .into_iter()
        .zip(decisions)
        .filter_map(|(para, decision)| decision.map(|rebuilt| rebuilt.unwrap_or(para)))
        .collect()
}

/// Paragraph `i` gives way when all its long sentences appear again in one later paragraph that
/// also holds a sentence found nowhere else: `i` is a teaser or pull quote of that paragraph.
/// `next_para` maps a sentence to the nearest paragraph after `i` that holds it.
fn gives_way(i: usize, split: &[Vec<Sentence>], count: &HashMap<u64, u32>, next_para: &HashMap<u64, usize>) -> bool {
    let long = split[i].iter().filter(|s| s.words >= MIN_SENTENCE_WORDS);
    if long.clone().count() == 0 || long.clone().count() < split[i].len() / 2 {
        return false;
    }
    let mut target = None;
    for s in long {
        let Some(&later) = next_para.get(&s.key) else {
            return false;
        };
        match target {
            None => target = Some(later),
            Some(t) if t == later => {}
            Some(_) => return false,
        }
    }
    let Some(j) = target else { return false };
    split[j].iter().any(|s| s.words >= MIN_SENTENCE_WORDS && count[&s.key] == 1)
}

fn ends_with_ellipsis(sentence: &str) -> bool {
    let t = sentence.trim_end_matches(['"', '”', '’', ')', ' ']);
    t.ends_with('…') || t.ends_with("...")
}

/// A teaser cut short ("The ministry said on Tuesday that the talks…") whose words open a later
/// sentence.
fn is_truncated_copy(s: &Sentence, later: &[&Sentence]) -> bool {
    if !ends_with_ellipsis(s.text) {
        return false;
    }
    // Rare (a sentence ending in an ellipsis): building the keys here costs nothing overall.
    let key = text::key(s.text);
    let keys: Vec<String> = later.iter().map(|l| text::key(l.text)).collect();
    keys.iter().any(|k| k.len() > key.len() && k.starts_with(&key))
        || keys.windows(2).any(|w| format!("{} {}", w[0], w[1]).starts_with(&key))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(paras: &[&str], title: Option<&str>, expected: &[&str]) {
        let got = remove_repeats(paras.iter().map(|s| s.to_string()).collect(), title);
        assert_eq!(got, expected);
    }

    const S1: &str = "The fire started at the plant shortly after midnight.";
    const S2: &str = "Firefighters from three districts fought it for six hours.";
    const S3: &str = "Nobody was hurt, the city said.";
    const S4: &str = "The plant will stay closed for at least a month.";

    #[test]
    fn teaser_glued_and_repeated() {
        let teaser = format!("{S1} {S2}");
        let body = format!("{S1} {S2} {S3}");
        check(&[&teaser, &body, S4], None, &[&body, S4]);
    }

    #[test]
    fn teaser_equal_to_first_paragraph() {
        check(&[S1, S1, S2], None, &[S1, S2]);
    }

    #[test]
    fn body_twice_even_when_trimmed() {
        check(&[S1, S2, S3, S4, S1, S2], None, &[S1, S2, S3, S4]);
        check(&[S1, S2, S3, S4, S1, S2, S3, S4], None, &[S1, S2, S3, S4]);
    }

    #[test]
    fn pull_quote_stays_in_place() {
        let para = format!("{S2} {S3}");
        check(&[S3, S1, &para, S4], None, &[S1, &para, S4]);
    }

    #[test]
    fn headline_repeated_and_heading_repeated() {
        let title = "Fire closes Kessel plant";
        check(
            &[title, "Fire closes Kessel plant", S1, "What happens next", S2, "What happens next"],
            Some(title),
            &[S1, "What happens next", S2],
        );
    }

    #[test]
    fn truncated_teaser() {
        check(&["The fire started at the plant shortly…", S1, S2], None, &[S1, S2]);
    }

    #[test]
    fn short_sentences_may_repeat() {
        check(&["\"No.\" He paused. \"No.\"", S1], None, &["\"No.\" He paused. \"No.\"", S1]);
    }

    #[test]
    fn quote_styles_do_not_hide_copies() {
        check(
            &["“We will rebuild,” the mayor said.", "\"We will rebuild,\" the mayor said.", S1],
            None,
            &["“We will rebuild,” the mayor said.", S1],
        );
    }
}
