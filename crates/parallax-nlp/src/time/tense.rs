//! The tense around a time expression, from the words of its clause: "will", "is due to",
//! "is meeting" point forward; "said", "was", "-ed" verbs point back. It decides which Friday
//! "on Friday" is and which year "March 3" falls in.
//!
//! Lexical cues rather than a part-of-speech tagger: news clauses are short and their verbs
//! sit next to the time expression ("said Friday", "will meet Friday"), so the nearest cue
//! in the same sentence is right far more often than not, at a tiny fraction of the cost.

use parallax_core::lexicon;

use super::token::{Gap, Kind, Tokens};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Present,
    Future,
    Unknown,
}

/// How far (in tokens) to look for a cue on each side.
const REACH_LEFT: usize = 20;
const REACH_RIGHT: usize = 12;
/// Tokens by which a cue after the expression must be nearer than one before it to win.
const LEFT_CUE_ADVANTAGE: usize = 2;
/// Letters of a word whose period can end a sentence: shorter ones are initials ("J.") or
/// abbreviations ("Dr.", "St.").
const MIN_SENTENCE_END_WORD: usize = 3;
/// Letters of an "-ing" word after "is" that makes a progressive ("is meeting"), not a noun
/// ("is king", "is thing").
const MIN_ING_VERB: usize = 6;
/// Letters of an "-ed" word read as a past form: shorter ones are "bed", "red", "fed".
const MIN_PAST_FORM: usize = 5;

/// The tense of the clause around tokens `start..end`.
pub(crate) fn tense(t: &Tokens<'_>, start: usize, end: usize) -> Tense {
    // A deadline looks ahead whatever the verb: "must be returned by Jan. 14", "could come
    // as soon as Tuesday".
    let before = |k: usize| start.checked_sub(k).map_or("", |p| t.low(p));
    if matches!(before(1), "by" | "until" | "till")
        || matches!((before(3), before(2), before(1)), ("as", "soon" | "early", "as") | ("no", "later", "than"))
    {
        return Tense::Future;
    }
    let mut left = None;
    let mut i = start;
    while i > 0 && start - i < REACH_LEFT {
        if boundary_before(t, i) {
            break;
        }
        i -= 1;
        if let Some(cue) = cue(t, i) {
            left = Some((start - i, cue));
            break;
        }
    }
    let mut right = None;
    let mut j = end;
    while j < t.len() && j - end < REACH_RIGHT {
        if boundary_before(t, j) {
            break;
        }
        if let Some(cue) = cue(t, j) {
            right = Some((j + 1 - end, cue));
            break;
        }
        j += 1;
    }
    match (left, right) {
        (Some((dl, l)), Some((dr, r))) => {
            // A cue before the expression reads more often right ("said Friday", "will meet
            // Friday"): it wins unless the one after is clearly nearer.
            if dl <= dr + LEFT_CUE_ADVANTAGE {
                l
            } else {
                r
            }
        }
        (Some((_, l)), None) => l,
        (None, Some((_, r))) => r,
        (None, None) => Tense::Unknown,
    }
}

/// A sentence ends before token `i`: a line break, or a sentence-final mark after a word
/// that is not an abbreviation.
fn boundary_before(t: &Tokens<'_>, i: usize) -> bool {
    if t.gap(i) == Gap::Line {
        return true;
    }
    let Some(p) = i.checked_sub(1) else { return true };
    match t.low(p) {
        "!" | "?" | ";" => true,
        "." => {
            let word = p.checked_sub(1).map_or("", |q| t.low(q));
            t.gap(i) != Gap::Joined
                && word.len() >= MIN_SENTENCE_END_WORD
                && !lexicon::TENSE_ABBREVIATIONS.contains(word)
                && !lexicon::month(word).is_some_and(|m| m.abbreviated)
        }
        _ => false,
    }
}

/// The tense a token signals, if any.
fn cue(t: &Tokens<'_>, i: usize) -> Option<Tense> {
    if t.kind(i) != Some(Kind::Word) {
        return None;
    }
    let w = t.low(i);
    let next = t.low(i + 1);
    let prev = i.checked_sub(1).map_or("", |p| t.low(p));
    match w {
        "will" | "shall" | "would" | "upcoming" | "must" | "should" | "might" | "can" => return Some(Tense::Future),
        "may" if !t.capitalised(i) => return Some(Tense::Future),
        // "we'll"
        "ll" if prev == "'" || prev == "\u{2019}" => return Some(Tense::Future),
        // "won't"
        "won" if next == "'" || next == "\u{2019}" => return Some(Tense::Future),
        // "had been due to expire", "as previously planned": a plan that is past
        "scheduled" | "slated" | "planned" | "due" | "expected"
            if matches!(prev, "been" | "had" | "previously" | "originally") =>
        {
            return Some(Tense::Past)
        }
        "going" | "plans" | "plan" | "planning" | "intends" | "aims" | "expects" | "expect" | "expected" | "hopes"
        | "set" | "due" | "likely" | "about" | "ready"
            if next == "to" =>
        {
            return Some(Tense::Future)
        }
        "scheduled" | "slated" | "planned" | "due" => return Some(Tense::Future),
        "is" | "are" | "am" | "'re" => {
            // "is to meet", "are meeting": arrangements ahead
            if next == "to" || t.low(i + 1).ends_with("ing") && t.low(i + 1).len() >= MIN_ING_VERB {
                return Some(Tense::Future);
            }
            return Some(Tense::Present);
        }
        "says" | "say" | "does" => return Some(Tense::Present),
        "has" | "have" => {
            // "has been", "have agreed": a perfect points back
            return Some(if next == "been" || is_past_form(next) { Tense::Past } else { Tense::Present });
        }
        _ => {}
    }
    // Past forms that do not end in -ed, and "ago", "yesterday".
    if lexicon::PAST_CUES.contains(w) {
        return Some(Tense::Past);
    }
    if is_past_form(w) && !t.capitalised(i) {
        // A participle after a form of "be" is passive: the auxiliary decides ("was
        // released", "will be released"), so keep looking.
        if matches!(prev, "be" | "been" | "being" | "is" | "are" | "get" | "gets" | "to") {
            return None;
        }
        return Some(Tense::Past);
    }
    None
}

fn is_past_form(w: &str) -> bool {
    w.len() >= MIN_PAST_FORM && w.ends_with("ed") && !lexicon::NOT_PAST.contains(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `input` marks the time expression with brackets: "He said [Friday] that ...".
    fn check(input: &str, expected: Tense) {
        let text = input.replace(['[', ']'], "");
        let doc = parallax_core::document::Text::new(&text);
        let t = Tokens::new(&doc);
        let open = input.find('[').expect("a bracketed expression");
        let close = input.find(']').expect("a closing bracket") - 1;
        let start = (0..t.len()).find(|&i| t.toks[i].start >= open).expect("a token");
        let end = (0..t.len()).find(|&i| t.toks[i].start >= close).unwrap_or(t.len());
        assert_eq!(tense(&t, start, end), expected, "{input}");
    }

    #[test]
    fn cues() {
        check("The minister said [Friday] that talks will resume.", Tense::Past);
        check("Talks will resume [Friday], the minister said.", Tense::Future);
        check("The results will be released [Friday].", Tense::Future);
        check("The plant, which closed [Friday], employed 300.", Tense::Past);
        check("He was released [Tuesday].", Tense::Past);
        check("The council is meeting [Monday] to vote.", Tense::Future);
        check("The vote is scheduled for [Monday].", Tense::Future);
        check("Talks are due to resume on [Monday].", Tense::Future);
        check("Markets rallied. Trading on [Monday] ends early.", Tense::Unknown);
        check("Mr. Lind resigned [Tuesday].", Tense::Past);
        check("The firm has sold the unit, it said in [March].", Tense::Past);
    }
}
