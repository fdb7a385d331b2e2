//! Parallax's language stages over clean article text: time expressions (recognised and
//! normalised to TIMEX3 values against the publication date) and timelines built from them;
//! quotes with their speakers, and their variants across a story's articles; entities (people,
//! organisations, places) with one canonical name across articles.
//!
//! Every stage reads the article's [`Document`](parallax_core::document::Document), built once
//! by the caller, and builds its own units from the document's tokens; none scans the text
//! again. Pure: documents and dates in, typed results out; no I/O, no global state.
#![warn(clippy::disallowed_methods, reason = "pure stage")]
#![forbid(unsafe_code)]

pub mod entities;
pub mod quotes;
pub mod time;
