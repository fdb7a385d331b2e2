//! Word lists of the quote finder: speech verbs, words that may stand between a subject and
//! its verb, titles, pronouns and news outlets. Lowercase; matched against lowercased words.
//! Which words exist is data (`parallax_core::lexicon`); this module says how the finder reads
//! them.
//!
//! Only verbs that report speech are cues ("said", "warned"); verbs of belief or wanting
//! ("believes", "wants") are not, so their clauses are not quotes.

use parallax_core::lexicon::{self, Words};

/// Verbs that report speech with a clause as content ("X said (that) …", "…, X warned"),
/// as lemmas: every inflection is recognised by [`lemma`].
fn is_clause_lemma(l: &str) -> bool {
    lexicon::CLAUSE_SPEECH_LEMMAS.contains(l)
}

/// Speech acts whose content may be a noun phrase rather than a clause: "called for the repeal
/// of the tax", "praised the plan", "questioned the need for moderators".
fn is_object_lemma(l: &str) -> bool {
    lexicon::OBJECT_SPEECH_LEMMAS.contains(l)
}

/// A verb form: base ("say"), third person ("says"), past ("said") or participle ("saying").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    Base,
    S,
    Past,
    Ing,
}

/// The speech-verb lemma a lowercase word inflects, and how. Regular English inflection plus
/// the few irregular speech verbs; anything else is no speech verb.
pub(super) fn lemma(w: &str) -> Option<(String, Form)> {
    if let Some(past) = lexicon::IRREGULAR_SPEECH_PAST.get(w) {
        return Some((past.value().to_string(), Form::Past));
    }
    if let Some(s) = lexicon::IRREGULAR_SPEECH_THIRD_PERSON.get(w) {
        return Some((s.value().to_string(), Form::S));
    }
    let known = |l: &str| is_clause_lemma(l) || is_object_lemma(l);
    // Base forms only of verbs that are rarely nouns: "they say", not "the call", "a report".
    if lexicon::BASE_FORM_SPEECH_VERBS.contains(w) {
        return Some((w.to_string(), Form::Base));
    }
    let undouble = |stem: &str| -> Option<String> {
        let b = stem.as_bytes();
        (b.len() > 2 && b[b.len() - 1] == b[b.len() - 2]).then(|| stem[..stem.len() - 1].to_string())
    };
    let mut candidates: Vec<(String, Form)> = Vec::new();
    if let Some(stem) = w.strip_suffix("ing") {
        candidates.push((stem.to_string(), Form::Ing));
        candidates.push((format!("{stem}e"), Form::Ing));
        if let Some(u) = undouble(stem) {
            candidates.push((u, Form::Ing));
        }
    } else if let Some(stem) = w.strip_suffix("ied") {
        candidates.push((format!("{stem}y"), Form::Past));
    } else if let Some(stem) = w.strip_suffix("ed") {
        candidates.push((stem.to_string(), Form::Past));
        candidates.push((format!("{stem}e"), Form::Past));
        if let Some(u) = undouble(stem) {
            candidates.push((u, Form::Past));
        }
    } else if let Some(stem) = w.strip_suffix("ies") {
        candidates.push((format!("{stem}y"), Form::S));
    } else if let Some(stem) = w.strip_suffix('s') {
        candidates.push((stem.to_string(), Form::S));
        if let Some(stem) = stem.strip_suffix('e') {
            candidates.push((stem.to_string(), Form::S));
        }
    }
    candidates.into_iter().find(|(l, _)| known(l))
}

/// Finite speech verbs: "X said …", "…, X said", "X called for …".
pub(super) fn is_cue(w: &str) -> bool {
    lemma(w).is_some_and(|(_, f)| f != Form::Ing)
}

/// Whether the word is a form of a verb whose content is a clause ("said that …").
pub(super) fn is_clause_verb(w: &str) -> bool {
    lemma(w).is_some_and(|(l, _)| is_clause_lemma(&l))
}

/// Whether the lemma takes a noun phrase as its content ("praised the plan").
pub(super) fn takes_object(w: &str) -> bool {
    lemma(w).is_some_and(|(l, _)| is_object_lemma(&l))
}

/// Speech acts whose content may be an infinitive: "pledged to cut taxes", "vowed to appeal".
pub(super) fn promises(w: &str) -> bool {
    lemma(w).is_some_and(|(l, _)| lexicon::PROMISE_LEMMAS.contains(&l))
}

/// Participles that report speech of the clause's subject: "…, saying that …".
pub(super) fn is_participle_cue(w: &str) -> bool {
    lemma(w).is_some_and(|(_, f)| f == Form::Ing)
}

/// Verbs that take the hearer as object: "told reporters that …".
pub(super) fn takes_hearer(w: &str) -> bool {
    lexicon::HEARER_VERBS.contains(w)
}

/// Words that can stand between a subject and its speech verb: "Berg has long said".
pub(super) fn is_verb_filler(w: &str) -> bool {
    // Manner and frequency adverbs: "generally praised", "bluntly said".
    (w.len() > 4 && w.ends_with("ly") && !lexicon::QUOTE_NOT_ADVERBS.contains(w)) || lexicon::QUOTE_FILLERS.contains(w)
}

/// Words that end a subject when walking back from the verb: a new clause starts there.
pub(super) fn ends_subject(w: &str) -> bool {
    lexicon::QUOTE_SUBJECT_ENDS.contains(w)
}

/// Words a time or place phrase after the verb may consist of: "said on Tuesday that".
pub(super) fn is_time_word(w: &str) -> bool {
    // Not "may": after a speech verb it is the modal ("said she may run") far more often.
    lexicon::QUOTE_TIME_WORDS.contains(w) || lexicon::is_weekday_name(w) || (lexicon::is_month_name(w) && w != "may")
}

/// Personal pronouns that can be a speaker.
pub(super) fn is_pronoun(w: &str) -> bool {
    lexicon::QUOTE_PRONOUNS.contains(w)
}

/// Determiners that open a description: "the spokesman", "a senior official".
pub(super) fn is_determiner(w: &str) -> bool {
    lexicon::QUOTE_DETERMINERS.contains(w)
}

/// Titles and honorifics dropped from a speaker's name ("Mr. Berg" → "Berg").
pub(super) fn is_title(w: &str) -> bool {
    lexicon::SPEAKER_TITLES.contains(w.trim_end_matches('.'))
}

/// Words that start a sentence or a clause in capitals without naming anyone.
pub(super) fn is_capital_function_word(w: &str) -> bool {
    lexicon::QUOTE_CAPITAL_WORDS.contains(w)
        || lexicon::is_month_name(w)
        || lexicon::is_weekday_name(w)
        || w.starts_with("i'")
        || w.starts_with("i’")
}

/// News outlets that pass on others' words: "told CNN", "as quoted by Reuters".
pub(super) fn is_outlet(name: &str) -> bool {
    let n = name.trim_start_matches("The ").trim_start_matches("the ");
    lexicon::QUOTE_OUTLETS.contains(n)
}

/// Whether `w` is written capitalised ("Sen", not "SEN" or "sen") and its lowercase is in
/// `words`.
fn capitalised_in(words: &Words, w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && !chars.any(char::is_uppercase)
        && words.contains_ignore_ascii_case(w)
}

/// Words written with a period that does not end the sentence: "Mr.", "Sen.", initials.
pub(super) fn is_abbreviation(w: &str) -> bool {
    w.chars().count() == 1 && w.chars().all(char::is_uppercase) || capitalised_in(&lexicon::QUOTE_ABBREVIATIONS, w)
}

/// Time-phrase words that also open ordinary clauses ("the", "a"): skipping a phrase after the
/// verb stops at its last word that is not one of these.
pub(super) fn is_weak_time_word(w: &str) -> bool {
    lexicon::QUOTE_WEAK_TIME_WORDS.contains(w)
}

/// Words that open a new clause after a comma: "…, officials said Friday, as protests grew".
pub(super) fn opens_clause(w: &str) -> bool {
    lexicon::QUOTE_CLAUSE_OPENERS.contains(w)
}

/// Whether a capitalised name is an organisation's or a place's rather than a person's: an
/// outlet, or a name with an institutional head word ("Commission on …", "… University").
pub(super) fn names_organisation(name: &str) -> bool {
    is_outlet(name) || name.split(' ').any(|w| capitalised_in(&lexicon::QUOTE_ORG_HEADS, w))
}

/// Head nouns of descriptions that stand for an organisation: "the agency said".
pub(super) fn is_organisation_noun(w: &str) -> bool {
    lexicon::QUOTE_ORG_NOUNS.contains(w)
}
