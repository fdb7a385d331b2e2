//! The words time expressions are built from: months, weekdays, number words, units, seasons,
//! parts of the day, holidays. Lowercase, English; lookups are linear scans over short tables
//! (a dozen entries each), cheaper than hashing at this size.

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

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Abbreviations as news prints them ("Sept. 30", "Jan 5").
const MONTH_ABBREVIATIONS: [(&str, i8); 13] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("febr", 2),
];

/// A full month name.
pub(crate) fn month(word: &str) -> Option<i8> {
    MONTHS.iter().position(|m| *m == word).map(|i| i as i8 + 1)
}

/// A month abbreviation (needs a following period or day number to count).
pub(crate) fn month_abbreviation(word: &str) -> Option<i8> {
    MONTH_ABBREVIATIONS.iter().find(|(w, _)| *w == word).map(|(_, m)| *m)
}

const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// ISO weekday number (Monday 1) of a weekday name, singular or plural ("Tuesdays").
pub(crate) fn weekday(word: &str) -> Option<(i8, bool)> {
    if let Some(i) = WEEKDAYS.iter().position(|d| *d == word) {
        return Some((i as i8 + 1, false));
    }
    let singular = word.strip_suffix('s')?;
    WEEKDAYS.iter().position(|d| *d == singular).map(|i| (i as i8 + 1, true))
}

/// Weekday abbreviations, only with a period ("Tue.", "Thurs.").
pub(crate) fn weekday_abbreviation(word: &str) -> Option<i8> {
    match word {
        "mon" => Some(1),
        "tue" | "tues" => Some(2),
        "wed" => Some(3),
        "thu" | "thur" | "thurs" => Some(4),
        "fri" => Some(5),
        "sat" => Some(6),
        "sun" => Some(7),
        _ => None,
    }
}

pub(crate) fn season(word: &str) -> Option<Season> {
    match word {
        "spring" => Some(Season::Spring),
        "summer" => Some(Season::Summer),
        "fall" | "autumn" => Some(Season::Fall),
        "winter" => Some(Season::Winter),
        _ => None,
    }
}

pub(crate) fn part_of_day(word: &str) -> Option<Part> {
    match word {
        "morning" | "mornings" => Some(Part::Morning),
        "afternoon" | "afternoons" => Some(Part::Afternoon),
        "evening" | "evenings" => Some(Part::Evening),
        "night" | "nights" | "overnight" => Some(Part::Night),
        "daytime" => Some(Part::Daytime),
        _ => None,
    }
}

/// A unit word, singular or plural; the flag says plural.
pub(crate) fn unit(word: &str) -> Option<(Unit, bool)> {
    let unit = |w: &str| match w {
        "millennium" | "millennia" => Some(Unit::Millennium),
        "century" | "centuries" => Some(Unit::Century),
        "decade" => Some(Unit::Decade),
        "year" => Some(Unit::Year),
        "quarter" => Some(Unit::Quarter),
        "month" => Some(Unit::Month),
        "week" => Some(Unit::Week),
        "weekend" => Some(Unit::Weekend),
        "day" => Some(Unit::Day),
        "hour" => Some(Unit::Hour),
        "minute" | "min" | "mins" => Some(Unit::Minute),
        "second" | "sec" | "secs" => Some(Unit::Second),
        _ => None,
    };
    match word {
        "centuries" => return Some((Unit::Century, true)),
        "millennia" => return Some((Unit::Millennium, true)),
        "hrs" => return Some((Unit::Hour, true)),
        _ => {}
    }
    if let Some(u) = unit(word) {
        return Some((u, false));
    }
    word.strip_suffix('s').and_then(unit).map(|u| (u, true))
}

/// Small number words and their values ("a" and "an" count as one where a unit follows).
pub(crate) fn number_word(word: &str) -> Option<u32> {
    const ONES: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    if let Some(n) = ONES.iter().position(|w| *w == word) {
        return Some(n as u32);
    }
    tens(word)
}

pub(crate) fn tens(word: &str) -> Option<u32> {
    const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    TENS.iter().position(|w| *w == word).map(|n| (n as u32 + 2) * 10)
}

/// Ordinal words and digits-with-suffix: "third" and "3rd" are 3.
pub(crate) fn ordinal(word: &str) -> Option<u32> {
    const ORDINALS: [&str; 20] = [
        "zeroth",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    if let Some(n) = ORDINALS.iter().position(|w| *w == word) {
        return Some(n as u32);
    }
    match word {
        "twentieth" => return Some(20),
        "thirtieth" => return Some(30),
        _ => {}
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

/// A holiday by its (lowercase) words: the first word, then whether the second must follow.
pub(crate) fn holiday(first: &str, second: &str) -> Option<(Holiday, bool)> {
    Some(match (first, second) {
        ("christmas", "eve") => (Holiday::Fixed(12, 24), true),
        ("christmas", _) => (Holiday::Fixed(12, 25), false),
        ("thanksgiving", _) => (Holiday::Thanksgiving, false),
        ("easter", _) => (Holiday::Easter, false),
        ("halloween", _) => (Holiday::Fixed(10, 31), false),
        ("valentine", _) => (Holiday::Fixed(2, 14), false),
        ("independence", "day") => (Holiday::Fixed(7, 4), true),
        ("boxing", "day") => (Holiday::Fixed(12, 26), true),
        ("new", "year") => (Holiday::Fixed(1, 1), true),
        _ => return None,
    })
}

/// Time zones news gives after a clock time ("5 p.m. EST"): swallowed into the span.
pub(crate) fn is_zone(word: &str) -> bool {
    matches!(
        word,
        "gmt"
            | "utc"
            | "est"
            | "edt"
            | "cst"
            | "cdt"
            | "mst"
            | "mdt"
            | "pst"
            | "pdt"
            | "bst"
            | "cet"
            | "cest"
            | "et"
            | "pt"
    )
}

/// Function words that can open a time expression; with the calendar and number words
/// above, every word a grammar rule starts with. Checking it first skips the rules at the
/// other nine words in ten (the tagger's cost is trying rules, not reading).
const OPENERS: &[&str] = &[
    "a",
    "about",
    "almost",
    "an",
    "annually",
    "approximately",
    "around",
    "as",
    "at",
    "beginning",
    "biweekly",
    "coming",
    "couple",
    "current",
    "currently",
    "daily",
    "each",
    "early",
    "earlier",
    "eighteen",
    "end",
    "every",
    "few",
    "fiscal",
    "following",
    "half",
    "hourly",
    "just",
    "last",
    "late",
    "lately",
    "later",
    "less",
    "many",
    "middle",
    "mid",
    "midday",
    "midnight",
    "monthly",
    "more",
    "nearly",
    "new",
    "next",
    "nightly",
    "no",
    "noon",
    "now",
    "nowadays",
    "numerous",
    "over",
    "past",
    "per",
    "presently",
    "previous",
    "recent",
    "recently",
    "right",
    "roughly",
    "several",
    "some",
    "soon",
    "start",
    "that",
    "the",
    "these",
    "this",
    "today",
    "tomorrow",
    "tonight",
    "under",
    "up",
    "weekly",
    "yearly",
    "yesterday",
    "christmas",
    "thanksgiving",
    "easter",
    "halloween",
    "valentine",
    "independence",
    "boxing",
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
    "final",
    "remaining",
    "initial",
    "latest",
];

/// Whether a (lowercase) word can start a time expression.
pub(crate) fn opens_expression(word: &str) -> bool {
    OPENERS.contains(&word)
        || month(word).is_some()
        || month_abbreviation(word).is_some()
        || weekday(word).is_some()
        || weekday_abbreviation(word).is_some()
        || season(word).is_some()
        || part_of_day(word).is_some()
        || unit(word).is_some()
        || number_word(word).is_some()
        || ordinal(word).is_some()
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
