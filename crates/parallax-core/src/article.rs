//! `Article`, its id and its publication time.

use std::fmt;
use std::str::FromStr;

use jiff::civil::{Date, DateTime};
use jiff::tz::Offset;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A stable article id: 16 hex digits of a hash of the input's identity and raw bytes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(String);

impl ArticleId {
    /// Derives the id of a document from its identity (a canonical path, `path#line`) and its
    /// raw bytes: the same input read again gets the same id, an edited one a new id.
    pub fn derive(identity: &str, raw: &[u8]) -> ArticleId {
        let mut buf = Vec::with_capacity(identity.len() + 1 + raw.len());
        buf.extend_from_slice(identity.as_bytes());
        buf.push(0);
        buf.extend_from_slice(raw);
        ArticleId(format!("{:016x}", xxhash_rust::xxh3::xxh3_64(&buf)))
    }

    /// Wraps an id read back from the store or typed by a user.
    pub fn from_string(id: String) -> ArticleId {
        ArticleId(id)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// When an article was published, as precisely as the input says: a day, a local time whose
/// zone is unknown, or a time with its UTC offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    Date(Date),
    Local(DateTime),
    Zoned(DateTime, Offset),
}

impl Published {
    pub fn date(&self) -> Date {
        match self {
            Published::Date(d) => *d,
            Published::Local(dt) | Published::Zoned(dt, _) => dt.date(),
        }
    }

    /// More precise than a bare day.
    pub fn has_time(&self) -> bool {
        !matches!(self, Published::Date(_))
    }

    /// The publication time on one clock: a zoned time in UTC, a local one as given (its zone
    /// is unknown, so UTC is the best guess), a bare day at midnight.
    pub fn instant(&self) -> DateTime {
        match *self {
            Published::Date(d) => d.to_datetime(jiff::civil::Time::midnight()),
            Published::Local(dt) => dt,
            Published::Zoned(dt, off) => {
                off.to_timestamp(dt).map(|t| t.to_zoned(jiff::tz::TimeZone::UTC).datetime()).unwrap_or(dt)
            }
        }
    }

    /// Which of two publications came first: by instant when both give a time, else by day (a
    /// bare date says nothing about the hour, so it ties with any time that day); an unknown
    /// date comes after every known one. Comparing the text would put "09:30+01:00" after
    /// "06:05-04:00" although it is earlier.
    pub fn chronological(a: Option<&Published>, b: Option<&Published>) -> std::cmp::Ordering {
        match (a, b) {
            (Some(x), Some(y)) if x.has_time() && y.has_time() => x.instant().cmp(&y.instant()),
            (Some(x), Some(y)) => x.date().cmp(&y.date()),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
    }
}

impl fmt::Display for Published {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Published::Date(d) => write!(f, "{d}"),
            Published::Local(dt) => write!(f, "{}", dt.strftime("%Y-%m-%dT%H:%M:%S")),
            Published::Zoned(dt, off) => {
                write!(f, "{}", dt.strftime("%Y-%m-%dT%H:%M:%S"))?;
                let secs = off.seconds();
                if secs == 0 {
                    f.write_str("Z")
                } else {
                    let sign = if secs < 0 { '-' } else { '+' };
                    let abs = secs.unsigned_abs();
                    write!(f, "{sign}{:02}:{:02}", abs / 3600, abs % 3600 / 60)
                }
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedParseError(String);

impl fmt::Display for PublishedParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not an ISO 8601 date or date-time: {:?}", self.0)
    }
}

impl std::error::Error for PublishedParseError {}

impl FromStr for Published {
    type Err = PublishedParseError;

    /// Parses `2023-11-03`, `2023-11-03T08:41`, `2023-11-03 08:41:00`, `...Z`, `...+02:00`,
    /// fractional seconds allowed.
    fn from_str(s: &str) -> Result<Published, PublishedParseError> {
        let err = || PublishedParseError(s.to_string());
        let s = s.trim();
        if s.len() == 10 {
            return s.parse::<Date>().map(Published::Date).map_err(|_| err());
        }
        let (body, offset) = split_offset(s).ok_or_else(err)?;
        let body = body.replacen(' ', "T", 1);
        let dt = body.parse::<DateTime>().map_err(|_| err())?;
        Ok(match offset {
            Some(off) => Published::Zoned(dt, off),
            None => Published::Local(dt),
        })
    }
}

/// Splits a trailing `Z`, `+hh:mm`, `+hhmm` or `+hh` from a date-time string.
fn split_offset(s: &str) -> Option<(&str, Option<Offset>)> {
    if let Some(body) = s.strip_suffix('Z').or_else(|| s.strip_suffix('z')) {
        return Some((body, Some(Offset::UTC)));
    }
    // The offset sign can only appear after the time part (past the `T` at index 10).
    let tail_start = s.char_indices().nth(11).map(|(i, _)| i)?;
    let Some(pos) = s[tail_start..].rfind(['+', '-']).map(|p| p + tail_start) else {
        return Some((s, None));
    };
    let digits: String = s[pos + 1..].chars().filter(|c| *c != ':').collect();
    if !digits.chars().all(|c| c.is_ascii_digit()) || !matches!(digits.len(), 2 | 4) {
        return None;
    }
    let hours: i32 = digits[..2].parse().ok()?;
    let minutes: i32 = if digits.len() == 4 { digits[2..].parse().ok()? } else { 0 };
    let secs = (hours * 3600 + minutes * 60) * if &s[pos..=pos] == "-" { -1 } else { 1 };
    Some((&s[..pos], Some(Offset::from_seconds(secs).ok()?)))
}

impl Serialize for Published {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Published {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Published, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A cleaned article: metadata in fields, the body free of scraping junk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub id: ArticleId,
    /// The input it came from, as given (see [`crate::RawDoc::source`]).
    pub source: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    /// A section name the input gave ("world", "opinion").
    pub section: Option<String>,
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<Published>,
    /// ISO 639-1 code where one exists, else ISO 639-3.
    pub language: Option<String>,
    /// The dateline's place ("NAIROBI (Reuters) -" gives "Nairobi").
    pub place: Option<String>,
    /// Clean body text, paragraphs separated by blank lines.
    pub text: String,
    /// The earlier article with the same normalised body, when this one is an exact copy.
    pub duplicate_of: Option<ArticleId>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        let parsed: Published = input.parse().unwrap();
        assert_eq!(parsed.to_string(), expected, "{input}");
    }

    #[test]
    fn published_round_trips_iso_forms() {
        check("2023-11-03", "2023-11-03");
        check("2023-11-03T08:41:00Z", "2023-11-03T08:41:00Z");
        check("2023-11-03T08:41Z", "2023-11-03T08:41:00Z");
        check("2023-11-03 08:41:00", "2023-11-03T08:41:00");
        check("2023-11-03T10:31:00-04:00", "2023-11-03T10:31:00-04:00");
        check("2023-11-03T10:31:00.250+0530", "2023-11-03T10:31:00+05:30");
        check("2023-11-03T10:31:00+00:00", "2023-11-03T10:31:00Z");
    }

    #[test]
    fn published_rejects_junk() {
        for bad in ["", "yesterday", "2023-13-40", "2023-11-03T99:00", "2023-11-03T10:00+5"] {
            assert!(bad.parse::<Published>().is_err(), "{bad}");
        }
    }

    #[test]
    fn ids_depend_on_identity_and_bytes() {
        let a = ArticleId::derive("/x/a.txt", b"hello");
        assert_eq!(a, ArticleId::derive("/x/a.txt", b"hello"));
        assert_ne!(a, ArticleId::derive("/x/b.txt", b"hello"));
        assert_ne!(a, ArticleId::derive("/x/a.txt", b"hello!"));
        assert_eq!(a.as_str().len(), 16);
    }
}
