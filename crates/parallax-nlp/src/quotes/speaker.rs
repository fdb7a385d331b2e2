//! Speakers: from the words before a speech verb ("Mr. Berg", "she", "the spokesman") to the
//! fullest name the article gives.
//!
//! Names are runs of capitalised words; a surname alone takes the longest run ending in it.
//! Pronouns take the nearest preceding named speaker (or, before any, the nearest person
//! mention); descriptions take the person the article gave that role ("Anna Berg, the
//! spokeswoman," / "spokeswoman Anna Berg"). No gender or number agreement: the article's
//! last speaker is right far more often than a guess from a name list would fix.

use super::lexicon;
use super::token::Tok;

/// Words of a definite description ("the veteran analyst") that may refer back to a person.
const MAX_DESCRIPTION_WORDS: usize = 4;
/// Tokens of a description after "Name," that can name a role ("Anna Berg, a former official,").
const MAX_APPOSITION: usize = 8;
/// Sentences before its own in which a pronoun looks for the person it stands for: further back
/// the newest speaker is the better guess.
const PRONOUN_REACH: usize = 3;
/// Sentences before its own in which "the authority" looks for the organisation it stands for.
const ORGANISATION_REACH: usize = 4;
/// Named people, newest first, among whom a pronoun looks for one that fits it.
const FITTING_REACH: usize = 6;
/// Evidence a person's gender needs before pronouns are matched by it: one stray "his" is no
/// evidence; "Mr." is.
const MIN_GENDER_EVIDENCE: i32 = 2;
/// Evidence an honorific gives ("Mr." +, "Mrs." −); a pronoun after the name gives 1.
const HONORIFIC_GENDER: i32 = 3;
/// Tokens after a name whose pronouns count as evidence of its gender.
const GENDER_REACH: usize = 30;

/// A sentence's byte span and the people it names (byte position, fullest name), in order.
type SentencePeople = (usize, usize, Vec<(usize, String)>);

/// What the article says about its people: name mentions and roles, in text order.
pub(super) struct Cast {
    /// (byte position, name) for every run of two or more capitalised words.
    names: Vec<(usize, String)>,
    /// (role head word, name): "the spokeswoman" → "Anna Berg".
    roles: Vec<(String, String)>,
    /// Names the article writes after "the" ("the Tarn Valley"): no person's.
    with_the: Vec<String>,
    /// Surname → evidence of gender: positive "he", negative "she" (honorifics count most).
    gender: Vec<(String, i32)>,
    /// Surnames the article gives with an honorific.
    titled: Vec<String>,
    /// Per sentence: its byte span and the people it names, in order (fullest names).
    sentences: Vec<SentencePeople>,
}

impl Cast {
    pub(super) fn new(toks: &[Tok<'_>]) -> Cast {
        let mut names = Vec::new();
        let mut roles = Vec::new();
        let mut with_the = Vec::new();
        let headings = heading_paragraphs(toks);
        let mut i = 0;
        while i < toks.len() {
            let Some(end) = person_run(toks, i, &headings) else {
                i += 1;
                continue;
            };
            let start = std::mem::replace(&mut i, end);
            if sentence_participle(toks, start) {
                continue;
            }
            let i = start;
            let name = strip_titles(&join_name(&toks[i..end]));
            if name.contains(' ') {
                names.push((toks[i].s, name.clone()));
                // "the Tarn Valley", "the disputed Tarn Valley": people do not take "the".
                if (i.saturating_sub(2)..i).any(|k| toks[k].lower() == "the") {
                    with_the.push(name.clone());
                }
                // "spokeswoman Anna Berg", "former official John Marsh".
                if i > 0 && toks[i - 1].is_lower_word() && !lexicon::ends_subject(&toks[i - 1].lower()) {
                    roles.push((toks[i - 1].lower(), name.clone()));
                }
                if let Some(head) = apposition_role(toks, end) {
                    roles.push((head, name.clone()));
                }
            }
        }
        let gender = gender_evidence(toks);
        let titled = (0..toks.len())
            .filter(|&i| {
                matches!(toks[i].t.trim_end_matches('.'), "Mr" | "Mrs" | "Ms" | "Miss")
                    && name_run(toks, i).is_some_and(|e| e > i + 1)
            })
            .filter_map(|i| name_run(toks, i).map(|e| toks[e - 1].t.to_string()))
            .collect();
        Cast { names, roles, with_the, gender, titled, sentences: Vec::new() }
    }

    /// Records the sentences and the people each names, for pronoun resolution.
    pub(super) fn set_sentences(&mut self, toks: &[Tok<'_>], sentences: &[std::ops::Range<usize>]) {
        let mut out = Vec::with_capacity(sentences.len());
        let headings = heading_paragraphs(toks);
        for r in sentences {
            let mut people = Vec::new();
            let mut i = r.start;
            while i < r.end {
                match person_run(toks, i, &headings) {
                    Some(end) => {
                        if !sentence_participle(toks, i) {
                            let name = strip_titles(&join_name(&toks[i..end.min(r.end)]));
                            people.push((toks[i].s, self.fullest(&name)));
                        }
                        i = end;
                    }
                    None => i += 1,
                }
            }
            out.push((toks[r.start].s, toks[r.end - 1].e, people));
        }
        self.sentences = out;
    }

    /// The person a pronoun at byte `pos` most likely stands for: the first person named
    /// earlier in its own sentence, else the first one named in the sentence before (the
    /// subject is usually named first), if the article does not give them another gender.
    fn salient_before(&self, pos: usize, fits: &dyn Fn(&str) -> bool) -> Option<&str> {
        let k = self.sentences.iter().position(|(s, e, _)| *s <= pos && pos < *e)?;
        let own = self.sentences[k].2.iter().filter(|(p, _)| *p < pos).map(|(_, n)| n.as_str()).find(|n| fits(n));
        // Then the sentences just before, nearest first: only close ones.
        own.or_else(|| {
            self.sentences[k.saturating_sub(PRONOUN_REACH)..k]
                .iter()
                .rev()
                .find_map(|prev| prev.2.iter().map(|(_, n)| n.as_str()).find(|n| fits(n)))
        })
    }

    /// Whether the article introduces `name` with a role ("Dario Fenn, a senior fellow",
    /// "spokeswoman Hanna Leitner", "Dario Fenn (director of …)").
    /// Only a person's: not a name written after "the", an organisation's or a place's.
    fn described(&self, name: &str) -> bool {
        self.roles.iter().any(|(_, n)| self.fullest(n) == name)
            && !self.with_the.iter().any(|n| self.fullest(n) == name)
            && !lexicon::names_organisation(name)
            && !lexicon::names_place_or_people(name)
    }

    /// Whether `name` is named within the byte range.
    fn named_in(&self, name: &str, range: &std::ops::Range<usize>) -> bool {
        self.sentences.iter().flat_map(|(_, _, people)| people).any(|(p, n)| range.contains(p) && n == name)
    }

    /// Whether the article gives `name` with an honorific ("Mrs. Quist"): a person.
    fn titled(&self, name: &str) -> bool {
        self.titled.iter().any(|n| n == name)
    }

    /// The organisation named last before `pos` (within the last few sentences) that a
    /// description with the head noun `head` ("the authority") can stand for: a name ending in
    /// that noun ("Kessel Port Authority"). Any other name might be a person's or an outlet's.
    fn organisation_before(&self, pos: usize, head: &str) -> Option<&str> {
        let k = self.sentences.iter().position(|(s, e, _)| *s <= pos && pos < *e)?;
        let recent = || {
            self.sentences[k.saturating_sub(ORGANISATION_REACH)..=k]
                .iter()
                .rev()
                .flat_map(|(_, _, people)| people.iter().rev())
                .filter(|(p, _)| *p < pos)
                .map(|(_, n)| n.as_str())
        };
        recent().find(|n| n.rsplit(' ').next().is_some_and(|w| w.eq_ignore_ascii_case(head)))
    }

    /// +1 for a man, -1 for a woman, 0 when the article does not tell.
    fn gender(&self, name: &str) -> i32 {
        let last = name.rsplit(' ').next().unwrap_or(name);
        self.gender.iter().find(|(n, _)| n == last).map_or(0, |(_, g)| {
            if g.abs() >= MIN_GENDER_EVIDENCE {
                g.signum()
            } else {
                0
            }
        })
    }

    /// The fullest name ending in `last` (a surname), if the article gives one.
    fn fullest(&self, name: &str) -> String {
        let last = name.rsplit(' ').next().unwrap_or(name);
        self.names
            .iter()
            .filter(|(_, n)| n.len() > name.len() && n.rsplit(' ').next() == Some(last))
            .max_by_key(|(_, n)| n.len())
            .map_or_else(|| name.to_string(), |(_, n)| n.clone())
    }

    /// The nearest person named before `pos`.
    fn person_before(&self, pos: usize) -> Option<&str> {
        self.names.iter().rev().find(|(p, _)| *p < pos).map(|(_, n)| n.as_str())
    }

    /// The nearest person named before `pos` that `fits`.
    fn person_before_fitting(&self, pos: usize, fits: &dyn Fn(&str) -> bool) -> Option<&str> {
        self.names
            .iter()
            .rev()
            .filter(|(p, _)| *p < pos)
            .take(FITTING_REACH)
            .find(|(_, n)| fits(n))
            .map(|(_, n)| n.as_str())
    }

    /// The person the article last gave the role `head` ("spokeswoman").
    fn role(&self, head: &str) -> Option<String> {
        self.roles.iter().rev().find(|(r, _)| r == head).map(|(_, n)| self.fullest(n))
    }
}

/// The head noun of the role an apposition after a name (ending at `end`) gives it: "Anna
/// Berg, the spokeswoman," / "Anna Berg, a former official," / "Dario Fenn, a senior fellow
/// at the Brenna Institute," / "Dario Fenn, director of the Harbour Institute," / "Dario Fenn
/// (director of the Harbour Institute)". The head is the last word before a preposition or a
/// relative pronoun, else the apposition's last word.
fn apposition_role(toks: &[Tok<'_>], end: usize) -> Option<String> {
    let open = toks.get(end)?;
    let bracket = open.t == "(";
    if !(bracket || open.t == ",") {
        return None;
    }
    let start = end + 1;
    let determiner = toks.get(start).is_some_and(|t| lexicon::is_determiner(&t.lower()));
    let mut j = start + usize::from(determiner);
    let mut head = None;
    while j < toks.len() && j < start + MAX_APPOSITION && toks[j].is_word() {
        let w = toks[j].lower();
        if matches!(w.as_str(), "of" | "at" | "for" | "with" | "in" | "from" | "on" | "who" | "which" | "that") {
            head = head.or(Some(j));
            if !matches!(w.as_str(), "of" | "at" | "for" | "with" | "in" | "from" | "on") {
                break;
            }
        }
        j += 1;
    }
    let closed = toks.get(j).is_some_and(|t| if bracket { t.t == ")" } else { t.t == "," || t.t == "." });
    let head = match head {
        Some(h) => h,
        None if closed => j,
        None => return None,
    };
    // Without a determiner or a bracket only "director of …" reads as a role: "Kovac,
    // however, said" must not make "however" one.
    let of_phrase = toks.get(head).is_some_and(|t| matches!(t.t, "of" | "at"));
    let words = head.checked_sub(start + usize::from(determiner))?;
    let noun = &toks[head - 1];
    (words >= 1 && noun.is_lower_word() && (determiner || bracket || of_phrase && words <= 2)).then(|| noun.lower())
}

/// The speaker named by the subject words `np`, at byte `pos`; `last` is the article's most
/// recent named speaker. The flag says whether the words named someone (a name or a known
/// role), so the caller knows whether this speaker is the new antecedent for pronouns.
///
/// `content` (bytes) is what the quote says: a description does not stand for a person named
/// in it ("Kovac agreed to the first demand, the aide said": the aide is not Kovac).
pub(super) fn resolve(
    cast: &Cast,
    np: &[Tok<'_>],
    pos: usize,
    content: &std::ops::Range<usize>,
    history: &[String],
) -> Option<(String, bool)> {
    let last = history.last().map(String::as_str);
    let first = np.first()?;
    // "a spokesman for the Berg campaign" names the spokesman, not Berg: only the words before
    // the preposition say who speaks — unless they are a bare description with no name.
    let head_len =
        np.iter().position(|t| matches!(t.t, "of" | "for" | "at" | "from" | "in" | "with")).unwrap_or(np.len());
    // "Mr. Morgan of the Sierra Club", "Dan Hale at the National Review": the name before the
    // preposition speaks.
    if head_len > 0 && head_len < np.len() && name_run(np, 0).is_some_and(|e| e == head_len) {
        let name = strip_titles(&join_name(&np[..head_len]));
        return Some((cast.fullest(&name), true));
    }
    // "Business leaders in Kessel", "grain traders in Ostgrad", "the head of the Port
    // Authority": a place or body after the description's head noun only says where the
    // speakers are from; the whole description speaks.
    let after_prep = if np.get(head_len + 1).is_some_and(|t| t.lower() == "the") { head_len + 2 } else { head_len + 1 };
    let place_after_head = head_len > 0
        && head_len < np.len()
        && np[head_len - 1].is_lower_word()
        && name_run(np, after_prep).is_some_and(|e| e >= np.len());
    if head_len > 0
        && head_len < np.len()
        && (place_after_head
            || !np[..head_len].iter().any(|t| t.is_capital_word() && !lexicon::is_capital_function_word(&t.lower())))
    {
        let desc = join_name(
            &np[np[..head_len].iter().take_while(|t| matches!(t.lower().as_str(), "the" | "a" | "an")).count()..],
        );
        if let Some(name) = cast.role(&np[head_len - 1].lower()) {
            return Some((name, true));
        }
        return Some((desc, false));
    }
    // "it" stands for an organisation the article does not name right there; no guess.
    if np.len() == 1 && first.lower() == "it" {
        return Some(("it".to_string(), false));
    }
    if np.len() == 1 && lexicon::is_pronoun(&first.lower()) {
        let w = first.lower();
        if w == "i" || w == "we" {
            return last.map(|l| (l.to_string(), false));
        }
        // The newest speaker whose gender the article does not contradict; the newest of all
        // when none fits.
        let want = match w.as_str() {
            "he" => 1,
            "she" => -1,
            _ => 0,
        };
        let fits = |n: &str| want == 0 || cast.gender(n) != -want;
        let person = |n: &str| {
            fits(n)
                && (n.contains(' ') && !lexicon::names_organisation(n) && !lexicon::names_place_or_people(n)
                    || history.iter().any(|h| h == n)
                    || cast.titled(n))
        };
        let who = cast
            .salient_before(pos, &person)
            .or_else(|| history.iter().rev().take(4).find(|h| fits(h)).map(String::as_str))
            .or_else(|| cast.person_before_fitting(pos, &fits))
            .or(last)
            .or_else(|| cast.person_before(pos))?;
        return Some((who.to_string(), false));
    }
    // The last run of capitalised words names the speaker: "Kessel's mayor, Anna Berg".
    let mut k = np.len();
    while k > 0 {
        if let Some(end) = name_run(np, k - 1) {
            let mut start = k - 1;
            while start > 0 && name_run(np, start - 1).is_some_and(|e| e >= end) {
                start -= 1;
            }
            let possessive = np.get(end).is_some_and(|t| t.t == "'s" || t.t == "’s");
            // "the New York businessman", "a White House official": the name only modifies the
            // description's head noun.
            // "Varnian farmers' groups": punctuation of a plural possessive is no name either.
            let modifier = end < np.len()
                && np[end..].iter().all(|t| t.is_lower_word() || matches!(t.t, "'" | "’" | "-"))
                && np[end..].iter().any(Tok::is_lower_word);
            if modifier {
                break;
            }
            if !possessive {
                let name = join_name(&np[start..end]);
                let stripped = strip_titles(&name);
                return Some((cast.fullest(&stripped), true));
            }
            k = start;
        } else {
            k -= 1;
        }
    }
    // A description: "the spokesman", "a former official", "officials".
    let words: Vec<String> = np.iter().filter(|t| t.is_word()).map(Tok::lower).collect();
    let head = words.last()?;
    if let Some(name) = cast.role(head) {
        return Some((name, true));
    }
    // "the veteran analyst", "the economist" (definite, a person's title or role as its
    // head, no one given that role): the person just named whom the article introduced with a
    // description of their own ("Dario Fenn (director of the Harbour Institute)").
    if words[0] == "the" && words.len() <= MAX_DESCRIPTION_WORDS && lexicon::is_person_noun(head) {
        let described = |n: &str| cast.described(n) && !cast.named_in(n, content);
        if let Some(name) = cast.salient_before(pos, &described) {
            return Some((name.to_string(), true));
        }
    }
    // "the agency", "the company" (definite, one word after "the"): the organisation of that
    // kind the article named last.
    if words.len() == 2 && words[0] == "the" && lexicon::is_organisation_noun(head) {
        if let Some(name) = cast.organisation_before(pos, head) {
            return Some((name.to_string(), true));
        }
    }
    let skip = np.iter().take_while(|t| matches!(t.lower().as_str(), "the" | "a" | "an")).count();
    let desc = join_name(&np[skip..]);
    (!desc.is_empty()).then_some((desc, false))
}

/// Gender evidence per surname: honorifics ("Mr.", "Mrs.", "Ms.") and the pronouns that follow
/// a name before the next name ("Berg … she said" → a woman). Counted, so one stray pronoun
/// does not decide; no name lists.
fn gender_evidence(toks: &[Tok<'_>]) -> Vec<(String, i32)> {
    let mut out: Vec<(String, i32)> = Vec::new();
    let mut add = |name: &str, v: i32| match out.iter_mut().find(|(n, _)| n == name) {
        Some((_, g)) => *g += v,
        None => out.push((name.to_string(), v)),
    };
    let mut current: Option<String> = None;
    let mut budget = 0usize;
    let mut i = 0;
    while i < toks.len() {
        if let Some(end) = name_run(toks, i) {
            let surname = toks[end - 1].t.to_string();
            match toks[i].t.trim_end_matches('.') {
                "Mr" => add(&surname, HONORIFIC_GENDER),
                "Mrs" | "Ms" | "Miss" => add(&surname, -HONORIFIC_GENDER),
                _ => {}
            }
            current = Some(surname);
            budget = GENDER_REACH;
            i = end;
            continue;
        }
        if let Some(name) = current.as_deref() {
            match toks[i].lower().as_str() {
                "he" | "him" | "his" | "himself" => add(name, 1),
                "she" | "her" | "hers" | "herself" => add(name, -1),
                _ => {}
            }
            budget = budget.saturating_sub(1);
            if budget == 0 {
                current = None;
            }
        }
        i += 1;
    }
    out
}

/// A name run at `i` that may name a person: not in a heading line ("A Shift in Border
/// Policy" is no one a pronoun stands for).
/// Nor a name after a preposition of place or medium ("in Kessel", "posted on ChatterBox Live",
/// "at the Harbour Club"): people are rarely named that way.
fn person_run(toks: &[Tok<'_>], i: usize, headings: &[bool]) -> Option<usize> {
    let before = |k: usize| i.checked_sub(k).map(|j| toks[j].lower());
    let placed =
        |w: Option<String>| w.is_some_and(|w| matches!(w.as_str(), "in" | "on" | "at" | "from" | "into" | "onto"));
    let after_place = placed(before(1)) || before(1).as_deref() == Some("the") && placed(before(2));
    name_run(toks, i).filter(|_| !after_place && !headings.get(toks[i].para as usize).copied().unwrap_or(false))
}

/// Whether the run at `i` opens its sentence with a participle ("Posted on ChatterBox Live, the
/// clip …", "Speaking at the Harbour Club, …"): the capital is grammar, and the name after the
/// preposition a medium or a place, not a person.
fn sentence_participle(toks: &[Tok<'_>], i: usize) -> bool {
    let opens = i == 0 || toks[i - 1].para != toks[i].para || matches!(toks[i - 1].t, "." | "?" | "!");
    let w = toks[i].lower();
    opens && (w.ends_with("ed") || w.ends_with("ing")) && toks.get(i + 1).is_some_and(|t| t.is_lower_word())
}

/// Per paragraph: whether it is a heading (a short line that does not end like a sentence).
fn heading_paragraphs(toks: &[Tok<'_>]) -> Vec<bool> {
    let n = toks.last().map_or(0, |t| t.para as usize + 1);
    let mut out = vec![false; n];
    let mut k = 0;
    while k < toks.len() {
        let p = toks[k].para;
        let start = k;
        while k < toks.len() && toks[k].para == p {
            k += 1;
        }
        let last = toks[k - 1].t;
        let ends_sentence = matches!(last, "." | "?" | "!" | ":" | "…" | ")" | ",")
            || toks[k - 1].is_close_mark()
            || matches!(last, "’" | "'");
        out[p as usize] = !ends_sentence && k - start <= MAX_HEADING_TOKENS;
    }
    out
}

/// A paragraph of at most this many tokens without a sentence's final punctuation is a heading.
const MAX_HEADING_TOKENS: usize = 12;

/// End (exclusive) of the run of capitalised name words starting at `i`, if one starts there.
pub(super) fn name_run(toks: &[Tok<'_>], i: usize) -> Option<usize> {
    let t = toks.get(i)?;
    if !t.is_capital_word() || lexicon::is_capital_function_word(&t.lower()) && !lexicon::is_title(&t.lower()) {
        return None;
    }
    let mut j = i + 1;
    while let Some(t) = toks.get(j) {
        if t.is_capital_word() && !lexicon::is_capital_function_word(&t.lower())
            || lexicon::is_title(&t.lower()) && t.is_capital_word()
        {
            j += 1;
        } else if t.t == "-"
            || matches!(t.t, "of" | "on" | "for" | "&") && toks.get(j + 1).is_some_and(Tok::is_capital_word) && j > i
            // "Farmers' League", "Kessel Dockworkers' Union": a plural possessive inside a name.
            || matches!(t.t, "'" | "’")
                && t.s == toks[j - 1].e
                && toks[j - 1].t.ends_with('s')
                && toks.get(j + 1).is_some_and(|n| n.is_capital_word() && !lexicon::is_capital_function_word(&n.lower()))
        {
            // "Secretary of State", "Commission on Presidential Debates", "Jean-Luc": keep going
            // only into another capitalised word.
            j += 1;
        } else {
            break;
        }
    }
    Some(j)
}

/// The tokens as written, one space wherever the text had a gap: "farmers' union", "Jean-Luc".
fn join_name(toks: &[Tok<'_>]) -> String {
    let mut out = String::new();
    for (k, t) in toks.iter().enumerate() {
        if k > 0 && t.s > toks[k - 1].e {
            out.push(' ');
        }
        out.push_str(t.t);
    }
    out
}

/// "Sen. Anna Berg" → "Anna Berg"; a title alone stays ("the President" → "President").
fn strip_titles(name: &str) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    let first_real = words.iter().position(|w| !lexicon::is_title(&w.to_lowercase()) && *w != "of");
    match first_real {
        Some(k) => words[k..].join(" "),
        None => name.to_string(),
    }
}
