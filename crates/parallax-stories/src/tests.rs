//! Stories on invented articles: one event told by several outlets, the look-alike event weeks
//! later, a syndicated copy, a bridging article.

use parallax_core::document::Document;

use super::*;

/// Adds an article of `title` and `text`, analysed as the engine does.
fn add(c: &mut StoryClusterer, id: &str, published: Option<Date>, title: Option<&str>, text: &str) -> Assignment {
    c.add(id, published, &Document::new(title, text))
}

fn date(s: &str) -> Option<Date> {
    Some(s.parse().unwrap())
}

const CALL_1: [(&str, &str); 3] = [
    ("Adler and Kovac discuss Tarn Valley border in phone call", "Varnian President Tomas Adler and Ostland Chancellor Irena Kovac spoke by phone on Tuesday about the disputed border post near Dorrik in the Tarn Valley. They agreed to form a joint border commission."),
    ("Kovac offers Adler a border commission", "Chancellor Irena Kovac offered a joint commission on the Tarn Valley border during a call with President Tomas Adler, her office said. The Dorrik post has strained ties since February."),
    ("Leaders of Varnia and Ostland talk borders", "The leaders of Varnia and Ostland, Tomas Adler and Irena Kovac, held their first phone call on the Dorrik border post. A commission will study the Tarn Valley line."),
];

const CALL_2: [(&str, &str); 2] = [
    ("Adler and Kovac agree grain transit deal in second call", "President Tomas Adler and Chancellor Irena Kovac agreed by phone to waive the grain transit fee at the port of Kessel, six weeks after their first call about the Tarn Valley border."),
    ("Grain fee waived after Adler and Kovac speak again", "Ostland grain will pass through Kessel without a transit fee until December, President Tomas Adler and Chancellor Irena Kovac agreed in a phone call. Grain exporters welcomed the deal."),
];

const FIRE: (&str, &str) = (
    "Fire at Tessaro chemical plant in Kessel kills two",
    "Two workers died when fire tore through the Tessaro Polymers chemical plant in Kessel's Dockside district overnight, the fire service said. Firefighters fought the blaze for seven hours.",
);

fn add_all(c: &mut StoryClusterer, items: &[(&str, &str, &str)], day: &str) -> Vec<String> {
    items.iter().map(|(id, title, text)| add(c, id, date(day), Some(title), text).story).collect()
}

#[test]
fn one_event_many_outlets_is_one_story() {
    let mut c = StoryClusterer::new(StoryConfig::default());
    let items: Vec<(&str, &str, &str)> =
        CALL_1.iter().zip(["a1", "a2", "a3"]).map(|((t, x), id)| (id, *t, *x)).collect();
    let stories = add_all(&mut c, &items, "2026-03-03");
    assert_eq!(stories, ["sa1", "sa1", "sa1"]);
    let fire = add(&mut c, "f1", date("2026-03-04"), Some(FIRE.0), FIRE.1);
    assert_eq!(fire.story, "sf1", "a different event opens its own story");
    assert_eq!(c.size("sa1"), Some(3));
    let summary = c.story("sa1").unwrap();
    assert!(summary.key_terms.iter().any(|t| t == "kovac" || t == "adler"), "{:?}", summary.key_terms);
}

#[test]
fn the_same_leaders_six_weeks_later_are_a_new_story() {
    let mut c = StoryClusterer::new(StoryConfig::default());
    let first: Vec<(&str, &str, &str)> =
        CALL_1.iter().zip(["a1", "a2", "a3"]).map(|((t, x), id)| (id, *t, *x)).collect();
    add_all(&mut c, &first, "2026-03-03");
    let second: Vec<(&str, &str, &str)> = CALL_2.iter().zip(["b1", "b2"]).map(|((t, x), id)| (id, *t, *x)).collect();
    let stories = add_all(&mut c, &second, "2026-04-14");
    assert_eq!(stories, ["sb1", "sb1"]);
    assert_eq!(c.current("sa1"), Some("sa1"));
}

#[test]
fn a_syndicated_copy_joins_its_original() {
    let mut c = StoryClusterer::new(StoryConfig::default());
    add(&mut c, "f1", date("2026-03-20"), Some(FIRE.0), FIRE.1);
    let copy = add(&mut c, "f2", date("2026-03-20"), Some("Deadly blaze at Kessel works"), FIRE.1);
    assert_eq!(copy.story, "sf1");
    assert!(copy.similarity > 0.8);
}

#[test]
fn undated_articles_still_cluster_by_content() {
    let mut c = StoryClusterer::new(StoryConfig::default());
    let a = add(&mut c, "u1", None, Some(CALL_1[0].0), CALL_1[0].1);
    let b = add(&mut c, "u2", None, Some(CALL_1[1].0), CALL_1[1].1);
    assert_eq!(a.story, b.story);
}

#[test]
fn a_bridging_article_merges_two_stories() {
    let config = StoryConfig { join: 0.3, join_single: 0.3, merge: 0.3, merge_stories: 0.3, ..StoryConfig::default() };
    let mut c = StoryClusterer::new(config);
    let x = add(
        &mut c,
        "x1",
        date("2026-03-20"),
        None,
        "Tessaro Polymers plant fire kills two workers; firefighters battle blaze.",
    );
    let y = add(
        &mut c,
        "y1",
        date("2026-03-20"),
        None,
        "Dockside residents evacuated from homes as smoke drifts over harbour.",
    );
    assert_ne!(x.story, y.story, "two stories before the bridge");
    let bridge = add(
        &mut c, "z1",
        date("2026-03-20"),
        None,
        "Tessaro Polymers plant fire kills two workers as firefighters battle blaze; Dockside residents evacuated from homes as smoke drifts over harbour.",
    );
    assert_eq!(bridge.story, "sx1", "the older story survives");
    assert_eq!(bridge.merged, ["sy1"]);
    assert_eq!(c.current("sy1"), Some("sx1"));
    assert_eq!(c.size("sy1"), Some(3));
    assert_eq!(c.story("sy1").unwrap().merged_into.as_deref(), Some("sx1"));
}
