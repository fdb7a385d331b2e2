//! MinHash signing and near-duplicate lookup throughput on generated news-like documents.
//! Run: `cargo bench -p parallax-dedup`. `benches/minhash_vs_datasketch.py` runs datasketch on
//! the same documents beside it and prints the ratio.

use divan::counter::ItemsCount;
use divan::{black_box, Bencher};
use parallax_dedup::{shingles, signature, DedupConfig, NearDupIndex};

fn main() {
    divan::main();
}

/// Deterministic pseudo-random documents of ~300 words from a 5,000-word vocabulary.
pub fn documents(n: usize, words: usize) -> Vec<String> {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..n).map(|_| (0..words).map(|_| format!("w{}", next() % 5000)).collect::<Vec<_>>().join(" ")).collect()
}

#[divan::bench]
fn sign_300_word_documents(bencher: Bencher) {
    let docs = documents(1000, 300);
    bencher
        .counter(ItemsCount::new(docs.len()))
        .bench(|| docs.iter().map(|d| signature(&shingles(black_box(d)))[0] as u64).sum::<u64>());
}

#[divan::bench]
fn index_and_find_copies(bencher: Bencher) {
    let docs = documents(1000, 300);
    bencher.counter(ItemsCount::new(docs.len() * 2)).bench(|| {
        let mut index = NearDupIndex::new(DedupConfig::default());
        let mut found = 0;
        for (i, d) in docs.iter().enumerate() {
            index.add(&i.to_string(), d);
            // A copy with its last tenth trimmed must be found.
            let copy = &d[..d.len() * 9 / 10];
            found += usize::from(index.add(&format!("copy{i}"), copy).is_some());
        }
        assert_eq!(found, docs.len());
        found
    });
}
