//! Quote variants across the articles of a story: the same speaker's words as different
//! outlets render them (translated, trimmed, paraphrased), linked, with what differs.
//!
//! Two renderings are variants when they come from different articles, name the same speaker
//! (by surname, as "Berg" and "Anna Berg" do), and share most of the shorter one's content
//! words. Identical renderings are agreement, not variants: a group is reported only when its
//! renderings differ. Differences are word-level edits against the group's first rendering
//! (`similar`'s Patience diff: a maintained implementation, no reason to write one).

use rustc_hash::FxHashSet;

use parallax_core::{Quote, QuoteKind};

/// One quote as one article gives it.
#[derive(Debug, Clone, Copy)]
pub struct Rendering<'a> {
    pub article: &'a str,
    pub outlet: Option<&'a str>,
    pub quote: &'a Quote,
}

/// Renderings of the same words by the same speaker, in the order given (the caller passes
/// them by publication), with each later rendering's differences from the first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VariantGroup {
    pub speaker: String,
    /// (article, outlet, text, kind) per rendering; the first is the reference. The kind says
    /// whether the article quotes the words or reports them.
    pub renderings: Vec<(String, Option<String>, String, QuoteKind)>,
    /// Per rendering after the first: words it drops ("-") and adds ("+") against the first.
    pub differences: Vec<Vec<Edit>>,
}

/// A run of words one rendering drops or adds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Dropped(String),
    Added(String),
}

/// Share of the shorter rendering's content words that the other must contain.
const MIN_SHARED: f64 = 0.6;
/// Fewer shared content words than this is coincidence ("the plan", "we will").
const MIN_SHARED_WORDS: usize = 4;
/// Letters a word needs to be a content word of a quote.
const MIN_CONTENT_CHARS: usize = 4;

/// The variant groups among `renderings` (quotes of one story's articles, copies left out).
pub fn variants(renderings: &[Rendering<'_>]) -> Vec<VariantGroup> {
    let words: Vec<FxHashSet<String>> = renderings.iter().map(|r| content_words(&r.quote.text)).collect();
    let keys: Vec<String> = renderings.iter().map(|r| speaker_key(&r.quote.speaker)).collect();
    // Union-find over the pairs that match.
    let mut parent: Vec<usize> = (0..renderings.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for i in 0..renderings.len() {
        for j in i + 1..renderings.len() {
            if keys[i].is_empty() || keys[i] != keys[j] || renderings[i].article == renderings[j].article {
                continue;
            }
            let shared = words[i].intersection(&words[j]).count();
            let shorter = words[i].len().min(words[j].len()).max(1);
            if shared >= MIN_SHARED_WORDS && shared as f64 / shorter as f64 >= MIN_SHARED {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                parent[b.max(a)] = a.min(b);
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut slot: Vec<Option<usize>> = vec![None; renderings.len()];
    for i in 0..renderings.len() {
        let r = root(&mut parent, i);
        match slot[r] {
            Some(g) => groups[g].push(i),
            None => {
                slot[r] = Some(groups.len());
                groups.push(vec![i]);
            }
        }
    }
    groups
        .into_iter()
        .filter(|g| g.len() > 1)
        .filter_map(|g| {
            let first = &renderings[g[0]];
            let differences: Vec<Vec<Edit>> =
                g[1..].iter().map(|&k| edits(&first.quote.text, &renderings[k].quote.text)).collect();
            if differences.iter().all(Vec::is_empty) {
                return None;
            }
            // The fullest form of the speaker's name among the renderings.
            let speaker =
                g.iter().map(|&k| renderings[k].quote.speaker.as_str()).max_by_key(|s| s.len()).unwrap_or_default();
            Some(VariantGroup {
                speaker: speaker.to_string(),
                renderings: g
                    .iter()
                    .map(|&k| {
                        let r = &renderings[k];
                        (r.article.to_string(), r.outlet.map(str::to_string), r.quote.text.clone(), r.quote.kind)
                    })
                    .collect(),
                differences,
            })
        })
        .collect()
}

/// Word-level edits from `a` to `b`, ignoring case, punctuation and quotation marks: each
/// replaced stretch as the words dropped, then the words added.
fn edits(a: &str, b: &str) -> Vec<Edit> {
    let (na, nb) = (normalise(a), normalise(b));
    let (wa, wb): (Vec<&str>, Vec<&str>) = (na.split(' ').collect(), nb.split(' ').collect());
    let ops = similar::capture_diff_slices(similar::Algorithm::Patience, &wa, &wb);
    let mut dropped: Vec<&str> = Vec::new();
    let mut added: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    let flush = |dropped: &mut Vec<&str>, added: &mut Vec<&str>, out: &mut Vec<Edit>| {
        if !dropped.is_empty() {
            out.push(Edit::Dropped(dropped.join(" ")));
        }
        if !added.is_empty() {
            out.push(Edit::Added(added.join(" ")));
        }
        dropped.clear();
        added.clear();
    };
    for op in ops {
        let (tag, old, new) = op.as_tag_tuple();
        match tag {
            similar::DiffTag::Equal => flush(&mut dropped, &mut added, &mut out),
            _ => {
                dropped.extend(wa[old].iter().filter(|w| !w.is_empty()));
                added.extend(wb[new].iter().filter(|w| !w.is_empty()));
            }
        }
    }
    flush(&mut dropped, &mut added, &mut out);
    out
}

/// Lowercase words without punctuation or quotation marks, one space apart.
fn normalise(text: &str) -> String {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Content words: at least `MIN_CONTENT_CHARS` letters, so "the", "and", "we" do not make a match.
fn content_words(text: &str) -> FxHashSet<String> {
    normalise(text).split(' ').filter(|w| w.chars().count() >= MIN_CONTENT_CHARS).map(str::to_string).collect()
}

/// A speaker's surname, lowercase: "Anna Berg", "Berg" and "BERG" are one speaker.
fn speaker_key(speaker: &str) -> String {
    speaker.split_whitespace().last().unwrap_or_default().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::QuoteKind;

    fn quote(speaker: &str, text: &str) -> Quote {
        Quote { start: 0, end: 0, text: text.into(), speaker: speaker.into(), kind: QuoteKind::Direct, via: None }
    }

    #[test]
    fn a_trimmed_and_reworded_rendering_is_a_variant_with_its_differences() {
        let a = quote("Anna Berg", "We will not accept any toll on grain that crosses our border");
        let b = quote("Berg", "We will not accept a toll on grain crossing our border");
        let c = quote("Tomas Lind", "We will not accept any toll on grain that crosses our border");
        let out = variants(&[
            Rendering { article: "a1", outlet: Some("MPA"), quote: &a },
            Rendering { article: "a2", outlet: Some("Kessel Courier"), quote: &b },
            Rendering { article: "a3", outlet: None, quote: &c },
        ]);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].speaker, "Anna Berg");
        assert_eq!(out[0].renderings.len(), 2);
        assert_eq!(
            out[0].differences[0],
            [
                Edit::Dropped("any".into()),
                Edit::Added("a".into()),
                Edit::Dropped("that crosses".into()),
                Edit::Added("crossing".into()),
            ]
        );
    }

    #[test]
    fn identical_renderings_and_one_article_are_not_variants() {
        let a = quote("Anna Berg", "The bridge will reopen in May, as promised to the valley");
        let b = quote("Anna Berg", "“The bridge will reopen in May, as promised to the valley.”");
        let same = variants(&[
            Rendering { article: "a1", outlet: None, quote: &a },
            Rendering { article: "a2", outlet: None, quote: &b },
        ]);
        assert!(same.is_empty(), "{same:?}");
        let c = quote("Anna Berg", "The bridge will reopen in June, as promised to the valley");
        let one_article = variants(&[
            Rendering { article: "a1", outlet: None, quote: &a },
            Rendering { article: "a1", outlet: None, quote: &c },
        ]);
        assert!(one_article.is_empty());
    }

    #[test]
    fn different_words_of_one_speaker_are_not_variants() {
        let a = quote("Anna Berg", "The bridge will reopen in May");
        let b = quote("Anna Berg", "Nobody in the ministry answered our letters for a year");
        assert!(variants(&[
            Rendering { article: "a1", outlet: None, quote: &a },
            Rendering { article: "a2", outlet: None, quote: &b },
        ])
        .is_empty());
    }
}
