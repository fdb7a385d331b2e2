//! Tagging and normalisation end to end, on invented news sentences: one `check` per case,
//! listing each expression found as `text = VALUE`, so the tests read like the output.

use jiff::civil::Date;
use parallax_core::document::Document;
use parallax_core::TimeExpr;
use proptest::prelude::*;

/// The stage on a document of `text` alone.
fn tag(text: &str, dct: Option<Date>) -> Vec<TimeExpr> {
    super::tag(&Document::new(None, text), dct)
}

/// `dct` is the publication day ("" for none); `expected` lists `text = VALUE` per expression.
fn check(dct: &str, text: &str, expected: &[&str]) {
    let dct: Option<Date> = (!dct.is_empty()).then(|| dct.parse().expect("a valid date"));
    let got: Vec<String> = tag(text, dct).iter().map(|t| format!("{} = {}", t.text, t.value)).collect();
    assert_eq!(got, expected, "{text:?} published {dct:?}");
}

/// Like `check`, with the TIMEX3 type: `text = TYPE VALUE`.
fn check_kind(dct: &str, text: &str, expected: &[&str]) {
    let dct: Option<Date> = (!dct.is_empty()).then(|| dct.parse().expect("a valid date"));
    let got: Vec<String> = tag(text, dct).iter().map(|t| format!("{} = {} {}", t.text, t.kind, t.value)).collect();
    assert_eq!(got, expected, "{text:?} published {dct:?}");
}

// 2026-03-04 is a Wednesday.
const WED: &str = "2026-03-04";

#[test]
fn weekdays_follow_the_tense() {
    check(WED, "The council voted on Tuesday to close the bridge.", &["Tuesday = 2026-03-03"]);
    check(WED, "The council will vote on Tuesday.", &["Tuesday = 2026-03-10"]);
    check(WED, "Officials said Friday that repairs would take months.", &["Friday = 2026-02-27", "months = PXM"]);
    check(WED, "The minister is due to visit Kessel on Friday.", &["Friday = 2026-03-06"]);
    check(WED, "The union said on Wednesday it would strike.", &["Wednesday = 2026-03-04"]);
    check(
        WED,
        "Talks broke down last Friday and resume next Monday.",
        &["last Friday = 2026-02-27", "next Monday = 2026-03-09"],
    );
    check(WED, "Protests continued on Sunday night.", &["Sunday night = 2026-03-01"]);
}

#[test]
fn deictic_days() {
    check(WED, "Shares fell yesterday and recovered today.", &["yesterday = 2026-03-03", "today = 2026-03-04"]);
    check(WED, "The vote is tomorrow.", &["tomorrow = 2026-03-05"]);
    check_kind(
        WED,
        "Rain fell this morning and more is expected tonight.",
        &["this morning = TIME 2026-03-04TMO", "tonight = TIME 2026-03-04"],
    );
    check_kind(WED, "Fighting raged last night.", &["last night = TIME 2026-03-03"]);
}

#[test]
fn month_days_take_the_year_the_tense_gives() {
    check(WED, "The plant closed on March 3.", &["March 3 = 2026-03-03"]);
    check(WED, "The plant opened on Nov. 20.", &["Nov. 20 = 2025-11-20"]);
    check(WED, "The plant will reopen on Nov. 20.", &["Nov. 20 = 2026-11-20"]);
    check("2026-12-20", "Results are due Jan. 14.", &["Jan. 14 = 2027-01-14"]);
    check("2026-12-20", "The boy was told he must be returned to his father by Jan. 14.", &["Jan. 14 = 2027-01-14"]);
    check(
        WED,
        "The deal closed on Jan. 14, and talks resume on April 2.",
        &["Jan. 14 = 2026-01-14", "April 2 = 2026-04-02"],
    );
    check(WED, "The treaty was signed on 4 May 1998 in Ostend.", &["4 May 1998 = 1998-05-04"]);
    check(WED, "It happened on Saturday, Feb. 28.", &["Saturday, Feb. 28 = 2026-02-28"]);
    check(WED, "The fund was set up in August 2023.", &["August 2023 = 2023-08"]);
    check(WED, "Since January, prices have doubled.", &["January = 2026-01"]);
}

#[test]
fn relative_periods() {
    check(WED, "Exports fell last week and rose last month.", &["last week = 2026-W09", "last month = 2026-02"]);
    check(WED, "The plan was announced earlier this year.", &["earlier this year = 2026"]);
    check(WED, "Elections are due early next year.", &["early next year = 2027"]);
    check(
        WED,
        "The mine closed two years ago, and 10 days ago a buyer appeared.",
        &["two years ago = 2024", "10 days ago = 2026-02-22"],
    );
    check(WED, "Six weeks ago the dam failed.", &["Six weeks ago = 2026-W04"]);
    check(
        WED,
        "The third quarter was weak; the fourth quarter will be better.",
        &["The third quarter = 2025-Q3", "the fourth quarter = 2026-Q4"],
    );
    check(
        "1999-11-02",
        "Third-quarter profit rose 5% from a year earlier.",
        &["Third-quarter = 1999-Q3", "a year earlier = 1998-Q3"],
    );
    check(
        "1999-11-02",
        "Net income rose in the third quarter from $3 million a year ago.",
        &["the third quarter = 1999-Q3", "a year ago = 1998-Q3"],
    );
}

#[test]
fn narrative_anchoring() {
    check(
        WED,
        "The ship sank on Jan. 12, 2019. The day before, the crew had reported a leak. The following year an inquiry opened.",
        &["Jan. 12, 2019 = 2019-01-12", "The day before = 2019-01-11", "The following year = 2020"],
    );
}

#[test]
fn durations_and_sets() {
    check_kind(WED, "The strike lasted two weeks.", &["two weeks = DURATION P2W"]);
    check_kind(WED, "She spent more than 20 years there.", &["more than 20 years = DURATION P20Y"]);
    check_kind(WED, "a two-year contract", &["two-year = DURATION P2Y"]);
    check_kind(
        WED,
        "It took 2 1/2 years and a minute and a half.",
        &["2 1/2 years = DURATION P2Y6M", "a minute and a half = DURATION PT1M30S"],
    );
    check_kind(WED, "Sales in the first nine months rose.", &["the first nine months = DURATION P9M"]);
    check_kind(
        WED,
        "The paper appears daily; the council meets three times a week.",
        &["daily = SET P1D", "a week = SET P1W"],
    );
    check_kind(
        WED,
        "The club meets every Thursday and on Tuesday nights.",
        &["every Thursday = SET XXXX-WXX-4", "Tuesday nights = SET XXXX-WXX-2TNI"],
    );
    check(WED, "a 47-year-old teacher", &[]);
}

#[test]
fn clock_times() {
    check_kind(WED, "Polls close at 10 p.m. Friday.", &["10 p.m. Friday = TIME 2026-02-27T22:00"]);
    check_kind(WED, "The blast came at 7:15 a.m.", &["7:15 a.m. = TIME 2026-03-04T07:15"]);
    check_kind(WED, "Trading halted at noon Tuesday.", &["noon Tuesday = TIME 2026-03-03T12:00"]);
}

#[test]
fn vague_references() {
    check(
        WED,
        "Prices are now lower than in the past, but the future is unclear.",
        &["now = PRESENT_REF", "the past = PAST_REF", "the future = FUTURE_REF"],
    );
    check(WED, "She recently moved to Kessel.", &["recently = PAST_REF"]);
}

#[test]
fn years_decades_and_seasons() {
    check(WED, "In 1990 the wall had fallen; by the 1990s trade boomed.", &["1990 = 1990", "the 1990s = 199"]);
    check(WED, "The firm employs 2000 workers and sold 1,500 cars.", &[]);
    check(
        WED,
        "Work starts this summer and ends in the fall of 2027.",
        &["this summer = 2026-SU", "the fall of 2027 = 2027-FA"],
    );
    check(WED, "Prices may fall in spring. The fall in prices was steep.", &["spring = 2026-SP"]);
    check(WED, "The law dates from the 19th century.", &["the 19th century = 18"]);
}

#[test]
fn no_publication_date_leaves_relative_values_unresolved() {
    let times = tag("The bridge closed on Tuesday, three days after the storm of March 3, 2024.", None);
    let got: Vec<(&str, &str, bool)> = times.iter().map(|t| (t.text.as_str(), t.value.as_str(), t.resolved)).collect();
    assert_eq!(
        got,
        [("Tuesday", "XXXX-WXX-2", false), ("three days", "P3D", true), ("March 3, 2024", "2024-03-03", true)]
    );
    check("", "Yesterday the dam held. Last year it failed.", &["Yesterday = XXXX-XX-XX", "Last year = XXXX"]);
    check(
        "",
        "The fire began on 3 May 2021. The next day it was out.",
        &["3 May 2021 = 2021-05-03", "The next day = 2021-05-04"],
    );
    check("", "The vote is on March 3.", &["March 3 = XXXX-03-03"]);
}

#[test]
fn spans_past_the_calendar_are_unresolved_not_a_panic() {
    // Found by the word proptest: 999,900 years is beyond jiff's span range.
    let times = tag("It began 9999 centuries ago.", Some(WED.parse().unwrap()));
    assert!(times.iter().all(|t| !t.value.starts_with('-')), "{times:?}");
}

#[test]
fn offsets_are_chars() {
    let text = "Über 40 Jahre — the café opened on Monday.";
    let times = tag(text, Some(WED.parse().unwrap()));
    assert_eq!(times.len(), 1);
    let t = &times[0];
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(chars[t.start..t.end].iter().collect::<String>(), "Monday");
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics_and_spans_fit(text in "\\PC{0,200}") {
        let times = tag(&text, Some(Date::constant(2026, 3, 4)));
        let chars: Vec<char> = text.chars().collect();
        let mut last = 0;
        for t in &times {
            prop_assert!(t.start >= last && t.start < t.end && t.end <= chars.len());
            prop_assert_eq!(chars[t.start..t.end].iter().collect::<String>(), t.text.clone());
            last = t.end;
        }
    }

    #[test]
    fn time_words_never_panic(words in proptest::collection::vec(prop_oneof![
        Just("the"), Just("last"), Just("next"), Just("year"), Just("years"), Just("ago"), Just("-"), Just("quarter"),
        Just("third"), Just("May"), Just("3"), Just("1998"), Just(","), Just("."), Just("p.m."), Just("10:30"),
        Just("Friday"), Just("night"), Just("early"), Just("of"), Just("'"), Just("90s"), Just("a"), Just("half"),
        Just("1/2"), Just("every"), Just("day"), Just("before"), Just("the"), Just("end"), Just("fiscal"),
        Just("9999"), Just("0"), Just("31"), Just("February"), Just("30"), Just("mid"), Just("century"),
    ], 0..12)) {
        let text = words.join(" ");
        let _ = tag(&text, Some(Date::constant(2026, 3, 4)));
        let _ = tag(&text, None);
        let _ = tag(&text, Some(Date::constant(-9999, 1, 1)));
        let _ = tag(&text, Some(Date::constant(9999, 12, 31)));
    }
}
