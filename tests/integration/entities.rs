//! Issue 6: entities end to end on the example corpus — one canonical name per person across
//! outlets, roles, places, no outlets as organisations — and the `entities` command.

use serde_json::Value;

use crate::{analyze_json, parallax};

/// The articles about the first Adler–Kovac phone call, from seven outlets.
const CALL: &[&str] = &[
    "examples/corpus/a-civic-review-analysis-phone-diplomacy.txt",
    "examples/corpus/a-global-dispatch-varnia-ostland-leaders-call.txt",
    "examples/corpus/a-harbour-radio-border-call-kessel-reaction.txt",
    "examples/corpus/a-mpa-adler-kovac-border-call.txt",
    "examples/corpus/a-northern-ledger-leaders-discuss-tarn-valley.txt",
    "examples/corpus/a-ostland-post-kovac-call-border.txt",
    "examples/corpus/a-varnia-today-adler-presses-kovac.txt",
];

fn entity<'a>(json: &'a Value, name: &str) -> &'a Value {
    json["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == name)
        .unwrap_or_else(|| panic!("no entity {name:?} in {:#}", json["entities"]))
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect()
}

#[test]
fn issue_6_one_canonical_name_per_entity_across_outlets() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let (out, json) = analyze_json(&store, CALL);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    // "Ostland Chancellor Irena Kovac", "Chancellor Kovac", "Kovac", "the chancellor": one person.
    let kovac = entity(&json, "Irena Kovac");
    assert_eq!(kovac["kind"], "person");
    assert!(strings(&kovac["aliases"]).contains(&"Kovac"), "{kovac:#}");
    assert!(strings(&kovac["roles"]).iter().any(|r| r.contains("chancellor")), "{kovac:#}");
    assert!(kovac["articles"].as_array().unwrap().len() >= 6, "{kovac:#}");
    assert!(kovac["id"].as_str().unwrap().starts_with("e-"));
    let adler = entity(&json, "Tomas Adler");
    assert_eq!(adler["kind"], "person");
    assert!(strings(&adler["roles"]).iter().any(|r| r.contains("president")), "{adler:#}");
    for place in ["Ostland", "Varnia", "Dorrik", "Tarn Valley"] {
        assert_eq!(entity(&json, place)["kind"], "place", "{place}");
    }
    let names: Vec<&str> = json["entities"].as_array().unwrap().iter().map(|e| e["name"].as_str().unwrap()).collect();
    for not_an_entity in
        ["Kovac", "Chancellor", "Varnian", "Meridian Press Agency", "Varnia Today", "Harbour Radio News"]
    {
        assert!(!names.contains(&not_an_entity), "{not_an_entity:?} in {names:?}");
    }

    // Quote speakers use the canonical names: never "Ostland Chancellor Irena Kovac" in one
    // article and "Kovac" in another.
    let speakers: Vec<&str> =
        json["quotes"].as_array().unwrap().iter().map(|q| q["speaker"].as_str().unwrap()).collect();
    assert!(speakers.contains(&"Irena Kovac"), "{speakers:?}");
    for s in &speakers {
        if s.ends_with("Kovac") {
            assert_eq!(*s, "Irena Kovac", "{speakers:?}");
        }
    }

    // Again over the same store: the same entities, and the store-wide listing agrees.
    let (_, again) = analyze_json(&store, CALL);
    assert_eq!(again["entities"], json["entities"]);
    let out = parallax(&store).args(["entities", "--kind", "person", "--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let people: Value = serde_json::from_slice(&out.stdout).unwrap();
    let people = people.as_array().unwrap();
    assert!(people.iter().all(|e| e["kind"] == "person"));
    assert_eq!(
        people[0]["name"],
        json["entities"].as_array().unwrap().iter().find(|e| e["kind"] == "person").unwrap()["name"]
    );
    let out = parallax(&store).args(["entities"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines().any(|l| l.contains("person") && l.contains("Irena Kovac") && l.contains("also Kovac")),
        "{text}"
    );
    let out = parallax(&store).args(["entities", "--kind", "planet"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_report_lists_people_and_organisations() {
    let dir = tempfile::tempdir().unwrap();
    let out = parallax(&dir.path().join("store")).arg("analyze").args(CALL).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let section = text.split("People and organisations").nth(1).expect("an entities section");
    assert!(section.contains("Irena Kovac (person, "), "{section}");
    let out =
        parallax(&dir.path().join("store")).args(["analyze", "--format", "markdown"]).args(CALL).output().unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("## People and organisations") && md.contains("| Irena Kovac | person |"), "{md}");
}
