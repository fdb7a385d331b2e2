//! What the learned scorer sees of a candidate quote: the rule that found it, its cue, the
//! words around the cue, its subject and its content, each as a named binary feature
//! ("lemma=say", "next=that", "subject=pronoun"). Names, not hashed indices, so the model
//! file says what it learned.
//!
//! Words are kept as they are only where a closed class decides (the cue and the words right
//! beside it, a description's head noun, the content's first word); open-class words are
//! reduced to their shape, so the model cannot learn the training articles' topics.

use parallax_core::QuoteKind;

use super::lexicon;
use super::speaker::name_run;
use super::token::Tok;
use super::{Cand, Who};

/// Lengths (in tokens) at which a content's length bucket changes: a two-word "content" is
/// rarely reported speech, a 40-word one rarely one clause.
const LENGTH_BUCKETS: [usize; 7] = [1, 2, 3, 5, 9, 17, 33];

/// The features of candidate `c`. `inside[k]` says whether token `k` is inside quotation marks.
pub(super) fn of(toks: &[Tok<'_>], inside: &[bool], c: &Cand) -> Vec<String> {
    let mut f = Vec::with_capacity(32);
    let rule = c.rule.as_str();
    f.push(format!("rule={rule}"));
    let cue = &toks[c.cue];
    let cue_word = cue.lower();
    let lemma = lexicon::lemma(&cue_word).map_or_else(|| cue_word.clone(), |(l, _)| l);
    f.push(format!("lemma={lemma}"));
    f.push(format!("lemma={lemma}&rule={rule}"));
    f.push(format!("cue={cue_word}"));
    if lexicon::takes_object(&cue_word) && !lexicon::is_clause_verb(&cue_word) {
        f.push("cue-object-only".into());
    }
    // The words right before and after the cue: auxiliaries ("has said", "will say", "to
    // say"), negation, particles ("called for"), "that", a colon.
    let before = c.cue.checked_sub(1).map(|k| word_class(&toks[k]));
    let after = toks.get(c.cue + 1).map(word_class);
    if let Some(w) = &before {
        f.push(format!("before={w}"));
    }
    if let Some(w) = &after {
        f.push(format!("after={w}"));
        f.push(format!("lemma={lemma}&after={w}"));
    }
    let negated = (c.cue.saturating_sub(3)..c.cue).any(|k| matches!(toks[k].lower().as_str(), "not" | "n't" | "never"));
    if negated {
        f.push("negated".into());
    }
    // Subject.
    match &c.who {
        Who::Last => f.push("subject=previous-speaker".into()),
        Who::Np(np) => subject(&toks[np.clone()], &mut f),
    }
    // Content.
    let (cs, ce) = match c.kind {
        QuoteKind::Direct => (c.start + 1, c.end.saturating_sub(1)),
        QuoteKind::Indirect => (c.start, c.end),
    };
    let words = (cs..ce).filter(|&k| toks[k].is_word()).count();
    let bucket = LENGTH_BUCKETS.iter().filter(|&&b| words >= b).count();
    f.push(format!("length={bucket}"));
    f.push(format!("length={bucket}&rule={rule}"));
    if let Some(first) = toks.get(cs).filter(|_| cs < ce) {
        let w = word_class(first);
        f.push(format!("first={w}"));
        f.push(format!("first={w}&lemma={lemma}"));
    }
    if c.kind == QuoteKind::Indirect && ce > cs {
        let quoted = (cs..ce).filter(|&k| inside[k] && toks[k].is_word()).count();
        let share = match (quoted, words) {
            (0, _) => "none",
            (q, w) if q == w => "all",
            (q, w) if 2 * q >= w => "most",
            _ => "some",
        };
        f.push(format!("quoted={share}"));
    }
    if (cs..ce).any(|k| toks[k].t == "?") {
        f.push("question".into());
    }
    // Where the cue stands: before the content, after it, or inside it.
    let place = if c.cue < c.start {
        "before"
    } else if c.cue >= c.end {
        "after"
    } else {
        "inside"
    };
    f.push(format!("cue-{place}"));
    let distance = if c.cue < c.start { c.start - c.cue } else { c.cue.saturating_sub(c.end) };
    f.push(format!("distance={}", distance.min(4)));
    if c.start == 0 || toks[c.start].para != toks[c.start - 1].para {
        f.push("opens-paragraph".into());
    }
    f
}

/// The subject's features: pronoun, name (and how long), description (its head noun and
/// determiner), an organisation's name.
fn subject(np: &[Tok<'_>], f: &mut Vec<String>) {
    let Some(first) = np.first() else {
        f.push("subject=none".into());
        return;
    };
    let words: Vec<&Tok<'_>> = np.iter().filter(|t| t.is_word()).collect();
    f.push(format!("subject-words={}", words.len().min(6)));
    let first_low = first.lower();
    if np.len() == 1 && lexicon::is_pronoun(&first_low) {
        f.push(format!("subject=pronoun:{first_low}"));
        return;
    }
    let names = name_run(np, 0).is_some_and(|e| e == np.len());
    if names {
        let joined: Vec<&str> = np.iter().map(|t| t.t).collect();
        let joined = joined.join(" ");
        if lexicon::names_organisation(&joined) {
            f.push("subject=organisation-name".into());
        } else if joined.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) {
            f.push("subject=capitals".into());
        } else {
            f.push(format!("subject=name{}", words.len().min(3)));
        }
        return;
    }
    if lexicon::is_determiner(&first_low) {
        f.push(format!("subject-determiner={first_low}"));
    }
    if np.iter().any(|t| t.t == "'s" || t.t == "’s") {
        f.push("subject-possessive".into());
    }
    if np.iter().any(|t| matches!(t.t, "of" | "for" | "at" | "from" | "in" | "with")) {
        f.push("subject-preposition".into());
    }
    let capital = np.iter().any(|t| t.is_capital_word() && !lexicon::is_capital_function_word(&t.lower()));
    match np.iter().rev().find(|t| t.is_word()) {
        Some(head) if head.is_lower_word() => {
            f.push("subject=description".into());
            f.push(format!("subject-head={}", head.lower()));
            if capital {
                f.push("subject-description-with-name".into());
            }
        }
        _ => f.push("subject=name-phrase".into()),
    }
}

/// A token as the model sees it: closed-class words as written (lowercase), other words by
/// their shape ("Capital", "lower", "number"), punctuation as itself.
fn word_class(t: &Tok<'_>) -> String {
    if !t.is_word() {
        return t.t.to_string();
    }
    let low = t.lower();
    if lexicon::is_closed_class(&low) || lexicon::lemma(&low).is_some() {
        return low;
    }
    if t.t.starts_with(|c: char| c.is_ascii_digit()) {
        "#number".into()
    } else if t.is_capital_word() {
        "#Capital".into()
    } else {
        "#lower".into()
    }
}
