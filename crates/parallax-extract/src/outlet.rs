//! Which outlet published an article: from the URL's host, the metadata line's source token, or
//! an agency credit, in that order of trust. Also tells a section name from an outlet name.

use crate::boilerplate::SECTION_WORDS;

/// Hosts whose outlet name differs from what the host says. A lexicon rather than a guess:
/// "nytimes.com" cannot be turned into "The New York Times" by rule.
const KNOWN_HOSTS: &[(&str, &str)] = &[
    ("reuters.com", "Reuters"),
    ("apnews.com", "Associated Press"),
    ("ap.org", "Associated Press"),
    ("bbc.co.uk", "BBC"),
    ("bbc.com", "BBC"),
    ("nytimes.com", "The New York Times"),
    ("washingtonpost.com", "The Washington Post"),
    ("theguardian.com", "The Guardian"),
    ("guardian.co.uk", "The Guardian"),
    ("cnn.com", "CNN"),
    ("foxnews.com", "Fox News"),
    ("wsj.com", "The Wall Street Journal"),
    ("bloomberg.com", "Bloomberg"),
    ("aljazeera.com", "Al Jazeera"),
    ("npr.org", "NPR"),
    ("usatoday.com", "USA Today"),
    ("huffpost.com", "HuffPost"),
    ("huffingtonpost.com", "HuffPost"),
    ("breitbart.com", "Breitbart"),
    ("politico.com", "Politico"),
    ("ft.com", "Financial Times"),
    ("economist.com", "The Economist"),
    ("nbcnews.com", "NBC News"),
    ("cbsnews.com", "CBS News"),
    ("abcnews.go.com", "ABC News"),
    ("dw.com", "Deutsche Welle"),
    ("france24.com", "France 24"),
    ("afp.com", "AFP"),
    ("rt.com", "RT"),
    ("tass.com", "TASS"),
    ("ndtv.com", "NDTV"),
    ("indiatimes.com", "The Times of India"),
    ("hindustantimes.com", "Hindustan Times"),
    ("thehindu.com", "The Hindu"),
    ("scmp.com", "South China Morning Post"),
    ("xinhuanet.com", "Xinhua"),
    ("latimes.com", "Los Angeles Times"),
    ("independent.co.uk", "The Independent"),
    ("telegraph.co.uk", "The Telegraph"),
    ("dailymail.co.uk", "Daily Mail"),
    ("sky.com", "Sky News"),
    ("euronews.com", "Euronews"),
    ("axios.com", "Axios"),
    ("thehill.com", "The Hill"),
    ("newsweek.com", "Newsweek"),
    ("time.com", "Time"),
    ("cnbc.com", "CNBC"),
    ("abc.net.au", "ABC News"),
    ("theatlantic.com", "The Atlantic"),
    ("vox.com", "Vox"),
    ("westernjournal.com", "Western Journal"),
];

/// What a metadata line's `<source>` token is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SourceToken {
    Url(String),
    Section(String),
    Outlet(String),
    Unknown,
}

pub(crate) fn classify_source(token: &str) -> SourceToken {
    let token = token.trim();
    let lower = token.to_lowercase();
    if token.is_empty() || lower == "unknown" || lower == "none" || lower == "n/a" {
        return SourceToken::Unknown;
    }
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return SourceToken::Url(token.to_string());
    }
    if looks_like_host(&lower) {
        return SourceToken::Url(format!("https://{token}"));
    }
    let spaced = lower.replace(['-', '_'], " ");
    if SECTION_WORDS.contains(&spaced.as_str()) && token.chars().all(|c| !c.is_uppercase()) {
        return SourceToken::Section(spaced);
    }
    SourceToken::Outlet(token.to_string())
}

/// "www.kessel-courier.example", "northernledger.example/world": no spaces, a dot, a TLD.
fn looks_like_host(lower: &str) -> bool {
    let host = lower.split('/').next().unwrap_or("");
    !lower.contains(' ')
        && host.contains('.')
        && host.rsplit('.').next().is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
        && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
}

/// The host of a URL, without `www.`-style prefixes; `None` when it has none.
pub(crate) fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?.to_lowercase();
    let host = ["www.", "m.", "amp.", "mobile.", "edition."]
        .iter()
        .fold(host.as_str(), |h, p| h.strip_prefix(p).unwrap_or(h))
        .to_string();
    (host.contains('.')).then_some(host)
}

/// The outlet a URL belongs to: a known name, else the host itself.
pub(crate) fn outlet_from_url(url: &str) -> Option<String> {
    let host = host(url)?;
    let known = KNOWN_HOSTS
        .iter()
        .find(|(h, _)| host == *h || (host.ends_with(h) && host[..host.len() - h.len()].ends_with('.')));
    Some(known.map_or(host, |(_, name)| (*name).to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_tokens() {
        assert_eq!(classify_source("world"), SourceToken::Section("world".into()));
        assert_eq!(classify_source("us-news"), SourceToken::Section("us news".into()));
        assert_eq!(classify_source("unknown"), SourceToken::Unknown);
        assert_eq!(classify_source("New York Times"), SourceToken::Outlet("New York Times".into()));
        assert_eq!(classify_source("usa-today"), SourceToken::Outlet("usa-today".into()));
        assert_eq!(classify_source("https://x.example/a"), SourceToken::Url("https://x.example/a".into()));
        assert_eq!(
            classify_source("www.kessel-courier.example"),
            SourceToken::Url("https://www.kessel-courier.example".into())
        );
    }

    #[test]
    fn outlets_from_urls() {
        assert_eq!(outlet_from_url("https://www.reuters.com/world/x").as_deref(), Some("Reuters"));
        assert_eq!(outlet_from_url("https://news.bbc.co.uk/x").as_deref(), Some("BBC"));
        assert_eq!(outlet_from_url("https://www.northernledger.example/a").as_deref(), Some("northernledger.example"));
        assert_eq!(outlet_from_url("not a url"), None);
    }
}
