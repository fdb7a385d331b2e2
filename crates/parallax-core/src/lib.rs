//! Parallax's domain types, the analysed document every stage reads ([`document`]), and the
//! pure text helpers the stages share.
//!
//! Nothing here does I/O: readers live in `parallax-ingest`, SQL in `parallax-store`.
//! Types are plain data (serde where they cross a boundary) so each stage can be tested,
//! benched and replaced alone.
#![warn(clippy::disallowed_methods, reason = "pure stage")]
#![forbid(unsafe_code)]

mod article;
pub mod document;
mod entity;
pub mod lexicon;
mod names;
mod quote;
mod raw;
mod story;
pub mod text;
mod time;

pub use article::{Article, ArticleId, Published, PublishedParseError};
pub use entity::{Entity, EntityKind, Mention};
pub use names::UnknownName;
pub use quote::{Quote, QuoteKind};
pub use raw::{BodyFormat, RawDoc, RawMeta};
pub use story::Story;
pub use time::{TimeExpr, TimeKind, TimeMod, TimelineEntry};
