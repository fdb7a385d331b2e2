//! Feeds: RSS 0.9x/1.0/2.0, Atom and JSON Feed (feed-rs), one document per item.
//!
//! An item's full content is taken when the feed carries it; otherwise its summary, with a
//! warning that says so (a summary is the outlet's teaser, not the article). HTML in either is
//! left as markup for the extractor ([`BodyFormat::HtmlFragment`]).

use parallax_core::{ArticleId, BodyFormat, Published, RawDoc, RawMeta};

use crate::{Error, ReadOutcome};

/// Warning carried by an item whose body is only the feed's summary.
pub const SUMMARY_ONLY: &str = "feed item without full content: the text is the feed's summary";

pub(crate) fn parse_feed(shown: &str, identity: &str, bytes: &[u8]) -> Result<ReadOutcome, Error> {
    let feed = feed_rs::parser::parse(bytes)
        .map_err(|e| Error::Invalid { path: shown.to_string(), reason: format!("not a readable feed: {e}") })?;
    let outlet = feed.title.as_ref().map(|t| t.content.trim().to_string()).filter(|t| !t.is_empty());
    let mut outcome = ReadOutcome::default();
    for (index, entry) in feed.entries.into_iter().enumerate() {
        let number = index + 1;
        let source = format!("{shown}#{number}");
        let full = entry.content.as_ref().and_then(|c| {
            let body = c.body.as_deref()?.trim();
            (!body.is_empty()).then(|| (body.to_string(), c.content_type.to_string()))
        });
        let mut warnings = Vec::new();
        let (body, media_type) = match full {
            Some(found) => found,
            None => match entry.summary.as_ref().filter(|s| !s.content.trim().is_empty()) {
                Some(s) => {
                    warnings.push(SUMMARY_ONLY.to_string());
                    (s.content.trim().to_string(), s.content_type.to_string())
                }
                None => {
                    outcome
                        .skipped
                        .push(crate::Skipped { source, reason: "feed item with neither content nor summary".into() });
                    continue;
                }
            },
        };
        // Feeds often send HTML as `text/plain` (RSS has no type): markup decides.
        let html = media_type.contains("html") || looks_like_markup(&body);
        let link = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .map(|l| l.href.trim().to_string())
            .filter(|h| !h.is_empty());
        let meta = RawMeta {
            url: link,
            outlet: outlet.clone(),
            authors: entry.authors.iter().filter_map(|p| p.name.as_deref()).map(|n| n.trim().to_string()).collect(),
            published: entry.published.or(entry.updated).and_then(|d| d.to_rfc3339().parse::<Published>().ok()),
            language: entry.language.clone().or_else(|| feed.language.clone()),
            ..RawMeta::default()
        };
        let title = entry.title.as_ref().map(|t| t.content.split_whitespace().collect::<Vec<_>>().join(" "));
        let id_bytes = format!("{}\n{}", entry.id, body);
        outcome.docs.push(RawDoc {
            id: ArticleId::derive(&format!("{identity}#{number}"), id_bytes.as_bytes()),
            source,
            meta,
            title: title.filter(|t| !t.is_empty()),
            body,
            format: if html { BodyFormat::HtmlFragment } else { BodyFormat::Text },
            warnings,
        });
    }
    Ok(outcome)
}

fn looks_like_markup(body: &str) -> bool {
    ["<p>", "<p ", "<br", "<div", "</a>", "&lt;", "&amp;", "&#"].iter().any(|t| body.contains(t))
}

/// Whether bytes with no telling file name are a feed.
pub(crate) fn looks_like_feed(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(crate::FORMAT_SNIFF_BYTES)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head).trim_ascii_start();
    if head.starts_with(b"{") {
        return memchr::memmem::find(head, b"jsonfeed.org/version").is_some();
    }
    let lower = head.to_ascii_lowercase();
    let xml = lower.starts_with(b"<?xml")
        || lower.starts_with(b"<rss")
        || lower.starts_with(b"<feed")
        || lower.starts_with(b"<rdf");
    xml && [&b"<rss"[..], b"<feed", b"<rdf:rdf"].iter().any(|t| memchr::memmem::find(&lower, t).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Kessel Courier</title><link>https://kessel-courier.example/</link>
<item><title>Fire at the Orlen works</title><link>https://kessel-courier.example/fire</link>
<pubDate>Wed, 04 Mar 2026 10:00:00 +0100</pubDate>
<description>Short teaser.</description>
<content:encoded><![CDATA[<p>Fire crews worked through the night.</p><p>Two districts were evacuated.</p>]]></content:encoded>
</item>
<item><title>Port strike talks resume</title><link>https://kessel-courier.example/port</link>
<description>Talks between the port authority and the union resume on Monday.</description></item>
<item><title>Empty</title></item>
</channel></rss>"#;

    #[test]
    fn rss_items_full_content_or_summary() {
        let out = parse_feed("f.rss", "/f.rss", RSS.as_bytes()).unwrap();
        let [a, b] = &out.docs[..] else { panic!("two items expected, got {:?}", out.docs) };
        assert_eq!(a.format, BodyFormat::HtmlFragment);
        assert!(a.body.contains("Fire crews") && !a.body.contains("teaser"));
        assert_eq!(a.title.as_deref(), Some("Fire at the Orlen works"));
        assert_eq!(a.meta.url.as_deref(), Some("https://kessel-courier.example/fire"));
        assert_eq!(a.meta.published.unwrap().to_string(), "2026-03-04T09:00:00Z");
        assert_eq!(a.meta.outlet.as_deref(), Some("Kessel Courier"));
        assert!(a.warnings.is_empty());
        assert_eq!(b.body, "Talks between the port authority and the union resume on Monday.");
        assert_eq!(b.warnings, [SUMMARY_ONLY]);
        assert_eq!((a.source.as_str(), b.source.as_str()), ("f.rss#1", "f.rss#2"));
        assert_eq!(out.skipped.len(), 1);
    }

    #[test]
    fn atom_and_json_feed() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Ostland Post</title><id>urn:x</id><updated>2026-03-04T10:00:00Z</updated>
<entry><title>Grain trains back up</title><id>urn:x:1</id><link href="https://ostland.example/grain"/>
<published>2026-03-04T08:00:00Z</published><updated>2026-03-04T09:00:00Z</updated>
<author><name>Jane Roe</name></author>
<content type="html">&lt;p&gt;Trains were backing up on sidings near the border.&lt;/p&gt;</content></entry></feed>"#;
        let out = parse_feed("a.atom", "/a.atom", atom.as_bytes()).unwrap();
        assert_eq!(out.docs.len(), 1);
        let d = &out.docs[0];
        assert_eq!(d.meta.authors, ["Jane Roe"]);
        assert_eq!(d.meta.published.unwrap().to_string(), "2026-03-04T08:00:00Z");
        assert!(d.body.contains("<p>Trains were backing up"), "{}", d.body);
        assert_eq!(d.format, BodyFormat::HtmlFragment);

        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"Brenna Daily","items":[
            {"id":"1","url":"https://brenna.example/a","title":"Budget passes","content_text":"The budget passed by one vote.","date_published":"2026-03-05T07:30:00+01:00"}]}"#;
        assert!(looks_like_feed(json.as_bytes()));
        let out = parse_feed("j.json", "/j.json", json.as_bytes()).unwrap();
        assert_eq!(out.docs[0].body, "The budget passed by one vote.");
        assert_eq!(out.docs[0].format, BodyFormat::Text);
    }

    #[test]
    fn not_a_feed_is_an_error() {
        assert!(parse_feed("x.xml", "/x.xml", b"<html><body>no</body></html>").is_err());
        assert!(looks_like_feed(RSS.as_bytes()));
        assert!(!looks_like_feed(b"<!DOCTYPE html><html>"));
    }
}
