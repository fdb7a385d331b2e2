//! The one library API of Parallax: open a store, ingest inputs, ask about what is stored.
//!
//! The engine wires the stages (`parallax-ingest` -> `parallax-extract` -> `parallax-nlp` ->
//! `parallax-store` -> `parallax-dedup` / `parallax-stories`); the stages never call each
//! other. Every answer is a typed value from [`contract`] ([`Analysis`], [`StoryView`],
//! [`ArticleView`], ...) holding everything a report needs: the CLI and, later, the server are
//! thin shells that parse arguments, call the [`Engine`] and format or serialise what it returns.
#![forbid(unsafe_code)]

pub mod contract;
mod entities;
mod extract;
mod ingest;
mod query;
mod stories;
mod timeline;
mod upgrade;

use std::path::{Path, PathBuf};

use parallax_core::Article;
use parallax_dedup::DedupConfig;
use parallax_extract::ExtractConfig;
use parallax_ingest::ReadConfig;
use parallax_nlp::quotes::QuoteConfig;
use parallax_nlp::time::TimelineConfig;
use parallax_store::Store;
use parallax_stories::StoryConfig;
use serde::{Deserialize, Serialize};

pub use contract::{Analysis, ArticleView, StoryView};
pub use extract::{extract_paths, ExtractRun};
pub use ingest::{Failure, Run, RunArticle, Status};
pub use parallax_core::{EntityKind, Story};
pub use parallax_store::Record;

/// Environment variable naming the settings file when `--config` is not given.
pub const CONFIG_ENV: &str = "PARALLAX_CONFIG";
/// Environment variable naming the store directory when `--store` is not given.
pub const STORE_ENV: &str = "PARALLAX_STORE";
/// Store directory used when neither `--store` nor the environment names one.
pub const DEFAULT_STORE_DIR: &str = ".parallax";

/// Every knob of a run, with defaults in one place; a `parallax.toml` sets any of them
/// ([`Config::load`]), one table per stage:
///
/// ```toml
/// threads = 2
/// [read]
/// max_bytes = 10_000_000
/// [dedup]
/// containment = 0.85
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub read: ReadConfig,
    pub extract: ExtractConfig,
    /// Threads that read and clean inputs (the store is written by one); 0 means one per core.
    pub threads: usize,
    /// What makes a text a syndicated copy of another.
    pub dedup: DedupConfig,
    /// The story clusterer's knobs, for a new store (a store keeps the ones it started with).
    pub stories: StoryConfig,
    /// When statements of one story report one happening, and when they conflict on its day.
    pub timeline: TimelineConfig,
    /// How sure the quote finder's learned scorer must be of a quote.
    pub quotes: QuoteConfig,
}

impl Config {
    /// Reads a `parallax.toml`: unknown keys are errors (a misspelt knob must not be ignored),
    /// missing ones keep their defaults.
    pub fn load(path: &Path) -> Result<Config> {
        let text = std::fs::read_to_string(path)
            .map_err(|source| Error::ConfigUnreadable { path: path.to_path_buf(), source })?;
        Config::parse(&text).map_err(|source| Error::ConfigInvalid { path: path.to_path_buf(), source })
    }

    /// Parses the text of a `parallax.toml`.
    pub fn parse(text: &str) -> Result<Config, toml::de::Error> {
        toml::from_str(text)
    }

    /// The configuration as a `parallax.toml` would say it, every knob written out.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("a config is plain numbers, flags and tables")
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: cannot read the configuration: {source}")]
    ConfigUnreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    ConfigInvalid {
        path: PathBuf,
        #[source]
        source: toml::de::Error,
    },
    #[error(transparent)]
    Store(#[from] parallax_store::Error),
    /// The story clusterer the store saved cannot be read back (written by another version?).
    #[error("{path}: the saved story clusterer is unreadable: {source}")]
    StateUnreadable {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    /// One story of the clusterer's saved state cannot be read back.
    #[error("{path}: story {story} of the saved story clusterer is unreadable: {source}")]
    StoryUnreadable {
        path: PathBuf,
        story: String,
        #[source]
        source: serde_json::Error,
    },
    #[error("cannot save the story clusterer: {source}")]
    StateUnwritable {
        #[source]
        source: serde_json::Error,
    },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Progress of a long run, reported by the engine; the CLI draws a bar, tests ignore it.
pub trait Progress: Sync {
    /// `total` inputs are about to be processed.
    fn start(&self, total: usize);
    /// One more input is done.
    fn advance(&self, input: &str);
    fn finish(&self);
}

/// Progress that reports nothing.
pub struct NoProgress;

impl Progress for NoProgress {
    fn start(&self, _: usize) {}
    fn advance(&self, _: &str) {}
    fn finish(&self) {}
}

pub struct Engine {
    store: Store,
    config: Config,
}

impl Engine {
    /// Opens the store in `dir`, creating it when needed, and fills in what an older version
    /// left out.
    pub fn open(dir: &Path, config: Config) -> Result<Engine> {
        let mut store = Store::open(dir)?;
        upgrade::upgrade(&mut store, &config)?;
        Ok(Engine { store, config })
    }

    /// An engine over a throwaway in-memory store.
    pub fn open_in_memory(config: Config) -> Result<Engine> {
        Ok(Engine { store: Store::open_in_memory()?, config })
    }

    /// Where the store's database lives.
    pub fn store_path(&self) -> &Path {
        self.store.path()
    }

    /// Reads, cleans and stores every input under `paths` (files, directories, `-`), in order.
    /// Bad inputs are listed in the returned [`Run`] and skipped; only a store failure is an
    /// `Err`, and everything committed before it stays.
    pub fn ingest(&mut self, paths: &[PathBuf], progress: &dyn Progress) -> Result<Run> {
        let mut run = ingest::run(&mut self.store, &self.config, paths, progress)?;
        stories::cluster(&mut self.store, &self.config, &mut run)?;
        tracing::info!(
            store = %self.store.path().display(),
            inputs = run.inputs,
            added = run.count(&Status::Added),
            duplicates = run.count(&Status::Duplicate),
            existing = run.count(&Status::Existing),
            failed = run.failed.len(),
            skipped = run.skipped.len(),
            "ingested"
        );
        Ok(run)
    }
}

/// The article as this run saw it: `source` as given now, the rest as stored.
fn with_source(mut article: Article, source: &str) -> Article {
    article.source = source.to_string();
    article
}
