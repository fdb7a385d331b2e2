//! Every `--format json` output of the CLI on part of the example corpus, pinned by snapshots:
//! the shapes are the contract the evaluation scripts, users' tools and the coming HTTP API
//! read. Each concept (article, story, quote, entity, time, timeline entry) has one shape
//! wherever it appears.
//!
//! Article ids hash the absolute path of the input, which differs between checkouts, so every
//! id is replaced by a name given in order of first appearance (`A1`, `A2`, …; a story id by
//! `sA1`): the snapshots still show which article is a copy of which and what each story holds.

use std::collections::HashMap;
use std::path::Path;

use insta::assert_json_snapshot;
use serde_json::Value;

use crate::parallax;

/// The fire (one agency original, its republications, two reports of their own) and the storm
/// (quotes rendered differently by two outlets): copies, stories, quote variants, conflicts.
const INPUTS: &[&str] = &[
    "examples/corpus/c-continental-wire-varnian-port-plant-fire.txt",
    "examples/corpus/c-global-dispatch-deadly-blaze-kessel-works.txt",
    "examples/corpus/c-harbour-radio-dockside-fire-windows-shut.txt",
    "examples/corpus/c-kessel-courier-dockside-residents-fire.txt",
    "examples/corpus/c-mpa-tessaro-plant-fire-kessel.txt",
    "examples/corpus/c-varnia-today-kessel-fire-two-dead.txt",
    "examples/corpus/g-mpa-storm-hilde-kills-four.txt",
    "examples/corpus/g-ostland-post-storm-hilde-north-coast.txt",
];

/// Runs the binary and parses its stdout as JSON (or JSON Lines, as an array).
fn json(store: &Path, args: &[&str]) -> Value {
    let out = parallax(store).args(args).output().expect("runs parallax");
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("stdout is UTF-8");
    serde_json::from_str(&text)
        .unwrap_or_else(|_| Value::Array(text.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect()))
}

/// Stable names for article ids, in order of first appearance in `articles`.
struct Ids(HashMap<String, String>);

impl Ids {
    fn new(articles: &Value) -> Ids {
        let mut names = HashMap::new();
        for a in articles.as_array().expect("an array of articles") {
            let id = a["id"].as_str().expect("an article id").to_string();
            let name = format!("A{}", names.len() + 1);
            names.entry(id).or_insert(name);
        }
        Ids(names)
    }

    /// `value` with every article id (and story id, `s` + an article id) replaced by its name.
    fn stable(&self, mut value: Value) -> Value {
        self.rename(&mut value);
        value
    }

    fn rename(&self, value: &mut Value) {
        match value {
            Value::String(s) => {
                if let Some(name) = self.0.get(s.as_str()) {
                    *s = name.clone();
                } else if let Some(name) = s.strip_prefix('s').and_then(|id| self.0.get(id)) {
                    *s = format!("s{name}");
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|v| self.rename(v)),
            Value::Object(map) => map.values_mut().for_each(|v| self.rename(v)),
            _ => {}
        }
    }
}

#[test]
fn every_json_output_on_the_example_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let analysis = json(&store, &[&["analyze", "--format", "json"], INPUTS].concat());
    let ids = Ids::new(&analysis["articles"]);
    let first = ids.0.iter().find(|(_, name)| *name == "A1").map(|(id, _)| id.clone()).unwrap();
    let fire = analysis["articles"][0]["story"].as_str().expect("the first article has a story").to_string();

    assert_json_snapshot!("analyze", ids.stable(analysis));
    // A re-run stores nothing new: every article is `existing`, the rest is the same.
    assert_json_snapshot!(
        "analyze_jsonl_rerun",
        ids.stable(json(&store, &[&["analyze", "--format", "jsonl"], INPUTS].concat()))
    );
    assert_json_snapshot!("articles", ids.stable(json(&store, &["articles", "list", "--format", "json"])));
    assert_json_snapshot!("article", ids.stable(json(&store, &["articles", "show", &first[..6], "--format", "json"])));
    assert_json_snapshot!("stories", ids.stable(json(&store, &["stories", "--format", "json"])));
    assert_json_snapshot!("story", ids.stable(json(&store, &["story", &fire, "--format", "json"])));
    assert_json_snapshot!("timeline", ids.stable(json(&store, &["timeline", "--format", "json"])));
    assert_json_snapshot!(
        "timeline_story",
        ids.stable(json(&store, &["timeline", "--story", &fire, "--format", "json"]))
    );
    assert_json_snapshot!("entities", ids.stable(json(&store, &["entities", "--format", "json"])));
    assert_json_snapshot!(
        "entities_person",
        ids.stable(json(&store, &["entities", "--kind", "person", "--format", "json"]))
    );
    assert_json_snapshot!("export", ids.stable(json(&store, &["export"])));
    assert_json_snapshot!(
        "extract",
        ids.stable(json(&store, &[&["extract", "--format", "json"], &INPUTS[..2]].concat()))
    );
}
