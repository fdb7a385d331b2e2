//! Which outlet published an article: from the URL's host, the metadata line's source token, or
//! an agency credit, in that order of trust. Also tells a section name from an outlet name.

use parallax_core::lexicon;

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
    if lexicon::SECTIONS.contains(&spaced) && token.chars().all(|c| !c.is_uppercase()) {
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
    // The host, then each parent domain: "news.bbc.co.uk" is BBC's. A lexicon rather than a
    // guess: "nytimes.com" cannot be turned into "The New York Times" by rule.
    let known = std::iter::successors(Some(host.as_str()), |d| d.split_once('.').map(|(_, parent)| parent))
        .find_map(|d| lexicon::OUTLET_HOSTS.get(d));
    Some(known.map_or(host.clone(), |k| k.value().to_string()))
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
