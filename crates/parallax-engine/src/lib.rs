//! The one library API of Parallax: open a store, ingest inputs, read articles back.
//!
//! The engine wires the stages (`parallax-ingest` -> `parallax-extract` -> `parallax-store`);
//! the stages never call each other. The CLI and, later, the server are thin shells over
//! [`Engine`]: they parse arguments, call it, and render what it returns. The JSON shapes both
//! print live in [`contract`].

pub mod contract;
mod entities;
mod extract;
mod ingest;
mod stories;
mod timeline;
mod upgrade;

use std::path::{Path, PathBuf};

use parallax_core::{Article, ArticleId};
use parallax_extract::ExtractConfig;
use parallax_ingest::ReadConfig;
use parallax_store::Store;
use parallax_stories::StoryConfig;

pub use entities::{entities_of, Linked};
pub use extract::{extract_paths, ExtractRun, Extraction};
pub use ingest::{Failure, Run, RunArticle, Status};
pub use parallax_core::{Entity, EntityKind, Story};
pub use parallax_store::Record;
pub use timeline::{timeline_of, Dated};

/// Environment variable naming the store directory when `--store` is not given.
pub const STORE_ENV: &str = "PARALLAX_STORE";
/// Store directory used when neither `--store` nor the environment names one.
pub const DEFAULT_STORE_DIR: &str = ".parallax";

/// Every knob of a run, with defaults in one place.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub read: ReadConfig,
    pub extract: ExtractConfig,
    /// Threads that read and clean inputs (the store is written by one); 0 means one per core.
    pub threads: usize,
    /// The story clusterer's knobs, for a new store (a store keeps the ones it started with).
    pub stories: StoryConfig,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Store(#[from] parallax_store::Error),
    /// Saved state that cannot be read or written.
    #[error("{0}")]
    State(String),
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
        upgrade::upgrade(&mut store)?;
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
        stories::cluster(&mut self.store, &self.config.stories, &mut run)?;
        Ok(run)
    }

    /// Current stories, most recent first, with their articles' ids.
    pub fn stories(&self) -> Result<Vec<(Story, Vec<ArticleId>)>> {
        Ok(self.store.stories()?)
    }

    /// The stories the articles of `run` belong to, in order of first appearance.
    pub fn stories_of(&self, run: &Run) -> Result<Vec<(Story, Vec<Record>)>> {
        let mut seen = std::collections::BTreeSet::new();
        let mut out = Vec::new();
        for id in run.articles.iter().filter_map(|a| a.story.as_deref()) {
            if seen.insert(id.to_string()) {
                if let Some(story) = self.store.story(id)? {
                    out.push(story);
                }
            }
        }
        Ok(out)
    }

    /// One story by id (a merged story's id leads to the story it joined), with its articles.
    pub fn story(&self, id: &str) -> Result<Option<(Story, Vec<Record>)>> {
        Ok(self.store.story(id)?)
    }

    /// All stored articles, in arrival order.
    pub fn articles(&self) -> Result<Vec<Record>> {
        Ok(self.store.all()?)
    }

    /// One article by id or unique id prefix.
    pub fn article(&self, id: &str) -> Result<Option<Record>> {
        Ok(self.store.get(id)?)
    }

    /// The stored exact copies of an article.
    pub fn copies_of(&self, id: &ArticleId) -> Result<Vec<ArticleId>> {
        Ok(self.store.copies_of(id)?)
    }

    /// Number of stored articles.
    pub fn count(&self) -> Result<usize> {
        Ok(self.store.count()?)
    }
}

/// The article as this run saw it: `source` as given now, the rest as stored.
fn with_source(mut article: Article, source: &str) -> Article {
    article.source = source.to_string();
    article
}
