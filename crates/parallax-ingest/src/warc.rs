//! Web archives (WARC 1.0/1.1, gzipped or not): each `response` record holding an HTML page
//! with HTTP status 200 becomes a page for the extractor; its `WARC-Target-URI` and
//! `WARC-Date` stand in for the page's own URL and date when the page states none. Other
//! responses (images, scripts, redirects, errors) are skipped and counted.
//!
//! Hand-written rather than the `warc` crate: the framing is a header block and a
//! `Content-Length`, and what matters here is the HTTP message inside (status, `Content-Type`,
//! chunked transfer, gzip content coding), which no WARC crate reads.

use std::io::Read;

use parallax_core::{Published, RawMeta};

use crate::html::parse_html;
use crate::{Error, ReadOutcome, Skipped};

/// Largest page taken from an archive after undoing its content coding.
const MAX_PAGE_BYTES: u64 = 16 * 1024 * 1024;

pub(crate) fn parse_warc(shown: &str, identity: &str, bytes: &[u8]) -> ReadOutcome {
    let mut outcome = ReadOutcome::default();
    let mut pos = 0;
    let mut record = 0usize;
    let (mut not_html, mut not_ok) = (0usize, 0usize);
    while pos < bytes.len() {
        // Records are separated by blank lines.
        while pos < bytes.len() && matches!(bytes[pos], b'\r' | b'\n') {
            pos += 1;
        }
        if pos >= bytes.len() {
            break;
        }
        record += 1;
        let (headers, start, end) = match frame(&bytes[pos..]) {
            Ok((headers, start, end)) => (headers, pos + start, pos + end),
            Err(reason) => {
                // The records before stay read; the rest of the file cannot be framed.
                let reason = format!("record {record}: {reason}; the rest of the archive was not read");
                outcome.errors.push(Error::Invalid { path: shown.to_string(), reason });
                break;
            }
        };
        pos = end;
        let block = &bytes[start..end];
        if !header(&headers, "warc-type").is_some_and(|t| t.trim().eq_ignore_ascii_case("response")) {
            continue;
        }
        let Some((status, http_headers, body)) = http_response(block) else {
            not_html += 1;
            continue;
        };
        let content_type = header(&http_headers, "content-type").unwrap_or_default().to_ascii_lowercase();
        if status != 200 {
            not_ok += 1;
            continue;
        }
        if !(content_type.contains("text/html") || content_type.contains("application/xhtml")) {
            not_html += 1;
            continue;
        }
        let Some(body) = decode_body(&http_headers, body) else {
            outcome
                .skipped
                .push(Skipped { source: format!("{shown}#{record}"), reason: "undecodable HTTP body".into() });
            continue;
        };
        let meta = RawMeta {
            url: header(&headers, "warc-target-uri").map(|u| u.trim().trim_matches(['<', '>']).to_string()),
            published: header(&headers, "warc-date").and_then(|d| d.trim().parse::<Published>().ok()),
            ..RawMeta::default()
        };
        let charset = content_type.split(';').find_map(|p| p.trim().strip_prefix("charset=")).map(str::to_string);
        let source = format!("{shown}#{record}");
        match parse_html(&source, &format!("{identity}#{record}"), &body, charset.as_deref(), meta) {
            Ok(doc) => outcome.docs.push(doc),
            Err(e) => outcome.errors.push(e),
        }
    }
    if not_html + not_ok > 0 {
        outcome.skipped.push(Skipped {
            source: shown.to_string(),
            reason: format!(
                "{} response records skipped: {not_html} not HTML, {not_ok} not status 200",
                not_html + not_ok
            ),
        });
    }
    outcome
}

/// Header fields, names lowercased.
type Headers = Vec<(String, String)>;

/// One record's WARC headers, and where its block starts and ends.
fn frame(bytes: &[u8]) -> Result<(Headers, usize, usize), &'static str> {
    if !bytes.starts_with(b"WARC/") {
        return Err("expected a 'WARC/' version line");
    }
    let (headers, start) = split_headers(bytes).ok_or("unterminated header block")?;
    let length: usize = header(&headers, "content-length").and_then(|v| v.parse().ok()).ok_or("no Content-Length")?;
    let end = start.checked_add(length).filter(|&e| e <= bytes.len()).ok_or("truncated record")?;
    Ok((headers, start, end))
}

/// Header lines (name, value) up to the blank line, and where the body starts.
fn split_headers(bytes: &[u8]) -> Option<(Headers, usize)> {
    let end = memchr::memmem::find(bytes, b"\r\n\r\n").map(|e| (e, e + 4)).or_else(|| {
        // Some writers use bare newlines.
        memchr::memmem::find(bytes, b"\n\n").map(|e| (e, e + 2))
    })?;
    let text = String::from_utf8_lossy(&bytes[..end.0]);
    let headers = text
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Some((headers, end.1))
}

fn header(headers: &[(String, String)], name: &str) -> Option<String> {
    headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone())
}

/// Status, headers and body of an HTTP response message.
fn http_response(block: &[u8]) -> Option<(u16, Headers, &[u8])> {
    if !block.starts_with(b"HTTP/") {
        return None;
    }
    let line_end = memchr::memchr(b'\n', block)?;
    let status = std::str::from_utf8(&block[..line_end]).ok()?.split_whitespace().nth(1)?.parse().ok()?;
    let (headers, body_start) = split_headers(block)?;
    Some((status, headers, &block[body_start..]))
}

/// The body as sent, without chunked framing and gzip/deflate content coding.
fn decode_body(headers: &[(String, String)], body: &[u8]) -> Option<Vec<u8>> {
    let chunked = header(headers, "transfer-encoding").is_some_and(|t| t.to_ascii_lowercase().contains("chunked"));
    let body = if chunked { dechunk(body)? } else { body.to_vec() };
    let coding = header(headers, "content-encoding").unwrap_or_default().to_ascii_lowercase();
    let mut out = Vec::new();
    let limit = MAX_PAGE_BYTES + 1;
    match coding.trim() {
        "gzip" | "x-gzip" => flate2::read::MultiGzDecoder::new(&body[..]).take(limit).read_to_end(&mut out).ok()?,
        "deflate" => flate2::read::ZlibDecoder::new(&body[..]).take(limit).read_to_end(&mut out).ok()?,
        _ => return Some(body),
    };
    (out.len() as u64 <= MAX_PAGE_BYTES).then_some(out)
}

fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let line_end = memchr::memchr(b'\n', body)?;
        let size_text = std::str::from_utf8(&body[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        body = &body[line_end + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size..)?;
        body = body.strip_prefix(b"\r\n").or_else(|| body.strip_prefix(b"\n")).unwrap_or(body);
    }
}

/// Whether bytes are a WARC file (after any gzip was undone).
pub(crate) fn looks_like_warc(bytes: &[u8]) -> bool {
    bytes.starts_with(b"WARC/")
}

#[cfg(test)]
pub(crate) mod tests {
    use std::io::Write;

    use super::*;

    /// One WARC record around an HTTP message.
    pub(crate) fn record(kind: &str, uri: &str, http: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2026-03-04T10:15:00Z\r\nWARC-Record-ID: <urn:uuid:x>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            http.len()
        )
        .into_bytes();
        out.extend_from_slice(http);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    pub(crate) fn http(status: &str, content_type: &str, extra: &str, body: &[u8]) -> Vec<u8> {
        let mut out = format!("HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n{extra}\r\n").into_bytes();
        out.extend_from_slice(body);
        out
    }

    pub(crate) fn small_archive() -> Vec<u8> {
        let page =
            b"<html><body><article><p>Fire crews worked through the night in Kessel.</p></article></body></html>";
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(page).unwrap();
        let gzipped = gz.finish().unwrap();
        let chunks = ["<html><body><p>Second pa", "ge, chunked.</p>"];
        let mut chunked: Vec<u8> =
            chunks.iter().flat_map(|c| format!("{:x}\r\n{c}\r\n", c.len()).into_bytes()).collect();
        chunked.extend_from_slice(b"0\r\n\r\n");
        let mut warc = b"WARC/1.1\r\nWARC-Type: warcinfo\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n".to_vec();
        warc.extend(record("request", "https://kessel.example/a", b"GET /a HTTP/1.1\r\n\r\n"));
        warc.extend(record(
            "response",
            "https://kessel.example/a",
            &http("200 OK", "text/html; charset=utf-8", "", page),
        ));
        warc.extend(record(
            "response",
            "https://kessel.example/logo.png",
            &http("200 OK", "image/png", "", b"\x89PNG"),
        ));
        warc.extend(record(
            "response",
            "https://kessel.example/gone",
            &http("404 Not Found", "text/html", "", b"<p>no</p>"),
        ));
        warc.extend(record(
            "response",
            "https://kessel.example/b",
            &http("200 OK", "text/html", "Content-Encoding: gzip\r\n", &gzipped),
        ));
        warc.extend(record(
            "response",
            "https://kessel.example/c",
            &http("200 OK", "text/html", "Transfer-Encoding: chunked\r\n", &chunked),
        ));
        warc
    }

    #[test]
    fn html_responses_become_pages() {
        let out = parse_warc("a.warc", "/a.warc", &small_archive());
        assert!(out.errors.is_empty(), "{:?}", out.errors);
        let urls: Vec<_> = out.docs.iter().map(|d| d.meta.url.as_deref().unwrap_or("")).collect();
        assert_eq!(urls, ["https://kessel.example/a", "https://kessel.example/b", "https://kessel.example/c"]);
        assert!(out.docs[1].body.contains("Fire crews"), "gzip undone: {:?}", out.docs[1].body);
        assert!(out.docs[2].body.contains("Second page, chunked."), "{:?}", out.docs[2].body);
        assert_eq!(out.docs[0].meta.published.unwrap().to_string(), "2026-03-04T10:15:00Z");
        assert_eq!(out.skipped.len(), 1);
        assert_eq!(out.skipped[0].reason, "2 response records skipped: 1 not HTML, 1 not status 200");
    }

    #[test]
    fn broken_framing_keeps_the_records_before() {
        let mut warc = small_archive();
        warc.truncate(warc.len() - 40);
        let out = parse_warc("a.warc", "/a.warc", &warc);
        assert_eq!(out.docs.len(), 2);
        assert!(out.errors[0].to_string().contains("record 7: truncated record"), "{}", out.errors[0]);
        let out = parse_warc("a.warc", "/a.warc", b"WARC/1.0\r\nWARC-Type: response\r\n\r\n");
        assert!(out.docs.is_empty() && out.errors.len() == 1);
    }
}
