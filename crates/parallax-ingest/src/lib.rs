//! Readers: files, directories, stdin and JSON Lines in; [`RawDoc`]s out.
//!
//! This crate owns input I/O and the input formats: encodings, the `date YYYY-MM-DD <source>`
//! metadata line, the title line, JSON Lines field names. It does not clean: junk, bylines and
//! repeats are `parallax-extract`'s. A bad input is an [`Error`] naming it and the reason; the
//! caller reports it and goes on with the next.

mod decode;
mod discover;
mod jsonl;
mod text;

use std::path::{Path, PathBuf};

pub use discover::{discover, Input};
pub use jsonl::parse_jsonl;
pub use text::parse_text;

use parallax_core::RawDoc;

/// Limits on what a reader accepts.
#[derive(Debug, Clone)]
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
}

impl Error {
    /// The input the error is about, as the user gave it.
    pub fn path(&self) -> &str {
        match self {
            Error::Io { path, .. }
            | Error::TooLarge { path, .. }
            | Error::Empty { path }
            | Error::Binary { path }
            | Error::Record { path, .. } => path,
        }
    }
}

/// What reading one input gave: its documents, and the records that failed (JSON Lines only:
/// one bad line does not lose the file).
#[derive(Debug, Default)]
pub struct ReadOutcome {
    pub docs: Vec<RawDoc>,
    pub errors: Vec<Error>,
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
            parse_bytes("-", "stdin", &bytes, looks_like_jsonl(&bytes))
        }
        Input::File(path) => {
            let shown = path.display().to_string();
            let io = |source| Error::Io { path: shown.clone(), source };
            let size = std::fs::metadata(path).map_err(io)?.len();
            if size > config.max_bytes {
                return Err(Error::TooLarge { path: shown, size, limit: config.max_bytes });
            }
            let bytes = std::fs::read(path).map_err(io)?;
            let identity = identity(path);
            let jsonl = is_jsonl_path(path) || looks_like_jsonl(&bytes);
            parse_bytes(&shown, &identity, &bytes, jsonl)
        }
    }
}

fn parse_bytes(shown: &str, identity: &str, bytes: &[u8], jsonl: bool) -> Result<ReadOutcome, Error> {
    if jsonl {
        parse_jsonl(shown, identity, bytes)
    } else {
        Ok(ReadOutcome { docs: vec![parse_text(shown, identity, bytes)?], errors: Vec::new() })
    }
}

/// The identity behind an article id: the canonical path, so `./a.txt` and `a.txt` are one file.
fn identity(path: &Path) -> String {
    std::fs::canonicalize(path).unwrap_or_else(|_| PathBuf::from(path)).display().to_string()
}

fn is_jsonl_path(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(),
        Some("jsonl" | "ndjson")
    )
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
