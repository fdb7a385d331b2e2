//! Saved pages, feeds and web archives through the binary (issue 4): `analyze` stores their
//! articles and reports non-articles, `extract` prints the extraction contract.

use crate::{analyze_json, parallax};

const P1: &str = "Fire crews were still damping down the chemical works in Kessel on Wednesday, a day after a blaze forced the evacuation of two districts.";
const P2: &str = "\"We were lucky the wind turned,\" said Mayor Petra Lind, who spent the night at the emergency centre with the families.";

fn page(title: &str, date: &str) -> String {
    format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | Kessel Courier</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="Kessel Courier"><meta name="author" content="Jane Roe">
<meta property="article:published_time" content="{date}"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1><p>{P1}</p><p>{P2}</p></article>
<div class="related"><h2>Related</h2><ul><li><a href="/x">Another story</a></li><li><a href="/y">And another</a></li></ul></div>
<footer>© 2026 Kessel Courier</footer></body></html>"#
    )
}

fn warc_record(uri: &str, status: &str, content_type: &str, body: &str) -> String {
    let http = format!("HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n\r\n{body}");
    format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2026-03-05T07:00:00Z\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
        http.len()
    )
}

#[test]
fn issue_4_pages_feeds_and_archives_through_analyze() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::write(inputs.join("a-page.html"), page("Fire at Kessel works", "2026-03-04T08:41:00Z")).unwrap();
    let feed = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Kessel Courier</title>
<item><title>Port strike talks resume</title><link>https://kessel.example/port</link><pubDate>Thu, 05 Mar 2026 09:00:00 +0000</pubDate>
<description>Talks between the port authority and the union resume on Monday, officials said.</description></item></channel></rss>"#;
    std::fs::write(inputs.join("b-feed.rss"), feed).unwrap();
    // The archived page states no date: the record's date stands in.
    let archived =
        page("Council orders inspections", "").replace(r#"<meta property="article:published_time" content="">"#, "");
    let warc = [
        warc_record("https://kessel.example/inspections", "200 OK", "text/html; charset=utf-8", &archived),
        warc_record("https://kessel.example/logo.png", "200 OK", "image/png", "PNG"),
        warc_record("https://kessel.example/old", "301 Moved Permanently", "text/html", ""),
    ]
    .concat();
    std::fs::write(inputs.join("c-crawl.warc"), warc).unwrap();
    let links: String =
        (0..60).map(|i| format!(r#"<li><a href="/s{i}">Headline of story number {i}</a></li>"#)).collect();
    std::fs::write(
        inputs.join("d-index.html"),
        format!("<html><head><title>News</title></head><body><ul>{links}</ul></body></html>"),
    )
    .unwrap();

    let (out, json) = analyze_json(&dir.path().join("store"), &[inputs.to_str().unwrap()]);
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let articles = json["articles"].as_array().unwrap();
    let titles: Vec<&str> = articles.iter().map(|a| a["title"].as_str().unwrap_or("")).collect();
    assert_eq!(titles, ["Fire at Kessel works", "Port strike talks resume", "Council orders inspections"]);

    let page = &articles[0];
    assert_eq!(page["text"], format!("{P1}\n\n{P2}"));
    assert_eq!(page["authors"], serde_json::json!(["Jane Roe"]));
    assert_eq!(page["published"], "2026-03-04T08:41:00Z");
    assert_eq!(page["language"], "en");
    assert_eq!(page["outlet"], "Kessel Courier", "{page}");

    let item = &articles[1];
    assert_eq!(item["url"], "https://kessel.example/port");
    assert!(item["warnings"].to_string().contains("summary"), "{item}");

    let archived = &articles[2];
    assert_eq!(archived["url"], "https://kessel.example/inspections");
    assert_eq!(archived["published"], "2026-03-05T07:00:00Z");

    let skipped = json["run"]["skipped"].to_string();
    assert!(skipped.contains("2 response records skipped: 1 not HTML, 1 not status 200"), "{skipped}");
    assert!(skipped.contains("d-index.html") && skipped.contains("index page"), "{skipped}");
}

#[test]
fn issue_4_extract_prints_the_contract_without_a_store() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("page.html");
    std::fs::write(&file, page("Fire at Kessel works", "2026-03-04T08:41:00Z")).unwrap();
    let store = dir.path().join("store");
    let out = parallax(&store).args(["extract", "--format", "json"]).arg(&file).output().unwrap();
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let [item] = json.as_array().unwrap().as_slice() else { panic!("one object per file: {json}") };
    assert_eq!(item["source"], file.display().to_string());
    assert_eq!(item["title"], "Fire at Kessel works");
    assert_eq!(item["authors"], serde_json::json!(["Jane Roe"]));
    assert_eq!(item["published"], "2026-03-04T08:41:00Z");
    assert_eq!(item["text"], format!("{P1}\n\n{P2}"));
    assert!(!store.exists(), "extract must not create a store");

    let out = parallax(&store).args(["extract"]).arg(&file).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Fire at Kessel works") && text.contains(P1), "{text}");
}
