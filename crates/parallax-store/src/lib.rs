//! The embedded store: SQLite schema, migrations and transactions. The only SQL in Parallax.
//!
//! One file, `parallax.db`, in the store directory, in WAL mode. Every input's articles go in
//! one transaction ([`Store::add`]), so a run killed at any point keeps every input it finished
//! and nothing half-written. Exact duplicates (the same normalised body) are stored once: the
//! copy's row keeps its own metadata and points at the first with `duplicate_of`.
//!
//! Every lookup on the ingest and clustering path goes through an index (a test runs
//! `EXPLAIN QUERY PLAN` on each): work per article does not grow with the store. Reads of a
//! batch are bulk, one query per kind of row for the whole batch. The near-duplicate index and
//! the story clusterer's state are kept a row at a time ([`StoryUpdate`]) so a run reads only what
//! its articles touch.
#![forbid(unsafe_code)]

mod articles;
mod schema;
mod stories;

use std::fmt;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use articles::{Pending, Placement, Record, Stored, ANALYSIS_VERSION};
pub use stories::{ClusterRows, ClusterStory, StoryUpdate, CLUSTERER_STATE, NEAR_STATE, STORIES_STATE};

/// The database file inside a store directory.
pub const DB_FILE: &str = "parallax.db";

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: cannot create the store directory: {source}")]
    CreateDir {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: cannot open the database: {source}")]
    Open {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("{path}: cannot migrate the schema: {source}")]
    Migrate {
        path: PathBuf,
        #[source]
        source: rusqlite_migration::Error,
    },
    #[error("{path}: cannot {op}: {source}")]
    Query {
        path: PathBuf,
        op: Op,
        #[source]
        source: rusqlite::Error,
    },
    #[error("{path}: {record}: stored {field} {value:?} is unreadable: {reason}")]
    Corrupt { path: PathBuf, record: String, field: &'static str, value: String, reason: String },
    #[error("{path}: {record} is missing")]
    Missing { path: PathBuf, record: String },
}

/// What the store was doing when SQLite failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Configure,
    StoreArticles,
    ReadArticles,
    StoreAnalyses,
    ReadStories,
    SaveStories,
    ReadClusterer,
    ReadNearIndex,
    SaveNearIndex,
    ReadState,
}

impl fmt::Display for Op {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Op::Configure => "configure the connection",
            Op::StoreArticles => "store articles",
            Op::ReadArticles => "read articles",
            Op::StoreAnalyses => "store articles' analyses",
            Op::ReadStories => "read stories",
            Op::SaveStories => "save stories",
            Op::ReadClusterer => "read the story clusterer's state",
            Op::ReadNearIndex => "read the near-duplicate index",
            Op::SaveNearIndex => "save the near-duplicate index",
            Op::ReadState => "read saved state",
        })
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if needed) the store in `dir` and brings its schema up to date.
    pub fn open(dir: &Path) -> Result<Store> {
        std::fs::create_dir_all(dir).map_err(|source| Error::CreateDir { path: dir.to_path_buf(), source })?;
        let path = dir.join(DB_FILE);
        let conn = Connection::open(&path).map_err(|source| Error::Open { path: path.clone(), source })?;
        Store::init(conn, path)
    }

    /// A throwaway store for tests and one-off runs.
    pub fn open_in_memory() -> Result<Store> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|source| Error::Open { path: path.clone(), source })?;
        Store::init(conn, path)
    }

    fn init(mut conn: Connection, path: PathBuf) -> Result<Store> {
        let sql = |source| Error::Query { path: path.clone(), op: Op::Configure, source };
        // WAL: readers never block the writer, and a killed writer loses only its open transaction.
        conn.pragma_update(None, "journal_mode", "WAL").map_err(sql)?;
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(sql)?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(sql)?;
        conn.busy_timeout(std::time::Duration::from_secs(10)).map_err(sql)?;
        // Lookups land on random pages of large indexes (band keys, terms): a page cache of
        // 64 MiB (the default is 2 MiB) and reads through a memory map keep them off the disk
        // and out of system calls.
        conn.pragma_update(None, "cache_size", -65_536).map_err(sql)?;
        conn.pragma_update(None, "mmap_size", 1_i64 << 30).map_err(sql)?;
        // Every statement of a run stays prepared (the default cache of 16 is smaller than the
        // ingest and clustering path).
        conn.set_prepared_statement_cache_capacity(64);
        schema::migrations().to_latest(&mut conn).map_err(|source| Error::Migrate { path: path.clone(), source })?;
        Ok(Store { conn, path })
    }

    /// Where the database lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Maps SQLite's errors to what the store was doing.
    fn err(&self, op: Op) -> impl Fn(rusqlite::Error) -> Error + '_ {
        move |source| Error::Query { path: self.path.clone(), op, source }
    }

    fn corrupt(&self, record: impl fmt::Display, field: &'static str, value: &str, reason: impl fmt::Display) -> Error {
        Error::Corrupt {
            path: self.path.clone(),
            record: record.to_string(),
            field,
            value: value.to_string(),
            reason: reason.to_string(),
        }
    }
}

/// A JSON array of values, bound as one parameter and read back with `json_each`: a batch of
/// keys in one query whatever its size.
fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).expect("strings and numbers serialise to JSON")
}

/// Converts between the `u64` hashes Rust uses and SQLite's signed integers (same bits).
fn signed(v: u64) -> i64 {
    v as i64
}

fn unsigned(v: i64) -> u64 {
    v as u64
}

#[cfg(test)]
mod tests;
