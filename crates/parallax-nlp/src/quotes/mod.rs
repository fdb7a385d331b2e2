//! Who said what: direct quotes (text in quotation marks with a speech cue before, after or
//! between its parts) and reported speech ("X said that …", "…, according to X"), each with a
//! speaker resolved within the article and the outlet it came through (`via`).
//!
//! Rules propose, a learned scorer decides. The rules are hand-written because no crate does
//! English quote attribution, and a neural tagger would need weights no registry package
//! serves and run far below the 1,000 articles/s the ingest workers need. Quotation marks are
//! paired per paragraph (straight, curly, angle; a paragraph left open continues when the next
//! one opens with a mark), then each sentence is searched for speech verbs from a fixed lexicon
//! with a subject before them; each candidate says which rule found it. A logistic model
//! fitted on PolNeAR's annotated news (`model.rs`, `features.rs`, trained by the
//! `train_quotes` example) scores every candidate and drops the unlikely ones before overlaps
//! are settled: which verbs are speech acts in which frame ("called for", "agreed that"),
//! which subjects and content shapes the rules get wrong. A quoted span with no cue near it (a
//! scare quote, a title) is not a quote; a clause that quotes only some words in marks is
//! reported speech; a direct quote's text is its quoted words only, never its cue. Deliberately
//! not handled: speakers in another paragraph than the cue ("Asked about X. 'No.'"), number
//! agreement of pronouns; gender only from honorifics and counted pronouns.

mod features;
mod lexicon;
mod model;
mod speaker;
mod token;
mod variants;

pub use model::{ModelError, QuoteModel};
pub use variants::{variants, Edit, Rendering, VariantGroup};

#[cfg(test)]
mod tests;

use parallax_core::document::{Document, Text};
use parallax_core::{Quote, QuoteKind};
use serde::{Deserialize, Serialize};

use speaker::{name_run, Cast};
use token::Tok;

/// The quote finder's knob.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct QuoteConfig {
    /// The probability the learned scorer must give a candidate for it to be a quote: higher
    /// keeps fewer, surer quotes (precision), lower finds more (recall). Defaults to the
    /// threshold the trainer chose by cross-validation.
    pub min_confidence: f64,
}

impl Default for QuoteConfig {
    fn default() -> QuoteConfig {
        QuoteConfig { min_confidence: QuoteModel::embedded().threshold() }
    }
}

/// The quotes of an article's clean text (the document's body), in text order.
pub fn find(doc: &Document<'_>) -> Vec<Quote> {
    find_with(doc, &QuoteConfig::default(), QuoteModel::embedded())
}

/// A candidate the rules found, with what the learned scorer sees of it: the trainer's input.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Char offsets of the content: the quoted parts of a direct quote, the reported clause.
    pub parts: Vec<(usize, usize)>,
    pub kind: QuoteKind,
    pub features: Vec<String>,
}

/// Every candidate the rules find in the document's body, before scoring and overlaps.
pub fn candidates(doc: &Document<'_>) -> Vec<Candidate> {
    let a = Analysis::new(&doc.body);
    let cands = a.candidates();
    cands
        .iter()
        .map(|c| Candidate {
            parts: a.parts(c).iter().map(|&(s, e)| (doc.body.char_at(s), doc.body.char_at(e))).collect(),
            kind: c.kind,
            features: features::of(&a.toks, &a.inside, c),
        })
        .collect()
}

/// What the rules work on: the body's tokens, paragraphs, quotation-mark pairs and sentences.
struct Analysis<'t, 'a> {
    body: &'t Text<'a>,
    toks: Vec<Tok<'a>>,
    /// Each token's paragraph, as a slice beside the tokens.
    para: Vec<usize>,
    /// (opening, closing) mark pairs.
    spans: Vec<(usize, usize)>,
    /// Whether each token is inside a pair of marks.
    inside: Vec<bool>,
    sentences: Vec<std::ops::Range<usize>>,
}

impl<'t, 'a> Analysis<'t, 'a> {
    fn new(body: &'t Text<'a>) -> Analysis<'t, 'a> {
        let toks = token::tokens(body);
        let para: Vec<usize> = toks.iter().map(|t| t.para as usize).collect();
        let spans = pair_marks(&toks, &para);
        let mut inside = vec![false; toks.len()];
        for &(o, c) in &spans {
            inside[o..=c].iter_mut().for_each(|x| *x = true);
        }
        let sentences = sentence_ranges(body, &toks);
        Analysis { body, toks, para, spans, inside, sentences }
    }

    /// The rules' candidates, before scoring and overlaps.
    fn candidates(&self) -> Vec<Cand> {
        let mut cands = direct(&self.toks, &self.para, &self.spans);
        for sent in &self.sentences {
            indirect(&self.toks, &self.para, &self.inside, sent.clone(), &mut cands);
        }
        cands
    }

    /// Byte ranges of a candidate's words. A direct quote is its quoted words only: the parts
    /// in marks, never the cue between them (`"…," Berg said. "…"`).
    fn parts(&self, c: &Cand) -> Vec<(usize, usize)> {
        let (text, toks) = (self.body.as_str(), &self.toks);
        match c.kind {
            QuoteKind::Direct => self
                .spans
                .iter()
                .filter(|&&(o, cl)| c.start <= o && cl < c.end)
                .flat_map(|&(o, cl)| paragraph_parts(toks, o, cl))
                .map(|(s, e)| trim(text, s, e))
                .filter(|(s, e)| s < e)
                .collect(),
            QuoteKind::Indirect => {
                Some(trim(text, toks[c.start].s, toks[c.end - 1].e)).filter(|(s, e)| s < e).into_iter().collect()
            }
        }
    }
}

/// The quotes of the document's body, keeping the candidates `model` gives at least
/// `config.min_confidence`.
pub fn find_with(doc: &Document<'_>, config: &QuoteConfig, model: &QuoteModel) -> Vec<Quote> {
    let body = &doc.body;
    let text = body.as_str();
    let a = Analysis::new(body);
    let toks = &a.toks;
    let mut cast = Cast::new(toks);
    cast.set_sentences(toks, &a.sentences);
    let mut cands = a.candidates();
    cands.retain(|c| model.probability(&features::of(toks, &a.inside, c)) >= config.min_confidence);
    settle(toks, &mut cands);
    cands.sort_by_key(|c| c.cue);
    // Named speakers so far, newest last: pronouns take the newest one of their gender.
    let mut history: Vec<String> = Vec::new();
    let mut out: Vec<(usize, usize, String, String, QuoteKind, Option<String>)> = Vec::new();
    for c in &cands {
        let np: Vec<Tok<'_>> = match &c.who {
            Who::Np(r) => toks[r.clone()].to_vec(),
            Who::Last => Vec::new(),
        };
        let resolved = if np.is_empty() {
            history.last().cloned().map(|l| (l, false))
        } else {
            let content = toks[c.start].s..toks[c.end - 1].e;
            speaker::resolve(&cast, &np, toks[c.cue].s, &content, &history)
        };
        // A pronoun the article gives no one for ("she said" in an excerpt) keeps the quote
        // with the pronoun as its speaker: unresolved, not invented.
        let resolved =
            resolved.or_else(|| (np.len() == 1 && lexicon::is_pronoun(&np[0].lower())).then(|| (np[0].lower(), false)));
        let Some((who, named)) = resolved else { continue };
        if named {
            history.retain(|h| *h != who);
            history.push(who.clone());
        }
        let parts = a.parts(c);
        let (Some(&(s, _)), Some(&(_, e))) = (parts.first(), parts.last()) else { continue };
        let via = via(toks, &a.sentences, c.cue).filter(|v| *v != who);
        out.push((s, e, join_parts(text, &parts), who, c.kind, via));
    }
    out.sort_by_key(|q| q.0);
    out.into_iter()
        .map(|(s, e, text, speaker, kind, via)| Quote {
            start: body.char_at(s),
            end: body.char_at(e),
            text,
            speaker,
            kind,
            via,
        })
        .collect()
}

/// What stands for the cue between the parts of a direct quote it splits (`"We will
/// rebuild," she said. "Every house."` → `We will rebuild … Every house.`): the ellipsis a
/// journalist writes for left-out words.
const PART_JOINER: &str = " … ";

/// The byte ranges of the words between the marks `o` and `c`, without the opening mark of
/// each paragraph the quote continues into (`"…\n\n"The deck …"`).
fn paragraph_parts(toks: &[Tok<'_>], o: usize, c: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = toks[o].e;
    for k in o + 1..c {
        if toks[k].para != toks[k - 1].para && toks[k].is_open_mark() {
            out.push((s, toks[k - 1].e));
            s = toks[k].e;
        }
    }
    out.push((s, toks[c].s));
    out
}

/// The quote's words: its parts, joined by the whitespace between them where only a
/// paragraph's opening mark was left out, else by [`PART_JOINER`].
fn join_parts(text: &str, parts: &[(usize, usize)]) -> String {
    let mut out = String::new();
    for (k, &(s, e)) in parts.iter().enumerate() {
        if k > 0 {
            let gap = &text[parts[k - 1].1..s];
            let marks_only = gap.chars().all(|ch| ch.is_whitespace() || matches!(ch, '"' | '“' | '«' | '„' | '\''));
            if marks_only && gap.contains('\n') {
                out.push_str(&gap.chars().filter(|ch| ch.is_whitespace()).collect::<String>());
            } else {
                out.push_str(PART_JOINER);
            }
        }
        out.push_str(&text[s..e]);
    }
    out
}

/// Who a candidate's speaker is: subject words, or the previous speaker (a quote paragraph
/// continuing the one before).
#[derive(Debug, Clone)]
enum Who {
    Np(std::ops::Range<usize>),
    Last,
}

/// A quote before its speaker is resolved. Token ranges: for a direct quote `start` is the
/// opening mark and `end - 1` the closing one; for reported speech, the clause's tokens.
#[derive(Debug, Clone)]
struct Cand {
    start: usize,
    end: usize,
    kind: QuoteKind,
    who: Who,
    /// The cue token (speech verb, "according", the colon); orders pronoun resolution.
    cue: usize,
    /// The rule that found it: a feature of the learned scorer.
    rule: Rule,
}

/// Which rule found a candidate; the scorer learns how far each can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    /// `"…," she said` / `"…," said Berg`.
    DirectCueAfter,
    /// `"…" ― Anna Berg`.
    DirectDash,
    /// `Berg said: "…"`, `He told reporters, "…"`, `Lind continued: "…"`.
    DirectCueBefore,
    /// `Berg: "…"` / `Said Berg: "…"`.
    DirectNameColon,
    /// A paragraph all in marks after a paragraph with a quote.
    DirectParagraph,
    /// `Berg put it this way:` closing the paragraph before the quote.
    DirectColonParagraph,
    /// `"…" Union leader Brigit Aas told the crowd.`: the cue in a sentence after the quote.
    DirectCueLater,
    /// `BERG: We will rebuild.`
    Turn,
    /// `According to X, …`
    AccordingBefore,
    /// `…, according to X.`
    AccordingAfter,
    /// `…, saying …`
    Participle,
    /// `X said (that) …`
    VerbThenContent,
    /// `…, X said, …`
    CueInside,
    /// `…, X said.`
    CueAfter,
    /// `…, said X.`
    InvertedCueAfter,
}

impl Rule {
    fn as_str(self) -> &'static str {
        match self {
            Rule::DirectCueAfter => "direct-cue-after",
            Rule::DirectDash => "direct-dash",
            Rule::DirectCueBefore => "direct-cue-before",
            Rule::DirectNameColon => "direct-name-colon",
            Rule::DirectParagraph => "direct-paragraph",
            Rule::DirectColonParagraph => "direct-colon-paragraph",
            Rule::DirectCueLater => "direct-cue-later",
            Rule::Turn => "turn",
            Rule::AccordingBefore => "according-before",
            Rule::AccordingAfter => "according-after",
            Rule::Participle => "participle",
            Rule::VerbThenContent => "verb-then-content",
            Rule::CueInside => "cue-inside",
            Rule::CueAfter => "cue-after",
            Rule::InvertedCueAfter => "inverted-cue-after",
        }
    }
}

/// A speech verb, written in lowercase: "States" in "United States" is no verb.
fn is_cue_at(toks: &[Tok<'_>], i: usize) -> bool {
    let t = &toks[i];
    if !t.is_lower_word() {
        return false;
    }
    match lexicon::lemma(t.t) {
        None | Some((_, lexicon::Form::Ing)) => false,
        // "the states", "two reports", "38,000 claims", "her calls": a plural noun after a
        // determiner or a figure.
        Some((_, lexicon::Form::S | lexicon::Form::Base)) if t.t != "says" => {
            !(i > 0
                && (lexicon::is_determiner(&toks[i - 1].lower())
                    || toks[i - 1].t.starts_with(|c: char| c.is_ascii_digit())
                    || matches!(toks[i - 1].lower().as_str(), "of" | "'s" | "’s")))
        }
        Some(_) => true,
    }
}

/// Token ranges of the document's sentences.
fn sentence_ranges(doc: &Text<'_>, toks: &[Tok<'_>]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut k = 0;
    for r in doc.sentences() {
        while k < toks.len() && toks[k].s < r.start {
            k += 1;
        }
        let a = k;
        while k < toks.len() && toks[k].e <= r.end {
            k += 1;
        }
        if k > a {
            out.push(a..k);
        }
    }
    out
}

/// Pairs of (opening, closing) mark tokens. Straight marks alternate; curly and angle ones nest
/// (inner pairs are skipped). A paragraph that ends inside a quote continues it when the next
/// paragraph opens with a mark (news style for quotes over several paragraphs); otherwise the
/// open mark is dropped.
fn pair_marks(toks: &[Tok<'_>], para: &[usize]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut depth = 0;
    let mut k = 0;
    while k < toks.len() {
        let t = &toks[k];
        if k > 0 && para[k] != para[k - 1] && open.is_some() {
            if t.is_open_mark() {
                // Continuation: skip this paragraph's opening mark.
                k += 1;
                continue;
            }
            open = None;
            depth = 0;
        }
        match (open, t.t) {
            (None, "\"" | "''" | "“" | "«" | "„") => open = Some(k),
            (Some(_), "“" | "«" | "„") => depth += 1,
            (Some(_), "”" | "»") if depth > 0 => depth -= 1,
            (Some(o), "\"" | "''" | "”" | "»") => {
                out.push((o, k));
                open = None;
                depth = 0;
            }
            _ => {}
        }
        k += 1;
    }
    out
}

/// Direct quotes: each quoted span with a speech cue right after it (`"…," she said`), right
/// before it (`Berg said: "…"`), or continuing the previous paragraph's quote.
fn direct(toks: &[Tok<'_>], para: &[usize], spans: &[(usize, usize)]) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::new();
    let mut k = 0;
    while k < spans.len() {
        let (o, c) = spans[k];
        k += 1;
        let words = toks[o..c].iter().filter(|t| t.is_word()).count();
        if words == 0 {
            continue;
        }
        // The last mark before the closing one, past an inner quote's closing `'`.
        let mut last = c - 1;
        while last > o + 1 && matches!(toks[last].t, "'" | "’") {
            last -= 1;
        }
        let ends_clause = toks[last].t.chars().all(|ch| matches!(ch, ',' | '.' | '?' | '!' | '…' | '-' | '—'))
            || toks.get(c + 1).is_some_and(|t| matches!(t.t, "," | "―" | "—" | "–"));
        // A fragment quoted inside a sentence ("represents the "same rigged system."") is not a
        // quote of its own for a cue after it: that cue belongs to the next sentence.
        let opens_clause = o == 0
            || para[o - 1] != para[o]
            || matches!(toks[o - 1].t, "." | "," | ":" | ";" | "?" | "!" | "—" | "–" | "-" | "(" | "…")
            || toks[o - 1].is_close_mark();
        if let Some((who, cue)) = cue_after(toks, para, c).filter(|_| ends_clause && opens_clause) {
            let mut end = c + 1;
            // `"…," she said, "…"` and `"…," she said. "…"`: the span right after the cue
            // continues the quote (one quote from the first part to the last).
            // Later spans of the paragraph without a cue of their own continue it too.
            // Only a span that follows the cue phrase (or the previous part) closely continues
            // it: a scare quote later in the sentence ("a \"common-sense\" approach") does not.
            let mut after = match &who {
                Who::Np(np) => cue.max(np.end.saturating_sub(1)),
                Who::Last => cue,
            }
            .max(end - 1);
            while k < spans.len()
                && para[spans[k].0] == para[c]
                && (matches!(toks[spans[k].0 - 1].t, "." | "," | ":" | "?" | "!")
                    || (after + 1..spans[k].0).all(|j| {
                        // `"…," he said, but "…"`
                        !toks[j].is_word() || lexicon::is_time_word(&toks[j].lower()) || matches!(toks[j].t, "but" | "and")
                    }))
                // `"…," Berg said, adding later, "…"`: another speech verb starts a quote of its own.
                && !(after + 1..spans[k].0).any(|j| {
                    j != cue && (is_cue_at(toks, j) || toks[j].is_lower_word() && lexicon::is_participle_cue(&toks[j].lower()))
                })
                && cue_after(toks, para, spans[k].1).is_none()
                && cue_before(toks, para, spans[k].0).is_none_or(|(_, own)| own <= cue)
            {
                after = spans[k].1;
                end = spans[k].1 + 1;
                k += 1;
            }
            let rule = if matches!(toks[cue].t, "―" | "—" | "–" | "-") {
                Rule::DirectDash
            } else {
                Rule::DirectCueAfter
            };
            out.push(Cand { start: o, end, kind: QuoteKind::Direct, who, cue, rule });
            continue;
        }
        if let Some((who, cue)) = cue_before(toks, para, o) {
            let rule = match toks[cue].t {
                ":" if para[cue] != para[o] => Rule::DirectColonParagraph,
                ":" => Rule::DirectNameColon,
                _ => Rule::DirectCueBefore,
            };
            out.push(Cand { start: o, end: c + 1, kind: QuoteKind::Direct, who, cue, rule });
            continue;
        }
        if let Some((who, cue)) = cue_later(toks, para, o, c) {
            out.push(Cand { start: o, end: c + 1, kind: QuoteKind::Direct, who, cue, rule: Rule::DirectCueLater });
            continue;
        }
        // A paragraph that is all quote, right after a paragraph with a quote.
        if (o == 0 || para[o - 1] != para[o])
            && toks.get(c + 1).is_none_or(|_| para[c + 1] != para[c])
            && words >= 5
            && out.last().is_some_and(|p| p.end > 0 && para[p.end - 1] + 1 == para[o])
        {
            out.push(Cand {
                start: o,
                end: c + 1,
                kind: QuoteKind::Direct,
                who: Who::Last,
                cue: o,
                rule: Rule::DirectParagraph,
            });
        }
    }
    out
}

/// `"…," she said.` / `"…," said Anna Berg, the mayor.`: the speaker and cue after the closing
/// mark `c`.
fn cue_after(toks: &[Tok<'_>], para: &[usize], c: usize) -> Option<(Who, usize)> {
    let same = |j: usize| j < toks.len() && para[j] == para[c];
    let mut k = c + 1;
    if same(k) && toks[k].t == "," {
        k += 1;
    }
    if !same(k) {
        return None;
    }
    // `"…" ― Anna Berg`: a dash and a name sign the quote.
    if matches!(toks[k].t, "―" | "—" | "–" | "-") {
        let end = name_run(toks, k + 1).filter(|&e| same(e - 1))?;
        return Some((Who::Np(k + 1..end), k));
    }
    // "said Anna Berg", "added the spokesman".
    if is_cue_at(toks, k) {
        let a = k + 1;
        let mut e = a;
        while same(e) && e < a + 8 && (toks[e].is_word() || toks[e].t == "-" || matches!(toks[e].t, "'s" | "’s")) {
            e += 1;
        }
        if e > a && !lexicon::ends_subject(&toks[a].lower()) {
            let np = name_run(toks, a).map_or(a..e, |n| {
                if lexicon::is_determiner(&toks[a].lower()) {
                    return a..e;
                }
                // "said Democratic presidential nominee Anna Berg": lowercase title words bridge
                // to the name; a preposition does not ("said Berg in Kessel").
                let mut m = n;
                while m < e && toks[m].is_lower_word() && !lexicon::ends_subject(&toks[m].lower()) {
                    m += 1;
                }
                match name_run(toks, m).filter(|_| m > n && m < e) {
                    Some(end) => a..end.min(e),
                    None => a..n,
                }
            });
            return Some((Who::Np(np), k));
        }
        return None;
    }
    // "Irena Kovac was quoted as saying (by the Northern Ledger)": the passive of a second-hand
    // source names the speaker all the same.
    if let Some(q) = (k + 1..toks.len().min(k + 8)).take_while(|&j| same(j)).find(|&j| {
        matches!(toks[j].lower().as_str(), "was" | "is" | "were" | "been")
            && toks.get(j + 1).is_some_and(|t| t.t == "quoted")
            && toks.get(j + 2).is_some_and(|t| matches!(t.t, "as" | "by" | "." | ","))
    }) {
        if name_run(toks, k) == Some(q) || toks[k..q].iter().all(|t| t.is_word()) && q <= k + 4 {
            return Some((Who::Np(k..q), q + 1));
        }
    }
    // "she said", "Berg told reporters", "the spokesman added".
    let a = k;
    let mut e = a;
    let mut np_end = a;
    while same(e) && e < a + 10 {
        if toks[e].t == "(" {
            // "Rep. Anna Berg (D-Ost.) said": skip the bracket.
            match (e..toks.len().min(e + 8)).find(|&j| toks[j].t == ")") {
                Some(j) => e = j + 1,
                None => break,
            }
            continue;
        }
        if !(toks[e].is_word() || matches!(toks[e].t, "'s" | "’s") || toks[e].t == "-") || is_cue_at(toks, e) {
            break;
        }
        e += 1;
        np_end = e;
    }
    while np_end > a && lexicon::is_verb_filler(&toks[np_end - 1].lower()) {
        np_end -= 1;
    }
    if np_end > a && same(e) && is_cue_at(toks, e) {
        return Some((Who::Np(a..np_end), e));
    }
    // `"…," Anna Berg, the mayor of Kessel, said.`
    // `"…," Tomas Lind, the attorney general of Ostland, one of the states suing, said.`: the
    // verb follows one or more appositives, each closed by a comma.
    if np_end > a && same(e) && toks[e].t == "," && name_run(toks, a) == Some(np_end) {
        let mut j = e + 1;
        // "Ada Holm, R-Ky., said": a period before a comma ends an abbreviation.
        let stop = |j: usize| {
            matches!(toks[j].t, ";" | "?" | "!") || toks[j].t == "." && toks.get(j + 1).is_none_or(|n| n.t != ",")
        };
        while same(j) && j < e + 40 && !stop(j) && !toks[j].is_open_mark() {
            if toks[j].t == "," {
                let mut v = j + 1;
                while same(v) && lexicon::is_verb_filler(&toks[v].lower()) {
                    v += 1;
                }
                if same(v) && is_cue_at(toks, v) {
                    return Some((Who::Np(a..np_end), v));
                }
            }
            j += 1;
        }
    }
    None
}

/// Sentences after a quote within which a cue without content of its own may name its speaker.
const CUE_LATER_SENTENCES: usize = 2;
/// Tokens a cue's clause may run after its verb and still have no content ("told the crowd
/// through a megaphone").
const CUE_LATER_TAIL: usize = 8;

/// `"We have been patient. Now we want to be paid." Union leader Brigit Aas told the crowd.`:
/// a quote opening its paragraph (or sentence) and ending a sentence, whose speaker is the
/// subject of a speech verb without content of its own in one of the next sentences.
fn cue_later(toks: &[Tok<'_>], para: &[usize], o: usize, c: usize) -> Option<(Who, usize)> {
    let opens = o == 0 || para[o - 1] != para[o] || matches!(toks[o - 1].t, "." | "?" | "!");
    if !opens || c < 2 || !matches!(toks[c - 1].t, "." | "?" | "!") {
        return None;
    }
    let same = |j: usize| j < toks.len() && para[j] == para[c];
    let mut ends = 0;
    let mut j = c + 1;
    while same(j) {
        if toks[j].is_open_mark() {
            return None;
        }
        if matches!(toks[j].t, "." | "?" | "!") {
            ends += 1;
            if ends >= CUE_LATER_SENTENCES {
                return None;
            }
        }
        if is_cue_at(toks, j) && lexicon::is_clause_verb(&toks[j].lower()) {
            let np = subject_before(toks, para, j).filter(|np| np.start > c)?;
            let end = (j + 1..).find(|&k| !same(k) || matches!(toks[k].t, "." | "?" | "!")).unwrap_or(j + 1);
            let content = (j + 1..end).any(|k| toks[k].lower() == "that" || toks[k].t == ":" || toks[k].is_open_mark());
            return (end - j <= CUE_LATER_TAIL && !content).then_some((Who::Np(np), j));
        }
        j += 1;
    }
    None
}

/// `Berg said: "…"`, `He told reporters, "…"`, `Berg:` — the speaker before the opening mark
/// `o`: a colon or comma (or "that") right before the mark, a speech verb at most a few words
/// before that, and its subject.
fn cue_before(toks: &[Tok<'_>], para: &[usize], o: usize) -> Option<(Who, usize)> {
    let mut k = o.checked_sub(1)?;
    // "He said:" may close the paragraph before the quote.
    let colon_para = para[k] + 1 == para[o] && toks[k].t == ":";
    let p = para[k];
    let same = |j: usize| para[j] == p;
    if !(para[k] == para[o] || colon_para) || !matches!(toks[k].t, ":" | "," | "that") {
        return None;
    }
    let colon = toks[k].t == ":";
    // Walk back to the verb over a hearer or a time phrase: "told reporters on Tuesday:".
    let limit = k.saturating_sub(7);
    while k > limit {
        k -= 1;
        if !same(k) || matches!(toks[k].t, "." | "!" | "?" | ";") || toks[k].is_close_mark() {
            break;
        }
        let w = toks[k].lower();
        if is_cue_at(toks, k) || toks[k].is_lower_word() && lexicon::is_participle_cue(&w) {
            // `…, adding later, "…"`: a participle's speaker is the clause's, the one just quoted.
            let participle = !is_cue_at(toks, k);
            return match subject_before(toks, para, k) {
                Some(np) if !participle => Some((Who::Np(np), k)),
                // "… while chanting, "…"": the sentence's subject, else the last speaker.
                _ if participle => Some((sentence_start_subject(toks, para, k).map_or(Who::Last, Who::Np), k)),
                // "She urges him to stay and repeatedly says, "…"": the sentence's subject.
                _ => coordinated_subject(toks, para, k).map(|np| (Who::Np(np), k)),
            };
        }
    }
    // "Limbaugh continued: "…"", "The minister went further: "…"": a colon after a verb
    // whose subject names someone introduces the words whatever the verb.
    let continues = toks[o - 1].t == ","
        && o >= 3
        && matches!(toks[o - 2].t, "continued" | "continues" | "concluded" | "concludes");
    if (colon || continues) && o >= 3 && toks[o - 2].is_lower_word() && !lexicon::is_determiner(&toks[o - 2].lower()) {
        if let Some(np) = subject_before(toks, para, o - 2).filter(|np| {
            name_run(toks, np.start).is_some_and(|e| e == np.end)
                || np.len() == 1 && lexicon::is_pronoun(&toks[np.start].lower())
        }) {
            return Some((Who::Np(np), o - 2));
        }
    }
    // "Brigit Aas put it this way:" closing the paragraph before the quote: the sentence's
    // subject speaks, whatever the verb.
    // Not a transcript quoted whole after its heading ("Partial transcript:\n\n"WALLACE: …"),
    // and only a pronoun or a full name: "Trump on:" is a heading too.
    if colon_para && !opens_turn(toks, para, o) {
        let subject = sentence_start_subject(toks, para, o - 1).filter(|np| {
            let first = toks[np.start].lower();
            np.len() == 1 && lexicon::is_pronoun(&first) || np.len() >= 2 && np.end + 1 < o - 1
        });
        if let Some(np) = subject {
            return Some((Who::Np(np), o - 1));
        }
    }
    // "Berg:" opening a paragraph (an interview), or "Said Berg:".
    let start = o - 1;
    if colon {
        let mut a = start;
        while a > 0 && same(a - 1) {
            a -= 1;
        }
        if matches!(toks[a].t, "Said" | "Says" | "Added" | "Adds") && a + 1 < start {
            a += 1;
        }
        if name_run(toks, a) == Some(start) {
            return Some((Who::Np(a..start), start));
        }
    }
    None
}

/// The subject words before the verb at `v`, skipping "has long", "also" and the like; stops at
/// punctuation or a word that starts another clause. "Anna Berg, the mayor, said" gives the name.
fn subject_before(toks: &[Tok<'_>], para: &[usize], v: usize) -> Option<std::ops::Range<usize>> {
    let same = |j: usize| para[j] == para[v];
    let mut e = v;
    while e > 0 && same(e - 1) && lexicon::is_verb_filler(&toks[e - 1].lower()) {
        e -= 1;
    }
    // "Berg (D-Ost.), Lind and Quist all said": a floating quantifier after the subject.
    if e > 1
        && same(e - 2)
        && matches!(toks[e - 1].lower().as_str(), "all" | "both")
        && (toks[e - 2].t == ")" || toks[e - 2].is_capital_word())
    {
        e -= 1;
    }
    // Appositives: "Berg, the mayor, said", "Anna Berg (D-Ost.), who chairs the committee, said",
    // "Marta Quist, 59, of Kessel, who watched the vote, said". Walk back over comma-separated
    // segments to the sentence's start; the subject is the first segment when it is a name (or
    // a description opening the sentence), else a segment that is a name between commas ("The
    // party's chairman, Anna Berg, said"), else the name ending the nearest segment.
    if e > 0 && toks[e - 1].t == "," {
        let mut segs: Vec<(usize, usize)> = Vec::new();
        let mut close = e - 1;
        let limit = close.saturating_sub(60);
        let mut at_start = false;
        while segs.len() < 6 {
            let mut j = close;
            // "of Kessel, Md., who": a period before a comma ends an abbreviation, not the sentence.
            let stops = |k: usize| {
                matches!(toks[k].t, ";" | "!" | "?" | ":")
                    || toks[k].t == "." && toks.get(k + 1).is_none_or(|n| n.is_capital_word() || n.is_open_mark())
            };
            while j > limit
                && same(j - 1)
                && toks[j - 1].t != ","
                && !stops(j - 1)
                && !toks[j - 1].is_open_mark()
                && !toks[j - 1].is_close_mark()
            {
                j -= 1;
            }
            if j == close {
                break;
            }
            // A bracket at the segment's end is not part of a name: "Anna Berg (D-Ost.)".
            let mut seg_end = close;
            if toks[seg_end - 1].t == ")" {
                if let Some(open) = (j..seg_end).rev().find(|&x| toks[x].t == "(") {
                    seg_end = open;
                }
            }
            segs.push((j, seg_end));
            if j == 0 || !same(j - 1) || toks[j - 1].t != "," || j <= limit {
                at_start = j == 0 || !same(j - 1) || toks[j - 1].t != ",";
                break;
            }
            close = j - 1;
        }
        if at_start {
            if let Some(&(a, b)) = segs.last() {
                let a =
                    a + toks[a..b].iter().take_while(|t| lexicon::is_verb_filler(&t.lower()) || t.t == "Even").count();
                if a < b && name_run(toks, a) == Some(b) {
                    return Some(a..b);
                }
                if a < b
                    && b - a <= 7
                    && lexicon::is_determiner(&toks[a].lower())
                    && plausible_subject(&toks[a..b])
                    && segs.len() > 1
                {
                    // "A lawyer for the unions, Erik Sand, said": the name between commas right
                    // before the verb wins — not one of a list ("The Brenna Declaration, agreed
                    // by Varnia, Ostland and Carvia, promises").
                    if let Some(&(na, nb)) = segs.first().filter(|&&(na, nb)| name_run(toks, na) == Some(nb)) {
                        return Some(na..nb);
                    }
                    return Some(a..b);
                }
            }
        }
        if let Some(&(a, b)) = segs.iter().find(|&&(a, b)| name_run(toks, a) == Some(b)) {
            return Some(a..b);
        }
        // "Conservative economist Aparna Mathur, who studies tax at the Enterprise Institute,
        // said": the name ending the sentence's first segment.
        if at_start {
            if let Some(&(a, b)) = segs.last() {
                if let Some(start) = name_run_ending(toks, b).filter(|&st| st >= a) {
                    return Some(start..b);
                }
            }
        }
        let &(a, b) = segs.first()?;
        let start = name_run_ending(toks, b).filter(|&st| st >= a)?;
        return Some(start..b);
    }
    // "Anna Berg (D-Ost.) said".
    if e > 1 && toks[e - 1].t == ")" {
        if let Some(open) = (e.saturating_sub(9)..e).rev().find(|&x| toks[x].t == "(") {
            if let Some(start) = name_run_ending(toks, open) {
                return Some(start..open);
            }
        }
    }
    // "It says the campaign broke the law": an organisation spoken of as "it".
    if e > 0
        && toks[e - 1].lower() == "it"
        && (e - 1 == 0 || !same(e - 2) || !toks[e - 2].is_word() || toks[e - 2].lower() == "and")
    {
        return Some(e - 1..e);
    }
    // "an architect who said": the relative pronoun stands for the words before it.
    if e > 0 && matches!(toks[e - 1].lower().as_str(), "who" | "which") {
        let w = if e > 1 && toks[e - 2].t == "," { e - 2 } else { e - 1 };
        return (w > 0 && toks[w - 1].is_word()).then(|| subject_before(toks, para, w)).flatten();
    }
    let mut s = e;
    while s > 0 && e - s < 8 && same(s - 1) {
        let t = &toks[s - 1];
        let w = t.lower();
        let joins = t.t == "'s" || t.t == "’s" || t.t == "-" || t.t == "'" || t.t == "’";
        // "attorneys for the family", "the head of the agency": a preposition inside the subject.
        let inner =
            matches!(w.as_str(), "of" | "for" | "at" | "from" | "in" | "on") && s < e && s > 1 && toks[s - 2].is_word();
        if !(t.is_word() || joins) || lexicon::ends_subject(&w) && !inner || lexicon::is_cue(&w) {
            break;
        }
        s -= 1;
    }
    // A subject does not start with a preposition: "… of the family said" → "the family".
    while s < e && matches!(toks[s].lower().as_str(), "of" | "for" | "at" | "from") {
        s += 1;
    }
    // "Later the spokesman said": a sentence adverb is not part of the subject.
    while s < e && lexicon::is_verb_filler(&toks[s].lower()) {
        s += 1;
    }
    (s < e && plausible_subject(&toks[s..e])).then_some(s..e)
}

/// Words after an inverted verb ("…, said X") that can be its subject: a name, or a short
/// description ("the spokesman", "a senior official for the ministry") — not a clause ("said
/// the event brought back memories").
fn inverted_subject(np: &[Tok<'_>]) -> bool {
    if name_run(np, 0).is_some_and(|e| e == np.len() || matches!(np[e].t, "(" | "of" | "for")) {
        return true;
    }
    let head = np.iter().position(|t| matches!(t.t, "of" | "for" | "at" | "with" | "in" | "(")).unwrap_or(np.len());
    let skip = usize::from(np.first().is_some_and(|t| lexicon::is_determiner(&t.lower())));
    head > skip && head - skip <= 3
}

/// The first name or pronoun of the sentence that `v` is in.
fn sentence_start_subject(toks: &[Tok<'_>], para: &[usize], v: usize) -> Option<std::ops::Range<usize>> {
    let mut start = v;
    while start > 0 && para[start - 1] == para[v] && !matches!(toks[start - 1].t, "." | "?" | "!" | ";") {
        start -= 1;
    }
    sentence_subject(toks, start, v)
}

/// The subject of a verb coordinated with an earlier one ("… and repeatedly says"): the first
/// name or pronoun of its sentence.
fn coordinated_subject(toks: &[Tok<'_>], para: &[usize], v: usize) -> Option<std::ops::Range<usize>> {
    let mut f = v;
    while f > 0 && lexicon::is_verb_filler(&toks[f - 1].lower()) {
        f -= 1;
    }
    if f == 0 || !matches!(toks[f - 1].lower().as_str(), "and" | "but") {
        return None;
    }
    let mut start = f - 1;
    while start > 0 && para[start - 1] == para[v] && !matches!(toks[start - 1].t, "." | "?" | "!" | ";") {
        start -= 1;
    }
    sentence_subject(toks, start, f - 1)
}

/// Start of the name run that ends right before `end`.
fn name_run_ending(toks: &[Tok<'_>], end: usize) -> Option<usize> {
    (end.saturating_sub(5)..end).find(|&a| name_run(toks, a) == Some(end))
}

/// Subject words that can name a speaker: a name, a pronoun, or a description.
fn plausible_subject(np: &[Tok<'_>]) -> bool {
    let first = np[0].lower();
    if np.len() == 1 && lexicon::is_pronoun(&first) {
        return true;
    }
    // "police said", "staff said": a collective noun alone.
    if np.len() == 1
        && np[0].is_lower_word()
        && matches!(
            first.as_str(),
            "police"
                | "staff"
                | "management"
                | "military"
                | "government"
                | "administration"
                | "leadership"
                | "prosecution"
                | "defense"
                | "defence"
        )
    {
        return true;
    }
    np.iter().any(|t| t.is_capital_word() && !lexicon::is_capital_function_word(&t.lower()))
        || lexicon::is_determiner(&first)
        || np.len() <= 3 && np.last().is_some_and(|t| t.t.ends_with('s') && t.is_lower_word())
        // "63 percent said", "two thirds say".
        || np.len() <= 3 && np[0].t.starts_with(|c: char| c.is_ascii_digit())
        // "elected officials from both parties", "federal prosecutors in April": a plural head
        // before a preposition.
        || {
            let head = np.iter().position(|t| matches!(t.t, "of" | "for" | "at" | "from" | "in" | "on")).unwrap_or(np.len());
            head > 0 && head <= 3 && np[head - 1].is_lower_word() && np[head - 1].t.ends_with('s')
        }
}

/// Reported speech in the sentence `sent`: "X said (that) …", "…, X said", "…, said X",
/// "according to X, …", "…, saying …".
fn indirect(toks: &[Tok<'_>], para: &[usize], inside: &[bool], sent: std::ops::Range<usize>, out: &mut Vec<Cand>) {
    let (a, b) = (sent.start, trim_end(toks, sent.clone()));
    let out_start = out.len();
    // An interview transcript: "BERG: We will rebuild." — a speaker in capitals and a colon
    // open the paragraph, the turn runs to its end.
    // A transcript quoted whole may open each turn with a quotation mark: `"BERG: …`.
    let n = if toks[a].is_open_mark() && a + 1 < b { a + 1 } else { a };
    if (a == 0 || para[a - 1] != para[a]) && (!inside[n] || n > a) {
        if let Some(e) = name_run(toks, n).filter(|&e| e < b && e <= n + 3 && toks[e].t == ":") {
            let a = n;
            let caps = toks[a..e].iter().all(|t| {
                t.t.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !t.t.chars().any(char::is_lowercase)
            });
            let mut end = e + 1;
            while end < toks.len() && para[end] == para[a] {
                end += 1;
            }
            // "KESSEL: The port reopened …" opening the article is a dateline, not a turn: a
            // transcript there has a second turn.
            let dateline = para[a] == 0 && !(end..toks.len()).any(|k| opens_turn(toks, para, k));
            if caps && end > e + 3 && !dateline {
                out.push(Cand {
                    start: e + 1,
                    end,
                    kind: QuoteKind::Indirect,
                    who: Who::Np(a..e),
                    cue: e,
                    rule: Rule::Turn,
                });
            }
        }
    }
    let mut i = a;
    while i < b {
        if inside[i] {
            i += 1;
            continue;
        }
        let w = toks[i].lower();
        // "According to Reuters, …" / "…, according to officials."
        if w == "according" && toks.get(i + 1).is_some_and(|t| t.t == "to") {
            let np_a = i + 2;
            let mut np_e = np_a;
            while np_e < b && np_e < np_a + 8 && !matches!(toks[np_e].t, "," | ")") {
                np_e += 1;
            }
            // "But according to reports, …", "Now, according to the poll, …": a conjunction or
            // a sentence adverb may open the sentence first.
            let mut opener = a;
            while opener < i
                && opener < a + 2
                && (!toks[opener].is_word() || lexicon::opens_sentence_softly(&toks[opener].lower()))
            {
                opener += 1;
            }
            if np_e > np_a {
                if opener == i && np_e + 3 < b {
                    out.push(Cand {
                        start: np_e + 1,
                        end: b,
                        kind: QuoteKind::Indirect,
                        who: Who::Np(np_a..np_e),
                        cue: i,
                        rule: Rule::AccordingBefore,
                    });
                } else if i > a + 3 {
                    // "…, according to officials", "… unfavourably according to the poll",
                    // "(…, according to exit polls)".
                    let open =
                        (a..i).rev().find(|&k| toks[k].t == "(").filter(|_| toks.get(np_e).is_some_and(|t| t.t == ")"));
                    let end = if toks[i - 1].t == "," { i - 1 } else { i };
                    out.push(Cand {
                        start: open.map_or(a, |k| k + 1),
                        end,
                        kind: QuoteKind::Indirect,
                        who: Who::Np(np_a..np_e),
                        cue: i,
                        rule: Rule::AccordingAfter,
                    });
                }
            }
            i = np_e;
            continue;
        }
        if toks[i].is_lower_word()
            && lexicon::is_participle_cue(&w)
            && i > a
            && matches!(toks[i - 1].t, "," | "by" | "and")
        {
            let r = skip_that(toks, i + 1, b);
            if b.saturating_sub(r) >= 3 && (toks[r].lower() != "to" || lexicon::promises(&w)) {
                // The subject of this sentence's speech verb before it, else its first name.
                let earlier = out[out_start..].iter().rev().find_map(|c| match &c.who {
                    Who::Np(np) if c.cue < i => Some(np.clone()),
                    _ => None,
                });
                if let Some(np) = earlier.or_else(|| sentence_subject(toks, a, i)) {
                    out.push(Cand {
                        start: r,
                        end: b,
                        kind: QuoteKind::Indirect,
                        who: Who::Np(np),
                        cue: i,
                        rule: Rule::Participle,
                    });
                }
            }
            i += 1;
            continue;
        }
        // "She is proposing …", "he has been calling for …": a progressive speech verb.
        let progressive = toks[i].is_lower_word()
            && lexicon::is_participle_cue(&w)
            && i > a + 1
            && matches!(
                toks[i - 1].lower().replace('’', "'").as_str(),
                "is" | "are" | "was" | "were" | "been" | "'s" | "isn't" | "aren't" | "wasn't" | "weren't" | "not"
            );
        // "The deal was agreed by both leaders": a passive speech verb has no speaker subject.
        let passive =
            i > a && matches!(toks[i - 1].lower().as_str(), "was" | "were" | "been" | "be" | "is" | "are" | "being");
        if !(progressive || is_cue_at(toks, i) && !passive) {
            i += 1;
            continue;
        }
        let verb = if progressive { i - 1 } else { i };
        // "… and said …": a coordinated verb shares the sentence's subject.
        let subject = subject_before(toks, para, verb).filter(|np| np.start >= a).or_else(|| {
            let mut f = i;
            while f > a && lexicon::is_verb_filler(&toks[f - 1].lower()) {
                f -= 1;
            }
            (f > a && matches!(toks[f - 1].lower().as_str(), "and" | "but"))
                .then(|| sentence_subject(toks, a, f - 1))
                .flatten()
        });
        match subject {
            Some(np) => {
                // `…, Berg said` — or `…,'' Berg said` with the comma inside the marks.
                let before_comma = np.start > a + 3
                    && (toks[np.start - 1].t == ","
                        || toks[np.start - 1].is_close_mark() && toks[np.start - 2].t == ",");
                // Middle: "…, Berg said, …" (unless what follows is a new clause: ", as they …").
                let mut m = i + 1;
                while m < b && lexicon::is_time_word(&toks[m].lower()) {
                    m += 1;
                }
                let middle = before_comma
                    && m + 3 < b
                    && toks[m].t == ","
                    && !lexicon::opens_clause(&toks[m + 1].lower())
                    && !lexicon::is_participle_cue(&toks[m + 1].lower());
                let mut r = after_verb(toks, i, b);
                let object = lexicon::takes_object(&w);
                // "called for the repeal", "pointed to the cost": the particle opens the content.
                if object && r < b && matches!(toks[r].t, "for" | "on" | "out" | "about" | "to") && r == i + 1 {
                    r += 1;
                }
                let content = b.saturating_sub(r);
                let content = if object && content == 2 { 3 } else { content };
                // "He added: the plan is dead." — a colon without quotation marks.
                if r < b && toks[r].t == ":" && toks.get(r + 1).is_some_and(|t| !t.is_open_mark()) && b > r + 3 {
                    r += 1;
                }
                // "…, Spicer said, adding, …", "…, he said, wiping his brow", "…, a spokeswoman
                // said, while most …": a participle or a new clause after the cue is the
                // writer's (or a quote of its own); the content is before.
                let participle_after = m + 1 < b
                    && toks[m].t == ","
                    && toks[m + 1].is_lower_word()
                    && (toks[m + 1].t.ends_with("ing") || lexicon::opens_clause(&toks[m + 1].lower()));
                if middle {
                    out.push(Cand {
                        start: a,
                        end: b,
                        kind: QuoteKind::Indirect,
                        who: Who::Np(np),
                        cue: i,
                        rule: Rule::CueInside,
                    });
                } else if content >= 3
                    && !(before_comma && participle_after)
                    && opens_content(toks, r, content, &w)
                    && !toks[r].is_open_mark()
                {
                    out.push(Cand {
                        start: r,
                        end: b,
                        kind: QuoteKind::Indirect,
                        who: Who::Np(np),
                        cue: i,
                        rule: Rule::VerbThenContent,
                    });
                } else if before_comma && (content == 0 || toks[m].t == ",") {
                    // End: "…, Berg said." / "…, Berg said Friday, as …".
                    let end = if toks[np.start - 1].is_close_mark() { np.start } else { np.start - 1 };
                    out.push(Cand {
                        start: a,
                        end,
                        kind: QuoteKind::Indirect,
                        who: Who::Np(np),
                        cue: i,
                        rule: Rule::CueAfter,
                    });
                }
            }
            None if i > a + 3 && (toks[i - 1].t == "," || toks[i - 1].is_close_mark() && toks[i - 2].t == ",") => {
                // Inverted: "…, said Anna Berg."
                let mut e = i + 1;
                while e < b && e < i + 9 && toks[e].t != "," {
                    e += 1;
                }
                if e > i + 1 && plausible_subject(&toks[i + 1..e]) && inverted_subject(&toks[i + 1..e]) {
                    let end = if toks[i - 1].is_close_mark() { i } else { i - 1 };
                    out.push(Cand {
                        start: a,
                        end,
                        kind: QuoteKind::Indirect,
                        who: Who::Np(i + 1..e),
                        cue: i,
                        rule: Rule::InvertedCueAfter,
                    });
                }
            }
            None => {}
        }
        i += 1;
    }
    // A reported clause ends where the next speaker's words begin: "X said A, and Y said B".
    let cues: Vec<(usize, usize)> = out[out_start..]
        .iter()
        .filter_map(|c| match &c.who {
            // Not a relative clause inside the content: "… through what she calls a war".
            Who::Np(np)
                if np.end <= c.cue
                    && c.start > c.cue
                    && !(np.start > 0
                        && matches!(toks[np.start - 1].lower().as_str(), "what" | "which" | "that" | "as")) =>
            {
                Some((np.start, c.cue))
            }
            _ => None,
        })
        .collect();
    for c in &mut out[out_start..] {
        if let Some(&(np_start, _)) =
            // Only where a new clause starts ("…, and Lind said"), not at the reported clause's
            // own subject ("notes that the commission announced …").
            cues.iter().find(|&&(np_start, cue)| {
                c.start + 2 < np_start
                    && cue < c.end
                    && cue != c.cue
                    && matches!(
                        toks[np_start - 1].lower().as_str(),
                        "," | "and" | "but" | ";" | "while" | "whereas" | "though" | "although"
                    )
            })
        {
            // Before the conjunction too: "…, though she noted" leaves "…".
            let cut = if toks[np_start - 1].is_word() { np_start - 1 } else { np_start };
            c.end = c.end.min(cut);
        }
    }
    // "announced the arrest and said a curfew would continue": a coordinated speech verb starts
    // reported speech of its own, so the first verb's content ends before "and".
    for c in &mut out[out_start..] {
        if let Some(j) = (c.start + 1..c.end.saturating_sub(1)).find(|&j| {
            !inside[j]
                && (matches!(toks[j].t, "and" | "but") && {
                    let mut v = j + 1;
                    while v < c.end && lexicon::is_verb_filler(&toks[v].lower()) {
                        v += 1;
                    }
                    v < c.end && v != c.cue && is_cue_at(toks, v)
                } || (toks[j].t == "," || toks[j].t == "by" && !lexicon::takes_object(&toks[j + 1].lower()))
                    && toks[j + 1].is_lower_word()
                    && j + 1 != c.cue
                    && lexicon::is_participle_cue(&toks[j + 1].lower()))
        }) {
            c.end = j;
        }
    }
    // The noun phrase a speech act takes ("described the incident as terrible", "agreed to
    // release the cash") ends where a new clause or an adverbial clause starts: ", but stopped
    // short of …", "so the work could start", "during the debate".
    for c in &mut out[out_start..] {
        // "threatened to raise tariffs, and a paragraph … was dropped": an infinitive ends
        // where a new clause starts after a comma (not at "before winter").
        let infinitive = toks[c.start].lower() == "to" && c.start > c.cue;
        if !infinitive
            && (!lexicon::takes_object(&toks[c.cue].lower()) || lexicon::is_clause_verb(&toks[c.cue].lower()))
        {
            continue;
        }
        if let Some(j) = (c.start + 2..c.end).find(|&j| {
            !inside[j]
                && (!infinitive && matches!(
                    toks[j].lower().as_str(),
                    "so" | "until"
                        | "because"
                        | "while"
                        | "during"
                        | "when"
                        | "after"
                        | "before"
                        | "unless"
                        | "although"
                        | "though"
                ) || toks[j].t == ","
                    && toks.get(j + 1).is_some_and(|n| {
                        matches!(n.lower().as_str(), "but" | "and" | "yet" | "with" | "even" | "which" | "who")
                    })
                    // `… a "terrible mistake," but stopped …`: the comma inside the marks.
                    || matches!(toks[j].t, "but" | "yet") && toks[j - 1].is_close_mark())
        }) {
            c.end = j;
        }
    }
    // "… if they stayed home, implicitly putting his name on the line": a participle clause
    // after a comma is the writer's comment, not the reported words.
    for c in &mut out[out_start..] {
        if c.start <= c.cue {
            continue;
        }
        if let Some(j) = (c.start + 3..c.end.saturating_sub(1)).find(|&j| {
            let mut v = j + 1;
            if toks[v].t.ends_with("ly") && toks[v].is_lower_word() {
                v += 1;
            }
            !inside[j]
                && toks[j].t == ","
                && v < c.end
                && toks[v].is_lower_word()
                && toks[v].t.len() > 5
                && toks[v].t.ends_with("ing")
                && !lexicon::is_participle_cue(&toks[v].lower())
        }) {
            c.end = j;
        }
    }
    // A reported clause ends where the sentence breaks off: "… would be intense — and he noted".
    for c in &mut out[out_start..] {
        if let Some(brk) =
            (c.start..c.end).find(|&j| !inside[j] && matches!(toks[j].t, "—" | "―" | ";" | "(") && j > c.start + 2)
        {
            c.end = brk;
        }
    }
    for c in &mut out[out_start..] {
        c.start = skip_dateline(toks, c.start, c.end);
    }
    let tail = out.split_off(out_start);
    // "… what Ostland had asked for, the officials said": a short content after its verb that
    // ends in a speech verb is the next cue, not words.
    let next_cue = |c: &Cand| c.start > c.cue && c.end - c.start <= 4 && is_cue_at(toks, c.end - 1);
    out.extend(tail.into_iter().filter(|c| {
        (c.end >= c.start + 3 || c.end == c.start + 2 && lexicon::takes_object(&toks[c.cue].lower())) && !next_cue(c)
    }));
}

/// Whether a paragraph opens at `k` with a speaker in capitals and a colon (`BERG:`).
fn opens_turn(toks: &[Tok<'_>], para: &[usize], k: usize) -> bool {
    let opens = k == 0 || para[k - 1] != para[k];
    // `"BERG: …`: a transcript quoted whole.
    let k = if opens && toks[k].is_open_mark() { k + 1 } else { k };
    opens
        && name_run(toks, k).is_some_and(|e| {
            e <= k + 3
                && toks.get(e).is_some_and(|t| t.t == ":")
                && toks[k..e].iter().all(|t| !t.t.chars().any(char::is_lowercase))
        })
}

/// Where a reported clause starting at `start` begins once a dateline is skipped ("KESSEL —
/// The port reopened …, officials said": the place is where the story was filed, not what
/// was said).
fn skip_dateline(toks: &[Tok<'_>], start: usize, end: usize) -> usize {
    let caps = |t: &Tok<'_>| {
        t.is_word() && t.t.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !t.t.chars().any(char::is_lowercase)
    };
    if !toks.get(start).is_some_and(caps) {
        return start;
    }
    let mut k = start;
    while k < end && k < start + MAX_DATELINE && (caps(&toks[k]) || matches!(toks[k].t, "," | "(" | ")")) {
        k += 1;
    }
    if k < end && matches!(toks[k].t, "—" | "–" | "-" | "―") {
        k + 1
    } else {
        start
    }
}

/// Tokens a dateline's place (and agency) may take before its dash.
const MAX_DATELINE: usize = 6;

/// Whether the reported content may start at `r` after the speech verb `verb`: not with a word
/// that makes the verb something else ("said so", "told to", "said no"), except an infinitive
/// after a promise ("pledged to cut taxes").
fn opens_content(toks: &[Tok<'_>], r: usize, content: usize, verb: &str) -> bool {
    let w = toks[r].lower();
    match w.as_str() {
        "to" => lexicon::promises(verb),
        "no" => content >= 4,
        // "agreed on a customs form", "agreed with the plan": a prepositional object, not words.
        // "agreed by Varnia and Ostland": the passive's agent.
        "so" | "in" | ":" | "as" | "but" | "and" | "according" | "'s" | "’s" | "on" | "with" | "by" => false,
        _ => true,
    }
}

/// The end of a sentence's tokens without its final punctuation and closing marks.
fn trim_end(toks: &[Tok<'_>], sent: std::ops::Range<usize>) -> usize {
    let mut b = sent.end;
    while b > sent.start && !toks[b - 1].is_word() && !toks[b - 1].is_close_mark() {
        b -= 1;
    }
    b
}

fn skip_that(toks: &[Tok<'_>], mut r: usize, b: usize) -> usize {
    if r < b && toks[r].lower() == "that" {
        r += 1;
    }
    r
}

/// Where the reported clause starts after the verb at `v`: past a hearer ("told reporters"),
/// a time or setting phrase ("on Tuesday", "in a statement") and "that".
/// Tokens after "told" within which a "that" ends the hearer phrase.
const HEARER_REACH: usize = 10;

fn after_verb(toks: &[Tok<'_>], v: usize, b: usize) -> usize {
    let mut r = v + 1;
    if lexicon::takes_hearer(&toks[v].lower()) && r < b {
        // "told an invited crowd at the Union League club that …", "tells MSNBC's Morning Joe
        // that …": a "that" close after the hearer ends it, however it is worded — unless the
        // clause has begun before it ("told Varnia Today he was "glad" that …").
        let that_after = |from: usize| {
            (from..b.min(from + HEARER_REACH))
                .take_while(|&j| {
                    !(matches!(toks[j].t, "." | "?" | "!" | ";" | ":")
                        || toks[j].is_open_mark()
                        || j > from && lexicon::is_pronoun(&toks[j].lower()))
                })
                .find(|&j| toks[j].lower() == "that")
        };
        let named = name_run(toks, r).or_else(|| (toks[r].lower() == "the").then(|| name_run(toks, r + 1)).flatten());
        if let Some(that) = that_after(r).or_else(|| named.and_then(that_after)) {
            r = that;
        } else if let Some(e) = named {
            r = e;
        } else if matches!(toks[r].lower().as_str(), "a" | "an" | "another") {
            // "told a completely different story": what was told is the object, not words.
            return b;
        } else if toks[r].is_lower_word() {
            r += 1;
        }
    }
    // "said, as quoted by Harbour Radio, that …": the second-hand source is no content.
    if r + 3 < b
        && toks[r].t == ","
        && toks[r + 1].lower() == "as"
        && matches!(toks[r + 2].lower().as_str(), "quoted" | "reported" | "told")
    {
        if let Some(comma) = (r + 3..b.min(r + 12)).find(|&j| toks[j].t == ",") {
            r = comma + 1;
        }
    }
    let mut k = r;
    let mut strong = None;
    // "welcomed Tuesday's call": a possessive makes the word the object's, not a time phrase.
    let possessed = |k: usize| toks.get(k + 1).is_some_and(|n| matches!(n.t, "'s" | "’s"));
    while k < b
        && !possessed(k)
        && (lexicon::is_time_word(&toks[k].lower()) || toks[k].t == "," || name_run(toks, k).is_some() && k > r)
    {
        if !lexicon::is_weak_time_word(&toks[k].lower()) {
            strong = Some(k + 1);
        }
        k += 1;
    }
    // "said the event brought back memories": a determiner opens the reported clause's subject,
    // not a time phrase, unless "that" or a comma closes the phrase.
    let phrase_opens = r < b && !lexicon::is_determiner(&toks[r].lower());
    if k > r && (k >= b || toks[k].lower() == "that" || toks[k - 1].t == ",") {
        r = k;
    } else if let Some(e) = strong.filter(|_| phrase_opens) {
        // "warned on Tuesday the pillars …": up to the last word of the phrase.
        r = e;
    }
    skip_that(toks, r, b)
}

/// The subject of the clause a participle cue hangs on: the first name or pronoun of the
/// sentence before it.
/// A one-word name that only modifies a plural noun after it keeps the nouns: "Varnian
/// farmers' organisations reacted …", "Kessel residents".
fn sentence_subject(toks: &[Tok<'_>], a: usize, before: usize) -> Option<std::ops::Range<usize>> {
    (a..before).find_map(|j| {
        if lexicon::is_pronoun(&toks[j].lower()) {
            return Some(j..j + 1);
        }
        name_run(toks, j).map(|e| {
            let modifies = e == j + 1
                && toks
                    .get(e)
                    .is_some_and(|n| n.is_lower_word() && n.t.ends_with('s') && lexicon::lemma(&n.lower()).is_none());
            if !modifies {
                return j..e;
            }
            let mut k = e;
            while k < before
                && k < e + MODIFIED_NOUNS
                && (toks[k].is_lower_word()
                    && !lexicon::is_closed_class(&toks[k].lower())
                    && !toks[k].t.ends_with("ed")
                    || matches!(toks[k].t, "'" | "’"))
            {
                k += 1;
            }
            let head = (e..k).rev().find(|&h| toks[h].is_word()).map_or(e, |h| h + 1);
            j..head
        })
    })
}

/// Lowercase words a name may modify at the head of a subject ("Varnian farmers' groups").
const MODIFIED_NOUNS: usize = 4;

/// Overlaps between direct and reported quotes: a clause that is only a quoted span (plus
/// "that") stays direct; one with words of its own around quoted words is reported speech with
/// a fragment quoted, and the direct span goes. Overlapping reported clauses keep the first.
fn settle(toks: &[Tok<'_>], cands: &mut Vec<Cand>) {
    let directs: Vec<(usize, usize)> =
        cands.iter().filter(|c| c.kind == QuoteKind::Direct).map(|c| (c.start, c.end)).collect();
    let direct_cues: Vec<usize> = cands.iter().filter(|c| c.kind == QuoteKind::Direct).map(|c| c.cue).collect();
    let mut drop_direct = Vec::new();
    cands.retain(|c| {
        if c.kind == QuoteKind::Direct {
            return true;
        }
        // `"…," Berg said, as quoted by CNN`: the cue belongs to the quote before it.
        if direct_cues.contains(&c.cue) {
            return false;
        }
        // `Berg wrote on social media: "…"`: the colon hands the words to the direct quote.
        if (c.start..c.end).any(|j| toks[j].t == ":" && toks.get(j + 1).is_some_and(Tok::is_open_mark)) {
            return false;
        }
        let over: Vec<&(usize, usize)> = directs.iter().filter(|d| d.0 < c.end && c.start < d.1).collect();
        if over.is_empty() {
            return true;
        }
        let own = (c.start..c.end)
            .filter(|&j| toks[j].is_word() && !over.iter().any(|d| d.0 <= j && j < d.1) && toks[j].lower() != "that")
            .count();
        if own < 3 {
            return false;
        }
        drop_direct.extend(over.into_iter().copied());
        true
    });
    cands.retain(|c| c.kind == QuoteKind::Indirect || !drop_direct.contains(&(c.start, c.end)));
    cands.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    let mut reach = 0;
    let mut direct_reach = 0;
    cands.retain(|c| {
        if c.kind == QuoteKind::Direct {
            let keep = c.start >= direct_reach;
            direct_reach = direct_reach.max(c.end);
            return keep;
        }
        let keep = c.start >= reach;
        if keep {
            reach = c.end;
        }
        keep
    });
}

/// The outlet a quote came through, from its cue's sentence: "as quoted by CNN", "told The New
/// York Times", "in an interview with Reuters", "according to Reuters".
fn via(toks: &[Tok<'_>], sentences: &[std::ops::Range<usize>], cue: usize) -> Option<String> {
    let sent = sentences.iter().find(|s| s.contains(&cue))?;
    for j in sent.clone() {
        let w = toks[j].lower();
        let at = match w.as_str() {
            // "as quoted by Reuters", "was quoted as saying by the Northern Ledger".
            "by" if j > 0
                && (toks[j - 1].lower() == "quoted"
                    || toks[j - 1].lower() == "saying" && j >= 3 && toks[j - 3].lower() == "quoted") =>
            {
                j + 1
            }
            "told" | "tells" | "with" | "to" if j + 1 < sent.end => j + 1,
            _ => continue,
        };
        let a = if toks.get(at).is_some_and(|t| t.t == "The" || t.t == "the") { at + 1 } else { at };
        // "Varnia Today": an outlet's head word may be one that opens sentences too.
        let name_end = name_run(toks, a).map(|e| {
            let head = toks.get(e).filter(|t| t.is_capital_word() && lexicon::is_outlet_head(&t.lower()));
            if head.is_some() {
                e + 1
            } else {
                e
            }
        });
        if let Some(e) = name_end {
            let name: Vec<&str> = toks[a..e].iter().map(|t| t.t).collect();
            let name = name.join(" ");
            if lexicon::is_outlet(&name) {
                let the = a > at && !matches!(name.as_str(), "CNN" | "Reuters" | "NPR" | "AP");
                return Some(if the { format!("The {name}") } else { name });
            }
        }
    }
    None
}

/// `s..e` without surrounding whitespace and punctuation that is not part of the words.
fn trim(text: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    let strip = |c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '—' | '–');
    while s < e {
        let c = text[s..e].chars().next().expect("non-empty range");
        if !strip(c) {
            break;
        }
        s += c.len_utf8();
    }
    while s < e {
        let c = text[s..e].chars().next_back().expect("non-empty range");
        if !strip(c) {
            break;
        }
        e -= c.len_utf8();
    }
    (s, e)
}
