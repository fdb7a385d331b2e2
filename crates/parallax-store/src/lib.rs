//! The embedded store: SQLite schema, migrations and transactions. The only SQL in Parallax.
//!
//! One file, `parallax.db`, in the store directory, in WAL mode. Every input's articles go in
//! one transaction ([`Store::add`]), so a run killed at any point keeps every input it finished
//! and nothing half-written. Exact duplicates (the same normalised body) are stored once: the
//! copy's row keeps its own metadata and points at the first with `duplicate_of`.
#![forbid(unsafe_code)]

use std::path::{Path, PathBuf};

use parallax_core::{
    text, Article, ArticleId, EntityKind, Mention, Published, Quote, QuoteKind, Story, TimeExpr, TimeMod,
};
use rusqlite::{params, Connection, OptionalExtension, Row};
use rusqlite_migration::{Migrations, M};

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
    #[error("{path}: {source}")]
    Sqlite {
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
    #[error("{path}: article {id}: stored data is corrupt: {reason}")]
    Corrupt { path: PathBuf, id: String, reason: String },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The schema, one step per version; never edit a released step, add one.
fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(
            "CREATE TABLE articles (
            seq          INTEGER PRIMARY KEY,
            id           TEXT NOT NULL UNIQUE,
            source       TEXT NOT NULL,
            url          TEXT,
            outlet       TEXT,
            section      TEXT,
            title        TEXT,
            authors      TEXT NOT NULL DEFAULT '[]',
            published    TEXT,
            language     TEXT,
            place        TEXT,
            body         TEXT,
            body_hash    TEXT NOT NULL,
            duplicate_of TEXT REFERENCES articles(id),
            warnings     TEXT NOT NULL DEFAULT '[]',
            added_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        CREATE INDEX articles_body_hash ON articles(body_hash) WHERE duplicate_of IS NULL;
        CREATE INDEX articles_published ON articles(published);",
        ),
        // Stories: each article names its story; merges are kept; the clusterer's state is a
        // blob saved with the assignments it produced, in one transaction.
        M::up(
            "ALTER TABLE articles ADD COLUMN story TEXT;
        CREATE INDEX articles_story ON articles(story);
        CREATE TABLE stories (
            id          TEXT PRIMARY KEY,
            title       TEXT,
            key_terms   TEXT NOT NULL DEFAULT '[]',
            first       TEXT,
            last        TEXT,
            merged_into TEXT
        );
        CREATE TABLE story_merges (
            merged   TEXT NOT NULL,
            into_id  TEXT NOT NULL,
            article  TEXT NOT NULL,
            at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        CREATE TABLE state (
            name  TEXT PRIMARY KEY,
            value BLOB NOT NULL
        );",
        ),
        // Time expressions: each article's, in text order, written with the article.
        M::up(
            "CREATE TABLE times (
            article    TEXT NOT NULL REFERENCES articles(id),
            seq        INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char   INTEGER NOT NULL,
            text       TEXT NOT NULL,
            kind       TEXT NOT NULL,
            value      TEXT NOT NULL,
            modifier   TEXT,
            resolved   INTEGER NOT NULL,
            PRIMARY KEY (article, seq)
        );",
        ),
        // Quotes: each article's, in text order, written with the article.
        M::up(
            "CREATE TABLE quotes (
            article    TEXT NOT NULL REFERENCES articles(id),
            seq        INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char   INTEGER NOT NULL,
            text       TEXT NOT NULL,
            speaker    TEXT NOT NULL,
            kind       TEXT NOT NULL,
            via        TEXT,
            PRIMARY KEY (article, seq)
        );",
        ),
        // Entity mentions: each article's, in text order, written with the article. Entities
        // are linked from them when asked for, never stored.
        M::up(
            "CREATE TABLE mentions (
            article    TEXT NOT NULL REFERENCES articles(id),
            seq        INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char   INTEGER NOT NULL,
            text       TEXT NOT NULL,
            kind       TEXT NOT NULL,
            name       TEXT NOT NULL,
            role       TEXT,
            PRIMARY KEY (article, seq)
        );",
        ),
    ])
}

/// What storing one article did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    /// New, and its body is new.
    Added,
    /// New, but its body is an exact copy of an earlier article's.
    Duplicate(ArticleId),
    /// Already in the store from an earlier run: nothing was written.
    Existing,
}

/// An article with what the cleaner warned about it, as the store keeps it.
#[derive(Debug, Clone)]
pub struct Record {
    pub article: Article,
    pub warnings: Vec<String>,
    /// The story it belongs to, once clustered.
    pub story: Option<String>,
    /// Its time expressions, in text order.
    pub times: Vec<TimeExpr>,
    /// Its quotes, in text order.
    pub quotes: Vec<Quote>,
    /// Its entity mentions, in text order.
    pub mentions: Vec<Mention>,
}

/// What one clustering pass changed, saved in one transaction.
#[derive(Debug, Default)]
pub struct StoryUpdate {
    /// (article, story) for newly clustered articles.
    pub assignments: Vec<(ArticleId, String)>,
    /// (merged story, story it joined, the article that bridged them), in order.
    pub merges: Vec<(String, String, ArticleId)>,
    /// Current descriptions of every story touched.
    pub stories: Vec<Story>,
    /// The clusterer's serialised state.
    pub state: Vec<u8>,
    /// (copy, original) for near-duplicates found in this pass: a syndicated copy points at the
    /// earliest published version.
    pub copies: Vec<(ArticleId, ArticleId)>,
}

/// The name under which the clusterer's state is kept.
pub const STORIES_STATE: &str = "stories";

pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if needed) the store in `dir` and brings its schema up to date.
    pub fn open(dir: &Path) -> Result<Store> {
        std::fs::create_dir_all(dir).map_err(|source| Error::CreateDir { path: dir.to_path_buf(), source })?;
        let path = dir.join(DB_FILE);
        let conn = Connection::open(&path).map_err(|source| Error::Sqlite { path: path.clone(), source })?;
        Store::init(conn, path)
    }

    /// A throwaway store for tests and one-off runs.
    pub fn open_in_memory() -> Result<Store> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|source| Error::Sqlite { path: path.clone(), source })?;
        Store::init(conn, path)
    }

    fn init(mut conn: Connection, path: PathBuf) -> Result<Store> {
        let sql = |source| Error::Sqlite { path: path.clone(), source };
        // WAL: readers never block the writer, and a killed writer loses only its open transaction.
        conn.pragma_update(None, "journal_mode", "WAL").map_err(sql)?;
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(sql)?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(sql)?;
        conn.busy_timeout(std::time::Duration::from_secs(10)).map_err(sql)?;
        migrations().to_latest(&mut conn).map_err(|source| Error::Migrate { path: path.clone(), source })?;
        Ok(Store { conn, path })
    }

    /// Where the database lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn sql(&self) -> impl Fn(rusqlite::Error) -> Error + '_ {
        move |source| Error::Sqlite { path: self.path.clone(), source }
    }

    /// Stores the articles of one input in one transaction: all of them or, if the process dies
    /// first, none. Articles already stored (same id) are left as they are.
    pub fn add(&mut self, records: &[Record]) -> Result<Vec<Stored>> {
        let path = self.path.clone();
        let sql = |source| Error::Sqlite { path: path.clone(), source };
        let tx = self.conn.transaction().map_err(sql)?;
        let mut outcomes = Vec::with_capacity(records.len());
        {
            let mut exists = tx.prepare_cached("SELECT 1 FROM articles WHERE id = ?1").map_err(sql)?;
            let mut original = tx
                .prepare_cached(
                    "SELECT id FROM articles WHERE body_hash = ?1 AND duplicate_of IS NULL ORDER BY seq LIMIT 1",
                )
                .map_err(sql)?;
            let mut insert = tx
                .prepare_cached(
                    "INSERT INTO articles (id, source, url, outlet, section, title, authors, published, language, place, body, body_hash, duplicate_of, warnings)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                )
                .map_err(sql)?;
            let mut insert_time = tx
                .prepare_cached(
                    "INSERT INTO times (article, seq, start_char, end_char, text, kind, value, modifier, resolved)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                )
                .map_err(sql)?;
            let mut insert_quote = tx
                .prepare_cached(
                    "INSERT INTO quotes (article, seq, start_char, end_char, text, speaker, kind, via)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )
                .map_err(sql)?;
            let mut insert_mention = tx
                .prepare_cached(
                    "INSERT INTO mentions (article, seq, start_char, end_char, text, kind, name, role)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )
                .map_err(sql)?;
            for Record { article: a, warnings, times, quotes, mentions, .. } in records {
                if exists.exists([a.id.as_str()]).map_err(sql)? {
                    outcomes.push(Stored::Existing);
                    continue;
                }
                let hash = text::fingerprint(&a.text);
                let dup: Option<String> = original.query_row([&hash], |r| r.get(0)).optional().map_err(sql)?;
                insert
                    .execute(params![
                        a.id.as_str(),
                        a.source,
                        a.url,
                        a.outlet,
                        a.section,
                        a.title,
                        json(&a.authors),
                        a.published.map(|p| p.to_string()),
                        a.language,
                        a.place,
                        // A copy's body is the original's: stored once.
                        if dup.is_some() { None } else { Some(&a.text) },
                        hash,
                        dup,
                        json(warnings),
                    ])
                    .map_err(sql)?;
                for (seq, t) in times.iter().enumerate() {
                    insert_time
                        .execute(params![
                            a.id.as_str(),
                            seq as i64,
                            t.start as i64,
                            t.end as i64,
                            t.text,
                            t.kind.as_str(),
                            t.value,
                            t.modifier.map(TimeMod::as_str),
                            t.resolved,
                        ])
                        .map_err(sql)?;
                }
                for (seq, q) in quotes.iter().enumerate() {
                    insert_quote
                        .execute(params![
                            a.id.as_str(),
                            seq as i64,
                            q.start as i64,
                            q.end as i64,
                            q.text,
                            q.speaker,
                            q.kind.as_str(),
                            q.via,
                        ])
                        .map_err(sql)?;
                }
                for (seq, m) in mentions.iter().enumerate() {
                    insert_mention
                        .execute(params![
                            a.id.as_str(),
                            seq as i64,
                            m.start as i64,
                            m.end as i64,
                            m.text,
                            m.kind.as_str(),
                            m.name,
                            m.role,
                        ])
                        .map_err(sql)?;
                }
                outcomes.push(match dup {
                    Some(id) => Stored::Duplicate(ArticleId::from_string(id)),
                    None => Stored::Added,
                });
            }
        }
        tx.commit().map_err(sql)?;
        Ok(outcomes)
    }

    /// One article by id (a unique prefix of at least 4 digits also works).
    pub fn get(&self, id: &str) -> Result<Option<Record>> {
        let query =
            format!("{SELECT} WHERE a.id = ?1 OR (length(?1) >= 4 AND a.id LIKE ?1 || '%') ORDER BY a.seq LIMIT 2");
        let mut stmt = self.conn.prepare_cached(&query).map_err(self.sql())?;
        let rows: Vec<Result<Record>> = stmt
            .query_map([id], |row| Ok(self.record(row)))
            .map_err(self.sql())?
            .collect::<Result<_, _>>()
            .map_err(self.sql())?;
        match rows.len() {
            1 => rows.into_iter().next().transpose(),
            _ => Ok(None),
        }
    }

    /// Every article in arrival order.
    pub fn all(&self) -> Result<Vec<Record>> {
        let mut stmt = self.conn.prepare_cached(&format!("{SELECT} ORDER BY a.seq")).map_err(self.sql())?;
        let rows = stmt.query_map([], |row| Ok(self.record(row))).map_err(self.sql())?;
        rows.map(|r| r.map_err(self.sql())?).collect()
    }

    /// The copies stored of an original, by id.
    pub fn copies_of(&self, id: &ArticleId) -> Result<Vec<ArticleId>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM articles WHERE duplicate_of = ?1 ORDER BY seq")
            .map_err(self.sql())?;
        let rows = stmt.query_map([id.as_str()], |r| r.get::<_, String>(0)).map_err(self.sql())?;
        rows.map(|r| r.map(ArticleId::from_string).map_err(self.sql())).collect()
    }

    /// How many articles the store holds.
    pub fn count(&self) -> Result<usize> {
        self.conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))
            .map(|n| n as usize)
            .map_err(self.sql())
    }

    /// Articles not yet in a story, in arrival order: this run's, and any a killed run left.
    pub fn unclustered(&self) -> Result<Vec<Record>> {
        let mut stmt =
            self.conn.prepare_cached(&format!("{SELECT} WHERE a.story IS NULL ORDER BY a.seq")).map_err(self.sql())?;
        let rows = stmt.query_map([], |row| Ok(self.record(row))).map_err(self.sql())?;
        rows.map(|r| r.map_err(self.sql())?).collect()
    }

    /// A saved state blob by name.
    pub fn state(&self, name: &str) -> Result<Option<Vec<u8>>> {
        self.conn
            .query_row("SELECT value FROM state WHERE name = ?1", [name], |r| r.get(0))
            .optional()
            .map_err(self.sql())
    }

    /// Saves a clustering pass: assignments, merges, story descriptions and the clusterer's
    /// state, all or nothing.
    pub fn save_stories(&mut self, update: &StoryUpdate) -> Result<()> {
        let path = self.path.clone();
        let sql = |source| Error::Sqlite { path: path.clone(), source };
        let tx = self.conn.transaction().map_err(sql)?;
        {
            let mut assign = tx.prepare_cached("UPDATE articles SET story = ?2 WHERE id = ?1").map_err(sql)?;
            for (article, story) in &update.assignments {
                assign.execute(params![article.as_str(), story]).map_err(sql)?;
            }
            // A near-duplicate keeps its own body (it differs); only the link is recorded.
            let mut link = tx.prepare_cached("UPDATE articles SET duplicate_of = ?2 WHERE id = ?1").map_err(sql)?;
            for (copy, original) in &update.copies {
                link.execute(params![copy.as_str(), original.as_str()]).map_err(sql)?;
            }
            let mut upsert = tx
                .prepare_cached(
                    "INSERT INTO stories (id, title, key_terms, first, last, merged_into) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT(id) DO UPDATE SET title = ?2, key_terms = ?3, first = ?4, last = ?5, merged_into = ?6",
                )
                .map_err(sql)?;
            for s in &update.stories {
                upsert
                    .execute(params![
                        s.id,
                        s.title,
                        json(&s.key_terms),
                        s.first.map(|d| d.to_string()),
                        s.last.map(|d| d.to_string()),
                        s.merged_into
                    ])
                    .map_err(sql)?;
            }
            let mut moved = tx.prepare_cached("UPDATE articles SET story = ?2 WHERE story = ?1").map_err(sql)?;
            let mut record = tx
                .prepare_cached("INSERT INTO story_merges (merged, into_id, article) VALUES (?1, ?2, ?3)")
                .map_err(sql)?;
            for (merged, into, article) in &update.merges {
                moved.execute(params![merged, into]).map_err(sql)?;
                record.execute(params![merged, into, article.as_str()]).map_err(sql)?;
            }
            tx.execute(
                "INSERT INTO state (name, value) VALUES (?1, ?2) ON CONFLICT(name) DO UPDATE SET value = ?2",
                params![STORIES_STATE, update.state],
            )
            .map_err(sql)?;
        }
        tx.commit().map_err(sql)
    }

    /// Current stories (not merged away), newest first, with their articles in arrival order.
    pub fn stories(&self) -> Result<Vec<(Story, Vec<ArticleId>)>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT s.id, s.title, s.key_terms, s.first, s.last, s.merged_into, group_concat(a.id, ' ')
                 FROM stories s JOIN articles a ON a.story = s.id
                 WHERE s.merged_into IS NULL GROUP BY s.id ORDER BY s.last DESC, s.id",
            )
            .map_err(self.sql())?;
        let rows = stmt
            .query_map([], |row| {
                let ids: String = row.get(6)?;
                Ok((self.story_row(row), ids.split(' ').map(|i| ArticleId::from_string(i.to_string())).collect()))
            })
            .map_err(self.sql())?;
        rows.map(|r| {
            let (story, ids) = r.map_err(self.sql())?;
            Ok((story?, ids))
        })
        .collect()
    }

    /// One story by id (a merged story resolves to the one it joined), with its articles.
    pub fn story(&self, id: &str) -> Result<Option<(Story, Vec<Record>)>> {
        let mut id = id.to_string();
        for _ in 0..64 {
            let row = self
                .conn
                .query_row(
                    "SELECT id, title, key_terms, first, last, merged_into FROM stories WHERE id = ?1",
                    [&id],
                    |row| Ok(self.story_row(row)),
                )
                .optional()
                .map_err(self.sql())?;
            let Some(story) = row else { return Ok(None) };
            let story = story?;
            match &story.merged_into {
                Some(next) => id = next.clone(),
                None => {
                    let mut stmt = self
                        .conn
                        .prepare_cached(&format!("{SELECT} WHERE a.story = ?1 ORDER BY a.seq"))
                        .map_err(self.sql())?;
                    let rows = stmt.query_map([&story.id], |row| Ok(self.record(row))).map_err(self.sql())?;
                    let records = rows.map(|r| r.map_err(self.sql())?).collect::<Result<Vec<_>>>()?;
                    return Ok(Some((story, records)));
                }
            }
        }
        Ok(None)
    }

    fn story_row(&self, row: &Row<'_>) -> Result<Story> {
        let get_err = |e: rusqlite::Error| Error::Sqlite { path: self.path.clone(), source: e };
        let id: String = row.get(0).map_err(get_err)?;
        let corrupt = |reason: String| Error::Corrupt { path: self.path.clone(), id: id.clone(), reason };
        let terms: String = row.get(2).map_err(get_err)?;
        let date = |i: usize| -> Result<Option<jiff::civil::Date>> {
            let v: Option<String> = row.get(i).map_err(get_err)?;
            v.map(|d| d.parse().map_err(|e| corrupt(format!("date {d:?}: {e}")))).transpose()
        };
        Ok(Story {
            title: row.get(1).map_err(get_err)?,
            key_terms: serde_json::from_str(&terms).map_err(|e| corrupt(format!("key_terms: {e}")))?,
            first: date(3)?,
            last: date(4)?,
            merged_into: row.get(5).map_err(get_err)?,
            id: id.clone(),
        })
    }

    fn record(&self, row: &Row<'_>) -> Result<Record> {
        let corrupt = |id: &str, reason: String| Error::Corrupt { path: self.path.clone(), id: id.to_string(), reason };
        let get_err = |e: rusqlite::Error| Error::Sqlite { path: self.path.clone(), source: e };
        let id: String = row.get("id").map_err(get_err)?;
        let authors: String = row.get("authors").map_err(get_err)?;
        let warnings: String = row.get("warnings").map_err(get_err)?;
        let published: Option<String> = row.get("published").map_err(get_err)?;
        let published =
            published.map(|p| p.parse::<Published>()).transpose().map_err(|e| corrupt(&id, e.to_string()))?;
        let article = Article {
            source: row.get("source").map_err(get_err)?,
            url: row.get("url").map_err(get_err)?,
            outlet: row.get("outlet").map_err(get_err)?,
            section: row.get("section").map_err(get_err)?,
            title: row.get("title").map_err(get_err)?,
            authors: serde_json::from_str(&authors).map_err(|e| corrupt(&id, format!("authors: {e}")))?,
            published,
            language: row.get("language").map_err(get_err)?,
            place: row.get("place").map_err(get_err)?,
            text: row.get("text").map_err(get_err)?,
            duplicate_of: row.get::<_, Option<String>>("duplicate_of").map_err(get_err)?.map(ArticleId::from_string),
            id: ArticleId::from_string(id.clone()),
        };
        let warnings = serde_json::from_str(&warnings).map_err(|e| corrupt(&id, format!("warnings: {e}")))?;
        let story = row.get("story").map_err(get_err)?;
        let times = self.times(&id)?;
        let quotes = self.quotes(&id)?;
        let mentions = self.mentions(&id)?;
        Ok(Record { article, warnings, story, times, quotes, mentions })
    }

    /// The stored entity mentions of an article, in text order.
    fn mentions(&self, id: &str) -> Result<Vec<Mention>> {
        let corrupt = |reason: String| Error::Corrupt { path: self.path.clone(), id: id.to_string(), reason };
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT start_char, end_char, text, kind, name, role FROM mentions WHERE article = ?1 ORDER BY seq",
            )
            .map_err(self.sql())?;
        let rows = stmt
            .query_map([id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, Option<String>>(5)?,
                ))
            })
            .map_err(self.sql())?;
        rows.map(|row| {
            let (start, end, text, kind, name, role) = row.map_err(self.sql())?;
            Ok(Mention {
                start: usize::try_from(start).map_err(|e| corrupt(format!("mention start: {e}")))?,
                end: usize::try_from(end).map_err(|e| corrupt(format!("mention end: {e}")))?,
                text,
                kind: kind.parse::<EntityKind>().map_err(|e| corrupt(format!("mention kind: {e}")))?,
                name,
                role,
            })
        })
        .collect()
    }

    /// The stored quotes of an article, in text order.
    fn quotes(&self, id: &str) -> Result<Vec<Quote>> {
        let corrupt = |reason: String| Error::Corrupt { path: self.path.clone(), id: id.to_string(), reason };
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT start_char, end_char, text, speaker, kind, via FROM quotes WHERE article = ?1 ORDER BY seq",
            )
            .map_err(self.sql())?;
        let rows = stmt
            .query_map([id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, Option<String>>(5)?,
                ))
            })
            .map_err(self.sql())?;
        rows.map(|row| {
            let (start, end, text, speaker, kind, via) = row.map_err(self.sql())?;
            let kind = kind.parse::<QuoteKind>().map_err(|e| corrupt(format!("quote kind: {e}")))?;
            Ok(Quote {
                start: usize::try_from(start).map_err(|e| corrupt(format!("quote start: {e}")))?,
                end: usize::try_from(end).map_err(|e| corrupt(format!("quote end: {e}")))?,
                text,
                speaker,
                kind,
                via,
            })
        })
        .collect()
    }

    /// The stored time expressions of an article, in text order.
    fn times(&self, id: &str) -> Result<Vec<TimeExpr>> {
        let corrupt = |reason: String| Error::Corrupt { path: self.path.clone(), id: id.to_string(), reason };
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT start_char, end_char, text, kind, value, modifier, resolved FROM times WHERE article = ?1 ORDER BY seq",
            )
            .map_err(self.sql())?;
        let rows = stmt
            .query_map([id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, Option<String>>(5)?,
                    r.get::<_, bool>(6)?,
                ))
            })
            .map_err(self.sql())?;
        rows.map(|row| {
            let (start, end, text, kind, value, modifier, resolved) = row.map_err(self.sql())?;
            Ok(TimeExpr {
                start: usize::try_from(start).map_err(|e| corrupt(format!("time start: {e}")))?,
                end: usize::try_from(end).map_err(|e| corrupt(format!("time end: {e}")))?,
                text,
                kind: kind.parse().map_err(|e| corrupt(format!("time kind: {e}")))?,
                value,
                modifier: modifier.map(|m| m.parse()).transpose().map_err(|e| corrupt(format!("time mod: {e}")))?,
                resolved,
            })
        })
        .collect()
    }
}

/// Rows with the body resolved through `duplicate_of`, so every article reads whole.
const SELECT: &str = "SELECT a.id, a.source, a.url, a.outlet, a.section, a.title, a.authors, a.published, a.language,
        a.place, coalesce(a.body, o.body, '') AS text, a.duplicate_of, a.warnings, a.story
    FROM articles a LEFT JOIN articles o ON o.id = a.duplicate_of";

fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).expect("strings serialise to JSON")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, text: &str) -> Record {
        Record {
            article: Article {
                id: ArticleId::from_string(id.into()),
                source: format!("{id}.txt"),
                url: None,
                outlet: Some("Northern Ledger".into()),
                section: None,
                title: Some("T".into()),
                authors: vec!["Jane Roe".into()],
                published: Some("2026-03-04T10:31:00-05:00".parse().unwrap()),
                language: Some("en".into()),
                place: Some("Kessel".into()),
                text: text.into(),
                duplicate_of: None,
            },
            warnings: vec!["w".into()],
            story: None,
            times: Vec::new(),
            quotes: Vec::new(),
            mentions: Vec::new(),
        }
    }

    #[test]
    fn round_trip_duplicates_and_idempotence() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let out = store
            .add(&[article("aaaa1", "Body one."), article("bbbb2", "body ONE"), article("cccc3", "Other.")])
            .unwrap();
        assert_eq!(out, [Stored::Added, Stored::Duplicate(ArticleId::from_string("aaaa1".into())), Stored::Added]);
        assert_eq!(store.add(&[article("aaaa1", "Body one.")]).unwrap(), [Stored::Existing]);
        assert_eq!(store.count().unwrap(), 3);
        drop(store);

        let store = Store::open(dir.path()).unwrap();
        let copy = store.get("bbbb2").unwrap().unwrap();
        assert_eq!(copy.article.text, "Body one.", "a copy reads its original's body");
        assert_eq!(copy.article.duplicate_of.as_ref().map(ArticleId::as_str), Some("aaaa1"));
        assert_eq!(copy.article.published.unwrap().to_string(), "2026-03-04T10:31:00-05:00");
        assert_eq!(copy.warnings, ["w"]);
        assert_eq!(store.get("cccc").unwrap().unwrap().article.id.as_str(), "cccc3");
        assert!(store.get("zzzz").unwrap().is_none());
        assert_eq!(store.copies_of(&ArticleId::from_string("aaaa1".into())).unwrap().len(), 1);
        assert_eq!(store.all().unwrap().len(), 3);
    }

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
    }

    #[test]
    fn times_are_stored_with_their_article() {
        let mut store = Store::open_in_memory().unwrap();
        let mut record = article("tttt1", "The vote was on Tuesday.");
        record.times = vec![TimeExpr {
            start: 16,
            end: 23,
            text: "Tuesday".into(),
            kind: parallax_core::TimeKind::Date,
            value: "2026-03-03".into(),
            modifier: Some(TimeMod::Start),
            resolved: true,
        }];
        store.add(std::slice::from_ref(&record)).unwrap();
        assert_eq!(store.get("tttt1").unwrap().unwrap().times, record.times);
        // A second run stores nothing twice.
        assert_eq!(store.add(&[record]).unwrap(), [Stored::Existing]);
        assert_eq!(store.all().unwrap()[0].times.len(), 1);
    }

    #[test]
    fn quotes_are_stored_with_their_article() {
        let mut store = Store::open_in_memory().unwrap();
        let mut record = article("qqqq1", "Anna Berg said the bridge would reopen.");
        record.quotes = vec![Quote {
            start: 15,
            end: 38,
            text: "the bridge would reopen".into(),
            speaker: "Anna Berg".into(),
            kind: QuoteKind::Indirect,
            via: Some("CNN".into()),
        }];
        store.add(std::slice::from_ref(&record)).unwrap();
        assert_eq!(store.get("qqqq1").unwrap().unwrap().quotes, record.quotes);
    }

    #[test]
    fn mentions_are_stored_with_their_article() {
        let mut store = Store::open_in_memory().unwrap();
        let mut record = article("mmmm1", "Chancellor Anna Berg visited Kessel.");
        record.mentions = vec![
            Mention {
                start: 11,
                end: 20,
                text: "Anna Berg".into(),
                kind: EntityKind::Person,
                name: "Anna Berg".into(),
                role: Some("chancellor".into()),
            },
            Mention {
                start: 29,
                end: 35,
                text: "Kessel".into(),
                kind: EntityKind::Place,
                name: "Kessel".into(),
                role: None,
            },
        ];
        store.add(std::slice::from_ref(&record)).unwrap();
        assert_eq!(store.get("mmmm1").unwrap().unwrap().mentions, record.mentions);
    }
}
