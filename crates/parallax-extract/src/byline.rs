//! Bylines: "By Jane Roe and Omar Haddad, Meridian Press Agency", and a name alone on the line
//! under a headline. Yields the authors' names and, when the byline credits one, an outlet.

use std::sync::LazyLock;

use parallax_core::lexicon;
use regex::Regex;

use crate::timestamp::is_calendar_word;

/// What a byline line says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Byline {
    pub(crate) authors: Vec<String>,
    /// An organisation credited beside the names ("Meridian Press Agency", "Reuters").
    pub(crate) credit: Option<String>,
}

/// Longest byline line ("By …"): longer is a sentence that starts with "By".
const MAX_BYLINE: usize = 160;
/// Longest line taken for a name alone under a headline.
const MAX_NAME_LINE: usize = 80;
/// Most words of each name on a name-alone line: more is a deck or a label.
const MAX_NAME_LINE_WORDS: usize = 3;
/// Fewest and most words of a person's name ("Jane Roe", "Maria de la Cruz Lopez").
const NAME_WORDS: (usize, usize) = (2, 5);
/// Most words of an organisation credited in a byline ("Meridian Press Agency").
const MAX_CREDIT_WORDS: usize = 6;

/// Job titles that follow a name in a byline ("Jane Roe, Senior Correspondent").
static ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:correspondent|reporter|editor|writer|columnist|contributor|journalist|staff|producer|analyst|chief|bureau|desk|special to)(?-u:\b)")
        .expect("valid role regex")
});

/// Parses an explicit byline: `By …`, `Written by …`, `Words by …`. The names may be followed by
/// an outlet or a role after a comma, pipe or dash, or by a timestamp (left to the caller).
pub(crate) fn parse_byline(line: &str) -> Option<Byline> {
    static BY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[Bb]y|BY|[Ww]ritten by|[Ww]ords by|[Tt]ext by|[Ss]tory by)[:\s]\s*(\S.*)$")
            .expect("valid by regex")
    });
    if line.chars().count() > MAX_BYLINE {
        return None;
    }
    let rest = BY.captures(line.trim())?.get(1)?.as_str();
    names_and_credit(rest).filter(|b| !b.authors.is_empty())
}

/// A name alone on a line ("Jane Roe", "Jane Roe and Omar Haddad", "Jane Roe | Political
/// Editor"): only trusted at the top of an article, where bylines stand, and only when the
/// words are not words of the article: "Multiple Special Circumstances" above a story that
/// speaks of "special circumstances" is a deck, not an author. `body_words` holds the words the
/// body uses in lowercase.
pub(crate) fn parse_name_line(line: &str, body_words: &dyn Fn(&str) -> bool) -> Option<Byline> {
    if line.chars().count() > MAX_NAME_LINE || line.ends_with(['.', '!', '?', ':', ';']) {
        return None;
    }
    let mut parts = line.split(['|', ',', '—', '–']).map(str::trim).filter(|p| !p.is_empty());
    let names = parts.next()?;
    // Anything after the names must be a job title: no organisation credit without a "By".
    if !parts.all(|p| ROLE.is_match(p)) {
        return None;
    }
    let mut byline = Byline::default();
    for name in names.split(" and ").flat_map(|n| n.split(" & ")) {
        let name = name.trim();
        let words: Vec<&str> = name.split_whitespace().collect();
        let common = words.iter().filter(|w| body_words(&w.to_lowercase())).count();
        // Half its words used in the body, or both of a two-word name: a deck, not an author.
        if words.len() > MAX_NAME_LINE_WORDS
            || !is_person_name(name)
            || common * 2 > words.len()
            || (words.len() == 2 && common == 2)
        {
            return None;
        }
        byline.authors.push(display_name(name));
    }
    (!byline.authors.is_empty()).then_some(byline)
}

fn names_and_credit(text: &str) -> Option<Byline> {
    let mut byline = Byline::default();
    let mut parts = text.split(['|', '•', '·', ',', ';', '—', '–']).map(str::trim).filter(|p| !p.is_empty());
    let names = parts.next()?;
    for name in names.split(" and ").flat_map(|n| n.split(" & ")).flat_map(|n| n.split(" AND ")) {
        let name = name.trim();
        if is_person_name(name) {
            byline.authors.push(display_name(name));
        } else {
            return None;
        }
    }
    for part in parts {
        // Further comma-separated names: "By Jane Roe, Omar Haddad and Li Wen".
        let more: Vec<&str> = part.split(" and ").map(str::trim).collect();
        if more.iter().all(|n| is_person_name(n)) && !ROLE.is_match(part) {
            byline.authors.extend(more.iter().map(|n| display_name(n)));
        } else if ROLE.is_match(part) || crate::timestamp::parse(part).is_some() {
            continue;
        } else if byline.credit.is_none() && looks_like_org(part) {
            byline.credit = Some(part.to_string());
        } else {
            return None;
        }
    }
    Some(byline)
}

/// Two to five name words, each capitalised (or an initial, or a particle like "von"), none a
/// common or headline word.
pub(crate) fn is_person_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if !(NAME_WORDS.0..=NAME_WORDS.1).contains(&words.len()) {
        return false;
    }
    let mut capitalised = 0;
    for (i, w) in words.iter().enumerate() {
        let lower = w.to_lowercase();
        if lexicon::NAME_PARTICLES.contains(&lower) && i > 0 && i + 1 < words.len() && w.chars().all(char::is_lowercase)
        {
            continue;
        }
        let bare = lower.trim_end_matches('.');
        if lexicon::NOT_NAME_WORDS.contains(bare) || is_calendar_word(bare) || lexicon::SECTIONS.contains(&lower) {
            return false;
        }
        let mut chars = w.chars();
        let Some(first) = chars.next() else { return false };
        if !first.is_uppercase() {
            return false;
        }
        let rest: Vec<char> = chars.collect();
        let initial = rest == ['.'] || (rest.is_empty() && i + 1 < words.len());
        let word = !rest.is_empty() && rest.iter().all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'));
        if !(initial || word) {
            return false;
        }
        capitalised += 1;
    }
    capitalised >= NAME_WORDS.0
}

/// "JANE ROE" -> "Jane Roe"; mixed-case names stay as written.
fn display_name(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    if name.chars().any(char::is_lowercase) {
        return words.join(" ");
    }
    words.iter().map(|w| title_case(w)).collect::<Vec<_>>().join(" ")
}

pub(crate) fn title_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut start = true;
    for c in word.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = matches!(c, '-' | ' ' | '\'' | '’');
    }
    out
}

/// "Meridian Press Agency", "Reuters", "The Kessel Courier": capitalised words, few of them.
fn looks_like_org(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    (1..=MAX_CREDIT_WORDS).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || matches!(*w, "of" | "the" | "and" | "for" | "&")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(line: &str, authors: &[&str], credit: Option<&str>) {
        let b = parse_byline(line).unwrap_or_else(|| panic!("no byline in {line:?}"));
        assert_eq!(b.authors, authors, "{line:?}");
        assert_eq!(b.credit.as_deref(), credit, "{line:?}");
    }

    #[test]
    fn bylines() {
        check("By Jane Roe", &["Jane Roe"], None);
        check("BY JANE ROE", &["Jane Roe"], None);
        check("By Jane Roe and Omar Haddad", &["Jane Roe", "Omar Haddad"], None);
        check("By Jane Roe, Omar Haddad and Li Wen", &["Jane Roe", "Omar Haddad", "Li Wen"], None);
        check("By Jane Roe, Meridian Press Agency", &["Jane Roe"], Some("Meridian Press Agency"));
        check("By Jane Roe | Senior Correspondent", &["Jane Roe"], None);
        check("By J. R. Tolliver-Smith", &["J. R. Tolliver-Smith"], None);
        check("By Ursula von der Berg", &["Ursula von der Berg"], None);
        check("By Jane Roe | Nov 3, 2026 10:31 AM ET", &["Jane Roe"], None);
    }

    #[test]
    fn not_bylines() {
        for line in [
            "By the time the fire was out, the plant was gone.",
            "By Tuesday",
            "By contrast, Ostland said nothing.",
            "Bystanders fled",
        ] {
            assert_eq!(parse_byline(line), None, "{line:?}");
        }
    }

    #[test]
    fn name_lines() {
        let body = |w: &str| ["special", "circumstances", "charges"].contains(&w);
        assert_eq!(parse_name_line("Jane Roe", &body).unwrap().authors, ["Jane Roe"]);
        assert_eq!(parse_name_line("Jane Roe | Political Editor", &body).unwrap().authors, ["Jane Roe"]);
        assert_eq!(parse_name_line("Jane Roe and Omar Haddad", &body).unwrap().authors, ["Jane Roe", "Omar Haddad"]);
        for line in [
            "World News",
            "The Kessel Courier",
            "Tuesday March",
            "Fire in Kessel.",
            "Key Points",
            "Multiple Special Circumstances",
            "Add'l Horrific Charges; D.A. Will Now Seek Death Penalty",
            "Jane Roe, Meridian Press Agency",
        ] {
            assert_eq!(parse_name_line(line, &body), None, "{line:?}");
        }
    }
}
