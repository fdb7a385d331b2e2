//! Word lists of the entity finder, lowercase (ASCII-lowercased words are matched against them;
//! titles and abbreviations without their period). Which words exist is data
//! (`parallax_core::lexicon`); this module names what the finder reads each list as.
//!
//! Word lists rather than a model or a gazetteer crate: the finder needs a few hundred words
//! per class (titles, organisation and place heads, outlets, sentence openers) and a short list
//! of countries and big cities as a backstop for bare place names; everything else is decided
//! by evidence in the text (see `find.rs`). No crate on crates.io ships such lists for news.

use parallax_core::lexicon;

/// Place evidence a preposition before a bare name gives: "in Kessel" is nearly always a
/// place, "from Kessel" often a person's origin or an organisation; weighed against the other
/// evidence in `find.rs` (a title gives a person 4).
const STRONG_PLACE_PREPOSITION: i32 = 3;
const WEAK_PLACE_PREPOSITION: i32 = 1;
/// Shortest "-ian"/"-ean" word taken for a demonym by its shape: shorter ones are given names
/// ("Ian", "Dean", "Julian") more often than nationalities.
const DEMONYM_MIN_LEN: usize = 7;

/// Honorifics: dropped from a name, strong evidence of a person, never a role.
pub(super) fn is_honorific(w: &str) -> bool {
    lexicon::HONORIFICS.contains(w)
}

/// Titles that stand before a name ("Chancellor Anna Berg") and head a role ("the chancellor").
pub(super) fn is_title(w: &str) -> bool {
    // "Chancellors Kovac and Adler": a plural title stands before names too.
    lexicon::TITLES.contains(w) || w.len() > 4 && w.strip_suffix('s').is_some_and(|one| lexicon::TITLES.contains(one))
}

/// The singular of a plural title ("chancellors" → "chancellor").
pub(super) fn singular_title(w: &str) -> Option<&'static str> {
    let one = w.strip_suffix('s').filter(|_| !lexicon::TITLES.contains(w))?;
    lexicon::TITLES.iter().find(|t| *t == one)
}

/// Name prefixes written with a capital after them ("Mc", "Mac", "De", "La", "Van").
pub(super) fn is_name_prefix(w: &str) -> bool {
    lexicon::NAME_PREFIXES.contains(w)
}

/// Nouns that name what someone does, beyond titles: "farmer Emil Radu", "Emil Radu, a farmer,".
pub(super) fn is_role_noun(w: &str) -> bool {
    is_title(w) || lexicon::ROLE_NOUNS.contains(w)
}

/// Words that qualify a title: "foreign minister", "Interior Minister", "former judge".
pub(super) fn is_role_modifier(w: &str) -> bool {
    lexicon::ROLE_MODIFIERS.contains(w)
}

/// Last (or only) words that make a name an organisation: "Bank of Varnia", "Renewal Movement".
pub(super) fn is_org_head(w: &str) -> bool {
    lexicon::ORG_HEADS.contains(w)
}

/// Lowercase nouns after a name that make it an organisation: "the Tessaro Polymers plant".
pub(super) fn is_org_noun(w: &str) -> bool {
    lexicon::ORG_NOUNS.contains(w)
}

/// Lowercase nouns right before a name that make it an organisation: "the energy company
/// VarnEnergi", "grid operator Nordnet".
pub(super) fn is_org_descriptor(w: &str) -> bool {
    lexicon::ORG_DESCRIPTORS.contains(w)
}

/// Nouns of "X of Y" that make Y a person: "an ally of Reinholt", "the wife of Tomas Adler".
pub(super) fn is_relation_noun(w: &str) -> bool {
    lexicon::RELATION_NOUNS.contains(w)
}

/// Lowercase nouns before "of X" that make X a place: "the village of Dorrik", "the port of Kessel".
pub(super) fn is_place_noun(w: &str) -> bool {
    lexicon::PLACE_NOUNS.contains(w)
}

/// Lowercase nouns right after a name that make it a place: "the Nordhafen district".
pub(super) fn is_place_after(w: &str) -> bool {
    lexicon::PLACE_AFTER_NOUNS.contains(w)
}

/// Words a possessive place has: "Kessel's mayor", "Ostland's north coast".
pub(super) fn is_place_owned(w: &str) -> bool {
    lexicon::PLACE_OWNED.contains(w)
}

/// Last (or only) words that make a name a place: "Kanal Street", "Tarn Valley".
pub(super) fn is_place_head(w: &str) -> bool {
    lexicon::PLACE_HEADS.contains(w)
}

/// First words that make a name a place: "Mount Tarn", "Lake Brenna", "Gulf of ...".
pub(super) fn is_place_prefix(w: &str) -> bool {
    lexicon::PLACE_PREFIXES.contains(w)
}

/// First or last words of named events, storms, documents: "Storm Hilde", "Brenna Declaration".
pub(super) fn is_event_head(w: &str) -> bool {
    lexicon::EVENT_HEADS.contains(w)
}

/// First words of named weather and operations: "Storm Hilde", "Hurricane Ada".
pub(super) fn is_event_prefix(w: &str) -> bool {
    lexicon::EVENT_PREFIXES.contains(w)
}

/// Last words that make a name a news outlet: "Kessel Courier", "Harbour Radio", "Varnia Today".
pub(super) fn is_outlet_head(w: &str) -> bool {
    lexicon::OUTLET_HEADS.contains(w)
}

/// News outlets known by a name with no outlet word in it: "told CNN", "according to Reuters".
pub(super) fn is_outlet(name: &str) -> bool {
    lexicon::ENTITY_OUTLETS.contains(name)
}

/// Agencies and outlets that close a dateline: "(Reuters)", "(AP)".
pub(super) fn is_news_agency_acronym(w: &str) -> bool {
    lexicon::NEWS_AGENCIES.contains(w)
}

/// Words that open sentences and clauses in capitals without naming anything ("Later", "Asked").
pub(super) fn is_opener(w: &str) -> bool {
    lexicon::ENTITY_OPENERS.contains(w)
}

/// Day and month names: never an entity alone ("on Tuesday", "in March").
pub(super) fn is_calendar(w: &str) -> bool {
    lexicon::month(w).is_some() || lexicon::is_weekday_name(w) || lexicon::CALENDAR_HOLIDAYS.contains(w)
}

/// Capitalised words and acronyms that name no entity: "CEO", "GDP", "TV", "I".
pub(super) fn is_non_entity(w: &str) -> bool {
    lexicon::NON_ENTITIES.contains(w)
}

/// Nationality, party and faith adjectives: "Varnian farmers", "Republicans". Not entities.
pub(super) fn is_demonym(w: &str) -> bool {
    lexicon::DEMONYMS.contains(w)
}

/// Shaped like a demonym: "-ian" or "-ean" and long ("Lisandrian", "Carvian"), not a given
/// name ("Sebastian").
pub(super) fn looks_like_demonym(w: &str) -> bool {
    (w.ends_with("ian") || w.ends_with("ean")) && w.len() >= DEMONYM_MIN_LEN && !lexicon::NOT_DEMONYMS.contains(w)
}

/// Speech verbs: evidence that the name before or after them is a person (or an organisation).
pub(super) fn is_speech_verb(w: &str) -> bool {
    lexicon::ENTITY_SPEECH_VERBS.contains(w)
}

/// Words that only a person does or has after a name: "Berg, who", "Berg's wife".
pub(super) fn is_person_owned(w: &str) -> bool {
    lexicon::PERSON_OWNED.contains(w)
}

/// Prepositions after which a bare name is usually a place: "in Kessel", "near Dorrik".
pub(super) fn place_preposition(w: &str) -> i32 {
    if lexicon::STRONG_PLACE_PREPOSITIONS.contains(w) {
        STRONG_PLACE_PREPOSITION
    } else if lexicon::WEAK_PLACE_PREPOSITIONS.contains(w) {
        WEAK_PLACE_PREPOSITION
    } else {
        0
    }
}

/// Name particles inside a person's name: "Ursula von der Leyen", "Charles de Gaulle".
pub(super) fn is_particle(w: &str) -> bool {
    lexicon::NAME_PARTICLES.contains(w)
}

/// Abbreviations that keep their period ("Mr.", "Sen.", "Inc.").
pub(super) fn is_abbreviation(w: &str) -> bool {
    lexicon::ENTITY_ABBREVIATIONS.contains(w) || lexicon::month(w).is_some_and(|m| m.abbreviated)
}

/// Countries, regions and big cities: a bare name in this list is a place without more
/// evidence. A backstop only: most places are known from the text ("in Kessel").
pub(super) fn is_known_place(name: &str) -> bool {
    lexicon::KNOWN_PLACES.contains(name)
}

/// International organisations a bare acronym or name names: "EU", "NATO".
pub(super) fn is_known_org(name: &str) -> bool {
    lexicon::KNOWN_ORGANISATIONS.contains(name)
}

/// Words after which "of" or "for" continues a name: "Bank of Varnia", "Centre for Economic
/// Research", "Gulf of Tarn", "Secretary of State".
pub(super) fn joins_of(w: &str) -> bool {
    lexicon::JOINS_OF.contains(w)
}

/// The usual name of a place known by several: "U.S." and "America" → "United States".
pub(super) fn place_alias(name: &str) -> Option<&'static str> {
    lexicon::PLACE_ALIASES.get(name).map(|r| r.value())
}

/// Abbreviated titles written out in roles: "Sen." → "senator".
pub(super) fn title_in_full(w: &str) -> Option<&'static str> {
    lexicon::TITLE_ABBREVIATIONS.get(w).map(|r| r.value())
}
