//! Timestamp lines that scrapers leave in the text: "08:41 GMT 03.11.2023", "Nov 3, 2023 10:31
//! AM ET", "Published: 4 March 2026, 14:02", "Updated 2 hours ago", ISO 8601.
//!
//! A line counts only when every word in it is a date, time, zone or label word: a sentence
//! that mentions a date is never one. Hand-written because date crates parse one known format,
//! while here the format is unknown and the line must be rejected unless all of it is a date.

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::Offset;
use parallax_core::{lexicon, Published};

/// Longest timestamp line, in chars ("Published: Wednesday 4 March 2026, 14:02 GMT | Updated: …").
const MAX_STAMP_LINE: usize = 90;
/// Most words and marks of a timestamp line.
const MAX_STAMP_TOKENS: usize = 16;
/// The largest offset from UTC any zone has (Kiribati, UTC+14).
const MAX_UTC_OFFSET_HOURS: i32 = 14;

/// A timestamp line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Timestamp {
    /// The absolute time it states, when it states one (not for "2 hours ago").
    pub(crate) published: Option<Published>,
    /// Said to be an update rather than the first publication.
    pub(crate) updated: bool,
}

/// Parses `line` as a timestamp line; `None` when anything in it is not part of a timestamp.
pub(crate) fn parse(line: &str) -> Option<Timestamp> {
    parse_with_year(line, None)
}

/// As [`parse`], with a year to assume for dates that leave it out ("Nov 3 10:31 AM").
pub(crate) fn parse_with_year(line: &str, default_year: Option<i16>) -> Option<Timestamp> {
    // Every timestamp line has a digit, except "just now".
    let has_digit = line.bytes().any(|b| b.is_ascii_digit());
    // Bytes first (cheap): no char takes more than four bytes.
    if line.len() > MAX_STAMP_LINE * 4
        || line.chars().count() > MAX_STAMP_LINE
        || !(has_digit || line.to_lowercase().contains("now"))
    {
        return None;
    }
    let mut parts = Parts::default();
    let lower = line.to_lowercase();
    let tokens = tokenize(&lower);
    if tokens.is_empty() || tokens.len() > MAX_STAMP_TOKENS {
        return None;
    }
    let mut relative = false;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i].as_str();
        let next = tokens.get(i + 1).map(String::as_str);
        if lexicon::STAMP_LABELS.contains(t) {
            parts.updated |= matches!(t, "updated" | "modified" | "edited" | "update");
        } else if let Some(m) = month(t) {
            parts.month = Some(m);
        } else if lexicon::weekday(t.trim_end_matches('.')).is_some() {
        } else if let Some((dt, off)) = iso(t) {
            parts.iso = Some((dt, off));
        } else if let Some((y, m, d)) = numeric_date(t) {
            parts.numeric = Some((y, m, d));
        } else if let Some((h, mi, s, ampm)) = clock(t, next) {
            parts.time = Some((h, mi, s));
            if let Some(pm) = ampm {
                parts.ampm = Some(pm);
            }
        } else if let Some(pm) = ampm(t) {
            parts.ampm = Some(pm);
        } else if let Some(off) = zone(t) {
            parts.zone = Some(off);
        } else if let Some(n) = ordinal_or_number(t) {
            if n >= 1000 {
                parts.year = Some(n as i16);
            } else if n <= 31 && parts.day.is_none() {
                parts.day = Some(n as i8);
            } else if lexicon::STAMP_UNITS.contains(next.unwrap_or("")) {
                relative = true;
            } else {
                return None;
            }
        } else if lexicon::STAMP_UNITS.contains(t) || matches!(t, "ago" | "just" | "now" | "a" | "an" | "few") {
            relative = true;
        } else {
            return None;
        }
        i += 1;
    }
    if relative {
        // "Updated 2 hours ago": a timestamp, but without the crawl time it dates nothing.
        let has_ago = tokens.iter().any(|t| t == "ago") || lower.contains("just now");
        return has_ago.then_some(Timestamp { published: None, updated: parts.updated });
    }
    let dated = (parts.month.is_some() && parts.day.is_some())
        || parts.numeric.is_some()
        || parts.iso.is_some()
        || parts.time.is_some();
    dated.then(|| Timestamp { published: parts.resolve(default_year), updated: parts.updated })
}

#[derive(Default)]
struct Parts {
    iso: Option<(DateTime, Option<Offset>)>,
    numeric: Option<(i16, i8, i8)>,
    year: Option<i16>,
    month: Option<i8>,
    day: Option<i8>,
    time: Option<(i8, i8, i8)>,
    ampm: Option<bool>,
    zone: Option<ZoneName>,
    updated: bool,
}

impl Parts {
    fn resolve(&self, default_year: Option<i16>) -> Option<Published> {
        if let Some((dt, off)) = self.iso {
            return Some(match off.or_else(|| self.zone.map(|z| z.offset(dt.date()))) {
                Some(off) => Published::Zoned(dt, off),
                None if dt.time() == Time::midnight() && self.time.is_none() => Published::Date(dt.date()),
                None => Published::Local(dt),
            });
        }
        let date = if let Some((y, m, d)) = self.numeric {
            Date::new(y, m, d).ok()?
        } else {
            let (m, d) = (self.month?, self.day?);
            let y = self.year.or(default_year)?;
            Date::new(y, m, d).ok()?
        };
        let Some((mut h, mi, s)) = self.time else {
            return Some(Published::Date(date));
        };
        match self.ampm {
            Some(true) if h < 12 => h += 12,
            Some(false) if h == 12 => h = 0,
            _ => {}
        }
        let dt = date.to_datetime(Time::new(h, mi, s, 0).ok()?);
        Some(match self.zone {
            Some(z) => Published::Zoned(dt, z.offset(date)),
            None => Published::Local(dt),
        })
    }
}

fn tokenize(lower: &str) -> Vec<String> {
    let spaced: String =
        lower.chars().map(|c| if matches!(c, ',' | '(' | ')' | '[' | ']') { ' ' } else { c }).collect();
    let mut tokens = Vec::new();
    for raw in spaced.split_whitespace() {
        // "published:" -> "published"; a lone ":" is punctuation.
        let t = raw.trim_end_matches(':');
        if !t.is_empty() {
            tokens.push(t.to_string());
        }
    }
    tokens
}

/// Month and weekday names and "today"/"yesterday" (lowercase): words of dates, never of names
/// or places.
pub(crate) fn is_calendar_word(lower: &str) -> bool {
    lexicon::is_month_name(lower) || lexicon::is_weekday_name(lower) || matches!(lower, "today" | "yesterday")
}

/// A month's name or abbreviation ("Sept.", "nov").
fn month(t: &str) -> Option<i8> {
    lexicon::month(t.trim_end_matches('.')).map(|m| m.number as i8)
}

fn iso(t: &str) -> Option<(DateTime, Option<Offset>)> {
    if t.len() < 10 || !t.as_bytes()[..4].iter().all(u8::is_ascii_digit) || t.as_bytes()[4] != b'-' {
        return None;
    }
    match t.to_uppercase().parse::<Published>().ok()? {
        Published::Date(d) => Some((d.to_datetime(Time::midnight()), None)),
        Published::Local(dt) => Some((dt, None)),
        Published::Zoned(dt, off) => Some((dt, Some(off))),
    }
}

/// `03.11.2023` (day first: the dotted form is European), `11/03/2023` (month first unless the
/// first number cannot be a month), `2023/11/03`, two-digit years as 20xx.
fn numeric_date(t: &str) -> Option<(i16, i8, i8)> {
    let sep = if t.contains('.') {
        '.'
    } else if t.contains('/') {
        '/'
    } else if t.contains('-') {
        '-'
    } else {
        return None;
    };
    let nums: Vec<&str> = t.trim_end_matches('.').split(sep).collect();
    if nums.len() != 3 || !nums.iter().all(|n| !n.is_empty() && n.len() <= 4 && n.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let v: Vec<i32> = nums.iter().map(|n| n.parse().unwrap_or(0)).collect();
    let year = |y: i32, len: usize| if len == 2 { 2000 + y } else { y };
    let (y, m, d) = if nums[0].len() == 4 {
        (v[0], v[1], v[2])
    } else if nums[2].len() == 4 || nums[2].len() == 2 {
        let y = year(v[2], nums[2].len());
        if sep == '/' && v[0] <= 12 {
            (y, v[0], v[1])
        } else {
            (y, v[1], v[0])
        }
    } else {
        return None;
    };
    Date::new(y as i16, m as i8, d as i8).ok().map(|_| (y as i16, m as i8, d as i8))
}

/// `10:31`, `10:31:05`, `10:31am`, `09.15` (before a zone or am/pm), `3` before `p.m.`.
fn clock(t: &str, next: Option<&str>) -> Option<(i8, i8, i8, Option<bool>)> {
    let (body, suffix) = match t.find(|c: char| c.is_ascii_alphabetic()) {
        Some(i) => (&t[..i], ampm(&t[i..]).map(Some)?),
        None => (t, None),
    };
    let dotted = body.contains('.') && !body.contains(':');
    let sep = if dotted { '.' } else { ':' };
    let pieces: Vec<&str> = body.split(sep).collect();
    let next_is_clocky = next.is_some_and(|n| ampm(n).is_some() || zone(n).is_some());
    if pieces.len() == 1 {
        // "3 p.m."
        let h: i8 = body.parse().ok()?;
        return (suffix.is_some() || next.and_then(ampm).is_some())
            .then_some((h, 0, 0, suffix))
            .filter(|_| (1..=12).contains(&h));
    }
    if dotted && !(next_is_clocky || suffix.is_some()) {
        return None;
    }
    if !(2..=3).contains(&pieces.len())
        || !pieces.iter().all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let h: i8 = pieces[0].parse().ok()?;
    let m: i8 = pieces[1].parse().ok()?;
    let s: i8 = pieces.get(2).map_or(Some(0), |p| p.parse().ok())?;
    (h < 24 && m < 60 && s < 60).then_some((h, m, s, suffix))
}

fn ampm(t: &str) -> Option<bool> {
    match t.trim_end_matches('.') {
        "am" | "a.m" => Some(false),
        "pm" | "p.m" => Some(true),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy)]
enum ZoneName {
    Fixed(i32),
    /// US zones written without saying whether daylight time applies ("ET"): standard offset.
    UsDaylight(i32),
}

impl ZoneName {
    fn offset(self, date: Date) -> Offset {
        let secs = match self {
            ZoneName::Fixed(s) => s,
            ZoneName::UsDaylight(standard) => standard + if us_daylight_time(date) { 3600 } else { 0 },
        };
        Offset::from_seconds(secs).unwrap_or(Offset::UTC)
    }
}

/// US daylight time: from the second Sunday of March to the first Sunday of November.
fn us_daylight_time(date: Date) -> bool {
    let nth_sunday = |month: i8, n: i8| -> Option<Date> {
        let first = Date::new(date.year(), month, 1).ok()?;
        let offset = (7 - first.weekday().to_sunday_zero_offset()) % 7;
        first.checked_add(jiff::Span::new().days(i64::from(offset + 7 * (n - 1)))).ok()
    };
    match (nth_sunday(3, 2), nth_sunday(11, 1)) {
        (Some(start), Some(end)) => date >= start && date < end,
        _ => false,
    }
}

/// Seconds east of UTC of a `+HH:MM` / `-HH:MM` offset (as `time_zones.tsv` writes them).
fn utc_offset(offset: &str) -> Option<i32> {
    let (sign, rest) = match offset.as_bytes().first()? {
        b'+' => (1, &offset[1..]),
        b'-' => (-1, &offset[1..]),
        _ => return None,
    };
    let (h, m) = rest.split_once(':')?;
    Some(sign * (h.parse::<i32>().ok()? * 3600 + m.parse::<i32>().ok()? * 60))
}

fn zone(t: &str) -> Option<ZoneName> {
    const H: i32 = 3600;
    let t = t.trim_end_matches('.');
    if let Some(named) = lexicon::TIME_ZONES.get(t) {
        let standard = utc_offset(named.value())?;
        return Some(if named.has_tag("us-daylight") {
            ZoneName::UsDaylight(standard)
        } else {
            ZoneName::Fixed(standard)
        });
    }
    // "gmt+3", "utc+05:30", "+0100"
    let rest = t.strip_prefix("gmt").or_else(|| t.strip_prefix("utc")).unwrap_or(t);
    let sign = match rest.chars().next()? {
        '+' => 1,
        '-' => -1,
        _ => return None,
    };
    let digits: String = rest[1..].chars().filter(|c| *c != ':').collect();
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m) = if digits.len() <= 2 {
        (digits.parse::<i32>().ok()?, 0)
    } else {
        (digits[..digits.len() - 2].parse().ok()?, digits[digits.len() - 2..].parse().ok()?)
    };
    (h <= MAX_UTC_OFFSET_HOURS && m < 60).then_some(ZoneName::Fixed(sign * (h * H + m * 60)))
}

/// "3", "03", "3rd", "2026".
fn ordinal_or_number(t: &str) -> Option<u32> {
    let digits = t
        .trim_end_matches(['.'])
        .trim_end_matches("st")
        .trim_end_matches("nd")
        .trim_end_matches("rd")
        .trim_end_matches("th");
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(line: &str, expected: Option<&str>) {
        let got = parse(line).unwrap_or_else(|| panic!("not a timestamp: {line:?}"));
        assert_eq!(got.published.map(|p| p.to_string()).as_deref(), expected, "{line:?}");
    }

    #[test]
    fn formats() {
        check("08:41 GMT 03.11.2023", Some("2023-11-03T08:41:00Z"));
        check("Nov 3, 2023 10:31 AM ET", Some("2023-11-03T10:31:00-04:00"));
        check("Dec 3, 2023 10:31 AM ET", Some("2023-12-03T10:31:00-05:00"));
        check("Published: 4 March 2026, 14:02", Some("2026-03-04T14:02:00"));
        check("Last updated: March 4, 2026 at 3:05 p.m.", Some("2026-03-04T15:05:00"));
        check("2026-03-04T09:15:00Z", Some("2026-03-04T09:15:00Z"));
        check("Posted: Nov 27, 2005 8:20 AM ET", Some("2005-11-27T08:20:00-05:00"));
        check("Wednesday 4 March 2026", Some("2026-03-04"));
        check("First published on Wed 4 Mar 2026 09.15 GMT", Some("2026-03-04T09:15:00Z"));
        check("Updated 11:42 AM EST, Thu March 4, 2026", Some("2026-03-04T11:42:00-05:00"));
        check("04/03/2026", Some("2026-04-03"));
        check("25/03/2026 09:15", Some("2026-03-25T09:15:00"));
        check("Updated 2 hours ago", None);
        check("Just now", None);
        check("12:30 IST, 5 March 2026", Some("2026-03-05T12:30:00+05:30"));
    }

    #[test]
    fn updated_flag() {
        assert!(parse("Updated: March 4, 2026").unwrap().updated);
        assert!(!parse("Published: March 4, 2026").unwrap().updated);
    }

    #[test]
    fn not_timestamps() {
        for line in [
            "On March 4, 2026 the talks began.",
            "March 2026",
            "2026",
            "The call lasted 40 minutes",
            "Adler at 10",
            "In 3 days",
            "",
        ] {
            assert_eq!(parse(line), None, "{line:?}");
        }
    }

    #[test]
    fn year_from_context() {
        let ts = parse_with_year("Nov 3 10:31 AM", Some(2026)).unwrap();
        assert_eq!(ts.published.unwrap().to_string(), "2026-11-03T10:31:00");
        // Still a timestamp line (to remove), but it dates nothing without a year.
        assert_eq!(parse("Nov 3 10:31 AM").map(|t| t.published), Some(None));
    }
}
