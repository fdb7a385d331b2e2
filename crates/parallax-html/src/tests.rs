//! Invented pages, one per kind of furniture and per metadata source: the article's
//! paragraphs come out in order, the furniture does not, the metadata lands in its fields.

use super::*;

const P1: &str = "Fire crews were still damping down the chemical works in Kessel on Wednesday, a day after a blaze forced the evacuation of two districts.";
const P2: &str = "\"We were lucky the wind turned,\" said Mayor Petra Lind, who spent the night at the emergency centre with the families.";
const P3: &str = "The company said it would pay for an independent inquiry into the cause of the fire, which started in a storage hall.";
const P4: &str =
    "Residents are expected to return to their homes by Friday, officials said, once the air has been tested again.";

/// A page with the usual frame around `article` (navigation, header, footer); `extra` goes
/// after the article inside the main column, `head` into `<head>`.
fn page(head: &str, article: &str, extra: &str) -> String {
    format!(
        r#"<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Fire at Kessel works | Kessel Courier</title>{head}</head>
<body>
<header class="site-header"><a href="/">Kessel Courier</a>
<nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/business">Business</a></li><li><a href="/culture">Culture</a></li></ul></nav></header>
<div class="layout"><main><article>
<h1>Fire at Kessel works</h1>
{article}
</article>
{extra}
</main>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Council orders inspections of all plants</a></li><li><a href="/b">Plant owner apologises to residents</a></li><li><a href="/c">Weather: storms on the way</a></li></ul></aside>
</div>
<footer><p>© 2026 Kessel Courier. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
</body></html>"#
    )
}

fn paras(ps: &[&str]) -> String {
    ps.iter().map(|p| format!("<p>{p}</p>\n")).collect()
}

fn check(html: &str, expected: &[&str]) -> Page {
    let page = extract_page(html);
    let got: Vec<&str> = page.paragraphs.iter().map(String::as_str).collect();
    assert_eq!(got, expected, "\nparagraphs: {:#?}", page.paragraphs);
    page
}

/// The body paragraphs, with the headline the cleaner later removes as a repeat.
fn with_headline<'a>(ps: &[&'a str]) -> Vec<&'a str> {
    let mut out = vec!["Fire at Kessel works"];
    out.extend_from_slice(ps);
    out
}

#[test]
fn navigation_header_sidebar_footer_are_left_out() {
    let page = check(&page("", &paras(&[P1, P2, P3, P4]), ""), &with_headline(&[P1, P2, P3, P4]));
    assert_eq!(page.kind, PageKind::Article);
}

#[test]
fn share_bar_and_advert_inside_the_article() {
    let article = format!(
        r#"<div class="share-bar"><a href="/s/fb">Facebook</a> <a href="/s/x">Share on X</a> <a href="/s/mail">Email</a></div>
{}<div class="ad ad-slot"><p>Advertisement</p><p>Buy the new Kessel phone today, with twenty percent off.</p></div>{}"#,
        paras(&[P1, P2]),
        paras(&[P3, P4])
    );
    check(&page("", &article, ""), &with_headline(&[P1, P2, P3, P4]));
}

#[test]
fn comments_are_left_out_even_when_long() {
    let comment = "I have lived next to that plant for thirty years and nobody ever told us what was stored in those halls, which is a scandal.";
    let comments = format!(
        r#"<section id="comments" class="comments"><h2>Comments (3)</h2>{}</section>"#,
        (0..6)
            .map(|i| format!(
                r#"<div class="comment"><p class="author">Reader {i}</p><p>{comment} Comment number {i}.</p></div>"#
            ))
            .collect::<String>()
    );
    check(&page("", &paras(&[P1, P2, P3, P4]), &comments), &with_headline(&[P1, P2, P3, P4]));
}

#[test]
fn related_stories_with_teasers_are_left_out() {
    let teaser = "The council will meet again on Friday to decide whether other plants in the district must be inspected as well.";
    let related = format!(
        r#"<div class="related-stories"><h2>Related stories</h2>{}</div>"#,
        (0..4).map(|i| format!(r#"<div class="teaser"><h3><a href="/r{i}">Story number {i} about the fire</a></h3><p>{teaser}</p></div>"#)).collect::<String>()
    );
    check(&page("", &paras(&[P1, P2, P3, P4]), &related), &with_headline(&[P1, P2, P3, P4]));
}

#[test]
fn cookie_notice_and_hidden_elements_are_left_out() {
    let article = format!(
        r#"<div id="cookie-consent"><p>We use cookies to improve your experience, to show you adverts and to measure our audience.</p><button>Accept all</button></div>
<p style="display: none">This paragraph is only for screen readers of another era and stays hidden.</p>
<div hidden><p>Hidden newsletter sign-up form text, never shown to a reader of the page.</p></div>{}"#,
        paras(&[P1, P2, P3, P4])
    );
    check(&page("", &article, ""), &with_headline(&[P1, P2, P3, P4]));
}

#[test]
fn headings_lists_and_captions() {
    let article = format!(
        r#"{}<figure><img src="f.jpg"><figcaption>Smoke over Kessel on Tuesday. Photo: Jane Roe</figcaption></figure>
<h2>What happens next</h2><ul><li>The inquiry reports in June.</li><li>The plant stays closed until then.</li></ul>{}"#,
        paras(&[P1, P2]),
        paras(&[P3, P4])
    );
    check(
        &page("", &article, ""),
        &with_headline(&[
            P1,
            P2,
            "What happens next",
            "The inquiry reports in June.",
            "The plant stays closed until then.",
            P3,
            P4,
        ]),
    );
}

#[test]
fn data_tables_keep_rows_as_lines() {
    let table = "<table><tr><th>District</th><th>Homes</th></tr><tr><td>North</td><td>1,200</td></tr><tr><td>Harbour</td><td>800</td></tr></table>";
    let article = format!("{}{table}{}", paras(&[P1, P2]), paras(&[P3, P4]));
    check(&page("", &article, ""), &with_headline(&[P1, P2, "District Homes", "North 1,200", "Harbour 800", P3, P4]));
}

#[test]
fn text_in_old_layout_tables_with_line_breaks() {
    let html = format!(
        r#"<html><head><title>Kessel Courier: fire</title></head><body><table><tr>
<td width="150"><a href="/">Home</a><br><a href="/news">News</a><br><a href="/sport">Sport</a><br><a href="/weather">Weather</a></td>
<td><font size="2"><b>{P1}</b><br><br>{P2}<br><br>{P3}<br><br>{P4}</font></td>
<td><a href="/ad">Advertise with us</a></td></tr></table></body></html>"#
    );
    check(&html, &[P1, P2, P3, P4]);
}

#[test]
fn unclosed_title_does_not_swallow_the_page() {
    let html = format!(
        "<html><head><title>Kessel fire</titxe>\n<script src=a.js></script></head><body>{}</body></html>",
        paras(&[P1, P2, P3])
    );
    check(&html, &[P1, P2, P3]);
}

#[test]
fn article_body_metadata_picks_the_article_over_a_longer_block() {
    // Two blocks of prose: the page's JSON-LD says which one is the article.
    let other = "A long advertorial about kitchen furniture and the many colours it comes in this spring, with prices.";
    let html = format!(
        r#"<html><head><script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","articleBody":"{P1} {P3}"}}</script></head>
<body><div class="a">{}</div><div class="b">{}</div></body></html>"#,
        paras(&[P1, P3]),
        paras(&[other, other, other])
    );
    check(&html, &[P1, P3]);
}

fn meta_of(head: &str, article: &str) -> Meta {
    extract_page(&page(head, &format!("{article}{}", paras(&[P1, P2, P3])), "")).meta
}

#[test]
fn json_ld_metadata_also_in_graph() {
    let head = r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Kessel Courier"},
{"@type":["NewsArticle"],"headline":"Fire at Kessel chemical works","datePublished":"2026-03-04T08:41:00+01:00",
"author":[{"@type":"Person","name":"Jane Roe"},{"@type":"Person","name":"Omar Haddad"}],"url":"https://kessel-courier.example/fire",
"publisher":{"@type":"Organization","name":"Kessel Courier"}}]}</script>"#;
    let m = meta_of(head, "");
    assert_eq!(m.title.as_deref(), Some("Fire at Kessel chemical works"));
    assert_eq!(m.authors, ["Jane Roe", "Omar Haddad"]);
    assert_eq!(m.published.map(|p| p.to_string()).as_deref(), Some("2026-03-04T08:41:00+01:00"));
    assert_eq!(m.url.as_deref(), Some("https://kessel-courier.example/fire"));
    assert_eq!(m.site_name.as_deref(), Some("Kessel Courier"));
    assert_eq!(m.language.as_deref(), Some("en-GB"));
}

#[test]
fn opengraph_twitter_and_meta_names() {
    let head = r#"<meta property="og:title" content="Fire at Kessel works (OG)"><meta name="twitter:title" content="Twitter title">
<meta property="og:site_name" content="Kessel Courier"><meta property="og:url" content="https://kessel-courier.example/og">
<meta name="author" content="By Jane Roe and Omar Haddad"><meta property="article:published_time" content="2026-03-04T08:41:00Z">
<link rel="canonical" href="https://kessel-courier.example/canonical">"#;
    let m = meta_of(head, "");
    assert_eq!(m.title.as_deref(), Some("Fire at Kessel works (OG)"));
    assert_eq!(m.authors, ["Jane Roe", "Omar Haddad"]);
    assert_eq!(m.published.map(|p| p.to_string()).as_deref(), Some("2026-03-04T08:41:00Z"));
    assert_eq!(m.url.as_deref(), Some("https://kessel-courier.example/canonical"));

    let m =
        meta_of(r#"<meta name="twitter:title" content="Twitter title"><meta name="date" content="2026-03-04">"#, "");
    assert_eq!(m.title.as_deref(), Some("Twitter title"));
    assert_eq!(m.published.map(|p| p.to_string()).as_deref(), Some("2026-03-04"));
}

#[test]
fn time_element_byline_and_title_fallbacks() {
    let m = meta_of(
        "",
        r#"<p class="byline">By <a rel="author" href="/jane">Jane Roe</a> <time datetime="2026-03-04T09:15:00Z">4 March</time></p>"#,
    );
    assert_eq!(m.authors, ["Jane Roe"]);
    assert_eq!(m.published.map(|p| p.to_string()).as_deref(), Some("2026-03-04T09:15:00Z"));
    // No metadata title: the <h1> when the window title contains it.
    assert_eq!(m.title.as_deref(), Some("Fire at Kessel works"));
}

#[test]
fn index_and_error_pages_are_reported() {
    let links: String =
        (0..60).map(|i| format!(r#"<li><a href="/s{i}">Headline of story number {i} today</a></li>"#)).collect();
    let index = format!("<html><head><title>Kessel Courier: news</title></head><body><ul>{links}</ul></body></html>");
    assert_eq!(extract_page(&index).kind, PageKind::Index);
    let error = "<html><head><title>Page not found</title></head><body><h1>404</h1><p>Sorry, this page does not exist.</p><ul><li><a href=\"/\">Home</a></li></ul></body></html>";
    assert_eq!(extract_page(error).kind, PageKind::Error);
}

#[test]
fn fragments_keep_every_block() {
    let got = fragment_paragraphs(
        "<p>One &amp; two.</p><p>Three<br>four.</p><figure><figcaption>Credit</figcaption></figure>",
    );
    assert_eq!(got, ["One & two.", "Three\nfour."]);
}

#[test]
fn chinese_and_japanese_text_counts() {
    let zh = "消防员周三仍在凯塞尔化工厂灭火，前一天的大火迫使两个地区的居民撤离。市长说，风向改变让大家很幸运。";
    let html = format!(
        "<html><body><nav><a href=/>首页</a><a href=/n>新闻</a></nav><div><p>{zh}</p><p>{zh}</p></div></body></html>"
    );
    assert_eq!(extract_page(&html).paragraphs, [zh, zh]);
}

mod proptests {
    use proptest::prelude::*;

    use super::super::*;

    fn tag() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("<p>".to_string()),
            Just("</p>".to_string()),
            Just("<div class=\"comment\">".to_string()),
            Just("</div>".to_string()),
            Just("<table><tr><td>".to_string()),
            Just("</td></tr></table>".to_string()),
            Just("<a href=x>".to_string()),
            Just("</a>".to_string()),
            Just("<br>".to_string()),
            Just("<title>".to_string()),
            Just("<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"headline\":".to_string()),
            Just("</script>".to_string()),
            Just("<meta property=og:title content=".to_string()),
            Just("<time datetime=2026-13-45T99:99>".to_string()),
            "\\PC{0,40}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Any tag soup: no panic, and the text that comes out was in the input.
        #[test]
        fn never_panics_on_tag_soup(parts in proptest::collection::vec(tag(), 0..40)) {
            let html = parts.concat();
            let page = extract_page(&html);
            for p in &page.paragraphs {
                prop_assert!(!p.trim().is_empty());
            }
            let _ = fragment_paragraphs(&html);
        }

        #[test]
        fn never_panics_on_any_text(s in "\\PC{0,300}") {
            let _ = extract_page(&s);
            let _ = fragment_paragraphs(&s);
        }
    }
}
