//! Word lists of the quote finder: speech verbs, words that may stand between a subject and
//! its verb, titles, pronouns and news outlets. Lowercase; matched against lowercased words.
//!
//! Only verbs that report speech are cues ("said", "warned"); verbs of belief or wanting
//! ("believes", "wants") are not, so their clauses are not quotes.

/// Verbs that report speech with a clause as content ("X said (that) …", "…, X warned"),
/// as lemmas: every inflection is recognised by [`lemma`].
fn is_clause_lemma(l: &str) -> bool {
    matches!(
        l,
        "say"
            | "tell"
            | "warn"
            | "argue"
            | "claim"
            | "insist"
            | "note"
            | "add"
            | "explain"
            | "stress"
            | "acknowledge"
            | "announce"
            | "suggest"
            | "predict"
            | "contend"
            | "assert"
            | "declare"
            | "write"
            | "tweet"
            | "recall"
            | "emphasize"
            | "emphasise"
            | "admit"
            | "concede"
            | "maintain"
            | "reply"
            | "respond"
            | "confirm"
            | "deny"
            | "allege"
            | "caution"
            | "complain"
            | "observe"
            | "pledge"
            | "vow"
            | "promise"
            | "reveal"
            | "disclose"
            | "testify"
            | "ask"
            | "agree"
            | "report"
            | "indicate"
            | "counter"
            | "charge"
            | "boast"
            | "joke"
            | "state"
            | "mention"
            | "remark"
            | "quip"
            | "shout"
            | "yell"
            | "estimate"
            | "conclude"
            | "reiterate"
            | "hint"
            | "speculate"
            | "assure"
            | "remind"
            | "comment"
            | "lament"
            | "scoff"
            | "retort"
            | "guarantee"
            | "forecast"
            | "signal"
            | "posit"
            | "opine"
            | "affirm"
            | "reckon"
            | "recount"
            | "brag"
            | "grumble"
            | "muse"
            | "concur"
            | "elaborate"
            | "clarify"
            | "specify"
            | "threaten"
            | "demand"
            | "urge"
            | "propose"
            | "advise"
            | "recommend"
            | "inform"
            | "notify"
            | "protest"
            | "chant"
    )
}

/// Speech acts whose content may be a noun phrase rather than a clause: "called for the repeal
/// of the tax", "praised the plan", "questioned the need for moderators".
fn is_object_lemma(l: &str) -> bool {
    matches!(
        l,
        "call"
            | "propose"
            | "praise"
            | "criticize"
            | "criticise"
            | "question"
            | "urge"
            | "demand"
            | "describe"
            | "accuse"
            | "condemn"
            | "blast"
            | "slam"
            | "cite"
            | "discuss"
            | "mention"
            | "reject"
            | "defend"
            | "dismiss"
            | "denounce"
            | "applaud"
            | "mock"
            | "deride"
            | "decry"
            | "welcome"
            | "label"
            | "attack"
            | "dispute"
            | "refute"
            | "hail"
            | "lambaste"
            | "ridicule"
            | "tout"
            | "advocate"
            | "endorse"
            | "unveil"
            | "push"
    )
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
    let irregular = match w {
        "said" => Some(("say", Form::Past)),
        "told" => Some(("tell", Form::Past)),
        "wrote" | "written" => Some(("write", Form::Past)),
        "says" => Some(("say", Form::S)),
        _ => None,
    };
    if let Some((l, f)) = irregular {
        return Some((l.to_string(), f));
    }
    let known = |l: &str| is_clause_lemma(l) || is_object_lemma(l);
    // Base forms only of verbs that are rarely nouns: "they say", not "the call", "a report".
    if matches!(
        w,
        "say"
            | "tell"
            | "argue"
            | "insist"
            | "warn"
            | "contend"
            | "maintain"
            | "acknowledge"
            | "agree"
            | "admit"
            | "explain"
            | "suggest"
            | "predict"
            | "write"
            | "complain"
            | "assert"
            | "concede"
            | "add"
            | "deny"
            | "allege"
            | "testify"
            | "urge"
            | "criticize"
            | "criticise"
            | "describe"
            | "accuse"
            | "condemn"
            | "propose"
            | "reject"
            | "dismiss"
            | "denounce"
            | "recall"
    ) {
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
    lemma(w).is_some_and(|(l, _)| {
        matches!(l.as_str(), "pledge" | "promise" | "vow" | "threaten" | "agree" | "demand" | "propose")
    })
}

/// Participles that report speech of the clause's subject: "…, saying that …".
pub(super) fn is_participle_cue(w: &str) -> bool {
    lemma(w).is_some_and(|(_, f)| f == Form::Ing)
}

/// Verbs that take the hearer as object: "told reporters that …".
pub(super) fn takes_hearer(w: &str) -> bool {
    matches!(w, "told" | "tells" | "tell" | "telling" | "asked" | "warned" | "assured" | "reminded")
}

/// Words that can stand between a subject and its speech verb: "Berg has long said".
pub(super) fn is_verb_filler(w: &str) -> bool {
    // Manner and frequency adverbs: "generally praised", "bluntly said".
    (w.len() > 4
        && w.ends_with("ly")
        && !matches!(
            w,
            "only"
                | "family"
                | "rally"
                | "ally"
                | "italy"
                | "july"
                | "reply"
                | "supply"
                | "apply"
                | "early"
                | "daily"
                | "weekly"
                | "likely"
                | "elderly"
        ))
        || matches!(
            w,
            "also"
                | "has"
                | "have"
                | "had"
                | "later"
                | "then"
                | "previously"
                | "repeatedly"
                | "recently"
                | "once"
                | "again"
                | "publicly"
                | "privately"
                | "reportedly"
                | "would"
                | "will"
                | "could"
                | "may"
                | "might"
                | "long"
                | "did"
                | "does"
                | "do"
                | "never"
                | "not"
                | "just"
                | "already"
                | "often"
                | "frequently"
                | "quickly"
                | "immediately"
                | "simply"
                | "flatly"
                | "first"
                | "last"
                | "separately"
                | "herself"
                | "himself"
                | "themselves"
                | "itself"
                | "further"
                | "falsely"
                | "correctly"
                | "wrongly"
                | "famously"
                | "angrily"
                | "bluntly"
                | "openly"
                | "baselessly"
                | "even"
                | "actually"
                | "now"
                | "still"
                | "earlier"
                | "meanwhile"
                | "however"
                | "finally"
                | "instead"
                | "indeed"
                | "moreover"
                | "additionally"
        )
}

/// Words that end a subject when walking back from the verb: a new clause starts there.
pub(super) fn ends_subject(w: &str) -> bool {
    matches!(
        w,
        "that"
            | "and"
            | "but"
            | "or"
            | "because"
            | "while"
            | "as"
            | "when"
            | "if"
            | "which"
            | "who"
            | "whom"
            | "where"
            | "what"
            | "than"
            | "after"
            | "before"
            | "since"
            | "though"
            | "although"
            | "whether"
            | "so"
            | "nor"
            | "yet"
            | "until"
            | "unless"
            | "whereas"
            | "is"
            | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "to"
            | "by"
            | "about"
            | "of"
            | "for"
            | "with"
            | "in"
            | "on"
            | "at"
            | "from"
            | "into"
            | "over"
            | "it"
    )
}

/// Words a time or place phrase after the verb may consist of: "said on Tuesday that".
pub(super) fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tonight"
            | "earlier"
            | "later"
            | "last"
            | "this"
            | "week"
            | "month"
            | "year"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "weekend"
            | "hours"
            | "report"
            | "january"
            | "february"
            | "march"
            | "april"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "days"
            | "weeks"
            | "months"
            | "minutes"
            | "recently"
            | "previously"
            | "repeatedly"
            | "also"
            | "again"
            | "publicly"
            | "privately"
            | "then"
            | "now"
            | "late"
            | "early"
            | "on"
            | "in"
            | "a"
            | "an"
            | "the"
            | "statement"
            | "interview"
            | "speech"
            | "email"
            | "e-mail"
            | "emailed"
            | "written"
            | "press"
            | "release"
            | "conference"
            | "call"
            | "phone"
            | "telephone"
            | "briefing"
            | "post"
            | "twitter"
            | "facebook"
            | "social"
            | "media"
            | "tweet"
            | "message"
            | "letter"
            | "op-ed"
            | "television"
            | "radio"
            | "at"
            | "rally"
            | "event"
            | "during"
            | "hearing"
            | "debate"
            | "remarks"
            | "his"
            | "her"
            | "their"
            | "its"
            | "campaign"
            | "recent"
            | "news"
            | "prepared"
            | "via"
    )
}

/// Personal pronouns that can be a speaker.
pub(super) fn is_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "we" | "i")
}

/// Determiners that open a description: "the spokesman", "a senior official".
pub(super) fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "another"
            | "each"
            | "every"
            | "no"
            | "any"
            | "these"
            | "those"
            | "one"
            | "two"
            | "three"
            | "several"
            | "many"
            | "some"
            | "his"
            | "her"
            | "their"
            | "its"
            | "other"
            | "both"
            | "most"
            | "all"
    )
}

/// Titles and honorifics dropped from a speaker's name ("Mr. Berg" → "Berg").
pub(super) fn is_title(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.'),
        "mr" | "mrs"
            | "ms"
            | "miss"
            | "dr"
            | "sen"
            | "senator"
            | "rep"
            | "representative"
            | "gov"
            | "governor"
            | "president"
            | "vice"
            | "former"
            | "secretary"
            | "chairman"
            | "chairwoman"
            | "gen"
            | "general"
            | "lt"
            | "col"
            | "adm"
            | "judge"
            | "justice"
            | "mayor"
            | "candidate"
            | "nominee"
            | "prof"
            | "professor"
            | "sir"
            | "minister"
            | "prime"
            | "chancellor"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "ceo"
            | "chief"
            | "director"
            | "ambassador"
            | "speaker"
            | "leader"
            | "state"
            | "attorney"
            | "deputy"
            | "rev"
            | "pastor"
            | "father"
            | "democratic"
            | "republican"
            | "u.s"
            | "us"
            | "house"
            | "senate"
            | "del"
            | "delegate"
            | "sgt"
            | "capt"
            | "maj"
            | "commissioner"
            | "councilman"
            | "majority"
            | "minority"
            | "whip"
            | "councilwoman"
            | "superintendent"
            | "sheriff"
            | "officer"
            | "detective"
    )
}

/// Words that start a sentence or a clause in capitals without naming anyone.
pub(super) fn is_capital_function_word(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "in"
            | "on"
            | "at"
            | "but"
            | "and"
            | "as"
            | "if"
            | "when"
            | "while"
            | "after"
            | "before"
            | "this"
            | "that"
            | "these"
            | "those"
            | "it"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "there"
            | "then"
            | "so"
            | "yet"
            | "still"
            | "asked"
            | "for"
            | "with"
            | "according"
            | "because"
            | "since"
            | "although"
            | "though"
            | "also"
            | "meanwhile"
            | "however"
            | "last"
            | "next"
            | "by"
            | "from"
            | "of"
            | "to"
            | "what"
            | "who"
            | "why"
            | "how"
            | "where"
            | "speaking"
            | "mr"
            | "mrs"
            | "ms"
            | "dr"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "later"
            | "earlier"
            | "now"
            | "today"
            | "yesterday"
            | "tonight"
            | "instead"
            | "indeed"
            | "even"
            | "not"
            | "no"
            | "yes"
            | "some"
            | "many"
            | "most"
            | "all"
            | "both"
            | "several"
            | "other"
            | "others"
            | "one"
            | "two"
            | "three"
            | "every"
            | "each"
            | "any"
            | "such"
            | "here"
            | "thus"
            | "once"
            | "only"
            | "you"
            | "your"
            | "we're"
            | "i'm"
            | "it's"
            | "that's"
            | "there's"
            | "us"
            | "unlike"
            | "despite"
            | "amid"
            | "during"
            | "among"
            | "within"
            | "without"
            | "through"
            | "across"
            | "under"
            | "upon"
            | "whether"
            | "like"
            | "until"
            | "unless"
            | "whose"
            | "are"
            | "is"
            | "was"
            | "were"
            | "do"
            | "does"
            | "said"
            | "says"
            | "added"
            | "told"
    ) || w.starts_with("i'")
        || w.starts_with("i’")
}

/// News outlets that pass on others' words: "told CNN", "as quoted by Reuters".
pub(super) fn is_outlet(name: &str) -> bool {
    let n = name.trim_start_matches("The ").trim_start_matches("the ");
    matches!(
        n,
        "CNN"
            | "Fox News"
            | "MSNBC"
            | "NBC"
            | "NBC News"
            | "ABC"
            | "ABC News"
            | "CBS"
            | "CBS News"
            | "NPR"
            | "Reuters"
            | "AP"
            | "Associated Press"
            | "AFP"
            | "Agence France-Presse"
            | "New York Times"
            | "Washington Post"
            | "Wall Street Journal"
            | "Politico"
            | "POLITICO"
            | "BBC"
            | "Bloomberg"
            | "Guardian"
            | "Financial Times"
            | "Times"
            | "Post"
            | "USA Today"
            | "USA TODAY"
            | "Breitbart"
            | "Breitbart News"
            | "Huffington Post"
            | "HuffPost"
            | "Axios"
            | "Daily Beast"
            | "Atlantic"
            | "New Yorker"
            | "Hill"
            | "Los Angeles Times"
            | "Boston Globe"
            | "Chicago Tribune"
            | "Le Monde"
            | "Der Spiegel"
            | "Spiegel"
            | "Al Jazeera"
            | "Daily Mail"
            | "Telegraph"
            | "Independent"
            | "Newsweek"
            | "Time"
            | "Fox"
            | "CNBC"
            | "Vox"
            | "BuzzFeed"
            | "BuzzFeed News"
            | "Sky News"
    )
}

/// Words written with a period that does not end the sentence: "Mr.", "Sen.", initials.
pub(super) fn is_abbreviation(w: &str) -> bool {
    w.chars().count() == 1 && w.chars().all(char::is_uppercase)
        || matches!(
            w,
            "Mr" | "Mrs"
                | "Ms"
                | "Dr"
                | "Sen"
                | "Rep"
                | "Gov"
                | "Gen"
                | "Lt"
                | "Col"
                | "Adm"
                | "St"
                | "Jr"
                | "Sr"
                | "Prof"
                | "Rev"
                | "Sgt"
                | "Capt"
                | "Maj"
                | "Mt"
                | "Ft"
                | "Supt"
        )
}

/// Time-phrase words that also open ordinary clauses ("the", "a"): skipping a phrase after the
/// verb stops at its last word that is not one of these.
pub(super) fn is_weak_time_word(w: &str) -> bool {
    matches!(
        w,
        "on" | "in"
            | "a"
            | "an"
            | "the"
            | "at"
            | "via"
            | "during"
            | "his"
            | "her"
            | "their"
            | "its"
            | "this"
            | "last"
            | ","
            | "also"
            | "then"
            | "now"
    )
}

/// Words that open a new clause after a comma: "…, officials said Friday, as protests grew".
pub(super) fn opens_clause(w: &str) -> bool {
    matches!(
        w,
        "as" | "while"
            | "after"
            | "before"
            | "because"
            | "since"
            | "when"
            | "although"
            | "though"
            | "but"
            | "and"
            | "which"
            | "who"
            | "where"
            | "even"
            | "in"
            | "at"
            | "according"
            | "citing"
            | "referring"
            | "speaking"
            | "following"
            | "despite"
            | "amid"
    )
}

/// Whether a capitalised name is an organisation's or a place's rather than a person's: an
/// outlet, or a name with an institutional head word ("Commission on …", "… University").
pub(super) fn names_organisation(name: &str) -> bool {
    is_outlet(name)
        || name.split(' ').any(|w| {
            matches!(
                w,
                "Commission"
                    | "Committee"
                    | "Party"
                    | "University"
                    | "College"
                    | "Times"
                    | "News"
                    | "Post"
                    | "Department"
                    | "Council"
                    | "Court"
                    | "Association"
                    | "Foundation"
                    | "Campaign"
                    | "Inc"
                    | "Inc."
                    | "Corp"
                    | "Corp."
                    | "Co."
                    | "Bank"
                    | "Group"
                    | "Network"
                    | "Agency"
                    | "Institute"
                    | "Center"
                    | "Centre"
                    | "Office"
                    | "House"
                    | "Senate"
                    | "Congress"
                    | "Administration"
                    | "Ministry"
                    | "Union"
                    | "Journal"
                    | "Service"
                    | "Board"
                    | "Bureau"
                    | "Authority"
                    | "Company"
                    | "Club"
                    | "League"
                    | "Federation"
                    | "Organization"
                    | "Organisation"
                    | "Street"
                    | "Park"
                    | "City"
                    | "County"
                    | "State"
                    | "States"
                    | "Republic"
                    | "Kingdom"
                    | "Airport"
                    | "Hospital"
                    | "School"
                    | "Church"
                    | "Army"
                    | "Navy"
                    | "Police"
                    | "Fund"
                    | "Reserve"
                    | "Tribune"
                    | "War"
                    | "Day"
                    | "Act"
                    | "Plan"
                    | "Program"
                    | "Programme"
                    | "Project"
            )
        })
}

/// Head nouns of descriptions that stand for an organisation: "the agency said".
pub(super) fn is_organisation_noun(w: &str) -> bool {
    matches!(
        w,
        "agency"
            | "group"
            | "company"
            | "campaign"
            | "department"
            | "committee"
            | "organization"
            | "organisation"
            | "firm"
            | "bank"
            | "ministry"
            | "office"
            | "commission"
            | "council"
            | "union"
            | "party"
            | "court"
            | "board"
            | "network"
            | "foundation"
            | "center"
            | "centre"
            | "institute"
            | "association"
            | "authority"
            | "service"
            | "bureau"
            | "administration"
            | "government"
            | "university"
            | "federation"
            | "league"
            | "corporation"
            | "club"
    )
}
