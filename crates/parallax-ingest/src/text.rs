//! The plain-text layout scrapers save: an optional `date YYYY-MM-DD <source>` line, an
//! optional title line, a blank line, the body.

use jiff::civil::Date;
use parallax_core::{ArticleId, BodyFormat, Published, RawDoc, RawMeta};

use crate::decode::decode;
use crate::Error;

/// Longest line still taken as a title; past this a first line is a paragraph of body text.
const MAX_TITLE_CHARS: usize = 300;

/// Parses one text document. `shown` names it in messages and in [`RawDoc::source`];
/// `identity` and the bytes make its id.
pub fn parse_text(shown: &str, identity: &str, bytes: &[u8]) -> Result<RawDoc, Error> {
    let (text, guessed) = decode(bytes).map_err(|_| Error::Binary { path: shown.to_string() })?;
    if text.trim().is_empty() {
        return Err(Error::Empty { path: shown.to_string() });
    }
    let mut warnings = Vec::new();
    if let Some(name) = guessed {
        warnings.push(format!("not UTF-8: decoded as {name}"));
    }
    let text = if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text };
    let mut meta = RawMeta::default();
    // Walk the first lines by byte offset: the body is then a slice of the text, not a copy.
    let mut rest = text.as_str();
    let first = rest.split('\n').next().unwrap_or("");
    if let Some(parsed) = metadata_line(first) {
        match parsed {
            Ok((date, source)) => {
                meta.published = Some(Published::Date(date));
                meta.source_token = source;
            }
            Err(found) => warnings
                .push(format!("line 1: expected 'date YYYY-MM-DD <source>', found {found:?}; the line was dropped")),
        }
        rest = rest.split_once('\n').map_or("", |(_, r)| r);
    }

    // A blank line where the title would be means there is no title.
    let mut title = None;
    let line = rest.split('\n').next().unwrap_or("");
    let candidate = line.trim();
    if !candidate.is_empty() && candidate.chars().count() <= MAX_TITLE_CHARS {
        title = Some(candidate.to_string());
        rest = rest.split_once('\n').map_or("", |(_, r)| r);
    }
    let body = rest.trim_matches('\n').to_string();
    Ok(doc(shown, identity, bytes, meta, title, body, warnings))
}

fn doc(
    shown: &str,
    identity: &str,
    bytes: &[u8],
    meta: RawMeta,
    title: Option<String>,
    body: String,
    warnings: Vec<String>,
) -> RawDoc {
    RawDoc {
        id: ArticleId::derive(identity, bytes),
        source: shown.to_string(),
        meta,
        title,
        body,
        format: BodyFormat::Text,
        warnings,
    }
}

/// `Some(Ok)` for a metadata line, `Some(Err(line))` for one that starts like it but is
/// malformed, `None` when the line is not a metadata line at all ("Date night in Kessel").
#[allow(clippy::type_complexity)]
fn metadata_line(line: &str) -> Option<Result<(Date, Option<String>), String>> {
    let rest = line.trim().strip_prefix("date ")?;
    let rest = rest.trim_start();
    if !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (date, source) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let Ok(date) = date.parse::<Date>() else {
        return Some(Err(line.trim().to_string()));
    };
    if date.to_string() != date_token_canonical(rest) {
        return Some(Err(line.trim().to_string()));
    }
    let source = source.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(Ok((date, (!source.is_empty()).then_some(source))))
}

/// The first token of the metadata line's remainder, which must be exactly `YYYY-MM-DD`.
fn date_token_canonical(rest: &str) -> &str {
    rest.split_whitespace().next().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, title: Option<&str>, body: &str, source: Option<&str>) {
        let doc = parse_text("t.txt", "/t.txt", input.as_bytes()).unwrap();
        assert_eq!(doc.title.as_deref(), title, "title of {input:?}");
        assert_eq!(doc.body, body, "body of {input:?}");
        assert_eq!(doc.meta.source_token.as_deref(), source);
    }

    #[test]
    fn metadata_title_body() {
        check(
            "date 2026-03-04 world\nA title\n\nBody one.\n\nBody two.\n",
            Some("A title"),
            "Body one.\n\nBody two.",
            Some("world"),
        );
        check("date 2026-03-04 https://x.example/a\nT\n\nB", Some("T"), "B", Some("https://x.example/a"));
        check("date 2026-03-04 New York  Times\nT\n\nB", Some("T"), "B", Some("New York Times"));
    }

    #[test]
    fn blank_after_metadata_means_no_title() {
        check(
            "date 2026-03-04 unknown\n\nFirst paragraph.\n\nSecond.",
            None,
            "First paragraph.\n\nSecond.",
            Some("unknown"),
        );
    }

    #[test]
    fn no_metadata_line() {
        check("Just a title\n\nBody.", Some("Just a title"), "Body.", None);
        check("\nBody without title.", None, "Body without title.", None);
        check("Date night in Kessel\n\nBody.", Some("Date night in Kessel"), "Body.", None);
    }

    #[test]
    fn long_first_line_is_body() {
        let long = "word ".repeat(100);
        let input = format!("{long}\nnext line");
        let doc = parse_text("t", "t", input.as_bytes()).unwrap();
        assert_eq!(doc.title, None);
        assert!(doc.body.starts_with("word word"));
    }

    #[test]
    fn malformed_metadata_is_a_warning() {
        let doc = parse_text("t", "t", b"date 2026-13-45 world\nTitle\n\nBody").unwrap();
        assert_eq!(doc.meta.published, None);
        assert_eq!(doc.title.as_deref(), Some("Title"));
        assert!(doc.warnings[0].contains("expected 'date YYYY-MM-DD <source>'"), "{:?}", doc.warnings);
    }

    #[test]
    fn date_is_kept_crlf_and_bom_handled() {
        let doc = parse_text("t", "t", b"\xEF\xBB\xBFdate 2026-03-04 world\r\nTitle\r\n\r\nBody").unwrap();
        assert_eq!(doc.meta.published.unwrap().to_string(), "2026-03-04");
        assert_eq!(doc.body, "Body");
    }

    #[test]
    fn empty_and_binary_are_errors() {
        assert!(matches!(parse_text("e", "e", b"  \n\n "), Err(Error::Empty { .. })));
        assert!(matches!(parse_text("b", "b", b"\x00\x01\x02binary"), Err(Error::Binary { .. })));
    }
}
