//! Bad inputs are reported with their path and reason and skipped; the rest is processed and
//! the exit status says that something failed.

use crate::{analyze_json, article};

#[test]
fn bad_files_are_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::write(
        inputs.join("1-good.txt"),
        article("2026-03-04", "unknown", "Good one", "The council voted on Tuesday to close the plant for a month."),
    )
    .unwrap();
    std::fs::write(inputs.join("2-empty.txt"), "  \n\n").unwrap();
    std::fs::write(inputs.join("3-binary.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").unwrap();
    std::fs::write(
        inputs.join("4-feed.jsonl"),
        "{\"title\":\"Fine\",\"text\":\"The plant will reopen in May, the owner said.\"}\n{not json\n{\"title\":\"No body\"}\n",
    )
    .unwrap();
    // Sparse: reported as too large from its size, never read.
    std::fs::File::create(inputs.join("5-huge.txt")).unwrap().set_len(65 * 1024 * 1024).unwrap();
    std::fs::write(inputs.join("6-error-page.txt"), "Error 403 Forbidden\n\nAccess denied\n").unwrap();
    std::fs::write(
        inputs.join("7-good.txt"),
        article("2026-03-05", "unknown", "Good two", "The plant's owner apologised to residents on Wednesday."),
    )
    .unwrap();
    let missing = dir.path().join("no-such-file.txt");

    let (out, json) = analyze_json(&dir.path().join("store"), &[inputs.to_str().unwrap(), missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "some inputs failed");
    let titles: Vec<&str> = json["articles"].as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["Good one", "Fine", "Good two"]);

    let stderr = String::from_utf8_lossy(&out.stderr);
    for expected in [
        "2-empty.txt: empty file",
        "3-binary.txt: binary data, not text",
        "4-feed.jsonl: line 2: invalid JSON",
        "4-feed.jsonl: line 3: no article text",
        "5-huge.txt: too large (68157440 bytes, the limit is 67108864)",
        "no-such-file.txt: No such file or directory",
        "6-error-page.txt: no article text left after cleaning",
    ] {
        assert!(stderr.contains(expected), "stderr lacks {expected:?}:\n{stderr}");
    }
    assert_eq!(json["run"]["failed"].as_array().unwrap().len(), 6);
    assert_eq!(json["run"]["skipped"].as_array().unwrap().len(), 1);
}

#[test]
fn only_bad_input_still_prints_a_report() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let (out, json) = analyze_json(&dir.path().join("store"), &[empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json["articles"].as_array().unwrap().len(), 0);
}

#[test]
fn unusable_store_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let not_a_dir = dir.path().join("file");
    std::fs::write(&not_a_dir, "x").unwrap();
    let out = crate::parallax(&not_a_dir).args(["analyze", "examples/corpus"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("cannot open the store in") && stderr.contains("file"), "{stderr}");
}
