//! Metadata from every place a page states it, best source first: JSON-LD (`NewsArticle`,
//! `Article` and kin, also inside `@graph`), OpenGraph and Twitter `<meta property>`, plain
//! `<meta name>` (author, date, Dublin Core), `<link rel=canonical>`, `<html lang>`,
//! `<time datetime>`, `rel=author` / `itemprop=author` bylines, and `<title>` last.

use parallax_core::{lexicon, Published};
use serde_json::Value;

use html5ever::local_name;

use crate::dom::{Dom, NodeId};

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<Published>,
    pub url: Option<String>,
    pub language: Option<String>,
    /// The outlet's name (`og:site_name`, JSON-LD `publisher`).
    pub site_name: Option<String>,
    /// `og:type` or the JSON-LD `@type` of the page's main item, lowercase.
    pub page_type: Option<String>,
    /// JSON-LD `articleBody`: not shown to readers, used only as evidence for the visible text.
    pub article_body: Option<String>,
}

/// Authors taken from `rel=author` / `itemprop=author` elements: past a few, the page is
/// listing its staff, not crediting this article.
const MAX_AUTHORS: usize = 4;
/// Longest byline box text ("By Jane Roe and Omar Haddad | Nov 3"): longer is a bio.
const MAX_BYLINE_BOX: usize = 120;
/// Nesting of JSON-LD arrays and objects searched for items: real pages nest two or three deep.
const MAX_JSON_LD_DEPTH: usize = 6;
/// Most words of an author's (or desk's) name.
const MAX_NAME_WORDS: usize = 6;

#[derive(Default)]
struct Found {
    ld_title: Option<String>,
    og_title: Option<String>,
    twitter_title: Option<String>,
    doc_title: Option<String>,
    h1: Option<String>,
    ld_authors: Vec<String>,
    meta_authors: Vec<String>,
    byline_authors: Vec<String>,
    class_byline: Vec<String>,
    ld_date: Option<Published>,
    meta_dates: Vec<(usize, Published)>,
    time_date: Option<Published>,
    canonical: Option<String>,
    og_url: Option<String>,
    ld_url: Option<String>,
    lang: Option<String>,
    meta_lang: Option<String>,
    site_name: Option<String>,
    ld_publisher: Option<String>,
    og_type: Option<String>,
    ld_type: Option<String>,
    article_body: Option<String>,
}

pub(crate) fn read(dom: &Dom) -> Meta {
    let mut f = Found::default();
    for (id, e) in dom.elements() {
        match e.name.local {
            local_name!("html") => f.lang = f.lang.take().or_else(|| nonempty(e.attr("lang").or(e.attr("xml:lang")))),
            local_name!("title") if f.doc_title.is_none() => f.doc_title = nonempty(Some(&dom.text(id))),
            local_name!("h1") if f.h1.is_none() => f.h1 = nonempty(Some(&dom.text(id))),
            local_name!("meta") => meta_tag(e, &mut f),
            local_name!("link") => {
                let rel = e.attr("rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_ascii_whitespace().any(|r| r == "canonical") && f.canonical.is_none() {
                    f.canonical = nonempty(e.attr("href")).filter(|u| is_absolute(u));
                }
            }
            local_name!("script")
                if e.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                json_ld(&dom.text(id), &mut f);
            }
            local_name!("time") if f.time_date.is_none() => {
                f.time_date = e.attr("datetime").and_then(parse_date);
            }
            _ => {}
        }
        if f.byline_authors.len() < MAX_AUTHORS && is_author_element(dom, id) {
            let name = squash(&dom.text(id));
            if looks_like_name(&name) && !f.byline_authors.contains(&name) {
                f.byline_authors.push(name);
            }
        }
        // A byline box ("By Jane Roe and Omar Haddad"), taken when nothing better names them.
        if f.class_byline.is_empty() && e.attr("class").is_some_and(|c| c.to_ascii_lowercase().contains("byline")) {
            let text = squash(&dom.text(id));
            if text.len() <= MAX_BYLINE_BOX
                && (text.starts_with("By ") || text.starts_with("by ") || text.starts_with("BY "))
            {
                let names = text.split(" | ").next().unwrap_or("");
                f.class_byline = split_names(names);
            }
        }
    }
    f.meta_dates.sort_by_key(|(rank, _)| *rank);
    let title = f.ld_title.or(f.og_title).or(f.twitter_title).or_else(|| match (f.h1, f.doc_title.as_deref()) {
        // The page's own headline when the window title repeats it (with the outlet's name).
        (Some(h1), Some(t)) if t.contains(h1.as_str()) => Some(h1),
        (_, t) => t.map(str::to_string),
    });
    let authors = [f.ld_authors, f.meta_authors, f.byline_authors, f.class_byline]
        .into_iter()
        .find(|a| !a.is_empty())
        .unwrap_or_default();
    Meta {
        title: title.map(|t| squash(&t)),
        authors,
        published: f.ld_date.or(f.meta_dates.first().map(|d| d.1)).or(f.time_date),
        url: f.canonical.or(f.og_url).or(f.ld_url),
        language: f.lang.or(f.meta_lang).map(|l| l.replace('_', "-")),
        site_name: f.site_name.or(f.ld_publisher),
        page_type: f.ld_type.or(f.og_type),
        article_body: f.article_body,
    }
}

fn meta_tag(e: &crate::dom::Element, f: &mut Found) {
    let Some(content) = e.attr("content").map(str::trim).filter(|c| !c.is_empty()) else { return };
    let key = e.attr("property").or(e.attr("name")).or(e.attr("itemprop")).or(e.attr("http-equiv"));
    let Some(key) = key else { return };
    let key = key.trim().to_ascii_lowercase();
    let set = |slot: &mut Option<String>| {
        if slot.is_none() {
            *slot = Some(squash(content));
        }
    };
    match key.as_str() {
        "og:title" => set(&mut f.og_title),
        "twitter:title" => set(&mut f.twitter_title),
        "og:url" if is_absolute(content) => set(&mut f.og_url),
        "og:site_name" => set(&mut f.site_name),
        "og:type" => f.og_type = f.og_type.take().or(Some(content.to_ascii_lowercase())),
        "og:locale" | "content-language" | "language" | "dc.language" => set(&mut f.meta_lang),
        "author" | "article:author" | "byl" | "dc.creator" | "sailthru.author" | "parsely-author" => {
            if !is_absolute(content) {
                for name in split_names(content) {
                    if !f.meta_authors.contains(&name) {
                        f.meta_authors.push(name);
                    }
                }
            }
        }
        _ => {
            // Meta names that carry a publication date, in order of trust.
            if let Some(rank) = lexicon::DATE_META_NAMES.position(&key) {
                if let Some(p) = parse_date(content) {
                    f.meta_dates.push((rank, p));
                }
            }
        }
    }
}

fn json_ld(text: &str, f: &mut Found) {
    let text = text.trim();
    let text = text.strip_prefix("<!--").unwrap_or(text);
    let text = text.strip_suffix("-->").unwrap_or(text).trim();
    let text = text.strip_prefix("//<![CDATA[").unwrap_or(text);
    let text = text.strip_suffix("//]]>").unwrap_or(text);
    let Ok(value) = serde_json::from_str::<Value>(text) else { return };
    let mut items = Vec::new();
    collect_items(&value, &mut items, 0);
    for item in items {
        let types = type_names(item);
        // JSON-LD types whose item describes the article itself.
        let is_article = types.iter().any(|t| lexicon::ARTICLE_TYPES.contains(t));
        if !is_article {
            continue;
        }
        if f.ld_type.is_none() {
            f.ld_type = types.first().cloned();
        }
        if f.ld_title.is_none() {
            f.ld_title = str_field(item, "headline").or_else(|| str_field(item, "name"));
        }
        if f.ld_authors.is_empty() {
            if let Some(a) = item.get("author").or(item.get("creator")) {
                f.ld_authors = person_names(a);
            }
        }
        if f.ld_date.is_none() {
            f.ld_date =
                str_field(item, "datePublished").or(str_field(item, "dateCreated")).and_then(|d| parse_date(&d));
        }
        if f.ld_url.is_none() {
            f.ld_url = str_field(item, "url").filter(|u| is_absolute(u)).or_else(|| {
                let page = item.get("mainEntityOfPage")?;
                page.as_str().map(str::to_string).or_else(|| str_field(page, "@id")).filter(|u| is_absolute(u))
            });
        }
        if f.ld_publisher.is_none() {
            f.ld_publisher = item.get("publisher").and_then(|p| str_field(p, "name"));
        }
        if f.article_body.is_none() {
            f.article_body = item.get("articleBody").and_then(Value::as_str).map(str::to_string);
        }
    }
}

/// Objects of a JSON-LD document: top level, arrays, `@graph`, `mainEntity`.
fn collect_items<'a>(value: &'a Value, out: &mut Vec<&'a Value>, depth: usize) {
    if depth > MAX_JSON_LD_DEPTH {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|v| collect_items(v, out, depth + 1)),
        Value::Object(map) => {
            out.push(value);
            for key in ["@graph", "mainEntity"] {
                if let Some(v) = map.get(key) {
                    collect_items(v, out, depth + 1);
                }
            }
        }
        _ => {}
    }
}

fn type_names(item: &Value) -> Vec<String> {
    let name = |v: &Value| v.as_str().map(|s| s.rsplit('/').next().unwrap_or(s).to_ascii_lowercase());
    match item.get("@type") {
        Some(Value::Array(a)) => a.iter().filter_map(name).collect(),
        Some(v) => name(v).into_iter().collect(),
        None => Vec::new(),
    }
}

fn str_field(item: &Value, key: &str) -> Option<String> {
    match item.get(key)? {
        Value::String(s) => nonempty(Some(s)),
        Value::Array(a) => a.iter().find_map(|v| v.as_str()).and_then(|s| nonempty(Some(s))),
        _ => None,
    }
}

fn person_names(v: &Value) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let items: Vec<&Value> = match v {
        Value::Array(a) => a.iter().collect(),
        other => vec![other],
    };
    for item in items {
        let names = match item {
            Value::String(s) => split_names(s),
            Value::Object(_) => str_field(item, "name").map(|s| split_names(&s)).unwrap_or_default(),
            _ => Vec::new(),
        };
        for n in names {
            if !out.contains(&n) {
                out.push(n);
            }
        }
    }
    out
}

/// "By Jane Roe and Omar Haddad" / "Jane Roe, Omar Haddad" -> the names.
fn split_names(s: &str) -> Vec<String> {
    let s = squash(s);
    let s = s.strip_prefix("By ").or_else(|| s.strip_prefix("by ")).or_else(|| s.strip_prefix("BY ")).unwrap_or(&s);
    s.split([',', ';', '&', '|'])
        .flat_map(|part| part.split(" and "))
        .map(|n| n.trim().to_string())
        .filter(|n| looks_like_name(n))
        .collect()
}

/// A person's or desk's name, not a sentence or a URL.
fn looks_like_name(s: &str) -> bool {
    let words = s.split_whitespace().count();
    (1..=MAX_NAME_WORDS).contains(&words)
        && !s.contains("://")
        && !s.contains('@')
        && s.chars().next().is_some_and(char::is_alphabetic)
}

fn is_author_element(dom: &Dom, id: NodeId) -> bool {
    let Some(e) = dom.element(id) else { return false };
    e.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("author"))
        || (e.attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("author"))
            && !e.is(&local_name!("meta"))
            && !e.is(&local_name!("link")))
}

/// ISO 8601 (what `datetime` and OpenGraph hold), then RFC 2822.
pub(crate) fn parse_date(raw: &str) -> Option<Published> {
    let raw = raw.trim();
    if let Ok(p) = raw.parse::<Published>() {
        return Some(p);
    }
    // `2019-03-12T10:00:00.000+0000` and `2019-03-12 10:00:00 +0000`: spaces before the offset.
    if raw.len() > 10 && raw.is_char_boundary(10) {
        if let Ok(p) = raw.replace(" +", "+").replace(" -", "-").parse::<Published>() {
            return Some(p);
        }
        if let Ok(d) = raw[..10].parse::<jiff::civil::Date>() {
            return Some(Published::Date(d));
        }
    }
    jiff::fmt::rfc2822::parse(raw).ok().map(|z| Published::Zoned(z.datetime(), z.offset()))
}

fn is_absolute(url: &str) -> bool {
    url.starts_with("http://") || url.starts_with("https://")
}

fn nonempty(s: Option<&str>) -> Option<String> {
    s.map(squash).filter(|s| !s.is_empty())
}

/// Whitespace runs to one space, trimmed.
pub(crate) fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}
