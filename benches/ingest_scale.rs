//! Ingest cost per article against the size of the store: the same batch of generated articles
//! goes through `Engine::ingest` into an empty store, into a store of the 10,000 articles just
//! before it and into one of all 100,000 before it, and again into the full store (a re-run of
//! stored files). Prints the cost per article of each and their ratios; the goal (issue 10) is
//! a flat line: 100,000 against 10,000 near one. (Against the empty store the batch also has no
//! recent stories to be scored against, which is clustering's work, not the store's.) The
//! stores are built once and cached under `target/bench-stores/` (each measurement works on a
//! copy); delete them to rebuild.
//!
//! Run: `cargo bench --bench ingest_scale` (`-- --batch 500 --store-size 20000` for a shorter
//! run). `-- --write DIR N` only writes N generated articles as text files into DIR, for
//! timing the `parallax` binary end to end.
//!
//! The articles are invented: events (a topic, a place, people, an organisation, a figure, a
//! day) told by several outlets in news-like sentences with quotes and dates, and syndicated
//! copies with a new headline and a trimmed ending.

// A bench's figures are its output.
#![allow(clippy::print_stdout)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use parallax_engine::{Config, Engine, NoProgress, Run, Status};

/// xorshift: the stream is the same on every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const OUTLETS: &[&str] = &[
    "Northern Ledger",
    "Kessel Courier",
    "Varnia Today",
    "Harbour Radio",
    "Ostland Post",
    "Global Dispatch",
    "Continental Wire",
    "Civic Review",
];
const FIRST: &[&str] =
    &["Anna", "Tomas", "Irena", "Petra", "Jonas", "Mira", "Stefan", "Lena", "Pavel", "Nora", "Emil", "Vera"];
const SYLLABLES: &[&str] = &["Ber", "Kov", "Ad", "Lin", "Mar", "Vos", "Hal", "Ren", "Dor", "Sten", "Ul", "Tam"];
const ENDINGS: &[&str] = &["g", "ac", "ler", "d", "ek", "ssen", "mann", "ov", "ic", "ari", "en", "is"];
const ROLES: &[&str] = &["mayor", "minister", "spokeswoman", "chief executive", "union leader", "governor"];
/// (what happened, the people it happened to, what is counted, a verb for it).
const TOPICS: &[(&str, &str, &str, &str)] = &[
    ("port strike", "dockworkers", "containers", "halted"),
    ("chemical plant fire", "residents", "homes", "evacuated"),
    ("border talks", "negotiators", "crossings", "reopened"),
    ("grain export deal", "farmers", "tonnes", "shipped"),
    ("parliamentary election", "voters", "seats", "won"),
    ("river flood", "villagers", "houses", "flooded"),
    ("rail corridor pact", "commuters", "trains", "cancelled"),
    ("budget vote", "lawmakers", "projects", "cut"),
    ("hospital strike", "nurses", "operations", "postponed"),
    ("bridge collapse", "drivers", "lanes", "closed"),
];
/// Words an outlet adds of its own.
const FILLERS: &[&str] = &[
    "reportedly",
    "again",
    "already",
    "now",
    "locally",
    "officially",
    "finally",
    "still",
    "largely",
    "briefly",
    "widely",
    "quietly",
    "openly",
    "firmly",
    "partly",
    "mostly",
    "early",
    "late",
    "today",
    "there",
];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// One event: what, where, who, how many, when, and the words only it is told with.
struct Event {
    topic: usize,
    place: String,
    details: Vec<String>,
    people: Vec<(String, &'static str)>,
    org: String,
    figure: usize,
    day: jiff::civil::Date,
}

fn surname(rng: &mut Rng) -> String {
    format!("{}{}{}", rng.pick(SYLLABLES), rng.pick(ENDINGS).to_lowercase(), rng.pick(ENDINGS))
}

/// An invented lowercase word (some 20,000 are possible).
fn word(rng: &mut Rng) -> String {
    format!("{}{}{}", rng.pick(SYLLABLES), rng.pick(SYLLABLES), rng.pick(ENDINGS)).to_lowercase()
        + rng.pick(&["", "a", "o", "er", "ing", "el", "um", "ik", "an", "ot", "es", "y", "in", "ar"])
}

fn event(rng: &mut Rng, day: jiff::civil::Date) -> Event {
    let place = format!(
        "{}{}{}",
        rng.pick(SYLLABLES),
        rng.pick(SYLLABLES).to_lowercase(),
        rng.pick(&["by", "holm", "stad", "vik", "grad", "ton"])
    );
    let details = (0..8).map(|_| word(rng)).collect();
    let people = (0..3).map(|_| (format!("{} {}", rng.pick(FIRST), surname(rng)), rng.pick(ROLES))).collect();
    let org = format!("{} {}", surname(rng), rng.pick(&["Holdings", "Authority", "Union", "Group", "Council"]));
    Event { topic: rng.below(TOPICS.len()), place, details, people, org, figure: 100 + rng.below(9900), day }
}

/// One outlet's telling of an event: the text layout's metadata line, a title, and 6 to 9
/// sentences in varied order.
fn telling(rng: &mut Rng, e: &Event) -> String {
    let (what, who, counted, verb) = TOPICS[e.topic];
    let first = rng.below(e.people.len());
    let (p1, r1) = &e.people[first];
    let (p2, r2) = &e.people[(first + 1 + rng.below(e.people.len() - 1)) % e.people.len()];
    let surname2 = p2.rsplit(' ').next().unwrap_or(p2);
    let weekday = WEEKDAYS[e.day.weekday().to_monday_zero_offset() as usize];
    let month = MONTHS[e.day.month() as usize - 1];
    let outlet = rng.pick(OUTLETS);
    let d = |i: usize| e.details[i].as_str();
    let mut sentences = vec![
        format!(
            "{} ({outlet}) - The {what} at the {} {} in {} {verb} {} {counted} on {weekday}, {r1} {p1} said.",
            e.place.to_uppercase(),
            d(0),
            d(1),
            e.place,
            e.figure
        ),
        format!(
            "\"We did not expect the {} {} to reach {} so quickly,\" said {p2}, the {r2} of {}.",
            d(2),
            d(3),
            e.place,
            e.org
        ),
        format!("The {} {} near the {} was {verb} after the {} {}, {} said.", d(4), d(5), d(1), d(6), d(7), e.org),
        format!("Witnesses described the {} and the {} {} in detail.", d(6), d(0), d(3)),
        format!("More than {} {who} were affected by the {what}, according to {}.", e.figure * 3, e.org),
        format!("{surname2} told reporters that the {} {} could last until the end of {month}.", d(2), d(5)),
        format!("Many {who} in {} said they had waited for the {} since {month} {}.", e.place, d(7), e.day.day()),
        format!("{p1} is due to meet {p2} on Friday to discuss the {} {}.", d(4), d(0)),
        format!("Residents near the {} {} described the {} {} {}.", d(5), d(6), d(7), d(2), d(1)),
        format!("The {} {} and the {} {} are expected to reopen next week.", d(1), d(2), d(3), d(4)),
    ];
    // The first sentence is the lead; the rest in a varied order and number, each with a word
    // of the outlet's own, so that two outlets' tellings share facts but few 5-word runs.
    for i in (2..sentences.len()).rev() {
        let j = 1 + rng.below(i);
        sentences.swap(i, j);
    }
    sentences.truncate(7 + rng.below(5));
    for sentence in &mut sentences {
        let mut words: Vec<&str> = sentence.split(' ').collect();
        for _ in 0..2 {
            let at = 1 + rng.below(words.len() - 1);
            words.insert(at, rng.pick(FILLERS));
        }
        *sentence = words.join(" ");
    }
    let body: Vec<String> = sentences.chunks(2).map(|pair| pair.join(" ")).collect();
    let title = format!(
        "{} {verb} {} {counted} at {} {} as {what} hits {}",
        p1.rsplit(' ').next().unwrap_or(p1),
        e.figure,
        d(0),
        d(1),
        e.place
    );
    format!("date {} {outlet}\n{title}\n\n{}\n", e.day, body.join("\n\n"))
}

/// A syndicated copy: another outlet's headline over the same text, its last paragraph gone.
fn copy_of(rng: &mut Rng, original: &str) -> String {
    let (head, body) = original.split_once("\n\n").unwrap_or((original, ""));
    let date = head.split(' ').nth(1).unwrap_or("2024-01-01");
    let paragraphs: Vec<&str> = body.trim().split("\n\n").collect();
    let kept = &paragraphs[..paragraphs.len().saturating_sub(1).max(1)];
    format!("date {date} {}\nWire report {}\n\n{}\n", rng.pick(OUTLETS), rng.below(1_000_000), kept.join("\n\n"))
}

/// Articles `from..to` of the endless generated stream: a new event every ~6 articles, 300
/// articles a day, one in ten a syndicated copy of a recent article.
fn articles(from: usize, to: usize) -> Vec<String> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let start = jiff::civil::date(2024, 1, 1);
    let mut events: Vec<Event> = Vec::new();
    let mut recent: Vec<String> = Vec::new();
    let mut out = Vec::with_capacity(to - from);
    for i in 0..to {
        let day = start.checked_add(jiff::Span::new().days((i / 300) as i64)).expect("in range");
        if events.is_empty() || rng.below(6) == 0 {
            events.push(event(&mut rng, day));
            if events.len() > 40 {
                events.remove(0);
            }
        }
        let text = if !recent.is_empty() && rng.below(10) == 0 {
            let original = recent[rng.below(recent.len())].clone();
            copy_of(&mut rng, &original)
        } else {
            let e = rng.below(events.len());
            telling(&mut rng, &events[e])
        };
        recent.push(text.clone());
        if recent.len() > 100 {
            recent.remove(0);
        }
        if i >= from {
            out.push(text);
        }
    }
    out
}

/// Writes articles as text files, 1,000 to a folder.
fn write(dir: &Path, from: usize, articles: &[String]) {
    for (i, text) in articles.iter().enumerate() {
        let n = from + i;
        let folder = dir.join(format!("{:04}", n / 1000));
        std::fs::create_dir_all(&folder).expect("writable bench folder");
        std::fs::write(folder.join(format!("{n:07}.txt")), text).expect("writable bench folder");
    }
}

fn config() -> Config {
    Config::default()
}

fn ingest(store: &Path, inputs: &Path) -> (Run, Duration) {
    let mut engine = Engine::open(store, config()).expect("bench store opens");
    let started = Instant::now();
    let run = engine.ingest(&[inputs.to_path_buf()], &NoProgress).expect("ingest runs");
    (run, started.elapsed())
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("writable bench folder");
    for entry in std::fs::read_dir(from).expect("cached store is readable") {
        let entry = entry.expect("cached store is readable");
        std::fs::copy(entry.path(), to.join(entry.file_name())).expect("cached store copies");
    }
}

/// The cached store of the generated articles `from..to`, built on first use.
fn cached_store(from: usize, to: usize, scratch: &Path) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"), PathBuf::from);
    let store = target.join("bench-stores").join(format!("ingest-{from}-{to}"));
    if store.join("complete").exists() {
        return store;
    }
    let size = to - from;
    println!("building the {size}-article store once (cached in {})", store.display());
    let _ = std::fs::remove_dir_all(&store);
    let inputs = scratch.join("base");
    write(&inputs, from, &articles(from, to));
    let (run, took) = ingest(&store, &inputs);
    assert_eq!(run.articles.len(), size, "every generated article is stored");
    println!("  built in {:.0} s", took.as_secs_f64());
    std::fs::write(store.join("complete"), "").expect("writable bench folder");
    std::fs::remove_dir_all(&inputs).expect("scratch inputs removable");
    store
}

fn report(label: &str, run: &Run, took: Duration) -> f64 {
    let per = took.as_secs_f64() * 1000.0 / run.articles.len() as f64;
    let copies = run.articles.iter().filter(|a| a.record.article.duplicate_of.is_some()).count();
    let stories: std::collections::HashSet<&str> =
        run.articles.iter().filter_map(|a| a.record.story.as_deref()).collect();
    println!(
        "{label:<28} {:>6} articles  {:>7.2} s  {per:>7.3} ms/article  {:>6.0} articles/s  ({copies} copies, {} stories)",
        run.articles.len(),
        took.as_secs_f64(),
        run.articles.len() as f64 / took.as_secs_f64(),
        stories.len()
    );
    per
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let flag = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1));
    if let Some(dir) = flag("--write") {
        let n: usize = args.iter().rev().find_map(|a| a.parse().ok()).unwrap_or(2000);
        write(Path::new(dir), 0, &articles(0, n));
        println!("wrote {n} articles under {dir}");
        return;
    }
    let batch: usize = flag("--batch").and_then(|v| v.parse().ok()).unwrap_or(2000);
    let size: usize = flag("--store-size").and_then(|v| v.parse().ok()).unwrap_or(100_000);
    let scratch = tempfile::tempdir().expect("a temporary folder");
    // Beside the full store, one of only the last tenth of it: the same recent stories for the
    // batch to join, a tenth of the history. Work that depends on the store's size shows as
    // the difference between the two; an empty store has no recent stories to score at all.
    let full = cached_store(0, size, scratch.path());
    let recent = cached_store(size - size / 10, size, scratch.path());

    let inputs = scratch.path().join("batch");
    write(&inputs, size, &articles(size, size + batch));
    let empty_store = scratch.path().join("empty");
    let (empty_run, empty_took) = ingest(&empty_store, &inputs);
    let recent_store = scratch.path().join("recent");
    copy_dir(&recent, &recent_store);
    let (recent_run, recent_took) = ingest(&recent_store, &inputs);
    let full_store = scratch.path().join("full");
    copy_dir(&full, &full_store);
    let (full_run, full_took) = ingest(&full_store, &inputs);
    let (rerun, rerun_took) = ingest(&full_store, &inputs);

    println!("batch of {batch} generated articles through Engine::ingest:");
    let empty = report("into an empty store", &empty_run, empty_took);
    let tenth = report(&format!("into a store of {}", size / 10), &recent_run, recent_took);
    let with = report(&format!("into a store of {size}"), &full_run, full_took);
    let again = report("again (a re-run)", &rerun, rerun_took);
    println!(
        "ratio store of {size} / store of {}: {:.2}; / empty store: {:.2}; re-run / first run: {:.2}",
        size / 10,
        with / tenth,
        with / empty,
        again / with
    );

    // The bench measured real work: every article stored and clustered each time, copies
    // found, and the re-run stored nothing.
    for run in [&empty_run, &recent_run, &full_run] {
        assert_eq!(run.count(&Status::Existing), 0);
        assert!(run.articles.iter().all(|a| a.record.story.is_some()), "every article is in a story");
        assert!(run.articles.iter().any(|a| a.record.article.duplicate_of.is_some()), "copies are found");
    }
    assert_eq!(rerun.count(&Status::Existing), batch);
}
