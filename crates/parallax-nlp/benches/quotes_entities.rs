//! The per-article speech-and-names pass as the ingest workers run it: the article's document
//! (`Document::new`, built once), quotes (`quotes::find`) and entity mentions
//! (`entities::mentions`) on the invented articles of `examples/corpus` (their bodies after the
//! title line, messy parts included), articles/s; `article_pass` adds time expressions
//! (`time::tag`), the whole language pass of an ingest worker.
//! Run: `cargo bench -p parallax-nlp --bench quotes_entities`. Goal (issue 6): the whole pass
//! at least 1,000 articles/s per core. Quality is measured by `../shared/evals/quotes_eval.py`
//! (quotes) and the unit and integration tests (entities).

use divan::counter::ItemsCount;
use divan::{black_box, Bencher};
use jiff::civil::Date;
use parallax_core::document::Document;
use parallax_nlp::{entities, quotes, time};

fn main() {
    divan::main();
}

/// (title, body) of every `.txt` article of the example corpus: the layout is a `date …` line,
/// the title, then the body.
fn corpus() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("examples/corpus is part of the repository")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let docs: Vec<(String, String)> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|raw| {
            let mut lines = raw.splitn(3, '\n');
            let _date = lines.next();
            let title = lines.next().unwrap_or("").to_string();
            (title, lines.next().unwrap_or("").to_string())
        })
        .collect();
    assert!(docs.len() >= 40, "the example corpus has {} articles", docs.len());
    docs
}

#[divan::bench]
fn quotes_and_entities(bencher: Bencher) {
    let docs = corpus();
    bencher.counter(ItemsCount::new(docs.len())).bench(|| {
        let mut found = 0;
        for (title, body) in &docs {
            let doc = Document::new(Some(title), black_box(body));
            found += quotes::find(&doc).len();
            found += entities::mentions(&doc).len();
        }
        // The bench must measure real work: the corpus is full of quotes and names.
        assert!(found > 15 * docs.len(), "{found} quotes and mentions");
        found
    });
}

#[divan::bench]
fn article_pass(bencher: Bencher) {
    let docs = corpus();
    let published = Some(Date::constant(2026, 3, 4));
    bencher.counter(ItemsCount::new(docs.len())).bench(|| {
        let mut found = 0;
        for (title, body) in &docs {
            let doc = Document::new(Some(title), black_box(body));
            found += time::tag(&doc, published).len();
            found += quotes::find(&doc).len();
            found += entities::mentions(&doc).len();
        }
        assert!(found > 20 * docs.len(), "{found} times, quotes and mentions");
        found
    });
}

#[divan::bench]
fn entities_only(bencher: Bencher) {
    let docs = corpus();
    bencher.counter(ItemsCount::new(docs.len())).bench(|| {
        let found: usize =
            docs.iter().map(|(t, b)| entities::mentions(&Document::new(Some(t), black_box(b))).len()).sum();
        assert!(found > 10 * docs.len(), "{found} mentions");
        found
    });
}

#[divan::bench]
fn quotes_only(bencher: Bencher) {
    let docs = corpus();
    bencher.counter(ItemsCount::new(docs.len())).bench(|| {
        let found: usize = docs.iter().map(|(_, b)| quotes::find(&Document::new(None, black_box(b))).len()).sum();
        assert!(found > 2 * docs.len(), "{found} quotes");
        found
    });
}
