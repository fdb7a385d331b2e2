//! HTML inputs: the page's article and metadata come from `parallax-html`, then its paragraphs
//! go straight to the same cleaner as any text file's (junk lines, bylines, timestamps,
//! datelines, repeats), with the page's metadata in the place a text file's metadata line would
//! be.
//! The page's own statements win over what its container says (a WARC record's URI and date,
//! a feed item's fields) and stand in only where the page is silent.

use parallax_core::{RawDoc, RawMeta};
use parallax_html::PageKind;

use crate::{clean, Body, ExtractConfig, Extracted};

/// A whole page: find the article, then clean it.
pub(crate) fn page(doc: &RawDoc, config: &ExtractConfig) -> Extracted {
    let page = parallax_html::extract_page(&doc.body);
    let m = page.meta;
    let meta = RawMeta {
        source_token: doc.meta.source_token.clone(),
        url: m.url.or_else(|| doc.meta.url.clone()),
        outlet: m.site_name.or_else(|| doc.meta.outlet.clone()),
        authors: if m.authors.is_empty() { doc.meta.authors.clone() } else { m.authors },
        published: m.published.or(doc.meta.published),
        language: m.language.or_else(|| doc.meta.language.clone()),
    };
    // The page's metadata in the document's place; the body is read from the paragraphs.
    let with_meta = RawDoc {
        id: doc.id.clone(),
        source: doc.source.clone(),
        meta,
        title: m.title.or_else(|| doc.title.clone()),
        body: String::new(),
        format: doc.format,
        warnings: doc.warnings.clone(),
    };
    let mut out = clean(&with_meta, Body::Html(&page.paragraphs), config);
    out.not_article = match page.kind {
        PageKind::Article => None,
        PageKind::Index => Some("an index page: mostly links, too little prose for an article".into()),
        PageKind::Error => Some("an error page (\"not found\" or similar)".into()),
    };
    out
}

/// HTML that is all article (a feed item's content): markup to paragraphs, then clean.
pub(crate) fn fragment(doc: &RawDoc, config: &ExtractConfig) -> Extracted {
    clean(doc, Body::Html(&parallax_html::fragment_paragraphs(&doc.body)), config)
}

#[cfg(test)]
mod tests {
    use parallax_core::{ArticleId, BodyFormat, Published};

    use super::*;
    use crate::extract;

    const P1: &str = "Fire crews were still damping down the chemical works in Kessel on Wednesday, a day after a blaze forced the evacuation of two districts.";
    const P2: &str = "Residents are expected to return to their homes by Friday, officials said, once the air has been tested again.";

    fn doc(body: &str, format: BodyFormat, meta: RawMeta) -> RawDoc {
        RawDoc {
            id: ArticleId::derive("t", body.as_bytes()),
            source: "t.html".into(),
            meta,
            title: None,
            body: body.into(),
            format,
            warnings: Vec::new(),
        }
    }

    #[test]
    fn page_metadata_wins_and_the_container_fills_gaps() {
        let html = format!(
            r#"<html lang="de-AT"><head><title>Fire at Kessel works | Kessel Courier</title><meta property="og:site_name" content="Kessel Courier"></head>
<body><article><h1>Fire at Kessel works</h1><p class="byline">By Jane Roe</p><p>{P1}</p><p>{P1}</p><p>{P2}</p></article></body></html>"#
        );
        let meta = RawMeta {
            url: Some("https://kessel.example/fire".into()),
            published: "2026-03-05T07:00:00Z".parse::<Published>().ok(),
            ..RawMeta::default()
        };
        let out = extract(&doc(&html, BodyFormat::Html, meta), &ExtractConfig::default());
        let a = out.article;
        // The <h1> repeats the title and the byline moves to authors; a copied paragraph goes.
        assert_eq!(a.text, format!("{P1}\n\n{P2}"));
        assert_eq!(a.title.as_deref(), Some("Fire at Kessel works"));
        assert_eq!(a.authors, ["Jane Roe"]);
        assert_eq!(a.url.as_deref(), Some("https://kessel.example/fire"));
        assert_eq!(a.published.map(|p| p.to_string()).as_deref(), Some("2026-03-05T07:00:00Z"));
        assert_eq!(a.outlet.as_deref(), Some("Kessel Courier"));
        assert_eq!(a.language.as_deref(), Some("de"));
        assert_eq!(out.not_article, None);
    }

    #[test]
    fn fragments_and_index_pages() {
        let out = extract(
            &doc(&format!("<p>{P1}</p><p>{P2}</p>"), BodyFormat::HtmlFragment, RawMeta::default()),
            &ExtractConfig::default(),
        );
        assert_eq!(out.article.text, format!("{P1}\n\n{P2}"));
        let links: String = (0..50).map(|i| format!("<li><a href=/{i}>Story {i} of the day</a></li>")).collect();
        let out = extract(
            &doc(&format!("<html><body><ul>{links}</ul></body></html>"), BodyFormat::Html, RawMeta::default()),
            &ExtractConfig::default(),
        );
        assert!(out.not_article.is_some_and(|r| r.contains("index page")));
    }
}
