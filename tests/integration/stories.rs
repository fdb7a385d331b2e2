//! Stories end to end: every article gets one, copies follow their original, ids stay stable
//! across runs, and the `stories` / `story` commands show them.

use crate::{analyze_json, parallax};

#[test]
fn every_article_gets_a_story_and_ids_are_stable() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let (_, first) = analyze_json(&store, &["examples/corpus"]);
    let articles = first["articles"].as_array().unwrap();
    assert!(articles.iter().all(|a| a["story"].is_string()), "every article has a story");
    let stories = first["stories"].as_array().unwrap();
    assert!(stories.len() >= 6 && stories.len() < articles.len(), "{} stories", stories.len());
    for s in stories {
        let members = s["articles"].as_array().unwrap();
        assert_eq!(s["article_count"].as_u64().unwrap() as usize, members.len());
        for id in members {
            let a = articles.iter().find(|a| &a["id"] == id).expect("story lists articles of the run");
            assert_eq!(a["story"], s["id"]);
        }
    }
    // The same files again: nothing re-clustered, same story for every article.
    let (_, second) = analyze_json(&store, &["examples/corpus"]);
    let story_of = |j: &serde_json::Value| {
        j["articles"].as_array().unwrap().iter().map(|a| a["story"].clone()).collect::<Vec<_>>()
    };
    assert_eq!(story_of(&first), story_of(&second));
}

#[test]
fn the_two_phone_calls_weeks_apart_are_two_stories() {
    let dir = tempfile::tempdir().unwrap();
    let (_, json) = analyze_json(
        &dir.path().join("store"),
        &[
            "examples/corpus/a-mpa-adler-kovac-border-call.txt",
            "examples/corpus/a-northern-ledger-leaders-discuss-tarn-valley.txt",
            "examples/corpus/b-mpa-second-call-grain-exports.txt",
            "examples/corpus/b-northern-ledger-adler-kovac-speak-again-grain.txt",
        ],
    );
    let s: Vec<&serde_json::Value> = json["articles"].as_array().unwrap().iter().map(|a| &a["story"]).collect();
    assert_eq!(s[0], s[1], "the March call is one story");
    assert_eq!(s[2], s[3], "the April call is one story");
    assert_ne!(s[0], s[2], "the two calls are two stories");
}

#[test]
fn stories_and_story_commands() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let (_, json) = analyze_json(
        &store,
        &[
            "examples/corpus/c-mpa-tessaro-plant-fire-kessel.txt",
            "examples/corpus/c-global-dispatch-deadly-blaze-kessel-works.txt",
        ],
    );
    let id = json["articles"][0]["story"].as_str().unwrap().to_string();
    assert_eq!(json["articles"][1]["story"], json["articles"][0]["story"], "the republished copy joins the original");

    let list = String::from_utf8(parallax(&store).arg("stories").output().unwrap().stdout).unwrap();
    assert!(list.contains(&id) && list.ends_with("1 story\n"), "{list}");

    let show = String::from_utf8(parallax(&store).args(["story", &id]).output().unwrap().stdout).unwrap();
    assert!(
        show.contains("2 articles") && show.contains("mpa-wire.example") && show.contains("globaldispatch.example"),
        "{show}"
    );

    let missing = parallax(&store).args(["story", "s-none"]).output().unwrap();
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn syndicated_copies_link_to_the_original_and_do_not_count_as_coverage() {
    let dir = tempfile::tempdir().unwrap();
    let (_, json) = analyze_json(
        &dir.path().join("store"),
        &[
            // The republications first: the original is recognised by its earlier publication time (given
            // in three time zones), not by arrival.
            "examples/corpus/c-global-dispatch-deadly-blaze-kessel-works.txt",
            "examples/corpus/c-harbour-radio-dockside-fire-windows-shut.txt",
            "examples/corpus/c-mpa-tessaro-plant-fire-kessel.txt",
            "examples/corpus/c-kessel-courier-dockside-residents-fire.txt",
        ],
    );
    let a = json["articles"].as_array().unwrap();
    let (dispatch, harbour, mpa, courier) = (&a[0], &a[1], &a[2], &a[3]);
    assert_eq!(mpa["duplicate_of"], serde_json::Value::Null);
    assert_eq!(dispatch["duplicate_of"], mpa["id"], "trimmed ending, new headline");
    assert_eq!(harbour["duplicate_of"], mpa["id"], "added local paragraph, trimmed ending");
    assert_eq!(courier["duplicate_of"], serde_json::Value::Null, "an own report of the same event is not a copy");
    let story = json["stories"].as_array().unwrap().iter().find(|s| s["id"] == mpa["story"]).unwrap();
    assert_eq!(story["copies"], 2);
    let outlets: Vec<&str> = story["outlets"].as_array().unwrap().iter().map(|o| o.as_str().unwrap()).collect();
    assert!(!outlets.contains(&"globaldispatch.example") && !outlets.contains(&"Harbour Radio News"), "{outlets:?}");
}
