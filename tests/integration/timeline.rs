//! Issue 7: time expressions in the JSON contract and timelines, from invented articles.

use crate::{analyze_json, article, parallax};

#[test]
fn issue_7_times_are_normalised_and_the_timeline_is_sorted() {
    let dir = tempfile::tempdir().unwrap();
    let preview = dir.path().join("preview.txt");
    let report = dir.path().join("report.txt");
    let undated = dir.path().join("undated.txt");
    // 2026-03-04 is a Wednesday.
    std::fs::write(
        &preview,
        article(
            "2026-03-04",
            "kessel-courier.example",
            "Council to vote",
            "The council will vote on Tuesday on the bridge, which closed on Nov. 20 after two months of repairs.",
        ),
    )
    .unwrap();
    std::fs::write(
        &report,
        article(
            "2026-03-04",
            "ostland-post.example",
            "Bridge reopens",
            "The bridge reopened on Tuesday. The day before, inspectors signed it off.",
        ),
    )
    .unwrap();
    std::fs::write(dir.path().join("undated.txt"), "\nThe bridge closed again on Friday.\n").unwrap();
    let store = dir.path().join("store");
    let paths: Vec<String> = [&preview, &report, &undated].iter().map(|p| p.display().to_string()).collect();
    let args: Vec<&str> = paths.iter().map(String::as_str).collect();
    let (out, json) = analyze_json(&store, &args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let ids: Vec<&str> = json["articles"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    let times: Vec<(usize, String, String, bool)> = json["times"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let article = ids.iter().position(|id| *id == t["article"].as_str().unwrap()).unwrap();
            (
                article,
                t["text"].as_str().unwrap().to_string(),
                t["value"].as_str().unwrap().to_string(),
                t["resolved"].as_bool().unwrap(),
            )
        })
        .collect();
    let expected = [
        (0, "Tuesday", "2026-03-10", true),
        (0, "Nov. 20", "2025-11-20", true),
        (0, "two months", "P2M", true),
        (1, "Tuesday", "2026-03-03", true),
        (1, "The day before", "2026-03-02", true),
        (2, "Friday", "XXXX-WXX-5", false),
    ];
    let expected: Vec<(usize, String, String, bool)> =
        expected.iter().map(|(a, t, v, r)| (*a, t.to_string(), v.to_string(), *r)).collect();
    assert_eq!(times, expected);
    // Offsets are chars of the article's text.
    let t = &json["times"][0];
    let text: Vec<char> = json["articles"][0]["text"].as_str().unwrap().chars().collect();
    let (start, end) = (t["start"].as_u64().unwrap() as usize, t["end"].as_u64().unwrap() as usize);
    assert_eq!(text[start..end].iter().collect::<String>(), "Tuesday");

    let dates: Vec<&str> = json["timeline"].as_array().unwrap().iter().map(|e| e["date"].as_str().unwrap()).collect();
    assert_eq!(dates, ["2025-11-20", "2026-03-02", "2026-03-03", "2026-03-10"]);

    // The same timeline from the store, and an unknown story is an error.
    let out = parallax(&store).args(["timeline", "--format", "json"]).output().unwrap();
    assert!(out.status.success());
    let stored: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stored, json["timeline"]);
    let out = parallax(&store).args(["timeline", "--story", "s-none"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
