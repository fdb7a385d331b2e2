//! The project's vocabularies as data: which words exist (months, titles, speech verbs, function
//! words, outlets, places …), in the files of `crates/parallax-core/lexicon/`. The stages say how
//! words are used; this module says which words there are.
//!
//! Each file is one vocabulary. It opens with `#` lines: what the list is for (the first line),
//! where it came from (`# Source:`), its columns (`# Columns: word, …`) and tags (`# Tag NAME:
//! what it marks`); then one row a word, fields split by tabs, a row's tags space-separated in
//! the last column. Where stages tuned different subsets of one vocabulary, the rows carry tags
//! and each stage reads its subset, so the merge changed no output. Files are embedded with
//! `include_str!` and each list is parsed once, on first use; a malformed file fails the
//! `every_list_parses` test, so a built binary cannot meet one. Stages that ask several lists
//! about every token build one map of their own from these (see `nlp/quotes/lexicon.rs`).
//!
//! Hand-written lists rather than a crate where the crate's list differs from the one the rules
//! were tuned on: the stop-word crates (NLTK, stopwords-iso) would change which terms tell one
//! story from another, and no crate ships news titles, outlets or speech verbs.

mod table;

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

pub use table::{with_ascii_lowercase, LexiconError, Map, Row, Spellings, Table, Words};

/// Every vocabulary file, by name.
const FILES: &[(&str, &str)] = &[
    ("abbreviations.tsv", include_str!("../../lexicon/abbreviations.tsv")),
    ("article_types.tsv", include_str!("../../lexicon/article_types.tsv")),
    ("context_nouns.tsv", include_str!("../../lexicon/context_nouns.tsv")),
    ("date_meta_names.tsv", include_str!("../../lexicon/date_meta_names.tsv")),
    ("day_parts.tsv", include_str!("../../lexicon/day_parts.tsv")),
    ("demonyms.tsv", include_str!("../../lexicon/demonyms.tsv")),
    ("function_words.tsv", include_str!("../../lexicon/function_words.tsv")),
    ("holidays.tsv", include_str!("../../lexicon/holidays.tsv")),
    ("html_class_words.tsv", include_str!("../../lexicon/html_class_words.tsv")),
    ("labels.tsv", include_str!("../../lexicon/labels.tsv")),
    ("macrolanguages.tsv", include_str!("../../lexicon/macrolanguages.tsv")),
    ("months.tsv", include_str!("../../lexicon/months.tsv")),
    ("name_heads.tsv", include_str!("../../lexicon/name_heads.tsv")),
    ("name_particles.tsv", include_str!("../../lexicon/name_particles.tsv")),
    ("name_prefixes.tsv", include_str!("../../lexicon/name_prefixes.tsv")),
    ("non_entities.tsv", include_str!("../../lexicon/non_entities.tsv")),
    ("number_words.tsv", include_str!("../../lexicon/number_words.tsv")),
    ("organisations.tsv", include_str!("../../lexicon/organisations.tsv")),
    ("outlet_hosts.tsv", include_str!("../../lexicon/outlet_hosts.tsv")),
    ("outlets.tsv", include_str!("../../lexicon/outlets.tsv")),
    ("past_cues.tsv", include_str!("../../lexicon/past_cues.tsv")),
    ("places.tsv", include_str!("../../lexicon/places.tsv")),
    ("seasons.tsv", include_str!("../../lexicon/seasons.tsv")),
    ("sections.tsv", include_str!("../../lexicon/sections.tsv")),
    ("speech_verbs.tsv", include_str!("../../lexicon/speech_verbs.tsv")),
    ("time_units.tsv", include_str!("../../lexicon/time_units.tsv")),
    ("time_zones.tsv", include_str!("../../lexicon/time_zones.tsv")),
    ("titles.tsv", include_str!("../../lexicon/titles.tsv")),
    ("weekdays.tsv", include_str!("../../lexicon/weekdays.tsv")),
];

/// The parsed file `name`. Every file is parsed once, together, on the first call: a few
/// thousand rows, where parsing a file again for each list drawn from it would repeat work.
pub fn table(name: &str) -> Result<&'static Table, LexiconError> {
    static TABLES: LazyLock<Vec<Result<Table, LexiconError>>> =
        LazyLock::new(|| FILES.iter().map(|(file, text)| Table::parse(file, text)).collect());
    let i = FILES.iter().position(|(f, _)| *f == name).ok_or_else(|| LexiconError {
        file: "",
        line: 0,
        reason: format!("no vocabulary file {name:?}"),
    })?;
    TABLES[i].as_ref().map_err(Clone::clone)
}

/// Builds a value from an embedded file. The files are compiled in and `every_list_parses`
/// builds every list, so a failure here is a broken build, never something input can cause.
fn built<T>(result: Result<T, LexiconError>) -> T {
    result.unwrap_or_else(|e| panic!("{e}"))
}

/// Declares each list: a static set ([`Words`]) or map ([`Map`]) read from a file, optionally
/// only its rows with a tag.
macro_rules! vocabulary {
    ($($(#[$doc:meta])* $name:ident: $kind:ident = $file:literal $([$tag:literal])?;)*) => {
        $(
            $(#[$doc])*
            pub static $name: LazyLock<$kind> =
                LazyLock::new(|| built(table($file).and_then(|t| $kind::read(t, None $(.or(Some($tag)))?))));
        )*

        /// Every list with its size, for the test that builds them all.
        #[cfg(test)]
        fn every_list() -> Vec<(&'static str, usize)> {
            vec![$((stringify!($name), $name.len())),*]
        }
    };
}

vocabulary! {
    // ---- calendar and clock (numbers of months and weekdays: `month`, `weekday` below)
    /// Full month names ("march").
    MONTH_NAMES: Words = "months.tsv" ["name"];
    /// Full weekday names ("tuesday").
    WEEKDAY_NAMES: Words = "weekdays.tsv" ["name"];
    /// Units of time expressions → the unit's name; tag `plural`.
    TIME_UNITS: Map = "time_units.tsv" ["expression"];
    /// Units of relative timestamp lines ("2 hours ago").
    STAMP_UNITS: Words = "time_units.tsv" ["stamp"];
    /// Number words → their value; tags `cardinal`, `ordinal`, `decade`.
    NUMBER_WORDS: Map = "number_words.tsv";
    /// Season words → TIMEX3 season code.
    SEASONS: Map = "seasons.tsv";
    /// Parts of the day → TIMEX3 code.
    DAY_PARTS: Map = "day_parts.tsv";
    /// Holidays the time tagger dates → `MM-DD`, `easter` or `thanksgiving`.
    DATED_HOLIDAYS: Map = "holidays.tsv" ["dated"];
    /// Holidays that are never a name alone ("Christmas", "Ramadan").
    CALENDAR_HOLIDAYS: Words = "holidays.tsv" ["calendar"];
    /// Time-zone abbreviations → UTC offset (`+05:30`); tags `us-daylight`, `expression`.
    TIME_ZONES: Map = "time_zones.tsv";
    /// Words that put a clause in the past without ending in -ed ("said", "ago").
    PAST_CUES: Words = "past_cues.tsv" ["past"];
    /// Words ending in -ed that are no past form ("hundred", "scheduled").
    NOT_PAST: Words = "past_cues.tsv" ["not-past"];

    // ---- abbreviations (month abbreviations: `month`)
    /// Abbreviations whose period ends no sentence, for the sentence splitter (matched ignoring
    /// ASCII case).
    SENTENCE_ABBREVIATIONS: Words = "abbreviations.tsv" ["sentence"];
    /// Abbreviations that keep their period in a name ("Sen.", "Inc.") for the entity finder.
    ENTITY_ABBREVIATIONS: Words = "abbreviations.tsv" ["entity"];
    /// Abbreviations the quote finder reads capitalised ("Mr", "Sen"), here lowercase.
    QUOTE_ABBREVIATIONS: Words = "abbreviations.tsv" ["quote"];
    /// Abbreviations after which the tense finder's clause goes on.
    TENSE_ABBREVIATIONS: Words = "abbreviations.tsv" ["tense"];

    // ---- function words, one subset per stage (see the tags in function_words.tsv)
    /// Words that open sentences in capitals without naming anything (entities).
    ENTITY_OPENERS: Words = "function_words.tsv" ["entity-opener"];
    /// Words that start a sentence in capitals without naming a speaker (quotes).
    QUOTE_CAPITAL_WORDS: Words = "function_words.tsv" ["quote-capital"];
    /// Determiners that open a description (quotes).
    QUOTE_DETERMINERS: Words = "function_words.tsv" ["quote-determiner"];
    /// Pronouns that can be a speaker (quotes).
    QUOTE_PRONOUNS: Words = "function_words.tsv" ["quote-pronoun"];
    /// Words that end a subject walking back from a speech verb (quotes).
    QUOTE_SUBJECT_ENDS: Words = "function_words.tsv" ["quote-ends-subject"];
    /// Words that may stand between a subject and its speech verb (quotes).
    QUOTE_FILLERS: Words = "function_words.tsv" ["quote-filler"];
    /// Words ending in -ly that are no adverb (quotes).
    QUOTE_NOT_ADVERBS: Words = "function_words.tsv" ["quote-not-adverb"];
    /// Words of a time or setting phrase after a speech verb, besides month and weekday names
    /// (quotes).
    QUOTE_TIME_WORDS: Words = "function_words.tsv" ["quote-time"];
    /// Time-phrase words that also open ordinary clauses (quotes).
    QUOTE_WEAK_TIME_WORDS: Words = "function_words.tsv" ["quote-weak-time"];
    /// Words that open a new clause after a comma (quotes).
    QUOTE_CLAUSE_OPENERS: Words = "function_words.tsv" ["quote-opens-clause"];
    /// Words that may open a sentence before "according to X, …" (quotes).
    QUOTE_SOFT_OPENERS: Words = "function_words.tsv" ["quote-soft-opener"];
    /// Prepositions after which a bare name is usually a place (entities).
    STRONG_PLACE_PREPOSITIONS: Words = "function_words.tsv" ["place-strong"];
    /// Prepositions after which a bare name may be a place (entities).
    WEAK_PLACE_PREPOSITIONS: Words = "function_words.tsv" ["place-weak"];
    /// Words that can open a time expression, besides calendar, number and unit words (time).
    TIME_OPENERS: Words = "function_words.tsv" ["time-opener"];
    /// Words that say nothing about which happening a statement reports, besides month and
    /// weekday names (timelines).
    NOT_CONTENT: Words = "function_words.tsv" ["not-content"];
    /// Words that say nothing about which event an article reports, besides weekday names
    /// (story terms).
    STOPWORDS: Words = "function_words.tsv" ["stopword"];
    /// Frequent English function words (the cleaner's language check).
    ENGLISH_FUNCTION_WORDS: Words = "function_words.tsv" ["english"];
    /// Words that cannot be part of a byline's name (the cleaner).
    NOT_NAME_WORDS: Words = "function_words.tsv" ["not-name"];
    /// Words that open sentences, not datelines (the cleaner).
    DATELINE_OPENERS: Words = "function_words.tsv" ["dateline-opener"];
    /// Sentence openers that mark a glue point, here lowercase (the cleaner).
    GLUE_OPENERS: Words = "function_words.tsv" ["glue"];

    // ---- speech verbs
    /// Lemmas whose content is a clause ("said that …").
    CLAUSE_SPEECH_LEMMAS: Words = "speech_verbs.tsv" ["clause"];
    /// Lemmas whose content may be a noun phrase ("praised the plan").
    OBJECT_SPEECH_LEMMAS: Words = "speech_verbs.tsv" ["object"];
    /// Lemmas also counted in their base form ("they say").
    BASE_FORM_SPEECH_VERBS: Words = "speech_verbs.tsv" ["base"];
    /// Lemmas whose content may be an infinitive ("vowed to appeal").
    PROMISE_LEMMAS: Words = "speech_verbs.tsv" ["promise"];
    /// Irregular past forms → lemma ("said" → "say").
    IRREGULAR_SPEECH_PAST: Map = "speech_verbs.tsv" ["past"];
    /// Irregular third-person forms → lemma ("says" → "say").
    IRREGULAR_SPEECH_THIRD_PERSON: Map = "speech_verbs.tsv" ["third-person"];
    /// Forms that take the hearer as object ("told reporters that …").
    HEARER_VERBS: Words = "speech_verbs.tsv" ["hearer"];
    /// Forms that are evidence of a person beside them (entities).
    ENTITY_SPEECH_VERBS: Words = "speech_verbs.tsv" ["entity"];

    // ---- people
    /// Honorifics ("Mr", "Dame").
    HONORIFICS: Words = "titles.tsv" ["honorific"];
    /// Titles that stand before a name and head a role.
    TITLES: Words = "titles.tsv" ["title"];
    /// Nouns that name what someone does, beyond titles ("farmer").
    ROLE_NOUNS: Words = "titles.tsv" ["role"];
    /// Words that qualify a title ("foreign", "former").
    ROLE_MODIFIERS: Words = "titles.tsv" ["modifier"];
    /// Words dropped from the front of a speaker's name (quotes).
    SPEAKER_TITLES: Words = "titles.tsv" ["speaker"];
    /// Abbreviated titles → their full form ("sen" → "senator").
    TITLE_ABBREVIATIONS: Map = "titles.tsv" ["abbreviation"];
    /// Particles inside a person's name ("von", "bin").
    NAME_PARTICLES: Words = "name_particles.tsv";
    /// Surname prefixes written with a capital after them ("mc", "de"), for the entity finder.
    NAME_PREFIXES: Words = "name_prefixes.tsv";
    /// Demonyms ("Varnian", "Republicans").
    DEMONYMS: Words = "demonyms.tsv" ["demonym"];
    /// Words shaped like a demonym that are none ("Sebastian", "Caribbean").
    NOT_DEMONYMS: Words = "demonyms.tsv" ["not-demonym"];
    /// Capitalised words and acronyms that name no entity ("CEO", "GDP").
    NON_ENTITIES: Words = "non_entities.tsv";

    // ---- names of organisations, places, events
    /// Last words that make a name an organisation ("Bank", "Movement").
    ORG_HEADS: Words = "name_heads.tsv" ["org-head"];
    /// Last words that make a name a place ("Street", "Valley").
    PLACE_HEADS: Words = "name_heads.tsv" ["place-head"];
    /// First words that make a name a place ("Mount", "Lake").
    PLACE_PREFIXES: Words = "name_heads.tsv" ["place-prefix"];
    /// First or last words of named events ("Storm", "Declaration").
    EVENT_HEADS: Words = "name_heads.tsv" ["event-head"];
    /// First words of named weather and operations ("Hurricane").
    EVENT_PREFIXES: Words = "name_heads.tsv" ["event-prefix"];
    /// Last words that make a name a news outlet ("Courier", "Radio").
    OUTLET_HEADS: Words = "name_heads.tsv" ["outlet-head"];
    /// Words after which "of" or "for" continues a name ("Bank of …").
    JOINS_OF: Words = "name_heads.tsv" ["joins-of"];
    /// Words of a name, written capitalised, that make it an organisation's or a place's
    /// (quotes).
    QUOTE_ORG_HEADS: Words = "name_heads.tsv" ["quote-org"];
    /// Nouns after a name that make it an organisation ("plant").
    ORG_NOUNS: Words = "context_nouns.tsv" ["org-after"];
    /// Nouns right before a name that make it an organisation ("operator").
    ORG_DESCRIPTORS: Words = "context_nouns.tsv" ["org-before"];
    /// Nouns of "X of Y" that make Y a person ("ally").
    RELATION_NOUNS: Words = "context_nouns.tsv" ["relation"];
    /// Nouns before "of X" that make X a place ("village").
    PLACE_NOUNS: Words = "context_nouns.tsv" ["place-of"];
    /// Nouns right after a name that make it a place ("district").
    PLACE_AFTER_NOUNS: Words = "context_nouns.tsv" ["place-after"];
    /// What a possessive place has ("mayor", "coast").
    PLACE_OWNED: Words = "context_nouns.tsv" ["place-owned"];
    /// What only a person does or has after a name ("wife", "who").
    PERSON_OWNED: Words = "context_nouns.tsv" ["person-owned"];
    /// Heads of descriptions that stand for an organisation ("the agency") (quotes).
    QUOTE_ORG_NOUNS: Words = "context_nouns.tsv" ["quote-org"];
    /// Countries, regions and big cities known without more evidence.
    KNOWN_PLACES: Words = "places.tsv" ["known"];
    /// Other names of places → the usual name ("u.s" → "United States").
    PLACE_ALIASES: Map = "places.tsv" ["alias"];
    /// International organisations and big companies known by a bare name ("nato").
    KNOWN_ORGANISATIONS: Words = "organisations.tsv";

    // ---- outlets, sites and pages
    /// Outlets the entity finder drops ("cnn", "the guardian").
    ENTITY_OUTLETS: Words = "outlets.tsv" ["entity"];
    /// Wire agencies that close a dateline ("ap", "afp").
    NEWS_AGENCIES: Words = "outlets.tsv" ["agency"];
    /// Outlets the quote finder knows, as written ("CNN", "POLITICO").
    QUOTE_OUTLETS: Spellings = "outlets.tsv";
    /// Hosts → the outlet's name ("nytimes.com" → "The New York Times").
    OUTLET_HOSTS: Map = "outlet_hosts.tsv";
    /// Section names ("world", "us news").
    SECTIONS: Words = "sections.tsv";
    /// All-caps labels that look like a dateline's place ("breaking news").
    NOT_PLACE_LABELS: Words = "labels.tsv" ["not-place"];
    /// Label words and marks of a timestamp line ("updated", "|").
    STAMP_LABELS: Words = "labels.tsv" ["stamp"];
    /// HTML class-name parts that mark furniture anywhere in a name ("comment").
    FURNITURE_CLASS_PARTS: Words = "html_class_words.tsv" ["furniture-part"];
    /// HTML class-name words that mark furniture as whole words ("ad", "nav").
    FURNITURE_CLASS_WORDS: Words = "html_class_words.tsv" ["furniture-word"];
    /// HTML class-name parts that mark article text ("content").
    ARTICLE_CLASS_PARTS: Words = "html_class_words.tsv" ["article-part"];
    /// JSON-LD types of an article's own item ("newsarticle").
    ARTICLE_TYPES: Words = "article_types.tsv";
    /// `<meta>` names that carry a publication date, in order of trust.
    DATE_META_NAMES: Words = "date_meta_names.tsv";
    /// ISO 639-3 individual languages → their macrolanguage's ISO 639-1 code ("cmn" → "zh").
    MACROLANGUAGE_CODES: Map = "macrolanguages.tsv";
}

/// A calendar word: a month's or weekday's number (January 1, Monday 1) and whether the word is
/// an abbreviation ("Sept", "Tue").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalendarWord {
    pub number: u8,
    pub abbreviated: bool,
}

fn calendar(file: &str) -> FxHashMap<&'static str, CalendarWord> {
    let map = built(table(file).and_then(|t| t.map(None)));
    let parsed = map.rows().map(|row| {
        let number = row.value().parse().map_err(|_| LexiconError {
            file: "",
            line: 0,
            reason: format!("{file}: {:?}: bad number {:?}", row.word, row.value()),
        })?;
        Ok((row.word, CalendarWord { number, abbreviated: row.has_tag("abbreviation") }))
    });
    built(parsed.collect())
}

/// The month a lowercase word names, in full or abbreviated ("sept").
#[inline]
pub fn month(word: &str) -> Option<CalendarWord> {
    static MONTHS: LazyLock<FxHashMap<&'static str, CalendarWord>> = LazyLock::new(|| calendar("months.tsv"));
    MONTHS.get(word).copied()
}

/// The weekday a lowercase word names, in full or abbreviated ("tue").
#[inline]
pub fn weekday(word: &str) -> Option<CalendarWord> {
    static WEEKDAYS: LazyLock<FxHashMap<&'static str, CalendarWord>> = LazyLock::new(|| calendar("weekdays.tsv"));
    WEEKDAYS.get(word).copied()
}

/// Whether a lowercase word is a month's full name ("march").
#[inline]
pub fn is_month_name(word: &str) -> bool {
    MONTH_NAMES.contains(word)
}

/// Whether a lowercase word is a weekday's full name ("tuesday").
#[inline]
pub fn is_weekday_name(word: &str) -> bool {
    WEEKDAY_NAMES.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::disallowed_methods, reason = "the test reads the data folder to find unlisted files")]
    fn every_file_is_listed_and_parses() {
        for (name, _) in FILES {
            table(name).unwrap_or_else(|e| panic!("{e}"));
        }
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/lexicon");
        for entry in std::fs::read_dir(dir).expect("the lexicon folder") {
            let name = entry.expect("a folder entry").file_name().to_string_lossy().into_owned();
            assert!(FILES.iter().any(|(f, _)| *f == name), "lexicon/{name} is not in FILES");
        }
    }

    #[test]
    fn every_list_parses() {
        for (name, len) in every_list() {
            assert!(len > 0, "{name} is empty");
        }
        assert_eq!(month("sept"), Some(CalendarWord { number: 9, abbreviated: true }));
        assert_eq!(weekday("sunday"), Some(CalendarWord { number: 7, abbreviated: false }));
        assert!(is_month_name("may") && !is_month_name("jan") && is_weekday_name("friday"));
    }
}
