//! The CLI's output contract: JSON shapes (snapshots), other formats, stdin, JSON Lines.

use std::io::Write;
use std::process::Stdio;

use insta::assert_json_snapshot;

use crate::{analyze_json, article, parallax};

#[test]
fn analyze_json_contract_on_corpus_files() {
    let dir = tempfile::tempdir().unwrap();
    let (out, json) = analyze_json(
        dir.path(),
        &[
            "examples/corpus/c-mpa-tessaro-plant-fire-kessel.txt",
            "examples/corpus/a-varnia-today-adler-presses-kovac.txt",
            "examples/corpus/d-varnia-today-reinholt-loses-majority.txt",
            "examples/corpus/feeds/wire.jsonl",
        ],
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // Ids hash the absolute path of the input, which differs between checkouts; story ids and
    // member lists are made of article ids.
    assert_json_snapshot!(json, {
        ".articles[].id" => "[id]",
        ".articles[].story" => "[story]",
        ".stories[].id" => "[story]",
        ".stories[].articles[]" => "[id]",
        ".times[].article" => "[id]",
        ".quotes[].article" => "[id]",
        ".stories[].quote_variants[].renderings[].article" => "[id]",
        ".entities[].articles[]" => "[id]",
        ".timeline[].article" => "[id]",
        ".timeline[].articles[]" => "[id]",
        ".timeline[].story" => "[story]",
    });
}

#[test]
fn every_contract_field_is_present() {
    let dir = tempfile::tempdir().unwrap();
    let (_, json) = analyze_json(dir.path(), &["examples/corpus/b-ostland-post-kovac-grain-route-kessel.txt"]);
    for key in ["articles", "stories", "quotes", "entities", "times", "timeline"] {
        assert!(json[key].is_array(), "{key} missing");
    }
    let a = &json["articles"][0];
    for key in
        ["id", "source", "url", "outlet", "title", "authors", "published", "language", "text", "story", "duplicate_of"]
    {
        assert!(a.get(key).is_some(), "articles[].{key} missing");
    }
    assert_eq!(a["source"], "examples/corpus/b-ostland-post-kovac-grain-route-kessel.txt");
}

#[test]
fn text_markdown_and_jsonl_reports() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.txt");
    std::fs::write(
        &input,
        article(
            "2026-03-04",
            "Northern Ledger",
            "Fire at Kessel plant",
            "KESSEL: Two workers died in a fire at a chemical plant on Tuesday night, the city said.",
        ),
    )
    .unwrap();
    let store = dir.path().join("store");

    let text = parallax(&store).arg("analyze").arg(&input).output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.starts_with("Parallax: 1 article from 1 input: 1 new"), "{text}");
    assert!(
        text.contains("Northern Ledger") && text.contains("Fire at Kessel plant") && text.contains("Kessel · en"),
        "{text}"
    );

    let md = parallax(&store).args(["analyze", "--format", "markdown"]).arg(&input).output().unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(
        md.starts_with("# Parallax report") && md.contains("| 2026-03-04 | Northern Ledger | Fire at Kessel plant |"),
        "{md}"
    );

    let jsonl = parallax(&store).args(["analyze", "--format", "jsonl"]).arg(&input).output().unwrap();
    let line: serde_json::Value = serde_json::from_slice(&jsonl.stdout).unwrap();
    assert_eq!(line["status"], "existing", "the second run finds it stored");
    assert_eq!(line["place"], "Kessel");
}

#[test]
fn stdin_text_and_jsonl() {
    let dir = tempfile::tempdir().unwrap();
    for (input, title) in [
        (article("2026-03-04", "unknown", "From a pipe", "The council met on Tuesday and voted for new fire rules."), "From a pipe"),
        ("{\"headline\":\"From a feed\",\"body\":\"The council met on Wednesday to review the fire rules.\",\"link\":\"https://x.example/a\"}\n".to_string(), "From a feed"),
    ] {
        let mut child = parallax(dir.path())
            .args(["analyze", "--format", "json", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["articles"][0]["title"], title);
    }
}

#[test]
fn articles_list_show_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let ingest = parallax(&store)
        .args([
            "ingest",
            "examples/corpus/c-mpa-tessaro-plant-fire-kessel.txt",
            "examples/corpus/c-global-dispatch-deadly-blaze-kessel-works.txt",
        ])
        .output()
        .unwrap();
    assert!(ingest.status.success());
    assert!(String::from_utf8_lossy(&ingest.stdout).starts_with("2 articles from 2 inputs: 2 new"));

    let list = String::from_utf8(parallax(&store).arg("articles").output().unwrap().stdout).unwrap();
    assert!(list.contains("Two killed, 14 injured in fire") && list.ends_with("2 articles\n"), "{list}");
    let id = list.split_whitespace().next().unwrap();

    let show =
        String::from_utf8(parallax(&store).args(["articles", "show", &id[..6]]).output().unwrap().stdout).unwrap();
    assert!(show.contains("authors    Nora Lindqvist") && show.contains("place      Kessel"), "{show}");

    let missing = parallax(&store).args(["articles", "show", "ffffffffffff"]).output().unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no article with id"));

    let csv = String::from_utf8(parallax(&store).args(["export", "--format", "csv"]).output().unwrap().stdout).unwrap();
    assert!(csv.starts_with("id,source,url,outlet,section,title,authors,published"), "{csv}");
    assert_eq!(csv.lines().filter(|l| l.contains("mpa-wire.example")).count(), 1);

    let out_file = dir.path().join("all.jsonl");
    assert!(parallax(&store).args(["export", "--output"]).arg(&out_file).status().unwrap().success());
    let exported = std::fs::read_to_string(&out_file).unwrap();
    assert_eq!(exported.lines().count(), 2);
    for line in exported.lines() {
        serde_json::from_str::<serde_json::Value>(line).unwrap();
    }
}

#[test]
fn settings_come_from_a_config_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    // `parallax config` writes every setting; fed back, it reads as the same settings.
    let defaults = parallax(&store).arg("config").output().unwrap();
    assert!(defaults.status.success());
    let defaults = String::from_utf8(defaults.stdout).unwrap();
    assert!(defaults.contains("[stories]") && defaults.contains("max_bytes = 67108864"), "{defaults}");
    // Issue 14: the quote scorer's threshold is a setting.
    assert!(defaults.contains("[quotes]\nmin_confidence = "), "{defaults}");
    let file = dir.path().join("parallax.toml");
    std::fs::write(&file, &defaults).unwrap();
    let again = parallax(&store).arg("--config").arg(&file).arg("config").output().unwrap();
    assert_eq!(String::from_utf8(again.stdout).unwrap(), defaults);

    // A setting changes what a run does: inputs over the size limit are refused.
    std::fs::write(&file, "[read]\nmax_bytes = 100\n").unwrap();
    let input = dir.path().join("a.txt");
    std::fs::write(
        &input,
        article("2026-03-04", "unknown", "Council meets", &"The council met on Tuesday. ".repeat(10)),
    )
    .unwrap();
    let run = parallax(&store).arg("--config").arg(&file).arg("ingest").arg(&input).output().unwrap();
    assert_eq!(run.status.code(), Some(1), "the one input failed");
    assert!(String::from_utf8_lossy(&run.stderr).contains("too large"), "{}", String::from_utf8_lossy(&run.stderr));

    // A misspelt setting is an error naming the file and the key, not ignored.
    std::fs::write(&file, "[dedup]\ncontainmnt = 0.9\n").unwrap();
    let bad = parallax(&store).arg("--config").arg(&file).arg("articles").output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("parallax.toml") && err.contains("containmnt"), "{err}");
}
