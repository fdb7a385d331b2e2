//! Main-text extraction throughput: MB/s of HTML and pages/s through `extract_page`, on
//! generated pages shaped like real news pages (navigation, share bar, article, related
//! teasers, comments, footer, scripts). Run: `cargo bench -p parallax-html`.
//! Quality is measured on real pages by `../shared/evals/extraction_eval.py` (see the crate's
//! doc comment for the figures).

use divan::counter::{BytesCount, ItemsCount};
use divan::{black_box, Bencher};
use parallax_html::{extract_page, PageKind};

fn main() {
    divan::main();
}

const SENTENCES: &[&str] = &[
    "Fire crews were still damping down the chemical works in Kessel on Wednesday, a day after a blaze forced the evacuation of two districts.",
    "\"We were lucky the wind turned,\" said Mayor Petra Lind, who spent the night at the emergency centre.",
    "The company said it would pay for an independent inquiry into the cause of the fire.",
    "Residents are expected to return to their homes by Friday, officials said.",
    "Talks between the port authority and the union are due to resume on Monday, according to a statement.",
    "Analysts at the Brenna School of Economics said the fund was smaller than the region needed.",
];

/// A page of about 22 KB, varied by `n`.
fn page(n: usize) -> String {
    let s = |k: usize| SENTENCES[(n + k) % SENTENCES.len()];
    let mut out = format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Kessel report {n} | Kessel Courier</title>
<meta property="og:title" content="Kessel report {n}"><meta name="author" content="Jane Roe">
<script type="application/ld+json">{{"@type":"NewsArticle","headline":"Kessel report {n}","datePublished":"2026-03-04T08:41:00Z"}}</script>
<style>{}</style><script>{}</script></head><body>"#,
        ".a{color:red}".repeat(400),
        "var x = 1;".repeat(800)
    );
    out.push_str("<header><nav><ul>");
    for i in 0..40 {
        out.push_str(&format!(r#"<li class="menu-item"><a href="/section/{i}">Section {i}</a></li>"#));
    }
    out.push_str(r#"</ul></nav></header><div class="share-bar"><a href="/s">Share</a> <a href="/t">Tweet</a></div><main><article>"#);
    out.push_str(&format!("<h1>Kessel report {n}</h1>"));
    for k in 0..14 {
        out.push_str(&format!("<p>{} {} <a href=\"/x{k}\">More</a> on this.</p>", s(k), s(k + 1)));
        if k == 6 {
            out.push_str(r#"<div class="ad-slot"><p>Advertisement</p></div><figure><img src="a.jpg"><figcaption>Smoke over Kessel.</figcaption></figure>"#);
        }
    }
    out.push_str(r#"</article><div class="related-stories"><h2>Related</h2>"#);
    for i in 0..8 {
        out.push_str(&format!(
            r#"<div class="teaser"><h3><a href="/r{i}">Related story {i}</a></h3><p>{}</p></div>"#,
            s(i)
        ));
    }
    out.push_str(r#"</div><section id="comments">"#);
    for i in 0..10 {
        out.push_str(&format!(r#"<div class="comment"><p>Reader {i}: {}</p></div>"#, s(i + 2)));
    }
    out.push_str("</section></main><footer><p>© 2026 Kessel Courier</p></footer></body></html>");
    out
}

#[divan::bench]
fn extract_pages(bencher: Bencher) {
    let pages: Vec<String> = (0..50).map(page).collect();
    let bytes: usize = pages.iter().map(String::len).sum();
    bencher.counter(BytesCount::new(bytes)).counter(ItemsCount::new(pages.len())).bench(|| {
        let mut words = 0;
        for p in &pages {
            let out = extract_page(black_box(p));
            // The bench must measure real extraction: the article found, the furniture not.
            assert!(out.kind == PageKind::Article && out.paragraphs.len() >= 14);
            assert!(!out.paragraphs.iter().any(|p| p.starts_with("Reader ") || p.contains("Related story")));
            words += out.paragraphs.len();
        }
        words
    });
}
