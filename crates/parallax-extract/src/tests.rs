//! One test per mess pattern of real scraped news, on invented articles: the whole file goes in
//! (metadata line, title, body) and the clean body and fields come out.

use super::*;

/// Runs the cleaner on a text file's bytes as `parallax-ingest` reads it.
fn run(file: &str) -> Extracted {
    let doc = parallax_ingest_like(file);
    extract(&doc, &ExtractConfig::default())
}

/// The ingest layout, rebuilt here so this crate's tests need no I/O crate: metadata line,
/// title line, blank, body.
fn parallax_ingest_like(file: &str) -> RawDoc {
    let mut lines = file.lines();
    let mut meta = parallax_core::RawMeta::default();
    let mut first = lines.next().unwrap_or("");
    if let Some(rest) = first.strip_prefix("date ") {
        let (date, source) = rest.split_once(' ').unwrap_or((rest, ""));
        meta.published = date.parse().ok();
        meta.source_token = (!source.is_empty()).then(|| source.to_string());
        first = lines.next().unwrap_or("");
    }
    let title = (!first.trim().is_empty()).then(|| first.trim().to_string());
    RawDoc {
        id: parallax_core::ArticleId::derive("test", file.as_bytes()),
        source: "test.txt".into(),
        meta,
        title,
        body: lines.collect::<Vec<_>>().join("\n"),
        format: parallax_core::BodyFormat::Text,
        warnings: Vec::new(),
    }
}

fn check_body(file: &str, expected: &[&str]) -> Article {
    let out = run(file);
    let got: Vec<&str> = out.article.text.split("\n\n").collect();
    assert_eq!(got, expected, "\nfull text:\n{}", out.article.text);
    out.article
}

const P1: &str = "Fire crews were still damping down the Orlen chemical works in Kessel on Wednesday, a day after a blaze forced the evacuation of two districts.";
const P2: &str =
    "\"We were lucky the wind turned,\" said Mayor Petra Lind, who spent the night at the emergency centre.";
const P3: &str = "The company said it would pay for an independent inquiry into the cause of the fire.";
const P4: &str = "Residents are expected to return to their homes by Friday, officials said.";

fn body(paras: &[&str]) -> String {
    paras.join("\n\n")
}

#[test]
fn clean_article_passes_untouched() {
    let file = format!(
        "date 2026-03-04 https://www.kessel-courier.example/news/fire\nFire at Kessel chemical works\n\n{}",
        body(&[P1, P2, P3, P4])
    );
    let a = check_body(&file, &[P1, P2, P3, P4]);
    assert_eq!(a.title.as_deref(), Some("Fire at Kessel chemical works"));
    assert_eq!(a.outlet.as_deref(), Some("kessel-courier.example"));
    assert_eq!(a.url.as_deref(), Some("https://www.kessel-courier.example/news/fire"));
    assert_eq!(a.published.unwrap().to_string(), "2026-03-04");
    assert_eq!(a.language.as_deref(), Some("en"));
}

#[test]
fn error_page_and_consent_before_article() {
    let file = format!(
        "date 2026-03-04 Kessel Courier\nFire at Kessel chemical works\n\nError 403 Forbidden\n\nOops! Something went wrong. Please try again later.\n\nWe use cookies to improve your experience. By continuing you agree to our use of cookies. Accept all | Manage preferences\n\nSorry, this page could not be found.\n\nAccess denied\n\nPlease enable JavaScript to continue.\n\n{}",
        body(&[P1, P2, P3])
    );
    check_body(&file, &[P1, P2, P3]);
}

#[test]
fn subscribe_and_navigation_crumbs() {
    let file = format!("date 2026-03-04 world\nFire at Kessel chemical works\n\nSubscribe\n\nSign in\n\nHome > World > Europe\n\nHome | News | Politics\n\nWorld\n\n{}", body(&[P1, P2]));
    let a = check_body(&file, &[P1, P2]);
    assert_eq!(a.section.as_deref(), Some("world"));
    assert_eq!(a.outlet, None);
}

#[test]
fn junk_title_line_gives_way_to_the_real_headline() {
    let file = format!(
        "Error 404 Not Found\n\nOops! Something went wrong.\n\nFire at Kessel chemical works forces evacuation\n\n{}",
        body(&[P1, P2])
    );
    let out = run(&file);
    assert_eq!(out.article.title.as_deref(), Some("Fire at Kessel chemical works forces evacuation"));
    assert_eq!(out.article.text, body(&[P1, P2]));
}

#[test]
fn headline_repeated_twice_and_with_author() {
    let title = "Fire at Kessel chemical works";
    let file =
        format!("date 2026-03-04 Kessel Courier\n{title}\n\n{title}\n\n{title}\nJane Roe\n\n{}", body(&[P1, P2]));
    let a = check_body(&file, &[P1, P2]);
    assert_eq!(a.authors, ["Jane Roe"]);
}

#[test]
fn teaser_glued_to_body() {
    let teaser = format!("{P1}{P2}");
    let file = format!("date 2026-03-04 Kessel Courier\nFire at Kessel chemical works\n\n{teaser}{P1}\n\n{P2}\n\n{P3}");
    check_body(&file, &[P1, P2, P3]);
}

#[test]
fn glued_list_introduction() {
    let file = "date 2026-03-04 unknown\nNew rules for chemical plants\n\nThe city council adopted three measures on Tuesday. The measures are:First, every plant must file a fire plan.Second, inspections will be doubled.\n\nThe council will review the rules in a year.";
    check_body(
        file,
        &[
            "The city council adopted three measures on Tuesday. The measures are:",
            "First, every plant must file a fire plan.",
            "Second, inspections will be doubled.",
            "The council will review the rules in a year.",
        ],
    );
}

#[test]
fn truncated_teaser() {
    let file = format!("date 2026-03-04 unknown\nFire at Kessel chemical works\n\nFire crews were still damping down the Orlen chemical works in Kessel on Wednesday…\n\n{}", body(&[P1, P2]));
    check_body(&file, &[P1, P2]);
}

#[test]
fn body_present_twice() {
    let b = body(&[P1, P2, P3, P4]);
    let file = format!("date 2026-03-04 Kessel Courier\nFire at Kessel chemical works\n\n{b}\n\nFire at Kessel chemical works\n\nBy Jane Roe\n\n{b}");
    let a = check_body(&file, &[P1, P2, P3, P4]);
    assert_eq!(a.authors, ["Jane Roe"]);
}

#[test]
fn repeated_section_heading_and_subheadings_kept_once() {
    let file = format!("date 2026-03-04 unknown\nFire at Kessel chemical works\n\n{P1}\n\nWhat happens next\n\n{P3}\n\nWhat happens next\n\n{P4}");
    check_body(&file, &[P1, "What happens next", P3, P4]);
}

#[test]
fn bylines_in_many_forms() {
    for (line, authors) in [
        ("By Jane Roe", vec!["Jane Roe"]),
        ("By Jane Roe and Omar Haddad", vec!["Jane Roe", "Omar Haddad"]),
        ("By Jane Roe, Meridian Press Agency", vec!["Jane Roe"]),
        ("Jane Roe", vec!["Jane Roe"]),
        ("Analysis by Jane Roe", vec!["Jane Roe"]),
    ] {
        let file = format!("date 2026-03-04 unknown\nFire at Kessel chemical works\n\n{line}\n\n{}", body(&[P1, P2]));
        let a = check_body(&file, &[P1, P2]);
        assert_eq!(a.authors, authors, "{line}");
    }
}

#[test]
fn byline_credit_names_the_outlet_when_nothing_else_does() {
    let file = format!(
        "date 2026-03-04 unknown\nFire at Kessel chemical works\n\nBy Jane Roe, Meridian Press Agency\n\n{}",
        body(&[P1])
    );
    assert_eq!(run(&file).article.outlet.as_deref(), Some("Meridian Press Agency"));
}

#[test]
fn timestamps_in_many_formats() {
    for (line, meta, expected) in [
        ("08:41 GMT 04.03.2026", "2026-03-04", "2026-03-04T08:41:00Z"),
        ("Mar 4, 2026 10:31 AM ET", "2026-03-04", "2026-03-04T10:31:00-05:00"),
        ("Updated 2 hours ago", "2026-03-04", "2026-03-04"),
        ("2026-03-04T09:15:00Z", "2026-03-04", "2026-03-04T09:15:00Z"),
        ("Published: 4 March 2026, 14:02", "2026-03-04", "2026-03-04T14:02:00"),
        ("Last updated: March 4, 2026 at 3:05 p.m.", "2026-03-04", "2026-03-04T15:05:00"),
        ("By Jane Roe | Mar 4, 2026 10:31 AM ET", "2026-03-04", "2026-03-04T10:31:00-05:00"),
    ] {
        let file = format!("date {meta} unknown\nFire at Kessel chemical works\n\n{line}\n\n{}", body(&[P1, P2]));
        let a = check_body(&file, &[P1, P2]);
        assert_eq!(a.published.unwrap().to_string(), expected, "{line}");
    }
}

#[test]
fn timestamp_gives_the_date_when_metadata_has_none() {
    let file = format!("Fire at Kessel chemical works\n\nPublished: 4 March 2026, 14:02\n\n{}", body(&[P1]));
    assert_eq!(run(&file).article.published.unwrap().to_string(), "2026-03-04T14:02:00");
}

#[test]
fn conflicting_timestamp_is_a_warning() {
    let file =
        format!("date 2026-03-04 unknown\nFire at Kessel chemical works\n\nPublished: 9 March 2026\n\n{}", body(&[P1]));
    let out = run(&file);
    assert_eq!(out.article.published.unwrap().to_string(), "2026-03-04");
    assert!(out.warnings.iter().any(|w| w.contains("disagrees")), "{:?}", out.warnings);
}

#[test]
fn datelines_move_to_place() {
    for (dateline, place, outlet) in [
        ("KESSEL: ", "Kessel", None),
        ("VARNOPOL (MPA) - ", "Varnopol", Some("MPA")),
        ("OSTGRAD, March 4 (MPA) — ", "Ostgrad", Some("MPA")),
        ("Nairobi (Reuters) - ", "Nairobi", Some("Reuters")),
    ] {
        let file = format!("date 2026-03-04 unknown\nFire at Kessel chemical works\n\n{dateline}{P1}\n\n{P2}");
        let a = check_body(&file, &[P1, P2]);
        assert_eq!(a.place.as_deref(), Some(place), "{dateline}");
        assert_eq!(a.outlet.as_deref(), outlet, "{dateline}");
    }
}

#[test]
fn dateline_alone_on_its_line() {
    let file =
        format!("date 2026-03-04 unknown\nFire at Kessel chemical works\n\nVARNOPOL (MPA) -\n\n{}", body(&[P1, P2]));
    let a = check_body(&file, &[P1, P2]);
    assert_eq!(a.place.as_deref(), Some("Varnopol"));
}

#[test]
fn section_and_label_lines() {
    let file = format!("date 2026-03-04 unknown\nFire at Kessel chemical works\n\nPolitics\n\nExclusive:\n\n{P1}\n\nExclusive:\n\n{P2}\n\nAnalysis by Jane Roe\n\n{P3}");
    let a = check_body(&file, &[P1, P2, P3]);
    assert_eq!(a.authors, ["Jane Roe"]);
}

#[test]
fn trailing_disclaimers_and_widgets() {
    let file = format!(
        "date 2026-03-04 Global Dispatch\nFire at Kessel chemical works\n\n{}\n\n(Except for the headline, this story has not been edited by Global Dispatch staff and is published from a syndicated feed.)\n\n© 2026 Meridian Press Agency. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.\n\nShare this article\n\nShare on Facebook Share on X Email\n\nFollow us on X and Instagram\n\nSign up for our daily newsletter\n\nComments\n\nReader42: This is terrible news for the town and I hope they find out who is responsible soon.",
        body(&[P1, P2, P3])
    );
    check_body(&file, &[P1, P2, P3]);
}

#[test]
fn inline_links_and_photo_credits() {
    let file = format!(
        "date 2026-03-04 unknown\nFire at Kessel chemical works\n\nPhoto: Meridian Press Agency\n\n{P1}\n\nALSO READ: Kessel council orders plant inspections\n\n{P2}\n\n(Photo by Jane Roe/Kessel Courier)\n\nImage caption: Firefighters at the works on Tuesday night\n\nRead more: How the fire spread\n\n{P3}\n\nRelated: Orlen shares fall 6 percent\n\n{P4}"
    );
    check_body(&file, &[P1, P2, P3, P4]);
}

#[test]
fn related_block_and_no_comment() {
    let file = format!(
        "date 2026-03-04 unknown\nFire at Kessel chemical works\n\n{}\n\nRelated stories\n\nKessel council orders plant inspections\n\nOrlen shares fall after blaze\n\nNo comment",
        body(&[P1, P2])
    );
    check_body(&file, &[P1, P2]);
}

#[test]
fn key_points_list_stays_in_body() {
    let file = format!(
        "date 2026-03-04 unknown\nFire at Kessel chemical works\n\nKEY POINTS\n- Two districts were evacuated overnight\n- No one was injured\n- The cause is not yet known\n\n{}",
        body(&[P1, P2])
    );
    check_body(
        &file,
        &[
            "KEY POINTS",
            "- Two districts were evacuated overnight",
            "- No one was injured",
            "- The cause is not yet known",
            P1,
            P2,
        ],
    );
}

#[test]
fn site_name_leaves_the_title() {
    let file = format!(
        "date 2026-03-04 https://www.northernledger.example/x\nFire at Kessel chemical works | Northern Ledger\n\n{P1}"
    );
    assert_eq!(run(&file).article.title.as_deref(), Some("Fire at Kessel chemical works"));
}

#[test]
fn sentences_about_junk_topics_are_kept() {
    let paras = [
        "The city's website crashed on Tuesday night, and residents saw only a message saying the page could not be displayed, according to the council.",
        "Share prices of Orlen fell 6 percent in early trading on Wednesday.",
        "By the time the fire was out, the storage hall had collapsed.",
        P4,
    ];
    let file = format!("date 2026-03-04 unknown\nFire at Kessel chemical works\n\n{}", body(&paras));
    check_body(&file, &paras);
}

#[test]
fn cleaning_is_idempotent_on_its_output() {
    let file = format!("date 2026-03-04 unknown\nFire at Kessel chemical works\n\nBy Jane Roe\n\nKESSEL: {P1}{P2}\n\n{P2}\n\nALSO READ: x y z\n\n{P3}\n\nComments");
    let once = run(&file).article;
    let again = run(&format!("date 2026-03-04 unknown\nFire at Kessel chemical works\n\n{}", once.text)).article;
    assert_eq!(again.text, once.text);
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    /// Pieces real scraped text is made of, so that random documents exercise every rule.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(P1.to_string()),
            Just(P2.to_string()),
            Just(P3.to_string()),
            Just("By Jane Roe".to_string()),
            Just("KESSEL (MPA) - ".to_string()),
            Just("ALSO READ: x".to_string()),
            Just("Comments".to_string()),
            Just("Related stories".to_string()),
            Just("08:41 GMT 04.03.2026".to_string()),
            Just("Error 403".to_string()),
            Just("\n\n".to_string()),
            Just("\n".to_string()),
            Just("…".to_string()),
            Just("\"".to_string()),
            "\\PC{0,40}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// Never panics, and never invents text: every output sentence is in the input.
        #[test]
        fn output_sentences_come_from_the_input(pieces in proptest::collection::vec(piece(), 0..24), title in "\\PC{0,30}") {
            let body: String = pieces.concat();
            let doc = RawDoc {
                id: parallax_core::ArticleId::derive("p", body.as_bytes()),
                source: "p".into(),
                meta: parallax_core::RawMeta::default(),
                title: Some(title),
                body: body.clone(),
                format: parallax_core::BodyFormat::Text,
                warnings: Vec::new(),
            };
            let out = extract(&doc, &ExtractConfig::default());
            let input_key = text::key(&body);
            for range in text::sentences(&out.article.text) {
                let sentence_key = text::key(&out.article.text[range]);
                prop_assert!(input_key.contains(&sentence_key), "{sentence_key:?} not in input");
            }
            prop_assert!(!out.article.text.contains("\n\n\n"));
            prop_assert_eq!(out.article.text.trim(), out.article.text.as_str());
        }
    }
}
