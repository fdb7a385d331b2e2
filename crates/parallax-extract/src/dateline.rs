//! Datelines opening a story: "KESSEL:", "VARNOPOL (MPA) -", "OSTGRAD, March 4 (MPA) —",
//! "Berlin, Nov 3 (Reuters) -", "MOSCOW, November 3. /TASS/.". The place is kept as a field,
//! the agency may name the outlet, and the dateline leaves the body.

use std::sync::LazyLock;

use parallax_core::lexicon;
use regex::Regex;

use crate::byline::title_case;
use crate::timestamp::is_calendar_word;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Dateline {
    pub(crate) place: String,
    pub(crate) agency: Option<String>,
    /// Byte length of the dateline (with its separator and spaces) at the paragraph's start.
    pub(crate) len: usize,
}

/// Bytes from a paragraph's start within which a dateline's separator stands ("NEW YORK, Nov. 3
/// (AP) —" is under 40): the cheap test before the regexes.
const DATELINE_REACH: usize = 90;
/// Chars of body text a dateline needs after it: a short rest is a label line, not a story.
const MIN_BODY_AFTER: usize = 20;
/// Longest line read as a dateline alone ("VARNOPOL (MPA) -").
const MAX_DATELINE_ALONE: usize = 60;

/// Matches a dateline at the start of `para`.
pub(crate) fn parse(para: &str) -> Option<Dateline> {
    // Upper-case place, optional region and date, optional (AGENCY), then a separator.
    static CAPS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?P<place>\p{Lu}[\p{Lu}.'’-]*(?: \p{Lu}[\p{Lu}.'’-]*){0,3})(?:, (?P<region>\p{Lu}[\p{L}.]{1,20}(?: \p{Lu}[\p{L}.]{1,20})?))?(?:,? (?P<date>(?:\p{Lu}\p{Ll}{2,8}\.? \d{1,2}|\d{1,2} \p{Lu}\p{Ll}{2,8}))\.?)?(?: ?\((?P<agency>[\p{L}][\p{L}\d .&'-]{0,30})\))?(?:(?: ?/(?P<agency2>\p{Lu}[\p{L}-]{1,15})/\.? )|(?: ?(?:(?:[:_]|[-–—]{1,2})\s+|[—–]{1,2})))",
        )
        .expect("valid dateline regex")
    });
    // Mixed-case place: needs an agency or a date to be told from a sentence's subject.
    static MIXED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?P<place>\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2})(?:, (?P<region>\p{Lu}[\p{L}.]{1,20}))?(?:(?:,? (?P<date>(?:\p{Lu}\p{Ll}{2,8}\.? \d{1,2}|\d{1,2} \p{Lu}\p{Ll}{2,8})))(?: ?\((?P<agency>[\p{L}][\p{L}\d .&'-]{0,30})\))?|(?: ?\((?P<agency3>[\p{L}][\p{L}\d .&'-]{0,30})\))) ?(?:(?:[:_]|[-–—]{1,2})\s+|[—–]{1,2})",
        )
        .expect("valid dateline regex")
    });
    // Cheap test first: a dateline ends in a separator within its first few words, and capture
    // groups need the regex engine's slow path.
    let head = &para.as_bytes()[..para.len().min(DATELINE_REACH)];
    if !head.iter().any(|b| matches!(b, b':' | b'-' | b'_' | b'/' | 0xE2)) {
        return None;
    }
    let caps = if CAPS.is_match(para) { CAPS.captures(para) } else { None };
    let caps = match caps {
        Some(c) if c.name("place").is_some_and(|p| p.as_str().chars().filter(|c| c.is_alphabetic()).count() >= 2) => {
            Some(c)
        }
        _ if MIXED.is_match(para) => MIXED.captures(para),
        _ => None,
    }?;
    let whole = caps.get(0)?;
    let rest = &para[whole.end()..];
    // Body text must follow, opening like a sentence.
    if rest.chars().count() < MIN_BODY_AFTER
        || !rest.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\''))
    {
        return None;
    }
    let place_raw = caps.name("place")?.as_str();
    let first_word = place_raw.split(' ').next().unwrap_or("").to_lowercase();
    // All-caps labels ("BREAKING NEWS:") and sentence openers ("On October 1-2 Ashgabat hosts…")
    // look like datelines but name no place.
    if is_label(place_raw) || lexicon::DATELINE_OPENERS.contains(&first_word) || is_calendar_word(&first_word) {
        return None;
    }
    let place = if place_raw.chars().any(char::is_lowercase) {
        place_raw.to_string()
    } else {
        place_raw.split(' ').map(title_case).collect::<Vec<_>>().join(" ")
    };
    let agency = ["agency", "agency2", "agency3"]
        .iter()
        .find_map(|n| caps.name(n))
        .map(|m| m.as_str().trim().to_string())
        .filter(|a| !a.is_empty());
    Some(Dateline { place, agency, len: whole.end() })
}

/// An all-caps label that opens a paragraph with a colon or dash ("UPDATE:", "KEY POINTS -").
fn is_label(place: &str) -> bool {
    !place.chars().any(char::is_lowercase) && lexicon::NOT_PLACE_LABELS.contains(&place.to_lowercase())
}

/// A dateline standing alone on its line ("VARNOPOL (MPA) -", "KESSEL:").
pub(crate) fn parse_alone(para: &str) -> Option<Dateline> {
    if para.chars().count() > MAX_DATELINE_ALONE || !para.ends_with([':', '-', '—', '–', '_']) {
        return None;
    }
    // Reuse the opening matcher by giving it a sentence to open.
    let probe = format!("{para} The dateline opens this probe sentence.");
    parse(&probe).filter(|d| d.len >= para.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(para: &str, place: &str, agency: Option<&str>, rest: &str) {
        let d = parse(para).unwrap_or_else(|| panic!("no dateline in {para:?}"));
        assert_eq!((d.place.as_str(), d.agency.as_deref(), &para[d.len..]), (place, agency, rest), "{para:?}");
    }

    const BODY: &str = "The fire burned for six hours.";

    #[test]
    fn datelines() {
        check(&format!("KESSEL: {BODY}"), "Kessel", None, BODY);
        check(&format!("VARNOPOL (MPA) - {BODY}"), "Varnopol", Some("MPA"), BODY);
        check(&format!("OSTGRAD, March 4 (MPA) — {BODY}"), "Ostgrad", Some("MPA"), BODY);
        check(&format!("BRENNA — {BODY}"), "Brenna", None, BODY);
        check(&format!("NEW YORK (AP) _ {BODY}"), "New York", Some("AP"), BODY);
        check(&format!("SPRINGFIELD, Ill. (AP) -- {BODY}"), "Springfield", Some("AP"), BODY);
        check(&format!("Berlin, Nov 3 (Reuters) - {BODY}"), "Berlin", Some("Reuters"), BODY);
        check(&format!("Nairobi (Reuters) - {BODY}"), "Nairobi", Some("Reuters"), BODY);
        check(&format!("MOSCOW, November 3. /TASS/. {BODY}"), "Moscow", Some("TASS"), BODY);
        check(&format!("WASHINGTON—{BODY}"), "Washington", None, BODY);
        check(&format!("BAGHDAD, Iraq (AP)_ {BODY}"), "Baghdad", Some("AP"), BODY);
    }

    #[test]
    fn not_datelines() {
        for para in [
            format!("UPDATE: {BODY}"),
            format!("NATO said on Tuesday that {BODY}"),
            format!("Berlin - {BODY}"),
            "KESSEL: short".to_string(),
            format!("The minister — {BODY}"),
            format!("On October 1-2 Ashgabat hosts a seminar. {BODY}"),
            format!("In Kessel, March 3 - {BODY}"),
        ] {
            assert_eq!(parse(&para), None, "{para:?}");
        }
    }
}
