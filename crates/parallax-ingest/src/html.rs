//! Saved web pages: bytes to text in the page's charset, kept as HTML for the extractor.
//!
//! The charset comes from, in order: a byte-order mark; the bytes themselves when they are
//! valid UTF-8 (saved pages are often re-encoded to UTF-8 by whatever saved them while the old
//! `<meta charset>` stays, and multi-byte UTF-8 is all but impossible by chance in a legacy
//! 8-bit encoding); the HTTP `Content-Type` header (WARC responses); a `<meta charset>` or
//! `<meta http-equiv=Content-Type>` near the top; and last chardetng's guess.

use encoding_rs::Encoding;
use parallax_core::{ArticleId, BodyFormat, RawDoc, RawMeta};

use crate::decode::decode;
use crate::Error;

/// How far into a page a `<meta charset>` is looked for. The HTML standard's prescan stops
/// at 1024 bytes; pages with long comments or scripts first put it later, so look further.
const META_PRESCAN_BYTES: usize = 4096;

/// Reads one page. `http_charset`: the charset an HTTP header declared, if any.
pub(crate) fn parse_html(
    shown: &str,
    identity: &str,
    bytes: &[u8],
    http_charset: Option<&str>,
    meta: RawMeta,
) -> Result<RawDoc, Error> {
    let (text, warning) = decode_html(bytes, http_charset).ok_or_else(|| Error::Binary { path: shown.to_string() })?;
    if text.trim().is_empty() {
        return Err(Error::Empty { path: shown.to_string() });
    }
    Ok(RawDoc {
        id: ArticleId::derive(identity, bytes),
        source: shown.to_string(),
        meta,
        title: None,
        body: text,
        format: BodyFormat::Html,
        warnings: warning.into_iter().collect(),
    })
}

/// The page as text, and a warning when the charset had to be guessed. `None` for binary data.
pub(crate) fn decode_html(bytes: &[u8], http_charset: Option<&str>) -> Option<(String, Option<String>)> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return Some((encoding.decode_without_bom_handling(&bytes[bom_len..]).0.into_owned(), None));
    }
    if bytes[..bytes.len().min(crate::BINARY_SNIFF_BYTES)].contains(&0) {
        return None;
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some((text.to_string(), None));
    }
    let declared = http_charset.and_then(label_encoding).or_else(|| meta_charset(bytes));
    if let Some(encoding) = declared {
        return Some((encoding.decode_without_bom_handling(bytes).0.into_owned(), None));
    }
    let (text, guessed) = decode(bytes).ok()?;
    Some((text, guessed.map(|name| format!("no charset declared: decoded as {name}"))))
}

fn label_encoding(label: &str) -> Option<&'static Encoding> {
    let encoding = Encoding::for_label(label.trim().trim_matches(['"', '\'']).as_bytes())?;
    // A page that says UTF-16 in ASCII bytes is not UTF-16: the HTML standard reads it as
    // UTF-8, which is what `output_encoding` maps UTF-16 to.
    Some(encoding.output_encoding())
}

/// The charset a `<meta>` tag near the top of the page declares.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(META_PRESCAN_BYTES)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = memchr::memmem::find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = lower[start..].iter().position(|&b| b == b'>').map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = memchr::memmem::find(tag, b"charset") {
            let rest = &tag[c + 7..];
            let rest = rest.trim_ascii_start();
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = rest.trim_ascii_start();
                let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
                let len =
                    rest.iter().position(|b| !(b.is_ascii_alphanumeric() || b"-_:.".contains(b))).unwrap_or(rest.len());
                if let Some(e) = std::str::from_utf8(&rest[..len]).ok().and_then(label_encoding) {
                    return Some(e);
                }
            }
        }
        from = end.max(start + 1);
    }
    None
}

/// Whether bytes with no telling file name are an HTML page.
pub(crate) fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(crate::FORMAT_SNIFF_BYTES)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head).trim_ascii_start().to_ascii_lowercase();
    head.starts_with(b"<!doctype html")
        || head.starts_with(b"<html")
        || head.starts_with(b"<head")
        || head.starts_with(b"<body")
        || ((head.starts_with(b"<!--") || head.starts_with(b"<?xml"))
            && memchr::memmem::find(&head, b"<html").is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8], http: Option<&str>, expected: &str) {
        let (text, _) = decode_html(bytes, http).unwrap();
        assert!(text.contains(expected), "{text:?} lacks {expected:?}");
    }

    #[test]
    fn charset_sources() {
        // windows-1252 bytes declared by <meta charset>, by http-equiv, and by the HTTP header.
        check(b"<html><head><meta charset=\"windows-1252\"></head><body>caf\xe9</body></html>", None, "café");
        check(
            b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><body>Zo\xeb",
            None,
            "Zoë",
        );
        check(b"<p>M\xfcller</p>", Some("ISO-8859-1"), "Müller");
        // UTF-8 bytes under a stale legacy declaration stay UTF-8.
        check("<meta charset=iso-8859-1><p>café ’quoted’</p>".as_bytes(), None, "café ’quoted’");
        // BOM wins.
        check(b"\xFF\xFE<\0p\0>\0h\0i\0", None, "<p>hi");
        // Nothing declared: guessed, with a warning.
        let (text, warning) =
            decode_html(b"<p>Die Stra\xdfe war gesperrt, sagte der B\xfcrgermeister.</p>", None).unwrap();
        assert!(text.contains("Straße") && warning.is_some(), "{text}");
    }

    #[test]
    fn sniffs_html() {
        assert!(looks_like_html(b"  <!DOCTYPE html><html>"));
        assert!(looks_like_html(b"<!-- saved --><html lang=en>"));
        assert!(!looks_like_html(b"date 2026-01-01 x\nTitle\n\nBody"));
        assert!(!looks_like_html(b"<?xml version=\"1.0\"?><rss version=\"2.0\">"));
    }
}
