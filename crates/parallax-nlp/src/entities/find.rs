//! The per-article pass: names in the text, their kind, the roles the article gives them, and
//! descriptions ("the chancellor") resolved to the person given that role.
//!
//! 1. Runs of capitalised words ("Bank of Varnia", "Ursula von der Leyen") are cut where a
//!    capital is grammar: a sentence-opening word is kept only when the article also writes it
//!    capitalised mid-sentence (or it is a title, a known place, an acronym); heading lines keep
//!    only such confirmed words; credit lines are skipped.
//! 2. Each run is split: honorifics and titles come off ("Ostland Chancellor Irena Kovac" →
//!    the place "Ostland", the person "Irena Kovac" with the role "chancellor of Ostland"); a
//!    head word decides a whole run ("… Ministry", "… Street", "Storm …"); outlets are dropped.
//! 3. Evidence from the context adds up per name: titles, appositions ("Anna Berg, the
//!    spokeswoman,"; ", 34,"; ", who"), possessives ("Kessel's mayor"), prepositions of place,
//!    nouns after the name ("the Tessaro plant", "the Nordhafen district"), speech verbs.
//! 4. Within the article, a surname takes the fullest name ending in it, a first word the
//!    organisation it opens, an acronym the organisation with those initials.
//!
//! Deliberately not here: pronouns (the quote finder resolves speakers), names in lowercase,
//! nested entities inside an organisation's name ("Varnia" in "Bank of Varnia" is not a place
//! mention).

use rustc_hash::{FxHashMap, FxHashSet};

use parallax_core::document::Document;
use parallax_core::{EntityKind, Mention};

use super::lexicon as lx;
use super::token::{Line, Tokens};

// Evidence weights: how strongly a context points to a kind. A name's evidence adds up over
// its mentions and the largest slot wins (`decide`). Set by hand on the example corpus and the
// tests here, with a title (5) as the yardstick: one strong cue outweighs two weak ones.

/// An honorific before the name ("Mr. Berg"): a person beyond doubt, and so beyond any other
/// reading (a month name after "Mrs." is a name: "Mrs. June Adler").
const HONORIFIC: i32 = 6;
/// A title before the name ("Chancellor Berg", "Secretary of State Anna Berg").
const TITLE: i32 = 5;
/// A role noun before the name ("spokeswoman Hanna Leitner").
const ROLE_NOUN: i32 = 4;
/// A capital inside a one-word name ("VarnEnergi"): a company's or a product's spelling.
const CAMEL_CASE: i32 = 4;
/// A speech verb beside the name ("said Berg.", "Berg said"): people speak, so do bodies.
const SPEECH_VERB: i32 = 2;
/// "the" before the name: people do not take it ("the Tarn Valley", "the Kremlin").
const THE_BEFORE: i32 = -3;
/// "the" + an organisation head alone ("the Commission", "the Senate").
const THE_ORG_HEAD: i32 = 3;
/// A descriptor right before the name ("the energy company VarnEnergi").
const ORG_DESCRIPTOR: i32 = 5;
/// An acronym ("NUP", "EU"): more often a body than a person or a place.
const ACRONYM: i32 = 3;
/// The place of a dateline ("KESSEL —").
const DATELINE: i32 = 8;
/// "Kessel-based", "Ostland-bound".
const PLACE_BASED: i32 = 3;
/// "the village of Dorrik", "the port of Kessel".
const PLACE_NOUN_OF: i32 = 5;
/// "an ally of Reinholt", "the wife of Tomas Adler".
const RELATION_OF: i32 = 3;
/// "the president of Varnia", "the mayor of Kessel": a ruler's domain is a place.
const RULER_OF: i32 = 3;
/// "the leader of the Renewal Movement": another role's is an organisation.
const ROLE_OF: i32 = 3;
/// A noun after the name that makes it an organisation ("the Tessaro Polymers plant"), right
/// after or one word later ("the Vox Varnia polling institute").
const ORG_NOUN_AFTER: i32 = 4;
const ORG_NOUN_TWO_AFTER: i32 = 3;
/// A noun after the name that makes it a place ("the Nordhafen district").
const PLACE_NOUN_AFTER: i32 = 4;
/// What a possessive has: a place ("Kessel's mayor"), a person ("Berg's wife"), an
/// organisation ("Tessaro's board").
const PLACE_OWNED: i32 = 3;
const PERSON_OWNED: i32 = 2;
const ORG_OWNED: i32 = 2;
/// An apposition that describes the name (", the spokeswoman,", ", who", ", a company that").
const APPOSITION: i32 = 3;
/// An age after the name (", 34,"): only people have one.
const AGE: i32 = 4;
/// The name is the root of a demonym the text uses ("Varnia" where it says "Varnian").
const DEMONYM_ROOT: i32 = 4;
/// Evidence from which a one-word name is clearly an organisation or a place, and so no
/// person's surname or first name, nor an organisation's short form.
const CLEAR: i32 = 4;
/// Place evidence from which a one-word name is no organisation's short form: one strong place
/// preposition ("in Tessaro") is enough.
const SOME_PLACE: i32 = 3;
/// A speech verb right after the name gives an organisation this much ("the ministry said").
const SPEECH_VERB_AFTER_BODY: i32 = 1;
/// Words a role may run before its noun ("former deputy foreign minister").
const ROLE_REACH: usize = 4;
/// Tokens an apposition may run before its comma or full stop.
const MAX_APPOSITION: usize = 10;
/// A headline whose words of at least `HEADLINE_WORD_CHARS` letters are capitalised at this
/// share (in percent) or more is in headline case: its capitals confirm nothing.
const HEADLINE_WORD_CHARS: usize = 4;
const HEADLINE_CASE_PERCENT: usize = 60;

/// Evidence slots: person, organisation, place.
const P: usize = 0;
const O: usize = 1;
const L: usize = 2;

/// A role before it is written out: "mayor" with its owner "Kessel" becomes "mayor of Kessel"
/// once Kessel is known to be a place.
#[derive(Debug, Clone)]
struct Role {
    text: String,
    /// "Kessel's mayor": the owner's name and whether it was a possessive.
    owner: Option<(String, bool)>,
}

/// A name in the text before its kind and resolution are settled.
#[derive(Debug, Clone)]
struct Cand {
    /// Token range of the name words.
    s: usize,
    e: usize,
    /// Byte range in the text (a hyphenated part can be less than its token).
    bs: usize,
    be: usize,
    name: String,
    ev: [i32; 3],
    fixed: Option<EntityKind>,
    role: Option<Role>,
    /// A description ("the chancellor") standing for a person: its role head word.
    desc: Option<String>,
}

/// The names of the document's body with their kind, in-article name and role, in text order.
/// The title is used as evidence only: a sentence-case headline confirms the capitals it writes
/// mid-sentence (a headline-case one says nothing). Mentions in the title itself are not
/// returned: their offsets would not be into the text.
pub fn mentions(doc: &Document<'_>) -> Vec<Mention> {
    let toks = Tokens::new(&doc.body);
    let title_toks = doc.title.as_ref().map(Tokens::new);
    let mut f = Finder::new(&toks, title_toks.as_ref());
    f.scan();
    f.evidence();
    f.resolve()
}

struct Finder<'t, 'a> {
    t: &'t Tokens<'a>,
    /// Lowercase forms of capitals that are not grammar: mid-sentence in prose, or mid-title in
    /// a sentence-case headline.
    confirmed: FxHashSet<&'t str>,
    /// Words the text writes in lowercase: a capital at a sentence start is then grammar.
    lowered: FxHashSet<&'t str>,
    /// Every capitalised word, lowercase: "Varnian" is a demonym when "Varnia" is here.
    capitals: FxHashSet<&'t str>,
    /// Roots of the capitals that may be demonyms: "varnia" for "Varnian" (see
    /// [`demonym_roots`]); a name among them is a place.
    roots: FxHashSet<String>,
    /// Capitals that stand alone mid-sentence ("in Kessel") or open a longer name there
    /// ("Tessaro Polymers"), not only inside one ("Shipping" in "Kessel Shipping Agents'
    /// Association").
    standalone: FxHashSet<&'t str>,
    /// Capitals that end a longer name mid-sentence: "Thal" of "Ingrid Thal".
    surnames: FxHashSet<&'t str>,
    cands: Vec<Cand>,
}

impl<'t, 'a> Finder<'t, 'a> {
    fn new(t: &'t Tokens<'a>, title: Option<&'t Tokens<'_>>) -> Finder<'t, 'a> {
        let mut confirmed = FxHashSet::default();
        let mut lowered = FxHashSet::default();
        let mut capitals = FxHashSet::default();
        let mut standalone = FxHashSet::default();
        let mut surnames = FxHashSet::default();
        let cap_at = |k: usize| t.toks.get(k).is_some_and(|u| u.word && u.cap);
        for (i, tok) in t.toks.iter().enumerate() {
            if !tok.word {
                continue;
            }
            let low = t.low(i);
            if tok.cap {
                capitals.insert(low);
                if !tok.initial && t.line(i) == Line::Prose {
                    confirmed.insert(low);
                    if !(i > 0 && cap_at(i - 1)) {
                        standalone.insert(low);
                    } else if !cap_at(i + 1) {
                        surnames.insert(low);
                    }
                }
            } else if !tok.caps {
                lowered.insert(low);
            }
        }
        let roots = capitals.iter().flat_map(|c| demonym_roots(c)).collect();
        let mut f = Finder { t, confirmed, lowered, capitals, roots, standalone, surnames, cands: Vec::new() };
        if let Some(title) = title {
            f.confirm_from_title(title);
        }
        f
    }

    /// A sentence-case headline ("Adler presses Kovac on border post") confirms its inner
    /// capitals; a headline-case one ("Adler Presses Kovac On Border Post") does not.
    fn confirm_from_title(&mut self, title: &'t Tokens<'_>) {
        let words: Vec<usize> =
            (0..title.toks.len()).filter(|&i| title.toks[i].word && !title.toks[i].initial).collect();
        let long: Vec<&usize> =
            words.iter().filter(|&&i| title.text(i).chars().count() >= HEADLINE_WORD_CHARS).collect();
        let capped = long.iter().filter(|&&&i| title.toks[i].cap).count();
        if long.len() >= 2 && capped * 100 >= long.len() * HEADLINE_CASE_PERCENT {
            return;
        }
        for &i in &words {
            if title.toks[i].cap && !title.toks[i].caps {
                // The title's words live as long as the finder: `title` is borrowed for 't.
                self.confirmed.insert(title.low(i));
            }
        }
    }

    fn n(&self) -> usize {
        self.t.toks.len()
    }

    fn low(&self, i: usize) -> &'t str {
        self.t.low(i)
    }

    fn is_cap(&self, i: usize) -> bool {
        self.t.toks.get(i).is_some_and(|t| t.word && t.cap)
    }

    fn same_line(&self, i: usize, j: usize) -> bool {
        i < self.n() && j < self.n() && self.t.toks[i].line == self.t.toks[j].line
    }

    /// A capital here is not grammar, or the word is one the text writes capitalised elsewhere.
    fn trusted(&self, i: usize) -> bool {
        let low = self.low(i);
        self.confirmed.contains(low)
            || self.t.toks[i].caps
            || lx::is_known_place(low)
            || lx::is_known_org(low)
            || lx::is_title(low)
            || lx::is_honorific(low)
    }

    /// Walks the text for runs of capitalised words.
    fn scan(&mut self) {
        let mut i = 0;
        while i < self.n() {
            if !self.is_cap(i) || self.t.line(i) == Line::Credit {
                i += 1;
                continue;
            }
            let end = self.run_end(i);
            if self.t.line(i) == Line::Heading {
                self.heading_run(i, end);
            } else {
                self.run(i, end);
            }
            i = end;
        }
    }

    /// End (exclusive) of the run of name words starting at `i`: capitalised words, joined by
    /// "of"/"for" after an organisation or place head ("Bank of Varnia"), by name particles
    /// ("von der") and "&".
    fn run_end(&self, i: usize) -> usize {
        let mut j = i + 1;
        while j < self.n() && self.same_line(i, j) {
            let tok = self.t.toks[j];
            if tok.word && tok.cap && !tok.initial {
                j += 1;
                continue;
            }
            let next_cap = |k: usize| self.is_cap(k) && self.same_line(i, k) && !self.t.toks[k].initial;
            if tok.word && !tok.cap {
                let low = self.low(j);
                let joins = match low {
                    "of" | "for" => (i..j).any(|k| lx::joins_of(self.low(k))),
                    // "Commission on Presidential Debates", not "the Commission on Tuesday".
                    "on" => (i..j).any(|k| lx::is_org_head(self.low(k))) && !lx::is_calendar(self.low_at(j + 1)),
                    _ => false,
                };
                if joins {
                    if next_cap(j + 1) {
                        j += 1;
                        continue;
                    }
                    if self.low_at(j + 1) == "the" && next_cap(j + 2) && low == "of" {
                        j += 2;
                        continue;
                    }
                } else if lx::is_particle(low) && next_cap(j + 1) {
                    j += 1;
                    continue;
                }
            } else if self.t.is(j, "&") && next_cap(j + 1) {
                j += 1;
                continue;
            }
            // "Securities and Exchange Commission", "Department of Health and Human Services":
            // "and" joins two halves of one organisation's name, not two names ("Adler and Kovac").
            if tok.word && self.low(j) == "and" && next_cap(j + 1) {
                let mut k = j + 1;
                while next_cap(k) {
                    k += 1;
                }
                if lx::is_org_head(self.low(k - 1)) && k - j > 2 {
                    j = k;
                    continue;
                }
            }
            break;
        }
        j
    }

    /// Connectors ("of", "the", particles, "&") are inside a run, never at its ends.
    fn is_connector(&self, i: usize) -> bool {
        !self.is_cap(i)
    }

    /// A heading line keeps only the capitals the text confirms elsewhere.
    fn heading_run(&mut self, a: usize, b: usize) {
        let mut x = a;
        while x < b {
            // Capitals in a heading are no evidence, shouted ones ("FULL TEXT") least of all.
            let known = |i: usize| {
                let low = self.low(i);
                self.confirmed.contains(low) || lx::is_known_place(low) || lx::is_known_org(low)
            };
            if self.is_connector(x) || !known(x) || self.opener(x) {
                x += 1;
                continue;
            }
            let mut y = x + 1;
            while y < b && (known(y) || self.is_connector(y) && y + 1 < b && known(y + 1)) {
                y += 1;
            }
            if y - x > 1 || self.keeps_alone(x) {
                self.run(x, y);
            }
            x = y;
        }
    }

    /// A lone capital where capitals are grammar is a name only when the text also writes it
    /// mid-sentence, alone, opening a name or ending one, and never in lowercase ("Shipping agents said"
    /// with "shipping" elsewhere is grammar), or it is a known place, an acronym, a title.
    fn keeps_alone(&self, i: usize) -> bool {
        let low = self.low(i);
        // "Harbour master Erik Dahl", "Union leader Brigit Aas": a qualifier of a role.
        if self.t.is_lower_word(i + 1) && lx::is_role_noun(self.low(i + 1)) && self.is_cap(i + 2) {
            return false;
        }
        let next = self.low_at(i + 1);
        // "Kessel's mayor", "Berg said": a possessive or a speech verb after a capital that is
        // no common word of the text (and no plural: "Officials said").
        let owner_or_speaker =
            (self.t.is(i + 1, "'s") || self.t.is(i + 1, "’s") || lx::is_speech_verb(next) && !low.ends_with('s'))
                && !lx::is_calendar(low)
                && !self.opener(i);
        (self.standalone.contains(low) || self.surnames.contains(low) || owner_or_speaker)
            && !self.lowered.contains(low)
            || self.t.toks[i].caps
            || lx::is_known_place(low)
            || lx::is_known_org(low)
            || lx::is_title(low)
            || lx::is_honorific(low)
    }

    /// One run of running text: drop what the sentence start capitalised, then split it.
    fn run(&mut self, mut a: usize, mut b: usize) {
        if self.t.toks[a].initial {
            while a < b && (self.opener(a) || self.is_connector(a)) {
                a += 1;
            }
            if a < b && self.t.toks[a].initial && !self.demonym(a) {
                // "Residents say", "Shipping agents said", "Opposition politicians": a capital at
                // a sentence start is grammar unless the text gives it as a name elsewhere.
                let keep = if b - a == 1 {
                    self.keeps_alone(a)
                } else {
                    self.trusted(a) || !self.lowered.contains(self.low(a))
                };
                if !keep {
                    a += 1;
                }
            }
        }
        while a < b && self.is_connector(a) {
            a += 1;
        }
        while b > a && self.is_connector(b - 1) {
            b -= 1;
        }
        if a < b {
            self.split(a, b, [0; 3]);
        }
    }

    /// A word that opens sentences without naming anything ("Later", "I’m").
    fn opener(&self, i: usize) -> bool {
        let low = self.low(i);
        lx::is_opener(low) || low.contains('’') && lx::is_opener(&low.replace('’', "'"))
    }

    /// A demonym: listed, shaped like one ("Lisandrian"), or a capital ending like one whose
    /// root the text names ("Varnian" with "Varnia", "Ostlander" with "Ostland").
    fn demonym(&self, i: usize) -> bool {
        let low = self.low(i);
        if low.contains('-') {
            // "African-American", "Franco-German".
            return low
                .split('-')
                .all(|p| lx::is_demonym(p) || lx::looks_like_demonym(p) || p == "franco" || p == "anglo");
        }
        let one = low.strip_suffix('s').filter(|w| w.len() > 4).unwrap_or(low);
        lx::is_demonym(low)
            || lx::looks_like_demonym(one)
            || [low, one].iter().any(|w| demonym_roots(w).iter().any(|r| self.capitals.contains(r.as_str())))
    }

    /// Titles, honorifics and heads decide what a run is; see the module doc.
    fn split(&mut self, mut a: usize, b: usize, mut ev: [i32; 3]) {
        while a < b && (lx::is_honorific(self.low(a)) || self.is_connector(a)) {
            if lx::is_honorific(self.low(a)) {
                ev[P] += HONORIFIC;
            }
            a += 1;
        }
        if a >= b {
            return;
        }
        if ev[P] >= HONORIFIC {
            self.name(a, b, ev, None);
            return;
        }
        // "Fox News' Chris Wallace": a plural possessive inside a run ends the owner's name
        // (names that end in an organisation word, "Farmers' League", are whole).
        if !lx::is_org_head(self.low(b - 1)) {
            if let Some(k) = (a..b - 1).find(|&k| self.t.text(k).ends_with(['\'', '’'])) {
                self.split(a, k + 1, [0; 3]);
                self.split(k + 1, b, ev);
                return;
            }
        }
        if (a..b).all(|i| self.demonym(i) || self.is_connector(i)) {
            // "African American", "Latin American".
            return;
        }
        let lows: Vec<&'t str> = (a..b).map(|i| self.low(i)).collect();
        let joined = lows.join(" ");
        let n = b - a;
        if self.outlet(a, b, &lows, &joined) {
            return;
        }
        if lx::is_known_place(&joined) {
            return self.push(a, b, ev, Some(EntityKind::Place), None);
        }
        if lx::is_known_org(&joined) && (n > 1 || self.t.toks[a].caps || !lx::is_opener(&joined)) {
            return self.push(a, b, ev, Some(EntityKind::Organization), None);
        }
        let (first, last) = (lows[0], lows[n - 1]);
        // "(R-S.C.)", "R-Ky.": a party and state tag; a lone letter names nothing.
        if n == 1
            && (matches!(first.split_once('-'), Some(("r" | "d" | "i", st)) if st.len() <= 4)
                || first.chars().count() == 1)
        {
            return;
        }
        // "Debating The Donald", "Gone With The Wind": a capitalised function word inside names
        // a work, not a person.
        if n >= 3
            && (a + 1..b - 1).any(|i| {
                self.is_cap(i) && matches!(self.low(i), "the" | "a" | "an" | "of" | "and" | "in" | "with" | "to")
            })
            || n >= 2 && !self.t.toks[a].initial && lx::is_opener(first) && !lx::is_title(first)
        {
            // "Our Time" mid-sentence is a title too.
            return self.push(a, b, ev, Some(EntityKind::Other), None);
        }
        if n >= 2 {
            if lx::is_org_head(last) {
                return self.push(a, b, ev, Some(EntityKind::Organization), None);
            }
            if lx::is_place_head(last) || lx::is_place_prefix(first) {
                return self.push(a, b, ev, Some(EntityKind::Place), None);
            }
            // "World War II": numerals after the head.
            let head = lows
                .iter()
                .rev()
                .find(|w| !matches!(**w, "i" | "ii" | "iii" | "iv" | "v") && !w.chars().all(|c| c.is_ascii_digit()));
            if lx::is_event_prefix(first) || lx::is_event_head(last) || head.is_some_and(|h| *h == "war") {
                return self.push(a, b, ev, Some(EntityKind::Other), None);
            }
        }
        // "Ostland Chancellor Irena Kovac": the last title with a name after it.
        let name_word = |f: &Self, i: usize| {
            let l = f.low(i);
            f.is_cap(i) && !lx::is_title(l) && !lx::is_role_modifier(l) && !lx::is_honorific(l)
        };
        if let Some(k) = (a..b).rev().find(|&k| lx::is_title(self.low(k)) && (k + 1..b).any(|j| name_word(self, j))) {
            // The title phrase runs back from the title to a connector: in "National Unity
            // Party of Prime Minister Jonas Reinholt" the party is a name of its own.
            let mut r = k;
            while r > a && !self.is_connector(r - 1) {
                r -= 1;
            }
            if r > a {
                let mut end = r - 1;
                while end > a && self.is_connector(end - 1) {
                    end -= 1;
                }
                if end > a {
                    self.split(a, end, [0; 3]);
                }
            }
            // Names inside the phrase are what the title is of: "Ostland" in "Ostland
            // Chancellor" (→ "chancellor of Ostland"), "Tessaro Polymers" in "Tessaro Polymers
            // CEO". Demonyms stay in the role: "Varnian president".
            let mut qualifier: Option<(usize, usize)> = None;
            let mut x = r;
            while x <= k {
                if name_word(self, x) && !self.demonym(x) {
                    let mut y = x + 1;
                    while y <= k && (name_word(self, y) || self.is_connector(y) && y < k && name_word(self, y + 1)) {
                        y += 1;
                    }
                    let before = self.cands.len();
                    self.split(x, y, [0, 0, 2]);
                    if qualifier.is_none() && self.cands.len() > before {
                        qualifier = Some((x, y));
                    }
                    x = y;
                } else {
                    x += 1;
                }
            }
            let role = self.role_before(r, k + 1, qualifier);
            let mut s = k + 1;
            if s < b && matches!(self.low(s), "of" | "for") {
                s += 1;
                while s < b && self.is_connector(s) {
                    s += 1;
                }
                let mut t = s;
                while t < b && (lx::is_role_modifier(self.low(t)) || lx::is_title(self.low(t))) {
                    t += 1;
                }
                if t > s && t < b {
                    // "Secretary of State Anna Berg".
                    ev[P] += TITLE;
                    let role = Role { text: self.role_words(a, t, None, true), owner: None };
                    self.name(t, b, ev, Some(role));
                } else if t == s && s < b {
                    // "Mayor of Kessel", "President of Varnia": only what the title is of.
                    self.split(s, b, [0, 1, 2]);
                }
                return;
            }
            while s < b && (self.is_connector(s) || lx::is_honorific(self.low(s))) {
                s += 1;
            }
            if s < b {
                ev[P] += TITLE;
                self.name(s, b, ev, Some(role));
            }
            return;
        }
        if n >= 2
            && lows
                .iter()
                .enumerate()
                .any(|(k, w)| lx::is_org_head(w) && matches!(lows.get(k + 1), Some(&"of" | &"for")))
        {
            return self.push(a, b, ev, Some(EntityKind::Organization), None);
        }
        if (a..b).all(|i| !name_word(self, i)) {
            // "the President", "the Foreign Minister": a description, resolved later.
            if a > 0 && self.low(a - 1) == "the" && lx::is_title(last) {
                self.push_desc(a - 1, b, last);
            }
            return;
        }
        self.name(a, b, ev, None)
    }

    /// A news outlet: by name ("CNN"), by an outlet word ending a longer name ("Kessel
    /// Courier", "Meridian Press Agency"), or an agency acronym closing a dateline ("(MPA)").
    fn outlet(&self, a: usize, b: usize, lows: &[&str], joined: &str) -> bool {
        let n = lows.len();
        let last = lows[n - 1];
        lx::is_outlet(joined)
            || n >= 2 && lx::is_outlet_head(last)
            || n >= 3 && last == "agency" && matches!(lows[n - 2], "press" | "news")
            || n == 1 && lx::is_news_agency_acronym(joined) && self.t.is(a.wrapping_sub(1), "(") && self.t.is(b, ")")
    }

    /// A name (after titles): drops what names nothing, normalises capitals, splits hyphenated
    /// pairs of names ("Adler-Kovac").
    fn name(&mut self, mut a: usize, b: usize, mut ev: [i32; 3], role: Option<Role>) {
        // "Republican Donald Trump": the party or nationality is no part of the name ("Islamic
        // State" keeps it: what is left must be a full name).
        while b - a > 2 && self.demonym(a) && !matches!(self.low(a), "northern" | "southern" | "eastern" | "western") {
            a += 1;
        }
        if b - a == 1 {
            let low = self.low(a);
            let tok = self.t.toks[a];
            if lx::is_calendar(low) && ev[P] < HONORIFIC || lx::is_non_entity(low) || self.demonym(a) || self.opener(a)
            {
                return;
            }
            let word = self.t.text(a);
            // "PACs", "CEOs": a plural acronym is a kind of thing.
            if word.len() > 2 && word.ends_with('s') && word[..word.len() - 1].chars().all(|c| c.is_uppercase()) {
                return;
            }
            if let Some(h) = word.find('-') {
                let (head, tail) = (&word[..h], &word[h + 1..]);
                if tail.chars().next().is_some_and(char::is_lowercase) {
                    // "Kessel-based", "Ostland-bound": the name is the first part.
                    if matches!(tail, "based" | "born" | "bound" | "registered" | "headquartered") {
                        ev[L] += PLACE_BASED;
                    }
                    let low = &self.low(a)[..h];
                    if head.chars().count() < 2 || lx::is_demonym(low) || self.capitals_root(low) {
                        return;
                    }
                    self.push_span(a, b, tok.s, tok.s + h, ev, None, role);
                    return;
                }
                // "Adler-Kovac": two names the text also gives apart.
                let parts: Vec<&str> = word.split('-').collect();
                if parts.len() > 1 && parts.iter().all(|p| self.confirmed.contains(p.to_ascii_lowercase().as_str())) {
                    let mut off = tok.s;
                    for p in parts {
                        self.push_span(a, b, off, off + p.len(), ev, None, None);
                        off += p.len() + 1;
                    }
                    return;
                }
            }
            if tok.caps && word.chars().filter(|c| c.is_alphabetic()).count() <= 5 && !self.dateline(a, b) {
                // An acronym: "NUP", "EU".
                ev[O] += ACRONYM;
            }
        }
        let fixed = self.dateline(a, b).then(|| {
            ev[L] += DATELINE;
            EntityKind::Place
        });
        self.push(a, b, ev, fixed, role);
    }

    /// "KESSEL, March 3 —": the opening words of the text in capitals, before a comma or dash.
    fn dateline(&self, a: usize, b: usize) -> bool {
        (a..b).all(|i| self.t.toks[i].caps || !self.is_cap(i))
            && self.t.toks[..a].iter().all(|t| !t.word)
            && self
                .t
                .toks
                .get(b)
                .is_some_and(|t| !t.word && matches!(&self.t.text[t.s..t.e], "," | ":" | "—" | "–" | "-" | "("))
    }

    /// A word is the root of a demonym the text uses, i.e. a place ("varnia" with "Varnian").
    fn capitals_root(&self, low: &str) -> bool {
        self.roots.contains(low)
    }

    fn push(&mut self, a: usize, b: usize, ev: [i32; 3], fixed: Option<EntityKind>, role: Option<Role>) {
        let (bs, be) = (self.t.toks[a].s, self.t.toks[b - 1].e);
        self.push_span(a, b, bs, be, ev, fixed, role);
    }

    #[allow(clippy::too_many_arguments, reason = "one private constructor, called with spans and evidence")]
    fn push_span(
        &mut self,
        s: usize,
        e: usize,
        bs: usize,
        be: usize,
        ev: [i32; 3],
        fixed: Option<EntityKind>,
        role: Option<Role>,
    ) {
        let mut name = self.spell(s, e, bs, be);
        if name.is_empty() {
            return;
        }
        if fixed == Some(EntityKind::Place) {
            if let Some(usual) = lx::place_alias(&name.to_lowercase()) {
                name = usual.to_string();
            }
        }
        self.cands.push(Cand { s, e, bs, be, name, ev, fixed, role, desc: None });
    }

    fn push_desc(&mut self, s: usize, e: usize, head: &str) {
        let (bs, be) = (self.t.toks[s].s, self.t.toks[e - 1].e);
        let name = self.t.text[bs..be].to_string();
        self.cands.push(Cand { s, e, bs, be, name, ev: [0; 3], fixed: None, role: None, desc: Some(head.to_string()) });
    }

    /// The name as written, one space between words; capitals of a shouted name (a dateline's
    /// "KESSEL") become "Kessel". Acronyms stay.
    fn spell(&self, s: usize, e: usize, bs: usize, be: usize) -> String {
        let raw = self.t.text[bs..be].trim_end_matches(['\'', '’']);
        let shouted = (s..e).all(|i| self.t.toks[i].caps || !self.is_cap(i))
            && (raw.chars().filter(|c| c.is_alphabetic()).count() > 5 || self.dateline(s, e));
        let mut out = String::with_capacity(raw.len());
        for (k, w) in raw.split_whitespace().enumerate() {
            if k > 0 {
                out.push(' ');
            }
            let w = &w.replace('’', "'");
            if shouted {
                let mut chars = w.chars();
                if let Some(c) = chars.next() {
                    out.push(c);
                    out.extend(chars.flat_map(char::to_lowercase));
                }
            } else {
                out.push_str(w);
            }
        }
        out
    }

    /// The role a run's title words give ("Varnian President" → "Varnian president"), with the
    /// lowercase words that qualify it before the run ("caretaker Labour Minister"); a name
    /// inside (`qualifier`, token range) is the role's owner: "Ostland Chancellor" → "chancellor"
    /// of "Ostland".
    fn role_before(&self, a: usize, end: usize, qualifier: Option<(usize, usize)>) -> Role {
        let mut start = a;
        while start > 0
            && start + ROLE_REACH > a
            && self.t.is_lower_word(start - 1)
            && self.same_line(start - 1, a)
            && (lx::is_role_modifier(self.low(start - 1)) || lx::is_role_noun(self.low(start - 1)))
        {
            start -= 1;
        }
        let owner = match qualifier {
            Some((x, y)) => self.cands.iter().rev().find(|c| c.s >= x && c.e <= y).map(|c| (c.name.clone(), true)),
            None => self.owner(start),
        };
        Role { text: self.role_words(start, end, qualifier, true), owner }
    }

    /// Role words as a phrase, leaving out the tokens in `skip`. In a title phrase (`title`)
    /// titles and qualifiers are lowercased ("Foreign Minister" → "foreign minister"); elsewhere
    /// only a capital that opens a sentence is. Names and acronyms stay as written.
    fn role_words(&self, a: usize, b: usize, skip: Option<(usize, usize)>, title: bool) -> String {
        let mut out = String::new();
        for i in a..b {
            if skip.is_some_and(|(x, y)| (x..y).contains(&i)) {
                continue;
            }
            let tok = self.t.toks[i];
            let w = self.t.text(i);
            if !out.is_empty() && (tok.word || w == "&") && !matches!(w, "'s" | "’s") {
                out.push(' ');
            }
            let l = self.low(i);
            // A sentence's first word that is no name: "Harbour master", "Chief executive".
            let grammar = tok.initial && !self.cands.iter().any(|c| (c.s..c.e).contains(&i));
            // In a title phrase every word but the names left out as its owner is a title word:
            // "Supreme Court Justice" → "supreme court justice".
            let lower = tok.cap && !tok.caps && !self.demonym(i) && (grammar || title);
            if let Some(full) = lx::title_in_full(l).filter(|_| tok.cap) {
                out.push_str(full);
            } else if let Some(one) = lx::singular_title(l) {
                // "Chancellors Kovac and Adler": each is a chancellor.
                out.push_str(one);
            } else if lower {
                out.push_str(&w.to_lowercase());
            } else {
                out.push_str(w);
            }
        }
        out
    }

    /// "Kessel's mayor": the name before a possessive that ends at `i`.
    fn owner(&self, i: usize) -> Option<(String, bool)> {
        if i >= 2 && (self.t.is(i - 1, "'s") || self.t.is(i - 1, "’s")) {
            return self.cand_ending(i - 1).map(|c| (self.cands[c].name.clone(), true));
        }
        None
    }

    fn cand_ending(&self, e: usize) -> Option<usize> {
        self.cands.iter().rposition(|c| c.e == e && c.desc.is_none())
    }

    /// Adds context evidence and roles to every name; see the module doc.
    fn evidence(&mut self) {
        for c in 0..self.cands.len() {
            if self.cands[c].desc.is_some() {
                continue;
            }
            let (s, e) = (self.cands[c].s, self.cands[c].e);
            let mut ev = [0; 3];
            let mut role = None;
            let prev = s.checked_sub(1).filter(|&p| self.same_line(p, s));
            let prev_low = prev.map(|p| self.low(p)).unwrap_or("");
            let next_low = if e < self.n() && self.same_line(e, s) { self.low(e) } else { "" };
            let next_is = |p: &str| self.t.is(e, p) && self.same_line(e, s);
            // "spokeswoman Hanna Leitner", "former judge Alma Dreyer", "Adler's spokesman Matej Orlik".
            if let Some(p) = prev {
                if self.t.is_lower_word(p) && lx::is_role_noun(self.low(p)) {
                    ev[P] += ROLE_NOUN;
                    let mut start = p;
                    while start > 0
                        && start + ROLE_REACH > p
                        && self.same_line(start - 1, p)
                        && (self.t.is_lower_word(start - 1) && lx::is_role_modifier(self.low(start - 1))
                            || self.is_cap(start - 1)
                                && !self.t.toks[start - 1].caps
                                && (lx::is_title(self.low(start - 1))
                                    || lx::is_role_modifier(self.low(start - 1))
                                    // "Harbour master Erik Dahl": a sentence's first word
                                    // that was no name.
                                    || self.t.toks[start - 1].initial && self.cand_ending(start).is_none()))
                    {
                        start -= 1;
                    }
                    let owner = self.owner(start).or_else(|| {
                        // "Renewal Movement leader Mira Halden", "union leader Brigit Aas".
                        self.cand_ending(start).map(|o| (self.cands[o].name.clone(), false))
                    });
                    role = Some(Role { text: self.role_words(start, s, None, true), owner });
                }
                if self.t.is_lower_word(p) && lx::is_org_descriptor(prev_low) {
                    // "the energy company VarnEnergi", "grid operator Nordnet".
                    ev[O] += ORG_DESCRIPTOR;
                }
                if lx::is_speech_verb(prev_low) && (next_is(",") || next_is(".")) {
                    ev[P] += SPEECH_VERB;
                }
                if prev_low == "the" {
                    // People do not take "the": "the Tarn Valley", "the Kremlin".
                    ev[P] += THE_BEFORE;
                    if e - s == 1 && lx::is_org_head(self.low(s)) {
                        // "the Commission", "the Senate".
                        ev[O] += THE_ORG_HEAD;
                    }
                }
                if self.t.is_lower_word(p) {
                    ev[L] += lx::place_preposition(prev_low);
                }
                // "the village of Dorrik", "the leader of the Renewal Movement".
                if prev_low == "of" || prev_low == "the" && s >= 2 && self.low(s - 2) == "of" {
                    let of = if prev_low == "of" { p } else { p - 1 };
                    if let Some(q) = of.checked_sub(1).filter(|&q| self.t.is_lower_word(q)) {
                        let w = self.low(q);
                        if lx::is_place_noun(w) {
                            ev[L] += PLACE_NOUN_OF;
                        } else if lx::is_relation_noun(w) {
                            // "an ally of Reinholt", "the wife of Tomas Adler".
                            ev[P] += RELATION_OF;
                        } else if matches!(
                            w,
                            "president" | "king" | "queen" | "governor" | "mayor" | "premier" | "chancellor"
                        ) {
                            ev[L] += RULER_OF;
                        } else if lx::is_role_noun(w) || lx::is_org_noun(w) {
                            ev[O] += ROLE_OF;
                        }
                    }
                }
            }
            // "VarnEnergi", "ChatterBox": a capital inside one word names a company or a
            // product, not a person ("McAdam", "DeSantis" keep their name prefixes).
            if e - s == 1 && camel_case(self.t.text(s)) {
                ev[O] += CAMEL_CASE;
            }
            // "Chancellors Kovac and Adler": the second name shares the plural title.
            if prev_low == "and" {
                let shared = prev.and_then(|p| self.cand_ending(p)).and_then(|o| {
                    let t = self.cands[o].s.checked_sub(1)?;
                    lx::singular_title(self.low(t)).map(|one| (one, o))
                });
                if let Some((one, o)) = shared {
                    ev[P] += TITLE;
                    role = role.or_else(|| {
                        Some(Role {
                            text: one.to_string(),
                            owner: self.cands[o].role.as_ref().and_then(|r| r.owner.clone()),
                        })
                    });
                }
            }
            // After the name.
            if lx::is_speech_verb(next_low) && self.t.is_lower_word(e) {
                ev[P] += SPEECH_VERB;
                ev[O] += SPEECH_VERB_AFTER_BODY;
            }
            if self.t.is_lower_word(e) {
                if lx::is_org_noun(next_low) {
                    ev[O] += ORG_NOUN_AFTER;
                } else if lx::is_place_after(next_low)
                    || self.t.is_lower_word(e + 1) && lx::is_place_after(self.low(e + 1))
                {
                    // "the Nordhafen district", "the Nordkai grain terminal".
                    ev[L] += PLACE_NOUN_AFTER;
                } else if self.t.is_lower_word(e + 1) && lx::is_org_noun(self.low(e + 1)) && !lx::is_role_noun(next_low)
                {
                    // "the Vox Varnia polling institute".
                    ev[O] += ORG_NOUN_TWO_AFTER;
                }
            }
            if next_is("'s") || next_is("’s") {
                let owned = if e + 1 < self.n() { self.low(e + 1) } else { "" };
                if lx::is_place_owned(owned) {
                    ev[L] += PLACE_OWNED;
                } else if lx::is_person_owned(owned) {
                    ev[P] += PERSON_OWNED;
                } else if lx::is_org_noun(owned)
                    || matches!(owned, "chief" | "ceo" | "chairman" | "board" | "shareholders")
                {
                    ev[O] += ORG_OWNED;
                }
            }
            if next_is(",") {
                if let Some((r, more)) = self.apposition(e + 1) {
                    add(&mut ev, more);
                    if role.is_none() {
                        role = r;
                    }
                }
            }
            if prev.is_some_and(|p| self.t.is(p, ",")) {
                if let Some(r) = self.reverse_apposition(s - 1) {
                    ev[P] += APPOSITION;
                    if role.is_none() {
                        role = Some(r);
                    }
                }
            }
            // "Varnia" where the text says "Varnian".
            if e - s == 1 && self.capitals_root(self.low(s)) {
                ev[L] += DEMONYM_ROOT;
            }
            let cand = &mut self.cands[c];
            add(&mut cand.ev, ev);
            if cand.role.is_none() {
                cand.role = role;
            }
        }
    }

    /// ", the spokeswoman," / ", 34," / ", who" / ", a company that" after a name at `i` (the
    /// token after the comma): the role it gives and the evidence.
    fn apposition(&self, i: usize) -> Option<(Option<Role>, [i32; 3])> {
        let tok = self.t.toks.get(i)?;
        let low = self.low(i);
        if tok.word && low.chars().all(|c| c.is_ascii_digit()) && (self.t.is(i + 1, ",") || self.t.is(i + 1, ".")) {
            // An age: "Dana Horvat, 34, who lives …", "Piet Aalders, 52, a forklift driver".
            let more = if self.t.is(i + 1, ",") { self.apposition(i + 2) } else { None };
            return Some((more.and_then(|m| m.0), [AGE, 0, 0]));
        }
        if low == "who" {
            return Some((None, [APPOSITION, 0, 0]));
        }
        let det = matches!(low, "the" | "a" | "an" | "its" | "his" | "her" | "their" | "our");
        let possessive = self.is_cap(i) && (self.t.is(i + 1, "'s") || self.t.is(i + 1, "’s"));
        if !(det || possessive || self.t.is_lower_word(i) && lx::is_role_noun(low)) {
            return None;
        }
        // The phrase runs to the next comma, full stop or relative pronoun, at most 10 tokens.
        let start = if det { i + 1 } else { i };
        let mut end = start;
        while end < self.n() && end < start + MAX_APPOSITION {
            let t = self.t.toks[end];
            if !t.word && !matches!(self.t.text(end), "'s" | "’s" | "-" | "'" | "&")
                || matches!(self.low(end), "who" | "which" | "that" | "whose")
            {
                break;
            }
            if t.word && lx::is_speech_verb(self.low(end)) {
                return None;
            }
            end += 1;
        }
        let stop = self.t.toks.get(end);
        if end == start || stop.is_some_and(|t| t.word && !matches!(self.low(end), "who" | "which" | "that" | "whose"))
        {
            return None;
        }
        // "In Brede, the mayor, Søren Åberg, opened …": the phrase is the next name's.
        if self.t.is(end, ",") && self.is_cap(end + 1) {
            return None;
        }
        // The head: the last word before "of"/"at"/"for"/"in".
        let cut =
            (start..end).find(|&k| matches!(self.low(k), "of" | "at" | "for" | "in" | "on" | "with")).unwrap_or(end);
        let head = (start..cut).rev().find(|&k| self.t.toks[k].word)?;
        let h = self.low(head);
        if lx::is_role_noun(h) && self.t.is_lower_word(head) {
            let owner =
                if possessive { self.cand_ending(i + 1).map(|c| (self.cands[c].name.clone(), true)) } else { None };
            let text_from = if possessive { i + 2 } else { start };
            return Some((
                Some(Role { text: self.role_words(text_from, end, None, false), owner }),
                [APPOSITION, 0, 0],
            ));
        }
        if lx::is_org_noun(h)
            || matches!(
                h,
                "maker"
                    | "producer"
                    | "manufacturer"
                    | "supplier"
                    | "lender"
                    | "insurer"
                    | "retailer"
                    | "exporter"
                    | "operator"
            )
        {
            return Some((None, [0, APPOSITION, 0]));
        }
        if lx::is_place_after(h) || lx::is_place_noun(h) && det {
            return Some((None, [0, 0, APPOSITION]));
        }
        None
    }

    /// "Its leader, Milan Gora" / "a Varnian farmer, Emil Radu" / "Kessel's mayor, Anna Berg":
    /// the phrase before the comma at `comma`, when it opens with a determiner or possessive
    /// and ends in a role noun.
    fn reverse_apposition(&self, comma: usize) -> Option<Role> {
        let last = comma.checked_sub(1)?;
        if !self.t.is_lower_word(last) || !lx::is_role_noun(self.low(last)) || !self.same_line(last, comma) {
            return None;
        }
        let mut k = last;
        loop {
            let low = self.low(k);
            if matches!(low, "the" | "a" | "an" | "its" | "his" | "her" | "their" | "our") {
                return Some(Role { text: self.role_words(k + 1, comma, None, false), owner: None });
            }
            if self.t.is(k, "'s") || self.t.is(k, "’s") {
                let owner = self.cand_ending(k)?;
                return Some(Role {
                    text: self.role_words(k + 1, comma, None, false),
                    owner: Some((self.cands[owner].name.clone(), true)),
                });
            }
            if k == 0 || last - k >= 6 || !self.same_line(k - 1, k) {
                return None;
            }
            let t = self.t.toks[k - 1];
            if !t.word && !matches!(self.t.text(k - 1), "'s" | "’s" | "'" | "-") {
                return None;
            }
            k -= 1;
        }
    }

    /// Groups names, merges surnames, first words and acronyms into the names they stand for,
    /// decides kinds, resolves descriptions and writes the mentions out.
    fn resolve(mut self) -> Vec<Mention> {
        let lowercase_descriptions = self.descriptions_in_text();
        self.cands.extend(lowercase_descriptions);
        self.cands.sort_by_key(|c| c.bs);
        let names: Vec<&Cand> = self.cands.iter().filter(|c| c.desc.is_none()).collect();
        let mut index: FxHashMap<&str, usize> = FxHashMap::default();
        let mut groups: Vec<Group> = Vec::new();
        for c in &names {
            let g = *index.entry(c.name.as_str()).or_insert_with(|| {
                groups.push(Group::new(&c.name));
                groups.len() - 1
            });
            let group = &mut groups[g];
            add(&mut group.ev, c.ev);
            group.fixed = group.fixed.or(c.fixed);
            group.at.push(c.bs);
        }
        for g in &mut groups {
            g.kind = decide(g.ev, g.fixed, g.words.len());
        }
        // Merges: which group each name's mentions go to, per mention where a surname is shared.
        let targets: Vec<Vec<usize>> = (0..groups.len()).map(|g| merge_targets(&groups, g)).collect();
        let mut into: Vec<usize> = (0..groups.len()).collect();
        for (g, t) in targets.iter().enumerate() {
            if t.len() == 1 {
                into[g] = t[0];
            }
        }
        // Evidence of merged names counts for the name they joined.
        let mut ev: Vec<[i32; 3]> = groups.iter().map(|g| g.ev).collect();
        for g in 0..groups.len() {
            if into[g] != g {
                add(&mut ev[into[g]], groups[g].ev);
            }
        }
        let kinds: Vec<EntityKind> =
            groups.iter().enumerate().map(|(g, gr)| decide(ev[g], gr.fixed, gr.words.len())).collect();
        // Each mention's group: its own, the one it merged into, or for a surname shared by
        // several, the nearest named before it (else after).
        let resolved: Vec<Option<usize>> = self
            .cands
            .iter()
            .map(|c| {
                if c.desc.is_some() {
                    return None;
                }
                let g = *index.get(c.name.as_str())?;
                let t = &targets[g];
                Some(if t.len() > 1 { nearest(&groups, t, c.bs) } else { into[g] })
            })
            .collect();
        let role_text = |r: &Role| -> String {
            match &r.owner {
                Some((owner, true)) => {
                    let kind = index.get(owner.as_str()).map(|&g| kinds[into[g]]);
                    if matches!(kind, Some(EntityKind::Place | EntityKind::Organization)) {
                        format!("{} of {owner}", r.text)
                    } else {
                        format!("{owner}'s {}", r.text)
                    }
                }
                Some((owner, false)) => format!("{owner} {}", r.text),
                None => r.text.clone(),
            }
        };
        // Roles per person, in text order, for descriptions: (byte, head word, role, group).
        let mut holders: Vec<(usize, String, String, usize)> = Vec::new();
        for (c, g) in self.cands.iter().zip(&resolved) {
            if let (Some(r), Some(g)) = (&c.role, g) {
                if kinds[*g] == EntityKind::Person {
                    let text = role_text(r);
                    holders.push((c.bs, role_head(&r.text), text, *g));
                }
            }
        }
        let mut out = Vec::with_capacity(self.cands.len());
        for (c, g) in self.cands.iter().zip(&resolved) {
            let (g, role) = match (&c.desc, g) {
                (Some(head), _) => {
                    let Some(g) = describe(&holders, head, &c.name, c.bs) else { continue };
                    (g, None)
                }
                (None, Some(g)) => (*g, c.role.as_ref().filter(|_| kinds[*g] == EntityKind::Person).map(role_text)),
                (None, None) => continue,
            };
            out.push(Mention {
                start: self.t.char_at(c.bs),
                end: self.t.char_at(c.be),
                text: self.t.text[c.bs..c.be].to_string(),
                kind: kinds[g],
                name: groups[g].name.clone(),
                role,
            });
        }
        out
    }

    /// "the chancellor", "the foreign minister": lowercase descriptions whose head word is a
    /// role the article gives someone (checked when resolving).
    fn descriptions_in_text(&self) -> Vec<Cand> {
        let heads: FxHashSet<String> =
            self.cands.iter().filter_map(|c| c.role.as_ref()).map(|r| role_head(&r.text)).collect();
        if heads.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for i in 0..self.n() {
            if self.low(i) != "the" || !self.t.toks[i].word || self.t.line(i) == Line::Credit {
                continue;
            }
            let mut j = i + 1;
            while j < i + ROLE_REACH
                && self.t.is_lower_word(j)
                && lx::is_role_modifier(self.low(j))
                && !heads.contains(self.low(j))
            {
                j += 1;
            }
            if !self.t.is_lower_word(j) || !heads.contains(self.low(j)) || !self.same_line(i, j) {
                continue;
            }
            // "the spokeswoman Anna Berg" is a role, "the mayor of Kessel" may be anyone's.
            let after = j + 1;
            if self.is_cap(after) && self.same_line(j, after) || matches!(self.low_at(after), "of" | "for" | "and") {
                continue;
            }
            let (bs, be) = (self.t.toks[i].s, self.t.toks[j].e);
            let head = self.low(j).to_string();
            out.push(Cand {
                s: i,
                e: j + 1,
                bs,
                be,
                name: self.t.text[bs..be].to_string(),
                ev: [0; 3],
                fixed: None,
                role: None,
                desc: Some(head),
            });
        }
        out
    }

    fn low_at(&self, i: usize) -> &'t str {
        if i < self.n() {
            self.low(i)
        } else {
            ""
        }
    }
}

/// The mentions of one name in an article.
struct Group {
    name: String,
    /// Lowercase words without initials ("tomas j. adler" → tomas, adler).
    words: Vec<String>,
    ev: [i32; 3],
    fixed: Option<EntityKind>,
    kind: EntityKind,
    /// Byte offsets of its mentions.
    at: Vec<usize>,
}

impl Group {
    fn new(name: &str) -> Group {
        Group {
            name: name.to_string(),
            words: name_words(name),
            ev: [0; 3],
            fixed: None,
            kind: EntityKind::Other,
            at: Vec::new(),
        }
    }
}

/// Lowercase words of a name, without initials and a final apostrophe.
pub(super) fn name_words(name: &str) -> Vec<String> {
    name.split([' ', '-'])
        .filter(|w| !(w.trim_end_matches('.').chars().count() == 1 && w.len() <= 2 && name.contains(' ')))
        .map(|w| w.trim_end_matches(['\'', '’']).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The kind a name's evidence points to; with none, two or more words are a person's name and
/// one word is left `other`.
fn decide(ev: [i32; 3], fixed: Option<EntityKind>, words: usize) -> EntityKind {
    if let Some(k) = fixed {
        return k;
    }
    let kinds = [EntityKind::Person, EntityKind::Organization, EntityKind::Place];
    // Ties: a person before an organisation before a place for names of several words; the
    // other way round for one word (a bare "Kessel" is more often a place than a surname).
    let order: [usize; 3] = if words >= 2 { [P, O, L] } else { [L, O, P] };
    let best = order.iter().copied().max_by_key(|&k| (ev[k], std::cmp::Reverse(order.iter().position(|&o| o == k))));
    match best {
        Some(k) if ev[k] > 0 => kinds[k],
        _ if words >= 2 && ev[P] >= 0 => EntityKind::Person,
        _ if words >= 2 => EntityKind::Organization,
        _ => EntityKind::Other,
    }
}

/// The groups the mentions of group `g` stand for: a surname ("Berg") the people whose names
/// end in it, a first word ("Tessaro") the organisation it opens, an acronym the organisation
/// with those initials, "Hilde" the storm. Empty: `g` stands for itself.
fn merge_targets(groups: &[Group], g: usize) -> Vec<usize> {
    let me = &groups[g];
    if me.fixed.is_some() || me.words.is_empty() {
        return Vec::new();
    }
    let longer = || groups.iter().enumerate().filter(|(_, t)| t.words.len() > me.words.len());
    if me.ev[O] < CLEAR && me.ev[L] < CLEAR {
        let people: Vec<usize> = longer()
            .filter(|(_, t)| t.kind == EntityKind::Person && t.words.ends_with(&me.words))
            .map(|(i, _)| i)
            .collect();
        if !people.is_empty() {
            return people;
        }
        // "Hillary" for "Hillary Clinton", when one person of the article has that first name.
        if me.words.len() == 1 && me.ev[P] >= 0 {
            let first: Vec<usize> = longer()
                .filter(|(_, t)| t.kind == EntityKind::Person && t.words.first() == me.words.first())
                .map(|(i, _)| i)
                .collect();
            if first.len() == 1 {
                return first;
            }
        }
    }
    if me.words.len() == 1 {
        let w = &me.words[0];
        let one = |found: Vec<usize>| (found.len() == 1).then_some(found);
        let acronym = me.name.chars().all(|c| c.is_uppercase() || c == '&' || c == '.') && me.name.len() >= 2;
        let by_initials = || longer().filter(|(_, t)| t.kind != EntityKind::Person && initials(&t.name) == *w);
        let storms = || {
            longer().filter(|(_, t)| {
                t.kind == EntityKind::Other && t.words.last() == Some(w) && lx::is_event_prefix(&t.words[0])
            })
        };
        // "Tessaro" for "Tessaro Polymers" (the rest of the name only organisation words), not
        // "Kessel" for "Kessel General Hospital"; a title or a place makes it no short form.
        let opens = || {
            longer().filter(|(_, t)| {
                t.kind == EntityKind::Organization
                    && t.words.first() == Some(w)
                    && t.words[1..].iter().all(|x| lx::is_org_head(x))
            })
        };
        let short = me.ev[P] < CLEAR && me.ev[L] < SOME_PLACE;
        let found = if short { one(opens().map(|(i, _)| i).collect()) } else { None };
        let found = found.or_else(|| if acronym { one(by_initials().map(|(i, _)| i).collect()) } else { None });
        if let Some(f) = found.or_else(|| one(storms().map(|(i, _)| i).collect())) {
            return f;
        }
    }
    Vec::new()
}

/// Whether a word has a capital after a lowercase letter ("VarnEnergi", "ChatterBox"), other
/// than after a name prefix ("McAdam", "MacLeod", "DeSantis", "LaGuardia", "VanDyke").
fn camel_case(w: &str) -> bool {
    let chars: Vec<char> = w.chars().collect();
    (1..chars.len()).any(|k| {
        let prefix: String = chars[..k].iter().collect::<String>().to_lowercase();
        chars[k].is_uppercase() && chars[k - 1].is_lowercase() && !lx::is_name_prefix(&prefix)
    })
}

/// "National Unity Party" → "nup" (lowercase initials of its capitalised words).
pub(super) fn initials(name: &str) -> String {
    name.split([' ', '-'])
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Of several people sharing a surname, the one named last before byte `at` (else first after).
fn nearest(groups: &[Group], targets: &[usize], at: usize) -> usize {
    let before = targets.iter().filter_map(|&t| groups[t].at.iter().filter(|&&p| p < at).max().map(|&p| (p, t))).max();
    let after =
        || targets.iter().filter_map(|&t| groups[t].at.iter().filter(|&&p| p > at).min().map(|&p| (p, t))).min();
    before.or_else(after).map_or(targets[0], |(_, t)| t)
}

/// The person a description stands for: the last one given a role with this head before it
/// (else the first after); a description with qualifiers ("the foreign minister") needs them
/// in the role.
fn describe(holders: &[(usize, String, String, usize)], head: &str, desc: &str, at: usize) -> Option<usize> {
    let quals: Vec<String> =
        desc.split_whitespace().map(str::to_lowercase).filter(|w| w != "the" && w != head).collect();
    let fits = |(_, h, role, _): &&(usize, String, String, usize)| {
        h == head && quals.iter().all(|q| role.to_lowercase().split_whitespace().any(|w| w == q))
    };
    let before = holders.iter().filter(fits).rfind(|h| h.0 < at);
    before.or_else(|| holders.iter().filter(fits).find(|h| h.0 > at)).map(|h| h.3)
}

/// The word a role is about: "mayor of Kessel" → "mayor", "Ostland chancellor" → "chancellor".
pub(super) fn role_head(role: &str) -> String {
    let words: Vec<&str> = role.split_whitespace().collect();
    let cut =
        words.iter().position(|w| matches!(*w, "of" | "for" | "at" | "in" | "on" | "with")).unwrap_or(words.len());
    words[..cut].last().map(|w| w.to_lowercase()).unwrap_or_default()
}

/// Roots a demonym may come from: "varnian" → "varnia", "ostlander" → "ostland",
/// "japanese" → "japan", "israeli" → "israel", "brazilian" → "brazil".
fn demonym_roots(low: &str) -> Vec<String> {
    let mut out = Vec::new();
    if low.len() < 5 {
        return out;
    }
    for (suffix, add) in [("n", ""), ("ian", ""), ("er", ""), ("ese", ""), ("i", ""), ("an", "a"), ("ian", "y")] {
        if let Some(root) = low.strip_suffix(suffix) {
            if root.len() >= 3 {
                out.push(format!("{root}{add}"));
            }
        }
    }
    out
}

/// Adds evidence `more` to `ev`.
fn add(ev: &mut [i32; 3], more: [i32; 3]) {
    for (e, m) in ev.iter_mut().zip(more) {
        *e += m;
    }
}
