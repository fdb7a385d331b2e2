//! Readers: files, directories and stdin in; [`RawDoc`]s out.
//!
//! This crate owns input I/O and the input formats: encodings, gzip, the
//! `date YYYY-MM-DD <source>` metadata line, the title line, JSON Lines field names, HTML
//! pages (charsets), RSS/Atom/JSON feeds and WARC archives. It does not clean: junk, bylines
//! and repeats are `parallax-extract`'s, and so is finding the article in an HTML page. A bad
//! input is an [`Error`] naming it and the reason; the caller reports it and goes on with the
//! next.
#![forbid(unsafe_code)]

mod decode;
mod discover;
mod feed;
mod html;
mod jsonl;
mod text;
mod warc;

use std::io::Read;

use std::path::{Path, PathBuf};

pub use discover::{discover, Input};
pub use feed::SUMMARY_ONLY;
pub use jsonl::parse_jsonl;
pub use text::parse_text;

use parallax_core::RawDoc;

/// Bytes from the start searched for a NUL, which text never holds and binary formats and
/// UTF-16 without a BOM do: enough to catch them, cheap on a large file.
pub(crate) const BINARY_SNIFF_BYTES: usize = 8192;
/// Bytes from the start that tell an HTML page or a feed by its opening tags, after a BOM and
/// white space.
pub(crate) const FORMAT_SNIFF_BYTES: usize = 1024;

/// Limits on what a reader accepts.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReadConfig {
    /// Larger inputs are refused, not read: a stray disk image must not exhaust memory.
    pub max_bytes: u64,
}

impl Default for ReadConfig {
    fn default() -> ReadConfig {
        // Far above any article or day's feed dump, far below what would hurt a 2-core laptop.
        ReadConfig { max_bytes: 64 * 1024 * 1024 }
    }
}

/// Why an input (or one record of it) could not be read.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: too large ({size} bytes, the limit is {limit})")]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{path}: empty file")]
    Empty { path: String },
    #[error("{path}: binary data, not text")]
    Binary { path: String },
    #[error("{path}: line {line}: {reason}")]
    Record { path: String, line: usize, reason: String },
    /// A feed or archive that cannot be parsed, or a bad gzip stream.
    #[error("{path}: {reason}")]
    Invalid { path: String, reason: String },
}

impl Error {
    /// The input the error is about, as the user gave it.
    pub fn path(&self) -> &str {
        match self {
            Error::Io { path, .. }
            | Error::TooLarge { path, .. }
            | Error::Empty { path }
            | Error::Binary { path }
            | Error::Record { path, .. }
            | Error::Invalid { path, .. } => path,
        }
    }
}

/// What reading one input gave: its documents, the records that failed (one bad JSON line or
/// archive record does not lose the file), and what was passed over on purpose.
#[derive(Debug, Default)]
pub struct ReadOutcome {
    pub docs: Vec<RawDoc>,
    pub errors: Vec<Error>,
    pub skipped: Vec<Skipped>,
}

/// Records read fine but holding no article: an archive's images and redirects (counted), a
/// feed item with no text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub source: String,
    pub reason: String,
}

/// The input formats, told apart by file name first, then by content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Jsonl,
    Html,
    Feed,
    Warc,
}

/// Reads one input. A file-level failure (unreadable, too large, binary, empty) is the `Err`.
pub fn read(input: &Input, config: &ReadConfig) -> Result<ReadOutcome, Error> {
    match input {
        Input::Stdin => {
            use std::io::Read;
            let mut bytes = Vec::new();
            std::io::stdin()
                .take(config.max_bytes + 1)
                .read_to_end(&mut bytes)
                .map_err(|source| Error::Io { path: "-".into(), source })?;
            if bytes.len() as u64 > config.max_bytes {
                return Err(Error::TooLarge { path: "-".into(), size: bytes.len() as u64, limit: config.max_bytes });
            }
            parse_bytes("-", "stdin", None, &bytes, config)
        }
        Input::File(path) => {
            let shown = path.display().to_string();
            let io = |source| Error::Io { path: shown.clone(), source };
            let size = std::fs::metadata(path).map_err(io)?.len();
            if size > config.max_bytes {
                return Err(Error::TooLarge { path: shown, size, limit: config.max_bytes });
            }
            let bytes = std::fs::read(path).map_err(io)?;
            parse_bytes(&shown, &identity(path), Some(path), &bytes, config)
        }
    }
}

/// Reads one input's bytes (gzip undone first); `path` names the file for its extension.
fn parse_bytes(
    shown: &str,
    identity: &str,
    path: Option<&Path>,
    bytes: &[u8],
    config: &ReadConfig,
) -> Result<ReadOutcome, Error> {
    let unpacked;
    let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
        unpacked = gunzip(shown, bytes, config.max_bytes)?;
        &unpacked[..]
    } else {
        bytes
    };
    let one = |doc| Ok(ReadOutcome { docs: vec![doc], ..ReadOutcome::default() });
    let format = format_of(path, bytes);
    let outcome = match format {
        Format::Jsonl => parse_jsonl(shown, identity, bytes),
        Format::Text => one(parse_text(shown, identity, bytes)?),
        Format::Html => one(html::parse_html(shown, identity, bytes, None, parallax_core::RawMeta::default())?),
        Format::Feed => feed::parse_feed(shown, identity, bytes),
        Format::Warc => Ok(warc::parse_warc(shown, identity, bytes)),
    }?;
    tracing::debug!(
        input = shown,
        ?format,
        bytes = bytes.len(),
        docs = outcome.docs.len(),
        errors = outcome.errors.len(),
        skipped = outcome.skipped.len(),
        "read"
    );
    Ok(outcome)
}

/// Undoes gzip (all members: `.warc.gz` files are one member per record), refusing output
/// past `limit`: a small bomb must not fill memory.
fn gunzip(shown: &str, bytes: &[u8], limit: u64) -> Result<Vec<u8>, Error> {
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|e| Error::Invalid { path: shown.to_string(), reason: format!("bad gzip data: {e}") })?;
    if out.len() as u64 > limit {
        return Err(Error::TooLarge { path: shown.to_string(), size: out.len() as u64, limit });
    }
    Ok(out)
}

/// The format by extension (`.gz` looked through), else by content.
fn format_of(path: Option<&Path>, bytes: &[u8]) -> Format {
    match path.and_then(discover::inner_extension).as_deref() {
        Some("jsonl" | "ndjson") => return Format::Jsonl,
        Some("txt" | "text") => return Format::Text,
        Some("html" | "htm" | "xhtml" | "shtml") => return Format::Html,
        Some("rss" | "atom" | "rdf") => return Format::Feed,
        Some("warc") => return Format::Warc,
        _ => {}
    }
    if warc::looks_like_warc(bytes) {
        Format::Warc
    } else if feed::looks_like_feed(bytes) {
        Format::Feed
    } else if html::looks_like_html(bytes) {
        Format::Html
    } else if looks_like_jsonl(bytes) {
        Format::Jsonl
    } else {
        Format::Text
    }
}

/// The identity behind an article id: the canonical path, so `./a.txt` and `a.txt` are one file.
fn identity(path: &Path) -> String {
    std::fs::canonicalize(path).unwrap_or_else(|_| PathBuf::from(path)).display().to_string()
}

/// Sniffs content with no telling extension: JSON Lines when the first line is a JSON object.
fn looks_like_jsonl(bytes: &[u8]) -> bool {
    let first = bytes.split(|b| *b == b'\n').find(|l| !l.iter().all(u8::is_ascii_whitespace));
    match first {
        Some(line) => {
            let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
            line.trim_ascii_start().starts_with(b"{")
                && matches!(serde_json::from_slice::<serde_json::Value>(line), Ok(serde_json::Value::Object(_)))
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use parallax_core::BodyFormat;

    use super::*;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(bytes).unwrap();
        gz.finish().unwrap()
    }

    fn formats(path: &str, bytes: &[u8]) -> Vec<BodyFormat> {
        let out = parse_bytes(path, path, Some(Path::new(path)), bytes, &ReadConfig::default()).unwrap();
        out.docs.iter().map(|d| d.format).collect()
    }

    #[test]
    fn formats_by_name_then_content_and_through_gzip() {
        let page = b"<!DOCTYPE html><html><body><p>Fire crews worked on.</p></body></html>";
        assert_eq!(formats("a.html", page), [BodyFormat::Html]);
        assert_eq!(formats("a.html.gz", &gzip(page)), [BodyFormat::Html]);
        assert_eq!(formats("noext", &gzip(page)), [BodyFormat::Html]);
        assert_eq!(formats("a.txt", b"Title\n\nBody."), [BodyFormat::Text]);
        let rss = b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><title>A</title><description>Body of A.</description></item></channel></rss>";
        // RSS descriptions are HTML by definition.
        assert_eq!(formats("feed", rss), [BodyFormat::HtmlFragment]);
        let warc = warc::tests::small_archive();
        assert_eq!(formats("crawl.warc.gz", &gzip(&warc)).len(), 3);
    }

    #[test]
    fn gzip_output_is_capped() {
        let big = gzip(&vec![b'a'; 4096]);
        let config = ReadConfig { max_bytes: 1024 };
        assert!(matches!(parse_bytes("b.gz", "b.gz", None, &big, &config), Err(Error::TooLarge { .. })));
        assert!(matches!(parse_bytes("c.gz", "c.gz", None, b"\x1f\x8bnot gzip", &config), Err(Error::Invalid { .. })));
    }
}

#[cfg(test)]
mod proptests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Any bytes: a document or a clear error, never a panic; a document's body is text.
        #[test]
        fn text_reader_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            if let Ok(doc) = parse_text("f", "f", &bytes) {
                prop_assert!(!doc.body.contains('\r'));
            }
        }

        #[test]
        fn jsonl_reader_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let _ = parse_jsonl("f", "f", &bytes);
        }

        /// Feeds, archives, pages and gzip: any bytes, under any name, never panic.
        #[test]
        fn every_reader_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..2048), name in 0usize..5) {
            let path = ["a.html", "a.rss", "a.warc", "a.gz", "a"][name];
            let _ = parse_bytes(path, path, Some(Path::new(path)), &bytes, &ReadConfig::default());
            let mut warc = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 12\r\n\r\n".to_vec();
            warc.extend_from_slice(&bytes);
            let _ = warc::parse_warc("w", "w", &warc);
        }

        /// Text that looks like the layout, with arbitrary lines: the metadata line never leaks.
        #[test]
        fn layout_lines(date in "[0-9]{4}-[0-9]{2}-[0-9]{2}", source in "[a-z ]{0,12}", rest in "\\PC{0,200}") {
            let input = format!("date {date} {source}\n{rest}");
            if let Ok(doc) = parse_text("f", "f", input.as_bytes()) {
                let leaked = doc.title.as_deref().is_some_and(|t| t.starts_with("date "));
                prop_assert!(!leaked || rest.trim_start().starts_with("date "));
            }
        }
    }
}
