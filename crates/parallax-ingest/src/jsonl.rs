//! JSON Lines: one article per line, under the field names common exporters use.

use parallax_core::{ArticleId, BodyFormat, Published, RawDoc, RawMeta};
use serde_json::{Map, Value};

use crate::decode::decode;
use crate::{Error, ReadOutcome};

const TEXT_FIELDS: &[&str] = &["text", "body", "content", "article", "articleBody", "maintext", "full_text"];
const TITLE_FIELDS: &[&str] = &["title", "headline"];
const URL_FIELDS: &[&str] = &["url", "link", "canonical_url", "uri"];
const DATE_FIELDS: &[&str] =
    &["published", "published_at", "date", "datePublished", "pubDate", "publish_date", "date_publish", "time"];
const SOURCE_FIELDS: &[&str] = &["source", "outlet", "site", "publisher", "source_name", "domain"];
const AUTHOR_FIELDS: &[&str] = &["authors", "author", "byline", "creator"];

/// Parses a JSON Lines document. Blank lines are skipped; a bad line is an error for that
/// record only, and the others are still read.
pub fn parse_jsonl(shown: &str, identity: &str, bytes: &[u8]) -> Result<ReadOutcome, Error> {
    let (text, _) = decode(bytes).map_err(|_| Error::Binary { path: shown.to_string() })?;
    if text.trim().is_empty() {
        return Err(Error::Empty { path: shown.to_string() });
    }
    let mut outcome = ReadOutcome::default();
    for (index, line) in text.split('\n').enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let number = index + 1;
        let record_error = |reason: String| Error::Record { path: shown.to_string(), line: number, reason };
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(map)) => match record(&map) {
                Ok((meta, title, body, warnings)) => outcome.docs.push(RawDoc {
                    id: ArticleId::derive(&format!("{identity}#{number}"), line.as_bytes()),
                    source: format!("{shown}:{number}"),
                    meta,
                    title,
                    body,
                    format: BodyFormat::Text,
                    warnings,
                }),
                Err(reason) => outcome.errors.push(record_error(reason)),
            },
            Ok(other) => outcome.errors.push(record_error(format!("expected a JSON object, found {}", kind(&other)))),
            Err(err) => outcome.errors.push(record_error(format!("invalid JSON: {err}"))),
        }
    }
    Ok(outcome)
}

type Record = (RawMeta, Option<String>, String, Vec<String>);

fn record(map: &Map<String, Value>) -> Result<Record, String> {
    let body = first_string(map, TEXT_FIELDS).ok_or_else(|| {
        format!("no article text (expected a non-empty string in one of: {})", TEXT_FIELDS.join(", "))
    })?;
    let mut warnings = Vec::new();
    let published = first_string(map, DATE_FIELDS).and_then(|raw| match parse_date(&raw) {
        Some(p) => Some(p),
        None => {
            warnings.push(format!("unrecognised date {raw:?}; left empty"));
            None
        }
    });
    let meta = RawMeta {
        source_token: first_name(map, SOURCE_FIELDS),
        url: first_string(map, URL_FIELDS),
        outlet: None,
        authors: authors(map),
        published,
        language: first_string(map, &["language", "lang"]),
    };
    Ok((meta, first_string(map, TITLE_FIELDS), body, warnings))
}

fn first_string(map: &Map<String, Value>, fields: &[&str]) -> Option<String> {
    fields.iter().find_map(|f| match map.get(*f) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    })
}

/// A string, or an object with a `name` (schema.org style `{"name": "Reuters"}`).
fn first_name(map: &Map<String, Value>, fields: &[&str]) -> Option<String> {
    fields.iter().find_map(|f| name_of(map.get(*f)?))
}

fn name_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Object(o) => o.get("name").and_then(name_of),
        _ => None,
    }
}

fn authors(map: &Map<String, Value>) -> Vec<String> {
    let Some(value) = AUTHOR_FIELDS.iter().find_map(|f| map.get(*f)) else {
        return Vec::new();
    };
    let names: Vec<String> = match value {
        Value::Array(items) => items.iter().filter_map(name_of).collect(),
        other => name_of(other).map(|s| split_byline(&s)).unwrap_or_default(),
    };
    names.into_iter().filter(|n| !n.is_empty()).collect()
}

/// "By Jane Roe and Omar Haddad" / "Jane Roe, Omar Haddad" -> the names.
fn split_byline(s: &str) -> Vec<String> {
    let s = s.trim();
    let s = s.strip_prefix("By ").or_else(|| s.strip_prefix("by ")).unwrap_or(s);
    s.split([',', ';', '&']).flat_map(|part| part.split(" and ")).map(|n| n.trim().to_string()).collect()
}

/// ISO 8601 first, then RFC 2822 (what RSS exporters write), then a bare Unix timestamp.
fn parse_date(raw: &str) -> Option<Published> {
    if let Ok(p) = raw.parse::<Published>() {
        return Some(p);
    }
    if let Ok(zoned) = jiff::fmt::rfc2822::parse(raw) {
        return Some(Published::Zoned(zoned.datetime(), zoned.offset()));
    }
    let secs: i64 = raw.parse().ok()?;
    let ts = jiff::Timestamp::from_second(secs).ok()?;
    Some(Published::Zoned(ts.to_zoned(jiff::tz::TimeZone::UTC).datetime(), jiff::tz::Offset::UTC))
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_common_field_names() {
        let input = concat!(
            r#"{"title":"T1","text":"Body one.","url":"https://a.example/x","published":"2026-03-04T09:15:00Z","source":"Northern Ledger","authors":["Jane Roe"]}"#,
            "\n\n",
            r#"{"headline":"T2","body":"Body two.","link":"https://b.example/y","date":"Wed, 04 Mar 2026 10:00:00 +0100","outlet":{"name":"Ostland Post"},"byline":"By Jane Roe and Omar Haddad"}"#,
            "\n"
        );
        let out = parse_jsonl("f.jsonl", "/f.jsonl", input.as_bytes()).unwrap();
        assert!(out.errors.is_empty(), "{:?}", out.errors);
        let [a, b] = &out.docs[..] else { panic!("two docs expected") };
        assert_eq!((a.title.as_deref(), a.body.as_str(), a.source.as_str()), (Some("T1"), "Body one.", "f.jsonl:1"));
        assert_eq!(a.meta.published.unwrap().to_string(), "2026-03-04T09:15:00Z");
        assert_eq!(b.meta.source_token.as_deref(), Some("Ostland Post"));
        assert_eq!(b.meta.authors, ["Jane Roe", "Omar Haddad"]);
        assert_eq!(b.meta.published.unwrap().to_string(), "2026-03-04T10:00:00+01:00");
        assert_eq!(b.source, "f.jsonl:3");
        assert_ne!(a.id, b.id);
    }

    #[test]
    fn bad_lines_are_reported_and_skipped() {
        let input = "{\"text\":\"ok\"}\n{broken\n[1,2]\n{\"title\":\"no body\"}\n{\"content\":\"fine\"}\n";
        let out = parse_jsonl("f.jsonl", "/f.jsonl", input.as_bytes()).unwrap();
        assert_eq!(out.docs.len(), 2);
        let messages: Vec<String> = out.errors.iter().map(ToString::to_string).collect();
        assert!(messages[0].starts_with("f.jsonl: line 2: invalid JSON"), "{messages:?}");
        assert_eq!(messages[1], "f.jsonl: line 3: expected a JSON object, found an array");
        assert!(messages[2].starts_with("f.jsonl: line 4: no article text"), "{messages:?}");
    }
}
