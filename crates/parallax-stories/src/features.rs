//! What an article is about, as weighted terms: words of the title and body minus stopwords,
//! with names (capitalised words inside sentences) and title words weighing more, since names
//! and places are what tell one event from a look-alike.
//!
//! Terms are 64-bit hashes of the lowercased word; the strings are kept only for display.
//! Words are read off the article's [`Document`]: runs of its tokens, never its chars again.

use parallax_core::document::{Document, Gap, Text};
use parallax_core::lexicon;
use rustc_hash::FxHashMap;

// Constants, not `StoryConfig` knobs: terms and their weights are persisted in every story's
// centroid, so changing one would make new articles incomparable with stored stories.

/// How much more a word counts when the article writes it capitalised mid-sentence (a name).
const NAME_BOOST: f32 = 2.0;
/// How much more a word counts when it is in the title.
const TITLE_BOOST: f32 = 1.5;
/// Digits a number needs to be a term: years and large figures tell events apart, small counts
/// ("35 people", "3 days") recur in every story.
const MIN_NUMBER_DIGITS: usize = 4;
/// Letters a word needs to be a term: single letters are initials and stray marks.
const MIN_WORD_CHARS: usize = 2;
/// Capitalised words in a row that make a full name, one specific term ("pierre_thomas").
const MIN_NAME_RUN: usize = 2;

/// English stopwords and news function words ("said", "told") and weekday names: they say
/// nothing about which event an article reports.
fn is_stopword(lower: &str) -> bool {
    lexicon::STOPWORDS.contains(lower) || lexicon::is_weekday_name(lower)
}

/// A term's hash.
pub type Term = u64;

/// One article's terms with their counts and boosts.
#[derive(Debug, Clone, Default)]
pub struct Features {
    /// (term, raw weight: count times the largest boost it had).
    pub terms: Vec<(Term, f32)>,
    /// The event-specific part: names (single words and runs of capitalised words such as
    /// "pierre_thomas") and large numbers, which differ between look-alike events that share
    /// every topical word.
    pub specific: Vec<(Term, f32)>,
    /// The terms of the title and the lead (the first sentences): what the article reports,
    /// without the background paragraphs that look-alike events share.
    pub lead: Vec<(Term, f32)>,
    /// Display strings of the terms (lowercased words).
    pub words: FxHashMap<Term, String>,
}

/// The terms of an article's title and body.
pub fn features(doc: &Document<'_>) -> Features {
    let body = &doc.body;
    let mut acc = Accumulator::default();
    if let Some(t) = &doc.title {
        acc.add_text(t, t.tokens().len(), TITLE_BOOST, true);
    }
    acc.add_text(body, body.tokens().len(), 1.0, false);
    let mut head = Accumulator::default();
    if let Some(t) = &doc.title {
        head.add_text(t, t.tokens().len(), TITLE_BOOST, true);
    }
    head.add_text(body, lead(body), 1.0, false);
    let weigh = |m: FxHashMap<Term, (f32, f32)>| m.into_iter().map(|(t, (n, boost))| (t, n * boost)).collect();
    Features { terms: weigh(acc.counts), specific: weigh(acc.specific), lead: weigh(head.counts), words: acc.words }
}

/// Sentences that make the lead.
const LEAD_SENTENCES: usize = 3;
/// Paragraphs the lead may span (a dateline or a stamp line is a paragraph of its own).
const LEAD_PARAGRAPHS: u32 = 3;

/// The number of tokens of `text` up to the end of its third sentence (a `.`, `!` or `?` before
/// whitespace or the end) or its third paragraph, whichever comes first.
fn lead(text: &Text<'_>) -> usize {
    let toks = text.tokens();
    let mut sentences = 0;
    for (k, t) in toks.iter().enumerate() {
        if t.para == LEAD_PARAGRAPHS {
            return k;
        }
        if matches!(text.str(k), "." | "!" | "?") && toks.get(k + 1).is_none_or(|n| n.gap != Gap::Joined) {
            sentences += 1;
            if sentences == LEAD_SENTENCES {
                return k + 1;
            }
        }
    }
    toks.len()
}

#[derive(Default)]
struct Accumulator {
    counts: FxHashMap<Term, (f32, f32)>,
    specific: FxHashMap<Term, (f32, f32)>,
    words: FxHashMap<Term, String>,
    /// The run of capitalised words being read ("Pierre", "Thomas").
    run: Vec<String>,
}

impl Accumulator {
    /// Adds the words of the first `n` tokens of `text`. A word is a run of alphanumeric
    /// tokens joined by hyphens ("co-founder"); a possessive "'s" is dropped ("Kovac's" counts
    /// as "kovac"). A run of capitalised words goes on over single spaces only.
    fn add_text(&mut self, text: &Text<'_>, n: usize, base: f32, headline: bool) {
        let (s, toks) = (text.as_str(), &text.tokens()[..n]);
        let mut sentence_start = true;
        // The byte range of the word being read.
        let mut word: Option<(usize, usize)> = None;
        // The token after an apostrophe starts with the "s" of a possessive.
        let mut possessive = false;
        for (k, t) in toks.iter().enumerate() {
            if t.gap != Gap::Joined && k > 0 {
                if let Some((a, b)) = word.take() {
                    self.take_word(&s[a..b], base, headline, sentence_start);
                    sentence_start = false;
                }
                if t.odd_gap() {
                    self.end_run(base);
                }
                sentence_start |= t.newline();
            }
            if t.is_word() {
                let start = if std::mem::take(&mut possessive) { t.start + 1 } else { t.start };
                if start < t.end {
                    word = Some((word.map_or(start, |w| w.0), t.end));
                }
                continue;
            }
            let c = text.str(k);
            let joined_word = toks.get(k + 1).filter(|n| n.gap == Gap::Joined && n.is_word());
            if c == "-" && word.is_some() && joined_word.is_some() {
                word = word.map(|w| (w.0, t.end));
                continue;
            }
            if matches!(c, "'" | "’") {
                possessive = joined_word.is_some_and(|n| matches!(s.as_bytes()[n.start], b's' | b'S'));
            }
            if let Some((a, b)) = word.take() {
                self.take_word(&s[a..b], base, headline, sentence_start);
                sentence_start = false;
            }
            if c != "-" {
                self.end_run(base);
            }
            if matches!(c, "." | "!" | "?" | "\"" | "“" | ":") {
                sentence_start = true;
            }
        }
        if let Some((a, b)) = word {
            self.take_word(&s[a..b], base, headline, sentence_start);
        }
        self.end_run(base);
    }

    fn take_word(&mut self, word: &str, base: f32, headline: bool, sentence_start: bool) {
        let lower = word.to_lowercase();
        let numeric = lower.chars().all(|c| c.is_ascii_digit());
        // Capitalised inside a sentence (not in a headline, where every word is): a name.
        let name = !headline && !sentence_start && word.chars().next().is_some_and(char::is_uppercase);
        if name {
            self.run.push(lower.clone());
        } else {
            self.end_run(base);
        }
        // Numbers say little unless they are years or large figures.
        if (numeric && lower.len() < MIN_NUMBER_DIGITS)
            || (!numeric && lower.chars().count() < MIN_WORD_CHARS)
            || is_stopword(&lower)
        {
            return;
        }
        let boost = base * if name { NAME_BOOST } else { 1.0 };
        let term = term_of(&lower);
        bump(&mut self.counts, term, boost);
        if name || numeric {
            bump(&mut self.specific, term, boost);
        }
        self.words.entry(term).or_insert(lower);
    }

    /// A run of two or more capitalised words is a full name: one specific term.
    fn end_run(&mut self, base: f32) {
        if self.run.len() >= MIN_NAME_RUN {
            let joined = self.run.join("_");
            let term = term_of(&joined);
            bump(&mut self.specific, term, base * NAME_BOOST);
            self.words.entry(term).or_insert(joined);
        }
        self.run.clear();
    }
}

fn bump(map: &mut FxHashMap<Term, (f32, f32)>, term: Term, boost: f32) {
    let entry = map.entry(term).or_insert((0.0, boost));
    entry.0 += 1.0;
    entry.1 = entry.1.max(boost);
}

/// The hash of a lowercased word.
pub fn term_of(lower: &str) -> Term {
    // FNV-1a: tiny, stable across runs and platforms (terms are persisted with the stories).
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in lower.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stage on a document of `title` and `text`.
    fn features(title: Option<&str>, text: &str) -> Features {
        super::features(&Document::new(title, text))
    }

    /// The lead of `text`, as text.
    fn lead(text: &str) -> &str {
        let t = Text::new(text);
        super::lead(&t).checked_sub(1).map_or("", |k| &text[..t.tokens()[k].end])
    }

    fn weight(f: &Features, word: &str) -> f32 {
        f.terms.iter().find(|(t, _)| *t == term_of(word)).map_or(0.0, |(_, w)| *w)
    }

    #[test]
    fn names_and_titles_weigh_more() {
        let f = features(
            Some("Fire at Kessel plant"),
            "The fire spread. Crews said Kessel's mayor Petra Lind came. Fire again.",
        );
        assert_eq!(weight(&f, "kessel"), 2.0 * 2.0);
        assert_eq!(weight(&f, "lind"), 2.0);
        assert_eq!(weight(&f, "fire"), 3.0 * 1.5);
        assert_eq!(weight(&f, "the"), 0.0);
        assert_eq!(weight(&f, "said"), 0.0);
    }

    #[test]
    fn full_names_are_specific_terms() {
        let f = features(None, "The Saints placed running back Pierre Thomas on injured reserve.");
        assert!(f.specific.iter().any(|(t, _)| *t == term_of("pierre_thomas")));
        assert!(!f.specific.iter().any(|(t, _)| *t == term_of("injured")));
    }

    #[test]
    fn the_lead_is_the_first_three_sentences_within_three_paragraphs() {
        assert_eq!(lead("One. Two! Three? Four."), "One. Two! Three?");
        assert_eq!(lead("Jan 5, 2011\n\nOne. Two.\n\nThree.\n\nFour."), "Jan 5, 2011\n\nOne. Two.\n\nThree.");
        assert_eq!(lead("Stamp\n\nOne\n\nTwo\n\nThree"), "Stamp\n\nOne\n\nTwo");
        assert_eq!(lead("3.5 million. Short"), "3.5 million. Short");
        let f = features(Some("Fire in Kessel"), "Fire hit Kessel. Two died. Crews came. Background on Varnia.");
        assert!(f.lead.iter().any(|(t, _)| *t == term_of("crews")));
        assert!(!f.lead.iter().any(|(t, _)| *t == term_of("varnia")));
    }

    #[test]
    fn numbers_only_when_large() {
        let f = features(None, "In 2013 about 35 people and 1,200 homes were hit.");
        assert!(weight(&f, "2013") > 0.0);
        assert_eq!(weight(&f, "35"), 0.0);
        assert_eq!(weight(&f, "200"), 0.0);
    }
}
