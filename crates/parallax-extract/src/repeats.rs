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
    key: String,
    words: usize,
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
                    let key = text::key(s);
                    let words = if key.is_empty() { 0 } else { key.bytes().filter(|&b| b == b' ').count() + 1 };
                    Sentence { text: s, key, words }
                })
                .filter(|s| !s.key.is_empty())
                .collect()
        })
        .collect();

    let mut count: HashMap<&str, usize> = HashMap::default();
    let mut where_is: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, sents) in split.iter().enumerate() {
        for s in sents {
            *count.entry(&s.key).or_default() += 1;
            where_is.entry(&s.key).or_default().push(i);
        }
    }

    let dropped: Vec<bool> = (0..split.len()).map(|i| gives_way(i, &split, &count, &where_is)).collect();

    let mut seen_sentences: HashMap<&str, ()> = HashMap::default();
    let mut seen_paras: HashMap<String, ()> = HashMap::default();
    let mut out = Vec::new();
    let all_keys: Vec<&str> = split.iter().flatten().map(|s| s.key.as_str()).collect();
    let mut position = 0;
    for (i, sents) in split.iter().enumerate() {
        let start = position;
        position += sents.len();
        if dropped[i] || sents.is_empty() {
            continue;
        }
        let para_key = sents.iter().map(|s| s.key.as_str()).collect::<Vec<_>>().join(" ");
        if seen_paras.insert(para_key, ()).is_some() {
            continue;
        }
        let mut kept: Vec<&str> = Vec::new();
        for (k, s) in sents.iter().enumerate() {
            let long = s.words >= MIN_SENTENCE_WORDS;
            if long && seen_sentences.contains_key(s.key.as_str()) {
                continue;
            }
            if long && is_truncated_copy(s, &all_keys[start + k + 1..]) {
                continue;
            }
            if long {
                seen_sentences.insert(&s.key, ());
            }
            kept.push(s.text);
        }
        if !kept.is_empty() {
            out.push(kept.join(" "));
        }
    }
    out
}

/// Paragraph `i` gives way when all its long sentences appear again in one later paragraph that
/// also holds a sentence found nowhere else: `i` is a teaser or pull quote of that paragraph.
fn gives_way(
    i: usize,
    split: &[Vec<Sentence>],
    count: &HashMap<&str, usize>,
    where_is: &HashMap<&str, Vec<usize>>,
) -> bool {
    let long: Vec<&Sentence> = split[i].iter().filter(|s| s.words >= MIN_SENTENCE_WORDS).collect();
    if long.is_empty() || long.len() < split[i].len() / 2 {
        return false;
    }
    let mut target = None;
    for s in &long {
        let Some(later) = where_is[s.key.as_str()].iter().copied().find(|&j| j > i) else {
            return false;
        };
        match target {
            None => target = Some(later),
            Some(t) if t == later => {}
            Some(_) => return false,
        }
    }
    let Some(j) = target else { return false };
    split[j].iter().any(|s| s.words >= MIN_SENTENCE_WORDS && count[s.key.as_str()] == 1)
}

/// A teaser cut short ("The ministry said on Tuesday that the talks…") whose words open a later
/// sentence.
fn is_truncated_copy(s: &Sentence, later: &[&str]) -> bool {
    let t = s.text.trim_end_matches(['"', '”', '’', ')', ' ']);
    if !(t.ends_with('…') || t.ends_with("...")) {
        return false;
    }
    later.iter().any(|k| k.len() > s.key.len() && k.starts_with(s.key.as_str()))
        || later.windows(2).any(|w| format!("{} {}", w[0], w[1]).starts_with(s.key.as_str()))
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
