//! The words time expressions are built from: months, weekdays, number words, units, seasons,
//! parts of the day, holidays, zones. Lowercase, English. Which words exist is data
//! (`parallax_core::lexicon`); this module turns them into the grammar's types.

use std::sync::LazyLock;

use parallax_core::lexicon;
use rustc_hash::FxHashSet;

/// A calendar or clock unit, coarse to fine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Unit {
    Millennium,
    Century,
    Decade,
    Year,
    Half,
    Quarter,
    Season,
    Month,
    Week,
    Weekend,
    Day,
    Hour,
    Minute,
    Second,
}

/// Parts of the day with their TIMEX3 codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Morning,
    Afternoon,
    Evening,
    Night,
    Daytime,
}

impl Part {
    const ALL: [Part; 5] = [Part::Morning, Part::Afternoon, Part::Evening, Part::Night, Part::Daytime];

    pub(crate) fn code(self) -> &'static str {
        match self {
            Part::Morning => "MO",
            Part::Afternoon => "AF",
            Part::Evening => "EV",
            Part::Night => "NI",
            Part::Daytime => "DT",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    const ALL: [Season; 4] = [Season::Spring, Season::Summer, Season::Fall, Season::Winter];

    pub(crate) fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// The month the season starts in (northern hemisphere, meteorological).
    pub(crate) fn first_month(self) -> i8 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }
}

impl Unit {
    /// The unit a `time_units.tsv` row names.
    fn named(name: &str) -> Option<Unit> {
        Some(match name {
            "millennium" => Unit::Millennium,
            "century" => Unit::Century,
            "decade" => Unit::Decade,
            "year" => Unit::Year,
            "quarter" => Unit::Quarter,
            "month" => Unit::Month,
            "week" => Unit::Week,
            "weekend" => Unit::Weekend,
            "day" => Unit::Day,
            "hour" => Unit::Hour,
            "minute" => Unit::Minute,
            "second" => Unit::Second,
            _ => return None,
        })
    }
}

/// A full month name.
pub(crate) fn month(word: &str) -> Option<i8> {
    lexicon::month(word).filter(|m| !m.abbreviated).map(|m| m.number as i8)
}

/// A month abbreviation (needs a following period or day number to count).
pub(crate) fn month_abbreviation(word: &str) -> Option<i8> {
    lexicon::month(word).filter(|m| m.abbreviated).map(|m| m.number as i8)
}

/// ISO weekday number (Monday 1) of a weekday name, singular or plural ("Tuesdays").
pub(crate) fn weekday(word: &str) -> Option<(i8, bool)> {
    let name = |w: &str| lexicon::weekday(w).filter(|d| !d.abbreviated).map(|d| d.number as i8);
    if let Some(d) = name(word) {
        return Some((d, false));
    }
    name(word.strip_suffix('s')?).map(|d| (d, true))
}

/// Weekday abbreviations, only with a period ("Tue.", "Thurs.").
pub(crate) fn weekday_abbreviation(word: &str) -> Option<i8> {
    lexicon::weekday(word).filter(|d| d.abbreviated).map(|d| d.number as i8)
}

pub(crate) fn season(word: &str) -> Option<Season> {
    let code = lexicon::SEASONS.get(word)?.value();
    Season::ALL.into_iter().find(|s| s.code() == code)
}

pub(crate) fn part_of_day(word: &str) -> Option<Part> {
    let code = lexicon::DAY_PARTS.get(word)?.value();
    Part::ALL.into_iter().find(|p| p.code() == code)
}

/// A unit word, singular or plural; the flag says plural.
pub(crate) fn unit(word: &str) -> Option<(Unit, bool)> {
    let listed =
        |w: &str| lexicon::TIME_UNITS.get(w).and_then(|r| Some((Unit::named(r.value())?, r.has_tag("plural"))));
    if let Some(u) = listed(word) {
        return Some(u);
    }
    word.strip_suffix('s').and_then(listed).map(|(u, _)| (u, true))
}

/// A number word's value, if it has the tag.
fn number(word: &str, tag: &str) -> Option<u32> {
    lexicon::NUMBER_WORDS.get(word).filter(|r| r.has_tag(tag)).and_then(|r| r.value().parse().ok())
}

/// Small number words and their values ("a" and "an" count as one where a unit follows).
pub(crate) fn number_word(word: &str) -> Option<u32> {
    number(word, "cardinal")
}

/// "twenty" … "ninety".
pub(crate) fn tens(word: &str) -> Option<u32> {
    number_word(word).filter(|n| *n >= 20)
}

/// "the twenties" … "the nineties": the decade's first year's last two digits.
pub(crate) fn decade(word: &str) -> Option<u32> {
    number(word, "decade")
}

/// Ordinal words and digits-with-suffix: "third" and "3rd" are 3.
pub(crate) fn ordinal(word: &str) -> Option<u32> {
    if let Some(n) = number(word, "ordinal") {
        return Some(n);
    }
    let digits = word.strip_suffix("st").or_else(|| word.strip_suffix("nd")).or_else(|| word.strip_suffix("rd"));
    let digits = digits.or_else(|| word.strip_suffix("th"))?;
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Fixed-date holidays (month, day) and the movable ones the resolver computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Holiday {
    Fixed(i8, i8),
    /// Fourth Thursday of November.
    Thanksgiving,
    Easter,
}

impl Holiday {
    /// The holiday a `holidays.tsv` date names: `MM-DD`, `easter` or `thanksgiving`.
    fn dated(date: &str) -> Option<Holiday> {
        match date {
            "easter" => Some(Holiday::Easter),
            "thanksgiving" => Some(Holiday::Thanksgiving),
            _ => {
                let (m, d) = date.split_once('-')?;
                Some(Holiday::Fixed(m.parse().ok()?, d.parse().ok()?))
            }
        }
    }
}

/// A holiday by its (lowercase) words: the first word, then whether the second must follow.
pub(crate) fn holiday(first: &str, second: &str) -> Option<(Holiday, bool)> {
    if !opens_holiday(first) {
        return None;
    }
    let dated = |name: &str| lexicon::DATED_HOLIDAYS.get(name).and_then(|r| Holiday::dated(r.value()));
    // Two-word names first: "Christmas Eve" before "Christmas".
    if let Some(h) = dated(&format!("{first} {second}")) {
        return Some((h, true));
    }
    dated(first).map(|h| (h, false))
}

/// The first word of a holiday's name ("christmas", "boxing", "new").
fn opens_holiday(word: &str) -> bool {
    static FIRST_WORDS: LazyLock<FxHashSet<&'static str>> =
        LazyLock::new(|| lexicon::DATED_HOLIDAYS.rows().filter_map(|r| r.word.split(' ').next()).collect());
    FIRST_WORDS.contains(word)
}

/// Time zones news gives after a clock time ("5 p.m. EST"): swallowed into the span.
pub(crate) fn is_zone(word: &str) -> bool {
    lexicon::TIME_ZONES.get(word).is_some_and(|r| r.has_tag("expression"))
}

/// Whether a (lowercase) word can start a time expression.
pub(crate) fn opens_expression(word: &str) -> bool {
    lexicon::TIME_OPENERS.contains(word)
        || lexicon::month(word).is_some()
        || weekday(word).is_some()
        || weekday_abbreviation(word).is_some()
        || season(word).is_some()
        || part_of_day(word).is_some()
        || unit(word).is_some()
        || lexicon::NUMBER_WORDS.get(word).is_some()
        || ordinal(word).is_some()
        || opens_holiday(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        assert_eq!(month("september"), Some(9));
        assert_eq!(month_abbreviation("sept"), Some(9));
        assert_eq!(weekday("tuesdays"), Some((2, true)));
        assert_eq!(unit("centuries"), Some((Unit::Century, true)));
        assert_eq!(unit("weeks"), Some((Unit::Week, true)));
        assert_eq!(unit("weekend"), Some((Unit::Weekend, false)));
        assert_eq!(number_word("twelve"), Some(12));
        assert_eq!(number_word("forty"), Some(40));
        assert_eq!(ordinal("twenty"), None);
        assert_eq!(ordinal("21st"), Some(21));
        assert_eq!(ordinal("third"), Some(3));
        assert_eq!(ordinal("1st"), Some(1));
        assert_eq!(ordinal("th"), None);
    }
}
