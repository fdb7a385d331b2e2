//! Word lists of the quote finder: speech verbs, words that may stand between a subject and
//! its verb, titles, pronouns and news outlets. Lowercase; matched against lowercased words.
//! Which words exist is data (`parallax_core::lexicon`); this module says how the finder reads
//! them.
//!
//! Only verbs that report speech are cues ("said", "warned"); verbs of belief or wanting
//! ("believes", "wants") are not, so their clauses are not quotes.

use std::sync::LazyLock;

use parallax_core::lexicon::{self, Words};
use rustc_hash::FxHashMap;

/// What the lexicon says of a speech verb's form or lemma, read once: the finder asks for
/// every word of every sentence, so one lookup must answer every question.
#[derive(Debug, Clone, Copy, Default)]
struct Speech {
    /// A lemma whose content is a clause ("X said (that) …", "…, X warned").
    clause: bool,
    /// A lemma whose content may be a noun phrase ("called for the repeal of the tax",
    /// "praised the plan", "questioned the need for moderators").
    object: bool,
    /// A lemma also counted in its base form.
    base: bool,
    /// An irregular form and its lemma ("said" → "say").
    irregular: Option<(&'static str, Form)>,
}

fn speech(w: &str) -> Option<&'static Speech> {
    static SPEECH: LazyLock<FxHashMap<&'static str, Speech>> = LazyLock::new(|| {
        let mut map: FxHashMap<&'static str, Speech> = FxHashMap::default();
        for w in lexicon::CLAUSE_SPEECH_LEMMAS.iter() {
            map.entry(w).or_default().clause = true;
        }
        for w in lexicon::OBJECT_SPEECH_LEMMAS.iter() {
            map.entry(w).or_default().object = true;
        }
        for w in lexicon::BASE_FORM_SPEECH_VERBS.iter() {
            map.entry(w).or_default().base = true;
        }
        for (forms, form) in
            [(&*lexicon::IRREGULAR_SPEECH_PAST, Form::Past), (&*lexicon::IRREGULAR_SPEECH_THIRD_PERSON, Form::S)]
        {
            for row in forms.rows() {
                map.entry(row.word).or_default().irregular = Some((row.value(), form));
            }
        }
        map
    });
    SPEECH.get(w)
}

/// Verbs that report speech with a clause as content, as lemmas: every inflection is
/// recognised by [`lemma`].
fn is_clause_lemma(l: &str) -> bool {
    speech(l).is_some_and(|s| s.clause)
}

/// Speech acts whose content may be a noun phrase rather than a clause.
fn is_object_lemma(l: &str) -> bool {
    speech(l).is_some_and(|s| s.object)
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
    let entry = speech(w);
    if let Some((l, f)) = entry.and_then(|s| s.irregular) {
        return Some((l.to_string(), f));
    }
    let known = |l: &str| speech(l).is_some_and(|s| s.clause || s.object);
    // Base forms only of verbs that are rarely nouns: "they say", not "the call", "a report".
    if entry.is_some_and(|s| s.base) {
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

/// Classes of a lowercase word the finder asks about, read once into one map: it asks several
/// of every word of every sentence, and one lookup answers them all.
const CAPITAL: u16 = 1;
const DETERMINER: u16 = 1 << 1;
const PRONOUN: u16 = 1 << 2;
const ENDS_SUBJECT: u16 = 1 << 3;
const FILLER: u16 = 1 << 4;
const NOT_ADVERB: u16 = 1 << 5;
const TIME: u16 = 1 << 6;
const WEAK_TIME: u16 = 1 << 7;
const OPENS_CLAUSE: u16 = 1 << 8;
const MONTH: u16 = 1 << 9;
const WEEKDAY: u16 = 1 << 10;
const HEARER: u16 = 1 << 11;
const ORG_NOUN: u16 = 1 << 12;
const STOPWORD: u16 = 1 << 13;

fn classes(w: &str) -> u16 {
    static CLASSES: LazyLock<FxHashMap<&'static str, u16>> = LazyLock::new(|| {
        let mut map: FxHashMap<&'static str, u16> = FxHashMap::default();
        for (words, class) in [
            (&*lexicon::QUOTE_CAPITAL_WORDS, CAPITAL),
            (&lexicon::QUOTE_DETERMINERS, DETERMINER),
            (&lexicon::QUOTE_PRONOUNS, PRONOUN),
            (&lexicon::QUOTE_SUBJECT_ENDS, ENDS_SUBJECT),
            (&lexicon::QUOTE_FILLERS, FILLER),
            (&lexicon::QUOTE_NOT_ADVERBS, NOT_ADVERB),
            (&lexicon::QUOTE_TIME_WORDS, TIME),
            (&lexicon::QUOTE_WEAK_TIME_WORDS, WEAK_TIME),
            (&lexicon::QUOTE_CLAUSE_OPENERS, OPENS_CLAUSE),
            (&lexicon::MONTH_NAMES, MONTH),
            (&lexicon::WEEKDAY_NAMES, WEEKDAY),
            (&lexicon::HEARER_VERBS, HEARER),
            (&lexicon::QUOTE_ORG_NOUNS, ORG_NOUN),
            (&lexicon::STOPWORDS, STOPWORD),
        ] {
            for w in words.iter() {
                *map.entry(w).or_default() |= class;
            }
        }
        map
    });
    CLASSES.get(w).copied().unwrap_or(0)
}

fn is(w: &str, class: u16) -> bool {
    classes(w) & class != 0
}

/// Grammar words (determiners, pronouns, prepositions, auxiliaries, conjunctions, the words of
/// time phrases): the learned scorer sees them as written, other words only by their shape.
pub(super) fn is_closed_class(w: &str) -> bool {
    classes(w) != 0
}

/// Verbs that take the hearer as object: "told reporters that …".
pub(super) fn takes_hearer(w: &str) -> bool {
    is(w, HEARER)
}

/// Words that can stand between a subject and its speech verb: "Berg has long said".
pub(super) fn is_verb_filler(w: &str) -> bool {
    // Manner and frequency adverbs: "generally praised", "bluntly said".
    let c = classes(w);
    (w.len() > 4 && w.ends_with("ly") && c & NOT_ADVERB == 0) || c & FILLER != 0
}

/// Words that end a subject when walking back from the verb: a new clause starts there.
pub(super) fn ends_subject(w: &str) -> bool {
    is(w, ENDS_SUBJECT)
}

/// Words a time or place phrase after the verb may consist of: "said on Tuesday that".
pub(super) fn is_time_word(w: &str) -> bool {
    // Not "may": after a speech verb it is the modal ("said she may run") far more often.
    let c = classes(w);
    c & (TIME | WEEKDAY) != 0 || (c & MONTH != 0 && w != "may")
}

/// Personal pronouns that can be a speaker.
pub(super) fn is_pronoun(w: &str) -> bool {
    is(w, PRONOUN)
}

/// Determiners that open a description: "the spokesman", "a senior official".
pub(super) fn is_determiner(w: &str) -> bool {
    is(w, DETERMINER)
}

/// Titles and honorifics dropped from a speaker's name ("Mr. Berg" → "Berg").
pub(super) fn is_title(w: &str) -> bool {
    lexicon::SPEAKER_TITLES.contains(w.trim_end_matches('.'))
}

/// Words that start a sentence or a clause in capitals without naming anyone.
pub(super) fn is_capital_function_word(w: &str) -> bool {
    is(w, CAPITAL | MONTH | WEEKDAY) || w.starts_with("i'") || w.starts_with("i’")
}

/// News outlets that pass on others' words: "told CNN", "as quoted by Reuters", "told the
/// Northern Ledger" (a name ending in an outlet's head word: Ledger, Wire, Radio, Today …).
pub(super) fn is_outlet(name: &str) -> bool {
    let n = name.trim_start_matches("The ").trim_start_matches("the ");
    lexicon::QUOTE_OUTLETS.contains(n)
        || n.contains(' ') && n.rsplit(' ').next().is_some_and(|w| capitalised_in(&lexicon::OUTLET_HEADS, w))
}

/// Words that end an outlet's name ("Ledger", "Radio", "Today").
pub(super) fn is_outlet_head(w: &str) -> bool {
    lexicon::OUTLET_HEADS.contains(w)
}

/// Nouns of a person's title or role ("analyst", "economist", "leader"): a definite
/// description with one as its head stands for a person.
pub(super) fn is_person_noun(w: &str) -> bool {
    lexicon::TITLES.contains(w) || lexicon::ROLE_NOUNS.contains(w)
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
    is(w, WEAK_TIME)
}

/// Words that may open a sentence before "according to X, …": "But", "And", "Now", "Yet".
pub(super) fn opens_sentence_softly(w: &str) -> bool {
    lexicon::QUOTE_SOFT_OPENERS.contains(w)
}

/// Words that open a new clause after a comma: "…, officials said Friday, as protests grew".
pub(super) fn opens_clause(w: &str) -> bool {
    is(w, OPENS_CLAUSE)
}

/// Whether a capitalised name is an organisation's or a place's rather than a person's: an
/// outlet, or a name with an institutional head word ("Commission on …", "… University").
pub(super) fn names_organisation(name: &str) -> bool {
    is_outlet(name) || name.split(' ').any(|w| capitalised_in(&lexicon::QUOTE_ORG_HEADS, w))
}

/// Whether a name is a known place ("South Asia", "New York") or a people's adjectives only
/// ("African American"): no person a pronoun could stand for.
pub(super) fn names_place_or_people(name: &str) -> bool {
    let low = name.to_lowercase();
    lexicon::KNOWN_PLACES.contains(&low) || low.split(' ').all(|w| lexicon::DEMONYMS.contains(w))
}

/// Head nouns of descriptions that stand for an organisation: "the agency said".
pub(super) fn is_organisation_noun(w: &str) -> bool {
    is(w, ORG_NOUN)
}
