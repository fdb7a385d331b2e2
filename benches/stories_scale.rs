//! Story clustering and syndication linking at scale: a generated stream of 200,000 articles
//! (many events, look-alike events sharing a topic, syndicated copies), fed in publication
//! order as the engine does, printing articles/s per 50,000 and the peak memory so far.
//! Run: `cargo bench --bench stories_scale` (`-- 20000` for a shorter stream). Goal (issue 5):
//! ≥ 5,000 articles/s on this machine, memory growing at most linearly, and the rate not falling
//! as the store grows.

// A bench's figures are its output.
#![allow(clippy::print_stdout)]

use std::time::Instant;

use parallax_core::document::Document;
use parallax_dedup::{DedupConfig, NearDupIndex};
use parallax_stories::{StoryClusterer, StoryConfig};

/// xorshift: the stream is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const TOPICS: u64 = 400;

/// One event: its topic, its own names and figures, and its day.
struct Event {
    topic: u64,
    names: Vec<String>,
    figure: u64,
    day: i64,
}

fn word(prefix: &str, n: u64) -> String {
    format!("{prefix}{n}")
}

fn name(n: u64) -> String {
    // Capitalised mid-sentence: what the clusterer weighs as a name.
    format!("Nm{n}")
}

fn article(rng: &mut Rng, e: &Event) -> String {
    let mut words = Vec::with_capacity(160);
    for s in 0..8 {
        words.push(if s == 0 { "The".to_string() } else { "Officials".to_string() });
        for _ in 0..6 {
            words.push(word("topic", e.topic * 20 + rng.below(20)));
        }
        words.push(e.names[rng.below(e.names.len() as u64) as usize].clone());
        words.push(format!("{}", e.figure));
        for _ in 0..8 {
            words.push(word("w", rng.below(20_000)));
        }
        words.push(format!("{}.", word("w", rng.below(20_000))));
    }
    words.join(" ")
}

fn peak_memory_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn main() {
    let total: usize = std::env::args().filter_map(|a| a.parse().ok()).next().unwrap_or(200_000);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut clusterer = StoryClusterer::new(StoryConfig::default());
    let mut near = NearDupIndex::new(DedupConfig::default());
    let start_day = jiff::civil::date(2024, 1, 1);
    let mut events: Vec<Event> = Vec::new();
    let mut recent: Vec<String> = Vec::new();
    let (mut copies, mut linked) = (0usize, 0usize);
    let mut chunk_start = Instant::now();
    let started = Instant::now();
    println!("articles   chunk articles/s   total articles/s   peak MiB   stories");
    for i in 0..total {
        // A new event every ~8 articles; look-alikes reuse a topic with other names.
        if events.is_empty() || rng.below(8) == 0 {
            let day = (i / 300) as i64;
            let names = (0..3).map(|_| name(rng.below(1_000_000))).collect();
            events.push(Event { topic: rng.below(TOPICS), names, figure: 1000 + rng.below(9000), day });
            if events.len() > 64 {
                events.remove(0);
            }
        }
        let text = if !recent.is_empty() && rng.below(10) == 0 {
            // A syndicated copy of a recent article, its last sentence trimmed.
            copies += 1;
            let original = &recent[rng.below(recent.len() as u64) as usize];
            original[..original.rfind("Officials").unwrap_or(original.len())].to_string()
        } else {
            let e = &events[rng.below(events.len() as u64) as usize];
            let e = Event { topic: e.topic, names: e.names.clone(), figure: e.figure, day: e.day };
            article(&mut rng, &e)
        };
        let day = start_day.checked_add(jiff::Span::new().days((i / 300) as i64)).expect("in range");
        let id = format!("{i:08x}");
        match near.add(&id, &text) {
            Some(_) => linked += 1,
            None => {
                clusterer.add(&id, Some(day), &Document::new(None, &text));
            }
        }
        recent.push(text);
        if recent.len() > 200 {
            recent.remove(0);
        }
        if (i + 1) % 50_000 == 0 || i + 1 == total {
            let n = i + 1;
            let chunk = (n - 1) % 50_000 + 1;
            println!(
                "{n:>8}   {:>18.0}   {:>16.0}   {:>8.0}   {:>7}",
                chunk as f64 / chunk_start.elapsed().as_secs_f64(),
                n as f64 / started.elapsed().as_secs_f64(),
                peak_memory_mib().unwrap_or(f64::NAN),
                clusterer.stories_count()
            );
            chunk_start = Instant::now();
        }
    }
    // The bench must have measured real work: copies found, stories formed.
    assert!(linked * 10 >= copies * 8, "{linked} of {copies} copies linked");
    println!("syndicated copies generated {copies}, linked {linked}");
}
