//! Issue 6: quotes end to end on the example corpus — speakers, offsets into the clean text,
//! the report, and one speaker's words rendered differently across a story's outlets.

use serde_json::Value;

use crate::{analyze_json, parallax};

const STORM: &[&str] = &[
    "examples/corpus/g-mpa-storm-hilde-kills-four.txt",
    "examples/corpus/g-ostland-post-storm-hilde-north-coast.txt",
    "examples/corpus/g-global-dispatch-storm-hilde-three-dead.txt",
];

#[test]
fn issue_6_quotes_with_speakers_offsets_and_variants() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let (out, json) = analyze_json(&store, STORM);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let quotes = json["quotes"].as_array().unwrap();
    let texts: Vec<(&str, &str, &str)> = quotes
        .iter()
        .map(|q| (q["kind"].as_str().unwrap(), q["speaker"].as_str().unwrap(), q["text"].as_str().unwrap()))
        .collect();
    assert!(
        texts.iter().any(|&(k, s, t)| k == "direct" && s == "Tobias Renn" && t.starts_with("We have not seen a storm")),
        "{texts:#?}"
    );
    assert!(texts.iter().any(|&(k, s, _)| k == "indirect" && s == "Ostland Weather Service"), "{texts:#?}");
    // "Chancellor Irena Kovac said …" and a later "she" are one speaker.
    assert!(texts.iter().filter(|&&(_, s, _)| s == "Irena Kovac").count() >= 2, "{texts:#?}");

    // Offsets are chars of the article's clean text: the span is the quote's text, or (a direct
    // quote split by its cue) runs from its first part to its last.
    for q in quotes {
        let article = json["articles"].as_array().unwrap().iter().find(|a| a["id"] == q["article"]).unwrap();
        let chars: Vec<char> = article["text"].as_str().unwrap().chars().collect();
        let (s, e) = (q["start"].as_u64().unwrap() as usize, q["end"].as_u64().unwrap() as usize);
        let span: String = chars[s..e].iter().collect();
        let parts: Vec<&str> = q["text"].as_str().unwrap().split(" … ").collect();
        assert!(span.starts_with(parts[0]) && span.ends_with(parts[parts.len() - 1]), "{q:#}");
        assert!(parts.iter().all(|p| span.contains(p)), "{q:#}");
    }

    // The weather service's record gust as two outlets render it.
    let story =
        json["stories"].as_array().unwrap().iter().find(|s| !s["quote_variants"].as_array().unwrap().is_empty());
    let story = story.unwrap_or_else(|| panic!("no quote variants in {:#}", json["stories"]));
    let groups = story["quote_variants"].as_array().unwrap();
    let gust: &Value =
        groups.iter().find(|g| g["speaker"] == "Ostland Weather Service").unwrap_or_else(|| panic!("{groups:#?}"));
    let outlets: Vec<&str> =
        gust["renderings"].as_array().unwrap().iter().map(|r| r["outlet"].as_str().unwrap()).collect();
    assert_eq!(outlets, ["mpa-wire.example", "ostlandpost.example"]);
    let changes: Vec<&str> = gust["differences"][0].as_array().unwrap().iter().map(|d| d.as_str().unwrap()).collect();
    assert!(changes.contains(&"+kilometres per hour were") && changes.contains(&"-km h was"), "{changes:?}");

    let id = story["id"].as_str().unwrap();
    let shown = String::from_utf8(parallax(&store).args(["story", id]).output().unwrap().stdout).unwrap();
    assert!(shown.contains("Quoted differently") && shown.contains("Ostland Weather Service"), "{shown}");
    // Issue 14: the service's words are reported, not quoted: a paraphrase, never in marks.
    let gust_lines: Vec<&str> = shown.lines().skip_while(|l| !l.contains("Ostland Weather Service")).take(4).collect();
    assert!(
        gust_lines.iter().any(|l| l.contains("(paraphrase)")) && gust_lines.iter().all(|l| !l.contains('“')),
        "{shown}"
    );

    let report = parallax(&store).args(["analyze", "--format", "text"]).args(STORM).output().unwrap();
    let report = String::from_utf8(report.stdout).unwrap();
    assert!(report.contains("Quotes (") && report.contains("Tobias Renn"), "{report}");
}
