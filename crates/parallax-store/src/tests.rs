//! The store's tests: round trips of every kind of row, bulk reads, and the query plans of the
//! ingest and clustering path.

use std::cell::RefCell;

use parallax_core::{Article, ArticleId, EntityKind, Mention, Quote, QuoteKind, Story, TimeExpr, TimeMod};

use super::*;
use crate::schema::migrations;

fn article(id: &str, text: &str) -> Record {
    Record {
        article: Article {
            id: ArticleId::from_string(id.into()),
            source: format!("{id}.txt"),
            url: None,
            outlet: Some("Northern Ledger".into()),
            section: None,
            title: Some("T".into()),
            authors: vec!["Jane Roe".into()],
            published: Some("2026-03-04T10:31:00-05:00".parse().unwrap()),
            language: Some("en".into()),
            place: Some("Kessel".into()),
            text: text.into(),
            duplicate_of: None,
        },
        warnings: vec!["w".into()],
        story: None,
        times: Vec::new(),
        quotes: Vec::new(),
        mentions: Vec::new(),
    }
}

#[test]
fn round_trip_duplicates_and_idempotence() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let out =
        store.add(&[article("aaaa1", "Body one."), article("bbbb2", "body ONE"), article("cccc3", "Other.")]).unwrap();
    assert_eq!(out, [Stored::Added, Stored::Duplicate(ArticleId::from_string("aaaa1".into())), Stored::Added]);
    assert_eq!(store.add(&[article("aaaa1", "Body one.")]).unwrap(), [Stored::Existing]);
    assert_eq!(store.count().unwrap(), 3);
    drop(store);

    let store = Store::open(dir.path()).unwrap();
    let copy = store.get("bbbb2").unwrap().unwrap();
    assert_eq!(copy.article.text, "Body one.", "a copy reads its original's body");
    assert_eq!(copy.article.duplicate_of.as_ref().map(ArticleId::as_str), Some("aaaa1"));
    assert_eq!(copy.article.published.unwrap().to_string(), "2026-03-04T10:31:00-05:00");
    assert_eq!(copy.warnings, ["w"]);
    assert_eq!(store.get("cccc").unwrap().unwrap().article.id.as_str(), "cccc3");
    assert!(store.get("zzzz").unwrap().is_none());
    assert_eq!(store.copies_of(&ArticleId::from_string("aaaa1".into())).unwrap().len(), 1);
    assert_eq!(store.all().unwrap().len(), 3);
}

#[test]
fn migrations_are_valid() {
    migrations().validate().unwrap();
}

#[test]
fn times_are_stored_with_their_article() {
    let mut store = Store::open_in_memory().unwrap();
    let mut record = article("tttt1", "The vote was on Tuesday.");
    record.times = vec![TimeExpr {
        start: 16,
        end: 23,
        text: "Tuesday".into(),
        kind: parallax_core::TimeKind::Date,
        value: "2026-03-03".into(),
        modifier: Some(TimeMod::Start),
        resolved: true,
    }];
    store.add(std::slice::from_ref(&record)).unwrap();
    assert_eq!(store.get("tttt1").unwrap().unwrap().times, record.times);
    // A second run stores nothing twice.
    assert_eq!(store.add(&[record]).unwrap(), [Stored::Existing]);
    assert_eq!(store.all().unwrap()[0].times.len(), 1);
}

#[test]
fn quotes_are_stored_with_their_article() {
    let mut store = Store::open_in_memory().unwrap();
    let mut record = article("qqqq1", "Anna Berg said the bridge would reopen.");
    record.quotes = vec![Quote {
        start: 15,
        end: 38,
        text: "the bridge would reopen".into(),
        speaker: "Anna Berg".into(),
        kind: QuoteKind::Indirect,
        via: Some("CNN".into()),
    }];
    store.add(std::slice::from_ref(&record)).unwrap();
    assert_eq!(store.get("qqqq1").unwrap().unwrap().quotes, record.quotes);
}

#[test]
fn mentions_are_stored_with_their_article() {
    let mut store = Store::open_in_memory().unwrap();
    let mut record = article("mmmm1", "Chancellor Anna Berg visited Kessel.");
    record.mentions = vec![
        Mention {
            start: 11,
            end: 20,
            text: "Anna Berg".into(),
            kind: EntityKind::Person,
            name: "Anna Berg".into(),
            role: Some("chancellor".into()),
        },
        Mention {
            start: 29,
            end: 35,
            text: "Kessel".into(),
            kind: EntityKind::Place,
            name: "Kessel".into(),
            role: None,
        },
    ];
    store.add(std::slice::from_ref(&record)).unwrap();
    assert_eq!(store.get("mmmm1").unwrap().unwrap().mentions, record.mentions);
}

#[test]
fn a_batch_reads_back_whole_and_prefixes_are_unique_ranges() {
    let mut store = Store::open_in_memory().unwrap();
    let mut a = article("abcd1111", "First body.");
    a.quotes = vec![Quote {
        start: 0,
        end: 5,
        text: "First".into(),
        speaker: "Anna Berg".into(),
        kind: QuoteKind::Direct,
        via: None,
    }];
    store.add(&[a.clone(), article("abcd2222", "Second body."), article("ef001111", "Third body.")]).unwrap();
    let ids = [ArticleId::from_string("ef001111".into()), ArticleId::from_string("abcd1111".into())];
    let records = store.records(&ids.iter().collect::<Vec<_>>()).unwrap();
    let got: Vec<&str> = records.iter().map(|r| r.article.id.as_str()).collect();
    assert_eq!(got, ["abcd1111", "ef001111"], "arrival order");
    assert_eq!(records[0].quotes, a.quotes);
    assert!(records[1].quotes.is_empty());
    assert!(store.get("abcd").unwrap().is_none(), "an ambiguous prefix names nothing");
    assert_eq!(store.get("ABCD2").unwrap().unwrap().article.id.as_str(), "abcd2222");
    assert_eq!(store.get("ef00").unwrap().unwrap().article.text, "Third body.");
    assert!(store.get("abc").unwrap().is_none(), "too short to be a prefix");
    let existing = store.existing(&[&ids[0], &ArticleId::from_string("ffff".into())]).unwrap();
    assert_eq!(existing, [ids[0].clone()]);
}

#[test]
fn older_rows_are_listed_for_analysis_once() {
    let mut store = Store::open_in_memory().unwrap();
    store.add(&[article("aaaa1", "Body one."), article("bbbb2", "Body two.")]).unwrap();
    assert!(store.unanalysed(10).unwrap().is_empty(), "new rows carry the current analyses");
    // A row stored before the version column reads as version 0.
    store.conn.execute("UPDATE articles SET analysis = 0 WHERE id = 'bbbb2'", []).unwrap();
    let mut old = store.unanalysed(10).unwrap();
    assert_eq!(old.len(), 1);
    old[0].mentions = vec![Mention {
        start: 0,
        end: 4,
        text: "Body".into(),
        kind: EntityKind::Other,
        name: "Body".into(),
        role: None,
    }];
    store.set_analyses(&old).unwrap();
    assert!(store.unanalysed(10).unwrap().is_empty());
    assert_eq!(store.get("bbbb2").unwrap().unwrap().mentions, old[0].mentions);
}

#[test]
fn clustering_state_round_trips_a_row_at_a_time() {
    let mut store = Store::open_in_memory().unwrap();
    store.add(&[article("aaaa1", "Body one."), article("bbbb2", "Body two.")]).unwrap();
    let head = |number: u32, id: &str, merged_into: Option<u32>| ClusterStory {
        number,
        id: id.into(),
        first: Some(jiff::civil::date(2026, 3, 3)),
        last: None,
        merged_into,
        state: b"{}".to_vec(),
    };
    let update = StoryUpdate {
        assignments: vec![(ArticleId::from_string("aaaa1".into()), "saaaa1".into())],
        stories: vec![Story {
            id: "saaaa1".into(),
            title: Some("T".into()),
            key_terms: vec!["body".into()],
            first: None,
            last: None,
            merged_into: None,
        }],
        clusterer: ClusterRows {
            globals: b"{\"docs\":2}".to_vec(),
            terms: vec![(u64::MAX, 2, Some("body".into())), (7, 0, None)],
            postings: vec![(u64::MAX, 0), (u64::MAX, 1)],
            stories: vec![head(0, "saaaa1", None), head(1, "sbbbb2", Some(0))],
        },
        near_added: vec![(1, (0..32).collect()), (2, (0..32).collect())],
        near_removed: Vec::new(),
        ..StoryUpdate::default()
    };
    store.save_stories(&update).unwrap();
    assert_eq!(store.state(CLUSTERER_STATE).unwrap().unwrap(), b"{\"docs\":2}");
    assert_eq!(store.cluster_terms(&[u64::MAX, 7, 8]).unwrap(), update.clusterer.terms);
    // A word once stored stays; the frequency is replaced.
    let again = StoryUpdate {
        clusterer: ClusterRows { terms: vec![(u64::MAX, 3, Some("other".into()))], ..ClusterRows::default() },
        near_removed: vec![(2, (0..32).collect())],
        ..StoryUpdate::default()
    };
    store.save_stories(&again).unwrap();
    assert_eq!(store.cluster_terms(&[u64::MAX]).unwrap(), [(u64::MAX, 3, Some("body".into()))]);
    assert_eq!(store.cluster_postings(u64::MAX, 1).unwrap().len(), 1);
    assert_eq!(store.cluster_postings(u64::MAX, 10).unwrap(), [0, 1]);
    let heads = store.cluster_stories(&[1, 0], false).unwrap();
    assert_eq!(heads.len(), 2);
    assert!(heads.iter().all(|h| h.state.is_empty()));
    assert_eq!(store.cluster_stories(&[1], true).unwrap(), [head(1, "sbbbb2", Some(0))]);
    assert!(matches!(store.cluster_stories(&[5], true), Err(Error::Missing { .. })));
    assert_eq!(store.cluster_story_number("sbbbb2").unwrap(), Some(1));
    let buckets = store.near_buckets(&(0..32).collect::<Vec<u64>>(), 10).unwrap();
    assert_eq!(buckets[3], [1], "the removed article left the index");
    assert!(store.near_buckets(&[3, 4], 10).unwrap().iter().all(Vec::is_empty), "keys are per band");
    assert_eq!(store.near_document(1).unwrap().1, "Body one.");
    assert_eq!(store.story("saaa").unwrap().unwrap().0.id, "saaaa1", "a story by a unique prefix");
}

thread_local! {
    static TRACED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn trace(sql: &str) {
    TRACED.with(|t| t.borrow_mut().push(sql.to_string()));
}

/// Every statement the ingest and clustering path runs (each `Store` method the engine calls
/// there), with its parameters, must find its rows through an index: a full scan of a table
/// makes work per article grow with the store. Whole-store reads (`all`, `stories`, `count`)
/// are for listings and are left out.
#[test]
fn the_ingest_and_clustering_path_never_scans_a_table() {
    let mut store = Store::open_in_memory().unwrap();
    store.conn.trace(Some(trace));
    let mut first = article("aaaa1111", "Body one.");
    first.times = vec![TimeExpr {
        start: 0,
        end: 4,
        text: "Body".into(),
        kind: parallax_core::TimeKind::Date,
        value: "2026-03-03".into(),
        modifier: None,
        resolved: true,
    }];
    store.add(&[first, article("bbbb2222", "body ONE"), article("cccc3333", "Other.")]).unwrap();
    let ids: Vec<ArticleId> = ["aaaa1111", "cccc3333"].map(|i| ArticleId::from_string(i.into())).into();
    let ids: Vec<&ArticleId> = ids.iter().collect();
    store.existing(&ids).unwrap();
    store.records(&ids).unwrap();
    store.unclustered().unwrap();
    store.placements(&ids).unwrap();
    store.unanalysed(10).unwrap();
    store.set_analyses(&store.records(&ids).unwrap()).unwrap();
    store.state(CLUSTERER_STATE).unwrap();
    store.cluster_terms(&[1, 2]).unwrap();
    store.cluster_postings(1, 401).unwrap();
    store.cluster_story_number("saaaa1111").unwrap();
    store.near_buckets(&[1, 2], 128).unwrap();
    let story = ClusterStory { number: 0, id: "saaaa1111".into(), state: b"{}".to_vec(), ..ClusterStory::default() };
    store
        .save_stories(&StoryUpdate {
            assignments: vec![(ids[0].clone(), "saaaa1111".into()), (ids[1].clone(), "scccc3333".into())],
            merges: vec![("scccc3333".into(), "saaaa1111".into(), ids[1].clone())],
            stories: vec![Story {
                id: "saaaa1111".into(),
                title: None,
                key_terms: Vec::new(),
                first: None,
                last: None,
                merged_into: None,
            }],
            clusterer: ClusterRows {
                globals: b"{}".to_vec(),
                terms: vec![(1, 1, Some("one".into()))],
                postings: vec![(1, 0)],
                stories: vec![story],
            },
            copies: vec![(ids[1].clone(), ids[0].clone())],
            near_added: vec![(1, (0..32).collect())],
            near_removed: vec![(3, (0..32).collect())],
        })
        .unwrap();
    store.cluster_stories(&[0], false).unwrap();
    store.cluster_stories(&[0], true).unwrap();
    store.near_document(1).unwrap();
    store.near_originals(0, 100).unwrap();
    store.index_near(&[(1, (0..32).collect())], true).unwrap();
    store.get("aaaa1111").unwrap();
    store.get("bbbb").unwrap();
    store.story("saaaa1111").unwrap();
    store.story("saaa").unwrap();
    store.copies_of(ids[0]).unwrap();
    store.conn.trace(None);

    let statements: Vec<String> = TRACED.with(|t| t.take());
    assert!(statements.len() > 30, "the path ran: {statements:#?}");
    let mut scans = Vec::new();
    for sql in &statements {
        let mut stmt = store.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let details: Vec<String> = stmt.query_map([], |r| r.get(3)).unwrap().map(Result::unwrap).collect();
        // Not tables: `json_each` (the batch of keys bound as one parameter) and the rows of a
        // subquery, which is bounded by its own plan.
        scans.extend(
            details
                .into_iter()
                .filter(|d| {
                    d.starts_with("SCAN ")
                        && !d.contains("VIRTUAL TABLE")
                        && !d.starts_with("SCAN (subquery-")
                        && d != "SCAN CONSTANT ROW"
                })
                .map(|d| format!("{d}  in  {sql}")),
        );
    }
    assert!(scans.is_empty(), "full scans on the hot path:\n{}", scans.join("\n"));
}
