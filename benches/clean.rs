//! Cleaning throughput (MB/s of raw text through ingest's text parser and the extractor), on
//! generated messy articles: error-page text, repeated headlines, glued teasers, bylines,
//! timestamps, datelines, inline and trailing junk. Run: `cargo bench --bench clean`.
//! Goal (issue 3): at least 50 MB/s per core.

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use parallax_extract::{extract, ExtractConfig};

fn main() {
    divan::main();
}

const SENTENCES: &[&str] = &[
    "Fire crews were still damping down the chemical works in Kessel on Wednesday, a day after a blaze forced the evacuation of two districts.",
    "\"We were lucky the wind turned,\" said Mayor Petra Lind, who spent the night at the emergency centre.",
    "The company said it would pay for an independent inquiry into the cause of the fire.",
    "Residents are expected to return to their homes by Friday, officials said.",
    "Ostland's transport ministry said grain trains were backing up on sidings near the border.",
    "Talks between the port authority and the union are due to resume on Monday, according to a statement.",
    "Analysts at the Brenna School of Economics said the fund was smaller than the region needed.",
    "The strike is the first at the port in more than a decade.",
];

/// A messy article, varied by `n` so that no two are equal.
fn messy_article(n: usize) -> String {
    let s = |k: usize| SENTENCES[(n + k) % SENTENCES.len()];
    let title = format!("Kessel fire report number {n} as crews work through the night");
    let mut out = format!("date 2026-03-{:02} https://www.kessel-courier.example/news/{n}\n{title}\n\n", n % 28 + 1);
    if n % 3 == 0 {
        out.push_str("Oops! Something went wrong.\n\nWe use cookies to improve your experience. Accept all | Manage preferences\n\nHome > World > Europe\n\n");
    }
    out.push_str(&format!("{title}\nJane Roe\n\n08:41 GMT 04.03.2026\n\n"));
    out.push_str(&format!("{}{}", s(0), s(1)));
    out.push_str(&format!("KESSEL (MPA) - {} {}\n\n{}\n\n", s(0), s(1), s(2)));
    out.push_str(&format!("ALSO READ: Another story number {n}\n\n"));
    for k in 3..12 {
        out.push_str(&format!("{} {} Paragraph {n}-{k} adds detail.\n\n", s(k), s(k + 1)));
    }
    if n % 4 == 0 {
        out.push_str("What happens next\n\nThe council will meet again on Friday.\n\n");
    }
    out.push_str("(Photo by Jane Roe/Kessel Courier)\n\nShare this article\n\nRelated stories\nCouncil orders inspections\nPlant owner apologises\n\nComments\n\n");
    out
}

fn corpus() -> Vec<String> {
    (0..200).map(messy_article).collect()
}

#[divan::bench]
fn parse_and_clean(bencher: Bencher) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(String::len).sum();
    let config = ExtractConfig::default();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        let mut words = 0;
        for (i, doc) in docs.iter().enumerate() {
            let raw = parallax_ingest::parse_text("bench.txt", &i.to_string(), doc.as_bytes())
                .expect("generated text parses");
            let out = extract(black_box(&raw), &config);
            // The bench must measure real cleaning: junk gone, body kept.
            assert!(!out.article.text.contains("ALSO READ") && out.article.text.len() > 500);
            words += out.article.text.len();
        }
        words
    });
}

#[divan::bench]
fn clean_without_language_detection(bencher: Bencher) {
    let docs = corpus();
    let raws: Vec<_> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| parallax_ingest::parse_text("bench.txt", &i.to_string(), d.as_bytes()).expect("parses"))
        .collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let config = ExtractConfig { detect_language: false, ..ExtractConfig::default() };
    bencher
        .counter(BytesCount::new(bytes))
        .bench(|| raws.iter().map(|r| extract(black_box(r), &config).article.text.len()).sum::<usize>());
}

/// The example corpus: invented but realistic articles, most of them long paragraphs of body.
#[divan::bench]
fn example_corpus(bencher: Bencher) {
    let mut files: Vec<_> = std::fs::read_dir("examples/corpus")
        .expect("examples/corpus exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let docs: Vec<Vec<u8>> = files.iter().map(|p| std::fs::read(p).expect("readable file")).collect();
    let bytes: usize = docs.iter().map(Vec::len).sum();
    let config = ExtractConfig::default();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        docs.iter()
            .enumerate()
            .map(|(i, d)| {
                let raw =
                    parallax_ingest::parse_text("bench.txt", &i.to_string(), black_box(d)).expect("corpus parses");
                extract(&raw, &config).article.text.len()
            })
            .sum::<usize>()
    });
}
