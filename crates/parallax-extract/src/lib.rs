//! The cleaner: [`RawDoc`] in, [`Article`] out, with the junk of real scraping gone and the
//! metadata that was mixed into the text moved into fields.
//!
//! The body is cut into paragraphs (glued sentences split), then judged in three zones:
//! the run of non-body paragraphs at the top (error pages, crumbs, repeated headline, byline,
//! timestamp), the middle (only unmistakable junk such as "ALSO READ:" lines, photo credits,
//! share widgets), and the run at the bottom (disclaimers, related links, comments). Repeats are
//! removed last, sentence by sentence. Messy input is never an error: the article comes back
//! with warnings. "KEY POINTS" style summaries stay in the body, where the article put them.
#![warn(clippy::disallowed_methods, reason = "pure stage")]
#![forbid(unsafe_code)]

mod boilerplate;
mod byline;
mod dateline;
mod html;
mod outlet;
mod paragraphs;
mod repeats;
mod timestamp;

use boilerplate::{Junk, Strength};
use parallax_core::{lexicon, text, Article, BodyFormat, Published, RawDoc};

/// Knobs of the cleaner.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ExtractConfig {
    /// Guess the language of the body (whatlang); off saves a little time.
    pub detect_language: bool,
    /// whatlang's confidence below which the language is left unknown: lower guesses more
    /// often, and more often wrongly on short or mixed-language text.
    pub language_min_confidence: f64,
}

impl Default for ExtractConfig {
    fn default() -> ExtractConfig {
        ExtractConfig { detect_language: true, language_min_confidence: 0.2 }
    }
}

/// Chars of the body the language is guessed from: enough for whatlang's trigrams, and the
/// guess costs more than all the cleaning when it reads a whole long article.
const LANGUAGE_SAMPLE_CHARS: usize = 1000;
/// Words below which no language is guessed: a caption or a stub says too little.
const LANGUAGE_MIN_WORDS: usize = 3;
/// Chars read for the English shortcut: a paragraph or two tells English at a glance.
const ENGLISH_SAMPLE_CHARS: usize = 500;
/// Words the English shortcut needs before it judges.
const ENGLISH_MIN_WORDS: usize = 20;
/// One English function word in this many words makes a text English without whatlang (a
/// fifth): English running text has 30-40% of them, other Latin-script languages under 10%.
const ENGLISH_ONE_IN: usize = 5;
/// Paragraphs from the top within which a name alone on its line is taken for a byline: further
/// down it is more likely a heading or a caption.
const NAME_LINE_REACH: usize = 4;
/// Longest line split into meta parts ("By Jane Roe | 08:41 GMT 03.11.2026"): longer is prose.
const MAX_META_LINE: usize = 240;
/// Fewest and most words of a line taken for a headline when the title was junk.
const HEADLINE_WORDS: (usize, usize) = (3, 25);

/// A cleaned article and what the cleaner noticed on the way.
#[derive(Debug, Clone)]
pub struct Extracted {
    pub article: Article,
    pub warnings: Vec<String>,
    /// Why the input is not an article at all (an index or error page), when it is not; the
    /// article then holds whatever text the page had, for inspection, and is not to be stored.
    pub not_article: Option<String>,
}

/// Cleans one document: text as it is, HTML after its article was found (`parallax-html`).
pub fn extract(doc: &RawDoc, config: &ExtractConfig) -> Extracted {
    match doc.format {
        BodyFormat::Text => clean(doc, Body::Text(&doc.body), config),
        BodyFormat::Html => html::page(doc, config),
        BodyFormat::HtmlFragment => html::fragment(doc, config),
    }
}

/// Builds the cleaner's pattern tables now rather than on first use (tens of milliseconds of
/// regex compilation). A caller with a batch and idle cores runs it on a thread of its own,
/// so the workers do not all wait for the first of them to build the tables.
pub fn warm_up() {
    let body = "By Jane Roe\n\nUpdated 08:41 GMT 04.03.2026\n\nKESSEL (MPA) - Fire crews worked on, officials said.\n\nShare this article";
    let doc = RawDoc {
        id: parallax_core::ArticleId::derive("warm-up", body.as_bytes()),
        source: String::new(),
        meta: parallax_core::RawMeta::default(),
        title: Some("Fire at the works".into()),
        body: body.into(),
        format: BodyFormat::Text,
        warnings: Vec::new(),
    };
    clean(&doc, Body::Text(&doc.body), &ExtractConfig::default());
}

/// The text being cleaned, as it came.
#[derive(Debug, Clone, Copy)]
enum Body<'a> {
    /// A text file: paragraphs as the scraper left them, copies and all.
    Text(&'a str),
    /// The blocks of an HTML page, handed over as they are (never joined into one text to be
    /// split again). Each paragraph is one element of the page, so a short line that comes
    /// back (a table cell, "Eat every 2-3 hours" in each meal of a plan) is the page's content,
    /// not a scraping accident; only whole paragraphs of some length are repeats.
    Html(&'a [String]),
}

/// The cleaner proper; `doc` gives the metadata and `body` the text.
fn clean(doc: &RawDoc, body: Body<'_>, config: &ExtractConfig) -> Extracted {
    let mut found = Found::default();
    let mut warnings = doc.warnings.clone();
    let meta_year = doc.meta.published.map(|p| p.date().year());

    let mut title = doc.title.as_deref().map(clean_title_spaces);
    let title_was_junk = title.as_deref().is_some_and(is_junk_title);
    if title_was_junk {
        warnings.push(format!("title line {:?} is page junk; dropped", title.as_deref().unwrap_or("")));
        title = None;
    }

    let paras = match body {
        Body::Text(text) => paragraphs::paragraphs(text),
        Body::Html(blocks) => paragraphs::of_blocks(blocks),
    };
    // Each paragraph is classified once: the zones below consult the result many times.
    let junk: Vec<Option<(Junk, Strength)>> = paras.iter().map(|p| boilerplate::classify(p)).collect();
    // Built only when a name line needs checking: most articles never ask.
    let body_words = std::cell::OnceCell::new();
    let is_body_word = |w: &str| {
        body_words
            .get_or_init(|| match body {
                Body::Text(text) => lowercase_words(text),
                Body::Html(blocks) => blocks.iter().flat_map(|b| lowercase_words(b)).collect(),
            })
            .contains(w)
    };
    let mut keep: Vec<Option<String>> = paras.into_iter().map(Some).collect();

    // Top zone: everything before the first paragraph of the article itself.
    let title_key = title.as_deref().map(text::key).filter(|k| !k.is_empty());
    let mut top_end = 0;
    while top_end < keep.len() {
        let para = keep[top_end].clone().unwrap_or_default();
        let (stripped, class) = match boilerplate::strip_label_prefix(&para) {
            Some(rest) => (rest, boilerplate::classify(rest)),
            None => (para.as_str(), junk[top_end]),
        };
        if stripped.len() != para.len() {
            keep[top_end] = Some(stripped.to_string());
        }
        let repeated = title_key.as_deref().is_some_and(|tk| repeats_title(stripped, tk, &is_body_word, &mut found));
        if repeated || drop_as_meta_or_junk(stripped, class, true, meta_year, &mut found) {
            keep[top_end] = None;
        } else if let Some(d) = dateline::parse_alone(stripped) {
            found.place = Some(d.place);
            found.agency = found.agency.or(d.agency);
            keep[top_end] = None;
        } else if title_was_junk && title.is_none() && is_headline_like(stripped) {
            title = Some(stripped.to_string());
            keep[top_end] = None;
        } else if let Some(b) =
            byline::parse_name_line(stripped, &is_body_word).filter(|_| top_end < NAME_LINE_REACH && title.is_some())
        {
            found.add_byline(b);
            keep[top_end] = None;
        } else {
            break;
        }
        top_end += 1;
    }

    // Bottom zone: comments and related-link blocks run to the end; junk before them too.
    let is = |k: usize, kind: Junk| junk[k].is_some_and(|(j, _)| j == kind);
    let mut bottom_start = keep.len();
    if let Some(k) = (top_end + 1..keep.len()).find(|&k| is(k, Junk::CommentsHeader)) {
        bottom_start = k;
    }
    if let Some(k) = (top_end + 1..bottom_start).find(|&k| {
        is(k, Junk::RelatedHeader)
            && (k + 1..bottom_start).all(|m| junk[m].is_some() || keep[m].as_deref().is_none_or(is_headline_like))
    }) {
        bottom_start = k;
    }
    for para in &mut keep[bottom_start..] {
        *para = None;
    }
    while bottom_start > top_end {
        let k = bottom_start - 1;
        let drop = match keep[k].as_deref() {
            None => true,
            Some(para) => drop_as_meta_or_junk(para, junk[k], true, meta_year, &mut found),
        };
        if !drop {
            break;
        }
        keep[k] = None;
        bottom_start -= 1;
    }

    // Middle: only what is junk wherever it stands.
    for k in top_end..bottom_start {
        if keep[k].as_deref().is_some_and(|p| drop_as_meta_or_junk(p, junk[k], false, meta_year, &mut found)) {
            keep[k] = None;
        }
    }

    let mut kept: Vec<String> = keep.into_iter().flatten().collect();
    // The dateline opens the first paragraph of the article.
    if let Some(first) = kept.first_mut() {
        let stripped = boilerplate::strip_label_prefix(first).map(str::to_string);
        if let Some(s) = stripped {
            *first = s;
        }
        if let Some(d) = dateline::parse(first) {
            found.place = Some(d.place);
            found.agency = found.agency.or(d.agency);
            *first = first[d.len..].to_string();
        }
    }
    let kept = match body {
        Body::Text(_) => repeats::remove_repeats(kept, title.as_deref()),
        Body::Html(_) => repeats::remove_repeated_paragraphs(kept),
    };
    let text = kept.join("\n\n");

    let article = assemble(doc, title, text, found, config, &mut warnings);
    Extracted { article, warnings, not_article: None }
}

/// What the cleaner found in the text that belongs in fields.
#[derive(Default)]
struct Found {
    authors: Vec<String>,
    credit: Option<String>,
    agency: Option<String>,
    place: Option<String>,
    timestamps: Vec<timestamp::Timestamp>,
}

impl Found {
    fn add_byline(&mut self, b: byline::Byline) {
        for a in b.authors {
            if !self.authors.contains(&a) {
                self.authors.push(a);
            }
        }
        self.credit = self.credit.take().or(b.credit);
    }
}

/// Drops a paragraph that is a timestamp, a byline or junk (`class`: its classification);
/// `edge` allows the patterns that need the paragraph to stand outside the body.
fn drop_as_meta_or_junk(
    para: &str,
    class: Option<(Junk, Strength)>,
    edge: bool,
    meta_year: Option<i16>,
    found: &mut Found,
) -> bool {
    if let Some(ts) = timestamp::parse_with_year(para, meta_year) {
        found.timestamps.push(ts);
        return true;
    }
    if split_meta_parts(para, edge, meta_year, found) {
        return true;
    }
    if let Some(b) = byline::parse_byline(para) {
        found.add_byline(b);
        return true;
    }
    if let Some((junk, strength)) = class {
        if edge || strength == Strength::Anywhere {
            if junk == Junk::Label {
                // "Analysis by Jane Roe": a label that is also a byline.
                if let Some(rest) = para.split_once(" by ").map(|(_, r)| r) {
                    if let Some(b) = byline::parse_name_line(rest, &|_| false) {
                        found.add_byline(b);
                    }
                }
            }
            return true;
        }
    }
    false
}

/// "By Jane Roe | 08:41 GMT 03.11.2026" and "World | Nov 3, 2026": each part meta or junk.
fn split_meta_parts(para: &str, edge: bool, meta_year: Option<i16>, found: &mut Found) -> bool {
    if para.len() > MAX_META_LINE {
        return false;
    }
    let parts: Vec<&str> = para.split(['|', '•', '·']).map(str::trim).filter(|p| !p.is_empty()).collect();
    if parts.len() >= 2 && parts.iter().all(|p| is_meta_part(p, edge, meta_year)) {
        for p in parts {
            drop_as_meta_or_junk(p, boilerplate::classify(p), edge, meta_year, found);
            if let Some(b) = byline::parse_name_line(p, &|_| false).filter(|_| edge) {
                found.add_byline(b);
            }
        }
        return true;
    }
    false
}

fn is_meta_part(part: &str, edge: bool, meta_year: Option<i16>) -> bool {
    timestamp::parse_with_year(part, meta_year).is_some()
        || byline::parse_byline(part).is_some()
        || (edge && byline::parse_name_line(part, &|_| false).is_some())
        || boilerplate::classify(part).is_some_and(|(_, s)| edge || s == Strength::Anywhere)
}

/// The lowercase words of a body: what an author's name is not made of.
fn lowercase_words(body: &str) -> rustc_hash::FxHashSet<&str> {
    body.split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
        .filter(|w| w.starts_with(char::is_lowercase))
        .collect()
}

/// The headline again, alone or with the author's name after it.
fn repeats_title(para: &str, title_key: &str, body_words: &dyn Fn(&str) -> bool, found: &mut Found) -> bool {
    let key = text::key(para);
    if key == title_key {
        return true;
    }
    if key.starts_with(title_key) && para.len() > title_key.len() {
        // "Headline By Jane Roe": find where the title's words end in the paragraph.
        let words = title_key.split(' ').count();
        let rest = skip_words(para, words);
        if let Some(b) = byline::parse_byline(rest).or_else(|| byline::parse_name_line(rest, body_words)) {
            found.add_byline(b);
            return true;
        }
    }
    false
}

/// `para` after its first `n` words.
fn skip_words(para: &str, n: usize) -> &str {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in para.char_indices() {
        let w = c.is_alphanumeric() || c == '\'' || c == '’';
        if w && !in_word {
            if words == n {
                return para[i..].trim_start();
            }
            words += 1;
        }
        in_word = w;
    }
    ""
}

/// Short, no final full stop, capitalised: a headline rather than a sentence.
fn is_headline_like(para: &str) -> bool {
    let words = text::word_count(para);
    (HEADLINE_WORDS.0..=HEADLINE_WORDS.1).contains(&words)
        && !para.ends_with(['.', '!', '?', ':', ';', '"', '”'])
        && para.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
}

fn is_junk_title(title: &str) -> bool {
    boilerplate::classify(title)
        .is_some_and(|(j, _)| matches!(j, Junk::ErrorPage | Junk::Consent | Junk::Account | Junk::Navigation))
        || timestamp::parse(title).is_some()
}

fn clean_title_spaces(title: &str) -> String {
    title.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Adler calls Kovac | Northern Ledger" -> "Adler calls Kovac" when the suffix names the outlet.
fn strip_site_suffix(title: String, outlet: Option<&str>, host: Option<&str>) -> String {
    for sep in [" | ", " - ", " — ", " – ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail_key = text::key(tail).replace(' ', "");
            let names_outlet = outlet.is_some_and(|o| text::key(o).replace(' ', "") == tail_key)
                || host.is_some_and(|h| h.split('.').next().is_some_and(|label| label.replace('-', "") == tail_key));
            if names_outlet && text::word_count(head) >= 2 {
                return head.trim().to_string();
            }
        }
    }
    title
}

fn assemble(
    doc: &RawDoc,
    title: Option<String>,
    text: String,
    found: Found,
    config: &ExtractConfig,
    warnings: &mut Vec<String>,
) -> Article {
    use outlet::SourceToken;
    let mut url = doc.meta.url.clone();
    let mut outlet = doc.meta.outlet.clone();
    let mut section = None;
    match doc.meta.source_token.as_deref().map(outlet::classify_source) {
        Some(SourceToken::Url(u)) => url = url.or(Some(u)),
        Some(SourceToken::Section(s)) => section = Some(s),
        Some(SourceToken::Outlet(o)) => outlet = outlet.or(Some(o)),
        Some(SourceToken::Unknown) | None => {}
    }
    let outlet = outlet.or_else(|| url.as_deref().and_then(outlet::outlet_from_url)).or(found.credit).or(found.agency);
    let host = url.as_deref().and_then(outlet::host);
    let title = title.map(|t| strip_site_suffix(t, outlet.as_deref(), host.as_deref()));

    let authors = if doc.meta.authors.is_empty() { found.authors } else { doc.meta.authors.clone() };
    let published = choose_published(doc.meta.published, &found.timestamps, warnings);
    // A declared language (`<html lang="en-GB">`, a feed's) wins over a guess from the text.
    let declared = doc.meta.language.as_deref().and_then(|l| l.split(['-', '_']).next()).map(str::to_ascii_lowercase);
    let declared = declared.filter(|l| (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_lowercase()));
    let language = declared.or_else(|| {
        if config.detect_language {
            detect_language(&text, config.language_min_confidence)
        } else {
            None
        }
    });

    Article {
        id: doc.id.clone(),
        source: doc.source.clone(),
        url,
        outlet,
        section,
        title,
        authors,
        published,
        language,
        place: found.place,
        text,
        duplicate_of: None,
    }
}

/// The metadata's date wins; a timestamp in the text refines it to the minute when it names the
/// same day, and stands in for it when the metadata has none. First publication beats updates,
/// and the earliest stamp wins (a live blog stamps every entry, newest first).
fn choose_published(
    meta: Option<Published>,
    stamps: &[timestamp::Timestamp],
    warnings: &mut Vec<String>,
) -> Option<Published> {
    let mut dated: Vec<&timestamp::Timestamp> = stamps.iter().filter(|t| t.published.is_some()).collect();
    dated.sort_by_key(|t| (t.updated, t.published.map(|p| p.instant())));
    let best = dated.first().and_then(|t| t.published);
    match (meta, best) {
        (Some(m), Some(t)) if !m.has_time() && t.date() == m.date() && t.has_time() => Some(t),
        (Some(m), Some(t)) => {
            if t.date() != m.date() && !dated[0].updated {
                warnings.push(format!(
                    "timestamp in the text ({t}) disagrees with the metadata date ({m}); kept the metadata"
                ));
            }
            Some(m)
        }
        (Some(m), None) => Some(m),
        (None, t) => t,
    }
}

/// ISO 639-1 where one exists: what users and the JSON contract expect ("en").
///
/// English, most of what Parallax reads, is recognised by its function words before whatlang
/// runs: whatlang scores every trigram against every language's profile, which costs more than
/// all the cleaning, while a text of which a fifth of the words are "the", "of", "said"… is
/// English beyond doubt.
fn detect_language(text: &str, min_confidence: f64) -> Option<String> {
    let sample = match text.char_indices().nth(LANGUAGE_SAMPLE_CHARS) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    if text::word_count(sample) < LANGUAGE_MIN_WORDS {
        return None;
    }
    let short = match sample.char_indices().nth(ENGLISH_SAMPLE_CHARS) {
        Some((i, _)) => &sample[..i],
        None => sample,
    };
    if is_clearly_english(short) {
        return Some("en".to_string());
    }
    let info = whatlang::detect(sample)?;
    if info.confidence() < min_confidence {
        return None;
    }
    let code = info.lang().code();
    Some(iso_639_1(code).unwrap_or(code).to_string())
}

fn is_clearly_english(sample: &str) -> bool {
    let (mut words, mut hits) = (0usize, 0usize);
    // ASCII letters only: a word with other letters is not an English function word anyway.
    for word in sample.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty()) {
        words += 1;
        if lexicon::ENGLISH_FUNCTION_WORDS.contains_ignore_ascii_case(word) {
            hits += 1;
        }
    }
    words >= ENGLISH_MIN_WORDS && hits * ENGLISH_ONE_IN >= words
}

/// The ISO 639-1 code of an ISO 639-3 code, where one exists. Individual languages whose
/// ISO 639-1 code belongs to their macrolanguage (Mandarin, "cmn": "zh") come from the lexicon;
/// isolang knows only the macrolanguage's.
fn iso_639_1(code: &str) -> Option<&'static str> {
    if let Some(macrolanguage) = lexicon::MACROLANGUAGE_CODES.get(code) {
        return Some(macrolanguage.value());
    }
    isolang::Language::from_639_3(code)?.to_639_1()
}

#[cfg(test)]
mod tests;
