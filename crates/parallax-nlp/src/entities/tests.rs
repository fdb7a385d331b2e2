//! Tests of the entity finder and linker, on invented text only.

use parallax_core::document::Document;
use parallax_core::{ArticleId, Entity, EntityKind, Mention};
use proptest::prelude::*;

use super::*;

/// The stage on a document of `title` and `text`.
fn mentions(title: Option<&str>, text: &str) -> Vec<Mention> {
    super::mentions(&Document::new(title, text))
}

use EntityKind::{Organization as O, Other as X, Person as P, Place as L};

/// The (text, kind, name, role) of every mention of `text` with the headline `title`.
fn found(title: Option<&str>, text: &str) -> Vec<(String, EntityKind, String, Option<String>)> {
    mentions(title, text).into_iter().map(|m| (m.text, m.kind, m.name, m.role)).collect()
}

/// Checks the mentions of `text` (no headline): each expected (text, kind, name) is found, in
/// order, and no mention has a text listed in `absent`.
fn check(text: &str, expected: &[(&str, EntityKind, &str)], absent: &[&str]) {
    let got = found(None, text);
    let mut at = 0;
    for (t, k, n) in expected {
        match got[at..].iter().position(|(gt, gk, gn, _)| gt == t && gk == k && gn == n) {
            Some(p) => at += p + 1,
            None => panic!("{t:?} ({k:?}, {n:?}) not found in order in {got:#?}"),
        }
    }
    for a in absent {
        assert!(got.iter().all(|(t, ..)| t != a), "{a:?} should not be a mention: {got:#?}");
    }
}

/// The role given at the mention whose text is `text`.
fn role_of(text: &str, mention: &str) -> Option<String> {
    found(None, text).into_iter().find(|(t, ..)| t == mention).and_then(|(.., r)| r)
}

fn id(s: &str) -> ArticleId {
    ArticleId::from_string(s.to_string())
}

fn linked(articles: &[(&str, &str)]) -> Linked {
    let items: Vec<(ArticleId, Vec<Mention>)> = articles.iter().map(|(i, t)| (id(i), mentions(None, t))).collect();
    link(&items)
}

fn entity<'a>(linked: &'a Linked, name: &str) -> &'a Entity {
    linked
        .entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity {name:?} in {:#?}", linked.entities))
}

#[test]
fn sentence_initial_capitals_are_grammar() {
    check(
        "Later, Anna Berg visited the harbour. Asked about the bridge, Berg said repairs would take a year. \
         Residents were not convinced. Harbour workers said the same.\n\nMeanwhile Berg left for talks in Kessel.",
        &[("Anna Berg", P, "Anna Berg"), ("Berg", P, "Anna Berg"), ("Berg", P, "Anna Berg"), ("Kessel", L, "Kessel")],
        &["Later", "Asked", "Residents", "Harbour", "Meanwhile", "Meanwhile Berg"],
    );
    // A name the text gives mid-sentence is a name at a sentence start too.
    check(
        "The port is run by Tessaro Logistics Group. Tessaro said on Monday it would hire.",
        &[("Tessaro Logistics Group", O, "Tessaro Logistics Group"), ("Tessaro", O, "Tessaro Logistics Group")],
        &["Monday", "The"],
    );
}

#[test]
fn months_days_and_pronouns_are_no_entities() {
    check(
        "On Tuesday, in March, I met them. In May the council voted; on Friday it met again.",
        &[],
        &["Tuesday", "March", "I", "May", "Friday", "On", "In"],
    );
}

#[test]
fn headline_case_says_nothing_and_sentence_case_confirms() {
    let text = "Bridge works were delayed again, officials said.\n\nWhat Happens Next\n\nThe council meets on Monday.";
    // A headline-case title capitalises every word: "Bridge" is still grammar in the text.
    let got = found(Some("Kessel Bridge Works Delayed Again As Council Waits"), text);
    assert!(got.iter().all(|(t, ..)| t != "Bridge" && t != "What" && t != "Happens Next"), "{got:?}");
    // A sentence-case title confirms the names it capitalises mid-sentence.
    let got =
        found(Some("Delays for Brodno as works stall"), "Brodno residents waited.\n\nThe works stalled in Brodno.");
    assert_eq!(got.iter().filter(|(t, ..)| t == "Brodno").count(), 2, "{got:?}");
}

#[test]
fn outlets_are_not_organisations_in_the_story() {
    check(
        "Anna Berg told the Kessel Courier that Brenna Bank would close two branches. \"We will talk,\" she told CNN. \
         Brenna Bank declined to comment to Harbour Radio.",
        &[("Anna Berg", P, "Anna Berg"), ("Brenna Bank", O, "Brenna Bank"), ("Brenna Bank", O, "Brenna Bank")],
        &["Kessel Courier", "CNN", "Harbour Radio"],
    );
    // The article's own outlet, however the input names it.
    let mut ms = mentions(None, "Lena Ostrova spoke to Varnia Today about the vote in Kessel.");
    drop_outlet(&mut ms, "https://www.varniatoday.example/politics/1");
    let names: Vec<&str> = ms.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["Lena Ostrova", "Kessel"]);
    // A dateline's agency: "(MPA)".
    check(
        "KESSEL, May 4 (MPA) - The Kessel Port Authority said ships were waiting.",
        &[("KESSEL", L, "Kessel")],
        &["MPA"],
    );
}

#[test]
fn places_inside_organisation_names_are_not_places() {
    check(
        "The Bank of Varnia raised rates. Analysts at the University of Brenna expected it, and prices in Varnia rose.",
        &[
            ("Bank of Varnia", O, "Bank of Varnia"),
            ("University of Brenna", O, "University of Brenna"),
            ("Varnia", L, "Varnia"),
        ],
        &["Brenna"],
    );
    let places = found(None, "Staff at Kessel General Hospital and the Ostland Insurance Association were told.");
    assert!(places.iter().all(|(_, k, ..)| *k == O), "{places:?}");
}

#[test]
fn kinds_come_from_the_evidence_around_a_name() {
    check(
        "Mr. Dorn met workers near Halvik. Residents of the Nordby district and the village of Aske were evacuated. \
         The energy company Voltaro said power was back. Piet Almer, 52, who drives a forklift, was hurt. \
         Storm Ilse hit Tarnby Bay, and Ilse moved north.",
        &[
            ("Dorn", P, "Dorn"),
            ("Halvik", L, "Halvik"),
            ("Nordby", L, "Nordby"),
            ("Aske", L, "Aske"),
            ("Voltaro", O, "Voltaro"),
            ("Piet Almer", P, "Piet Almer"),
            ("Storm Ilse", X, "Storm Ilse"),
            ("Tarnby Bay", L, "Tarnby Bay"),
            ("Ilse", X, "Storm Ilse"),
        ],
        &["Mr. Dorn", "Residents"],
    );
}

#[test]
fn titles_come_off_names_and_become_roles() {
    let text = "German Chancellor Anna Berg met Varnian President Tomas Adler. Lena Ostrova, the spokeswoman, \
                confirmed it. Kessel's mayor, Ivo Brandt, was not invited. spokesman Emil Sand and former judge \
                Alma Dreyer agreed.";
    check(
        text,
        &[("Anna Berg", P, "Anna Berg"), ("Tomas Adler", P, "Tomas Adler"), ("Lena Ostrova", P, "Lena Ostrova")],
        &["German Chancellor Anna Berg", "Chancellor", "German", "Varnian"],
    );
    assert_eq!(role_of(text, "Anna Berg").as_deref(), Some("German chancellor"));
    assert_eq!(role_of(text, "Tomas Adler").as_deref(), Some("Varnian president"));
    assert_eq!(role_of(text, "Lena Ostrova").as_deref(), Some("spokeswoman"));
    assert_eq!(role_of(text, "Ivo Brandt").as_deref(), Some("mayor of Kessel"));
    assert_eq!(role_of(text, "Emil Sand").as_deref(), Some("spokesman"));
    assert_eq!(role_of(text, "Alma Dreyer").as_deref(), Some("former judge"));
    // A place before the title is the title's owner, and a place of its own.
    let text = "Ostland Chancellor Irena Kovac flew home.";
    check(text, &[("Ostland", L, "Ostland"), ("Irena Kovac", P, "Irena Kovac")], &[]);
    assert_eq!(role_of(text, "Irena Kovac").as_deref(), Some("chancellor of Ostland"));
}

#[test]
fn descriptions_stand_for_the_person_given_that_role() {
    check(
        "Chancellor Anna Berg and Mayor Ivo Brandt spoke on Monday. The chancellor said the talks went well; \
         the mayor was less sure. Later the chancellor flew back.",
        &[
            ("Anna Berg", P, "Anna Berg"),
            ("Ivo Brandt", P, "Ivo Brandt"),
            ("The chancellor", P, "Anna Berg"),
            ("the mayor", P, "Ivo Brandt"),
            ("the chancellor", P, "Anna Berg"),
        ],
        &[],
    );
    // With no chancellor named, "the chancellor" is no mention.
    check("The chancellor said the talks went well.", &[], &["The chancellor"]);
}

#[test]
fn surnames_first_names_and_acronyms_take_the_fullest_name_in_the_article() {
    check(
        "Anna Berg of the National Unity Party (NUP) spoke first. Berg said the NUP would win, and Anna laughed. \
         Lars Dahl and Mira Dahl disagreed; Dahl left.",
        &[
            ("Anna Berg", P, "Anna Berg"),
            ("National Unity Party", O, "National Unity Party"),
            ("NUP", O, "National Unity Party"),
            ("Berg", P, "Anna Berg"),
            ("NUP", O, "National Unity Party"),
            ("Anna", P, "Anna Berg"),
            ("Lars Dahl", P, "Lars Dahl"),
            ("Mira Dahl", P, "Mira Dahl"),
            // Two people share the surname: the one named last before it.
            ("Dahl", P, "Mira Dahl"),
        ],
        &[],
    );
}

#[test]
fn a_surname_joins_the_one_full_name_across_articles() {
    let l = linked(&[
        ("a1", "German Chancellor Anna Berg arrived in Kessel on Monday."),
        ("a2", "Chancellor Berg said the bridge would reopen."),
        ("a3", "Kessel's council thanked Berg, who had promised funds."),
    ]);
    let berg = entity(&l, "Anna Berg");
    assert_eq!(berg.kind, P);
    assert_eq!(berg.aliases, ["Berg"]);
    assert_eq!(berg.articles, [id("a1"), id("a2"), id("a3")]);
    assert!(berg.roles.iter().any(|r| r == "German chancellor"), "{:?}", berg.roles);
    assert!(l.entities.iter().all(|e| e.name != "Berg"));
    // Quote speakers as the quote finder writes them map to the canonical name.
    assert_eq!(l.canonical(&id("a2"), "Berg"), Some("Anna Berg"));
    assert_eq!(l.canonical(&id("a2"), "Mr. Berg"), Some("Anna Berg"));
    assert_eq!(l.canonical(&id("a1"), "German Chancellor Anna Berg"), Some("Anna Berg"));
    assert_eq!(l.canonical(&id("a1"), "Berg"), Some("Anna Berg"));
    assert_eq!(l.canonical(&id("a2"), "the chancellor"), None);
    assert_eq!(l.canonical(&id("a2"), "Tomas Adler"), None, "not named in that article");
    assert_eq!(l.canonical(&id("zz"), "Berg"), None);
}

#[test]
fn two_people_sharing_a_surname_are_not_merged() {
    let l = linked(&[
        ("a1", "Anna Berg, the spokeswoman, spoke first."),
        ("a2", "Lars Berg, a farmer, spoke next."),
        ("a3", "Berg said nothing more."),
    ]);
    for name in ["Anna Berg", "Lars Berg", "Berg"] {
        assert_eq!(entity(&l, name).articles.len(), 1, "{name}");
    }
    assert_eq!(l.canonical(&id("a3"), "Berg"), Some("Berg"));
}

#[test]
fn a_first_word_joins_the_organisation_it_opens_but_a_place_does_not() {
    let l = linked(&[
        ("a1", "Tessaro Polymers runs a plant at Kessel General Hospital's gate in Kessel."),
        ("a2", "A spokesman for Tessaro declined to comment. The mood in Kessel was grim."),
    ]);
    assert_eq!(entity(&l, "Tessaro Polymers").aliases, ["Tessaro"]);
    assert_eq!(entity(&l, "Kessel").kind, L);
    assert!(entity(&l, "Kessel General Hospital").aliases.is_empty());
}

#[test]
fn linking_is_deterministic_and_ids_are_stable() {
    let articles = [
        ("a1", "Anna Berg met Tomas Adler in Kessel."),
        ("a2", "Adler and Berg spoke again in Kessel; the Bank of Varnia watched."),
    ];
    let (x, y) = (linked(&articles), linked(&articles));
    assert_eq!(x.entities, y.entities);
    let kessel = entity(&x, "Kessel");
    assert_eq!(kessel.id, Entity::id_for("Kessel", L));
    // Most widely mentioned first, then by name.
    let order: Vec<(usize, &str)> = x.entities.iter().map(|e| (e.articles.len(), e.name.as_str())).collect();
    let mut sorted = order.clone();
    sorted.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    assert_eq!(order, sorted);
}

#[test]
fn offsets_are_chars_of_the_text() {
    let text = "Zoë Müller – the forecaster – warned Søren Åberg in Brede.";
    for m in mentions(None, text) {
        let chars: String = text.chars().skip(m.start).take(m.end - m.start).collect();
        assert_eq!(chars, m.text);
    }
    let names: Vec<String> = mentions(None, text).into_iter().map(|m| m.name).collect();
    assert_eq!(names, ["Zoë Müller", "Søren Åberg", "Brede"]);
}

proptest! {
    #[test]
    fn no_input_panics_and_offsets_fit(
        text in "([A-Z][a-zé’']{0,8}|[a-z]{1,6}|[ ,.;:\"“”()'’-]|\n|Mr\\.|the|of|and|'s|[0-9]{1,3}|Öß|—|Bank|Chancellor|KESSEL|R-Ky){0,80}",
        title in proptest::option::of("[A-Za-z ,]{0,30}"),
    ) {
        let chars: Vec<char> = text.chars().collect();
        let ms = mentions(title.as_deref(), &text);
        for m in &ms {
            prop_assert!(m.start < m.end && m.end <= chars.len(), "{m:?}");
            prop_assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text.clone());
            prop_assert!(!m.name.is_empty());
        }
        let linked = link(&[(ArticleId::from_string("a".into()), ms.clone())]);
        for m in &ms {
            // Every name form an article gives is known to the linker.
            prop_assert!(linked.entities.iter().any(|e| e.name == m.name || e.aliases.contains(&m.name)), "{m:?}");
        }
    }
}

// Issue 14: kinds on real text.

#[test]
fn platforms_products_and_phrases_are_no_people() {
    // A platform is a medium, dropped like an outlet.
    check(
        "The clip spread on ChatterBox Live within hours. ChatterBox Live removed it on Tuesday.",
        &[],
        &["ChatterBox Live"],
    );
    let got = found(None, "The club signed the Fair Play pledge. Fans can read the Terms Of Use online.");
    assert!(got.iter().all(|(_, k, ..)| *k != P), "{got:#?}");
    // A capital inside one word spells a company or a product, even where it speaks.
    check(
        "VarnEnergi says around 15,000 homes are without power. The company says its crews will not go up ladders.",
        &[("VarnEnergi", O, "VarnEnergi")],
        &[],
    );
    check("Dana McAdam said the roof had held.", &[("Dana McAdam", P, "Dana McAdam")], &[]);
    // "People" opening a quote is a common noun.
    check(
        "\"People asked why nobody checked that plant. Our candidates had no answer,\" said one NUP volunteer.",
        &[("NUP", O, "NUP")],
        &["People"],
    );
}

#[test]
fn plural_titles_and_titles_with_a_first_name() {
    check(
        "Chancellors Kovac and Adler met in Brenna. The two leaders spoke for an hour.",
        &[("Kovac", P, "Kovac"), ("Adler", P, "Adler"), ("Brenna", L, "Brenna")],
        &["Chancellors Kovac"],
    );
    assert_eq!(role_of("Chancellors Kovac and Adler met in Brenna.", "Adler").as_deref(), Some("chancellor"));
    // A title with a first name only is the person the article names in full.
    check(
        "Prime Minister Anna spoke first. Prime Minister Anna Berg then left the room.",
        &[("Anna", P, "Anna Berg"), ("Anna Berg", P, "Anna Berg")],
        &[],
    );
    // The title comes off into the role; the surname is the same person.
    check(
        "Foreign Minister Lena Vasko arrived on Monday. Vasko said the talks would resume.",
        &[("Lena Vasko", P, "Lena Vasko"), ("Vasko", P, "Lena Vasko")],
        &["Foreign Minister Lena Vasko"],
    );
    assert_eq!(
        role_of("Foreign Minister Lena Vasko arrived on Monday.", "Lena Vasko").as_deref(),
        Some("foreign minister")
    );
}

#[test]
fn a_title_and_name_and_the_surname_alone_are_one_person_across_articles() {
    let l = linked(&[
        ("a1", "Foreign Minister Lena Vasko arrived in Brenna on Monday for the summit."),
        ("a2", "Vasko said the talks would resume in May, officials in Brenna said."),
    ]);
    let vasko = entity(&l, "Lena Vasko");
    assert_eq!(vasko.kind, P);
    assert!(
        l.entities.iter().all(|e| e.name != "Vasko" && e.name != "Foreign Minister Lena Vasko"),
        "{:#?}",
        l.entities
    );
}
