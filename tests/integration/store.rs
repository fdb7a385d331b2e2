//! What the store keeps: exact duplicates stored once, re-runs adding nothing, legacy encodings.

use crate::{analyze_json, article};

const BODY: &str = "VARNOPOL (MPA) - President Tomas Adler and Chancellor Irena Kovac agreed on Tuesday to set up a border commission.\n\n\"We have found a way forward,\" Adler said.";

#[test]
fn exact_duplicates_are_linked_to_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::write(
        inputs.join("1-mpa.txt"),
        article("2026-03-03", "https://mpa-wire.example/a", "Leaders agree to border commission", BODY),
    )
    .unwrap();
    // The same wire story, republished with a new headline and byline: the body is the same.
    std::fs::write(
        inputs.join("2-dispatch.txt"),
        article(
            "2026-03-03",
            "Global Dispatch",
            "Varnia and Ostland to talk borders",
            &format!("By Stefan Orel\n\n{BODY}"),
        ),
    )
    .unwrap();
    let store = dir.path().join("store");
    let (_, json) = analyze_json(&store, &[inputs.to_str().unwrap()]);
    let a = &json["articles"];
    assert_eq!(a[0]["duplicate_of"], serde_json::Value::Null);
    assert_eq!(a[1]["duplicate_of"], a[0]["id"]);
    assert_eq!(a[1]["status"], "duplicate");
    assert_eq!(a[1]["outlet"], "Global Dispatch", "the copy keeps its own metadata");
    assert_eq!(a[1]["text"], a[0]["text"]);
    assert_eq!(json["run"]["duplicates"], 1);
}

#[test]
fn rerunning_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let (_, first) = analyze_json(&store, &["examples/corpus"]);
    let (_, second) = analyze_json(&store, &["examples/corpus"]);
    assert_eq!(first["run"]["added"].as_u64().unwrap(), first["articles"].as_array().unwrap().len() as u64);
    assert_eq!(second["run"]["added"], 0);
    assert_eq!(second["run"]["existing"], first["run"]["articles"]);
    let ids =
        |j: &serde_json::Value| j["articles"].as_array().unwrap().iter().map(|a| a["id"].clone()).collect::<Vec<_>>();
    assert_eq!(ids(&first), ids(&second));
    let db = rusqlite::Connection::open(store.join("parallax.db")).unwrap();
    let count: i64 = db.query_row("SELECT count(*) FROM articles", [], |r| r.get(0)).unwrap();
    assert_eq!(count as usize, ids(&first).len());
    // The re-run cleans and analyses nothing again (it reads the stored articles back), and
    // reports them as the first run did: only their status and the run's counts differ.
    let report = |j: &serde_json::Value| {
        let mut j = j.clone();
        j.as_object_mut().unwrap().remove("run");
        for a in j["articles"].as_array_mut().unwrap() {
            a.as_object_mut().unwrap().remove("status");
        }
        j
    };
    assert_eq!(report(&first), report(&second));
}

#[test]
fn legacy_encodings_and_bom_decode() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = dir.path().join("latin1.txt");
    let mut bytes = b"date 2026-02-11 Ostland Post\nStorm damage in Vesterhavn\n\n".to_vec();
    bytes.extend_from_slice(
        b"Zo\xEB M\xFCller, the mayor, said the caf\xE9 on the harbour front had lost its roof in the storm.",
    );
    std::fs::write(&latin1, bytes).unwrap();
    let bom = dir.path().join("bom.txt");
    std::fs::write(
        &bom,
        [
            b"\xEF\xBB\xBF".as_slice(),
            article(
                "2026-02-11",
                "unknown",
                "Roofs torn off",
                "The storm tore roofs off forty houses on Tuesday, the city said.",
            )
            .as_bytes(),
        ]
        .concat(),
    )
    .unwrap();
    let (out, json) = analyze_json(&dir.path().join("store"), &[latin1.to_str().unwrap(), bom.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(json["articles"][0]["text"].as_str().unwrap().starts_with("Zoë Müller, the mayor, said the café"));
    assert_eq!(json["articles"][1]["published"], "2026-02-11");
    assert_eq!(json["articles"][1]["title"], "Roofs torn off");
}

/// A store whose analyses come from older language stages (a lower `analysis` version) has
/// them found again, once, when it is opened: readers then see what today's stages find.
#[test]
fn older_analyses_are_found_again_once() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.txt");
    std::fs::write(&input, article("2026-03-03", "https://mpa-wire.example/a", "Leaders agree", BODY)).unwrap();
    let store = dir.path().join("store");
    let (_, first) = analyze_json(&store, &[input.to_str().unwrap()]);
    let id = first["articles"][0]["id"].as_str().unwrap().to_string();
    assert!(!first["quotes"].as_array().unwrap().is_empty(), "the article has a quote");

    // What an older Parallax might have left: a wrong quote, no time expressions, version 1.
    let db = store.join("parallax.db");
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute("UPDATE quotes SET text = 'stale words', speaker = 'Nobody'", []).unwrap();
    conn.execute("DELETE FROM times", []).unwrap();
    conn.execute("UPDATE articles SET analysis = 1", []).unwrap();
    drop(conn);

    let show = crate::parallax(&store).args(["articles", "show", &id, "--format", "json"]).output().unwrap();
    assert!(show.status.success(), "{}", String::from_utf8_lossy(&show.stderr));
    let view: serde_json::Value = serde_json::from_slice(&show.stdout).unwrap();
    assert_eq!(view["quotes"], first["quotes"], "the quotes are found again, not kept stale");
    assert_eq!(view["times"], first["times"], "missing time expressions are found");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let old: i64 = conn.query_row("SELECT count(*) FROM articles WHERE analysis < 2", [], |r| r.get(0)).unwrap();
    assert_eq!(old, 0, "every article is marked current, so this happens once");
}
