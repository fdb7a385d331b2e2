//! Parallax's language stages over clean article text: time expressions (recognised and
//! normalised to TIMEX3 values against the publication date) and timelines built from them.
//! Quotes, speakers and entities will join here.
//!
//! Pure: text and dates in, typed results out; no I/O, no global state.
#![warn(clippy::disallowed_methods, reason = "pure stage")]

pub mod time;
