//! Time-expression throughput: MB/s of clean article text through its document
//! (`Document::new`) and `time::tag` (grammar, tense and normalisation), on generated news text dense with dates, durations and
//! relative expressions. Run: `cargo bench -p parallax-nlp`. Goal (issue 7): at least 5 MB/s
//! per core. Quality is measured on TimeBank + AQUAINT by `../shared/evals/timex_eval.py`.

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use jiff::civil::Date;
use parallax_core::document::Document;
use parallax_nlp::time::tag;

fn main() {
    divan::main();
}

const SENTENCES: &[&str] = &[
    "Fire crews were still damping down the chemical works in Kessel on Wednesday, a day after a blaze forced the evacuation of two districts.",
    "\"We were lucky the wind turned,\" said Mayor Petra Lind, who spent the night at the emergency centre.",
    "The company said third-quarter profit fell 12% from a year earlier, its first decline since March 2019.",
    "Residents are expected to return to their homes by Friday, officials said, more than two weeks after the storm.",
    "Talks between the port authority and the union are due to resume on Monday, according to a statement issued at 10 p.m. Tuesday.",
    "Analysts at the Brenna School of Economics said the fund, set up in August 2023, was smaller than the region needed.",
    "The strike, the first at the port in more than a decade, has cost exporters about $4 million a day since Jan. 14.",
    "Last year the council approved a five-year plan; earlier this month it asked for another review by early next year.",
];

/// An article of about 12 sentences in paragraphs, varied by `n`.
fn article(n: usize) -> String {
    let mut out = String::new();
    for k in 0..12 {
        out.push_str(SENTENCES[(n + k) % SENTENCES.len()]);
        out.push_str(if k % 3 == 2 { "\n\n" } else { " " });
    }
    out
}

#[divan::bench]
fn tag_and_normalise(bencher: Bencher) {
    let docs: Vec<String> = (0..200).map(article).collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let published = Date::constant(2026, 3, 4);
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        let mut found = 0;
        for doc in &docs {
            let times = tag(&Document::new(None, black_box(doc)), Some(published));
            // The bench must measure real work: every article is full of expressions.
            assert!(times.len() >= 12, "{} times in {doc:?}", times.len());
            found += times.len();
        }
        found
    });
}
