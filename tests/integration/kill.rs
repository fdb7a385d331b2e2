//! A run killed mid-way loses nothing it committed and duplicates nothing on the next run.

use std::time::{Duration, Instant};

use crate::{article, parallax};

/// Enough that the kill lands mid-run (it comes once 100 are committed), few enough that the
/// debug binary's second run stays short.
const FILES: usize = 1_000;

#[test]
fn killed_run_resumes_without_loss_or_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    for i in 0..FILES {
        let body = format!("KESSEL: Report number {i} says the council met on Tuesday and voted {i} times on the plant.\n\nThe plant will stay shut, officials said in statement {i}.");
        std::fs::write(
            inputs.join(format!("{i:05}.txt")),
            article("2026-03-04", "unknown", &format!("Report {i}"), &body),
        )
        .unwrap();
    }
    let store = dir.path().join("store");
    let db = store.join("parallax.db");
    let mut child = parallax(&store).arg("--quiet").arg("ingest").arg(&inputs).spawn().unwrap();

    // Kill as soon as some inputs are committed: a real SIGKILL, mid-transaction or between.
    let count = |db: &std::path::Path| -> Option<i64> {
        let conn = rusqlite::Connection::open(db).ok()?;
        conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0)).ok()
    };
    let start = Instant::now();
    while count(&db).unwrap_or(0) < 100 {
        assert!(start.elapsed() < Duration::from_secs(120), "ingest made no progress");
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();

    let conn = rusqlite::Connection::open(&db).unwrap();
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok");
    let committed: i64 = conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0)).unwrap();
    assert!(committed >= 100 && (committed as usize) < FILES, "killed mid-run: {committed} of {FILES} stored");
    drop(conn);

    let rerun = parallax(&store).arg("--quiet").arg("ingest").arg(&inputs).output().unwrap();
    assert!(rerun.status.success(), "{}", String::from_utf8_lossy(&rerun.stderr));
    let summary = String::from_utf8_lossy(&rerun.stdout);
    assert!(summary.contains(&format!("{} new", FILES as i64 - committed)), "{summary}");

    let conn = rusqlite::Connection::open(&db).unwrap();
    let (rows, distinct): (i64, i64) = conn
        .query_row("SELECT count(*), count(DISTINCT source) FROM articles", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    assert_eq!((rows as usize, distinct as usize), (FILES, FILES));
}
